"""The offline scorer: deterministic, explainable, instant, no network.

Each criterion is split into concept slots (the rules under scoring/rules/). A sentence supports a slot
when it names the concept *and* shows the apprentice's own practice (markers.py, analysis.py). A
criterion is evidenced when enough slots are supported (one of them core) by sentences of which one is
concrete; distinction criteria also need evaluation in or beside the supporting sentences. Recital,
keyword lists, padding and marker-directed instructions earn nothing and are flagged (defences.py).
docs/scoring.md walks through the decision; `practice-bot explain` prints it for an answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring import reasons
from practice_bot.scoring.analysis import Reading, Sentence, read
from practice_bot.scoring.base import (
    FLAG_INJECTION,
    FLAG_OFFTOPIC,
    GAMING_FLAGS,
    Assessment,
    Evidence,
    Judgment,
    Status,
)
from practice_bot.scoring.concepts import Concepts, concept_book
from practice_bot.scoring.memory import Memory
from practice_bot.scoring.thresholds import (
    EVALUATION_SENTENCES,
    MAX_QUOTES,
    OFFTOPIC_MIN_WORDS,
    OFFTOPIC_SHARE,
)

# A sentence of the reading paired with the slots of one criterion it names.
Named = tuple[Sentence, Sequence[int]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """The offline judgment of one criterion, with the steps that led to it (for `explain`)."""

    criterion_id: str
    status: Status
    reason: str
    quoted: tuple[Sentence, ...] = ()
    flags: tuple[str, ...] = ()
    review: bool = False
    path: tuple[str, ...] = ()  # each step of the decision, in words

    def judgment(self) -> Judgment:
        return Judgment(
            criterion_id=self.criterion_id,
            status=self.status,
            evidence=[
                Evidence(quote=s.text, start=s.start, end=s.end) for s in self.quoted[:MAX_QUOTES]
            ],
            reason=self.reason,
            scorer="offline",
            flags=list(self.flags),
            review=self.review,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """Everything the scorer worked out for one answer: the reading and a verdict per criterion."""

    reading: Reading
    verdicts: tuple[Verdict, ...]
    flags: tuple[str, ...]  # for the whole answer

    def assessment(self) -> Assessment:
        return Assessment(
            judgments=[v.judgment() for v in self.verdicts],
            flags=list(self.flags),
            scorer="offline",
            notes=list(self.reading.notes),
        )


def _specifics(sentences: Sequence[Sentence]) -> list[str]:
    out: list[str] = []
    if any(s.marks.tool for s in sentences):
        out.append("named tools")
    if any(s.marks.number for s in sentences):
        out.append("figures")
    if any(s.marks.outcome for s in sentences):
        out.append("the outcome")
    return out


def _supported(concepts: Concepts, support: list[Named]) -> list[int]:
    """Slots supported by own-practice sentences, each sentence supporting at most `per_sentence`
    (those naming fewest slots first)."""
    cap = concepts.per_sentence
    if all(len(slots) <= cap for _, slots in support):
        return sorted({k for _, slots in support for k in slots})
    got: list[int] = []
    for _, slots in sorted(support, key=lambda item: len(item[1])):
        new = [k for k in slots if k not in got]
        got.extend(new[:cap])
    return sorted(got)


def _numbers(sentences: Sequence[Sentence]) -> str:
    return ", ".join(f"#{s.index + 1}" for s in sentences) or "none"


def judge(
    reading: Reading, criterion: Criterion, concepts: Concepts, named: list[Named]
) -> Verdict:
    """Judge one criterion; `named` pairs each sentence of the reading that matches any of its slots
    (in order) with the slots it matches."""
    cid = criterion.id
    if reading.zeroed:
        return Verdict(
            criterion_id=cid,
            status="not_yet",
            reason=reasons.flagged(FLAG_INJECTION),
            flags=(FLAG_INJECTION,),
            review=True,
            path=("the answer holds instructions aimed at the marker: nothing is credited",),
        )
    labels = concepts.labels
    core = concepts.core
    support = [(s, hit) for s, hit in named if not s.excluded and s.practice]
    mentions = [(s, hit) for s, hit in named if not s.excluded and not s.practice]
    flags = tuple(sorted({s.excluded for s, _ in named if s.excluded}))
    review = not GAMING_FLAGS.isdisjoint(flags)
    path = [
        f"sentences naming its slots: own practice {_numbers([s for s, _ in support])}; "
        f"not own practice {_numbers([s for s, _ in mentions])}; "
        f"excluded {_numbers([s for s, _ in named if s.excluded])}"
    ]

    def made(status: Status, reason: str, quoted: Sequence[Sentence] = ()) -> Verdict:
        return Verdict(
            criterion_id=cid,
            status=status,
            reason=reason,
            quoted=tuple(quoted),
            flags=flags,
            review=review,
            path=tuple(path),
        )

    supported = _supported(concepts, support) if support else []
    got = set(supported)
    supporting = [s for s, hit in support if not got.isdisjoint(hit)]
    done = [labels[k] for k in supported]
    core_ok = not core or not got.isdisjoint(core)
    core_words = ", ".join(labels[k] for k in core) or "none marked"
    path.append(
        f"slots supported by own practice: {', '.join(done) or 'none'} "
        f"({len(supported)} of {concepts.need} needed; core: {core_words})"
    )
    if supported and core_ok and len(supported) >= concepts.need:
        if not any(s.marks.concrete for s in supporting):
            path.append(
                "no supporting sentence is concrete (tool, figure, outcome or people): partly"
            )
            return made("partly", reasons.not_concrete(done), supporting)
        path.append(f"concrete: {_numbers([s for s in supporting if s.marks.concrete])}")
        if criterion.level == "distinction":
            evaluating = _evaluation(
                reading.sentences, supporting, [s for s, _ in mentions if not s.excluded]
            )
            reflecting = [s for s in evaluating if s.marks.reflection]
            path.append(
                f"distinction: evaluation beside or naming the concept {_numbers(evaluating)} "
                f"(needs {EVALUATION_SENTENCES}), reflecting {_numbers(reflecting)} (needs one)"
            )
            if len(evaluating) < EVALUATION_SENTENCES or not reflecting:
                path.append("not enough evaluation: partly")
                return made("partly", reasons.needs_evaluation(done), supporting)
            quoted = sorted(
                {id(s): s for s in supporting + evaluating}.values(), key=lambda s: s.start
            )
            path.append("evidenced")
            return made("evidenced", reasons.evidenced(done, _specifics(supporting), True), quoted)
        path.append("evidenced")
        return made("evidenced", reasons.evidenced(done, _specifics(supporting), False), supporting)
    if supported:
        if not core_ok:
            path.append("no core slot supported: partly")
            return made("partly", reasons.missing_core(done, [labels[k] for k in core]), supporting)
        missing = [label for k, label in enumerate(labels) if k not in got]
        path.append("too few slots supported: partly")
        return made("partly", reasons.missing_more(done, missing), supporting)
    if mentions:
        named_labels = [labels[k] for _, hit in mentions for k in hit]
        hypothetical = all(s.marks.hypothetical for s, _ in mentions)
        path.append("slots named, but never in own practice: partly")
        return made(
            "partly", reasons.no_practice(named_labels, hypothetical), [s for s, _ in mentions]
        )
    if flags:
        path.append(f"only excluded sentences name its slots ({flags[0]}): not yet")
        return made("not_yet", reasons.flagged(flags[0]))
    path.append("no sentence names its slots: not yet")
    return made("not_yet", reasons.not_covered(concepts.wanted))


def _evaluation(
    sentences: list[Sentence], supporting: list[Sentence], mentioning: list[Sentence]
) -> list[Sentence]:
    """Evaluation tied to the concept: in a sentence naming it, or beside a supporting one."""
    near: set[int] = {s.index for s in mentioning}
    for s in supporting:
        near.update((s.index - 1, s.index, s.index + 1))
    return [
        sentences[i]
        for i in sorted(near)
        if 0 <= i < len(sentences) and sentences[i].marks.evaluation and not sentences[i].excluded
    ]


def _off_topic(reading: Reading) -> bool:
    """Hardly a concept of the topic: at most one slot named, in under a fifth of the sentences."""
    named = [s.facts.named for s in reading.sentences]
    slots = {(ci, k) for n in named for ci, ks in n for k in ks}
    touched = sum(1 for n in named if n)
    return len(slots) <= 1 and touched < OFFTOPIC_SHARE * len(named)


class OfflineScorer:
    """Scores an answer against a topic's criteria with concept slots and own-practice markers."""

    name = "offline"

    def __init__(self, rules: Path | None = None) -> None:
        """`rules`: a rules directory to score with (default: the package's own, scoring/rules/)."""
        self.book = concept_book(rules) if rules is not None else concept_book()
        self.memory = Memory()  # what this scorer remembers between answers

    def forget_sentences(self) -> None:
        """Forget the sentences read so far (for measuring speed on text never seen)."""
        self.memory.forget_sentences()

    def outcome(self, answer: str, topic: Topic, criteria: Sequence[Criterion]) -> Outcome:
        """The reading of a non-empty answer and a verdict per criterion, with their reasons."""
        book = self.book
        batch = book.batch(criteria)
        reading = read(answer, topic, book, batch, self.memory)
        per: list[list[Named]] = [[] for _ in criteria]
        if not reading.zeroed:
            for s in reading.sentences:
                for ci, slots in s.facts.named:
                    per[ci].append((s, slots))
        verdicts = tuple(
            judge(reading, c, k, per[ci])
            for ci, (c, k) in enumerate(zip(criteria, batch.concepts, strict=True))
        )
        flags = list(reading.flags)
        if not flags and reading.word_count >= OFFTOPIC_MIN_WORDS and _off_topic(reading):
            flags.append(FLAG_OFFTOPIC)
        return Outcome(reading=reading, verdicts=verdicts, flags=tuple(flags))

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
        return self.outcome(answer, topic, criteria).assessment()
