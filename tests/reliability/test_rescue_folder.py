"""The last-resort rescue folder in the shared temporary folder is never one another user prepared:
if `practice-bot-<uid>-rescued-transcripts` exists and is not this user's private folder, a fresh
folder with a random name is used instead."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest

from practice_bot.records import store


@pytest.fixture
def tmp_root(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("PRACTICE_BOT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def _predictable(root):
    return root / f"practice-bot-{os.getuid()}-rescued-transcripts"


def _private_and_mine(folder):
    info = os.lstat(folder)
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def test_the_folder_is_made_private_when_it_is_not_there(tmp_root):
    chosen = store.rescue_folders()[-1]
    assert chosen == _predictable(tmp_root) and _private_and_mine(chosen)


@pytest.mark.parametrize("setup", ["open to all", "someone else's", "a symlink"])
def test_a_folder_someone_prepared_is_not_used(tmp_root, setup):
    planted = _predictable(tmp_root)
    if setup == "a symlink":
        (tmp_root / "elsewhere").mkdir(mode=0o700)
        planted.symlink_to(tmp_root / "elsewhere")
    else:
        planted.mkdir()
        os.chmod(planted, 0o777 if setup == "open to all" else 0o700)
        if setup == "someone else's":
            if os.getuid() != 0:
                pytest.skip("only root can give a folder to another user")
            os.chown(planted, 65534, 65534)
    chosen = store.rescue_folders()[-1]
    assert chosen != planted and chosen.parent == tmp_root
    assert chosen.name.startswith(planted.name + "-") and _private_and_mine(chosen)
    # and a session saved there lands in the fresh folder
    from datetime import UTC, datetime

    from practice_bot.records.schema import Transcript

    t = Transcript(
        id="abcd0123", apprentice="Lee", mode="mock", topics=["model-scoping"], seed=1,
        minutes=90, started_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    )  # fmt: skip
    journal = store.move_journal(t, chosen)
    assert journal.path.parent == chosen and not list(planted.glob("*"))
