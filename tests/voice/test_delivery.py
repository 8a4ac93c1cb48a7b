"""Delivery figures against espeak-ng speech with known silences (tests/voice/make_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("webrtcvad")

from practice_bot.voice.delivery import (  # noqa: E402
    Word,
    count_fillers,
    describe,
    is_silent,
    level_db,
    measure,
    share_of_talk,
)
from practice_bot.voice.wavio import read_mono  # noqa: E402
from tests.voice.make_fixtures import LAYOUTS  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = "I trained the model on last year's data, um, then I checked it for drift and we deployed it"
TOLERANCE = 0.2  # seconds: the VAD's 30 ms frames and its hangover


def test_gaps_match_the_fixture_layout() -> None:
    lead, parts = LAYOUTS["gaps.wav"]
    samples = read_mono(FIXTURES / "gaps.wav")
    d = measure(samples, TEXT)
    assert d.timing == "vad"
    assert d.thinking_seconds == pytest.approx(lead, abs=TOLERANCE)
    inner = [silence for _, silence in parts[:-1]]  # the last silence trails the answer
    assert d.pauses == sum(1 for s in inner if s >= 0.25) == 2
    assert d.long_pauses == sum(1 for s in inner if s >= 2.0) == 1
    assert d.longest_pause == pytest.approx(max(inner), abs=TOLERANCE)
    assert d.seconds == pytest.approx(len(samples) / 16000, abs=0.01)
    assert len(d.speech) == len(parts)
    # words within a phrase (espeak-ng's own short gaps) are not pauses: only the layout's are
    assert d.words == 19  # the filler is a word too
    assert d.fillers == 1
    assert d.words_per_minute == pytest.approx(19 / (d.seconds / 60), rel=0.01)
    assert d.words_per_minute_speaking is not None
    assert d.words_per_minute_speaking > d.words_per_minute


def test_word_timestamps_take_over_the_pause_figures() -> None:
    samples = read_mono(FIXTURES / "gaps.wav")
    words = [Word("so", 1.5, 1.8), Word("we", 1.9, 2.0), Word("shipped", 4.6, 5.0)]
    d = measure(samples, "so we shipped", words)
    assert d.timing == "words"
    assert d.thinking_seconds == 1.5
    assert (d.pauses, d.long_pauses, d.longest_pause) == (1, 1, 2.6)
    assert d.words == 3


def test_silence_has_no_speech_and_no_rates() -> None:
    samples = np.zeros(16000 * 2, dtype=np.int16)
    d = measure(samples, "")
    assert is_silent(samples)
    assert (d.speaking_seconds, d.words, d.pauses) == (0.0, 0, 0)
    assert d.words_per_minute is None and d.words_per_minute_speaking is None
    assert d.thinking_seconds == 2.0
    assert level_db(samples) == -90.0


def test_loud_tone_is_not_silent_and_has_a_level() -> None:
    t = np.arange(16000) / 16000
    tone = (np.sin(2 * np.pi * 440 * t) * 16000).astype(np.int16)
    assert not is_silent(tone)
    assert -10 < level_db(tone) < -5  # a sine at half scale: about -9 dBFS


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("um so uh I erm think", 3),
        ("Umm, the error rate... hmm", 2),
        ("like, you know, sort of", 0),
    ],
)
def test_fillers(text: str, count: int) -> None:
    assert count_fillers(text) == count


def test_share_of_talk_and_description() -> None:
    assert share_of_talk(30, 10) == 0.75
    assert share_of_talk(0, 0) is None
    d = measure(read_mono(FIXTURES / "gaps.wav"), TEXT)
    text = "\n".join(describe(d))
    assert "Pauses over 250 ms: 2 (1 over 2 s" in text
    assert "speech-to-text leaves many out" in text
