"""The app's side of the LLM: a follow-up question streams in from a worker and is replaced by the checked
text; notes from the engine become notifications; the consent step comes before anything is sent;
quitting with an unsent answer asks first. No request leaves the machine (the LLM is faked)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from practice_bot.banks.models import Question
from practice_bot.config import Settings
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.session.engine import Engine
from practice_bot.session.plan import SessionConfig
from practice_bot.tui.widgets.conversation import AssessorTurn
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)


class StreamingSource:
    """Stands in for the LLM question writer: streams a draft, restarts once, then gives its question
    (held at a gate so the test can look at the half-streamed screen)."""

    def __init__(self) -> None:
        self.on_delta: Callable[[str], None] | None = None
        self.on_reset: Callable[[], None] | None = None
        self.gate = threading.Event()
        self.streamed = threading.Event()
        self.thread: str | None = None

    def follow_up(
        self, engine: Engine, topic: Topic, unmet: list[Criterion], fallback: Question
    ) -> tuple[str, str] | None:
        self.thread = threading.current_thread().name
        assert self.on_delta is not None and self.on_reset is not None
        self.on_delta("A first **draft** that ")
        self.on_reset()
        for piece in ("Which metric ", "did you agree ", "*with the sponsor*?"):
            self.on_delta(piece)
        self.streamed.set()
        self.gate.wait(5)
        return "Which metric did you agree with the sponsor, and why?", "llm:test-model"


async def test_a_written_question_streams_in_and_is_then_shown_in_full(settings: Settings) -> None:
    app = make_app(settings, config=PRACTICE)
    source = StreamingSource()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        engine = app.session.engine
        engine.question_source = source
        app.screen.query_one("#answer").insert("EVIDENCE:model-scoping/pass-1")
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen")
        await pilot.press("enter")
        await wait_until(pilot, source.streamed.is_set, what="streaming")
        await wait_until(
            pilot, lambda: "Which metric did you agree with the sponsor?" in screen_text(app)
        )
        shown = screen_text(app)
        assert "draft" not in shown  # the restart cleared the first attempt
        assert app.screen.busy and "the assessor is thinking" in shown
        await pilot.press(*"typing on")  # the box stays live while the question streams
        source.gate.set()
        final = "Which metric did you agree with the sponsor, and why?"
        await wait_until(
            pilot,
            lambda: app.screen.query(AssessorTurn).last().source == final,
            what="final question",
        )
        assert not app.screen.busy
        assert screen_text(app).count("Which metric") == 1
        assert engine.transcript.turns[-1].source == "llm:test-model"
        assert app.screen.query_one("#answer").text == "typing on"
    assert source.thread != threading.main_thread().name  # written off the app's thread
    assert source.on_delta is None  # hooks are removed once the question is in


async def test_engine_notes_become_notifications(settings: Settings) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        note = app.session.engine.on_note
        assert note is not None
        threading.Thread(target=note, args=("LLM unreachable: scored offline [x]",)).start()
        await wait_until(
            pilot,
            lambda: any("scored offline [x]" in n.message for n in app._notifications),
            what="note",
        )


async def test_consent_comes_first_and_no_means_offline(settings: Settings, tmp_path: Path) -> None:
    llm_settings = settings.model_copy(
        update={"base_url": "http://127.0.0.1:9/v1", "scorer": "auto"}
    )
    app = make_app(llm_settings, config=PRACTICE, scorer=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen", what="consent")
        assert "http://127.0.0.1:9/v1" in screen_text(app)
        assert app.session is None  # nothing started, nothing sent
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert app.session.engine.transcript.scorer == "offline"
        assert app.session.engine.question_source is None
    consent = tmp_path / "data" / "consent.json"
    assert not consent.exists()

    again = make_app(llm_settings, config=PRACTICE, scorer=None)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen_name(again) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(again) == "DiscussionScreen")
        assert again.session.engine.transcript.scorer == "llm"
        assert again.session.engine.question_source is not None
    assert "127.0.0.1:9" in json.loads(consent.read_text("utf-8"))["endpoints"].__repr__()


async def test_quitting_with_an_unsent_answer_asks_first(settings: Settings) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        await pilot.press(*"half an answer")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("n")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert app.screen.query_one("#answer").text == "half an answer"
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: not app.is_running, what="exit")
    assert "practice-bot resume" in app.exit_note
