"""Regenerates the request schemas the tests check against from OpenAI's openapi.yaml (needs PyYAML).

Usage: python tests/data/openai/extract_schema.py PATH/TO/openapi.yaml
Writes, for each file in OUTPUTS, its root schemas and every schema they reference, transitively,
verbatim; the `$ref`s keep their `#/components/schemas/...` form, so each file is a JSON Schema
(2020-12) document. A file with one root names it in a root `$ref`; with several, tests pick the
request schema by name.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PREFIX = "#/components/schemas/"
HERE = Path(__file__).parent
OUTPUTS = {
    HERE / "create_chat_completion_request.schema.json": ("CreateChatCompletionRequest",),
    HERE / "audio_requests.schema.json": ("CreateTranscriptionRequest", "CreateSpeechRequest"),
}


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


def _referenced(schemas: dict[str, Any], roots: tuple[str, ...]) -> set[str]:
    wanted: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in wanted:
            continue
        wanted.add(name)
        for ref in _refs(schemas[name]):
            if not ref.startswith(PREFIX):
                raise SystemExit(f"unexpected $ref {ref} in {name}")
            stack.append(ref.removeprefix(PREFIX))
    return wanted


def _document(doc: dict[str, Any], roots: tuple[str, ...]) -> dict[str, Any]:
    schemas = doc["components"]["schemas"]
    wanted = _referenced(schemas, roots)
    if len(roots) == 1:
        comment = f"{roots[0]} and the {len(wanted) - 1} schemas it references"
    else:
        comment = f"{' and '.join(roots)} and the {len(wanted) - len(roots)} schemas they reference"
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"{comment}, copied from OpenAI's openapi.yaml "
        f"(info.version {doc['info']['version']}); see README.md",
    }
    if len(roots) == 1:
        out["$ref"] = PREFIX + roots[0]
    out["components"] = {"schemas": {name: schemas[name] for name in sorted(wanted)}}
    return out


def main(path: str) -> None:
    import yaml

    doc = yaml.load(
        Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    for target, roots in OUTPUTS.items():
        out = _document(doc, roots)
        target.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target} ({len(out['components']['schemas'])} schemas)")


if __name__ == "__main__":
    main(sys.argv[1])
