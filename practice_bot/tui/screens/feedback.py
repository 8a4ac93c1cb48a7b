"""Practice feedback after an answer: what it evidenced (the quote highlighted in the answer), what it
did not, what an assessor would probe next, and the choice to try the question again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from practice_bot.rubric.models import Topic
from practice_bot.scoring.base import Evidence, confidence_note
from practice_bot.session.engine import AnswerOutcome
from practice_bot.textsafe import printable
from practice_bot.tui.display import STATUS_MARK, STATUS_STYLE, STATUS_WORD, literal
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.widgets.indented import IndentedLines, IndentedText
from practice_bot.wording import FLAG_WORDS, criterion_label, plural

QUOTE_STYLE = "bold underline reverse"


def highlighted_answer(answer: str, evidence: list[Evidence]) -> Content:
    """The answer with each quoted piece of evidence underlined and reversed (not colour alone)."""
    spans = sorted(
        (e.start, e.end)
        for e in evidence
        if 0 <= e.start < e.end <= len(answer) and answer[e.start : e.end] == e.quote
    )
    parts: list[Content | tuple[str, str]] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            start = pos
        if start >= end:
            continue
        parts.append(literal(answer[pos:start]))
        parts.append((printable(answer[start:end]), QUOTE_STYLE))
        pos = end
    parts.append(literal(answer[pos:]))
    return Content.assemble(*parts)


def feedback_sections(outcome: AnswerOutcome, topic: Topic) -> list[tuple[str, Content]]:
    """(heading, body) pairs for the feedback screen; pure so tests can read them."""
    assessment = outcome.assessment
    judged = {j.criterion_id: j for j in assessment.judgments} if assessment else {}
    evidence = [e for j in judged.values() if j.status != "not_yet" for e in j.evidence]
    sections = [("Your answer", highlighted_answer(outcome.answer.text, evidence))]

    good: list[Content | str | tuple[str, str]] = []
    missing: list[Content | str | tuple[str, str]] = []
    for c in topic.criteria:
        j = judged.get(c.id)
        now = j.status if j else "not_yet"
        overall = outcome.topic_status.get(c.id, "not_yet")
        if now != "not_yet" and j is not None:
            good += [
                "\n" if good else "",
                (f"{STATUS_MARK[now]} {STATUS_WORD[now]}", f"bold {STATUS_STYLE[now]}"),
                f"  {criterion_label(c.id)} ({c.level}): {c.text}",
            ]
            if confidence_note(j.confidence):  # thin: the learner sees it is not clear evidence
                good += ["\n    ", (confidence_note(j.confidence), "italic")]
            for e in j.evidence[:2]:
                good += ["\n    ", ("“" + printable(e.quote) + "”", QUOTE_STYLE)]
            if j.reason:
                good += ["\n    ", literal(j.reason)]
        if overall != "evidenced":
            missing += [
                "\n" if missing else "",
                (f"{STATUS_MARK[overall]} {STATUS_WORD[overall]}", f"bold {STATUS_STYLE[overall]}"),
                f"  {criterion_label(c.id)} ({c.level}): {c.text}",
            ]
            if j is not None and j.reason and now == "not_yet":
                missing += ["\n    ", literal(j.reason)]
    sections.append(
        (
            "What this answer evidenced",
            Content.assemble(*good) if good else Content("Nothing yet from this answer."),
        )
    )
    sections.append(
        (
            "Not yet evidenced in this topic",
            Content.assemble(*missing)
            if missing
            else Content("Every criterion of this topic is evidenced. Well done."),
        )
    )
    if assessment and assessment.flags:
        flags = [f"- {FLAG_WORDS.get(f, f)}" for f in assessment.flags]
        sections.append(("Why some of it earned nothing", Content("\n".join(flags))))
    if outcome.newly_evidenced:
        shorts = ", ".join(criterion_label(cid) for cid in outcome.newly_evidenced)
        sections.append(("Newly evidenced", Content(f"This answer newly evidenced {shorts}.")))
    sections.append(
        (
            "What an assessor would probe next",
            literal(outcome.next_hint or "Nothing: this topic is complete."),
        )
    )
    return sections


HEADING_STYLE = "bold $primary"
NEXT_KEYS = "F2 or Enter: next question.   F4: try this question again."


def feedback_text(outcome: AnswerOutcome, topic: Topic) -> IndentedLines:
    """The whole feedback as one text: a bold title, then each section's heading with its body
    indented under it (a wrapped line keeps its indent), then what the keys do."""
    status = outcome.topic_status
    met = sum(s == "evidenced" for s in status.values())
    title = (
        f"Feedback on your answer - {topic.name}: {met} of "
        f"{plural(len(status), 'criterion', 'criteria')} evidenced so far"
    )
    blank = (0, Content())
    text = IndentedLines([(0, Content.styled(title, "bold"))])
    for heading, body in feedback_sections(outcome, topic):
        text += IndentedLines([blank, (0, Content.styled(heading, HEADING_STYLE))])
        text += IndentedLines.from_text(body, indent=2)
    return text + IndentedLines([blank, (0, Content.styled(NEXT_KEYS, HEADING_STYLE))])


class FeedbackScreen(AppScreen[str]):
    """Dismisses with "continue" or "again". Kept light, as it comes between a learner's answer and
    the next question: one text and a line of keys (no header or footer to build, no widget per
    section or scroll container to mount and lay out), the screen itself scrolling the text."""

    BINDINGS = [
        Binding(
            "f2,enter,ctrl+s",
            "choose('continue')",
            "Continue",
            key_display="F2/Enter",
            priority=True,
        ),
        Binding("f4", "choose('again')", "Try again", key_display="F4", priority=True),
        Binding("escape", "choose('continue')", "Continue", show=False),
        Binding("up", "scroll_up", "Scroll Up", show=False),
        Binding("down", "scroll_down", "Scroll Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("home", "scroll_home", "Scroll Home", show=False),
        Binding("end", "scroll_end", "Scroll End", show=False),
    ]
    DEFAULT_CSS = """
    FeedbackScreen #feedback { padding: 0 1; }
    FeedbackScreen #keys { dock: bottom; height: 1; padding: 0 1; background: $panel; }
    """
    KEYS = Content.assemble(
        ("F2/Enter", "bold $accent"),
        " Continue  ",
        ("F4", "bold $accent"),
        " Try again  ",
        ("F1", "bold $accent"),
        " Keys  ",
        ("^p", "bold $accent"),
        " palette",
    )

    def __init__(self, outcome: AnswerOutcome, topic: Topic) -> None:
        super().__init__()
        self.outcome = outcome
        self.topic = topic

    def compose(self) -> ComposeResult:
        yield IndentedText(feedback_text(self.outcome, self.topic), id="feedback")
        yield Static(self.KEYS, id="keys")

    def on_mount(self) -> None:
        self.title = "Practice feedback"

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
