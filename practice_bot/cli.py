"""Command-line entry point: argument parsing only; each subcommand lives in practice_bot/commands/.

Each command module has `register(subparsers)`, which adds its parser(s) and sets `func` to a function
taking the parsed arguments and returning an exit code. Command modules import heavy things lazily.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from practice_bot import __version__
from practice_bot.errors import UserError

if TYPE_CHECKING:
    import argparse

# Order is the order `--help` lists them in. Every one must import: a mistyped or broken module is an
# error, never a command silently missing from the help.
COMMAND_MODULES = (
    "practice_bot.commands.session",  # mock, practice, drill, resume
    "practice_bot.commands.rubric",
    "practice_bot.commands.banks",
    "practice_bot.commands.report",
    "practice_bot.commands.history",
    "practice_bot.commands.eval",
    "practice_bot.commands.doctor",
    "practice_bot.commands.review",
    "practice_bot.commands.pack",
    "practice_bot.commands.rescore",
    "practice_bot.commands.purge",
    "practice_bot.commands.rules",  # rules check
    "practice_bot.commands.explain",
    "practice_bot.commands.serve",  # serve, class watch
)


def build_parser() -> argparse.ArgumentParser:
    import argparse  # here, not at the top: bare `practice-bot` (the start screen) never parses

    parser = argparse.ArgumentParser(
        prog="practice-bot",
        description="Rehearse the L6 Machine Learning Engineer AM2 professional discussion. "
        "With no command, opens the app's start screen.",
    )
    parser.add_argument("--version", action="version", version=f"practice-bot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _start_screen() -> int:
    """Bare `practice-bot`: the start screen, without building the parser. The settings are loaded
    first (a broken config file is reported on one line before the app opens), so the screen's first
    frame is complete: its scoring line, name and theme, and then its recent sessions. Loading them in
    a thread after a first frame drawn from the prefs file alone drew that frame sooner but completed
    the screen later (issue #14: 1.98-2.00x the minimal app against 1.82-1.84x, the same CPU time;
    docs/app.md, "Speed and memory").

    Garbage collection waits until the start screen is complete (it resumes it, as does leaving it):
    starting makes some 70,000 objects that live as long as the app (modules, classes, widgets), and
    collecting while they are made cost a tenth of the start's CPU time and found nothing to free."""
    import gc

    gc.disable()
    try:
        from practice_bot.config import load_settings

        settings = load_settings()  # defaults < config file < environment
        from practice_bot.tui.app import run

        code: int = run(settings)
    finally:
        gc.enable()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        return _run(_start_screen)
    from practice_bot.textsafe import guard_output

    guard_output()  # every command's output passes one sanitiser (the app draws its own screen)
    parser = build_parser()
    args = parser.parse_args(argv)
    return _run(lambda: _dispatch(args))


def _dispatch(args: argparse.Namespace) -> int:
    if getattr(args, "func", None) is None:
        from practice_bot.commands.session import run_app

        return run_app(args)
    code: int = args.func(args)
    return code


def _run(command: Callable[[], int]) -> int:
    """Run a command, reporting a user's error in one line (no traceback)."""
    try:
        return command()
    except UserError as exc:
        from practice_bot.textsafe import printable

        # Messages name files and quote their content: no control character reaches the terminal.
        print(f"practice-bot: {printable(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into something that closed early (head, less): not an error worth a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("\npractice-bot: interrupted; everything answered so far is saved.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
