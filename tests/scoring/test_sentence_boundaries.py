"""Sentence boundaries: a run of [.!?] before white space, a quote, a bracket or the end; a newline; or
";"/"•" with the white space after it (text._BOUNDARY)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_bot.scoring.text import _boundaries, split_sentences


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("I did it. Then I stopped", [(8, 9)]),
        ("Really?! Yes... ok.", [(6, 8), (12, 15), (18, 19)]),
        ("a.b c", []),  # no space after the stop
        ("v1.2 shipped.", [(12, 13)]),
        ('He said "done." Then left', [(13, 14)]),  # before a closing quote
        ("one;two; three•four• five", [(7, 9), (19, 21)]),  # ; and • only before a space
        ("line one\nline two\n", [(8, 9), (17, 18)]),
        ("end.\n", [(3, 4), (4, 5)]),
        ("(see above.) next", [(10, 11)]),
        ("..", [(0, 2)]),
        ("", []),
        ("no marks at all", []),
        ("tab.\there", [(3, 4)]),
        ("nbsp.\u00a0next", [(4, 5)]),  # any white space, not only ASCII
    ],
)
def test_boundaries(text: str, spans: list[tuple[int, int]]) -> None:
    assert _boundaries(text) == spans


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab .!?;•\n\t\u00a0\"')]([,-e1", max_size=40))
def test_boundaries_start_at_a_mark_and_never_overlap(text: str) -> None:
    last = 0
    for start, end in _boundaries(text):
        assert text[start] in ".!?\n;•" and start >= last and end > start
        last = end


def test_split_sentences_uses_them() -> None:
    spans = split_sentences("I built it. We shipped it!  Then; we rested\n- Jira")
    assert [s.text for s in spans] == ["I built it.", "We shipped it!", "Then", "we rested", "Jira"]
    assert all(
        "I built it. We shipped it!  Then; we rested\n- Jira"[s.start : s.end] == s.text
        for s in spans
    )
