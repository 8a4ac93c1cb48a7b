"""Waiting on another process (a journal it writes, a file it leaves): `wait_for` polls a predicate
and, if the bound runs out, raises the predicate's last exception or says what it waited for.

The bound only stops a test that would otherwise hang; it is generous because the suite runs on
loaded machines (in parallel workers beside other jobs). Waiting on the app's own work is
`tests.tui.tui_testkit.wait_until`, which waits on its workers instead of polling."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

BOUND = 60.0


def wait_for(predicate: Callable[[], T], what: str, timeout: float = BOUND) -> T:
    """Poll `predicate` until it returns something true, and return that. On timeout, re-raise the
    predicate's last exception (noting what was awaited), else an AssertionError naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
            if result:
                return result
            last: Exception | None = None
        except Exception as exc:  # a file not there yet, a line half written: look again
            last = exc
        if time.monotonic() > deadline:
            if last is not None:
                last.add_note(f"while waiting for {what} ({timeout:g} s)")
                raise last
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)
