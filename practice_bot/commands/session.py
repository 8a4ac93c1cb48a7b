"""`practice-bot mock|practice|drill|resume`: run a session in the app or, with --plain, line by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.session.factory import Session


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--plain", action="store_true", help="line mode: questions on stdout, answers on stdin"
    )
    p.add_argument("--name", help="apprentice name (remembered in the app)")
    p.add_argument(
        "--transcripts", type=Path, help="folder for transcripts (default ./transcripts)"
    )
    p.add_argument("--seed", type=int, default=None, help="make the question plan reproducible")
    p.add_argument("--scorer", choices=["auto", "offline", "llm"], help="what scores the answers")
    p.add_argument(
        "--accept-endpoint",
        action="store_true",
        help="agree up front to send answers (and recordings) to the configured endpoint",
    )
    p.add_argument(
        "--voice",
        action="store_true",
        help="voice mode: questions read aloud; answer by recording (/audio FILE in --plain)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mock = sub.add_parser("mock", help="a full 90-minute mock professional discussion")
    _common(mock)
    mock.add_argument("--minutes", type=float, help=argparse.SUPPRESS)
    mock.add_argument("--pack", type=Path, help="sit a class pack (fixed plan)")
    mock.set_defaults(func=run_mode, mode="mock")
    practice = sub.add_parser(
        "practice", help="practise chosen topics with feedback after each answer"
    )
    _common(practice)
    practice.add_argument("--topics", help="comma-separated topic ids (see `practice-bot rubric`)")
    practice.set_defaults(func=run_mode, mode="practice")
    drill = sub.add_parser("drill", help="about 15 minutes on your least-evidenced criteria")
    _common(drill)
    drill.set_defaults(func=run_mode, mode="drill")
    resume = sub.add_parser(
        "resume", help="continue a session cut off by a crash or a closed terminal"
    )
    resume.add_argument("path", nargs="?", type=Path, help="journal file or transcripts folder")
    _common(resume)
    resume.set_defaults(func=run_resume)


def _settings(args: argparse.Namespace) -> Settings:
    from practice_bot.config import load_settings

    settings = load_settings(
        transcripts=getattr(args, "transcripts", None),
        scorer=getattr(args, "scorer", None),
        name=getattr(args, "name", None),
    )
    if getattr(args, "voice", False) and settings.read_aloud is None:
        settings = settings.model_copy(update={"read_aloud": True})  # voice mode reads aloud
    return settings


def apprentice_name(args: argparse.Namespace, settings: Settings) -> str:
    """--name, else the configured name, else the one the app remembers, else "apprentice"."""
    if getattr(args, "name", None):
        return str(args.name)
    if settings.name:
        return settings.name
    from practice_bot.prefs import load_prefs

    return load_prefs().name or "apprentice"


def run_mode(args: argparse.Namespace) -> int:
    import secrets

    from practice_bot.session.plan import SessionConfig
    from practice_bot.textsafe import valid_text

    _lenient_stdin()
    settings = _settings(args)
    topics = [t.strip() for t in (getattr(args, "topics", None) or "").split(",") if t.strip()]
    config = SessionConfig(
        mode=args.mode,
        apprentice=valid_text(apprentice_name(args, settings)),
        topics=topics,
        minutes=getattr(args, "minutes", None),
        seed=args.seed if args.seed is not None else secrets.randbelow(1_000_000),
    )
    if getattr(args, "pack", None) is not None:
        from practice_bot.commands.pack import apply_pack

        config, settings = apply_pack(args.pack, config, settings, args.transcripts)
        from practice_bot.textsafe import printable

        print(
            f"Class pack {printable(str(args.pack))}: transcripts go to "
            f"{printable(str(settings.transcripts))}"
            + (" (--transcripts)" if args.transcripts is not None else " (the pack's folder)"),
            flush=True,
        )
    if not args.plain and sys.stdin.isatty():
        return _run_app(args, settings, config=config)
    from practice_bot.session.factory import start_session

    session = start_session(config, settings, llm=_plain_consent(args, settings))
    return _run_plain(session, settings, args)


def _plain_consent(args: argparse.Namespace, settings: Settings) -> bool:
    """Whether to use the configured endpoint: asked once per endpoint, on a yes/no line."""
    from practice_bot.session.llm_wiring import (
        consent_question,
        endpoint_wanted,
        give_consent,
        needs_consent,
    )

    if not endpoint_wanted(settings):
        return False
    if getattr(args, "accept_endpoint", False):
        give_consent(settings)
        return True
    if not needs_consent(settings):
        return True
    print(f"{consent_question(settings)} [yes/no]", flush=True)
    if sys.stdin.readline().strip().lower() in ("y", "yes"):
        give_consent(settings)
        return True
    print("Running this session offline: nothing will be sent.", flush=True)
    return False


def run_resume(args: argparse.Namespace) -> int:
    from practice_bot.session.factory import find_resumable, resume_session

    _lenient_stdin()
    settings = _settings(args)
    # A folder named with --transcripts is the only one looked in; else every place sessions live.
    path = find_resumable(args.path or args.transcripts, settings, args.name)
    if not args.plain and sys.stdin.isatty():
        return _run_app(args, settings, resume=path)
    session = resume_session(path, settings, llm=_plain_consent(args, settings))
    return _run_plain(session, settings, args)


def _run_plain(session: Session, settings: Settings, args: argparse.Namespace) -> int:
    from practice_bot.plain import PlainRunner
    from practice_bot.voice.answers import VoiceAnswers, read_aloud_for

    voice = VoiceAnswers(
        session.engine,
        session.journal_path,
        settings,
        read_aloud=read_aloud_for(settings, voice_mode=getattr(args, "voice", False)),
    )
    accept = getattr(args, "accept_endpoint", False)
    return PlainRunner(session, sys.stdin, sys.stdout, voice, accept_audio=accept).run()


def _lenient_stdin() -> None:
    """A paste that is not UTF-8 must not stop a session: read it (plain mode stores U+FFFD for the
    bad bytes). Done before anything is read: a text stream cannot change after its first read."""
    import contextlib
    import io

    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(io.UnsupportedOperation, ValueError):
            reconfigure(errors="surrogateescape")


def _run_app(args: argparse.Namespace, settings: Settings, **kwargs: Any) -> int:
    from practice_bot.tui.app import run

    code: int = run(settings, **kwargs)
    return code


def run_app(args: argparse.Namespace) -> int:
    """No command: the start screen."""
    return _run_app(args, _settings(args))
