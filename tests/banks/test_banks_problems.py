"""Each kind of problem in a bank folder yields its exact `FILE: key.path: message` line, and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.banks import check_banks
from tests.banks.banks_testkit import BASELINE, write

BASE = "sustainability.toml"
O0_TEXT = 'text = "Tell me about the tutor\'s own opening question for this cohort."'
P0_TEXT = 'text = "How did the cohort\'s first follow-up play out in your workplace?"'
P0_TARGETS = 'targets = ["sustainability/pass-1"]\n\n[[probe]]\nid = "probe-2"'
QUOTING = (
    "Explain how you take responsibility for identifying, advocating and embedding ML solutions."
)


def mutate(old: str, new: str, count: int = 1) -> str:
    assert BASELINE.count(old) >= count, old
    return BASELINE.replace(old, new, count)


# (id, {file name: content}, expected line)
CASES: list[tuple[str, dict[str, str | bytes], str]] = [
    (
        "unknown-criterion",
        {BASE: BASELINE.rsplit("targets", 1)[0] + 'targets = ["sustainability/pass-9"]\n'},
        "sustainability.toml: probe[2].targets[0]: unknown criterion id 'sustainability/pass-9'",
    ),
    (
        "toml-syntax",
        {BASE: mutate('id = "opening-1"', "id = ")},
        "sustainability.toml: line 4: not valid TOML: Invalid value (column 6)",
    ),
    (
        "wrong-type",
        {BASE: mutate(O0_TEXT, "text = 42")},
        "sustainability.toml: opening[0].text: expected text in quotes, got a number",
    ),
    (
        "missing-key",
        {
            BASE: mutate(
                'targets = ["sustainability/pass-1"]\n\n[[probe]]\nid = "probe-3"',
                '\n[[probe]]\nid = "probe-3"',
            )
        },
        "sustainability.toml: probe[1].targets: missing",
    ),
    (
        "unknown-key-in-question",
        {BASE: mutate(P0_TEXT, P0_TEXT + '\nhint = "energy"')},
        "sustainability.toml: probe[0].hint: unknown key",
    ),
    (
        "unknown-key-top-level",
        {BASE: mutate('topic = "sustainability"', 'topic = "sustainability"\nlevel = 3')},
        "sustainability.toml: level: unknown key",
    ),
    (
        "empty-text",
        {BASE: mutate(P0_TEXT, 'text = ""')},
        "sustainability.toml: probe[0].text: empty text",
    ),
    (
        "blank-text",
        {BASE: mutate(P0_TEXT, 'text = "   "')},
        "sustainability.toml: probe[0].text: empty text",
    ),
    (
        "unknown-topic",
        {BASE: mutate('topic = "sustainability"', 'topic = "sustainabilty"')},
        "sustainability.toml: topic: unknown topic 'sustainabilty'; did you mean 'sustainability'?",
    ),
    (
        "topic-missing",
        {BASE: mutate('topic = "sustainability"\n', "")},
        "sustainability.toml: topic: missing",
    ),
    (
        "topic-not-file-name",
        {"model-scoping.toml": BASELINE},
        "model-scoping.toml: topic: 'sustainability' does not match the file name, which names topic 'model-scoping'",
    ),
    (
        "duplicate-id",
        {BASE: mutate('id = "probe-2"', 'id = "probe-1"')},
        "sustainability.toml: probe[1].id: duplicate id 'probe-1' (also at probe[0])",
    ),
    (
        "duplicate-id-across-kinds",
        {BASE: mutate('id = "probe-1"', 'id = "opening-1"')},
        "sustainability.toml: probe[0].id: duplicate id 'opening-1' (also at opening[0])",
    ),
    (
        "duplicate-text",
        {
            BASE: mutate(
                '"What came of the cohort\'s second follow-up in your team?"',
                '"how did the cohort\'s FIRST follow-up play out in your workplace"',
            )
        },
        "sustainability.toml: probe[1].text: duplicate question text (same as probe[0])",
    ),
    (
        "duplicate-id-across-files",
        {"a.toml": BASELINE, "b.toml": BASELINE.replace("cohort", "group")},
        "b.toml: opening[0].id: duplicate id 'opening-1' (also at a.toml opening[0])",
    ),
    (
        "duplicate-text-across-files",
        {
            "a.toml": BASELINE,
            "b.toml": BASELINE.replace('"probe-', '"b-probe-').replace('"opening-', '"b-opening-'),
        },
        "b.toml: probe[2].text: duplicate question text (same as a.toml probe[2])",
    ),
    (
        "target-of-another-topic",
        {
            BASE: mutate(
                P0_TARGETS, P0_TARGETS.replace("sustainability/pass-1", "model-scoping/pass-1")
            )
        },
        "sustainability.toml: probe[0].targets[0]: 'model-scoping/pass-1' is a criterion of topic 'model-scoping', not of this file's topic 'sustainability'",
    ),
    (
        "criterion-without-probe",
        {BASE: BASELINE.split("[[probe]]")[0]},
        "sustainability.toml: probe: no probe targets 'sustainability/pass-1'",
    ),
    (
        "quotes-criterion",
        {BASE: mutate(P0_TEXT, f'text = "{QUOTING}"')},
        "sustainability.toml: probe[0].text: quotes the criterion text of sustainability/pass-1 "
        "('take responsibility for identifying advocating and embedding ml solutions'); ask in your own words",
    ),
    (
        "not-utf8",
        {BASE: BASELINE.encode().replace(b"tutor's", b"tutor\xff", 1)},
        "sustainability.toml: line 5: not valid UTF-8 (byte 0xff); save it as UTF-8",
    ),
    (
        "entries-not-tables",
        {
            BASE: 'topic = "sustainability"\nopening = ["Tell me about it."]\n\n[[probe]]'
            + BASELINE.split("[[probe]]", 1)[1]
        },
        "sustainability.toml: opening[0]: expected a table, got text",
    ),
    (
        "single-table-not-array",
        {BASE: mutate("[[opening]]", "[opening]")},
        "sustainability.toml: opening: expected an array of tables ([[opening]]), got a table",
    ),
    (
        "targets-not-a-list",
        {
            BASE: mutate(
                P0_TARGETS,
                P0_TARGETS.replace('["sustainability/pass-1"]', '"sustainability/pass-1"'),
            )
        },
        "sustainability.toml: probe[0].targets: expected an array of strings, got text",
    ),
    (
        "no-targets",
        {BASE: mutate(P0_TARGETS, P0_TARGETS.replace('["sustainability/pass-1"]', "[]"))},
        "sustainability.toml: probe[0].targets: no targets; list the criterion ids the question is aimed at",
    ),
    (
        "target-twice",
        {
            BASE: mutate(
                P0_TARGETS,
                P0_TARGETS.replace(
                    '"sustainability/pass-1"]', '"sustainability/pass-1", "sustainability/pass-1"]'
                ),
            )
        },
        "sustainability.toml: probe[0].targets[1]: 'sustainability/pass-1' is listed twice",
    ),
    (
        "bad-id",
        {BASE: mutate('id = "probe-1"', 'id = "probe 1"')},
        "sustainability.toml: probe[0].id: 'probe 1' is not a valid id; use letters, digits, '-', '_' or '.' "
        "(at most 64), starting with a letter or digit",
    ),
    (
        "yes-no-question",
        {BASE: mutate(P0_TEXT, 'text = "Did the cohort\'s first follow-up work out?"')},
        "sustainability.toml: probe[0].text: reads as a yes/no question (starts 'Did'); ask it open: "
        "'How…', 'Tell me about…', 'Walk me through…'",
    ),
    (
        "control-characters",
        {BASE: mutate(P0_TEXT, 'text = "How did \\u001b[31mthat\\u001b[0m go for the cohort?"')},
        "sustainability.toml: probe[0].text: contains control characters (tabs, newlines or escapes); "
        "keep it to one line",
    ),
]


def _write_case(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        write(folder, name, content)


def test_baseline_is_valid(tmp_path: Path, rubric) -> None:
    write(tmp_path, BASE, BASELINE)
    result = check_banks(tmp_path, rubric)
    assert result.problems == []
    assert result.summary["sustainability"].probes_per_criterion == {"sustainability/pass-1": 3}


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problem_line(tmp_path: Path, rubric, files: dict[str, str | bytes], expected: str) -> None:
    _write_case(tmp_path, files)
    problems = check_banks(tmp_path, rubric).problems
    assert expected in problems, "\n".join(problems)
    assert all("\n" not in p for p in problems)


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cli_exit_1_with_problem_line(
    tmp_path: Path, cli, files: dict[str, str | bytes], expected: str
) -> None:
    folder = tmp_path / "banks"
    _write_case(folder, files)
    done = cli("banks", "check", folder)
    assert done.returncode == 1, done.stdout + done.stderr
    assert expected in done.stdout.splitlines()
    assert "Traceback" not in done.stderr


def test_tutor_file_name_is_free(tmp_path: Path, rubric, cli) -> None:
    write(tmp_path, "cohort-2025.toml", BASELINE)
    assert check_banks(tmp_path, rubric).problems == []
    done = cli("banks", "check", tmp_path)
    assert done.returncode == 0, done.stdout
    assert "sustainability: 1 opening" in done.stdout


def test_unreadable_entry(tmp_path: Path, rubric) -> None:
    (tmp_path / "odd.toml").mkdir()
    problems = check_banks(tmp_path, rubric).problems
    assert len(problems) == 1 and problems[0].startswith("odd.toml: file: cannot be read"), problems


def test_complete_mode_minimums(tmp_path: Path, rubric, cli) -> None:
    write(tmp_path, BASE, BASELINE.replace(BASELINE[BASELINE.rindex("[[probe]]") :], ""))
    problems = check_banks(tmp_path, rubric, complete=True).problems
    assert "sustainability.toml: opening: 1 opening question; at least 4 needed" in problems
    assert (
        "sustainability.toml: probe: 2 probes target 'sustainability/pass-1'; at least 3 needed"
        in problems
    )
    assert (
        "model-scoping.toml: file: missing; topic 'model-scoping' has no bank in this folder"
        in problems
    )
    # A tutor's partial folder is not held to the minimums.
    assert check_banks(tmp_path, rubric).problems == []
    done = cli("banks", "check", "--complete", tmp_path)
    assert done.returncode == 1
    assert (
        "sustainability.toml: opening: 1 opening question; at least 4 needed"
        in done.stdout.splitlines()
    )


def test_missing_folder(tmp_path: Path, rubric, cli) -> None:
    missing = tmp_path / "nowhere"
    assert check_banks(missing, rubric).problems == [f"{missing}: folder: not found"]
    done = cli("banks", "check", missing)
    assert done.returncode == 1 and done.stdout.strip() == f"{missing}: folder: not found"


@pytest.mark.parametrize("opener", ["[", "{a = "])
def test_deep_nesting(tmp_path: Path, rubric, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    write(tmp_path, BASE, "topic = " + opener * 5000 + "1" + closer * 5000 + "\n")
    assert check_banks(tmp_path, rubric).problems == [
        "sustainability.toml: file: arrays or tables nested too deeply"
    ]
