"""The start screen: the name is remembered (0600 prefs file), practice needs a topic, recent sessions
list an unfinished one that resumes with its conversation; history offers a drill on the weakest."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from practice_bot.config import Settings
from practice_bot.prefs import load_prefs, prefs_path
from practice_bot.records import store
from practice_bot.records.store import save_final
from practice_bot.session.clock import FakeClock
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from practice_bot.session.room import Room
from tests.conftest import TokenScorer
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until


async def test_name_is_remembered_and_practice_needs_a_topic(settings: Settings) -> None:
    app = make_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen")
        await pilot.press(*"Priya", "f2")
        await pilot.pause()
        assert screen_name(app) == "StartScreen"  # practice (the default) needs a topic
        assert app.focused is app.screen.query_one("#topics")
        await pilot.press("space", "f2")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert app.session.engine.transcript.topics == ["model-scoping"]
    prefs = load_prefs()
    assert prefs.name == "Priya" and prefs.mode == "practice" and prefs.topics == ["model-scoping"]
    assert os.stat(prefs_path()).st_mode & 0o777 == 0o600

    again = make_app(settings)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(again) == "StartScreen")
        assert again.screen.query_one("#name").value == "Priya"
        assert again.screen.query_one("#topics").selected == ["model-scoping"]


async def resume_with_f3(pilot: Pilot[Any], name: str, answer: str) -> None:
    """On the start screen: type `name`, wait for an unfinished session in the recent list, press F3
    and wait for the room showing `answer` from before."""
    app = pilot.app
    await wait_until(pilot, lambda: screen_name(app) == "StartScreen")
    await pilot.press(*name)
    await wait_until(pilot, lambda: "UNFINISHED" in screen_text(app), what="recent list")
    await pilot.press("f3")
    await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
    await wait_until(pilot, lambda: answer in screen_text(app))


async def test_resume_from_the_start_screen(settings: Settings, folder: Path) -> None:
    clock = FakeClock()
    config = SessionConfig(mode="practice", apprentice="Ana", topics=["model-scoping"], seed=4)
    session = start_session(config, settings, clock=clock, scorer=TokenScorer())
    engine = session.engine
    engine.next_question()
    engine.submit_answer("my first answer before the crash")
    question = engine.next_question()
    assert question is not None
    # ...the terminal closed here: only the journal remains.

    app = make_app(settings, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await resume_with_f3(pilot, "Ana", "my first answer before the crash")
        assert "Session resumed" in screen_text(app)
        resumed = app.session.engine
        assert resumed.current_question is not None
        assert resumed.current_question.index == question.index  # the same question waits
        app.screen.query_one("#answer").insert("and my second, after")
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen")
    answers = [t.text for t in app.session.engine.transcript.answers()]
    assert answers == ["my first answer before the crash", "and my second, after"]
    assert app.session.journal_path == session.journal_path


def finished_session(settings: Settings, when: datetime, answer: str) -> None:
    clock = FakeClock(when)
    config = SessionConfig(mode="practice", apprentice="Ana", topics=["model-scoping"], seed=1)
    session = start_session(config, settings, clock=clock, scorer=TokenScorer())
    session.engine.next_question()
    session.engine.submit_answer(answer)
    session.engine.finish("finished")
    save_final(session.journal_path, session.engine.transcript)


async def test_history_trend_weakest_and_drill(settings: Settings, folder: Path) -> None:
    finished_session(
        settings, datetime(2026, 1, 5, 9, 0, tzinfo=UTC), "EVIDENCE:model-scoping/pass-1"
    )
    finished_session(
        settings,
        datetime(2026, 1, 12, 9, 0, tzinfo=UTC),
        "EVIDENCE:model-scoping/pass-1 EVIDENCE:model-scoping/pass-2",
    )
    app = make_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen")
        await pilot.press(*"Ana", "f4")
        await wait_until(pilot, lambda: screen_name(app) == "HistoryScreen")
        await wait_until(pilot, lambda: "evidenced in" in screen_text(app), what="weakest")
        shown = screen_text(app)
        assert "Model scoping" in shown and "1/5 2/5  (up)" in shown
        weakest = app.screen.weakest
        assert weakest and "model-scoping/pass-1" not in weakest
        await pilot.press("d")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        transcript = app.session.engine.transcript
        assert transcript.mode == "drill" and transcript.target_criteria == weakest


async def test_a_finished_session_opens_its_report(settings: Settings) -> None:
    finished_session(
        settings, datetime(2026, 1, 5, 9, 0, tzinfo=UTC), "EVIDENCE:model-scoping/pass-1"
    )
    app = make_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Ana")
        await wait_until(pilot, lambda: "finished" in screen_text(app))
        table = app.screen.query_one("#recent")
        table.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen")
        assert "Saved as ana-20260105-0900-practice-0000beef.json" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen_name(app) == "StartScreen")


async def test_practice_without_topics_opens_the_start_screen_to_choose_them(
    settings: Settings,
) -> None:
    app = make_app(settings, config=SessionConfig(mode="practice", apprentice="Ana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Practice with feedback" in screen_text(app))
        # The notice comes once the settings are read (a worker), after the start screen is drawn.
        await wait_until(
            pilot,
            lambda: any("tick the topics" in n.message for n in app._notifications),
            what="the notice to tick the topics",
        )
        assert screen_name(app) == "StartScreen" and app.session is None
        assert app.screen.mode == "practice"


async def test_a_rescued_session_is_listed_and_resumes_with_f3(settings: Settings) -> None:
    """A session moved to a rescue folder (its own folder stopped taking records) is not lost from
    the start screen: it is listed as unfinished and F3 carries on with it there."""
    rescue = store.rescue_folders()[0]  # the data folder's (each test has its own)
    temp_rescue = store.rescue_folders()[-1]
    temp_rescue.rmdir()  # made by asking for it: the start screen must not make it again
    config = SessionConfig(mode="practice", apprentice="Ana", topics=["model-scoping"], seed=4)
    room = Room(start_session(config, settings, clock=FakeClock(), scorer=TokenScorer()))
    room.ask()
    room.engine.submit_answer("an answer saved in the rescue folder")
    moved = room.move_to(rescue).path
    room.ask()
    assert not list(settings.transcripts.glob("*.journal"))  # nothing left where it started

    app = make_app(settings, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await resume_with_f3(pilot, "Ana", "an answer saved in the rescue folder")
        assert app.session.journal_path == moved
    assert not temp_rescue.exists()  # listing looked; it made nothing


async def test_a_listed_session_that_cannot_be_read_in_full_says_why(settings: Settings) -> None:
    """The recent list reads a few fields of each file; opening one reads it in full, and a file
    that fails there (a topic no rubric has) is named in an error, the start screen staying."""
    import json

    settings.transcripts.mkdir(parents=True)
    path = settings.transcripts / "ana-20260105-0900-practice-0000beef.json"
    data = {"id": "0000beef", "apprentice": "Ana", "mode": "practice", "topics": ["no-such-topic"],
            "seed": 1, "minutes": 20, "started_at": "2026-01-05T09:00:00+00:00",
            "status": "finished"}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Ana")
        await wait_until(pilot, lambda: "finished" in screen_text(app), what="the listed file")
        app.screen.query_one("#recent").focus()
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: any("no-such-topic" in n.message for n in app._notifications),
            what="the error naming the problem",
        )
        (shown,) = [n for n in app._notifications if "no-such-topic" in n.message]
        assert shown.title == "Could not open the session" and str(path) in shown.message
        assert screen_name(app) == "StartScreen"


async def test_enter_on_an_unfinished_row_resumes_it(settings: Settings) -> None:
    config = SessionConfig(mode="practice", apprentice="Ana", topics=["model-scoping"], seed=4)
    session = start_session(config, settings, clock=FakeClock(), scorer=TokenScorer())
    session.engine.next_question()
    session.engine.submit_answer("an answer before the terminal closed")
    session.engine.next_question()

    app = make_app(settings, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Ana")
        await wait_until(pilot, lambda: "UNFINISHED" in screen_text(app), what="recent list")
        app.screen.query_one("#recent").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        await wait_until(pilot, lambda: "an answer before the terminal closed" in screen_text(app))
        assert app.session.journal_path == session.journal_path
