"""`practice-bot rules check [DIR]` on the package's rules and on broken copies of them: each problem is
named by file, key and what is wrong, with exit code 1 and no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from practice_bot.cli import main
from practice_bot.scoring.ruleset import RULES_DIR


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    return copy


def _check(capsys: pytest.CaptureFixture[str], directory: Path | None = None) -> tuple[int, str]:
    code = main(["rules", "check", *([str(directory)] if directory else [])])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_rules_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys)
    assert code == 0, out
    assert "rules OK: 45 criteria, " in out


def test_unknown_criterion_id(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (rules / "model-scoping.toml").open("a", encoding="utf-8") as f:
        f.write('\n[criteria."model-scoping/pass-9"]\n[[criteria."model-scoping/pass-9".slots]]\n')
        f.write('label = "x"\nterms = ["scoping"]\n')
    code, out = _check(capsys, rules)
    assert code == 1
    assert 'model-scoping.toml: criteria."model-scoping/pass-9": unknown criterion id' in out


def test_criterion_with_no_rules(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (rules / "sustainability.toml").unlink()
    code, out = _check(capsys, rules)
    assert code == 1
    assert 'sustainability.toml: criteria."sustainability/pass-1": no rules' in out


def test_empty_slot(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(rules / "model-management.toml", 'terms = ["@hardware"]', "terms = []")
    code, out = _check(capsys, rules)
    assert code == 1
    assert (
        'model-management.toml: criteria."model-management/pass-1".slots[1]: '
        "slot 'the hardware' is empty" in out
    )


def test_unused_vocabulary_entry(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (rules / "vocabulary.toml").open("a", encoding="utf-8") as f:
        f.write('nobody_uses_this = ["a phrase"]\n')
    code, out = _check(capsys, rules)
    assert code == 1
    assert "vocabulary.toml: vocabulary.nobody_uses_this: unused" in out


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ("!!!", "has no words the matcher can read"),
        ("mon*itor", "'*' may only end a word"),
        ("... drift", "starts or ends with '...'"),
        ("drift ...", "starts or ends with '...'"),
        ("drift|shift", "list each phrase as its own string"),
        ("@no_such_list", "no vocabulary entry 'no_such_list'"),
    ],
)
def test_phrase_the_matcher_cannot_compile(
    rules: Path, capsys: pytest.CaptureFixture[str], phrase: str, why: str
) -> None:
    _edit(
        rules / "model-management.toml",
        'terms = ["@hardware"]',
        f'terms = ["@hardware", "{phrase}"]',
    )
    code, out = _check(capsys, rules)
    assert code == 1
    assert 'model-management.toml: criteria."model-management/pass-1".slots[1].terms: ' in out
    assert why in out


def test_broken_toml_and_wrong_types_are_named(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(rules / "model-scoping.toml", "need = 5", 'need = "five"')
    (rules / "sustainability.toml").write_text("[criteria\n", encoding="utf-8")
    code, out = _check(capsys, rules)
    assert code == 1
    assert 'model-scoping.toml: criteria."model-scoping/pass-1".need: ' in out
    assert "sustainability.toml: (file): not valid TOML" in out


def test_a_missing_directory_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(capsys, tmp_path / "nowhere")
    assert code == 2
    assert "no such rules directory" in out


def test_word_sense_and_marker_keys_are_checked(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `unless` (another word sense), and the `hedges`/`object` marker lists of issue #13
    _edit(
        rules / "sustainability.toml",
        'unless = ["codebase",',
        'unless = ["carbon", "mon*itor", "codebase",',
    )
    _edit(rules / "markers.toml", 'hedges = [\n    "i think",', 'hedges = [\n    "@no_such_list",')
    _edit(rules / "markers.toml", 'object = [\n    "model*",', 'object = [\n    "... model",')
    code, out = _check(capsys, rules)
    assert code == 1
    where = 'sustainability.toml: criteria."sustainability/pass-1".slots[0].unless: '
    assert where + "'carbon' is also a term of slot 'the environmental impact'" in out
    assert where + "'mon*itor': '*' may only end a word" in out
    assert "markers.toml: markers.hedges: @no_such_list: no vocabulary entry" in out
    assert "markers.toml: markers.object: '... model' starts or ends with '...'" in out


def test_an_unknown_key_in_a_slot_is_named(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(rules / "sustainability.toml", "unless = [", "unles = [")
    code, out = _check(capsys, rules)
    assert code == 1
    assert 'sustainability.toml: criteria."sustainability/pass-1".slots[0].unles: ' in out


def test_word_senses_of_shared_phrases_are_checked(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # [senses] in senses.toml: a phrase no slot holds, and a phrase the matcher cannot read
    _edit(
        rules / "senses.toml",
        '[senses]\n"vulnerab*" = [',
        '[senses]\n"no such phrase*" = ["x"]\n"vulnerab*" = ["mon*itor", ',
    )
    code, out = _check(capsys, rules)
    assert code == 1
    assert (
        'senses.toml: senses."no such phrase*": unused: no slot or marker holds this phrase' in out
    )
    assert "senses.toml: senses.\"vulnerab*\": 'mon*itor': '*' may only end a word" in out
