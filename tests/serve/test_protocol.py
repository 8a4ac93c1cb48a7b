"""The class server over its real protocol: an aiohttp client signs in and drives /ws as a browser
would; pyte turns the learner app's output into screen text. Learner processes are real."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from practice_bot.serve.auth import COOKIE_NAME
from practice_bot.serve.client import ScreenClient
from tests.serve.conftest import CODE, Running, environ_of, wait_gone

CTRL_S = "\x13"
FIRST_QUESTION = "Type your answer here"  # the empty answer box under the first question


async def signed_in(r: Running, name: str = "Sam Learner", **kw: int) -> ScreenClient:
    client = ScreenClient(r.base, **kw)
    resp = await client.login(name, CODE)
    assert resp.status == 303 and resp.headers["Location"] == "/app"
    return client


# ----- sign-in --------------------------------------------------------------------------------------
async def test_sign_in_form_checks_the_code_and_sets_a_strict_http_only_cookie(r: Running) -> None:
    async with aiohttp.ClientSession() as http:
        page = await (await http.get(f"{r.base}/")).text()
        assert 'action="/login"' in page and 'name="name"' in page and 'name="code"' in page
        bad = await http.post(
            f"{r.base}/login", data={"name": "Sam", "code": "WRONG123"}, allow_redirects=False
        )
        assert bad.status == 403 and "class code is not right" in await bad.text()
        assert COOKIE_NAME not in bad.cookies
        good = await http.post(
            f"{r.base}/login", data={"name": "Sam", "code": CODE.lower()}, allow_redirects=False
        )
        assert good.status == 303 and good.headers["Location"] == "/app"
        cookie = good.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        blank = await http.post(
            f"{r.base}/login", data={"name": "  ", "code": CODE}, allow_redirects=False
        )
        assert blank.status == 400 and "type your name" in await blank.text()
        elsewhere = await http.post(
            f"{r.base}/login",
            data={"name": "Sam", "code": CODE},
            headers={"Origin": "http://evil.example"},
            allow_redirects=False,
        )
        assert elsewhere.status == 403 and COOKIE_NAME not in elsewhere.cookies


async def test_wrong_codes_are_limited_per_address(r: Running) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(10):
            wrong = await http.post(f"{r.base}/login", data={"name": "Sam", "code": "GUESS234"})
            assert wrong.status == 403
        right = await http.post(
            f"{r.base}/login", data={"name": "Sam", "code": CODE}, allow_redirects=False
        )
        assert right.status == 429 and COOKIE_NAME not in right.cookies


async def test_app_page_without_cookie_goes_back_to_sign_in_and_nothing_is_listed(
    r: Running,
) -> None:
    async with aiohttp.ClientSession() as http:
        resp = await http.get(f"{r.base}/app", allow_redirects=False)
        assert resp.status == 303 and resp.headers["Location"] == "/"
        for path in ("/static/", "/static/fonts/", "/static/../server.py", "/static/js/textual.js"):
            assert (await http.get(f"{r.base}{path}")).status == 404, path
        font = await http.get(f"{r.base}/static/fonts/RobotoMono-VariableFont_wght.ttf")
        assert font.status == 200
        csp = font.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "connect-src 'self'" in csp
        page = await (await http.get(f"{r.base}/")).text()
        assert "http://" not in page and "https://" not in page  # nothing from another host


# ----- the websocket's door ---------------------------------------------------------------------------
async def test_websocket_refused_without_cookie_forged_cookie_or_foreign_origin(r: Running) -> None:
    ws_url = r.base.replace("http", "ws") + "/ws"
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as no_cookie:
            await http.ws_connect(ws_url, origin=r.base)
        assert no_cookie.value.status == 403
        forged = {COOKIE_NAME: "eyJuYW1lIjogIlNhbSIsICJhdCI6IDF9.AAAA"}
        with pytest.raises(aiohttp.WSServerHandshakeError) as bad_cookie:
            await http.ws_connect(ws_url, origin=r.base, headers={"Cookie": _cookie(forged)})
        assert bad_cookie.value.status == 403
    client = await signed_in(r)
    try:
        with pytest.raises(aiohttp.WSServerHandshakeError) as foreign:
            await client.connect(origin="http://evil.example")
        assert foreign.value.status == 403
        rebound = await client.session.get(
            f"{r.base}/", headers={"Host": f"evil.example:{r.base.rsplit(':', 1)[1]}"}
        )
        assert rebound.status == 421  # a foreign name pointed at this server (DNS rebinding)
    finally:
        await client.close()
    assert r.server.classroom.seats == {}  # nothing was started for any of them


def cookie_of(client: ScreenClient) -> str:
    return next(c.value for c in client.session.cookie_jar if c.key == COOKIE_NAME)


def _cookie(values: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in values.items())


async def test_over_the_cap_and_a_second_session_for_one_learner_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.serve.conftest import serve_class

    async for r in serve_class(tmp_path, capacity=1):
        first = await signed_in(r, "Ann")
        again = await signed_in(r, "ann")  # the same learner, another browser
        other = await signed_in(r, "Bob")
        try:
            await first.connect()
            await first.wait_for(FIRST_QUESTION)
            await again.connect()
            assert await again.wait_closed() == 4409
            assert "already signed in" in again.text()
            await other.connect()
            assert await other.wait_closed() == 4409
            assert "class is full" in other.text()
            assert len(r.server.classroom.seats) == 1
        finally:
            for c in (first, again, other):
                await c.close()


async def test_terminal_size_clamped_and_messages_bounded(r: Running) -> None:
    client = await signed_in(r, width=260, height=110)
    client.width, client.height = 5000, 2  # what it asks for in the URL and first resize
    try:
        await client.connect()
        await client.wait_for("Send answer")
        (pid,) = r.pids()
        env = environ_of(pid)
        assert (env["COLUMNS"], env["ROWS"]) == ("250", "12")
        footer = [i for i, line in enumerate(client.screen.display) if "Send answer" in line]
        assert footer == [11]  # the app drew 12 rows, not 2
        await client.send(["resize", {"width": 10**9, "height": 10**9}])
        await client.wait_for("Send answer")
        await _wait_footer_at(client, 99)  # clamped to 100 rows
        await client.type("x" * (70 * 1024))  # over the message bound: the socket is closed
        assert await client.wait_closed() == 1009
    finally:
        await client.close()


async def _wait_footer_at(client: ScreenClient, row: int) -> None:

    for _ in range(100):
        if "Send answer" in client.screen.display[row]:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"footer not on row {row}:\n{client.text()}")


async def test_a_malformed_message_closes_the_socket(r: Running) -> None:
    client = await signed_in(r)
    try:
        await client.connect()
        await client.wait_for(FIRST_QUESTION)
        assert client.ws is not None
        await client.ws.send_str(json.dumps({"not": "a list"}))
        assert await client.wait_closed() == 1003
    finally:
        await client.close()


# ----- the learner's process ----------------------------------------------------------------------
async def test_learner_process_no_shell_own_group_allow_listed_environment(
    r: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-tutors-secret")
    monkeypatch.setenv("SOME_TOKEN", "tutor-only")
    client = await signed_in(r)
    try:
        await client.connect()
        await client.wait_for(FIRST_QUESTION)
        (pid,) = r.pids()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert b"practice_bot.tui.learner_app" in argv and not [a for a in argv if b"Sam" in a]
        assert not argv[0].endswith(b"sh")  # exec'd directly, no shell in between
        assert os.getpgid(pid) == pid and os.getsid(pid) == pid
        env = environ_of(pid)
        assert "OPENAI_API_KEY" not in env and "SOME_TOKEN" not in env
        assert env["TEXTUAL_DRIVER"] == "textual.drivers.web_driver:WebDriver" and "PATH" in env
        assert (
            env["PRACTICE_BOT_LEARNER_NAME"] == "Sam Learner"
        )  # the name: not in the process list
    finally:
        await client.close()


async def _wait_screen(
    client: ScreenClient, shown: Callable[[str], bool], timeout: float = 15
) -> None:
    """Wait for a frame for which `shown(text)` holds (every frame is looked at as it arrives)."""
    deadline = time.monotonic() + timeout
    while not shown(client.text()):
        left = deadline - time.monotonic()
        assert left > 0 and not client.closed, f"not on screen after {timeout}s:\n{client.text()}"
        client.changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(client.changed.wait(), min(left, 0.5))


async def test_answer_reaches_journal_and_markup_stays_text(r: Running) -> None:
    # tall enough that the answer stays in view when the next question follows it
    client = await signed_in(r, "Sam [b]Bold[/b]", height=60)
    answer = "I scoped it [@click=app.quit]with[/] the users and a baseline metric"
    try:
        await client.connect()
        await client.wait_for(FIRST_QUESTION)
        assert "Sam [b]Bold[/b]" in client.text()
        await client.type(answer)
        await client.wait_for("[@click=app.quit]with[/]")
        await client.wait_for("baseline metric")  # all typed before it is sent
        await client.type(CTRL_S)
        # Sent: the box is empty again and the answer is in the conversation, as text (a frame
        # showing both; the next question may scroll it away soon after on a loaded machine).
        await _wait_screen(client, lambda t: " 0 words " in t and "[@click=app.quit]with[/]" in t)
        await _wait_journal(r, answer)
        assert r.server.classroom.seats  # still running: the markup did not quit the app
    finally:
        await client.close()


def journal_events(r: Running) -> dict[str, dict[str, Any]]:
    """The last event of each kind in the learner's journal."""
    records = [json.loads(line) for line in r.journal().splitlines() if line.strip()]
    return {rec["event"]["kind"]: rec["event"] for rec in records if rec["kind"] == "event"}


async def _seats_freed(r: Running, timeout: float = 10.0) -> None:
    """The server frees a seat when it has reaped the process, a moment after the process is gone
    (under load, after the test has seen it go)."""
    for _ in range(int(timeout * 10)):
        if not r.server.classroom.seats:
            return
        await asyncio.sleep(0.1)
    assert r.server.classroom.seats == {}


async def _wait_journal(r: Running, text: str, timeout: float = 15.0) -> None:

    for _ in range(int(timeout * 10)):
        if (text if text.startswith('"') else json.dumps(text)[1:-1]) in r.journal():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{text!r} not in the journal:\n{r.journal()[-2000:]}")


async def test_browser_gone_process_ends_after_grace_even_if_stuck(r: Running) -> None:
    calm, stuck = await signed_in(r, "Calm"), await signed_in(r, "Stuck")
    try:
        await calm.connect()
        await stuck.connect()
        await calm.wait_for(FIRST_QUESTION)
        await stuck.wait_for(FIRST_QUESTION)
        pids = {s.name: s.process.pid for s in r.server.classroom.seats.values()}
        os.kill(pids["Stuck"], signal.SIGSTOP)  # stuck: it cannot answer quit, nor SIGTERM
        await calm.close()
        await stuck.close()
        # grace 1 s, then quit (2 s) and SIGTERM (2 s) before SIGKILL: well within 10 s
        assert await wait_gone(pids["Calm"], 10) < 10
        assert await wait_gone(pids["Stuck"], 10) < 10
        await _seats_freed(r)
        assert '"away"' in r.journal()  # the calm one journaled that the learner went away
    finally:
        await calm.close()
        await stuck.close()


async def test_reconnect_within_grace_keeps_the_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.serve.conftest import serve_class

    async for r in serve_class(tmp_path, grace=30):
        first = await signed_in(r)
        try:
            await first.connect()
            await first.wait_for(FIRST_QUESTION)
            await first.type("draft kept in the box")
            await first.wait_for("draft kept in the box")
            (pid,) = r.pids()
            assert first.ws is not None
            await first.ws.close()
            second = ScreenClient(r.base)
            second.session.cookie_jar.update_cookies({COOKIE_NAME: cookie_of(first)})
            await _wait_journal(r, '"away"')  # the mock clock stopped...
            await asyncio.sleep(3)
            await second.connect()
            await second.wait_for("draft kept in the box")  # the whole screen was redrawn
            assert r.pids() == [pid]
            await _wait_journal(r, '"resumed"')  # ...and started again, 3 s away not counted
            events = journal_events(r)
            assert events["resumed"]["elapsed"] - events["away"]["elapsed"] < 1.0
            await second.close()
        finally:
            await first.close()


async def test_reconnect_after_grace_resumes_from_journal_and_clock_stood_still(
    r: Running,
) -> None:
    await _away_and_back(r, expect_counted=False)


async def test_pack_can_say_the_clock_runs_while_away(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.serve.conftest import serve_class

    async for r in serve_class(tmp_path, clock_runs_while_away=True):
        await _away_and_back(r, expect_counted=True)


async def _away_and_back(r: Running, *, expect_counted: bool) -> None:

    first = await signed_in(r)
    answer = "We agreed the success metric with the product owner before any modelling"
    try:
        await first.connect()
        await first.wait_for(FIRST_QUESTION)
        await first.type(answer)
        await first.wait_for("before any")  # typed faster than anyone: let the box take it all
        await first.type(CTRL_S)
        await _wait_journal(r, answer)
        (pid,) = r.pids()
        cookie = cookie_of(first)
        await first.close()
        await wait_gone(pid, 10)
        await asyncio.sleep(3)  # away for a while longer
        back = ScreenClient(r.base)
        back.session.cookie_jar.update_cookies({COOKIE_NAME: cookie})
        try:
            await back.connect()
            await back.wait_for("We agreed the success metric", 30)  # the sent answer is shown
            (new_pid,) = r.pids()
            assert new_pid != pid
            await _wait_journal(r, "resumed_session")
        finally:
            await back.close()
    finally:
        await first.close()
    events = journal_events(r)
    away, resumed = events["away"]["elapsed"], events["resumed_session"]["elapsed"]
    assert resumed - away < 1.0  # the clock did not run while the learner was away
    if expect_counted:
        assert events["time_away_counted"]["elapsed"] >= away + 3.0
    else:
        assert "time_away_counted" not in events


async def test_a_stuck_app_flooded_with_keys_does_not_hang_the_server(r: Running) -> None:
    client = await signed_in(r, "Flood")
    try:
        await client.connect()
        await client.wait_for(FIRST_QUESTION)
        (pid,) = r.pids()
        os.kill(pid, signal.SIGSTOP)  # stuck: its input pipe fills and stays full
        for _ in range(4):
            await client.type("y" * (60 * 1024))
        assert await client.wait_closed(30) == 1011
        assert "stopped responding" in client.text()
        await wait_gone(pid, 30)  # the grace period, then SIGKILL
        await _seats_freed(r)
    finally:
        await client.close()
