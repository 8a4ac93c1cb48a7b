"""The discussion engine: a pure state machine over a transcript, with clock, scorer and recorder injected.

Every change goes through `_emit`: the record is written to the journal (fsynced) first, then applied to
the in-memory transcript with the same function that replays journals, so a resumed session is the same
session. An answer is recorded before it is scored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from practice_bot.banks.models import Bank, Question
from practice_bot.errors import UserError
from practice_bot.records.journal import apply_record
from practice_bot.records.schema import Event, Transcript, Turn
from practice_bot.rubric.grading import predict_grades
from practice_bot.rubric.models import Criterion, Rubric, Topic
from practice_bot.scoring.base import (
    STATUS_RANK,
    Assessment,
    Judgment,
    Scorer,
    Status,
    best_status,
)
from practice_bot.session.background import ScoringQueue
from practice_bot.session.clock import Clock
from practice_bot.session.pacing import TIME_CHECKS, TimeStatus, time_check_text
from practice_bot.session.plan import (
    EXTENSION,
    MIN_QUESTIONS,
    SessionConfig,
    pick_probe,
    question_limit,
    topic_order,
)

END_EARLY_PROMPT = (
    "You can end the discussion early only if you are confident you have shown competence against "
    "every topic. The assessor would suggest carrying on: there is time left to give more evidence. "
    "End now?"
)


class Recorder(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...


class QuestionSource(Protocol):
    """Something that may word the next question itself (the LLM); returns None to use the bank's."""

    def follow_up(
        self, engine: Engine, topic: Topic, unmet: list[Criterion], fallback: Question
    ) -> tuple[str, str] | None: ...


class Narrator(Protocol):
    """Something that may write the end-of-session narrative (the LLM); it puts the narrative on the
    record (`record_meta`) or leaves the report to its offline template."""

    def narrate(self, engine: Engine) -> None: ...


@dataclass
class AnswerOutcome:
    answer: Turn
    assessment: Assessment | None
    topic_status: dict[str, Status] = field(default_factory=dict)
    newly_evidenced: list[str] = field(default_factory=list)
    next_hint: str | None = None


class Engine:
    def __init__(
        self,
        config: SessionConfig,
        rubric: Rubric,
        banks: Mapping[str, Bank],
        scorer: Scorer,
        transcript: Transcript,
        *,
        clock: Clock,
        recorder: Recorder | None = None,
        question_source: QuestionSource | None = None,
        narrator: Narrator | None = None,
        usage_provider: Callable[[], dict[str, Any]] | None = None,
        slow_scorer: bool = False,
    ) -> None:
        """`slow_scorer` (an LLM): mock and drill answers are scored on a worker, never waited for.
        `usage_provider` gives an LLM's token usage, journaled whenever it changes."""
        self.config = config
        self.rubric = rubric
        self.banks = banks
        self.scorer = scorer
        self.transcript = transcript
        self._status: dict[str, Status] | None = None  # see status_by_criterion
        self._status_seen = 0
        self._status_of: list[Judgment] | None = None
        self.clock = clock
        self.recorder = recorder
        self.question_source = question_source
        self.narrator = narrator
        self.usage_provider = usage_provider
        self.slow_scorer = slow_scorer
        self.background: ScoringQueue | None = None
        # Called with each scorer note (fallbacks, budget) so a front end can show it.
        self.on_note: Callable[[str], None] | None = None
        self.listeners: list[Callable[[dict[str, Any]], None]] = []
        for topic_id in transcript.topics:
            if topic_id not in banks or (
                not banks[topic_id].openings and not banks[topic_id].probes
            ):
                raise UserError(f"question banks: no questions for topic {topic_id!r}")
        self._orders = {t: topic_order(banks[t], config.seed) for t in transcript.topics}
        self._questions = {q.id: q for b in banks.values() for q in b.questions}
        # Session time already spent before this process (resume) and pause bookkeeping.
        self._offset = max(
            [t.elapsed for t in transcript.turns] + [e.elapsed for e in transcript.events] + [0.0]
        )
        self._started = clock.monotonic()
        self._paused_at: float | None = None
        self._paused_total = 0.0

    # ----- time -------------------------------------------------------------------------------
    def elapsed(self) -> float:
        now = self._paused_at if self._paused_at is not None else self.clock.monotonic()
        return self._offset + (now - self._started) - self._paused_total

    def time_status(self) -> TimeStatus:
        limit = self.config.session_minutes * 60
        return TimeStatus(
            elapsed=self.elapsed(),
            limit=limit,
            hard_limit=limit * (1 + EXTENSION),
            enforced=self.config.enforces_time,
            paused=self._paused_at is not None,
        )

    def time_away(self) -> float:
        """Wall-clock seconds since the last record: how long a resumed session was closed."""
        stamps = [t.at for t in self.transcript.turns] + [e.at for e in self.transcript.events]
        if not stamps:
            return 0.0
        return max((self.clock.now() - max(stamps)).total_seconds(), 0.0)

    def count_time_away(self, seconds: float, counted: bool) -> None:
        """The apprentice's choice on resuming a timed session: the clock as it stopped, or the
        time away counted as time used. Recorded either way, so a tutor sees what was chosen."""
        if counted:
            self._offset += max(seconds, 0.0)
        self._event("time_away", f"{'counted' if counted else 'not counted'}: {round(seconds)} s")

    def credit_time(self, seconds: float, why: str) -> None:
        """Give back session time the apprentice spent waiting on the app (an LLM endpoint that
        never answered), as a pause would; recorded as an event."""
        if seconds > 0.5:
            self._paused_total += seconds
            self._event("clock_credit", f"{why}: {seconds:.1f}s")

    def pause(self) -> None:
        if self.config.mode != "practice":
            raise UserError("pause: only practice sessions can be paused")
        if self._paused_at is None:
            self._paused_at = self.clock.monotonic()
            self._event("paused")

    def unpause(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.clock.monotonic() - self._paused_at
            self._paused_at = None
            self._event("resumed")

    def add_spoken_time(self, seconds: float) -> None:
        """Count a recording given as a file (line mode's /audio) as session time, as if spoken now."""
        self._offset += max(seconds, 0.0)

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def due_time_checks(self) -> list[Turn]:
        """The time check (mock and drill) that is due and not yet given, as an assessor notice: when
        several fall due at once, only the latest is said (the others are recorded as given)."""
        status = self.time_status()
        if not status.enforced or self.finished:
            return []
        given = {e.detail for e in self.transcript.events if e.kind == "time_check"}
        due = [k for k, f in TIME_CHECKS if k not in given and status.elapsed >= f * status.limit]
        for key in due:
            self._event("time_check", key)
        if not due:  # several due at once (a short session): only the latest is said
            return []
        text = time_check_text(due[-1], status)
        return [self._turn("assessor", self.current_topic_id or "", text, "system", kind="notice")]

    # ----- state derived from the transcript -------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.transcript.status != "in_progress"

    @property
    def current_question(self) -> Turn | None:
        """The last question asked, if it has not been answered (or skipped) yet."""
        for turn in reversed(self.transcript.turns):
            if turn.role == "apprentice":
                return None
            if turn.kind in ("question", "retry"):
                skipped = any(
                    e.kind == "skipped" and e.detail == str(turn.index)
                    for e in self.transcript.events
                )
                return None if skipped else turn
        return None

    @property
    def current_topic_id(self) -> str | None:
        for turn in reversed(self.transcript.turns):
            if turn.kind in ("question", "retry"):
                return turn.topic
        return None

    @property
    def questions_asked(self) -> int:
        return sum(1 for t in self.transcript.turns if t.kind == "question")

    def asked_ids(self) -> set[str]:
        return {
            t.question_id for t in self.transcript.turns if t.question_id and t.kind == "question"
        }

    def status_by_criterion(self) -> dict[str, Status]:
        """Each criterion's best status so far. Kept incrementally: only judgments added since the
        last call are folded in, so a session's cost per answer does not grow with its length."""
        judgments = self.transcript.judgments
        if (
            self._status is None
            or judgments is not self._status_of
            or len(judgments) < self._status_seen
        ):
            self._status = {c.id: "not_yet" for t in self.rubric.topics for c in t.criteria}
            self._status_seen = 0
            self._status_of = judgments
        status = self._status
        for j in judgments[self._status_seen :]:
            if j.criterion_id in status:
                status[j.criterion_id] = best_status(status[j.criterion_id], j.status)
        self._status_seen = len(judgments)
        return dict(status)

    def topic_status(self, topic_id: str) -> dict[str, Status]:
        status = self.status_by_criterion()
        return {c.id: status[c.id] for c in self.rubric.topic(topic_id).criteria}

    def focus_criteria(self, topic_id: str) -> list[Criterion]:
        """The criteria this session aims at in a topic (drill: its targets; otherwise all)."""
        topic = self.rubric.topic(topic_id)
        if self.config.mode == "drill" and self.transcript.target_criteria:
            return [c for c in topic.criteria if c.id in self.transcript.target_criteria]
        return list(topic.criteria)

    def unmet(self, topic_id: str) -> list[Criterion]:
        """Focus criteria not yet evidenced, most pressing first: pass before distinction, not yet
        before partly."""
        status = self.topic_status(topic_id)
        pending = [c for c in self.focus_criteria(topic_id) if status[c.id] != "evidenced"]
        return sorted(pending, key=lambda c: (c.level != "pass", STATUS_RANK[status[c.id]]))

    def _topic_turns(self, topic_id: str) -> list[Turn]:
        return [t for t in self.transcript.turns if t.topic == topic_id and t.kind == "question"]

    # ----- asking -------------------------------------------------------------------------------------
    def next_question(self) -> Turn | None:
        """Ask the next question, or end the session (returning None) when the plan is complete."""
        if self.finished:
            return None
        self.apply_ready(block=False)
        pending = self.current_question
        if pending is not None:
            return pending
        status = self.time_status()
        if status.enforced and status.elapsed >= status.limit:
            self.finish("finished")
            return None
        topics = self.transcript.topics
        current = self.current_topic_id
        start = topics.index(current) if current in topics else 0
        for topic_id in topics[start:]:
            if topic_id != current and self._topic_turns(topic_id):
                continue  # already discussed (resume after a skip) - keep order
            turn = self._ask_in_topic(topic_id, first=not self._topic_turns(topic_id))
            if turn is not None:
                return turn
        # Every topic done: keep to the seed's minimum of six questions while time allows.
        if (
            self.config.mode == "mock"
            and self.questions_asked < MIN_QUESTIONS
            and not (status.enforced and status.elapsed >= status.limit)
        ):
            for topic_id in topics:
                turn = self._ask_in_topic(topic_id, first=False, extra=True)
                if turn is not None:
                    return turn
        self.finish("finished")
        return None

    def more_to_ask(self) -> bool:
        """Whether the plan holds another question after the current one (without asking it): so
        a front end can warn that skipping or answering the last one ends the session."""
        if self.finished:
            return False
        status = self.time_status()
        if status.enforced and status.elapsed >= status.limit:
            return False
        if self.config.mode == "mock" and self.questions_asked < MIN_QUESTIONS:
            return True
        topics = self.transcript.topics
        current = self.current_topic_id
        start = topics.index(current) if current in topics else 0
        asked = self.asked_ids()
        for topic_id in topics[start:]:
            turns = self._topic_turns(topic_id)
            if topic_id != current and turns:
                continue
            openings, probes = self._orders[topic_id]
            fresh = not turns and self.config.mode != "drill"
            if fresh and any(q.id not in asked for q in openings):
                return True
            if turns and self._topic_over(topic_id):
                continue
            if pick_probe(probes, [c.id for c in self.unmet(topic_id)], asked) is not None:
                return True
        return False

    def _topic_over(self, topic_id: str) -> bool:
        asked = self._topic_turns(topic_id)
        if not self.unmet(topic_id):
            return True
        if len(asked) >= question_limit(self.config.mode, len(self.focus_criteria(topic_id))):
            return True
        status = self.time_status()
        if status.enforced and asked:
            remaining_topics = len(self.transcript.topics) - self.transcript.topics.index(topic_id)
            began = asked[0].elapsed
            share = max(status.limit - began, 0.0) / max(remaining_topics, 1)
            if status.elapsed - began >= share:
                return True
        return False

    def _ask_in_topic(self, topic_id: str, *, first: bool, extra: bool = False) -> Turn | None:
        openings, probes = self._orders[topic_id]
        asked = self.asked_ids()
        if first and self.config.mode != "drill":
            for q in openings:
                if q.id not in asked:
                    return self._ask(q)
        if not extra and not first and self._topic_over(topic_id):
            return None
        unmet = self.unmet(topic_id)
        probe = pick_probe(probes, [c.id for c in unmet], asked)
        if probe is None and extra:
            probe = next((q for q in openings + probes if q.id not in asked), None)
        if probe is None:
            return None
        if self.question_source is not None and not first:
            written = self.question_source.follow_up(
                self, self.rubric.topic(topic_id), unmet, probe
            )
            self.record_usage()
            if written is not None:
                text, source = written
                return self._turn("assessor", topic_id, text, source, question_id=probe.id)
        return self._ask(probe)

    def _ask(self, q: Question) -> Turn:
        return self._turn("assessor", q.topic, q.text, f"bank:{q.id}", question_id=q.id)

    def retry(self) -> Turn:
        """Practice: ask the last question again so the apprentice can try a better answer."""
        if self.config.mode != "practice":
            raise UserError("try again: only in practice sessions")
        if self.current_question is not None:
            raise UserError("try again: answer or skip the current question first")
        answer = next((t for t in reversed(self.transcript.turns) if t.role == "apprentice"), None)
        if answer is None or answer.answers is None:
            raise UserError("try again: no question has been answered yet")
        last = self.transcript.turns[answer.answers]
        return self._turn(
            "assessor",
            last.topic,
            last.text,
            last.source,
            question_id=last.question_id,
            kind="retry",
        )

    def skip(self) -> None:
        pending = self.current_question
        if pending is not None:
            self._event("skipped", str(pending.index))

    # ----- answering ------------------------------------------------------------------------------------
    def record_answer(self, text: str, spoken: dict[str, Any] | None = None) -> Turn:
        """Journal the answer (fsynced) before anything else happens to it. `spoken`: how a spoken
        answer was transcribed and delivered (practice_bot.records.spoken.Spoken, as a dict)."""
        question = self.current_question
        if question is None:
            raise UserError("no question is waiting for an answer")
        extra = {"spoken": spoken} if spoken is not None else {}
        return self._turn(
            "apprentice",
            question.topic,
            text,
            "apprentice",
            kind="answer",
            answers=question.index,
            **extra,
        )

    def score(self, answer: Turn) -> Assessment:
        topic = self.rubric.topic(answer.topic)
        question = self.transcript.turns[answer.answers].text if answer.answers is not None else ""
        return self.scorer.score(answer.text, question, topic, topic.criteria)

    def apply_assessment(self, answer: Turn, assessment: Assessment) -> list[str]:
        """Journal the judgments of an answer; returns the criteria it newly evidenced."""
        before = self.topic_status(answer.topic)
        judgments = []
        for j in assessment.judgments:
            data = j.model_dump(mode="json")
            data["turn"] = answer.index
            judgments.append(data)
        self._emit({"kind": "judgments", "judgments": judgments})
        for note in assessment.notes:
            self._event("scoring_note", note)
            if self.on_note is not None:
                self.on_note(note)
        self.record_usage()
        after = self.topic_status(answer.topic)
        return [c for c, s in after.items() if s == "evidenced" and before[c] != "evidenced"]

    def submit_answer_in_background(self, text: str, spoken: dict[str, Any] | None = None) -> Turn:
        """Journal the answer now and score it on a worker (mock mode: no feedback is waited for).

        Only a slow scorer (an LLM) goes to the worker; the offline scorer takes about a millisecond,
        and scoring it at once keeps adaptive probing, and so a seed's or pack's plan, reproducible."""
        answer = self.record_answer(text, spoken)
        if not self.slow_scorer:
            self.apply_assessment(answer, self.score(answer))
            return answer
        if self.background is None:
            self.background = ScoringQueue(self.score)
        self.background.submit(answer)
        return answer

    def apply_ready(self, block: bool) -> None:
        """Apply judgments the background scorer has finished (all of them, with block)."""
        if self.background is not None:
            for answer, assessment in self.background.ready(block):
                self.apply_assessment(answer, assessment)

    def submit_answer(self, text: str, spoken: dict[str, Any] | None = None) -> AnswerOutcome:
        answer = self.record_answer(text, spoken)
        began = self.clock.monotonic()
        assessment = self.score(answer)
        if "fallback" in assessment.scorer:  # waited on an LLM that failed: the clock does not pay
            self.credit_time(self.clock.monotonic() - began, "llm_wait")
        newly = self.apply_assessment(answer, assessment)
        return AnswerOutcome(
            answer, assessment, self.topic_status(answer.topic), newly, self.next_hint(answer.topic)
        )

    def next_hint(self, topic_id: str) -> str | None:
        """What an assessor would probe next in a topic, for practice feedback (the front end says
        "An assessor would probe next" before it)."""
        from practice_bot.wording import criterion_label

        unmet = self.unmet(topic_id)
        if not unmet:
            return None
        try:
            from practice_bot.feedback.tips import tip

            return f"{tip(unmet[0].id).probe} ({criterion_label(unmet[0].id)})."
        except KeyError:
            return f"{criterion_label(unmet[0].id)}."

    # ----- ending ---------------------------------------------------------------------------------------
    def end_early(self, confirmed: bool) -> bool:
        """The apprentice may end early only after confirming; returns whether the session ended."""
        if not confirmed or self.finished:
            return False
        self.finish("ended_early")
        return True

    def finish(self, status: str = "finished") -> Transcript:
        if self.finished:
            return self.transcript
        self.apply_ready(block=True)
        if self.narrator is not None and self.transcript.narrative is None:
            self.narrator.narrate(self)
        evidenced = {c: s == "evidenced" for c, s in self.status_by_criterion().items()}
        grades = predict_grades(self.rubric, evidenced, self.transcript.topics)
        self._emit(
            {
                "kind": "status",
                "status": status,
                "finished_at": self.clock.now().isoformat(),
                "grades": grades.model_dump(mode="json"),
            }
        )
        return self.transcript

    # ----- records ----------------------------------------------------------------------------------------
    def _turn(self, role: str, topic: str, text: str, source: str, **extra: Any) -> Turn:
        turn = {
            "index": len(self.transcript.turns),
            "role": role,
            "topic": topic,
            "text": text,
            "source": source,
            "at": self.clock.now().isoformat(),
            "elapsed": round(self.elapsed(), 3),
            **extra,
        }
        self._emit({"kind": "turn", "turn": turn})
        return self.transcript.turns[-1]

    def _event(self, kind: str, detail: str = "") -> Event:
        event = {
            "kind": kind,
            "at": self.clock.now().isoformat(),
            "elapsed": round(self.elapsed(), 3),
            "detail": detail,
        }
        self._emit({"kind": "event", "event": event})
        return self.transcript.events[-1]

    def record_event(self, kind: str, detail: str = "") -> Event:
        return self._event(kind, detail)

    def record_meta(self, **fields: Any) -> None:
        """Change transcript header fields (scorer, model, prompt hashes) on the record."""
        self._emit({"kind": "meta", "fields": fields})

    def record_usage(self) -> None:
        if self.usage_provider is None:
            return
        usage = self.usage_provider()
        if usage != self.transcript.usage.model_dump(mode="json"):
            self._emit({"kind": "usage", "usage": usage})

    def _emit(self, record: dict[str, Any]) -> None:
        if self.recorder is not None:
            self.recorder.write(record)
        apply_record(self.transcript, record)
        for listener in self.listeners:
            listener(record)
