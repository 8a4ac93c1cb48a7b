"""JSON output escapes DEL, C1 controls and bidi overrides as JSON escapes."""

from __future__ import annotations

import json
from pathlib import Path

from reliability_kit import escapes_in, finals, run_cli

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
