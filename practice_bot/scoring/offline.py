"""The offline scorer: deterministic, explainable, instant, no network.

Each criterion is split into concept slots (the rules under scoring/rules/). A sentence supports a slot
when it names the concept *and* shows the apprentice's own practice (markers.py, analysis.py). A
criterion is evidenced when enough slots are supported (one of them core) by sentences of which one is
concrete; distinction criteria also need evaluation in or beside the supporting sentences. Recital,
keyword lists, padding and marker-directed instructions earn nothing and are flagged (defences.py).
docs/scoring.md walks through the decision; `practice-bot explain` prints it for an answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Final

from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring import reasons
from practice_bot.scoring.analysis import Reading, Sentence, read, states_setting
from practice_bot.scoring.base import (
    FLAG_INJECTION,
    FLAG_OFFTOPIC,
    GAMING_FLAGS,
    Assessment,
    Confidence,
    Evidence,
    Judgment,
    Status,
)
from practice_bot.scoring.concepts import Concepts, concept_book
from practice_bot.scoring.field import about_object
from practice_bot.scoring.markers import MarkerIds
from practice_bot.scoring.memory import Memory
from practice_bot.scoring.text import word_set
from practice_bot.scoring.thresholds import (
    CLEAR_SENTENCES,
    CORROBORATION,
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
    confidence: Confidence = "clear"  # "possible": thin evidence an assessor may probe

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
            confidence=self.confidence,
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
    required, core = concepts.required, concepts.core
    for _, slots in sorted(support, key=lambda item: len(item[1])):
        # a part the criterion needs is kept first ("tested on the held-out months and on regions
        # it hadn't seen": the robustness, not only the testing), and its core before the rest
        new = sorted(
            (k for k in slots if k not in got), key=lambda k: (k not in required, k not in core)
        )
        got.extend(new[:cap])
    return sorted(got)


def _numbers(sentences: Sequence[Sentence]) -> str:
    return ", ".join(f"#{s.index + 1}" for s in sentences) or "none"


def judge(
    reading: Reading,
    criterion: Criterion,
    concepts: Concepts,
    named: list[Named],
    markers: MarkerIds,
) -> Verdict:
    """Judge one criterion; `named` pairs each sentence of the reading that matches any of its slots
    (in order) with the slots it matches; `markers`: the rules' marker lists (what names the criteria's
    object, ML or data work, is read from them)."""
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
    live = [(s, hit) for s, hit in named if not s.excluded]
    # A hedged claim ("I think", "not really") is not evidence: it names the slots, no more.
    support = [(s, hit) for s, hit in live if s.practice and not s.marks.hedged]
    mentions = [(s, hit) for s, hit in live if not (s.practice and not s.marks.hedged)]
    flags = tuple(sorted({s.excluded for s, _ in named if s.excluded}))
    review = not GAMING_FLAGS.isdisjoint(flags)
    path = [
        f"sentences naming its slots: own practice {_numbers([s for s, _ in support])}; "
        f"not own practice {_numbers([s for s, _ in mentions])}; "
        f"excluded {_numbers([s for s, _ in named if s.excluded])}"
    ]
    # The criterion's setting (the stakeholders, the organisation's culture or strategy) may be shown
    # by a plain statement, once the answer holds own practice: "People here share logins".
    setting = concepts.setting
    stated: list[Named] = []
    if setting and support:
        for s, hit in mentions:
            parts = tuple(k for k in hit if k in setting)
            if parts and not s.practice and states_setting(s):
                stated.append((s, parts))
        support = sorted(support + stated, key=lambda named: named[0].index)
    if stated:
        path.append(
            f"the setting stated plainly, not as own practice: {_numbers([s for s, _ in stated])}"
        )

    def made(
        status: Status,
        reason: str,
        quoted: Sequence[Sentence] = (),
        confidence: Confidence = "clear",
    ) -> Verdict:
        return Verdict(
            criterion_id=cid,
            status=status,
            reason=reason,
            quoted=tuple(quoted),
            flags=flags,
            review=review or confidence == "possible",
            path=tuple(path),
            confidence=confidence,
        )

    supported = _supported(concepts, support) if support else []
    got = set(supported)
    supporting = [s for s, hit in support if not got.isdisjoint(hit)]
    done = [labels[k] for k in supported]
    # The core must be the apprentice's own action ("I set a target"), not carried narrative.
    carriers = [s for s, hit in support if s.marks.practice and (not core or set(core) & set(hit))]
    core_ok = bool(carriers)
    # every own-practice sentence supporting the core (a carrier, and narrative that follows one)
    core_support = [s for s, hit in support if not core or not set(core).isdisjoint(hit)]
    core_words = ", ".join(labels[k] for k in core) or "none marked"
    path.append(
        f"slots supported by own practice: {', '.join(done) or 'none'} "
        f"({len(supported)} of {concepts.need} needed; core: {core_words}; "
        f"carried by a first-person action in {_numbers(carriers)})"
    )
    # The criterion's other core parts ("model drift, data drift AND performance metrics"): half of
    # the criterion is partly, however many of its other slots are shown.
    lacking = [labels[k] for k in concepts.required if k not in got]
    if supported and core_ok and len(supported) >= concepts.need and lacking:
        path.append(f"a part the criterion needs is not shown ({', '.join(lacking)}): partly")
        shown = _quotes(carriers, supporting, support, concepts)
        return made(
            "partly", reasons.missing_more(_shown(shown, support, concepts, got), lacking), shown
        )
    if supported and core_ok and len(supported) >= concepts.need:
        shown = _quotes(carriers, supporting, support, concepts)
        shown_labels = _shown(shown, support, concepts, got)
        if not any(s.marks.concrete for s in supporting):
            path.append("no supporting sentence is concrete (tool, figure or people): partly")
            return made("partly", reasons.not_concrete(shown_labels), shown)
        path.append(f"concrete: {_numbers([s for s in supporting if s.marks.concrete])}")
        if not about_object(reading, markers, data_work=concepts.data_work):
            path.append("nothing in the answer names ML or data work (its object): partly")
            return made("partly", reasons.other_object(shown_labels), shown)
        if _no_instance(reading):
            path.append(
                "nothing in the answer happened (no past tense, figure, outcome or time): "
                "no instance: partly"
            )
            return made("partly", reasons.no_instance(shown_labels), shown)
        # The core said firmly again outside own practice ("people saw security as IT's job")
        # corroborates the one own-practice sentence showing it: the answer is about it throughout.
        echoes = [
            s for s, hit in mentions if _firm(s) and (not core or not set(core).isdisjoint(hit))
        ]
        # A second concrete own-practice sentence showing another of its slots, as an action of
        # the learner's ("switched over only once agreement held above 97%") or a measured result
        # ("Holdout MAE fell 9%") or a dated event ("In March the analysts retrained it without
        # me"), corroborates it too: a terse answer says each thing once.
        seconds = [
            s for s in supporting if reading.terse and s not in core_support and _second_fact(s)
        ]
        spread = bool(seconds) and all(s.marks.concrete for s in supporting)
        corroborating = len(core_support) + len(echoes) + spread
        if len(supported) <= concepts.need and corroborating < CORROBORATION:
            # Thin: the core shown once, and no more slots than the minimum. An assessor would
            # probe it; the learner is told so, and a tutor may look.
            path.append(
                f"thin: the core in {len(core_support)} own-practice sentence and no slot beyond "
                f"the {concepts.need} needed: partly, possible"
            )
            return made("partly", reasons.thin(shown_labels), shown, "possible")
        if len(supporting) < 2 and not about_object(reading, markers, strictly=True):
            # One sentence carrying the whole criterion, in an answer that says it is ML or data
            # work only in words every business uses ("the data protection lead for our school's
            # parent-teacher association"): too thin to credit.
            path.append(
                "thin: one supporting sentence, and only common words (data, automation) say it "
                "is ML or data work: partly, possible"
            )
            return made("partly", reasons.thin(shown_labels), shown, "possible")
        if criterion.level == "distinction":
            # beside own practice: a plain statement of the setting ("then the business bought a
            # competitor") is not the learner's work, so what sits beside it is not their evaluation
            own = [s for s in supporting if s.practice]
            evaluating = _evaluation(reading.sentences, own, [s for s, _ in mentions])
            reflecting = [s for s in evaluating if s.marks.reflection]
            path.append(
                f"distinction: evaluation beside or naming the concept {_numbers(evaluating)} "
                f"(needs {EVALUATION_SENTENCES}), reflecting {_numbers(reflecting)} (needs one)"
            )
            if len(evaluating) < EVALUATION_SENTENCES or not reflecting:
                path.append("not enough evaluation: partly")
                return made("partly", reasons.needs_evaluation(shown_labels), shown)
            quoted = _quotes(carriers, supporting + reflecting, support, concepts, reflecting[0])
            confidence, why = _confidence(supporting, carriers, supported, concepts)
            path.append(f"evidenced, {confidence}: {why}")
            return made(
                "evidenced",
                reasons.evidenced(
                    _shown(quoted, support, concepts, got),
                    _specifics(quoted),
                    True,
                    confidence == "possible",
                ),
                quoted,
                confidence,
            )
        confidence, why = _confidence(supporting, carriers, supported, concepts)
        path.append(f"evidenced, {confidence}: {why}")
        return made(
            "evidenced",
            reasons.evidenced(shown_labels, _specifics(shown), False, confidence == "possible"),
            shown,
            confidence,
        )
    if supported:
        if not core_ok:
            if got.isdisjoint(core):
                path.append("no core slot supported: partly")
                shown = _quotes([], supporting, support, concepts)
                return made(
                    "partly",
                    reasons.missing_core(
                        _shown(shown, support, concepts, got), [labels[k] for k in core]
                    ),
                    shown,
                )
            path.append("the core slot is never in a sentence with a first-person action: partly")
            return made(
                "partly",
                reasons.core_not_own([labels[k] for k in core if k in got]),
                _quotes(core_support, supporting, support, concepts),
            )
        missing = lacking + [
            label for k, label in enumerate(labels) if k not in got and k not in concepts.required
        ]
        path.append("too few slots supported: partly")
        shown = _quotes(carriers, supporting, support, concepts)
        return made(
            "partly", reasons.missing_more(_shown(shown, support, concepts, got), missing), shown
        )
    if mentions:
        hypothetical = all(s.marks.hypothetical for s, _ in mentions)
        hedged = all(s.marks.hedged for s, _ in mentions)
        path.append("slots named, but never in own practice stated firmly: partly")
        shown = _quotes([], [s for s, _ in mentions], mentions, concepts)
        return made(
            "partly",
            reasons.no_practice(_shown(shown, mentions, concepts), hypothetical, hedged),
            shown,
        )
    if flags:
        path.append(f"only excluded sentences name its slots ({flags[0]}): not yet")
        return made("not_yet", reasons.flagged(flags[0]))
    path.append("no sentence names its slots: not yet")
    return made("not_yet", reasons.not_covered(concepts.wanted))


# When something happened: "in September", "last year", "two weeks ago" ("may" left out: a modal).
_WHEN: Final = word_set(
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday yesterday ago last once recently"
)


def _no_instance(reading: Reading) -> bool:
    """Nothing in the answer happened: no past tense, figure, outcome or time ("in September",
    "last year"), only what the learner does or likes ("I use Python for nearly everything", "I
    always check for bias", "I read arXiv every week"). Confident claims without an example earn
    nothing (docs/labelling.md). Present-tense narration of one event, as non-native writers often
    give it ("When new colleague join in September, she retrain the model"), is an instance."""
    return not any(
        s.marks.past or s.marks.number or s.marks.outcome or not _WHEN.isdisjoint(s.facts.tokens)
        for s in reading.sentences
        if not s.excluded
    )


# A date: a month or a day named, "yesterday", "two weeks ago"; "last" only before a period ("last
# spring", `_PERIODS`; not "the last step"). Not "once", which is often "as soon as" ("switched
# over once the manager signed it off"), nor "recently", which names no time.
_DATES: Final = _WHEN - word_set("once recently last")
_PERIODS: Final = word_set(
    "week month year quarter spring summer autumn winter term sprint release christmas"
)


def _dated(tokens: list[str]) -> bool:
    """Whether words `tokens` date what they tell: "in March", "last winter", "two weeks ago"."""
    return not _DATES.isdisjoint(tokens) or any(
        a == "last" and b in _PERIODS for a, b in pairwise(tokens)
    )


def _second_fact(s: Sentence) -> bool:
    """An own-practice sentence that corroborates another showing a criterion's core, firmly (not
    hedged, generic or negated): checkable (a figure or a named tool; people alone, "the head of
    data adopted it", are a claim) and either the learner's own action or a measured result; or a
    dated event in the past, checkable by its date ("In March the analysts retrained it without
    me", "our other analyst reran it alone in March")."""
    m = s.marks
    checkable = m.number or m.tool
    dated = m.past and _dated(s.facts.tokens) and not s.facts.partly_negated
    return (
        (checkable or dated)
        and not (m.hedged or m.generic or m.negated)
        and (m.practice or (m.outcome and m.number) or dated)
    )


def _firm(s: Sentence) -> bool:
    """A sentence outside own practice that still states its slots firmly: not a plan or a wish,
    not negated or hedged (in any clause), not generic."""
    m = s.marks
    return not (m.hypothetical or m.negated or m.hedged or m.generic or s.facts.partly_negated)


def _quotes(
    carriers: Sequence[Sentence],
    supporting: Sequence[Sentence],
    support: Sequence[Named],
    concepts: Concepts,
    also: Sentence | None = None,
) -> list[Sentence]:
    """The quotes shown, at most MAX_QUOTES, whole sentences: first the sentence carrying the core
    (of `carriers`, the one naming most slots), then `also` (a reflecting sentence, for a
    distinction), then, one at a time, the sentence adding most slots not yet shown (earliest
    first), then the rest in order."""
    hits = {id(s): set(hit) for s, hit in support}
    out: list[Sentence] = []
    if carriers:
        out.append(max(carriers, key=lambda s: (len(hits.get(id(s), ())), -s.start)))
    if also is not None and all(also is not o for o in out):
        out.append(also)
    shown: set[int] = set().union(*(hits.get(id(s), set()) for s in out))
    rest = [s for s in supporting if all(s is not o for o in out)]
    while rest and len(out) < MAX_QUOTES:
        best = max(rest, key=lambda s: (len(hits.get(id(s), set()) - shown), -s.start))
        rest.remove(best)
        out.append(best)
        shown |= hits.get(id(best), set())
    return out


def _shown(
    quoted: Sequence[Sentence],
    support: Sequence[Named],
    concepts: Concepts,
    counted: AbstractSet[int] | None = None,
) -> list[str]:
    """The labels of the slots the quoted sentences show, in slot order: a reason names only what
    its quotes show. Each quote shows at most `per_sentence` slots (a core one, then the required
    ones, first), of those `counted` as supported when given: one keyword-dense sentence does not
    show six stages."""
    hits = {id(s): hit for s, hit in support}
    core, required = set(concepts.core), set(concepts.required)
    shown: set[int] = set()
    for s in quoted:
        new = [
            k for k in hits.get(id(s), ()) if k not in shown and (counted is None or k in counted)
        ]
        cores = [k for k in new if k in core]
        needed = [k for k in new if k in required and k not in core]
        first = cores[:1] + needed + cores[1:] + [k for k in new if k not in core | required]
        shown.update(first[: concepts.per_sentence])
    return [concepts.labels[k] for k in sorted(shown)]


def _confidence(
    supporting: Sequence[Sentence],
    carriers: Sequence[Sentence],
    supported: Sequence[int],
    concepts: Concepts,
) -> tuple[Confidence, str]:
    """How sure an evidenced verdict is: clear, or possible (thin: an assessor may want more) when it
    rests on one sentence, on one concrete sentence, or on one first-person action and narrative
    carried from it."""
    if len(supporting) < CLEAR_SENTENCES:
        return "possible", f"only {len(supporting)} supporting sentence"
    acted = [s for s in supporting if s.marks.practice]
    if len(acted) < CLEAR_SENTENCES:
        return "possible", f"{len(acted)} first-person action, the rest carried from it"
    concrete = [s for s in supporting if s.marks.concrete]
    if len(concrete) < CLEAR_SENTENCES:
        return "possible", f"{len(concrete)} concrete supporting sentence (tool, figure or people)"
    if not any(s.marks.concrete for s in carriers):
        return "possible", "the sentence carrying the core names no tool, figure or people"
    return "clear", f"{len(supporting)} supporting sentences, {len(supported)} slots"


# What the learner would change, looking back on the work: "If I did it again I'd stratify the
# labelling from the start", "Next time I'd ask the growers earlier". (These phrases are also among
# the `reflection` markers in markers.toml, which hold much else besides: "the impact", "rather than".)
_LOOKING_BACK: Final = re.compile(
    r"\b(?:if i (?:did|were to do|had to do) (?:it|this|that) again|next time|looking back|"
    r"in hindsight|with hindsight|in retrospect|on reflection)\b"
)


def _looking_back(tokens: list[str]) -> bool:
    """Whether words `tokens` say what the learner would change, looking back (`_LOOKING_BACK`)."""
    return _LOOKING_BACK.search(" ".join(tokens)) is not None


def _evaluation(
    sentences: list[Sentence], supporting: list[Sentence], mentioning: list[Sentence]
) -> list[Sentence]:
    """Evaluation tied to the concept: in a sentence naming it, or beside a supporting one; not in a
    sentence saying what was not done ("I didn't compare it with any other option")."""
    near: set[int] = {s.index for s in mentioning}
    for s in supporting:
        near.update((s.index - 1, s.index, s.index + 1))
        # two sentences on, the learner's own: "I had two options... I took it out because...
        # ...it cost two points of precision. I then wrote the comparison as a test"
        near.update(
            i
            for i in (s.index - 2, s.index + 2)
            if 0 <= i < len(sentences)
            and (sentences[i].practice or _looking_back(sentences[i].facts.tokens))
        )
    return [
        sentences[i]
        for i in sorted(near)
        if 0 <= i < len(sentences)
        and sentences[i].marks.evaluation
        and not sentences[i].excluded
        and not (sentences[i].marks.negated and not sentences[i].practice)
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
            judge(reading, c, k, per[ci], book.markers)
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
