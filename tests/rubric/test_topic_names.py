"""The start screen's topic list is read from the standard's file without the rubric's models (so its
first frame needs no pydantic); it must name the same topics, in the same order."""

from __future__ import annotations

from practice_bot.resources import topic_names
from practice_bot.rubric import load_rubric


def test_topic_names_match_the_rubric() -> None:
    names = topic_names()
    assert len(names) == 11
    assert names == [(t.id, t.name) for t in load_rubric().topics]
