"""Answers holding Rich/Textual markup, ANSI and OSC escape sequences (colours, clearing the screen,
setting the title, writing the clipboard with OSC 52, hyperlinks), C1 controls, NUL and other control
characters, right-to-left text, bidi overrides, emoji and a 1 MB paste are stored exactly - journal and
final JSON round-trip byte for byte - and no escape sequence from an answer or a transcript reaches
the terminal: not in plain mode, not in any export (text, md, json, html, csv), not in the tutor's
review commands."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_bot.records.journal import replay
from practice_bot.records.store import create_journal, load_transcript, save_final
from practice_bot.rubric import load_rubric
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine
from tests.reliability.reliability_kit import (
    escapes_in,
    final_answers,
    finals,
    journal_answers,
    run_cli,
)

RUBRIC = load_rubric()
HOSTILE = [
    "[bold red]markup[/] [link=https://evil.example]click[/link] [@click=app.quit]x[/] $(rm -rf ~) `id`",
    "ANSI \x1b[31mred\x1b[0m \x1b[2J\x1b[H cleared \x1b]0;owned title\x07 \x1b]52;c;cHduZWQ=\x07 clip "
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \x1bP+q\x1b\\ dcs",
    "C1 \x9b31m csi \x9d0;t\x9c osc \x90dcs\x9c NUL\x00 BEL\x07 BS\x08 DEL\x7f VT\x0b FF\x0c CR\rmid",
    "RTL עברית والعربية \u202eevil override\u202c \u2066isolate\u2069 emoji 👩🏽‍💻🏳️‍🌈 zero\u200bwidth",
    '<script>alert(1)</script> <img src=x onerror=alert(1)> =HYPERLINK("http://evil") | a | **b** #h',
    "line one of a pasted answer\n   indented second line with \x1b[1mbold\x1b[0m\n/not-a-command on line 3",
]
PASTE = "I deployed the model behind a feature flag. " * 23_000 + "\x1b]0;end\x07 END"


def _check_exports(transcript_path: Path, home: Path) -> None:
    """Every export and tutor view of a transcript: no escape sequence, markup kept literal."""
    for fmt in ("text", "md", "json", "html", "csv"):
        r = run_cli(["report", str(transcript_path), "--format", fmt], "", home)
        assert r.returncode == 0, r.stderr.decode()
        assert not escapes_in(r.stdout), (fmt, escapes_in(r.stdout))
        out = r.stdout.decode("utf-8")
        if fmt == "html":
            assert "<script>" not in out and "<img src=x" not in out
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        if fmt == "json":
            data = json.loads(out)  # the escapes are JSON escapes: the text itself is intact
            assert final_answers(data) == final_answers(
                json.loads(transcript_path.read_text("utf-8"))
            )
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    for args in (["review", str(transcript_path.parent)], ["review", "show", str(transcript_path)],
                 ["review", "cohort", str(transcript_path.parent)], ["history", "--transcripts",
                 str(transcript_path.parent)]):  # fmt: skip
        r = run_cli(args, "", home)
        assert r.returncode in (0, 1, 2) and b"Traceback" not in r.stderr, (args, r.stderr)
        assert not escapes_in(r.stdout + r.stderr), (args, escapes_in(r.stdout + r.stderr))


def test_plain_practice_session_with_hostile_answers(tmp_path):
    folder = tmp_path / "t"
    name = "\x1b]0;Eve\x07 [b]Eve[/b] \u202eevE"
    answers = [*HOSTILE, PASTE]
    stdin = "".join(f"{a}\n\n\n" for a in answers)
    # Killed just before the session would be marked finished: the journal holds every answer.
    killed = run_cli(["practice", "--plain", "--topics", "model-scoping,model-management",
                      "--name", name, "--seed", "2", "--transcripts", str(folder)],
                     stdin + "/end\nyes\n", tmp_path, kill="status:1:before")  # fmt: skip
    assert not escapes_in(killed.stdout), escapes_in(killed.stdout)
    out = killed.stdout.decode("utf-8")
    assert "[b]Eve[/b]" in out and "\\x1b]0;Eve\\x07" in out  # shown literally, made visible
    assert "Feedback on" in out
    journal = next(folder.glob("*.journal.jsonl"))
    assert journal_answers(journal) == answers  # byte for byte, escapes and all

    resumed = run_cli(["resume", str(journal), "--plain"], "", tmp_path)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert not escapes_in(resumed.stdout + resumed.stderr)
    final = finals(folder)[0]
    data = json.loads(final.read_text("utf-8"))
    assert final_answers(data) == answers
    assert data["apprentice"] == name
    _check_exports(final, tmp_path)


def test_plain_mock_session_report_is_escape_free(tmp_path):
    folder = tmp_path / "t"
    r = run_cli(["mock", "--plain", "--name", "\x9b2J\x1b[2JMallory", "--seed", "4",
                 "--transcripts", str(folder)],
                "".join(f"{a}\n\n" for a in HOSTILE) + "/end\nyes\n", tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr.decode()
    assert not escapes_in(r.stdout + r.stderr), escapes_in(r.stdout + r.stderr)
    assert final_answers(json.loads(finals(folder)[0].read_text("utf-8"))) == HOSTILE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=st.text(min_size=1, max_size=400).filter(str.strip))
def test_any_answer_round_trips_exactly_through_journal_and_final_file(answer):
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        engine = make_engine(
            RUBRIC,
            SessionConfig(mode="practice", topics=["model-scoping"], apprentice=answer),
            clock,
        )
        journal = create_journal(Path(tmp), engine.transcript)
        engine.recorder = journal
        engine.next_question()
        engine.submit_answer(answer)
        replayed, _ = replay(journal.path)
        assert replayed.answers()[0].text == answer and replayed.apprentice == answer
        engine.finish()
        final = save_final(journal.path, engine.transcript)
        assert json.loads(final.read_bytes().decode("utf-8"))["turns"][1]["text"] == answer
        assert load_transcript(final).answers()[0].text == answer
