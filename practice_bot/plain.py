"""Plain line mode: the same sessions, line by line, for screen readers, scripts and tests.

Questions go to stdout; an answer is read from stdin and ends at an empty line. Commands: /end, /skip,
/time, /pause (practice), /again (practice: try the last question again), /help, and `/audio PATH` on a
line of its own: a recording as the answer (practice_bot.voice.answers). End of input ends the session
and saves everything.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from practice_bot.errors import TranscriptError, UserError
from practice_bot.formatting import clock_text
from practice_bot.records.drafts import clear_draft
from practice_bot.records.journal import Journal
from practice_bot.records.render import render_text
from practice_bot.records.report import build_report
from practice_bot.records.schema import Turn
from practice_bot.records.store import rescue_folders, save_final
from practice_bot.scoring.base import STATUS_WORDS
from practice_bot.session.engine import END_EARLY_PROMPT, AnswerOutcome
from practice_bot.session.factory import Session
from practice_bot.session.room import AWAY_ASK, Room
from practice_bot.textsafe import printable, valid_text
from practice_bot.wording import FLAG_WORDS, criterion_label, duration_words

# Commands seen on a line of their own after some answer text (on the first line any command is).
MID_ANSWER_COMMANDS = ("/end", "/skip", "/time", "/help", "/pause", "/again")

if TYPE_CHECKING:
    from practice_bot.voice.answers import VoiceAnswers


HELP = (
    "Type your answer; finish it with an empty line. Commands: /end to finish early, /skip to move on, "
    "/time for the clock{extra}, /audio FILE to answer with a recording, /help."
)


class PlainRunner:
    def __init__(
        self,
        session: Session,
        stdin: IO[str],
        stdout: IO[str],
        voice: VoiceAnswers | None = None,
        accept_audio: bool = False,
    ) -> None:
        self.session = session
        self.voice = voice
        self.accept_audio = accept_audio
        self.last_recording: Path | None = None
        self.engine = session.engine
        self.stdin = stdin
        self.stdout = stdout
        self.say: Callable[[str], None] = lambda text: print(text, file=stdout, flush=True)
        self.carried: list[str] = []  # lines typed at an Enter prompt: the next answer's start
        self.ending = ""  # /end or /skip typed after answer text, acted on once it is saved
        self.room = Room(session, rescue=self.rescue)  # a record that cannot be saved moves

    def read_block(self) -> tuple[str, bool]:
        """Lines up to an empty line; (text, eof). A command on an answer's first line returns at
        once; on a later line /time, /help and /pause act and the answer goes on, while /end and
        /skip end the answer there (what was typed is kept: see `self.ending`)."""
        lines, self.carried = self.carried, []
        self.ending = ""
        while True:
            line = self.stdin.readline()
            if line == "":
                return "\n".join(lines), True
            line = valid_text(line).rstrip("\r\n")
            cmd = line.strip()
            if not lines and cmd.startswith("/") and " " not in cmd:
                return cmd, False
            if not lines and cmd.lower().startswith("/audio "):
                return cmd, False
            if lines and cmd.lower() in MID_ANSWER_COMMANDS:
                if self.mid_answer(cmd.lower()):
                    return "\n".join(lines), False
                continue
            if cmd == "":
                if lines:
                    return "\n".join(lines), False
                continue
            lines.append(line)
            self.keep_draft("\n".join(lines))

    def keep_draft(self, text: str) -> None:
        """Each line of an answer not yet sent is kept beside the journal: a closed terminal loses
        none of it (resuming starts the answer with it)."""
        with contextlib.suppress(OSError):  # sending the answer is what saves it
            self.room.save_draft(text)

    def restore_draft(self) -> None:
        """At a keyboard the kept answer starts the answer again; a script, whose next lines were
        written without it, is shown it instead (so it can be copied) and its answers stay its own."""
        draft = self.room.draft()
        if not draft:
            return
        if bool(getattr(self.stdin, "isatty", lambda: False)()):
            self.carried = draft.split("\n")
            self.say(
                "Notice: your unsent answer was kept and starts your answer below; "
                "type more, then an empty line to send it."
            )
        else:
            self.say("Notice: an answer typed but not sent before the session stopped:")
        for line in draft.split("\n"):
            self.say(f"  | {printable(line)}")

    def mid_answer(self, cmd: str) -> bool:
        """A command on a line of its own after some answer text; True when it ends the answer."""
        if cmd in ("/end", "/skip"):
            self.ending = cmd
            return True
        if cmd == "/pause" and self.engine.transcript.mode == "practice":
            self.pause_here()
        elif cmd == "/time":
            self.say(self.time_line())
        elif cmd == "/again":
            self.say("Use /again straight after the feedback, before the next question.")
        else:
            self.say(HELP.format(extra=self.help_extra()))
        self.say("(Your answer so far is kept: carry on typing, then an empty line.)")
        return False

    def help_extra(self) -> str:
        return ", /pause, /again" if self.engine.transcript.mode == "practice" else ""

    def carry(self, line: str) -> None:
        """A line typed where the app waited for Enter: it starts the next answer, never vanishes."""
        self.carried.append(line)
        self.say("(Kept as the start of your next answer.)")

    def pause_here(self) -> None:
        e = self.engine
        e.pause()
        self.say("Paused: the clock has stopped. Press Enter to carry on.")
        line = valid_text(self.stdin.readline()).rstrip("\r\n")
        e.unpause()
        if line.strip():
            self.carry(line)

    def confirm(self, prompt: str) -> bool:
        self.say(f"{prompt} [yes/no]")
        line = self.stdin.readline()
        return line.strip().lower() in ("y", "yes")

    def time_line(self) -> str:
        s = self.engine.time_status()
        if not s.enforced:
            return f"Time: {clock_text(s.elapsed)} elapsed (practice sessions are not timed)."
        if s.in_extension:
            return (
                f"Time: {clock_text(s.elapsed)} elapsed; in the extension, "
                f"{clock_text(s.extension_remaining)} left to finish this answer."
            )
        return f"Time: {clock_text(s.elapsed)} elapsed, {clock_text(s.remaining)} remaining."

    def feedback(self, outcome: AnswerOutcome) -> None:
        topic = self.engine.rubric.topic(outcome.answer.topic)
        by_id = (
            {j.criterion_id: j for j in outcome.assessment.judgments} if outcome.assessment else {}
        )
        self.say(f"Feedback on {topic.name}:")
        for c in topic.criteria:
            status = outcome.topic_status.get(c.id, "not_yet")
            self.say(f"  [{STATUS_WORDS[status]}] {criterion_label(c.id)}: {c.text}")
            j = by_id.get(c.id)
            if j is not None and j.status != "not_yet":
                for e in j.evidence[:1]:
                    self.say(f'      this answer: "{printable(e.quote)}"')
                if j.reason:
                    self.say(f"      {printable(j.reason)}")
            elif status == "evidenced":
                self.say("      evidenced in an earlier answer")
            elif j is not None and j.reason:
                self.say(f"      {printable(j.reason)}")
        if outcome.assessment and outcome.assessment.flags:
            self.say("  Why some of it earned nothing:")
            for f in outcome.assessment.flags:
                self.say(f"    - {FLAG_WORDS.get(f, f)}")
        if outcome.next_hint:
            self.say(f"  An assessor would probe next: {outcome.next_hint}")

    def after_feedback(self) -> Turn | None:
        """Practice: let the apprentice try the same question again before moving on. Anything else
        typed here is a command, or the start of the next answer."""
        self.say("Press Enter for the next question, or type /again to try this one again.")
        line = valid_text(self.stdin.readline()).rstrip("\r\n")
        cmd = line.strip().lower()
        if cmd == "/again":
            return self.engine.retry()
        if cmd.startswith("/") and " " not in cmd:
            return self.command(cmd)
        if cmd:
            self.carry(line)
        return None

    def run(self) -> int:
        e = self.engine
        t = e.transcript
        e.on_note = lambda note: self.say(f"Notice: {printable(note)}")
        self.say(f"practice-bot: {t.mode} session for {printable(t.apprentice)}")
        if t.scorer == "llm":
            self.say(f"Scoring and follow-up questions: {t.model} (LLM); offline if it fails.")
        self.say(f"Transcript: {self.session.journal_path}")
        for notice in self.session.notices:
            self.say(f"Notice: {printable(notice)}")
        self.score_unscored()
        self.time_away()
        self.restore_draft()
        kept = self.voice.unused_recordings() if self.voice is not None else []
        if kept and e.current_question is not None:
            self.last_recording = kept[-1]
            self.say(
                f"Notice: a recording made before is kept in {kept[-1]}; /audio again uses it."
            )
        extra = ", /pause, /again" if t.mode == "practice" else ""
        self.say(HELP.format(extra=extra))
        if t.mode == "mock":
            self.say("Mock exam: no feedback until the end. " + self.time_line())
        question = e.next_question()
        while question is not None:
            self.say("")
            self.say(
                f"[{e.rubric.topic(question.topic).name}] Assessor: {printable(question.text)}"
            )
            if self.voice is not None:
                self.voice.speak(question.text, question.index)
            text, eof = self.read_block()
            spoken: dict[str, Any] | None = None
            if text.lower().startswith("/audio ") and not eof:
                heard = self.hear_file(text[len("/audio ") :].strip(), question.text)
                if heard is None:
                    question = e.next_question()  # the same question, still waiting
                    continue
                text, spoken = heard
            elif text.startswith("/") and "\n" not in text and not eof:
                question = self.command(text)
                continue
            retry = None
            ending, self.ending = self.ending, ""
            if text.strip() and t.mode != "practice":
                e.submit_answer_in_background(text, spoken)  # no feedback until the end: never wait
                clear_draft(self.session.journal_path)  # sent: no longer a draft
            elif text.strip():
                outcome = e.submit_answer(text, spoken)
                clear_draft(self.session.journal_path)
                if t.mode == "practice":
                    self.feedback(outcome)
                    self.delivery(outcome.answer.spoken)
                    if not eof and not ending:
                        retry = self.after_feedback()
            if eof:
                break
            if ending == "/skip":
                self.say("What you typed before /skip was sent as your answer.")
            elif ending == "/end":
                retry = self.command("/end")
            if retry is not None or e.finished:
                question = retry
                continue
            for check in e.due_time_checks():
                self.say(f"Assessor: {check.text}")
            if e.time_status().over:
                e.finish("timed_out")
            question = e.next_question()
        return self.close()

    def time_away(self) -> None:
        """A timed session resumed after a while: say how long it was closed; someone at the
        keyboard chooses whether that time counts, a script gets the clock as it stopped."""
        e, away = self.engine, self.session.away
        if away < AWAY_ASK or not e.config.enforces_time or e.finished:
            return
        self.say(
            f"Notice: this {e.transcript.mode} was closed for {duration_words(away)}; its clock "
            f"stopped at {clock_text(e.elapsed())}."
        )
        count = False
        if bool(getattr(self.stdin, "isatty", lambda: False)()):
            count = self.confirm("Count the time away as time used, as in a real exam?")
        self.room.count_time_away(away, count)
        self.say(
            "The time away counts as time used."
            if count
            else "The clock carries on from where it stopped."
        )

    def score_unscored(self) -> None:
        """Score answers a crash saved but kept from being scored (resume), before going on."""
        waiting = len(self.room.unscored())
        if not waiting:
            return
        self.say(
            f"Notice: scoring {waiting} answer{'s' if waiting > 1 else ''} "
            "saved before the session was interrupted."
        )
        self.room.score_unscored()

    def command(self, cmd: str) -> Turn | None:
        e = self.engine
        name = cmd.lower()
        if name == "/end":
            prompt = END_EARLY_PROMPT if e.transcript.mode == "mock" else "End this session now?"
            if e.end_early(self.confirm(prompt)):
                return None
            self.say("Carrying on.")
        elif name == "/skip":
            e.skip()
        elif name == "/time":
            self.say(self.time_line())
        elif name == "/pause" and e.transcript.mode == "practice":
            self.pause_here()
        elif name == "/again" and e.transcript.mode == "practice":
            self.say("Use /again straight after the feedback, before the next question.")
        elif name == "/help":
            self.say(
                HELP.format(extra=", /pause, /again" if e.transcript.mode == "practice" else "")
            )
        else:
            self.say(f"Unknown command {printable(cmd)}; /help lists them.")
        return e.next_question()

    # ----- spoken answers ------------------------------------------------------------------------
    def hear_file(self, raw: str, question: str) -> tuple[str, dict[str, Any]] | None:
        """`/audio PATH` (or `/audio again` after a failure): the recording as this answer, or None
        with the reason said (the question still waits for an answer)."""
        voice = self.voice
        if voice is None:
            self.say("Spoken answers are not available in this session; type your answer.")
            return None
        try:
            if raw.lower() == "again" and self.last_recording is not None:
                recording = self.last_recording
            else:
                recording = voice.adopt(Path(raw).expanduser())
        except UserError as exc:
            self.say(f"Problem: {printable(str(exc))}")
            return None
        self.last_recording = recording
        if not voice.can_transcribe:
            self.say(voice.no_endpoint_text())
            heard_offline = voice.measure_only(recording)
            if heard_offline.delivery is not None:
                self.say("Delivery figures from your recording:")
                self.delivery(heard_offline.spoken)
            return None
        if voice.needs_consent():
            if self.accept_audio or self.confirm(voice.consent_question()):
                voice.give_consent()
            else:
                self.say("Not sent. Type your answer instead.")
                return None
        self.say("Transcribing your recording...")
        try:
            heard = voice.hear(recording, question)
        except UserError as exc:
            self.say(f"Problem: {printable(str(exc))}")
            self.say("Type /audio again to retry the transcription, or type your answer.")
            return None
        if not heard.text:
            self.say("Nothing was heard in that recording; try again or type your answer.")
            return None
        if heard.delivery is not None:
            self.engine.add_spoken_time(heard.delivery.seconds)
        self.last_recording = None
        self.say(f'Heard: "{printable(heard.text)}"')
        return heard.text, voice.spoken_record(heard)

    def delivery(self, spoken: Any) -> None:
        """Delivery figures of a spoken answer (practice: after its feedback)."""
        if spoken is None or spoken.delivery is None:
            return
        from practice_bot.voice.delivery import describe

        self.say("  Delivery:")
        for line in describe(spoken.delivery):
            self.say(f"    {line}")

    def close(self) -> int:
        e = self.engine
        if not e.finished:
            e.finish("ended_early")  # end of input before the plan was complete
        if self.voice is not None:
            self.voice.finish(self.say)
        journal = self.session.journal_path
        try:
            path: Path | None = save_final(journal, e.transcript)
            clear_draft(journal)
        except TranscriptError as exc:
            path, problem = None, exc
        self.say("")
        self.say(render_text(build_report(e.transcript, e.rubric)).rstrip("\n"))
        u = e.transcript.usage
        if u.calls:
            self.say(
                f"LLM usage: {u.prompt_tokens + u.completion_tokens:,} tokens in {u.calls} calls "
                f"(counted with {u.counted_with})."
            )
        self.say("")
        if path is None:
            self.say(f"Problem: {printable(str(problem))}")
            self.say(
                f"Every answer is safe in {journal}. Once there is room, "
                f"`practice-bot resume {journal}` saves the finished transcript."
            )
            return 1
        self.say(f"Transcript saved: {path}")
        return 0

    # ----- disk trouble ----------------------------------------------------------------------------
    def rescue(self, exc: TranscriptError, record: dict[str, Any], tried: set[Path]) -> Journal:
        """A record could not be saved: move the session (whole, in memory) to a folder that takes
        it. Asks for a folder when someone is at the keyboard; otherwise, and at end of input, tries
        the app's data folder and then the temporary folder, each once. Raises when nowhere will."""
        e = self.engine
        old = self.session.journal_path
        answers = len(e.transcript.answers())
        self.say("")
        self.say(f"Problem: {printable(str(exc))}")
        self.say(
            f"Nothing is lost: the session ({answers} answer{'' if answers == 1 else 's'} so far, "
            "and what just happened) is still in memory. Saving it somewhere else."
        )
        for folder in self._rescue_candidates(tried):
            tried.add(folder)
            try:
                journal = self.room.move_to(folder)
            except TranscriptError as err:
                self.say(f"Could not save there either: {printable(str(err))}")
                continue
            self.say(f"Saved: the session carries on in {journal.path}")
            if old.exists():
                self.say(f"(The earlier file {old} is out of date now.)")
            self.say(f"To resume it later: practice-bot resume {journal.path}")
            return journal
        self._show_unsaved(record)
        raise TranscriptError(
            f"{old}: could not save the session there or in any other folder; "
            "your answers are printed above"
        )

    def _rescue_candidates(self, tried: set[Path]) -> Iterator[Path]:
        interactive = bool(getattr(self.stdin, "isatty", lambda: False)())
        while interactive:
            untried = [f for f in rescue_folders() if f not in tried]
            default = f"press Enter for {untried[0]}" if untried else "press Enter to stop"
            self.say(f"Type a folder to save this session in, or {default}:")
            line = self.stdin.readline()
            typed = line.strip()
            if line == "" or not (typed or untried):
                break  # end of input: fall back on our own
            yield Path(typed).expanduser() if typed else untried[0]
        yield from (f for f in rescue_folders() if f not in tried)

    def _show_unsaved(self, record: dict[str, Any]) -> None:
        """The last resort: the answers on screen, so they can be copied somewhere."""
        self.say("Your answers could not be saved anywhere; here they are to copy:")
        answers = [(t.index, t.topic, t.text) for t in self.engine.transcript.answers()]
        turn = record.get("turn") if record.get("kind") == "turn" else None
        if isinstance(turn, dict) and turn.get("role") == "apprentice":
            answers.append((turn["index"], turn["topic"], turn["text"]))  # the one being saved
        for index, topic, text in answers:
            self.say(f"--- answer {index} ({topic}) ---")
            self.say(printable(text))
