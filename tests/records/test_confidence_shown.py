"""Thin credit is shown as such (issue #13): a "possible" verdict tells the learner an assessor may
want more, in the reports and on the practice feedback screen; a clear one does not."""

from __future__ import annotations

from datetime import UTC, datetime

from practice_bot.records.html import render_html
from practice_bot.records.render import render_markdown, render_text
from practice_bot.records.report import build_report
from practice_bot.records.schema import Turn
from practice_bot.scoring.base import POSSIBLE_NOTE, Assessment, Evidence, Judgment
from practice_bot.session.clock import FakeClock
from practice_bot.session.engine import AnswerOutcome
from practice_bot.session.plan import SessionConfig
from practice_bot.tui.screens.feedback import feedback_sections
from tests.conftest import make_engine


def _report_texts(rubric, confidence: str) -> list[str]:  # type: ignore[no-untyped-def]
    engine = make_engine(
        rubric, SessionConfig(mode="practice", topics=["sustainability"]), FakeClock()
    )
    engine.next_question()
    engine.submit_answer("We cut GPU hours. EVIDENCE:sustainability/pass-1")
    engine.finish()
    for j in engine.transcript.current_judgments():
        if j.criterion_id == "sustainability/pass-1":
            j.confidence = confidence  # type: ignore[assignment]
    report = build_report(engine.transcript, rubric)
    crit = next(c for t in report.topics for c in t.criteria if c.id == "sustainability/pass-1")
    assert crit.status == "evidenced" and crit.confidence == confidence
    return [render_text(report), render_markdown(report), render_html(engine.transcript, report)]


def test_reports_say_when_credit_is_only_possible(rubric):  # type: ignore[no-untyped-def]
    for text in _report_texts(rubric, "possible"):
        assert POSSIBLE_NOTE in text
    for text in _report_texts(rubric, "clear"):
        assert POSSIBLE_NOTE not in text


def test_the_feedback_screen_says_when_credit_is_only_possible(rubric):  # type: ignore[no-untyped-def]
    topic = rubric.topic("sustainability")
    answer = "I cut the GPU hours of our model by half."

    def body(confidence: str) -> str:
        j = Judgment(
            criterion_id="sustainability/pass-1",
            status="evidenced",
            evidence=[Evidence(quote=answer, start=0, end=len(answer))],
            reason="You described what you did.",
            confidence=confidence,  # type: ignore[arg-type]
        )
        turn = Turn(
            index=1,
            role="apprentice",
            topic="sustainability",
            text=answer,
            source="apprentice",
            at=datetime.now(UTC),
            elapsed=0,
        )
        outcome = AnswerOutcome(answer=turn, assessment=Assessment(judgments=[j]))
        return "\n".join(str(content) for _, content in feedback_sections(outcome, topic))

    assert POSSIBLE_NOTE in body("possible")
    assert POSSIBLE_NOTE not in body("clear")
