"""Fixtures for the LLM adapter tests: no network anywhere, and every request body the code sends is
checked against OpenAI's published `CreateChatCompletionRequest` schema (tests/data/openai/)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import respx
from jsonschema import Draft202012Validator

SCHEMA_FILE = (
    Path(__file__).resolve().parents[1]
    / "data"
    / "openai"
    / "create_chat_completion_request.schema.json"
)


def _top_level_properties(schema: dict[str, Any]) -> set[str]:
    """Every property name CreateChatCompletionRequest declares (through its allOf parts)."""
    schemas = schema["components"]["schemas"]
    names: set[str] = set()
    stack = ["CreateChatCompletionRequest"]
    while stack:
        node = schemas[stack.pop()]
        for part in node.get("allOf", [node]):
            if "$ref" in part:
                stack.append(part["$ref"].rsplit("/", 1)[-1])
            names.update(part.get("properties", {}))
    return names


@pytest.fixture(scope="session")
def request_schema() -> tuple[Draft202012Validator, set[str]]:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema), _top_level_properties(schema)


def check_request_bodies(
    router: respx.Router, validator: Draft202012Validator, known: set[str]
) -> int:
    """Validate every captured chat-completions body; returns how many were checked."""
    checked = 0
    for call in router.calls:
        if not call.request.url.path.endswith("/chat/completions"):
            continue
        body = json.loads(call.request.content)
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        assert not errors, f"request body breaks CreateChatCompletionRequest: {errors[0].message}"
        # The published schema leaves extra fields open; a field it does not know is our typo.
        assert set(body) <= known, f"fields unknown to the API: {set(body) - known}"
        checked += 1
    return checked


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No real settings, keys, data folder or cached encodings leak in."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)
    for name in ("MODEL", "TIMEOUT", "RETRIES", "TEMPERATURE", "TOKEN_BUDGET", "SCORER"):
        monkeypatch.delenv(f"PRACTICE_BOT_{name}", raising=False)
    monkeypatch.setenv("PRACTICE_BOT_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("PRACTICE_BOT_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _offline_tiktoken(offline_tiktoken: None) -> None:
    """tiktoken may not download: encodings other than the bundled offline one are unavailable."""


@pytest.fixture(autouse=True)
def openai_mock(
    httpx2_mock: respx.Router, request_schema: tuple[Draft202012Validator, set[str]]
) -> Iterator[respx.Router]:
    """The respx router (through httpcore2) every test here runs under: a request no route matches
    raises, and after the test every request body sent is validated against the API's schema."""
    yield httpx2_mock
    check_request_bodies(httpx2_mock, *request_schema)
