"""A test-only shim for practice-bot processes, loaded by putting this folder on PYTHONPATH.

PB_TEST_FIXED_ID=HEX makes every new session start with that transcript id (the store must still find
a free name), and PB_TEST_FIXED_START=ISO makes every session start at that moment: a class of
sessions colliding on name, minute and id.

With PB_TEST_KILL set, the process SIGKILLs itself at a chosen point. Set it to KIND:N:HOW:

- KIND is the kind of journal record: header, question (a question or retry turn), answer (an
  apprentice turn), notice (a time check), judgments, event, status, meta, usage, any; or `final`
  for the atomic write of the finished transcript, `link` for a new journal linked into place;
- N counts records of that kind written by this process (1 = the first);
- HOW is `before` (die before the record is written), `after` (die once it is written and fsynced),
  `torn:K` (write only the first K bytes of the line, fsync, die; K < 0 leaves off the last -K bytes,
  `torn:half` writes half). For `final`: `before` dies with the temporary file written but not yet
  renamed into place, `after` dies once it is in place but before the journal is removed.

The kill is a real SIGKILL, delivered inside `Journal.write` between the partial write and the rest:
the nearest a test can get to pulling the plug at an exact byte.
"""

from __future__ import annotations

import os
import signal

_SPEC = os.environ.get("PB_TEST_KILL", "")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _kind(record: dict) -> str:  # type: ignore[type-arg]
    kind = str(record.get("kind"))
    if kind == "turn":
        turn = record.get("turn") or {}
        if turn.get("role") == "apprentice":
            return "answer"
        return "question" if turn.get("kind", "question") in ("question", "retry") else "notice"
    return kind


def _cut(spec: str, size: int) -> int:
    if spec == "half":
        return size // 2
    k = int(spec)
    return max(0, size + k) if k < 0 else min(k, size)


def _install(spec: str) -> None:
    kind, n_text, how = spec.split(":", 2)
    wanted = int(n_text)
    if kind == "link":  # the new journal, header and all, has just been linked into place
        real_link = os.link

        def link(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
            real_link(src, dst, *args, **kwargs)
            _die()

        os.link = link
        return
    if kind == "final":
        real_replace = os.replace

        def replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
            name = os.fspath(dst)
            if name.endswith(".json"):
                if how == "before":
                    _die()
                real_replace(src, dst, *args, **kwargs)
                _die()
            real_replace(src, dst, *args, **kwargs)

        os.replace = replace
        return

    from practice_bot.records import journal

    real = journal.Journal.write
    seen = {"count": 0}

    def write(self, record):  # type: ignore[no-untyped-def]
        if kind in ("any", _kind(record)):
            seen["count"] += 1
            if seen["count"] == wanted:
                if how == "before":
                    _die()
                if how.startswith("torn:"):
                    real_write = os.write

                    def torn(fd: int, data: bytes) -> int:
                        real_write(fd, data[: _cut(how[5:], len(data))])
                        os.fsync(fd)
                        _die()
                        return 0

                    os.write = torn  # type: ignore[assignment]
                real(self, record)
                _die()
        real(self, record)

    journal.Journal.write = write  # type: ignore[method-assign]


def _fix_start() -> None:
    fixed_id = os.environ.get("PB_TEST_FIXED_ID")
    fixed_start = os.environ.get("PB_TEST_FIXED_START")
    if fixed_id:
        from practice_bot.session import factory

        factory.new_transcript_id = lambda: fixed_id  # type: ignore[attr-defined]
    if fixed_start:
        from datetime import datetime

        from practice_bot.session.clock import SystemClock

        SystemClock.now = lambda self: datetime.fromisoformat(fixed_start)  # type: ignore[method-assign]


_fix_start()
if _SPEC:
    _install(_SPEC)
