"""WAV files written as they record (mode 0600, valid at every moment) and read back as 16 kHz mono."""

from __future__ import annotations

import stat
import wave
from pathlib import Path

import pytest

from practice_bot.errors import UserError

np = pytest.importorskip("numpy")

from practice_bot.voice.wavio import WavWriter, read_mono  # noqa: E402


def test_writer_is_private_and_valid_before_close(tmp_path: Path) -> None:
    path = tmp_path / "audio" / "answer-1.wav"
    w = WavWriter(path)
    w.write(np.ones(8000, dtype=np.int16).tobytes())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with wave.open(str(path), "rb") as r:  # a crash now would still leave a playable file
        assert r.getnframes() == 8000
    w.write(np.ones(8000, dtype=np.int16).tobytes())
    w.close()
    assert w.seconds == 1.0
    with wave.open(str(path), "rb") as r:
        assert (r.getnframes(), r.getframerate(), r.getnchannels()) == (16000, 16000, 1)


def test_writer_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(b"keep me")
    with pytest.raises(UserError, match=r"a\.wav: cannot save the recording"):
        WavWriter(path)
    assert path.read_bytes() == b"keep me"


def test_stereo_44k_read_as_16k_mono(tmp_path: Path) -> None:
    path = tmp_path / "stereo.wav"
    left = np.full(44100, 1000, dtype=np.int16)
    right = np.full(44100, 3000, dtype=np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(np.column_stack([left, right]).astype("<i2").tobytes())
    samples = read_mono(path)
    assert len(samples) == 16000
    assert samples.dtype == np.int16
    assert int(samples[100]) == 2000


def test_bad_files_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"nothing\.wav: no such audio file"):
        read_mono(tmp_path / "nothing.wav")
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"this is not audio at all")
    with pytest.raises(UserError, match=r"junk\.wav: not"):
        read_mono(junk)
