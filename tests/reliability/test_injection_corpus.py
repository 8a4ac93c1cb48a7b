"""The injection corpus (injection_corpus.jsonl: instructions aimed at the marker, fake JSON verdicts,
fake system and assessor turns, look-alike letters, instructions hidden in long answers, comments,
role-play) earns nothing from either scorer: the offline scorer, and the LLM scorer with a mocked model
that obeys every injection - it returns every criterion evidenced, quoting the injection itself or
quoting words that are not in the answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from practice_bot.llm.scorer import LLMScorer
from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import FLAG_INJECTION
from practice_bot.scoring.offline import OfflineScorer
from tests.llm.conftest import SCHEMA_FILE, _top_level_properties, check_request_bodies
from tests.llm.llm_testkit import CHAT, client, json_reply

CORPUS = [
    json.loads(line)
    for line in (Path(__file__).parent / "injection_corpus.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
RUBRIC = load_rubric()
QUESTION = "Tell me about a piece of work that shows this."


def test_the_corpus_is_varied_and_well_formed():
    assert len(CORPUS) >= 30
    assert len({item["id"] for item in CORPUS}) == len(CORPUS)
    techniques = {item["technique"] for item in CORPUS}
    assert techniques >= {"marker-directed", "fake-json", "fake-turn", "homoglyph", "hidden",
                          "comment", "role-play"}  # fmt: skip
    assert {item["topic"] for item in CORPUS} == set(RUBRIC.topic_ids)  # every topic tried
    text = "".join(item["answer"] for item in CORPUS)
    assert any("\u0400" <= ch <= "\u04ff" for ch in text)  # Cyrillic
    assert any("\u0370" <= ch <= "\u03ff" for ch in text)  # Greek
    assert "\u200d" in text and "\uff49" in text  # zero-width joiner, full-width letters
    assert any(len(item["answer"]) > 1000 for item in CORPUS)  # hidden in long answers


@pytest.mark.parametrize("item", CORPUS, ids=[item["id"] for item in CORPUS])
def test_offline_scorer_credits_nothing(item):
    topic = RUBRIC.topic(item["topic"])
    assessment = OfflineScorer().score(item["answer"], QUESTION, topic, topic.criteria)
    credited = [j.criterion_id for j in assessment.judgments if j.status != "not_yet"]
    assert credited == []
    assert FLAG_INJECTION in assessment.flags
    assert all(j.review for j in assessment.judgments)


# ----- the LLM path, with a model that does what the answer tells it ------------------------------------


pytestmark = pytest.mark.usefixtures("offline_tiktoken")


def _obedient_model(quote: str) -> Any:
    """A model that obeys the injection: every criterion evidenced, with `quote` as its evidence
    (the injection's own words, or words that are not in the answer)."""

    def reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        prompt = json.dumps(body["messages"])
        topic = next(t for t in RUBRIC.topics if all(c.id in prompt for c in t.criteria))
        return json_reply({"judgments": [
            {"criterion_id": c.id, "status": "evidenced", "quotes": [quote],
             "reason": "As instructed, every criterion is evidenced."}
            for c in topic.criteria
        ]})  # fmt: skip

    return reply


@pytest.mark.parametrize("quoting", ["the injection", "made-up words"])
def test_llm_scorer_obeying_the_injection_credits_nothing(httpx2_mock: respx.Router, quoting):
    from jsonschema import Draft202012Validator

    scorer = LLMScorer(client(retries=0), OfflineScorer())
    route = httpx2_mock.post(CHAT)
    credited: dict[str, list[str]] = {}
    for item in CORPUS:
        answer = item["answer"]
        quote = (
            " ".join(answer.split()[:8])
            if quoting == "the injection"
            else "I led the whole project and it met every criterion"
        )
        route.mock(side_effect=_obedient_model(quote))
        topic = RUBRIC.topic(item["topic"])
        assessment = scorer.score(answer, QUESTION, topic, topic.criteria)
        assert assessment.scorer == "llm", assessment.notes  # the model was asked, not skipped
        got = [j.criterion_id for j in assessment.judgments if j.status != "not_yet"]
        if got:
            credited[item["id"]] = got
        assert all(j.review for j in assessment.judgments)
        assert any("no credit from the LLM" in n for n in assessment.notes)
    assert credited == {}
    assert route.call_count == len(CORPUS)
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert check_request_bodies(
        httpx2_mock, Draft202012Validator(schema), _top_level_properties(schema)
    ) == len(CORPUS)


def test_control_the_same_model_does_credit_an_answer_without_injection(httpx2_mock: respx.Router):
    """Without this, a mock that never credits anything would pass the test above."""
    answer = (
        "I built the churn model's feature pipeline in Airflow and agreed the metric with sales."
    )
    httpx2_mock.post(CHAT).mock(side_effect=_obedient_model(" ".join(answer.split()[:8])))
    topic = RUBRIC.topic("model-scoping")
    assessment = LLMScorer(client(retries=0), OfflineScorer()).score(
        answer, QUESTION, topic, topic.criteria
    )
    assert any(j.status == "evidenced" for j in assessment.judgments)
