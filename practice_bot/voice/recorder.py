"""The microphone: a sounddevice InputStream writing 16 kHz mono WAV to disk as it records.

The stream's callback only copies blocks onto a queue; a writer thread appends them to the file (so the
recording is on disk as it is made) and reports each block's level to `on_level`, for a meter.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from practice_bot.voice import libs
from practice_bot.voice.delivery import SILENT_PEAK, level_db
from practice_bot.voice.libs import VoiceUnavailable
from practice_bot.voice.wavio import RATE, WavWriter

BLOCK = 0.05  # seconds of audio per callback: 20 level readings a second
NO_DEVICE = "no microphone found: plug one in (or pick one with PRACTICE_BOT_INPUT_DEVICE), or type your answer"
SILENT = (
    "the recording was silent: check the microphone is not muted. On macOS, allow the terminal "
    "to use it in System Settings > Privacy & Security > Microphone, then start the terminal again"
)


@dataclass
class Recording:
    path: Path
    seconds: float
    peak: int

    @property
    def silent(self) -> bool:
        return self.peak < SILENT_PEAK


class Recorder:
    """One recording at a time: `start(path)`, then `stop()` gives the Recording (already on disk)."""

    def __init__(
        self, device: str | int | None = None, on_level: Callable[[float], None] | None = None
    ) -> None:
        self.device = device
        self.on_level = on_level
        self._stream: Any = None
        self._writer: WavWriter | None = None
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._peak = 0
        self._error: BaseException | None = None
        self.started_at = 0.0

    @property
    def recording(self) -> bool:
        return self._stream is not None

    def elapsed(self) -> float:
        return time.monotonic() - self.started_at if self.recording else 0.0

    def start(self, path: Path) -> None:
        if self._stream is not None:
            raise RuntimeError("already recording")
        sd = libs.sounddevice()
        np = libs.numpy()
        self._check_device(sd)
        self._writer = WavWriter(path, RATE)
        self._peak = 0
        self._error = None

        def callback(indata: Any, frames: int, when: Any, status: Any) -> None:
            self._queue.put(indata.copy())

        try:
            with libs.quiet_stderr():
                stream = sd.InputStream(
                    samplerate=RATE,
                    channels=1,
                    dtype="int16",
                    blocksize=int(RATE * BLOCK),
                    device=self.device,
                    callback=callback,
                )
                stream.start()
        except Exception as exc:  # sounddevice.PortAudioError, ValueError for a bad device
            self._writer.close()
            self._writer = None
            raise VoiceUnavailable(f"cannot record: {_portaudio_text(exc)}") from None
        self._stream = stream
        self.started_at = time.monotonic()
        self._thread = threading.Thread(target=self._drain, args=(np,), daemon=True)
        self._thread.start()

    def stop(self) -> Recording:
        """Stop, finish the file, and return it. The file stays on disk whatever happens next."""
        stream, writer = self._stream, self._writer
        if stream is None or writer is None:
            raise RuntimeError("not recording")
        with libs.quiet_stderr(), contextlib.suppress(Exception):
            stream.stop()
            stream.close()
        self._stream = None
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=5)
        writer.close()
        self._writer = None
        if self._error is not None:
            raise VoiceUnavailable(f"{writer.path}: recording stopped: {self._error}")
        return Recording(writer.path, writer.seconds, self._peak)

    def _drain(self, np: Any) -> None:
        writer = self._writer
        while True:
            block = self._queue.get()
            if block is None or writer is None:
                return
            try:
                writer.write(block.tobytes())
            except OSError as exc:
                self._error = exc
                return
            self._peak = max(self._peak, int(np.abs(block.astype(np.int32)).max(initial=0)))
            if self.on_level is not None:
                self.on_level(level_db(block))

    def _check_device(self, sd: Any) -> None:
        try:
            with libs.quiet_stderr():
                sd.query_devices(self.device, kind="input")
        except Exception:  # PortAudioError when there is none, ValueError for an unknown name
            raise VoiceUnavailable(f"cannot record: {NO_DEVICE}") from None


def _portaudio_text(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    if "Invalid device" in text or "No Default" in text or "Invalid number of channels" in text:
        return NO_DEVICE
    return f"the audio system said: {text}"
