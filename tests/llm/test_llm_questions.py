"""The question writer: streamed follow-ups, their checks, and the bank fallback with its reason."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest
import respx

from practice_bot.llm.question_checks import check_question, clean_question
from practice_bot.llm.questions import QuestionWriter
from practice_bot.records.schema import Turn
from tests.llm.llm_testkit import (
    CHAT,
    MODEL,
    Sleeps,
    bank_question,
    broken_stream_reply,
    client,
    error_reply,
    request_json,
    stream_reply,
    topic,
)

TOPIC = topic("model-scoping")
UNMET = TOPIC.criteria[1:3]
GOOD = [
    "How did you ",
    "decide which metric ",
    "would tell the business ",
    "the model was worth deploying?",
]
CONVERSATION = [
    ("assessor", "Tell me about a model you scoped recently."),
    ("apprentice", "I scoped a churn model for the retention team last spring."),
]


def writer(**kwargs: Any) -> QuestionWriter:
    return QuestionWriter(client(**kwargs), nonce=lambda: "abc123")


def write(w: QuestionWriter, asked: list[str] | None = None, **kwargs: Any) -> Any:
    return w.write(TOPIC, UNMET, CONVERSATION, asked or [], bank_question(TOPIC), **kwargs)


def test_streamed_question_happy_path(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=stream_reply(GOOD))
    deltas: list[str] = []
    w = writer()
    result = write(w, on_delta=deltas.append)

    assert deltas == GOOD  # delivered as they came, in order
    assert result.text == "".join(GOOD)
    assert result.source == f"llm:{MODEL}"
    assert result.fell_back_reason is None and not result.fell_back
    assert (
        result.usage is not None
        and result.usage.total == 220
        and result.usage.counted_with == "api"
    )
    assert w.client.usage.total == 220

    body = request_json(openai_mock)
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    user = body["messages"][1]["content"]
    assert "Apprentice: I scoped a churn model" in user
    assert "<<<CONVERSATION-abc123>>>" in user
    assert UNMET[0].text in user


def test_turn_objects_are_accepted(openai_mock: respx.Router) -> None:
    from datetime import UTC, datetime

    openai_mock.post(CHAT).mock(return_value=stream_reply(GOOD))
    turns = [
        Turn(index=0, role="assessor", topic=TOPIC.id, text="Opening?", source="bank:x", at=datetime.now(UTC), elapsed=0),
        Turn(index=1, role="apprentice", topic=TOPIC.id, text="My answer.", source="apprentice", at=datetime.now(UTC), elapsed=5, kind="answer"),
    ]  # fmt: skip
    result = writer().write(TOPIC, UNMET, turns, [], bank_question(TOPIC))
    assert not result.fell_back
    assert "Apprentice: My answer." in request_json(openai_mock)["messages"][1]["content"]


def test_conversation_is_trimmed_to_the_token_budget(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=stream_reply(GOOD))
    long = [("apprentice", f"Old answer {i}: " + "words " * 200) for i in range(40)]
    long.append(("apprentice", "The newest answer mentions feature drift."))
    w = writer()
    w.conversation_tokens = 1000
    w.write(TOPIC, UNMET, long, [], bank_question(TOPIC))
    user = request_json(openai_mock)["messages"][1]["content"]
    assert "The newest answer mentions feature drift." in user
    assert "Old answer 0:" not in user
    assert "earlier turns left out" in user
    assert w.client.usage.calls == 1


def test_stream_cut_midway_falls_back_to_bank(openai_mock: respx.Router) -> None:
    route = openai_mock.post(CHAT).mock(
        side_effect=lambda request: stream_reply(GOOD[:2], finish=None, done=False)
    )
    deltas: list[str] = []
    resets: list[bool] = []
    sleeps = Sleeps()
    result = write(
        writer(sleep=sleeps), on_delta=deltas.append, on_reset=lambda: resets.append(True)
    )
    bank = bank_question(TOPIC)
    assert (result.text, result.source) == (bank.text, f"bank:{bank.id}")
    assert result.fell_back_reason is not None and "stopped part-way" in result.fell_back_reason
    assert route.call_count == 3 and len(sleeps) == 2
    assert resets == [True, True]  # the UI is told to clear the partial preview before each retry
    assert deltas == GOOD[:2] * 3


def test_connection_dropped_midway_falls_back(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(side_effect=lambda request: broken_stream_reply(GOOD[:1]))
    result = write(writer())
    assert result.fell_back and "connect" in (result.fell_back_reason or "")


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (lambda r: stream_reply(GOOD, finish="length"), "token limit"),
        (lambda r: stream_reply([], refusal="I can't help with that."), "refused"),
        (lambda r: error_reply(500, "boom"), "server error"),
        (lambda r: (_ for _ in ()).throw(httpx.ReadTimeout("slow")), "in time"),
    ],
)
def test_faults_fall_back_with_reason(openai_mock: respx.Router, reply: Any, words: str) -> None:
    openai_mock.post(CHAT).mock(side_effect=reply)
    result = write(writer())
    assert result.source.startswith("bank:")
    assert words in (result.fell_back_reason or "")


@pytest.mark.parametrize(
    ("pieces", "asked", "reason"),
    [
        (["What metric did you use? And why that one?"], [], "more than one question"),
        (["Don't you think recall was the right metric here?"], [], "leading"),
        (["Did you use precision and recall to scope it?"], [], "closed yes/no"),
        (
            ["How did you explain their use of performance metrics when scoping that project?"],
            [],
            "quotes a criterion",
        ),
        (["How did you decide which metric would tell the business it was worth deploying?"],
         ["How did you decide which metric would tell the business the model was worth deploying?"],
         "repeats"),
    ],
)  # fmt: skip
def test_failed_checks_use_the_bank_probe(
    openai_mock: respx.Router, pieces: list[str], asked: list[str], reason: str
) -> None:
    openai_mock.post(CHAT).mock(return_value=stream_reply(pieces))
    result = write(writer(), asked=asked)
    assert result.source == f"bank:{bank_question(TOPIC).id}"
    assert result.fell_back_reason is not None and reason in result.fell_back_reason
    assert result.usage is not None  # the tokens were still spent and are reported


def test_budget_exhausted_uses_bank_without_request(openai_mock: respx.Router) -> None:
    w = writer(budget=100)
    w.client.usage.completion_tokens = 100
    result = write(w)
    assert result.source.startswith("bank:") and "budget" in (result.fell_back_reason or "")
    assert openai_mock.calls.call_count == 0


def test_cancel_stops_the_stream(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=stream_reply(GOOD))
    cancel = threading.Event()

    def on_delta(piece: str) -> None:
        cancel.set()

    result = write(writer(), on_delta=on_delta, cancel=cancel)
    assert result.fell_back and "cancelled" in (result.fell_back_reason or "")
    assert openai_mock.calls.call_count == 1


def test_labels_and_quotes_are_cleaned(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(
        return_value=stream_reply(['Question: "How did you ', 'judge the risks of that model?"'])
    )
    result = write(writer())
    assert result.text == "How did you judge the risks of that model?"


CRITERIA_TEXTS = [c.text for c in TOPIC.criteria]


@pytest.mark.parametrize(
    "question",
    [
        "How did you decide which metric would tell the business the model was worth deploying?",
        "Can you walk me through how you assessed the risks before release?",
        "You mentioned a risk register. What went into it, and who used it?",
        "Tell me about the point in that project where the plan had to change?",
        "What would you do differently if you scoped that model again?",
    ],
)
def test_good_questions_pass(question: str) -> None:
    assert check_question(question, CRITERIA_TEXTS, []) is None


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("", "nothing"),
        ("Why?", "too short"),
        ("Describe the risks you found.", "not a question"),
        ("How did you test it? Who signed it off?", "more than one question"),
        ("Describe the project. Explain the metrics. Why those ones?", "more than one question"),
        ("Describe your deployment. How did you monitor it?", "a request, then a question"),
        ("How did you pick the metric? Please explain.", "text after the question"),
        ("Wouldn't you agree that recall matters most for churn?", "leading"),
        ("Surely you checked the data for bias before training?", "leading"),
        ("Didn't the team expect a dashboard from the start?", "leading"),
        ("You reviewed the model with the product owner, didn't you?", "leading"),
        ("Have you ever used a risk register on a project?", "closed yes/no"),
        ("Is it true that the sample was biased?", "leading"),
        ("Could you have chosen a different metric for that?", "closed yes/no"),
        ("What " + "really " * 70 + "happened?", "too long"),
        ("How does it outline the stages of the machine learning lifecycle?", "quotes a criterion"),
    ],
)
def test_bad_questions_fail(question: str, reason: str) -> None:
    got = check_question(question, CRITERIA_TEXTS, [])
    assert got is not None and reason in got, got


def test_repeat_detection_normalises() -> None:
    asked = ["How did you choose the metric for the churn model?"]
    assert (
        check_question("how did you choose the metric for the  churn model ?", [], asked)
        is not None
    )
    assert check_question("Who reviewed the churn model before it went live?", [], asked) is None


def test_clean_question() -> None:
    assert clean_question('  **Question:** "Why that metric?"  ') == "Why that metric?"
    assert clean_question("“How did you test it?”") == "How did you test it?"
