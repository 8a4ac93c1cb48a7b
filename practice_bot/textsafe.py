"""Making untrusted text (answers, transcripts) safe to print and to store: control characters become
visible, text that is not UTF-8 becomes U+FFFD, and the configured API key never appears."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, TextIO

# C0 and C1 controls except tab and newline, DEL, and bidi overrides that can disguise text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    return (
        f"\\x{ord(match.group()):02x}"
        if ord(match.group()) < 0x100
        else f"\\u{ord(match.group()):04x}"
    )


def has_controls(text: str) -> bool:
    """Whether the text holds a control character (or a bidi override) printable() would escape."""
    return _CONTROL.search(text) is not None


def printable(text: str) -> str:
    """The text with every control character shown as an escape, so none reaches the terminal (and
    with any secret redacted)."""
    return _CONTROL.sub(_visible, redact(text))


# What leaves the program on stdout and stderr: the same, also lone surrogates (bytes that were not
# UTF-8) and a carriage return that does not end a line (it would let text overwrite what precedes it).
_OUTPUT_UNSAFE = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def output_safe(text: str) -> str:
    """Text as it may leave the program, on the terminal or in a file a user will `cat`."""
    return _OUTPUT_UNSAFE.sub(_visible, redact(text))


class PrintableStream:
    """stdout or stderr, through which every command's output passes: whatever a command prints,
    from whichever field of whichever file, no control character or secret reaches the terminal.
    Text already made printable passes unchanged; JSON output escapes such characters itself
    (`json_text`), so it stays valid JSON."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(output_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def guard_output() -> None:
    """Route stdout and stderr through `PrintableStream` (once): the one place text leaves the program."""
    if not isinstance(sys.stdout, PrintableStream):
        sys.stdout = PrintableStream(sys.stdout)
    if not isinstance(sys.stderr, PrintableStream):
        sys.stderr = PrintableStream(sys.stderr)


def raw_stream(stream: Any) -> Any:
    """The terminal behind a guarded stream, for the app's own control characters (a progress line
    redrawn with a carriage return); never for text from a file or an answer."""
    return stream.stream if isinstance(stream, PrintableStream) else stream


# json.dumps escapes C0 controls but leaves DEL, the C1 controls (U+009B is a terminal's CSI) and bidi
# overrides raw; inside a JSON string each may equally be written as a \u escape.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_text(data: Any, **options: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, **options)` with no raw control character in it."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Secrets the app holds (the API key, a key in the endpoint's URL): whatever repeats one back (an
# endpoint's error message, a reply, a connection error), it is never printed or stored.
_SECRETS: set[str] = set()
REDACTED = "[redacted]"
_SECRET_PARAM = re.compile(r"key|token|secret|sig|password|passwd|auth|code", re.IGNORECASE)


def remember_secret(secret: str | None) -> None:
    """Remember a secret to redact - unless it is a placeholder such as `ollama`, `EMPTY` or
    `anything` (local servers take any key), which would otherwise be cut out of answers."""
    value = (secret or "").strip()
    if len(value) < 10 or any(ch.isspace() for ch in value):
        return
    letters, digits = any(ch.isalpha() for ch in value), any(ch.isdigit() for ch in value)
    if len(value) >= 16 or (letters and digits):
        _SECRETS.add(value)


def remember_url_secrets(url: str | None) -> None:
    """A password in the URL, and query values whose names say they are keys or tokens. However
    short, they are also remembered in the form an echo of the URL shows them (`user:password@`,
    `key=value`), which no answer holds by chance."""
    if not url:
        return
    from urllib.parse import parse_qsl, urlsplit

    try:
        parts = urlsplit(url)
        remember_secret(parts.password)
        if parts.password:
            userinfo = parts.netloc.rsplit("@", 1)[0]
            _SECRETS.add(f"{userinfo}@")
        for name, value in parse_qsl(parts.query, keep_blank_values=False):
            if _SECRET_PARAM.search(name):
                remember_secret(value)
                _SECRETS.add(f"{name}={value}")
        for raw in parts.query.split("&"):  # as written, before percent-decoding
            name, _, value = raw.partition("=")
            if value and _SECRET_PARAM.search(name):
                _SECRETS.add(raw)
    except ValueError:
        return


def redact(text: str) -> str:
    """The text with every remembered secret replaced by [redacted]."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def valid_text(text: str) -> str:
    """Text that can be stored: bytes that were not UTF-8 (decoded by Python as lone surrogates)
    become U+FFFD, as any UTF-8 reader would show them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "replace")
    return text


def check_text(raw: str, data: Any) -> None:
    """JSON may escape half a surrogate pair (\\ud800), which is no text at all: nothing could
    write it out again. Raises ValueError for such a file."""
    if "\\ud" in raw.lower():
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("holds a broken \\u escape (half a surrogate pair)") from None
