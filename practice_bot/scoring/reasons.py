"""One-line reasons for the apprentice, in plain English, built from slot labels and what was found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from practice_bot.scoring.base import (
    FLAG_INJECTION,
    FLAG_KEYWORDS,
    FLAG_PADDING,
    FLAG_RECITAL,
    POSSIBLE_NOTE,
)

_FLAG_REASONS: Final = {
    FLAG_INJECTION: "This answer contains instructions aimed at the marker, so none of it is credited; "
    "a tutor will review it.",
    FLAG_RECITAL: "Repeating the criterion's wording earns nothing — say what you actually did.",
    FLAG_KEYWORDS: "A list of terms earns nothing — say what you did with them and why.",
    FLAG_PADDING: "Repeated or filler words earn nothing — describe one piece of your own work.",
}


def listing(labels: Sequence[str]) -> str:
    labels = list(dict.fromkeys(labels))
    if not labels:
        return ""
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def flagged(flag: str) -> str:
    return _FLAG_REASONS.get(flag, "This part of the answer earns nothing.")


POSSIBLE: Final = POSSIBLE_NOTE


def evidenced(
    labels: Sequence[str], specifics: Sequence[str], distinction: bool, possible: bool = False
) -> str:
    detail = f" ({', '.join(specifics)})" if specifics else ""
    verdict = (
        f"evidenced ({POSSIBLE}: give another example or more detail)" if possible else "evidenced"
    )
    if distinction:
        return f"You evaluated your own work on {listing(labels)}{detail} — {verdict}."
    return f"You described what you did on {listing(labels)}{detail} — {verdict}."


def thin(labels: Sequence[str]) -> str:
    return (
        f"You showed {listing(labels)} once — {POSSIBLE}: add a second example from your own work, "
        "or what came of it."
    )


def other_object(labels: Sequence[str]) -> str:
    return (
        f"You described {listing(labels)}, but nothing says it was machine-learning or data work: "
        "say what the model or data was."
    )


def needs_evaluation(labels: Sequence[str]) -> str:
    return (
        f"You described {listing(labels)} from your own work but didn't evaluate it: say why you "
        "chose it, what the impact was, or what you'd do differently."
    )


def not_concrete(labels: Sequence[str]) -> str:
    return (
        f"You described {listing(labels)}, but in general terms: name the tool, the people or "
        "the figures, or measure what came of it."
    )


def missing_core(done: Sequence[str], core: Sequence[str]) -> str:
    return (
        f"You covered {listing(done)}, but not {listing(core[:2])}, which this criterion turns on."
    )


def core_not_own(core: Sequence[str]) -> str:
    return (
        f"You mentioned {listing(core)}, but not as something you did yourself: say what you did "
        '("I set...", "we agreed...").'
    )


def missing_more(done: Sequence[str], missing: Sequence[str]) -> str:
    return f"You described {listing(done)} from your own work; also cover {listing(missing[:2])}."


def no_practice(mentioned: Sequence[str], hypothetical: bool, hedged: bool = False) -> str:
    if hedged:
        return (
            f'You mentioned {listing(mentioned)}, but tentatively ("I think", "not really"): '
            "say plainly what you did."
        )
    if hypothetical:
        return f"You said what you would do about {listing(mentioned)}, not what you did."
    return f"You named {listing(mentioned)} but not what you did about it."


def not_covered(wanted: Sequence[str]) -> str:
    return f"Not covered yet: talk about {listing(wanted[:2])} from your own work."


def empty() -> str:
    return "No answer to score."
