"""The LLM scorer: structured judgments whose quotes are checked against the answer, cross-checked by
the offline scorer, which it falls back to (saying why) whenever the LLM cannot give a usable verdict.

Rules, per criterion:
- each quote must be found in the answer (`find_quote`, whitespace-normalised) and be at least three
  words long; others are dropped and the judgment flagged `unverified_quote` for review;
- a judgment left without verified evidence loses one level (evidenced -> partly, partly -> not_yet):
  only words the apprentice actually said can evidence a criterion, but the LLM's reading is kept as a
  "partly" for the tutor to look at rather than thrown away;
- an LLM verdict two levels above the offline one (evidenced against not_yet) is flagged
  `scorer_disagreement` for review;
- when the offline scorer flags the answer as gaming (recital, keyword list, padding, injection) the LLM
  gives it no credit: each criterion keeps the offline verdict, flagged for review.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from practice_bot.llm.client import LLMClient
from practice_bot.llm.failures import LLMFailure
from practice_bot.llm.prompts import PromptTemplate, load_prompt, new_nonce
from practice_bot.llm.structured import JSON_OBJECT, json_schema_format, parse_reply
from practice_bot.scoring.base import (
    FLAG_DISAGREEMENT,
    FLAG_UNVERIFIED,
    GAMING_FLAGS,
    STATUS_RANK,
    STATUS_WORDS,
    Assessment,
    Evidence,
    Judgment,
    Scorer,
    Status,
    find_quote,
)

if TYPE_CHECKING:
    from practice_bot.llm.usage import SessionUsage
    from practice_bot.rubric.models import Criterion, Topic

MIN_QUOTE_WORDS = 3
MAX_SCORING_TOKENS = 1500
DOWNGRADE: dict[str, Status] = {"evidenced": "partly", "partly": "not_yet", "not_yet": "not_yet"}


class CriterionVerdict(BaseModel):
    model_config = ConfigDict(extra="forbid")
    criterion_id: str
    status: Literal["evidenced", "partly", "not_yet"]
    quotes: list[str]
    reason: str


class ScoringReply(BaseModel):
    """What the model must return: one verdict per criterion."""

    model_config = ConfigDict(extra="forbid")
    judgments: list[CriterionVerdict]


class LLMScorer:
    name = "llm"

    def __init__(
        self,
        client: LLMClient,
        fallback: Scorer,
        *,
        template: PromptTemplate | None = None,
        nonce: Callable[[], str] = new_nonce,
    ) -> None:
        self.client = client
        self.fallback = fallback
        self.template = template or load_prompt("scorer")
        self.nonce = nonce
        self.json_schema_supported = True  # set False once the endpoint rejects json_schema

    @property
    def usage(self) -> SessionUsage:
        return self.client.usage

    @property
    def prompt_hash(self) -> str:
        return self.template.sha256

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        offline = self.fallback.score(answer, question, topic, criteria)
        if not criteria:
            return offline
        notes: list[str] = []
        try:
            reply = self._ask(answer, question, topic, criteria, notes)
        except LLMFailure as failure:
            return _fell_back(offline, failure, notes)
        return self._combine(reply, offline, answer, criteria, notes)

    # -- the call -----------------------------------------------------------------------------

    def _ask(
        self,
        answer: str,
        question: str,
        topic: Topic,
        criteria: Sequence[Criterion],
        notes: list[str],
    ) -> ScoringReply:
        ids = [c.id for c in criteria]
        messages = self.template.render(
            topic_name=topic.name,
            criteria="\n".join(f"- {c.id} ({c.level}): {c.text}" for c in criteria),
            question=question,
            nonce=self.nonce(),
            answer=answer,
        )

        def parse(text: str) -> ScoringReply:
            reply = parse_reply(text, ScoringReply)
            _check_ids(reply, ids)
            return reply

        if self.json_schema_supported:
            try:
                fmt = json_schema_format("criterion_judgments", ScoringReply, {"criterion_id": ids})
                return self._call(messages, parse, fmt)
            except LLMFailure as failure:
                if failure.reason != "format_unsupported":
                    raise
                self.json_schema_supported = False
        notes.append("the endpoint does not take json_schema; used json_object with validation")
        return self._call(messages, parse, JSON_OBJECT)

    def _call(
        self,
        messages: list[dict[str, str]],
        parse: Callable[[str], ScoringReply],
        fmt: dict[str, Any],
    ) -> ScoringReply:
        done = self.client.complete(
            messages, parse, response_format=fmt, max_tokens=MAX_SCORING_TOKENS
        )
        return done.value

    # -- from verdicts to judgments ------------------------------------------------------------

    def _combine(
        self,
        reply: ScoringReply,
        offline: Assessment,
        answer: str,
        criteria: Sequence[Criterion],
        notes: list[str],
    ) -> Assessment:
        verdicts = {v.criterion_id: v for v in reply.judgments}
        offline_by_id = {j.criterion_id: j for j in offline.judgments}
        gaming = sorted(
            (set(offline.flags) | {f for j in offline.judgments for f in j.flags}) & GAMING_FLAGS
        )
        judgments = []
        for criterion in criteria:
            off = offline_by_id.get(criterion.id) or Judgment(
                criterion_id=criterion.id, status="not_yet", scorer=offline.scorer
            )
            judgment = _verified(verdicts[criterion.id], answer)
            if STATUS_RANK[judgment.status] - STATUS_RANK[off.status] >= 2:
                judgment.flags.append(FLAG_DISAGREEMENT)
                judgment.review = True
            if gaming:
                judgment = _no_credit(judgment, off, gaming)
            judgments.append(judgment)
        flags = set(offline.flags) | {f for j in judgments for f in j.flags}
        if gaming:
            notes.append(f"answer flagged as {', '.join(gaming)}: no credit from the LLM")
        notes.append(f"scored by {self.client.model}")
        return Assessment(
            judgments=judgments,
            flags=sorted(flags),
            scorer=self.name,
            notes=[*offline.notes, *notes],
        )


def _check_ids(reply: ScoringReply, ids: Sequence[str]) -> None:
    from practice_bot.llm.failures import ParseError

    got = [v.criterion_id for v in reply.judgments]
    if sorted(got) != sorted(ids):
        missing = sorted(set(ids) - set(got))
        extra = sorted(set(got) - set(ids))
        twice = sorted({i for i in got if got.count(i) > 1})
        parts = [
            f"{label} {', '.join(v)}"
            for label, v in (("missing", missing), ("unknown", extra), ("repeated", twice))
            if v
        ]
        raise ParseError("schema", "judgments: " + "; ".join(parts))


def _verified(verdict: CriterionVerdict, answer: str) -> Judgment:
    evidence: list[Evidence] = []
    dropped = 0
    for quote in verdict.quotes:
        found = find_quote(answer, quote) if len(quote.split()) >= MIN_QUOTE_WORDS else None
        if found is None:
            dropped += 1
        elif all((e.start, e.end) != (found.start, found.end) for e in evidence):
            evidence.append(found)
    status: Status = verdict.status
    flags: list[str] = []
    reason = verdict.reason.strip()
    if dropped:
        flags.append(FLAG_UNVERIFIED)
        reason += f" [{dropped} quote{'s' if dropped > 1 else ''} not found in the answer, dropped]"
    if not evidence and status != "not_yet":
        was, status = status, DOWNGRADE[status]
        if FLAG_UNVERIFIED not in flags:
            flags.append(FLAG_UNVERIFIED)
        reason += f" [no verified quote: {STATUS_WORDS[was]} lowered to {STATUS_WORDS[status]}]"
    if status == "not_yet":
        evidence = []
    return Judgment(
        criterion_id=verdict.criterion_id,
        status=status,
        evidence=evidence,
        reason=reason,
        scorer="llm",
        flags=flags,
        review=bool(flags),
    )


def _no_credit(judgment: Judgment, offline: Judgment, gaming: Sequence[str]) -> Judgment:
    """The offline verdict stands: the LLM adds nothing to an answer flagged as gaming."""
    status: Status = judgment.status
    if STATUS_RANK[status] > STATUS_RANK[offline.status]:
        status = offline.status
    evidence = offline.evidence if status == offline.status else judgment.evidence
    return judgment.model_copy(
        update={
            "status": status,
            "evidence": evidence,
            "flags": sorted(set(judgment.flags) | set(gaming)),
            "review": True,
            "reason": f"{judgment.reason} [not credited: answer flagged as {', '.join(gaming)}]",
        }
    )


def _fell_back(offline: Assessment, failure: LLMFailure, notes: list[str]) -> Assessment:
    note = [] if failure.quiet else [f"LLM scoring fell back to the offline scorer: {failure}"]
    return offline.model_copy(
        update={
            "scorer": f"offline (fallback: {failure.reason})",
            "notes": [*offline.notes, *notes, *note],
        }
    )
