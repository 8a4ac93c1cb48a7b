"""`purge` deletes a session whole: the full temporary copy a crash during the final save leaves
(`.<name>.json.<random>.tmp`) goes with the journal it copies, and a finished transcript's stray
temporary copies go with it. Files of other sessions are left alone."""

from __future__ import annotations

from tests.reliability.reliability_kit import run_cli


def test_purge_removes_the_temporary_copy_a_crash_left(tmp_path):
    folder = tmp_path / "t"
    killed = run_cli(
        ["mock", "--plain", "--name", "Ada", "--seed", "4", "--transcripts", str(folder)],
        "A private answer about the project.\n\n/end\n", tmp_path, kill="final:1:before",
    )  # fmt: skip
    assert killed.returncode != 0
    leftovers = list(folder.glob(".*.tmp"))
    assert len(leftovers) == 1 and "A private answer" in leftovers[0].read_text()
    other = run_cli(
        ["mock", "--plain", "--name", "Ben", "--seed", "4", "--transcripts", str(folder)],
        "Ben's answer.\n\n/end\n", tmp_path,
    )  # fmt: skip
    assert other.returncode == 0
    bens = next(folder.glob("ben-*.json"))
    unrelated = (
        folder / f".{bens.name}.abc123.tmp"
    )  # Ben's own stray copy: deleted with Ben's file only
    unrelated.write_text("{}")
    journal = next(folder.glob("ada-*.journal.jsonl"))
    r = run_cli(["purge", "--older-than", "0", "--yes", "--transcripts", str(folder)], "", tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert not journal.exists() and not leftovers[0].exists()
    assert not bens.exists() and not unrelated.exists()
    assert not [p for p in folder.iterdir() if "private answer" in p.read_text(errors="replace")]


def test_purge_of_one_session_leaves_another_sessions_files(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir(mode=0o700)
    run_cli(
        ["mock", "--plain", "--name", "Ada", "--transcripts", str(folder)],
        "x y z.\n\n/end\n",
        tmp_path,
    )
    ada = next(folder.glob("ada-*.json"))
    other = folder / ".ben-20260101-0000-mock-00000000.json.abc123.tmp"
    other.write_text("{}")
    r = run_cli(["purge", "--older-than", "0", "--yes", "--transcripts", str(folder)], "", tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert not ada.exists() and other.exists()
