"""End-of-session feedback narrative from the LLM, grounded in the judgments; None on any failure, so the
caller uses the offline template narrative instead.

Grounding is checked, not hoped for: the reply must cover exactly the session's topics, and any passage it
puts in double quotes must be one of the evidence quotes it was given (else the reply is retried, then
dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from practice_bot.llm.client import LLMClient
from practice_bot.llm.failures import LLMFailure, ParseError
from practice_bot.llm.prompts import PromptTemplate, load_prompt, new_nonce
from practice_bot.llm.structured import JSON_OBJECT, json_schema_format, parse_reply
from practice_bot.scoring.base import STATUS_RANK, STATUS_WORDS

if TYPE_CHECKING:
    from practice_bot.rubric.models import Topic
    from practice_bot.scoring.base import Judgment

MAX_NARRATIVE_TOKENS = 2500
_QUOTED = re.compile(r"[\"“]([^\"“”]{12,})[\"”]")


class TopicFeedback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    topic_id: str
    strengths: list[str]
    development: list[str]


class Narrative(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str
    topics: list[TopicFeedback]

    def to_markdown(self, topic_names: Mapping[str, str] | None = None) -> str:
        names = topic_names or {}
        out = [self.summary.strip(), ""]
        for t in self.topics:
            out.append(f"### {names.get(t.topic_id, t.topic_id)}")
            out.append("")
            for label, points in (("Strengths", t.strengths), ("To develop", t.development)):
                if points:
                    out.append(f"**{label}**")
                    out.extend(f"- {p.strip()}" for p in points)
                    out.append("")
        return "\n".join(out).rstrip() + "\n"


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def best_judgments(judgments: Sequence[Judgment]) -> dict[str, Judgment]:
    """criterion id -> its best judgment over the session (a criterion met in any answer is met)."""
    best: dict[str, Judgment] = {}
    for j in judgments:
        held = best.get(j.criterion_id)
        if held is None or STATUS_RANK[j.status] > STATUS_RANK[held.status]:
            best[j.criterion_id] = j
    return best


class NarrativeWriter:
    def __init__(
        self,
        client: LLMClient,
        *,
        template: PromptTemplate | None = None,
        nonce: Callable[[], str] = new_nonce,
    ) -> None:
        self.client = client
        self.template = template or load_prompt("narrative")
        self.nonce = nonce
        self.last_failure: LLMFailure | None = None

    @property
    def prompt_hash(self) -> str:
        return self.template.sha256

    def write(
        self, topics: Sequence[Topic], judgments: Sequence[Judgment], mode: str = "practice"
    ) -> Narrative | None:
        """The narrative, or None (see `last_failure` for why) so the caller uses its offline template."""
        self.last_failure = None
        best = best_judgments(judgments)
        ids = [t.id for t in topics]
        quotes = [_squash(e.quote) for j in best.values() for e in j.evidence]
        messages = self.template.render(
            mode=mode, nonce=self.nonce(), judgments=_describe(topics, best)
        )

        def parse(text: str) -> Narrative:
            narrative = parse_reply(text, Narrative)
            got = [t.topic_id for t in narrative.topics]
            if got != ids:
                raise ParseError("schema", f"topics {got} do not match the session's {ids}")
            for t in narrative.topics:
                for point in [*t.strengths, *t.development, narrative.summary]:
                    for quoted in _QUOTED.findall(point):
                        if not any(_squash(quoted) in q for q in quotes):
                            raise ParseError(
                                "schema", f"quotes words not in the evidence: {quoted[:40]!r}"
                            )
            return narrative

        fmt = json_schema_format("feedback_narrative", Narrative, {"topic_id": ids})
        try:
            try:
                return self.client.complete(
                    messages, parse, response_format=fmt, max_tokens=MAX_NARRATIVE_TOKENS
                ).value
            except LLMFailure as failure:
                if failure.reason != "format_unsupported":
                    raise
            return self.client.complete(
                messages, parse, response_format=JSON_OBJECT, max_tokens=MAX_NARRATIVE_TOKENS
            ).value
        except LLMFailure as failure:
            self.last_failure = failure
            return None


def _describe(topics: Sequence[Topic], best: Mapping[str, Judgment]) -> str:
    lines: list[str] = []
    for topic in topics:
        lines.append(f"Topic {topic.id}: {topic.name}")
        for c in topic.criteria:
            j = best.get(c.id)
            status = STATUS_WORDS[j.status] if j else "not yet"
            lines.append(f"- {c.id} ({c.level}) {status}: {c.text}")
            if j is not None:
                for e in j.evidence:
                    lines.append(f'  evidence: "{e.quote}"')
                if j.reason:
                    lines.append(f"  reason: {j.reason}")
        lines.append("")
    return "\n".join(lines).rstrip()
