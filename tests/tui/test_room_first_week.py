"""The discussion room in a learner's first week (issue 15, items 3, 4, 15, 16)."""

from __future__ import annotations

from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.clock import FakeClock
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


def closed_mock(settings: Settings, clock: FakeClock, away: float) -> Path:
    """A mock exam answered for ten minutes, then closed for `away` seconds."""
    from practice_bot.session.factory import start_session
    from tests.conftest import TokenScorer

    config = SessionConfig(mode="mock", apprentice="Kim", seed=2)
    session = start_session(config, settings, clock=clock, scorer=TokenScorer())
    session.engine.next_question()
    clock.advance(600)
    session.engine.submit_answer_in_background("my first answer")
    session.engine.next_question()
    clock.advance(away)  # the app was closed this long
    return session.journal_path


async def test_resumed_mock_says_how_long_it_was_away_and_counts_it_if_chosen(
    settings: Settings, folder: Path
) -> None:
    clock = FakeClock()
    journal = closed_mock(settings, clock, 25 * 60)
    app = make_app(settings, clock, resume=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen", what="asked")
        text = screen_text(app)
        assert "closed for 25 minutes" in text and "stopped at 10:00" in text
        await pilot.press("y")  # count the time away
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        engine = app.session.engine
        await wait_until(pilot, lambda: "Elapsed    35:00" in screen_text(app), what="clock")
        assert engine.elapsed() == 600 + 25 * 60
        events = [e.detail for e in engine.transcript.events if e.kind == "time_away"]
        assert events == ["counted: 1500 s"]


async def test_resumed_mock_can_keep_the_clock_as_it_stopped(
    settings: Settings, folder: Path
) -> None:
    clock = FakeClock()
    journal = closed_mock(settings, clock, 3 * 60)
    app = make_app(settings, clock, resume=journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen", what="asked")
        assert "closed for 3 minutes" in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        await wait_until(pilot, lambda: app.screen.query_one("#answer").has_focus, what="ready")
        assert app.session.engine.elapsed() == 600
        assert "Elapsed    10:00" in screen_text(app)


def test_plain_resume_of_a_closed_mock_says_so(settings: Settings, folder: Path) -> None:
    import io

    from practice_bot.plain import PlainRunner
    from practice_bot.session.factory import resume_session
    from tests.conftest import TokenScorer

    clock = FakeClock()
    journal = closed_mock(settings, clock, 3600)
    session = resume_session(journal, settings, clock=clock, scorer=TokenScorer())
    out = io.StringIO()
    PlainRunner(session, io.StringIO("an answer\n\n"), out).run()
    assert "was closed for 1 hour; its clock stopped at 10:00" in out.getvalue()
    assert "The clock carries on from where it stopped." in out.getvalue()  # a pipe: not asked
    assert "an answer" in [t.text for t in session.engine.transcript.answers()]


async def test_room_names_the_pack_and_titles_the_criteria(
    settings: Settings, folder: Path
) -> None:
    pack = SessionConfig(
        mode="mock", apprentice="Kim", seed=2, pack_id="march-mock", pack_name="March mock"
    )
    app = make_app(settings, config=pack)
    async with app.run_test(size=(100, 30)) as pilot:
        await room(pilot, app)
        text = screen_text(app)
        assert "Class pack: March mock (march-mock)" in text  # the header
        assert "Mock exam (class pack: March mock)" in text
    practice = make_app(settings, config=PRACTICE)
    async with practice.run_test(size=(100, 30)) as pilot:
        await room(pilot, practice)
        assert "ML lifecycle stages" in screen_text(practice)  # the side panel's criteria


async def test_send_key_never_overtakes_the_typed_characters(
    settings: Settings, folder: Path
) -> None:
    from textual import events

    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(80, 24)) as pilot:
        await room(pilot, app)
        for ch in "fast typing":  # as a terminal delivers a burst: no waiting between keys
            app.post_message(events.Key(ch if ch != " " else "space", ch))
        app.post_message(events.Key("f2", None))
        await wait_until(pilot, lambda: app.session.engine.transcript.answers(), what="sent")
        assert app.session.engine.transcript.answers()[0].text == "fast typing"
