"""tools/unpunctuated_drift.py: the same labelled answers scored written and unpunctuated (#20)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.base import Assessment, Judgment
from practice_bot.scoring.evaluate import load_items
from tools.unpunctuated_drift import main, measure

# Written with full stops, a negation keeps its own sentence; without them, the scorer must still
# keep it apart (scope.py), so neither reading credits monitoring.
ANSWER = (
    "At the ferry port we've got the freight arrival model. What I do is, I version every retrain "
    "in DVC, and the pipeline runs schema checks, and it has to beat the current model's error on "
    "the last four weeks before it deploys to the live API. That's my part done, really. I move on "
    "to the next month's data. I don't really look at how it's doing day to day. Nobody's set "
    "anything up for that."
)
LABELS = {
    "model-deployment/pass-1": "not_evidenced",
    "model-deployment/pass-2": "not_evidenced",
    "model-deployment/pass-3": "not_evidenced",
    "model-deployment/pass-4": "not_evidenced",
    "model-deployment/pass-5": "not_evidenced",
    "model-deployment/dist-1": "not_evidenced",
}


def write_set(path: Path, *styles: str | None) -> Path:
    lines = [
        {
            "id": f"item-{i}",
            "topic": "model-deployment",
            "question": "How do you deploy and look after it?",
            "answer": ANSWER,
            "labels": LABELS,
            "kind": "partial",
            **({"style": style} if style else {}),
        }
        for i, style in enumerate(styles)
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_both_readings_are_measured_and_copies_are_skipped(tmp_path: Path) -> None:
    items = load_items(write_set(tmp_path / "set.jsonl", "spoken", None, "spoken-unpunctuated"))
    drift = measure(items)
    # two items read (the one already without punctuation is skipped), six labels each
    assert drift.written.n == drift.unpunctuated.n == 12
    assert drift.written.tp == drift.unpunctuated.tp == 0
    assert drift.gained == []  # monitoring said not done, with or without full stops


class _ByFullStops:
    """Credits pass-1 (labelled not evidenced) only to an answer without a full stop, and pass-2
    (labelled evidenced) only to one with: the drift the tool is there to find."""

    name = "by-full-stops"

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        bare = "." not in answer
        status = {"model-deployment/pass-1": bare, "model-deployment/pass-2": not bare}
        return Assessment(
            scorer=self.name,
            judgments=[
                Judgment(
                    criterion_id=c.id,
                    status="evidenced" if status.get(c.id) else "not_yet",
                    evidence=[],
                    reason="r",
                )
                for c in topic.criteria
            ],
        )


def test_credit_gained_and_lost_without_punctuation_is_listed(tmp_path: Path) -> None:
    labels = {**LABELS, "model-deployment/pass-2": "evidenced"}
    path = write_set(tmp_path / "set.jsonl", "spoken")
    path.write_text(path.read_text().replace(json.dumps(LABELS)[1:-1], json.dumps(labels)[1:-1]))
    drift = measure(load_items(path), _ByFullStops())
    assert drift.gained == [("item-0", "model-deployment/pass-1")]
    assert drift.lost == [("item-0", "model-deployment/pass-2")]
    assert (drift.written.tp, drift.written.fp) == (1, 0)
    assert (drift.unpunctuated.tp, drift.unpunctuated.fp) == (0, 1)


def test_the_cli_prints_both_readings_and_refuses_the_test_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(write_set(tmp_path / "set.jsonl", "spoken"))]) == 0
    out = capsys.readouterr().out
    assert "written " in out and "unpunctuated " in out
    assert "credited only without punctuation, against the label: 0" in out
    assert main([str(tmp_path / "test.jsonl")]) == 2
    assert "not for tuning" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main([str(bad)]) == 2
    assert "bad.jsonl" in capsys.readouterr().err
