"""Gaming by self-assessment (issue #13): questions answered "yes" and praise reported from others are
claims, not practice. "Do I use my initiative? Yes, every day." and "My mentor said I have an excellent
grasp of the lifecycle" earn nothing."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()


def practice(topic_id: str, answer: str) -> list[bool]:
    topic = RUBRIC.topic(topic_id)
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    return [s.practice for s in outcome.reading.sentences]


def status(topic_id: str, answer: str, criterion_id: str) -> str:
    topic = RUBRIC.topic(topic_id)
    got = SCORER.score(answer, "Tell me about it.", topic, topic.criteria)
    return next(j.status for j in got.judgments if j.criterion_id == criterion_id)


def test_a_question_is_not_own_practice() -> None:
    answer = (
        "Do I keep up with trends in machine learning and AI? Always. "
        "So what did I do about it? I tried DuckDB on the council tax data in March."
    )
    assert practice("continuous-professional-development", answer) == [False, False, False, True]


def test_answering_the_criteria_as_questions_earns_nothing() -> None:
    answer = (
        "Do I use my initiative? Yes, every day. Do I identify new and emerging technological "
        "developments? Constantly. Do I keep up with trends in machine learning and AI? Always, "
        "across the whole field. Is my knowledge up to date? Completely, I read about it in 2024."
    )
    cid = "continuous-professional-development/pass-1"
    assert status("continuous-professional-development", answer, cid) != "evidenced"


def test_praise_reported_from_others_is_not_practice() -> None:
    answer = (
        "In my last review my manager wrote that I 'excel at scoping machine learning solutions'. "
        "My mentor also said I 'have an excellent grasp of the machine learning lifecycle'. "
        "The tutor noted that I clearly understand the risks of deploying new models."
    )
    assert practice("model-scoping", answer) == [False, False, False]
    # the control: what the learner did, in the same words
    did = "I scoped the readmission model with the ward manager and chose precision at forty."
    assert practice("model-scoping", did) == [True]


def test_a_habit_or_disposition_claimed_without_an_instance_is_not_practice() -> None:
    answer = (
        "I'm genuinely passionate about green AI, and I see myself as an advocate for it. "
        "I always consider the net-zero strategy, and I look for opportunities to embed sustainable "
        "outcomes in everything I build. "
        "I measured the forecasting model's training energy with CodeCarbon in May."
    )
    assert practice("sustainability", answer) == [False, False, True]


def test_a_reputation_or_trait_claimed_is_not_practice() -> None:
    answer = (
        "I'm known for being very thorough, and my manager says I am the go-to person for compliance. "
        "I take data protection extremely seriously. "
        "I completed the DPIA for the churn model with our DPO in March."
    )
    assert practice("compliance-assurance", answer) == [False, False, True]


def test_habits_claimed_with_no_instance_are_not_evidenced() -> None:
    # present-tense habits with tools named, but nothing that happened and no figure: a confident
    # claim without an example (docs/labelling.md)
    habits = (
        "I keep up to date by reading arXiv, The Batch and Hugging Face blogs every week, and I "
        "attend meetups like PyData London. I use my initiative to try new tools such as LangChain "
        "and vLLM, and I share what I learn with the team in our Slack channel. This keeps my "
        "knowledge of machine learning current with emerging trends like agents and RAG."
    )
    cid = "continuous-professional-development/pass-1"
    topic = RUBRIC.topic("continuous-professional-development")
    outcome = SCORER.outcome(habits, topic, list(topic.criteria))
    verdict = next(v for v in outcome.verdicts if v.criterion_id == cid)
    assert verdict.status == "partly"
    assert "no instance" in verdict.path[-1]
    assert "gave no instance" in verdict.reason
    # the control: the same habits and one instance of them, with what came of it
    instance = habits + (
        " In March I tried vLLM on our ticket triage model and it cut response time from 2 seconds "
        "to 300 ms, so I showed the team and we adopted it."
    )
    assert status("continuous-professional-development", instance, cid) == "evidenced"


def test_a_tool_inventory_in_the_present_is_no_instance() -> None:
    # what the learner uses and likes, with no use of it that happened
    inventory = (
        "I use Python for almost all my work, in PyCharm with the notebook plugin. My main machine "
        "learning libraries are pandas, scikit-learn, LightGBM and PyTorch, and I use Git for "
        "version control. I like PyCharm because the debugger is good."
    )
    cid = "experiment-tracking/pass-4"
    assert status("experiment-tracking", inventory, cid) == "partly"
    # the control: the same tools in a use of them that happened
    used = inventory + (
        " Last spring I moved the demand model's feature code from a notebook into a package and "
        "profiled it in PyCharm, which cut the nightly run from 40 to 12 minutes."
    )
    assert status("experiment-tracking", used, cid) == "evidenced"


def test_a_lesson_claimed_in_general_terms_is_not_practice() -> None:
    answer = (
        "I learned how important experiment tracking is for robust and valid machine learning. "
        "I learned a lot about LightGBM on the churn project."
    )
    assert practice("experiment-tracking", answer) == [False, True]
