"""The recorder with a stand-in for sounddevice's InputStream (the real one: test_capture_pulse.py),
and the messages for a missing PortAudio, no input device and a silent capture."""

from __future__ import annotations

import os
import sys
import threading
import time
import wave
from importlib.abc import MetaPathFinder
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

np = pytest.importorskip("numpy")

from practice_bot.voice import libs  # noqa: E402
from practice_bot.voice.libs import VoiceUnavailable, quiet_stderr  # noqa: E402
from practice_bot.voice.recorder import Recorder  # noqa: E402


class FakeStream:
    """Feeds `audio` to the callback in blocks from a thread, as PortAudio would."""

    audio: Any = None

    def __init__(
        self,
        *,
        samplerate: int,
        channels: int,
        dtype: str,
        blocksize: int,
        device: Any,
        callback: Any,
    ) -> None:
        assert (samplerate, channels, dtype) == (16000, 1, "int16")
        self.blocksize = blocksize
        self.callback = callback
        self.running = False
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        os.write(2, b"ALSA lib pcm.c: noise that must not reach the screen\n")
        self.running = True

        def feed() -> None:
            audio = self.audio
            for i in range(0, len(audio), self.blocksize):
                if not self.running:
                    return
                self.callback(
                    audio[i : i + self.blocksize].reshape(-1, 1), self.blocksize, None, None
                )

        self.thread = threading.Thread(target=feed)
        self.thread.start()

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.join()
        self.running = False

    def close(self) -> None:
        pass


def fake_sounddevice(audio: Any, devices: bool = True) -> SimpleNamespace:
    FakeStream.audio = audio

    def query_devices(device: Any = None, kind: str | None = None) -> dict[str, Any]:
        if not devices:
            raise RuntimeError("Error querying device -1")
        return {"name": "fake", "max_input_channels": 1}

    return SimpleNamespace(InputStream=FakeStream, query_devices=query_devices)


def tone(seconds: float, amplitude: int) -> Any:
    t = np.arange(int(16000 * seconds)) / 16000
    return (np.sin(2 * np.pi * 300 * t) * amplitude).astype(np.int16)


def test_records_to_disk_with_levels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    audio = np.concatenate([np.zeros(8000, dtype=np.int16), tone(1.0, 12000)])
    monkeypatch.setattr(libs, "sounddevice", lambda: fake_sounddevice(audio))
    levels: list[float] = []
    rec = Recorder(on_level=levels.append)
    path = tmp_path / "answer-1.wav"
    rec.start(path)
    assert rec.recording
    time.sleep(0.05)
    result = rec.stop()
    assert result.path == path and result.seconds == pytest.approx(1.5)
    assert not result.silent and result.peak > 11000
    assert len(levels) == 30  # 1.5 s in 50 ms blocks
    assert min(levels) == -90.0 and max(levels) > -15
    with wave.open(str(path), "rb") as w:
        assert w.getnframes() == 24000
    assert "noise" not in capfd.readouterr().err


def test_silent_capture_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs, "sounddevice", lambda: fake_sounddevice(tone(0.5, 20)))
    rec = Recorder()
    rec.start(tmp_path / "quiet.wav")
    result = rec.stop()
    assert result.silent
    assert (tmp_path / "quiet.wav").is_file()  # kept: the learner decides what to do with it


def test_no_input_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs, "sounddevice", lambda: fake_sounddevice(tone(0.1, 1), devices=False))
    with pytest.raises(VoiceUnavailable, match="no microphone found"):
        Recorder().start(tmp_path / "x.wav")
    assert not (tmp_path / "x.wav").exists()


class _NoPortAudio(MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> None:
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return None


def test_missing_portaudio_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPortAudio(), *sys.meta_path])
    with pytest.raises(VoiceUnavailable, match=r"PortAudio library is missing.*libportaudio2"):
        libs.sounddevice()


def test_missing_extra_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    with pytest.raises(VoiceUnavailable, match=r"pip install 'practice-bot\[voice\]'"):
        libs.sounddevice()


def test_quiet_stderr_hides_c_level_noise(capfd: pytest.CaptureFixture[str]) -> None:
    with quiet_stderr():
        os.write(2, b"hidden\n")
    os.write(2, b"shown\n")
    err = capfd.readouterr().err
    assert "hidden" not in err and "shown" in err
