"""Reads an answer once: its sentences, the concepts each names, whether each shows own practice, and
the gaming flags that take sentences (or the whole answer) out of the running."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from practice_bot.rubric.models import Topic
from practice_bot.scoring import defences
from practice_bot.scoring.base import FLAG_INJECTION, FLAG_KEYWORDS, FLAG_PADDING, FLAG_RECITAL
from practice_bot.scoring.concepts import Batch, ConceptBook
from practice_bot.scoring.markers import Marks, marks
from practice_bot.scoring.text import normalise, split_sentences, word_set, words

MAX_SCORED_CHARS: Final = 50_000  # far beyond any spoken answer; the rest is kept but not scored
# A sentence without "I"/"we" can inherit own practice from this many sentences before it.
CARRY: Final = 2
RECITAL_COVERAGE: Final = 0.4
# The share of an answer's content words taken from the criterion texts that counts as recital
# (genuine answers: < 0.35).
ECHO_SHARE: Final = 0.42
ECHO_MIN_WORDS: Final = 40  # short, dense answers can be genuine: judge only longer ones
ECHO_SENTENCE: Final = 0.35
LOW_DIVERSITY: Final = 0.42
_NEGATED: Final = word_set(
    "not never no didn don doesn haven hasn hadn wasn weren isn aren nothing nobody"
)
_OWN: Final = word_set("our my")


class Facts:
    """What a sentence's text alone says (the same wherever it occurs); shared, never changed."""

    __slots__ = (
        "content",
        "found",
        "key",
        "list_items",
        "marks",
        "named",
        "stems",
        "terms",
        "tokens",
        "verbs",
    )

    def __init__(
        self,
        tokens: list[str],
        stems: list[str],
        found: set[int],  # ids of the phrases of the batch's lexicon the sentence names
        terms: int,  # phrases of the whole book it names, when it may be a keyword list, else 0
        # (criterion index, the slots it names) for each of the batch's criteria it names slots of
        named: tuple[tuple[int, list[int]], ...],
        marks: Marks,
        key: str,  # the tokens joined, to spot a repeated sentence
        verbs: int,  # verb-ish words, plus one each for a past tense and a first-person action
        list_items: int,  # items of a keyword list naming a concept (0: not such a list)
        content: list[str],  # the stems that are not stop words (recital n-grams)
    ) -> None:
        self.tokens = tokens
        self.stems = stems
        self.found = found
        self.terms = terms
        self.named = named
        self.marks = marks
        self.key = key
        self.verbs = verbs
        self.list_items = list_items
        self.content = content


class Sentence:
    """A sentence of the answer being read: where it is, its facts, and what the reading decides."""

    __slots__ = (
        "content",
        "end",
        "excluded",
        "found",
        "index",
        "key",
        "list_items",
        "marks",
        "named",
        "practice",
        "start",
        "stems",
        "terms",
        "text",
        "tokens",
        "verbs",
    )

    def __init__(self, index: int, start: int, end: int, text: str, facts: Facts) -> None:
        self.index = index  # in Reading.sentences
        self.start = start
        self.end = end
        self.text = text
        self.tokens = facts.tokens
        self.stems = facts.stems
        self.found = facts.found
        self.terms = facts.terms
        self.named = facts.named
        self.marks = facts.marks
        self.key = facts.key
        self.verbs = facts.verbs
        self.list_items = facts.list_items
        self.content = facts.content
        self.practice = False
        self.excluded: str | None = None  # the flag that takes this sentence's credit away


@dataclass
class Reading:
    sentences: list[Sentence]
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    word_count: int = 0

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


def facts(text: str, norm: str, book: ConceptBook, batch: Batch) -> Facts | None:
    """The facts of sentence `text` (`norm` normalised); None when it has no words."""
    tokens = words(norm)
    if not tokens:
        return None
    found, stems = batch.lexicon.match(tokens)
    m = marks(text, norm, tokens, found, book.markers)
    verbs = m.verbs
    # A keyword list or a bare term counts the phrases of every topic it names (the whole book's).
    keyword = defences.keyword_sentence(text, verbs)
    terms = len(book.lexicon.match(tokens)[0]) if keyword or (len(tokens) <= 4 and not verbs) else 0
    items = len(defences.list_items(text)) if keyword and terms else 0
    content = defences.content(stems)
    return Facts(
        tokens,
        stems,
        found,
        terms,
        batch.named(found),
        m,
        " ".join(tokens),
        verbs,
        items,
        content,
    )


FACTS_CACHE: Final = 4096  # sentences remembered: a rescored transcript, an answer scored twice


def read(answer: str, topic: Topic, book: ConceptBook, batch: Batch) -> Reading:
    scored = answer[:MAX_SCORED_CHARS]
    reading = Reading([])
    if len(answer) > MAX_SCORED_CHARS:
        reading.notes.append(f"Only the first {MAX_SCORED_CHARS:,} characters were scored.")
    known: dict[str, Facts] = batch.facts
    if len(known) >= FACTS_CACHE:
        known.clear()
    norm_all = normalise(answer)
    aligned = answer.isascii()  # then norm_all[i] is answer[i] folded, so spans carry over
    sentences = reading.sentences
    append = sentences.append
    for start, end, text in split_sentences(scored):
        got = known.get(text)
        if got is None:
            got = facts(text, norm_all[start:end] if aligned else normalise(text), book, batch)
            if got is None:
                continue
            known[text] = got
        append(Sentence(len(sentences), start, end, text, got))
    sentence_tokens = [t for s in sentences for t in s.tokens]
    reading.word_count = len(sentence_tokens)
    if aligned and len(answer) <= MAX_SCORED_CHARS:  # the sentences hold every word of the answer
        injected = defences.injection_in(norm_all, sentence_tokens)
    else:
        injected = defences.injection_in(norm_all, words(norm_all))
    if injected:
        reading.flags = [FLAG_INJECTION]
        for s in reading.sentences:
            s.excluded = FLAG_INJECTION
        return reading
    _defend(topic, reading, book, sentence_tokens)
    _own_practice(reading.sentences)
    return reading


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
    keys: set[str] = set()
    listed = False  # a keyword list, or a bare term on its own
    for s in sentences:
        joined.extend(s.stems)
        joined.append(_BREAK)
        content.extend(s.content)
        content.append(_BREAK)
        filler += len(fillers.intersection(s.found))
        keys.add(s.key)
        if s.list_items or s.terms:
            listed = True
    echo = defences.echo_words(content)  # (the breaks are one letter long: left out)
    # only the 3-grams the criterion texts share: all that the checks below count
    answer_trigrams = defences.shared_trigrams(index, content)
    suspect = defences.shares_run(index, joined) or len(answer_trigrams) >= 3
    dup_words = keyword_items = keyword_terms = 0
    if suspect or len(keys) < len(sentences) or listed:
        seen: set[str] = set()
        for s in sentences:
            key = s.key
            if suspect and defences.recital_sentence(index, s.stems):
                s.excluded = FLAG_RECITAL
            elif len(s.tokens) >= 4 and key in seen:
                s.excluded = FLAG_PADDING
                dup_words += len(s.tokens)
            elif s.list_items:
                s.excluded = FLAG_KEYWORDS
                keyword_items += s.list_items
                keyword_terms += s.terms
            elif s.terms and len(s.tokens) <= 4 and not s.verbs:
                keyword_items += 1  # a bare term on its own line: counted towards a keyword list
                keyword_terms += s.terms
            seen.add(key)

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
                and defences.echo_share_of(index, defences.echo_words(s.content))[0]
                >= ECHO_SENTENCE
            ):
                s.excluded = FLAG_RECITAL
    if keyword_items >= 5 and keyword_terms >= 4:
        flags.add(FLAG_KEYWORDS)
        for s in sentences:
            if s.excluded is None and s.terms and len(s.tokens) <= 4 and not s.verbs:
                s.excluded = FLAG_KEYWORDS
    words_total = max(1, len(all_tokens))
    low_diversity = len(all_tokens) >= 150 and defences.window_diversity(all_tokens) < LOW_DIVERSITY
    if (
        low_diversity
        or dup_words >= max(20, 0.2 * words_total)
        or (filler >= 5 and filler * 100 >= 4 * words_total)
    ):
        flags.add(FLAG_PADDING)
        if low_diversity:
            for s in sentences:
                s.excluded = s.excluded or FLAG_PADDING
    reading.flags = [f for f in (FLAG_RECITAL, FLAG_KEYWORDS, FLAG_PADDING) if f in flags]


def _own_practice(sentences: list[Sentence]) -> None:
    """Own practice: first-person action, or a factual statement about the apprentice's own work:
    one that follows such an action closely, or opens with "our"/"my" ("Our prototype was...")."""
    last_practice = -CARRY - 1
    for i, s in enumerate(sentences):
        if s.excluded:
            continue
        m = s.marks
        if (m.practice and not m.generic) or (
            not m.generic
            and not m.hypothetical
            and (m.past or m.outcome or m.number or m.tool)  # cheapest first
            and (i - last_practice <= CARRY or s.tokens[0] in _OWN)
            and "you" not in s.tokens
            and _NEGATED.isdisjoint(s.tokens)
        ):
            s.practice = True
        if s.practice and m.practice:
            last_practice = i
