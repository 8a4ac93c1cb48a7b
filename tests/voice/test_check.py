"""`practice-bot doctor --voice`: what voice can do here, said plainly, nothing recorded or sent."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("numpy")

from practice_bot.config import Settings
from practice_bot.voice import libs
from practice_bot.voice.check import voice_lines
from practice_bot.voice.libs import VoiceUnavailable
from tests.voice.fake_sounddevice import fake_sounddevice

FIXTURE = Path(__file__).parent / "fixtures" / "gaps.wav"


def test_ready_with_a_microphone_and_an_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs, "sounddevice", lambda: fake_sounddevice(FIXTURE))
    lines, ready = voice_lines(Settings(audio_base_url="http://127.0.0.1:8000/v1"))
    text = "\n".join(lines)
    assert ready
    assert "ok microphone: fake microphone" in text
    assert "transcribed at http://127.0.0.1:8000/v1 (model whisper-1), after you agree" in text


def test_no_device_and_no_endpoint_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    def query_devices(device: Any = None, kind: str | None = None) -> None:
        raise RuntimeError("Error querying device -1")

    monkeypatch.setattr(libs, "sounddevice", lambda: SimpleNamespace(query_devices=query_devices))
    lines, ready = voice_lines(Settings())
    text = "\n".join(lines)
    assert not ready
    assert "NO no microphone found" in text
    assert "NO Spoken answers need a speech-to-text endpoint" in text


def test_missing_portaudio(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Any:
        raise VoiceUnavailable(f"cannot record: {libs.PORTAUDIO_HINT}")

    monkeypatch.setattr(libs, "sounddevice", missing)
    lines, ready = voice_lines(Settings(audio_base_url="http://127.0.0.1:8000/v1"))
    assert not ready and "libportaudio2" in lines[0]
