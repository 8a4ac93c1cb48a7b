"""Compliance and fairness claimed, not shown, earn nothing (docs/labelling.md: "We made sure the data was
secure" evidences nothing; confident claims without an example): model-deployment/pass-1 and pass-5."""

from __future__ import annotations

from tests.scoring import verdicts


def statuses(answer: str) -> dict[str, str]:
    return verdicts.statuses("model-deployment", answer, "Tell me about data security and bias.")


def test_following_gdpr_and_doing_the_training_is_not_outlining_the_standards() -> None:
    answer = (
        "On the churn model at the telecom company we follow GDPR and the company data policy. I "
        "made sure the customer data was kept secure and used ethically, and I completed the data "
        "protection training last year. Our governance team approves every new dataset."
    )
    assert statuses(answer)["model-deployment/pass-1"] != "evidenced"


def test_what_was_done_under_the_policy_is_evidenced() -> None:
    answer = (
        "The prescription data on the interaction model is special category data under UK GDPR, "
        "so I did the DPIA with our data protection officer before it went anywhere. We agreed the "
        "model only sees a pseudonymised patient key, and I set the scoring logs to be deleted "
        "after ninety days, the retention our clinical governance policy sets. I also moved the "
        "storage key into Azure Key Vault under our ISO 27001 access control rules."
    )
    assert statuses(answer)["model-deployment/pass-1"] == "evidenced"


def test_fairness_claimed_with_best_practice_named_is_not_minimising_bias() -> None:
    answer = (
        "I always make sure our models are fair. I follow software development best practice like "
        "code review and unit tests in GitHub, and I validate every model statistically on a "
        "hold-out set before it goes live, so bias is minimised. Last year our credit model passed "
        "its fairness review."
    )
    assert statuses(answer)["model-deployment/pass-5"] != "evidenced"


def test_a_vague_result_claimed_is_not_the_business_problem_solved() -> None:
    answer = (
        "The fraud project was really complex and there was a lot of uncertainty, because the data "
        "was messy and nobody knew what fraud looked like. I evaluated three different tools and "
        "picked the best one for the job. In the end the solution solved the business problem and "
        "saved the company a lot of money."
    )
    got = verdicts.status(
        "model-testing-improvement/pass-3", answer, "Tell me about a complex problem."
    )
    assert got != "evidenced"


def test_a_data_choice_claimed_without_the_choice_is_not_evaluating_it() -> None:
    answer = (
        "At the bank I worked on the mortgage arrears model. For example, I considered GDPR when "
        "choosing the data and made sure the data quality was good. Everything was signed off by "
        "governance in June."
    )
    question = "How did you make choices about data?"
    assert verdicts.status("model-testing-improvement/pass-2", answer, question) != "evidenced"
