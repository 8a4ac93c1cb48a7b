"""Retention: purge lists, a dry run deletes nothing, and a real run deletes only old transcripts
directly inside the folder."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from practice_bot.errors import UserError
from practice_bot.records.store import create_journal
from practice_bot.tutor.retention import carry_out, plan_purge
from tests.tutor.kit import run_cli, save, session

NOW = datetime.now(UTC)


def _folder(rubric, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "t"
    old = save(
        folder, session(rubric, ["x"], apprentice="Old One", started=NOW - timedelta(days=400))
    )
    recent = save(
        folder, session(rubric, ["x"], apprentice="New One", started=NOW - timedelta(days=3))
    )
    # An abandoned session: its journal never became a final file.
    abandoned = session(rubric, [], apprentice="Gone Away", started=NOW - timedelta(days=200))
    abandoned.status = "in_progress"
    gone = create_journal(folder, abandoned).path
    outside = tmp_path / "elsewhere"
    outside_file = save(
        outside, session(rubric, ["x"], apprentice="Outside", started=NOW - timedelta(days=900))
    )
    sub = save(
        folder / "sub",
        session(rubric, ["x"], apprentice="Nested", started=NOW - timedelta(days=900)),
    )
    (folder / "link.json").symlink_to(outside_file)
    (folder / "broken.json").write_text("{")
    os.utime(folder / "broken.json", (0, 0))
    (folder / "notes.txt").write_text("keep me")
    return folder, old, recent, gone, outside_file, sub


def test_plan_and_carry_out(rubric, tmp_path):
    folder, old, recent, gone, outside_file, sub = _folder(rubric, tmp_path)
    plan = plan_purge(folder, 90)
    assert [i.path for i in plan.delete] == [old, gone]  # oldest first
    assert [i.in_progress for i in plan.delete] == [False, True]
    assert plan.kept == 1
    assert any("link.json" in s for s in plan.skipped) and any(
        "broken.json" in s for s in plan.skipped
    )
    deleted, problems = carry_out(plan)
    assert deleted == [old, gone] and problems == []
    survivors = {p.name for p in folder.iterdir()}
    assert survivors == {recent.name, "sub", "link.json", "broken.json", "notes.txt"}
    assert outside_file.exists() and sub.exists()
    assert plan_purge(folder, 1).delete[0].path == recent
    with pytest.raises(UserError):
        plan_purge(folder, -1)
    with pytest.raises(UserError):
        plan_purge(tmp_path / "missing", 30)


def test_dry_run_then_real_run_on_the_command_line(rubric, tmp_path):
    folder, old, recent, gone, outside_file, sub = _folder(rubric, tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    dry = run_cli(
        ["purge", "--older-than", "90", "--dry-run", "--transcripts", str(folder)], tmp_path
    )
    assert dry.returncode == 0, dry.stderr
    assert f"Would delete: {old.name}" in dry.stdout
    assert f"Would delete: {gone.name} - Gone Away" in dry.stdout and "(unfinished)" in dry.stdout
    assert recent.name not in dry.stdout.split("Left alone")[0]
    assert "Nothing was deleted." in dry.stdout
    assert sorted(p.name for p in folder.iterdir()) == before
    real = run_cli(["purge", "--older-than", "90", "--transcripts", str(folder)], tmp_path)
    assert real.returncode == 0, real.stderr
    assert "Deleted 2 transcript(s); 1 kept." in real.stdout
    assert not old.exists() and not gone.exists()
    assert recent.exists() and outside_file.exists() and sub.exists()
    assert (folder / "link.json").is_symlink() and (folder / "broken.json").exists()
