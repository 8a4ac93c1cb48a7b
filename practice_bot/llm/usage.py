"""Token accounting: usage per call (the API's figures, else a tiktoken count), session totals, a budget."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.records.schema import Usage

API = "api"  # counted_with when the endpoint reported the usage itself


@dataclass(frozen=True)
class CallUsage:
    """Tokens one call used. `counted_with` is "api" or the tiktoken encoding that counted them."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    counted_with: str = API

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: CallUsage) -> CallUsage:
        return CallUsage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            _merge_counted_with(self.counted_with, other.counted_with),
        )


def _merge_counted_with(a: str, b: str) -> str:
    if not a or a == b:
        return b
    if not b:
        return a
    names = sorted(set(a.split("+")) | set(b.split("+")))
    return "+".join(names)


class SessionUsage:
    """Running totals for one session, shared by the scorer and the question writer (thread-safe).

    `budget` is the session's token budget (prompt + completion); None means no limit.
    """

    def __init__(self, budget: int | None = None) -> None:
        self.budget = budget
        self._lock = threading.Lock()
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.calls = 0
        self.counted_with = ""

    def add(self, call: CallUsage) -> None:
        with self._lock:
            self.prompt_tokens += call.prompt_tokens
            self.completion_tokens += call.completion_tokens
            self.calls += 1
            self.counted_with = _merge_counted_with(self.counted_with, call.counted_with)

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def remaining(self) -> int | None:
        return None if self.budget is None else max(0, self.budget - self.total)

    def exhausted(self, upcoming: int = 0) -> bool:
        """True when the budget is spent, or a call of `upcoming` prompt tokens would overspend it."""
        if self.budget is None:
            return False
        return self.total >= self.budget or self.total + max(0, upcoming) > self.budget

    def to_record(self) -> Usage:
        """The transcript's `Usage` record."""
        from practice_bot.records.schema import Usage

        return Usage(
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            calls=self.calls,
            counted_with=self.counted_with or API,
        )

    @classmethod
    def from_record(cls, record: Usage, budget: int | None = None) -> SessionUsage:
        """Carry on counting from a transcript's totals (a resumed session)."""
        usage = cls(budget)
        usage.prompt_tokens = record.prompt_tokens
        usage.completion_tokens = record.completion_tokens
        usage.calls = record.calls
        usage.counted_with = record.counted_with
        return usage

    def describe(self) -> str:
        """One line for the app's status bar: "1,234 tokens in 3 calls (budget 200,000)"."""
        text = f"{self.total:,} tokens in {self.calls} call{'s' if self.calls != 1 else ''}"
        if self.budget is not None:
            text += f" (budget {self.budget:,})"
        return text


def budget_exhausted(usage: SessionUsage | None, upcoming: int = 0) -> bool:
    """True when `usage` has a budget and it is spent (or a call of `upcoming` tokens would spend it)."""
    return usage is not None and usage.exhausted(upcoming)
