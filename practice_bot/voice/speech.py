"""Questions read aloud: offline engines (espeak-ng, macOS `say`), a cache of rendered audio keyed by
engine, voice and text (a bank question plays at once the second time), and playback.

An endpoint's `/v1/audio/speech` is another engine with the same `render` (practice_bot.llm.audio).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Protocol

from practice_bot.errors import UserError
from practice_bot.voice import libs
from practice_bot.voice.wavio import private_folder, wav_bytes_seconds

RENDER_TIMEOUT = 60.0  # seconds an offline engine may take for one question


class SpeechEngine(Protocol):
    name: str  # "espeak-ng", "say", "openai:gpt-4o-mini-tts"
    voice: str

    def render(self, text: str, path: Path) -> None:
        """Write `text` spoken, as a WAV file, to `path`."""
        ...


class OfflineEngine:
    """espeak-ng (Linux, Windows) or `say` (macOS), run as a program writing a WAV file."""

    def __init__(self, name: str, program: str, voice: str = "") -> None:
        self.name = name
        self.program = program
        self.voice = voice or ("en-gb" if name == "espeak-ng" else "")

    def command(self, text: str, path: Path) -> list[str]:
        if self.name == "say":
            voice = ["-v", self.voice] if self.voice else []
            # the file format named, as the cache writes to a `.part` name first
            return [
                self.program,
                *voice,
                "--file-format=WAVE",
                "--data-format=LEI16@22050",
                "-o",
                str(path),
                "--",
                text,
            ]
        return [self.program, "-v", self.voice, "-w", str(path), "--", text]

    def render(self, text: str, path: Path) -> None:
        try:
            done = subprocess.run(
                self.command(text, path),
                capture_output=True,
                timeout=RENDER_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UserError(f"{self.name}: could not read the question aloud: {exc}") from None
        if done.returncode != 0 or not path.is_file():
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UserError(
                f"{self.name}: could not read the question aloud"
                + (f": {said[-1]}" if said else f" (exit status {done.returncode})")
            )


def offline_engine(voice: str = "") -> OfflineEngine | None:
    """The offline engine installed here, if any: espeak-ng, else macOS `say`."""
    for name in ("espeak-ng", "say"):
        program = shutil.which(name)
        if program:
            return OfflineEngine(name, program, voice)
    return None


class SpeechCache:
    """Rendered questions as files named by a hash of engine, voice and text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, engine: SpeechEngine, text: str) -> Path:
        key = hashlib.sha256(f"{engine.name}\0{engine.voice}\0{text}".encode()).hexdigest()
        return self.folder / f"{key[:40]}.wav"

    def render(self, engine: SpeechEngine, text: str) -> Path:
        """The rendered file, made now unless it is in the cache already."""
        path = self.path_for(engine, text)
        if path.is_file() and path.stat().st_size > 44:
            return path
        private_folder(self.folder)
        partial = path.with_suffix(f".{os.getpid()}.part")
        try:
            engine.render(text, partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path


def default_cache() -> SpeechCache:
    from practice_bot.paths import data_home

    return SpeechCache(data_home() / "speech-cache")


def player_command(path: Path) -> list[str] | None:
    """A program that plays a WAV file here, if there is one."""
    for program, args in (("paplay", []), ("aplay", ["-q"]), ("afplay", [])):
        found = shutil.which(program)
        if found:
            return [found, *args, str(path)]
    return None


def play(path: Path) -> None:
    """Play a WAV file to the end (blocking); audio-library noise kept off the screen."""
    command = player_command(path)
    if command is not None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(command, capture_output=True, timeout=600, check=False)
        return
    sd, sf = libs.sounddevice(), libs.soundfile()
    if sf is None:
        raise libs.VoiceUnavailable(f"playing audio needs soundfile: {libs.INSTALL_HINT}")
    data, rate = sf.read(str(path), dtype="int16")
    with libs.quiet_stderr():
        sd.play(data, rate)
        sd.wait()


class ReadAloud:
    """Reads questions aloud in the background, one at a time; a newer question cuts in line."""

    def __init__(self, engine: SpeechEngine, cache: SpeechCache | None = None) -> None:
        self.engine = engine
        self.cache = cache or default_cache()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None

    def prepare(self, text: str) -> tuple[Path, float]:
        """Render (or find in the cache) and return the file and its length in seconds."""
        path = self.cache.render(self.engine, text)
        return path, wav_bytes_seconds(path)

    def speak(self, text: str, *, wait: bool = False) -> float:
        """Start reading `text` aloud; returns the length of the audio in seconds (0 on failure)."""
        try:
            path, seconds = self.prepare(text)
        except UserError as exc:
            self.last_error = str(exc)
            return 0.0

        def run() -> None:
            try:
                play(path)
            except UserError as exc:
                self.last_error = str(exc)

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        if wait:
            self._thread.join()
        return seconds
