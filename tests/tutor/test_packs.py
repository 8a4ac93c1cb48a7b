"""Class packs: TOML written safely and read back, validation naming file and field, and the same pack
giving the same questions in the same order, with transcripts in the pack's folder carrying its id."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_bot.commands.pack import apply_pack
from practice_bot.config import load_settings
from practice_bot.errors import UserError
from practice_bot.plain import PlainRunner
from practice_bot.records.store import load_transcript
from practice_bot.session.factory import start_session
from practice_bot.session.plan import SessionConfig
from practice_bot.tutor.packs import load_pack, make_pack, pack_folder, pack_text, write_pack
from tests.conftest import TokenScorer
from tests.tutor.kit import run_cli

NASTY = 'Mock "March" \\ C:\\cohort\\ """ \'\'\' # [x] = ünïcødé 🎓 \t end'
ANSWERS = "".join(
    f"Answer {i}: we chose a metric and agreed it with the client.\n\n" for i in range(7)
)


def test_pack_toml_round_trips_awkward_text(tmp_path):
    out = tmp_path / "packs" / "p.toml"
    pack = make_pack(NASTY, out=out, seed=7, topics=["sustainability", "model-scoping"],
                     minutes=45, transcripts=tmp_path / "packs" / "room 1")  # fmt: skip
    write_pack(pack, out)
    loaded = load_pack(out)
    assert loaded == pack
    assert loaded.name == NASTY
    assert loaded.topics == ["model-scoping", "sustainability"]  # the standard's order
    assert loaded.transcripts == "room 1"  # stored relative to the pack's folder
    assert pack_folder(loaded, out) == (tmp_path / "packs" / "room 1").absolute()
    with pytest.raises(UserError, match="already exists"):
        write_pack(pack, out)
    write_pack(pack, out, force=True)


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_any_printable_name_round_trips(name):
    if not name.strip():
        return
    pack = make_pack(name, out=Path("p.toml"), seed=1)
    from practice_bot.tutor.packs import load_pack_text

    assert load_pack_text(pack_text(pack), Path("p.toml")) == pack


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('id = "x"\nname = "n"\nseed = 1\nminutes = "ninety"\ntranscripts = "t"\n', "minutes"),
        ('id = "x"\nname = "n"\nseed = 1\nminutes = 90\ntranscripts = "t"\ntopics = ["nope"]\n',
         "topics"),
        ('id = "x"\nname = "n"\nseed = 1\nminutes = 900\ntranscripts = "t"\n', "minutes"),
        ('id = "../x"\nname = "n"\nseed = 1\nminutes = 90\ntranscripts = "t"\n', "id"),
        ('id = "x"\nname = "n"\nseed = 1\nminutes = 90\ntranscripts = "t"\ncolour = 1\n', "colour"),
        ('id = "x"\nname = "n"\nseed = 1\nminutes = 90\n', "transcripts"),
        ('id = "x\nname = "n"\n', "not valid TOML"),
    ],
)  # fmt: skip
def test_bad_packs_name_the_file_and_the_field(tmp_path, body, expected):
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(UserError) as err:
        load_pack(path)
    assert str(path) in str(err.value) and expected in str(err.value)
    with pytest.raises(UserError, match="no such pack"):
        load_pack(tmp_path / "missing.toml")


def _sit(pack_path: Path, name: str) -> Path:
    config = SessionConfig(mode="mock", apprentice=name, seed=999, minutes=5)
    config, settings_ = apply_pack(pack_path, config, load_settings())
    session = start_session(config, settings_, scorer=TokenScorer())
    out = io.StringIO()
    assert PlainRunner(session, io.StringIO(ANSWERS), out).run() == 0
    [path] = [p for p in settings_.transcripts.iterdir() if name.lower() in p.name]
    return path


def _questions(path: Path) -> list[tuple[str | None, str]]:
    t = load_transcript(path)
    return [(q.question_id, q.text) for q in t.turns if q.kind == "question"]


def test_same_pack_same_questions_in_the_same_order(tmp_path):
    out = tmp_path / "packs" / "march.toml"
    pack = make_pack("March mock", out=out, seed=42, topics=["model-scoping", "sustainability"])
    write_pack(pack, out)
    first, second = _sit(out, "Ann"), _sit(out, "Ben")
    assert (
        first.parent == second.parent == (tmp_path / "packs" / "transcripts" / pack.id).absolute()
    )
    assert len(_questions(first)) >= 6
    assert _questions(first) == _questions(second)
    t = load_transcript(first)
    assert (t.pack_id, t.seed, t.minutes, t.topics) == (
        pack.id, 42, 90.0, ["model-scoping", "sustainability"],
    )  # fmt: skip
    other = tmp_path / "other.toml"
    write_pack(make_pack("Other", out=other, seed=43, topics=pack.topics), other)
    assert _questions(_sit(other, "Cat")) != _questions(first)  # the seed does fix the order


def test_a_pack_is_for_mock_sessions(tmp_path):
    out = tmp_path / "p.toml"
    write_pack(make_pack("P", out=out, seed=1), out)
    with pytest.raises(UserError, match="mock"):
        apply_pack(out, SessionConfig(mode="practice", topics=["sustainability"]), load_settings())


@pytest.mark.skipif(
    importlib.util.find_spec("practice_bot.scoring.offline") is None,
    reason="the offline scorer is not in this build yet",
)
def test_pack_reproducible_through_the_cli_in_plain_mode(tmp_path):
    made = run_cli(
        ["pack", "new", "--name", "Room 4 mock", "--seed", "5", "--topics",
         "model-scoping,sustainability", "--minutes", "30", "--out", "packs/room4.toml"],
        tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    shown = run_cli(["pack", "show", "packs/room4.toml", "--json"], tmp_path)
    pack = json.loads(shown.stdout)
    assert (pack["seed"], pack["minutes"], pack["topics"]) == (
        5, 30.0, ["model-scoping", "sustainability"],
    )  # fmt: skip
    for name in ("Ann Lee", "Ben Ode"):
        sat = run_cli(["mock", "--plain", "--pack", "packs/room4.toml", "--name", name,
                       "--seed", "123"], tmp_path, stdin=ANSWERS)  # fmt: skip
        assert sat.returncode == 0, sat.stderr
    folder = Path(pack["folder"])
    assert folder == tmp_path / "packs" / "transcripts" / pack["id"]
    files = sorted(folder.glob("*.json"))
    assert len(files) == 2
    data = [json.loads(f.read_text()) for f in files]
    assert all(d["pack_id"] == pack["id"] and d["seed"] == 5 for d in data)
    asked = [[(q["question_id"], q["text"]) for q in d["turns"] if q["kind"] == "question"]
             for d in data]  # fmt: skip
    assert asked[0] == asked[1] and len(asked[0]) >= 2
    bad = run_cli(["pack", "new", "--name", "X", "--topics", "nope", "--out", "x.toml"], tmp_path)
    assert bad.returncode == 2 and "--topics" in bad.stderr and "nope" in bad.stderr
