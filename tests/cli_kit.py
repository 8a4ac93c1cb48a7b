"""Running practice-bot's command line in tests: the one way to do it (the `cli` fixture in
tests/conftest.py hands out `run_cli`).

In-process by default: `main(args)` with stdin, stdout and stderr swapped for in-memory streams, in
the given folder and with extra environment variables, all put back afterwards. A subprocess only
where one is the point (a signal, a crash, the kill shim, what reaches a real terminal): `process=True`.
Either way the result looks like `subprocess.CompletedProcess` (returncode, stdout, stderr). The
environment is the test's: tests/conftest.py already points config and data folders into tmp_path and
removes any real API key.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _swapped(stdin: bytes, cwd: Path | None, env: Mapping[str, str]) -> Iterator[list[io.BytesIO]]:
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    out, err = io.BytesIO(), io.BytesIO()
    wrappers = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = wrappers
    os.environ.update(env)
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield [out, err]
    finally:
        for wrapper in wrappers:
            wrapper.flush()
            wrapper.detach()  # a wrapper closes its buffer when collected; the output is read later
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)


def run_cli(
    args: Sequence[str | Path],
    stdin: str | bytes = "",
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    process: bool = False,
    timeout: float = 120,
) -> Ran:
    """`practice-bot ARGS` with `stdin`; `process` runs `python -m practice_bot` in a subprocess."""
    words = [str(a) for a in args]
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    if process:
        environ = {**os.environ, **(env or {})}
        environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), environ.get("PYTHONPATH", "")) if p
        )
        done = subprocess.run(
            [sys.executable, "-m", "practice_bot", *words],
            input=data, capture_output=True, timeout=timeout, env=environ, cwd=cwd,
        )  # fmt: skip
        return Ran(
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
        )
    from practice_bot.cli import main

    with _swapped(data, cwd, env or {}) as (out, err):
        try:
            code = main(words)
        except SystemExit as exc:  # argparse: --help, a bad flag
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return Ran(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))
