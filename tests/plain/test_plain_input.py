"""Line mode never drops what is typed (issue 15, items 1 and 2): a line typed at an Enter prompt starts
the next answer, and a command on a line of its own is seen after answer text too."""

from __future__ import annotations

import json

from tests.plain.test_plain_mode import STRONG, only, run_cli


def answers(folder) -> list[str]:
    data = json.loads(only(folder, ".json").read_text())
    return [t["text"] for t in data["turns"] if t["role"] == "apprentice"]


def practice(tmp_path, stdin: str, topics: str = "model-scoping,sustainability"):
    out = run_cli(
        ["practice", "--plain", "--topics", topics, "--name", "Sam",
         "--transcripts", str(tmp_path / "t"), "--seed", "3", "--scorer", "offline"],
        stdin,
        tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return out


def test_piped_answers_are_all_kept(tmp_path):
    out = practice(tmp_path, "first answer\n\nsecond answer\n\nthird answer\n\n")
    assert answers(tmp_path / "t") == ["first answer", "second answer", "third answer"]
    assert "Kept as the start of your next answer" in out.stdout


def test_line_typed_at_the_pause_prompt_starts_the_answer(tmp_path):
    out = practice(tmp_path, "/pause\nwhat I was going to say\nand more\n\n")
    assert "Paused" in out.stdout
    assert answers(tmp_path / "t") == ["what I was going to say\nand more"]


def test_commands_after_answer_text_are_commands(tmp_path):
    out = practice(tmp_path, "line one\n/time\nline two\n\n")
    assert answers(tmp_path / "t") == ["line one\nline two"]
    assert "Time:" in out.stdout and "answer so far is kept" in out.stdout


def test_end_after_answer_text_keeps_the_answer_and_asks(tmp_path):
    out = run_cli(
        ["mock", "--plain", "--name", "Kim", "--transcripts", str(tmp_path / "t"), "--seed", "1"],
        f"{STRONG}\n/end\nyes\n",
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert "End now? [yes/no]" in out.stdout
    assert answers(tmp_path / "t") == [STRONG]
    data = json.loads(only(tmp_path / "t", ".json").read_text())
    assert data["status"] == "ended_early"
    # only one answer was sent: the session ended there, not after another question was answered
    assert sum(t["kind"] == "question" for t in data["turns"]) == 1


def test_end_after_answer_text_in_practice_skips_the_enter_prompt(tmp_path):
    out = practice(tmp_path, f"{STRONG}\n/end\nyes\n")
    assert answers(tmp_path / "t") == [STRONG]
    assert "Press Enter for the next question" not in out.stdout
    assert "End this session now? [yes/no]" in out.stdout


def test_skip_after_answer_text_sends_it(tmp_path):
    out = practice(tmp_path, "half an answer\n/skip\n", topics="model-scoping")
    assert answers(tmp_path / "t") == ["half an answer"]
    assert "sent as your answer" in out.stdout


def test_line_mode_feedback_names_criteria_and_says_the_probe_once(tmp_path):
    out = practice(tmp_path, f"{STRONG}\n\n", topics="model-scoping")
    assert "pass-1 ML lifecycle stages:" in out.stdout
    assert out.stdout.count("An assessor would probe next:") == 1
    assert "An assessor would probe next: An assessor" not in out.stdout
