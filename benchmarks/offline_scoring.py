"""How fast the offline scorer is: 300-word answers against a five-criterion topic, on one core.

Run: python benchmarks/offline_scoring.py [--answers N] [--rounds R] [--seed S]
Prints answers/second (CPU time of this process, best and median of the rounds). The answers are
generated deterministically from a seed, mixing own-practice sentences, definitions and filler so every
code path of the scorer is exercised.

The scorer remembers the sentences it has read (words, phrases, marks, slot hits), and these answers
are drawn from a dozen sentences, so the first figure is mostly remembered sentences. The second line
measures the same answers with that memory cleared before each answer (a sentence repeated within one
answer is still read once): nearer the speed on text never seen.
"""

from __future__ import annotations

import argparse
import random
import time

from practice_bot.rubric.loader import load_rubric
from practice_bot.rubric.models import Topic
from practice_bot.scoring.offline import OfflineScorer, forget_sentences

TOPIC = "model-scoping"  # five criteria (four pass, one distinction)
WORDS_PER_ANSWER = 300

_SENTENCES = [
    "I set up a weekly report in Power BI that showed precision and recall for the top forty cases.",
    "We ran two-week sprints on a Jira board with a review that the product owner attended.",
    "Because false negatives cost about twelve thousand pounds each, I agreed a recall target of 95 per cent.",
    "Looking back, choosing that metric shaped the scope, which meant we dropped the image work.",
    "I checked the flag rate by age band and postcode and removed a feature that acted as a proxy.",
    "Data drift is when the distribution of the inputs changes over time.",
    "It is important to think about the risks of deploying new models.",
    "The data came from the warehouse system and I cleaned the missing delivery dates first.",
    "We deployed the model as an API in a Docker container and monitored it with Grafana.",
    "I worked with the information security team to strip personal details before training.",
    "To be honest the meetings were fine and everyone seemed happy with the outcome.",
    "The operations manager signed off the threshold after I showed her the confusion matrix.",
]


def make_answer(rng: random.Random) -> str:
    words: list[str] = []
    while len(words) < WORDS_PER_ANSWER:
        words.extend(rng.choice(_SENTENCES).split())
    return " ".join(words[:WORDS_PER_ANSWER])


def _rates(
    scorer: OfflineScorer, topic: Topic, answers: list[str], rounds: int, fresh: bool
) -> list[float]:
    """Answers/second in each round, sorted; `fresh`: forget remembered sentences before each answer."""
    rates = []
    for _ in range(rounds):
        # CPU time of this process: the figure for one core, whatever else the machine runs.
        start = time.process_time()
        for answer in answers:
            if fresh:
                forget_sentences()
            scorer.score(
                answer, "Tell me about how you scoped your project.", topic, topic.criteria
            )
        rates.append(len(answers) / (time.process_time() - start))
    return sorted(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1398)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    answers = [make_answer(rng) for _ in range(args.answers)]
    topic = load_rubric().topic(TOPIC)
    scorer = OfflineScorer()
    scorer.score(answers[0], "warm-up", topic, topic.criteria)  # compile the concept book once
    rates = _rates(scorer, topic, answers, args.rounds, fresh=False)
    print(
        f"{len(answers)} answers of {WORDS_PER_ANSWER} words, {len(topic.criteria)} criteria, "
        f"best of {args.rounds} rounds: {rates[-1]:,.0f} answers/second "
        f"(median {rates[len(rates) // 2]:,.0f})"
    )
    fresh = _rates(scorer, topic, answers, args.rounds, fresh=True)
    print(
        f"  the same, no sentence remembered from an earlier answer: {fresh[-1]:,.0f} answers/second "
        f"(median {fresh[len(fresh) // 2]:,.0f})"
    )


if __name__ == "__main__":
    main()
