"""A stand-in for the sounddevice module: an InputStream that plays a WAV file into the callback from
a thread, ten times faster than real time, as PortAudio would deliver a microphone's blocks."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

SPEEDUP = 10.0


class FakeInputStream:
    audio: Any = None
    finished = threading.Event()

    def __init__(self, *, samplerate: int, channels: int, dtype: str, blocksize: int,
                 device: Any, callback: Any) -> None:  # fmt: skip
        assert (samplerate, channels, dtype) == (16000, 1, "int16")
        self.blocksize = blocksize
        self.callback = callback
        self.running = False
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.running = True
        type(self).finished.clear()

        def feed() -> None:
            audio = self.audio
            for i in range(0, len(audio), self.blocksize):
                if not self.running:
                    return
                block = audio[i : i + self.blocksize].reshape(-1, 1)
                self.callback(block, len(block), None, None)
                time.sleep(self.blocksize / 16000 / SPEEDUP)
            type(self).finished.set()

        self.thread = threading.Thread(target=feed, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.running = False
        if self.thread is not None:
            self.thread.join(timeout=5)

    def close(self) -> None:
        pass


def fake_sounddevice(wav: Path) -> SimpleNamespace:
    from practice_bot.voice.wavio import read_mono

    FakeInputStream.audio = read_mono(wav)

    def query_devices(device: Any = None, kind: str | None = None) -> dict[str, Any]:
        return {"name": "fake microphone", "max_input_channels": 1}

    return SimpleNamespace(InputStream=FakeInputStream, query_devices=query_devices)
