"""The offline scorer: deterministic, explainable, instant, no network.

Each criterion is split into concept slots (concepts_am1/am2.py). A sentence supports a slot when it
names the concept *and* shows the apprentice's own practice (markers.py). A criterion is evidenced when
enough slots are supported (one of them core); distinction criteria also need evaluation in or beside
the supporting sentences. Recital, keyword lists, padding and marker-directed instructions earn nothing
and are flagged (defences.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring import reasons
from practice_bot.scoring.analysis import Reading, Sentence, read
from practice_bot.scoring.base import (
    FLAG_INJECTION,
    FLAG_OFFTOPIC,
    GAMING_FLAGS,
    Assessment,
    Judgment,
    Status,
)
from practice_bot.scoring.concepts import Concepts, concept_book

MAX_QUOTES: Final = 3
# Distinction: sentences that reason or reflect, one of them reflecting.
EVALUATION_SENTENCES: Final = 2
OFFTOPIC_MIN_WORDS: Final = 25
OFFTOPIC_SHARE: Final = 0.2


def _evidence(sentences: Sequence[Sentence]) -> list[dict[str, str | int]]:
    """The quotes, as Evidence's fields (validated with the Judgment they go in, in one call)."""
    return [{"quote": s.text, "start": s.start, "end": s.end} for s in sentences[:MAX_QUOTES]]


def _specifics(sentences: Sequence[Sentence]) -> list[str]:
    out: list[str] = []
    if any(s.marks.tool for s in sentences):
        out.append("named tools")
    if any(s.marks.number for s in sentences):
        out.append("figures")
    if any(s.marks.outcome for s in sentences):
        out.append("the outcome")
    return out


def _supported(concepts: Concepts, support: list[tuple[Sentence, Sequence[int]]]) -> list[int]:
    """Slots supported by own-practice sentences, each sentence supporting at most `per_sentence`
    (those naming fewest slots first)."""
    cap = concepts.per_sentence
    named: set[int] = set()
    for _, slots in support:
        if len(slots) > cap:
            break
        named.update(slots)
    else:  # no sentence names more slots than it may support: every slot named is supported
        return sorted(named)
    got: list[int] = []
    for _, slots in sorted(support, key=_slot_count):
        new = [k for k in slots if k not in got]
        got.extend(new[:cap])
    return sorted(got)


def _slot_count(item: tuple[Sentence, Sequence[int]]) -> int:
    return len(item[1])


def judge(
    reading: Reading,
    criterion: Criterion,
    concepts: Concepts,
    named: Sequence[tuple[Sentence, Sequence[int]]],
) -> dict[str, Any]:
    """Judge one criterion, as a Judgment's fields (validated with the Assessment they go in, in one
    call); `named` pairs each sentence of the reading that matches any of its slots (in order) with
    the slots it matches."""
    if reading.zeroed:
        return {
            "criterion_id": criterion.id,
            "status": "not_yet",
            "reason": reasons.flagged(FLAG_INJECTION),
            "scorer": "offline",
            "flags": [FLAG_INJECTION],
            "review": True,
        }
    labels = concepts.labels
    core = concepts.core
    support: list[tuple[Sentence, Sequence[int]]] = []
    mentions: list[tuple[Sentence, Sequence[int]]] = []
    flags: set[str] = set()
    for s, hit in named:
        if s.excluded:
            flags.add(s.excluded)
        elif s.practice:
            support.append((s, hit))
        else:
            mentions.append((s, hit))
    flag_list = sorted(flags)
    review = bool(flags & GAMING_FLAGS)

    def made(status: Status, reason: str, quoted: Sequence[Sentence] = ()) -> dict[str, Any]:
        return {
            "criterion_id": criterion.id,
            "status": status,
            "evidence": _evidence(quoted),
            "reason": reason,
            "scorer": "offline",
            "flags": flag_list,
            "review": review,
        }

    supported = _supported(concepts, support) if support else []
    got = set(supported)
    supporting = [s for s, hit in support if not got.isdisjoint(hit)]
    done = [labels[k] for k in supported]
    core_ok = not core or not got.isdisjoint(core)
    if supported and core_ok and len(supported) >= concepts.need:
        if not any(s.marks.concrete for s in supporting):
            return made("partly", reasons.not_concrete(done), supporting)
        if criterion.level == "distinction":
            evaluating = _evaluation(
                reading.sentences, supporting, [s for s, _ in mentions if not s.excluded]
            )
            if len(evaluating) < EVALUATION_SENTENCES or not any(
                s.marks.reflection for s in evaluating
            ):
                return made("partly", reasons.needs_evaluation(done), supporting)
            quoted = sorted(
                {id(s): s for s in supporting + evaluating}.values(), key=lambda s: s.start
            )
            return made("evidenced", reasons.evidenced(done, _specifics(supporting), True), quoted)
        return made("evidenced", reasons.evidenced(done, _specifics(supporting), False), supporting)
    if supported:
        if not core_ok:
            return made("partly", reasons.missing_core(done, [labels[k] for k in core]), supporting)
        missing = [label for k, label in enumerate(labels) if k not in got]
        return made("partly", reasons.missing_more(done, missing), supporting)
    if mentions:
        named_labels = [labels[k] for _, hit in mentions for k in hit]
        hypothetical = all(s.marks.hypothetical for s, _ in mentions)
        return made(
            "partly", reasons.no_practice(named_labels, hypothetical), [s for s, _ in mentions]
        )
    if flags:
        return made("not_yet", reasons.flagged(flag_list[0]))
    return made("not_yet", reasons.not_covered(concepts.wanted))


def _evaluation(
    sentences: list[Sentence], supporting: list[Sentence], mentioning: list[Sentence]
) -> list[Sentence]:
    """Evaluation tied to the concept: in a sentence naming it, or beside a supporting one."""
    near: set[int] = {s.index for s in mentioning}
    for s in supporting:
        i = s.index
        near.update((i - 1, i, i + 1))
    return [
        sentences[i]
        for i in sorted(near)
        if 0 <= i < len(sentences) and sentences[i].marks.evaluation and not sentences[i].excluded
    ]


def _off_topic(named: Sequence[Sequence[tuple[int, Sequence[int]]]]) -> bool:
    """Hardly a concept of the topic: at most one slot named, in under a fifth of the sentences.
    `named[i]` pairs the criterion indices sentence i names slots of with those slots."""
    slots = {(ci, k) for n in named for ci, ks in n for k in ks}
    touched = sum(1 for n in named if n)
    return len(slots) <= 1 and touched < OFFTOPIC_SHARE * len(named)


def forget_sentences() -> None:
    """Forget what the scorer remembers of sentences it has read (their words, phrases, marks and slot
    hits, by sentence), so the next answers are read from scratch: for measuring speed on text never
    seen. What is remembered of single words and of sets of concepts stays: any text fills that."""
    concept_book().forget()


class OfflineScorer:
    """Scores an answer against a topic's criteria with concept slots and own-practice markers."""

    name = "offline"

    def forget_sentences(self) -> None:
        """Forget the sentences read so far (for measuring speed on text never seen)."""
        forget_sentences()

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        if not answer.strip():
            judgments = [
                Judgment(
                    criterion_id=c.id, status="not_yet", reason=reasons.empty(), scorer=self.name
                )
                for c in criteria
            ]
            return Assessment(judgments=judgments, scorer=self.name)
        book = concept_book()
        batch = book.batch(criteria)
        reading = read(answer, topic, book, batch)
        named: list[tuple[tuple[int, list[int]], ...]] = []
        per: list[list[tuple[Sentence, Sequence[int]]]] = [[] for _ in criteria]
        if not reading.zeroed:
            for s in reading.sentences:
                n = s.named
                named.append(n)
                for ci, slots in n:
                    per[ci].append((s, slots))
        judged = [
            judge(reading, c, k, per[ci])
            for ci, (c, k) in enumerate(zip(criteria, batch.concepts, strict=True))
        ]
        flags = list(reading.flags)
        if not flags and reading.word_count >= OFFTOPIC_MIN_WORDS and _off_topic(named):
            flags.append(FLAG_OFFTOPIC)
        return Assessment.model_validate(
            {"judgments": judged, "flags": flags, "scorer": self.name, "notes": reading.notes}
        )
