"""Re-scoring adds a judgment layer and keeps every earlier one; grades and reports use the newest."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from practice_bot.errors import TranscriptError
from practice_bot.records.history import final_status
from practice_bot.records.report import build_report
from practice_bot.records.store import load_transcript
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.base import Assessment, Evidence, Judgment
from practice_bot.tutor.overrides import add_override, grades_both_ways
from practice_bot.tutor.rescore import layers, rescore_file
from tests.tutor.kit import run_cli, save, session

MS, SUS = "model-scoping", "sustainability"
ANSWERS = [f"We cut GPU hours. EVIDENCE:{SUS}/pass-1", f"PARTLY:{MS}/pass-1 and more"]


class Fixed:
    """Gives every criterion the same status, quoting the answer's first word."""

    def __init__(self, name: str, status: str) -> None:
        self.name = name
        self.status = status
        self.calls: list[tuple[str, str]] = []

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        self.calls.append((answer, question))
        word = answer.split()[0]
        ev = [Evidence(quote=word, start=0, end=len(word))] if self.status != "not_yet" else []
        return Assessment(
            judgments=[
                Judgment(criterion_id=c.id, status=self.status, evidence=ev, scorer=self.name)  # type: ignore[arg-type]
                for c in criteria
            ],
            notes=["a note"],
            scorer=self.name,
        )


def test_rescore_keeps_history_and_the_newest_layer_decides(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    original = load_transcript(path)
    add_override(path, f"{MS}/pass-2", False, "Jo", "Not shown.", rubric=rubric)
    generous = Fixed("generous", "evidenced")
    when = datetime(2026, 3, 1, tzinfo=UTC)
    layer = rescore_file(path, generous, rubric, now=when)
    assert layer.id == "rescore-1" and layer.scorer == "generous" and layer.at == when
    # Each answer re-scored against its own question, and the judgment tied to the answer's turn.
    answers = [t for t in original.turns if t.kind == "answer"]
    assert generous.calls == [(a.text, original.turns[a.answers].text) for a in answers]
    assert {j.turn for j in layer.judgments} == {a.index for a in answers}
    assert layer.notes and layer.grades is not None
    t = load_transcript(path)
    assert t.judgments == original.judgments  # the session's record untouched
    assert len(t.overrides) == 1  # and the tutor's
    status = final_status(t)
    assert status[f"{MS}/pass-1"] == "evidenced"  # from the new layer
    assert status[f"{MS}/pass-2"] == "not_yet"  # the override still on top
    report = build_report(t, rubric)
    ms1 = next(c for tp in report.topics for c in tp.criteria if c.id == f"{MS}/pass-1")
    assert ms1.scorer == "generous" and ms1.evidence[0].quote == "PARTLY:model-scoping/pass-1"
    both = grades_both_ways(t, rubric)
    assert both.scorer_only != both.with_overrides or both.scorer_only.am1 == "fail"
    rescore_file(path, Fixed("stingy", "not_yet"), rubric)
    t = load_transcript(path)
    assert [(x.index, x.id, x.scorer, x.current) for x in layers(t)] == [
        (0, "session", "offline", False),
        (1, "rescore-1", "generous", False),
        (2, "rescore-2", "stingy", True),
    ]
    assert t.rescores[0].judgments == layer.judgments  # the older layer is kept as it was
    assert final_status(t)[f"{SUS}/pass-1"] == "not_yet"


def test_in_progress_sessions_are_not_rescored(rubric, tmp_path):
    journal = tmp_path / "x.journal.jsonl"
    journal.write_text("")
    with pytest.raises(TranscriptError, match="in progress"):
        rescore_file(journal, Fixed("g", "evidenced"), rubric)


@pytest.mark.skipif(
    importlib.util.find_spec("practice_bot.scoring.offline") is None,
    reason="the offline scorer is not in this build yet",
)
def test_rescore_a_folder_from_the_command_line(rubric, tmp_path):
    folder = tmp_path / "t"
    a = save(folder, session(rubric, ANSWERS))
    b = save(folder, session(rubric, ANSWERS, apprentice="Kim Lee"))
    (folder / "kim.journal.jsonl").write_text("")
    before = {p: load_transcript(p).judgments for p in (a, b)}
    out = run_cli(["rescore", str(folder), "--scorer", "offline"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "2 transcript(s) re-scored" in out.stdout and "still in progress" in out.stdout
    for p in (a, b):
        data = json.loads(p.read_text())
        assert [r["scorer"] for r in data["rescores"]] == ["offline"]
        assert data["rescores"][0]["judgments"]
        assert load_transcript(p).judgments == before[p]
        assert {j["scorer"] for j in data["judgments"]} == {"token"}
    again = run_cli(["rescore", str(a), "--scorer", "offline"], tmp_path)
    assert again.returncode == 0 and "rescore-2" in again.stdout
    assert len(load_transcript(a).rescores) == 2
    llm = run_cli(["rescore", str(a), "--scorer", "llm"], tmp_path)
    assert llm.returncode == 2 and "no endpoint configured" in llm.stderr
    assert len(load_transcript(a).rescores) == 2


@pytest.mark.skipif(
    importlib.util.find_spec("practice_bot.scoring.offline") is None,
    reason="the offline scorer is not in this build yet",
)
def test_llm_rescore_asks_before_sending_answers_anywhere(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    text = path.read_text()
    local = {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "PRACTICE_BOT_RETRIES": "0",
             "PRACTICE_BOT_TIMEOUT": "2"}  # fmt: skip
    refused = run_cli(["rescore", str(path), "--scorer", "llm"], tmp_path, extra_env=local)
    assert refused.returncode == 2, refused.stderr
    assert "http://127.0.0.1:9/v1" in refused.stderr and "--accept-endpoint" in refused.stderr
    assert path.read_text() == text
    # Agreed, but nothing listens there: every judgment falls back to the offline scorer, and says so.
    agreed = run_cli(
        ["rescore", str(path), "--scorer", "llm", "--accept-endpoint"], tmp_path, extra_env=local
    )
    assert agreed.returncode == 0, agreed.stderr
    assert "fell back" in agreed.stdout
    [layer] = load_transcript(path).rescores
    assert layer.scorer == "llm" and {j.scorer for j in layer.judgments} == {"offline"}
