"""tools/confidence_precision.py: per confidence, how many evidenced verdicts agree with the labels; it
refuses the test split (issue #13: the rules are tuned on dev only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.confidence_precision import main

ANSWER = (
    "I measured the training energy of our demand forecasting model with CodeCarbon: 40 kWh a run. "
    "I moved the nightly retrain to weekly and switched to a smaller model, which cut it to 6 kWh. "
    "I proposed that every new model logs its carbon in MLflow, and the head of data adopted it as "
    "our standard, as part of the company's net zero target."
)


def write(path: Path, label: str) -> Path:
    item = {
        "id": "sustainability-x01",
        "topic": "sustainability",
        "question": "Tell me about it.",
        "answer": ANSWER,
        "labels": {"sustainability/pass-1": label},
        "kind": "strong",
    }
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("label", "agree"), [("evidenced", "1 of    1"), ("not_evidenced", "0 of    1")]
)
def test_it_counts_evidenced_verdicts_agreeing_with_the_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, agree: str
) -> None:
    assert main(["--file", str(write(tmp_path / "dev.jsonl", label))]) == 0
    out = capsys.readouterr().out
    assert f"evidenced, clear       {agree} agree" in out
    assert "evidenced, possible    0 of    0" in out


def test_it_refuses_the_test_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--file", str(write(tmp_path / "test.jsonl", "evidenced"))]) == 2
    assert "not for tuning" in capsys.readouterr().err
