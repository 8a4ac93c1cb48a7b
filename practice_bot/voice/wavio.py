"""WAV files: written incrementally (a crash keeps what was recorded), read back as 16 kHz mono.

Recordings are 16-bit PCM, mono, 16 kHz: what speech-to-text servers and the VAD want, and small
(32 kB a second). Files are created 0600 in a folder made 0700.
"""

from __future__ import annotations

import os
import wave
from pathlib import Path
from typing import IO, Any

from practice_bot.errors import UserError
from practice_bot.voice import libs

RATE = 16_000
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


class WavWriter:
    """Appends 16-bit mono frames to a new WAV file; the header is brought up to date on each write,
    so the file is a valid WAV of everything recorded so far at any moment."""

    def __init__(self, path: Path, rate: int = RATE) -> None:
        self.path = path
        private_folder(path.parent)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except OSError as exc:
            raise UserError(f"{path}: cannot save the recording: {exc.strerror or exc}") from None
        self._file: IO[bytes] = os.fdopen(fd, "wb")
        self._wav = wave.open(self._file, "wb")  # noqa: SIM115 - closed in close()
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(rate)
        self.rate = rate
        self.frames = 0

    def write(self, pcm16: bytes) -> None:
        self._wav.writeframes(pcm16)
        self._file.flush()
        self.frames += len(pcm16) // 2

    def close(self) -> None:
        self._wav.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    @property
    def seconds(self) -> float:
        return self.frames / self.rate


def read_mono(path: Path, rate: int = RATE) -> Any:
    """The file's audio as a numpy int16 array, mono, at `rate` Hz. WAV through the standard library;
    other formats (FLAC, OGG, float WAV) through soundfile when it is installed."""
    np = libs.numpy()
    if not path.is_file():
        raise UserError(f"{path}: no such audio file")
    data, source_rate = _read_wave(path, np)
    if data is None:
        data, source_rate = _read_soundfile(path, np)
    if data.ndim > 1:
        data = data.mean(axis=1)
    if source_rate != rate and len(data):
        count = round(len(data) * rate / source_rate)
        data = np.interp(np.arange(count) * (source_rate / rate), np.arange(len(data)), data)
    return np.clip(np.round(data), -32768, 32767).astype(np.int16)


def _read_wave(path: Path, np: Any) -> tuple[Any, int]:
    try:
        with wave.open(str(path), "rb") as w:
            width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except (wave.Error, EOFError):
        return None, 0
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if width == 1:
        data = (np.frombuffer(raw, np.uint8).astype(np.float64) - 128) * 256
    elif width == 2:
        data = np.frombuffer(raw, "<i2").astype(np.float64)
    elif width == 3:
        b = np.frombuffer(raw[: len(raw) // 3 * 3], np.uint8).reshape(-1, 3).astype(np.int32)
        data = ((b[:, 0] << 8 | b[:, 1] << 16 | b[:, 2] << 24) >> 16).astype(np.float64)
    else:
        data = np.frombuffer(raw, "<i4").astype(np.float64) / 65536
    if rate <= 0 or channels <= 0:
        raise UserError(f"{path}: not a usable WAV file (rate {rate}, channels {channels})")
    return data.reshape(-1, channels), rate


def _read_soundfile(path: Path, np: Any) -> tuple[Any, int]:
    sf = libs.soundfile()
    if sf is None:
        raise UserError(
            f"{path}: not a PCM WAV file; other formats need soundfile: {libs.INSTALL_HINT}"
        )
    try:
        data, rate = sf.read(str(path), dtype="float64", always_2d=True)
    except Exception as exc:  # soundfile raises its own LibsndfileError and RuntimeError
        raise UserError(f"{path}: not an audio file this app can read ({exc})") from None
    return np.asarray(data) * 32767, int(rate)


def wav_bytes_seconds(path: Path) -> float:
    """Length in seconds of a WAV file, 0.0 when it cannot be read."""
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() / float(w.getframerate() or 1)
    except (wave.Error, EOFError, OSError):
        return 0.0
