"""A live journal swapped for someone else's file (a symlink to theirs, or a file of theirs renamed
into place, in a folder they can write to) never receives the next answer: the session notices it is
no longer writing to the file it created and carries on in a rescue folder. Folders other users can
write to are refused unless they are sticky, as /tmp is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.reliability_kit import cli_env, records, run_cli
from tests.waiting import wait_for

SECRET = "The second answer, which only the apprentice should read."


def _answers(journal: Path) -> list[str]:
    return [
        r["turn"]["text"]
        for r in records(journal)
        if r.get("kind") == "turn" and r["turn"]["role"] == "apprentice"
    ]


@pytest.mark.parametrize("swap", ["symlink", "renamed file"])
def test_a_swapped_journal_never_gets_the_next_answer(tmp_path, swap):
    folder = tmp_path / "t"
    proc = subprocess.Popen(
        [sys.executable, "-m", "practice_bot", "mock", "--plain", "--transcripts", str(folder), "--seed", "4", "--name", "Lee"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=cli_env(tmp_path), cwd=tmp_path,
    )  # fmt: skip
    try:
        assert proc.stdin is not None
        proc.stdin.write("The first answer.\n\n")
        proc.stdin.flush()
        journal = wait_for(
            lambda: next((j for j in folder.glob("*.journal.jsonl") if _answers(j) == ["The first answer."]), None),
            "the first answer in the journal",
        )  # fmt: skip
        theirs = tmp_path / "classmate.txt"
        theirs.write_text("")
        os.chmod(theirs, 0o666)
        swapped = folder / ".swap"
        if swap == "symlink":
            swapped.symlink_to(theirs)
        else:
            swapped.write_text(journal.read_text())  # looks just like the journal
        os.replace(swapped, journal)
        out, err = proc.communicate(f"{SECRET}\n\n/end\n", timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    assert "Traceback" not in err
    assert SECRET not in theirs.read_text()
    if journal.exists():  # the rescue removes the out-of-date journal when it can
        assert SECRET not in journal.read_text()
    assert "replaced by" in out + err
    rescued = list((tmp_path / "data" / "rescued-transcripts").glob("*.json"))
    assert len(rescued) == 1
    turns = json.loads(rescued[0].read_text())["turns"]
    assert [t["text"] for t in turns if t["role"] == "apprentice"] == ["The first answer.", SECRET]


def _shared_group() -> int:
    """A group that is not the test user's own (root may give a folder to any group)."""
    if os.getuid() != 0:
        pytest.skip("only root can give a folder to another group")
    return 65534  # nogroup


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_folder_others_can_write_to_is_refused(tmp_path, mode):
    folder = tmp_path / "class"
    folder.mkdir()
    os.chmod(folder, mode)
    if mode & 0o002 == 0:  # writable by its group: a group shared with others
        os.chown(folder, -1, _shared_group())
    done = run_cli(["mock", "--plain", "--transcripts", str(folder)], "An answer.\n\n", tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert f"{folder}: other users can write to this folder (mode {mode:04o})" in err
    assert "chmod +t" in err and not list(folder.iterdir())


def test_a_users_own_group_may_write(tmp_path):
    """umask 002 systems give each user a group of their own: group-writable is then private."""
    import grp
    import pwd

    me = pwd.getpwuid(os.getuid()).pw_name
    try:
        own = grp.getgrnam(me)
    except KeyError:
        pytest.skip(f"no group named {me}")
    if set(own.gr_mem) - {me}:
        pytest.skip(f"the group {me} has other members")
    folder = tmp_path / "mine"
    folder.mkdir()
    os.chown(folder, -1, own.gr_gid)
    os.chmod(folder, 0o775)
    done = run_cli(
        ["mock", "--plain", "--transcripts", str(folder)], "An answer.\n\n/end\n", tmp_path
    )
    assert done.returncode == 0, done.stderr.decode()


def test_a_sticky_shared_folder_is_accepted(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    os.chmod(folder, 0o1777)
    done = run_cli(["mock", "--plain", "--transcripts", str(folder)], "An answer.\n\n", tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert len(list(folder.glob("*.json"))) == 1
