"""The tutor's screens: the review list (sort, filter), a transcript's review with an override and a
comment that persists across a restart with the grades recomputed both ways, blind marking with its
agreement figures, the cohort view's numbers, and how `practice-bot review` and F6 reach them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, OptionList

from practice_bot.config import Settings
from practice_bot.prefs import load_prefs
from practice_bot.records.store import load_transcript
from practice_bot.rubric import Rubric
from practice_bot.tui.app import ReviewStart
from practice_bot.tutor.agreement import folder_agreement
from practice_bot.tutor.overrides import grades_both_ways
from tests.tui.review_kit import nearly_passing_mock, tutor_folder
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until


def review_app(settings: Settings, folder: Path) -> Any:
    return make_app(settings, review=ReviewStart(folder))


def names(app: Any) -> list[str]:
    return [r.apprentice for r in app.screen.shown]


async def highlight(pilot: Any, criterion_id: str) -> None:
    criteria = pilot.app.screen.query_one("#criteria", OptionList)
    criteria.highlighted = criteria.get_option_index(criterion_id)
    await pilot.pause()


async def test_the_list_sorts_and_filters(settings: Settings, folder: Path, rubric: Rubric) -> None:
    tutor_folder(folder, rubric)
    app = review_app(settings, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded, what="rows")
        assert names(app) == ["Bo Chen", "Ana Lee", "Sam Patel"]  # newest first
        assert "3 of 3 transcripts, sorted by date" in screen_text(app)
        await pilot.press("s")  # next sort key: apprentice
        assert names(app) == ["Ana Lee", "Bo Chen", "Sam Patel"]
        await pilot.press("r")
        assert names(app) == ["Sam Patel", "Bo Chen", "Ana Lee"]
        await pilot.press("slash", *"flagged=yes")
        await wait_until(pilot, lambda: names(app) == ["Sam Patel"])
        await pilot.press("escape")  # leaves the filter box, not the screen
        assert screen_name(app) == "ReviewListScreen" and app.focused.id == "rows"
        app.screen.query_one("#filter").value = "pack=march bo"
        await wait_until(pilot, lambda: names(app) == ["Bo Chen"])
        app.screen.query_one("#filter").value = "colour=blue"
        await wait_until(pilot, lambda: "KEY one of apprentice" in screen_text(app))


async def test_override_with_comment_persists_and_grades_are_recomputed(
    settings: Settings, folder: Path, rubric: Rubric
) -> None:
    tutor_folder(folder, rubric)
    path = nearly_passing_mock(folder, rubric)
    scorer_record = load_transcript(path).judgments
    app = review_app(settings, folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded, what="rows")
        assert names(app)[0] == "Kim Ode"
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "TranscriptReviewScreen")
        await wait_until(
            pilot, lambda: "turn 1: “EVIDENCE:model-scoping/pass-1”" in screen_text(app)
        )
        assert "With overrides: Fail (AM2 Pass, AM1 Fail)" in screen_text(app)
        await highlight(pilot, "model-scoping/pass-2")
        assert "Status: ○ not yet" in screen_text(app)
        await pilot.press("e")
        await wait_until(pilot, lambda: screen_name(app) == "DecisionDialog")
        await pilot.press(*"Jo Tutor", "enter", *"Explained the recall target.", "f2")
        await wait_until(pilot, lambda: screen_name(app) == "TranscriptReviewScreen")
        await wait_until(pilot, lambda: "changed by overrides" in screen_text(app))
        shown = screen_text(app)
        assert "With overrides: Pass (AM2 Pass, AM1 Pass)" in shown
        assert "Scorer alone:   Fail (AM2 Pass, AM1 Fail)" in shown
        assert "pass-2 (tutor)" in shown and "Explained the recall target." in shown
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "ReviewListScreen")
        await wait_until(pilot, lambda: "Pass*" in screen_text(app), what="row refreshed")

    saved = load_transcript(path)  # written at once, atomically, beside the scorer's record
    assert saved.judgments == scorer_record
    [o] = saved.overrides
    assert (o.criterion_id, o.evidenced, o.tutor, o.comment, o.blind) == (
        "model-scoping/pass-2", True, "Jo Tutor", "Explained the recall target.", False,
    )  # fmt: skip
    both = grades_both_ways(saved, rubric)
    assert both.with_overrides.overall == "pass" and both.scorer_only.overall == "fail"
    assert load_prefs().tutor == "Jo Tutor"

    again = review_app(settings, folder)  # a restart reads the file again
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: again.screen.loaded)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(again) == "TranscriptReviewScreen")
        await highlight(pilot, "model-scoping/pass-2")
        shown = screen_text(again)
        assert "With overrides: Pass (AM2 Pass, AM1 Pass)" in shown
        assert "Status: ✓ evidenced  (scorer: ○ not yet)" in shown
        assert "override: evidenced by Jo Tutor" in shown
        await pilot.press("a")  # the tutor's name is remembered
        await wait_until(pilot, lambda: screen_name(again) == "DecisionDialog")
        assert again.screen.query_one("#tutor").value == "Jo Tutor"
        await pilot.press("escape")


async def test_a_decision_that_cannot_be_saved_is_reported_plainly(
    settings: Settings, folder: Path, rubric: Rubric
) -> None:
    tutor_folder(folder, rubric)
    app = review_app(settings, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "TranscriptReviewScreen")
        await highlight(pilot, "model-scoping/pass-1")
        app.screen.path = folder / "missing.json"  # the file went away meanwhile
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "DecisionDialog")
        await pilot.press(*"Jo", "f2")
        await wait_until(pilot, lambda: any("no such transcript" in n.message
                                            for n in app._notifications))  # fmt: skip
        assert screen_name(app) == "TranscriptReviewScreen"


async def test_blind_marking_then_agreement(
    settings: Settings, folder: Path, rubric: Rubric
) -> None:
    paths = tutor_folder(folder, rubric)
    app = review_app(settings, folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded)
        app.screen.query_one("#filter").value = "ana"
        await wait_until(pilot, lambda: names(app) == ["Ana Lee"])
        app.screen.query_one("#rows").focus()
        await pilot.press("b")
        await wait_until(pilot, lambda: screen_name(app) == "BlindMarkingScreen")
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        hidden = screen_text(app)
        assert "Evidence quoted here" not in hidden and "evidenced pass" not in hidden
        # model-scoping pass-1 yes (scorer: not yet), pass-2 yes (evidenced), pass-3 no (not yet)
        await pilot.press("y", "y", "n")
        await highlight(pilot, "sustainability/pass-1")
        await pilot.press("y")  # scorer: evidenced
        assert "4 of 6 criteria marked" in screen_text(app)
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "DecisionDialog")
        await pilot.press(*"Jo Tutor", "enter")
        await wait_until(pilot, lambda: "Exact agreement" in screen_text(app))
        shown = screen_text(app)
        assert "Exact agreement: 3 of 4 (75%)" in shown
        assert "Cohen's kappa: 0.50" in shown
        assert "DISAGREE model-scoping/pass-1" in shown
        assert "you: evidenced; scorer: not yet" in shown
        assert "Evidence quoted here" in shown  # revealed only now

    marks = [o for o in load_transcript(paths["ana"]).overrides if o.blind]
    assert {(o.criterion_id, o.evidenced) for o in marks} == {
        ("model-scoping/pass-1", True), ("model-scoping/pass-2", True),
        ("model-scoping/pass-3", False), ("sustainability/pass-1", True),
    }  # fmt: skip
    summary = folder_agreement(folder).summary
    assert (summary.items, summary.agreed, round(summary.kappa or 0, 2)) == (4, 3, 0.5)


def cell(table: DataTable[Any], row: str, column: str) -> str:
    return str(table.get_cell(row, column))


async def test_cohort_numbers_and_pack_filter(
    settings: Settings, folder: Path, rubric: Rubric
) -> None:
    tutor_folder(folder, rubric)
    app = review_app(settings, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.loaded)
        await pilot.press("c")
        await wait_until(pilot, lambda: screen_name(app) == "CohortScreen")
        await wait_until(pilot, lambda: app.screen.cohort is not None)
        table = app.screen.query_one("#matrix", DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["Apprentice", "T1", "T5"]
        assert [cell(table, "Ana Lee", t) for t in ("model-scoping", "sustainability")] == [
            "1/5", "1/1"]  # fmt: skip
        assert cell(table, "Sam Patel", "model-scoping") == "1/5"  # partly is not evidenced
        assert cell(table, "Bo Chen", "model-scoping") == "0/5"
        assert cell(table, "Bo Chen", "sustainability") == "-"
        assert cell(table, "(cohort)", "model-scoping") == "13%"  # 2 of 15
        assert "model-scoping/pass-3 (pass): missed by 3 of 3" in screen_text(app)
        await pilot.press("p")
        await wait_until(pilot, lambda: "Class pack march" in screen_text(app))
        table = app.screen.query_one("#matrix", DataTable)
        assert table.row_count == 3  # Bo, Sam and the cohort row
        assert cell(table, "(cohort)", "model-scoping") == "10%"  # 1 of 10
        await pilot.press("p")
        await wait_until(pilot, lambda: "All class packs" in screen_text(app))


async def test_f6_on_the_start_screen_opens_the_configured_folder(
    settings: Settings, folder: Path, rubric: Rubric
) -> None:
    tutor_folder(folder, rubric)
    app = make_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.built)
        await pilot.press("f6")
        await wait_until(pilot, lambda: screen_name(app) == "ReviewListScreen")
        await wait_until(pilot, lambda: app.screen.loaded)
        assert app.screen.folder == folder and len(app.screen.rows) == 3
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen")


@pytest.mark.parametrize(
    ("argv", "opens"),
    [
        (["review", "{folder}"], True),
        (["review", "{folder}", "--sort", "grade", "--filter", "apprentice=Sam Patel"], True),
        (["review", "list", "{folder}"], False),
        (["review", "{folder}", "--json"], False),
    ],
)
def test_review_opens_the_screen_only_without_a_subcommand_in_a_terminal(
    monkeypatch: pytest.MonkeyPatch, folder: Path, rubric: Rubric, argv: list[str], opens: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import sys

    import practice_bot.tui.app as app_module
    from practice_bot.cli import main

    tutor_folder(folder, rubric)
    started: list[ReviewStart] = []
    monkeypatch.setattr(app_module, "run", lambda settings, **kw: started.append(kw["review"]) or 0)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main([a.format(folder=folder) for a in argv]) == 0
    assert bool(started) == opens
    if opens:
        assert started[0].folder == folder
    if len(argv) > 2 and opens:
        assert (started[0].sort, started[0].filter) == ("grade", "Sam Patel")
    if not opens:
        assert "Sam Patel" in capsys.readouterr().out
