"""A short practice session driven through the app: typed answer, submit, feedback, try again, pause,
end, report and exports; the journal holds each answer before the screen moves on."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

from practice_bot.config import Settings
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.base import Assessment
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import TokenScorer
from tests.tui.tui_testkit import journal_lines, make_app, screen_name, screen_text, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)


async def test_practice_session_end_to_end(settings: Settings, folder: Path) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen", what="room")
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        assert "Criteria: Model scoping" in screen_text(app)
        assert "not yet" in screen_text(app)

        await pilot.press(*"I planned it ")  # typed...
        app.screen.query_one("#answer").insert(
            "EVIDENCE:model-scoping/pass-1 carefully"
        )  # ...pasted
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        journal = journal_lines(folder)
        assert "I planned it EVIDENCE:model-scoping/pass-1 carefully" in journal
        shown = screen_text(app)
        assert "What this answer evidenced" in shown
        assert "✓ evidenced" in shown and "pass-1" in shown
        assert "Not yet evidenced in this topic" in shown
        assert "What an assessor would probe next" in shown

        await pilot.press("f4")  # try again
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        await wait_until(pilot, lambda: "asked again" in screen_text(app), what="retry")
        engine = app.session.engine
        assert engine.transcript.turns[-1].kind == "retry"

        box = app.screen.query_one("#answer")
        assert box.text == "I planned it EVIDENCE:model-scoping/pass-1 carefully"  # to improve
        box.load_text("Second go PARTLY:model-scoping/pass-2")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen")
        assert "◐ partly" in screen_text(app)
        await pilot.press("enter")  # continue: the next question
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        await wait_until(pilot, lambda: engine.current_question is not None)
        assert engine.topic_status("model-scoping")["model-scoping/pass-1"] == "evidenced"
        assert "pass-2 ◐ partly" in screen_text(app)

        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="report")
        report = screen_text(app)
        assert "Exam-level prediction (formative)" in report  # one topic: no exam grades
        assert "Formative prediction" in report

        for key in ("m", "h", "j"):
            await pilot.press(key)
        exported = folder / "reports"
        await wait_until(pilot, lambda: len(list(exported.glob("*"))) == 3, what="exports")

    final = folder / "alex-20260105-0900-practice-0000beef.json"
    data = json.loads(final.read_text(encoding="utf-8"))
    assert data["status"] == "ended_early"
    answers = [t["text"] for t in data["turns"] if t["role"] == "apprentice"]
    assert answers == [
        "I planned it EVIDENCE:model-scoping/pass-1 carefully",
        "Second go PARTLY:model-scoping/pass-2",
    ]
    assert not list(folder.glob("*.journal.jsonl"))
    names = sorted(p.name for p in exported.iterdir())
    assert names == [f"alex-20260105-0900-practice-0000beef.{x}" for x in ("html", "json", "md")]
    assert (final.stat().st_mode & 0o777) == 0o600


class SlowScorer(TokenScorer):
    """Holds scoring until released, so the test can look at the journal while the scorer runs."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.started = threading.Event()

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        self.started.set()
        self.release.wait(5)
        return super().score(answer, question, topic, criteria)


async def test_answer_is_journaled_before_scoring_and_typing_goes_on(
    settings: Settings, folder: Path
) -> None:
    scorer = SlowScorer()
    app = make_app(settings, config=PRACTICE, scorer=scorer)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        await pilot.press(*"kept safe", "f2")
        await wait_until(pilot, scorer.started.is_set, what="scoring started")
        assert '"text": "kept safe"' in journal_lines(folder)
        assert app.screen.busy
        await pilot.press(*"still ok")  # the box stays usable
        assert app.screen.query_one("#answer").text == "still ok"
        await pilot.press("f2")  # ignored while busy: one answer at a time
        scorer.release.set()
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen")
    assert scorer.calls == 1


async def test_pause_only_in_practice(settings: Settings, clock: FakeClock) -> None:
    app = make_app(settings, clock, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        engine = app.session.engine
        await pilot.press("f5")
        await wait_until(pilot, lambda: screen_name(app) == "PauseScreen")
        clock.advance(600)
        assert engine.time_status().paused and engine.elapsed() < 1
        assert "PAUSED" in str(app.screen_stack[-2].query_one("#clock").render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        assert not engine.paused
        kinds = [e.kind for e in engine.transcript.events]
        assert kinds[-2:] == ["paused", "resumed"]

    mock = make_app(settings, FakeClock(), config=SessionConfig(mode="mock", apprentice="Sam"))
    async with mock.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(mock))
        assert "Pause" not in screen_text(mock)  # not offered in the footer
        await pilot.press("f5")
        await pilot.pause()
        assert screen_name(mock) == "DiscussionScreen"
        assert not mock.session.engine.paused


async def test_empty_answer_is_not_sent(settings: Settings, folder: Path) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        await pilot.press("space", "f2")
        await pilot.pause()
        assert screen_name(app) == "DiscussionScreen"
        assert not app.session.engine.transcript.answers()
