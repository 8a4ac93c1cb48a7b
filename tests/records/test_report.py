"""Reports: grades with and without overrides, quotes, time per topic, and escapes in every format."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from practice_bot.records.render import render_json, render_markdown, render_text
from practice_bot.records.report import build_report
from practice_bot.records.schema import Override
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine


def _session(rubric):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    engine = make_engine(
        rubric, SessionConfig(mode="practice", topics=["sustainability", "model-scoping"]), clock
    )
    engine.next_question()
    clock.advance(120)
    engine.submit_answer("We cut GPU hours. EVIDENCE:sustainability/pass-1 \x1b[31m[bold]x[/]")
    engine.next_question()
    clock.advance(60)
    engine.submit_answer("PARTLY:model-scoping/pass-1")
    engine.finish()
    return engine


def test_report_has_quotes_time_and_formative_grades(rubric):
    engine = _session(rubric)
    report = build_report(engine.transcript, rubric)
    sus = next(t for t in report.topics if t.id == "sustainability")
    assert sus.criteria[0].status == "evidenced"
    assert sus.criteria[0].evidence[0].quote == "EVIDENCE:sustainability/pass-1"
    assert sus.seconds == 120
    assert "K17" in report.ksbs_covered and "K2" not in report.ksbs_covered
    assert report.grades.formative and report.grades.am1 == "fail"
    assert set(report.grades.topics_not_covered) == set(rubric.topic_ids) - {
        "sustainability",
        "model-scoping",
    }
    scoping = next(t for t in report.topics if t.id == "model-scoping")
    assert scoping.criteria[0].status == "partly"


def test_overrides_change_grades_but_not_the_scorer_record(rubric):
    engine = _session(rubric)
    t = engine.transcript
    all_ids = [c.id for topic in rubric.topics for c in topic.criteria]
    for cid in all_ids:
        t.overrides.append(
            Override(criterion_id=cid, evidenced=True, tutor="T. Tutor", at=datetime.now(UTC))
        )
    report = build_report(t, rubric)
    assert report.grades.overall == "distinction"
    assert report.grades_scorer_only.overall == "fail"
    crit = next(
        c for topic in report.topics for c in topic.criteria if c.id == "model-scoping/pass-1"
    )
    assert crit.status == "evidenced" and crit.scorer_status == "partly"
    # A practice of two topics shows no exam-level grades, but says the overrides are in it;
    # as a mock the grades show both ways.
    assert "includes 45 tutor overrides" in render_text(report)
    t.mode = "mock"
    assert "Before tutor overrides" in render_text(build_report(t, rubric))


def test_no_escape_sequence_reaches_text_or_markdown(rubric):
    engine = _session(rubric)
    report = build_report(engine.transcript, rubric)
    for out in (render_text(report), render_markdown(report)):
        assert "\x1b" not in out
        assert "Formative prediction" in out
    data = json.loads(render_json(engine.transcript, report))
    assert "\x1b" in data["turns"][1]["text"]  # stored exactly; JSON escapes it on disk
    assert "\x1b" not in render_json(engine.transcript, report)
    assert {"turns", "judgments", "grades"} <= data.keys()
    j = data["judgments"][0]
    assert {"criterion_id", "status", "evidence", "scorer", "turn"} <= j.keys()
    assert {"role", "topic", "text", "source", "at"} <= data["turns"][0].keys()


def test_a_control_character_in_the_narrative_source_is_shown_not_sent(rubric):
    # Found by hypothesis: a transcript file whose narrative_source was "\x1f" put the raw control
    # character into the text report's "Feedback (...)" line.
    engine = _session(rubric)
    engine.transcript.narrative_source = "llm:\x1fmodel\x1b[31m"
    report = build_report(engine.transcript, rubric)
    for out in (render_text(report), render_markdown(report)):
        assert "\x1f" not in out and "\x1b" not in out
        assert "llm:" in out
