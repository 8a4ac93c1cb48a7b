"""Starting and resuming sessions: settings, banks, scorer, transcript file and engine wired together."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from practice_bot import __version__
from practice_bot.banks.models import Bank
from practice_bot.config import Settings
from practice_bot.errors import UserError
from practice_bot.records.files import JOURNAL_SUFFIX, session_places
from practice_bot.records.journal import Journal, replay_with_length, truncate_torn_tail
from practice_bot.records.places import remember_folder
from practice_bot.records.schema import Transcript
from practice_bot.records.store import (
    Entry,
    check_folder_private,
    create_journal,
    list_transcripts,
    new_transcript_id,
)
from practice_bot.records.writer_lock import lock_journal, release_journal
from practice_bot.rubric import load_rubric
from practice_bot.scoring.base import Scorer
from practice_bot.session.clock import Clock, SystemClock
from practice_bot.session.engine import Engine
from practice_bot.session.plan import SessionConfig, resolve_topics

if TYPE_CHECKING:
    from practice_bot.session.llm_wiring import LLMParts


class Session:
    """An engine and the journal file it writes to."""

    def __init__(
        self, engine: Engine, journal_path: Path, notices: list[str] | None = None
    ) -> None:
        self.engine = engine
        self.journal_path = journal_path
        self.notices = notices or []
        self.away = 0.0  # resumed: seconds between the last record and now (the app was closed)


def _banks(settings: Settings) -> dict[str, Bank]:
    from practice_bot.banks.loader import load_banks

    return load_banks(load_rubric(), settings.extra_banks)


def _scorer(settings: Settings, scorer: Scorer | None) -> Scorer:
    """The offline scorer unless one is given; the LLM's, after consent, comes with its parts."""
    if scorer is not None:
        return scorer
    if settings.scorer == "llm" and not settings.llm_configured:
        from practice_bot.llm.factory import NO_ENDPOINT

        raise UserError(NO_ENDPOINT)
    from practice_bot.scoring.offline import OfflineScorer

    return OfflineScorer()


def _llm(settings: Settings, transcript: Transcript, llm: bool) -> LLMParts | None:
    if not llm:
        return None
    from practice_bot.session.llm_wiring import llm_parts

    return llm_parts(settings, transcript.usage)


def start_session(
    config: SessionConfig,
    settings: Settings,
    *,
    clock: Clock | None = None,
    scorer: Scorer | None = None,
    llm: bool = False,
) -> Session:
    """Start a session; `llm` (after the apprentice's consent) attaches the configured endpoint."""
    rubric = load_rubric()
    clock = clock or SystemClock()
    banks = _banks(settings)
    if config.mode == "drill" and not config.target_criteria:
        from practice_bot.records.history import weakest_criteria

        past = [
            e.transcript
            for e in list_transcripts(settings.transcripts)[0]
            if e.transcript.apprentice == config.apprentice
        ]
        config = config.model_copy(
            update={"target_criteria": weakest_criteria(rubric, past, seed=config.seed)}
        )
    topics = resolve_topics(config, rubric)
    chosen = _scorer(settings, scorer)
    transcript = Transcript(
        id=new_transcript_id(),
        apprentice=config.apprentice,
        mode=config.mode,
        topics=topics,
        seed=config.seed,
        minutes=config.session_minutes,
        started_at=clock.now(),
        pack_id=config.pack_id,
        pack_name=config.pack_name,
        target_criteria=config.target_criteria,
        scorer=chosen.name,
        model=settings.model if chosen.name == "llm" else None,
        app_version=__version__,
    )
    journal = create_journal(settings.transcripts, transcript)
    lock_journal(journal.path)  # one live writer per session
    remember_folder(settings.transcripts)  # so that `resume` finds it wherever it is
    parts = _llm(settings, transcript, llm)
    engine = Engine(
        config,
        rubric,
        banks,
        parts.scorer if parts else chosen,
        transcript,
        clock=clock,
        recorder=journal,
        **(parts.engine_options() if parts else {}),
    )
    if parts:
        parts.put_on_record(engine)
    return Session(engine, journal.path)


def config_of(transcript: Transcript) -> SessionConfig:
    return SessionConfig(
        mode=transcript.mode,
        apprentice=transcript.apprentice,
        topics=list(transcript.topics),
        minutes=transcript.minutes,
        seed=transcript.seed,
        target_criteria=list(transcript.target_criteria),
        pack_id=transcript.pack_id,
        pack_name=transcript.pack_name,
    )


def find_resumable(path: Path | None, settings: Settings, apprentice: str | None = None) -> Path:
    """The journal to resume: `path` itself, the newest unfinished session in the folder `path`, or
    (no path) the newest anywhere this user's sessions live: the transcripts folder, every folder a
    session was started in (class packs, --transcripts), and the rescue folders."""
    if path is not None and path.is_file():
        if not path.name.endswith(JOURNAL_SUFFIX):
            raise UserError(f"{path}: this session is finished; only in-progress journals resume")
        return path
    folders = [path] if path is not None else session_places(settings.transcripts)
    best: Entry | None = None
    for folder in folders:
        for entry in list_transcripts(folder)[0]:
            if not entry.in_progress or apprentice not in (None, entry.transcript.apprentice):
                continue
            if best is None or entry.transcript.started_at > best.transcript.started_at:
                best = entry
            break  # newest first: the rest of this folder is older
    if best is None:
        if path is not None:
            raise UserError(f"{path}: no unfinished session to resume")
        raise UserError(
            f"{settings.transcripts}: no unfinished session to resume "
            "(nor in any other folder a session was started in)"
        )
    return best.path


def resume_session(
    path: Path,
    settings: Settings,
    *,
    clock: Clock | None = None,
    scorer: Scorer | None = None,
    llm: bool = False,
) -> Session:
    check_folder_private(path.parent)
    lock_journal(path)  # before reading it: another process may still be writing it
    try:
        return _resume_locked(path, settings, clock, scorer, llm)
    except BaseException:
        release_journal(path)  # a session that did not resume is not running here
        raise


def _resume_locked(
    path: Path, settings: Settings, clock: Clock | None, scorer: Scorer | None, llm: bool
) -> Session:
    transcript, notices, good = replay_with_length(path)
    kept = truncate_torn_tail(path, good)
    if kept is not None:
        notices.append(f"the lines cut off the journal are kept in {kept}")
    rubric = load_rubric()
    clock = clock or SystemClock()
    chosen = _scorer(settings, scorer)
    parts = _llm(settings, transcript, llm)
    engine = Engine(
        config_of(transcript),
        rubric,
        _banks(settings),
        parts.scorer if parts else chosen,
        transcript,
        clock=clock,
        recorder=Journal(path),
        **(parts.engine_options() if parts else {}),
    )
    away = engine.time_away()  # before anything is recorded now
    engine.record_event("resumed_session", "; ".join(notices))
    if parts:
        parts.put_on_record(engine)
    session = Session(engine, path, notices)
    session.away = away
    return session
