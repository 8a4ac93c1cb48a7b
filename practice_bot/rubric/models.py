"""Pydantic models of the standard: KSBs, criteria, topics and the rubric that holds them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Level = Literal["pass", "distinction"]
Method = Literal["AM1", "AM2"]


class KSB(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    text: str


class Criterion(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    level: Level
    text: str
    ksbs: tuple[str, ...]

    @property
    def topic_id(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def short(self) -> str:
        """`pass-2`, `dist-1`: the criterion's id within its topic."""
        return self.id.split("/", 1)[1]


class Topic(BaseModel):
    model_config = ConfigDict(frozen=True)
    order: int
    id: str
    name: str
    method: Method
    ksbs: tuple[str, ...]
    criteria: tuple[Criterion, ...]

    @property
    def pass_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.level == "pass")

    @property
    def distinction_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.level == "distinction")


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)
    standard: str
    document: str
    sections: str
    note: str


class Rubric(BaseModel):
    model_config = ConfigDict(frozen=True)
    source: Source
    topics: tuple[Topic, ...]
    ksbs: dict[str, str]

    def topic(self, topic_id: str) -> Topic:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(topic_id)

    def criterion(self, criterion_id: str) -> Criterion:
        return self.criteria_by_id()[criterion_id]

    def criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for t in self.topics for c in t.criteria}

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)

    def to_public_json(self) -> dict[str, object]:
        """The shape `practice-bot rubric --json` prints."""
        return {
            "topics": [
                {
                    "id": t.id,
                    "name": t.name,
                    "method": t.method,
                    "ksbs": list(t.ksbs),
                    "criteria": [
                        {"id": c.id, "level": c.level, "text": c.text, "ksbs": list(c.ksbs)}
                        for c in t.criteria
                    ],
                }
                for t in self.topics
            ],
            "ksbs": dict(self.ksbs),
        }
