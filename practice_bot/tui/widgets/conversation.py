"""The conversation: assessor turns as Markdown (streamable), apprentice answers literally, notices.

Assessor text comes from the question banks or the LLM; it is rendered as Markdown after control
characters are made visible. Apprentice text is never interpreted at all: markup and escape sequences show
exactly as typed.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownStream

from practice_bot.records.schema import Transcript, Turn
from practice_bot.session.engine import Engine
from practice_bot.textsafe import printable
from practice_bot.tui.display import literal
from practice_bot.wording import plural


class AssessorTurn(Markdown):
    """One assessor question. `stream()` lets a question arrive piece by piece (LLM)."""

    DEFAULT_CSS = """
    AssessorTurn {
        margin: 0 4 1 0; padding: 0 1; border: round $primary; border-title-align: left;
        background: $boost;
    }
    AssessorTurn > MarkdownBlock:last-child { margin-bottom: 0; }
    """

    def __init__(
        self, text: str = "", *, title: str = "Assessor", classes: str = "", id: str | None = None
    ) -> None:
        super().__init__(printable(text), classes=classes, id=id)
        self.border_title = Content(title)

    def stream(self) -> MarkdownStream:
        return Markdown.get_stream(self)


class ApprenticeTurn(Static):
    DEFAULT_CSS = """
    ApprenticeTurn {
        margin: 0 0 1 4; padding: 0 1; border: round $secondary; border-title-align: right;
    }
    """

    def __init__(self, text: str, *, title: str = "You") -> None:
        super().__init__(literal(text))
        self.border_title = Content(title)


class NoticeTurn(Static):
    """Time checks, topic changes, fallbacks: the session's own voice, not the assessor's questions."""

    DEFAULT_CSS = """
    NoticeTurn { margin: 0 2 1 2; color: $text-muted; text-style: italic; }
    NoticeTurn.-topic { color: $text; text-style: bold; margin: 0 0 1 0; }
    NoticeTurn.-time { color: $warning; text-style: bold italic; }
    """

    def __init__(self, text: str, *, kind: str = "") -> None:
        super().__init__(literal(text), classes=f"-{kind}" if kind else "")


class Conversation(VerticalScroll, can_focus=True):
    """Scrolls with the discussion; keeps the newest turn in view unless the reader scrolled up.

    A question written by an LLM streams in: `stream_delta` appends each piece to one Markdown widget
    through a MarkdownStream (no full re-render per piece); `end_stream` replaces the preview with the
    checked question once it is final.
    """

    DEFAULT_CSS = """
    Conversation { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._streaming: AssessorTurn | None = None
        self._stream: MarkdownStream | None = None

    async def stream_delta(self, text: str) -> None:
        if self._streaming is None:
            self._streaming = await self.add_question("")
            self._stream = self._streaming.stream()
        if self._stream is not None:
            await self._stream.write(printable(text))

    async def stream_reset(self) -> None:
        """The writer started again (a retry): clear the preview."""
        if self._streaming is not None and self._stream is not None:
            await self._stream.stop()
            await self._streaming.update("")
            self._stream = self._streaming.stream()

    async def end_stream(self, text: str | None) -> bool:
        """Show the final question in the streamed widget (or drop it); False if nothing streamed."""
        turn, stream = self._streaming, self._stream
        self._streaming = self._stream = None
        if turn is None:
            return False
        if stream is not None:
            await stream.stop()
        if text is None:
            await turn.remove()
        else:
            await turn.update(printable(text))
        return True

    def on_mount(self) -> None:
        self.anchor()

    async def add(self, widget: Static | Markdown, *, follow: bool = False) -> None:
        """Mount a turn; the anchor keeps the newest in view unless the reader scrolled up
        (`follow` brings it back down, as when the apprentice sends an answer)."""
        await self.mount(widget)
        if follow:
            self.anchor()

    async def add_question(self, text: str, *, title: str = "Assessor") -> AssessorTurn:
        turn = AssessorTurn(text, title=title)
        await self.add(turn)
        return turn

    async def add_answer(self, text: str) -> None:
        await self.add(ApprenticeTurn(text), follow=True)

    async def add_notice(self, text: str, *, kind: str = "") -> None:
        await self.add(NoticeTurn(text, kind=kind))


def question_title(turn: Turn) -> str:
    return "Assessor - asked again" if turn.kind == "retry" else "Assessor"


def topic_line(engine: Engine, topic_id: str) -> str:
    topics = engine.transcript.topics
    index = topics.index(topic_id) + 1 if topic_id in topics else 0
    return f"Topic {index} of {len(topics)}: {engine.rubric.topic(topic_id).name}"


def intro_text(engine: Engine) -> str:
    minutes = round(engine.time_status().limit / 60)
    n = len(engine.transcript.topics)
    send = "Send each answer with F2 or Ctrl+S."
    if engine.config.mode == "mock":
        pack = engine.transcript.pack_name or engine.transcript.pack_id
        sat = f" (class pack: {printable(pack)})" if pack else ""
        return (
            f"Mock exam{sat}: {minutes} minutes, {plural(n, 'topic')}. No feedback until the end. "
            f"{send}"
        )
    if engine.config.mode == "drill":
        return f"Drill: about {minutes} minutes on the criteria you have evidenced least. {send}"
    return (
        f"Practice: {n} topic{'s' if n != 1 else ''}, feedback after each answer. {send} F5 pauses."
    )


def replay_widgets(engine: Engine, transcript: Transcript) -> list[Static | Markdown]:
    """The conversation so far as widgets (a resumed session), with a line at each change of topic."""
    widgets: list[Static | Markdown] = []
    last: str | None = None
    for turn in transcript.turns:
        if turn.kind in ("question", "retry"):
            if turn.topic != last:
                widgets.append(NoticeTurn(topic_line(engine, turn.topic), kind="topic"))
                last = turn.topic
            widgets.append(AssessorTurn(turn.text, title=question_title(turn)))
        elif turn.kind == "answer":
            widgets.append(ApprenticeTurn(turn.text))
        else:
            widgets.append(NoticeTurn(turn.text, kind="time"))
    return widgets
