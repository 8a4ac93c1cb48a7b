"""Everything the LLM offers a session, built from Settings and sharing one client and one token budget."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from practice_bot.llm.client import LLMClient
from practice_bot.llm.narrative import NarrativeWriter
from practice_bot.llm.questions import QuestionWriter
from practice_bot.llm.usage import SessionUsage

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.llm.scorer import LLMScorer
    from practice_bot.scoring.base import Scorer


@dataclass
class LLMServices:
    client: LLMClient
    scorer: LLMScorer
    questions: QuestionWriter
    narrative: NarrativeWriter

    @property
    def usage(self) -> SessionUsage:
        return self.client.usage

    @property
    def model(self) -> str:
        return self.client.model

    def prompt_hashes(self) -> dict[str, str]:
        """name -> sha256 of each prompt in use, for the transcript's `prompts` record."""
        return {
            "scorer": self.scorer.prompt_hash,
            "question_writer": self.questions.prompt_hash,
            "narrative": self.narrative.prompt_hash,
        }

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        fallback: Scorer,
        *,
        usage: SessionUsage | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> LLMServices:
        """`usage` carries on a resumed session's totals (SessionUsage.from_record)."""
        from practice_bot.llm.scorer import LLMScorer

        client = LLMClient.from_settings(settings, usage=usage, sleep=sleep)
        return cls(
            client=client,
            scorer=LLMScorer(client, fallback),
            questions=QuestionWriter(client),
            narrative=NarrativeWriter(client),
        )
