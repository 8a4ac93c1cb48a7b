"""Consent per endpoint: before the first answer goes to an endpoint the app says where and asks, once.

Remembered in `consent.json` in the app's data folder (PRACTICE_BOT_DATA_DIR overrides it), folder mode
0700, file mode 0600. Only the endpoint is stored, without any user:password part or query string (an
Azure-style `?api-key=` never reaches the file); the API key is never written.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from practice_bot.paths import data_home

if TYPE_CHECKING:
    from practice_bot.config import Settings

CONSENT_FILE = "consent.json"
VERSION = 1


def endpoint_key(base_url: str | None) -> str:
    """The endpoint as remembered and shown: scheme, host, port and path; no credentials, no query.
    None means OpenAI's default endpoint."""
    from practice_bot.llm.client import DEFAULT_BASE_URL

    parts = urlsplit((base_url or DEFAULT_BASE_URL).strip())
    host = (parts.hostname or "").lower()
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), host, path, "", ""))


def describe_endpoint(settings: Settings) -> str:
    """ "answers will be sent to https://api.openai.com/v1 (model gpt-4o-mini)"."""
    return f"answers will be sent to {endpoint_key(settings.base_url)} (model {settings.model})"


def _path() -> Path:
    return data_home() / CONSENT_FILE


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    endpoints = data.get("endpoints") if isinstance(data, dict) else None
    return endpoints if isinstance(endpoints, dict) else {}


def consent_needed(base_url: str | None) -> bool:
    """True until `remember_consent` has been called for this endpoint."""
    return endpoint_key(base_url) not in _load()


def remember_consent(base_url: str | None, *, now: datetime | None = None) -> Path:
    """Record consent for the endpoint; returns the file written."""
    endpoints = _load()
    endpoints[endpoint_key(base_url)] = {"accepted_at": (now or datetime.now(UTC)).isoformat()}
    return _write(endpoints)


def forget_consent(base_url: str | None) -> None:
    """Withdraw consent for one endpoint (asked again next time)."""
    endpoints = _load()
    if endpoints.pop(endpoint_key(base_url), None) is not None:
        _write(endpoints)


def _write(endpoints: dict[str, Any]) -> Path:
    """Replace the file atomically: folder 0700, file 0600."""
    folder = data_home()
    from practice_bot.folders import make_private_folder

    make_private_folder(folder)
    os.chmod(folder, 0o700)
    text = json.dumps({"version": VERSION, "endpoints": endpoints}, indent=2, sort_keys=True)
    fd, tmp = tempfile.mkstemp(prefix=".consent-", dir=folder)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, _path())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return _path()


def describe_audio_endpoint(settings: Settings) -> str:
    """What voice sends where, for the consent question (the same consent covers chat and audio)."""
    return (
        f"recordings of your spoken answers will be sent to {endpoint_key(settings.audio_url)} "
        f"(model {settings.transcription_model}) to be transcribed"
    )
