"""The transcript: versioned JSON, one per session. `docs/transcript.schema.json` is generated from it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from practice_bot.records.spoken import Spoken
from practice_bot.rubric.grading import Grades
from practice_bot.scoring.base import Judgment

SCHEMA_VERSION = 1


def _aware(when: datetime) -> datetime:
    """A time written without a UTC offset (a hand-edited file, another tool) is read as UTC, so
    sorting and comparing times from different files never mixes naive and aware ones."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


Timestamp = Annotated[datetime, AfterValidator(_aware)]

Mode = Literal["mock", "practice", "drill"]
Role = Literal["assessor", "apprentice"]
SessionStatus = Literal["in_progress", "finished", "ended_early", "timed_out"]


class Turn(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    index: int
    role: Role
    topic: str
    text: str
    # Where an assessor turn came from: "bank:<question id>", "llm:<model>", "system" (time checks);
    # "apprentice" for answers.
    source: str
    at: Timestamp
    elapsed: float = Field(description="seconds of session time when the turn was made")
    question_id: str | None = None
    kind: Literal["question", "answer", "notice", "retry"] = "question"
    # For an answer: the index of the question turn it answers.
    answers: int | None = None
    # For a spoken answer: how it was transcribed and delivered (None: typed).
    spoken: Spoken | None = None


class Override(BaseModel):
    """A tutor's decision on a criterion: a separate, attributed layer over the scorer's record."""

    criterion_id: str
    evidenced: bool
    comment: str = ""
    tutor: str
    at: Timestamp
    blind: bool = False
    # A tutor doubts a credited criterion: it stays evidenced (the grade is unchanged) but is flagged
    # for review and counted by `review agreement`.
    doubt: bool = False


class JudgmentLayer(BaseModel):
    """A re-scoring of every answer by a scorer after the session: a new layer of judgments over the
    session's own, which stay as they were. The newest layer is the one grades and reports use."""

    id: str
    scorer: str
    model: str | None = None
    at: Timestamp
    prompts: dict[str, str] = {}  # prompt name -> content hash
    judgments: list[Judgment] = []
    notes: list[str] = []  # fallbacks and scoring notes while re-scoring
    grades: Grades | None = None  # predicted grades from this layer alone (no overrides)


class Event(BaseModel):
    """Anything worth recording that is not a turn: fallbacks, time checks, pauses, warnings."""

    model_config = ConfigDict(allow_inf_nan=False)
    kind: str
    at: Timestamp
    elapsed: float = 0.0
    detail: str = ""


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    counted_with: str = "api"


class Transcript(BaseModel):
    model_config = ConfigDict(validate_assignment=True, allow_inf_nan=False)

    schema_version: int = SCHEMA_VERSION
    id: str
    apprentice: str
    mode: Mode
    topics: list[str]
    seed: int
    minutes: float
    started_at: Timestamp
    finished_at: Timestamp | None = None
    status: SessionStatus = "in_progress"
    pack_id: str | None = None
    pack_name: str | None = None  # the class pack's name as the class sees it
    target_criteria: list[str] = []  # drill: the criteria the session aims at
    scorer: str = "offline"
    model: str | None = None
    prompts: dict[str, str] = {}  # prompt name -> content hash
    app_version: str = ""
    turns: list[Turn] = []
    judgments: list[Judgment] = []
    events: list[Event] = []
    overrides: list[Override] = []
    # Re-scorings after the session, oldest first; `judgments` stays the session's own record.
    rescores: list[JudgmentLayer] = []
    grades: Grades | None = None
    usage: Usage = Usage()
    # End-of-session feedback narrative written by the LLM (Markdown); None: the offline template.
    narrative: str | None = None
    narrative_source: str | None = None
    # Set on resume when a torn journal line was dropped, so the tutor knows.
    notices: list[str] = []

    def answers(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "apprentice"]

    def current_judgments(self) -> list[Judgment]:
        """The newest layer of judgments: the latest re-scoring, else the session's own."""
        return self.rescores[-1].judgments if self.rescores else self.judgments
