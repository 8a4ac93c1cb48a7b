"""Regenerate docs/transcript.schema.json from the pydantic Transcript model (tests check it is current)."""

from __future__ import annotations

import json
from pathlib import Path

from practice_bot.records.schema import Transcript

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "transcript.schema.json"


def schema_text() -> str:
    schema = Transcript.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "practice-bot transcript"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
