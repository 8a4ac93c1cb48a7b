"""The reliability tests' own setup: the httpx2 marker (pytest-httpx2 reads it but, loaded through its
package, does not register it)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "httpx2(**options): options for the httpx2_mock respx router (assert_all_called...)",
    )
