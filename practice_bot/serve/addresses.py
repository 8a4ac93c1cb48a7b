"""What `practice-bot serve` tells the tutor to put on the board: the addresses and the class code."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.serve.server import ClassServer


def addresses(host: str, port: int) -> list[str]:
    """The addresses learners can open: every address of this machine if listening on all."""
    if host not in ("0.0.0.0", "::", ""):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        ip = str(info[4][0])
        if ip not in found and not ip.startswith("127."):
            found.append(ip)
    return [f"http://{ip}:{port}/" for ip in [*found, "127.0.0.1"]]


def announce(server: ClassServer, host: str, port: int) -> list[str]:
    lines = ["Learners open:"] + [f"  {a}" for a in addresses(host, port)]
    lines.append(f"Class code: {server.config.code}")
    return lines
