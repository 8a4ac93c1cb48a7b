"""Session time: the clock's reading against the limit and the 10% extension, and the time checks."""

from __future__ import annotations

from dataclasses import dataclass

# Time checks given in timed sessions, as fractions of the session's length.
TIME_CHECKS: tuple[tuple[str, float], ...] = (
    ("third", 1 / 3),
    ("two-thirds", 2 / 3),
    ("ten-minutes", 8 / 9),
    ("time-up", 1.0),
)


@dataclass(frozen=True)
class TimeStatus:
    elapsed: float
    limit: float
    hard_limit: float
    enforced: bool
    paused: bool = False

    @property
    def remaining(self) -> float:
        return max(self.limit - self.elapsed, 0.0)

    @property
    def in_extension(self) -> bool:
        return self.enforced and self.limit <= self.elapsed < self.hard_limit

    @property
    def over(self) -> bool:
        return self.enforced and self.elapsed >= self.hard_limit

    @property
    def extension_remaining(self) -> float:
        return max(self.hard_limit - self.elapsed, 0.0)


def time_check_text(key: str, status: TimeStatus) -> str:
    from practice_bot.wording import minutes_words

    left = minutes_words(status.remaining)
    if key == "time-up":
        extra = minutes_words(status.hard_limit - status.limit)
        return (
            f"Time check: we have reached {minutes_words(status.limit)}. Please finish your current "
            f"answer; I can allow up to {extra} more for it, and then we will stop there."
        )
    if key == "ten-minutes":
        return f"Time check: about {left} remain. We will move through the last topics briskly."
    return f"Time check: {minutes_words(status.elapsed)} gone, about {left} remain."
