"""Speech-to-text and text-to-speech at an OpenAI-compatible endpoint (OpenAI, speaches, whisper.cpp).

`Transcriber` posts a recording to `/audio/transcriptions` asking for `verbose_json` with word
timestamps; a server that rejects those (400/422) is asked again for plain `json`, and a reply without
words just has none. Timeouts, 5xx and dropped connections are retried a bounded number of times, then
raise `TranscriptionFailed`, which names the recording: it is on disk and stays there, to retry or to
type the answer instead. `EndpointSpeech` renders a question with `/audio/speech` for the read-aloud
cache (practice_bot.voice.speech).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice_bot.errors import UserError
from practice_bot.llm.client import DEFAULT_BASE_URL, NO_KEY
from practice_bot.llm.failures import LLMFailure, classify, short_text
from practice_bot.textsafe import valid_text

if TYPE_CHECKING:
    import openai

    from practice_bot.config import Settings

MIN_AUDIO_TIMEOUT = 120.0  # seconds: a long answer takes a while to upload and transcribe
# OpenAI takes files up to 25 MB: about 13 minutes of the app's 16 kHz 16-bit mono WAV.
MAX_UPLOAD = 25 * 1024 * 1024
BACKOFF = 1.0
# The domain's vocabulary, so "drift", "F1" and "GDPR" come back spelled as the learner meant them.
# The hesitations at the end follow OpenAI's advice for keeping filler words in the transcript
# (speech-to-text guide, "Prompting"): without them most are silently dropped.
VOCABULARY = (
    "A machine learning engineer apprentice's professional discussion: MLOps, feature store, "
    "data drift, concept drift, precision, recall, F1 score, ROC AUC, hyperparameters, "
    "cross-validation, overfitting, GDPR, DPIA, stakeholders, CI/CD, Docker, Kubernetes, "
    "PyTorch, scikit-learn, XGBoost, SHAP, A/B test, KPI. Umm, let me think, uh, hmm."
)


def audio_endpoint(settings: Settings) -> str:
    return settings.audio_url or DEFAULT_BASE_URL


def make_audio_client(settings: Settings, *, max_retries: int = 0) -> openai.OpenAI:
    import openai

    return openai.OpenAI(
        api_key=settings.audio_key or NO_KEY,
        base_url=audio_endpoint(settings),
        timeout=max(settings.timeout, MIN_AUDIO_TIMEOUT),
        max_retries=max_retries,
    )


@dataclass(frozen=True)
class Transcription:
    text: str
    model: str
    endpoint: str
    words: list[tuple[str, float, float]] = field(default_factory=list)  # (word, start, end)
    duration: float | None = None

    @property
    def word_timestamps(self) -> bool:
        return bool(self.words)


class TranscriptionFailed(UserError):
    """Transcription did not work; the recording named is kept."""

    def __init__(self, path: Path, failure: LLMFailure) -> None:
        self.path = path
        self.failure = failure
        super().__init__(
            f"transcription failed: {failure}. Your recording is safe in {path}: "
            "try the transcription again, or type your answer"
        )


class Transcriber:
    def __init__(
        self,
        client_factory: Callable[[], openai.OpenAI],
        *,
        model: str,
        endpoint: str,
        language: str | None = "en",
        retries: int = 1,
        secret: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._factory = client_factory
        self._client: openai.OpenAI | None = None
        self.model = model
        self.endpoint = endpoint
        self.language = language or None
        self.retries = max(0, retries)
        self.secret = secret
        self.sleep = sleep
        self.word_timestamps_supported = True  # until a server says otherwise

    @classmethod
    def from_settings(
        cls, settings: Settings, *, sleep: Callable[[float], None] = time.sleep
    ) -> Transcriber:
        from practice_bot.llm.consent import endpoint_key

        return cls(
            lambda: make_audio_client(settings),
            model=settings.transcription_model,
            endpoint=endpoint_key(settings.audio_url),
            language=settings.transcription_language,
            retries=settings.retries,
            secret=settings.audio_key,
            sleep=sleep,
        )

    @property
    def client(self) -> openai.OpenAI:
        if self._client is None:
            self._client = self._factory()
        return self._client

    def transcribe(self, path: Path, context: str = "") -> Transcription:
        """The recording's text (and word timings when the server gives them). The file is read, never
        changed or removed. Raises TranscriptionFailed (a UserError) when it cannot be done."""
        try:
            audio = path.read_bytes()
        except OSError as exc:
            raise UserError(f"{path}: cannot read the recording: {exc.strerror or exc}") from None
        if len(audio) > MAX_UPLOAD:
            raise UserError(
                f"{path}: {len(audio) / 1024 / 1024:.0f} MB is more than the 25 MB transcription "
                "endpoints accept (about 13 minutes of speech); the recording is kept: type your "
                "answer, or record it in shorter parts"
            )
        prompt = f"{context.strip()} {VOCABULARY}".strip() if context else VOCABULARY
        for number in range(1, self.retries + 2):
            try:
                return self._once(path.name, audio, prompt)
            except LLMFailure as failure:
                if not failure.retryable or number > self.retries:
                    failure.attempts = number
                    raise TranscriptionFailed(path, failure) from None
                self.sleep(BACKOFF * 2 ** (number - 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, name: str, audio: bytes, prompt: str) -> Transcription:
        if self.word_timestamps_supported:
            try:
                return self._request(name, audio, prompt, verbose=True)
            except LLMFailure as failure:
                if failure.reason not in ("bad_request", "format_unsupported"):
                    raise
                self.word_timestamps_supported = False  # ask this server plainly from now on
        return self._request(name, audio, prompt, verbose=False)

    def _request(self, name: str, audio: bytes, prompt: str, *, verbose: bool) -> Transcription:
        import openai

        params: dict[str, Any] = {"model": self.model, "file": (name, audio, "audio/wav")}
        params["prompt"] = prompt
        if self.language:
            params["language"] = self.language
        if verbose:
            params["response_format"] = "verbose_json"
            params["timestamp_granularities"] = ["word"]
        else:
            params["response_format"] = "json"
        try:
            create: Callable[..., Any] = self.client.audio.transcriptions.create
            result = create(**params)
        except openai.OpenAIError as exc:
            raise classify(exc, self.secret) from None
        except ValueError as exc:  # a 200 whose body is not JSON
            raise LLMFailure("invalid_response", f"not JSON: {short_text(str(exc))}") from None
        text = getattr(result, "text", None)  # a str result: the server sent no JSON
        if not isinstance(text, str):
            raise LLMFailure("invalid_response", "no text in the transcription")
        return Transcription(
            text=valid_text(text).strip(),
            model=self.model,
            endpoint=self.endpoint,
            words=_words(getattr(result, "words", None)),
            duration=_number(getattr(result, "duration", None)),
        )


def _words(raw: Any) -> list[tuple[str, float, float]]:
    out: list[tuple[str, float, float]] = []
    for w in raw or []:
        get = w.get if isinstance(w, dict) else lambda k, w=w: getattr(w, k, None)
        word, start, end = get("word"), _number(get("start")), _number(get("end"))
        if isinstance(word, str) and start is not None and end is not None:
            out.append((word.strip(), start, end))
    return out


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


class EndpointSpeech:
    """Questions spoken by the endpoint's `/audio/speech` (a SpeechEngine for the read-aloud cache)."""

    def __init__(self, settings: Settings) -> None:
        from practice_bot.llm.consent import endpoint_key

        self.settings = settings
        self.model = settings.speech_model
        self.voice = settings.speech_voice
        self.name = f"{endpoint_key(settings.audio_url)} {self.model}"
        self._client: openai.OpenAI | None = None

    def render(self, text: str, path: Path) -> None:
        import openai

        if self._client is None:
            self._client = make_audio_client(self.settings)
        try:
            create: Callable[..., Any] = self._client.audio.speech.create
            response = create(model=self.model, voice=self.voice, input=text, response_format="wav")
            data = response.content
        except openai.OpenAIError as exc:
            failure = classify(exc, self.settings.audio_key)
            raise UserError(f"reading the question aloud failed: {failure}") from None
        if not isinstance(data, bytes) or not data.startswith(b"RIFF"):
            raise UserError("reading the question aloud failed: the endpoint sent no WAV audio")
        path.write_bytes(data)
