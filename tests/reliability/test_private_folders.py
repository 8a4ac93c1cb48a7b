"""Every folder the app makes is 0700, its missing parents too, even under `umask 000`: the
transcripts folder (`--transcripts class/march/t`), the data folder's parents, and `pack new`'s
output folder. A folder that already existed is left as it was."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.reliability.reliability_kit import cli_env


def _run(
    args: list[str], home: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "practice_bot", *args], input=stdin.encode(), capture_output=True,
        timeout=60, env=cli_env(home, **env), cwd=home, umask=0,
    )  # fmt: skip


def _mode(path: Path) -> str:
    return f"{stat.S_IMODE(path.stat().st_mode):04o}"


def test_transcripts_folder_and_its_parents_are_private_under_umask_000(tmp_path):
    r = _run(
        ["mock", "--plain", "--transcripts", "class/march/t"], tmp_path, "An answer.\n\n/end\n"
    )
    assert r.returncode == 0, r.stderr.decode()
    for folder in ("class", "class/march", "class/march/t"):
        assert _mode(tmp_path / folder) == "0700", folder
    assert tmp_path.stat().st_mode & 0o777 == 0o700  # the existing folder was not touched


def test_data_folder_parents_are_private_under_umask_000(tmp_path):
    done = _run(["mock", "--plain", "--transcripts", "t"], tmp_path, "An answer.\n\n/end\n")
    assert done.returncode == 0
    final = next((tmp_path / "t").glob("*.json"))
    data = tmp_path / "d1" / "d2" / "data"
    r = _run(["report", str(final), "--anonymise"], tmp_path, PRACTICE_BOT_DATA_DIR=str(data))
    assert r.returncode == 0, r.stderr.decode()
    for folder in (tmp_path / "d1", tmp_path / "d1" / "d2", data):
        assert _mode(folder) == "0700", folder


def test_pack_new_output_folders_are_private_under_umask_000(tmp_path):
    r = _run(["pack", "new", "--name", "March", "--out", "p1/p2/pack.toml"], tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert _mode(tmp_path / "p1") == "0700" and _mode(tmp_path / "p1" / "p2") == "0700"
    assert os.path.isfile(tmp_path / "p1" / "p2" / "pack.toml")
