"""Under NO_COLOR the app drops colour, and every status it shows stays readable: a mark and a word,
never a colour alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until

PRACTICE = SessionConfig(mode="practice", apprentice="Alex", topics=["model-scoping"], seed=1)


async def test_statuses_are_marks_and_words_without_colour(
    settings: Settings, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(settings, config=PRACTICE)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.no_color
        await wait_until(pilot, lambda: "Opening" in screen_text(app), what="first question")
        await wait_until(pilot, lambda: "pass-1 ○ not yet" in screen_text(app), what="criteria")
        app.screen.query_one("#answer").insert(
            "EVIDENCE:model-scoping/pass-1 and PARTLY:model-scoping/pass-2"
        )
        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen", what="feedback")
        shown = screen_text(app)
        assert "✓ evidenced" in shown and "◐ partly" in shown
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen", what="room")
        await wait_until(pilot, lambda: "pass-2 ◐ partly" in screen_text(app), what="panel")
        assert "pass-1 ✓ evidenced" in screen_text(app)
