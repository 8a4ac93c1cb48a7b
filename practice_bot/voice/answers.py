"""Spoken answers in a session, for every front end (line mode, the app): where recordings go, the
journal record made before a recording leaves the machine, transcription, delivery figures, consent,
and removing the audio at the end unless the learner chose to keep it.

The order never changes: the recording is on disk (0600) -> journaled ("recording" event) -> sent to be
transcribed -> the answer journaled with what was heard, how, and the delivery figures. A failure at
any step leaves the recording on disk and named, to transcribe again or to type the answer instead.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from practice_bot.errors import UserError
from practice_bot.records.spoken import Delivery, Spoken

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.llm.audio import Transcription
    from practice_bot.session.engine import Engine
    from practice_bot.voice.speech import ReadAloud

NO_ENDPOINT = (
    "Spoken answers need a speech-to-text endpoint: set OPENAI_API_KEY to use OpenAI, or "
    "PRACTICE_BOT_AUDIO_BASE_URL to use a local server (speaches, or whisper.cpp's server); see the "
    "README's 'Voice' section. Until then type your answers; questions can still be read aloud and "
    "your recordings still give delivery figures."
)
AUDIO_SUFFIX = "-audio"


class Transcribes(Protocol):
    model: str
    endpoint: str

    def transcribe(self, path: Path, context: str = "") -> Transcription: ...


@dataclass
class Heard:
    """A recording, what was heard in it (None without an endpoint) and how it was delivered."""

    path: Path
    text: str | None
    delivery: Delivery | None
    spoken: Spoken


def audio_folder(journal_path: Path) -> Path:
    """`<session>-audio/` beside the session's journal."""
    name = journal_path.name.split(".journal")[0].removesuffix(".json")
    return journal_path.parent / f"{name}{AUDIO_SUFFIX}"


class VoiceAnswers:
    def __init__(
        self,
        engine: Engine,
        journal_path: Path,
        settings: Settings,
        *,
        transcriber: Transcribes | None = None,
        read_aloud: ReadAloud | None = None,
        lock: contextlib.AbstractContextManager[Any] | None = None,
    ) -> None:
        self.engine = engine
        # held while journaling: the app journals from worker threads too (its Room's lock)
        self.lock = lock if lock is not None else threading.RLock()
        self.settings = settings
        self.folder = audio_folder(journal_path)
        self._transcriber = transcriber
        self.read_aloud = read_aloud
        self.consented = False
        self._read: set[int] = set()  # question turns already read aloud

    # ----- what is available ---------------------------------------------------------------------
    @property
    def can_transcribe(self) -> bool:
        return self._transcriber is not None or self.settings.transcription_configured

    @property
    def transcriber(self) -> Transcribes:
        if self._transcriber is None:
            if not self.settings.transcription_configured:
                raise UserError(NO_ENDPOINT)
            from practice_bot.llm.audio import Transcriber

            self._transcriber = Transcriber.from_settings(self.settings)
        return self._transcriber

    def no_endpoint_text(self) -> str:
        return NO_ENDPOINT

    def needs_consent(self) -> bool:
        from practice_bot.llm.consent import consent_needed

        return not self.consented and consent_needed(self.settings.audio_url)

    def consent_question(self) -> str:
        from practice_bot.llm.consent import describe_audio_endpoint

        return (
            f"Your {describe_audio_endpoint(self.settings)}. Nothing is sent without your say-so; "
            "if you say no, type your answers instead. Send recordings to this endpoint?"
        )

    def give_consent(self) -> None:
        from practice_bot.llm.consent import remember_consent

        remember_consent(self.settings.audio_url)
        self.consented = True

    # ----- recordings ----------------------------------------------------------------------------
    def next_path(self) -> Path:
        """A new file for the next recording (never one that exists)."""
        n = 1 + sum(1 for e in self.engine.transcript.events if e.kind == "recording")
        while (self.folder / f"answer-{n:03d}.wav").exists():
            n += 1
        return self.folder / f"answer-{n:03d}.wav"

    def journal(self, path: Path) -> None:
        """Record that the recording exists, before it is sent anywhere."""
        self._event("recording", path.name)

    def _event(self, kind: str, detail: str) -> None:
        with self.lock:
            self.engine.record_event(kind, detail)

    def adopt(self, source: Path) -> Path:
        """Line mode's `/audio PATH`: the file copied in as 16 kHz mono WAV (as if recorded here),
        then journaled. The learner's own file is only read."""
        from practice_bot.voice.wavio import WavWriter, read_mono

        samples = read_mono(source)
        path = self.next_path()
        writer = WavWriter(path)
        try:
            writer.write(samples.astype("<i2").tobytes())
        finally:
            writer.close()
        self.journal(path)
        return path

    def unused_recordings(self) -> list[Path]:
        """Recordings on the record and on disk that no answer came from (a crash mid-answer, a
        failed transcription): the newest last. A resumed session offers the newest again."""
        used = {t.spoken.audio for t in self.engine.transcript.answers() if t.spoken is not None}
        names = [e.detail for e in self.engine.transcript.events if e.kind == "recording"]
        return [self.folder / n for n in names if n not in used and (self.folder / n).is_file()]

    # ----- hearing and measuring ---------------------------------------------------------------------
    def measure(self, path: Path, text: str = "", words: Any = ()) -> Delivery | None:
        """Delivery figures, or None when the audio libraries are missing (said by `last_problem`)."""
        from practice_bot.voice.delivery import Word, measure
        from practice_bot.voice.wavio import read_mono

        try:
            samples = read_mono(path)
            return measure(samples, text, [Word(*w) for w in words])
        except UserError as exc:
            self.last_problem = str(exc)
            return None

    last_problem: str | None = None

    def hear(self, path: Path, question: str = "") -> Heard:
        """Transcribe (raises TranscriptionFailed, a UserError naming the kept file) and measure."""
        from practice_bot.voice.delivery import is_silent
        from practice_bot.voice.wavio import read_mono

        if is_silent(read_mono(path)):
            from practice_bot.voice.recorder import SILENT

            raise UserError(f"{path}: {SILENT}")
        began = self.engine.clock.monotonic()
        try:
            heard = self.transcriber.transcribe(path, question)
        except UserError as exc:
            self._event("transcription_failed", f"{path.name}: {exc}"[:500])
            # Waiting on an endpoint that failed is not the learner's time: given back, as for an
            # LLM question that never came (session/llm_wiring.py).
            with self.lock:
                waited = self.engine.clock.monotonic() - began
                self.engine.credit_time(waited, "transcription_wait")
            raise
        delivery = self.measure(path, heard.text, heard.words)
        spoken = Spoken(
            audio=path.name,
            engine="openai-compatible",
            endpoint=heard.endpoint,
            model=heard.model,
            word_timestamps=heard.word_timestamps,
            delivery=delivery,
        )
        return Heard(path, heard.text, delivery, spoken)

    def measure_only(self, path: Path) -> Heard:
        """Without an endpoint: the figures that need no words (talk, thinking time, pauses)."""
        delivery = self.measure(path)
        return Heard(
            path, None, delivery, Spoken(audio=path.name, engine="none", delivery=delivery)
        )

    def spoken_record(self, heard: Heard) -> dict[str, Any]:
        return heard.spoken.model_dump(mode="json")

    # ----- reading questions aloud -----------------------------------------------------------------
    def speak(self, text: str, turn_index: int) -> None:
        """Read a question aloud (if set up); its length is journaled for the share of talk."""
        if self.read_aloud is None or turn_index in self._read:
            return
        self._read.add(turn_index)
        seconds = self.read_aloud.speak(text)
        if seconds:
            self._event("read_aloud", f"{turn_index}:{seconds:.2f}")

    # ----- the end -------------------------------------------------------------------------------
    def finish(self, say: Callable[[str], None] = lambda _: None) -> None:
        """Remove the recordings that became answers, unless the learner keeps audio
        (settings.keep_audio). A recording no answer came from (a failed transcription, a session cut
        short) is kept and named: it may be all there is of what was said."""
        if not self.folder.is_dir():
            return
        files = sorted(self.folder.glob("answer-*.wav"))
        if self.settings.keep_audio:
            if files:
                say(f"Recordings kept in {self.folder} (keep_audio is on).")
            return
        used = {t.spoken.audio for t in self.engine.transcript.answers() if t.spoken is not None}
        gone = [p for p in files if p.name in used]
        for path in gone:
            with contextlib.suppress(OSError):
                path.unlink()
        with contextlib.suppress(OSError):
            self.folder.rmdir()  # only when nothing is left in it
        if gone:
            self._event("audio_deleted", str(len(gone)))
            say(
                f"{len(gone)} recording{'s' if len(gone) != 1 else ''} deleted "
                "(set keep_audio = true to keep them)."
            )
        kept = len(files) - len(gone)
        if kept:
            say(
                f"{kept} recording{'s' if kept != 1 else ''} that did not become an answer "
                f"kept in {self.folder}."
            )


def read_aloud_for(settings: Settings, voice_mode: bool) -> ReadAloud | None:
    """The question reader the settings ask for, or None (read_aloud off, or no engine here)."""
    wanted = settings.read_aloud if settings.read_aloud is not None else voice_mode
    if not wanted:
        return None
    from practice_bot.voice.speech import ReadAloud, offline_engine

    engine: Any = None
    if settings.speech_engine in ("auto", "offline"):
        engine = offline_engine()
    endpoint_ok = (
        settings.speech_engine in ("auto", "endpoint") and settings.transcription_configured
    )
    if engine is None and endpoint_ok:
        from practice_bot.llm.audio import EndpointSpeech

        engine = EndpointSpeech(settings)
    return ReadAloud(engine) if engine is not None else None
