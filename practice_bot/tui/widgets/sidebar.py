"""The discussion room's side panel: clock, talking share, progress through topics, criteria (practice).

Each panel is a Static redrawn from the engine's state when the engine changes; every status is a
mark and a word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from practice_bot.formatting import clock_text
from practice_bot.records.schema import Transcript
from practice_bot.rubric.models import Topic
from practice_bot.session.engine import Engine
from practice_bot.session.pacing import TimeStatus
from practice_bot.tui.display import STATUS_MARK, STATUS_STYLE, STATUS_WORD, bar, words
from practice_bot.wording import criterion_title

BAR = 20


def clock_content(s: TimeStatus) -> Content:
    if not s.enforced:
        head = Content.assemble(("Elapsed    ", "bold"), clock_text(s.elapsed))
        if s.paused:
            return Content.assemble(head, "\n", ("PAUSED: the clock has stopped", "bold $warning"))
        return Content.assemble(head, "\n", ("Practice: not timed", "$text-muted"))
    if s.over:
        return Content.assemble(("TIME IS UP", "bold $error"), f"\n{clock_text(s.elapsed)} used")
    if s.in_extension:
        return Content.assemble(
            ("EXTENSION  ", "bold $warning"),
            clock_text(s.extension_remaining),
            " left\n",
            (f"{clock_text(s.limit)} reached; up to {clock_text(s.hard_limit)}", "$text-muted"),
        )
    return Content.assemble(
        ("Elapsed    ", "bold"),
        clock_text(s.elapsed),
        "\n",
        ("Remaining  ", "bold"),
        clock_text(s.remaining),
        "\n",
        (bar(s.elapsed / s.limit if s.limit else 0.0, BAR - 6), "$primary"),
        f" {clock_text(s.limit)}",
    )


def talk_share(transcript: Transcript) -> tuple[int, int]:
    """(apprentice words, assessor words) so far."""
    mine = theirs = 0
    for t in transcript.turns:
        if t.role == "apprentice":
            mine += words(t.text)
        else:
            theirs += words(t.text)
    return mine, theirs


def talk_content(mine: int, theirs: int) -> Content:
    share = mine / (mine + theirs) if mine + theirs else 0.0
    return Content.assemble(
        ("Your words ", "bold"),
        f"{mine:,}",
        "\n",
        ("Your share ", "bold"),
        f"{share:.0%} of talk\n",
        (bar(share, BAR), "$secondary"),
    )


def progress_content(
    topics: Sequence[Topic], current: str | None, discussed: set[str], *, show_all: bool = True
) -> Content:
    """Where the session is: the full list of topics, or (short terminals) now, next and a strip of
    marks. ▪ discussed, ▶ now, ▫ to come: shapes, not colours."""
    ids = [t.id for t in topics]
    index = ids.index(current) + 1 if current in ids else 0
    parts: list[Content | str | tuple[str, str]] = [(f"Topic {index} of {len(topics)}", "bold")]
    if not show_all:
        marks = "".join(
            "▶" if t.id == current else "▪" if t.id in discussed else "▫" for t in topics
        )
        parts += ["\n", marks]
        if index:
            parts += ["\n", (f"▶ {topics[index - 1].name}", "bold $primary")]
        if index < len(topics):
            parts += ["\n", (f"Next: {topics[index].name}", "$text-muted")]
        return Content.assemble(*parts)
    for t in topics:
        if t.id == current:
            parts += ["\n", (f"▶ {t.name} (now)", "bold $primary")]
        elif t.id in discussed:
            parts += ["\n", (f"▪ {t.name}", "$text-muted")]
        else:
            parts += ["\n", f"▫ {t.name}"]
    return Content.assemble(*parts)


def criteria_content(topic: Topic, status: Mapping[str, str]) -> Content:
    parts: list[Content | str | tuple[str, str]] = [(f"Criteria: {topic.name}", "bold")]
    for c in topic.criteria:
        s = status.get(c.id, "not_yet")
        parts += [
            "\n",
            f"{c.short:<7}",
            (f"{STATUS_MARK[s]} {STATUS_WORD[s]}", STATUS_STYLE[s]),
            "\n",
            (f"  {criterion_title(c.id)}", "$text-muted"),
        ]
    return Content.assemble(*parts)


class Panel(Static):
    DEFAULT_CSS = """
    Panel { padding: 0 1; margin-bottom: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """


class SessionPanel(VerticalScroll, can_focus=False):
    """Clock, talking share, progress and (practice) the current topic's criteria. It redraws itself
    whenever the engine applies a record (`Engine.listeners`, called on whichever thread changed the
    engine: the panel is told by a message, and redraws on the app's thread); the screen's clock tick
    redraws the clock."""

    class Stale(Message, bubble=False):
        """The engine has changed since the panel was drawn (for the panel alone: it does not bubble
        up through the room, which has nothing to do with it)."""

    def __init__(self, engine: Engine, *, criteria: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.engine = engine
        self.criteria = criteria
        self._told = False
        self._hidden_change = False

    def compose(self) -> ComposeResult:
        yield Panel(id="clock")
        yield Panel(id="talkshare")
        yield Panel(id="progress")
        if self.criteria:
            yield Panel(id="criteria")

    def on_mount(self) -> None:
        self.engine.listeners.append(self._heard)
        self.show(self.engine)

    def on_unmount(self) -> None:
        if self._heard in self.engine.listeners:
            self.engine.listeners.remove(self._heard)

    def _heard(self, record: dict[str, object]) -> None:
        if not self._told:  # one redraw for a burst of records
            self._told = True
            self.post_message(self.Stale())

    def on_session_panel_stale(self, message: Stale) -> None:
        self._told = False
        self._hidden_change = False
        top = self.app.screen
        if top is self.screen or isinstance(top, ModalScreen):  # a dialog leaves it in view
            self.show(self.engine)
        else:  # covered (practice feedback): drawn when the room shows again
            self._hidden_change = True

    def catch_up(self) -> None:
        """Its screen shows again: draw what changed while it was covered."""
        if self._hidden_change:
            self._hidden_change = False
            self.show(self.engine)

    def show_time(self, status: TimeStatus) -> None:
        self.query_one("#clock", Panel).update(clock_content(status))

    def show(self, e: Engine) -> None:
        self.show_time(e.time_status())
        talk = talk_content(*talk_share(e.transcript))
        usage = e.transcript.usage
        if usage.calls:  # an LLM is in use: its token count, as the transcript records it
            tokens = usage.prompt_tokens + usage.completion_tokens
            talk = Content.assemble(talk, "\n", ("LLM tokens ", "bold"), f"{tokens:,}")
        self.query_one("#talkshare", Panel).update(talk)
        current = e.current_topic_id
        discussed = {t.topic for t in e.transcript.turns if t.kind == "question"}
        topics = [e.rubric.topic(t) for t in e.transcript.topics]
        full = len(topics) <= 4 or self.app.size.height >= 34
        self.query_one("#progress", Panel).update(
            progress_content(topics, current, discussed, show_all=full)
        )
        if self.criteria:
            topic = e.rubric.topic(current or e.transcript.topics[0])
            self.query_one("#criteria", Panel).update(
                criteria_content(topic, e.topic_status(topic.id))
            )
