"""What a learner reads after a session (issue 15, items 9-12, 17, 18): a practice report leads with what
was practised, history and cohort count only what a session covered, criteria carry short titles, the
wording is right, HTML goes to a file from a terminal, and the transcripts folder is tightened."""

from __future__ import annotations

import os
import pty
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from practice_bot.commands.history import history_lines
from practice_bot.records.history import covered_topics
from practice_bot.records.html import render_html
from practice_bot.records.render import render_markdown, render_text
from practice_bot.records.report import build_report
from practice_bot.records.schema import Override
from practice_bot.session.clock import FakeClock
from practice_bot.session.pacing import TimeStatus, time_check_text
from practice_bot.session.plan import SessionConfig
from practice_bot.tutor.cohort import cohort_view
from tests.conftest import make_engine
from tests.tutor.kit import START, run_cli, save, session

SCOPING = [f"model-scoping/pass-{i}" for i in range(1, 5)] + ["model-scoping/dist-1"]


def two_topic_practice(rubric):  # type: ignore[no-untyped-def]
    ids = " ".join(f"EVIDENCE:{c}" for c in [*SCOPING, "sustainability/pass-1"])
    return session(rubric, [ids, ids], topics=("model-scoping", "sustainability"))


def test_practice_report_leads_with_what_was_practised(rubric):
    report = build_report(two_topic_practice(rubric), rubric)
    text = render_text(report)
    assert "AM2 themes" not in text and "Overall by" not in text
    assert text.index("What you practised") < text.index("Exam-level prediction")
    assert "No exam-level prediction: this practice covered 2 topics of 11" in text
    assert "Model scoping [AM1] - 5/5 evidenced" in text and "Sustainability [AM1] - 1/1" in text
    md, html = (
        render_markdown(report),
        render_html(
            report_transcript := two_topic_practice(rubric), build_report(report_transcript, rubric)
        ),
    )
    for out in (md, html):
        assert "No exam-level prediction" in out and "AM2 themes" not in out
        assert out.index("What you practised") < out.index("Exam-level prediction")


def test_mock_report_still_predicts_and_names_topics_not_reached(rubric):
    t = session(
        rubric, ["EVIDENCE:model-scoping/pass-1"], topics=tuple(rubric.topic_ids), mode="mock"
    )
    report = build_report(t, rubric)
    assert covered_topics(t) == ["model-scoping"]
    text = render_text(report)
    assert "AM2 themes (professional discussion): Fail" in text
    assert "No exam-level prediction" not in text
    assert (
        "Not covered in this session (counted as not yet evidenced): Experiment and tracking"
        in text
    )
    assert "experiment-tracking," not in text  # names, not ids


def test_history_and_cohort_count_only_what_a_session_covered(rubric, tmp_path):
    first = session(rubric, ["EVIDENCE:sustainability/pass-1"], topics=("sustainability",))
    later = session(
        rubric, ["EVIDENCE:model-scoping/pass-1"], topics=tuple(rubric.topic_ids), mode="mock",
        started=START + timedelta(days=1),
    )  # fmt: skip
    folder = tmp_path / "t"
    save(folder, first)
    save(folder, later)
    lines = history_lines(folder, "Sam Patel")
    trend = next(line for line in lines if line.strip().startswith("Sustainability"))
    assert trend.split()[-1] == "1/1"  # the mock never reached it: not a 0/1
    assert not any(line.strip().startswith("Experiment tracking") for line in lines)
    assert any("not practised yet" in line for line in lines)
    assert not any("0 of 0" in line for line in lines)
    cohort = cohort_view([first, later], rubric)
    assert "sustainability/pass-1" not in [m.criterion_id for m in cohort.missed]
    assert cohort.cell("Sam Patel", "experiment-tracking") is None


def test_criteria_have_short_titles_and_flags_are_words(rubric):
    t = two_topic_practice(rubric)
    t.judgments[0].flags.append("keyword_list")
    report = build_report(t, rubric)
    text, html = render_text(report), render_html(t, report)
    assert "pass-1 ML lifecycle stages (K2)" in text
    assert (
        "pass-1 ML lifecycle stages" in html
        and "Evidenced: pass-1 ML lifecycle stages" in report.narrative
    )
    assert "list of keywords (keyword_list)" in text and "list of keywords (keyword_list)" in html


def test_wording(rubric):
    from practice_bot.wording import duration_words

    assert [duration_words(s) for s in (40, 60, 7500, 3600, 90000)] == [
        "40 seconds", "1 minute", "2 hours 5 minutes", "1 hour", "1 day 1 hour",
    ]  # fmt: skip
    status = TimeStatus(elapsed=70, limit=180, hard_limit=198, enforced=True)
    words = [time_check_text(k, status) for k in ("third", "ten-minutes", "time-up")]
    assert "1 minute gone" in words[0] and "1 minutes" not in " ".join(words)
    assert "up to 18 seconds more" in words[2] and "0 more minutes" not in words[2]
    clock = FakeClock()
    engine = make_engine(rubric, SessionConfig(mode="mock", minutes=3), clock)
    engine.next_question()
    clock.advance(130)  # a third and two-thirds both due: said once
    assert len(engine.due_time_checks()) == 1
    practice = make_engine(rubric, SessionConfig(mode="practice", topics=["sustainability"]))
    practice.next_question()
    outcome = practice.submit_answer("nothing useful")
    report = build_report(practice.transcript, rubric)
    assert "evidenced 0 of 1 criterion" in report.narrative
    assert "1 question," in render_text(report)
    assert not (outcome.next_hint or "").startswith("An assessor would probe next")
    # The advice is under "To develop" once, not repeated by the narrative.
    advice = report.develop[0].split(": ", 1)[1]
    assert advice not in report.narrative
    html = render_html(practice.transcript, report)
    assert html.count(advice.replace("'", "&#x27;")) == 1  # under "What to develop" only


def test_report_says_when_grades_include_overrides(rubric):
    t = session(
        rubric, ["EVIDENCE:model-scoping/pass-1"], topics=tuple(rubric.topic_ids), mode="mock"
    )
    t.overrides.append(
        Override(
            criterion_id="model-scoping/pass-2",
            evidenced=True,
            tutor="Jo Tutor",
            at=datetime.now(UTC),
        )
    )
    report = build_report(t, rubric)
    for out in (render_text(report), render_markdown(report), render_html(t, report)):
        assert "includes 1 tutor override: model-scoping/pass-2 by Jo Tutor" in out


def test_html_report_to_a_terminal_goes_to_a_file(rubric, tmp_path):
    path = save(tmp_path / "t", two_topic_practice(rubric))
    leader, follower = pty.openpty()
    env = dict(os.environ, PRACTICE_BOT_CONFIG=str(tmp_path / "none.toml"), COLUMNS="200")
    proc = subprocess.run(
        [sys.executable, "-m", "practice_bot", "report", str(path), "--format", "html"],
        stdout=follower, stderr=subprocess.PIPE, env=env, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    os.close(follower)
    out = b""
    try:
        while chunk := os.read(leader, 65536):
            out += chunk
    except OSError:
        pass
    os.close(leader)
    assert proc.returncode == 0, proc.stderr
    written = tmp_path / "t" / "reports" / (path.name.split(".")[0] + ".html")
    assert f"Report written: {written}".encode() in out
    assert b"<html" not in out
    assert written.read_text().startswith("<!DOCTYPE html>")
    piped = run_cli(["report", str(path), "--format", "html"], tmp_path)  # a pipe: as before
    assert piped.stdout.startswith("<!DOCTYPE html>")


def test_repository_transcripts_folder_is_tightened_at_first_use(tmp_path):
    folder = tmp_path / "transcripts"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / ".gitkeep").write_text("")
    other = tmp_path / "shared-class-folder"  # a tutor's, group-readable on purpose
    other.mkdir(mode=0o750)
    other.chmod(0o750)
    for f in (folder, other):
        out = run_cli(
            ["practice", "--plain", "--topics", "sustainability", "--transcripts", str(f)],
            tmp_path,
            "an answer\n\n",
        )
        assert out.returncode == 0, out.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(other.stat().st_mode) == 0o750  # not the repository's: left as it is


def test_every_criterion_has_a_short_title(rubric):
    from practice_bot.wording import titles

    ids = [c.id for t in rubric.topics for c in t.criteria]
    assert sorted(titles()) == sorted(ids)
    assert all(0 < len(v) <= 40 for v in titles().values())


def test_drill_report_says_why_there_is_no_prediction(rubric):
    t = session(rubric, ["EVIDENCE:model-scoping/pass-1"], mode="drill",
                target_criteria=["model-scoping/pass-1", "model-scoping/pass-2"], topics=())  # fmt: skip
    report = build_report(t, rubric)
    assert report.prediction_note.startswith(
        "No exam-level prediction: this drill covered 1 topic of 11 (a drill aims at a few criteria)"
    )
