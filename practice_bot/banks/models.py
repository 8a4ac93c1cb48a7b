"""Question-bank models: a bank per topic holding opening questions and probes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

QuestionKind = Literal["opening", "probe"]


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str  # unique across all banks, e.g. "model-scoping/opening-1"
    topic: str
    kind: QuestionKind
    text: str
    targets: tuple[str, ...]  # criterion ids this question is aimed at
    source: str = "bank"  # "bank:<file name>" once loaded


class Bank(BaseModel):
    model_config = ConfigDict(frozen=True)
    topic: str
    openings: tuple[Question, ...]
    probes: tuple[Question, ...]
    files: tuple[str, ...] = ()

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.openings + self.probes

    def probes_for(self, criterion_id: str) -> tuple[Question, ...]:
        """The probes aimed at this criterion, in bank order."""
        return tuple(q for q in self.probes if criterion_id in q.targets)
