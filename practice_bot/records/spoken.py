"""How a spoken answer was heard and delivered, as stored on its transcript turn (the figures are worked
out by practice_bot.voice.delivery; nothing here needs an audio library)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

PAUSE = 0.25  # seconds: a gap in speech at least this long is a pause
LONG_PAUSE = 2.0  # seconds: a long pause


class Delivery(BaseModel):
    """How an answer was spoken. Times in seconds; rates per minute; None where nothing was said."""

    model_config = ConfigDict(allow_inf_nan=False)

    seconds: float  # the whole recording: talk time
    speaking_seconds: float  # time with voice in it
    thinking_seconds: float  # from the start of the recording to the first word
    words: int
    words_per_minute: float | None  # over the whole recording
    words_per_minute_speaking: float | None  # over the time with voice in it
    pauses: int  # gaps of PAUSE seconds or more between the first and the last word
    long_pauses: int  # of those, LONG_PAUSE seconds or more
    longest_pause: float
    fillers: int  # um, uh, er... as transcribed: speech-to-text leaves many out
    fillers_per_minute: float | None
    timing: Literal["words", "vad"]  # where the pause figures came from
    speech: list[tuple[float, float]] = []  # (start, end) of each stretch of speech, for charts


class Spoken(BaseModel):
    """On an answer turn: the answer was spoken, how it was transcribed, and how it was delivered."""

    audio: str | None = None  # the recording's file name, while it is kept
    engine: str = ""  # "openai-compatible" or "none" (not transcribed)
    endpoint: str | None = None
    model: str | None = None
    word_timestamps: bool = False
    delivery: Delivery | None = None
