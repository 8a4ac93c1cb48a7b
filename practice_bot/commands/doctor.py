"""`practice-bot doctor`: checks the configured LLM endpoint with one small request and says plainly
what works and what does not. Exit 0 when the endpoint can score answers, 1 otherwise. Never prints the key.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.llm.failures import LLMFailure

OK, NO, NOTE = "ok ", "NO ", "-- "
PROBE = [
    {"role": "system", "content": "You are checking a connection. Reply with JSON only."},
    {"role": "user", "content": 'Reply with the JSON object {"ok": true}.'},
]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", help="check the configured LLM endpoint with one small request")
    p.add_argument("--model", help="check this model instead of the configured one")
    p.add_argument(
        "--voice", action="store_true", help="check voice instead: microphone, speech engines"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from practice_bot.config import load_settings

    settings = load_settings(model=getattr(args, "model", None))
    if getattr(args, "voice", False):
        from practice_bot.voice.check import voice_lines

        lines, ready = voice_lines(settings)
        print("\n".join(lines))
        return 0 if ready else 1
    return diagnose(settings, print)


def _printable_say(say: Callable[[str], None]) -> Callable[[str], None]:
    from practice_bot.textsafe import printable

    return lambda text: say(printable(text))


def diagnose(settings: Settings, say: Callable[[str], None]) -> int:
    """Run the checks, reporting each line through `say`; returns the exit code."""
    from practice_bot.llm.consent import endpoint_key

    # What the endpoint says is quoted (an error's text): escapes made visible, secrets redacted.
    # Doctor output is what people paste into support requests.
    say = _printable_say(say)
    say(f"{NOTE}practice-bot works offline without any of this: bank questions, offline scorer.")
    if not settings.llm_configured:
        say(f"{NO}no LLM endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for a server")
        say("    other than OpenAI, such as Ollama, vLLM or a college gateway).")
        return 1
    say(f"{NOTE}endpoint: {endpoint_key(settings.base_url)}")
    say(
        f"{NOTE}model: {settings.model}; timeout {settings.timeout:g} s; retries {settings.retries}"
    )
    if settings.api_key is None:
        say(f"{NOTE}no API key set (fine for a local server that needs none)")
    else:
        say(f"{OK}API key set (not shown)")
    failure = _probe(settings, structured=True)
    if failure is None:
        say(f"{OK}endpoint reachable, key accepted, model {settings.model} answers")
        say(f"{OK}json_schema structured output supported")
        return 0
    if failure.reason == "format_unsupported":
        say(f"{OK}endpoint reachable, key accepted, model {settings.model} answers")
        say(f"{NO}json_schema structured output not supported; checking json_object...")
        second = _probe(settings, structured=False)
        if second is None:
            say(f"{OK}json_object output works: scoring will use it with validation")
            return 0
        failure = second
    say(f"{NO}{_explain(failure, settings)}")
    return 1


def _probe(settings: Settings, *, structured: bool) -> LLMFailure | None:
    """One small request; None when it came back as JSON."""
    from pydantic import BaseModel, ConfigDict

    from practice_bot.llm.client import LLMClient
    from practice_bot.llm.failures import LLMFailure
    from practice_bot.llm.structured import JSON_OBJECT, json_schema_format, parse_reply

    class Probe(BaseModel):
        model_config = ConfigDict(extra="forbid")
        ok: bool

    client = LLMClient.from_settings(settings)
    client.retries = 0  # one request: the doctor reports, it does not wait things out
    fmt = json_schema_format("connection_check", Probe) if structured else JSON_OBJECT
    try:
        client.complete(
            PROBE, lambda text: parse_reply(text, Probe), response_format=fmt, max_tokens=50
        )
    except LLMFailure as failure:
        return failure
    return None


def _explain(failure: LLMFailure, settings: Settings) -> str:
    from practice_bot.llm.consent import endpoint_key

    where = endpoint_key(settings.base_url)
    detail = f": {failure.detail}" if failure.detail else ""
    messages = {
        "connection": f"cannot reach {where}{detail}. Check OPENAI_BASE_URL and that the server is running.",
        "timeout": f"{where} did not answer within {settings.timeout:g} s (PRACTICE_BOT_TIMEOUT).",
        "auth": f"{where} refused the API key (401){detail}. Check OPENAI_API_KEY.",
        "forbidden": f"the API key may not use {settings.model} at {where} (403){detail}.",
        "not_found": (
            f"model {settings.model} not found at {where} (404){detail}. Check PRACTICE_BOT_MODEL, "
            "and that the base URL ends where the API starts (usually /v1)."
        ),
        "rate_limited": f"{where} is rate-limiting (429){detail}. Try again later.",
        "server_error": f"{where} had a server error{detail}.",
    }
    return messages.get(failure.reason, f"{where}: {failure}")
