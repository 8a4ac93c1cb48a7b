"""Lazy imports of the optional audio libraries, with messages that name the fix.

PortAudio and ALSA write warnings straight to file descriptor 2 while they probe devices; `quiet_stderr`
points that descriptor at /dev/null for the duration, so nothing garbles a full-screen app.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from types import ModuleType

from practice_bot.errors import UserError

INSTALL_HINT = "install the voice extra: pip install 'practice-bot[voice]'"
PORTAUDIO_HINT = (
    "the PortAudio library is missing: install it (Debian/Ubuntu: sudo apt install libportaudio2; "
    "Fedora: sudo dnf install portaudio; macOS: brew install portaudio)"
)

_stderr_lock = threading.Lock()


class VoiceUnavailable(UserError):
    """Voice cannot work here (a library, a device or a permission is missing); says how to fix it."""


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Send what C libraries write to fd 2 to /dev/null while the block runs."""
    with _stderr_lock:
        try:
            fd = sys.__stderr__.fileno() if sys.__stderr__ is not None else 2
            saved = os.dup(fd)
        except (OSError, ValueError):
            yield
            return
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, fd)
            finally:
                os.close(devnull)
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


def numpy() -> ModuleType:
    try:
        import numpy
    except ImportError:
        raise VoiceUnavailable(f"voice needs numpy: {INSTALL_HINT}") from None
    return numpy


def sounddevice() -> ModuleType:
    """The sounddevice module; a missing PortAudio library is a VoiceUnavailable, not a traceback."""
    try:
        with quiet_stderr():
            import sounddevice
    except ImportError:
        raise VoiceUnavailable(f"recording needs sounddevice: {INSTALL_HINT}") from None
    except OSError:
        raise VoiceUnavailable(f"cannot record: {PORTAUDIO_HINT}") from None
    return sounddevice


def webrtcvad() -> ModuleType:
    try:
        import webrtcvad
    except ImportError:
        raise VoiceUnavailable(f"delivery figures need webrtcvad: {INSTALL_HINT}") from None
    return webrtcvad


def soundfile() -> ModuleType | None:
    """soundfile when installed (reads FLAC, float WAV and more); None: the standard library's wave."""
    try:
        import soundfile
    except (ImportError, OSError):
        return None
    return soundfile
