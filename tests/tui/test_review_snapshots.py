"""SVG snapshots of the tutor's screens at 80x24 and 120x40: the review list, one transcript's review
(an overridden, flagged criterion highlighted) and the cohort view. Deterministic: transcripts on fixed
dates scored by the TokenScorer, an override at a fixed time. Update with
`pytest tests/tui --snapshot-update` after checking the pictures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from practice_bot.config import Settings
from practice_bot.rubric import Rubric
from practice_bot.tui.app import ReviewStart
from practice_bot.tutor.overrides import add_override
from tests.tui.review_kit import tutor_folder
from tests.tui.test_snapshots import SIZES, freeze_cursors
from tests.tui.tui_testkit import make_app, screen_name, settle, wait_until


def folder_with_override(folder: Path, rubric: Rubric) -> None:
    paths = tutor_folder(folder, rubric)
    add_override(
        paths["sam"], "model-scoping/pass-2", True, "Jo Tutor",
        "Named the metrics and why recall mattered to the business.",
        rubric=rubric, now=datetime(2026, 1, 9, 16, 30, tzinfo=UTC),
    )  # fmt: skip


async def _list(pilot: Pilot[Any]) -> None:
    await wait_until(pilot, lambda: pilot.app.screen.loaded, what="rows")


async def _transcript(pilot: Pilot[Any]) -> None:
    await _list(pilot)
    await pilot.press("down", "down", "enter")
    await wait_until(pilot, lambda: screen_name(pilot.app) == "TranscriptReviewScreen")
    criteria = pilot.app.screen.query_one("#criteria", OptionList)
    criteria.highlighted = criteria.get_option_index("model-scoping/pass-2")


async def _cohort(pilot: Pilot[Any]) -> None:
    await _list(pilot)
    await pilot.press("c")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "cohort", None) is not None)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "steps",
    [
        pytest.param(_list, id="review-list"),
        pytest.param(_transcript, id="review-transcript"),
        pytest.param(_cohort, id="cohort"),
    ],
)
def test_tutor_screens(
    snap_compare: Any, settings: Settings, folder: Path, rubric: Rubric, size: tuple[int, int],
    steps: Any,
) -> None:  # fmt: skip
    folder_with_override(folder, rubric)
    app = make_app(settings, review=ReviewStart(folder))

    async def run_before(pilot: Pilot[Any]) -> None:
        await steps(pilot)
        freeze_cursors(pilot.app)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
