"""The review list: rows with what a tutor scans for, sorted and filtered, and `review [DIR]`."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from practice_bot.errors import UserError
from practice_bot.records.store import load_transcript, save_transcript
from practice_bot.tutor.listing import filter_rows, parse_filters, review_rows, sort_rows
from practice_bot.tutor.overrides import add_override
from tests.tutor.kit import START, run_cli, save, session

MS, SUS = "model-scoping", "sustainability"


def _folder(rubric, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "t"
    a = save(folder, session(rubric, [f"EVIDENCE:{SUS}/pass-1", "no"], apprentice="Zoe Ng"))
    b = save(folder, session(rubric, ["one", "two", "three", "four"], apprentice="amir khan",
                             mode="practice", started=START + timedelta(days=2), pack_id="p1"))  # fmt: skip
    c = save(folder, session(rubric, ["x"], apprentice="Bea Obi", topics=(SUS,),
                             started=START + timedelta(days=1)))  # fmt: skip
    t = load_transcript(b)
    t.judgments[0].review = True
    t.judgments[0].flags = ["injection"]
    save_transcript(b, t)
    add_override(c, f"{SUS}/pass-1", True, "Jo", rubric=rubric)
    return folder, a, b, c


def test_rows_carry_what_a_tutor_scans_for(rubric, tmp_path):
    folder, a, b, c = _folder(rubric, tmp_path)
    rows, problems = review_rows(folder, rubric)
    assert problems == []
    assert [r.path for r in rows] == [b, c, a]  # newest first
    rb = rows[0]
    assert (rb.apprentice, rb.mode, rb.pack_id, rb.flagged, rb.flags) == (
        "amir khan", "practice", "p1", 1, ["injection"],
    )  # fmt: skip
    assert rb.seconds == 240.0 and rb.layers == 1 and rb.scorer == "offline"
    rc = rows[1]
    assert rc.overrides == 1 and rc.blind_marks == 0
    assert json.loads(json.dumps(rc.to_json()))["grades"]["overall"] == rc.grades.overall


def test_sort_and_filter(rubric, tmp_path):
    folder, a, b, c = _folder(rubric, tmp_path)
    rows, _ = review_rows(folder, rubric)
    assert [r.path for r in sort_rows(rows, "apprentice")] == [b, c, a]  # any case
    assert [r.path for r in sort_rows(rows, "date", reverse=True)] == [a, c, b]
    assert sort_rows(rows, "duration")[0].path == b  # longest first
    assert sort_rows(rows, "flagged")[0].path == b
    assert [r.path for r in filter_rows(rows, parse_filters(["apprentice=KHAN"]))] == [b]
    assert [r.path for r in filter_rows(rows, parse_filters(["pack=p1"]))] == [b]
    assert [r.path for r in filter_rows(rows, parse_filters(["flagged=yes"]))] == [b]
    assert [r.path for r in filter_rows(rows, parse_filters(["overridden=yes"]))] == [c]
    assert len(filter_rows(rows, parse_filters(["mode=practice", "flagged=no"]))) == 2
    with pytest.raises(UserError, match="KEY=VALUE"):
        parse_filters(["colour=red"])
    with pytest.raises(UserError, match="--sort"):
        sort_rows(rows, "colour")


def test_review_list_on_the_command_line(rubric, tmp_path):
    folder, *_ = _folder(rubric, tmp_path)
    (folder / "junk.json").write_text("not json")
    out = run_cli(
        ["review", str(folder), "--sort", "apprentice", "--filter", "mode=practice"], tmp_path
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("apprentice")
    assert [ln.split()[0] for ln in lines[1:4]] == ["amir", "Bea", "Zoe"]
    assert "junk.json" in out.stdout and "Skipped" in out.stdout
    out = run_cli(["review", "--json", "--filter", "pack=p1", str(folder)], tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [r["apprentice"] for r in data["rows"]] == ["amir khan"]
    out = run_cli(["review", "list", str(folder), "--reverse"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1].startswith("Zoe")
    out = run_cli(["review", str(tmp_path / "missing")], tmp_path)
    assert out.returncode == 2 and "no such transcripts folder" in out.stderr
