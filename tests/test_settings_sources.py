"""Where the settings come from: defaults < the TOML file < PRACTICE_BOT_* environment < values given,
read by config.py itself as pydantic-settings read them before (same names, precedence and messages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.config import Settings, load_settings
from practice_bot.errors import UserError


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("PRACTICE_BOT_CONFIG", str(path))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "PRACTICE_BOT_SCORER", "PRACTICE_BOT_NAME"):
        monkeypatch.delenv(name, raising=False)
    return path


def test_each_source_overrides_the_one_before(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config.write_text("scorer = 'offline'\nname = 'File'\ntimeout = 3\nunknown = 1\n", "utf-8")
    monkeypatch.setenv("practice_bot_Scorer", "llm")  # any case
    monkeypatch.setenv("PRACTICE_BOT_NAME", "Env")
    s = load_settings(name="Flag", model=None)  # None: no flag given
    assert (s.scorer, s.name, s.timeout, s.model) == ("llm", "Flag", 3.0, "gpt-4o-mini")
    assert s.model_fields_set == {"scorer", "name", "timeout"}  # what was given, not the defaults


def test_the_openai_names_come_first_and_errors_name_them(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config.write_text("base_url = 'http://file/v1'\n", "utf-8")
    monkeypatch.setenv("PRACTICE_BOT_BASE_URL", "http://prefixed/v1")
    assert Settings().base_url == "http://prefixed/v1"
    monkeypatch.setenv("OPENAI_BASE_URL", "http://openai/v1")
    assert Settings().base_url == "http://openai/v1"
    assert Settings(base_url="http://flag/v1").base_url == "http://flag/v1"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    assert Settings(api_key="sk-flag").audio_key == "sk-flag"
    monkeypatch.setenv("OPENAI_BASE_URL", "http://x/\x01v1")
    with pytest.raises(UserError, match=r"^settings: OPENAI_BASE_URL: Value error, control"):
        load_settings()


def test_bad_values_name_the_field(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRACTICE_BOT_TIMEOUT", "soon")
    with pytest.raises(UserError, match=r"^settings: timeout: Input should be a valid number"):
        load_settings()
    monkeypatch.delenv("PRACTICE_BOT_TIMEOUT")
    config.write_text("api_key = 'sk-in-a-file'\n", "utf-8")
    with pytest.raises(UserError, match="api_key: keep the key out of files"):
        load_settings()
