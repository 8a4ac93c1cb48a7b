"""The standard as data: ids, texts and KSBs as the reference has them; the grading table; rubric --json."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from practice_bot.rubric import method_grade, overall_grade, predict_grades

DATA = Path(__file__).resolve().parents[1] / "data"


def test_eleven_topics_45_criteria_in_the_seeds_order(rubric):
    assert [t.id for t in rubric.topics] == [
        "model-scoping", "experiment-tracking", "model-deployment", "collaborative-working-am1",
        "sustainability", "engineering-principles", "model-testing-improvement", "model-management",
        "compliance-assurance", "collaborative-working-am2", "continuous-professional-development",
    ]  # fmt: skip
    criteria = [c for t in rubric.topics for c in t.criteria]
    assert len(criteria) == 45
    assert sum(c.level == "pass" for c in criteria) == 38
    assert [t.method for t in rubric.topics] == ["AM1"] * 5 + ["AM2"] * 6


def test_texts_are_quoted_exactly_including_the_seeds_slips(rubric):
    assert rubric.criterion("experiment-tracking/pass-5").text.endswith(
        "in order to access accuracy, fit, validity and robustness."
    )
    assert "how they acts inclusively" in rubric.criterion("collaborative-working-am2/pass-2").text
    assert rubric.criterion("model-scoping/pass-4").ksbs == ("K3", "K6", "S21")


def test_every_ksb_is_defined(rubric):
    assert len(rubric.ksbs) == 31 + 34 + 5
    assert rubric.ksbs["K2"].startswith("The stages of the machine learning lifecycle. Including")
    assert rubric.ksbs["S7"] == (
        "Apply techniques for output model testing and tuning to assess accuracy, fit, validity and robustness."
    )
    assert rubric.ksbs["B5"] == "Operates in settings of technical complexity and uncertainty."
    used = {k for t in rubric.topics for c in t.criteria for k in c.ksbs}
    assert used <= rubric.ksbs.keys()
    assert all("*" not in v for v in rubric.ksbs.values())


def test_method_grade_rules():
    assert method_grade([True, False], [True]) == "fail"
    assert method_grade([True, True], [True, True]) == "distinction"
    assert method_grade([True, True], [True, False]) == "pass"
    assert method_grade([True], []) == "pass"  # no distinction criteria: pass at most


@pytest.mark.parametrize(
    ("am1", "am2", "overall"),
    [
        ("fail", "fail", "fail"), ("pass", "fail", "fail"), ("distinction", "fail", "fail"),
        ("fail", "pass", "fail"), ("fail", "distinction", "fail"), ("pass", "pass", "pass"),
        ("distinction", "pass", "merit"), ("pass", "distinction", "merit"),
        ("distinction", "distinction", "distinction"),
    ],
)  # fmt: skip
def test_the_seeds_overall_table(am1, am2, overall):
    assert overall_grade(am1, am2) == overall


def test_predict_grades_per_method(rubric):
    ids = {c.id: c for t in rubric.topics for c in t.criteria}
    all_pass = {cid: c.level == "pass" for cid, c in ids.items()}
    assert predict_grades(rubric, all_pass).overall == "pass"
    am2_dist = {
        cid: (c.level == "pass" or rubric.topic(c.topic_id).method == "AM2")
        for cid, c in ids.items()
    }
    g = predict_grades(rubric, am2_dist)
    assert (g.am1, g.am2, g.overall) == ("pass", "distinction", "merit")
    one_missing = dict(all_pass, **{"sustainability/pass-1": False})
    assert predict_grades(rubric, one_missing).am1 == "fail"
    assert predict_grades(rubric, one_missing).formative


def test_rubric_json_cli_has_the_exact_keys(rubric, cli):
    out = cli("rubric", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"topics", "ksbs"}
    for topic in data["topics"]:
        assert set(topic) == {"id", "name", "method", "ksbs", "criteria"}
        for c in topic["criteria"]:
            assert set(c) == {"id", "level", "text", "ksbs"}
    reference = json.loads((DATA / "rubric-reference.json").read_text())
    for ref, got in itertools.zip_longest(reference, data["topics"]):
        assert (
            got["id"] == ref["id"]
            and got["criteria"] == ref["criteria"]
            and got["ksbs"] == ref["ksbs"]
        )
    assert data["ksbs"]["K31"].startswith("Software development best practices")


def test_transcript_schema_file_is_current():
    from tools.build_schema import SCHEMA_PATH, schema_text

    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "run python tools/build_schema.py"
    )
