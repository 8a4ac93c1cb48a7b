"""Unpunctuated copies of the calibration set's spoken items (issue #20).

Some speech-to-text engines return lower-case text with no punctuation at all. For every item whose
`style` is `spoken` this writes a copy with id `<id>-unpunct`, style `spoken-unpunctuated-copy`, the answer
lower-cased with its punctuation stripped, and everything else (topic, question, labels, kind) unchanged,
on the line after its source in the same split file. Rerunning is idempotent: the script first removes
the copies it wrote before, then regenerates them; every other line is kept byte for byte.

    python tools/unpunctuate_calibration.py                       # both split files
    python tools/unpunctuate_calibration.py path/to/set.jsonl ...  # named files

Symbols a speaker would say are said in words, as engines that drop punctuation print them:
"30%" -> "30 per cent", "0.5" -> "0 point 5", "£1.8 million" -> "1 point 8 million pounds",
"2,000" -> "2000", "&" -> "and", "+" -> "plus". An apostrophe inside a word stays ("don't"), as such
engines print it; every other non-alphanumeric character becomes a space. See docs/calibration.md.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from practice_bot.errors import UserError
from practice_bot.scoring.evaluate import load_items

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "calibration"
SPLIT_FILES = (DATA / "dev.jsonl", DATA / "test.jsonl")
SOURCE_STYLE = "spoken"
COPY_STYLE = "spoken-unpunctuated-copy"
COPY_SUFFIX = "-unpunct"

CURRENCY = {"£": "pounds", "$": "dollars", "€": "euros"}
_MONEY = re.compile(
    r"([£$€])\s?(\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|thousand|bn|m|k)\b)?)(?!\w)",
    re.IGNORECASE,
)
_WORDS = {
    "%": " per cent ",
    "&": " and ",
    "+": " plus ",
    **{k: f" {v} " for k, v in CURRENCY.items()},
}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def unpunctuate(text: str) -> str:
    """`text` as an engine without punctuation would print it: lower case, words only, one space apart."""
    t = text.translate(_APOSTROPHES)
    t = _MONEY.sub(lambda m: f" {m[2]} {CURRENCY[m[1]]} ", t)  # "£1.8m" -> "1.8m pounds"
    t = re.sub(r"(?<=\d),(?=\d)", "", t)  # digit groups: "2,000" -> "2000"
    t = re.sub(r"(?<=\d)\.(?=\d)", " point ", t)  # decimals: "0.5" -> "0 point 5"
    for symbol, words in _WORDS.items():
        t = t.replace(symbol, words)
    t = t.lower()
    # Keep letters, digits and an apostrophe between two of them; everything else separates words.
    kept = [
        ch
        if ch.isalnum()
        or (ch == "'" and 0 < i < len(t) - 1 and t[i - 1].isalnum() and t[i + 1].isalnum())
        else " "
        for i, ch in enumerate(t)
    ]
    return " ".join("".join(kept).split())


def regenerate(path: Path) -> tuple[int, int]:
    """Rewrite `path` with fresh copies of its spoken items; returns (copies removed, copies written).

    The file is validated first (a bad line stops everything with a message naming file, line and
    field) and written through a temporary file, so a failure never leaves it half written.
    """
    load_items(path)
    out: list[str] = []
    removed = written = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line) if line.strip() else None
        if data is not None and data.get("style") == COPY_STYLE:
            removed += 1
            continue
        out.append(line)
        if data is not None and data.get("style") == SOURCE_STYLE:
            copy = {
                **data,
                "id": data["id"] + COPY_SUFFIX,
                "answer": unpunctuate(data["answer"]),
                "style": COPY_STYLE,
            }
            out.append(json.dumps(copy, ensure_ascii=False))
            written += 1
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    try:
        load_items(tmp)
    except UserError:
        tmp.unlink()
        raise
    tmp.replace(path)
    return removed, written


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or list(SPLIT_FILES)
    try:
        for path in paths:
            removed, written = regenerate(path)
            print(f"{path}: removed {removed} old copies, wrote {written}")
    except UserError as exc:
        print(f"unpunctuate_calibration: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
