"""Exports: the CSV mark sheet (columns, every criterion, overrides, safe cells) and pseudonyms."""

from __future__ import annotations

import csv
import io

from practice_bot.records.anonymise import PREFIX, key_path, pseudonym
from practice_bot.records.csv_sheet import COLUMNS, render_csv
from practice_bot.records.report import build_report
from practice_bot.records.store import load_transcript
from practice_bot.tutor.overrides import add_override
from tests.tutor.kit import run_cli, save, session

MS, SUS = "model-scoping", "sustainability"
ANSWERS = [f'=HYPERLINK("x") EVIDENCE:{SUS}/pass-1', f"We framed it.\nPARTLY:{MS}/pass-1"]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_mark_sheet(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS))
    add_override(path, f"{MS}/pass-2", True, "Jo Tutor", "Said it\nin the viva", rubric=rubric)
    t = load_transcript(path)
    text = render_csv(t, build_report(t, rubric))
    reader = csv.reader(io.StringIO(text))
    assert next(reader) == list(COLUMNS)
    rows = _rows(text)
    every = [c.id for topic in rubric.topics for c in topic.criteria]
    assert [r["criterion_id"] for r in rows] == every  # every criterion, in the standard's order
    by_id = {r["criterion_id"]: r for r in rows}
    sus = by_id[f"{SUS}/pass-1"]
    assert sus["decision"] == "evidenced" and sus["overridden"] == "no"
    assert sus["evidence_or_reason"] == f'"EVIDENCE:{SUS}/pass-1"'
    assert sus["ksbs"] == " ".join(rubric.topic(SUS).criteria[0].ksbs)
    assert sus["time"] == "01:00" and sus["scorer"] == "token"
    ms1 = by_id[f"{MS}/pass-1"]
    assert ms1["decision"] == "partly evidenced" and ms1["time"] == "02:00"
    ms2 = by_id[f"{MS}/pass-2"]
    assert (ms2["decision"], ms2["scorer_decision"], ms2["overridden"], ms2["tutor"]) == (
        "evidenced", "not yet evidenced", "yes", "Jo Tutor",
    )  # fmt: skip
    assert ms2["tutor_comment"] == "Said it in the viva"  # one line per cell
    assert ms2["evidence_or_reason"] == "No evidence quoted."  # the reason when there is no quote
    assert by_id["model-management/pass-1"]["decision"] == "not covered"
    assert all(r["apprentice"] == "Sam Patel" for r in rows)
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_pseudonyms_are_stable_keyed_and_name_free(tmp_path):
    a = pseudonym("Sam Patel")
    assert a == pseudonym("  sam   PATEL ") and a.startswith(PREFIX) and len(a) == len(PREFIX) + 8
    assert "sam" not in a.lower() and "patel" not in a.lower()
    assert pseudonym("Sam Patel") != pseudonym("Sam Patil")
    assert key_path().is_file() and key_path().stat().st_mode & 0o077 == 0
    assert pseudonym("Sam Patel", key=b"another key entirely, 32+ chars long") != a


def test_anonymised_csv_and_markdown_reports_from_the_command_line(rubric, tmp_path):
    path = save(tmp_path / "t", session(rubric, ANSWERS, apprentice="Priya Sharma-Jones"))
    first = run_cli(["report", str(path), "--format", "csv", "--anonymise"], tmp_path)
    assert first.returncode == 0, first.stderr
    second = run_cli(["report", str(path), "--format", "md", "--anonymise"], tmp_path)
    assert second.returncode == 0, second.stderr
    rows = _rows(first.stdout)
    name = rows[0]["apprentice"]
    assert name.startswith(PREFIX) and name in second.stdout  # same pseudonym on another run
    for out in (first.stdout, second.stdout):
        assert "Priya" not in out and "Sharma" not in out
    plain = run_cli(["report", str(path), "--format", "csv"], tmp_path)
    assert _rows(plain.stdout)[0]["apprentice"] == "Priya Sharma-Jones"


def test_csv_cells_are_single_line_printable_and_never_formulas():
    from practice_bot.records.csv_sheet import cell

    assert cell("=1+1") == "'=1+1" and cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell("+44 7700") == "'+44 7700" and cell("-2") == "'-2"
    assert cell("a\nb\r\n c\x1b[31m") == "a b c\\x1b[31m"
    assert cell('plain, with "quotes"') == 'plain, with "quotes"'
