"""Negation scope within a sentence: "we didn't monitor it, but I set up alerts" says one thing was
not done and another was. The sentence is cut into clauses (at a contrast word, a semicolon, a dash or
a bracket, or a comma before a new subject), and a clause saying something was not done is *negated*:
its first-person action is negated ("we didn't", "I never", "we had no"), or its subject is someone or
something else and it was left undone ("the data team never checked it", "it hasn't been updated since",
"nobody reviewed it"). Slots named only in a negated clause are not credited by the sentence.

A hedge weakens the clause it is in, not the whole sentence: in "I think the main lesson was the
threshold, so I set up a weekly review" only the lesson is hedged; the review is the learner's practice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Final

from practice_bot.scoring.markers import (
    generic_clause,
    has_verb,
    is_action,
    is_past,
    next_word,
    own_action,
)
from practice_bot.scoring.text import word_set, word_spans

# Between two words, a mark that ends a clause: ";", ":", a bracket, or a dash with spaces around it.
_HARD: Final = re.compile(r"[;:()\[\]]|\s[-–—]+\s|[–—]")
# A clause starts at these words ("we never tracked it but I logged...")...
_CONTRAST: Final = word_set("but although though however whereas instead except")
# ...or after a comma, at a new subject or joint ("..., so I", "..., and we", "..., which").
_AFTER_COMMA: Final = word_set("i we so and then which because my our it they that this")
# "not only", "didn't just", "no longer": not saying it was not done
_NEGATIONS: Final = word_set("not never no didn don doesn haven hasn hadn wasn weren isn aren nt")
_NOT_NEGATING_AFTER: Final = word_set("only just longer")
# A condition, not a report: "..., and when we're not, the scrum master moves tickets"
_CONDITIONS: Final = word_set("if when whenever unless once until")
_JOINS: Final = word_set("and but so or then")
# After a joining word, a new subject ("... so I set up", "... and we", "... and nobody"): where a
# sentence without commas is cut into clauses.
_NEW_SUBJECT: Final = word_set("i we they he she nobody my our")
# ...or where a subject follows a word that can end a clause ("...the next month's data i don't
# really look at it nobody's set anything up"), as a full stop or a comma would have cut it; not
# after a word that glues the two together ("the model we built", "I think we", "because I").
_SPOKEN_SUBJECT: Final = word_set("i we they he she nobody")
_HEDGE_OPENING: Final = 4  # words: ", I'm not sure, ..." opens a clause with a hedge
# A clause opening with one of these has its own subject or is about a thing: a hedge in it ("...,
# which I think landed better than the e-learning") is about that clause, not the one before.
_OWN_SUBJECT: Final = word_set("which who whom whose where that because it they this my our we")
# Left undone, whoever the subject: "never", "didn't", "hasn't been", "nobody", "was not"... A present
# or future negation says what the work is like ("it doesn't store names", "it won't release if..."),
# not what was left undone, and is not one of these.
_UNDONE: Final = word_set("didn hasn hadn haven wasn weren never")
_UNDONE_BEFORE_NOT: Final = word_set("did was were has had have")  # "did not", "was not"
_NOBODY: Final = word_set("nobody no")  # "nobody checked", "no one looked" (not "nobody adds")
# "there was no monitoring", "there wasn't a baseline": something was not there
# Between a negation and the action it negates: "it hasn't been updated", "it was never properly
# retrained"
_BEFORE_ACTION: Final = word_set(
    "t been be being yet ever even really properly actually fully get got"
)
# Not asking is not leaving work undone: "Nobody had asked me to check it, but I did"
_REQUESTS: Final = word_set("asked told expected required wanted requested")
# A negated auxiliary is a verb: "the addresses didn't match" is a clause of its own
_NEGATED_VERBS: Final = word_set("didn wasn weren hasn haven hadn isn aren doesn don won")
_THERE: Final = re.compile(
    r"\bthere (?:s|was|were|is|are) (?:no|never|not)\b|\bthere (?:wasn|weren|isn|aren) t\b"
)


def clauses(
    norm: str, joined: bool = True, glue: AbstractSet[str] = frozenset()
) -> list[tuple[int, int]]:
    """The clauses of normalised sentence `norm` as [start, end) ranges of its words
    (`text.words(norm)`), in order, covering every word; `joined`: a piece without a verb joined to
    its clause (not joined: as cut, "Preparation" of "Preparation: dropped the notes"). In a sentence
    without commas (speech printed without punctuation), a subject after a word that is not in
    `glue` (segmentation.toml's glue and relative heads) starts a clause too; empty: it does not."""
    spans = word_spans(norm)
    # speech printed without commas: "we didn't monitor it and I added alerts" is cut where a
    # joining word brings a new subject, as the comma would have cut it
    spoken = "," not in norm
    cuts = [0]
    for i in range(1, len(spans)):
        between = norm[spans[i - 1][1] : spans[i][0]]
        word = spans[i][2]
        if (
            _HARD.search(between)
            or word in _CONTRAST
            or ("," in between and word in _AFTER_COMMA)
            or (spoken and word in _JOINS and _next(spans, i) in _NEW_SUBJECT)
            or (
                spoken
                and glue
                and word in _SPOKEN_SUBJECT
                and spans[i - 1][2] not in glue
                and spans[i - 1][2] not in _JOINS
            )
        ):
            cuts.append(i)
    cuts.append(len(spans))
    parts = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    if not joined:
        return parts
    # A piece without a verb ("On ethical questions, I'm not sure...") belongs to the clause after it;
    # the last one, to the clause before it.
    tokens = [sp[2] for sp in spans]
    merged: list[tuple[int, int]] = []
    start = None
    for a, b in parts:
        start = a if start is None else start
        if _verb_in(tokens[a:b]) or b == len(tokens):
            merged.append((start, b))
            start = None
    if len(merged) > 1 and not _verb_in(tokens[merged[-1][0] : merged[-1][1]]):
        merged[-2:] = [(merged[-2][0], merged[-1][1])]
    return merged


def _next(spans: list[tuple[int, int, str]], i: int) -> str:
    return spans[i + 1][2] if i + 1 < len(spans) else ""


def _verb_in(tokens: list[str]) -> bool:
    return has_verb(tokens) or not _NEGATED_VERBS.isdisjoint(tokens)


def negated(tokens: list[str]) -> bool:
    """Whether a clause's words `tokens` say something was not done: a negated first-person action
    ("we didn't monitor it", "I never checked", "we had no baseline") or "there was no ...". A
    negation describing the work ("it won't release if...", "the building, not the person") is not."""
    opening = [t for t in tokens[:2] if t not in _JOINS][:1]
    if opening and opening[0] in _CONDITIONS:
        return False
    kept = [
        tok
        for i, tok in enumerate(tokens)
        if not (tok in _NEGATIONS and next_word(tokens, i) in _NOT_NEGATING_AFTER)
    ]
    return own_action(kept)[2] or _THERE.search(" ".join(kept)) is not None or _left_undone(kept)


def _left_undone(tokens: list[str]) -> bool:
    """Someone else's action, or the work's, said not to have been done ("the data team never checked
    it for drift", "it hasn't been updated since", "nobody checked"), outside a condition or a reason
    ("if nobody has...", "because the customers hadn't agreed to it": the work's reason, not undone)."""
    if not _CONDITIONS.isdisjoint(tokens) or "because" in tokens:
        return False
    return any(
        (
            (tok in _UNDONE or (tok == "not" and i and tokens[i - 1] in _UNDONE_BEFORE_NOT))
            and not inexperience(tokens, i)
            and _action_follows(tokens, i)
        )
        or (
            tok in _NOBODY
            and is_past(nxt := _after_nobody(tokens, i + (tok == "no")))
            and not (
                nxt in _REQUESTS
                or (nxt == "had" and next_word(tokens, i + 1 + (tok == "no")) in _REQUESTS)
            )
        )
        for i, tok in enumerate(tokens)
    )


# "nobody's set anything up", "nobody has ever checked": the verb after these
_PERFECT: Final = word_set("s has ve ever really actually")


def _after_nobody(tokens: list[str], i: int) -> str:
    """The verb after "nobody" at tokens[i] ("nobody checked", "nobody's set it up", "nobody has
    ever looked"): "had" is kept, as "nobody had asked" is a request's."""
    j = i + 1
    while j < len(tokens) and tokens[j] in _PERFECT:
        j += 1
    return tokens[j] if j < len(tokens) else ""


# "a data analyst who'd never touched it", "someone who hadn't used Python": a person described by what
# they had not done before, not work left undone
_PERFECT_AUX: Final = word_set("d had has s ve have")


def inexperience(tokens: list[str], i: int) -> bool:
    """Whether the negation tokens[i] describes a person by their experience ("Tom, a data analyst
    who'd never touched it, retrained it from my page", "a new starter who hadn't used git"), in
    the perfect after "who"; "ops, who never checked it" is still work left undone."""
    before = tokens[max(0, i - 2) : i]
    if tokens[i] in ("hadn", "hasn", "haven"):
        return before[-1:] == ["who"]
    return len(before) == 2 and before[0] == "who" and before[1] in _PERFECT_AUX


def _action_follows(tokens: list[str], i: int) -> bool:
    """Whether an action comes after the negation tokens[i]: "never checked", "hasn't been updated"; not
    a state of the thing ("the addresses didn't match", "the purpose wasn't to replace them")."""
    for tok in tokens[i + 1 :]:
        if tok in _BEFORE_ACTION or (tok.endswith("ly") and len(tok) > 4):
            continue
        return is_action(tok)
    return False


def open_clauses(
    norm: str,
    tokens: list[str],
    hedged: Callable[[int, int], bool] | None = None,
    glue: AbstractSet[str] = frozenset(),
) -> list[tuple[int, int]] | None:
    """The clauses of a sentence that are neither negated nor hedged (`hedged(a, b)`: whether words
    [a, b) hold a hedge, "I think", "maybe"), when some other clause is; None when no clause is
    either, or every one is (the sentence is then read whole). A clause opening with a hedge, no
    joining word, relative or subject of its own before it ("We measured it with CodeCarbon, I think,
    ..."), hedges the one before; "..., which I think landed well" does not."""
    # a hedge said without commas keeps its wider reach: only a negation is narrowed by a subject
    parts = clauses(norm, glue=glue if hedged is None else frozenset())
    if len(parts) < 2:
        return None
    shut = [
        negated(tokens[a:b])
        or (hedged is not None and hedged(a, b))
        or generic_clause(tokens[a:b])  # "at deployment you need to secure the API"
        for a, b in parts
    ]
    if hedged is not None:
        for i, (a, b) in enumerate(parts[1:], 1):
            if (
                tokens[a] not in _JOINS
                and tokens[a] not in _OWN_SUBJECT
                and hedged(a, min(b, a + _HEDGE_OPENING))
            ):
                shut[i - 1] = True
    free = [part for part, closed in zip(parts, shut, strict=True) if not closed]
    if not free or len(free) == len(parts):
        return None
    return free
