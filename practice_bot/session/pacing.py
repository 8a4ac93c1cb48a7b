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
    minutes = round(status.remaining / 60)
    total = round(status.limit / 60)
    if key == "time-up":
        extra = round((status.hard_limit - status.limit) / 60)
        return (
            f"Time check: we have reached {total} minutes. Please finish your current answer; I can "
            f"allow up to {extra} more minutes for it, and then we will stop there."
        )
    if key == "ten-minutes":
        return f"Time check: about {minutes} minutes remain. We will move through the last topics briskly."
    return f"Time check: {round(status.elapsed / 60)} minutes gone, about {minutes} minutes remain."
