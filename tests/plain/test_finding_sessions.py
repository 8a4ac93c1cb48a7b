"""Finding your session again from the command line (issue 15, items 6, 7 and 8): resume finds an
unfinished class-pack session from anywhere, --transcripts wins over a pack's folder, and the session
commands use the name the app remembers."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.plain.test_plain_mode import STRONG, only, run_cli


def make_pack(tmp_path: Path) -> Path:
    (tmp_path / "class").mkdir()
    pack = tmp_path / "class" / "march.toml"
    out = run_cli(
        [
            "pack",
            "new",
            "--name",
            "March mock",
            "--seed",
            "4",
            "--id",
            "march-mock",
            "--out",
            str(pack),
        ],
        "",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    return pack


def remember_name(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "prefs.json").write_text(json.dumps({"name": name}))


def test_resume_finds_an_unfinished_pack_session_from_anywhere(tmp_path):
    pack = make_pack(tmp_path)
    env = dict(os.environ, PRACTICE_BOT_CONFIG=str(tmp_path / "none.toml"))
    env["PRACTICE_BOT_DATA_DIR"] = str(tmp_path / "data")
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "practice_bot", "mock", "--plain", "--pack", str(pack), "--name", "Ana"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        assert proc.stdin is not None and proc.stdout is not None
        deadline = time.monotonic() + 60
        while "Assessor:" not in (line := proc.stdout.readline()):
            assert line and time.monotonic() < deadline, "no question was asked"
        proc.stdin.write(f"{STRONG}\n\n")
        proc.stdin.flush()
        while "Assessor:" not in (line := proc.stdout.readline()):  # the answer is journaled
            assert line and time.monotonic() < deadline, "no second question"
    finally:
        proc.send_signal(signal.SIGKILL)  # the terminal closed
        proc.wait(timeout=30)
    folder = tmp_path / "class" / "transcripts" / "march-mock"
    journal = only(folder, ".journal.jsonl")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run(
        [sys.executable, "-m", "practice_bot", "resume", "--plain", "--name", "Ana"],
        input="/end\nyes\n", capture_output=True, text=True, timeout=60, env=env, cwd=elsewhere,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert f"Transcript: {journal}" in out.stdout
    data = json.loads(only(folder, ".json").read_text())
    assert [t["text"] for t in data["turns"] if t["role"] == "apprentice"] == [STRONG]


def test_resume_with_nothing_to_resume_says_where_it_looked(tmp_path):
    out = run_cli(["resume", "--plain", "--transcripts", str(tmp_path / "t")], "", tmp_path)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "no unfinished session to resume" in out.stderr and str(tmp_path / "t") in out.stderr


def test_transcripts_flag_wins_over_the_pack_folder(tmp_path):
    pack = make_pack(tmp_path)
    mine = tmp_path / "mine"
    out = run_cli(
        ["mock", "--plain", "--pack", str(pack), "--name", "Ana", "--transcripts", str(mine)],
        "an answer\n\n/end\nyes\n",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert f"transcripts go to {mine} (--transcripts)" in out.stdout
    data = json.loads(only(mine, ".json").read_text())
    assert data["pack_id"] == "march-mock"
    assert not (tmp_path / "class" / "transcripts").exists()


def test_pack_folder_is_the_default_and_is_said(tmp_path):
    pack = make_pack(tmp_path)
    out = run_cli(
        ["mock", "--plain", "--pack", str(pack), "--name", "Ana"], "a\n\n/end\nyes\n", tmp_path
    )
    assert out.returncode == 0, out.stderr
    folder = tmp_path / "class" / "transcripts" / "march-mock"
    assert f"transcripts go to {folder} (the pack's folder)" in out.stdout
    assert json.loads(only(folder, ".json").read_text())["pack_name"] == "March mock"
    assert "Class pack: March mock (march-mock)" in out.stdout  # the report names the pack


def test_session_commands_use_the_remembered_name(tmp_path):
    remember_name(tmp_path, "Priya Shah")
    t = tmp_path / "t"
    out = run_cli(
        ["practice", "--plain", "--topics", "model-scoping", "--transcripts", str(t)],
        "an answer\n\n",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert "session for Priya Shah" in out.stdout
    path = only(t, ".json")
    assert path.name.startswith("priya-shah-")
    assert json.loads(path.read_text())["apprentice"] == "Priya Shah"
    history = run_cli(["history", "--transcripts", str(t)], "", tmp_path)
    assert history.returncode == 0 and "Sessions for Priya Shah" in history.stdout
    named = run_cli(["history", "--transcripts", str(t), "--name", "Sam"], "", tmp_path)
    assert "No sessions for Sam" in named.stdout  # --name still wins


def test_line_mode_keeps_an_unsent_answer_when_the_terminal_closes(tmp_path):
    env = dict(os.environ, PRACTICE_BOT_CONFIG=str(tmp_path / "none.toml"))
    env["PRACTICE_BOT_DATA_DIR"] = str(tmp_path / "data")
    folder = tmp_path / "t"
    proc = subprocess.Popen(
        [sys.executable, "-m", "practice_bot", "mock", "--plain", "--name", "Ana", "--seed", "1",
         "--transcripts", str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        assert proc.stdin is not None and proc.stdout is not None
        deadline = time.monotonic() + 60
        while "Assessor:" not in (line := proc.stdout.readline()):
            assert line and time.monotonic() < deadline, "no question was asked"
        proc.stdin.write("the first line of my answer\n")  # no empty line yet: not sent
        proc.stdin.flush()
        while not list(folder.glob(".*.draft")):
            assert time.monotonic() < deadline, "the draft was not kept"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)  # the terminal closed
        proc.wait(timeout=30)
    out = run_cli(
        ["resume", "--plain", "--transcripts", str(folder)],
        "and the second\n\n/end\nyes\n",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    # a script's answers stay its own; the kept text is shown, to copy
    assert "an answer typed but not sent" in out.stdout
    assert "  | the first line of my answer" in out.stdout
    data = json.loads(only(folder, ".json").read_text())
    assert [t["text"] for t in data["turns"] if t["role"] == "apprentice"] == ["and the second"]
    assert not list(folder.glob(".*.draft"))


class Keyboard(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_line_mode_at_a_keyboard_starts_the_answer_with_the_kept_draft(tmp_path):
    from practice_bot.config import Settings
    from practice_bot.plain import PlainRunner
    from practice_bot.records.drafts import save_draft
    from practice_bot.session.factory import resume_session, start_session
    from practice_bot.session.plan import SessionConfig

    settings = Settings(transcripts=tmp_path / "t", scorer="offline")
    session = start_session(SessionConfig(mode="mock", apprentice="Ana", seed=1), settings)
    question = session.engine.next_question()
    assert question is not None
    save_draft(
        session.journal_path, question.index, "kept words"
    )  # typed, then the terminal closed
    resumed = resume_session(session.journal_path, settings)
    out = io.StringIO()
    PlainRunner(resumed, Keyboard("and more\n\n"), out).run()
    assert "your unsent answer was kept and starts your answer" in out.getvalue()
    assert [t.text for t in resumed.engine.transcript.answers()] == ["kept words\nand more"]


def test_purge_removes_a_journal_with_its_draft(tmp_path):
    from datetime import timedelta

    from practice_bot.config import Settings
    from practice_bot.records.drafts import draft_path, save_draft
    from practice_bot.session.clock import FakeClock
    from practice_bot.session.factory import start_session
    from practice_bot.session.plan import SessionConfig
    from practice_bot.tutor.retention import carry_out, plan_purge

    settings = Settings(transcripts=tmp_path / "t", scorer="offline")
    clock = FakeClock()
    session = start_session(
        SessionConfig(mode="mock", apprentice="Ana", seed=1), settings, clock=clock
    )
    question = session.engine.next_question()
    assert question is not None
    save_draft(session.journal_path, question.index, "never sent")
    plan = plan_purge(settings.transcripts, 30, now=clock.now() + timedelta(days=60))
    deleted, problems = carry_out(plan)
    assert deleted == [session.journal_path] and not problems
    assert not draft_path(session.journal_path).exists()
