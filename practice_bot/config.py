"""Settings: defaults < TOML config file < PRACTICE_BOT_* environment < command-line flags.

The config file is `config.toml` in the platform config folder, or the file PRACTICE_BOT_CONFIG names.
OPENAI_API_KEY and OPENAI_BASE_URL are honoured as every OpenAI client reads them. The API key is never
written anywhere by the app.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from practice_bot.errors import UserError
from practice_bot.paths import data_home as data_home  # the one data-folder function

APP_NAME = "practice-bot"


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    named = os.environ.get("PRACTICE_BOT_CONFIG")
    return Path(named).expanduser() if named else config_dir() / "config.toml"


_KEY_NAMES = {"api_key", "openai_api_key", "apikey", "key"}


def _key_fields(data: dict[str, Any], prefix: str = "") -> str | None:
    """The first field of a config file that holds an API key (`api_key`, `OPENAI_API_KEY`, also
    inside a table such as `[llm]`), as its dotted path."""
    for name, value in data.items():
        if name.lower() in _KEY_NAMES:
            return f"{prefix}{name}"
        if isinstance(value, dict):
            inner = _key_fields(value, f"{prefix}{name}.")
            if inner:
                return inner
    return None


class _TomlSource(PydanticBaseSettingsSource):
    """Reads the TOML config file; a broken file is a UserError naming it."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls)
        path = config_file()
        self._data: dict[str, Any] = {}
        if path.is_file():
            try:
                self._data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise UserError(f"{path}: not valid TOML: {exc}") from None
            found = _key_fields(self._data)
            if found:
                raise UserError(
                    f"{path}: {found}: keep the key out of files; set OPENAI_API_KEY instead"
                )
            if "audio_api_key" in self._data:
                raise UserError(
                    f"{path}: audio_api_key: keep the key out of files; "
                    "set PRACTICE_BOT_AUDIO_API_KEY instead"
                )

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self._data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PRACTICE_BOT_", extra="ignore", populate_by_name=True
    )

    name: str = ""
    transcripts: Path = Path("transcripts")
    extra_banks: Path | None = None  # a tutor's folder of extra question banks
    theme: str = "textual-dark"

    # LLM endpoint (any OpenAI-compatible server); nothing is sent anywhere without a key or base URL.
    api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    model: str = Field(default="gpt-4o-mini", min_length=1, max_length=200)
    temperature: float = 0.0
    timeout: float = Field(default=30.0, gt=0, le=3600, allow_inf_nan=False)  # seconds per request
    retries: int = Field(default=2, ge=0, le=10)
    token_budget: int = 200_000
    scorer: str = "auto"  # auto | offline | llm

    @field_validator("model", "base_url")
    @classmethod
    def _no_controls(cls, value: str | None) -> str | None:
        from practice_bot.textsafe import has_controls

        if value is not None and has_controls(value):
            raise ValueError("control characters are not allowed")
        return value

    @field_validator("base_url", "audio_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        """An endpoint is an http(s) URL with a host; the value is not repeated (it may hold a key)."""
        from urllib.parse import urlsplit

        if value is None:
            return None
        try:
            parts = urlsplit(value.strip())
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                "not an http:// or https:// URL with a host, e.g. http://localhost:11434/v1"
            )
        return value.strip()

    # Voice (docs/voice.md): speech-to-text and text-to-speech at an OpenAI-compatible endpoint whose
    # URL and key default to the chat endpoint's. Model names are settings: providers retire them.
    audio_base_url: str | None = None
    audio_api_key: SecretStr | None = None
    transcription_model: str = "whisper-1"  # word timestamps; a local server names its own model
    transcription_language: str = "en"
    speech_model: str = "gpt-4o-mini-tts"
    speech_voice: str = "alloy"
    speech_engine: str = "auto"  # auto (offline if installed, else endpoint) | offline | endpoint
    read_aloud: bool | None = None  # questions read aloud; None: on in voice mode
    keep_audio: bool = False  # keep recordings after the session (otherwise deleted at the end)
    review_spoken_mock: bool = False  # mock: review a transcribed answer before it is sent
    input_device: str | None = None  # a sounddevice input name or number; None: the default

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlSource(settings_cls))

    def model_post_init(self, context: Any, /) -> None:
        """The key (and any key in the endpoint's URL) is remembered so that it is redacted from
        everything the app prints or stores, whoever repeats it back."""
        from practice_bot.textsafe import remember_secret, remember_url_secrets

        if self.api_key is not None:
            remember_secret(self.api_key.get_secret_value())
        remember_url_secrets(self.base_url)
        if self.audio_api_key is not None:
            remember_secret(self.audio_api_key.get_secret_value())
        remember_url_secrets(self.audio_base_url)

    @property
    def llm_configured(self) -> bool:
        return self.api_key is not None or self.base_url is not None

    @property
    def audio_url(self) -> str | None:
        """The speech endpoint's base URL: its own, else the chat endpoint's (None: OpenAI's)."""
        return self.audio_base_url or self.base_url

    @property
    def audio_key(self) -> str | None:
        key = self.audio_api_key or self.api_key
        return key.get_secret_value() if key is not None else None

    @property
    def transcription_configured(self) -> bool:
        return self.audio_base_url is not None or self.llm_configured


def load_settings(**overrides: Any) -> Settings:
    """Settings with command-line overrides (None values ignored); errors name the field."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise UserError(f"settings: {problems}") from None
