"""`practice-bot pack new|show`: class packs that fix a mock exam's plan for a whole room, and
`apply_pack`, which `practice-bot mock --pack PACK.toml` uses to sit one."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.config import Settings
    from practice_bot.session.plan import SessionConfig


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("pack", help="class packs: one fixed mock exam plan for a whole room")
    actions = p.add_subparsers(dest="pack_action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="write a class pack file")
    new.add_argument("--name", required=True, help="what the class will see, e.g. 'March mock'")
    new.add_argument("--seed", type=int, help="fixes the question order (default: random)")
    new.add_argument(
        "--topics", nargs="+", metavar="TOPIC",
        help="topic ids, space- or comma-separated (default: all eleven)",
    )  # fmt: skip
    new.add_argument("--minutes", type=float, default=90.0, help="session length (default 90)")
    new.add_argument(
        "--transcripts", type=Path,
        help="folder the transcripts go to (default: transcripts/<pack id> beside the pack)",
    )  # fmt: skip
    new.add_argument("--id", dest="pack_id", help="pack id (default: from the name)")
    new.add_argument("--out", type=Path, required=True, help="the pack file to write (.toml)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(func=run_new)
    show = actions.add_parser("show", help="check a pack file and show its plan")
    show.add_argument("path", type=Path)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)


def run_new(args: argparse.Namespace) -> int:
    from practice_bot.textsafe import printable
    from practice_bot.tutor.packs import make_pack, pack_folder, write_pack

    topics = [t.strip() for item in args.topics or [] for t in item.split(",") if t.strip()]
    pack = make_pack(
        args.name,
        out=args.out,
        seed=args.seed,
        topics=topics,
        minutes=args.minutes,
        transcripts=args.transcripts,
        pack_id=args.pack_id,
    )
    write_pack(pack, args.out, force=args.force)
    print(f"Pack written: {printable(str(args.out))} (id {pack.id}, seed {pack.seed})")
    print(f"Transcripts will go to: {printable(str(pack_folder(pack, args.out)))}")
    print(f"Sit it with: practice-bot mock --pack {printable(str(args.out))} --name NAME")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from practice_bot.rubric import load_rubric
    from practice_bot.textsafe import printable
    from practice_bot.tutor.packs import load_pack, pack_folder

    pack = load_pack(args.path)
    folder = pack_folder(pack, args.path)
    if args.json:
        print(json.dumps(pack.model_dump(mode="json") | {"folder": str(folder)}, indent=2))
        return 0
    rubric = load_rubric()
    topics = pack.topics or rubric.topic_ids
    print(
        f"{printable(pack.name)} [{pack.id}]: {pack.mode}, {pack.minutes:g} minutes, seed {pack.seed}"
    )
    print(f"Transcripts: {printable(str(folder))}")
    for t in topics:
        print(f"  {rubric.topic(t).order}. {rubric.topic(t).name} [{t}]")
    return 0


def apply_pack(
    path: Path, config: SessionConfig, settings: Settings, transcripts: Path | None = None
) -> tuple[SessionConfig, Settings]:
    """The session config and settings with the pack's plan: its topics, seed, minutes and pack id
    replace what the command line said, and transcripts go to the pack's folder (or to the folder
    the user chose with --transcripts, `transcripts`)."""
    from practice_bot.errors import UserError
    from practice_bot.tutor.packs import load_pack, pack_folder

    pack = load_pack(path)
    if config.mode != pack.mode:
        raise UserError(
            f"{path}: a {pack.mode} pack; sit it with `practice-bot {pack.mode} --pack`"
        )
    config = config.model_copy(
        update={
            "topics": list(pack.topics),
            "seed": pack.seed,
            "minutes": pack.minutes,
            "pack_id": pack.id,
            "pack_name": pack.name,
        }
    )
    folder = transcripts or pack_folder(pack, path, also_inside=settings.transcripts)
    settings = settings.model_copy(update={"transcripts": folder})
    return config, settings
