"""Sentences for speech that arrives without punctuation, and the fillers and false starts taken out of
what the scorer reads (issue #20; docs/scoring.md, "Segmentation").

Some speech-to-text engines print lower-case words and nothing else, so a two-minute answer is one
"sentence": its quote is the whole answer, and a first-person action anywhere makes all of it own
practice. `segment` cuts such a run-on stretch where a speaker starts a new sentence: before a
discourse marker ("so", "and then", "after that", "the reason was", "what I did was"), and, in a
piece still too long, before a clause start ("...the logs it meant I needed..."). No piece is shorter
than SPAN_LEAST_WORDS words and none longer than SPAN_MOST_WORDS words read (SPAN_MOST_TOKENS with
fillers and false starts counted); every piece is exact
(answer[start:end] == text) and together they hold every word of the sentence they came from.

Fillers ("um", "er", "you know", "I mean") and false starts ("I- I mean", "when I when I") are taken
out before deciding where to cut, and `fluent` takes them out of the text the scorer reads, so they
neither earn credit nor block it. The word lists are data: rules/segmentation.toml.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Final

from pydantic import BaseModel, ConfigDict, ValidationError

from practice_bot.errors import UserError
from practice_bot.scoring.markers import POSSESSIVES, is_action
from practice_bot.scoring.text import Span, normalise
from practice_bot.scoring.thresholds import (
    RUN_ON_WORDS,
    SPAN_LEAST_WORDS,
    SPAN_MOST_TOKENS,
    SPAN_MOST_WORDS,
    SPAN_TARGET_WORDS,
)

RULES_DIR: Final = Path(__file__).resolve().parent / "rules"
SEGMENTATION_FILE: Final = "segmentation.toml"

_TOKEN: Final = re.compile(r"\S+")
_EDGE: Final = string.punctuation + "…–—‘’“”«»"  # stripped from a word's edges
_PHRASE_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# A word ending with one of these (or starting with an opening mark) is a pause: a run-on stretch is
# a run of words without one.
_PAUSE_END: Final = ",;:.!?)]\"'-–—…"
_PAUSE_START: Final = "([\"'-–—"

# After a word of `clause_ends`, a cut is made before these when they open a clause ("and I", "but")
_NEW_CLAUSE: Final = frozenset({"and", "but"})

# Subjects of a relative clause after a noun of `relative_heads` ("the model I built")
_RELATIVE_SUBJECTS: Final = frozenset({"i", "we", "i'd", "i've", "we'd", "we've"})

# Glue words that end a clause before a subject all the same ("...done really I move on")
_CLAUSE_ENDING: Final = frozenset({"really", "actually", "now"})

# A preposition left at the end of its clause ("...the team were pleased with | in terms of tracking
# it..."): an opener after it starts a sentence all the same
_STRANDED: Final = frozenset(
    {"with", "to", "for", "about", "of", "from", "by", "into", "onto", "at", "in", "on", "over"}
)

# The most words a "*" of an opener stands for ("on the * side": "on the data side", "on the
# equality and inclusion side")
OPENER_GAP: Final = 3

# Scores of a place to cut (before a word).
_MARKER: Final = 4
_CLAUSE: Final = 3
_JOINT: Final = 2
_PAUSE: Final = 1


class SegmentationRules(BaseModel):
    """The [segmentation] table of rules/segmentation.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fillers: list[str]
    markers: list[str]
    clause_starts: list[str]
    joints: list[str]
    not_markers: list[str]
    glue: list[str]
    # glue words that end a clause before "and I", "but": "...doing it and I wrote a parser"
    clause_ends: list[str] = []
    # nouns a clause start after them describes ("the model I work on"): no cut there, but a marker
    # still cuts ("the model so...")
    relative_heads: list[str] = []
    # topic openers: "on the * side", "at the * stage", "in terms of *" ("*": one to three words); a
    # new sentence starts here, as a marker does, and after an object pronoun too ("...with them on
    # the inclusion side honestly I haven't..."): the topic goes with what is said about it
    openers: list[str] = []


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    segmentation: SegmentationRules


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The word lists, as word tuples indexed by their first word."""

    fillers: dict[str, tuple[Phrase, ...]]
    markers: dict[str, tuple[Phrase, ...]]
    clause_starts: dict[str, tuple[Phrase, ...]]
    joints: dict[str, tuple[Phrase, ...]]
    not_markers: dict[str, tuple[Phrase, ...]]
    glue: frozenset[str]
    clause_ends: frozenset[str]
    relative_heads: frozenset[str]
    # the openers as (words before the "*", words after it)
    openers: dict[str, tuple[tuple[Phrase, Phrase], ...]]
    # glue, less object pronouns and "really": after these a subject does not start a clause in
    # speech without commas (scope.clauses)
    clause_glue: frozenset[str]
    # For the quick check that a sentence has no filler: the one-word fillers, the longer ones
    one_word: frozenset[str]
    phrases: tuple[str, ...]

    @classmethod
    def of(cls, rules: SegmentationRules) -> Segmentation:
        def index(phrases: list[str]) -> dict[str, tuple[Phrase, ...]]:
            out: dict[str, list[Phrase]] = {}
            for p in phrases:
                words = tuple(p.split())
                out.setdefault(words[0], []).append(words)
            # longest first, so "and then" is tried before "and"
            return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}

        return cls(
            fillers=index(rules.fillers),
            markers=index(rules.markers),
            clause_starts=index(rules.clause_starts),
            joints=index(rules.joints),
            not_markers=index(rules.not_markers),
            glue=frozenset(rules.glue),
            clause_ends=frozenset(rules.clause_ends),
            relative_heads=frozenset(rules.relative_heads),
            openers=_openers(rules.openers),
            clause_glue=frozenset(rules.glue) - _CLAUSE_ENDING - frozenset(rules.clause_ends),
            one_word=frozenset(p for p in rules.fillers if " " not in p),
            phrases=tuple(p for p in rules.fillers if " " in p),
        )


def _openers(phrases: list[str]) -> dict[str, tuple[tuple[Phrase, Phrase], ...]]:
    out: dict[str, list[tuple[Phrase, Phrase]]] = {}
    for p in phrases:
        head, _, tail = p.partition("*")
        pair = (tuple(head.split()), tuple(tail.split()))
        out.setdefault(pair[0][0], []).append(pair)
    return {k: tuple(v) for k, v in out.items()}


def _phrase_problems(rules: SegmentationRules) -> list[tuple[str, str]]:
    out = []
    for i, phrase in enumerate(rules.openers):
        head, _, tail = phrase.partition("*")
        words = head.split() + tail.split()
        if not head.split() or not all(_PHRASE_WORD.fullmatch(w) for w in words) or "*" in tail:
            out.append(
                (
                    f"segmentation.openers[{i}]",
                    f"{phrase!r}: an opener is lower-case words, with at most one '*' (one to "
                    f"{OPENER_GAP} words) after the first word",
                )
            )
    for name in (
        "fillers",
        "markers",
        "clause_starts",
        "joints",
        "not_markers",
        "glue",
        "clause_ends",
        "relative_heads",
    ):
        for i, phrase in enumerate(getattr(rules, name)):
            words = phrase.split()
            if not words or not all(_PHRASE_WORD.fullmatch(w) for w in words):
                out.append(
                    (
                        f"segmentation.{name}[{i}]",
                        f"{phrase!r}: a phrase is lower-case words (letters, digits, an apostrophe "
                        "inside a word) separated by spaces",
                    )
                )
            elif name in ("glue", "clause_ends", "relative_heads") and len(words) > 1:
                out.append((f"segmentation.{name}[{i}]", f"{phrase!r}: {name} are single words"))
    return out


def read_segmentation(
    directory: Path = RULES_DIR,
) -> tuple[Segmentation | None, list[tuple[str, str]]]:
    """The segmentation rules of `directory`, or None, with the problems found as (key, message)."""
    path = directory / SEGMENTATION_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [("(file)", "missing: unpunctuated speech would not be segmented")]
    except tomllib.TOMLDecodeError as exc:
        return None, [("(file)", f"not valid TOML: {exc}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [("(file)", f"cannot read: {exc}")]
    try:
        rules = _File.model_validate(data).segmentation
    except ValidationError as exc:
        return None, [
            (".".join(str(p) for p in err["loc"]) or "(file)", err["msg"]) for err in exc.errors()
        ]
    problems = _phrase_problems(rules)
    return (None if problems else Segmentation.of(rules)), problems


@lru_cache(maxsize=4)
def load_segmentation(directory: Path = RULES_DIR) -> Segmentation:
    """The segmentation rules; a problem is a UserError naming the file and key."""
    got, problems = read_segmentation(directory)
    if got is None:
        listed = "\n  ".join(f"{SEGMENTATION_FILE}: {k}: {m}" for k, m in problems[:10])
        raise UserError(f"the scorer's rules in {directory} have problems:\n  {listed}")
    return got


# ------------------------------------------------------------------------------------------- words


def word_key(token: str) -> str:
    """A token as the word lists spell it: normalised, lower case, marks at its edges dropped."""
    return normalise(token).strip(_EDGE)


def _starts(keys: list[str], at: int, index: dict[str, tuple[Phrase, ...]]) -> int:
    """Length of the longest phrase of `index` starting at keys[at] (0: none)."""
    for phrase in index.get(keys[at], ()):
        if tuple(keys[at : at + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def opener(keys: list[str], at: int, seg: Segmentation) -> int:
    """Length of the topic opener of `seg` starting at keys[at] ("on the data side": 4; 0: none)."""
    for head, tail in seg.openers.get(keys[at], ()):
        end = at + len(head)
        if tuple(keys[at:end]) != head:
            continue
        if not tail:
            return len(head)  # "in terms of", "as for"
        for gap in range(1, OPENER_GAP + 1):
            if tuple(keys[end + gap : end + gap + len(tail)]) == tail:
                return len(head) + gap + len(tail)
    return 0


def _repeats_near(keys: list[str]) -> bool:
    """Whether a word comes again within three words (what any repeat of one to three words needs)."""
    last: dict[str, int] = {}
    for i, k in enumerate(keys):
        if i - last.get(k, -9) <= 3:
            return True
        last[k] = i
    return False


def _may_be_disfluent(text: str, keys: list[str], seg: Segmentation) -> bool:
    """False when `text` (its words' `keys`) certainly holds no filler or false start."""
    if "- " in text or not seg.one_word.isdisjoint(keys) or _repeats_near(keys):
        return True
    joined = f" {' '.join(keys)} "
    return any(f" {p} " in joined for p in seg.phrases)


def disfluent(tokens: list[str], seg: Segmentation) -> set[int]:
    """Indices of the tokens that are fillers or false starts: a word cut off with a dash ("I- I"),
    a filler phrase, or a word or two or three said twice in a row ("when I when I worked")."""
    keys = [t.strip(_EDGE).casefold() for t in tokens]
    if not _may_be_disfluent(" ".join(tokens) + " ", keys, seg):
        return set()  # nothing to take out (most sentences)
    cut_off = [i for i, t in enumerate(tokens[:-1]) if t.endswith("-") and keys[i]]
    drop = set(cut_off)  # cut off: "I- I mean", "we tr- we tried"
    words = [i for i in range(len(tokens)) if keys[i] and i not in drop]
    seq = [keys[i] for i in words]
    p = 0
    while p < len(seq):
        n = _starts(seq, p, seg.fillers)
        if n:
            drop.update(words[p : p + n])
            del words[p : p + n], seq[p : p + n]
            continue
        p += 1
    p = 0
    while p < len(seq):
        for n in (3, 2, 1):
            if (
                p + 2 * n <= len(seq)
                and seq[p] == seq[p + n]
                and seq[p : p + n] == seq[p + n : p + 2 * n]
            ):
                drop.update(words[p : p + n])
                del words[p : p + n], seq[p : p + n]
                break
        else:
            p += 1
    return drop


def fluent(norm: str, seg: Segmentation) -> str:
    """`norm` without its fillers and false starts (each with the space and marks after it)."""
    keys = [t.strip(_EDGE).casefold() for t in norm.split()]
    if not _may_be_disfluent(norm + " ", keys, seg):
        return norm  # nothing to take out (most sentences)
    spans = [m.span() for m in _TOKEN.finditer(norm)]
    drop = disfluent([norm[a:b] for a, b in spans], seg)
    if not drop:
        return norm
    out: list[str] = []
    at = 0
    for i in sorted(drop):
        a = spans[i][0]
        end = spans[i + 1][0] if i + 1 < len(spans) else len(norm)
        if i + 1 == len(spans) and i:  # the last word: drop the space before it instead
            a = spans[i - 1][1]
        out.append(norm[at:a])
        at = max(at, end)
    out.append(norm[at:])
    return "".join(out)


def fluent_pair(text: str, norm: str, seg: Segmentation) -> tuple[str, str]:
    """`text` and `norm` (it normalised) without their fillers and false starts."""
    read = fluent(norm, seg)
    return (text, norm) if read is norm else (fluent(text, seg), read)


# ---------------------------------------------------------------------------------------- segmenting


def _pause(token: str) -> bool:
    return token[-1] in _PAUSE_END or token[0] in _PAUSE_START


def _longest_run(tokens: list[str], skip: set[int] | frozenset[int] = frozenset()) -> int:
    """The most words in a row without a pause (the tokens at `skip` not counted)."""
    best = run = 0
    for i, t in enumerate(tokens):
        if i in skip:
            continue  # a false start's dash ("I- I") is no pause
        run += 1
        best = max(best, run)
        if _pause(t):
            run = 0
    return best


def _merge_chunks(answer: str, spans: list[Span]) -> list[list[Span]]:
    """Group the pieces text.split_sentences cut an over-long sentence into (consecutive spans with
    only spaces between them, the first not ending a sentence)."""
    groups: list[list[Span]] = []
    for s in spans:
        if groups:
            prev = groups[-1][-1]
            gap = answer[prev.end : s.start]
            if gap and gap.isspace() and "\n" not in gap and prev.text[-1] not in ".!?\"')]":
                groups[-1].append(s)
                continue
        groups.append([s])
    return groups


def segment(answer: str, spans: list[Span], seg: Segmentation) -> list[Span]:
    """`spans` (text.split_sentences of `answer`) with every run-on or over-long one cut into pieces."""
    out: list[Span] = []
    for group in _merge_chunks(answer, spans):
        whole = Span(group[0].start, group[-1].end, answer[group[0].start : group[-1].end])
        pieces = _cut(answer, whole, seg)
        out.extend(group if len(pieces) == 1 and len(group) > 1 else pieces)
    return out


def _cut(answer: str, span: Span, seg: Segmentation) -> list[Span]:
    if len(span.text.split()) <= RUN_ON_WORDS:
        return [span]  # neither run-on nor over-long
    at = span.start
    bounds = [(at + m.start(), at + m.end()) for m in _TOKEN.finditer(span.text)]
    tokens = [answer[a:b] for a, b in bounds]
    # a run-on sentence: too many words without a pause, fillers and false starts not counted
    run_on = (
        len(tokens) > RUN_ON_WORDS and _longest_run(tokens, disfluent(tokens, seg)) > RUN_ON_WORDS
    )
    if len(tokens) <= SPAN_MOST_WORDS and not run_on:
        return [span]
    cuts = _Cutter(tokens, seg, run_on).cuts()
    starts = [0, *cuts, len(tokens)]
    return [
        Span(bounds[a][0], bounds[b - 1][1], answer[bounds[a][0] : bounds[b - 1][1]])
        for a, b in pairwise(starts)
    ]


class _Cutter:
    """Where to cut one run-on or over-long sentence (token indices: a cut before tokens[i])."""

    def __init__(self, tokens: list[str], seg: Segmentation, run_on: bool) -> None:
        self.tokens = tokens
        self.seg = seg
        self.run_on = run_on
        drop = disfluent(tokens, seg)
        # the words read (not fillers, false starts or bare marks), as token indices and keys
        self.kept = [i for i, t in enumerate(tokens) if i not in drop and word_key(t)]
        self.keys = [word_key(tokens[i]) for i in self.kept]

    def score(self, p: int) -> int:
        """How good a place to cut, before kept word p, is (0: not one)."""
        keys, seg = self.keys, self.seg
        pause = _PAUSE if _pause(self.tokens[self.kept[p - 1]]) else 0
        opens = opener(keys, p, seg) or (
            keys[p] == "and" and p + 1 < len(keys) and opener(keys, p + 1, seg)
        )
        if not pause and keys[p - 1] in seg.glue:
            if opens and (keys[p - 1] in seg.clause_ends or keys[p - 1] in _STRANDED):
                return _MARKER  # "...with them on the inclusion side I...", "...pleased with in terms of"
            # "...doing it and I wrote a parser": a clause start after an object ends its clause
            if (
                keys[p - 1] in seg.clause_ends
                and keys[p] == "so"
                and p + 1 < len(keys)
                and keys[p + 1] in _RELATIVE_SUBJECTS
            ):
                return _MARKER  # "...forty people can see it | so I moved the secrets"
            if keys[p - 1] in seg.clause_ends and keys[p] in _NEW_CLAUSE:
                n = _starts(keys, p, seg.clause_starts)
                return _CLAUSE if n > 1 or keys[p] == "but" else 0
            return 0
        if _starts(keys, p, seg.not_markers):
            return pause
        if (
            opens
            or _starts(keys, p, seg.markers)
            or (keys[p] == "and" and p + 1 < len(keys) and _starts(keys, p + 1, seg.markers) > 1)
        ):
            return _MARKER + pause  # "... and the knock-on was": the "and" opens the new sentence
        if _starts(keys, p, seg.clause_starts):
            if not pause and keys[p - 1] in seg.relative_heads and keys[p] in _RELATIVE_SUBJECTS:
                return 0  # "the risk model I work on is trained on...": one clause
            if not pause and keys[p] in POSSESSIVES and is_action(keys[p - 1]):
                # "my", "our" after a verb: "a cyber attack took our scheduling system offline"
                return 0  # its object's, not a new clause's
            return _CLAUSE + pause
        if _starts(keys, p, seg.joints):
            return _JOINT + pause
        return pause

    def _token(self, p: int) -> int:
        """The token a cut before kept word p starts at (fillers before the word go with it)."""
        if p == 0:
            return 0
        return len(self.tokens) if p == len(self.kept) else self.kept[p - 1] + 1

    def cuts(self) -> list[int]:
        n = len(self.kept)
        marks: list[int] = []
        if self.run_on:
            last = 0
            for p in range(SPAN_LEAST_WORDS, n - SPAN_LEAST_WORDS + 1):
                if p - last >= SPAN_LEAST_WORDS and self.score(p) >= _MARKER:
                    marks.append(p)
                    last = p
        words: list[int] = []
        for a, b in pairwise([0, *marks, n]):
            words.extend(self._refine(a, b))
            words.append(b)
        cuts = [self._token(p) for p in words[:-1]]
        return self._bounded(cuts)

    def _refine(self, a: int, b: int) -> list[int]:
        """Cuts (kept word indices) inside the piece of kept words a..b, so that it is not too long."""
        long = b - a > SPAN_MOST_WORDS  # words read: fillers do not move a cut (_bounded does)
        if not long and not (self.run_on and b - a > SPAN_TARGET_WORDS):
            return []
        middle = (a + b) / 2
        best, best_key = 0, (0, 0.0)
        for p in range(a + SPAN_LEAST_WORDS, b - SPAN_LEAST_WORDS + 1):
            s = self.score(p)
            key = (s, -abs(p - middle))
            if s >= (_PAUSE if long else _CLAUSE) and key > best_key:
                best, best_key = p, key
        if not best:
            if not long or b - a < 2:
                return []
            best = int(middle)
        return [*self._refine(a, best), best, *self._refine(best, b)]

    def _bounded(self, cuts: list[int]) -> list[int]:
        """`cuts` (token indices) with more added wherever a piece still has too many tokens (only
        when fillers, false starts or bare marks pile up: pieces are cut by the words read)."""
        out: list[int] = []
        for a, b in pairwise([0, *cuts, len(self.tokens)]):
            at = a + SPAN_MOST_TOKENS
            while b - at > 0:
                out.append(at)
                at += SPAN_MOST_TOKENS
            out.append(b)
        return out[:-1]
