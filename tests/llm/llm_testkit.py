"""Builders for the LLM tests: settings, canned chat replies and SSE streams, a fake offline scorer."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import httpx

from practice_bot.banks.models import Question
from practice_bot.config import Settings
from practice_bot.llm.client import LLMClient
from practice_bot.llm.usage import SessionUsage
from practice_bot.rubric import load_rubric
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.base import Assessment, Judgment, Status

BASE = "http://llm.test/v1"
CHAT = f"{BASE}/chat/completions"
KEY = "sk-test-KEY-must-never-be-written-7f3a9c"
MODEL = "gpt-4o-mini"


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": BASE, "timeout": 5.0}
    values.update(overrides)
    return Settings(**values)


class Sleeps(list[float]):
    """An injected sleep that records how long it was asked to wait and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(
    *, retries: int = 2, budget: int | None = None, sleep: Sleeps | None = None, model: str = MODEL
) -> LLMClient:
    """An LLMClient on the mocked endpoint (the openai client's own retries off)."""
    s = settings(model=model, retries=retries)
    c = LLMClient.from_settings(
        s, usage=SessionUsage(budget), sleep=sleep if sleep is not None else Sleeps()
    )
    return c


def topic(topic_id: str = "model-scoping") -> Topic:
    return load_rubric().topic(topic_id)


def bank_question(t: Topic | None = None) -> Question:
    t = t or topic()
    return Question(
        id=f"{t.id}/probe-9",
        topic=t.id,
        kind="probe",
        text="How did you decide which risks mattered most on that project?",
        targets=(t.criteria[0].id,),
        source="bank:test",
    )


def usage_json(prompt: int = 120, completion: int = 30) -> dict[str, int]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def chat_reply(
    content: str | None,
    *,
    finish: str = "stop",
    refusal: str | None = None,
    usage: dict[str, int] | None = None,
    with_usage: bool = True,
) -> httpx.Response:
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": MODEL,
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
            }
        ],
    }
    if with_usage:
        body["usage"] = usage or usage_json()
    return httpx.Response(200, json=body)


def json_reply(data: Any, **kwargs: Any) -> httpx.Response:
    return chat_reply(json.dumps(data), **kwargs)


def error_reply(status: int, message: str, **headers: str) -> httpx.Response:
    return httpx.Response(
        status,
        json={"error": {"message": message, "type": "invalid_request_error", "code": None}},
        headers=headers,
    )


def _chunk(delta: dict[str, Any] | None, finish: str | None = None, usage: Any = None) -> bytes:
    data: dict[str, Any] = {
        "id": "chatcmpl-stream",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": MODEL,
        "choices": [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}],
        "usage": usage,
    }
    return f"data: {json.dumps(data)}\n\n".encode()


def sse_events(
    pieces: Sequence[str],
    *,
    finish: str | None = "stop",
    usage: dict[str, int] | None = None,
    done: bool = True,
    refusal: str | None = None,
) -> list[bytes]:
    events = [_chunk({"role": "assistant", "content": ""})]
    events += [_chunk({"content": p}) for p in pieces]
    if refusal is not None:
        events.append(_chunk({"refusal": refusal}))
    if finish is not None:
        events.append(_chunk({}, finish))
        events.append(_chunk(None, usage=usage or usage_json(200, 20)))
    if done:
        events.append(b"data: [DONE]\n\n")
    return events


def stream_reply(pieces: Sequence[str], **kwargs: Any) -> httpx.Response:
    """A complete SSE body."""
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        content=b"".join(sse_events(pieces, **kwargs)),
    )


def broken_stream_reply(pieces: Sequence[str]) -> httpx.Response:
    """An SSE body whose connection drops after the given pieces (the read raises)."""
    events = sse_events(pieces, finish=None, done=False)

    class Dropping(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield from events
            raise httpx.ReadError("connection reset by peer")

    return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=Dropping())


class FakeOffline:
    """A stand-in for the offline scorer: fixed statuses and answer flags."""

    name = "offline"

    def __init__(
        self, statuses: dict[str, Status] | None = None, flags: Sequence[str] = ()
    ) -> None:
        self.statuses = statuses or {}
        self.flags = list(flags)
        self.calls = 0

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        self.calls += 1
        return Assessment(
            judgments=[
                Judgment(
                    criterion_id=c.id,
                    status=self.statuses.get(c.id, "not_yet"),
                    reason="offline reading",
                    scorer="offline",
                )
                for c in criteria
            ],
            flags=self.flags,
            scorer="offline",
        )


def request_json(router: Any, index: int = -1) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(router.calls[index].request.content)
    return body
