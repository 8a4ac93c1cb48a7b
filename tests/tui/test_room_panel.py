"""The side panel redraws itself from the engine's records: a change made on another thread (as a
worker makes them), with no call from the screen, reaches the panel."""

from __future__ import annotations

import asyncio
from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import journal_lines, make_app, screen_name, screen_text, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)


async def test_the_panel_follows_the_engine(settings: Settings) -> None:
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question, what="a question")
        room = app.screen.room
        talk = app.screen.query_one("#talkshare")
        criteria = app.screen.query_one("#criteria")
        before = str(criteria.render())
        assert "Your words 0" in str(talk.render())
        answer = await asyncio.to_thread(
            room.record, "one two three four EVIDENCE:model-scoping/pass-1"
        )
        await wait_until(pilot, lambda: "Your words 5" in str(talk.render()), what="redrawn")
        assert str(criteria.render()) == before  # not judged yet
        await asyncio.to_thread(room.apply, answer, room.score(answer))
        await wait_until(pilot, lambda: str(criteria.render()) != before, what="criteria redrawn")
        assert len(app.screen.panel.engine.listeners) == 1  # subscribed once
    assert not app.session.engine.listeners  # and gone with the screen


async def test_offline_feedback_comes_straight_and_the_room_catches_up(
    settings: Settings, folder: Path
) -> None:
    """The offline scorer scores on the app's thread (no worker); the answer and the note of the
    feedback are drawn in the room, in that order, when the learner comes back to it."""
    from practice_bot.scoring.offline import OfflineScorer

    app = make_app(settings, config=PRACTICE, scorer=OfflineScorer())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.session.engine.current_question, what="a question")
        room = app.screen
        assert room.room.scores_quickly
        room.query_one("#answer").insert("I chose recall at a fixed precision with the ops lead.")
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        assert "I chose recall at a fixed precision" in journal_lines(folder)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        shown = screen_text(app)
        assert shown.index("I chose recall at a fixed") < shown.index("Feedback given:")
