"""The feedback tips cover the rubric exactly, are complete, and are written in their own words."""

from __future__ import annotations

import re

import pytest

from practice_bot.feedback import Tip, load_tips, tip
from practice_bot.rubric import load_rubric

CRITERIA = load_rubric().criteria_by_id()
FIELDS = ("develop", "partly", "strength", "probe")
COPY_LIMIT = 6  # this many consecutive words shared with the criterion text counts as copying

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_AMERICAN = re.compile(
    r"\b(organiz\w*|optimiz\w*|prioritiz\w*|analyz\w*|behavior\w*|color\w*|"
    r"modeling|labeled|center\w*)",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def test_every_criterion_has_a_tip_and_no_extra_ids() -> None:
    assert set(load_tips()) == set(CRITERIA)
    assert len(load_tips()) == 45


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_tip_is_complete(criterion_id: str) -> None:
    t = tip(criterion_id)
    assert isinstance(t, Tip)
    for field in FIELDS:
        value = getattr(t, field)
        assert isinstance(value, str)
        assert value.strip(), f"{criterion_id}: {field} is empty"


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_tip_does_not_copy_the_criterion(criterion_id: str) -> None:
    criterion = _ngrams(_words(CRITERIA[criterion_id].text), COPY_LIMIT)
    t = tip(criterion_id)
    for field in FIELDS:
        copied = _ngrams(_words(getattr(t, field)), COPY_LIMIT) & criterion
        assert not copied, f"{criterion_id}: {field} copies {' '.join(sorted(copied)[0])!r}"


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_tip_shape(criterion_id: str) -> None:
    t = tip(criterion_id)
    assert 2 <= len(_sentences(t.develop)) <= 3, t.develop
    assert len(_sentences(t.partly)) == 1, t.partly
    assert len(_sentences(t.strength)) == 1, t.strength
    for text in (t.develop, t.partly, t.strength):
        assert text[-1] in ".!?", text
    assert t.probe[-1] not in ".!?", "a probe is a phrase, not a sentence"
    assert len(_words(t.probe)) <= 15, t.probe
    assert len(_words(t.strength)) <= 20, t.strength
    assert re.search(r"\byou(r)?\b", t.develop, re.IGNORECASE), "address the apprentice as 'you'"
    assert t.strength.startswith("You"), t.strength


@pytest.mark.parametrize("criterion_id", sorted(CRITERIA))
def test_tip_is_british_english(criterion_id: str) -> None:
    t = tip(criterion_id)
    for field in FIELDS:
        found = _AMERICAN.search(getattr(t, field))
        assert found is None, f"{criterion_id}: {field} uses US spelling {found.group(0)!r}"


def test_unknown_criterion_raises_key_error() -> None:
    with pytest.raises(KeyError):
        tip("model-scoping/pass-99")
    with pytest.raises(KeyError):
        tip("")


def test_tips_are_cached() -> None:
    assert load_tips() is load_tips()
    assert tip("model-scoping/pass-1") is tip("model-scoping/pass-1")
