"""Boundaries: importing the adapter loads neither openai nor tiktoken, and the key never reaches disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import respx

from practice_bot.cli import main
from practice_bot.llm.client import LLMClient
from practice_bot.llm.consent import remember_consent
from practice_bot.llm.questions import QuestionWriter
from practice_bot.llm.scorer import LLMScorer
from practice_bot.llm.usage import SessionUsage
from tests.llm.llm_testkit import (
    CHAT,
    KEY,
    FakeOffline,
    Sleeps,
    bank_question,
    json_reply,
    settings,
    stream_reply,
    topic,
)

MODULES = [
    "practice_bot.llm",
    "practice_bot.llm.client",
    "practice_bot.llm.consent",
    "practice_bot.llm.failures",
    "practice_bot.llm.narrative",
    "practice_bot.llm.prompts",
    "practice_bot.llm.question_checks",
    "practice_bot.llm.services",
    "practice_bot.llm.questions",
    "practice_bot.llm.structured",
    "practice_bot.llm.tokens",
    "practice_bot.llm.usage",
    "practice_bot.llm.scorer",
    "practice_bot.commands.doctor",
]


def test_imports_are_lazy() -> None:
    code = (
        "import sys\n"
        f"for m in {MODULES!r}: __import__(m)\n"
        "from practice_bot.config import Settings\n"
        "from practice_bot.llm.client import LLMClient\n"
        "LLMClient.from_settings(Settings(OPENAI_API_KEY='k'))\n"
        "heavy = sorted(m for m in ('openai', 'tiktoken', 'httpx2') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""


def test_api_key_never_written_under_tmp_path(
    openai_mock: respx.Router,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = settings()
    t = topic()
    answer = "I mapped the business goal to recall at a fixed precision for the churn model."
    verdict = {
        "judgments": [
            {"criterion_id": c.id, "status": "not_yet", "quotes": [], "reason": "no"}
            for c in t.criteria
        ]
    }
    openai_mock.post(CHAT).mock(
        side_effect=[
            json_reply(verdict),
            stream_reply(["How did you choose that precision threshold?"]),
            json_reply({"ok": True}),
        ]
    )
    usage = SessionUsage(s.token_budget)
    client = LLMClient.from_settings(s, usage=usage, sleep=Sleeps())
    assessment = LLMScorer(client, FakeOffline()).score(answer, "Q?", t, t.criteria)
    question = QuestionWriter(client).write(
        t, t.criteria, [("apprentice", answer)], [], bank_question(t)
    )
    remember_consent(s.base_url)
    # What an engine would persist: assessment, question, usage, all as JSON.
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "assessment.json").write_text(assessment.model_dump_json())
    (tmp_path / "out" / "question.txt").write_text(f"{question}")
    (tmp_path / "out" / "usage.json").write_text(usage.to_record().model_dump_json())
    (tmp_path / "out" / "settings.json").write_text(s.model_dump_json())
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", s.base_url or "")
    assert main(["doctor"]) == 0
    printed = capsys.readouterr()
    assert KEY not in printed.out + printed.err

    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "consent.json" for p in files)
    for path in files:
        assert KEY.encode() not in path.read_bytes(), path
