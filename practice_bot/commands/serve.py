"""`practice-bot serve --pack PACK.toml`: a class sits the pack's mock in their browsers.

Prints the addresses to open and the class code, then runs until Ctrl+C (or SIGTERM), which ends every
learner's app (their journals stay: signing in again resumes). In a terminal it shows the live cohort
screen; otherwise (a pipe, a service) it prints one line per learner event.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.serve.server import ClassServer


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="run a class pack's mock exam for a class in their browsers")
    p.add_argument(
        "--pack", type=Path, required=True, help="the class pack (practice-bot pack new)"
    )
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default 0.0.0.0)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument(
        "--max-learners", type=int, default=40, help="most learners at once (default 40)"
    )
    p.add_argument(
        "--grace", type=float, default=30.0,
        help="seconds a learner's app waits for their browser to come back (default 30)",
    )  # fmt: skip
    p.add_argument("--code", help="the class code (default: a new random one)")
    p.add_argument(
        "--allow-host", action="append", default=[], metavar="NAME",
        help="a host name learners use to reach this machine (IP addresses always work)",
    )  # fmt: skip
    p.add_argument(
        "--no-watch", action="store_true", help="print events instead of the live cohort screen"
    )
    p.set_defaults(func=run_serve)
    watch = sub.add_parser("class", help="watch a class's progress live")
    actions = watch.add_subparsers(dest="class_action", metavar="ACTION", required=True)
    w = actions.add_parser("watch", help="the live cohort screen for a pack's transcripts folder")
    w.add_argument("--pack", type=Path, required=True)
    w.set_defaults(func=run_watch)


def _server(args: argparse.Namespace) -> ClassServer:
    from practice_bot.errors import UserError

    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ModuleNotFoundError as exc:
        raise UserError(
            f"serve needs {exc.name}: install with pip install 'practice-bot[serve]'"
        ) from None
    from practice_bot.serve.auth import new_class_code
    from practice_bot.serve.server import ClassConfig, ClassServer, learner_argv
    from practice_bot.tutor.packs import load_pack, pack_folder

    pack = load_pack(args.pack)
    folder = pack_folder(pack, args.pack)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not 1 <= args.max_learners <= 500:
        raise UserError(f"--max-learners {args.max_learners}: choose 1 to 500")
    if args.grace < 0:
        raise UserError(f"--grace {args.grace}: must not be negative")
    code = (args.code or new_class_code()).strip().upper()
    if len(code) < 4 or not code.isalnum():
        raise UserError(f"--code {args.code!r}: use at least 4 letters or digits")
    return ClassServer(
        ClassConfig(
            class_name=pack.name,
            code=code,
            learner_argv=learner_argv(args.pack),
            capacity=args.max_learners,
            grace=args.grace,
            allowed_hosts=set(args.allow_host),
        )
    )


def run_serve(args: argparse.Namespace) -> int:
    import asyncio

    server = _server(args)
    if not args.no_watch and sys.stdin.isatty() and sys.stdout.isatty():
        from practice_bot.tui.class_watch import run_watch_app  # type: ignore[import-not-found,unused-ignore]

        code: int = run_watch_app(args.pack, server, args.host, args.port)
        return code
    return asyncio.run(_serve_plain(server, args.host, args.port))


async def _serve_plain(server: ClassServer, host: str, port: int) -> int:
    import asyncio
    import signal

    from practice_bot.serve.addresses import announce
    from practice_bot.serve.server import start_server
    from practice_bot.textsafe import printable

    try:
        runner, bound = await start_server(server, host, port)
    except OSError as exc:
        from practice_bot.errors import UserError

        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    for line in announce(server, host, bound):
        print(line, flush=True)
    print("Press Ctrl+C to end the class (answers are saved).", flush=True)
    server.classroom.on_change = lambda name, what: print(f"{printable(name)}: {what}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        print("Ending the class: stopping every learner's app...", flush=True)
        await runner.cleanup()
    print("Class ended.", flush=True)
    return 0


def run_watch(args: argparse.Namespace) -> int:
    from practice_bot.tui.class_watch import run_watch_app  # type: ignore[import-not-found,unused-ignore]

    code: int = run_watch_app(args.pack, None, "", 0)
    return code
