"""The suite passes whatever the caller's shell exports: a part of it run in a subprocess with a hostile
environment (colour forced off and on, a dumb terminal, an LLM scorer and key configured, an endpoint on
this machine, a home folder nothing can be written to) still passes, and never talks to that endpoint."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Colour snapshots, a Pilot session, line mode and the LLM wiring: what a leaked variable would break.
SUBSET = [
    "tests/tui/test_review_snapshots.py",
    "tests/tui/test_practice_session.py::test_practice_session_end_to_end",
    "tests/plain/test_plain_mode.py",
    "tests/llm/test_llm_session.py::test_endpoint_failing_falls_back_offline_and_says_so",
    "tests/test_hostile_environment.py::test_textual_reads_the_pinned_environment",
]


def _hostile_environment(tmp_path: Path, port: int) -> dict[str, str]:
    unwritable = tmp_path / "not-a-folder"
    unwritable.write_text("HOME points below a file: nothing can be created in it, even by root\n")
    env = dict(os.environ)
    env.update(
        NO_COLOR="1",
        FORCE_COLOR="1",
        TERM="dumb",
        COLUMNS="37",
        LINES="9",
        TEXTUAL_ANIMATIONS="none",
        TEXTUAL_FPS="1",
        TEXTUAL_FILTERS="dim",
        TEXTUAL_THEME="nord",
        TEXTUAL_DIM_FACTOR="0.1",
        TEXTUAL_LOG=str(unwritable / "textual.log"),
        PRACTICE_BOT_SCORER="llm",
        PRACTICE_BOT_NAME="Leaked Name",
        PRACTICE_BOT_TRANSCRIPTS=str(unwritable / "transcripts"),
        OPENAI_API_KEY="sk-test",
        OPENAI_BASE_URL=f"http://127.0.0.1:{port}/v1",
        HOME=str(unwritable / "home"),
        XDG_CONFIG_HOME=str(unwritable / "config"),
        XDG_DATA_HOME=str(unwritable / "data"),
    )
    return env


def test_a_part_of_the_suite_passes_in_a_hostile_environment(tmp_path: Path) -> None:
    # The endpoint the hostile environment names: a listening socket nobody accepts on, so any
    # connection the suite made would wait in its backlog, where we look for it afterwards.
    with socket.create_server(("127.0.0.1", 0), backlog=16) as endpoint:
        port = endpoint.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUBSET],
            cwd=ROOT,
            env=_hostile_environment(tmp_path, port),
            capture_output=True,
            text=True,
            timeout=300,
        )
        endpoint.setblocking(False)
        try:
            conn, _ = endpoint.accept()
        except BlockingIOError:
            reached = False
        else:
            conn.close()
            reached = True
    tail = (result.stdout + result.stderr)[-3000:]
    assert result.returncode == 0, tail
    assert " passed" in result.stdout and "failed" not in result.stdout, tail
    assert not reached, "a test reached the endpoint named in OPENAI_BASE_URL"


def test_the_suite_runs_with_its_own_pinned_environment() -> None:
    """What conftest pins, seen from inside a test: no caller variable survives."""
    leaked = [
        name
        for name in os.environ
        if name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")
        or name.startswith(("OPENAI_", "TEXTUAL_"))
    ]
    # The snapshot plugin's own folder for its workers, set at session start, not by the caller.
    assert [name for name in leaked if name != "TEXTUAL_SNAPSHOT_TEMPDIR"] == []
    # Every PRACTICE_BOT_* the caller set is gone; only the test's own folders (isolated_dirs) are set.
    ours = sorted(name for name in os.environ if name.startswith("PRACTICE_BOT_"))
    assert ours == ["PRACTICE_BOT_CONFIG", "PRACTICE_BOT_DATA_DIR"], ours
    assert os.environ["TERM"] == "xterm-256color"
    home = Path(os.environ["HOME"])
    assert home.parent.name.startswith("practice-bot-tests-")
    assert home.is_dir()


@pytest.mark.parametrize("var", ["XDG_CONFIG_HOME", "XDG_DATA_HOME"])
def test_no_test_writes_into_the_real_xdg_folders(var: str, tmp_path: Path) -> None:
    # isolated_dirs points the XDG folders into each test's own tmp_path.
    assert Path(os.environ[var]).is_relative_to(tmp_path)


def test_no_test_writes_into_the_real_temporary_folder(tmp_path: Path) -> None:
    """The last-resort rescue folder is in the system's temporary folder: each test has its own."""
    from practice_bot.records.store import rescue_folders
    from tests.conftest import TEST_TEMP_PREFIX

    temp = Path(tempfile.gettempdir())
    assert temp.name.startswith(TEST_TEMP_PREFIX) and os.environ["TMPDIR"] == str(temp)
    assert all(f.is_relative_to(tmp_path) or f.is_relative_to(temp) for f in rescue_folders())


def test_textual_reads_the_pinned_environment() -> None:
    """pytest-textual-snapshot imports Textual as a plugin, before conftest pins the environment, and
    Textual reads its TEXTUAL_* settings when imported: they must be read again from the pinned one
    (the hostile run above sets each of these)."""
    import textual.app
    import textual.constants as constants
    import textual.filter

    assert constants.MAX_FPS == 60 and constants.FILTERS == "" and constants.LOG_FILE is None
    assert constants.TEXTUAL_ANIMATIONS == "full" and constants.DEFAULT_THEME == "textual-dark"
    assert textual.filter.DIM_FACTOR == constants.DIM_FACTOR == 0.66
    assert textual.app.App.theme._default == "textual-dark"
