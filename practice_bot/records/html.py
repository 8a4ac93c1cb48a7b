"""The report as one self-contained HTML file: inline CSS, no scripts, no external URLs, prints well.

Everything that came from a person or a model (names, answers, quotes, reasons, comments) is made
printable and HTML-escaped, so the file holds no markup of theirs. It refers to nothing outside itself:
no URL and no `http-equiv` header, so "http" appears only where an apprentice or tutor typed it.
"""

from __future__ import annotations

from html import escape

from practice_bot.formatting import clock_text
from practice_bot.records.delivery import html_section
from practice_bot.records.render import override_lines, practice_first
from practice_bot.records.report import Report, TopicResult
from practice_bot.records.schema import Transcript
from practice_bot.scoring.base import STATUS_WORDS, confidence_note
from practice_bot.textsafe import printable
from practice_bot.wording import criterion_title, flag_names, topic_names

GRADE_WORDS = {"fail": "Fail", "pass": "Pass", "merit": "Merit", "distinction": "Distinction"}
MARKS = {"evidenced": "✓", "partly": "◐", "not_yet": "○"}

CSS = """
:root { --ink: #111; --muted: #555; --line: #bbb; --ok: #0a6b2d; --part: #8a5a00; --no: #6b6b6b; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid var(--ink);
     padding-bottom: .2rem; margin-top: 2rem; } h3 { margin: 1.5rem 0 .5rem; }
.meta, .label { color: var(--muted); }
.label { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.bar { display: inline-block; width: 8rem; height: .8rem; border: 1px solid var(--ink);
       vertical-align: middle; margin-right: .5rem; background: #fff; }
.bar span { display: block; height: 100%; background: var(--ink); }
.status { font-weight: bold; white-space: nowrap; }
.evidenced { color: var(--ok); } .partly { color: var(--part); } .not_yet { color: var(--no); }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid var(--line);
             white-space: pre-wrap; }
.criterion { margin: .6rem 0; } .why { color: var(--muted); margin-left: 1rem; }
.turn { margin: .4rem 0; white-space: pre-wrap; } .who { font-weight: bold; }
.narrative { white-space: pre-wrap; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } .criterion, tr, .turn { break-inside: avoid; }
  .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _t(text: str) -> str:
    """Untrusted text, safe for HTML: control characters visible, markup escaped."""
    return escape(printable(text), quote=True)


def _bar(share: float) -> str:
    pct = round(min(max(share, 0.0), 1.0) * 100)
    return f'<span class="bar" aria-hidden="true"><span style="width:{pct}%"></span></span>'


def _status(status: str) -> str:
    word = STATUS_WORDS.get(status, status)
    return f'<span class="status {_t(status)}">{MARKS.get(status, "")} {_t(word)}</span>'


def _topic_rows(topics: list[TopicResult]) -> str:
    rows = []
    for t in topics:
        total = len(t.criteria)
        share = t.evidenced / total if total else 0.0
        rows.append(
            f"<tr><td>{_t(t.name)}</td><td>{_t(t.method)}</td>"
            f"<td>{_bar(share)}{t.evidenced} of {total} evidenced</td>"
            f"<td>{t.questions}</td><td>{clock_text(t.seconds)}</td></tr>"
        )
    return "\n".join(rows)


def _topic_detail(t: TopicResult) -> str:
    out = [f"<h3>{_t(t.name)}</h3>"]
    for c in t.criteria:
        out.append('<div class="criterion">')
        out.append(
            f"{_status(c.status)} <strong>{_t(c.id)}</strong> {_t(criterion_title(c.id))} "
            f"({_t(c.level)}; "
            f"{_t(', '.join(c.ksbs))}): {_t(c.text)}"
        )
        if confidence_note(c.confidence):
            out.append(f'<div class="why">{_t(confidence_note(c.confidence))}</div>')
        for e in c.evidence[:3]:
            out.append(f"<blockquote>{_t(e.quote)}</blockquote>")
        if c.reason:
            scorer = f" ({_t(c.scorer)})" if c.scorer else ""
            out.append(f'<div class="why">Why: {_t(c.reason)}{scorer}</div>')
        if c.override:
            out.append(f'<div class="why">Tutor: {_t(c.override)}</div>')
        if c.flags:
            out.append(f'<div class="why">Flags: {_t(flag_names(c.flags))}</div>')
        out.append("</div>")
    return "\n".join(out)


def _list(items: list[str], empty: str) -> str:
    if not items:
        return f"<p>{_t(empty)}</p>"
    return "<ul>" + "".join(f"<li>{_t(i)}</li>" for i in items) + "</ul>"


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    return "\n".join(f'<p class="narrative">{_t(b)}</p>' for b in blocks) or "<p>None.</p>"


def _conversation(transcript: Transcript) -> str:
    out = []
    for turn in transcript.turns:
        who = "You" if turn.role == "apprentice" else "Assessor"
        out.append(
            f'<div class="turn"><span class="who">{who}</span> '
            f'<span class="meta">[{clock_text(turn.elapsed)}]</span>: {_t(turn.text)}</div>'
        )
    return "\n".join(out) or "<p>No turns.</p>"


def _prediction(report: Report) -> str:
    g = report.grades
    if report.prediction_note:
        return (
            "<h2>Exam-level prediction (formative)</h2>"
            f'<p>{_t(report.prediction_note)}</p>\n<p class="label">{_t(g.label)}</p>'
        )
    grades = [
        f"<tr><th>AM2 themes (professional discussion)</th><td>{GRADE_WORDS[g.am2]}</td></tr>",
        f"<tr><th>AM1 themes (project topics rehearsed here)</th><td>{GRADE_WORDS[g.am1]}</td></tr>",
        f"<tr><th>Overall, by the specification's table</th><td>{GRADE_WORDS[g.overall]}</td></tr>",
    ]
    notes = "".join(f"<p class='meta'>{_t(line)}</p>" for line in override_lines(report))
    if g.topics_not_covered:
        notes += (
            "<p class='meta'>Not covered in this session (counted as not yet evidenced): "
            f"{_t(topic_names(g.topics_not_covered))}</p>"
        )
    return (
        f"<h2>Predicted grades (formative)</h2>\n<table>{''.join(grades)}</table>\n{notes}\n"
        f'<p class="label">{_t(g.label)}</p>'
    )


def _topics_table(report: Report) -> str:
    first = practice_first(report)
    shown = report.practised if first else report.topics
    not_reached = (
        f"<p class='meta'>Not reached: {_t(topic_names(t.id for t in report.not_reached))}</p>"
        if first and report.not_reached
        else ""
    )
    return f"""<h2>{"What you practised" if first else "Topics"}</h2>
<table>
<tr><th>Topic</th><th>Method</th><th>Criteria evidenced</th><th>Questions</th><th>Time</th></tr>
{_topic_rows(shown)}
</table>
{not_reached}"""


def render_html(transcript: Transcript, report: Report) -> str:
    first = practice_first(report)
    lead = (
        _topics_table(report) + "\n" + _prediction(report)
        if first
        else _prediction(report) + "\n" + _topics_table(report)
    )
    flags = (
        f"<h2>Flags for tutor review</h2><p>{_t(flag_names(report.flags))}</p>"
        if report.flags
        else ""
    )
    notices = f"<h2>Notices</h2>{_list(report.notices, '')}" if report.notices else ""
    started = _t(report.started_at[:16].replace("T", " "))
    pack = f" Class pack: {_t(report.pack)}." if report.pack else ""
    detail = report.practised if first else report.topics
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Practice report: {_t(report.apprentice)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>Practice report: {_t(report.apprentice)}</h1>
<p class="meta">{_t(report.mode.capitalize())} session, {_t(report.status.replace("_", " "))},
started {started}, {clock_text(report.seconds)} elapsed.{pack}</p>

{lead}

<h2>Feedback</h2>
<p class="meta">Written by: {_t(report.narrative_source)}</p>
{_paragraphs(report.narrative)}

<h2>Strengths</h2>
{_list(report.strengths, "None evidenced yet.")}

<h2>What to develop</h2>
{_list(report.develop, "Nothing outstanding.")}

{html_section(report.delivery)}
<h2>KSBs evidenced</h2>
<p>{_t(", ".join(report.ksbs_covered) or "None yet.")}</p>

<h2>Criteria and evidence</h2>
{"".join(_topic_detail(t) for t in detail)}
{flags}
{notices}
<h2>Conversation</h2>
{_conversation(transcript)}
</body>
</html>
"""
