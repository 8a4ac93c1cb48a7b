"""Reads an answer once: its sentences, the concepts each names, whether each shows own practice, and
the gaming flags that take sentences (or the whole answer) out of the running."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Final

from practice_bot.rubric.models import Topic
from practice_bot.scoring import defences, scope
from practice_bot.scoring.base import FLAG_INJECTION, FLAG_KEYWORDS, FLAG_PADDING, FLAG_RECITAL
from practice_bot.scoring.concepts import Batch, ConceptBook
from practice_bot.scoring.markers import Marks, elided_subject, headed_note, marks
from practice_bot.scoring.memory import Memory
from practice_bot.scoring.role import states_job
from practice_bot.scoring.segment import Segmentation, fluent, fluent_pair, segment
from practice_bot.scoring.text import normalise, split_sentences, word_set, words
from practice_bot.scoring.thresholds import (
    BARE_TERM_WORDS,
    CARRY,
    DIVERSITY_MIN_WORDS,
    ECHO_MIN_WORDS,
    ECHO_SENTENCE,
    ECHO_SHARE,
    FILLER_PER_HUNDRED,
    FILLER_PHRASES,
    KEYWORD_ITEMS,
    KEYWORD_TERMS,
    LOW_DIVERSITY,
    MAX_SCORED_CHARS,
    RECITAL_COVERAGE,
    RECITAL_SUSPECT_TRIGRAMS,
    REPEAT_MIN_WORDS,
    REPEAT_SHARE,
    REPEAT_WORDS,
    TERSE_ANSWER_WORDS,
)

_NEGATED: Final = word_set(
    "not never no didn don doesn haven hasn hadn wasn weren isn aren nothing nobody"
)
_OWN: Final = word_set("our my")


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """What a sentence's text alone says (the same wherever it occurs); shared, never changed."""

    tokens: list[str]  # its words, normalised
    stems: list[str]  # their stems
    found: frozenset[int]  # ids of the phrases of the batch's lexicon the sentence names
    terms: int  # phrases of the whole book it names, when it may be a keyword list, else 0
    # (criterion index, the slots it names) for each of the batch's criteria it names slots of
    named: tuple[tuple[int, list[int]], ...]
    marks: Marks
    key: str  # the tokens joined, to spot a repeated sentence
    list_items: int  # items of a keyword list naming a concept (0: not such a list)
    bare_term: bool  # a few words without a verb naming a concept ("Precision at forty")
    content: list[str]  # the stems that are not stop words (recital n-grams)
    other_sense: frozenset[int] = frozenset()  # phrases it uses in another sense (senses.toml)
    # some clause is negated or hedged and another is not ("we didn't monitor it, but I added
    # alerts", "I think the lesson was..., so I set up..."): `named` holds only the slots of the others
    partly_negated: bool = False
    main_clause: int = 0  # the number of words of its first clause, as cut (0: all of them)
    main_open: bool = False  # its first clause is one of those not negated (when partly_negated)


@dataclass(slots=True, kw_only=True)
class Sentence:
    """A sentence of the answer being read: where it is, its facts, and what the reading decides."""

    index: int  # in Reading.sentences
    start: int  # answer[start:end] == text
    end: int
    text: str
    facts: Facts
    practice: bool = False  # counts as the apprentice's own practice
    excluded: str | None = None  # the flag that takes this sentence's credit away
    why: str = ""  # why it counts as own practice, or why not

    @property
    def marks(self) -> Marks:
        return self.facts.marks


@dataclass(slots=True)
class Reading:
    """An answer as read: its sentences, and the flags and notes for the whole answer."""

    sentences: list[Sentence]
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    word_count: int = 0
    # phrases the answer uses in another sense somewhere ("a model railway society"): for what the
    # answer is about, they mean that everywhere in it ("when a model can't run reliably")
    other_sense: frozenset[int] = frozenset()
    # a terse answer: a few notes, at most TERSE_ANSWER_WORDS words as written
    terse: bool = False
    # it gives the learner's job as another field's ("I'm the fleet engineer for a bus
    # company"): its object must be named in the field's own words (role.py)
    job_elsewhere: bool = False

    @property
    def zeroed(self) -> bool:
        return FLAG_INJECTION in self.flags


@lru_cache(maxsize=1)
def _ksb_texts() -> dict[str, str]:
    from practice_bot.rubric.loader import load_rubric

    return dict(load_rubric().ksbs)


def _recital_texts(topic: Topic) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ksbs = _ksb_texts()
    return tuple(c.text for c in topic.criteria), tuple(ksbs[k] for k in topic.ksbs if k in ksbs)


def facts(text: str, norm: str, book: ConceptBook, batch: Batch, memory: Memory) -> Facts | None:
    """The facts of sentence `text` (`norm` normalised); None when it has no words."""
    tokens = words(norm)
    if not tokens:
        return None
    keyed = [memory.keys(book.lexicon, t) for t in tokens]
    matched = batch.lexicon.match(keyed)
    found = batch.in_sense(matched)  # "a modelling agency": not an ML model
    stems = [k[0] for k in keyed]
    m = marks(text, norm, tokens, found, book.markers)

    def phrases(a: int, b: int) -> set[int]:
        """The phrases of the words a..b (a clause)."""
        return batch.lexicon.match(keyed[a:b])

    # A short sentence with a negation is a disclaimer only when the ML work is in a negated clause
    # ("There's no machine learning in it"), not "I scoped on precision, not AUC".
    objects = book.markers.object & found  # the ML or data work it names, in that sense
    glue = book.segmentation.clause_glue  # where a subject does not start a clause in speech
    if (
        not m.about
        and objects
        and any(
            not objects.isdisjoint(phrases(a, b)) and not scope.negated(tokens[a:b])
            for a, b in scope.clauses(norm, glue=glue)
        )
    ):
        m = replace(m, about=True)
    # A keyword list or a bare term counts the phrases of every topic it names (the whole book's).
    keyword = defences.keyword_sentence(text, m.verbs)
    bare = len(tokens) <= BARE_TERM_WORDS and not m.verbs
    terms = len(book.lexicon.match(keyed)) if keyword or bare else 0
    hedges = book.markers.hedges
    hedged = None
    if not hedges.isdisjoint(found):  # which clauses the hedge is in ("I think X, so I did Y")

        def hedged(a: int, b: int) -> bool:
            return not hedges.isdisjoint(phrases(a, b))

    free = scope.open_clauses(norm, tokens, hedged, glue)
    named = (
        batch.named(found)
        if free is None
        else batch.named(set().union(*(phrases(a, b) for a, b in free)), found)
    )
    if free is not None and m.hedged:
        m = replace(m, hedged=False)  # the hedge weakens its own clause only
    return Facts(
        tokens=tokens,
        stems=stems,
        found=frozenset(found),
        terms=terms,
        named=named,
        marks=m,
        key=" ".join(tokens),
        list_items=len(defences.list_items(text)) if keyword and terms else 0,
        bare_term=bare and terms > 0,
        content=defences.content(stems),
        other_sense=frozenset(matched - found),
        partly_negated=free is not None,
        main_clause=scope.clauses(norm, joined=False, glue=glue)[0][1],
        main_open=free is not None and free[0][0] == 0,
    )


def read(answer: str, topic: Topic, book: ConceptBook, batch: Batch, memory: Memory) -> Reading:
    """Read `answer` for the criteria of `batch`: its sentences, their facts (remembered in `memory`
    by text), the defences' flags and which sentences are own practice."""
    scored = answer[:MAX_SCORED_CHARS]
    reading = Reading([])
    if len(answer) > MAX_SCORED_CHARS:
        reading.notes.append(f"Only the first {MAX_SCORED_CHARS:,} characters were scored.")
    norm_all = normalise(answer)
    aligned = answer.isascii()  # then norm_all[i] is answer[i] folded, so spans carry over
    sentences = reading.sentences
    seg = book.segmentation
    for start, end, text in segment(scored, split_sentences(scored), seg):
        key = (batch.ids, book.version, text)
        got = memory.sentences.get(key)
        if got is None:
            # read without its fillers and false starts (the quote keeps them)
            norm = norm_all[start:end] if aligned else normalise(text)
            got = facts(*fluent_pair(text, norm, seg), book, batch, memory)
            if got is None:
                continue
            memory.remember(key, got)
        sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text, facts=got))
    sentence_tokens = [t for s in sentences for t in s.facts.tokens]
    reading.word_count = len(sentence_tokens)
    reading.other_sense = frozenset().union(*(s.facts.other_sense for s in sentences))
    if aligned and len(answer) <= MAX_SCORED_CHARS:  # the sentences hold every word of the answer
        injected = defences.injection_in(norm_all, sentence_tokens)
    else:
        injected = defences.injection_in(norm_all, words(norm_all))
    if injected:
        reading.flags = [FLAG_INJECTION]
        for s in reading.sentences:
            s.excluded = FLAG_INJECTION
            s.why = EXCLUDED_WHY[FLAG_INJECTION]
        return reading
    _defend(topic, reading, book, sentence_tokens)
    reading.job_elsewhere = _job_elsewhere(reading, book)
    reading.terse = _written_words(scored, seg) <= TERSE_ANSWER_WORDS
    _own_practice(reading.sentences, terse=reading.terse)
    _personal_role(reading.sentences)
    return reading


def _job_elsewhere(reading: Reading, book: ConceptBook) -> bool:
    """The answer gives the learner's job, at its start or anywhere in it, and no sentence giving it
    names ML or data work in the field's own words ("I'm a signalling design engineer for a rail
    contractor", "I'm an audiologist ... a remote fine-tuning app", not "I'm the ML apprentice at a
    chain of garden centres" nor "I'm a junior analyst at a charity")."""
    m = book.markers
    # the field's own words, not those other fields use too ("the fleet engineer for our 46 diesel
    # models", "an audiologist ... a remote fine-tuning app")
    ours = ((m.object - m.object_plain - m.object_weak) | m.object_jobs) - reading.other_sense
    jobs = [
        ours.isdisjoint(s.facts.found)
        for s in reading.sentences
        if not s.excluded and states_job(s.facts.tokens)
    ]
    # "I was a nurse for ten years. Now I'm the ML apprentice in the trust's data team."
    return any(jobs) and all(jobs)


def _written_words(answer: str, seg: Segmentation) -> int:
    """The words of `answer` as the learner wrote them ("read-only", "sign-off": one word each),
    without fillers and false starts ("um", "I- I")."""
    raw = answer.split()
    if len(raw) <= TERSE_ANSWER_WORDS:
        return len(raw)
    return sum(1 for t in fluent(normalise(answer), seg).split() if any(c.isalnum() for c in t))


_BREAK: Final = "\n"  # between sentences, so no n-gram spans two


def _defend(topic: Topic, reading: Reading, book: ConceptBook, all_tokens: list[str]) -> None:
    """Flag recital, keyword lists and padding; `all_tokens`: the words of all the sentences."""
    sentences = reading.sentences
    flags: set[str] = set()

    index = defences.recital_index(*_recital_texts(topic))
    # Whole-answer n-grams first (sentences kept apart by a break): only when the answer shares
    # enough of the criterion wording are sentences checked one by one.
    joined: list[str] = []  # every sentence's stems, each followed by a break
    content: list[str] = []  # the same for the content stems (defences.content)
    fillers = book.markers.filler
    filler = 0
    for s in sentences:
        joined.extend(s.facts.stems)
        joined.append(_BREAK)
        content.extend(s.facts.content)
        content.append(_BREAK)
        filler += len(fillers.intersection(s.facts.found))
    echo = defences.echo_words(content)  # (the breaks are one letter long: left out)
    # only the 3-grams the criterion texts share: all that the checks below count
    answer_trigrams = defences.shared_trigrams(index, content)
    suspect = defences.shares_run(index, joined) or len(answer_trigrams) >= RECITAL_SUSPECT_TRIGRAMS
    # Each sentence: recital, a repeat of an earlier one, a keyword list, or a bare term (which
    # counts towards a keyword list), in that order.
    dup_words = keyword_items = keyword_terms = 0
    seen: set[str] = set()
    for s in sentences:
        if suspect and defences.recital_sentence(index, s.facts.stems):
            s.excluded = FLAG_RECITAL
        elif len(s.facts.tokens) >= REPEAT_MIN_WORDS and s.facts.key in seen:
            s.excluded = FLAG_PADDING
            dup_words += len(s.facts.tokens)
        elif s.facts.list_items:
            s.excluded = FLAG_KEYWORDS
            keyword_items += s.facts.list_items
            keyword_terms += s.facts.terms
        elif s.facts.bare_term:
            keyword_items += 1
            keyword_terms += s.facts.terms
        seen.add(s.facts.key)

    if (suspect and any(s.excluded == FLAG_RECITAL for s in sentences)) or (
        defences.recital_coverage(index, answer_trigrams) >= RECITAL_COVERAGE
    ):
        flags.add(FLAG_RECITAL)
    share, size = defences.echo_share_of(index, echo)
    if share >= ECHO_SHARE and size >= ECHO_MIN_WORDS:
        # The criterion's words reshuffled ("it's about engaging stakeholders and managing
        # expectations..."): the sentences made of them earn nothing.
        flags.add(FLAG_RECITAL)
        for s in sentences:
            if (
                s.excluded is None
                and not (s.marks.number or s.marks.tool)
                and defences.echo_share_of(index, defences.echo_words(s.facts.content))[0]
                >= ECHO_SENTENCE
            ):
                s.excluded = FLAG_RECITAL
    if keyword_items >= KEYWORD_ITEMS and keyword_terms >= KEYWORD_TERMS:
        flags.add(FLAG_KEYWORDS)
        for s in sentences:
            if s.excluded is None and s.facts.bare_term:
                s.excluded = FLAG_KEYWORDS
    words_total = max(1, len(all_tokens))
    low_diversity = (
        len(all_tokens) >= DIVERSITY_MIN_WORDS
        and defences.window_diversity(all_tokens) < LOW_DIVERSITY
    )
    if (
        low_diversity
        or dup_words >= max(REPEAT_WORDS, REPEAT_SHARE * words_total)
        or (filler >= FILLER_PHRASES and filler * 100 >= FILLER_PER_HUNDRED * words_total)
    ):
        flags.add(FLAG_PADDING)
        if low_diversity:
            for s in sentences:
                s.excluded = s.excluded or FLAG_PADDING
    reading.flags = [f for f in (FLAG_RECITAL, FLAG_KEYWORDS, FLAG_PADDING) if f in flags]


# Why a sentence that a defence flagged earns nothing (Sentence.why).
EXCLUDED_WHY: Final = {
    FLAG_INJECTION: "injection: the answer holds instructions aimed at the marker",
    FLAG_RECITAL: "recital: it repeats the criterion's wording",
    FLAG_KEYWORDS: "keyword list: terms without saying what was done",
    FLAG_PADDING: "padding: a repeated sentence or filler",
}


# The learner saying the work was others' and their own part elsewhere: "the data engineers did a
# lot of that", "I was mostly on the dashboard side", "I wasn't really involved in that part"
_DISOWNING: Final = re.compile(
    r"\bi (?:was|m|am) (?:\w+ ){0,2}?(?:on|doing) the (?:\w+ ){0,3}?(?:side|bit|end)\b"
    r"|\b(?:they|he|she|the \w+(?: \w+)?) did (?:most|a lot|the bulk|all|much|the main)"
    r" (?:\w+ )?of (?:that|it|this|the)\b"
    r"|\bi (?:wasn t|was not) (?:really |directly |that |much )?involved"
    r"|\bnot my (?:bit|area|side|department|part)\b"
    # watching it done: "I mostly sat in the review meetings", "I just shadowed them"
    r"|\bi (?:mostly|mainly|just|only) (?:sat in|sat on|watched|observed|listened|shadowed"
    r"|took notes)\b"
)


def _disowning(tokens: list[str]) -> bool:
    """Whether a sentence's words say the work was others' and the learner's part elsewhere ("the
    data engineers did a lot of that, and I was mostly on the dashboard side")."""
    return _DISOWNING.search(" ".join(tokens)) is not None


def _own_practice(sentences: list[Sentence], terse: bool = False) -> None:
    """Own practice: first-person action, or a factual statement about the apprentice's own work:
    one that follows such an action closely, or opens with "our"/"my" ("Our prototype was..."); in a
    `terse` answer (a few notes), one anywhere in an answer holding such an action. When the answer
    says the work was others' and the learner's own part elsewhere ("the data engineers did a lot of
    that, I was mostly on the dashboard side"), a team's "we" is the team's: only sentences saying
    "I", "me" or "my" carry own practice.
    Sets each sentence's `practice`, and `why` in words."""
    last_practice = -CARRY - 1
    acted = terse and any(
        s.marks.practice and not s.marks.generic and not s.excluded for s in sentences
    )
    disowned = any(_disowning(s.facts.tokens) for s in sentences if not s.excluded)
    for i, s in enumerate(sentences):
        if s.excluded:
            s.why = EXCLUDED_WHY.get(s.excluded, s.excluded)
            continue
        if disowned and s.marks.practice and not _personal(s.facts.tokens):
            s.practice = False
            s.why = "a team's 'we': the answer says your own part was elsewhere"
            continue
        s.practice, s.why = _practice(s, carried=acted or i - last_practice <= CARRY)
        if s.practice and s.marks.practice:
            last_practice = i


_PERSONAL: Final = word_set("i me my myself mine")


# "I" in a hedge or an aside says nothing of the learner's part: "I think the lead put that together"
_ASIDES: Final = word_set("think guess suppose believe mean reckon remember")


# "I'm in the group", "I was part of the team", "I sit on the working group", "I am a member of it",
# "I was involved in it", "I was kept in the loop": belonging to the team that did it, or being
# there, is not a part in what it did
_BELONGING: Final = word_set("in on part member among involved kept copied there")
_BE_AFTER_I: Final = word_set("m am was also just sit sat")
# "my team", "my company": the learner's group, not the learner's part
_MY_GROUP: Final = word_set(
    "team teams company organisation organization department employer workplace firm colleagues "
    "squad group trust council business"
)


def _personal(tokens: list[str]) -> bool:
    """Whether words `tokens` say something of the learner's own part: "I", "me", "my" (not "I" in
    a hedge or an aside: "we presented it, I think", "I remember we..."; nor belonging to the group:
    "I'm in the group", "I was part of the team"; nor "my" of the group: "at my company we...")."""
    for k, t in enumerate(tokens):
        if t not in _PERSONAL:
            continue
        after = tokens[k + 1 : k + 4]
        if t == "i" and after and after[0] in _ASIDES:
            continue
        if t == "i" and after and after[0] in _BE_AFTER_I:
            rest = [
                w for w in tokens[k + 1 : k + 6] if w not in _BE_AFTER_I and w not in ("a", "an")
            ]
            if rest and rest[0] in _BELONGING and rest[1:2] != ["charge"]:
                continue  # (not "I was in charge of it")
        if t == "my" and after and after[0] in _MY_GROUP:
            continue
        return True
    return False


def _personal_role(sentences: list[Sentence]) -> None:
    """A team's "we" with no personal role earns nothing: when no sentence says "I", "me" or "my"
    (nor is a note with its "I" left out: "Ran the flag rate..."), no sentence is own practice."""
    if any(
        _personal(s.facts.tokens)
        or elided_subject(s.facts.tokens)
        or (":" in s.text and headed_note(normalise(s.text)))
        for s in sentences
    ):
        return
    for s in sentences:
        if s.practice:
            s.practice = False
            s.why = "a team's 'we' with no personal role: the answer never says what you did"


def states_setting(s: Sentence) -> bool:
    """A plain statement that can show a criterion's setting though it is not own practice ("People
    here share logins", "Our strategy is to cut waits"): not excluded, generic, hedged, hypothetical,
    a question, addressed to "you" nor the learner's own action negated. Others' habits told in the
    negative ("people see security as IT's job, not theirs") are the setting itself; a clause saying
    work was left undone names no slot anyway (scope.py)."""
    m, tokens = s.facts.marks, s.facts.tokens
    return not (
        s.excluded
        or m.generic
        or m.hedged
        or m.hypothetical
        or m.negated
        or s.text.rstrip().endswith("?")
        or "you" in tokens
    )


# "they didn't have to open anything new", "nobody needs to retype it now", "not just the cost": no
# obligation left, or more than one thing; not something left undone
_NOT_UNDONE_AFTER: Final = frozenset(
    {("have", "to"), ("need", "to"), ("needs", "to"), ("only",), ("just",)}
)


def _negates(tokens: list[str]) -> bool:
    """Whether words `tokens` hold a negation saying something was not done or not there."""
    for i, tok in enumerate(tokens):
        if tok not in _NEGATED or scope.inexperience(tokens, i):
            continue  # "a data analyst who'd never touched it": a person described, not work undone
        j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] == "t")
        if any(tuple(tokens[j : j + len(after)]) == after for after in _NOT_UNDONE_AFTER):
            continue
        return True
    return False


def _practice(s: Sentence, carried: bool) -> tuple[bool, str]:
    """Whether sentence `s` is own practice, and why (or why not); `carried`: an own action came at
    most CARRY sentences before it."""
    m = s.marks
    tokens = s.facts.tokens
    negated = "negated: the first-person action is negated" if m.negated else ""
    if s.text.rstrip().endswith("?"):  # "Do I use my initiative?": asked, not done
        return False, "a question, not a statement of what was done"
    if m.practice and not m.generic:
        return True, "a first-person action"
    if m.generic:
        return False, "generic: a definition, a general statement or self-praise"
    if m.hypothetical:
        return False, "hypothetical: a plan or a wish, not something done"
    if m.negated:  # "The governance team does the audits, I'm not involved": not the learner's work
        return False, negated
    if not (m.past or m.outcome or m.number or m.tool):
        return (
            False,
            negated or "no first-person action, and no past tense, outcome, figure or tool",
        )
    opens_own = tokens[0] in _OWN
    if not (carried or opens_own):
        return False, negated or f"no first-person action in it or the {CARRY} sentences before"
    if "you" in tokens:
        return False, "addressed to 'you': not the apprentice's own work"
    # the main clause decides: "Internal audit sampled two of my models: no findings" is not negated
    if _negates(tokens[: s.facts.main_clause]) and not s.facts.main_open:
        return False, "negated: it says what was not done"
    if opens_own:
        return True, "a statement about the work opening with 'our'/'my'"
    return True, "a statement of what happened, just after a first-person action"
