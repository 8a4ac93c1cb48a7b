"""Blind marking: agreement per criterion, and exact agreement and Cohen's kappa over a folder,
checked against figures worked out by hand."""

from __future__ import annotations

import json

import pytest

from practice_bot.records.store import load_transcript
from practice_bot.tutor.agreement import (
    cohen_kappa,
    folder_agreement,
    summarise,
    transcript_agreement,
)
from practice_bot.tutor.overrides import add_blind_marks, add_override
from tests.tutor.kit import run_cli, save, session

MS, SUS = "model-scoping", "sustainability"
CA, CPD = "compliance-assurance", "continuous-professional-development"

# Scorer: A evidences ms/pass-1..3 and sus/pass-1, ms/pass-4 only partly, ms/dist-1 not.
A_ANSWER = (f"EVIDENCE:{MS}/pass-1 EVIDENCE:{MS}/pass-2 EVIDENCE:{MS}/pass-3 PARTLY:{MS}/pass-4 "
            f"EVIDENCE:{SUS}/pass-1")  # fmt: skip
# Scorer: B evidences ca/pass-1 and ca/pass-2; ca/pass-3 and cpd/pass-1 not.
B_ANSWER = f"EVIDENCE:{CA}/pass-1 EVIDENCE:{CA}/pass-2"
# Tutor's blind marks. Hand count over the ten marks:
#   both evidenced 4 (A ms/p1, ms/p2, sus/p1; B ca/p1), tutor only 1 (A ms/p4, scorer partly),
#   scorer only 2 (A ms/p3; B ca/p2), neither 3 (A ms/d1; B ca/p3, cpd/p1).
# Exact agreement (4 + 3) / 10 = 0.7. Tutor says evidenced 5/10, scorer 6/10, so chance agreement
# p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5 and kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
A_MARKS = {f"{MS}/pass-1": True, f"{MS}/pass-2": True, f"{MS}/pass-3": False,
           f"{SUS}/pass-1": True, f"{MS}/pass-4": True, f"{MS}/dist-1": False}  # fmt: skip
B_MARKS = {f"{CA}/pass-1": True, f"{CA}/pass-2": False, f"{CA}/pass-3": False,
           f"{CPD}/pass-1": False}  # fmt: skip


def _folder(rubric, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "t"
    a = save(folder, session(rubric, [A_ANSWER] * 20, topics=(MS, SUS)))
    b = save(folder, session(rubric, [B_ANSWER] * 20, apprentice="Kim Lee", topics=(CA, CPD)))
    unmarked = session(rubric, [A_ANSWER] * 20, apprentice="Al Bo", topics=(MS, SUS))
    c = save(folder, unmarked)
    add_override(c, f"{MS}/pass-1", False, "Jo", rubric=rubric)  # open override: not a blind mark
    return folder, a, b


def test_cohen_kappa_by_hand():
    assert cohen_kappa([1, 1, 2, 2, 3, 3], [1, 2, 2, 2, 3, 1]) == pytest.approx(0.5)
    assert cohen_kappa([True, False, True], [True, False, True]) == pytest.approx(1.0)
    assert cohen_kappa([True, False], [False, True]) == pytest.approx(-1.0)
    assert cohen_kappa([True, True], [True, True]) is None  # one category: undefined
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError):
        cohen_kappa([True], [])
    s = summarise(
        [(True, True)] * 20 + [(True, False)] * 5 + [(False, True)] * 10 + [(False, False)] * 15
    )
    assert (s.items, s.agreed, s.exact) == (50, 35, 0.7)
    assert s.kappa == pytest.approx(0.4)


def test_agreement_per_criterion_and_over_the_folder(rubric, tmp_path):
    folder, a, b = _folder(rubric, tmp_path)
    add_blind_marks(a, A_MARKS, "Jo", rubric=rubric)
    add_blind_marks(b, B_MARKS, "Jo", rubric=rubric)
    per = {c.criterion_id: c for c in transcript_agreement(load_transcript(a))}
    assert set(per) == set(A_MARKS)
    assert per[f"{MS}/pass-4"].scorer_status == "partly" and not per[f"{MS}/pass-4"].agrees
    assert per[f"{MS}/pass-3"].scorer_status == "evidenced" and not per[f"{MS}/pass-3"].agrees
    assert per[f"{MS}/dist-1"].agrees and per[f"{SUS}/pass-1"].agrees
    result = folder_agreement(folder)
    s = result.summary
    assert (s.items, s.agreed) == (10, 7)
    assert (s.both_evidenced, s.tutor_only, s.scorer_only, s.neither) == (4, 1, 2, 3)
    assert s.exact == pytest.approx(0.7)
    assert s.kappa == pytest.approx(0.4)
    assert len(result.transcripts) == 2  # the transcript with only an open override is left out
    assert result.per_criterion[f"{MS}/pass-3"].agreed == 0
    assert folder_agreement(folder, tutor="Someone else").summary.items == 0


def test_a_changed_blind_mark_counts_once(rubric, tmp_path):
    _, a, _ = _folder(rubric, tmp_path)
    add_blind_marks(a, {f"{MS}/pass-3": True}, "Jo", rubric=rubric)
    add_blind_marks(a, {f"{MS}/pass-3": False}, "Jo", rubric=rubric)
    [only] = transcript_agreement(load_transcript(a))
    assert not only.tutor_evidenced and not only.agrees


def test_blind_marking_on_the_command_line(rubric, tmp_path):
    folder, a, b = _folder(rubric, tmp_path)
    shown = run_cli(["review", "blind", str(a)], tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "EVIDENCE:model-scoping/pass-1" in shown.stdout  # the conversation...
    assert f"{MS}/pass-4" in shown.stdout
    assert (
        "partly" not in shown.stdout and "evidenced by" not in shown.stdout
    )  # ...not the verdicts
    for path, marks in ((a, A_MARKS), (b, B_MARKS)):
        args = ["review", "blind", str(path), "--tutor", "Jo"]
        for cid, ok in marks.items():
            args += ["--mark", f"{cid}={'yes' if ok else 'no'}"]
        out = run_cli(args, tmp_path)
        assert out.returncode == 0, out.stderr
        assert f"Recorded {len(marks)} blind mark(s)" in out.stdout
    out = run_cli(["review", "agreement", str(folder), "--json"], tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["items"] == 10 and data["agreed"] == 7
    assert data["exact_agreement"] == pytest.approx(0.7)
    assert data["kappa"] == pytest.approx(0.4)
    text = run_cli(["review", "agreement", str(folder)], tmp_path).stdout
    assert "Exact agreement: 70% (7/10)" in text and "Cohen's kappa: 0.40" in text
    one = run_cli(["review", "agreement", str(a), "--json"], tmp_path)
    assert json.loads(one.stdout)["items"] == 6
    bad = run_cli(
        ["review", "blind", str(a), "--mark", f"{MS}/pass-1=perhaps", "--tutor", "Jo"], tmp_path
    )
    assert bad.returncode == 2 and "yes or no" in bad.stderr
