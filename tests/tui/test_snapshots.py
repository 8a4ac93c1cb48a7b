"""SVG snapshots of the main screens at 80x24 and 120x40: start, discussion room, practice feedback and
report. Deterministic: fixed clock and names, synthetic banks, TokenScorer, fixed transcript id, cursor
blink off. Update with `pytest tests/tui --snapshot-update` after checking the pictures."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from practice_bot.config import Settings
from practice_bot.prefs import Prefs, save_prefs
from practice_bot.records.store import save_final
from practice_bot.session.clock import FakeClock
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from tests.conftest import TokenScorer
from tests.tui.tui_testkit import make_app, screen_name, screen_text, settle, wait_until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
PRACTICE = SessionConfig(
    mode="practice", apprentice="Alex Doe", topics=["model-scoping", "sustainability"], seed=5
)
ANSWER = (
    "On the churn project I began from the business need: reduce cancellations. "
    "EVIDENCE:model-scoping/pass-1 We agreed recall mattered more than precision. "
    "PARTLY:model-scoping/pass-2"
)


def freeze_cursors(app: Any) -> None:
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False


def past_sessions(settings: Settings) -> None:
    """One finished practice session and one unfinished mock, for the recent list."""
    done = start_session(
        PRACTICE, settings, clock=FakeClock(datetime(2026, 1, 2, 14, 30, tzinfo=UTC)),
        scorer=TokenScorer(),
    )  # fmt: skip
    done.engine.next_question()
    done.engine.submit_answer(ANSWER)
    done.engine.finish("finished")
    save_final(done.journal_path, done.engine.transcript)
    mock = SessionConfig(mode="mock", apprentice="Alex Doe", seed=5)
    cut = start_session(
        mock, settings, clock=FakeClock(datetime(2026, 1, 4, 10, 0, tzinfo=UTC)),
        scorer=TokenScorer(),
    )  # fmt: skip
    cut.engine.next_question()
    cut.engine.submit_answer("An answer before the terminal closed.")


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare: Any, settings: Settings, size: tuple[int, int]) -> None:
    save_prefs(Prefs(name="Alex Doe", mode="practice", topics=PRACTICE.topics))
    past_sessions(settings)
    app = make_app(settings)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_until(pilot, lambda: "UNFINISHED" in screen_text(app), what="recent list")
        freeze_cursors(app)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def _to_first_question(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
    freeze_cursors(app)


async def _to_feedback(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await _to_first_question(pilot)
    app.clock.advance(150)
    app.screen.query_one(TextArea).insert(ANSWER)
    await pilot.press("f2")
    await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")


async def _to_report(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await _to_feedback(pilot)
    await pilot.press("enter")
    await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
    await wait_until(pilot, lambda: not app.screen.busy and app.session.engine.current_question)
    app.clock.advance(200)
    app.screen.query_one(TextArea).insert("EVIDENCE:model-scoping/pass-3 and more")
    await pilot.press("f2")
    await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen")
    await pilot.press("enter")
    await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
    app.clock.advance(30)
    await pilot.press("f10")
    await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
    await pilot.press("y")
    await wait_until(pilot, lambda: screen_name(app) == "ReportScreen", what="report")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "steps",
    [
        pytest.param(_to_first_question, id="discussion"),
        pytest.param(_to_feedback, id="feedback"),
        pytest.param(_to_report, id="report"),
    ],
)
def test_session_screens(
    snap_compare: Any, settings: Settings, size: tuple[int, int], steps: Any
) -> None:
    app = make_app(settings, FakeClock(), config=PRACTICE)

    async def run_before(pilot: Pilot[Any]) -> None:
        await steps(pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
