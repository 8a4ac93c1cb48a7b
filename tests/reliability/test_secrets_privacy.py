"""Secrets and privacy: the API key is never written to any file the app makes, whatever the endpoint
does (echoes it in errors, in replies, in streamed questions, in connection errors); transcripts,
journals, consent, prefs, pseudonym key and exports are 0600 in 0700 folders; nothing is sent to any
endpoint before the consent step, and nothing at all when consent is refused."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import respx

from practice_bot.plain import PlainRunner
from practice_bot.rubric import load_rubric
from practice_bot.session.factory import start_session
from practice_bot.session.llm_wiring import give_consent
from practice_bot.session.plan import SessionConfig
from tests.llm.llm_testkit import (
    BASE,
    CHAT,
    KEY,
    chat_reply,
    error_reply,
    json_reply,
    settings,
    stream_reply,
)
from tests.reliability.reliability_kit import cli_env, run_cli

RUBRIC = load_rubric()
ANSWER = (
    "On the churn project I chose recall at a fixed precision because a missed churner cost us more "
    "than a wasted voucher, and I agreed the threshold with the retention manager."
)


pytestmark = pytest.mark.usefixtures("offline_tiktoken")


def _good(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    if body.get("stream"):
        return stream_reply(["Which stakeholders did you agree ", "that threshold with?"])
    if "feedback_narrative" in json.dumps(body.get("response_format")):
        return json_reply({"summary": "A focused session.", "topics": []})
    prompt = json.dumps(body["messages"])
    topic = next(t for t in RUBRIC.topics if all(c.id in prompt for c in t.criteria))
    return json_reply({"judgments": [
        {"criterion_id": c.id, "status": "evidenced" if i == 0 else "not_yet",
         "quotes": ["I chose recall at a fixed precision"] if i == 0 else [], "reason": "ok"}
        for i, c in enumerate(topic.criteria)
    ]})  # fmt: skip


def _echo_key_everywhere(request: httpx.Request) -> httpx.Response:
    """A hostile or broken endpoint that puts the key into everything it sends back."""
    body = json.loads(request.content)
    if body.get("stream"):
        return stream_reply([f"What did you do with {KEY}?"])
    return chat_reply(f"not JSON, but here is your key: {KEY}")


def _connect_error(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError(f"could not reach {BASE} with key {KEY}", request=request)


BEHAVIOURS: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    "happy path": _good,
    "401 echoing the key": lambda r: error_reply(401, f"Incorrect API key provided: {KEY}"),
    "500 echoing the key": lambda r: error_reply(500, f"upstream failed for key {KEY}"),
    "replies echoing the key": _echo_key_everywhere,
    "connection error naming the key": _connect_error,
}


def _files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file():
            yield path


@pytest.mark.parametrize("behaviour", list(BEHAVIOURS))
def test_the_key_is_in_no_file_and_no_output(behaviour, httpx2_mock: respx.Router, tmp_path):
    httpx2_mock.post(CHAT).mock(side_effect=BEHAVIOURS[behaviour])
    s = settings(transcripts=tmp_path / "t", retries=0)
    give_consent(s)  # consent.json in the data folder
    out = io.StringIO()
    for mode, topics, stdin in (("practice", ["model-scoping"], f"{ANSWER}\n\n\n{ANSWER} again\n\n\n"),
                                ("mock", [], f"{ANSWER}\n\n{ANSWER}\n\n")):  # fmt: skip
        config = SessionConfig(mode=mode, apprentice="Rui", seed=2, topics=topics)  # type: ignore[arg-type]
        session = start_session(config, s, llm=True)
        PlainRunner(session, io.StringIO(stdin), out).run()
    assert httpx2_mock.calls.call_count > 0
    # Every request carried the key (it is the endpoint's) in its header; in a body only when the
    # endpoint itself had put it into a question it wrote (sent back to the same endpoint).
    for call in httpx2_mock.calls:
        assert call.request.headers["authorization"] == f"Bearer {KEY}"
        if behaviour != "replies echoing the key":
            assert KEY not in call.request.content.decode()
    written = list(_files(tmp_path))
    assert any(p.suffix == ".json" and p.parent.name == "t" for p in written)
    assert any(p.name == "consent.json" for p in written)
    for path in written:
        assert KEY.encode() not in path.read_bytes(), f"key written to {path}"
    assert KEY not in out.getvalue()
    # The session records what went wrong, without the key.
    if behaviour != "happy path":
        final = json.loads(next((tmp_path / "t").glob("*practice*.json")).read_text("utf-8"))
        assert any(e["kind"] in ("llm_fallback", "scoring_note") for e in final["events"])


def test_placeholder_keys_of_local_servers_never_cut_words_out_of_answers(tmp_path):
    from practice_bot.config import Settings
    from practice_bot.textsafe import redact

    for placeholder in ("ollama", "EMPTY", "anything", "not-needed", "sk-xxx", "none"):
        Settings(OPENAI_API_KEY=placeholder, OPENAI_BASE_URL="http://localhost:11434/v1")
        text = f"I would use anything, not-needed steps, ollama or none of it; EMPTY {placeholder}"
        assert redact(text) == text
    Settings(OPENAI_API_KEY="gw-7Hq2xK9p")  # short, but letters and digits: a real key
    assert redact("my key gw-7Hq2xK9p leaked") == "my key [redacted] leaked"


def test_a_key_in_the_endpoint_url_is_not_remembered(httpx2_mock: respx.Router, tmp_path):
    """Azure-style `?api-key=` in the base URL: consent remembers the endpoint without it."""
    secret = "azure-KEY-in-the-query-9b1e"
    url = f"{BASE}?api-key={secret}"
    httpx2_mock.route(host="llm.test").mock(side_effect=_good)
    s = settings(OPENAI_BASE_URL=url, transcripts=tmp_path / "t", retries=0)
    give_consent(s)
    config = SessionConfig(mode="practice", apprentice="Rui", seed=2, topics=["model-scoping"])
    out = io.StringIO()
    PlainRunner(start_session(config, s, llm=True), io.StringIO(f"{ANSWER}\n\n\n"), out).run()
    for path in _files(tmp_path):
        assert secret.encode() not in path.read_bytes(), f"URL secret written to {path}"
    assert secret not in out.getvalue()


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_everything_the_app_writes_is_private(tmp_path, monkeypatch, capsys):
    """0600 files in 0700 folders: transcripts and journals, consent, prefs, the pseudonym key and a
    report written with -o; folders the app creates are 0700."""
    from practice_bot.cli import main
    from practice_bot.prefs import Prefs, save_prefs
    from practice_bot.records.anonymise import pseudonym

    monkeypatch.setattr(os, "umask", os.umask)  # restored below
    old = os.umask(0o022)  # a usual umask: the app must not rely on a strict one
    try:
        folder = tmp_path / "deep" / "transcripts"
        monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ANSWER}\n\n/end\nyes\n"))
        assert main(["mock", "--plain", "--name", "Rui", "--transcripts", str(folder)]) == 0
        give_consent(settings())
        assert save_prefs(Prefs(name="Rui"))
        pseudonym("Rui")
        report = tmp_path / "exports" / "rui.html"
        report.parent.mkdir()
        final = next(folder.glob("*.json"))
        assert main(["report", str(final), "--format", "html", "-o", str(report)]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    data = tmp_path / "data"
    private_files = [*folder.iterdir(), data / "consent.json", data / "prefs.json",
                     data / "pseudonym.key", report]  # fmt: skip
    assert all(p.is_file() for p in private_files), private_files
    for path in private_files:
        assert _mode(path) == 0o600, f"{path}: {oct(_mode(path))}"
    for path in (folder, data):
        assert _mode(path) == 0o700, f"{path}: {oct(_mode(path))}"


# ----- nothing is sent without consent -------------------------------------------------------------------


@pytest.mark.httpx2(assert_all_called=False)
def test_consent_refused_in_process_sends_nothing(httpx2_mock: respx.Router, tmp_path, monkeypatch,
                                                  capsys):  # fmt: skip
    from practice_bot.cli import main

    route = httpx2_mock.post(CHAT).mock(side_effect=_good)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", BASE)
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"no\n{ANSWER}\n\n{ANSWER}\n\n/end\nyes\n"))
    assert main(["mock", "--plain", "--name", "Rui", "--transcripts", str(tmp_path / "t")]) == 0
    out = capsys.readouterr().out
    assert "Send answers to this endpoint? [yes/no]" in out
    assert "Running this session offline: nothing will be sent." in out
    assert route.call_count == 0 and httpx2_mock.calls.call_count == 0
    final = json.loads(next((tmp_path / "t").glob("*.json")).read_text("utf-8"))
    assert final["scorer"] == "offline" and final["usage"]["calls"] == 0
    assert not (tmp_path / "data" / "consent.json").exists()


class Listener:
    """A local TCP endpoint that counts connections and answers each with a 500."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                                 b"Connection: close\r\n\r\n")  # fmt: skip
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


@pytest.mark.parametrize("consent", ["no", "yes"])
def test_consent_step_through_the_real_cli(tmp_path, consent):
    """A real process with a configured endpoint: refusing consent means not one connection; the
    "yes" run shows the listener would have seen them."""
    listener = Listener()
    try:
        env = cli_env(tmp_path, OPENAI_API_KEY=KEY,
                      OPENAI_BASE_URL=f"http://127.0.0.1:{listener.port}/v1",
                      PRACTICE_BOT_RETRIES="0", PRACTICE_BOT_TIMEOUT="3")  # fmt: skip
        r = run_cli(["practice", "--plain", "--name", "Rui", "--topics", "model-scoping",
                     "--transcripts", str(tmp_path / "t")],
                    f"{consent}\n{ANSWER}\n\n\n", tmp_path, env=env)  # fmt: skip
    finally:
        listener.close()
    assert r.returncode == 0, r.stderr.decode()
    assert KEY.encode() not in r.stdout + r.stderr
    if consent == "no":
        assert listener.connections == 0
        assert b"nothing will be sent" in r.stdout
    else:
        assert listener.connections > 0
    for path in _files(tmp_path):
        assert KEY.encode() not in path.read_bytes(), path


def test_no_endpoint_configured_means_no_consent_question_and_no_traffic(tmp_path):
    r = run_cli(["practice", "--plain", "--topics", "model-scoping", "--transcripts",
                 str(tmp_path / "t")], f"{ANSWER}\n\n\n", tmp_path)  # fmt: skip
    assert r.returncode == 0
    assert b"[yes/no]" not in r.stdout
