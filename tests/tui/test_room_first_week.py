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
