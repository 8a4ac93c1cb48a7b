"""Checks on an LLM-written question before it is asked; a failed check means the bank's probe is used.

The rules (`check_question` returns the first one broken, or None):
- **length**: 4 to 60 words and at most 400 characters;
- **one question**: exactly one "?", at the end; at most one short sentence of context before it, and that
  sentence must not be a request of its own ("Describe X. How did you...?" asks two things);
- **neutral**: no leading phrases ("don't you think", "wouldn't you agree", "is it true that", "surely",
  "obviously", "I assume", "presumably", a closing "right?" or "correct?"), no negative openers
  ("Didn't you...", "Isn't it..."), no tag questions ("..., didn't you?"), and no closed yes/no openers
  ("Did you", "Have you", "Is it", "Would you"...). "Can/Could you" is allowed only before a verb that
  opens the floor ("Can you describe/explain/walk me through...");
- **not quoting a criterion**: no run of 5 words in common with any criterion text of the topic;
- **not a repeat**: less than 85% similar (character-wise) to, and sharing under 80% of its words with,
  every question already asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

MIN_WORDS, MAX_WORDS, MAX_CHARS = 4, 60, 400
NGRAM = 5
REPEAT_RATIO, REPEAT_JACCARD = 0.85, 0.8

_LABEL = re.compile(r"^\s*(?:\*\*)?(?:question|assessor|q)\s*[:.-]\s*(?:\*\*)?\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’`"
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

_LEADING = re.compile(
    r"\b(?:(?:don't|do not) you (?:think|agree|feel|believe)|wouldn't you (?:agree|say)"
    r"|would you not agree|(?:is|isn't) it (?:not )?(?:true|the case|fair)|surely|obviously|clearly you"
    r"|i (?:assume|presume|take it|imagine)|presumably|wouldn't it be|you must have)\b"
    r"|\b(?:right|correct|yes)\?$"
)
_NEGATIVE_OPENER = re.compile(
    r"^(?:don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|wouldn't|shouldn't"
    r"|couldn't|won't|can't)\b"
)
_AUX = (
    r"(?:did|didn't|do|don't|does|doesn't|is|isn't|was|wasn't|were|weren't|are|aren't|have|haven't"
    r"|has|hasn't|would|wouldn't|could|couldn't|can|can't|will|won't|should|shouldn't)"
)
_TAG = re.compile(r",\s*" + _AUX + r"\s+(?:you|it|they|we|there|that|he|she)\s*\?$")
_CLOSED_OPENER = re.compile(
    r"^(?:did|do|does|have|has|had|is|are|was|were|would|will|should|shall|may|might)\s+"
    r"(?:you|it|they|your|the|there|that|this|we|any|anyone|a|an)\b"
)
_CAN_OPENER = re.compile(r"^(?:can|could)\s+you\s+(\w+)")
_OPEN_VERBS = frozenset(
    [
        "describe",
        "explain",
        "tell",
        "walk",
        "talk",
        "give",
        "outline",
        "share",
        "say",
        "expand",
        "elaborate",
        "summarise",
        "summarize",
        "take",
        "discuss",
        "reflect",
        "show",
        "compare",
        "evaluate",
        "justify",
        "identify",
        "illustrate",
    ]
)
_REQUEST_OPENER = re.compile(
    r"^(?:describe|explain|tell me|talk me|walk me|outline|give|discuss|share|list|evaluate|justify"
    r"|summari[sz]e|compare)\b"
)


def clean_question(text: str) -> str:
    """The question without labels, wrapping quotes or stray whitespace."""
    text = " ".join(text.split())
    text = _LABEL.sub("", text).strip()
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def words_of(text: str) -> list[str]:
    return _WORD.findall(_normalise(text))


def _ngrams(words: Sequence[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _length_problem(text: str) -> str | None:
    count = len(words_of(text))
    if count < MIN_WORDS:
        return f"too short ({count} words)"
    if count > MAX_WORDS or len(text) > MAX_CHARS:
        return f"too long ({count} words)"
    return None


def _shape_problem(text: str) -> str | None:
    marks = text.count("?")
    if marks == 0:
        return "not a question (no question mark)"
    if marks > 1:
        return f"more than one question ({marks} question marks)"
    if not text.rstrip(_QUOTES + " )").endswith("?"):
        return "text after the question"
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if len(sentences) > 2:
        return f"more than one question ({len(sentences)} sentences)"
    if len(sentences) == 2 and _REQUEST_OPENER.match(_normalise(sentences[0])):
        return "more than one question (a request, then a question)"
    return None


def _neutrality_problem(text: str) -> str | None:
    lowered = _normalise(text)
    question = _normalise(_SENTENCE_END.split(text)[-1])
    if m := _LEADING.search(lowered):
        return f"leading ({m.group(0).strip()!r})"
    if m := _NEGATIVE_OPENER.match(question):
        return f"leading (opens with {m.group(0)!r})"
    if _TAG.search(lowered):
        return "leading (a tag question)"
    if m := _CLOSED_OPENER.match(question):
        return f"closed yes/no question (opens with {m.group(0)!r})"
    if (m := _CAN_OPENER.match(question)) and m.group(1) not in _OPEN_VERBS:
        return f"closed yes/no question (opens with {m.group(0)!r})"
    return None


def quotes_criterion(text: str, criteria_texts: Iterable[str]) -> bool:
    """True when the question shares a run of 5 words with any criterion text."""
    grams = _ngrams(words_of(text))
    return any(grams & _ngrams(words_of(c)) for c in criteria_texts)


def is_repeat(text: str, asked: Iterable[str]) -> bool:
    """True when the question is nearly the same as one already asked."""
    mine = " ".join(words_of(text))
    mine_set = set(mine.split())
    for earlier in asked:
        theirs = " ".join(words_of(earlier))
        if not theirs:
            continue
        if SequenceMatcher(None, mine, theirs).ratio() >= REPEAT_RATIO:
            return True
        theirs_set = set(theirs.split())
        union = mine_set | theirs_set
        if union and len(mine_set & theirs_set) / len(union) >= REPEAT_JACCARD:
            return True
    return False


def check_question(
    text: str, criteria_texts: Iterable[str], asked: Iterable[str] = ()
) -> str | None:
    """Why `text` may not be asked, or None when it passes every rule."""
    if not text.strip():
        return "the model wrote nothing"
    problem = _length_problem(text) or _shape_problem(text) or _neutrality_problem(text)
    if problem:
        return problem
    if quotes_criterion(text, criteria_texts):
        return "quotes a criterion"
    if is_repeat(text, asked):
        return "repeats an earlier question"
    return None
