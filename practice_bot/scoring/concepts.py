"""Concept slots: the ideas each criterion needs, written as phrases an apprentice might say.

The rules live in TOML under scoring/rules/ (ruleset.py reads them); this module compiles them into one
Lexicon and builds fallback slots from a criterion's own words when a criterion has no entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from practice_bot.rubric.models import Criterion
from practice_bot.scoring.lexicon import Lexicon
from practice_bot.scoring.markers import MarkerIds, register
from practice_bot.scoring.ruleset import RULES_DIR, CriterionSpec, SlotSpec, load_rules
from practice_bot.scoring.segment import Segmentation, load_segmentation
from practice_bot.scoring.text import normalise, word_set, words
from practice_bot.scoring.thresholds import DEFAULT_NEED, DEFAULT_PER_SENTENCE


@dataclass(frozen=True, slots=True, kw_only=True)
class Slot:
    label: str
    core: bool
    terms: frozenset[int]  # phrase ids: a sentence naming any of them names the slot
    combos: tuple[tuple[frozenset[int], ...], ...]  # or one phrase of every group of one combo
    unless: frozenset[int] = frozenset()  # phrase ids giving the slot's words another sense
    # the criterion's setting: a plain statement of it counts (rules: `setting`)
    setting: bool = False
    required: bool = False  # every pass needs it supported (rules: `required`)

    def combo_matches(self, found: AbstractSet[int]) -> bool:
        return any(all(not g.isdisjoint(found) for g in combo) for combo in self.combos)


@dataclass(frozen=True, slots=True, kw_only=True)
class Concepts:
    """One criterion's slots, compiled against the book's lexicon."""

    slots: tuple[Slot, ...]
    need: int
    per_sentence: int
    data_work: bool = False  # data work is the criterion's object too, not ML work alone

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sl.label for sl in self.slots)

    @property
    def core(self) -> tuple[int, ...]:
        """Indices of the core slots."""
        return tuple(k for k, sl in enumerate(self.slots) if sl.core)

    @property
    def required(self) -> tuple[int, ...]:
        """Indices of the slots every pass needs supported, as well as a core one."""
        return tuple(k for k, sl in enumerate(self.slots) if sl.required)

    @property
    def setting(self) -> frozenset[int]:
        """Indices of the slots a plain statement may support (the criterion's setting)."""
        return frozenset(k for k, sl in enumerate(self.slots) if sl.setting)

    @property
    def wanted(self) -> tuple[str, ...]:
        """The labels, core slots first."""
        return tuple(sl.label for sl in self.slots if sl.core) + tuple(
            sl.label for sl in self.slots if not sl.core
        )


# A sentence's slot hits: (criterion index, the slots of it the sentence names) for each criterion
# of a batch it names slots of, in criterion order, the slots in order.
Named = tuple[tuple[int, list[int]], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Batch:
    """The concepts of the criteria scored together, indexed by phrase so a sentence's phrases are
    looked up once for all of them."""

    ids: tuple[str, ...]  # of the criteria
    concepts: tuple[Concepts, ...]
    # a slot phrase id -> ids of the phrases giving it another sense ("vulnerab*": "vulnerable patient*")
    senses: dict[int, frozenset[int]]
    by_phrase: dict[int, tuple[tuple[int, int], ...]]  # term id -> (criterion index, slot index)
    combos: tuple[tuple[int, int], ...]  # (criterion index, slot index) of slots with combos
    # the book's lexicon cut down to these criteria's phrases and the markers (same phrase ids)
    lexicon: Lexicon

    @classmethod
    def of(
        cls,
        ids: tuple[str, ...],
        concepts: Sequence[Concepts],
        lexicon: Lexicon,
        markers: MarkerIds,
        senses: dict[int, frozenset[int]],
    ) -> Batch:
        by_phrase: dict[int, list[tuple[int, int]]] = {}
        for ci, c in enumerate(concepts):
            for k, sl in enumerate(c.slots):
                for pid in sl.terms:
                    by_phrase.setdefault(pid, []).append((ci, k))
        combos = tuple(
            (ci, k) for ci, c in enumerate(concepts) for k, sl in enumerate(c.slots) if sl.combos
        )
        combo_terms = {
            pid
            for ci, k in combos
            for combo in concepts[ci].slots[k].combos
            for group in combo
            for pid in group
        }
        unless = {pid for c in concepts for sl in c.slots for pid in sl.unless}
        terms = frozenset(by_phrase).union(combo_terms)
        marked = frozenset().union(*astuple(markers))
        sensed = {pid: other for pid, other in senses.items() if pid in terms or pid in marked}
        wanted = terms.union(unless, *sensed.values(), marked)
        return cls(
            ids=ids,
            concepts=tuple(concepts),
            senses=sensed,
            by_phrase={pid: tuple(v) for pid, v in by_phrase.items()},
            combos=combos,
            lexicon=lexicon.subset(wanted),
        )

    def in_sense(
        self, found: AbstractSet[int], context: AbstractSet[int] | None = None
    ) -> set[int]:
        """The phrases `found` in a sentence (or some of its clauses), less those the sentence, whose
        phrases are `context` (`found` itself by default), uses in another sense (senses.toml)."""
        context = found if context is None else context
        return {p for p in found if self.senses.get(p, frozenset()).isdisjoint(context)}

    def named(self, found: AbstractSet[int], whole: AbstractSet[int] | None = None) -> Named:
        """The slots of each criterion that a sentence naming the phrases `found` names (`whole`: the
        phrases of the whole sentence, when `found` holds those of some of its clauses only)."""
        context = found if whole is None else whole
        if self.senses:  # a phrase used in another sense here ("vulnerable patients") names nothing
            found = self.in_sense(found, context)
        out: dict[int, set[int]] = {}
        for pid in found:
            for ci, k in self.by_phrase.get(pid, ()):
                out.setdefault(ci, set()).add(k)
        for ci, k in self.combos:
            if k not in out.get(ci, ()) and self.concepts[ci].slots[k].combo_matches(found):
                out.setdefault(ci, set()).add(k)
        for ci, ks in out.items():  # another sense of the slot's words ("sustainable" code)
            ks.difference_update(
                [k for k in ks if not self.concepts[ci].slots[k].unless.isdisjoint(context)]
            )
        return tuple((ci, sorted(out[ci])) for ci in sorted(out) if out[ci])


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
        self,
        specs: dict[str, CriterionSpec],
        markers: dict[str, tuple[str, ...]],
        segmentation: Segmentation | None = None,
        senses: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        # how run-on speech is cut and what fillers are read out (segment.py)
        self.segmentation = segmentation or load_segmentation()
        self.lexicon = Lexicon()
        self.markers = register(self.lexicon, markers)
        self._specs = specs
        self.senses = {
            self.lexicon.add(p): frozenset(self.lexicon.add(o) for o in others)
            for p, others in (senses or {}).items()
        }
        self._compiled: dict[str, Concepts] = {}
        self._batches: dict[tuple[str, ...], Batch] = {}
        for cid, cs in specs.items():  # now, so phrase ids are stable and the first answer is fast
            self._compiled[cid] = self._compile(cs)

    @property
    def version(self) -> int:
        """Changes when phrases are added (a criterion without rules compiled from its own words):
        what was found in a sentence before may no longer be all it names."""
        return len(self.lexicon.texts)

    def _compile(self, cs: CriterionSpec) -> Concepts:
        lex = self.lexicon
        slots = tuple(
            Slot(
                label=s.label,
                core=s.core,
                terms=frozenset(lex.add(p) for p in s.terms),
                combos=tuple(tuple(frozenset(lex.add(p) for p in g) for g in c) for c in s.combos),
                unless=frozenset(lex.add(p) for p in s.unless),
                setting=s.setting,
                required=s.required,
            )
            for s in cs.slots
        )
        return Concepts(
            slots=slots,
            need=min(cs.need, len(slots)),
            per_sentence=cs.per_sentence,
            data_work=cs.data_work,
        )

    def batch(self, criteria: Sequence[Criterion]) -> Batch:
        key = tuple(c.id for c in criteria)
        got = self._batches.get(key)
        if got is None:
            concepts = [self.concepts(c) for c in criteria]
            got = self._batches[key] = Batch.of(
                key, concepts, self.lexicon, self.markers, self.senses
            )
        return got

    def concepts(self, criterion: Criterion) -> Concepts:
        got = self._compiled.get(criterion.id)
        if got is None:
            cs = self._specs.get(criterion.id) or _fallback(criterion)
            got = self._compiled[criterion.id] = self._compile(cs)
        return got


@lru_cache(maxsize=4)
def concept_book(directory: Path = RULES_DIR) -> ConceptBook:
    """The compiled rules of `directory` (the package's own by default)."""
    rules = load_rules(directory)
    return ConceptBook(rules.criteria, rules.markers, load_segmentation(directory), rules.senses)
