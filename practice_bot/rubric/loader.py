"""Loads the standard from the data file shipped in the package (standard.json)."""

from __future__ import annotations

import json
from functools import lru_cache

from practice_bot.resources import RUBRIC_FILE
from practice_bot.rubric.models import Rubric

DATA_FILE = RUBRIC_FILE


@lru_cache(maxsize=1)
def load_rubric() -> Rubric:
    return Rubric.model_validate(json.loads(DATA_FILE.read_text(encoding="utf-8")))
