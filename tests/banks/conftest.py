"""Fixtures for the question-bank tests (the CLI is tests/conftest.py's `cli`)."""

from __future__ import annotations

import pytest

from practice_bot.rubric import Rubric, load_rubric


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return load_rubric()
