"""No input makes the checker or the loader raise anything but UserError: random bytes, TOML-ish text,
and well-formed TOML holding wrong-typed structures."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_bot.banks import check_banks, load_banks
from practice_bot.errors import UserError
from practice_bot.rubric import load_rubric

RUBRIC = load_rubric()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    'topic = "model-scoping"',
    'topic = "sustainability"',
    "[[opening]]",
    "[[probe]]",
    "[opening]",
    "[probe.x]",
    'id = "probe-1"',
    'text = "How did you decide?"',
    'text = """multi\nline"""',
    'targets = ["model-scoping/pass-1"]',
    'targets = ["sustainability/pass-1", 3]',
    "targets = []",
    "id = 1979-05-27T07:32:00Z",
    "x = { a = [1, 2] }",
    "= broken",
    '"\\u00"',
    "'''",
    "#",
    "\n",
    "[",
    "]",
    "{",
    ",",
    "nan",
    "\x00",
    "\ufeff",
]
KEYS = st.sampled_from(
    ["topic", "opening", "probe", "id", "text", "targets", "extra", "ü", "a b", ""]
)


def toml_value(value: object) -> str:
    """Inline TOML for a JSON-like value (strings escaped as JSON, which TOML accepts)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["model-scoping", "sustainability", "model-scoping/pass-1", "sustainability/pass-1"]
    ),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=20,
)
documents = st.dictionaries(KEYS, values, max_size=5).map(
    lambda doc: "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in doc.items())
)
tomlish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=10)), max_size=40).map(
    "\n".join
)


def exercise(content: bytes, name: str = "model-scoping.toml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / name).write_bytes(content)
        for complete in (False, True):
            result = check_banks(folder, RUBRIC, complete=complete)
            for line in result.problems:
                assert "\n" not in line and "\x1b" not in line
                assert line.startswith(f"{name}: ") or line.split(": ", 1)[0].endswith(".toml")
        try:
            load_banks(RUBRIC, folder)
        except UserError as exc:
            assert str(exc).startswith("question banks: ")


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(content: bytes) -> None:
    exercise(content)


@FUZZ
@given(tomlish)
def test_tomlish_text(text: str) -> None:
    exercise(text.encode("utf-8", "surrogatepass"), name="cohort.toml")


@FUZZ
@given(documents)
def test_wrong_typed_structures(text: str) -> None:
    exercise(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    st.lists(st.fixed_dictionaries({"id": values, "text": values, "targets": values}), max_size=3)
)
def test_wrong_typed_questions(entries: list[dict[str, object]]) -> None:
    body = 'topic = "model-scoping"\n' + "".join(
        "\n[[probe]]\n" + "\n".join(f"{k} = {toml_value(v)}" for k, v in e.items()) for e in entries
    )
    exercise(body.encode("utf-8", "surrogatepass"))
