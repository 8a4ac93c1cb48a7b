"""`practice-bot doctor`, in process with a mocked endpoint: plain verdicts, exit codes, never the key."""

from __future__ import annotations

import httpx
import pytest
import respx

from practice_bot.cli import main
from tests.llm.llm_testkit import BASE, CHAT, KEY, error_reply, json_reply, request_json


def run_doctor(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["doctor", *args])
    out, err = capsys.readouterr()
    assert KEY not in out + err
    return code, out + err


@pytest.fixture
def endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", BASE)
    monkeypatch.setenv("PRACTICE_BOT_MODEL", "gpt-4o-mini")


def test_no_endpoint_configured(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_doctor(capsys)
    assert code == 1
    assert "no LLM endpoint configured" in out and "OPENAI_API_KEY" in out


@pytest.mark.usefixtures("endpoint")
def test_everything_works(openai_mock: respx.Router, capsys: pytest.CaptureFixture[str]) -> None:
    openai_mock.post(CHAT).mock(return_value=json_reply({"ok": True}))
    code, out = run_doctor(capsys)
    assert code == 0
    assert "API key set (not shown)" in out
    assert "json_schema structured output supported" in out
    assert f"endpoint: {BASE}" in out
    assert openai_mock.calls.call_count == 1  # one small request
    assert request_json(openai_mock)["response_format"]["type"] == "json_schema"


@pytest.mark.usefixtures("endpoint")
def test_json_schema_unsupported(
    openai_mock: respx.Router, capsys: pytest.CaptureFixture[str]
) -> None:
    openai_mock.post(CHAT).mock(
        side_effect=[
            error_reply(400, "unknown field response_format.json_schema"),
            json_reply({"ok": True}),
        ]
    )
    code, out = run_doctor(capsys)
    assert code == 0
    assert "json_schema structured output not supported" in out
    assert "json_object output works" in out


@pytest.mark.usefixtures("endpoint")
def test_bad_key(openai_mock: respx.Router, capsys: pytest.CaptureFixture[str]) -> None:
    # Servers often echo the key they were given; the doctor must not print it.
    openai_mock.post(CHAT).mock(return_value=error_reply(401, f"Incorrect API key provided: {KEY}"))
    code, out = run_doctor(capsys)
    assert code == 1
    assert "refused the API key (401)" in out and "***" in out


@pytest.mark.usefixtures("endpoint")
def test_model_not_found(openai_mock: respx.Router, capsys: pytest.CaptureFixture[str]) -> None:
    openai_mock.post(CHAT).mock(
        return_value=error_reply(
            404, "The model `gpt-9` does not exist or you do not have access to it."
        )
    )
    code, out = run_doctor(capsys, "--model", "gpt-9")
    assert code == 1
    assert "model gpt-9 not found" in out
    assert request_json(openai_mock)["model"] == "gpt-9"


@pytest.mark.usefixtures("endpoint")
def test_unreachable(openai_mock: respx.Router, capsys: pytest.CaptureFixture[str]) -> None:
    openai_mock.post(CHAT).mock(side_effect=httpx.ConnectError("[Errno 111] Connection refused"))
    code, out = run_doctor(capsys)
    assert code == 1
    assert f"cannot reach {BASE}" in out and "Connection refused" in out
    assert openai_mock.calls.call_count == 1  # the doctor does not retry


@pytest.mark.usefixtures("endpoint")
def test_timeout(openai_mock: respx.Router, capsys: pytest.CaptureFixture[str]) -> None:
    openai_mock.post(CHAT).mock(side_effect=httpx.ReadTimeout("slow"))
    code, out = run_doctor(capsys)
    assert code == 1 and "did not answer within" in out


def test_local_server_without_key(
    openai_mock: respx.Router, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    openai_mock.post("http://localhost:11434/v1/chat/completions").mock(
        return_value=json_reply({"ok": True})
    )
    code, out = run_doctor(capsys)
    assert code == 0 and "no API key set" in out
