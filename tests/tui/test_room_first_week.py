"""The discussion room in a learner's first week (issue 15, items 3, 4, 15, 16)."""

from __future__ import annotations

from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until

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


def test_more_to_ask_says_whether_moving_on_ends_the_session(rubric) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_engine

    for mode, topics in (("practice", ["model-scoping"]), ("drill", []), ("mock", [])):
        config = SessionConfig(mode=mode, topics=topics, seed=3)  # type: ignore[arg-type]
        engine = make_engine(rubric, config)
        question = engine.next_question()
        steps = 0
        while question is not None and steps < 80:
            expected = engine.more_to_ask()
            engine.skip()
            question = engine.next_question()
            assert expected == (question is not None), (mode, steps)
            steps += 1
        assert engine.finished


async def test_skip_asks_first_and_clears_the_draft(settings: Settings, folder: Path) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await room(pilot, app)
        engine = app.session.engine
        first = engine.current_question
        await pilot.press(*"a draft", "f9")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen", what="confirm")
        assert "skipping clears" in screen_text(app)
        await pilot.press("n")  # stay: nothing skipped, the draft still there
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert engine.current_question == first
        assert app.screen.query_one("#answer").text == "a draft"
        await pilot.press("f9")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: engine.current_question not in (None, first), what="next")
        assert app.screen.query_one("#answer").text == ""  # not left under the next question
        # skip until the last question: the dialog warns that skipping it ends the session
        while engine.more_to_ask():
            await pilot.press("f9")
            await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
            await pilot.press("y")
            await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
            await wait_until(pilot, lambda: not app.screen.busy and engine.current_question)
        await pilot.press("f9")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        assert "last question left" in screen_text(app) and "End and see the report" in screen_text(
            app
        )
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert not engine.finished


async def test_try_again_opens_the_previous_answer(settings: Settings, folder: Path) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await room(pilot, app)
        app.screen.query_one("#answer").insert("My first go PARTLY:model-scoping/pass-1")
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        await pilot.press("f4")  # try again
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        box = app.screen.query_one("#answer")
        await wait_until(pilot, lambda: box.text == "My first go PARTLY:model-scoping/pass-1")
        assert app.session.engine.transcript.turns[-1].kind == "retry"
