"""Consent per endpoint: asked once, remembered privately, never storing a key."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from practice_bot.llm.consent import (
    consent_needed,
    data_home,
    describe_endpoint,
    endpoint_key,
    forget_consent,
    remember_consent,
)
from tests.llm.llm_testkit import KEY, settings


def test_asked_once_per_endpoint(tmp_path: Path) -> None:
    assert data_home() == tmp_path / "data"
    assert consent_needed("https://api.openai.com/v1")
    path = remember_consent("https://api.openai.com/v1/")
    assert not consent_needed("https://api.openai.com/v1")
    assert not consent_needed(None)  # None means OpenAI's default endpoint
    assert consent_needed("http://localhost:11434/v1")
    remember_consent("http://localhost:11434/v1")
    assert not consent_needed("http://LOCALHOST:11434/v1/")
    saved = json.loads(path.read_text())
    assert sorted(saved["endpoints"]) == ["http://localhost:11434/v1", "https://api.openai.com/v1"]
    forget_consent("http://localhost:11434/v1")
    assert consent_needed("http://localhost:11434/v1")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_and_folder_are_private(tmp_path: Path) -> None:
    path = remember_consent("https://api.openai.com/v1")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["consent.json"]  # no temp files left


def test_credentials_in_the_url_are_never_stored(tmp_path: Path) -> None:
    url = f"https://user:{KEY}@gateway.test/openai/v1?api-key={KEY}"
    assert endpoint_key(url) == "https://gateway.test/openai/v1"
    path = remember_consent(url)
    assert KEY not in path.read_text()
    assert not consent_needed(url)


def test_describe_endpoint() -> None:
    s = settings(OPENAI_BASE_URL=None, model="gpt-4o-mini")
    assert (
        describe_endpoint(s)
        == "answers will be sent to https://api.openai.com/v1 (model gpt-4o-mini)"
    )
    s = settings(OPENAI_BASE_URL="http://localhost:11434/v1", model="llama3.1")
    assert (
        describe_endpoint(s) == "answers will be sent to http://localhost:11434/v1 (model llama3.1)"
    )
    assert KEY not in describe_endpoint(s)


def test_corrupt_file_means_ask_again(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "consent.json").write_text("{not json")
    assert consent_needed("https://api.openai.com/v1")
    remember_consent("https://api.openai.com/v1")
    assert not consent_needed("https://api.openai.com/v1")
