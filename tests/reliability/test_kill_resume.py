"""Crash safety: real plain-mode sessions SIGKILLed at many points, then resumed.

Most kill points are exact: the kill shim (killshim/sitecustomize.py) makes the process SIGKILL itself
before, after or in the middle of a chosen journal record (a torn line on disk), or around the atomic
write of the finished transcript. Others are external SIGKILLs at random moments while big answers are
piped in, and one mid-answer, while the apprentice is still typing. After each kill the session is
resumed with `practice-bot resume PATH --plain`: no answer that reached the journal is lost, a torn
last line is dropped with a notice (never a crash), and the finished transcript holds every answer,
scored, byte for byte.

This extends tests/plain/test_crash_resume.py (one kill after three answers).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from practice_bot.records.schema import Transcript
from tests.reliability.reliability_kit import (
    cli_env,
    escapes_in,
    final_answers,
    finals,
    journal_answers,
    records,
    run_cli,
)
from tests.waiting import wait_for

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

NAME = "Kai Marsh"
MOCK = ["mock", "--plain", "--seed", "5", "--name", NAME]
PRACTICE = ["practice", "--plain", "--topics", "model-scoping,model-deployment", "--seed", "5",
            "--name", NAME]  # fmt: skip
DRILL = ["drill", "--plain", "--seed", "5", "--name", NAME]

ANSWERS = [
    f"Answer {i}: on the claims project I built the feature pipeline in Airflow, measured the "
    f"latency drop to {40 + i} ms and agreed the release with the product owner."
    for i in range(1, 7)
]
BIG = "BIG ANSWER START. " + "I profiled the batch job and cut its memory by a third. " * 19_000
HOSTILE = (
    "[bold red]markup[/] \x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b]52;c;Y2xpcA==\x07 NUL\x00 "
    "\x9b31m C1 \u202eRTL override\u202c עברית العربية 👩🏽‍💻 zero\u200dwidth tab\there"
)
EXTRA = "An answer given after the crash: I wrote the rollback runbook and tested it."


def mock_input(answers: list[str], tail: str = "") -> str:
    return "".join(f"{a}\n\n" for a in answers) + tail


def practice_input(answers: list[str], tail: str = "") -> str:
    # After each answer's feedback, Enter moves on.
    return "".join(f"{a}\n\n\n" for a in answers) + tail


@dataclass
class Scenario:
    name: str
    args: list[str]
    stdin: str
    kill: str
    sent: list[str]
    saved: int  # answers that must be in the journal after the kill
    at_least: bool = False  # background scoring: more answers may have been saved by then
    torn: bool = False  # a torn last line to be dropped with a notice on resume
    finished: bool = False  # the session had ended: resume asks nothing more
    resume_kills: list[str] = field(default_factory=list)  # kill the resumed process(es) too
    no_file: bool = False  # killed before the journal existed: nothing to lose, nothing to resume


def _scenarios() -> list[Scenario]:
    six = ANSWERS
    m, p = mock_input, practice_input
    # fmt: off
    return [
        Scenario("header-being-written", MOCK, m(six), "header:1:after", six, 0, no_file=True),
        Scenario("journal-just-linked", MOCK, m(six), "link:1:after", six, 0),
        Scenario("first-question-written", MOCK, m(six), "question:1:after", six, 0),
        Scenario("first-question-torn", MOCK, m(six), "question:1:torn:half", six, 0, torn=True),
        Scenario("answer-1-before-write", MOCK, m(six), "answer:1:before", six, 0),
        Scenario("answer-1-written", MOCK, m(six), "answer:1:after", six, 1),
        Scenario("answer-1-torn-half", MOCK, m(six), "answer:1:torn:half", six, 0, torn=True),
        Scenario("answer-2-torn-1-byte", MOCK, m(six), "answer:2:torn:1", six, 1, torn=True),
        # The whole record but its newline: complete, so it is kept (no notice needed).
        Scenario("answer-3-all-but-newline", MOCK, m(six), "answer:3:torn:-1", six, 3),
        Scenario("answer-4-written", MOCK, m(six), "answer:4:after", six, 4),
        Scenario("question-4-torn", MOCK, m(six), "question:4:torn:20", six, 3, torn=True),
        Scenario("judgments-1-before", MOCK, m(six), "judgments:1:before", six, 1, at_least=True),
        Scenario("judgments-2-torn", MOCK, m(six), "judgments:2:torn:half", six, 2, at_least=True,
                 torn=True),
        Scenario("skip-event-torn", MOCK, m(six[:1], "/skip\n") + m(six[1:3]), "event:1:torn:half",
                 six[:3], 1, torn=True),
        Scenario("record-7-torn", MOCK, m(six), "any:7:torn:half", six, 2, at_least=True,
                 torn=True),
        Scenario("finish-before-status", MOCK, m(six[:2], "/end\nyes\n"), "status:1:before",
                 six[:2], 2),
        Scenario("finish-status-torn", MOCK, m(six[:2], "/end\nyes\n"), "status:1:torn:half",
                 six[:2], 2, torn=True),
        Scenario("final-file-not-yet-renamed", MOCK, m(six[:2], "/end\nyes\n"), "final:1:before",
                 six[:2], 2, finished=True),
        Scenario("final-file-renamed-journal-kept", MOCK, m(six[:2], "/end\nyes\n"),
                 "final:1:after", six[:2], 2, finished=True),
        Scenario("1mb-answer-torn", MOCK, m([six[0], BIG, six[2]]), "answer:2:torn:half",
                 [six[0], BIG, six[2]], 1, torn=True),
        Scenario("1mb-answer-written", MOCK, m([six[0], BIG, six[2]]), "answer:2:after",
                 [six[0], BIG, six[2]], 2),
        Scenario("hostile-answer-written", MOCK, m([six[0], HOSTILE, six[2]]), "answer:2:after",
                 [six[0], HOSTILE, six[2]], 2),
        Scenario("practice-answer-1-before-scoring", PRACTICE, p(six[:3]), "answer:1:after",
                 six[:3], 1),
        Scenario("practice-judgments-1-torn", PRACTICE, p(six[:3]), "judgments:1:torn:half",
                 six[:3], 1, torn=True),
        Scenario("practice-question-2-torn", PRACTICE, p(six[:3]), "question:2:torn:30", six[:3],
                 1, torn=True),
        Scenario("practice-retry-question-written", PRACTICE,
                 f"{six[0]}\n\n/again\n{six[1]}\n\n\n", "question:2:after", six[:2], 1),
        Scenario("drill-answer-2-torn", DRILL, m(six[:3]), "answer:2:torn:half", six[:3], 1,
                 torn=True),
        Scenario("drill-answer-1-written", DRILL, m(six[:3]), "answer:1:after", six[:3], 1),
        # Killed again while resuming: the resume's own first record torn, then a later answer.
        Scenario("killed-again-during-resume", MOCK, m(six), "answer:2:after", six, 2,
                 resume_kills=["event:1:torn:half", "answer:1:after"]),
    ]
    # fmt: on


SCENARIOS = _scenarios()


@dataclass
class Outcome:
    folder: Path
    killed: subprocess.CompletedProcess[bytes]
    after_kill: list[str]
    journal_text_after_kill: bytes
    resumes: list[subprocess.CompletedProcess[bytes]]
    final: dict[str, Any] | None
    leftovers: list[str]


def _journal(folder: Path) -> Path | None:
    found = sorted(folder.glob("*.journal.jsonl"))
    return found[0] if found else None


def _play(s: Scenario, home: Path) -> Outcome:
    folder = home / "t"
    killed = run_cli([*s.args, "--transcripts", str(folder)], s.stdin, home, kill=s.kill)
    journal = _journal(folder)
    if s.no_file:
        assert journal is None
        resumed = run_cli(["resume", str(folder), "--plain"], "", home)
        return Outcome(folder, killed, [], b"", [resumed], None, sorted(os.listdir(folder)))
    assert journal is not None, killed.stderr.decode()
    after = journal_answers(journal)
    raw = journal.read_bytes()
    resumes = []
    for kill in s.resume_kills:  # killed again while resuming
        resumes.append(run_cli(["resume", str(journal), "--plain"], mock_input([EXTRA]), home,
                               kill=kill))  # fmt: skip
    tail = "" if s.finished else mock_input([EXTRA])
    resumes.append(run_cli(["resume", str(journal), "--plain"], tail, home))
    done = finals(folder)
    final = json.loads(done[0].read_text("utf-8")) if len(done) == 1 else None
    leftovers = sorted(p.name for p in folder.iterdir() if p not in done)
    return Outcome(folder, killed, after, raw, resumes, final, leftovers)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome | BaseException]:
    """Every scenario, run three at a time (each is two or more short processes)."""

    def play(s: Scenario) -> Outcome | BaseException:
        try:
            return _play(s, tmp_path_factory.mktemp(s.name))
        except BaseException as exc:  # reported by the scenario's own test
            return exc

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip([s.name for s in SCENARIOS], pool.map(play, SCENARIOS), strict=True))


def test_there_are_at_least_twenty_kill_points():
    points = len(SCENARIOS) + sum(len(s.resume_kills) for s in SCENARIOS)
    assert points >= 25


@pytest.mark.parametrize("s", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_kill_then_resume_loses_no_saved_answer(s: Scenario, outcomes):
    o = outcomes[s.name]
    if isinstance(o, BaseException):
        raise o
    assert o.killed.returncode == -signal.SIGKILL, o.killed.stderr.decode()
    # What the journal holds is exactly the first answers given, byte for byte.
    assert o.after_kill == s.sent[: len(o.after_kill)]
    if s.at_least:
        assert len(o.after_kill) >= s.saved
    else:
        assert len(o.after_kill) == s.saved
    if s.torn:
        assert not o.journal_text_after_kill.endswith(b"\n"), "the kill should leave a torn line"

    if s.no_file:
        # Only a hidden temporary file; resume says plainly there is nothing to resume.
        assert all(name.startswith(".") for name in o.leftovers), o.leftovers
        last = o.resumes[-1]
        assert last.returncode == 2 and b"Traceback" not in last.stderr
        assert last.stderr.decode().startswith("practice-bot: ") and b"no unfinished" in last.stderr
        return
    for r in o.resumes[:-1]:
        assert r.returncode == -signal.SIGKILL, r.stderr.decode()
    last = o.resumes[-1]
    out, err = last.stdout.decode("utf-8"), last.stderr.decode("utf-8")
    assert last.returncode == 0, err
    assert "Traceback" not in err and err.strip() == ""
    assert not escapes_in(last.stdout), escapes_in(last.stdout)
    assert "Transcript saved:" in out
    if s.torn:
        assert "cut off mid-write and has been dropped" in out

    assert o.final is not None, o.leftovers
    Transcript.model_validate(o.final)
    assert o.leftovers == [] or all(n.startswith(".") for n in o.leftovers), o.leftovers
    extra = [] if s.finished else [EXTRA] * (1 + len(s.resume_kills) - _resume_answers_lost(s))
    expected = o.after_kill + extra
    got = final_answers(o.final)
    assert len(got) == len(expected) and got == expected  # every answer, byte for byte
    if s.torn:
        assert any("cut off mid-write" in n for n in o.final["notices"])
    assert any(e["kind"] == "resumed_session" for e in o.final["events"])
    # Every answer was scored, including one whose judgments the kill prevented.
    scored = {j["turn"] for j in o.final["judgments"]}
    answers = [t["index"] for t in o.final["turns"] if t["role"] == "apprentice"]
    assert set(answers) <= scored, f"answers never scored: {set(answers) - scored}"
    # A question cut off by the kill is asked again, never skipped or doubled.
    ids = [t["question_id"] for t in o.final["turns"] if t["kind"] == "question"]
    assert len(ids) == len(set(ids))


def _resume_answers_lost(s: Scenario) -> int:
    """Resume kills that struck before their answer reached the journal."""
    return sum(1 for k in s.resume_kills if not k.startswith("answer:") or k.endswith(":before"))


# ----- external kills at random moments -------------------------------------------------------------


def _popen(args: list[str], home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "practice_bot", *args],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=cli_env(home), cwd=home,
    )  # fmt: skip


def _feed(proc: subprocess.Popen[bytes], chunks: list[bytes]) -> None:
    assert proc.stdin is not None
    try:
        for chunk in chunks:
            proc.stdin.write(chunk)
            proc.stdin.flush()
    except (BrokenPipeError, OSError):
        pass  # killed while we were still typing


def test_killed_mid_answer_keeps_the_answers_before_and_asks_again(tmp_path):
    folder = tmp_path / "t"
    proc = _popen([*MOCK, "--transcripts", str(folder)], tmp_path)
    _feed(proc, [mock_input(ANSWERS[:2]).encode(), b"I was half way through typing th"])
    journal = wait_for(lambda: _journal(folder), "a journal")
    wait_for(lambda: len(journal_answers(journal)) == 2, "two answers in the journal")
    wait_for(lambda: records(journal)[-1]["kind"] == "turn"
             and records(journal)[-1]["turn"]["role"] == "assessor", "the next question journaled")  # fmt: skip
    pending = records(journal)[-1]["turn"]["text"]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    resumed = run_cli(["resume", str(folder), "--plain"], mock_input([EXTRA]), tmp_path)
    assert resumed.returncode == 0, resumed.stderr.decode()
    out = resumed.stdout.decode()
    assert pending in out.split("Report for")[0]  # the interrupted question is asked again
    data = json.loads(finals(folder)[0].read_text("utf-8"))
    assert final_answers(data) == [*ANSWERS[:2], EXTRA]


@pytest.mark.parametrize("seed", range(6))
def test_random_kills_while_piping_big_answers(tmp_path, seed):
    rng = random.Random(seed)
    folder = tmp_path / "t"
    sent = [
        (f"Random {seed}/{i}: " + "I measured drift weekly and retrained on a schedule. "
         * rng.choice([1, 50, 2_000, 20_000]))
        for i in range(6)
    ]  # fmt: skip
    proc = _popen([*MOCK, "--transcripts", str(folder)], tmp_path)
    # Answers arrive in uneven pieces, as a paste through a terminal would.
    blob = mock_input(sent).encode()
    cuts = sorted(rng.sample(range(1, len(blob)), 12))
    chunks = [blob[a:b] for a, b in zip([0, *cuts], [*cuts, len(blob)], strict=True)]
    feeder = threading.Thread(target=_feed, args=(proc, chunks))
    feeder.start()
    wait_for(lambda: _journal(folder), "a journal")
    time.sleep(rng.uniform(0.0, 0.4))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    feeder.join(timeout=10)
    journal = _journal(folder)
    assert journal is not None
    saved = journal_answers(journal)
    assert saved == sent[: len(saved)]
    resumed = run_cli(["resume", str(journal), "--plain"], mock_input([EXTRA]), tmp_path)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert b"Traceback" not in resumed.stderr
    data = json.loads(finals(folder)[0].read_text("utf-8"))
    assert final_answers(data) == [*saved, EXTRA]
