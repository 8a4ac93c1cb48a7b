"""The end-of-session narrative: grounded in the judgments, None (offline template) on any failure."""

from __future__ import annotations

from typing import Any

import respx

from practice_bot.llm.narrative import Narrative, NarrativeWriter, best_judgments
from practice_bot.scoring.base import Evidence, Judgment
from tests.llm.llm_testkit import (
    CHAT,
    chat_reply,
    client,
    error_reply,
    json_reply,
    request_json,
    topic,
)

SCOPING, DEPLOY = topic("model-scoping"), topic("model-deployment")
QUOTE = "mapped the business goal to recall at a fixed precision"
JUDGMENTS = [
    Judgment(criterion_id=SCOPING.criteria[1].id, status="partly", reason="vague"),
    Judgment(
        criterion_id=SCOPING.criteria[1].id,
        status="evidenced",
        evidence=[Evidence(quote=QUOTE, start=0, end=len(QUOTE))],
        reason="clear metric choice",
    ),
]


def reply(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "summary": "A solid start on scoping; deployment needs concrete examples.",
        "topics": [
            {
                "topic_id": SCOPING.id,
                "strengths": [f'You tied metrics to the business: "{QUOTE}".'],
                "development": ["Describe a risk you assessed and how you reduced it."],
            },
            {
                "topic_id": DEPLOY.id,
                "strengths": [],
                "development": ["Walk through a real release."],
            },
        ],
    }
    data.update(changes)
    return data


def writer(**kwargs: Any) -> NarrativeWriter:
    return NarrativeWriter(client(**kwargs), nonce=lambda: "n0nce")


def test_best_judgment_per_criterion() -> None:
    best = best_judgments(JUDGMENTS)
    assert best[SCOPING.criteria[1].id].status == "evidenced"


def test_grounded_narrative(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=json_reply(reply()))
    narrative = writer().write([SCOPING, DEPLOY], JUDGMENTS, mode="mock")
    assert isinstance(narrative, Narrative)
    md = narrative.to_markdown({SCOPING.id: SCOPING.name, DEPLOY.id: DEPLOY.name})
    assert "### Model scoping" in md and "**To develop**" in md and QUOTE in md
    body = request_json(openai_mock)
    assert body["response_format"]["json_schema"]["strict"] is True
    user = body["messages"][1]["content"]
    assert f'evidence: "{QUOTE}"' in user and "<<<JUDGMENTS-n0nce>>>" in user
    assert "Session mode: mock" in user


def test_invented_quote_is_rejected_then_none(openai_mock: respx.Router) -> None:
    bad = reply()
    bad["topics"][0]["strengths"] = ['You said "I built a feature store for the whole company".']
    route = openai_mock.post(CHAT).mock(return_value=json_reply(bad))
    w = writer()
    assert w.write([SCOPING, DEPLOY], JUDGMENTS) is None
    assert route.call_count == 3
    assert w.last_failure is not None and w.last_failure.reason == "schema"


def test_missing_topic_is_rejected(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(
        side_effect=[json_reply(reply(topics=reply()["topics"][:1])), json_reply(reply())]
    )
    assert writer().write([SCOPING, DEPLOY], JUDGMENTS) is not None
    assert openai_mock.calls.call_count == 2


def test_failure_returns_none(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=error_reply(503, "down"))
    w = writer(retries=0)
    assert w.write([SCOPING], JUDGMENTS) is None
    assert w.last_failure is not None and w.last_failure.reason == "server_error"


def test_json_object_fallback(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(
        side_effect=[error_reply(400, "json_schema is not supported"), json_reply(reply())]
    )
    assert writer().write([SCOPING, DEPLOY], JUDGMENTS) is not None
    assert request_json(openai_mock, 1)["response_format"] == {"type": "json_object"}


def test_budget_spent_returns_none(openai_mock: respx.Router) -> None:
    w = writer(budget=5)
    w.client.usage.prompt_tokens = 5
    assert w.write([SCOPING], JUDGMENTS) is None
    assert openai_mock.calls.call_count == 0


def test_invalid_json_returns_none(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=chat_reply("Great session!"))
    assert writer(retries=1).write([SCOPING], JUDGMENTS) is None
