"""The class's web server (aiohttp): sign-in, the terminal page, its websocket and a few static files.

Routes: GET / (the sign-in form: `name`, `code`), POST /login (checks the class code, sets the signed
HttpOnly SameSite=Strict cookie, redirects to /app), GET /app (the terminal page), GET /ws (the
terminal, textual-serve's protocol) and GET /static/<file> for an allow-listed set of files (no
directory listings). The websocket is refused without a valid cookie, from a foreign Origin or Host,
over the cap, or for a learner already connected. Browser messages are bounded and the terminal size
clamped before they reach a learner's process. The websocket handling is adapted from textual-serve's
`Server.handle_websocket` (MIT licence; `practice_bot/serve/NOTICE`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import socket
import sys
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from aiohttp import WSMsgType, web

from practice_bot.serve.auth import (
    COOKIE_MAX_AGE,
    COOKIE_NAME,
    AttemptLimiter,
    CookieSigner,
    code_matches,
)
from practice_bot.serve.classroom import Classroom, Refused, Seat
from practice_bot.serve.names import clean_name
from practice_bot.serve.pages import sign_in_page, terminal_page

log = logging.getLogger("practice_bot.serve")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

MIN_COLS, MAX_COLS = 40, 250
MIN_ROWS, MAX_ROWS = 12, 100
MAX_WS_MESSAGE = 64 * 1024  # a pasted answer fits; anything bigger closes the socket
MAX_FORM = 8 * 1024

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)

CLOSE_REFUSED = 4403  # websocket close codes for "not allowed" and "full / already connected"
CLOSE_BUSY = 4409


def _static_files() -> dict[str, Path]:
    own = Path(str(files("practice_bot.serve") / "static"))
    ts = Path(str(files("textual_serve") / "static"))
    return {
        "page.css": own / "page.css",
        "connect.js": own / "connect.js",
        "textual.js": ts / "js" / "textual.js",
        "xterm.css": ts / "css" / "xterm.css",
        "fonts/RobotoMono-VariableFont_wght.ttf": ts / "fonts" / "RobotoMono-VariableFont_wght.ttf",
        "fonts/RobotoMono-Italic-VariableFont_wght.ttf": ts
        / "fonts"
        / "RobotoMono-Italic-VariableFont_wght.ttf",
    }


def _secure(headers: MutableMapping[str, str]) -> None:
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"  # no-referrer would make a form's Origin "null"
    headers["X-Frame-Options"] = "DENY"
    headers.setdefault("Cache-Control", "no-store")


def clamp(value: object, low: int, high: int, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))


def host_only(host_header: str) -> str:
    """`example:8000` -> `example`, `[::1]:8000` -> `::1`."""
    if host_header.startswith("["):
        return host_header[1 : host_header.find("]")] if "]" in host_header else ""
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


NOT_RESPONDING = (
    "\r\n  Your exam app stopped responding. Everything you sent is saved: reload the page in a"
    " minute to carry on.\r\n"
)


class NotResponding(Exception):
    """The learner's app has not read its input for a while (stuck in a call)."""


@dataclass
class ClassConfig:
    class_name: str
    code: str
    learner_argv: Sequence[str]  # the learner app's argv; the name goes in its environment
    capacity: int = 40
    grace: float = 30.0
    allowed_hosts: set[str] = field(default_factory=set)  # names (not IPs) the server answers to


class ClassServer:
    def __init__(self, config: ClassConfig) -> None:
        self.config = config
        self.signer = CookieSigner()
        self.limiter = AttemptLimiter()
        self.classroom = Classroom(
            lambda: list(config.learner_argv),
            capacity=config.capacity,
            grace=config.grace,
        )
        self.static = _static_files()
        names = {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}
        self.allowed_names = names | {h.lower() for h in config.allowed_hosts}

    # ----- the aiohttp application --------------------------------------------------------------
    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_FORM, middlewares=[self._headers])
        app.add_routes(
            [
                web.get("/", self.index),
                web.post("/login", self.login),
                web.get("/app", self.app_page),
                web.get("/ws", self.websocket),
                web.get("/static/{path:.+}", self.static_file),
                web.get("/favicon.ico", self.no_icon),
            ]
        )
        app.on_shutdown.append(self._on_shutdown)
        return app

    async def _on_shutdown(self, app: web.Application) -> None:
        await self.classroom.close()

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self._host_ok(request):
            return web.Response(
                status=421,
                text="Open this server by the address your tutor shows (or ask them to start it "
                "with --allow-host for this name).\n",
            )
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            _secure(exc.headers)
            raise
        _secure(response.headers)
        return response

    def _host_ok(self, request: web.Request) -> bool:
        """Answer to an IP address or this machine's own names: a page on another site that points
        its own name at this server (DNS rebinding) is refused."""
        host = host_only(request.host).lower()
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return host in self.allowed_names
        return True

    def _same_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return False
        return origin in (f"http://{request.host}", f"https://{request.host}")

    def _learner(self, request: web.Request) -> str | None:
        return self.signer.name_in(request.cookies.get(COOKIE_NAME))

    # ----- pages ---------------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.Response:
        return web.Response(text=sign_in_page(self.config.class_name), content_type="text/html")

    def _form_again(self, problem: str, name: str, status: int) -> web.Response:
        page = sign_in_page(self.config.class_name, problem, name)
        return web.Response(text=page, content_type="text/html", status=status)

    async def login(self, request: web.Request) -> web.Response:
        if "Origin" in request.headers and not self._same_origin(request):
            return web.Response(status=403, text="Sign in from this server's own page.\n")
        address = request.remote or "?"
        if self.limiter.blocked(address):
            return self._form_again("Too many wrong codes: wait a minute, then try again.", "", 429)
        try:
            form = await request.post()
        except (web.HTTPRequestEntityTooLarge, ValueError):
            return self._form_again("That form was too large.", "", 413)
        typed_name = str(form.get("name", ""))[:200]
        if not code_matches(str(form.get("code", ""))[:50], self.config.code):
            self.limiter.failed(address)
            return self._form_again("That class code is not right.", typed_name, 403)
        try:
            name = clean_name(typed_name)
        except ValueError as exc:
            return self._form_again(str(exc), typed_name, 400)
        response = web.HTTPSeeOther("/app")
        response.set_cookie(
            COOKIE_NAME,
            self.signer.sign(name),
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Strict",
            secure=request.secure,
            path="/",
        )
        raise response

    async def app_page(self, request: web.Request) -> web.Response:
        name = self._learner(request)
        if name is None:
            raise web.HTTPSeeOther("/")
        return web.Response(
            text=terminal_page(self.config.class_name, name), content_type="text/html"
        )

    async def no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def static_file(self, request: web.Request) -> web.StreamResponse:
        path = self.static.get(request.match_info["path"])
        if path is None:
            raise web.HTTPNotFound(text="Not found.\n")
        response = web.FileResponse(path)
        response.headers["Cache-Control"] = "max-age=3600"
        return response

    # ----- the terminal --------------------------------------------------------------------------
    async def websocket(self, request: web.Request) -> web.StreamResponse:
        name = self._learner(request)
        if name is None:
            return web.Response(status=403, text="Sign in first.\n")
        if not self._same_origin(request):
            return web.Response(status=403, text="Connect from this server's own page.\n")
        ws = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_WS_MESSAGE)
        await ws.prepare(request)
        width = clamp(request.query.get("width"), MIN_COLS, MAX_COLS, 80)
        height = clamp(request.query.get("height"), MIN_ROWS, MAX_ROWS, 24)
        try:
            seat = await self.classroom.take_seat(name, ws.send_bytes, width, height)
        except Refused as exc:
            await ws.send_bytes(f"\r\n  {exc}\r\n".encode())
            await ws.close(code=CLOSE_BUSY, message=b"refused")
            return ws
        try:
            await self._relay(ws, seat)
        finally:
            if not seat.process.ended.is_set():
                self.classroom.leave(seat)
            with contextlib.suppress(Exception):
                await ws.close()
        return ws

    async def _relay(self, ws: web.WebSocketResponse, seat: Seat) -> None:
        """Browser messages to the learner's process until either side goes away."""
        ended = asyncio.ensure_future(seat.process.ended.wait())
        try:
            while not ws.closed:
                receive = asyncio.ensure_future(ws.receive())
                done, _ = await asyncio.wait({receive, ended}, return_when=asyncio.FIRST_COMPLETED)
                if receive not in done:
                    receive.cancel()
                    await ws.close(code=1000, message=b"session ended")
                    return
                message = receive.result()
                if message.type != WSMsgType.TEXT:
                    if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                        return
                    if message.type == WSMsgType.ERROR:  # too big, or broken
                        return
                    continue
                try:
                    understood = await self._handle(ws, seat, message.data)
                except NotResponding:
                    await ws.send_bytes(NOT_RESPONDING.encode())
                    await ws.close(code=1011, message=b"app not responding")
                    return
                if not understood:
                    await ws.close(code=1003, message=b"bad message")
                    return
        finally:
            ended.cancel()

    async def _handle(self, ws: web.WebSocketResponse, seat: Seat, data: str) -> bool:
        try:
            envelope = json.loads(data)
        except ValueError:
            return False
        if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
            return False
        kind, args = envelope[0], envelope[1:]
        process = seat.process
        if kind == "stdin" and args and isinstance(args[0], str):
            if not await process.send_keys(args[0]) and not process.ended.is_set():
                raise NotResponding
        elif kind == "resize" and args and isinstance(args[0], dict):
            await process.resize(
                clamp(args[0].get("width"), MIN_COLS, MAX_COLS, 80),
                clamp(args[0].get("height"), MIN_ROWS, MAX_ROWS, 24),
            )
        elif kind == "ping" and args and isinstance(args[0], str):
            await ws.send_json(["pong", args[0][:32]])
        elif kind in ("focus", "blur"):
            await process.send_meta({"type": kind})
        else:
            return False
        return True


def learner_argv(pack: Path) -> list[str]:
    """How a learner's app is started: this Python, the learner module, the pack (no shell)."""
    return [sys.executable, "-m", "practice_bot.tui.learner_app", f"--pack={pack.absolute()}"]


async def start_server(server: ClassServer, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Start listening; returns the runner (to clean up) and the port (for --port 0)."""
    runner = web.AppRunner(server.make_app(), access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    return runner, int(bound)
