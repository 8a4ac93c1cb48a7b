"""Messages that workers post back to the discussion room (they never touch widgets themselves)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.message import Message

from practice_bot.errors import TranscriptError
from practice_bot.records.schema import Turn
from practice_bot.scoring.base import Assessment


class AnswerScored(Message):
    """The scorer has judged an answer; the screen applies it on the app's thread."""

    def __init__(self, answer: Turn, assessment: Assessment) -> None:
        super().__init__()
        self.answer = answer
        self.assessment = assessment


class WorkFailed(Message):
    """Scoring or question writing raised; `what` is "scoring" or "question"."""

    def __init__(self, what: str, error: str, answer: Turn | None = None) -> None:
        super().__init__()
        self.what = what
        self.error = error
        self.answer = answer


class QuestionDelta(Message):
    """A piece of a question being streamed (LLM), shown as it arrives."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class QuestionReady(Message):
    """The next question (checked, in full), or None when the session is over."""

    def __init__(self, turn: Turn | None) -> None:
        super().__init__()
        self.turn = turn


class QuestionReset(Message):
    """The question writer started again (a retry): the streamed preview is cleared."""


class Note(Message):
    """Something the engine wants the apprentice told (a fallback, a spent budget); any thread."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Rescored(Message):
    """Answers a crash had saved unscored, now scored (resume)."""

    def __init__(self, scored: list[tuple[Turn, Assessment]]) -> None:
        super().__init__()
        self.scored = scored


class SessionEnded(Message):
    """The engine has finished the session (on a worker, when an LLM was involved)."""


class DiskTrouble(Message):
    """A worker's engine call could not save a record; `retry` (on the app's thread) tries it again."""

    def __init__(self, error: TranscriptError, retry: Callable[[], Awaitable[Any]]) -> None:
        super().__init__()
        self.error = error
        self.retry = retry
