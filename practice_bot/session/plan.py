"""Session plans: which topics, in what order, for how long, and each topic's question order.

A plan is fixed by its seed: the same seed (or class pack) gives every apprentice the same topics, timing
and, topic by topic, the same order of bank questions to draw from.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from practice_bot.banks.models import Bank, Question
from practice_bot.errors import UserError
from practice_bot.rubric.models import Rubric

Mode = Literal["mock", "practice", "drill"]

MOCK_MINUTES = 90.0
DRILL_MINUTES = 15.0
PRACTICE_MINUTES = 20.0  # a guide per session for pacing; practice is never cut off
EXTENSION = 0.10  # the assessor may extend by up to 10%
MIN_QUESTIONS = 6


class SessionConfig(BaseModel):
    mode: Mode
    apprentice: str = "apprentice"
    topics: list[str] = Field(default_factory=list)  # empty: all topics (mock) / error (practice)
    minutes: float | None = None
    seed: int = 0
    target_criteria: list[str] = Field(default_factory=list)  # drill
    pack_id: str | None = None
    pack_name: str | None = None  # what the class sees, e.g. "March mock"

    @property
    def session_minutes(self) -> float:
        if self.minutes is not None:
            return self.minutes
        return {"mock": MOCK_MINUTES, "drill": DRILL_MINUTES, "practice": PRACTICE_MINUTES}[
            self.mode
        ]

    @property
    def enforces_time(self) -> bool:
        return self.mode in ("mock", "drill")


def resolve_topics(config: SessionConfig, rubric: Rubric) -> list[str]:
    """The topics of a session in the order they are discussed (the seed's order for a mock)."""
    known = rubric.topic_ids
    for t in config.topics:
        if t not in known:
            raise UserError(f"--topics: unknown topic {t!r}; known topics: {', '.join(known)}")
    if config.mode == "mock":
        wanted = set(config.topics) if config.topics else set(known)
        return [t for t in known if t in wanted]
    if config.mode == "drill":
        wanted = {c.split("/", 1)[0] for c in config.target_criteria} | set(config.topics)
        return [t for t in known if t in wanted]
    if not config.topics:
        raise UserError("practice: choose topics with --topics ID,ID (see `practice-bot rubric`)")
    return list(dict.fromkeys(config.topics))


def question_limit(mode: Mode, n_criteria: int) -> int:
    """Most questions asked in one topic, so a session ends even when answers arrive instantly."""
    if mode == "mock":
        return min(1 + n_criteria, 5)
    if mode == "drill":
        return max(3, 2 * n_criteria)
    return min(1 + 2 * n_criteria, 8)


def topic_order(bank: Bank, seed: int) -> tuple[list[Question], list[Question]]:
    """Openings and probes of a bank in the order this seed draws them."""
    rng = random.Random(f"{seed}:{bank.topic}")
    openings = sorted(bank.openings, key=lambda q: q.id)
    probes = sorted(bank.probes, key=lambda q: q.id)
    rng.shuffle(openings)
    rng.shuffle(probes)
    return openings, probes


def pick_probe(
    probes: Sequence[Question], unmet: Sequence[str], asked: set[str]
) -> Question | None:
    """The first unasked probe (in plan order) aimed at the highest-priority unmet criterion."""
    for criterion_id in unmet:
        for q in probes:
            if q.id not in asked and criterion_id in q.targets:
                return q
    return None
