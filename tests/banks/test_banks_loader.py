"""load_banks: the shipped banks, plus a tutor's extra folder merged into the same topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.banks import load_banks
from practice_bot.errors import UserError
from practice_bot.rubric import Rubric
from tests.banks.banks_testkit import BASELINE, full_topic_bank, write


def test_shipped_only(rubric: Rubric) -> None:
    banks = load_banks(rubric)
    assert list(banks) == list(rubric.topic_ids)
    bank = banks["model-scoping"]
    assert bank.files == ("model-scoping.toml",)
    first = bank.openings[0]
    assert first.id == "model-scoping/opening-1"
    assert first.kind == "opening" and first.topic == "model-scoping"
    assert first.source == "bank:model-scoping.toml"


def test_extra_folder_merges(tmp_path: Path, rubric: Rubric) -> None:
    shipped = load_banks(rubric)
    write(
        tmp_path,
        "cohort.toml",
        BASELINE.replace('"opening-1"', '"t-opening-1"').replace('"probe-', '"t-probe-'),
    )
    write(tmp_path, "scoping-extra.toml", full_topic_bank(rubric, "model-scoping", "tutor"))
    write(tmp_path, "notes.txt", "not a bank")
    banks = load_banks(rubric, tmp_path)
    sus = banks["sustainability"]
    assert len(sus.openings) == len(shipped["sustainability"].openings) + 1
    assert len(sus.probes) == len(shipped["sustainability"].probes) + 3
    assert sus.files == ("sustainability.toml", "cohort.toml")
    added = [q for q in sus.questions if q.source == "bank:cohort.toml"]
    assert [q.id for q in added] == [
        "sustainability/t-opening-1",
        "sustainability/t-probe-1",
        "sustainability/t-probe-2",
        "sustainability/t-probe-3",
    ]
    scoping = banks["model-scoping"]
    assert "model-scoping/tutor-probe-5" in {
        q.id for q in scoping.probes_for("model-scoping/dist-1")
    }
    assert banks["model-management"] == shipped["model-management"]


def test_extra_id_clashing_with_shipped(tmp_path: Path, rubric: Rubric) -> None:
    write(tmp_path, "cohort.toml", BASELINE)  # ids opening-1, probe-1.. exist in the shipped bank
    with pytest.raises(UserError) as caught:
        load_banks(rubric, tmp_path)
    message = str(caught.value)
    assert (
        f"{tmp_path / 'cohort.toml'}: opening[0].id: duplicate id 'opening-1' (also at sustainability.toml opening[0])"
        in message
    )
    assert f"{tmp_path / 'cohort.toml'}: probe[2].id: duplicate id 'probe-3'" in message


def test_extra_text_clashing_with_shipped(tmp_path: Path, rubric: Rubric) -> None:
    shipped_text = load_banks(rubric)["model-scoping"].openings[0].text
    content = full_topic_bank(rubric, "model-scoping", "tutor").replace(
        "Tell me about the tutor opening for this topic.", shipped_text
    )
    write(tmp_path, "x.toml", content)
    with pytest.raises(
        UserError,
        match=r"x\.toml: opening\[0\]\.text: duplicate question text \(same as model-scoping\.toml opening\[0\]\)",
    ):
        load_banks(rubric, tmp_path)


def test_lists_every_problem(tmp_path: Path, rubric: Rubric) -> None:
    write(tmp_path, "a.toml", 'topic = "nope"\n')
    write(tmp_path, "b.toml", b"\xff\xfe")
    write(tmp_path, "c.toml", "topic = [")
    with pytest.raises(UserError) as caught:
        load_banks(rubric, tmp_path)
    lines = str(caught.value).splitlines()
    assert lines[0] == "question banks: 3 problems:"
    assert lines[1].startswith(f"{tmp_path / 'a.toml'}: topic: unknown topic 'nope'")
    assert (
        lines[2] == f"{tmp_path / 'b.toml'}: line 1: not valid UTF-8 (byte 0xff); save it as UTF-8"
    )
    assert lines[3].startswith(f"{tmp_path / 'c.toml'}: line 1: not valid TOML")


def test_partial_topic_needs_every_criterion_probed(tmp_path: Path, rubric: Rubric) -> None:
    content = full_topic_bank(rubric, "model-scoping", "tutor")
    content = content[: content.rindex("[[probe]]")]  # drop the dist-1 probe
    write(tmp_path, "x.toml", content)
    with pytest.raises(UserError, match=r"x\.toml: probe: no probe targets 'model-scoping/dist-1'"):
        load_banks(rubric, tmp_path)


def test_extra_folder_missing(tmp_path: Path, rubric: Rubric) -> None:
    with pytest.raises(UserError, match=r"extra_banks: .*nowhere: not found or not a folder"):
        load_banks(rubric, tmp_path / "nowhere")


def test_empty_extra_folder_adds_nothing(tmp_path: Path, rubric: Rubric) -> None:
    assert load_banks(rubric, tmp_path) == load_banks(rubric)


def test_cli_list_uses_extra_banks_setting(tmp_path: Path, cli) -> None:
    folder = tmp_path / "tutor"
    write(
        folder,
        "cohort.toml",
        BASELINE.replace('"opening-1"', '"t-opening-1"').replace('"probe-', '"t-probe-'),
    )
    done = cli(
        "banks", "list", "--topic", "sustainability", env={"PRACTICE_BOT_EXTRA_BANKS": str(folder)}
    )
    assert done.returncode == 0, done.stderr
    assert (
        "sustainability/t-probe-2 (probe; sustainability/pass-1; bank:cohort.toml)" in done.stdout
    )
    broken = tmp_path / "broken"
    write(broken, "bad.toml", "topic = 1\n")
    done = cli("banks", "list", "--extra", broken)
    assert done.returncode == 2
    assert f"{broken / 'bad.toml'}: topic: expected text in quotes, got a number" in done.stderr
    assert "Traceback" not in done.stderr


def test_documented_example_is_valid(tmp_path: Path, rubric: Rubric) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "question-banks.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path, "cohort-2025.toml", example)
    banks = load_banks(rubric, tmp_path)
    added = [q.id for q in banks["sustainability"].questions if q.source == "bank:cohort-2025.toml"]
    assert added == ["sustainability/cohort-opening-1", "sustainability/cohort-probe-1"]
