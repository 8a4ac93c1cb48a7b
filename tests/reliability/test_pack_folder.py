"""A class pack received from someone else does not decide where transcripts go: an absolute folder,
`..` or `~/...` in it is refused with a message naming the file and field (the user may choose the
folder with --transcripts), and C1 controls or bidi overrides in its text are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.reliability_kit import cli_env, run_cli

PACK = 'id = "march"\nname = "March mock"\nseed = 3\nminutes = 1\ntranscripts = {folder}\n'


def _pack(home: Path, folder: str) -> Path:
    path = home / "received" / "pack.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(PACK.format(folder=folder), "utf-8")
    return path


@pytest.mark.parametrize(
    "folder",
    ['"{abs}"', '"../../escaped"', '"~/.config/autostart"', '"room/../../escaped"'],
)
def test_a_pack_cannot_send_transcripts_outside_its_folder(tmp_path, folder):
    target = tmp_path / "elsewhere"
    pack = _pack(tmp_path, folder.format(abs=target))
    env = cli_env(tmp_path, HOME=str(tmp_path / "home"))
    r = run_cli(
        ["mock", "--plain", "--pack", str(pack), "--name", "Ada"],
        "An answer.\n\n",
        tmp_path,
        env=env,
    )
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert f"{pack}: transcripts:" in err and "outside the pack's folder" in err
    assert "--transcripts" in err
    created = {p for p in tmp_path.rglob("*") if p.is_dir()}
    assert not any(p.name in ("elsewhere", "escaped", "autostart") for p in created)
    # The user can choose the folder themselves.
    mine = tmp_path / "mine"
    ok = run_cli(
        ["mock", "--plain", "--pack", str(pack), "--name", "Ada", "--transcripts", str(mine)],
        "An answer.\n\n/end\n", tmp_path, env=env,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr.decode()
    assert len(list(mine.glob("*.json"))) == 1


def test_a_folder_inside_the_pack_folder_is_used(tmp_path):
    pack = _pack(tmp_path, '"room-1"')
    r = run_cli(
        ["mock", "--plain", "--pack", str(pack), "--name", "Ada"], "An answer.\n\n/end\n", tmp_path
    )
    assert r.returncode == 0, r.stderr.decode()
    assert len(list((pack.parent / "room-1").glob("*.json"))) == 1


@pytest.mark.parametrize("bad", ["room\u202e1", "room\x9b1", "room\x851"])
def test_c1_and_bidi_characters_in_a_pack_are_refused(tmp_path, bad):
    pack = _pack(tmp_path, '"' + bad + '"')
    r = run_cli(["pack", "show", str(pack)], "", tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and f"{pack}: transcripts:" in err, err


def test_pack_new_refuses_a_folder_outside_the_pack(tmp_path):
    r = run_cli(
        ["pack", "new", "--name", "March", "--out", str(tmp_path / "p" / "pack.toml"),
         "--transcripts", str(tmp_path / "other")], "", tmp_path,
    )  # fmt: skip
    assert r.returncode == 2 and "--transcripts:" in r.stderr.decode()
    assert not os.path.exists(tmp_path / "p" / "pack.toml")
