"""The discussion room: the conversation, the answer box, and a side panel with clock and progress.

The screen draws and takes keys; the engine calls go through a `Room` (practice_bot/session/room.py),
shared with plain mode. Every answer is journaled before anything else happens to it. Practice answers
are scored (on a thread worker when the scorer is slow) and answered with feedback; mock and drill
answers go to the engine's background scorer so the next question never waits. LLM-written questions
and an LLM's end-of-session work run in thread workers too; workers post messages and only the app's
thread touches widgets. The side panel redraws itself from the engine's records. In a mock exam nothing here reveals a score:
feedback and criteria appear only in practice, the report at the end.

Disk trouble (a full disk, a folder turned read-only) loses nothing: the step that failed left no trace
(the engine journals a record before applying it), a typed answer stays in the box, and a dialog names
the file and the problem and offers another folder; the session moves there and the step runs again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, TextArea

from practice_bot.errors import TranscriptError
from practice_bot.formatting import clock_text
from practice_bot.records.report import pack_words
from practice_bot.records.schema import Turn
from practice_bot.records.store import rescue_folders
from practice_bot.session.engine import END_EARLY_PROMPT
from practice_bot.session.factory import Session
from practice_bot.session.room import AWAY_ASK, AnswerSaved, Room
from practice_bot.textsafe import printable
from practice_bot.tui.messages import (
    AnswerScored,
    DiskTrouble,
    Note,
    QuestionDelta,
    QuestionReady,
    QuestionReset,
    Rescored,
    SessionEnded,
    WorkFailed,
)
from practice_bot.tui.screens.base import AppScreen
from practice_bot.tui.screens.dialogs import ConfirmScreen, PauseScreen
from practice_bot.tui.screens.rescue import RescueScreen
from practice_bot.tui.widgets.answer_box import AnswerBox
from practice_bot.tui.widgets.conversation import (
    Conversation,
    NoticeTurn,
    intro_text,
    question_title,
    replay_widgets,
    topic_line,
)
from practice_bot.tui.widgets.header import Header
from practice_bot.tui.widgets.recorder import VoicePanel
from practice_bot.tui.widgets.sidebar import SessionPanel
from practice_bot.wording import duration_words, plural

MODE_TITLES = {"mock": "Mock exam", "practice": "Practice", "drill": "Drill"}
END_PRACTICE_PROMPT = (
    "End this session now? Everything you have answered is saved, and your report comes next."
)
# The command palette's entries (title, help, action, practice only); each names its key. The copy
# actions stand in for mouse selection in terminals where that is awkward.
ROOM_COMMANDS = (
    ("Send answer", "Send the answer in the box (F2 or Ctrl+S)", "submit", False),
    ("Speak answer", "Start or stop recording your answer (F6)", "record", False),
    ("Retry transcription", "Transcribe a failed recording again (F7)", "retry_voice", False),
    ("Skip question", "Move on without answering (F9)", "skip", False),
    ("Pause", "Stop the clock until you carry on (F5)", "pause", True),
    ("End session early", "Finish now and see the report (F10)", "end", False),
    ("Side panel", "Show or hide the clock and progress panel (F8)", "toggle_panel", False),
    ("Copy answer", "Copy the answer in the box to the clipboard", "copy_answer", False),
    ("Copy conversation", "Copy the conversation so far as text", "copy_conversation", False),
)
COPIED = "{what} copied to the clipboard (if your terminal allows it)."

Step = Callable[[], Awaitable[Any]]
FOOTER_DELAY = 0.25  # seconds busy before the footer shows keys refused
ANSWER_DELAY = 0.2  # seconds of scoring before a practice answer is drawn in the room (see _record)


class DiscussionScreen(AppScreen[None]):
    DEFAULT_CSS = """
    DiscussionScreen #room { height: 1fr; }
    DiscussionScreen #talk { width: 1fr; }
    DiscussionScreen #panel { width: 28; border-left: vkey $border-blurred; padding-top: 1; }
    DiscussionScreen.-wide #panel { width: 38; }
    DiscussionScreen #answer { border: round $border-blurred; }
    DiscussionScreen #answer:focus { border: round $primary; }
    DiscussionScreen #criteria { margin-bottom: 0; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    KEYS_OVER_CONTENT = True  # F1's keys float over the room: the conversation keeps its width
    BINDINGS = [
        # Not a priority binding: the key then reaches the screen through the answer box, after
        # every character typed before it (a priority key overtook them, sending a cut answer).
        Binding("f2,ctrl+s", "submit", "Send answer", key_display="F2/^S"),
        Binding("f5", "pause", "Pause", key_display="F5", priority=True),
        Binding("f6", "record", "Speak", key_display="F6", priority=True),
        Binding("f7", "retry_voice", "Retry voice", key_display="F7", show=False, priority=True),
        Binding("f9", "skip", "Skip", key_display="F9", priority=True),
        Binding("f8", "toggle_panel", "Panel", key_display="F8", priority=True),
        Binding("f10", "end", "End", key_display="F10", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.room = Room(session)
        self.engine = session.engine
        self.mode = self.engine.config.mode
        self.practice = self.mode == "practice"
        self.busy = False
        self._done = False
        self._trouble = False  # the rescue dialog is open
        self._last_topic: str | None = None
        self._extension_told = False
        self._footer_timer: Timer | None = None
        self._footer_busy = False  # the footer shows the busy state
        self._feedback_note = ""  # added to the conversation once the feedback is dismissed
        self._unshown: Turn | None = None  # a practice answer not yet drawn in the conversation
        self._sent_in_box = False  # the box still holds the answer sent (behind its feedback)
        self._answer_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._draft_failed = False
        self._typed = ""  # the box's text as of its last change (read after the box is gone)
        # how the answer in the box was spoken, if it was (tui/widgets/recorder.py)
        self._spoken: dict[str, Any] | None = None

    # ----- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="room"):
            with Vertical(id="talk"):
                yield Conversation(id="conversation")
                yield self._voice_panel()
                yield AnswerBox(id="answer")
            yield SessionPanel(self.engine, criteria=self.practice, id="panel")
        yield Footer()

    def _voice_panel(self) -> VoicePanel:
        from practice_bot.voice.answers import VoiceAnswers, read_aloud_for

        settings = self.practice_app.settings
        voice = VoiceAnswers(
            self.engine,
            self.session.journal_path,
            settings,
            read_aloud=read_aloud_for(settings, voice_mode=False),
            lock=self.room.lock,
        )
        review = settings.review_spoken_mock
        return VoicePanel(voice, practice=self.practice, review_mock=review, id="voice")

    @property
    def voice(self) -> VoicePanel:
        return self.query_one(VoicePanel)

    @property
    def conversation(self) -> Conversation:
        return self.query_one(Conversation)

    @property
    def box(self) -> AnswerBox:
        return self.query_one(AnswerBox)

    @property
    def panel(self) -> SessionPanel:
        return self.query_one(SessionPanel)

    @property
    def has_unsent_answer(self) -> bool:
        return not (self._done or self._sent_in_box) and bool(self.box.text.strip())

    async def on_mount(self) -> None:
        e = self.engine
        self.title = f"{MODE_TITLES[self.mode]} - {printable(e.transcript.apprentice)}"
        pack = pack_words(e.transcript)
        self.sub_title = f"Class pack: {pack}" if pack else "AM2 professional discussion"
        e.on_note = self._note  # may be called from a worker thread
        await self._replay()
        for notice in self.session.notices:  # a torn last line dropped on resume, and the like
            await self.conversation.add_notice(f"Notice: {notice}")
            self.notify(printable(notice), title="Recovered", markup=False, timeout=10)
        if e.transcript.scorer == "llm":
            await self.conversation.add_notice(
                f"Scoring and follow-up questions: {e.transcript.model} (LLM); offline if it fails."
            )
        if self.session.away >= AWAY_ASK and e.config.enforces_time and not e.finished:
            self._ask_about_time_away()  # the session starts once the apprentice has chosen
            return
        await self._start()

    def _ask_about_time_away(self) -> None:
        """A timed session resumed after a while: say how long it was closed, and let the
        apprentice choose the clock as it stopped or the time away counted as time used."""
        away = self.session.away
        kind = MODE_TITLES[self.mode].lower()
        message = (
            f"This {kind} was closed for {duration_words(away)}. Its clock stopped at "
            f"{clock_text(self.engine.elapsed())}. Carry on with the clock as it stopped, or count "
            "the time away as time used, as in a real exam?"
        )

        async def decided(count: bool | None) -> None:
            await self._saving(partial(self._time_away_chosen, bool(count)))

        self.app.push_screen(
            ConfirmScreen(
                "Welcome back",
                message,
                yes="Count the time away",
                no="Clock as it stopped",
            ),
            decided,
        )

    async def _time_away_chosen(self, count: bool) -> None:
        self.room.count_time_away(self.session.away, count)
        said = (
            f"The {duration_words(self.session.away)} away count as time used."
            if count
            else "The clock carries on from where it stopped."
        )
        await self.conversation.add_notice(said, kind="time")
        self.panel.show_time(self.engine.time_status())
        await self._start()

    async def _start(self) -> None:
        self.set_interval(1.0, self._tick)
        if self.practice:
            self._warm_up()
        waiting = self.room.unscored()
        if waiting:  # saved by a crash before they were scored: score them first
            self._set_busy(True, "scoring saved answers")
            self._score_saved(waiting)
        else:
            await self._carry_on()

    def on_screen_resume(self) -> None:
        self.panel.catch_up()

    async def _carry_on(self) -> None:
        if self.engine.finished:
            await self._finish()
        elif self.engine.current_question is None:
            await self._ask_next()
        else:
            self._restore_draft()
            self.box.focus()

    # ----- the unsent draft -----------------------------------------------------------------------
    DRAFT_DELAY = 1.0  # seconds after typing stops before the draft is saved

    def _restore_draft(self) -> None:
        """A resumed session: the answer that was being typed when it stopped goes back in the box."""
        draft = self.room.draft()
        if draft and not self.box.text.strip():
            self.box.load_text(draft)
            self.box.move_cursor(self.box.document.end)
            self.notify("Your unsent answer is back in the box.", markup=False, timeout=8)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is not self.box or self._done:
            return
        self._typed = self.box.text
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_DELAY, self.save_draft)

    def on_unmount(self) -> None:
        if self._draft_timer is not None:  # typed in the last moment before the app closed
            self.save_draft()

    def save_draft(self) -> None:
        """Keep what is in the box beside the journal (debounced; at once before quitting)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if self._done:
            return
        try:
            self.room.save_draft(self._typed)
        except OSError as exc:
            if not self._draft_failed:  # said once; sending the answer is what really counts
                self._draft_failed = True
                self.notify(
                    f"Your draft could not be kept: {printable(str(exc))}. Send the answer to save it.",
                    severity="warning",
                    markup=False,
                )

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

    def _set_busy(self, busy: bool, label: str = "") -> None:
        """Keys that need the room idle are refused at once (check_action); the footer shows them
        dimmed only if the wait lasts (redrawing it twice for a millisecond's scoring would cost the
        learner more than the scoring)."""
        self.busy = busy
        title = f"Your answer - {label}" if busy and label else "Your answer"
        if self.box.border_title != title:  # set, even to the same words, it redraws the box
            self.box.border_title = title
        if self._footer_timer is not None:
            self._footer_timer.stop()
            self._footer_timer = None
        if busy:
            self._footer_timer = self.set_timer(FOOTER_DELAY, self._show_busy_keys)
        elif self._footer_busy:
            self._footer_busy = False
            self.refresh_bindings()

    def _show_busy_keys(self) -> None:
        self._footer_timer = None
        self._footer_busy = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pause":
            return self.practice
        if action in ("submit", "skip", "end", "record", "retry_voice"):
            return None if self.busy or self._done else True
        return True

    def _note(self, text: str) -> None:
        self.post_message(Note(text))

    def on_note(self, message: Note) -> None:
        self.notify(printable(message.text), title="Notice", markup=False, timeout=8)

    # ----- asking ---------------------------------------------------------------------------------
    async def _ask_next(self) -> None:
        if self.room.writes_questions:
            self._set_busy(True, "the assessor is thinking")
            self._ask_in_thread()
        else:
            await self._saving(lambda: self._show_question(self.room.ask()))

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def _ask_in_thread(self) -> None:
        """A question the LLM may write (slow): its pieces stream in through QuestionDelta."""
        try:
            turn = self.room.ask(
                lambda text: self.post_message(QuestionDelta(text)),
                lambda: self.post_message(QuestionReset()),
            )
        except TranscriptError as exc:  # disk trouble: save elsewhere, then ask again
            self.post_message(DiskTrouble(exc, self._ask_next))
            return
        except Exception as exc:  # any failure of the writer must leave the session usable
            self.post_message(WorkFailed("question", str(exc)))
            return
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
        self.voice.read_aloud(turn.text, turn.index)
        self.box.focus()

    # ----- answering ------------------------------------------------------------------------------
    async def action_submit(self) -> None:
        if self.busy or self._done:
            return
        text = self.box.text
        if not text.strip():
            self.notify("Type your answer first, then send it with F2 or Ctrl+S.", markup=False)
            return
        self._collect_after_the_next_frame()
        if await self._record(text, self._spoken) and not self.practice:
            await self._advance()

    def _collect_after_the_next_frame(self) -> None:
        """Garbage collection waits until what an answer brings (the feedback, the next question) is
        drawn, as while the app starts (cli.py): building it makes thousands of objects, and the ten
        or so collections they set off cost a tenth of the wait and find next to nothing to free."""
        if gc.isenabled():
            gc.disable()
            self.call_after_refresh(gc.enable)

    # ----- speaking (practice_bot/tui/widgets/recorder.py) -----------------------------------------
    def action_record(self) -> None:
        question = self.engine.current_question
        if self.busy or self._done or (question is None and not self.voice.recording):
            return
        self.voice.toggle(question.text if question is not None else "")

    def action_retry_voice(self) -> None:
        if not (self.busy or self._done):
            self.voice.retry()

    async def on_voice_panel_heard(self, message: VoicePanel.Heard) -> None:
        """The text goes into the box (kept there if saving fails); a mock sends it as spoken."""
        typed = self.box.text.strip()
        self.box.text = f"{typed} {message.text}" if typed else message.text
        self.box.move_cursor(self.box.document.end)  # ready to add to it
        self._spoken = message.spoken
        if message.send and self.engine.current_question is not None:
            await self.action_submit()
        else:
            self.notify("Read it through, correct it if need be, then send it (F2).", markup=False)
            self.box.focus()

    async def _record(self, text: str, spoken: dict[str, Any] | None = None) -> bool:
        """Journal the answer before anything else; then (practice) score it: the offline scorer
        here, a slower one (an LLM) on a worker while the box stays usable."""
        try:
            answer = self.room.record(text, spoken)
        except AnswerSaved as exc:  # saved, its judgments were not: judge it again once moved
            saved = exc.answer
            self.box.clear()
            await self.conversation.add_answer(saved.text)
            self._disk_trouble(exc, lambda: self._judge_again(saved))
            return False
        except TranscriptError as exc:  # nothing of it saved: it stays in the box
            self._disk_trouble(exc, self.action_submit, answer=True)
            return False
        except Exception as exc:  # any other failure: keep the answer in the box
            self.notify(
                f"Your answer could not be saved: {printable(str(exc))}. It is still in the box; "
                "copy it somewhere safe (Ctrl+P, Copy answer).",
                severity="error",
                markup=False,
                timeout=15,
            )
            return False
        self._spoken = None
        if self.practice:  # drawn in the conversation under the feedback, unless scoring is slow
            self._unshown = answer
            if self.room.scores_quickly:  # about a millisecond: on this thread, no round trip
                # The feedback screen comes at once; the answer leaves the box when it joins the
                # conversation (_show_answer), as the room shows again: changing the room now
                # would lay it out again before the feedback is drawn.
                self._sent_in_box = True
                await self._score_here(answer)
                return True
            self.box.clear()
            self._answer_timer = self.set_timer(ANSWER_DELAY, self._show_answer)
            self._set_busy(True, "scoring")
            self._score(answer)
        else:
            self.box.clear()
            await self.conversation.add_answer(answer.text)
        return True

    async def _show_answer(self) -> None:
        """The answer just sent, in the conversation (once) and no longer in the box."""
        if self._answer_timer is not None:
            self._answer_timer.stop()
            self._answer_timer = None
        if self._sent_in_box:
            self._sent_in_box = False
            self.box.clear()
        if self._unshown is not None:
            answer, self._unshown = self._unshown, None
            await self.conversation.add_answer(answer.text)

    async def _judge_again(self, answer: Turn) -> None:
        self.room.judge_again(answer)
        await self._advance()

    @work(thread=True, group="warm", exit_on_error=False)
    def _warm_up(self) -> None:
        """Before the first answer: the scorer's caches filled, the feedback screen imported."""
        self.room.warm_up()
        import practice_bot.tui.screens.feedback  # noqa: F401

    async def _score_here(self, answer: Turn) -> None:
        try:
            assessment = self.room.score(answer)
        except Exception as exc:  # a scorer failure must not lose the session
            await self.on_work_failed(WorkFailed("scoring", str(exc), answer))
            return
        await self.on_answer_scored(AnswerScored(answer, assessment))

    @work(thread=True, exclusive=True, group="score", exit_on_error=False)
    def _score(self, answer: Turn) -> None:
        try:
            assessment = self.room.score(answer)
        except Exception as exc:  # a scorer failure must not lose the session
            self.post_message(WorkFailed("scoring", str(exc), answer))
            return
        self.post_message(AnswerScored(answer, assessment))

    @work(thread=True, exclusive=True, group="score", exit_on_error=False)
    def _score_saved(self, answers: list[Turn]) -> None:
        scored = []
        for answer in answers:
            try:
                scored.append((answer, self.room.score(answer)))
            except Exception as exc:  # leave it unscored; a tutor can re-score the transcript
                self.post_message(Note(f"An answer saved before the interruption: {exc}"))
        self.post_message(Rescored(scored))

    async def on_rescored(self, message: Rescored) -> None:
        await self._saving(lambda: self._apply_saved(message))

    async def _apply_saved(self, message: Rescored) -> None:
        self.room.apply_all(message.scored)
        self._set_busy(False)
        await self._carry_on()

    async def on_answer_scored(self, message: AnswerScored) -> None:
        await self._saving(lambda: self._give_feedback(message))

    async def _give_feedback(self, message: AnswerScored) -> None:
        try:
            outcome = self.room.apply(message.answer, message.assessment, sync=False)
        except TranscriptError:
            await self._show_answer()
            raise
        self._set_busy(False)
        from practice_bot.tui.screens.feedback import FeedbackScreen

        topic = self.engine.rubric.topic(message.answer.topic)
        status = outcome.topic_status
        met = sum(s == "evidenced" for s in status.values())
        # The feedback first; the room's own note of it is drawn when the room shows again.
        self._feedback_note = (
            f"Feedback given: {met} of {plural(len(status), 'criterion', 'criteria')} in this "
            "topic evidenced so far."
        )
        self.app.push_screen(FeedbackScreen(outcome, topic), self._after_feedback)
        self.call_after_refresh(self._sync_judgments)  # once the feedback is drawn
        if self._answer_timer is not None:  # drawn when the room shows again
            self._answer_timer.stop()
            self._answer_timer = None

    def _sync_judgments(self) -> None:
        """The judgments behind the feedback, written before it, forced to the disk after it is
        drawn (Room.apply): the wait for the disk comes after the feedback, not before it."""
        # If the disk is in trouble, the next record meets it too, and the room asks where to go.
        with contextlib.suppress(TranscriptError):
            self.room.sync()

    async def _after_feedback(self, choice: str | None) -> None:
        await self._show_answer()
        if self._feedback_note:
            await self.conversation.add_notice(self._feedback_note)
            self._feedback_note = ""
        if choice == "again":
            await self._saving(self._try_again)
        else:
            await self._advance()

    async def _try_again(self) -> None:
        """The question again, with the last answer in the box to improve rather than retype."""
        previous = self.engine.transcript.answers()[-1].text
        await self._show_question(self.room.retry())
        if not self.box.text.strip():
            self.box.load_text(previous)
            self.box.move_cursor(self.box.document.end)

    async def on_work_failed(self, message: WorkFailed) -> None:
        self._set_busy(False)
        await self._show_answer()
        question = message.what == "question"
        self.notify(
            f"The {message.what} failed: {printable(message.error)}. The session carries on"
            + (" with bank questions." if question else "; your answer is saved."),
            severity="warning",
            markup=False,
            timeout=10,
        )
        self.room.note(f"{message.what}_failed", message.error)
        if question:
            self.room.give_up_writing()
            await self._ask_next()
        else:
            await self._advance()

    async def _advance(self) -> None:
        await self._saving(self._advance_step)

    async def _advance_step(self) -> None:
        for notice in self.room.time_checks():
            await self.conversation.add_notice(notice.text, kind="time")
        if self.engine.time_status().over:
            await self._end_now("timed_out")
            return
        await self._ask_next()

    # ----- other actions --------------------------------------------------------------------------
    def action_pause(self) -> None:
        if not self.practice or self._done:
            return
        try:
            self.room.pause()
        except TranscriptError as exc:
            self._disk_trouble(exc, self._paused)
            return

        async def carry_on(typed: str | None) -> None:
            self.box.focus()  # at once: keys pressed straight after the dialog reach the box
            if typed:
                self.box.insert(typed)  # what was typed while paused
            await self._saving(self._unpaused)

        self.app.push_screen(PauseScreen(), carry_on)

    async def _paused(self) -> None:
        self.action_pause()

    async def _unpaused(self) -> None:
        self.room.unpause()
        self.box.focus()

    def action_skip(self) -> None:
        """F9, after confirming: what the dialog says names what happens to a typed answer, and
        warns when this is the plan's last question (skipping it ends the session)."""
        if self.busy or self._done or self.engine.current_question is None:
            return
        last = not self.room.more_to_ask()
        message = (
            "This is the last question left in this session: skipping it ends the session and "
            "opens your report."
            if last
            else "Move on to the next question without answering this one?"
        )
        note = (
            "The answer in the box has not been sent: skipping clears it. Send it first (F2) "
            "if it should count."
            if self.box.text.strip()
            else ""
        )

        async def decided(yes: bool | None) -> None:
            if yes:
                await self._skip_now()
            else:
                self.box.focus()

        self.app.push_screen(
            ConfirmScreen(
                "Skip this question?",
                message,
                yes="End and see the report" if last else "Skip",
                no="Stay",
                note=note,
            ),
            decided,
        )

    async def _skip_now(self) -> None:
        try:
            self.room.skip()
        except TranscriptError as exc:
            self._disk_trouble(exc, self._skip_now)
            return
        self.box.clear()  # the skipped question's draft is not left under the next one
        await self.conversation.add_notice("Question skipped.")
        await self._advance()

    def action_toggle_panel(self) -> None:
        self.panel.display = not self.panel.display

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
                await self._end_now("ended_early")
            else:
                self.box.focus()

        self.app.push_screen(
            ConfirmScreen(
                "End the discussion early?", prompt, yes="End now", no="Carry on", note=note
            ),
            decided,
        )

    def palette_commands(self) -> Iterator[SystemCommand]:
        for title, help_text, action, practice_only in ROOM_COMMANDS:
            if practice_only and not self.practice:
                continue
            yield SystemCommand(title, help_text, partial(self.run_action, action))

    def action_copy_answer(self) -> None:
        self.app.copy_to_clipboard(self.box.text)
        self.notify(COPIED.format(what="Answer"), markup=False)

    def action_copy_conversation(self) -> None:
        lines = [
            f"{'You' if t.role == 'apprentice' else 'Assessor'}: {t.text}\n"
            for t in self.engine.transcript.turns
        ]
        self.app.copy_to_clipboard("\n".join(lines))
        self.notify(COPIED.format(what="Conversation"), markup=False)

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
        """The tick's time checks; skipped for a beat while a worker is changing the engine."""
        for notice in self.room.try_time_checks() or []:
            await self.conversation.add_notice(notice.text, kind="time")

    # ----- ending ---------------------------------------------------------------------------------
    async def _end_now(self, ending: str) -> None:
        """Finish the session; with an LLM (or answers still being scored) off the app's thread."""
        if self.engine.finished:
            await self._finish()
        elif self.room.slow_finish:
            self._set_busy(True, "finishing")
            self._finish_in_thread(ending)
        else:
            try:
                self.room.finish(ending)
            except TranscriptError as exc:  # the final status record: save elsewhere, then end
                self._disk_trouble(exc, lambda: self._end_now(ending))
                return
            await self._finish()

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def _finish_in_thread(self, ending: str) -> None:
        try:
            self.room.finish(ending)
        except TranscriptError as exc:
            self.post_message(DiskTrouble(exc, lambda: self._end_now(ending)))
            return
        self.post_message(SessionEnded())

    async def on_session_ended(self, message: SessionEnded) -> None:
        await self._finish()

    async def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self._set_busy(False)
        from practice_bot.records.report import build_report
        from practice_bot.tui.screens.report import ReportScreen

        t = self.engine.transcript
        path = self.session.journal_path
        for said in self.voice.finish():  # recordings that became answers go unless kept
            self.notify(printable(said), title="Voice", markup=False, timeout=10)
        try:
            path = self.room.save_final()
        except Exception as exc:  # the journal still holds every answer: say so, show the report
            self.notify(
                printable(
                    f"{exc}. Every answer is safe in {path}; once there is room, "
                    f"`practice-bot resume {path}` saves the finished transcript."
                ),
                title="Transcript not saved",
                severity="error",
                markup=False,
                timeout=30,
            )
        report = build_report(t, self.engine.rubric)
        self.app.switch_screen(ReportScreen(t, report, path))

    # ----- disk trouble ---------------------------------------------------------------------------
    async def _saving(self, step: Step, *, answer: bool = False) -> bool:
        """Run a step that writes to the journal; on disk trouble open the rescue dialog, which tries
        the step again once the session is saved elsewhere. True when the step went through."""
        try:
            await step()
        except TranscriptError as exc:
            self._disk_trouble(exc, step, answer=answer)
            return False
        return True

    def on_disk_trouble(self, message: DiskTrouble) -> None:
        self._disk_trouble(message.error, message.retry)

    def _disk_trouble(self, exc: TranscriptError, retry: Step, *, answer: bool = False) -> None:
        """Also called with the error of a worker thread (posted back as a message)."""
        if self._trouble:
            return  # one dialog at a time; its retry covers the rest
        self._trouble = True
        self._set_busy(True, "not saved")
        self._ask_folder(str(exc), retry, {self.session.journal_path.parent}, answer)

    def _ask_folder(self, problem: str, retry: Step, tried: set[Path], answer: bool) -> None:
        untried = [f for f in rescue_folders() if f not in tried]

        async def chosen(folder: Path | None) -> None:
            if folder is None:
                self._trouble = False
                self._set_busy(False)
                if answer:
                    self.notify(
                        "Not saved yet: your answer is still in the box. F2 tries again.",
                        severity="warning",
                        markup=False,
                    )
                    self.box.focus()
                else:
                    await self._saving(retry)
                return
            tried.add(folder)
            old = self.session.journal_path
            try:
                journal = self.room.move_to(folder)
            except TranscriptError as err:
                self._ask_folder(f"Could not save there either: {err}", retry, tried, answer)
                return
            stale = f" (the earlier file {old} is out of date now)" if old.exists() else ""
            self.notify(
                printable(f"Saved: the session carries on in {journal.path}{stale}."),
                title="Session moved",
                markup=False,
                timeout=12,
            )
            self._trouble = False
            self._set_busy(False)
            await self._saving(retry, answer=answer)

        self.app.push_screen(
            RescueScreen(problem, untried[0] if untried else None, answer=answer), chosen
        )
