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
    from practice_bot.formatting import started_stamp
    from practice_bot.records.delivery import summarise, summary_line
    from practice_bot.records.history import (
        criterion_records,
        evidenced_of_covered,
        record_words,
        topic_shares,
        weakest_criteria,
    )
    from practice_bot.records.store import list_transcripts
    from practice_bot.rubric import load_rubric
    from practice_bot.textsafe import printable
    from practice_bot.wording import criterion_label

    rubric = load_rubric()
    entries = [e for e in list_transcripts(folder)[0] if e.transcript.apprentice == apprentice]
    if not entries:
        return [f"No sessions for {printable(apprentice)} in {folder}."]
    lines = [f"Sessions for {printable(apprentice)} (newest first):"]
    for e in entries:
        t = e.transcript
        g = t.grades
        met, covered = evidenced_of_covered(t, rubric)
        grade = f"{met}/{covered} criteria covered evidenced"
        if t.mode == "mock" and g:
            grade += f"; AM2 {g.am2}, AM1 {g.am1}, overall {g.overall}"
        elif not g:
            grade += "; in progress"
        lines.append(
            f"  {started_stamp(t.started_at)}  {t.mode:<8} {t.status:<12} {grade}  {e.path.name}"
        )
        spoken = summarise(t)
        if spoken is not None:
            lines.append(f"      delivery: {summary_line(spoken)}")
    lines.append("")
    lines.append(
        "Trend per topic (criteria evidenced of those covered, oldest to newest; "
        "sessions that did not reach a topic are left out):"
    )
    chronological = [e.transcript for e in reversed(entries)]
    shares = topic_shares(rubric, chronological)
    for topic in rubric.topics:
        if topic.id in shares:
            numbers = "  ".join(f"{m}/{n}" for m, n in shares[topic.id])
            lines.append(f"  {topic.name:<36} {numbers}")
    lines.append("")
    lines.append("Weakest criteria (start a drill on these with `practice-bot drill`):")
    records = criterion_records(rubric, chronological)
    for cid in weakest_criteria(rubric, chronological):
        name = rubric.topic(cid.split("/", 1)[0]).name
        lines.append(f"  {name}, {criterion_label(cid)}: {record_words(records[cid])}")
    return lines


def run(args: argparse.Namespace) -> int:
    from practice_bot.commands.session import apprentice_name
    from practice_bot.config import load_settings

    settings = load_settings(transcripts=args.transcripts, name=args.name)
    print("\n".join(history_lines(settings.transcripts, apprentice_name(args, settings))))
    return 0
