"""The cohort view: apprentices x topics from each apprentice's latest covering session, the criteria
most often missed, and the class-pack filter."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from practice_bot.records.store import ensure_folder
from practice_bot.tutor.cohort import cohort_view, load_cohort, pack_ids
from practice_bot.tutor.overrides import add_override
from tests.tutor.kit import START, run_cli, save, session

MS, SUS = "model-scoping", "sustainability"


def _folder(rubric, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "t"
    ensure_folder(folder)
    old = session(rubric, [f"EVIDENCE:{MS}/pass-1 EVIDENCE:{SUS}/pass-1"] * 20, topics=(MS, SUS))
    save(folder, old, "sam-old.json")
    new = session(
        rubric, [f"EVIDENCE:{MS}/pass-1 EVIDENCE:{MS}/pass-2"] * 20, apprentice="sam  PATEL",
        topics=(MS,), started=START + timedelta(days=1), pack_id="march-mock",
    )  # fmt: skip
    save(folder, new, "sam-new.json")
    kim = session(rubric, ["nothing to say"] * 20, apprentice="Kim Lee", topics=(MS, SUS),
                  pack_id="march-mock")  # fmt: skip
    kim_path = save(folder, kim, "kim.json")
    lee = session(rubric, [f"EVIDENCE:{MS}/pass-3"] * 5, apprentice="Lee Chan", mode="drill",
                  topics=(), target_criteria=[f"{MS}/pass-3"])  # fmt: skip
    save(folder, lee, "lee.json")
    running = session(rubric, [f"EVIDENCE:{MS}/pass-4"] * 3, apprentice="Kim Lee", topics=(MS,))
    running.status = "in_progress"
    save(folder, running, "kim-running.json")
    (folder / "broken.json").write_text("{")
    return folder, kim_path


def test_matrix_takes_each_apprentices_latest_covering_session(rubric, tmp_path):
    folder, _ = _folder(rubric, tmp_path)
    cohort = load_cohort(folder, rubric)
    assert cohort.apprentices == ["Kim Lee", "Lee Chan", "sam PATEL"]
    assert cohort.topics == [MS, SUS]
    assert cohort.transcripts == 4  # the in-progress one is left out
    shares = {(a, t): (c.evidenced, c.criteria) for (a, t), c in cohort.cells.items()}
    assert shares == {
        ("sam PATEL", MS): (2, 5),  # the newer session decides model scoping
        ("sam PATEL", SUS): (1, 1),  # sustainability only in the older one
        ("Kim Lee", MS): (0, 5),
        ("Kim Lee", SUS): (0, 1),
        ("Lee Chan", MS): (1, 1),  # a drill covers only its target
    }
    assert cohort.cell("sam PATEL", MS).share == pytest.approx(0.4)
    assert cohort.cell("sam PATEL", MS).sessions == 2
    assert cohort.cell("Lee Chan", SUS) is None
    assert cohort.topic_share(MS) == pytest.approx(3 / 11)
    assert any("broken.json" in p for p in cohort.problems)


def test_most_often_missed(rubric, tmp_path):
    folder, _ = _folder(rubric, tmp_path)
    missed = load_cohort(folder, rubric).missed
    assert [(m.criterion_id, m.missed, m.apprentices) for m in missed] == [
        (f"{MS}/pass-4", 2, 2),
        (f"{MS}/dist-1", 2, 2),  # as often as pass-4; pass criteria first
        (f"{MS}/pass-3", 2, 3),
        (f"{MS}/pass-1", 1, 2),
        (f"{MS}/pass-2", 1, 2),
        (f"{SUS}/pass-1", 1, 2),
    ]
    assert missed[2].missed_by == ["Kim Lee", "sam PATEL"]


def test_overrides_count_and_pack_filter(rubric, tmp_path):
    folder, kim_path = _folder(rubric, tmp_path)
    add_override(kim_path, f"{SUS}/pass-1", True, "Jo", rubric=rubric)
    cohort = load_cohort(folder, rubric, pack_id="march-mock")
    assert cohort.apprentices == ["Kim Lee", "sam PATEL"]
    shares = {(a, t): (c.evidenced, c.criteria) for (a, t), c in cohort.cells.items()}
    assert shares == {("sam PATEL", MS): (2, 5), ("Kim Lee", MS): (0, 5), ("Kim Lee", SUS): (1, 1)}
    assert pack_ids(
        [session(rubric, [], pack_id="b"), session(rubric, [], pack_id="a"), session(rubric, [])]
    ) == ["a", "b"]
    assert cohort_view([], rubric).apprentices == []


def test_cohort_on_the_command_line(rubric, tmp_path):
    folder, _ = _folder(rubric, tmp_path)
    out = run_cli(["review", "cohort", str(folder), "--pack", "march-mock", "--json"], tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["pack_id"] == "march-mock"
    assert data["matrix"]["Kim Lee"][MS] == {"evidenced": 0, "criteria": 5, "share": 0.0}
    # Without Lee's drill, pass-3 is missed by both, and comes first in the standard's order.
    assert [m["criterion_id"] for m in data["most_missed"][:3]] == [
        f"{MS}/pass-3", f"{MS}/pass-4", f"{MS}/dist-1",
    ]  # fmt: skip
    text = run_cli(["review", "cohort", str(folder)], tmp_path)
    assert text.returncode == 0, text.stderr
    assert "Criteria most often missed:" in text.stdout
    assert "model-scoping/pass-4 (pass): missed by 2 of 2" in text.stdout
    assert "sam PATEL" in text.stdout and " 40%" in text.stdout
