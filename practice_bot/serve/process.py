"""One learner's app process, spoken to with Textual's web driver protocol.

Adapted from textual-serve's `AppService` (MIT licence, Copyright (c) 2024 Textualize; notice in
`practice_bot/serve/NOTICE`): the packet framing is the same, what differs is how the process is run.
It is started with exec, never a shell, in a session and process group of its own, with an allow-listed
environment; `stop` asks it to quit, then ends the whole group with SIGTERM and finally SIGKILL, so an
app stuck in a call (or anything it started) cannot outlive the learner's browser.

Packets both ways are a type byte, a 4-byte big-endian length and the payload: b"D" terminal data, b"M"
JSON meta (resize, focus, blur, quit), b"P" packed data (file deliveries, which are not offered here).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence

log = logging.getLogger("practice_bot.serve")

READY_LINE = b"__GANGLION__\n"
MAX_PACKET = 16 * 1024 * 1024  # our own child's packets; a bigger one means a broken stream
STDERR_KEPT = 64 * 1024
WRITE_TIMEOUT = 5.0  # an app that takes no input for this long is treated as stuck

# Variables a learner's process may inherit; everything else (API keys, the tutor's tokens) stays out.
ENV_ALLOWED = (
    "PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYTHONPATH", "VIRTUAL_ENV",
    "PRACTICE_BOT_CONFIG", "PRACTICE_BOT_DATA_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
)  # fmt: skip


def learner_environment(
    width: int, height: int, source: Mapping[str, str] | None = None
) -> dict[str, str]:
    src = os.environ if source is None else source
    env = {k: src[k] for k in ENV_ALLOWED if k in src}
    env.update(
        TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
        TEXTUAL_FPS="60",
        TEXTUAL_COLOR_SYSTEM="truecolor",
        TERM_PROGRAM="textual",
        COLUMNS=str(width),
        ROWS=str(height),
        PYTHONUNBUFFERED="1",
    )
    return env


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


Output = Callable[[bytes], Awaitable[None]]


class LearnerProcess:
    def __init__(self, argv: Sequence[str], env: Mapping[str, str], cwd: str | None = None) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.cwd = cwd
        self.output: Output | None = (
            None  # where terminal data goes; None while the learner is away
        )
        self.process: asyncio.subprocess.Process | None = None
        self.ready = asyncio.Event()
        self.ended = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self._stderr = bytearray()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,  # its own session and process group: killpg ends all of it
        )
        self._reader = asyncio.create_task(self._read())

    # ----- to the app ------------------------------------------------------------------------
    async def _write(self, data: bytes) -> bool:
        p = self.process
        if p is None or p.stdin is None or p.returncode is not None:
            return False
        try:
            p.stdin.write(data)
            await asyncio.wait_for(p.stdin.drain(), WRITE_TIMEOUT)
        except (ConnectionError, RuntimeError, OSError, TimeoutError):
            return False  # gone, or stuck and not reading its input
        return True

    async def send_keys(self, text: str) -> bool:
        return await self._write(packet(b"D", text.encode("utf-8", "replace")))

    async def send_meta(self, meta: dict[str, object]) -> bool:
        return await self._write(packet(b"M", json.dumps(meta).encode()))

    async def resize(self, width: int, height: int) -> bool:
        return await self.send_meta({"type": "resize", "width": width, "height": height})

    # ----- from the app ----------------------------------------------------------------------
    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        stdout = self.process.stdout
        stderr_task = asyncio.create_task(self._read_stderr())
        try:
            for _ in range(50):
                line = await stdout.readline()
                if not line or line == READY_LINE:
                    break
            else:
                line = b""
            if line != READY_LINE:
                log.error("a learner's app did not start: %s", self.stderr_text()[-2000:])
                return
            self.ready.set()
            while True:
                kind = await stdout.readexactly(1)
                size = int.from_bytes(await stdout.readexactly(4), "big")
                if size > MAX_PACKET:
                    log.error("a learner's app sent a %d-byte packet; ending it", size)
                    return
                payload = await stdout.readexactly(size)
                if kind == b"D" and self.output is not None:
                    with contextlib.suppress(ConnectionError, RuntimeError):
                        await self.output(payload)
                # b"M" (exit, open_url, deliveries) and b"P" need nothing from the server: links and
                # downloads are not offered to learners, and the process's end is seen below.
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            await self.process.wait()
            await stderr_task
            self.ended.set()

    async def _read_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        while chunk := await self.process.stderr.read(4096):
            self._stderr += chunk
            del self._stderr[:-STDERR_KEPT]

    def stderr_text(self) -> str:
        return self._stderr.decode("utf-8", "replace")

    def signal(self, sig: int) -> None:
        """Signal the app process itself (not its group), if it is still running."""
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(sig)

    # ----- ending ----------------------------------------------------------------------------
    def _signal_group(self, sig: int) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, sig)  # the group id is the leader's pid (new session)

    async def stop(self, polite: float = 2.0, term: float = 2.0) -> None:
        """Ask the app to quit (it journals that the learner went away), then SIGTERM the process
        group, then SIGKILL it. Returns once the process has been reaped."""
        if self.process is None:
            return
        if self.process.returncode is None:
            await self.send_meta({"type": "quit"})
            if not await self._ended_within(polite):
                self._signal_group(signal.SIGTERM)
                if not await self._ended_within(term):
                    self._signal_group(signal.SIGKILL)
        self._signal_group(signal.SIGKILL)  # anything the app started and left behind
        await self._ended_within(None)

    async def _ended_within(self, seconds: float | None) -> bool:
        assert self.process is not None
        try:
            await asyncio.wait_for(self.process.wait(), seconds)
        except TimeoutError:
            return False
        return True

    async def wait_closed(self) -> None:
        if self._reader is not None:
            await self._reader
