"""Speed a learner feels, in a real terminal (tmux, 120x40), against a minimal Textual app in the same run.

The minimal app is a TextArea; F2 pushes a screen showing the answer and ten lines. Measured, each as
the median of `--runs` rounds (the programs alternate, so drift affects them alike):

- start: from starting the program until its screen is complete. The minimal app: its text is shown.
  practice-bot (bare `python -m practice_bot`): the settings have loaded (the scoring line says what
  scores answers) and the recent sessions are listed (a finished session's row is on screen).
  Target: at most 2x the minimal app.
- feedback: in a practice session with an answer typed, from pressing F2 until the practice feedback
  screen is drawn (its title and its footer on screen); the minimal app: F2 until its pushed screen's
  last line is shown. Target: at most 1.5x the minimal app.

Each run starts the program in a fresh tmux session (a private tmux server kept alive for the whole
benchmark, so its own start-up is not counted) and polls `tmux capture-pane` until the text appears.
Prints each median, the ratios and the machine's load average (a busy machine slows the heavier
program more, so ratios are comparable only between runs at similar load).

    python benchmarks/learner_speed.py [--runs 9]
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
WIDTH, HEIGHT = "120", "40"
MINIMAL = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static, TextArea


class Shown(Screen):
    def __init__(self, answer):
        super().__init__()
        self.answer = answer

    def compose(self):
        yield Static(self.answer)
        for i in range(10):
            yield Static(f"Line {i + 1} of what the minimal app shows after an answer.")
        yield Static("Minimal feedback shown")


class Minimal(App):
    BINDINGS = [("f2", "show", "Show")]

    def compose(self):
        yield Static("Minimal app ready")
        yield TextArea(id="box")

    def on_mount(self):
        self.query_one(TextArea).focus()

    def action_show(self):
        self.push_screen(Shown(self.query_one(TextArea).text))


Minimal().run()
"""
ANSWER = (
    "I scoped a fraud model with the operations lead and chose recall at a fixed precision because "
    "missed fraud cost far more than a review. Zebrafinch."
)
PAST_NAME = "Recent Row"  # the finished session the start screen lists
FEEDBACK_SHOWN = ("Feedback on your answer", "F4 Try again")  # its title and its footer


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def wait_for(name: str, texts: tuple[str, ...], start: float, timeout: float = 30.0) -> float:
    """Seconds since `start` until every one of `texts` is on the session's screen."""
    while time.perf_counter() - start < timeout:
        screen = tmux("capture-pane", "-p", "-t", name)
        if all(t in screen for t in texts):
            return time.perf_counter() - start
        time.sleep(0.002)
    raise SystemExit(f"timed out waiting for {texts!r}; the screen shows:\n{screen}")


def start(command: str, cwd: Path) -> tuple[str, float]:
    name = f"run{time.monotonic_ns()}"
    began = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", WIDTH, "-y", HEIGHT, "-c", str(cwd), command)
    return name, began


def start_time(command: str, texts: tuple[str, ...], cwd: Path) -> float:
    name, began = start(command, cwd)
    try:
        return wait_for(name, texts, began)
    finally:
        tmux("kill-session", "-t", name)


def type_answer(name: str) -> None:
    """Type the answer in tmux session `name` and let the program go idle, as a learner pauses
    before sending."""
    tmux("send-keys", "-t", name, "-l", ANSWER)
    wait_for(name, ("Zebrafinch",), time.perf_counter())
    time.sleep(0.3)


def feedback_time(command: str, ready: tuple[str, ...], shown: tuple[str, ...], cwd: Path) -> float:
    """Start `command`, wait for `ready`, type the answer, then time F2 until `shown`."""
    name, began = start(command, cwd)
    try:
        wait_for(name, ready, began)
        type_answer(name)
        pressed = time.perf_counter()
        tmux("send-keys", "-t", name, "F2")
        return wait_for(name, shown, pressed)
    finally:
        tmux("kill-session", "-t", name)


def _load(avg: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in avg)


def prepare(work: Path, python: str, **extra: str) -> str:
    """The programs' folder `work` (minimal.py, and one finished session so the start screen has a
    recent session to list); returns the shell prefix that sets their environment (`extra` added).
    Bytecode is cached (in `work`, not the repository) as for an installed package, even where
    PYTHONDONTWRITEBYTECODE is set: the warm-up runs write it."""
    (work / "minimal.py").write_text(MINIMAL, encoding="utf-8")
    env = {
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        "PRACTICE_BOT_DATA_DIR": str(work / "data"),
        "PRACTICE_BOT_CONFIG": str(work / "none.toml"),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "TERM": "xterm-256color",
        **extra,
    }
    prefix = "env -u OPENAI_API_KEY -u OPENAI_BASE_URL " + " ".join(
        f"{k}={shlex.quote(v)}" for k, v in env.items()
    )
    subprocess.run(
        [python, "-m", "practice_bot", "practice", "--plain", "--topics", "model-scoping",
         "--name", PAST_NAME, "--seed", "1"],
        input=f"{ANSWER}\n\n", capture_output=True, text=True, cwd=work, check=True,
        env={**os.environ, **env},
    )  # fmt: skip
    return prefix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prefix = prepare(work, args.python)
        python = shlex.quote(args.python)
        minimal = f"{prefix} {python} minimal.py"
        bare = f"{prefix} {python} -m practice_bot"
        practice = f"{prefix} {python} -m practice_bot practice --topics model-scoping --name Bench --seed 2"
        minimal_ready, minimal_shown = ("Minimal app ready",), ("Minimal feedback shown",)
        complete = ("Scoring: offline", PAST_NAME)
        asked, shown = ("Assessor", "Your answer"), FEEDBACK_SHOWN
        tmux("new-session", "-d", "-s", "keepalive", "sleep 3600")  # the server stays up
        try:
            start_time(minimal, minimal_ready, work)  # warm the file and bytecode caches
            start_time(bare, complete, work)
            feedback_time(practice, asked, shown, work)
            load_before = os.getloadavg()
            times: dict[str, list[float]] = {k: [] for k in ("ms", "mf", "ps", "pf")}
            for _ in range(args.runs):
                times["ms"].append(start_time(minimal, minimal_ready, work))
                times["ps"].append(start_time(bare, complete, work))
                times["mf"].append(feedback_time(minimal, minimal_ready, minimal_shown, work))
                times["pf"].append(feedback_time(practice, asked, shown, work))
            load_after = os.getloadavg()
        finally:
            tmux("kill-server")
    med = {k: statistics.median(v) for k, v in times.items()}
    rows = [
        ("start: minimal Textual app (a TextArea)", med["ms"], med["ms"]),
        ("start: practice-bot start screen complete", med["ps"], med["ms"]),
        ("F2: minimal app pushes a screen", med["mf"], med["mf"]),
        ("F2: practice feedback screen shown", med["pf"], med["mf"]),
    ]
    for label, value, base in rows:
        print(f"{label:<44} median {value * 1000:7.1f} ms  ({value / base:.2f}x)")
    print(f"load average (1, 5, 15 min) before {_load(load_before)}, after {_load(load_after)}")
    print(
        f"runs: {args.runs}; start screen complete {med['ps'] / med['ms']:.2f}x the minimal app "
        f"(target <= 2x); feedback {med['pf'] / med['mf']:.2f}x (target <= 1.5x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
