"""Hostile and odd input: transcripts and journals with wrong types, missing keys, huge strings, any
unicode, NaN, deep nesting, unknown topics or broken references load or fail with a clear UserError
(TranscriptError), never a traceback - in process (hypothesis) and through the CLI (`report`, `resume`,
`review`, `banks check`) for a few fixed nasty files. Bank files are fuzzed in
tests/banks/test_banks_fuzz.py; here they only go through the CLI."""

from __future__ import annotations

import copy
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from practice_bot.config import Settings
from practice_bot.errors import UserError
from practice_bot.records.csv_sheet import render_csv
from practice_bot.records.html import render_html
from practice_bot.records.journal import replay
from practice_bot.records.render import render_json, render_markdown, render_text
from practice_bot.records.report import build_report
from practice_bot.records.schema import Transcript
from practice_bot.records.store import create_journal, load_transcript, save_final
from practice_bot.rubric import load_rubric
from practice_bot.session.clock import FakeClock
from practice_bot.session.plan import SessionConfig
from tests.conftest import make_engine
from tests.reliability.reliability_kit import cli_env, escapes_in, run_cli

RUBRIC = load_rubric()
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _session_records() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A finished practice session (final JSON) and the journal records that made it."""
    folder = Path(tempfile.mkdtemp(prefix="pb-hostile-"))
    try:
        clock = FakeClock()
        config = SessionConfig(
            mode="practice", topics=["model-scoping", "sustainability"], apprentice="Bo Li", seed=7
        )
        engine = make_engine(RUBRIC, config, clock)
        journal = create_journal(folder, engine.transcript)
        engine.recorder = journal
        for text in (
            "EVIDENCE:model-scoping/pass-1 I framed it",
            "PARTLY:model-scoping/pass-2",
            "EVIDENCE:sustainability/pass-1 I cut GPU hours",
        ):
            if engine.next_question() is None:
                break
            clock.advance(60)
            engine.submit_answer(text)
        engine.next_question()
        engine.skip()
        lines = journal.path.read_text("utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        engine.finish("ended_early")
        final = json.loads(save_final(journal.path, engine.transcript).read_text("utf-8"))
        return final, records
    finally:
        shutil.rmtree(folder, ignore_errors=True)


FINAL, RECORDS = _session_records()

LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        [
            "",
            "nope",
            "model-scoping",
            "model-scoping/pass-1",
            "x" * 200_000,
            "\x1b]52;c;cHduZWQ=\x07",
            "2026-13-45T99:99:99",
            "evidenced",
            "question",
            "apprentice",
            "llm",
            "ended_early",
        ]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _slots(node: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) in a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key
            yield from _slots(value)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield node, i
            yield from _slots(value)


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        slots = list(_slots(data))
        if not slots:
            break
        parent, key = draw(st.sampled_from(slots))
        action = draw(st.sampled_from(["replace", "replace", "delete", "add", "duplicate"]))
        if action == "replace":
            parent[key] = draw(LEAVES)
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(LEAVES)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return data


def _render_all(transcript: Transcript) -> None:
    """Every renderer over a transcript that loaded; none may raise, none may print an escape."""
    report = build_report(transcript, RUBRIC)
    for text in (
        render_text(report),
        render_markdown(report),
        render_json(transcript, report),
        render_html(transcript, report),
        render_csv(transcript, report),
    ):
        assert not escapes_in(text), escapes_in(text)


# ----- transcripts -------------------------------------------------------------------------------------


@FUZZ
@given(data=mutated(FINAL))
def test_fuzzed_transcripts_load_and_render_or_fail_clearly(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.json"
        path.write_text(json.dumps(data, ensure_ascii=False, allow_nan=True), "utf-8")
        try:
            transcript = load_transcript(path)
        except UserError as exc:
            assert str(path) in str(exc)
            event("transcript refused")
            return
        event("transcript loaded")
        _render_all(transcript)


@FUZZ
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_bytes_as_a_transcript_fail_clearly(raw):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "noise.json"
        path.write_bytes(raw)
        with pytest.raises(UserError, match=r"noise\.json"):
            load_transcript(path)


# ----- journals ---------------------------------------------------------------------------------------


@st.composite
def fuzzed_journal(draw: st.DrawFn) -> bytes:
    records = copy.deepcopy(RECORDS)
    how = draw(st.sampled_from(["mutate", "mutate", "insert", "truncate", "shuffle"]))
    if how == "mutate":
        i = draw(st.integers(0, len(records) - 1))
        records[i] = draw(mutated(records[i]))
    elif how == "insert":
        records.insert(draw(st.integers(0, len(records))), draw(LEAVES))
    elif how == "shuffle":
        i, k = draw(st.integers(0, len(records) - 1)), draw(st.integers(0, len(records) - 1))
        records[i], records[k] = records[k], records[i]
    raw = b"".join(
        json.dumps(r, ensure_ascii=False, allow_nan=True).encode() + b"\n" for r in records
    )
    if how == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


@FUZZ
@given(raw=fuzzed_journal())
def test_fuzzed_journals_replay_and_resume_or_fail_clearly(raw):
    from practice_bot.plain import PlainRunner
    from practice_bot.session.factory import resume_session

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bo-li-20260101-0900-practice-t1.journal.jsonl"
        path.write_bytes(raw)
        try:
            replay(path)
        except UserError as exc:
            assert str(path) in str(exc)
            event("journal refused")
            return
        out = io.StringIO()
        try:
            session = resume_session(path, Settings(transcripts=Path(tmp), scorer="offline"))
            PlainRunner(session, io.StringIO("A new answer: I built it.\n\n"), out).run()
        except UserError:
            event("resume refused")
            return
        event("journal resumed")
        assert not escapes_in(out.getvalue()), escapes_in(out.getvalue())
        final = next(Path(tmp).glob("*.json"))
        _render_all(load_transcript(final))


# ----- fixed nasty files through the CLI ------------------------------------------------------------


def _write_nasty(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(name: str, content: str | bytes) -> None:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        files[name] = path

    good = json.dumps(FINAL)
    put("empty.json", b"")
    put("binary.json", bytes(range(256)) * 4)
    put("deep.json", "[" * 100_000 + "]" * 100_000)
    put(
        "nan.json",
        good.replace('"elapsed": 0.0', '"elapsed": NaN', 1).replace(
            '"minutes": 30.0', '"minutes": Infinity'
        ),
    )
    put("unknown-topic.json", json.dumps(FINAL | {"topics": ["no-such-topic"]}))
    bad_turn = copy.deepcopy(FINAL)
    bad_turn["turns"][1]["answers"] = 999
    bad_turn["turns"][0]["topic"] = "no-such-topic"
    put("bad-references.json", json.dumps(bad_turn))
    put("lone-surrogate.json", good.replace('"Bo Li"', '"Bo \\ud800 Li"'))
    put("wrong-types.json", json.dumps(FINAL | {"turns": "many", "judgments": {"a": 1}}))
    put("array.json", "[1, 2, 3]")
    put("huge-string.json", json.dumps(FINAL | {"apprentice": "\x1b[31m" + "A" * 5_000_000}))
    put("escapes-\x1b]0;pwned\x07.json", "{}")
    journal_lines = [json.dumps(r) for r in RECORDS]
    put(
        "deep.journal.jsonl",
        '{"kind": "header", "transcript": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
    )
    put(
        "meta-list.journal.jsonl",
        "\n".join([*journal_lines, '{"kind": "meta", "fields": [1, 2]}', ""]),
    )
    put("bad-middle.journal.jsonl", "\n".join([journal_lines[0], "{oops", *journal_lines[1:], ""]))
    put("no-header.journal.jsonl", "\n".join([*journal_lines[1:], ""]))
    put(
        "unknown-topic.journal.jsonl",
        "\n".join(
            [
                json.dumps(
                    {"kind": "header", "transcript": RECORDS[0]["transcript"] | {"topics": ["zzz"]}}
                ),
                "",
            ]
        ),
    )
    put("torn-header.journal.jsonl", journal_lines[0][:40])
    (folder / "a-directory.json").mkdir()
    return files


def _clean(result: Any, name: str) -> None:
    out = result.stdout.decode("utf-8", "surrogateescape")
    err = result.stderr.decode("utf-8", "surrogateescape")
    assert "Traceback" not in err, f"{name}: {err[-2000:]}"
    assert result.returncode in (0, 1, 2), f"{name}: exit {result.returncode}: {err[-500:]}"
    assert not escapes_in(out) and not escapes_in(err), f"{name}: {escapes_in(out + err)}"
    if result.returncode == 2:
        assert err.startswith("practice-bot: "), f"{name}: {err[:300]}"


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    home = tmp_path_factory.mktemp("nasty")
    return home, _write_nasty(home / "t")


def _in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    """The CLI's main() in this process: any exception but a UserError fails the test right here."""
    from types import SimpleNamespace

    from practice_bot.cli import main

    code = main(args)
    out, err = capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out.encode(), stderr=err.encode())


def test_cli_report_on_nasty_files(nasty, capsys):
    home, files = nasty
    for name, path in files.items():
        # One real process per file; every other format in process.
        _clean(run_cli(["report", str(path), "--format", "text"], "", home), f"{name} text")
        if "huge" in name:
            continue
        for fmt in ("md", "json", "csv", "html"):
            _clean(_in_process(["report", str(path), "--format", fmt], capsys), f"{name} {fmt}")


def test_cli_review_and_resume_on_nasty_files(nasty, capsys):
    home, files = nasty
    folder = next(iter(files.values())).parent
    _clean(run_cli(["review", str(folder)], "", home), "review")
    _clean(_in_process(["review", str(folder), "--json"], capsys), "review --json")
    _clean(_in_process(["review", "cohort", str(folder)], capsys), "review cohort")
    for name, path in files.items():
        _clean(_in_process(["review", "show", str(path)], capsys), f"review show {name}")
        if name.endswith(".journal.jsonl"):
            copy_dir = home / f"resume-{name}"
            copy_dir.mkdir()
            shutil.copy(path, copy_dir / name)
            _clean(
                run_cli(["resume", str(copy_dir / name), "--plain"], "An answer.\n\n", home),
                f"resume {name}",
            )


def test_cli_banks_check_on_nasty_banks(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "binary.toml").write_bytes(bytes(range(256)))
    (banks / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000)
    (banks / "escape.toml").write_text('topic = "\\u001b]0;pwned\\u0007"\n[[opening]]\nid = 3\n')
    (banks / "huge.toml").write_text(
        'topic = "model-scoping"\n[[opening]]\nid = "o1"\ntext = "'
        + "Why? " * 400_000
        + '"\ntargets = ["model-scoping/pass-1"]\n'
    )
    (banks / "\x1b[31mred.toml").write_text("= broken")
    (banks / "dir.toml").mkdir()
    result = run_cli(["banks", "check", str(banks)], "", tmp_path)
    _clean(result, "banks check")
    assert result.returncode == 1
    # A session with them as a tutor's extra banks: a clear message, not a traceback.
    env_extra = {"PRACTICE_BOT_EXTRA_BANKS": str(banks)}
    session = run_cli(
        ["practice", "--plain", "--topics", "model-scoping"],
        "",
        tmp_path,
        env=cli_env(tmp_path, **env_extra),
    )
    _clean(session, "practice with nasty extra banks")
    assert session.returncode == 2


def test_invalid_utf8_in_a_paste_is_stored_as_replacement_characters(tmp_path):
    """Bytes that are not UTF-8 reach Python as lone surrogates, which no JSON file can hold: they
    become U+FFFD instead of crashing the journal write (and losing the answer)."""
    raw = "I tuned it \udcff\udcfe and \udcc3 then shipped.\n\n"  # surrogateescape'd \xff\xfe \xc3
    bad_name = "Noor \udcff"
    # Strict decoding of stdin, as under most UTF-8 locales.
    env = cli_env(tmp_path, PYTHONIOENCODING="utf-8:strict")
    result = run_cli(
        ["mock", "--plain", "--name", bad_name, "--transcripts", str(tmp_path / "t")],
        raw.encode("utf-8", "surrogateescape"),
        tmp_path,
        env=env,
    )
    _clean(result, "invalid utf-8")
    assert result.returncode == 0
    final = load_transcript(next((tmp_path / "t").glob("*.json")))
    assert [t.text for t in final.answers()] == ["I tuned it \ufffd\ufffd and \ufffd then shipped."]
    assert final.apprentice == "Noor \ufffd"
