"""Turning untrusted text into things Textual can show literally, and the status words and marks.

Apprentice answers, names and anything read back from a transcript go through `literal`: control
characters become visible escapes (no escape sequence reaches the terminal) and the text is never read as
markup, so `[bold red]x[/]` shows exactly as typed.
"""

from __future__ import annotations

from textual.content import Content

from practice_bot.textsafe import printable

# Status shown as a mark and a word, never by colour alone.
STATUS_MARK = {"evidenced": "✓", "partly": "◐", "not_yet": "○"}
STATUS_WORD = {"evidenced": "evidenced", "partly": "partly", "not_yet": "not yet"}
STATUS_STYLE = {"evidenced": "$success", "partly": "$warning", "not_yet": "$text-muted"}
GRADE_WORDS = {"fail": "Fail", "pass": "Pass", "merit": "Merit", "distinction": "Distinction"}


def literal(text: str) -> Content:
    """Untrusted text as Content: printable, never parsed as markup."""
    return Content(printable(text))


def status_content(status: str, *, width: int = 0) -> Content:
    """`✓ evidenced` styled by status; the word carries the meaning, the colour only helps."""
    word = f"{STATUS_MARK.get(status, '?')} {STATUS_WORD.get(status, status)}"
    return Content.styled(word.ljust(width), STATUS_STYLE.get(status, ""))


def words(text: str) -> int:
    return len(text.split())


def bar(fraction: float, width: int) -> str:
    """A text bar: full blocks for the share, light shade for the rest (readable without colour)."""
    fraction = min(max(fraction, 0.0), 1.0)
    full = round(fraction * width)
    return "█" * full + "░" * (width - full)
