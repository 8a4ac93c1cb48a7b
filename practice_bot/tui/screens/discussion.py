"""The discussion room: the conversation, the answer box, and a side panel with clock and progress.

Every answer is journaled by the engine before anything else happens to it. Practice answers are scored
in a thread worker and answered with feedback; mock and drill answers go to the engine's background
scorer so the next question never waits. LLM-written questions and an LLM's end-of-session work run in
thread workers too; workers post messages and only the app's thread touches widgets. In a mock exam
nothing here reveals a score: feedback and criteria appear only in practice, the report at the end.
"""

from __future__ import annotations

import contextlib

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header

from practice_bot.errors import TranscriptError
from practice_bot.records.schema import Turn
from practice_bot.session.engine import AnswerOutcome
from practice_bot.session.factory import Session
from practice_bot.textsafe import printable, valid_text
from practice_bot.tui.messages import (
    AnswerScored,
    DiskTrouble,
    Note,
    QuestionDelta,
    QuestionReady,
    QuestionReset,
    Rescored,
    WorkFailed,
)
from practice_bot.tui.screens.room_actions import RoomActions
from practice_bot.tui.widgets.answer_box import AnswerBox
from practice_bot.tui.widgets.conversation import (
    Conversation,
    NoticeTurn,
    intro_text,
    question_title,
    replay_widgets,
    topic_line,
)
from practice_bot.tui.widgets.sidebar import SessionPanel

MODE_TITLES = {"mock": "Mock exam", "practice": "Practice", "drill": "Drill"}


class DiscussionScreen(RoomActions):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    KEYS_OVER_CONTENT = True  # F1's keys float over the room: the conversation keeps its width
    BINDINGS = [
        Binding("f2,ctrl+s", "submit", "Send answer", key_display="F2/^S", priority=True),
        Binding("f5", "pause", "Pause", key_display="F5", priority=True),
        Binding("f9", "skip", "Skip", key_display="F9", priority=True),
        Binding("f8", "toggle_panel", "Panel", key_display="F8", priority=True),
        Binding("f10", "end", "End", key_display="F10", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.engine = session.engine
        self.mode = self.engine.config.mode
        self.practice = self.mode == "practice"
        self.busy = False
        self._done = False
        self._last_topic: str | None = None
        self._extension_told = False

    # ----- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="room"):
            with Vertical(id="talk"):
                yield Conversation(id="conversation")
                yield AnswerBox(id="answer")
            yield SessionPanel(criteria=self.practice, id="panel")
        yield Footer()

    @property
    def conversation(self) -> Conversation:
        return self.query_one(Conversation)

    @property
    def box(self) -> AnswerBox:
        return self.query_one(AnswerBox)

    @property
    def has_unsent_answer(self) -> bool:
        return not self._done and bool(self.box.text.strip())

    @property
    def panel(self) -> SessionPanel:
        return self.query_one(SessionPanel)

    async def on_mount(self) -> None:
        e = self.engine
        self.title = f"{MODE_TITLES[self.mode]} - {printable(e.transcript.apprentice)}"
        self.sub_title = "AM2 professional discussion"
        e.on_note = self._note  # may be called from a worker thread
        await self._replay()
        for notice in self.session.notices:  # a torn last line dropped on resume, and the like
            await self.conversation.add_notice(f"Notice: {notice}")
            self.notify(printable(notice), title="Recovered", markup=False, timeout=10)
        if e.transcript.scorer == "llm":
            await self.conversation.add_notice(
                f"Scoring and follow-up questions: {e.transcript.model} (LLM); offline if it fails."
            )
        self._refresh_panels()
        self.set_interval(1.0, self._tick)
        scored = {j.turn for j in e.transcript.judgments}
        waiting = [a for a in e.transcript.answers() if a.index not in scored]
        if waiting:  # saved by a crash before they were scored: score them first
            self._set_busy(True, "scoring saved answers")
            self._score_saved(waiting)
        else:
            await self._carry_on()

    async def _carry_on(self) -> None:
        if self.engine.finished:
            await self._finish()
        elif self.engine.current_question is None:
            await self._ask_next()
        else:
            self.box.focus()

    async def _replay(self) -> None:
        """Draw the conversation so far (a resumed session), or the opening words of a new one."""
        t = self.engine.transcript
        if not t.turns:
            await self.conversation.add_notice(intro_text(self.engine))
            return
        widgets = replay_widgets(self.engine, t)
        widgets.append(NoticeTurn("Session resumed: carry on where you left off."))
        self._last_topic = self.engine.current_topic_id
        await self.conversation.mount_all(widgets)
        self.conversation.anchor()

    def _refresh_panels(self) -> None:
        self.panel.show(self.engine)

    def _set_busy(self, busy: bool, label: str = "") -> None:
        self.busy = busy
        self.box.border_title = f"Your answer - {label}" if busy and label else "Your answer"
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pause":
            return self.practice
        if action in ("submit", "skip", "end"):
            return None if self.busy or self._done else True
        return True

    def _note(self, text: str) -> None:
        self.post_message(Note(text))

    def on_note(self, message: Note) -> None:
        self.notify(printable(message.text), title="Notice", markup=False, timeout=8)

    # ----- asking ---------------------------------------------------------------------------------
    async def _ask_next(self) -> None:
        if self.engine.question_source is None:
            await self._saving(lambda: self._show_question(self.engine.next_question()))
        else:
            self._set_busy(True, "the assessor is thinking")
            self._ask_in_thread()

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def _ask_in_thread(self) -> None:
        """A question the LLM may write (slow): its pieces stream in through QuestionDelta."""
        source = self.engine.question_source
        hooks = source is not None and hasattr(source, "on_delta")
        if hooks:
            source.on_delta = lambda text: self.post_message(QuestionDelta(text))  # type: ignore[union-attr]
            source.on_reset = lambda: self.post_message(QuestionReset())  # type: ignore[union-attr]
        try:
            turn = self.engine.next_question()
        except TranscriptError as exc:  # disk trouble: save elsewhere, then ask again
            self.post_message(DiskTrouble(exc, self._ask_next))
            return
        except Exception as exc:  # any failure of the writer must leave the session usable
            self.post_message(WorkFailed("question", str(exc)))
            return
        finally:
            if hooks:
                source.on_delta = source.on_reset = None  # type: ignore[union-attr]
        self.post_message(QuestionReady(turn))

    async def on_question_delta(self, message: QuestionDelta) -> None:
        await self.conversation.stream_delta(message.text)

    async def on_question_reset(self, message: QuestionReset) -> None:
        await self.conversation.stream_reset()

    async def on_question_ready(self, message: QuestionReady) -> None:
        self._set_busy(False)
        await self._show_question(message.turn)

    async def _show_question(self, turn: Turn | None) -> None:
        if turn is None:
            await self.conversation.end_stream(None)
            await self._finish()
            return
        if turn.topic != self._last_topic:
            await self.conversation.add_notice(topic_line(self.engine, turn.topic), kind="topic")
            self._last_topic = turn.topic
        if not await self.conversation.end_stream(turn.text):  # the checked question, in full
            await self.conversation.add_question(turn.text, title=question_title(turn))
        self._refresh_panels()
        self.box.focus()

    # ----- answering ------------------------------------------------------------------------------
    async def action_submit(self) -> None:
        if self.busy or self._done:
            return
        text = self.box.text
        if not text.strip():
            self.notify("Type your answer first, then send it with F2 or Ctrl+S.", markup=False)
            return
        if await self._record(text) and not self.practice:
            await self._advance()

    async def _record(self, text: str) -> bool:
        """Journal the answer (the engine fsyncs it) before anything else; then score it."""
        e = self.engine
        text = valid_text(text)  # a paste of bytes that were not UTF-8: U+FFFD, as plain mode
        before = len(e.transcript.turns)
        try:
            # mock and drill: scored in the background, the next question never waits
            record = e.record_answer if self.practice else e.submit_answer_in_background
            answer = record(text)
        except TranscriptError as exc:  # disk trouble: offer another folder, then send again
            saved = [t for t in e.transcript.turns[before:] if t.role == "apprentice"]
            if not saved:  # nothing of it saved: it stays in the box
                self._disk_trouble(exc, self.action_submit, answer=True)
                return False
            self.box.clear()  # saved, its judgments were not: judge it again once moved
            await self.conversation.add_answer(saved[0].text)
            self._disk_trouble(exc, lambda: self._judge_again(saved[0]))
            return False
        except Exception as exc:  # disk full, read-only folder: keep the answer in the box
            self.notify(
                f"Your answer could not be saved: {printable(str(exc))}. It is still in the box; "
                "copy it somewhere safe (Ctrl+P, Copy answer).",
                severity="error",
                markup=False,
                timeout=15,
            )
            return False
        self.box.clear()
        await self.conversation.add_answer(answer.text)
        self._refresh_panels()
        if self.practice:
            self._set_busy(True, "scoring")
            self._score(answer)
        return True

    async def _judge_again(self, answer: Turn) -> None:
        if answer.index not in {j.turn for j in self.engine.transcript.judgments}:
            self.engine.apply_assessment(answer, self.engine.score(answer))
        self._refresh_panels()
        await self._advance()

    @work(thread=True, exclusive=True, group="score", exit_on_error=False)
    def _score(self, answer: Turn) -> None:
        try:
            assessment = self.engine.score(answer)
        except Exception as exc:  # a scorer failure must not lose the session
            self.post_message(WorkFailed("scoring", str(exc), answer))
            return
        self.post_message(AnswerScored(answer, assessment))

    @work(thread=True, exclusive=True, group="score", exit_on_error=False)
    def _score_saved(self, answers: list[Turn]) -> None:
        scored = []
        for answer in answers:
            try:
                scored.append((answer, self.engine.score(answer)))
            except Exception as exc:  # leave it unscored; a tutor can re-score the transcript
                self.post_message(Note(f"An answer saved before the interruption: {exc}"))
        self.post_message(Rescored(scored))

    async def on_rescored(self, message: Rescored) -> None:
        await self._saving(lambda: self._apply_saved(message))

    async def _apply_saved(self, message: Rescored) -> None:
        judged = {j.turn for j in self.engine.transcript.judgments}
        for answer, assessment in message.scored:
            if answer.index not in judged:
                self.engine.apply_assessment(answer, assessment)
        self._set_busy(False)
        self._refresh_panels()
        await self._carry_on()

    async def on_answer_scored(self, message: AnswerScored) -> None:
        await self._saving(lambda: self._give_feedback(message))

    async def _give_feedback(self, message: AnswerScored) -> None:
        e = self.engine
        if message.answer.index in {j.turn for j in e.transcript.judgments}:
            newly: list[str] = []  # applied before disk trouble stopped a later record
        else:
            newly = e.apply_assessment(message.answer, message.assessment)
        self._set_busy(False)
        self._refresh_panels()
        topic = message.answer.topic
        status = e.topic_status(topic)
        outcome = AnswerOutcome(
            message.answer, message.assessment, status, newly, e.next_hint(topic)
        )
        met = sum(s == "evidenced" for s in status.values())
        await self.conversation.add_notice(
            f"Feedback given: {met} of {len(status)} criteria in this topic evidenced so far."
        )
        from practice_bot.tui.screens.feedback import FeedbackScreen

        self.app.push_screen(FeedbackScreen(outcome, e.rubric.topic(topic)), self._after_feedback)

    async def _after_feedback(self, choice: str | None) -> None:
        if choice == "again":
            await self._saving(lambda: self._show_question(self.engine.retry()))
        else:
            await self._advance()

    async def on_work_failed(self, message: WorkFailed) -> None:
        self._set_busy(False)
        question = message.what == "question"
        self.notify(
            f"The {message.what} failed: {printable(message.error)}. The session carries on"
            + (" with bank questions." if question else "; your answer is saved."),
            severity="warning",
            markup=False,
            timeout=10,
        )
        with contextlib.suppress(
            TranscriptError
        ):  # only a note; disk trouble shows at the next save
            self.engine.record_event(f"{message.what}_failed", message.error[:500])
        if question:
            self.engine.question_source = None
            await self._ask_next()
        else:
            await self._advance()

    async def _advance(self) -> None:
        await self._saving(self._advance_step)

    async def _advance_step(self) -> None:
        for notice in self.engine.due_time_checks():
            await self.conversation.add_notice(notice.text, kind="time")
        if self.engine.time_status().over:
            await self._end_now("timed_out")
            return
        await self._ask_next()

    # ----- the clock ------------------------------------------------------------------------------
    async def _tick(self) -> None:
        e = self.engine
        status = e.time_status()
        self.panel.show_time(status)
        if self.busy or self._done or e.finished or not status.enforced:
            return
        if status.in_extension and not self._extension_told:
            self._extension_told = True
            self.notify(
                f"The extension has started: up to {round((status.hard_limit - status.limit) / 60)}"
                " more minutes to finish this answer.",
                title="Time",
                markup=False,
                timeout=10,
            )
        if not await self._saving(self._time_checks):
            return
        if status.over:  # the hard stop: what is in the box is kept, then the session ends
            kept = self.box.text.strip() and e.current_question is not None
            if kept and not await self._record(self.box.text):
                return  # could not save: the rescue dialog is open, the answer in the box
            await self._end_now("timed_out")

    async def _time_checks(self) -> None:
        for notice in self.engine.due_time_checks():
            await self.conversation.add_notice(notice.text, kind="time")
