"""A real class server on 127.0.0.1 (a free port) in the test's event loop, with real learner processes;
every server is stopped at the end of its test and every learner process with it."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from practice_bot.serve.server import ClassConfig, ClassServer, learner_argv, start_server
from practice_bot.tutor.packs import make_pack, pack_folder, write_pack

CODE = "TESTC0DE"


@dataclass
class Running:
    server: ClassServer
    base: str
    pack: Path

    @property
    def folder(self) -> Path:
        from practice_bot.tutor.packs import load_pack

        return pack_folder(load_pack(self.pack), self.pack)

    def journal(self) -> str:
        return "".join(p.read_text("utf-8") for p in self.folder.glob("*.journal.jsonl"))

    def pids(self) -> list[int]:
        return [s.process.pid for s in self.server.classroom.seats.values() if s.process.pid]


def write_test_pack(tmp_path: Path, **extra: object) -> Path:
    out = tmp_path / "class" / "pack.toml"
    pack = make_pack("Test mock", out=out, seed=7, minutes=30, pack_id="test-mock")
    if extra:
        pack = pack.model_copy(update=extra)
    write_pack(pack, out)
    return out


async def serve_class(
    tmp_path: Path, *, capacity: int = 5, grace: float = 1.0, **pack_extra: object
) -> AsyncIterator[Running]:
    pack = write_test_pack(tmp_path, **pack_extra)
    server = ClassServer(
        ClassConfig(
            class_name="Test mock",
            code=CODE,
            learner_argv=learner_argv(pack),
            capacity=capacity,
            grace=grace,
        )
    )
    runner, port = await start_server(server, "127.0.0.1", 0)
    try:
        yield Running(server, f"http://127.0.0.1:{port}", pack)
    finally:
        await asyncio.wait_for(runner.cleanup(), 30)


@pytest.fixture(name="r")
async def running(tmp_path: Path) -> AsyncIterator[Running]:
    async for r in serve_class(tmp_path):
        yield r


def alive(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie awaiting its parent counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


async def wait_gone(pid: int, timeout: float) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    while alive(pid):
        if loop.time() - start > timeout:
            raise AssertionError(f"process {pid} still running after {timeout}s")
        await asyncio.sleep(0.1)
    return loop.time() - start


def environ_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


__all__ = ["CODE", "Running", "alive", "environ_of", "os", "serve_class", "wait_gone"]
