"""The OpenAI client built from Settings, and `LLMClient`: one chat call with bounded retries of our own.

`openai` is imported only when a client is first needed. The openai client's own retries are off
(max_retries=0): `LLMClient` retries timeouts, 429 (honouring Retry-After, capped), 5xx, connection
errors, invalid JSON, schema violations, refusals, length cut-offs and streams cut part-way, then raises
`LLMFailure`, which callers turn into the offline path. The sleep function is injected so tests are instant.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from practice_bot.llm.failures import LLMFailure, ParseError, classify, short_text
from practice_bot.llm.usage import API, CallUsage, SessionUsage

if TYPE_CHECKING:
    import openai

    from practice_bot.config import Settings

DEFAULT_BASE_URL = "https://api.openai.com/v1"
NO_KEY = "no-key"  # sent to servers that take no key (a local Ollama); never a real credential
RETRY_AFTER_CAP = 20.0  # seconds: longer waits asked by a 429 are cut to this
BACKOFF = 0.5  # seconds before the second attempt, doubling each time
BACKOFF_CAP = 8.0
# The circuit breaker: when a call fails for good and at least this many attempts in a row found the
# endpoint silent or unreachable, it is not called at all for PAUSE seconds (the session carries on
# offline), so a server that accepts connections and never replies costs a session one call's
# attempts, not (retries + 1) timeouts for every question.
BREAKER_ATTEMPTS = 2
BREAKER_PAUSE = 300.0
SILENT = frozenset({"timeout", "connection", "server_error"})

T = TypeVar("T")
Message = dict[str, str]


def endpoint_url(settings: Settings) -> str:
    """The base URL requests go to: the configured one exactly, else OpenAI's."""
    return settings.base_url or DEFAULT_BASE_URL


def make_client(settings: Settings, *, max_retries: int = 0) -> openai.OpenAI:
    """An `openai.OpenAI` for the configured endpoint (base URL exactly as given, key, timeout)."""
    import openai

    key = settings.api_key.get_secret_value() if settings.api_key is not None else None
    return openai.OpenAI(
        api_key=key or NO_KEY,
        base_url=endpoint_url(settings),
        timeout=settings.timeout,
        max_retries=max_retries,
    )


@dataclass(frozen=True)
class Completion(Generic[T]):
    """A usable reply: the parsed value, the raw text, the tokens used over all attempts."""

    value: T
    text: str
    usage: CallUsage
    attempts: int
    model: str


class LLMClient:
    """Chat calls to one model with bounded retries; every attempt's tokens go into `usage`."""

    def __init__(
        self,
        client_factory: Callable[[], openai.OpenAI],
        *,
        model: str,
        temperature: float = 0.0,
        retries: int = 2,
        usage: SessionUsage | None = None,
        sleep: Callable[[float], None] = time.sleep,
        secret: str | None = None,
        retry_after_cap: float = RETRY_AFTER_CAP,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._factory = client_factory
        self._client: openai.OpenAI | None = None
        self._client_lock = threading.Lock()
        self.model = model
        self.temperature = temperature
        self.retries = max(0, retries)
        self.usage = usage if usage is not None else SessionUsage()
        self.sleep = sleep
        self._secret = secret
        self.retry_after_cap = retry_after_cap
        self.monotonic = monotonic
        self._breaker_lock = threading.Lock()
        self._silent_attempts = 0
        self._paused_until: float | None = None

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        usage: SessionUsage | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> LLMClient:
        key = settings.api_key.get_secret_value() if settings.api_key is not None else None
        return cls(
            lambda: make_client(settings),
            model=settings.model,
            temperature=settings.temperature,
            retries=settings.retries,
            usage=usage if usage is not None else SessionUsage(settings.token_budget),
            sleep=sleep,
            secret=key,
        )

    @property
    def openai(self) -> openai.OpenAI:
        """The openai client, built on first use (scoring and questions may ask from two workers)."""
        with self._client_lock:
            if self._client is None:
                self._client = self._factory()
            return self._client

    # -- public calls -------------------------------------------------------------------------

    def complete(
        self,
        messages: Sequence[Message],
        parse: Callable[[str], T],
        *,
        response_format: dict[str, Any] | None = None,
        max_tokens: int | None = None,
    ) -> Completion[T]:
        """One reply, parsed by `parse` (which raises ParseError for invalid JSON or schema)."""
        params: dict[str, Any] = {"temperature": self.temperature}
        if response_format is not None:
            params["response_format"] = response_format
        if max_tokens is not None:
            params["max_tokens"] = max_tokens
        return self._with_retries(lambda: self._complete_once(messages, parse, params))

    def stream(
        self,
        messages: Sequence[Message],
        *,
        on_delta: Callable[[str], None] | None = None,
        on_reset: Callable[[], None] | None = None,
        cancel: threading.Event | None = None,
        max_tokens: int | None = None,
    ) -> Completion[str]:
        """A streamed reply; `on_delta` gets each piece of text as it arrives. If an attempt fails
        after some text was delivered, `on_reset` is called before the next attempt starts over."""
        params: dict[str, Any] = {
            "temperature": self.temperature,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if max_tokens is not None:
            params["max_tokens"] = max_tokens
        delivered = [False]

        def attempt() -> Completion[str]:
            if delivered[0] and on_reset is not None:
                on_reset()
            delivered[0] = False

            def deliver(piece: str) -> None:
                delivered[0] = True
                if on_delta is not None:
                    on_delta(piece)

            return self._stream_once(messages, params, deliver, cancel)

        return self._with_retries(attempt)

    # -- the retry loop -----------------------------------------------------------------------

    def _with_retries(self, attempt: Callable[[], Completion[T]]) -> Completion[T]:
        spent = CallUsage(counted_with="")
        for number in range(1, self.retries + 2):
            if self.usage.exhausted():
                raise LLMFailure("budget", attempts=number, usage=spent)
            self._check_breaker()
            try:
                done = attempt()
            except LLMFailure as failure:
                if failure.usage is not None:
                    spent = spent + failure.usage
                self._count_silence(failure)
                if not failure.retryable or number > self.retries:
                    failure.attempts = number
                    failure.usage = spent
                    self._maybe_open(failure)
                    raise
                self.sleep(self._delay(failure, number))
                continue
            with self._breaker_lock:
                self._silent_attempts = 0
            return Completion(done.value, done.text, spent + done.usage, number, done.model)
        raise AssertionError("unreachable")  # pragma: no cover

    # -- the circuit breaker ------------------------------------------------------------------

    def _check_breaker(self) -> None:
        with self._breaker_lock:
            if self._paused_until is None:
                return
            if self.monotonic() < self._paused_until:
                raise LLMFailure("paused", quiet=True)
            self._paused_until = None  # the pause is over: try the endpoint again
            self._silent_attempts = 0

    def _count_silence(self, failure: LLMFailure) -> None:
        with self._breaker_lock:
            if failure.reason in SILENT:
                self._silent_attempts += 1
            else:
                self._silent_attempts = 0

    def _maybe_open(self, failure: LLMFailure) -> None:
        """Open the breaker after a call failed for good with repeated silence; the failure then
        says so (once: while it is open, calls fail quietly)."""
        with self._breaker_lock:
            if failure.reason not in SILENT or self._silent_attempts < BREAKER_ATTEMPTS:
                return
            if self._paused_until is not None:  # a call in flight alongside the one that opened it
                failure.quiet = True
                return
            self._paused_until = self.monotonic() + BREAKER_PAUSE
        minutes = round(BREAKER_PAUSE / 60)
        failure.detail = (
            f"{failure.detail}; " if failure.detail else ""
        ) + f"not calling it again for {minutes} minutes: the session carries on offline"

    def _delay(self, failure: LLMFailure, number: int) -> float:
        if failure.retry_after is not None:
            return min(failure.retry_after, self.retry_after_cap)
        return min(BACKOFF * 2 ** (number - 1), BACKOFF_CAP)

    # -- one attempt --------------------------------------------------------------------------

    def _create(self, messages: Sequence[Message], params: dict[str, Any]) -> Any:
        """chat.completions.create, adapting to a server that rejects a parameter we can do without."""
        import openai

        params = dict(params)
        for _ in range(3):
            try:
                create: Callable[..., Any] = self.openai.chat.completions.create
                return create(model=self.model, messages=list(messages), **params)
            except openai.BadRequestError as exc:
                adapted = _adapt(params, str(exc))
                if adapted is None:
                    raise classify(exc, self._secret) from None
                params = adapted
            except openai.OpenAIError as exc:
                raise classify(exc, self._secret) from None
            except (
                ValueError
            ) as exc:  # a 200 whose body is not JSON (a proxy's page, a broken server)
                raise LLMFailure("invalid_response", f"not JSON: {short_text(str(exc))}") from None
        raise LLMFailure("bad_request", "the endpoint rejected the request parameters")

    def _complete_once(
        self, messages: Sequence[Message], parse: Callable[[str], T], params: dict[str, Any]
    ) -> Completion[T]:
        response = self._create(messages, params)
        choices = getattr(response, "choices", None)
        choice = choices[0] if isinstance(choices, list) and choices else None
        message = getattr(choice, "message", None)
        text = (getattr(message, "content", None) or "") if message is not None else ""
        usage = self._count(getattr(response, "usage", None), messages, text)
        self.usage.add(usage)
        if choice is None or message is None:
            raise LLMFailure("invalid_response", "no message in the reply", usage=usage)
        if message.refusal or choice.finish_reason == "content_filter":
            raise LLMFailure(
                "refusal", short_text(message.refusal or "content filter"), usage=usage
            )
        if choice.finish_reason == "length":
            raise LLMFailure("length", usage=usage)
        try:
            value = parse(text)
        except ParseError as exc:
            raise LLMFailure(exc.reason, exc.detail, usage=usage) from None
        return Completion(value, text, usage, 1, getattr(response, "model", None) or self.model)

    def _stream_once(
        self,
        messages: Sequence[Message],
        params: dict[str, Any],
        deliver: Callable[[str], None],
        cancel: threading.Event | None,
    ) -> Completion[str]:
        import openai

        stream = self._create(messages, params)
        parts: list[str] = []
        refusal: list[str] = []
        finish: str | None = None
        api_usage: Any = None
        model = self.model
        failure: LLMFailure | None = None
        try:
            for chunk in stream:
                # getattr throughout: compatible servers send sparse chunks
                model = getattr(chunk, "model", None) or model
                api_usage = getattr(chunk, "usage", None) or api_usage
                for choice in (getattr(chunk, "choices", None) or [])[:1]:
                    delta = getattr(choice, "delta", None)
                    if piece := getattr(delta, "refusal", None):
                        refusal.append(piece)
                    if piece := getattr(delta, "content", None):
                        parts.append(piece)
                        deliver(piece)
                    finish = getattr(choice, "finish_reason", None) or finish
                if cancel is not None and cancel.is_set():
                    failure = LLMFailure("cancelled")
                    break
        except openai.OpenAIError as exc:
            failure = classify(exc, self._secret)
        except ValueError as exc:  # an event that is not JSON
            failure = LLMFailure("invalid_response", f"bad stream event: {short_text(str(exc))}")
        finally:
            stream.close()
        text = "".join(parts)
        usage = self._count(api_usage, messages, text)
        self.usage.add(usage)
        if failure is None:
            if refusal or finish == "content_filter":
                failure = LLMFailure("refusal", short_text("".join(refusal) or "content filter"))
            elif finish is None:
                failure = LLMFailure("stream_cut", f"after {len(text)} characters")
            elif finish == "length":
                failure = LLMFailure("length")
        if failure is not None:
            failure.usage = usage
            raise failure
        return Completion(text, text, usage, 1, model)

    def _count(self, api_usage: Any, messages: Sequence[Message], text: str) -> CallUsage:
        """The API's usage when it sent one, else a tiktoken count of prompt and reply."""
        if api_usage is not None and getattr(api_usage, "prompt_tokens", None) is not None:
            return CallUsage(api_usage.prompt_tokens, api_usage.completion_tokens or 0, API)
        from practice_bot.llm.tokens import counter_for

        counter = counter_for(self.model)
        return CallUsage(
            counter.count_messages(messages), counter.count(text), counter.encoding_name
        )


def _adapt(params: dict[str, Any], message: str) -> dict[str, Any] | None:
    """Params a stricter or older server will take, when its 400 names one we can do without."""
    lowered = message.lower()
    adapted = dict(params)
    if "max_tokens" in params and "max_completion_tokens" in lowered:
        adapted["max_completion_tokens"] = adapted.pop("max_tokens")
    elif "stream_options" in params and "stream_options" in lowered:
        adapted.pop("stream_options")
    elif "temperature" in params and "temperature" in lowered:
        adapted.pop("temperature")
    else:
        return None
    return adapted
