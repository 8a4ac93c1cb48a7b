"""The wait helper for other processes: it returns what the predicate found, and when it gives up it
raises the predicate's own last failure with what was awaited, never a bare timeout or nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.waiting import wait_for


def test_returns_what_the_predicate_found_once_another_thread_writes_it(tmp_path: Path) -> None:
    target = tmp_path / "journal"
    threading.Timer(0.2, target.write_text, args=("answer\n",)).start()
    assert wait_for(target.read_text, "the journal", timeout=30) == "answer\n"


def test_gives_up_with_the_predicates_last_exception(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        wait_for((tmp_path / "never").read_text, "a file never written", timeout=0.2)
    assert "while waiting for a file never written (0.2 s)" in caught.value.__notes__


def test_gives_up_naming_what_it_waited_for() -> None:
    with pytest.raises(AssertionError, match=r"timed out after 0\.2 s waiting for nothing"):
        wait_for(lambda: [], "nothing", timeout=0.2)
