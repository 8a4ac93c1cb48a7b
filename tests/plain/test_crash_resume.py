"""Crash safety: a plain session killed with SIGKILL after some answers, then resumed, loses none."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import wait_for

pytestmark = pytest.mark.slow  # see pyproject.toml's markers


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("OPENAI_API_KEY", None)
    env["PRACTICE_BOT_CONFIG"] = str(tmp_path / "none.toml")
    env["PRACTICE_BOT_DATA_DIR"] = str(tmp_path / "data")
    return env


def _answers_in_journal(folder: Path) -> list[str]:
    journals = list(folder.glob("*.journal.jsonl"))
    if not journals:
        return []
    out = []
    for line in journals[0].read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if rec.get("kind") == "turn" and rec["turn"]["role"] == "apprentice":
            out.append(rec["turn"]["text"])
    return out


def test_sigkill_then_resume_loses_no_answer(tmp_path):
    folder = tmp_path / "t"
    proc = subprocess.Popen(
        [sys.executable, "-m", "practice_bot", "mock", "--plain", "--transcripts", str(folder), "--seed", "4", "--name", "Lee"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(tmp_path), cwd=tmp_path,
    )  # fmt: skip
    assert proc.stdin is not None
    sent = [f"Answer number {i}: I built the pipeline and measured it." for i in range(3)]
    for answer in sent:
        proc.stdin.write(answer + "\n\n")
        proc.stdin.flush()
    wait_for(lambda: _answers_in_journal(folder) == sent, "the three answers in the journal")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert _answers_in_journal(folder) == sent

    more = "A fourth answer after the crash."
    resumed = subprocess.run(
        [sys.executable, "-m", "practice_bot", "resume", str(folder), "--plain"],
        input=f"{more}\n\n", capture_output=True, text=True, timeout=60, env=_env(tmp_path), cwd=tmp_path,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    final = next(folder.glob("*.json"))
    data = json.loads(final.read_text())
    assert [t["text"] for t in data["turns"] if t["role"] == "apprentice"] == [*sent, more]
    assert any(e["kind"] == "resumed_session" for e in data["events"])
    # The question that was waiting when the process died is asked again, not skipped.
    questions = [t for t in data["turns"] if t["kind"] == "question"]
    assert len({q["question_id"] for q in questions}) == len(questions)
