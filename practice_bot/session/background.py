"""Scoring in the background: answers are scored on a worker thread and their judgments applied on the
caller's thread, in the order the answers were given, so the apprentice never waits for a scorer."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from practice_bot.records.schema import Turn
from practice_bot.scoring.base import Assessment


@dataclass
class Pending:
    answer: Turn
    future: Future[Assessment]


class ScoringQueue:
    def __init__(self, score: Callable[[Turn], Assessment]) -> None:
        self._score = score
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scoring")
        self._pending: deque[Pending] = deque()

    def submit(self, answer: Turn) -> None:
        self._pending.append(Pending(answer, self._pool.submit(self._score, answer)))

    def ready(self, block: bool) -> list[tuple[Turn, Assessment]]:
        """Finished assessments in answer order; with block, wait for all of them."""
        out: list[tuple[Turn, Assessment]] = []
        while self._pending and (block or self._pending[0].future.done()):
            item = self._pending.popleft()
            try:
                assessment = item.future.result()
            except Exception as exc:  # a scorer bug must not cost the session; say so on the record
                assessment = Assessment(
                    judgments=[],
                    notes=[f"scoring failed for this answer: {type(exc).__name__}: {exc}"],
                )
            out.append((item.answer, assessment))
        return out

    def __len__(self) -> int:
        return len(self._pending)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
