"""A team's "we" with no personal role earns nothing (issue #13, docs/labelling.md): an answer that never
says "I", "me" or "my" is not the apprentice's own practice, however concrete."""

from __future__ import annotations

from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer

RUBRIC = load_rubric()
SCORER = OfflineScorer()

MINE = (
    "I measured the training energy of our demand forecasting model with CodeCarbon: 40 kWh a run. "
    "I moved the nightly retrain to weekly and switched to a smaller model, which cut it to 6 kWh. "
    "I proposed that every new model logs its carbon in MLflow, and the head of data adopted it as "
    "our standard, as part of the company's net zero target."
)
TEAMS = MINE.replace("I measured", "We measured").replace("I moved", "We moved")
TEAMS = TEAMS.replace("I proposed", "We proposed")


def judged(answer: str) -> tuple[str, list[str]]:
    topic = RUBRIC.topic("sustainability")
    outcome = SCORER.outcome(answer, topic, list(topic.criteria))
    status = next(
        j.status
        for j in outcome.assessment().judgments
        if j.criterion_id == "sustainability/pass-1"
    )
    return status, [s.why for s in outcome.reading.sentences]


def test_the_same_work_as_a_team_s_we_is_not_evidenced() -> None:
    assert judged(MINE)[0] == "evidenced"
    status, whys = judged(TEAMS)
    assert status != "evidenced"
    assert all("no personal role" in why for why in whys)


def test_one_personal_role_is_enough_and_a_note_without_its_i_is_one() -> None:
    assert judged(TEAMS.replace("We moved", "I moved"))[0] == "evidenced"
    assert judged(TEAMS.replace("We moved", "Moved"))[0] == "evidenced"


def test_an_i_only_in_a_hedge_or_an_aside_is_no_personal_role() -> None:
    # "I think the lead wrote it", "I remember we...": the learner's part is never said
    hedged = TEAMS + " I think the head of data wrote the standard up afterwards."
    status, whys = judged(hedged)
    assert status != "evidenced"
    assert all("no personal role" in why for why in whys)
    # the control: an "I" that says what the learner did
    own = TEAMS + " I wrote the standard up afterwards."
    assert judged(own)[0] == "evidenced"


def test_belonging_to_the_group_or_naming_my_team_is_no_personal_role() -> None:
    # "I'm in the group", "at my company": the learner is there, but their part is never said
    for said in (
        "I'm in the group with about eight others from different departments.",
        "I was part of the team that did it.",
        "I am a member of the green computing working group.",
        "I sit on the green IT committee.",
        "It was a good effort from my team and my company.",
    ):
        status, whys = judged(TEAMS + " " + said)
        assert status != "evidenced", said
        assert all("no personal role" in why for why in whys[:3]), said  # the team's sentences
    # the control: the same kind of sentence saying what the learner did
    assert judged(TEAMS + " I was in charge of the CodeCarbon runs.")[0] == "evidenced"
    assert judged(TEAMS + " My part was the CodeCarbon runs.")[0] == "evidenced"
