"""The one place a scorer is chosen by name: offline always works; llm needs an endpoint. An LLM scorer
is built as part of `LLMServices` (one client, one token budget), as a session builds it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from practice_bot.errors import UserError
from practice_bot.scoring.base import Scorer

if TYPE_CHECKING:
    from practice_bot.config import Settings

NO_ENDPOINT = (
    "scorer llm: no endpoint configured; set OPENAI_API_KEY (and OPENAI_BASE_URL for a "
    "non-OpenAI server) or use --scorer offline"
)


def make_scorer(name: str, settings: Settings | None = None) -> Scorer:
    """`offline`, `llm`, or `auto` (llm when an endpoint is configured, else offline)."""
    from practice_bot.scoring.offline import OfflineScorer

    if name == "offline":
        return OfflineScorer()
    if name in ("llm", "auto"):
        if settings is None:
            from practice_bot.config import load_settings

            settings = load_settings()
        if not settings.llm_configured:
            if name == "auto":
                return OfflineScorer()
            raise UserError(NO_ENDPOINT)
        from practice_bot.llm.services import LLMServices

        return LLMServices.from_settings(settings, OfflineScorer()).scorer
    raise UserError(f"scorer: unknown scorer {name!r}; choose offline, llm or auto")
