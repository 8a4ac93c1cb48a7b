"""A `*.toml` in a bank folder that is a symlink to /dev/zero, or a FIFO, is reported as not a
regular file instead of eating memory or waiting forever for a writer: in `banks check` and at the
start of every session that uses the folder as `extra_banks`. Each run is bounded by its timeout."""

from __future__ import annotations

import os

from tests.reliability.reliability_kit import cli_env, run_cli


def _hostile_folder(tmp_path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "zero.toml").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.toml")
    return folder


def test_banks_check_reports_devices_and_pipes(tmp_path):
    folder = _hostile_folder(tmp_path)
    r = run_cli(["banks", "check", str(folder)], "", tmp_path, timeout=30)
    out = (r.stdout + r.stderr).decode()
    assert "Traceback" not in out
    assert "zero.toml: file: not a regular file" in out
    assert "pipe.toml: file: not a regular file" in out


def test_a_session_with_such_extra_banks_starts_and_says_why(tmp_path):
    folder = _hostile_folder(tmp_path)
    env = cli_env(tmp_path, PRACTICE_BOT_EXTRA_BANKS=str(folder))
    r = run_cli(
        ["mock", "--plain", "--transcripts", str(tmp_path / "t")], "An answer.\n\n/end\n",
        tmp_path, env=env, timeout=30,
    )  # fmt: skip
    out = (r.stdout + r.stderr).decode()
    assert "Traceback" not in out
    assert r.returncode in (0, 2), out
    if r.returncode == 2:
        assert "not a regular file" in out
