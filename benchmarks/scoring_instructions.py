"""Instructions the offline scorer executes per 300-word answer never seen before: a figure that, unlike
answers/second, does not move with whatever else the machine is doing (a shared virtual machine's
speed varies by a quarter from minute to minute).

Run: python benchmarks/scoring_instructions.py [--answers N]
Needs valgrind. It runs this script under callgrind twice, scoring no answers and then N answers of the
same unseen text as benchmarks/offline_scoring.py (sentence memory cleared before each), and prints the
difference divided by N: the setup is the same in both runs, so it cancels out. Callgrind counts
instructions, not time: the count is the same on a busy or a quiet machine. It prints which build it
counted (compiled with mypyc, or pure Python). As a guide, on this machine (a 2-core Xeon VM) the pure
build ran at about 1 instruction per 0.21 ns at its quietest, so 4.6 million instructions per answer was
about 1,000 answers/second; compiled code runs more instructions per nanosecond than that.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _score(n: int) -> None:
    """The measured work: warm up, then score `n` unseen answers, forgetting sentences between them."""
    import random

    sys.path.insert(0, str(HERE))
    from offline_scoring import QUESTION, TOPIC, make_answer

    from practice_bot.rubric.loader import load_rubric
    from practice_bot.scoring.offline import OfflineScorer, forget_sentences

    topic = load_rubric().topic(TOPIC)
    scorer = OfflineScorer()
    rng = random.Random(1398)
    answers = [make_answer(rng) for _ in range(max(n, 1))]
    scorer.score(answers[0], "warm-up", topic, topic.criteria)
    for answer in answers[:n]:
        forget_sentences()
        scorer.score(answer, QUESTION, topic, topic.criteria)


def _instructions(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={Path(tmp) / 'out'}",
                sys.executable,
                __file__,
                "--child",
                str(n),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.search(r"Collected\s*:\s*([\d,]+)|refs:\s*([\d,]+)", done.stderr)
    if not found:
        raise SystemExit(f"could not read valgrind's count:\n{done.stderr[-2000:]}")
    return int((found.group(1) or found.group(2)).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _score(args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    base = _instructions(0)
    total = _instructions(args.answers)
    per = (total - base) / args.answers
    from practice_bot.scoring.build import describe

    print(
        f"{per / 1e6:.2f} million instructions per 300-word unseen answer "
        f"({args.answers} answers, 5 criteria, counted by callgrind); scorer {describe()}"
    )


if __name__ == "__main__":
    main()
