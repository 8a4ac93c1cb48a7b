"""`practice-bot history [--name N]`: an apprentice's sessions, a trend per topic and the weakest criteria."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="your past sessions, trend per topic and weakest criteria")
    p.add_argument("--name", help="apprentice name (default: the configured name)")
    p.add_argument("--transcripts", type=Path, help="transcripts folder (default ./transcripts)")
    p.set_defaults(func=run)


def history_lines(folder: Path, apprentice: str) -> list[str]:
    from practice_bot.records.history import criterion_records, final_status, weakest_criteria
    from practice_bot.records.store import list_transcripts, started_stamp
    from practice_bot.rubric import load_rubric
    from practice_bot.textsafe import printable

    rubric = load_rubric()
    entries = [e for e in list_transcripts(folder)[0] if e.transcript.apprentice == apprentice]
    if not entries:
        return [f"No sessions for {printable(apprentice)} in {folder}."]
    lines = [f"Sessions for {printable(apprentice)} (newest first):"]
    for e in entries:
        t = e.transcript
        g = t.grades
        grade = f"AM2 {g.am2}, AM1 {g.am1}, overall {g.overall}" if g else "in progress"
        lines.append(
            f"  {started_stamp(t.started_at)}  {t.mode:<8} {t.status:<12} {grade}  {e.path.name}"
        )
    lines.append("")
    lines.append("Trend per topic (share of criteria evidenced, oldest to newest):")
    chronological = [e.transcript for e in reversed(entries)]
    for topic in rubric.topics:
        shares = []
        for t in chronological:
            if topic.id in t.topics:
                status = final_status(t)
                met = sum(status.get(c.id) == "evidenced" for c in topic.criteria)
                shares.append(f"{met}/{len(topic.criteria)}")
        if shares:
            lines.append(f"  {topic.name:<36} {'  '.join(shares)}")
    lines.append("")
    lines.append("Weakest criteria (start a drill on these with `practice-bot drill`):")
    records = criterion_records(rubric, chronological)
    for cid in weakest_criteria(rubric, chronological):
        r = records[cid]
        lines.append(f"  {cid}: evidenced in {r.evidenced} of {r.sessions} sessions")
    return lines


def run(args: argparse.Namespace) -> int:
    from practice_bot.commands.session import apprentice_name
    from practice_bot.config import load_settings

    settings = load_settings(transcripts=args.transcripts, name=args.name)
    print("\n".join(history_lines(settings.transcripts, apprentice_name(args, settings))))
    return 0
