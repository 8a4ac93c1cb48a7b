"""CPU time behind the two waits of learner_speed.py, which a busy machine disturbs far less than the
wall-clock figures: compare code changes with this, and quote learner_speed.py's ratios.

Same programs, terminal (tmux, 120x40) and data as learner_speed.py, each run wrapped by a small
script that notes, inside the program:

- start: the CPU time of the whole process (every thread, interpreter start-up included; the room,
  which bare practice-bot never imports, is not imported for it either) when the
  screen is complete, i.e. when the frame is drawn in which the minimal app's text, or practice-bot's
  listed recent sessions (with its settings loaded before), first appear;
- feedback: the CPU time of the app's thread from the F2 action (before the answer is saved) to the
  first frame of the pushed screen (waits for the disk's fsync are not CPU time).

Prints medians of `--runs` rounds (the programs alternate) and their ratios.

    python benchmarks/learner_cpu.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import learner_speed as speed  # the programs, the terminal and the data

# Run before the program: notes CPU times in the file $CPU_NOTES when its screens are drawn.
WRAPPER = """
import os, runpy, sys, time
from textual.app import App

NOTES = os.environ["CPU_NOTES"]
pressed = []


def note(kind, ms):
    with open(NOTES, "a") as f:
        f.write(f"{kind} {ms:.2f}\\n")


def pressed_now():
    pressed.append(time.thread_time())


drawn = App._display


def display(self, screen, renderable):
    drawn(self, screen, renderable)
    name = type(screen).__name__
    if getattr(screen, "recent_listed", False) or type(self).__name__ == "Minimal":
        if not getattr(self, "_noted_start", False):
            self._noted_start = True
            note("start", time.process_time() * 1000)
    if name in ("FeedbackScreen", "Shown") and pressed:
        note("feedback", (time.thread_time() - pressed.pop()) * 1000)


App._display = display
program, args = sys.argv[1], sys.argv[2:]
if program == "minimal":
    code = open("minimal.py").read().replace("Minimal().run()", "")
    scope = {"__name__": "minimal"}
    exec(compile(code, "minimal.py", "exec"), scope)
    shown = scope["Minimal"].action_show

    def action_show(self):
        pressed_now()
        shown(self)

    scope["Minimal"].action_show = action_show
    scope["Minimal"]().run()
else:
    if args:  # a practice session; bare practice-bot never imports the room, so neither does this
        from practice_bot.tui.screens.discussion import DiscussionScreen

        submit = DiscussionScreen.action_submit

        async def action_submit(self):
            pressed_now()
            await submit(self)

        DiscussionScreen.action_submit = action_submit
    sys.argv = ["practice-bot", *args]
    runpy.run_module("practice_bot", run_name="__main__")
"""


def noted(notes: Path, kind: str) -> float:
    """The CPU time the program notes as `kind` (waiting for it), the notes then cleared."""
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        lines = [ln.split() for ln in notes.read_text().splitlines()] if notes.exists() else []
        found = [float(ms) for k, ms in lines if k == kind]
        if found:
            notes.unlink()
            return found[-1]
        time.sleep(0.005)
    raise SystemExit(f"no {kind} CPU time was noted")


def start_cpu(command: str, notes: Path, cwd: Path) -> float:
    name, _ = speed.start(command, cwd)
    try:
        return noted(notes, "start")
    finally:
        speed.tmux("kill-session", "-t", name)


def feedback_cpu(command: str, ready: tuple[str, ...], notes: Path, cwd: Path) -> float:
    """As learner_speed.feedback_time: wait for `ready`, type the answer, pause, press F2."""
    name, began = speed.start(command, cwd)
    try:
        speed.wait_for(name, ready, began)
        speed.type_answer(name)
        if notes.exists():
            notes.unlink()  # the start's note
        speed.tmux("send-keys", "-t", name, "F2")
        return noted(notes, "feedback")
    finally:
        speed.tmux("kill-session", "-t", name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        notes = work / "cpu-notes.txt"
        (work / "wrapper.py").write_text(WRAPPER, encoding="utf-8")
        prefix = speed.prepare(work, args.python, CPU_NOTES=str(notes))
        run = f"{prefix} {shlex.quote(args.python)} wrapper.py"
        minimal = f"{run} minimal"
        bare = f"{run} practice-bot"
        practice = f"{run} practice-bot practice --topics model-scoping --name Bench --seed 2"
        minimal_ready, asked = ("Minimal app ready",), ("Assessor", "Your answer")
        speed.tmux("new-session", "-d", "-s", "keepalive", "sleep 3600")
        try:
            cpu: dict[str, list[float]] = {k: [] for k in ("ms", "mf", "ps", "pf")}
            for _ in range(args.runs + 1):  # the first round warms the file and bytecode caches
                cpu["ms"].append(start_cpu(minimal, notes, work))
                cpu["ps"].append(start_cpu(bare, notes, work))
                cpu["mf"].append(feedback_cpu(minimal, minimal_ready, notes, work))
                cpu["pf"].append(feedback_cpu(practice, asked, notes, work))
        finally:
            speed.tmux("kill-server")
    med = {k: statistics.median(v[1:]) for k, v in cpu.items()}  # the first round warms up
    print(
        f"start, CPU of the process until complete: minimal {med['ms']:.0f} ms, "
        f"practice-bot {med['ps']:.0f} ms ({med['ps'] / med['ms']:.2f}x)"
    )
    print(
        f"F2, CPU of the app's thread until the screen is drawn: minimal {med['mf']:.1f} ms, "
        f"practice-bot {med['pf']:.1f} ms ({med['pf'] / med['mf']:.2f}x)"
    )
    print(f"runs: {args.runs}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
