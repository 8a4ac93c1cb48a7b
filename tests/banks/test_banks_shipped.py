"""The shipped banks: valid, complete, and meeting the minimums for every topic and criterion."""

from __future__ import annotations

import re
import tomllib

import pytest

from practice_bot.banks import MIN_OPENINGS, MIN_PROBES, check_banks, load_banks
from practice_bot.banks.check import shipped_dir
from practice_bot.rubric import Rubric, load_rubric


def test_one_file_per_topic_named_after_it(rubric: Rubric) -> None:
    names = sorted(p.name for p in shipped_dir().glob("*.toml"))
    assert names == sorted(f"{t}.toml" for t in rubric.topic_ids)
    for topic in rubric.topic_ids:
        data = tomllib.loads((shipped_dir() / f"{topic}.toml").read_text(encoding="utf-8"))
        assert data["topic"] == topic


def test_shipped_banks_check_clean(rubric: Rubric) -> None:
    result = check_banks(shipped_dir(), rubric)
    assert result.problems == []
    assert result.warnings == []
    assert list(result.summary) == list(rubric.topic_ids)


@pytest.mark.parametrize("topic", load_rubric().topic_ids)
def test_minimums_per_topic_and_criterion(rubric: Rubric, topic: str) -> None:
    bank = load_banks(rubric)[topic]
    assert len(bank.openings) >= MIN_OPENINGS
    for criterion in rubric.topic(topic).criteria:
        assert len(bank.probes_for(criterion.id)) >= MIN_PROBES, criterion.id
    for q in bank.questions:
        assert q.id.startswith(f"{topic}/")
        assert q.source == f"bank:{topic}.toml"
        assert q.targets and all(t.startswith(f"{topic}/") for t in q.targets)


def test_distinction_probes_ask_for_judgement(rubric: Rubric) -> None:
    banks = load_banks(rubric)
    evaluative = re.compile(
        r"looking back|justif|compare|how well|worth|defend|judge|weigh|make the case|"
        r"evidence|limits|how confident|why|suppose|what difference|argue",
        re.IGNORECASE,
    )
    for topic in rubric.topics:
        for criterion in topic.distinction_criteria:
            for q in banks[topic.id].probes_for(criterion.id):
                assert evaluative.search(q.text), q.id


def test_questions_are_open_and_in_british_english(rubric: Rubric) -> None:
    closed = re.compile(
        r"^(do|does|did|is|are|was|were|have|has|had|can|could you tell me if)\b", re.I
    )
    american = re.compile(r"\b\w+(iz(e|ed|es|ing|ation))\b|behavior|color|analyz|center\b", re.I)
    for bank in load_banks(rubric).values():
        for q in bank.questions:
            assert not closed.match(q.text), q.id
            assert not american.search(q.text), q.id
            assert q.text.endswith(("?", ".")), q.id


def test_ids_and_texts_unique(rubric: Rubric) -> None:
    questions = [q for b in load_banks(rubric).values() for q in b.questions]
    assert len({q.id for q in questions}) == len(questions)
    assert len({q.text.casefold() for q in questions}) == len(questions)


def test_cli_check_shipped_exits_0_with_summary(cli, rubric: Rubric) -> None:
    done = cli("banks", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith(": valid")
    for topic in rubric.topic_ids:
        assert any(line.startswith(f"{topic}: ") and "openings" in line for line in lines), topic
    assert "  probes per criterion: pass-1 4, pass-2 4, pass-3 4, pass-4 4, dist-1 4" in lines


def test_cli_list_topic(cli) -> None:
    done = cli("banks", "list", "--topic", "sustainability")
    assert done.returncode == 0, done.stderr
    assert (
        "sustainability/opening-1 (opening; sustainability/pass-1; bank:sustainability.toml)"
        in done.stdout
    )
    assert "model-scoping/" not in done.stdout


def test_cli_list_unknown_topic(cli) -> None:
    done = cli("banks", "list", "--topic", "nope")
    assert done.returncode == 2
    assert "--topic: unknown topic 'nope'" in done.stderr
