"""A criterion whose wording joins its parts with "and" needs each of them: a slot marked `required` must be
supported by own practice besides a core one, so half of the criterion is "partly" (rules: `required`)."""

from __future__ import annotations

from pathlib import Path

from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Judgment
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()
# "...how they assess system vulnerabilities, mitigating the threats or risks to assets and data bias"
RISKS = "model-scoping/pass-4"
RULES = Path(__file__).parents[2] / "practice_bot" / "scoring" / "rules"

# Data bias found and mitigated, in the learner's own practice: half of the criterion.
BIAS = (
    "On the credit limit model the main risk I looked at was bias. I checked approval rates by age "
    "group and by gender on 50,000 past applications and found under-25s were approved 9 points less "
    "with the same repayment history. I traced it to the years-at-address feature, removed it, and "
    "the gap came down to 2 points."
)


def judgment(answer: str, scorer: OfflineScorer = SCORER) -> Judgment:
    topic = RUBRIC.topic(RISKS.split("/")[0])
    got = scorer.score(answer, "What risks did you consider?", topic, topic.criteria)
    return next(j for j in got.judgments if j.criterion_id == RISKS)


def test_half_of_the_criterion_is_partly_and_the_reason_names_the_missing_part() -> None:
    j = judgment(BIAS)
    assert j.status == "partly"
    assert "assessing vulnerabilities" in j.reason


def test_both_parts_shown_are_evidenced() -> None:
    security = (
        " I also went through who could see the scoring output and locked it to the two credit "
        "analysts, because it showed customers' incomes."
    )
    assert judgment(BIAS + security).status == "evidenced"


def test_the_missing_part_said_to_be_someone_elses_does_not_complete_it() -> None:
    elsewhere = " About security of the system, this is handled by our platform team."
    assert judgment(BIAS + elsewhere).status == "partly"


def test_without_the_required_mark_half_of_the_criterion_would_pass(tmp_path: Path) -> None:
    # the same rules with `required` taken out: the bias half alone carries the criterion
    copy = tmp_path / "rules"
    copy.mkdir()
    for f in RULES.glob("*.toml"):
        text = f.read_text(encoding="utf-8")
        if f.name == "model-scoping.toml":
            assert "required = true" in text
            text = text.replace("required = true\n", "")
        (copy / f.name).write_text(text, encoding="utf-8")
    assert judgment(BIAS, OfflineScorer(rules=copy)).status == "evidenced"


LIVE = "model-deployment/pass-2"  # "track, test and monitor continual learning models ... live"
SHADOW = (
    "I wrapped the notebook in a FastAPI service and deployed it in March. Before we turned it on we "
    "ran it in shadow for four weeks and I compared its predictions with the real arrival times "
    "every morning: mean error was eleven minutes. "
)


def deployment_status(answer: str) -> str:
    topic = RUBRIC.topic("model-deployment")
    got = SCORER.score(answer, "How do you monitor it?", topic, topic.criteria)
    return next(j.status for j in got.judgments if j.criterion_id == LIVE)


def test_a_model_watched_but_never_retrained_is_half_of_continual_learning() -> None:
    assert deployment_status(SHADOW + "It doesn't retrain on its own.") == "partly"


def test_a_model_retrained_and_watched_live_is_evidenced() -> None:
    live = (
        "Now it retrains every Sunday on the latest week, and I set up a Grafana dashboard of live "
        "error per site with an alert if it drifts 25% above its usual level. The alert fired in "
        "July and I added a big-release flag to the features."
    )
    assert deployment_status(SHADOW + live) == "evidenced"


def test_a_policy_followed_and_another_teams_scan_with_no_bias_are_not_pass_4() -> None:
    answer = (
        "On the demand model our main security risk was someone getting hold of the sales data. We "
        "keep it in Azure with role-based access, and the platform team run a vulnerability scan "
        "every month. I make sure I follow the security policy and I completed the cyber awareness "
        "training in March."
    )
    assert judgment(answer).status == "partly"
