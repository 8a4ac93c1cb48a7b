"""People's words for the app's ids and codes: a short title beside each criterion id (pass-1), topic
names for topic ids, and what each answer flag (recital, keyword_list) means. Headless; every front
end and report uses these, so a learner never has to decode an id."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

TITLES_FILE = Path(__file__).with_name("rubric") / "titles.toml"

FLAG_WORDS = {
    "recital": "it repeats the criterion's own wording; say what you did instead",
    "keyword_list": "it lists terms without saying what you did with them",
    "padding": "much of it repeats itself or adds no new evidence",
    "injection": "it holds instructions aimed at the marker; those earn nothing",
    "offtopic": "it strays from this topic",
    "unverified_quote": "a quote the LLM gave was not in your answer, so it was dropped",
    "scorer_disagreement": "the two scorers disagreed; a tutor should look at it",
}

# Short names for the flags, for lists (a tutor's "flagged for review" line).
FLAG_NAMES = {
    "recital": "repeats the criterion",
    "keyword_list": "list of keywords",
    "padding": "padding",
    "injection": "instructions to the marker",
    "offtopic": "off topic",
    "unverified_quote": "unverified quote",
    "scorer_disagreement": "scorers disagree",
    "tutor_doubt": "a tutor doubts the credit",
}


@cache
def titles() -> dict[str, str]:
    data = tomllib.loads(TITLES_FILE.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, str)}


def criterion_title(criterion_id: str) -> str:
    """The criterion's short title, "" if it has none."""
    return titles().get(criterion_id, "")


def criterion_label(criterion_id: str) -> str:
    """`pass-1 ML lifecycle stages`: the id within its topic and its short title."""
    short = criterion_id.split("/", 1)[-1]
    title = criterion_title(criterion_id)
    return f"{short} {title}" if title else short


def flag_names(flags: Iterable[str]) -> str:
    """`list of keywords (keyword_list), ...`: each flag in words, with its code for tutors."""
    return ", ".join(f"{FLAG_NAMES.get(f, f)} ({f})" if f in FLAG_NAMES else f for f in flags)


def topic_names(topic_ids: Iterable[str]) -> str:
    """The topics' names (unknown ids as they are), comma-separated."""
    from practice_bot.rubric import load_rubric

    rubric = load_rubric()
    names = {t.id: t.name for t in rubric.topics}
    return ", ".join(names.get(t, t) for t in topic_ids)


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 question`, `2 questions`, `0 criteria` (give `many` for irregular plurals)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def duration_words(seconds: float) -> str:
    """`2 hours 5 minutes`, `3 minutes`, `40 seconds`, `3 days 2 hours`."""
    s = max(round(seconds), 0)
    if s < 60:
        return plural(s, "second")
    minutes, hours, days = s // 60, s // 3600, s // 86400
    if days:
        return plural(days, "day") + (f" {plural(hours % 24, 'hour')}" if hours % 24 else "")
    if hours:
        return plural(hours, "hour") + (
            f" {plural(minutes % 60, 'minute')}" if minutes % 60 else ""
        )
    return plural(minutes, "minute")


def minutes_words(seconds: float) -> str:
    """`about 5 minutes`, `1 minute`, `40 seconds`: never `0 minutes` or `1 minutes`."""
    if seconds < 60:
        return plural(max(round(seconds), 0), "second")
    return plural(round(seconds / 60), "minute")
