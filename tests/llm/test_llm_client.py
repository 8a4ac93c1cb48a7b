"""The client factory and the call wrapper: retries, Retry-After, typed failures, usage, adaptation."""

from __future__ import annotations

import httpx
import pytest
import respx

from practice_bot.llm.client import NO_KEY, make_client
from practice_bot.llm.failures import LLMFailure, ParseError, classify, retry_after_seconds
from practice_bot.llm.tokens import OFFLINE_ENCODING
from tests.llm.llm_testkit import (
    BASE,
    CHAT,
    KEY,
    Sleeps,
    chat_reply,
    client,
    error_reply,
    request_json,
    settings,
    usage_json,
)


def parse_upper(text: str) -> str:
    if not text.startswith("{"):
        raise ParseError("invalid_json", "not an object")
    return text.upper()


def test_make_client_honours_settings_exactly(openai_mock: respx.Router) -> None:
    s = settings(OPENAI_BASE_URL="http://gateway.college.test:8080/llm/v1", timeout=7.5)
    route = openai_mock.post("http://gateway.college.test:8080/llm/v1/chat/completions").mock(
        return_value=chat_reply("{}")
    )
    c = make_client(s)
    assert c.max_retries == 0
    assert c.timeout == 7.5
    c.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert route.calls[0].request.headers["authorization"] == f"Bearer {KEY}"


def test_make_client_without_key_sends_placeholder(openai_mock: respx.Router) -> None:
    s = settings(OPENAI_API_KEY=None, OPENAI_BASE_URL="http://localhost:11434/v1")
    route = openai_mock.post("http://localhost:11434/v1/chat/completions").mock(
        return_value=chat_reply("{}")
    )
    make_client(s).chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    assert route.calls[0].request.headers["authorization"] == f"Bearer {NO_KEY}"


def test_success_records_api_usage(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=chat_reply('{"a": 1}', usage=usage_json(50, 7)))
    c = client()
    done = c.complete([{"role": "user", "content": "hi"}], parse_upper, max_tokens=100)
    assert done.value == '{"A": 1}'
    assert (done.usage.prompt_tokens, done.usage.completion_tokens, done.usage.counted_with) == (
        50,
        7,
        "api",
    )
    assert (c.usage.total, c.usage.calls) == (57, 1)
    body = request_json(openai_mock)
    assert body["temperature"] == 0
    assert body["max_tokens"] == 100


def test_missing_usage_is_counted_with_tiktoken(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(return_value=chat_reply('{"a": 1}', with_usage=False))
    c = client()
    done = c.complete([{"role": "user", "content": "hello there"}], parse_upper)
    assert done.usage.counted_with == OFFLINE_ENCODING
    assert done.usage.prompt_tokens > 0 and done.usage.completion_tokens > 0
    assert c.usage.to_record().counted_with == OFFLINE_ENCODING


def test_500_then_success_backs_off(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(
        side_effect=[error_reply(500, "boom"), error_reply(503, "busy"), chat_reply("{}")]
    )
    sleeps = Sleeps()
    done = client(sleep=sleeps).complete([{"role": "user", "content": "x"}], parse_upper)
    assert done.attempts == 3
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "600"}, 20.0),
    ],
)
def test_429_honours_retry_after_capped(
    openai_mock: respx.Router, headers: dict[str, str], expected: float
) -> None:
    openai_mock.post(CHAT).mock(
        side_effect=[error_reply(429, "slow down", **headers), chat_reply("{}")]
    )
    sleeps = Sleeps()
    client(sleep=sleeps).complete([{"role": "user", "content": "x"}], parse_upper)
    assert sleeps == [expected]


FAULTS = {
    "timeout": lambda: httpx.ReadTimeout("timed out"),
    "connection": lambda: httpx.ConnectError("connection refused"),
    "server_error": lambda: error_reply(502, "bad gateway"),
    "rate_limited": lambda: error_reply(429, "slow down", **{"retry-after": "2"}),
    "invalid_json": lambda: chat_reply("this is not json"),
    "refusal": lambda: chat_reply(None, refusal="I can't help with that."),
    "length": lambda: chat_reply('{"a": ', finish="length"),
}


@pytest.mark.parametrize("reason", sorted(FAULTS))
def test_each_fault_retries_then_fails_typed(openai_mock: respx.Router, reason: str) -> None:
    route = openai_mock.post(CHAT).mock(
        side_effect=lambda request: _raise_or_return(FAULTS[reason]())
    )
    sleeps = Sleeps()
    with pytest.raises(LLMFailure) as caught:
        client(retries=2, sleep=sleeps).complete([{"role": "user", "content": "x"}], parse_upper)
    assert caught.value.reason == reason
    assert caught.value.attempts == 3
    assert route.call_count == 3
    assert len(sleeps) == 2
    if reason == "rate_limited":
        assert sleeps == [2.0, 2.0]


def _raise_or_return(thing: object) -> httpx.Response:
    if isinstance(thing, Exception):
        raise thing
    assert isinstance(thing, httpx.Response)
    return thing


@pytest.mark.parametrize(
    ("status", "reason"), [(401, "auth"), (403, "forbidden"), (404, "not_found")]
)
def test_client_errors_are_not_retried(openai_mock: respx.Router, status: int, reason: str) -> None:
    route = openai_mock.post(CHAT).mock(return_value=error_reply(status, f"nope {KEY}"))
    with pytest.raises(LLMFailure) as caught:
        client().complete([{"role": "user", "content": "x"}], parse_upper)
    assert caught.value.reason == reason
    assert route.call_count == 1
    assert KEY not in str(caught.value)


def test_unsupported_max_tokens_is_adapted(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(
        side_effect=[
            error_reply(
                400,
                "Unsupported parameter: 'max_tokens' is not supported with this model. "
                "Use 'max_completion_tokens' instead.",
            ),
            chat_reply("{}"),
        ]
    )
    client().complete([{"role": "user", "content": "x"}], parse_upper, max_tokens=64)
    assert "max_tokens" in request_json(openai_mock, 0)
    second = request_json(openai_mock, 1)
    assert second["max_completion_tokens"] == 64 and "max_tokens" not in second


def test_response_format_rejection_is_its_own_reason(openai_mock: respx.Router) -> None:
    openai_mock.post(CHAT).mock(
        return_value=error_reply(400, "Invalid parameter: 'response_format' of type 'json_schema'")
    )
    with pytest.raises(LLMFailure) as caught:
        client().complete([{"role": "user", "content": "x"}], parse_upper)
    assert caught.value.reason == "format_unsupported"


def test_budget_spent_means_no_request(openai_mock: respx.Router) -> None:
    c = client(budget=10)
    c.usage.prompt_tokens = 10
    with pytest.raises(LLMFailure) as caught:
        c.complete([{"role": "user", "content": "x"}], parse_upper)
    assert caught.value.reason == "budget"
    assert openai_mock.calls.call_count == 0


def test_unmocked_request_fails_the_test_rather_than_falling_back(
    openai_mock: respx.Router,
) -> None:
    # The guard that keeps these tests honest: a request no route matches is not an LLMFailure.
    with pytest.raises(AssertionError, match="not mocked"):
        client().complete([{"role": "user", "content": "x"}], parse_upper)


def test_retry_after_date_and_garbage() -> None:
    assert (
        retry_after_seconds({"retry-after": "Wed, 21 Oct 2015 07:28:10 GMT"}, now=1445412480.0)
        == 10
    )
    assert retry_after_seconds({"retry-after": "soon"}) is None
    assert retry_after_seconds({}) is None


def test_classify_unknown_exception_masks_secret() -> None:
    failure = classify(RuntimeError(f"odd {KEY}"), secret=KEY)
    assert failure.reason == "error" and KEY not in str(failure)


def test_base_url_constant_is_openai() -> None:
    assert BASE.endswith("/v1")


def test_unsupported_stream_options_and_temperature_are_dropped(openai_mock: respx.Router) -> None:
    from tests.llm.llm_testkit import stream_reply

    openai_mock.post(CHAT).mock(
        side_effect=[
            error_reply(400, "Unrecognized request argument supplied: stream_options"),
            error_reply(
                400, "Unsupported value: 'temperature' does not support 0 with this model."
            ),
            stream_reply(["Why?"]),
        ]
    )
    done = client().stream([{"role": "user", "content": "x"}])
    assert done.text == "Why?" and done.attempts == 1
    last = request_json(openai_mock, 2)
    assert "stream_options" not in last and "temperature" not in last and last["stream"] is True


def test_services_share_one_client_and_budget(openai_mock: respx.Router) -> None:
    from practice_bot.llm.services import LLMServices
    from practice_bot.llm.usage import SessionUsage
    from tests.llm.llm_testkit import FakeOffline

    usage = SessionUsage(1234)
    services = LLMServices.from_settings(settings(), FakeOffline(), usage=usage, sleep=Sleeps())
    assert services.usage is usage
    assert services.scorer.client is services.questions.client is services.narrative.client
    assert set(services.prompt_hashes()) == {"scorer", "question_writer", "narrative"}
    assert services.model == "gpt-4o-mini"


@pytest.mark.parametrize(
    "reply",
    [
        httpx.Response(
            200,
            content=b"<html>Sign in to the Wi-Fi</html>",
            headers={"content-type": "application/json"},
        ),
        httpx.Response(200, json={"unexpected": True}),
        httpx.Response(
            200, content=b"data: {not json\n\n", headers={"content-type": "text/event-stream"}
        ),
    ],
)
def test_malformed_200_is_invalid_response(
    openai_mock: respx.Router, reply: httpx.Response
) -> None:
    openai_mock.post(CHAT).mock(return_value=reply)
    c = client(retries=0)
    with pytest.raises(LLMFailure) as caught:
        if b"data:" in reply.content:
            c.stream([{"role": "user", "content": "x"}])
        else:
            c.complete([{"role": "user", "content": "x"}], parse_upper)
    assert caught.value.reason == "invalid_response"


def test_classify_connection_error_masks_secret_in_its_cause() -> None:
    import openai

    request = httpx.Request("POST", "http://llm.test/v1/chat/completions")
    exc = openai.APIConnectionError(request=request)  # type: ignore[arg-type]
    exc.__cause__ = OSError(f"proxy said no to {KEY}")
    failure = classify(exc, secret=KEY)
    assert failure.reason == "connection" and KEY not in str(failure) and "***" in str(failure)
