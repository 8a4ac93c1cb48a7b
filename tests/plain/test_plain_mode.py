"""Plain mode end to end in a subprocess: the real CLI, shipped banks and offline scorer, stdin a pipe."""

from __future__ import annotations

import json
from pathlib import Path

from tests import cli_kit
from tests.cli_kit import Ran

ROOT = Path(__file__).resolve().parents[2]

STRONG = (
    "On the fraud model at the bank I chose recall at a fixed 1% false-positive rate as the metric, "
    "because the business cared about losses caught without swamping the investigators. I agreed the "
    "threshold with the operations lead and tracked it in MLflow for every run."
)


def run_cli(args: list[str], stdin: str, tmp_path: Path, timeout: float = 60) -> Ran:
    """The command line in-process (tests/cli_kit.py), in tmp_path."""
    return cli_kit.run_cli(args, stdin, cwd=tmp_path, timeout=timeout)


def only(folder: Path, suffix: str) -> Path:
    files = [p for p in folder.iterdir() if p.name.endswith(suffix)]
    assert len(files) == 1, files
    return files[0]


def test_practice_plain_end_to_end(tmp_path):
    out = run_cli(
        ["practice", "--plain", "--topics", "model-scoping", "--name", "Sam Patel",
         "--transcripts", str(tmp_path / "t"), "--seed", "3", "--scorer", "offline"],
        f"{STRONG}\n\n/again\n/time\nA second try at it.\n\n",
        tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert "Assessor:" in out.stdout
    assert "Feedback on Model scoping" in out.stdout
    assert "Time:" in out.stdout
    assert "Formative prediction" in out.stdout
    path = only(tmp_path / "t", ".json")
    assert path.name.startswith("sam-patel-") and "-practice-" in path.name
    assert f"Transcript saved: {path}" in out.stdout
    data = json.loads(path.read_text())
    answers = [t["text"] for t in data["turns"] if t["role"] == "apprentice"]
    assert answers == [STRONG, "A second try at it."]
    assert any(t["kind"] == "retry" for t in data["turns"])
    assert data["judgments"] and all(j["scorer"] == "offline" for j in data["judgments"])
    assert data["status"] == "ended_early"


def test_mock_plain_gives_no_feedback_and_end_needs_confirmation(tmp_path):
    out = run_cli(
        ["mock", "--plain", "--name", "Kim", "--transcripts", str(tmp_path / "t"), "--seed", "1"],
        f"{STRONG}\n\n/end\nno\nAnother answer here.\n\n/end\nyes\n",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    body = out.stdout.split("Report for")[0]
    assert "Feedback" not in body and "evidenced" not in body
    assert body.count("End now? [yes/no]") == 2
    assert "Carrying on." in body
    data = json.loads(only(tmp_path / "t", ".json").read_text())
    assert data["status"] == "ended_early"
    assert [t["text"] for t in data["turns"] if t["role"] == "apprentice"] == [
        STRONG,
        "Another answer here.",
    ]
    assert data["grades"]["formative"] is True


def test_end_of_input_saves_everything(tmp_path):
    out = run_cli(
        ["mock", "--plain", "--transcripts", str(tmp_path / "t"), "--seed", "2"],
        "first answer\n\nsecond answer without a blank line",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(only(tmp_path / "t", ".json").read_text())
    assert [t["text"] for t in data["turns"] if t["role"] == "apprentice"] == [
        "first answer",
        "second answer without a blank line",
    ]
    assert not list((tmp_path / "t").glob("*.journal.jsonl"))


def test_same_seed_same_questions(tmp_path):
    def questions(sub: str) -> list[str]:
        run_cli(
            ["mock", "--plain", "--transcripts", str(tmp_path / sub), "--seed", "9"],
            "a\n\nb\n\nc\n\n",
            tmp_path,
        )
        data = json.loads(only(tmp_path / sub, ".json").read_text())
        return [t["text"] for t in data["turns"] if t["kind"] == "question"]

    assert questions("a") == questions("b")


def test_report_command_on_the_transcript(tmp_path):
    run_cli(
        ["practice", "--plain", "--topics", "sustainability", "--transcripts", str(tmp_path / "t")],
        f"{STRONG}\n\n",
        tmp_path,
    )
    path = only(tmp_path / "t", ".json")
    md = run_cli(["report", str(path), "--format", "md"], "", tmp_path)
    assert (
        md.returncode == 0
        and "# Practice report" in md.stdout
        and "sustainability/pass-1" in md.stdout
    )
    js = run_cli(["report", str(path), "--format", "json"], "", tmp_path)
    assert json.loads(js.stdout)["grades"]["formative"] is True
    missing = run_cli(["report", str(tmp_path / "nope.json"), "--format", "md"], "", tmp_path)
    assert missing.returncode == 2 and "nope.json: cannot read" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_practice_without_topics_is_a_clear_error(tmp_path):
    out = run_cli(["practice", "--plain", "--transcripts", str(tmp_path / "t")], "", tmp_path)
    assert out.returncode == 2 and "--topics" in out.stderr and "Traceback" not in out.stderr
