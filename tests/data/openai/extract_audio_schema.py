"""Regenerates audio_requests.schema.json from OpenAI's openapi.yaml (needs PyYAML).

Usage: python tests/data/openai/extract_audio_schema.py PATH/TO/openapi.yaml
Copies `CreateTranscriptionRequest`, `CreateSpeechRequest` and every schema they reference,
transitively, verbatim; the
`$ref`s keep their `#/components/schemas/...` form, so the file is a JSON Schema (2020-12) document
(no root `$ref`: tests pick the request schema by name).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOTS = ("CreateTranscriptionRequest", "CreateSpeechRequest")
PREFIX = "#/components/schemas/"
OUT = Path(__file__).with_name("audio_requests.schema.json")


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def main(path: str) -> None:
    import yaml

    doc = yaml.load(
        Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    schemas = doc["components"]["schemas"]
    wanted: set[str] = set()
    stack = list(ROOTS)
    while stack:
        name = stack.pop()
        if name in wanted:
            continue
        wanted.add(name)
        for ref in _refs(schemas[name]):
            if not ref.startswith(PREFIX):
                raise SystemExit(f"unexpected $ref {ref} in {name}")
            stack.append(ref.removeprefix(PREFIX))
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"{' and '.join(ROOTS)} and the {len(wanted) - 2} schemas they reference, copied from OpenAI's "
        f"openapi.yaml (info.version {doc['info']['version']}); see README.md",
        "components": {"schemas": {name: schemas[name] for name in sorted(wanted)}},
    }
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(wanted)} schemas)")


if __name__ == "__main__":
    main(sys.argv[1])
