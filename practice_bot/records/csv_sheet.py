"""The report as an assessor's mark sheet (CSV) for pasting into e-portfolio systems.

One header row, then one row per criterion of the standard in its order: the session's criteria with the
decision (tutor overrides applied, and a column saying so), the evidence quoted or else the reason, the
KSBs and the session time of the answer that evidenced it; criteria of topics the session did not cover
say "not covered". Cells are single-line and printable, and a cell that a spreadsheet would read as a
formula (starting =, +, -, @) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from practice_bot.formatting import clock_text
from practice_bot.records.report import CriterionResult, Report
from practice_bot.records.schema import Transcript
from practice_bot.scoring.base import STATUS_RANK, Judgment
from practice_bot.textsafe import printable

COLUMNS = (
    "apprentice",
    "session_date",
    "topic",
    "criterion_id",
    "level",
    "ksbs",
    "decision",
    "scorer_decision",
    "overridden",
    "tutor",
    "tutor_comment",
    "evidence_or_reason",
    "scorer",
    "time",
)
DECISION_WORDS = {
    "evidenced": "evidenced",
    "partly": "partly evidenced",
    "not_yet": "not yet evidenced",
}
NOT_COVERED = "not covered"


def cell(text: str) -> str:
    """One line, control characters made visible, never read as a formula."""
    flat = printable(" ".join(text.split()))
    if flat[:1] in ("=", "+", "-", "@"):
        flat = "'" + flat
    return flat


def _evidencing_turn(judgments: list[Judgment], criterion_id: str, status: str) -> int | None:
    """The first answer that reached the criterion's scorer status with evidence."""
    best: Judgment | None = None
    for j in judgments:
        if j.criterion_id != criterion_id or j.turn is None:
            continue
        if STATUS_RANK[j.status] == STATUS_RANK.get(status, 0) and j.evidence:
            return j.turn
        if best is None or STATUS_RANK[j.status] > STATUS_RANK[best.status]:
            best = j
    return best.turn if best is not None and best.status != "not_yet" else None


def _evidence_or_reason(c: CriterionResult) -> str:
    if c.evidence:
        return "; ".join(f'"{e.quote}"' for e in c.evidence)
    return c.reason or "No evidence quoted."


def render_csv(transcript: Transcript, report: Report) -> str:
    from practice_bot.rubric import load_rubric

    rubric = load_rubric()
    results = {c.id: (t, c) for t in report.topics for c in t.criteria}
    judgments = transcript.current_judgments()
    latest = {o.criterion_id: o for o in sorted(transcript.overrides, key=lambda o: o.at)}
    date = transcript.started_at.date().isoformat()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for topic in rubric.topics:
        for criterion in topic.criteria:
            found = results.get(criterion.id)
            base = [report.apprentice, date, topic.name, criterion.id, criterion.level]
            ksbs = " ".join(criterion.ksbs)
            if found is None:
                writer.writerow(
                    [cell(x) for x in base]
                    + [ksbs, NOT_COVERED, NOT_COVERED, "no", "", "", "", "", ""]
                )
                continue
            _, c = found
            o = latest.get(c.id)
            turn = _evidencing_turn(judgments, c.id, c.scorer_status)
            when = ""
            if turn is not None and 0 <= turn < len(transcript.turns):
                when = clock_text(transcript.turns[turn].elapsed)
            writer.writerow(
                [cell(x) for x in base]
                + [
                    ksbs,
                    DECISION_WORDS.get(c.status, c.status),
                    DECISION_WORDS.get(c.scorer_status, c.scorer_status),
                    "yes" if o is not None else "no",
                    cell(o.tutor) if o else "",
                    cell(o.comment) if o else "",
                    cell(_evidence_or_reason(c)),
                    cell(c.scorer),
                    when,
                ]
            )
    return buf.getvalue()
