"""The HTML report: one self-contained file (no scripts, no external URLs, inline CSS with print rules)
in which every piece of untrusted text is escaped and made printable."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from practice_bot.records.html import render_html
from practice_bot.records.report import build_report
from practice_bot.rubric import Rubric
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine

NAME = '<script>alert("x")</script> & Co'
ANSWER = "<img src=x onerror=alert(1)> [b]bold[/b] \x1b]8;;http://evil.example\x07link EVIDENCE:model-scoping/pass-1"


def transcript_and_report(rubric: Rubric):  # type: ignore[no-untyped-def]
    config = SessionConfig(mode="practice", apprentice=NAME, topics=["model-scoping"], seed=2)
    engine = make_engine(rubric, config, FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC)))
    engine.next_question()
    engine.submit_answer(ANSWER)
    engine.finish("finished")
    return engine.transcript, build_report(engine.transcript, rubric)


def test_html_is_self_contained_and_escapes_untrusted_text(rubric: Rubric) -> None:
    transcript, report = transcript_and_report(rubric)
    html = render_html(transcript, report)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;img src=x onerror=alert(1)&gt; [b]bold[/b] \\x1b]8;;" in html
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", html)
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "url(" not in html and "@import" not in html
    assert "http-equiv" not in html and "@media print" in html
    assert "Formative prediction" in html
    assert "Written by: offline template" in html and "you evidenced 1 of 5 criteria" in html
    for topic in report.topics:
        assert topic.name in html
    assert "✓ evidenced" in html  # status as a word and a mark, not colour alone


def test_html_has_every_criterion_overrides_comments_and_no_http(rubric: Rubric, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A mock exam (every topic) whose answers hold no URL: no "http" anywhere in the file, every
    criterion id of the standard, and the tutor's overrides with their comments (escaped)."""
    from practice_bot.records.store import load_transcript, write_atomic
    from practice_bot.tutor.overrides import add_override

    config = SessionConfig(mode="mock", apprentice="Sam Patel", seed=3)
    engine = make_engine(rubric, config, FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC)))
    for answer in ("EVIDENCE:model-scoping/pass-1 we agreed recall mattered", "PARTLY:x", "no"):
        engine.next_question()
        engine.submit_answer(answer)
    engine.finish("finished")
    path = tmp_path / "t.json"
    write_atomic(path, engine.transcript.model_dump_json())
    when = datetime(2026, 1, 9, 16, 30, tzinfo=UTC)
    add_override(path, "model-scoping/pass-2", True, "Jo Tutor", "Named <the> metrics & why.",
                 rubric=rubric, now=when)  # fmt: skip
    add_override(path, "model-scoping/pass-1", False, "Jo Tutor", "Only the lifecycle's name.",
                 rubric=rubric, now=when)  # fmt: skip
    transcript = load_transcript(path)
    html = render_html(transcript, build_report(transcript, rubric))
    assert "http" not in html.lower()
    for topic in rubric.topics:
        for c in topic.criteria:
            assert f"<strong>{c.id}</strong>" in html
    assert (
        "Tutor: overridden to evidenced by Jo Tutor: Named &lt;the&gt; metrics &amp; why." in html
    )
    assert "Tutor: overridden to not evidenced by Jo Tutor: Only the lifecycle&#x27;s name." in html


def test_report_command_uses_the_html_renderer(rubric: Rubric, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from practice_bot.commands.report import render
    from practice_bot.records.store import write_atomic

    transcript, _ = transcript_and_report(rubric)
    path = tmp_path / "t.json"
    write_atomic(path, transcript.model_dump_json())
    # a practice of one topic: what was practised, and why there is no exam-level grade
    assert "<h2>Exam-level prediction (formative)</h2>" in render(path, "html")
