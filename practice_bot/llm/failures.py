"""Why an LLM call failed, in a few fixed reasons: `LLMFailure`, and `classify` for openai's exceptions."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.llm.usage import CallUsage

# reason -> what it means, in words a user can act on
REASONS: dict[str, str] = {
    "timeout": "the endpoint did not answer in time",
    "rate_limited": "the endpoint is rate-limiting requests (429)",
    "server_error": "the endpoint had a server error (5xx)",
    "connection": "could not connect to the endpoint",
    "invalid_json": "the reply was not valid JSON",
    "schema": "the reply did not match the expected structure",
    "refusal": "the model refused to answer",
    "length": "the reply was cut off at the token limit",
    "stream_cut": "the streamed reply stopped part-way",
    "invalid_response": "the endpoint sent a malformed response",
    "auth": "the endpoint refused the API key (401)",
    "forbidden": "the API key may not use this model or endpoint (403)",
    "not_found": "the model or URL was not found (404)",
    "format_unsupported": "the endpoint does not support this response format",
    "bad_request": "the endpoint rejected the request",
    "budget": "the session's token budget is spent",
    "paused": "the endpoint is not being called for a while after failing repeatedly",
    "cancelled": "cancelled",
    "error": "the LLM call failed",
}

# Reasons worth another attempt: the same request may well succeed next time.
RETRYABLE = frozenset(
    {
        "timeout",
        "rate_limited",
        "server_error",
        "connection",
        "invalid_json",
        "schema",
        "refusal",
        "length",
        "stream_cut",
        "invalid_response",
    }
)


class LLMFailure(Exception):
    """An LLM call that did not produce a usable reply; callers take the offline path with `reason`."""

    def __init__(
        self,
        reason: str,
        detail: str = "",
        *,
        retry_after: float | None = None,
        attempts: int = 1,
        usage: CallUsage | None = None,
        quiet: bool = False,
    ) -> None:
        self.reason = reason if reason in REASONS else "error"
        # Already said (the circuit breaker's pause): callers fall back without telling anyone again.
        self.quiet = quiet
        self.detail = detail
        self.retry_after = retry_after
        self.attempts = attempts
        self.usage = usage
        super().__init__(str(self))

    @property
    def retryable(self) -> bool:
        return self.reason in RETRYABLE

    def __str__(self) -> str:
        words = REASONS[self.reason]
        text = f"{words} ({self.detail})" if self.detail else words
        if self.attempts > 1:
            text += f", after {self.attempts} attempts"
        return text


class ParseError(Exception):
    """Raised by a reply parser: `reason` is "invalid_json" or "schema"."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


def retry_after_seconds(headers: object, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait (retry-after-ms, or retry-after as seconds or a date)."""
    get = getattr(headers, "get", None)
    if get is None:
        return None
    millis = get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def short_text(text: str, limit: int = 200) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _error_message(exc: BaseException) -> str:
    """The server's own message when the body has one, else the exception's text."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str) and message:
            return message
    return str(getattr(exc, "message", "") or exc)


def mentions_response_format(message: str) -> bool:
    lowered = message.lower()
    return "response_format" in lowered or "json_schema" in lowered


def classify(exc: BaseException, secret: str | None = None) -> LLMFailure:
    """Turn an exception from the openai client into an LLMFailure (the key, if given, is masked)."""
    import openai

    message = _error_message(exc)
    if secret:
        message = message.replace(secret, "***")
    detail = short_text(message)
    if isinstance(exc, openai.APITimeoutError):
        return LLMFailure("timeout")
    if isinstance(exc, openai.APIConnectionError):
        cause = str(exc.__cause__) if exc.__cause__ else ""
        if secret:
            cause = cause.replace(secret, "***")
        return LLMFailure("connection", short_text(cause))
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status == 429:
            return LLMFailure(
                "rate_limited", detail, retry_after=retry_after_seconds(exc.response.headers)
            )
        if status >= 500:
            return LLMFailure("server_error", f"{status}: {detail}")
        if status == 401:
            return LLMFailure("auth", detail)
        if status == 403:
            return LLMFailure("forbidden", detail)
        if status == 404:
            return LLMFailure("not_found", detail)
        if status in (400, 422) and mentions_response_format(message):
            return LLMFailure("format_unsupported", detail)
        return LLMFailure("bad_request", f"{status}: {detail}")
    if isinstance(exc, openai.APIResponseValidationError):
        return LLMFailure("invalid_response", detail)
    return LLMFailure("error", f"{type(exc).__name__}: {detail}")
