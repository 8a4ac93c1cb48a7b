"""One real browser: Debian's Chromium (launched by path, never downloaded) signs in, answers a question
and sees the next, with every other host blocked and no request made to one. Screenshots are saved
($TEST_ARTIFACTS_DIR, which .ci/run sets to .ci-artifacts/, else the test's tmp folder) to look at, never compared."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pyte  # type: ignore[import-untyped,unused-ignore]
import pytest

from tests.serve.conftest import CODE, Running

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-domain-reliability",
    # Any name but loopback resolves to nothing, whatever the page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (.ci/run installs it)",
)


def shown(screen: pyte.Screen) -> str:
    return "\n".join(screen.display)


async def seen(screen: pyte.Screen, text: str, timeout: float) -> None:
    for _ in range(int(timeout * 10)):
        if text in shown(screen):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{text!r} never reached the browser's terminal:\n{shown(screen)}")


def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TEST_ARTIFACTS_DIR", tmp_path / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def test_sign_in_answer_see_the_next_question_and_reload_in_chromium(
    r: Running, tmp_path: Path
) -> None:
    from playwright.async_api import Route, WebSocket, async_playwright

    own = urlsplit(r.base).netloc
    outside: list[str] = []
    console: list[str] = []
    shots = artifacts(tmp_path)

    async def only_this_server(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            await route.continue_()
        else:
            outside.append(route.request.url)
            await route.abort()

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(viewport={"width": 1280, "height": 800})
            await context.route("**/*", only_this_server)
            page = await context.new_page()
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
            page.on(
                "request",
                lambda req: None if urlsplit(req.url).netloc == own else outside.append(req.url),
            )
            screen = pyte.Screen(160, 50)  # what xterm.js was sent, as text (it draws on a canvas)
            stream = pyte.ByteStream(screen)

            def terminal(ws: WebSocket) -> None:
                if urlsplit(ws.url).netloc != own:
                    outside.append(ws.url)
                ws.on("framereceived", lambda f: stream.feed(f) if isinstance(f, bytes) else None)

            page.on("websocket", terminal)
            await page.goto(f"{r.base}/", timeout=20_000)
            await page.fill("input[name=name]", "Robin Browser")
            await page.fill("input[name=code]", CODE)
            await page.screenshot(path=str(shots / "serve-1-sign-in.png"))
            await page.click("button[type=submit]")
            await page.wait_for_url(f"{r.base}/app", timeout=20_000)
            await seen(screen, "Type your answer here", 40)
            await page.screenshot(path=str(shots / "serve-2-first-question.png"))
            first_question = shown(screen)

            await page.focus(".xterm-helper-textarea")  # keys to the terminal; the box has focus
            answer = "I scoped the churn model with the sales team and agreed recall as the metric"
            await page.keyboard.type(answer, delay=5)
            await seen(screen, "recall as the metric", 20)  # all of it in the box, then send
            await page.keyboard.press("F2")
            await seen(screen, "Type your answer here", 30)
            await page.screenshot(path=str(shots / "serve-3-next-question.png"))
            after = shown(screen)

            # A reload (or a dropped connection) within the grace period: the same app, the draft kept.
            await page.keyboard.type("draft survives reload", delay=5)
            await seen(screen, "draft survives reload", 20)
            screen.reset()
            await page.reload()
            await seen(screen, "draft survives reload", 30)
            await page.screenshot(path=str(shots / "serve-4-after-reload.png"))
        finally:
            await browser.close()

    journal = r.journal()
    assert "agreed recall as the metric" in journal  # the answer was saved
    assert journal.count('"role": "assessor"') >= 2 and after != first_question  # next question
    assert "agreed recall as" in after  # the answer, now in the conversation
    assert outside == [], outside  # nothing asked of any other host
    assert not [c for c in console if c.startswith("error")], console  # no CSP block, no 404
