"""Every field of a hostile transcript - not just the answers and names the views already escape -
reaches the terminal printable: judgments' flags and scorer, a re-scoring layer's id, an override's
criterion id, the usage line's `counted_with`. Commands print through one sanitiser (cli.main), so a
field no view thought of is covered too; JSON output escapes the same characters as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reliability.reliability_kit import escapes_in, finals, run_cli

TITLE = "\x1b]0;owned title\x07"
CLIP = "\x1b]52;c;cHduZWQ=\x07"
CLEAR = "\x1b[2J\x1b[H"
C1 = "\x9b2J \x9d0;t\x9c \x85 \u202eevil"


def _finished(home: Path) -> Path:
    folder = home / "t"
    done = run_cli(
        ["mock", "--plain", "--name", "Ada", "--seed", "4", "--transcripts", str(folder)],
        "I trained a model and measured its precision against a baseline.\n\n/end\n", home,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    return finals(folder)[0]


def _poison(path: Path) -> dict:
    data = json.loads(path.read_text("utf-8"))
    first = data["judgments"][0]
    criterion = first["criterion_id"]
    for j in data["judgments"]:
        j["flags"] = [TITLE + "flag", C1]
        j["scorer"] = CLIP + "scorer"
    layer_judgments = [dict(j) for j in data["judgments"]]
    data["rescores"] = [
        {"id": CLEAR + "layer" + C1, "scorer": TITLE + "llm", "at": "2026-03-02T10:00:00+00:00",
         "judgments": layer_judgments, "notes": [CLIP + "note"]},
    ]  # fmt: skip
    data["overrides"] = [
        {"criterion_id": criterion, "evidenced": True, "tutor": "T", "at": "2026-03-02T11:00:00+00:00",
         "blind": True},
        {"criterion_id": CLEAR + criterion + TITLE, "evidenced": False, "tutor": "T" + C1,
         "at": "2026-03-02T11:00:00+00:00", "blind": True},
    ]  # fmt: skip
    data["usage"] = {"prompt_tokens": 5, "completion_tokens": 5, "calls": 1, "counted_with": TITLE}
    path.write_text(json.dumps(data), "utf-8")
    return data


def test_every_field_of_a_hostile_transcript_is_printable(tmp_path):
    final = _finished(tmp_path)
    _poison(final)
    runs = [
        ["report", str(final)],
        ["report", str(final), "--format", "md"],
        ["report", str(final), "--format", "text"],
        ["review", "show", str(final)],
        ["review", "list", str(final.parent)],
        ["review", "agreement", str(final.parent)],
        ["review", "cohort", str(final.parent)],
        ["history", "--transcripts", str(final.parent), "--name", "Ada"],
    ]
    for args in runs:
        r = run_cli(args, "", tmp_path)
        assert b"Traceback" not in r.stderr, (args, r.stderr.decode()[-800:])
        assert not escapes_in(r.stdout + r.stderr), (args, escapes_in(r.stdout + r.stderr))
    shown = run_cli(["review", "show", str(final)], "", tmp_path).stdout.decode()
    assert "\\x1b]0;owned title\\x07flag" in shown  # made visible, not dropped


def test_the_usage_line_of_a_resumed_plain_session_is_printable(tmp_path):
    folder = tmp_path / "t"
    killed = run_cli(
        ["mock", "--plain", "--name", "Ada", "--seed", "4", "--transcripts", str(folder)],
        "An answer about a baseline model.\n\n", tmp_path, kill="judgments:1:after",
    )  # fmt: skip
    assert killed.returncode != 0
    journal = next(folder.glob("*.journal.jsonl"))
    usage = {"prompt_tokens": 7, "completion_tokens": 3, "calls": 2, "counted_with": TITLE + CLIP}
    with journal.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"kind": "usage", "usage": usage}) + "\n")
    r = run_cli(["resume", str(journal), "--plain"], "/end\n", tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "LLM usage" in out and "counted with \\x1b]0;owned title\\x07" in out
    assert not escapes_in(r.stdout + r.stderr), escapes_in(r.stdout + r.stderr)


def test_json_output_of_the_review_commands_escapes_c1_and_bidi(tmp_path):
    final = _finished(tmp_path)
    data = json.loads(final.read_text("utf-8"))
    data["apprentice"] = "Eve " + C1 + "\x7f"
    final.write_text(json.dumps(data), "utf-8")
    for args in (
        ["review", "show", str(final), "--json"],
        ["review", "list", str(final.parent), "--json"],
        ["review", "cohort", str(final.parent), "--json"],
    ):
        r = run_cli(args, "", tmp_path)
        assert r.returncode == 0, (args, r.stderr.decode())
        assert not escapes_in(r.stdout), (args, escapes_in(r.stdout))
        for ch in ("\u202e", "\u009b", "\u009d", "\u0085"):
            assert ch not in r.stdout.decode(), (args, ch)
        parsed = json.dumps(json.loads(r.stdout), ensure_ascii=False)
        assert "\x9b2J \x9d0;t\x9c" in parsed and "\u202eevil\x7f" in parsed  # the text is intact
