"""The discussion room: the conversation, the answer box, and a side panel with clock and progress.

Every answer is journaled (`engine.record_answer`) before anything else happens to it; scoring, and
questions written by an LLM, run in thread workers that post messages back. Widgets are only touched on
the app's thread. In a mock exam nothing here reveals a score: feedback and criteria appear only in
practice, and the report comes at the end.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header
from textual.widgets.markdown import MarkdownStream

from practice_bot.records.schema import Turn
from practice_bot.session.engine import END_EARLY_PROMPT, AnswerOutcome
from practice_bot.session.factory import Session
from practice_bot.textsafe import printable
from practice_bot.tui.messages import AnswerScored, QuestionDelta, QuestionReady, WorkFailed
from practice_bot.tui.screens.dialogs import ConfirmScreen, PauseScreen
from practice_bot.tui.screens.room_commands import RoomCommands
from practice_bot.tui.widgets.answer_box import AnswerBox
from practice_bot.tui.widgets.conversation import (
    AssessorTurn,
    Conversation,
    NoticeTurn,
    intro_text,
    question_title,
    replay_widgets,
    topic_line,
)
from practice_bot.tui.widgets.sidebar import SessionPanel

MODE_TITLES = {"mock": "Mock exam", "practice": "Practice", "drill": "Drill"}
END_PRACTICE_PROMPT = (
    "End this session now? Everything you have answered is saved, and your report comes next."
)


class DiscussionScreen(RoomCommands):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
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
        self._ending: str | None = None  # finish the session once the answer in hand is scored
        self._done = False
        self._last_topic: str | None = None
        self._extension_told = False
        self._stream: MarkdownStream | None = None
        self._streaming: AssessorTurn | None = None
        self._count_timer: Timer | None = None

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

    async def on_mount(self) -> None:
        t = self.engine.transcript
        self.title = f"{MODE_TITLES[self.mode]} - {printable(t.apprentice)}"
        self.sub_title = "AM2 professional discussion"
        self.box.border_title = "Your answer"
        self.box.border_subtitle = "0 words"
        await self._replay()
        for notice in self.session.notices:
            self.notify(printable(notice), title="Recovered", markup=False, timeout=10)
        self._refresh_panels()
        self.set_interval(1.0, self._tick)
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

    @property
    def panel(self) -> SessionPanel:
        return self.query_one(SessionPanel)

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

    # ----- asking ---------------------------------------------------------------------------------
    async def _ask_next(self) -> None:
        if self.engine.question_source is None:
            await self._show_question(self.engine.next_question())
        else:
            self._set_busy(True, "the assessor is thinking")
            self._ask_in_thread()

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def _ask_in_thread(self) -> None:
        """An LLM-written question: may stream; `on_delta` (if the source has one) posts pieces."""
        source = self.engine.question_source
        streams = source is not None and hasattr(source, "on_delta")
        if streams:
            source.on_delta = lambda text: self.post_message(QuestionDelta(text))  # type: ignore[union-attr]
        try:
            turn = self.engine.next_question()
        except Exception as exc:  # any failure of the writer must leave the session usable
            self.post_message(WorkFailed("question", str(exc)))
            return
        finally:
            if streams:
                source.on_delta = None  # type: ignore[union-attr]
        self.post_message(QuestionReady(turn))

    async def on_question_delta(self, message: QuestionDelta) -> None:
        if self._streaming is None:
            self._streaming = await self.conversation.add_question("", title="Assessor")
            self._stream = self._streaming.stream()
        if self._stream is not None:
            await self._stream.write(printable(message.text))

    async def on_question_ready(self, message: QuestionReady) -> None:
        self._set_busy(False)
        await self._show_question(message.turn)

    async def _show_question(self, turn: Turn | None) -> None:
        if turn is None:
            await self._finish()
            return
        if turn.topic != self._last_topic:
            await self.conversation.add_notice(topic_line(self.engine, turn.topic), kind="topic")
            self._last_topic = turn.topic
        if self._streaming is not None:
            if self._stream is not None:
                await self._stream.stop()
            await self._streaming.update(printable(turn.text))  # the checked question, in full
            self._streaming = self._stream = None
        else:
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
        await self._record_and_score(text)

    async def _record_and_score(self, text: str) -> None:
        try:
            answer = self.engine.record_answer(text)  # journaled and fsynced before anything else
        except Exception as exc:  # disk full, read-only folder: keep the answer in the box
            self.notify(
                f"Your answer could not be saved: {printable(str(exc))}. It is still in the box; "
                "copy it somewhere safe (Ctrl+P, Copy answer).",
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        self.box.clear()
        await self.conversation.add_answer(answer.text)
        self._refresh_panels()
        self._set_busy(True, "scoring" if self.practice else "noting your answer")
        self._score(answer)

    @work(thread=True, exclusive=True, group="score", exit_on_error=False)
    def _score(self, answer: Turn) -> None:
        try:
            assessment = self.engine.score(answer)
        except Exception as exc:  # a scorer failure must not lose the session
            self.post_message(WorkFailed("scoring", str(exc), answer))
            return
        self.post_message(AnswerScored(answer, assessment))

    async def on_answer_scored(self, message: AnswerScored) -> None:
        e = self.engine
        newly = e.apply_assessment(message.answer, message.assessment)
        for note in message.assessment.notes:
            self.notify(printable(note), title="Scoring", markup=False, timeout=8)
        self._set_busy(False)
        self._refresh_panels()
        if self._ending is not None:
            await self._end_now()
            return
        if not self.practice:
            await self._advance()
            return
        topic = message.answer.topic
        outcome = AnswerOutcome(
            message.answer, message.assessment, e.topic_status(topic), newly, e.next_hint(topic)
        )
        from practice_bot.tui.screens.feedback import FeedbackScreen

        status = e.topic_status(topic)
        met = sum(s == "evidenced" for s in status.values())
        await self.conversation.add_notice(
            f"Feedback given: {met} of {len(status)} criteria in this topic evidenced so far."
        )
        self.app.push_screen(FeedbackScreen(outcome, e.rubric.topic(topic)), self._after_feedback)

    async def _after_feedback(self, choice: str | None) -> None:
        if choice == "again":
            await self._show_question(self.engine.retry())
        else:
            await self._advance()

    async def on_work_failed(self, message: WorkFailed) -> None:
        self._set_busy(False)
        self.notify(
            f"The {message.what} failed: {printable(message.error)}. The session carries on"
            + (
                " with bank questions." if message.what == "question" else "; your answer is saved."
            ),
            severity="warning",
            markup=False,
            timeout=10,
        )
        if message.what == "question":
            self.engine.record_event("question_source_failed", message.error[:500])
            self.engine.question_source = None
            await self._ask_next()
            return
        self.engine.record_event("scoring_failed", message.error[:500])
        if self._ending is not None:
            await self._end_now()
        else:
            await self._advance()

    async def _advance(self) -> None:
        for notice in self.engine.due_time_checks():
            await self.conversation.add_notice(notice.text, kind="time")
        if self.engine.time_status().over:
            self.engine.finish("timed_out")
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
        for notice in e.due_time_checks():
            await self.conversation.add_notice(notice.text, kind="time")
        if status.over:
            await self._time_out()

    async def _time_out(self) -> None:
        self._ending = "timed_out"
        if self.box.text.strip() and self.engine.current_question is not None:
            await self._record_and_score(self.box.text)
        else:
            await self._end_now()

    # ----- other actions --------------------------------------------------------------------------
    def action_pause(self) -> None:
        if not self.practice or self._done:
            return
        self.engine.pause()
        self._refresh_panels()

        def carry_on(_: None) -> None:
            self.engine.unpause()
            self._refresh_panels()
            self.box.focus()

        self.app.push_screen(PauseScreen(), carry_on)

    async def action_skip(self) -> None:
        if self.busy or self._done or self.engine.current_question is None:
            return
        self.engine.skip()
        await self.conversation.add_notice("Question skipped.")
        await self._advance()

    def action_toggle_panel(self) -> None:
        panel = self.query_one("#panel")
        panel.display = not panel.display

    def action_end(self) -> None:
        if self._done or self.busy:
            return
        prompt = END_EARLY_PROMPT if self.mode == "mock" else END_PRACTICE_PROMPT
        note = (
            "The answer in the box has not been sent: send it first (F2) if it should count."
            if self.box.text.strip()
            else ""
        )

        async def decided(yes: bool | None) -> None:
            if yes:
                self._ending = "ended_early"
                await self._end_now()
            else:
                self.box.focus()

        self.app.push_screen(
            ConfirmScreen(
                "End the discussion early?", prompt, yes="End now", no="Carry on", note=note
            ),
            decided,
        )

    async def _end_now(self) -> None:
        ending = self._ending or "finished"
        if not self.engine.finished:
            if ending == "ended_early":
                self.engine.end_early(True)
            else:
                self.engine.finish(ending)
        await self._finish()

    async def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self.refresh_bindings()
        from practice_bot.records.report import build_report
        from practice_bot.records.store import save_final
        from practice_bot.tui.screens.report import ReportScreen

        t = self.engine.transcript
        path = self.session.journal_path
        try:
            path = save_final(self.session.journal_path, t)
        except Exception as exc:  # the journal still holds every answer
            self.notify(printable(str(exc)), severity="error", markup=False, timeout=15)
        report = build_report(t, self.engine.rubric)
        self.app.switch_screen(ReportScreen(t, report, path))
