"""The class code and the signed session cookie.

The code is checked before any process starts; it is short enough to read off a projector and the
sign-in is rate limited per address. The cookie holds the learner's name and when it was issued, signed
with HMAC-SHA256 under a key made fresh for each server run (a restart signs everybody out; their
journals stay and the next sign-in resumes them).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections import deque

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
COOKIE_NAME = "practice_bot_learner"
COOKIE_MAX_AGE = 12 * 3600


def new_class_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def code_matches(typed: str, code: str) -> bool:
    normal = typed.strip().upper().replace(" ", "").replace("-", "")
    return hmac.compare_digest(normal.encode(), code.encode())


class CookieSigner:
    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def _mac(self, body: bytes) -> str:
        return base64.urlsafe_b64encode(hmac.new(self._key, body, hashlib.sha256).digest()).decode()

    def sign(self, name: str, now: float | None = None) -> str:
        payload = {"name": name, "at": int(now if now is not None else time.time())}
        body = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()
        return f"{body}.{self._mac(body.encode())}"

    def name_in(self, value: str | None, now: float | None = None) -> str | None:
        """The learner's name if `value` is a cookie this server signed and it has not expired."""
        if not value or value.count(".") != 1 or len(value) > 1024:
            return None
        body, mac = value.split(".")
        if not hmac.compare_digest(mac.encode(), self._mac(body.encode()).encode()):
            return None
        try:
            payload = json.loads(base64.urlsafe_b64decode(body.encode()))
            name, at = payload["name"], payload["at"]
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(name, str) or not isinstance(at, int):
            return None
        if (now if now is not None else time.time()) - at > COOKIE_MAX_AGE:
            return None
        return name


class AttemptLimiter:
    """At most `limit` wrong class codes per address in `window` seconds."""

    def __init__(self, limit: int = 10, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, address: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self._failures.get(address)
        if not times:
            return False
        while times and now - times[0] > self.window:
            times.popleft()
        return len(times) >= self.limit

    def failed(self, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if len(self._failures) > 10_000:  # a flood of addresses: start again rather than grow
            self._failures.clear()
        self._failures.setdefault(address, deque()).append(now)
