"""Speaking an answer in the discussion room. One key starts recording and the same key stops it
(terminals send no key-release events); while recording, a live level meter and a timer show. On stop
the recording is transcribed on a worker and the text goes back to the room in a `VoicePanel.Heard`
message: into the answer box to read and correct (practice, or a mock with review_spoken_mock), or sent
as spoken (a mock, as in the real discussion). Practice also shows the answer's delivery figures here.

The order never changes (practice_bot.voice.answers): the file is written as it records, journaled
when recording starts, then sent. A failure leaves it on disk, named; F7 retries the transcription, or
the learner types. Missing PortAudio, no microphone and a silent capture are messages, not tracebacks.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import Static

from practice_bot.errors import TranscriptError, UserError
from practice_bot.formatting import clock_text
from practice_bot.textsafe import printable

if TYPE_CHECKING:
    from practice_bot.voice.answers import VoiceAnswers
    from practice_bot.voice.recorder import Recorder

METER_CELLS = 20
MAX_SECONDS = 12 * 60  # stopped here: transcription endpoints take files up to about 13 minutes
FLOOR_DB = -60.0  # the meter's empty end


def meter(level_db: float, cells: int = METER_CELLS) -> str:
    """A level in dBFS as a bar: empty at FLOOR_DB and below, full at 0 dB."""
    filled = round(cells * min(max((level_db - FLOOR_DB) / -FLOOR_DB, 0.0), 1.0))
    return "█" * filled + "░" * (cells - filled)


class VoicePanel(Vertical):
    DEFAULT_CSS = """
    VoicePanel { height: auto; padding: 0 1; }
    VoicePanel #meter { display: none; color: $text-error; text-style: bold; }
    VoicePanel.-recording #meter { display: block; }
    VoicePanel #figures { display: none; color: $text-muted; }
    VoicePanel.-figures #figures { display: block; }
    """

    class Heard(Message):
        """A recording was transcribed: `send` it as the answer, or put it in the box to review."""

        def __init__(self, text: str, spoken: dict[str, Any], send: bool) -> None:
            super().__init__()
            self.text = text
            self.spoken = spoken
            self.send = send

    class _Done(Message):
        def __init__(self, heard: Any = None, error: str | None = None, offline: bool = False):
            super().__init__()
            self.heard = heard
            self.error = error
            self.offline = offline

    def __init__(
        self, voice: VoiceAnswers, *, practice: bool, review_mock: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.voice = voice
        self.practice = practice
        self.review_mock = review_mock
        self.recorder: Recorder | None = None
        self.level = -90.0  # written by the recorder's thread, read by the timer
        self.failed: Path | None = None  # a recording whose transcription failed: F7 retries
        self.transcribing = False
        self.question = ""

    def compose(self) -> ComposeResult:
        yield Static(id="meter", markup=False)
        yield Static(id="figures", markup=False)

    def on_mount(self) -> None:
        self._timer = self.set_interval(0.1, self._redraw, pause=True)
        kept = self.voice.unused_recordings()
        if kept and self.voice.engine.current_question is not None:  # a resumed session
            self.failed = kept[-1]
            self._problem(
                f"A recording made before is kept in {kept[-1]}: F7 transcribes it.", "information"
            )

    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.recording

    # ----- the key ------------------------------------------------------------------------------
    def toggle(self, question: str) -> None:
        if self.recording:
            self.stop()
        elif not self.transcribing:
            self.question = question
            self._ask_then_start()

    def _ask_then_start(self) -> None:
        """The consent that covers chat covers audio; asked before the first recording is made (so
        before it could leave the machine), once per endpoint."""
        if not self.voice.can_transcribe or not self.voice.needs_consent():
            self.start()
            return
        from practice_bot.tui.screens.dialogs import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self.voice.give_consent()
                self.start()
            else:
                self.notify("Nothing recorded: type your answer instead.", markup=False)

        self.app.push_screen(
            ConfirmScreen(
                "Where your recordings go", self.voice.consent_question(), yes="Send", no="Type"
            ),
            decided,
        )

    def start(self) -> None:
        from practice_bot.voice.recorder import Recorder

        device = self.voice.settings.input_device
        recorder = Recorder(device=int(device) if device and device.isdigit() else device)
        recorder.on_level = self._on_level
        path = self.voice.next_path()
        try:
            recorder.start(path)
        except UserError as exc:  # VoiceUnavailable: PortAudio, device, the extra
            self._problem(str(exc))
            return
        try:
            self.voice.journal(path)  # on the record before anything else happens to it
        except TranscriptError as exc:
            recorder.stop()
            self._problem(f"{exc}. The recording was stopped; type your answer.")
            return
        self.recorder = recorder
        self.level = -90.0
        self.add_class("-recording")
        self.remove_class("-figures")
        self._timer.resume()
        self._redraw()

    def _on_level(self, level: float) -> None:
        self.level = level

    def _redraw(self) -> None:
        if self.recorder is None:
            return
        seconds = self.recorder.elapsed()
        if seconds >= MAX_SECONDS:
            self.notify(
                "Twelve minutes: recording stopped, so it can be transcribed.", markup=False
            )
            self.stop()
            return
        self.query_one("#meter", Static).update(
            Content(
                f"● Recording {clock_text(seconds)}  {meter(self.level)}  "
                f"{max(self.level, -90):.0f} dB   F6 stops"
            )
        )

    def stop(self) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        self.recorder = None
        self._timer.pause()
        self.remove_class("-recording")
        try:
            recording = recorder.stop()
        except UserError as exc:
            self._problem(str(exc))
            return
        if recording.silent:
            from practice_bot.voice.recorder import SILENT

            self._problem(f"{SILENT}. (Kept in {recording.path}.)")
            return
        self._hear(recording.path)

    def retry(self) -> None:
        """F7: transcribe the recording that failed, again."""
        if self.failed is not None and not self.recording and not self.transcribing:
            self._hear(self.failed)

    def _hear(self, path: Path) -> None:
        self.transcribing = True
        self.failed = None
        if self.voice.can_transcribe:
            self.notify("Transcribing your answer...", markup=False, timeout=3)
        self._transcribe(path)

    @work(thread=True, exclusive=True, group="voice", exit_on_error=False)
    def _transcribe(self, path: Path) -> None:
        try:
            if not self.voice.can_transcribe:
                self.post_message(self._Done(self.voice.measure_only(path), offline=True))
                return
            heard = self.voice.hear(path, self.question)
        except UserError as exc:  # TranscriptionFailed names the kept file
            self.failed = path
            self.post_message(self._Done(error=str(exc)))
            return
        except Exception as exc:  # anything else: the recording is on disk all the same
            self.failed = path
            self.post_message(self._Done(error=f"{exc}; your recording is safe in {path}"))
            return
        self.post_message(self._Done(heard))

    def on_voice_panel__done(self, message: _Done) -> None:
        self.transcribing = False
        if message.error is not None:
            self._problem(f"{message.error}. F7 tries the transcription again.")
            return
        heard = message.heard
        self._show_figures(heard.delivery)
        if message.offline:
            self._problem(self.voice.no_endpoint_text(), severity="warning")
            return
        if not heard.text:
            self._problem("Nothing was heard in that recording: try again, or type your answer.")
            return
        send = not self.practice and not self.review_mock
        self.post_message(self.Heard(heard.text, self.voice.spoken_record(heard), send))

    def _show_figures(self, delivery: Any) -> None:
        """Practice: the answer's delivery, until the next recording (a mock shows it at the end)."""
        if delivery is None or not self.practice:
            return
        from practice_bot.voice.delivery import describe

        self.query_one("#figures", Static).update(
            Content("Delivery: " + " ".join(describe(delivery)))
        )
        self.add_class("-figures")

    def _problem(self, text: str, severity: SeverityLevel = "error") -> None:
        self.notify(printable(text), title="Voice", severity=severity, markup=False, timeout=15)

    # ----- reading questions aloud, and the end ---------------------------------------------------
    def read_aloud(self, text: str, index: int) -> None:
        if self.voice.read_aloud is not None:
            self._speak(text, index)

    @work(thread=True, exclusive=True, group="read-aloud", exit_on_error=False)
    def _speak(self, text: str, index: int) -> None:
        # reading aloud is a help, never a reason to stop the session
        with contextlib.suppress(UserError, OSError):
            self.voice.speak(text, index)

    def finish(self) -> list[str]:
        """The session is over: stop any recording (kept), remove audio unless kept; what was said."""
        if self.recorder is not None:
            with contextlib.suppress(UserError):
                self.recorder.stop()
            self.recorder = None
        said: list[str] = []
        with contextlib.suppress(TranscriptError):
            self.voice.finish(said.append)
        return said
