"""Why the offline scorer judged an answer as it did, as plain text for a terminal.

Per sentence: whether it counts as the apprentice's own practice and, if not, what excluded it
(hypothetical, generic, negated, recital, injection...), the slots it names and what it shows; then
the defences that fired on the answer; then per criterion the steps to its verdict.
`practice-bot explain` and `practice-bot eval FILE --explain ID` print it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.analysis import Sentence
from practice_bot.scoring.base import STATUS_WORDS
from practice_bot.scoring.markers import Marks
from practice_bot.scoring.offline import OfflineScorer, Outcome
from practice_bot.textsafe import printable

WIDTH = 100


def _short(criterion_id: str) -> str:
    """ "model-scoping/pass-1" -> "pass-1": the topic is in the heading."""
    return criterion_id.rsplit("/", 1)[-1]


def _shows(m: Marks) -> list[str]:
    shown = {
        "first-person action": m.practice,
        "hypothetical": m.hypothetical,
        "negated": m.negated,
        "generic": m.generic,
        "reasoning or reflection": m.evaluation and not m.reflection,
        "reflection": m.reflection,
        "outcome": m.outcome,
        "people": m.people,
        "tool or name": m.tool,
        "figure": m.number,
        "past tense": m.past,
        "hedged": m.hedged,
        "ML or data work": m.about,
    }
    return [name for name, on in shown.items() if on]


def _wrapped(text: str, indent: str, then: str = "      ") -> list[str]:
    """`text` wrapped to WIDTH, the first line opening with `indent`, the others with `then`."""
    return textwrap.wrap(printable(text), WIDTH, initial_indent=indent, subsequent_indent=then) or [
        indent
    ]


def _sentence_lines(
    s: Sentence, criteria: Sequence[Criterion], labels: Sequence[Sequence[str]], only: int | None
) -> list[str]:
    verdict = "OWN PRACTICE" if s.practice else "not own practice"
    lines = [f"#{s.index + 1} {verdict}: {s.why}"]
    lines += _wrapped(f'"{s.text}"', "    ", "    ")
    named = [
        f"{_short(criteria[ci].id)}: {', '.join(labels[ci][k] for k in slots)}"
        for ci, slots in s.facts.named
        if only is None or ci == only
    ]
    lines += _wrapped("slots named: " + ("; ".join(named) if named else "none"), "    ")
    lines.append("    shows: " + (", ".join(_shows(s.marks)) or "nothing marked"))
    return lines


def render(
    outcome: Outcome,
    topic: Topic,
    criteria: Sequence[Criterion],
    labels: Sequence[Sequence[str]],
    *,
    only: str | None = None,
    gold: Mapping[str, str] | None = None,
) -> str:
    """The explanation; `labels[i]`: the slot labels of criteria[i]; `only`: one criterion id;
    `gold`: labelled verdicts to show beside the scorer's (from a calibration item)."""
    reading = outcome.reading
    index = next((i for i, c in enumerate(criteria) if c.id == only), None)
    lines = [
        f"topic {topic.id}: {topic.name}",
        f"{reading.word_count} words in {len(reading.sentences)} sentences; "
        f"answer flags: {', '.join(outcome.flags) or 'none'}",
        *[f"note: {n}" for n in reading.notes],
        "",
        "SENTENCES (own practice: a first-person action, or a statement of what happened just "
        "after one)",
    ]
    for s in reading.sentences:
        lines += _sentence_lines(s, criteria, labels, index)
    lines += ["", "DEFENCES"]
    excluded = [s for s in reading.sentences if s.excluded]
    if not outcome.flags and not excluded:
        lines.append("none fired (no injection, recital, keyword list, padding or off-topic)")
    for flag in outcome.flags:
        hit = [f"#{s.index + 1}" for s in excluded if s.excluded == flag]
        lines.append(f"{flag}: fired" + (f"; sentences excluded: {', '.join(hit)}" if hit else ""))
    for flag in sorted({s.excluded or "" for s in excluded} - set(outcome.flags)):
        hit = [f"#{s.index + 1}" for s in excluded if s.excluded == flag]
        lines.append(
            f"{flag}: sentences excluded: {', '.join(hit)} (not enough to flag the answer)"
        )
    lines += ["", "CRITERIA"]
    for c, v in zip(criteria, outcome.verdicts, strict=True):
        if only is not None and c.id != only:
            continue
        head = f"{c.id} ({c.level}): {STATUS_WORDS[v.status].upper()}"
        if gold is not None and c.id in gold:
            head += f"   [label: {gold[c.id].replace('_', ' ')}]"
        lines.append(head)
        lines += _wrapped(c.text, "    criterion: ")
        for step in v.path:
            lines += _wrapped(step, "    - ")
        lines += _wrapped(v.reason, "    reason: ")
        if v.quoted:
            lines.append("    quoted: " + ", ".join(f"#{s.index + 1}" for s in v.quoted[:3]))
    return "\n".join(lines)


def explain(
    scorer: OfflineScorer,
    answer: str,
    topic: Topic,
    *,
    only: str | None = None,
    gold: Mapping[str, str] | None = None,
) -> str:
    """Score `answer` against `topic`'s criteria and explain every step."""
    criteria = list(topic.criteria)
    if not answer.strip():
        return f"topic {topic.id}: the answer is empty: every criterion is not yet."
    outcome = scorer.outcome(answer, topic, criteria)
    labels = [k.labels for k in scorer.book.batch(criteria).concepts]
    return render(outcome, topic, criteria, labels, only=only, gold=gold)
