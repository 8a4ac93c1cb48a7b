"""tools/unpunctuate_calibration.py: unpunctuated copies of the calibration set's spoken items (#20)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practice_bot.scoring.evaluate import load_items
from tools.unpunctuate_calibration import (
    COPY_STYLE,
    SPLIT_FILES,
    main,
    regenerate,
    unpunctuate,
)

SAID_FOR_SYMBOLS = {"per", "cent", "and", "plus", "point", "pounds", "dollars", "euros"}
# Text as speech-to-text engines print it: ASCII plus the typographic marks they use.
speech_text = st.text(
    alphabet=st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        " \n\t.,;:!?'\"()[]{}-_/\\%&+*#@=<>|~`^£$€\u2019\u2018\u201c\u201d\u2013\u2014\u2026"
    ),
    max_size=200,
)


def tokens(text: str) -> list[str]:
    """Letter/digit runs, lower case, digit-group commas ignored ("2,000" is one number)."""
    return re.findall(r"[a-z0-9]+", re.sub(r"(?<=\d),(?=\d)", "", text.lower()))


def is_subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(w in rest for w in short)


@given(speech_text)
def test_output_has_no_punctuation_and_keeps_the_words_in_order(text: str) -> None:
    out = unpunctuate(text)
    assert out == out.lower() and out == out.strip() and "  " not in out
    for i, ch in enumerate(out):
        if ch == "'":  # only inside a word: don't, it's
            assert 0 < i < len(out) - 1 and out[i - 1].isalnum() and out[i + 1].isalnum(), out
        else:
            assert ch.isalnum() or ch == " ", (ch, out)
    assert is_subsequence(tokens(text), tokens(out)), (text, out)
    added = set(tokens(out)) - set(tokens(text))
    assert added <= SAID_FOR_SYMBOLS, added


@given(speech_text)
def test_unpunctuating_twice_changes_nothing(text: str) -> None:
    once = unpunctuate(text)
    assert unpunctuate(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, so. I- I mean, we didn't!", "um so i i mean we didn't"),
        ("It's the students' data\u2019s owner", "it's the students data's owner"),
        ("About 30% of 2,000 orders", "about 30 per cent of 2000 orders"),
        ("AUC was 0.82, recall 0.5.", "auc was 0 point 82 recall 0 point 5"),
        (
            "Losses of £1.8 million and £12,000",
            "losses of 1 point 8 million pounds and 12000 pounds",
        ),
        ("a £2m bill & a $40k one", "a 2m pounds bill and a 40k dollars one"),
        ("follow-up \u2013 C++ (v2)\u2026 \u201cdone\u201d", "follow up c plus plus v2 done"),
        ("", ""),
    ],
)
def test_examples(text: str, expected: str) -> None:
    assert unpunctuate(text) == expected


def row(id: str, style: str | None, answer: str, **extra: Any) -> str:
    data: dict[str, Any] = {
        "id": id,
        "topic": "sustainability",
        "question": "How?",
        "answer": answer,
        "labels": {"sustainability/pass-1": "evidenced"},
        "kind": "strong",
        **extra,
    }
    if style is not None:
        data["style"] = style
    return json.dumps(data, ensure_ascii=False)


def test_regenerate_puts_copies_after_their_source_and_is_idempotent(tmp_path: Path) -> None:
    f = tmp_path / "set.jsonl"
    lines = [
        row("a-01", None, "Erm, so, we moved the retrain to weekly."),
        row("a-26", "spoken", "Um, I- I proposed it, and it's now the default."),
        row("a-27", "written", "I proposed it."),
        row("a-28", "spoken", "So, yeah: 7% less fuel."),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert regenerate(f) == (0, 2)
    first = f.read_text(encoding="utf-8")
    assert regenerate(f) == (2, 2)
    assert f.read_text(encoding="utf-8") == first
    out = first.splitlines()
    assert out[:2] == lines[:2] and out[3] == lines[2] and out[4] == lines[3]  # kept byte for byte
    items = load_items(f)
    assert [i.id for i in items] == ["a-01", "a-26", "a-26-unpunct", "a-27", "a-28", "a-28-unpunct"]
    copy = items[2]
    assert copy.style == COPY_STYLE and copy.answer == "um i i proposed it and it's now the default"
    assert (copy.topic, copy.question, copy.labels, copy.kind) == (
        items[1].topic,
        items[1].question,
        items[1].labels,
        items[1].kind,
    )
    assert items[5].answer == "so yeah 7 per cent less fuel"


def test_a_bad_file_is_reported_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "bad.jsonl"
    text = row("a-26", "spoken", "Um, fine.") + "\n" + row("a-27", "sung", "Hm.") + "\n"
    f.write_text(text, encoding="utf-8")
    assert main([str(f)]) == 2
    err = capsys.readouterr().err
    assert str(f) in err and ":2: field 'style'" in err and "Traceback" not in err
    assert f.read_text(encoding="utf-8") == text
    assert not list(tmp_path.glob("*.tmp"))


def test_the_committed_split_files_are_current(tmp_path: Path) -> None:
    for source in SPLIT_FILES:
        f = tmp_path / source.name
        shutil.copy(source, f)
        removed, written = regenerate(f)
        assert removed == written > 0, source.name
        assert f.read_text(encoding="utf-8") == source.read_text(encoding="utf-8"), (
            f"{source.name}: run python tools/unpunctuate_calibration.py"
        )
