"""Text plumbing for the offline scorer: normalisation, sentence spans with offsets, tokens and stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, NamedTuple

# Common Cyrillic and Greek look-alikes of Latin letters, and invisible characters, so that
# "іgnоrе" (Cyrillic і, о, е) reads as "ignore". NFKC already folds full-width and math letters.
_CONFUSABLES: Final = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ı": "i",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "γ": "y", "ω": "w",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
}  # fmt: skip
_INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064"
_TABLE: Final = str.maketrans({**_CONFUSABLES, **dict.fromkeys(_INVISIBLE, None)})

MAX_SENTENCE_CHARS: Final = 500

# Where a sentence ends: at a run of [.!?] followed by white space, a quote, ")", "]" or the end of the
# text; at a newline; or at ";" or "•" followed by white space (which the boundary includes).
_BOUNDARY: Final = re.compile(
    r"""[.!?]+(?=[\s"')\]]|$)  # a run of full stops, question or exclamation marks
    | \n                      # a newline
    | [;•]\s                  # a semicolon or bullet, and the space after it""",
    re.VERBOSE,
)
_ABBREVIATIONS: Final = frozenset(
    ("e.g", "i.e", "etc", "vs", "approx", "cf", "no", "fig", "dr", "mr", "mrs", "ms")
)
_WORD: Final = re.compile(r"[a-z0-9]+")


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a literal, as a set."""
    return frozenset(text.split())


def normalise(text: str) -> str:
    """Fold look-alikes and compatibility forms, drop invisible characters, lower-case."""
    return unicodedata.normalize("NFKC", text).translate(_TABLE).casefold()


# Contractions as speech-to-text writes them, without the apostrophe ("we didnt log it"): split as the
# written form is ("didn't" -> didn, t), so a negation reads the same spoken or written.
_UNAPOSTROPHED: Final = {
    w: (w[:-1], "t")
    for w in word_set(
        "didnt dont doesnt wasnt werent isnt arent havent hasnt hadnt couldnt wouldnt shouldnt "
        "wont cant"
    )
}


def words(norm: str) -> list[str]:
    """Alphanumeric tokens of normalised text ("out-of-distribution" -> out, of, distribution;
    "didnt" -> didn, t as "didn't" is)."""
    found = _WORD.findall(norm)
    if _UNAPOSTROPHED.keys().isdisjoint(found):
        return found
    return [part for tok in found for part in _UNAPOSTROPHED.get(tok, (tok,))]


def word_spans(norm: str) -> list[tuple[int, int, str]]:
    """`words(norm)` with where each is in `norm`: (start, end, word)."""
    spans = []
    for m in _WORD.finditer(norm):
        start, end, tok = m.start(), m.end(), m.group()
        if tok in _UNAPOSTROPHED:
            spans += [(start, end - 1, tok[:-1]), (end - 1, end, "t")]
        else:
            spans.append((start, end, tok))
    return spans


class Span(NamedTuple):
    """A sentence of the answer: answer[start:end] == text."""

    start: int
    end: int
    text: str


_LEADING: Final = "-*•>#"
_ALNUM: Final = re.compile(r"[^\W_]")


def _chunks(answer: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at a comma or space so quotes stay readable."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        window = answer[start : start + MAX_SENTENCE_CHARS]
        cut = max(window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > MAX_SENTENCE_CHARS // 2 else MAX_SENTENCE_CHARS
        out.append((start, start + cut))
        start += cut
    out.append((start, end))
    return out


def _abbreviation(tail: str) -> bool:
    """Whether a full stop after `tail` (up to seven characters before it) closes an abbreviation
    ("e.g.", "etc.") rather than a sentence."""
    if len(tail) == 7 and " " not in tail:
        return False  # a long word, not an abbreviation
    return (
        tail.rsplit(None, 1)[-1].lstrip("(\"'").lower() in _ABBREVIATIONS if tail.strip() else False
    )


def _emit(answer: str, start: int, end: int, spans: list[Span]) -> None:
    """Add answer[start:end] to `spans`, trimmed (spaces, bullets), unless it holds no letter or digit."""
    for a, b in _chunks(answer, start, end):
        seg = answer[a:b]
        right = len(seg.rstrip())
        left = 0
        while left < right and (seg[left].isspace() or seg[left] in _LEADING):
            left += 1
        if right > left and (seg[left].isalnum() or _ALNUM.search(seg, left, right)):
            spans.append(Span(a + left, a + right, seg[left:right]))


def _boundaries(answer: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence boundary in `answer`, left to right, not overlapping."""
    return [m.span() for m in _BOUNDARY.finditer(answer)]


def split_sentences(answer: str) -> list[Span]:
    """Sentences (and lines, list items) of `answer`, trimmed, with offsets into `answer`."""
    spans: list[Span] = []
    begin = 0
    for at, after in _boundaries(answer):
        mark = answer[at]
        if mark == "." and _abbreviation(answer[max(begin, at - 7) : at]):
            continue
        end = after if mark in ".!?" else at
        _emit(answer, begin, end, spans)
        begin = after
    _emit(answer, begin, len(answer), spans)
    return spans


# Irregular forms the suffix rules would get wrong or split apart.
_IRREGULAR: Final = {
    "used": "use", "uses": "use", "using": "use", "ran": "run", "running": "run", "runs": "run",
    "built": "build", "building": "build", "builds": "build", "wrote": "write", "written": "write",
    "writing": "write", "chose": "choos", "chosen": "choos", "choosing": "choos", "choose": "choos",
    "led": "lead", "leading": "lead", "leads": "lead", "set": "set", "sets": "set", "setting": "set",
    "bias": "bias", "biases": "bias", "biased": "bias", "data": "data", "was": "was", "has": "has",
    "is": "is", "this": "this", "its": "its", "us": "us", "process": "process", "analysis": "analysis",
    "spoke": "speak", "spoken": "speak", "taught": "teach", "brought": "bring", "kept": "keep",
    "made": "make", "making": "make", "met": "meet", "meeting": "meet", "meetings": "meet",
    "did": "do", "done": "do", "does": "do", "doing": "do", "went": "go", "gone": "go",
    "found": "find", "gave": "give", "given": "give", "took": "take", "taken": "take",
    "thought": "think", "told": "tell", "sought": "seek", "began": "begin", "begun": "begin",
    "news": "news", "series": "series", "status": "status", "lens": "lens", "gdpr": "gdpr",
}  # fmt: skip
_SUFFIXES: Final = (
    "isations", "izations", "isation", "ization", "ational", "ations", "ation", "ements", "ement",
    "ments", "ment", "ities", "ity", "ness", "ings", "ing", "ies", "ied", "ed", "ly", "es", "s",
)  # fmt: skip

_REPLACE: Final = {"isations": "is", "izations": "iz", "isation": "is", "ization": "iz", "ational": "at",
            "ations": "at", "ation": "at", "ies": "i", "ied": "i"}  # fmt: skip

# Words whose own stem ends in -ment (experiment/experiments), unlike manage/management.
_MENT_WORDS: Final = frozenset(
    [
        "document",
        "experiment",
        "environment",
        "implement",
        "comment",
        "segment",
        "augment",
        "argument",
        "department",
        "element",
        "statement",
        "moment",
        "payment",
        "sentiment",
        "ment",
        "cement",
        "torment",
        "fragment",
        "supplement",
        "complement",
        "instrument",
    ]
)


@lru_cache(
    maxsize=65536
)  # a pure function of one word, asked of every word of every rule and answer
def stem(word: str) -> str:
    """A light, consistent suffix-stripper: monitoring/monitored/monitors -> monitor."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("s", "es") and word.endswith(("ss", "us", "is")):
                continue
            if suffix == "ly" and word.endswith("ply"):
                continue
            if (
                "ment" in suffix
                and word[: len(word) - len(suffix) + suffix.index("ment") + 4] in _MENT_WORDS
            ):
                continue
            word = word[: -len(suffix)] + _REPLACE.get(suffix, "")
            break
    if len(word) > 3 and word[-1] in "ey":
        word = word[:-1] + ("i" if word[-1] == "y" else "")
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word
