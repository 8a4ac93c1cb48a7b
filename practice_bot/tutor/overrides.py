"""Tutor overrides: a separate, attributed layer (tutor, time, comment) over the scorer's judgments.

Adding an override appends to `Transcript.overrides` and never touches `judgments` or `rescores`; the
latest override of a criterion decides its status (`records.history.final_status`). Grades are always
available both ways, with and without overrides. A blind mark is an override with `blind=True`, made
before the tutor has seen the scorer's judgments (see `tutor.agreement`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from practice_bot.errors import UserError
from practice_bot.records.history import final_status, scorer_status
from practice_bot.records.schema import Override, Transcript
from practice_bot.rubric.grading import Grades, predict_grades
from practice_bot.rubric.models import Rubric
from practice_bot.textsafe import printable
from practice_bot.tutor.update import update_transcript

MAX_TUTOR = 80
MAX_COMMENT = 4000
YES = ("yes", "y", "true", "1", "evidenced", "met")
NO = ("no", "n", "false", "0", "not", "not_yet", "not-met", "unmet")


def parse_yes_no(text: str, what: str = "--evidenced") -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise UserError(f"{what}: expected yes or no, got {printable(text)!r}")


def clean_tutor(tutor: str) -> str:
    name = " ".join(tutor.split())
    if not name:
        raise UserError("--tutor: give the tutor's name; every override is attributed")
    if len(name) > MAX_TUTOR:
        raise UserError(f"--tutor: at most {MAX_TUTOR} characters")
    if printable(name) != name:
        raise UserError("--tutor: control characters are not allowed in a name")
    return name


def check_criterion(transcript: Transcript, criterion_id: str, rubric: Rubric) -> None:
    """The criterion must exist and belong to one of the session's topics."""
    known = {c.id for t in rubric.topics for c in t.criteria}
    if criterion_id not in known:
        raise UserError(
            f"criterion {printable(criterion_id)!r}: not in the standard; "
            "ids look like model-scoping/pass-1 (see `practice-bot rubric`)"
        )
    topic_id = criterion_id.split("/", 1)[0]
    if topic_id not in transcript.topics:
        raise UserError(
            f"criterion {criterion_id}: topic {topic_id} was not part of this session "
            f"({', '.join(transcript.topics) or 'no topics'})"
        )


def record_override(
    transcript: Transcript,
    criterion_id: str,
    evidenced: bool,
    tutor: str,
    comment: str = "",
    *,
    rubric: Rubric,
    blind: bool = False,
    now: datetime | None = None,
    doubt: bool = False,
) -> Override:
    """Validate and append an override to an in-memory transcript; returns it."""
    tutor = clean_tutor(tutor)
    check_criterion(transcript, criterion_id, rubric)
    if len(comment) > MAX_COMMENT:
        raise UserError(f"--comment: at most {MAX_COMMENT} characters")
    if blind and any(o.tutor == tutor and not o.blind for o in transcript.overrides):
        raise UserError(
            f"blind marking: {tutor} has already reviewed this transcript with the scorer's "
            "judgments in view, so a mark now would not be blind"
        )
    override = Override(
        criterion_id=criterion_id,
        evidenced=evidenced,
        comment=comment.strip(),
        tutor=tutor,
        at=now or datetime.now(UTC),
        blind=blind,
        doubt=doubt,
    )
    transcript.overrides = [*transcript.overrides, override]
    return override


def add_override(
    path: Path,
    criterion_id: str,
    evidenced: bool,
    tutor: str,
    comment: str = "",
    *,
    rubric: Rubric,
    blind: bool = False,
    now: datetime | None = None,
) -> Override:
    """Record a tutor's decision on one criterion in the transcript file (atomically, under a lock)."""
    return update_transcript(
        path,
        lambda t: record_override(
            t, criterion_id, evidenced, tutor, comment, rubric=rubric, blind=blind, now=now
        ),
    )


def add_blind_marks(
    path: Path,
    marks: dict[str, bool],
    tutor: str,
    *,
    rubric: Rubric,
    comments: dict[str, str] | None = None,
    now: datetime | None = None,
) -> list[Override]:
    """Record several blind marks at once; nothing is saved if any of them is invalid."""
    if not marks:
        raise UserError("blind marking: give at least one --mark CRITERION=yes|no")

    def change(t: Transcript) -> list[Override]:
        return [
            record_override(
                t,
                cid,
                ok,
                tutor,
                (comments or {}).get(cid, ""),
                rubric=rubric,
                blind=True,
                now=now,
            )
            for cid, ok in marks.items()
        ]

    return update_transcript(path, change)


def agree(
    path: Path,
    criterion_id: str,
    tutor: str,
    comment: str = "",
    *,
    rubric: Rubric,
    now: datetime | None = None,
) -> Override:
    """Record that the tutor agrees with the scorer: an override with the scorer's own decision."""

    def change(t: Transcript) -> Override:
        evidenced = scorer_status(t).get(criterion_id, "not_yet") == "evidenced"
        return record_override(
            t,
            criterion_id,
            evidenced,
            tutor,
            comment or "Agrees with the scorer.",
            rubric=rubric,
            now=now,
        )

    return update_transcript(path, change)


def add_doubt(
    path: Path,
    criterion_id: str,
    tutor: str,
    comment: str = "",
    *,
    rubric: Rubric,
    now: datetime | None = None,
) -> Override:
    """Flag a credited criterion as doubtful: it stays evidenced, but is flagged for review and
    counted by `review agreement`. Only a criterion that is credited now can be doubted."""

    def change(t: Transcript) -> Override:
        check_criterion(t, criterion_id, rubric)
        if final_status(t).get(criterion_id, "not_yet") != "evidenced":
            raise UserError(
                f"{criterion_id}: not credited, so there is nothing to doubt; "
                "override it to evidenced or not instead"
            )
        return record_override(
            t, criterion_id, True, tutor, comment, rubric=rubric, now=now, doubt=True
        )

    return update_transcript(path, change)


def doubted(transcript: Transcript) -> dict[str, Override]:
    """The credited criteria a tutor doubts: those whose override in force is a doubt."""
    return {cid: o for cid, o in latest_overrides(transcript).items() if o.doubt}


def overrides_for(
    transcript: Transcript,
    criterion_id: str | None = None,
    *,
    tutor: str | None = None,
    blind: bool | None = None,
) -> list[Override]:
    """Overrides in time order, optionally for one criterion, one tutor, blind or open only."""
    found = [
        o
        for o in transcript.overrides
        if (criterion_id is None or o.criterion_id == criterion_id)
        and (tutor is None or o.tutor == tutor)
        and (blind is None or o.blind == blind)
    ]
    return sorted(found, key=lambda o: o.at)


def latest_overrides(transcript: Transcript) -> dict[str, Override]:
    """The override in force for each overridden criterion (the latest one)."""
    return {o.criterion_id: o for o in overrides_for(transcript)}


@dataclass
class GradesBothWays:
    with_overrides: Grades
    scorer_only: Grades

    @property
    def changed(self) -> bool:
        return self.with_overrides != self.scorer_only


def grades_both_ways(transcript: Transcript, rubric: Rubric) -> GradesBothWays:
    """Predicted grades with the tutors' overrides applied and from the scorer alone (newest layer)."""
    after = final_status(transcript)
    before = scorer_status(transcript)
    return GradesBothWays(
        with_overrides=predict_grades(
            rubric, {c: s == "evidenced" for c, s in after.items()}, transcript.topics
        ),
        scorer_only=predict_grades(
            rubric, {c: s == "evidenced" for c, s in before.items()}, transcript.topics
        ),
    )
