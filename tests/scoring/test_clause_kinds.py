"""What a clause is, besides negated or hedged (issues #13 and #20): a modal reporting what was said or
agreed ("they agreed that we'd review it") or giving a purpose ("so I can compare them") is not a
plan; a clause saying what one should do in general ("at deployment you need to secure the API")
names nothing, as a negated one does, when the rest of its sentence is own practice; and in speech
without punctuation "my"/"our" after a verb is its object ("a cyber attack took our system offline"),
not the start of a new sentence."""

from __future__ import annotations

import pytest

from practice_bot.scoring import scope
from practice_bot.scoring.markers import own_action
from practice_bot.scoring.segment import load_segmentation, segment
from practice_bot.scoring.text import normalise, split_sentences, words
from tests.scoring.verdicts import status


def hypothetical(sentence: str) -> bool:
    return own_action(words(normalise(sentence)))[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "They agreed the middle threshold, and that we'd review it after three months.",
        "She said it'd need a new privacy notice.",
        "I told them I'd check the drift every Monday.",
        "We decided we would retrain monthly.",
        "MLflow logging every run's params and AUC so I can compare them.",
        "I put the scores in one table so that we could see the gap.",
    ],
)
def test_a_reported_or_purpose_modal_is_not_a_plan(sentence: str) -> None:
    assert not hypothetical(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I would add drift alerts next time.",
        "We should retrain it monthly.",
        "If I had more time I'd compare them.",
        "So I could have checked it earlier.",
    ],
)
def test_a_plan_or_a_wish_is_still_one(sentence: str) -> None:
    assert hypothetical(sentence)


GLUE = load_segmentation().clause_glue


def open_words(sentence: str) -> list[list[str]] | None:
    norm = normalise(sentence)
    tokens = words(norm)
    free = scope.open_clauses(norm, tokens, None, GLUE)
    return None if free is None else [tokens[a:b] for a, b in free]


def test_a_generic_clause_is_shut_and_the_own_practice_beside_it_kept() -> None:
    got = open_words(
        "at deployment you need to secure the api for our model we used https and the data was "
        "stored in the cloud"
    )
    assert got is not None and len(got) == 1
    assert got[0][:2] == ["we", "used"]


def test_a_sentence_without_a_generic_clause_is_read_whole() -> None:
    assert open_words("I secured the API with HTTPS, and we stored the data in Azure") is None


SECURITY = (
    "security is important at every stage at the data stage you need to protect personal data at "
    "the modelling stage you need to be careful about adversarial attacks and at deployment you "
    "need to secure the api for our model we used https and the data was stored in the cloud which "
    "is secure i also did the company's cyber security e learning module the model was for "
    "predicting stock levels at our chain of garden centres so there isn't much sensitive data "
    "anyway"
)


def test_what_one_should_do_glued_to_a_thin_action_earns_no_security_credit() -> None:
    assert status("model-testing-improvement/pass-1", SECURITY) != "evidenced"


SECURED = (
    "I ran a threat model on the stock forecasting API with the security team and found the "
    "endpoint had no authentication. I added OAuth2 with Azure AD and rate limits, and I moved "
    "the training data into an encrypted bucket with access only for two of us. At every stage, "
    "data, modelling and deployment, I logged the risks and mitigations in our register, and the "
    "penetration test in March found nothing new."
)


def test_a_generic_clause_does_not_shut_a_sentence_of_own_practice() -> None:
    assert status("model-testing-improvement/pass-1", SECURED) == "evidenced"


SEG = load_segmentation()


def pieces(answer: str) -> list[str]:
    return [s.text for s in segment(answer, split_sentences(answer), SEG)]


def test_our_after_a_verb_stays_with_it_in_unpunctuated_speech() -> None:
    answer = (
        "and i report progress against it in the quarterly board pack in march halfway through a "
        "cyber attack on a supplier took our theatre scheduling system offline for three weeks "
        "everything changed overnight and the priority became working out which patients had been "
        "missed"
    )
    assert not any(p.startswith("our theatre") for p in pieces(answer))
    assert " ".join(pieces(answer)) == answer


def test_so_i_after_an_object_pronoun_starts_a_sentence_in_unpunctuated_speech() -> None:
    answer = (
        "the first version had the database password sitting in the notebook and the notebook was "
        "in our github which is private but still like forty people can see it so i moved the "
        "secrets into azure key vault got it to rotate the password the same day added a pre "
        "commit hook"
    )
    got = pieces(answer)
    assert any(p.startswith("so i moved the secrets") for p in got)
    assert " ".join(got) == answer


def test_so_after_an_object_pronoun_without_a_subject_does_not() -> None:
    answer = (
        "we had about three thousand photos of leaves from the growers phones and i had our "
        "agronomist label them so the labels matched what the growers would actually call each "
        "disease in the field every single time we checked"
    )
    assert not any(p.startswith("so the labels") for p in pieces(answer))


@pytest.mark.parametrize(
    "sentence",
    [
        "and i can write pytest tests against them and the main libraries are pandas",
        "the ethics one I can talk about is a client asking us to rank candidates",
    ],
)
def test_an_ability_is_not_a_plan(sentence: str) -> None:
    assert not hypothetical(sentence)
