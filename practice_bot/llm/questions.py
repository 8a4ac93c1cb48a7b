"""The LLM follow-up writer: streams one question aimed at the criteria not yet evidenced, checks it,
and falls back to the bank's probe (with the reason) when the call fails or the question does not pass.

Called from a worker thread; `on_delta` is called from that thread too (a Textual app hands it on with
`call_from_thread`). The streamed text is a preview: show `WrittenQuestion.text` once `write` returns,
since a question that fails its checks is replaced by the bank's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from practice_bot.llm.client import LLMClient
from practice_bot.llm.failures import LLMFailure
from practice_bot.llm.prompts import PromptTemplate, load_prompt, new_nonce
from practice_bot.llm.question_checks import check_question, clean_question

if TYPE_CHECKING:
    import threading

    from practice_bot.banks.models import Question
    from practice_bot.llm.usage import CallUsage
    from practice_bot.rubric.models import Criterion, Topic

CONVERSATION_TOKENS = 3000  # newest turns kept for the prompt
MAX_QUESTION_TOKENS = 200
SPEAKERS = {
    "assessor": "Assessor",
    "apprentice": "Apprentice",
    "assistant": "Assessor",
    "user": "Apprentice",
}


class ConversationTurn(Protocol):
    """Anything with a role ("assessor" | "apprentice") and text, such as records.schema.Turn."""

    @property
    def role(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class WrittenQuestion:
    text: str
    source: str  # "llm:<model>" or "bank:<question id>"
    fell_back_reason: str | None
    usage: CallUsage | None
    quiet: bool = False  # the fallback was already announced (the endpoint is paused)

    @property
    def fell_back(self) -> bool:
        return self.fell_back_reason is not None


class QuestionWriter:
    def __init__(
        self,
        client: LLMClient,
        *,
        template: PromptTemplate | None = None,
        conversation_tokens: int = CONVERSATION_TOKENS,
        nonce: Callable[[], str] = new_nonce,
    ) -> None:
        self.client = client
        self.template = template or load_prompt("question_writer")
        self.conversation_tokens = conversation_tokens
        self.nonce = nonce

    @property
    def prompt_hash(self) -> str:
        return self.template.sha256

    def write(
        self,
        topic: Topic,
        unmet_criteria: Sequence[Criterion],
        conversation: Sequence[ConversationTurn | tuple[str, str]],
        asked_texts: Sequence[str],
        fallback_question: Question,
        on_delta: Callable[[str], None] | None = None,
        *,
        on_reset: Callable[[], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> WrittenQuestion:
        """The next question: the LLM's if it passes the checks, else `fallback_question`."""

        def fall_back(reason: str, usage: CallUsage | None, quiet: bool = False) -> WrittenQuestion:
            return WrittenQuestion(
                fallback_question.text, f"bank:{fallback_question.id}", reason, usage, quiet
            )

        if self.client.usage.exhausted():
            return fall_back("the session's token budget is spent", None)
        messages = self._messages(topic, unmet_criteria, conversation, asked_texts)
        try:
            done = self.client.stream(
                messages,
                on_delta=on_delta,
                on_reset=on_reset,
                cancel=cancel,
                max_tokens=MAX_QUESTION_TOKENS,
            )
        except LLMFailure as failure:
            return fall_back(f"LLM question failed: {failure}", failure.usage, failure.quiet)
        text = clean_question(done.text)
        problem = check_question(text, [c.text for c in topic.criteria], asked_texts)
        if problem is not None:
            return fall_back(f"LLM question rejected: {problem}", done.usage)
        return WrittenQuestion(text, f"llm:{done.model}", None, done.usage)

    def _messages(
        self,
        topic: Topic,
        unmet: Sequence[Criterion],
        conversation: Sequence[ConversationTurn | tuple[str, str]],
        asked: Sequence[str],
    ) -> list[dict[str, str]]:
        from practice_bot.llm.tokens import counter_for, trim_to_budget

        turns = [_as_message(t) for t in conversation]
        kept = trim_to_budget(turns, self.conversation_tokens, counter_for(self.client.model))
        lines = [f"{SPEAKERS.get(m['role'], m['role'].title())}: {m['content']}" for m in kept]
        if len(kept) < len(turns):
            lines.insert(0, f"[{len(turns) - len(kept)} earlier turns left out]")
        return self.template.render(
            topic_name=topic.name,
            criteria="\n".join(f"- {c.text}" for c in unmet) or "- (none: probe for depth)",
            asked="\n".join(f"- {q}" for q in asked) or "none",
            nonce=self.nonce(),
            conversation="\n".join(lines) or "(nothing said yet)",
        )


def _as_message(turn: ConversationTurn | tuple[str, str]) -> dict[str, str]:
    if isinstance(turn, tuple):
        role, text = turn
    else:
        role, text = turn.role, turn.text
    return {"role": role, "content": text}
