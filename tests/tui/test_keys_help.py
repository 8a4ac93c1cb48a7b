"""F1 (issue 15, item 13): the app's own keys come first, the focused box's cursor keys after them; in
the discussion room the panel floats over the room instead of squeezing the conversation."""

from __future__ import annotations

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until


async def test_f1_lists_the_app_keys_before_the_text_box_keys(settings: Settings) -> None:
    app = make_app(settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.built, what="choices")
        assert app.focused is app.screen.query_one("#name")  # a text box has the focus
        await pilot.press("f1")
        await wait_until(pilot, lambda: "This screen" in screen_text(app), what="keys panel")
        text = screen_text(app)
        # visible without scrolling, and before the box's own keys
        for words in ("Start", "Resume", "History", "Tutor review"):
            assert words in text.split("This screen", 1)[1]
        assert text.index("This screen") < text.index("Focused box")
        await pilot.press("f1")
        await wait_until(pilot, lambda: "This screen" not in screen_text(app), what="closed")


async def test_f1_in_the_room_does_not_squeeze_the_conversation(settings: Settings) -> None:
    config = SessionConfig(mode="practice", apprentice="Ana", topics=["model-scoping"], seed=1)
    app = make_app(settings, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        conversation = app.screen.query_one("#conversation")
        await wait_until(pilot, lambda: conversation.size.width > 0)
        width = conversation.size.width
        await pilot.press("f1")
        await wait_until(pilot, lambda: "This screen" in screen_text(app), what="keys panel")
        assert conversation.size.width == width
        assert "Send answer" in screen_text(app)
