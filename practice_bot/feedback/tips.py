"""Feedback tips per criterion: advice to develop it, how to complete a partial answer, praise, next probe.

The text lives in tips.toml next to this module, one table per criterion id of the rubric.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

DATA_FILE = Path(__file__).with_name("tips.toml")

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Tip(BaseModel):
    """What the end-of-session report says about one criterion."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    develop: _Text
    """Two or three sentences on what evidence to bring when the criterion was not evidenced."""
    partly: _Text
    """One sentence on turning a partial answer into full evidence."""
    strength: _Text
    """One short sentence of praise when the criterion was evidenced."""
    probe: _Text
    """A short phrase naming what an assessor would probe next."""


@lru_cache(maxsize=1)
def load_tips() -> MappingProxyType[str, Tip]:
    """Every tip in tips.toml, keyed by criterion id (read and validated once)."""
    with DATA_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    return MappingProxyType({cid: Tip.model_validate(body) for cid, body in raw.items()})


def tip(criterion_id: str) -> Tip:
    """The tip for `criterion_id`, e.g. `model-scoping/pass-2`; KeyError if there is none."""
    tips = load_tips()
    if criterion_id not in tips:
        raise KeyError(criterion_id)
    return tips[criterion_id]
