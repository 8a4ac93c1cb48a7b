"""Structured output: pydantic models as strict json_schema response formats, and replies parsed back."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from practice_bot.llm.failures import ParseError

M = TypeVar("M", bound=BaseModel)

JSON_OBJECT: dict[str, Any] = {"type": "json_object"}
_FENCE = re.compile(r"^\s*```(?:json)?\s*\n(.*)\n\s*```\s*$", re.DOTALL)
_DROP = ("title", "default")


def strict_json_schema(
    model: type[BaseModel], enums: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Any]:
    """The model's JSON schema made valid for strict mode: refs inlined, every object closed
    (additionalProperties false) with all its properties required. `enums` pins string properties
    of that name to a list of values (for example the criterion ids of a topic)."""
    raw = model.model_json_schema()
    defs: dict[str, Any] = raw.pop("$defs", {})

    def fix(node: Any) -> Any:
        if isinstance(node, list):
            return [fix(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return fix(defs[node["$ref"].rsplit("/", 1)[-1]])
        out = {k: fix(v) for k, v in node.items() if k not in _DROP}
        if out.get("type") == "object":
            props: dict[str, Any] = out.setdefault("properties", {})
            for name, spec in props.items():
                if enums and name in enums and spec.get("type") == "string":
                    spec["enum"] = list(enums[name])
            out["required"] = list(props)
            out["additionalProperties"] = False
        return out

    schema: dict[str, Any] = fix(raw)
    return schema


def json_schema_format(
    name: str, model: type[BaseModel], enums: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Any]:
    """`response_format` for a strict json_schema reply."""
    return {
        "type": "json_schema",
        "json_schema": {"name": name, "strict": True, "schema": strict_json_schema(model, enums)},
    }


def parse_reply(text: str, model: type[M]) -> M:
    """The reply as `model`; ParseError("invalid_json" | "schema") otherwise. Tolerates a ```json fence."""
    fenced = _FENCE.match(text)
    body = fenced.group(1) if fenced else text
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise ParseError("invalid_json", f"{exc.msg} at character {exc.pos}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "reply"
        raise ParseError("schema", f"{where}: {first['msg']}") from None
