"""The discussion room in a learner's first week (issue 15, items 3, 4, 15, 16)."""

from __future__ import annotations

from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import make_app, screen_name, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)


async def room(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen", what="room")
    await wait_until(
        pilot, lambda: app.session.engine.current_question is not None, what="question"
    )
    await wait_until(pilot, lambda: app.focused is app.screen.query_one("#answer"), what="focus")


async def test_pause_keeps_every_key(settings: Settings, folder: Path) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await room(pilot, app)
        await pilot.press(*"I ", "f5")
        await wait_until(pilot, lambda: screen_name(app) == "PauseScreen", what="paused")
        await pilot.press("space")  # a space is not "carry on"
        await pilot.pause()
        assert screen_name(app) == "PauseScreen" and app.session.engine.paused
        await pilot.press(*"planned", "enter", *" it")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        await wait_until(pilot, lambda: "planned it" in app.screen.query_one("#answer").text)
        assert app.screen.query_one("#answer").text == "I  planned it"
        assert not app.session.engine.paused


async def test_unsent_draft_is_kept_and_restored_on_resume(
    settings: Settings, folder: Path, monkeypatch
) -> None:
    from practice_bot.records.drafts import draft_path
    from practice_bot.tui.screens.discussion import DiscussionScreen

    monkeypatch.setattr(DiscussionScreen, "DRAFT_DELAY", 0.1)
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await room(pilot, app)
        journal = app.session.journal_path
        await pilot.press(*"half an answer")
        await wait_until(
            pilot,
            lambda: "half an answer" in draft_path(journal).read_text(),
            what="draft saved, debounced",
        )
    # the terminal closed here: nothing was sent
    assert "half an answer" not in journal.read_text()  # a draft is not part of the record

    again = make_app(settings, resume=journal)
    async with again.run_test(size=(80, 24)) as pilot:
        await room(pilot, again)
        box = again.screen.query_one("#answer")
        await wait_until(pilot, lambda: box.text == "half an answer", what="draft restored")
        await pilot.press(*" and the rest", "f2")
        await wait_until(pilot, lambda: screen_name(again) == "FeedbackScreen")
    answers = [t.text for t in again.session.engine.transcript.answers()]
    assert answers == ["half an answer and the rest"]
    assert not draft_path(journal).exists()
