"""Renders a report as plain text (line mode), Markdown and JSON. Untrusted text is made printable."""

from __future__ import annotations

from typing import Any

from practice_bot.formatting import clock_text
from practice_bot.records.delivery import markdown_lines, text_lines
from practice_bot.records.report import Report
from practice_bot.records.schema import Transcript
from practice_bot.scoring.base import STATUS_WORDS, confidence_note
from practice_bot.textsafe import json_text, printable

GRADE_WORDS = {"fail": "Fail", "pass": "Pass", "merit": "Merit", "distinction": "Distinction"}


def _grades_lines(report: Report) -> list[str]:
    g = report.grades
    lines = [
        f"AM2 themes (professional discussion): {GRADE_WORDS[g.am2]}",
        f"AM1 themes (project topics rehearsed here): {GRADE_WORDS[g.am1]}",
        f"Overall by the specification's table: {GRADE_WORDS[g.overall]}",
    ]
    if report.grades != report.grades_scorer_only:
        s = report.grades_scorer_only
        lines.append(
            f"Before tutor overrides: AM2 {GRADE_WORDS[s.am2]}, AM1 {GRADE_WORDS[s.am1]}, "
            f"overall {GRADE_WORDS[s.overall]}"
        )
    if g.topics_not_covered:
        lines.append(
            f"Not covered in this session (counted as not yet evidenced): {', '.join(g.topics_not_covered)}"
        )
    lines.append(g.label)
    return lines


def render_text(report: Report) -> str:
    out = [
        f"Report for {printable(report.apprentice)} - {report.mode} session ({report.status}), "
        f"{clock_text(report.seconds)} elapsed",
        "",
        "Predicted grades (formative):",
        *(f"  {line}" for line in _grades_lines(report)),
    ]
    for topic in report.topics:
        out += [
            "",
            f"{topic.name} [{topic.method}] - {topic.evidenced}/{len(topic.criteria)} "
            f"evidenced, {topic.questions} questions, {clock_text(topic.seconds)}",
        ]
        for c in topic.criteria:
            note = f" ({confidence_note(c.confidence)})" if confidence_note(c.confidence) else ""
            out.append(
                f"  [{STATUS_WORDS.get(c.status, c.status)}] {c.id} ({', '.join(c.ksbs)}){note}"
            )
            for e in c.evidence[:2]:
                out.append(f'      "{printable(e.quote)}"')
            if c.reason:
                out.append(f"      {printable(c.reason)}")
            if c.override:
                out.append(f"      Tutor: {printable(c.override)}")
    out += ["", f"Feedback ({report.narrative_source}):", printable(report.narrative)]
    if report.strengths:
        out += ["", "Strengths:", *(f"  - {s}" for s in report.strengths)]
    if report.develop:
        out += ["", "To develop:", *(f"  - {d}" for d in report.develop)]
    out += text_lines(report.delivery)
    out += ["", f"KSBs evidenced: {', '.join(report.ksbs_covered) or 'none yet'}"]
    if report.flags:
        out.append(f"Flags for tutor review: {', '.join(report.flags)}")
    for n in report.notices:
        out.append(f"Notice: {printable(n)}")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape Markdown-active characters in untrusted text and make it printable."""
    text = printable(text)
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(report: Report) -> str:
    out = [
        f"# Practice report: {_md(report.apprentice)}",
        "",
        f"{report.mode.capitalize()} session, {report.status.replace('_', ' ')}, started "
        f"{report.started_at[:16].replace('T', ' ')}, {clock_text(report.seconds)} elapsed.",
        "",
        "## Predicted grades (formative)",
        "",
        *(f"- {line}" for line in _grades_lines(report)),
        "",
        "## Topics",
        "",
        "| Topic | Method | Evidenced | Questions | Time |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| {t.name} | {t.method} | {t.evidenced}/{len(t.criteria)} | {t.questions} | "
            f"{clock_text(t.seconds)} |"
            for t in report.topics
        ),
    ]
    for topic in report.topics:
        out += ["", f"### {topic.name}", ""]
        for c in topic.criteria:
            out.append(
                f"- **{c.id}** ({c.level}; {', '.join(c.ksbs)}): **{STATUS_WORDS.get(c.status, c.status)}**"
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
                out.append(f"  - Flags: {', '.join(c.flags)}")
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
