"""An endpoint that accepts connections and never replies: after one call's attempts all time out, the
client stops calling it for a while (a circuit breaker), the session says so once and carries on offline, and the
exam clock is given back the time spent waiting. A real loopback server (127.0.0.1, stopped at the end)
accepts and holds every connection without a byte in reply; each test is bounded by its timeouts."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from practice_bot.config import Settings
from practice_bot.llm import client as client_module
from practice_bot.llm.client import LLMClient
from practice_bot.llm.failures import LLMFailure
from tests.reliability.reliability_kit import cli_env, finals, run_cli

KEY = "sk-test-silent-endpoint-0123456789"


class SilentServer:
    """Accepts connections on 127.0.0.1 and never answers; counts them."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.accepted = 0
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            self.held.append(conn)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def test_the_breaker_stops_calling_a_silent_endpoint(silent):
    now = [0.0]
    settings = Settings(OPENAI_API_KEY=KEY, OPENAI_BASE_URL=silent.url, timeout=0.3, retries=2)
    llm = LLMClient.from_settings(settings, sleep=lambda s: None)
    llm.monotonic = lambda: now[0]
    failures = []
    for _ in range(6):
        with pytest.raises(LLMFailure) as caught:
            llm.complete([{"role": "user", "content": "hello"}], str)
        failures.append(caught.value)
    assert silent.accepted == 3  # one call's three attempts, then not one more connection
    assert failures[0].reason == "timeout" and not failures[0].quiet
    assert "not calling it again for 5 minutes" in str(failures[0])
    assert all(f.reason == "paused" and f.quiet for f in failures[1:])
    # After the pause the endpoint is tried again; a call that finds it silent pauses it again.
    now[0] += client_module.BREAKER_PAUSE + 1
    with pytest.raises(LLMFailure) as again:
        llm.complete([{"role": "user", "content": "hello"}], str)
    assert again.value.reason == "timeout" and "not calling it again" in str(again.value)
    assert silent.accepted == 6


def test_a_session_against_a_silent_endpoint_says_so_once_and_carries_on(tmp_path, silent):
    folder = tmp_path / "t"
    env = cli_env(
        tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=silent.url, PRACTICE_BOT_TIMEOUT="1",
        PRACTICE_BOT_RETRIES="2",
    )  # fmt: skip
    answers = [
        f"Answer {i}: I compared the model with a simple baseline on held-out data."
        for i in range(4)
    ]
    done = run_cli(
        ["mock", "--plain", "--accept-endpoint", "--name", "Ada", "--seed", "4", "--transcripts", str(folder)],
        "".join(f"{a}\n\n" for a in answers) + "/end\n", tmp_path, env=env, timeout=60,
    )  # fmt: skip
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert out.count("not calling it again") == 1, out
    assert "fell back" not in out.split("not calling it again", 1)[1]  # said once, not per answer
    assert silent.accepted <= 6  # the question and the scoring call in flight at once, then none
    data = json.loads(finals(Path(folder))[0].read_text())
    assert [t["text"] for t in data["turns"] if t["role"] == "apprentice"] == answers
    credits = [e for e in data["events"] if e["kind"] == "clock_credit"]
    assert credits and float(credits[0]["detail"].split(": ")[1].rstrip("s")) >= 1.5
