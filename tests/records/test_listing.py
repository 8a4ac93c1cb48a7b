"""The start screen's rows of recent sessions, read without the transcript models: each row says what
the full transcript says (who, when, mode, status, answers, topics), journals included; files a row
cannot be read from are reported by name; and reading rows imports no pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from practice_bot.records.listing import SessionRow, list_rows, read_row, unfinished_elsewhere
from practice_bot.records.schema import Transcript
from practice_bot.records.store import (
    create_journal,
    list_transcripts,
    load_transcript,
    move_journal,
    save_final,
)
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine

PRACTICE = SessionConfig(
    mode="practice", apprentice="Ada", topics=["model-scoping", "model-deployment"], seed=3
)


def _journalled(rubric, folder: Path, config: SessionConfig = PRACTICE, when=None):  # type: ignore[no-untyped-def]
    """An engine writing a journal in `folder`, as a session does."""
    clock = FakeClock(when or datetime(2026, 1, 2, 14, 30, tzinfo=UTC))
    engine = make_engine(rubric, config, clock)
    engine.recorder = create_journal(folder, engine.transcript)
    return engine


def _as_row(path: Path, t: Transcript) -> SessionRow:
    """The row the full transcript gives, as the start screen showed it before."""
    return SessionRow(
        path=path,
        apprentice=t.apprentice,
        mode=t.mode,
        status=t.status,
        started_at=t.started_at,
        topics=len(t.topics),
        answers=len(t.answers()),
        discussed=len({turn.topic for turn in t.turns if turn.kind == "question"}),
    )


def test_rows_say_what_the_full_transcripts_say(rubric, tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"
    done = _journalled(rubric, folder)
    done.next_question()
    done.submit_answer("I scoped it with the owner.")
    done.next_question()
    done.submit_answer("Then the metric.")
    done.finish("ended_early")
    save_final(done.recorder.path, done.transcript)
    running = _journalled(
        rubric,
        folder,
        SessionConfig(mode="mock", apprentice="Bo", seed=1),
        datetime(2026, 1, 4, tzinfo=UTC),
    )
    running.next_question()
    running.submit_answer("An answer before the terminal closed.")
    running.next_question()

    rows, problems = list_rows(folder)
    entries, _ = list_transcripts(folder)
    assert problems == []
    assert rows == [_as_row(e.path, e.transcript) for e in entries]
    assert [r.in_progress for r in rows] == [True, False]
    assert rows[1].status == "ended_early" and rows[1].answers == 2


def test_a_moved_journal_is_read_from_its_header_and_later_records(rubric, tmp_path: Path) -> None:
    """A session moved to another folder starts its new journal with the whole transcript so far."""
    engine = _journalled(rubric, tmp_path / "first")
    engine.next_question()
    engine.submit_answer("before the move")
    engine.recorder = move_journal(engine.transcript, tmp_path / "second", engine.recorder.path)
    engine.next_question()
    engine.submit_answer("after the move")

    (path,) = (tmp_path / "second").glob("*.journal.jsonl")
    assert read_row(path) == _as_row(path, load_transcript(path))
    assert read_row(path).answers == 2


def test_a_journal_cut_off_mid_line_is_listed_as_replay_reads_it(rubric, tmp_path: Path) -> None:
    engine = _journalled(rubric, tmp_path)
    engine.next_question()
    engine.submit_answer("saved whole")
    path = engine.recorder.path
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"kind": "turn", "turn": {"index": 2, "ro')
    assert read_row(path) == _as_row(path, load_transcript(path))


def test_only_questions_count_as_topics_discussed(tmp_path: Path) -> None:
    """A notice (a time check before any question) is on no topic: it is not a topic discussed."""

    def turn(index: int, role: str, topic: str, kind: str) -> dict[str, object]:
        return {"index": index, "role": role, "topic": topic, "text": "t", "source": "system",
                "at": "2026-01-02T14:30:00+00:00", "elapsed": 0.0, "kind": kind}  # fmt: skip

    path = tmp_path / "ada-mock.json"
    data = {"apprentice": "Ada", "mode": "mock", "topics": ["model-scoping"], "id": "x",
            "seed": 1, "minutes": 90, "started_at": "2026-01-02T14:30:00+00:00",
            "turns": [turn(0, "assessor", "", "notice"), turn(1, "assessor", "model-scoping",
                      "question"), turn(2, "apprentice", "model-scoping", "answer")]}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_row(path) == _as_row(path, load_transcript(path))
    assert (read_row(path).discussed, read_row(path).answers) == (1, 1)


def test_an_answer_holding_unicode_line_separators_stays_on_its_line(
    rubric, tmp_path: Path
) -> None:
    """JSON leaves U+2028, U+2029 and U+0085 unescaped: the journal's lines end at newlines alone."""
    engine = _journalled(rubric, tmp_path)
    engine.next_question()
    engine.submit_answer("first part\u2028second part\u0085third\u2029end")
    path = engine.recorder.path
    assert read_row(path) == _as_row(path, load_transcript(path))
    assert read_row(path).answers == 1


def test_a_time_without_an_offset_is_read_as_utc(tmp_path: Path) -> None:
    path = tmp_path / "ada-practice.json"
    data = {"apprentice": "Ada", "mode": "practice", "topics": ["model-scoping"], "id": "x",
            "seed": 1, "minutes": 10, "started_at": "2026-01-02T14:30:00", "status": "finished"}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    row = read_row(path)
    assert row.started_at == datetime(2026, 1, 2, 14, 30, tzinfo=UTC)
    assert row.started_at == load_transcript(path).started_at


def test_files_a_row_cannot_be_read_from_are_named_and_the_rest_listed(
    rubric, tmp_path: Path
) -> None:
    engine = _journalled(rubric, tmp_path)
    engine.next_question()
    good = engine.recorder.path
    base = {"apprentice": "Ada", "mode": "practice", "topics": [], "started_at": "2026-01-02"}
    broken = {
        "not-json.json": "{ not json",
        "a-list.json": "[1, 2]",
        "no-name.json": json.dumps({k: v for k, v in base.items() if k != "apprentice"}),
        "odd-mode.json": json.dumps({**base, "mode": "exam"}),
        "bad-time.json": json.dumps({**base, "started_at": "yesterday"}),
        "no-header.journal.jsonl": '{"kind": "status", "status": "finished"}\n{}\n',
        "half-surrogate.json": json.dumps(base).replace("Ada", "\\ud800"),
    }
    for name, text in broken.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    rows, problems = list_rows(tmp_path)
    assert [r.path for r in rows] == [good]
    assert sorted(p.split(":")[0] for p in problems) == sorted(str(tmp_path / n) for n in broken)
    messages = "\n".join(problems)
    assert "no-name.json: apprentice: missing" in messages
    assert "odd-mode.json: mode: 'exam' is not one of mock, practice, drill" in messages
    assert "no-header.journal.jsonl: line 1: journal does not start with a header" in messages


def test_unfinished_sessions_elsewhere_are_journals_only(rubric, tmp_path: Path) -> None:
    from practice_bot.paths import data_home
    from practice_bot.records.files import RESCUE_FOLDER

    rescue = data_home() / RESCUE_FOLDER
    there = _journalled(rubric, rescue)
    there.next_question()
    finished = _journalled(rubric, rescue, when=datetime(2026, 1, 1, tzinfo=UTC))
    finished.finish("finished")
    save_final(finished.recorder.path, finished.transcript)
    assert [r.path for r in unfinished_elsewhere(tmp_path / "transcripts")] == [there.recorder.path]


def test_reading_rows_imports_no_pydantic(rubric, tmp_path: Path) -> None:
    engine = _journalled(rubric, tmp_path)
    engine.next_question()
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from practice_bot.records.listing import list_rows\n"
        f"rows, problems = list_rows(Path({str(tmp_path)!r}))\n"
        "print(len(rows), len(problems), 'pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["1", "0", "False"]
