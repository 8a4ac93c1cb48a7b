"""`practice-bot serve` as the tutor runs it: a real process on 127.0.0.1, stopped by its PID."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from practice_bot.serve.client import ScreenClient
from tests.serve.conftest import wait_gone, write_test_pack


async def _line(
    proc: asyncio.subprocess.Process, pattern: str, timeout: float = 20
) -> re.Match[str]:
    assert proc.stdout is not None
    seen = []
    while True:
        raw = await asyncio.wait_for(proc.stdout.readline(), timeout)
        if not raw:
            raise AssertionError(f"serve ended before {pattern!r}: {seen}")
        seen.append(raw.decode())
        if m := re.search(pattern, raw.decode()):
            return m


async def test_serve_prints_address_and_code_and_ends_every_learner_on_sigterm(
    tmp_path: Path,
) -> None:
    pack = write_test_pack(tmp_path)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "practice_bot", "serve", "--pack", str(pack),
        "--host", "127.0.0.1", "--port", "0", "--no-watch",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    client: ScreenClient | None = None
    try:
        base = (await _line(proc, r"(http://127\.0\.0\.1:\d+)/")).group(1)
        code = (await _line(proc, r"^Class code: ([A-Z0-9]{8})$")).group(1)
        client = ScreenClient(base)
        assert (await client.login("Cli Learner", code)).status == 303
        await client.connect()
        await client.wait_for("Type your answer", 30)
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        (learner,) = (int(c) for c in children)
        proc.send_signal(signal.SIGTERM)
        await _line(proc, r"^Class ended\.$", 30)
        assert await asyncio.wait_for(proc.wait(), 10) == 0
        await wait_gone(learner, 5)
    finally:
        if client is not None:
            await client.close()
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


def test_serve_with_a_bad_pack_says_so_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "pack.toml"
    bad.write_text("id = 'x'\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "practice_bot", "serve", "--pack", str(bad), "--port", "0"],
        capture_output=True, text=True, timeout=60, env=os.environ.copy(),
    )  # fmt: skip
    assert result.returncode == 2
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
