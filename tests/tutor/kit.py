"""Builders for tutor tests: finished transcripts made by the real engine with the TokenScorer, saved
into a folder, and a runner for the CLI (in-process)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from practice_bot.records.schema import Transcript
from practice_bot.records.store import ensure_folder, save_transcript, slug
from practice_bot.rubric import Rubric
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests import cli_kit
from tests.conftest import make_engine

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def session(
    rubric: Rubric,
    answers: Sequence[str],
    *,
    apprentice: str = "Sam Patel",
    topics: Sequence[str] = ("sustainability", "model-scoping"),
    mode: str = "practice",
    started: datetime = START,
    pack_id: str | None = None,
    target_criteria: Sequence[str] = (),
) -> Transcript:
    """A finished session: one answer per question, a minute apart, scored by the TokenScorer."""
    clock = FakeClock(started)
    config = SessionConfig(
        mode=mode,  # type: ignore[arg-type]
        apprentice=apprentice,
        topics=list(topics),
        target_criteria=list(target_criteria),
        pack_id=pack_id,
    )
    engine = make_engine(rubric, config, clock)
    engine.transcript.pack_id = pack_id
    for text in answers:
        if engine.next_question() is None:
            break
        clock.advance(60)
        engine.submit_answer(text)
    engine.finish()
    return engine.transcript


def save(folder: Path, transcript: Transcript, name: str | None = None) -> Path:
    ensure_folder(folder)
    stamp = transcript.started_at.strftime("%Y%m%d-%H%M")
    path = folder / (name or f"{slug(transcript.apprentice)}-{stamp}-{transcript.mode}.json")
    save_transcript(path, transcript)
    return path


def run_cli(
    args: Sequence[str],
    tmp_path: Path,
    stdin: str = "",
    timeout: float = 120,
    extra_env: dict[str, str] | None = None,
) -> cli_kit.Ran:
    """The command line in-process (tests/cli_kit.py), in tmp_path."""
    return cli_kit.run_cli(args, stdin, cwd=tmp_path, env=extra_env, timeout=timeout)
