"""Making untrusted text (answers, transcripts) safe to print: control characters become visible."""

from __future__ import annotations

import re

# C0 and C1 controls except tab and newline, DEL, and bidi overrides that can disguise text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    return (
        f"\\x{ord(match.group()):02x}"
        if ord(match.group()) < 0x100
        else f"\\u{ord(match.group()):04x}"
    )


def printable(text: str) -> str:
    """The text with every control character shown as an escape, so none reaches the terminal."""
    return _CONTROL.sub(_visible, text)


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
