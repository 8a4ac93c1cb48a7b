"""Gaming defences: instructions aimed at the marker, recital of the criteria, keyword lists, padding.

Each check is deterministic and cheap; the scorer gives flagged parts no credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from practice_bot.scoring.injection import find_injections
from practice_bot.scoring.segment import load_segmentation
from practice_bot.scoring.text import normalise, stem, word_set, words
from practice_bot.scoring.thresholds import (
    DESCRIBED_ATTACK_CHARS,
    DIVERSITY_WINDOW,
    LIST_FIGURES,
    LIST_ITEM_WORDS,
    LIST_ITEMS,
    LIST_ITEMS_PER_VERB,
    LIST_SEPARATORS,
    LIST_SHORT_SHARE,
    RECITAL_RUN,
    RECITAL_SENTENCE_SHARE,
    SPACED_LETTERS,
)

_SPACED: Final = re.compile(r"\b(\w) (?=\w\b)")
_LEET: Final = str.maketrans("013457@$", "oieastas")
# A leet character between two letters ("ign0re").
_LEETY: Final = re.compile(r"(?<=[a-z])[013457@$](?=[a-z])")


# A quoted injection inside a sentence about security testing is a description, not an attack.
_SECURITY_TALK: Final = re.compile(
    r"\b(?:red[- ]team\w*|pen(?:etration)? test\w*|injection|jailbreak\w*|"
    r"attack\w*|guardrails?|adversarial|tested|test cases?)\b"
)
_QUOTED: Final = re.compile(r"[\"'“”‘’«»]([^\"'“”‘’«»]{3,200})[\"'“”‘’«»]")


# The one-letter words a text can have (its words are runs of [a-z0-9]).
_ONE_LETTER: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _one_letter_run(tokens: list[str]) -> bool:
    """Four one-letter words in a row: "i g n o r e"."""
    return _run_of(_ONE_LETTER, tokens, SPACED_LETTERS)


def injection_in(norm: str, tokens: list[str]) -> bool:
    """True when the normalised text (whose words, in order, are `tokens`) holds instructions for
    the marker."""
    variants = [norm]
    if _one_letter_run(tokens):
        variants.append(_SPACED.sub(r"\1", norm))  # "i g n o r e" -> "ignore"
    plain = _hesitations_out(norm)
    if plain != norm and _one_letter_run(words(plain)):
        variants.append(_SPACED.sub(r"\1", plain))  # "i g um n o r e" -> "ignore"
    if _LEETY.search(norm):
        variants.append(norm.translate(_LEET))  # "ign0re" -> "ignore"
    return any(
        not _described_attack(variant, m.start(), m.end())
        for variant in variants
        for m in find_injections(variant)
    )


def _hesitations_out(norm: str) -> str:
    """`norm` without one-word fillers and cut-off words ("um", "er", "i-"): said between spaced
    letters they would break "a s s e s s o r" into pieces (a repeated letter stays: it spells)."""
    fillers = load_segmentation().one_word

    def gone(m: re.Match[str]) -> str:
        token = m.group(1)
        hesitation = token.endswith("-") or token.strip(".,:;!?").casefold() in fillers
        return "" if hesitation else m.group(0)

    return re.sub(r"(\S+) ?", gone, norm)  # a word and one space after it: the spacing stays


def _described_attack(text: str, start: int, end: int) -> bool:
    near = DESCRIBED_ATTACK_CHARS
    if not _SECURITY_TALK.search(text, max(0, start - near), min(len(text), end + near)):
        return False
    return any(
        q.start() <= start and end <= q.end()
        for q in _QUOTED.finditer(text, max(0, start - near - 10))
    )


# --- recital -------------------------------------------------------------------------------------

_STOP: Final = word_set(
    "a an and the of to in on for with by their they them how that this these those as at be is are "
    "it its from into or whilst while which when"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RecitalIndex:
    """Word n-grams of a topic's criterion and KSB texts."""

    runs: frozenset[tuple[str, ...]]  # RUN-grams of stemmed words
    trigrams: tuple[frozenset[tuple[str, ...]], ...]  # content-word 3-grams, per source text
    all_trigrams: frozenset[tuple[str, ...]]
    vocabulary: frozenset[str]  # content-word stems of the criterion texts


RUN: Final = RECITAL_RUN


def _grams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(tokens[i:] for i in range(n)), strict=False))


def stems_of(tokens: Iterable[str]) -> list[str]:
    return [stem(t) for t in tokens]


def content(stems: list[str]) -> list[str]:
    return [s for s in stems if s not in _STOP]


@lru_cache(maxsize=64)
def recital_index(criteria: tuple[str, ...], ksbs: tuple[str, ...]) -> RecitalIndex:
    """Index of a topic's criterion texts and KSB texts."""
    runs: set[tuple[str, ...]] = set()
    trigrams: list[frozenset[tuple[str, ...]]] = []
    vocabulary: set[str] = set()
    for i, text in enumerate(criteria + ksbs):
        st = stems_of(words(normalise(text)))
        runs |= _grams(st, RUN)
        trigrams.append(frozenset(_grams(content(st), 3)))
        if i < len(criteria):
            vocabulary.update(echo_words(st))
    return RecitalIndex(
        runs=frozenset(runs),
        trigrams=tuple(trigrams),
        all_trigrams=frozenset().union(*trigrams),
        vocabulary=frozenset(vocabulary),
    )


def _run_of(words: frozenset[str], stems: list[str], n: int) -> bool:
    """Whether `stems` hold n in a row that are all in `words` (as any shared n-gram must)."""
    run = 0
    for s in stems:
        if s in words:
            run += 1
            if run >= n:
                return True
        else:
            run = 0
    return False


def echo_words(stems: list[str]) -> list[str]:
    """The content words that count towards echoing the criterion wording."""
    return [s for s in stems if s not in _STOP and len(s) > 2]


def echo_share_of(index: RecitalIndex, content_words: list[str]) -> tuple[float, int]:
    """Share of `content_words` (picked out by `echo_words`) that are words of the criterion texts,
    and their count."""
    if not content_words:
        return 0.0, 0
    vocabulary = index.vocabulary
    echoed = 0
    for w in content_words:
        if w in vocabulary:
            echoed += 1
    return echoed / len(content_words), len(content_words)


def shares_run(index: RecitalIndex, stems: list[str]) -> bool:
    """Whether `stems` hold a run of RUN words of the criterion or KSB wording."""
    return not index.runs.isdisjoint(_grams(stems, RUN))


def shared_trigrams(index: RecitalIndex, content_words: list[str]) -> set[tuple[str, ...]]:
    """The 3-grams of `content_words` (picked out by `content`) that the criterion texts share."""
    return _grams(content_words, 3) & index.all_trigrams


def recital_sentence(index: RecitalIndex, stems: list[str]) -> bool:
    """A sentence that copies a run of the criterion wording, or is mostly made of its phrases."""
    if shares_run(index, stems):
        return True
    tri = _grams(content(stems), 3)
    return len(tri) >= 3 and len(tri & index.all_trigrams) >= RECITAL_SENTENCE_SHARE * len(tri)


def recital_coverage(index: RecitalIndex, answer_trigrams: set[tuple[str, ...]]) -> float:
    """The largest share of any one criterion's content 3-grams found in the answer."""
    best = 0.0
    for grams in index.trigrams:
        if len(grams) >= 3:
            best = max(best, len(grams & answer_trigrams) / len(grams))
    return best


# --- keyword lists and padding --------------------------------------------------------------------

_ITEM_SPLIT: Final = re.compile(r"\s*(?:[,;/|+]|\band\b|\bor\b|\s-\s)\s*")


def list_items(text: str) -> list[str]:
    return [p for p in _ITEM_SPLIT.split(text.strip(" .:!?")) if p.strip()]


def keyword_sentence(text: str, verbs: int) -> bool:
    """A run of short items with hardly a verb: 'drift, PSI, MLflow, Grafana, retraining'."""
    separators = text.count(",") + text.count(";") + text.count("/") + text.count("|")
    if separators < LIST_SEPARATORS:
        return False
    items = list_items(text)
    if len(items) < LIST_ITEMS:
        return False
    if sum(1 for it in items if _FIGURE.search(it)) >= LIST_FIGURES:
        return False  # a note giving figures: "sales lags at 7, 14 and 28 days, promo flags..."
    short = sum(1 for it in items if len(it.split()) <= LIST_ITEM_WORDS)
    return short >= LIST_SHORT_SHARE * len(items) and verbs <= max(
        1, len(items) // LIST_ITEMS_PER_VERB
    )


# A figure on its own, not part of a name ("F1", "S3"): "7", "0.2", "28 days" (but "ISO 27001" is one).
_FIGURE: Final = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def window_diversity(tokens: list[str], size: int = DIVERSITY_WINDOW) -> float:
    """Mean type/token ratio over consecutive windows (length-independent, unlike plain TTR)."""
    if len(tokens) < size:
        return len(set(tokens)) / max(1, len(tokens))
    ratios = [len(set(tokens[i : i + size])) / size for i in range(0, len(tokens) - size + 1, size)]
    return sum(ratios) / len(ratios)
