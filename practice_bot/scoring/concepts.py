"""Concept slots: the ideas each criterion needs, written as phrases an apprentice might say.

The rules live in TOML under scoring/rules/ (ruleset.py reads them); this module compiles them into one
Lexicon and builds fallback slots from a criterion's own words when a criterion has no entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from practice_bot.rubric.models import Criterion
from practice_bot.scoring.lexicon import Lexicon
from practice_bot.scoring.markers import MarkerIds, register
from practice_bot.scoring.ruleset import RULES_DIR, CriterionSpec, SlotSpec, load_rules
from practice_bot.scoring.text import normalise, word_set, words
from practice_bot.scoring.thresholds import DEFAULT_NEED, DEFAULT_PER_SENTENCE


@dataclass(frozen=True)
class Slot:
    label: str
    core: bool
    terms: frozenset[int]
    combos: tuple[tuple[frozenset[int], ...], ...]

    def combo_matches(self, found: AbstractSet[int]) -> bool:
        return any(all(not g.isdisjoint(found) for g in combo) for combo in self.combos)


@dataclass(frozen=True)
class Concepts:
    slots: tuple[Slot, ...]
    need: int
    per_sentence: int
    by_phrase: dict[int, tuple[int, ...]] = field(default_factory=dict)  # term id -> slot indices
    combo_slots: tuple[int, ...] = ()
    labels: tuple[str, ...] = ()  # of the slots, in order
    core: tuple[int, ...] = ()  # indices of the core slots
    wanted: tuple[str, ...] = ()  # the labels, core slots first


HITS_CACHE: Final = 4096  # sets of phrases remembered per batch of criteria


@dataclass(frozen=True)
class Batch:
    """The concepts of several criteria, indexed together so a sentence is looked up once."""

    concepts: tuple[Concepts, ...]
    phrases: frozenset[int]
    by_phrase: dict[int, tuple[tuple[int, int], ...]]  # term id -> (criterion index, slot index)
    combos: tuple[tuple[int, int], ...]  # (criterion index, slot index) of slots with combos
    # every term id of the combos: a sentence naming none of them matches no combo
    combo_terms: frozenset[int] = frozenset()
    # the book's lexicon cut down to these criteria's phrases and the markers (same phrase ids)
    lexicon: Lexicon = field(default_factory=Lexicon)
    # the phrases whose ids matter to these criteria (slot terms and combo terms)
    relevant: frozenset[int] = frozenset()
    # `named` results by the relevant phrases a sentence names: few distinct sets recur
    known: dict[frozenset[int], tuple[tuple[int, list[int]], ...]] = field(default_factory=dict)
    # what analysis.facts found in a sentence, by its text (with this batch's lexicon)
    facts: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, concepts: Sequence[Concepts], lexicon: Lexicon, markers: MarkerIds) -> Batch:
        by_phrase: dict[int, list[tuple[int, int]]] = {}
        for ci, c in enumerate(concepts):
            for pid, ks in c.by_phrase.items():
                by_phrase.setdefault(pid, []).extend((ci, k) for k in ks)
        combos = tuple((ci, k) for ci, c in enumerate(concepts) for k in c.combo_slots)
        combo_terms = frozenset(
            pid
            for ci, k in combos
            for combo in concepts[ci].slots[k].combos
            for group in combo
            for pid in group
        )
        wanted = frozenset(by_phrase).union(combo_terms, *astuple(markers))
        return cls(
            tuple(concepts),
            frozenset(by_phrase),
            {pid: tuple(v) for pid, v in by_phrase.items()},
            combos,
            combo_terms,
            lexicon.subset(wanted),
            frozenset(by_phrase) | combo_terms,
        )

    def named(self, found: set[int]) -> tuple[tuple[int, list[int]], ...]:
        """For each criterion whose slots a sentence naming the phrases `found` matches: its index and
        those slots' indices, in order (shared: not to be changed)."""
        relevant = self.relevant.intersection(found)
        if not relevant:
            return ()
        key = frozenset(relevant)
        got = self.known.get(key)
        if got is None:
            if len(self.known) >= HITS_CACHE:
                self.known.clear()
            got = self.known[key] = self._named(key)
        return got

    def _named(self, found: frozenset[int]) -> tuple[tuple[int, list[int]], ...]:
        """`named`, worked out."""
        named = self.phrases.intersection(found)
        combos = self.combos if self.combos and not self.combo_terms.isdisjoint(found) else ()
        if not named and not combos:
            return ()
        out: dict[int, set[int]] = {}
        by_phrase = self.by_phrase
        for pid in named:
            for ci, k in by_phrase[pid]:
                got = out.get(ci)
                if got is None:
                    out[ci] = {k}
                else:
                    got.add(k)
        for ci, k in combos:
            got = out.get(ci)
            if (got is None or k not in got) and self.concepts[ci].slots[k].combo_matches(found):
                if got is None:
                    out[ci] = {k}
                else:
                    got.add(k)
        return tuple((ci, sorted(out[ci])) for ci in sorted(out))


# Words of a criterion's text that say nothing about its ideas (for fallback slots).
_FILLER: Final = word_set(
    "a an and the of to in on for with by their they them how explains explain outlines describes "
    "describe summarises articulates evaluates justifies justify critically use using used when "
    "which that this these those as at be being is are it its from into or whilst while all any "
    "machine learning ml ai solutions solution"
)


def _fallback(criterion: Criterion) -> CriterionSpec:
    content = [w for w in words(normalise(criterion.text)) if w not in _FILLER and len(w) > 3]
    unique = list(dict.fromkeys(content))[:8]
    slots = tuple(SlotSpec(label=w, core=False, terms=(w,), combos=()) for w in unique) or (
        SlotSpec(label="the criterion", core=False, terms=("criterion",), combos=()),
    )
    return CriterionSpec(
        slots=slots, need=min(DEFAULT_NEED, len(slots)), per_sentence=DEFAULT_PER_SENTENCE
    )


class ConceptBook:
    """Every criterion's compiled slots, sharing one Lexicon so a sentence is matched once."""

    def __init__(
        self, specs: dict[str, CriterionSpec], markers: dict[str, tuple[str, ...]]
    ) -> None:
        self.lexicon = Lexicon()
        self.markers = register(self.lexicon, markers)
        self._specs = specs
        self._compiled: dict[str, Concepts] = {}
        self._batches: dict[tuple[str, ...], Batch] = {}

    def _compile(self, cs: CriterionSpec) -> Concepts:
        lex = self.lexicon
        for b in self._batches.values():
            b.known.clear()  # the phrases a sentence names may be about to change
            b.facts.clear()
        slots = tuple(
            Slot(
                s.label,
                s.core,
                frozenset(lex.add(p) for p in s.terms),
                tuple(tuple(frozenset(lex.add(p) for p in g) for g in c) for c in s.combos),
            )
            for s in cs.slots
        )
        by_phrase: dict[int, list[int]] = {}
        for k, sl in enumerate(slots):
            for pid in sl.terms:
                by_phrase.setdefault(pid, []).append(k)
        return Concepts(
            slots,
            min(cs.need, len(slots)),  # (the rules loader caps it too)
            cs.per_sentence,
            {pid: tuple(ks) for pid, ks in by_phrase.items()},
            tuple(k for k, sl in enumerate(slots) if sl.combos),
            tuple(sl.label for sl in slots),
            tuple(k for k, sl in enumerate(slots) if sl.core),
            tuple(sl.label for sl in slots if sl.core)
            + tuple(sl.label for sl in slots if not sl.core),
        )

    def batch(self, criteria: Sequence[Criterion]) -> Batch:
        key = tuple(c.id for c in criteria)
        got = self._batches.get(key)
        if got is None:
            concepts = [self.concepts(c) for c in criteria]
            got = self._batches[key] = Batch.of(concepts, self.lexicon, self.markers)
        return got

    def concepts(self, criterion: Criterion) -> Concepts:
        got = self._compiled.get(criterion.id)
        if got is None:
            cs = self._specs.get(criterion.id) or _fallback(criterion)
            got = self._compiled[criterion.id] = self._compile(cs)
        return got

    def forget(self) -> None:
        """Forget the facts remembered by sentence text. (The slot hits remembered by the set of
        phrases a sentence names stay, like the words remembered by the lexicon: any text fills them,
        as few distinct sets recur.)"""
        for b in self._batches.values():
            b.facts.clear()

    def warm(self) -> None:
        """Compile every known criterion now (so phrase ids are stable and the first answer is fast)."""
        for cid, cs in self._specs.items():
            if cid not in self._compiled:
                self._compiled[cid] = self._compile(cs)


@lru_cache(maxsize=4)
def concept_book(directory: Path = RULES_DIR) -> ConceptBook:
    """The compiled rules of `directory` (the package's own by default)."""
    rules = load_rules(directory)
    book = ConceptBook(rules.criteria, rules.markers)
    book.warm()
    return book
