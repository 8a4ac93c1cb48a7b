"""A scripted learner for tests and the capacity benchmark: signs in over HTTP, connects the terminal's
websocket as a browser would (same Origin, the cookie) and keeps the screen in a pyte terminal emulator,
so what the learner would see can be read as text. Needs the `test` extra (pyte)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import Any

import aiohttp
import pyte  # type: ignore[import-untyped,unused-ignore]


class ScreenClient:
    def __init__(self, base: str, width: int = 100, height: int = 32, emulate: bool = True) -> None:
        self.base = base.rstrip("/")
        self.width, self.height = width, height
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        # Without emulation (the capacity benchmark: pyte costs more CPU than the app it watches)
        # text() is the recent raw output, where a word drawn in one style is one run of bytes.
        self.emulate = emulate
        self.raw = bytearray()
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.received = 0  # bytes of terminal data so far
        self.changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self.close_code: int | None = None

    async def login(self, name: str, code: str) -> aiohttp.ClientResponse:
        resp = await self.session.post(
            f"{self.base}/login",
            data={"name": name, "code": code},
            headers={"Origin": self.base},
            allow_redirects=False,
        )
        await resp.read()
        return resp

    async def connect(self, origin: str | None = None) -> None:
        url = self.base.replace("http://", "ws://") + f"/ws?width={self.width}&height={self.height}"
        self.ws = await self.session.ws_connect(url, origin=origin or self.base, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        await self.send(["resize", {"width": self.width, "height": self.height}])

    async def _read(self) -> None:
        assert self.ws is not None
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.BINARY:
                if self.emulate:
                    self.stream.feed(msg.data)
                else:
                    self.raw += msg.data
                    del self.raw[: -64 * 1024]
                self.received += len(msg.data)
                self.changed.set()
        self.close_code = self.ws.close_code
        self.changed.set()

    async def send(self, envelope: list[Any]) -> None:
        assert self.ws is not None
        await self.ws.send_str(json.dumps(envelope))

    async def type(self, text: str) -> None:
        await self.send(["stdin", text])

    def text(self) -> str:
        if not self.emulate:
            return self.raw.decode("utf-8", "replace")
        return "\n".join(line.rstrip() for line in self.screen.display)

    async def wait_for(self, needle: str, timeout: float = 20.0) -> float:
        """Wait until `needle` is on screen; returns the seconds it took."""
        start = time.monotonic()
        while needle not in self.text():
            left = timeout - (time.monotonic() - start)
            if left <= 0:
                raise AssertionError(f"{needle!r} not on screen after {timeout}s:\n{self.text()}")
            if self.closed:
                raise AssertionError(f"connection closed waiting for {needle!r}:\n{self.text()}")
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(left, 0.5))
        return time.monotonic() - start

    @property
    def closed(self) -> bool:
        return self._reader is not None and self._reader.done()

    async def wait_closed(self, timeout: float = 10.0) -> int | None:
        assert self._reader is not None
        await asyncio.wait_for(asyncio.shield(self._reader), timeout)
        return self.close_code

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
        await self.session.close()
