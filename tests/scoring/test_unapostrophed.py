"""Speech-to-text often drops the apostrophe of a contraction ("we didnt log it", "i dont really
track it"): the negation must read the same as the written "didn't" (issue #13, spoken answers)."""

from __future__ import annotations

from practice_bot.scoring.scope import clauses
from practice_bot.scoring.text import word_spans, words
from tests.scoring import verdicts

REFINE = "model-testing-improvement/pass-4"

IMPROVED = (
    "so when i took over the missed payment model it was about 81 percent accurate and i retrained "
    "it with another year of data and added features like how often they had called us and it went "
    "up to 88 percent "
)


def status(answer: str) -> str:
    return verdicts.status(REFINE, answer, "How do you improve a model?")


def test_a_contraction_without_its_apostrophe_splits_as_the_written_one() -> None:
    assert words("we didnt log it") == words("we didn't log it") == ["we", "didn", "t", "log", "it"]
    assert words("i cant say") == ["i", "can", "t", "say"]
    assert words("the donut chart") == ["the", "donut", "chart"]  # only whole contractions


def test_word_spans_stay_aligned_with_words_for_clauses() -> None:
    norm = "honestly i didnt write much down and i pushed the model"
    spans = word_spans(norm)
    assert [w for _, _, w in spans] == words(norm)
    assert all(norm[a:b] == w for a, b, w in spans)
    assert clauses(norm)[-1][1] == len(words(norm))


def test_an_unapostrophed_negation_is_no_record_of_the_change() -> None:
    for aside in (
        "honestly i didnt write much down i just pushed the new model over the old one and told the "
        "team in slack",
        "i dont really log the changes anywhere i just push the new model over the old one",
    ):
        assert status(IMPROVED + aside) == "partly", aside


def test_a_record_in_speech_still_completes_the_criterion() -> None:
    record = "i logged every run in mlflow and the change went in through a pull request"
    assert status(IMPROVED + record) == "evidenced"
