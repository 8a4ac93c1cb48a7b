"""The Scorer interface and the judgment it returns for each criterion of a topic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from practice_bot.rubric.models import Criterion, Topic

Status = Literal["evidenced", "partly", "not_yet"]
# How sure a verdict is: "clear", or "possible" (thin evidence: an assessor may want more).
Confidence = Literal["clear", "possible"]
STATUS_RANK: dict[str, int] = {"not_yet": 0, "partly": 1, "evidenced": 2}
STATUS_WORDS: dict[str, str] = {"evidenced": "evidenced", "partly": "partly", "not_yet": "not yet"}

# Flags an answer can carry; both scorers use these names.
FLAG_RECITAL = "recital"  # repeats the criterion text
FLAG_KEYWORDS = "keyword_list"  # a list of terms without saying what was done
FLAG_PADDING = "padding"  # long, repetitive or empty words
FLAG_INJECTION = "injection"  # instructions aimed at the marker
FLAG_OFFTOPIC = "offtopic"
FLAG_UNVERIFIED = "unverified_quote"  # an LLM quote not found in the answer, dropped
FLAG_DISAGREEMENT = "scorer_disagreement"  # LLM verdict far above the offline scorer's
GAMING_FLAGS = frozenset({FLAG_RECITAL, FLAG_KEYWORDS, FLAG_PADDING, FLAG_INJECTION})


class Evidence(BaseModel):
    """A verbatim quote from the answer, with its character offsets: answer[start:end] == quote."""

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Judgment(BaseModel):
    criterion_id: str
    status: Status
    evidence: list[Evidence] = []
    reason: str = ""
    scorer: str = "offline"
    flags: list[str] = []
    # Index of the apprentice turn in the transcript this judgment is about (set by the engine).
    turn: int | None = None
    # Set when the judgment needs a tutor's eye (gaming, injection, scorer disagreement).
    review: bool = False
    # How sure the scorer is of an "evidenced" verdict; "possible" is thin credit an assessor may probe
    # (and is flagged for review). Transcripts saved before it existed load as "clear".
    confidence: Confidence = "clear"


class Assessment(BaseModel):
    """A scorer's reading of one answer: a judgment per criterion and flags for the whole answer."""

    judgments: list[Judgment]
    flags: list[str] = []
    scorer: str = "offline"
    notes: list[str] = []


class Scorer(Protocol):
    name: str

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        """Judge `answer` (given in reply to `question`) against `criteria` of `topic`."""
        ...


POSSIBLE_NOTE = "possible: an assessor may want more"


def confidence_note(confidence: str) -> str:
    """What the learner is told beside a verdict of this confidence ("" when clear)."""
    return POSSIBLE_NOTE if confidence == "possible" else ""


def best_status(a: Status, b: Status) -> Status:
    return a if STATUS_RANK[a] >= STATUS_RANK[b] else b


def find_quote(answer: str, quote: str) -> Evidence | None:
    """Locate `quote` in `answer` exactly, else after whitespace normalisation; None if absent."""
    if not quote.strip():
        return None
    i = answer.find(quote)
    if i >= 0:
        return Evidence(quote=quote, start=i, end=i + len(quote))
    import re

    words = quote.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, answer)
    if m is None:
        m = re.search(pattern, answer, flags=re.IGNORECASE)
    if m is None:
        return None
    return Evidence(quote=answer[m.start() : m.end()], start=m.start(), end=m.end())
