"""Answers holding Rich/Textual markup or terminal escape sequences are shown as typed and stored intact;
no control character from an answer reaches the terminal (in the conversation, the answer box, the
feedback screen or the report)."""

from __future__ import annotations

import json
from pathlib import Path

from practice_bot.config import Settings
from practice_bot.session.plan import SessionConfig
from tests.tui.tui_testkit import make_app, screen_name, screen_text, wait_until

HOSTILE = "[bold red]x[/] and \x1b[31mred\x1b[0m and \x07bell EVIDENCE:model-scoping/pass-1"
CONTROL = set(chr(c) for c in range(0x20) if chr(c) not in "\n\t") | {"\x7f"}


def no_controls(text: str) -> bool:
    return not (set(text) & CONTROL)


async def test_markup_and_escapes_are_shown_and_stored_literally(
    settings: Settings, folder: Path
) -> None:
    config = SessionConfig(mode="practice", apprentice="[b]Eve[/b]", topics=["model-scoping"])
    app = make_app(settings, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: "Opening" in screen_text(app))
        assert "[b]Eve[/b]" in screen_text(app)  # the name too is never markup
        box = app.screen.query_one("#answer")
        box.insert(HOSTILE)  # as a terminal paste would deliver it
        await wait_until(pilot, lambda: "␛[31m" in screen_text(app), what="box shows ␛")
        assert no_controls(screen_text(app))

        await pilot.press("f2")
        await wait_until(pilot, lambda: screen_name(app) == "FeedbackScreen")
        feedback = screen_text(app)
        assert "[bold red]x[/]" in feedback and "\\x1b[31mred\\x1b[0m" in feedback
        assert no_controls(feedback)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "DiscussionScreen")
        shown = screen_text(app)
        assert "[bold red]x[/] and \\x1b[31mred\\x1b[0m and \\x07bell" in shown
        assert no_controls(shown)

        stored = [
            json.loads(line)
            for line in next(folder.glob("*.journal.jsonl")).read_text("utf-8").splitlines()
        ]
        answers = [r["turn"]["text"] for r in stored if r.get("kind") == "turn"]
        assert HOSTILE in answers  # byte for byte, escapes and all

        await pilot.press("f10")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen_name(app) == "ReportScreen")
        assert no_controls(screen_text(app))
    final = json.loads(next(folder.glob("*.json")).read_text("utf-8"))
    assert final["turns"][1]["text"] == HOSTILE
