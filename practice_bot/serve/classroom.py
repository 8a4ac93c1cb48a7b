"""Who is in the class: one seat per learner, each with its app process and, while connected, a browser.

A seat is taken when a signed-in learner's terminal connects. When the browser goes away the seat waits
`grace` seconds for it to come back (a reload, a dropped Wi-Fi) and the same process carries on; after
that the process is stopped and the seat freed, and the next connection resumes from the journal.
At most `capacity` seats, and one live browser per learner.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from practice_bot.serve.names import learner_key
from practice_bot.serve.process import LearnerProcess, Output, learner_environment

# What the learner app (practice_bot/tui/learner_app.py) takes these signals to mean.
BROWSER_AWAY, BROWSER_BACK = signal.SIGUSR1, signal.SIGUSR2


class Refused(Exception):
    """A connection the class cannot take; the message is shown to the learner."""


@dataclass
class Seat:
    name: str
    process: LearnerProcess
    connected: bool = False
    away_since: float | None = None
    since: float = field(default_factory=time.monotonic)
    reaper: asyncio.Task[None] | None = None
    stopping: bool = False  # the grace period is over and the process is being ended
    watcher: asyncio.Task[None] | None = None  # frees the seat when the process ends


Command = Callable[
    [], Sequence[str]
]  # the argv of a learner's app (the name goes in its environment)
NAME_VARIABLE = "PRACTICE_BOT_LEARNER_NAME"  # not in argv: a process list would show it to all


class Classroom:
    def __init__(self, command: Command, *, capacity: int = 40, grace: float = 30.0) -> None:
        self.command = command
        self.capacity = capacity
        self.grace = grace
        self.seats: dict[str, Seat] = {}
        self.on_change: Callable[[str, str], None] | None = None  # (name, what happened)

    def _tell(self, name: str, what: str) -> None:
        if self.on_change is not None:
            self.on_change(name, what)

    async def take_seat(self, name: str, output: Output, width: int, height: int) -> Seat:
        """The learner's seat, connected to `output`: their process if it is still running, else
        a new one (which resumes their journal). Raises Refused when full or already connected."""
        key = learner_key(name)
        seat = self.seats.get(key)
        if seat is not None and seat.connected:
            raise Refused(
                "You are already signed in on another screen. Close it first, or ask your tutor."
            )
        if seat is not None and seat.stopping:  # its grace ran out just now: let it finish saving
            await seat.process.ended.wait()
            seat = self.seats.get(key)
        if seat is not None and seat.process.process is not None:
            if seat.process.process.returncode is None:
                if seat.reaper is not None:
                    seat.reaper.cancel()
                    seat.reaper = None
                seat.connected, seat.away_since = True, None
                seat.process.output = output
                seat.process.signal(BROWSER_BACK)
                # The same size twice would not redraw: a step smaller, then the size, repaints all.
                await seat.process.resize(width, max(1, height - 1))
                await seat.process.resize(width, height)
                self._tell(seat.name, "back")
                return seat
            self.seats.pop(key, None)
        if len(self.seats) >= self.capacity:
            raise Refused("The class is full. Please ask your tutor.")
        env = learner_environment(width, height) | {NAME_VARIABLE: name}
        process = LearnerProcess(self.command(), env)
        process.output = output
        seat = Seat(name, process, connected=True)
        self.seats[key] = seat
        try:
            await process.start()
        except OSError:
            self.seats.pop(key, None)
            raise
        seat.watcher = asyncio.get_running_loop().create_task(self._free_when_ended(key, seat))
        self._tell(name, "connected")
        return seat

    async def _free_when_ended(self, key: str, seat: Seat) -> None:
        await seat.process.ended.wait()
        if self.seats.get(key) is seat:
            del self.seats[key]
        self._tell(seat.name, "ended")

    def leave(self, seat: Seat) -> None:
        """The browser went away: keep the process for `grace` seconds, then stop it."""
        seat.connected, seat.away_since = False, time.monotonic()
        seat.process.output = None
        seat.process.signal(BROWSER_AWAY)  # the learner app stops the mock clock
        self._tell(seat.name, "away")

        async def reap() -> None:
            await asyncio.sleep(self.grace)
            seat.stopping = True
            await seat.process.stop()

        seat.reaper = asyncio.get_running_loop().create_task(reap())

    async def close(self) -> None:
        """Stop every learner's process (the server is stopping)."""
        seats = list(self.seats.values())
        for seat in seats:
            if seat.reaper is not None:
                seat.reaper.cancel()
        await asyncio.gather(*(s.process.stop() for s in seats), return_exceptions=True)
        for seat in seats:
            with contextlib.suppress(Exception):
                await seat.process.wait_closed()

    def status(self) -> dict[str, str]:
        """Each seated learner's name -> "connected" or "away 12s"."""
        now = time.monotonic()
        return {
            s.name: "connected" if s.connected else f"away {now - (s.away_since or now):.0f}s"
            for s in self.seats.values()
        }
