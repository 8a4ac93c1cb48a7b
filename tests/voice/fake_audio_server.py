"""A loopback stand-in for an OpenAI-compatible audio server (127.0.0.1 only, stopped after use).

It answers POST .../audio/transcriptions with `replies` in turn (the last one repeats) and records each
request's multipart fields; POST .../audio/speech answers with a short WAV.
"""

from __future__ import annotations

import io
import json
import threading
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)


@dataclass
class Received:
    path: str
    fields: dict[str, list[str]]
    files: dict[str, tuple[str, bytes]]


def parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, list[str]], dict[str, tuple[str, bytes]]]:
    """A multipart/form-data body as {name: [values]} and {name: (filename, bytes)}."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, list[str]] = {}
    files: dict[str, tuple[str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if filename is not None:
            files[str(name)] = (filename, payload)
        else:
            fields.setdefault(str(name), []).append(payload.decode())
    return fields, files


def tiny_wav(seconds: float = 0.2, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


class FakeAudioServer:
    def __init__(self, replies: list[Reply]) -> None:
        self.replies = replies
        self.received: list[Received] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                if self.path.endswith("/audio/speech"):
                    server.received.append(Received(self.path, {"json": [body.decode()]}, {}))
                    self._send(200, tiny_wav(), "audio/wav")
                    return
                fields, files = parse_multipart(self.headers.get("Content-Type", ""), body)
                server.received.append(Received(self.path, fields, files))
                count = len([r for r in server.received if r.files])
                reply = server.replies[min(count, len(server.replies)) - 1]
                self._send(reply.status, json.dumps(reply.body).encode(), "application/json")

            def _send(self, status: int, data: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    @property
    def transcriptions(self) -> list[Received]:
        return [r for r in self.received if r.path.endswith("/audio/transcriptions")]


@contextmanager
def fake_audio_server(replies: list[Reply]) -> Iterator[FakeAudioServer]:
    server = FakeAudioServer(replies)
    thread = threading.Thread(target=server.httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        thread.join(timeout=5)


def verbose(text: str, words: list[tuple[str, float, float]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "task": "transcribe",
        "language": "english",
        "duration": 3.0,
        "text": text,
    }
    if words is not None:
        body["words"] = [{"word": w, "start": s, "end": e} for w, s, e in words]
    return body
