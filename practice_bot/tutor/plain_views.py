"""Plain-text renderings of the tutor views for the command line (the app draws the same data itself).
Every piece of transcript text goes through `printable`, so nothing in an answer can drive the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from practice_bot.formatting import clock_text
from practice_bot.records.schema import Transcript
from practice_bot.rubric.grading import FORMATIVE_LABEL, Grades
from practice_bot.rubric.models import Rubric
from practice_bot.scoring.base import STATUS_WORDS
from practice_bot.textsafe import printable
from practice_bot.tutor.agreement import CriterionAgreement, FolderAgreement
from practice_bot.tutor.cohort import Cohort
from practice_bot.tutor.listing import ReviewRow
from practice_bot.tutor.overrides import grades_both_ways
from practice_bot.tutor.rescore import layers
from practice_bot.tutor.view import criterion_views, evidence_spans, highlight

GRADE = {"fail": "Fail", "pass": "Pass", "merit": "Merit", "distinction": "Distinction"}


def grades_line(g: Grades) -> str:
    return f"overall {GRADE[g.overall]} (AM2 {GRADE[g.am2]}, AM1 {GRADE[g.am1]})"


def _fit(text: str, width: int) -> str:
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def list_text(rows: Sequence[ReviewRow], problems: Sequence[str] = ()) -> str:
    if not rows:
        out = ["No transcripts found."]
    else:
        out = [
            f"{'apprentice':<20} {'date':<16} {'mode':<8} {'time':>6} {'grade':<11} "
            f"{'flag':>4} {'ovr':>3}  file"
        ]
        for r in rows:
            grade = GRADE[r.grades.overall]
            if r.grades != r.grades_scorer_only:
                grade += "*"
            mode = r.mode + ("…" if r.in_progress else "")
            out.append(
                f"{_fit(r.apprentice, 20):<20} {r.started_at.strftime('%Y-%m-%d %H:%M'):<16} "
                f"{mode:<8} {clock_text(r.seconds):>6} {grade:<11} {r.flagged:>4} "
                f"{r.overrides:>3}  {printable(r.path.name)}"
            )
        out.append("")
        out.append(
            "Grades are formative predictions with tutor overrides (* = differs from the scorer "
            "alone); flag = criteria flagged for review; … = still in progress."
        )
    out += [f"Skipped: {printable(p)}" for p in problems]
    return "\n".join(out)


def show_text(path: Path, transcript: Transcript, rubric: Rubric) -> str:
    both = grades_both_ways(transcript, rubric)
    out = [
        f"{printable(transcript.apprentice)} - {transcript.mode} session, "
        f"{transcript.started_at.strftime('%Y-%m-%d %H:%M')}, {transcript.status}"
        + (f", pack {printable(transcript.pack_id)}" if transcript.pack_id else ""),
        f"File: {printable(str(path))}",
        f"Predicted grades with overrides: {grades_line(both.with_overrides)}",
        f"Predicted grades from the scorer alone: {grades_line(both.scorer_only)}",
        FORMATIVE_LABEL,
    ]
    history = layers(transcript)
    if len(history) > 1:
        out.append("Judgment layers (newest is used):")
        for layer in history:
            when = layer.at.strftime("%Y-%m-%d %H:%M") if layer.at else ""
            mark = "  <- current" if layer.current else ""
            out.append(f"  {layer.index}. {layer.id} by {layer.scorer} {when}{mark}")
    out += ["", "Conversation ([[...]] marks quoted evidence):"]
    spans = evidence_spans(transcript)
    for turn in transcript.turns:
        who = "Assessor" if turn.role == "assessor" else "Apprentice"
        text = highlight(turn.text, spans.get(turn.index, []))
        out.append(f"[{turn.index}] {clock_text(turn.elapsed)} {who}: {printable(text)}")
    out += ["", "Criteria:"]
    for v in criterion_views(transcript, rubric):
        status = STATUS_WORDS[v.status]
        if v.status != v.scorer_status:
            status += f" (scorer: {STATUS_WORDS[v.scorer_status]})"
        by = f" by {', '.join(v.scorers)}" if v.scorers else ""
        out.append(f"  {v.id} [{v.level}; {' '.join(v.ksbs)}] {status}{by}")
        for turn_index, e in v.evidence[:3]:
            out.append(f'      [{turn_index}] "{printable(e.quote)}"')
        if v.reason:
            out.append(f"      {printable(v.reason)}")
        if v.flags or v.review:
            out.append(f"      flagged for review: {', '.join(v.flags) or 'yes'}")
        for o in v.overrides:
            kind = "blind mark" if o.blind else "override"
            verdict = "evidenced" if o.evidenced else "not evidenced"
            note = f": {printable(o.comment)}" if o.comment else ""
            out.append(
                f"      {kind}: {verdict} by {printable(o.tutor)} "
                f"{o.at.strftime('%Y-%m-%d %H:%M')}{note}"
            )
    return "\n".join(out)


def blind_text(transcript: Transcript, rubric: Rubric) -> str:
    """The conversation and the criteria to mark, with nothing of the scorer's judgments."""
    out = [
        f"Blind marking: {printable(transcript.apprentice)} - {transcript.mode} session, "
        f"{transcript.started_at.strftime('%Y-%m-%d %H:%M')}",
        "The scorer's judgments are hidden. Mark with --mark CRITERION=yes|no, then see "
        "`practice-bot review agreement PATH`.",
        "",
    ]
    for turn in transcript.turns:
        who = "Assessor" if turn.role == "assessor" else "Apprentice"
        out.append(f"[{turn.index}] {who}: {printable(turn.text)}")
    out += ["", "Criteria:"]
    for topic in rubric.topics:
        if topic.id in transcript.topics:
            for c in topic.criteria:
                out.append(f"  {c.id} [{c.level}; {' '.join(c.ksbs)}]: {c.text}")
    return "\n".join(out)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _kappa(x: float | None) -> str:
    return "n/a (undefined: one category only)" if x is None else f"{x:.2f}"


def criteria_agreement_text(items: Sequence[CriterionAgreement]) -> list[str]:
    out = []
    for c in items:
        mark = "agree" if c.agrees else "DISAGREE"
        tutor = "evidenced" if c.tutor_evidenced else "not evidenced"
        out.append(
            f"  {c.criterion_id}: tutor {tutor}, scorer {STATUS_WORDS[c.scorer_status]} - {mark}"
            f" ({printable(c.tutor)})"
        )
    return out


def agreement_text(result: FolderAgreement) -> str:
    s = result.summary
    if not s.items:
        out = ["No blind marks found. Mark a transcript with `practice-bot review blind PATH`."]
        if result.doubts:
            out[0] = "No blind marks found."
    else:
        out = [
            f"Blind marks compared: {s.items} in {len(result.transcripts)} transcript(s)",
            f"Exact agreement: {_pct(s.exact)} ({s.agreed}/{s.items})",
            f"Cohen's kappa: {_kappa(s.kappa)}",
            f"Both evidenced {s.both_evidenced}, tutor only {s.tutor_only}, "
            f"scorer only {s.scorer_only}, neither {s.neither}",
        ]
        for t in result.transcripts:
            out += [
                "",
                f"{printable(t.apprentice)} ({printable(t.path.name)}): "
                f"{t.summary.agreed}/{t.summary.items} agree",
            ]
            out += criteria_agreement_text(t.criteria)
    if result.doubts:
        out += ["", f"Credited criteria flagged as doubtful by a tutor: {len(result.doubts)}"]
        out += [
            f"  {printable(d.apprentice)} ({printable(d.path.name)}): {d.criterion_id}, "
            f"{printable(d.tutor)}" + (f": {printable(d.comment)}" if d.comment else "")
            for d in result.doubts
        ]
    out += [f"Skipped: {printable(p)}" for p in result.problems]
    return "\n".join(out)


def cohort_text(cohort: Cohort, rubric: Rubric, most_missed: int = 10) -> str:
    if not cohort.apprentices:
        out = [
            "No finished transcripts" + (f" for pack {cohort.pack_id}" if cohort.pack_id else "")
        ]
        out += [f"Skipped: {printable(p)}" for p in cohort.problems]
        return "\n".join(out)
    out = [
        f"Cohort: {len(cohort.apprentices)} apprentice(s), {cohort.transcripts} transcript(s)"
        + (f", pack {printable(cohort.pack_id)}" if cohort.pack_id else ""),
        "Share of each topic's criteria evidenced (latest session covering them):",
        "",
    ]
    cols = [(t, f"T{rubric.topic(t).order}") for t in cohort.topics]
    out.append(f"{'apprentice':<20} " + " ".join(f"{label:>5}" for _, label in cols))
    for a in cohort.apprentices:
        cells = []
        for t, _ in cols:
            c = cohort.cell(a, t)
            share = c.share if c else None
            cells.append(f"{'-' if share is None else f'{100 * share:.0f}%':>5}")
        out.append(f"{_fit(a, 20):<20} " + " ".join(cells))
    out.append(
        f"{'cohort':<20} "
        + " ".join(
            f"{'-' if (s := cohort.topic_share(t)) is None else f'{100 * s:.0f}%':>5}"
            for t, _ in cols
        )
    )
    out += ["", *(f"  {label} = {rubric.topic(t).name}" for t, label in cols)]
    if cohort.missed:
        out += ["", "Criteria most often missed:"]
        for m in cohort.missed[:most_missed]:
            out.append(
                f"  {m.criterion_id} ({m.level}): missed by {m.missed} of {m.apprentices} - "
                f"{_fit(m.text, 70)}"
            )
    out += [f"Skipped: {printable(p)}" for p in cohort.problems]
    return "\n".join(out)
