"""How the session engine's time grows with the number of answers: a practice session answered over
and over (`/again`), each answer scored by a constant scorer (so the engine, not the scorer, is
measured) and journaled to a real file. Linear growth shows as a flat time per 1,000 answers.

    python benchmarks/engine_growth.py [--answers 10000] [--offline]

`--offline` scores with the real offline scorer instead (slower; the scorer's cost is constant per
answer, so growth should still be linear).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from practice_bot.banks.loader import load_banks
from practice_bot.records.schema import Transcript
from practice_bot.records.store import create_journal
from practice_bot.rubric import load_rubric
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring.base import Assessment, Judgment, Scorer
from practice_bot.session.clock import FakeClock
from practice_bot.session.engine import Engine
from practice_bot.session.plan import SessionConfig, resolve_topics

ANSWER = (
    "I agreed recall as the metric with the product owner, compared the model with a baseline on "
    "held-out data and checked it for drift every week after it went live."
)


class ConstantScorer:
    name = "constant"

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        return Assessment(
            judgments=[Judgment(criterion_id=c.id, status="partly", reason="-") for c in criteria]
        )


def run(answers: int, scorer: Scorer, folder: Path) -> list[float]:
    """Seconds taken by each block of 1,000 answers."""
    rubric = load_rubric()
    config = SessionConfig(mode="practice", apprentice="bench", topics=["model-scoping"], seed=1)
    clock = FakeClock()
    transcript = Transcript(
        id="bench001", apprentice="bench", mode="practice", topics=resolve_topics(config, rubric),
        seed=1, minutes=config.session_minutes, started_at=clock.now(),
    )  # fmt: skip
    journal = create_journal(folder, transcript)
    engine = Engine(
        config, rubric, load_banks(rubric), scorer, transcript, clock=clock, recorder=journal
    )
    engine.next_question()
    blocks: list[float] = []
    start = time.perf_counter()
    for n in range(1, answers + 1):
        engine.submit_answer(ANSWER)
        engine.retry()  # /again: the same question once more
        if n % 1000 == 0:
            now = time.perf_counter()
            blocks.append(now - start)
            start = now
    return blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--offline", action="store_true", help="score with the offline scorer")
    args = parser.parse_args()
    if args.offline:
        from practice_bot.scoring.offline import OfflineScorer

        scorer: Scorer = OfflineScorer()
    else:
        scorer = ConstantScorer()
    with tempfile.TemporaryDirectory() as tmp:
        blocks = run(args.answers, scorer, Path(tmp))
    total = 0.0
    for i, seconds in enumerate(blocks, start=1):
        total += seconds
        print(f"answers {i * 1000:>6}: this 1,000 {seconds:6.2f} s, total {total:7.2f} s")
    if len(blocks) >= 2:
        print(f"last 1,000 / first 1,000: {blocks[-1] / blocks[0]:.2f}x (1.0x is linear growth)")


if __name__ == "__main__":
    main()
