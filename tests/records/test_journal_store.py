"""The journal and the transcripts folder: replay equals the live transcript, torn lines are recovered,
names are safe slugs, nothing is overwritten, files are private."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from practice_bot.errors import TranscriptError
from practice_bot.records.journal import Journal, replay, replay_with_length, truncate_torn_tail
from practice_bot.records.schema import Transcript
from practice_bot.records.store import (
    create_journal,
    list_transcripts,
    load_transcript,
    save_final,
    slug,
)
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine


def _engine_with_journal(rubric, tmp_path: Path, name: str = "Ada Lovelace"):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    engine = make_engine(
        rubric, SessionConfig(mode="practice", topics=["model-scoping"], apprentice=name), clock
    )
    journal = create_journal(tmp_path, engine.transcript)
    engine.recorder = journal
    return engine, journal, clock


def test_replay_reproduces_the_live_transcript(rubric, tmp_path):
    engine, journal, clock = _engine_with_journal(rubric, tmp_path)
    engine.next_question()
    clock.advance(30)
    engine.submit_answer("EVIDENCE:model-scoping/pass-1 and more")
    engine.next_question()
    engine.skip()
    engine.finish("ended_early")
    replayed, notices = replay(journal.path)
    assert notices == []
    assert replayed.model_dump() == engine.transcript.model_dump()


def test_torn_last_line_is_dropped_with_a_notice_and_resumable(rubric, tmp_path):
    engine, journal, _ = _engine_with_journal(rubric, tmp_path)
    engine.next_question()
    engine.submit_answer("first answer")
    with journal.path.open("ab") as fh:
        fh.write(b'{"kind": "turn", "turn": {"index": 3, "ro')  # killed mid-write
    transcript, notices, good = replay_with_length(journal.path)
    assert len(notices) == 1 and "cut off" in notices[0]
    assert [t.text for t in transcript.answers()] == ["first answer"]
    truncate_torn_tail(journal.path, good)
    Journal(journal.path).write(
        {"kind": "event", "event": {"kind": "x", "at": "2026-01-01T00:00:00Z"}}
    )
    again, notices = replay(journal.path)
    assert notices == [] and again.events[-1].kind == "x"


def test_corrupt_middle_line_is_a_clear_error(rubric, tmp_path):
    engine, journal, _ = _engine_with_journal(rubric, tmp_path)
    engine.next_question()
    lines = journal.path.read_text().splitlines()
    lines.insert(1, "{not json")
    journal.path.write_text("\n".join(lines) + "\n")
    with pytest.raises(TranscriptError, match=r"line 2"):
        replay(journal.path)


@pytest.mark.parametrize("bad_index", [-1, 8, 3])
def test_a_turn_out_of_its_place_is_refused_naming_the_field(rubric, tmp_path, bad_index):
    # Found by hypothesis: a journal whose last question claimed index 8 replayed, and the next
    # answer, pointing at turn 8, crashed the session.
    engine, journal, _ = _engine_with_journal(rubric, tmp_path)
    engine.next_question()
    engine.submit_answer("first answer")
    engine.next_question()
    lines = journal.path.read_text().splitlines()
    last = json.loads(lines[-1])
    assert last["kind"] == "turn" and last["turn"]["index"] == 2
    last["turn"]["index"] = bad_index
    lines[-1] = json.dumps(last)
    journal.path.write_text("\n".join(lines) + "\n")
    with pytest.raises(TranscriptError, match=rf"turns\.2\.index: is {bad_index}, not its place"):
        replay(journal.path)


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "a/b\\c", "CON", "nul", "x" * 500, "", "   ", "Zoë Ørsted", "\x1b[31mred"],
)
def test_names_become_safe_slugs_inside_the_folder(rubric, tmp_path, name):
    _engine, journal, _ = _engine_with_journal(rubric, tmp_path / "t", name)
    assert journal.path.parent == tmp_path / "t"
    assert "/" not in journal.path.name and "\\" not in journal.path.name
    assert len(journal.path.name) < 120
    assert slug(name).lower() not in {"con", "nul", "prn", "aux"}


def test_files_are_private_and_never_overwritten(rubric, tmp_path):
    e1, j1, _ = _engine_with_journal(rubric, tmp_path)
    e2 = make_engine(
        rubric, SessionConfig(mode="practice", topics=["model-scoping"], apprentice="Ada Lovelace")
    )
    e2.transcript.id = e1.transcript.id  # same name, same minute, same id: must not clobber
    j2 = create_journal(tmp_path, e2.transcript)
    assert j1.path != j2.path
    assert stat.S_IMODE(os.stat(j1.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path).st_mode) in (0o700, 0o755)  # tmp_path pre-exists
    sub = tmp_path / "fresh"
    _e3, _j3, _ = _engine_with_journal(rubric, sub)
    assert stat.S_IMODE(os.stat(sub).st_mode) == 0o700


def test_save_final_is_atomic_and_loads_back(rubric, tmp_path):
    engine, journal, _ = _engine_with_journal(rubric, tmp_path)
    engine.next_question()
    engine.submit_answer("EVIDENCE:model-scoping/pass-2")
    engine.finish()
    path = save_final(journal.path, engine.transcript)
    assert not journal.path.exists() and path.suffix == ".json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    loaded = load_transcript(path)
    assert loaded == Transcript.model_validate(json.loads(path.read_text()))
    assert [e.path for e in list_transcripts(tmp_path)[0]] == [path]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bad_transcript_files_name_the_file_and_field(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"id": 3}')
    with pytest.raises(TranscriptError, match=r"x.json: id: .*apprentice: Field required"):
        load_transcript(bad)
    bad.write_text("{")
    with pytest.raises(TranscriptError, match=r"x.json: line 1"):
        load_transcript(bad)
    entries, problems = list_transcripts(tmp_path)
    assert entries == [] and len(problems) == 1
