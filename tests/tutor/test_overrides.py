"""Overrides: an attributed layer that persists, never rewrites judgments, and moves the grades."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

import pytest

from practice_bot.errors import TranscriptError, UserError
from practice_bot.records.report import build_report
from practice_bot.records.store import load_transcript
from practice_bot.tutor.overrides import (
    add_blind_marks,
    add_override,
    agree,
    grades_both_ways,
    latest_overrides,
    overrides_for,
    parse_yes_no,
)
from tests.tutor.kit import run_cli, save, session

ANSWERS = ["We cut GPU hours. EVIDENCE:sustainability/pass-1", "PARTLY:model-scoping/pass-1"]
ALL_AM1 = ("model-scoping", "experiment-tracking", "model-deployment",
           "collaborative-working-am1", "sustainability")  # fmt: skip


def test_override_with_comment_persists_and_never_changes_judgments(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    before = load_transcript(path)
    when = datetime(2026, 2, 1, 10, 30, tzinfo=UTC)
    add_override(
        path, "model-scoping/pass-1", True, "  Jo  Tutor ", "Clear in the second answer.",
        rubric=rubric, now=when,
    )  # fmt: skip
    after = load_transcript(path)  # a fresh read, as after a restart
    assert after.judgments == before.judgments
    assert after.turns == before.turns
    [o] = after.overrides
    assert (o.criterion_id, o.evidenced, o.tutor, o.comment, o.at, o.blind) == (
        "model-scoping/pass-1", True, "Jo Tutor", "Clear in the second answer.", when, False,
    )  # fmt: skip
    report = build_report(after, rubric)
    crit = next(c for t in report.topics for c in t.criteria if c.id == "model-scoping/pass-1")
    assert crit.status == "evidenced" and crit.scorer_status == "partly"
    assert "Jo Tutor" in (crit.override or "") and "second answer" in (crit.override or "")


def test_grades_recomputed_with_and_without_overrides(rubric, tmp_path):
    # Every AM1 pass criterion evidenced except model-scoping/pass-2: AM1 fails on the scorer alone.
    ids = [c.id for t in rubric.topics if t.id in ALL_AM1 for c in t.pass_criteria]
    answer = " ".join(f"EVIDENCE:{cid}" for cid in ids if cid != "model-scoping/pass-2")
    path = save(tmp_path / "t", session(rubric, [answer] * 60, topics=ALL_AM1))
    both = grades_both_ways(load_transcript(path), rubric)
    assert both.with_overrides.am1 == both.scorer_only.am1 == "fail"
    assert not both.changed
    add_override(path, "model-scoping/pass-2", True, "Jo", "Said in the opening.", rubric=rubric)
    both = grades_both_ways(load_transcript(path), rubric)
    assert both.with_overrides.am1 == "pass" and both.scorer_only.am1 == "fail"
    assert both.changed
    # A later override of the same criterion wins; the earlier one stays on the record.
    add_override(
        path, "model-scoping/pass-2", False, "Al", "On reflection, too vague.", rubric=rubric
    )
    t = load_transcript(path)
    assert [o.tutor for o in overrides_for(t, "model-scoping/pass-2")] == ["Jo", "Al"]
    assert latest_overrides(t)["model-scoping/pass-2"].tutor == "Al"
    assert grades_both_ways(t, rubric).with_overrides.am1 == "fail"
    report = build_report(t, rubric)
    assert report.grades.am1 == "fail" and report.grades_scorer_only.am1 == "fail"


def test_agree_records_the_scorers_decision(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    o = agree(path, "sustainability/pass-1", "Jo", rubric=rubric)
    assert o.evidenced and o.comment == "Agrees with the scorer."
    o = agree(path, "model-scoping/pass-2", "Jo", "Not there.", rubric=rubric)
    assert not o.evidenced


def test_bad_overrides_are_refused_and_nothing_is_written(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    text = path.read_text()
    with pytest.raises(UserError, match="not in the standard"):
        add_override(path, "model-scoping/pass-9", True, "Jo", rubric=rubric)
    with pytest.raises(UserError, match="was not part of this session"):
        add_override(path, "model-management/pass-1", True, "Jo", rubric=rubric)
    with pytest.raises(UserError, match="--tutor"):
        add_override(path, "model-scoping/pass-1", True, "   ", rubric=rubric)
    with pytest.raises(UserError, match="control characters"):
        add_override(path, "model-scoping/pass-1", True, "Jo\x1b[2J", rubric=rubric)
    assert path.read_text() == text
    journal = tmp_path / "t" / "x.journal.jsonl"
    journal.write_text("")
    with pytest.raises(TranscriptError, match="still in progress"):
        add_override(journal, "model-scoping/pass-1", True, "Jo", rubric=rubric)
    with pytest.raises(UserError, match="yes or no"):
        parse_yes_no("maybe")


def test_blind_marks_after_an_open_review_are_refused(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    add_blind_marks(path, {"sustainability/pass-1": True}, "Jo", rubric=rubric)
    add_override(path, "model-scoping/pass-1", True, "Jo", rubric=rubric)
    with pytest.raises(UserError, match="would not be blind"):
        add_blind_marks(path, {"model-scoping/pass-2": False}, "Jo", rubric=rubric)
    add_blind_marks(path, {"model-scoping/pass-2": False}, "Al", rubric=rubric)  # another tutor
    t = load_transcript(path)
    assert [(o.tutor, o.blind) for o in t.overrides] == [("Jo", True), ("Jo", False), ("Al", True)]


def test_concurrent_overrides_are_all_kept(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))

    def tutor(name: str) -> None:
        for _ in range(8):
            add_override(path, "model-scoping/pass-1", True, name, rubric=rubric)

    threads = [threading.Thread(target=tutor, args=(n,)) for n in ("Jo", "Al", "Mo")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(load_transcript(path).overrides) == 24


def test_override_from_the_command_line_survives_a_restart(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    out = run_cli(
        ["review", "override", str(path), "model-scoping/pass-1", "--evidenced", "yes",
         "--tutor", "Jo Tutor", "--comment", 'Said "recall at 1% FPR" <b>clearly</b>'],
        tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Recorded: model-scoping/pass-1 evidenced by Jo Tutor" in out.stdout
    assert "scorer alone" in out.stdout
    shown = run_cli(["review", "show", str(path), "--json"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    crit = next(c for c in data["criteria"] if c["id"] == "model-scoping/pass-1")
    assert crit["status"] == "evidenced" and crit["scorer_status"] == "partly"
    assert crit["overrides"][0]["comment"] == 'Said "recall at 1% FPR" <b>clearly</b>'
    text = run_cli(["review", "show", str(path)], tmp_path).stdout
    assert "override: evidenced by Jo Tutor" in text
    assert "[[EVIDENCE:sustainability/pass-1]]" in text
    bad = run_cli(
        ["review", "override", str(path), "nope/pass-1", "--evidenced", "yes", "--tutor", "Jo"],
        tmp_path,
    )
    assert bad.returncode == 2 and "not in the standard" in bad.stderr
    assert "Traceback" not in bad.stderr
