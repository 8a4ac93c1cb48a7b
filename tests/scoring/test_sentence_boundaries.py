"""Sentence boundaries: text._boundaries finds exactly what this regex (its specification, and the
scorer's implementation before it was replaced by str.find) finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from practice_bot.scoring.text import _boundaries, split_sentences

SPEC = re.compile(r"[.!?\n;•](?:(?<=[.!?])[.!?]*(?=[\s\"')\]]|$)|(?<=\n)|(?<=[;•])\s)")
ALPHABET = "ab .!?;•\n\t\u00a0\u2003\"')]([,-e1"


def _spec(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SPEC.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_boundaries_match_the_regex(text: str) -> None:
    assert _boundaries(text) == _spec(text)


def test_boundaries_on_written_cases() -> None:
    cases = [
        "I did it. Then I stopped",
        "Really?! Yes... ok.",
        "a.b c",
        "v1.2 shipped.",
        'He said "done." Then left',
        "one;two; three•four• five",
        "line one\nline two\n",
        "end.\n",
        "(see above.) next",
        "..",
        "",
        "no marks at all",
        "tab.\there",
        "nbsp.\u00a0next",
    ]
    for text in cases:
        assert _boundaries(text) == _spec(text), text


def test_split_sentences_uses_them() -> None:
    spans = split_sentences("I built it. We shipped it!  Then; we rested\n- Jira")
    assert [s.text for s in spans] == ["I built it.", "We shipped it!", "Then", "we rested", "Jira"]
