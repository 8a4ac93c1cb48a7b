"""`practice-bot doctor` output is what people paste into support requests: an endpoint's error text
reaches it with escape sequences made visible and with the credentials of the base URL (a `?key=`
query value, a `user:password@`) redacted, however short they are. A real loopback HTTP server
(127.0.0.1, stopped at the end) plays the hostile endpoint."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.reliability.reliability_kit import cli_env, escapes_in, run_cli

QUERY_KEY = "k3y-77"
PASSWORD = "pw9"


class _Echo(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        base = self.server.base_url  # type: ignore[attr-defined]
        message = (
            f"\x1b]0;pwned\x07\x1b[2J no model here; you called {base} "
            f"\x9b31m and the path {self.path}"
        )
        body = json.dumps({"error": {"message": message, "type": "not_found"}}).encode()
        self.send_response(404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    port = server.server_address[1]
    base = f"http://user:{PASSWORD}@127.0.0.1:{port}/v1?key={QUERY_KEY}"
    server.base_url = base  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_doctor_quotes_a_hostile_endpoint_safely(tmp_path, endpoint):
    env = cli_env(tmp_path, OPENAI_BASE_URL=endpoint, PRACTICE_BOT_TIMEOUT="5")
    r = run_cli(["doctor"], "", tmp_path, env=env)
    out = (r.stdout + r.stderr).decode()
    assert r.returncode == 1, out
    assert "not found" in out and "no model here" in out  # the endpoint's words are shown
    assert not escapes_in(r.stdout + r.stderr), escapes_in(r.stdout + r.stderr)
    assert QUERY_KEY not in out and f"user:{PASSWORD}@" not in out, out
    assert "[redacted]" in out
