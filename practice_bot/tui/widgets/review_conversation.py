"""A transcript's conversation for the tutor screens: assessor questions as Markdown (as the discussion
room shows them), answers and notices literal (never markup), answers with the quoted evidence underlined and reversed and, below them, named in words; or without any of the scorer's
marks, for blind marking."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from practice_bot.records.schema import Transcript
from practice_bot.tui.display import literal
from practice_bot.tui.screens.review_parts import evidence_note, highlighted, turn_title
from practice_bot.tui.widgets.conversation import AssessorTurn
from practice_bot.tutor.view import Span


class ReviewTurn(Static):
    DEFAULT_CSS = """
    ReviewTurn { margin: 0 0 1 0; padding: 0 1; border: round $primary; border-title-align: left; }
    ReviewTurn.-apprentice { border: round $secondary; margin-left: 2; }
    ReviewTurn.-notice { border: none; color: $text-muted; text-style: italic; }
    """


class EvidenceNote(Static):
    DEFAULT_CSS = """
    EvidenceNote { margin: -1 0 1 3; padding: 0 1; color: $text-muted; }
    """


class ReviewConversation(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    ReviewConversation { width: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    ReviewConversation:focus { background-tint: $foreground 3%; }
    """

    async def show(self, transcript: Transcript, spans: dict[int, list[Span]] | None) -> None:
        """Replace the turns; `spans` None hides every trace of the scorer (blind marking)."""
        widgets: list[Static | Markdown] = []
        for turn in transcript.turns:
            if turn.role == "apprentice":
                found = (spans or {}).get(turn.index, [])
                body = highlighted(turn.text, found) if found else literal(turn.text)
                widget = ReviewTurn(body, id=f"turn-{turn.index}", classes="-apprentice")
            elif turn.kind in ("question", "retry"):
                widgets.append(
                    AssessorTurn(turn.text, title=turn_title(turn), id=f"turn-{turn.index}")
                )
                continue
            else:
                widget = ReviewTurn(literal(turn.text), id=f"turn-{turn.index}", classes="-notice")
            if turn.kind != "notice":
                widget.border_title = Content(turn_title(turn))
            widgets.append(widget)
            if turn.role == "apprentice" and spans and spans.get(turn.index):
                widgets.append(EvidenceNote(evidence_note(turn.text, spans[turn.index])))
        await self.remove_children()
        if not widgets:
            widgets.append(Static(Content("No turns in this transcript.")))
        await self.mount_all(widgets)

    def scroll_to_turn(self, index: int) -> None:
        found = self.query(f"#turn-{index}")
        if found:
            self.scroll_to_widget(found.first(), animate=False, top=True)
