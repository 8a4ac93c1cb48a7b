"""A criterion's *setting* (the organisation's security culture, the stakeholders, its strategy) may be
shown by a plain statement; its actions still need the learner's own practice (rules: `setting`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Judgment
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.ruleset import check_rules

RUBRIC = load_rubric()
SCORER = OfflineScorer()
CULTURE = "compliance-assurance/pass-1"


def judgment(answer: str, criterion_id: str = CULTURE) -> Judgment:
    topic = RUBRIC.topic(criterion_id.split("/")[0])
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j for j in got.judgments if j.criterion_id == criterion_id)


# The culture is described as it is, in the present tense and before any "I": not own practice.
RESPONSE = (
    "I raised it with my manager and we gave every analyst their own login with read only access to "
    "the training data. I also explained at our team meeting why sharing a login could let anyone "
    "change what the fraud model learns from."
)


def test_a_culture_stated_plainly_counts_beside_the_learners_response() -> None:
    answer = (
        "People here share passwords with whoever covers for them and think security is the IT "
        "team's job. " + RESPONSE
    )
    j = judgment(answer)
    assert j.status == "evidenced"
    assert any("share passwords" in e.quote for e in j.evidence)


@pytest.mark.parametrize(
    "culture",
    [
        "I think people here maybe share passwords sometimes.",  # hedged
        "I didn't look at how people here share passwords with whoever covers for them.",  # negated
        "You should never share passwords with whoever covers for you.",  # advice to 'you'
        "Organisations should stop people sharing passwords.",  # generic
    ],
)
def test_a_hedged_negated_or_generic_culture_is_no_setting(culture: str) -> None:
    assert judgment(culture + " " + RESPONSE).status != "evidenced"


def test_the_setting_alone_is_not_the_learners_practice() -> None:
    # a team's "we" with no personal role: nothing is own practice, so the setting counts for nothing
    answer = (
        "People here share passwords with whoever covers for them and think security is the IT "
        "team's job. We gave every analyst their own login with read only access to the training "
        "data, and the team lead explained at a meeting why sharing a login puts the model at risk."
    )
    assert judgment(answer).status != "evidenced"


def test_a_slot_marked_setting_passes_the_rules_check(tmp_path: Path) -> None:
    rules = Path(__file__).parents[2] / "practice_bot" / "scoring" / "rules"
    assert check_rules(rules) == []
    broken = tmp_path / "rules"
    broken.mkdir()
    for f in rules.glob("*.toml"):
        text = f.read_text(encoding="utf-8")
        if f.name == "compliance-assurance.toml":
            text = text.replace("setting = true", 'setting = "maybe"', 1)
        (broken / f.name).write_text(text, encoding="utf-8")
    problems = check_rules(broken)
    assert any("setting" in str(p) for p in problems), problems
