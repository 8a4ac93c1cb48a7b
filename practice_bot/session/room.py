"""The discussion room without a screen: the engine calls a front end makes, and the journal that
rescues a session when its folder stops taking records. Plain mode and the app both drive a Room.

Disk trouble: the engine journals a record before applying it, so a step that could not be saved left
no trace on disk or in memory. The session, whole in memory, moves to another folder (`move_to`) and
the step is tried again there. Plain mode passes a `rescue` that asks for a folder at once (the journal
then retries the record itself); the app passes none, so the error reaches the screen, which asks in a
dialog and runs the step again.

Threads: the app runs slow steps (an LLM writing a question, the end-of-session narrative) on workers.
Every call here that changes the engine holds `lock`, so two threads never change it at once; the clock
tick uses `try_time_checks`, which skips a beat rather than wait for a worker. Scoring only reads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from practice_bot.errors import TranscriptError
from practice_bot.feedback.tips import load_tips
from practice_bot.records.drafts import clear_draft, load_draft, move_draft, save_draft
from practice_bot.records.journal import Journal
from practice_bot.records.schema import Transcript, Turn
from practice_bot.records.store import move_journal, save_final
from practice_bot.scoring.base import Assessment
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.session.engine import AnswerOutcome
from practice_bot.session.factory import Session
from practice_bot.textsafe import valid_text

WARM_UP_ANSWER = (
    "I scoped the model with the business owner, chose recall at a fixed precision as the metric, "
    "and planned the lifecycle from data to deployment and monitoring."
)
# Called with the error, the record that failed and the folders already tried; returns a journal
# in another folder that holds the session, or raises.
Rescue = Callable[[TranscriptError, dict[str, Any], set[Path]], Journal]


# Seconds a timed session was closed before resuming it says so and asks whether the time counts.
AWAY_ASK = 60.0


class RescuingJournal:
    """The engine's recorder: a journal that can move. With a `rescue`, a record that cannot be saved
    is saved again wherever the rescue moved the session; without one the error goes to the caller."""

    def __init__(self, journal: Journal, rescue: Rescue | None = None) -> None:
        self.journal = journal
        self.rescue = rescue

    @property
    def path(self) -> Path:
        return self.journal.path

    def sync_later(self) -> contextlib.AbstractContextManager[None]:
        return self.journal.sync_later()

    def sync(self) -> None:
        self.journal.sync()

    def write(self, record: dict[str, Any]) -> None:
        tried: set[Path] = set()  # folders that failed this record: not tried again unasked
        while True:
            try:
                self.journal.write(record)
                return
            except TranscriptError as exc:
                if self.rescue is None:
                    raise
                tried.add(self.journal.path.parent)
                self.journal = self.rescue(exc, record, tried)


class AnswerSaved(TranscriptError):
    """The answer was saved but its judgments were not: judge it again once the session has moved."""

    def __init__(self, error: TranscriptError, answer: Turn) -> None:
        super().__init__(str(error))
        self.answer = answer


@runtime_checkable
class Streaming(Protocol):
    """A question source that shows its words as they arrive (the LLM's)."""

    on_delta: Callable[[str], object] | None
    on_reset: Callable[[], object] | None


class Room:
    def __init__(self, session: Session, *, rescue: Rescue | None = None) -> None:
        self.session = session
        self.engine = session.engine
        self.lock = threading.RLock()
        self._scoring = threading.Lock()  # one answer scored at a time (warm-up included)
        recorder = self.engine.recorder
        self.journal: RescuingJournal | None = None
        if isinstance(recorder, RescuingJournal):
            recorder = recorder.journal
        if isinstance(recorder, Journal):
            self.journal = RescuingJournal(recorder, rescue)
            self.engine.recorder = self.journal

    @property
    def transcript(self) -> Transcript:
        return self.engine.transcript

    @property
    def practice(self) -> bool:
        return self.engine.config.mode == "practice"

    @property
    def journal_path(self) -> Path:
        return self.session.journal_path

    # ----- asking ---------------------------------------------------------------------------------
    @property
    def writes_questions(self) -> bool:
        """Whether the next question may take a while (an LLM words it): ask on a worker."""
        return self.engine.question_source is not None

    def ask(
        self,
        on_delta: Callable[[str], object] | None = None,
        on_reset: Callable[[], object] | None = None,
    ) -> Turn | None:
        """The next question, or None when the session is over; a streaming source shows its words
        through `on_delta` as they arrive."""
        with self.lock:
            source = self.engine.question_source
            streaming = source if isinstance(source, Streaming) and on_delta else None
            if streaming is not None:
                streaming.on_delta, streaming.on_reset = on_delta, on_reset
            try:
                return self.engine.next_question()
            finally:
                if streaming is not None:
                    streaming.on_delta = streaming.on_reset = None

    def retry(self) -> Turn:
        with self.lock:
            return self.engine.retry()

    def skip(self) -> None:
        with self.lock:
            self.engine.skip()

    def more_to_ask(self) -> bool:
        """Whether another question follows the current one (else moving on ends the session)."""
        with self.lock:
            return self.engine.more_to_ask()

    def give_up_writing(self) -> None:
        """The question writer failed: bank questions from now on."""
        self.engine.question_source = None

    # ----- answering ------------------------------------------------------------------------------
    def record(self, text: str, spoken: dict[str, Any] | None = None) -> Turn:
        """Journal an answer (fsynced) before anything else. Practice answers are scored next by the
        caller (`score`, then `apply`); mock and drill answers go to the engine's background scorer.
        `spoken`: how a spoken answer was heard and delivered (practice_bot.voice.answers).
        Raises TranscriptError when nothing was saved, AnswerSaved when only its judgments were not."""
        e = self.engine
        text = valid_text(text)  # a paste of bytes that were not UTF-8: U+FFFD
        before = len(e.transcript.turns)
        with self.lock:
            try:
                if self.practice:
                    answer = e.record_answer(text, spoken)
                else:
                    answer = e.submit_answer_in_background(text, spoken)
                clear_draft(self.journal_path)  # sent: no longer a draft
                return answer
            except TranscriptError as exc:
                saved = [t for t in e.transcript.turns[before:] if t.role == "apprentice"]
                if saved:
                    raise AnswerSaved(exc, saved[0]) from exc
                raise

    def save_draft(self, text: str) -> None:
        """Keep the answer being typed for the waiting question (raises OSError)."""
        question = self.engine.current_question
        if question is not None:
            save_draft(self.journal_path, question.index, text)

    def draft(self) -> str | None:
        """The unsent answer kept for the question still waiting (a resumed session), if any."""
        kept = load_draft(self.journal_path)
        question = self.engine.current_question
        if kept is None or question is None or kept[0] != question.index:
            return None
        return kept[1]

    def score(self, answer: Turn) -> Assessment:
        """Only reads the engine: safe on a worker while the app's thread carries on."""
        with self._scoring:
            return self.engine.score(answer)

    @property
    def scores_quickly(self) -> bool:
        """The offline scorer (about a millisecond an answer once warm): no need for a worker."""
        return type(self.engine.scorer) is OfflineScorer

    def warm_up(self) -> None:
        """Fill the offline scorer's caches (its concept book, compiled patterns) before the first
        answer, by scoring a made-up one with a scorer of its own (never the session's: an LLM would
        be asked), and read the tips the feedback's next probe comes from, so the first feedback
        comes as quickly as the rest. For a worker thread."""
        topic = self.engine.rubric.topic(self.transcript.topics[0])
        with self._scoring:
            OfflineScorer().score(WARM_UP_ANSWER, "", topic, topic.criteria)
        load_tips()

    def judged(self, answer: Turn) -> bool:
        return answer.index in {j.turn for j in self.transcript.judgments}

    def unscored(self) -> list[Turn]:
        """Answers a crash saved before they were scored (resume)."""
        return [a for a in self.transcript.answers() if not self.judged(a)]

    def apply(self, answer: Turn, assessment: Assessment, *, sync: bool = True) -> AnswerOutcome:
        """Journal an answer's judgments (once: a retry after disk trouble does not repeat them).

        `sync=False`: they are written to the journal but forced to the disk only by `sync()`, so
        that the feedback is drawn first. Nothing can be lost meanwhile: the answer was synced when
        it was recorded, and an answer without judgments is scored again on resuming."""
        e = self.engine
        later = self.journal.sync_later() if self.journal and not sync else contextlib.nullcontext()
        with self.lock, later:
            newly = [] if self.judged(answer) else e.apply_assessment(answer, assessment)
            topic = answer.topic
            return AnswerOutcome(
                answer, assessment, e.topic_status(topic), newly, e.next_hint(topic)
            )

    def sync(self) -> None:
        """Force judgments applied with `sync=False` to the disk; raises TranscriptError. Touches
        the journal file alone, not the engine: it never waits for a worker holding `lock`."""
        if self.journal is not None:
            self.journal.sync()

    def apply_all(self, scored: Iterable[tuple[Turn, Assessment]]) -> None:
        for answer, assessment in scored:
            self.apply(answer, assessment)

    def judge_again(self, answer: Turn) -> None:
        """Score and judge an answer whose judgments disk trouble kept from being saved."""
        if not self.judged(answer):
            self.apply(answer, self.score(answer))

    def score_unscored(self) -> int:
        waiting = self.unscored()
        for answer in waiting:
            self.apply(answer, self.score(answer))
        return len(waiting)

    # ----- the clock ------------------------------------------------------------------------------
    def count_time_away(self, seconds: float, counted: bool) -> None:
        with self.lock:
            self.engine.count_time_away(seconds, counted)

    def pause(self) -> None:
        with self.lock:
            self.engine.pause()

    def unpause(self) -> None:
        with self.lock:
            self.engine.unpause()

    def time_checks(self) -> list[Turn]:
        with self.lock:
            return self.engine.due_time_checks()

    def try_time_checks(self) -> list[Turn] | None:
        """The due time checks, or None when a worker is changing the engine (try next tick)."""
        if not self.lock.acquire(blocking=False):
            return None
        try:
            return self.engine.due_time_checks()
        finally:
            self.lock.release()

    def note(self, kind: str, detail: str) -> None:
        """Put a failure on the record; disk trouble here shows at the next save instead."""
        try:
            with self.lock:
                self.engine.record_event(kind, detail[:500])
        except TranscriptError:
            pass

    # ----- ending ---------------------------------------------------------------------------------
    @property
    def slow_finish(self) -> bool:
        """Whether finishing may take a while (an LLM narrative, answers still being scored)."""
        return self.engine.narrator is not None or bool(self.engine.background)

    def finish(self, ending: str) -> None:
        with self.lock:
            if ending == "ended_early":
                self.engine.end_early(True)
            else:
                self.engine.finish(ending)

    def save_final(self) -> Path:
        """Write the finished transcript beside its journal; raises TranscriptError (the journal
        still holds every answer)."""
        path = save_final(self.session.journal_path, self.transcript)
        clear_draft(self.session.journal_path)
        return path

    # ----- disk trouble ---------------------------------------------------------------------------
    def move_to(self, folder: Path) -> Journal:
        """Carry the session (whole, in memory) on in `folder`; raises TranscriptError."""
        with self.lock:
            old = self.session.journal_path
            journal = move_journal(self.transcript, folder, old)
            with contextlib.suppress(OSError):  # the draft is a convenience; the session has moved
                move_draft(old, journal.path)
            self.session.journal_path = journal.path
            if self.journal is not None:
                self.journal.journal = journal
            else:
                self.engine.recorder = journal
            return journal
