"""What the tutor screens draw, as Content built from the headless tutor views (practice_bot.tutor): the
grades both ways, the conversation with quoted evidence highlighted and named in words, each criterion's
line and details. Pure functions, so tests can read them; every piece of transcript text is literal."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from practice_bot.formatting import clock_text
from practice_bot.records.schema import Transcript, Turn
from practice_bot.rubric.grading import Grades
from practice_bot.textsafe import printable
from practice_bot.tui.display import GRADE_WORDS, STATUS_MARK, STATUS_STYLE, STATUS_WORD, literal
from practice_bot.tutor.agreement import Agreement, CriterionAgreement
from practice_bot.tutor.overrides import GradesBothWays
from practice_bot.tutor.view import CriterionView, Span, merged
from practice_bot.wording import criterion_title, flag_names

QUOTE_STYLE = "bold underline reverse"
Parts = list[Content | str | tuple[str, str]]


def grades_words(g: Grades) -> str:
    return f"{GRADE_WORDS[g.overall]} (AM2 {GRADE_WORDS[g.am2]}, AM1 {GRADE_WORDS[g.am1]})"


def grades_content(both: GradesBothWays) -> Content:
    """Both ways, always: the tutor's overrides applied, and the scorer's record alone."""
    changed = " - changed by overrides" if both.changed else ""
    return Content.assemble(
        ("With overrides: ", "bold"),
        grades_words(both.with_overrides),
        changed,
        "\n",
        ("Scorer alone:   ", "bold"),
        grades_words(both.scorer_only),
        ("  (formative predictions)", "italic $text-muted"),
    )


def status_word(status: str) -> tuple[str, str]:
    return (f"{STATUS_MARK[status]} {STATUS_WORD[status]}", f"bold {STATUS_STYLE[status]}")


def short_id(criterion_id: str) -> str:
    return criterion_id.split("/", 1)[-1]


def turn_title(turn: Turn) -> str:
    who = "Apprentice" if turn.role == "apprentice" else "Assessor"
    return f"{who} - turn {turn.index}, {clock_text(turn.elapsed)}"


def highlighted(text: str, spans: Sequence[Span]) -> Content:
    """The answer, literally, with each quoted stretch underlined and reversed (never colour alone)."""
    parts: Parts = []
    pos = 0
    for start, end in merged(list(spans)):
        parts += [literal(text[pos:start]), (printable(text[start:end]), QUOTE_STYLE)]
        pos = end
    parts.append(literal(text[pos:]))
    return Content.assemble(*parts)


def evidence_note(text: str, spans: Sequence[Span]) -> Content:
    """In words, under an answer: which criteria its highlighted quotes evidence."""
    parts: Parts = [("Evidence quoted here:", "bold")]
    for s in spans:
        quote = printable(text[s.start : s.end])
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        parts += [
            "\n",
            status_word(s.status),
            f" {short_id(s.criterion_id)}: “",
            (quote, "underline"),
            "”",
        ]
    return Content.assemble(*parts)


def criterion_prompt(v: CriterionView, *, blind: bool = False, mark: bool | None = None) -> Content:
    """One line of the criteria list: status as a mark and a word, the short id, and notes in words."""
    if blind:
        word = {None: "○ unmarked", True: "✓ yes", False: "✗ no"}[mark]
        return Content.assemble((f"{word:<11}", "bold"), f" {short_id(v.id)} ({v.level})")
    notes = []
    doubt = v.override is not None and v.override.doubt
    if v.overridden and not doubt:
        notes.append("tutor")
    if doubt:
        notes.append("doubted")
    if v.review or v.flags:
        notes.append("flagged")
    return Content.assemble(
        (f"{STATUS_MARK[v.status]} {STATUS_WORD[v.status]:<9}", f"bold {STATUS_STYLE[v.status]}"),
        f" {short_id(v.id)}",
        (f" ({', '.join(notes)})" if notes else "", "italic"),
    )


def criterion_detail(v: CriterionView, transcript: Transcript) -> Content:
    """Everything about one criterion: text, status before and after overrides, who judged it, the
    quotes with the answer they came from, the reason, flags and every tutor decision."""
    parts: Parts = [
        (v.id, "bold"),
        f" {criterion_title(v.id)} ({v.level}; {', '.join(v.ksbs)})\n",
        literal(v.text),
        "\n\nStatus: ",
        status_word(v.status),
    ]
    if v.status != v.scorer_status:
        parts += ["  (scorer: ", status_word(v.scorer_status), ")"]
    parts += ["\nJudged by: ", literal(", ".join(v.scorers) or "nobody (not discussed)")]
    for turn, e in v.evidence[:4]:
        where = f"turn {turn}" if 0 <= turn < len(transcript.turns) else "answer"
        parts += [f"\n  {where}: “", (printable(e.quote), "underline"), "”"]
    if v.reason:
        parts += ["\nWhy: ", literal(v.reason)]
    if v.review or v.flags:
        parts += ["\nFlagged for review: ", literal(flag_names(v.flags) or "yes")]
    for o in v.overrides:
        kind = "blind mark" if o.blind else "doubt" if o.doubt else "override"
        verdict = (
            "credit flagged as doubtful"
            if o.doubt
            else "evidenced"
            if o.evidenced
            else "not evidenced"
        )
        parts += [
            f"\n{kind}: {verdict} by ",
            literal(o.tutor),
            f" {o.at.strftime('%Y-%m-%d %H:%M')}",
        ]
        if o.comment:
            parts += [": ", literal(o.comment)]
    return Content.assemble(*parts)


def percent(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def agreement_content(items: Sequence[CriterionAgreement], summary: Agreement) -> Content:
    """Per criterion the tutor's blind mark beside the scorer's decision, then the summary figures."""
    if not items:
        return Content("No blind marks on this transcript yet.")
    parts: Parts = [("Your blind marks against the scorer", "bold")]
    for c in items:
        tutor = "evidenced" if c.tutor_evidenced else "not evidenced"
        verdict = ("agree", "bold") if c.agrees else ("DISAGREE", "bold reverse")
        parts += [
            "\n  ",
            verdict,
            f" {c.criterion_id}\n    you: {tutor}; scorer: {STATUS_WORD[c.scorer_status]}",
        ]
    kappa = "n/a (one answer throughout)" if summary.kappa is None else f"{summary.kappa:.2f}"
    parts += [
        f"\n\nExact agreement: {summary.agreed} of {summary.items} ({percent(summary.exact)})",
        f"\nCohen's kappa: {kappa}",
        f"\nBoth evidenced {summary.both_evidenced}, only you {summary.tutor_only}, "
        f"only the scorer {summary.scorer_only}, neither {summary.neither}",
    ]
    return Content.assemble(*parts)
