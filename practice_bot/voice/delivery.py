"""Delivery figures from the learner's own audio: voice-activity detection (webrtcvad) for when there is
speech, word timestamps from the transcription server where it gives them, the transcript for words
and fillers. Norms and sources: docs/voice.md.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from practice_bot.records.spoken import LONG_PAUSE, PAUSE, Delivery
from practice_bot.voice import libs
from practice_bot.voice.wavio import RATE

FRAME_MS = 30
VAD_MODE = 2  # 0 (lenient) .. 3 (strict); 2 ignores steady background noise yet keeps soft speech
BRIDGE = 0.12  # seconds: gaps shorter than this inside speech are the VAD flickering, not pauses
MIN_SPEECH = 0.06  # seconds: shorter blips of "speech" are clicks
SILENT_PEAK = 100  # int16 peak under which a capture counts as silent (about -50 dBFS)

# Hesitation fillers as speech-to-text writes them. "like", "so" and "you know" are left out: they are
# words too often, and counting them would accuse fluent speakers.
FILLERS = re.compile(r"\b(?:u+m+|u+h+m*|e+r+m*|a+h+|h+m+|m+h*m+)\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z0-9']+")


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


def speech_segments(
    samples: Any, rate: int = RATE, mode: int = VAD_MODE
) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of speech in int16 mono samples at `rate`."""
    vad = libs.webrtcvad().Vad(mode)
    step = rate * FRAME_MS // 1000
    raw = samples.tobytes()
    voiced: list[tuple[float, float]] = []
    for i in range(len(samples) // step):
        frame = raw[i * step * 2 : (i + 1) * step * 2]
        if vad.is_speech(frame, rate):
            start = i * step / rate
            end = start + FRAME_MS / 1000
            if voiced and start - voiced[-1][1] < BRIDGE:
                voiced[-1] = (voiced[-1][0], end)
            else:
                voiced.append((start, end))
    return [(round(a, 2), round(b, 2)) for a, b in voiced if b - a >= MIN_SPEECH]


def count_fillers(text: str) -> int:
    return len(FILLERS.findall(text))


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def measure(samples: Any, text: str = "", words: Sequence[Word] = (), rate: int = RATE) -> Delivery:
    """The figures for one answer: `samples` int16 mono at `rate`; `text` its transcript (may be
    empty: no words yet); `words` timestamps from the server, when it gave them."""
    seconds = len(samples) / rate
    segments = speech_segments(samples, rate)
    speaking = sum(b - a for a, b in segments)
    timed = [w for w in words if w.end >= w.start]
    if timed:
        spans = [(w.start, w.end) for w in timed]
        timing = "words"
    else:
        spans = segments
        timing = "vad"
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(spans)]
    pauses = [g for g in gaps if g >= PAUSE]
    n_words = len(timed) if timed else count_words(text)
    fillers = count_fillers(text)
    minutes = seconds / 60
    return Delivery(
        seconds=round(seconds, 2),
        speaking_seconds=round(speaking, 2),
        thinking_seconds=round(spans[0][0], 2) if spans else round(seconds, 2),
        words=n_words,
        words_per_minute=round(n_words / minutes, 1) if n_words and minutes else None,
        words_per_minute_speaking=round(n_words / (speaking / 60), 1)
        if n_words and speaking
        else None,
        pauses=len(pauses),
        long_pauses=sum(1 for g in pauses if g >= LONG_PAUSE),
        longest_pause=round(max(gaps, default=0.0), 2),
        fillers=fillers,
        fillers_per_minute=round(fillers / minutes, 1) if minutes else None,
        timing=timing,
        speech=segments,
    )


def is_silent(samples: Any) -> bool:
    np = libs.numpy()
    return not len(samples) or int(np.abs(samples.astype(np.int32)).max()) < SILENT_PEAK


def level_db(block: Any) -> float:
    """The loudness of a block of int16 samples in dB below full scale (-90 for silence)."""
    np = libs.numpy()
    if not len(block):
        return -90.0
    rms = float(np.sqrt(np.mean(np.square(block.astype(np.float64) / 32768.0))))
    return max(-90.0, 20 * float(np.log10(rms)) if rms > 0 else -90.0)


def share_of_talk(learner_seconds: float, assessor_seconds: float) -> float | None:
    total = learner_seconds + assessor_seconds
    return round(learner_seconds / total, 3) if total > 0 else None


def describe(d: Delivery) -> list[str]:
    """The figures as lines for a person to read."""

    def rate(value: float | None) -> str:
        return f"{value:.0f}" if value is not None else "-"

    lines = [
        f"Talk time {d.seconds:.1f} s (speaking {d.speaking_seconds:.1f} s); "
        f"thinking time before the first word {d.thinking_seconds:.1f} s.",
        f"{d.words} words: {rate(d.words_per_minute)} words/min overall, "
        f"{rate(d.words_per_minute_speaking)} while speaking.",
        f"Pauses over {PAUSE * 1000:.0f} ms: {d.pauses} ({d.long_pauses} over {LONG_PAUSE:.0f} s; "
        f"longest {d.longest_pause:.1f} s).",
        f"Filler words: {d.fillers} ({rate(d.fillers_per_minute)}/min; speech-to-text leaves "
        "many out, so the real count is likely higher).",
    ]
    return lines
