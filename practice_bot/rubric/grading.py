"""Grading exactly as the seed: per assessment method, then the overall table. Always formative."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from pydantic import BaseModel

from practice_bot.rubric.models import Method, Rubric

Grade = Literal["fail", "pass", "distinction"]
Overall = Literal["fail", "pass", "merit", "distinction"]

FORMATIVE_LABEL = "Formative prediction from a practice session, not an official EPA result."


def method_grade(pass_met: Iterable[bool], distinction_met: Iterable[bool]) -> Grade:
    """Fail if any pass criterion is unmet; distinction when all pass and all distinction are met."""
    if not all(pass_met):
        return "fail"
    dist = list(distinction_met)
    if dist and all(dist):
        return "distinction"
    return "pass"


# The seed's table: fail with anything is fail; pass+pass pass; one distinction merit; both distinction.
def overall_grade(am1: Grade, am2: Grade) -> Overall:
    if "fail" in (am1, am2):
        return "fail"
    if am1 == "distinction" and am2 == "distinction":
        return "distinction"
    if "distinction" in (am1, am2):
        return "merit"
    return "pass"


class Grades(BaseModel):
    am1: Grade
    am2: Grade
    overall: Overall
    formative: bool = True
    label: str = FORMATIVE_LABEL
    # Topics that the session did not cover: their criteria count as unmet.
    topics_not_covered: list[str] = []


def predict_grades(
    rubric: Rubric, evidenced: Mapping[str, bool], covered_topics: Iterable[str] | None = None
) -> Grades:
    """Predicted grades given which criteria are evidenced (missing ids count as not evidenced)."""
    per_method: dict[Method, Grade] = {}
    for method in ("AM1", "AM2"):
        topics = [t for t in rubric.topics if t.method == method]
        pass_met = [evidenced.get(c.id, False) for t in topics for c in t.pass_criteria]
        dist_met = [evidenced.get(c.id, False) for t in topics for c in t.distinction_criteria]
        per_method[method] = method_grade(pass_met, dist_met)
    covered = set(covered_topics) if covered_topics is not None else set(rubric.topic_ids)
    return Grades(
        am1=per_method["AM1"],
        am2=per_method["AM2"],
        overall=overall_grade(per_method["AM1"], per_method["AM2"]),
        topics_not_covered=[t for t in rubric.topic_ids if t not in covered],
    )
