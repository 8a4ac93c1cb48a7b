"""Plain line mode: the same sessions, line by line, for screen readers, scripts and tests.

Questions go to stdout; an answer is read from stdin and ends at an empty line. Commands: /end, /skip,
/time, /pause (practice), /again (practice: try the last question again), /help, and `/audio PATH` on a
line of its own: a recording as the answer (practice_bot.voice.answers). End of input ends the session
and saves everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from practice_bot.errors import TranscriptError, UserError
from practice_bot.formatting import clock_text
from practice_bot.records.journal import Journal
from practice_bot.records.render import render_text
from practice_bot.records.report import build_report
from practice_bot.records.schema import Turn
from practice_bot.records.store import rescue_folders, save_final
from practice_bot.scoring.base import STATUS_WORDS
from practice_bot.session.engine import END_EARLY_PROMPT, AnswerOutcome
from practice_bot.session.factory import Session
from practice_bot.session.room import Room
from practice_bot.textsafe import printable, valid_text

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
        self.room = Room(session, rescue=self.rescue)  # a record that cannot be saved moves

    def read_block(self) -> tuple[str, bool]:
        """Lines up to an empty line; (text, eof). A command line on its own returns at once."""
        lines: list[str] = []
        while True:
            line = self.stdin.readline()
            if line == "":
                return "\n".join(lines), True
            line = valid_text(line).rstrip("\r\n")
            if not lines and line.strip().startswith("/") and " " not in line.strip():
                return line.strip(), False
            if not lines and line.strip().lower().startswith("/audio "):
                return line.strip(), False
            if line.strip() == "":
                if lines:
                    return "\n".join(lines), False
                continue
            lines.append(line)

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
            self.say(f"  [{STATUS_WORDS[status]}] {c.short}: {c.text}")
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
            self.say(f"  Flags: {', '.join(outcome.assessment.flags)}")
        if outcome.next_hint:
            self.say(f"  {outcome.next_hint}")

    def after_feedback(self) -> Turn | None:
        """Practice: let the apprentice try the same question again before moving on."""
        self.say("Press Enter for the next question, or type /again to try this one again.")
        line = self.stdin.readline().strip().lower()
        if line == "/again":
            return self.engine.retry()
        if line == "/end":
            return self.command("/end")
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
            if text.strip() and t.mode != "practice":
                e.submit_answer_in_background(text, spoken)  # no feedback until the end: never wait
            elif text.strip():
                outcome = e.submit_answer(text, spoken)
                if t.mode == "practice":
                    self.feedback(outcome)
                    self.delivery(outcome.answer.spoken)
                    if not eof:
                        retry = self.after_feedback()
            if eof:
                break
            if retry is not None or e.finished:
                question = retry
                continue
            for check in e.due_time_checks():
                self.say(f"Assessor: {check.text}")
            if e.time_status().over:
                e.finish("timed_out")
            question = e.next_question()
        return self.close()

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
            e.pause()
            self.say("Paused: the clock has stopped. Press Enter to carry on.")
            self.stdin.readline()
            e.unpause()
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
