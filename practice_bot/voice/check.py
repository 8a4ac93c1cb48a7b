"""`practice-bot doctor --voice`: what voice can do here, checked offline (nothing is recorded or sent):
the audio libraries, PortAudio and an input device, the VAD, an offline speech engine and a player, and
where recordings would be transcribed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from practice_bot.voice import libs
from practice_bot.voice.libs import VoiceUnavailable

if TYPE_CHECKING:
    from practice_bot.config import Settings

OK, NO, NOTE = "ok ", "NO ", "-- "


def voice_lines(settings: Settings) -> tuple[list[str], bool]:
    """Lines to show, and whether a spoken answer could be recorded and transcribed here."""
    lines: list[str] = []
    can_record = _recording(settings, lines)
    try:
        libs.webrtcvad()
        lines.append(f"{OK}voice-activity detection (webrtcvad): delivery figures available")
    except VoiceUnavailable as exc:
        lines.append(f"{NO}{exc}")
    from practice_bot.voice.speech import offline_engine, player_command

    engine = offline_engine()
    if engine is not None:
        lines.append(f"{OK}questions read aloud offline with {engine.name}")
    else:
        lines.append(f"{NOTE}no offline speech engine (install espeak-ng; macOS has `say`)")
    if player_command(Path("question.wav")) is None:
        lines.append(
            f"{NOTE}no audio player found (paplay, aplay, afplay): sounddevice plays instead"
        )
    if settings.transcription_configured:
        from practice_bot.llm.consent import endpoint_key

        lines.append(
            f"{OK}recordings would be transcribed at {endpoint_key(settings.audio_url)} "
            f"(model {settings.transcription_model}), after you agree"
        )
    else:
        from practice_bot.voice.answers import NO_ENDPOINT

        lines.append(f"{NO}{NO_ENDPOINT}")
    return lines, can_record and settings.transcription_configured


def _recording(settings: Settings, lines: list[str]) -> bool:
    try:
        sd = libs.sounddevice()
        libs.numpy()
    except VoiceUnavailable as exc:
        lines.append(f"{NO}{exc}")
        return False
    try:
        with libs.quiet_stderr():
            device = sd.query_devices(settings.input_device, kind="input")
    except Exception:  # PortAudioError, ValueError: no such device
        from practice_bot.voice.recorder import NO_DEVICE

        lines.append(f"{NO}{NO_DEVICE}")
        return False
    lines.append(f"{OK}microphone: {device.get('name', 'default input')}")
    return True
