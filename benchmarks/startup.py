"""Start-up time in a real terminal: `python -m practice_bot` against a minimal Textual app.

Each run starts the program in a fresh tmux session (a private tmux server kept alive for the whole
benchmark, so its own start-up is not counted) and polls `tmux capture-pane` until the screen shows the
expected text. The two programs alternate so drift affects both alike. Prints each median and the ratio
(target: at most 1.5x), and the machine's load average before and after (a busy machine slows the
heavier program more, so the ratio is only comparable between runs at similar load).

    python benchmarks/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOCKET = f"pb-bench-{os.getpid()}"
MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Static


class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Minimal app ready")
        yield Footer()


Minimal().run()
"""


# The old path: settings (pydantic) loaded before the app starts, as `practice-bot mock` etc. still do.
EAGER = (
    "import argparse; from practice_bot.commands.session import run_app; "
    "raise SystemExit(run_app(argparse.Namespace()))"
)


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def time_to_text(command: str, text: str, cwd: Path, timeout: float = 20.0) -> float:
    """Seconds from starting `command` in a new tmux session until `text` is on its screen."""
    name = f"run{time.monotonic_ns()}"
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "-c", str(cwd), command)
    try:
        while time.perf_counter() - start < timeout:
            if text in tmux("capture-pane", "-p", "-t", name):
                return time.perf_counter() - start
            time.sleep(0.003)
        raise SystemExit(f"timed out waiting for {text!r} from {command!r}")
    finally:
        tmux("kill-session", "-t", name)


def _load(avg: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in avg)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "minimal.py").write_text(MINIMAL, encoding="utf-8")
        # Bytecode is cached (in the temporary folder, not the repository) as for an installed
        # package, even where PYTHONDONTWRITEBYTECODE is set: the warm-up runs write it.
        env = (
            f"PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX={shlex.quote(str(work / 'pycache'))} "
            f"PRACTICE_BOT_DATA_DIR={shlex.quote(str(work / 'data'))} "
            f"PRACTICE_BOT_CONFIG={shlex.quote(str(work / 'none.toml'))} "
            f"PYTHONPATH={shlex.quote(str(repo))} TERM=xterm-256color"
        )
        python = shlex.quote(args.python)
        ours = f"env {env} {python} -m practice_bot"
        minimal = f"env {env} {python} minimal.py"
        eager = f"env {env} {python} -c {shlex.quote(EAGER)}"
        tmux("new-session", "-d", "-s", "keepalive", "sleep 3600")  # the server stays up
        try:
            time_to_text(minimal, "Minimal app ready", work)  # warm the file cache
            time_to_text(ours, "Scoring: offline", work)
            time_to_text(eager, "Your name", work)
            load_before = os.getloadavg()
            mins, apps, fulls, eagers = [], [], [], []
            for _ in range(args.runs):
                mins.append(time_to_text(minimal, "Minimal app ready", work))
                apps.append(time_to_text(ours, "Your name", work))
                # Complete: the settings have loaded (the scoring line says what scores answers).
                fulls.append(time_to_text(ours, "Scoring: offline", work))
                eagers.append(time_to_text(eager, "Your name", work))
            load_after = os.getloadavg()
        finally:
            tmux("kill-server")
    m = statistics.median(mins)
    rows = [
        ("minimal Textual app (Header+Static+Footer)", m),
        ("practice-bot: start screen appears", statistics.median(apps)),
        ("practice-bot: start screen complete", statistics.median(fulls)),
        ("start screen, settings loaded first", statistics.median(eagers)),
    ]
    for label, value in rows:
        print(f"{label:<44} median {value:.3f} s  ({value / m:.2f}x)")
    print(f"load average (1, 5, 15 min) before {_load(load_before)}, after {_load(load_after)}")
    print(
        f"runs: {args.runs}; ratio (start screen appears / minimal): {rows[1][1] / m:.2f}x "
        "(target <= 1.5x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
