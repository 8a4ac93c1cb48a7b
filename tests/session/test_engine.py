"""Engine rules: timing and extension, minimum questions, ending early, no repeats, adaptive probing,
per-topic limits, practice retry and pause, drill targets."""

from __future__ import annotations

import pytest

from practice_bot.errors import UserError
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine


def run_instant(engine, answer=lambda q: "I did some work.", max_steps=500):  # type: ignore[no-untyped-def]
    q = engine.next_question()
    steps = 0
    while q is not None:
        engine.submit_answer(answer(q))
        q = engine.next_question()
        steps += 1
        assert steps < max_steps, "session never ended"
    return steps


def test_mock_covers_all_topics_in_seed_order_and_ends_with_instant_answers(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock", seed=1))
    run_instant(engine)
    asked_topics = list(
        dict.fromkeys(t.topic for t in engine.transcript.turns if t.kind == "question")
    )
    assert asked_topics == list(rubric.topic_ids)
    assert engine.transcript.status == "finished"
    assert engine.questions_asked >= 6
    assert engine.transcript.grades is not None and engine.transcript.grades.formative


def test_no_question_is_asked_twice(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock", seed=7))
    run_instant(engine)
    ids = [t.question_id for t in engine.transcript.turns if t.kind == "question"]
    texts = [t.text for t in engine.transcript.turns if t.kind == "question"]
    assert len(ids) == len(set(ids)) and len(texts) == len(set(texts))


def test_per_topic_question_limit_in_mock(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock", seed=2))
    run_instant(engine)
    for t in rubric.topics:
        n = sum(
            1 for turn in engine.transcript.turns if turn.topic == t.id and turn.kind == "question"
        )
        assert 1 <= n <= min(1 + len(t.criteria), 5)


def test_topic_ends_once_its_criteria_are_evidenced(rubric):
    def answer(q):  # type: ignore[no-untyped-def]
        topic = rubric.topic(q.topic)
        return " ".join(f"EVIDENCE:{c.id}" for c in topic.criteria)

    engine = make_engine(rubric, SessionConfig(mode="mock", seed=3))
    run_instant(engine, answer)
    for t in rubric.topics:
        n = sum(
            1 for turn in engine.transcript.turns if turn.topic == t.id and turn.kind == "question"
        )
        assert n == 1, t.id
    assert engine.transcript.grades.overall == "distinction"


def test_probes_target_unmet_criteria(rubric):
    engine = make_engine(rubric, SessionConfig(mode="practice", topics=["model-scoping"], seed=4))
    q = engine.next_question()
    assert q.kind == "question" and "opening" in q.question_id
    engine.submit_answer("EVIDENCE:model-scoping/pass-1 EVIDENCE:model-scoping/pass-2")
    probe = engine.next_question()
    targets = engine._questions[probe.question_id].targets
    assert "model-scoping/pass-1" not in targets and "model-scoping/pass-2" not in targets
    # pass criteria are probed before distinction ones
    assert targets[0] in ("model-scoping/pass-3", "model-scoping/pass-4")


def test_same_seed_same_plan_and_different_seed_differs(rubric):
    plans = []
    for seed in (11, 11, 12):
        engine = make_engine(rubric, SessionConfig(mode="mock", seed=seed))
        run_instant(engine)
        plans.append([t.question_id for t in engine.transcript.turns if t.kind == "question"])
    assert plans[0] == plans[1]
    assert plans[0] != plans[2]


def test_mock_stops_asking_at_90_minutes_and_allows_extension_for_current_answer(rubric):
    clock = FakeClock()
    engine = make_engine(rubric, SessionConfig(mode="mock", seed=5), clock=clock)
    q = engine.next_question()
    clock.advance(89 * 60)
    engine.submit_answer("answer")
    q = engine.next_question()
    assert q is not None  # 89 minutes: still asking
    clock.advance(2 * 60)  # 91 minutes: in the extension, the current question may be finished
    status = engine.time_status()
    assert status.in_extension and not status.over
    assert engine.current_question == q
    engine.submit_answer("finishing my answer in the extension")
    assert engine.next_question() is None
    assert engine.transcript.status == "finished"
    assert engine.transcript.turns[-1].role == "apprentice"
    clock.advance(9 * 60)
    assert engine.time_status().over  # 100 minutes is past 90 + 10%


def test_extension_is_ten_percent(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock"))
    s = engine.time_status()
    assert s.limit == 90 * 60 and s.hard_limit == pytest.approx(99 * 60)


def test_pacing_leaves_time_for_every_topic_with_slow_answers(rubric):
    clock = FakeClock()
    engine = make_engine(rubric, SessionConfig(mode="mock", seed=6), clock=clock)
    q = engine.next_question()
    while q is not None:
        clock.advance(150)  # 2.5 minutes an answer, never evidencing anything
        engine.submit_answer("umm")
        q = engine.next_question()
    topics = {t.topic for t in engine.transcript.turns if t.kind == "question"}
    assert topics == set(rubric.topic_ids)
    assert engine.elapsed() <= 99 * 60


def test_time_checks_are_given_once_each(rubric):
    clock = FakeClock()
    engine = make_engine(rubric, SessionConfig(mode="mock"), clock=clock)
    engine.next_question()
    clock.advance(31 * 60)
    first = engine.due_time_checks()
    assert len(first) == 1 and "remain" in first[0].text
    assert engine.due_time_checks() == []
    clock.advance(60 * 60)
    later = engine.due_time_checks()
    # three checks fell due at once: only the latest is said, all three are recorded as given
    assert [t.kind for t in later] == ["notice"]
    assert "finish your current answer" in later[-1].text
    given = [e.detail for e in engine.transcript.events if e.kind == "time_check"]
    assert given == ["third", "two-thirds", "ten-minutes", "time-up"]


def test_minimum_six_questions_even_with_one_topic(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock", topics=["sustainability"], seed=1))
    run_instant(engine)
    assert engine.questions_asked >= 6


def test_end_early_needs_confirmation(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock"))
    engine.next_question()
    assert engine.end_early(confirmed=False) is False
    assert not engine.finished
    assert engine.end_early(confirmed=True) is True
    assert engine.transcript.status == "ended_early"
    assert engine.next_question() is None


def test_answer_is_recorded_before_it_is_scored(rubric):
    order = []

    class Spy:
        name = "spy"

        def score(self, answer, question, topic, criteria):  # type: ignore[no-untyped-def]
            order.append(("score", [t.role for t in engine.transcript.turns][-1]))
            from practice_bot.scoring.base import Assessment

            return Assessment(judgments=[])

    engine = make_engine(rubric, SessionConfig(mode="mock"))
    engine.scorer = Spy()
    engine.recorder = type("R", (), {"write": lambda self, r: order.append(("write", r["kind"]))})()
    engine.next_question()
    engine.submit_answer("hello")
    assert order.index(("write", "turn")) < order.index(("score", "apprentice"))


def test_practice_retry_and_pause(rubric):
    clock = FakeClock()
    engine = make_engine(
        rubric, SessionConfig(mode="practice", topics=["sustainability"]), clock=clock
    )
    q = engine.next_question()
    engine.submit_answer("weak")
    again = engine.retry()
    assert again.text == q.text and again.kind == "retry"
    assert engine.current_question == again
    engine.submit_answer("EVIDENCE:sustainability/pass-1")
    assert engine.topic_status("sustainability")["sustainability/pass-1"] == "evidenced"
    engine.pause()
    clock.advance(600)
    assert engine.elapsed() == 0
    engine.unpause()
    clock.advance(5)
    assert engine.elapsed() == 5
    assert engine.next_question() is None  # every criterion evidenced


def test_pause_refused_in_mock(rubric):
    engine = make_engine(rubric, SessionConfig(mode="mock"))
    with pytest.raises(UserError):
        engine.pause()


def test_drill_asks_probes_for_target_criteria_only(rubric):
    targets = ["model-management/pass-3", "compliance-assurance/pass-1"]
    engine = make_engine(rubric, SessionConfig(mode="drill", target_criteria=targets, seed=3))
    run_instant(engine)
    asked = [
        engine._questions[t.question_id] for t in engine.transcript.turns if t.kind == "question"
    ]
    assert asked and all(q.kind == "probe" and set(q.targets) & set(targets) for q in asked)
    assert engine.transcript.topics == ["model-management", "compliance-assurance"]


def test_skip_moves_on(rubric):
    engine = make_engine(rubric, SessionConfig(mode="practice", topics=["model-scoping"]))
    q = engine.next_question()
    engine.skip()
    q2 = engine.next_question()
    assert q2 is not None and q2.question_id != q.question_id


def test_unknown_topic_is_a_user_error(rubric):
    with pytest.raises(UserError, match="unknown topic 'nope'"):
        make_engine(rubric, SessionConfig(mode="practice", topics=["nope"]))
