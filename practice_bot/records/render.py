"""Renders a report as plain text (line mode), Markdown and JSON. Untrusted text is made printable."""

from __future__ import annotations

from typing import Any

from practice_bot.formatting import clock_text
from practice_bot.records.delivery import markdown_lines, text_lines
from practice_bot.records.report import Report, TopicResult
from practice_bot.records.schema import Transcript
from practice_bot.scoring.base import STATUS_WORDS, confidence_note
from practice_bot.textsafe import json_text, printable
from practice_bot.wording import (
    criterion_label,
    criterion_title,
    flag_names,
    plural,
    topic_names,
)

GRADE_WORDS = {"fail": "Fail", "pass": "Pass", "merit": "Merit", "distinction": "Distinction"}


def _grades_lines(report: Report) -> list[str]:
    """The exam-level prediction, or why there is none (a practice or drill of some topics)."""
    if report.prediction_note:
        return [report.prediction_note, *override_lines(report)[:1], report.grades.label]
    g = report.grades
    lines = [
        f"AM2 themes (professional discussion): {GRADE_WORDS[g.am2]}",
        f"AM1 themes (project topics rehearsed here): {GRADE_WORDS[g.am1]}",
        f"Overall by the specification's table: {GRADE_WORDS[g.overall]}",
    ]
    lines += override_lines(report)
    if g.topics_not_covered:
        lines.append(
            "Not covered in this session (counted as not yet evidenced): "
            f"{topic_names(g.topics_not_covered)}"
        )
    lines.append(g.label)
    return lines


def override_lines(report: Report) -> list[str]:
    """Whether the grades include a tutor's overrides, and what they were without them."""
    if not report.overrides:
        return []
    lines = [
        f"This report includes {plural(len(report.overrides), 'tutor override')}: "
        f"{printable('; '.join(report.overrides))}"
    ]
    if report.grades != report.grades_scorer_only:
        s = report.grades_scorer_only
        lines.append(
            f"Before tutor overrides: AM2 {GRADE_WORDS[s.am2]}, AM1 {GRADE_WORDS[s.am1]}, "
            f"overall {GRADE_WORDS[s.overall]}"
        )
    return lines


def practice_first(report: Report) -> bool:
    """A practice or drill of some topics leads with what was practised, not with grades."""
    return bool(report.prediction_note)


def _topic_text(topic: TopicResult) -> list[str]:
    out = [
        "",
        f"{topic.name} [{topic.method}] - {topic.evidenced}/{len(topic.criteria)} "
        f"evidenced, {plural(topic.questions, 'question')}, {clock_text(topic.seconds)}",
    ]
    for c in topic.criteria:
        note = f" ({confidence_note(c.confidence)})" if confidence_note(c.confidence) else ""
        out.append(
            f"  [{STATUS_WORDS.get(c.status, c.status)}] {criterion_label(c.id)} "
            f"({', '.join(c.ksbs)}){note}"
        )
        for e in c.evidence[:2]:
            out.append(f'      "{printable(e.quote)}"')
        if c.reason:
            out.append(f"      {printable(c.reason)}")
        if c.override:
            out.append(f"      Tutor: {printable(c.override)}")
    return out


def render_text(report: Report) -> str:
    out = [
        f"Report for {printable(report.apprentice)} - {report.mode} session ({report.status}), "
        f"{clock_text(report.seconds)} elapsed",
    ]
    if report.pack:
        out.append(f"Class pack: {report.pack}")
    prediction = [
        "",
        "Exam-level prediction (formative):"
        if practice_first(report)
        else "Predicted grades (formative):",
        *(f"  {line}" for line in _grades_lines(report)),
    ]
    if practice_first(report):
        out += ["", "What you practised:"]
        for topic in report.practised:
            out += _topic_text(topic)
        if report.not_reached:
            out += ["", f"Not reached: {topic_names(t.id for t in report.not_reached)}"]
        out += prediction
    else:
        out += prediction
        for topic in report.topics:
            out += _topic_text(topic)
    out += ["", f"Feedback ({report.narrative_source}):", printable(report.narrative)]
    if report.strengths:
        out += ["", "Strengths:", *(f"  - {s}" for s in report.strengths)]
    if report.develop:
        out += ["", "To develop:", *(f"  - {d}" for d in report.develop)]
    out += text_lines(report.delivery)
    out += ["", f"KSBs evidenced: {', '.join(report.ksbs_covered) or 'none yet'}"]
    if report.flags:
        out.append(f"Flags for tutor review: {flag_names(report.flags)}")
    for n in report.notices:
        out.append(f"Notice: {printable(n)}")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape Markdown-active characters in untrusted text and make it printable."""
    text = printable(text)
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_topic(topic: TopicResult) -> list[str]:
    out = ["", f"### {topic.name}", ""]
    for c in topic.criteria:
        out.append(
            f"- **{c.id}** {criterion_title(c.id)} ({c.level}; {', '.join(c.ksbs)}): "
            f"**{STATUS_WORDS.get(c.status, c.status)}**"
            + (f" _({confidence_note(c.confidence)})_" if confidence_note(c.confidence) else "")
            + f" - {c.text}"
        )
        for e in c.evidence[:3]:
            out.append(f"  - > {_md(e.quote)}")
        if c.reason:
            out.append(f"  - Why: {_md(c.reason)}" + (f" ({c.scorer})" if c.scorer else ""))
        if c.override:
            out.append(f"  - Tutor: {_md(c.override)}")
        if c.flags:
            out.append(f"  - Flags: {flag_names(c.flags)}")
    return out


def render_markdown(report: Report) -> str:
    out = [
        f"# Practice report: {_md(report.apprentice)}",
        "",
        f"{report.mode.capitalize()} session, {report.status.replace('_', ' ')}, started "
        f"{report.started_at[:16].replace('T', ' ')}, {clock_text(report.seconds)} elapsed."
        + (f" Class pack: {_md(report.pack)}." if report.pack else ""),
    ]
    shown = report.practised if practice_first(report) else report.topics
    table = [
        "",
        "## What you practised" if practice_first(report) else "## Topics",
        "",
        "| Topic | Method | Evidenced | Questions | Time |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| {t.name} | {t.method} | {t.evidenced}/{len(t.criteria)} | {t.questions} | "
            f"{clock_text(t.seconds)} |"
            for t in shown
        ),
    ]
    if practice_first(report) and report.not_reached:
        table += ["", f"Not reached: {topic_names(t.id for t in report.not_reached)}."]
    grades = [
        "",
        "## Exam-level prediction (formative)"
        if practice_first(report)
        else "## Predicted grades (formative)",
        "",
        *(f"- {_md(line)}" for line in _grades_lines(report)),
    ]
    out += table + grades if practice_first(report) else grades + table
    for topic in shown:
        out += _md_topic(topic)
    out += [
        "",
        "## Feedback",
        "",
        f"_Written by: {report.narrative_source}_",
        "",
        printable(report.narrative),
    ]
    out += ["", "## Strengths", ""]
    out += [f"- {s}" for s in report.strengths] or ["- None evidenced yet."]
    out += ["", "## What to develop", ""]
    out += [f"- {d}" for d in report.develop] or ["- Nothing outstanding."]
    out += markdown_lines(report.delivery)
    out += ["", "## KSBs evidenced", "", ", ".join(report.ksbs_covered) or "None yet."]
    if report.notices:
        out += ["", "## Notices", "", *(f"- {_md(n)}" for n in report.notices)]
    return "\n".join(out) + "\n"


def render_json(transcript: Transcript, report: Report) -> str:
    """The transcript with its report as JSON: the same text, no raw control character in it."""
    data: dict[str, Any] = transcript.model_dump(mode="json")
    data["grades"] = report.grades.model_dump(mode="json")
    data["report"] = report.model_dump(mode="json")
    return json_text(data, indent=2)
