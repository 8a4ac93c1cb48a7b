"""Wiring the LLM into a session: consent, the shared services, LLM-written follow-up questions, and
usage kept on the transcript. Nothing here imports openai; the llm package does that lazily."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from practice_bot.banks.models import Question
from practice_bot.rubric.models import Criterion, Topic

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.llm.services import LLMServices
    from practice_bot.records.schema import Usage
    from practice_bot.scoring.base import Scorer
    from practice_bot.session.engine import Engine


def endpoint_wanted(settings: Settings) -> bool:
    """Whether this session would send answers to an endpoint (before consent)."""
    return settings.scorer != "offline" and settings.llm_configured


def needs_consent(settings: Settings) -> bool:
    from practice_bot.llm.consent import consent_needed

    return endpoint_wanted(settings) and consent_needed(settings.base_url)


def consent_question(settings: Settings) -> str:
    from practice_bot.llm.consent import describe_endpoint

    return (
        f"With an LLM configured, your {describe_endpoint(settings)} to "
        "write follow-up questions and score them. Nothing is sent without your say-so; if you say "
        "no, this session runs offline. Send answers to this endpoint?"
    )


def give_consent(settings: Settings) -> None:
    from practice_bot.llm.consent import remember_consent

    remember_consent(settings.base_url)


class LLMQuestionSource:
    """Asks the LLM to word the next follow-up; the bank's probe when it fails or is rejected."""

    def __init__(self, services: LLMServices) -> None:
        self.services = services
        self.on_delta: Callable[[str], None] | None = None
        self.on_reset: Callable[[], None] | None = None

    def follow_up(
        self, engine: Engine, topic: Topic, unmet: list[Criterion], fallback: Question
    ) -> tuple[str, str] | None:
        asked = [t.text for t in engine.transcript.turns if t.kind == "question"]
        conversation = [
            t for t in engine.transcript.turns if t.kind in ("question", "answer", "retry")
        ]
        began = engine.clock.monotonic()
        written = self.services.questions.write(
            topic, unmet, conversation, asked, fallback, self.on_delta, on_reset=self.on_reset
        )
        if written.fell_back_reason:
            # The apprentice waited for a question that never came: the exam clock does not pay.
            engine.credit_time(engine.clock.monotonic() - began, "llm_wait")
            engine.record_event("llm_fallback", f"question: {written.fell_back_reason}")
            if engine.on_note is not None and not written.quiet:
                engine.on_note(f"Question from the bank: {written.fell_back_reason}")
        return written.text, written.source


class LLMNarrator:
    """Asks the LLM for the end-of-session narrative; on failure the report uses the offline template."""

    def __init__(self, services: LLMServices) -> None:
        self.services = services

    def narrate(self, engine: Engine) -> None:
        services = self.services
        topics = [engine.rubric.topic(t) for t in engine.transcript.topics]
        narrative = services.narrative.write(
            topics, engine.transcript.judgments, engine.transcript.mode
        )
        engine.record_usage()
        if narrative is None:
            reason = services.narrative.last_failure or "no narrative"
            engine.record_event("llm_fallback", f"narrative: {reason}")
            failure = services.narrative.last_failure
            if engine.on_note is not None and not (failure is not None and failure.quiet):
                engine.on_note(f"Feedback narrative from the offline template: {reason}")
            return
        names = {t.id: t.name for t in topics}
        engine.record_meta(
            narrative=narrative.to_markdown(names), narrative_source=f"llm:{services.model}"
        )


@dataclass
class LLMParts:
    """What an engine needs from the LLM: its scorer, question writer, narrator and token usage, all
    sharing one client and token budget."""

    services: LLMServices

    @property
    def scorer(self) -> Scorer:
        return self.services.scorer

    def engine_options(self) -> dict[str, Any]:
        """The Engine's keyword arguments that wire the LLM in."""
        services = self.services
        return {
            "question_source": LLMQuestionSource(services),
            "narrator": LLMNarrator(services),
            "usage_provider": lambda: services.usage.to_record().model_dump(mode="json"),
            "slow_scorer": True,
        }

    def put_on_record(self, engine: Engine) -> None:
        """The transcript's header names the LLM and its prompts (once)."""
        if engine.transcript.scorer != "llm" or not engine.transcript.prompts:
            services = self.services
            engine.record_meta(scorer="llm", model=services.model, prompts=services.prompt_hashes())


def llm_parts(settings: Settings, usage: Usage) -> LLMParts:
    """The LLM's parts for a session whose transcript holds `usage` so far (a resumed session carries
    on counting against the same budget)."""
    from practice_bot.llm.services import LLMServices
    from practice_bot.llm.usage import SessionUsage
    from practice_bot.scoring.offline import OfflineScorer

    session_usage = SessionUsage.from_record(usage, settings.token_budget)
    return LLMParts(LLMServices.from_settings(settings, OfflineScorer(), usage=session_usage))
