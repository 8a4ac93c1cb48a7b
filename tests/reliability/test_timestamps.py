"""Times written without a UTC offset (`"2026-01-01T00:00:00"`, as a hand edit or another tool may
leave them) are read as UTC at the schema, so one such transcript no longer breaks the tutor's views of
a whole folder, and naive and aware override times together no longer break `report`."""

from __future__ import annotations

import json
from pathlib import Path

from practice_bot.records.store import load_transcript
from tests.reliability.reliability_kit import finals, run_cli


def _two_sessions(home: Path) -> Path:
    folder = home / "t"
    for name in ("Ada", "Ben"):
        done = run_cli(
            ["mock", "--plain", "--name", name, "--seed", "4", "--transcripts", str(folder)],
            "I trained a model and compared it with a baseline on held-out data.\n\n/end\n", home,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr.decode()
    return folder


def test_a_naive_start_time_does_not_break_the_folder(tmp_path):
    folder = _two_sessions(tmp_path)
    naive, _aware = finals(folder)
    data = json.loads(naive.read_text("utf-8"))
    data["started_at"] = "2026-01-01T00:00:00"
    data["finished_at"] = "2026-01-01T00:30:00"
    for turn in data["turns"]:
        turn["at"] = "2026-01-01T00:01:00"
    criterion = data["judgments"][0]["criterion_id"]
    data["overrides"] = [
        {"criterion_id": criterion, "evidenced": True, "tutor": "T", "at": "2026-01-02T10:00:00",
         "blind": True},
        {"criterion_id": criterion, "evidenced": False, "tutor": "T",
         "at": "2026-01-02T11:00:00+01:00", "blind": False},
    ]  # fmt: skip
    naive.write_text(json.dumps(data), "utf-8")
    runs = [
        ["review", "list", str(folder)],
        ["review", "list", str(folder), "--json"],
        ["review", "cohort", str(folder)],
        ["review", "agreement", str(folder)],
        ["history", "--transcripts", str(folder), "--name", "Ada"],
        *(["report", str(naive), "--format", f] for f in ("text", "md", "json", "html", "csv")),
    ]
    for args in runs:
        r = run_cli(args, "", tmp_path)
        err = r.stderr.decode()
        assert r.returncode == 0 and "Traceback" not in err, (args, err[-1500:])
    listed = run_cli(["review", "list", str(folder), "--json"], "", tmp_path).stdout.decode()
    assert "Ada" in listed and "Ben" in listed
    loaded = load_transcript(naive)
    assert loaded.started_at.utcoffset() is not None and loaded.started_at.hour == 0
