"""A tutor flags a credited criterion as doubtful from the review screen (issue 15, item 19): the credit
and the grades stay, the criterion is flagged for review in the list, and `review agreement` counts it."""

from __future__ import annotations

from pathlib import Path

from practice_bot.config import Settings
from practice_bot.records.store import load_transcript
from practice_bot.rubric import Rubric
from practice_bot.tui.app import ReviewStart
from practice_bot.tutor.agreement import folder_agreement
from practice_bot.tutor.listing import review_rows
from practice_bot.tutor.overrides import grades_both_ways
from tests.tui.review_kit import nearly_passing_mock
from tests.tui.test_review_screens import highlight
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until
from tests.tutor.kit import run_cli


async def test_doubt_a_credited_criterion(settings: Settings, folder: Path, rubric: Rubric) -> None:
    path = nearly_passing_mock(folder, rubric)
    before = grades_both_ways(load_transcript(path), rubric)
    assert review_rows(folder, rubric)[0][0].flagged == 0
    app = make_app(settings, review=ReviewStart(folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded, what="rows")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "TranscriptReviewScreen")
        await highlight(pilot, "model-scoping/pass-2")  # not credited: nothing to doubt
        await pilot.press("d")
        await wait_until(
            pilot, lambda: any("only a credited" in n.message for n in app._notifications)
        )
        assert screen_name(app) == "TranscriptReviewScreen"
        await highlight(pilot, "model-scoping/pass-1")
        await pilot.press("d")
        await wait_until(pilot, lambda: screen_name(app) == "DecisionDialog")
        assert "Flag model-scoping/pass-1 as doubtful" in screen_text(app)
        await pilot.press(*"Jo Tutor", "enter", *"Names the stages, no project.", "f2")
        await wait_until(pilot, lambda: screen_name(app) == "TranscriptReviewScreen")
        await wait_until(pilot, lambda: "pass-1 (doubted)" in screen_text(app))
        assert "doubt: credit flagged as doubtful by Jo Tutor" in screen_text(app)

    saved = load_transcript(path)
    [o] = saved.overrides
    assert (o.criterion_id, o.doubt, o.evidenced, o.tutor) == (
        "model-scoping/pass-1",
        True,
        True,
        "Jo Tutor",
    )
    assert grades_both_ways(saved, rubric) == before  # the credit and the grades stay
    row = review_rows(folder, rubric)[0][0]
    assert row.flagged == 1 and "tutor_doubt" in row.flags and row.overrides == 0
    assert [d.criterion_id for d in folder_agreement(folder).doubts] == ["model-scoping/pass-1"]
    out = run_cli(["review", "agreement", str(folder)], folder.parent)
    assert out.returncode == 0, out.stderr
    assert "Credited criteria flagged as doubtful by a tutor: 1" in out.stdout
    assert "model-scoping/pass-1, Jo Tutor: Names the stages, no project." in out.stdout
