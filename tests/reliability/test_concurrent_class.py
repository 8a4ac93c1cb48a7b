"""A class at once: many sessions writing to one transcripts folder at the same moment - same
apprentice name, same minute, even the same transcript id - never clobber each other: journals are
created exclusively, every final transcript holds only its own session's answers, and a tutor listing
the folder while they write sees no error."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from practice_bot.records.schema import Transcript
from practice_bot.records.store import create_journal, list_transcripts
from tests.reliability.reliability_kit import cli_env, final_answers, finals, with_shim

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

START = "2026-03-02T10:00:00+00:00"
SESSIONS = 8


def _create(
    folder: str, barrier: multiprocessing.synchronize.Barrier, queue: multiprocessing.Queue
) -> None:  # type: ignore[type-arg]
    transcript = Transcript(
        id="feedbeef", apprentice="Sam Patel", mode="mock", topics=["model-scoping"], seed=1,
        minutes=90, started_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    )  # fmt: skip
    barrier.wait()
    journal = create_journal(Path(folder), transcript)
    journal.write(
        {"kind": "event", "event": {"kind": "mine", "at": START, "detail": str(os.getpid())}}
    )
    queue.put((str(journal.path), os.getpid()))


def test_exclusive_create_under_a_real_race(tmp_path):
    """Processes released by one barrier create a journal for the same name, minute and id at once."""
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(SESSIONS)
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=_create, args=(str(tmp_path), barrier, queue)) for _ in range(SESSIONS)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    made = [queue.get(timeout=5) for _ in range(SESSIONS)]
    paths = {path for path, _ in made}
    assert len(paths) == SESSIONS  # every process got a file of its own
    for path, pid in made:
        lines = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines()]
        assert [r["kind"] for r in lines] == ["header", "event"]
        assert lines[1]["event"]["detail"] == str(pid)  # nobody else wrote into it
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert sum("feedbeef" in Path(p).name for p in paths) == 1


def test_a_class_sitting_a_mock_in_one_folder(tmp_path):
    """Eight real plain-mode sessions at once, same name, same start minute, same forced id."""
    folder = tmp_path / "room4"
    env = with_shim(cli_env(tmp_path), PB_TEST_FIXED_ID="feedbeef", PB_TEST_FIXED_START=START)
    answers = {
        i: [
            f"Seat {i} answer {k}: I built the model and measured it with the team."
            for k in range(3)
        ]
        for i in range(SESSIONS)
    }
    procs = []
    for i in range(SESSIONS):
        stdin = "".join(f"{a}\n\n" for a in answers[i]) + "/end\nyes\n"
        p = subprocess.Popen(
            [sys.executable, "-m", "practice_bot", "mock", "--plain", "--name", "Sam Patel",
             "--seed", "5", "--transcripts", str(folder)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
        )  # fmt: skip
        procs.append((i, p, stdin))
    results: dict[int, tuple[int | None, bytes]] = {}

    def sit(i: int, p: subprocess.Popen[bytes], stdin: str) -> None:
        _out, err = p.communicate(stdin.encode(), timeout=60)
        results[i] = (p.returncode, err)

    threads = [threading.Thread(target=sit, args=job) for job in procs]
    for t in threads:
        t.start()
    # A tutor lists the folder again and again while the class writes into it.
    problems: list[str] = []
    while any(t.is_alive() for t in threads):
        problems += list_transcripts(folder)[1]
        time.sleep(0.01)
    for t in threads:
        t.join()
    assert problems == []
    assert all(code == 0 for code, _ in results.values()), results
    files = finals(folder)
    assert len(files) == SESSIONS
    assert len({f.name for f in files}) == SESSIONS
    assert all(f.name.startswith("sam-patel-20260302-1000-mock-") for f in files)
    seen = sorted(final_answers(json.loads(f.read_text("utf-8"))) for f in files)
    assert seen == sorted(answers.values())  # each file holds exactly one seat's answers
    assert not list(folder.glob("*.journal.jsonl")) and not list(folder.glob(".*"))
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert all(stat.S_IMODE(os.stat(f).st_mode) == 0o600 for f in files)


def test_a_session_finishing_while_another_claims_its_name_is_not_clobbered(tmp_path, monkeypatch):
    """The narrowest race: B finds no final file for the name, A finishes (final written, journal
    removed) at that moment, B's journal takes the freed name - B must notice, or its final file
    would later replace A's."""
    from practice_bot.records import store

    def transcript() -> Transcript:
        return Transcript(
            id="feedbeef", apprentice="Sam Patel", mode="mock", topics=["model-scoping"], seed=1,
            minutes=90, started_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        )  # fmt: skip

    a = transcript()
    ja = create_journal(tmp_path, a)
    real_link = os.link

    def link(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == ja.path and ja.path.exists():
            store.save_final(ja.path, a)  # A finishes just now
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    b = transcript()
    jb = create_journal(tmp_path, b)
    monkeypatch.setattr(os, "link", real_link)
    a_final = store.final_path(ja.path)
    assert jb.path != ja.path and b.id != "feedbeef"
    before = a_final.read_bytes()
    b_final = store.save_final(jb.path, b)
    assert b_final != a_final and a_final.read_bytes() == before
