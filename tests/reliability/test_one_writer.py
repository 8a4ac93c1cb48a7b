"""One live writer per session: a second process cannot resume a session another process is running
(it is told which process, by pid and host), a session whose process died resumes as before, and a
journal two processes did write at once (before sessions were locked) keeps everything up to the
conflict instead of being refused whole."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

from practice_bot.records.journal import replay
from practice_bot.records.store import list_transcripts
from tests.reliability.reliability_kit import cli_env, records, run_cli
from tests.waiting import wait_for


def _answers(journal: Path) -> list[str]:
    return [
        r["turn"]["text"]
        for r in records(journal)
        if r.get("kind") == "turn" and r["turn"]["role"] == "apprentice"
    ]


def _start(home: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "practice_bot", "mock", "--plain", "--transcripts", str(folder), "--seed", "4", "--name", "Lee"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=cli_env(home), cwd=home,
    )  # fmt: skip


def _wait_for(folder: Path, answers: list[str]) -> Path:
    def holding() -> Path | None:
        journals = list(folder.glob("*.journal.jsonl"))
        return journals[0] if journals and _answers(journals[0]) == answers else None

    return wait_for(holding, f"a journal in {folder} holding {answers}")


def test_a_running_session_cannot_be_resumed_by_a_second_process(tmp_path):
    folder = tmp_path / "t"
    first = _start(tmp_path, folder)
    try:
        assert first.stdin is not None
        first.stdin.write("My first answer, from the first terminal.\n\n")
        first.stdin.flush()
        journal = _wait_for(folder, ["My first answer, from the first terminal."])
        second = run_cli(
            ["resume", str(journal), "--plain"], "The second terminal's answer.\n\n", tmp_path,
            timeout=60,
        )  # fmt: skip
        err = second.stderr.decode()
        assert second.returncode == 2, err
        assert "already running in another process" in err
        assert f"pid {first.pid}" in err and socket.gethostname() in err
        assert "Traceback" not in err
        # The folder form of resume finds the same session and is refused the same way.
        again = run_cli(["resume", str(folder), "--plain"], "x\n\n", tmp_path, timeout=60)
        assert again.returncode == 2 and f"pid {first.pid}" in again.stderr.decode()
        # The first process carries on and finishes with every answer, the refused one in no file.
        first.stdin.write("My second answer.\n\n/end\n")
        first.stdin.close()
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=10)
    final = next(folder.glob("*.json"))
    answers = [
        t["text"] for t in json.loads(final.read_text())["turns"] if t["role"] == "apprentice"
    ]
    assert answers == ["My first answer, from the first terminal.", "My second answer."]
    assert not list(folder.glob(".*.owner"))  # the note naming the writer goes with the session


def test_a_session_whose_process_died_resumes(tmp_path):
    folder = tmp_path / "t"
    first = _start(tmp_path, folder)
    assert first.stdin is not None
    first.stdin.write("Answered before the crash.\n\n")
    first.stdin.flush()
    journal = _wait_for(folder, ["Answered before the crash."])
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    resumed = run_cli(["resume", str(journal), "--plain"], "After the crash.\n\n", tmp_path)
    assert resumed.returncode == 0, resumed.stderr.decode()
    final = next(folder.glob("*.json"))
    answers = [
        t["text"] for t in json.loads(final.read_text())["turns"] if t["role"] == "apprentice"
    ]
    assert answers == ["Answered before the crash.", "After the crash."]


def _interleaved(tmp_path: Path) -> Path:
    """A journal as two unlocked resumers left it: both appended the same next turns."""
    folder = tmp_path / "t"
    done = run_cli(
        ["mock", "--plain", "--transcripts", str(folder), "--seed", "4", "--name", "Lee"],
        "Kept answer one.\n\n", tmp_path, kill="judgments:1:after",
    )  # fmt: skip
    assert done.returncode != 0
    journal = next(folder.glob("*.journal.jsonl"))
    lines = journal.read_text("utf-8").splitlines()
    turns = [json.loads(x) for x in lines if json.loads(x)["kind"] == "turn"]
    nxt = len(turns)
    question = {"kind": "turn", "turn": dict(turns[0]["turn"], index=nxt, text="Q from A")}
    clash = {"kind": "turn", "turn": dict(turns[0]["turn"], index=nxt, text="Q from B")}
    extra = [json.dumps(question), json.dumps(clash), json.dumps(question)]
    journal.write_text("\n".join([*lines, *extra]) + "\n", "utf-8")
    return journal


def test_a_journal_two_writers_interleaved_keeps_everything_before_the_clash(tmp_path):
    journal = _interleaved(tmp_path)
    transcript, notices = replay(journal)
    assert "Kept answer one." in [t.text for t in transcript.answers()]
    assert transcript.turns[-1].text == "Q from A"
    assert len(notices) == 1 and "two processes wrote this session at once" in notices[0]
    entries, problems = list_transcripts(journal.parent)
    assert problems == [] and len(entries) == 1
    for args in (["report", str(journal)], ["review", "list", str(journal.parent)]):
        shown = run_cli(args, "", tmp_path)
        assert shown.returncode == 0, shown.stderr.decode()
    resumed = run_cli(["resume", str(journal), "--plain"], "Answer after.\n\n", tmp_path)
    assert resumed.returncode == 0, resumed.stderr.decode()
    final = next(journal.parent.glob("*.json"))
    answers = [
        t["text"] for t in json.loads(final.read_text())["turns"] if t["role"] == "apprentice"
    ]
    assert answers == ["Kept answer one.", "Answer after."]
    cut = list(journal.parent.glob("*.cut-*"))
    assert len(cut) == 1 and "Q from B" in cut[0].read_text()  # what was cut off is kept aside


def test_a_resume_that_fails_lets_go_of_the_session(tmp_path):
    import pytest

    from practice_bot.config import Settings
    from practice_bot.errors import TranscriptError
    from practice_bot.records import writer_lock
    from practice_bot.session.factory import resume_session

    journal = _interleaved(tmp_path)
    lines = journal.read_text("utf-8").splitlines()
    journal.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", "utf-8")
    with pytest.raises(TranscriptError, match="line 2"):
        resume_session(journal, Settings(transcripts=journal.parent))
    info = journal.stat()
    # not held: another process may resume it once it is fixed
    assert (info.st_dev, info.st_ino) not in writer_lock._HELD
    assert not list(journal.parent.glob(".*.owner"))


def _resume(home: Path, journal: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "practice_bot", "resume", str(journal), "--plain"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=cli_env(home), cwd=home,
    )  # fmt: skip


def test_two_resumers_at_once_one_is_refused_and_nothing_is_lost(tmp_path):
    folder = tmp_path / "t"
    killed = run_cli(
        ["mock", "--plain", "--transcripts", str(folder), "--seed", "4", "--name", "Lee"],
        "Before the crash.\n\n", tmp_path, kill="judgments:1:after",
    )  # fmt: skip
    assert killed.returncode != 0
    journal = next(folder.glob("*.journal.jsonl"))
    procs = [_resume(tmp_path, journal) for _ in range(2)]
    try:
        refused = wait_for(lambda: [p for p in procs if p.poll() is not None], "a resumer to stop")
        assert len(refused) == 1, "neither resumer was refused"
        loser = refused[0]
        winner = next(p for p in procs if p is not loser)
        assert loser.returncode == 2
        assert loser.stderr is not None and "already running" in loser.stderr.read()
        _, err = winner.communicate("After the crash.\n\n/end\n", timeout=60)
        assert winner.returncode == 0, err
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=10)
    final = next(folder.glob("*.json"))
    answers = [
        t["text"] for t in json.loads(final.read_text())["turns"] if t["role"] == "apprentice"
    ]
    assert answers == ["Before the crash.", "After the crash."]
