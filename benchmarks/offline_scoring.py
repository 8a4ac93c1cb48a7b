"""How long the offline scorer takes per answer: 300-word answers never seen before, against a
five-criterion topic, in pure Python.

Run: python benchmarks/offline_scoring.py [--answers N] [--seed S]
Prints the median (p50) and 99th percentile (p99) milliseconds per answer, timed one answer at a time
(CPU time of this process, so other jobs on the machine move it less).

The answers are text the scorer has never seen: every sentence is composed from seeded random choices
of subject, verb, object, tool, figure and tail fragments (own-practice sentences, definitions,
reasoning, reflection and filler), so hardly any sentence repeats within or across answers, and the
scorer's memory of sentences is cleared before each answer as well (OfflineScorer.forget_sentences),
so nothing read for one answer is reused for the next.
"""

from __future__ import annotations

import argparse
import random
import time

from practice_bot.rubric.loader import load_rubric
from practice_bot.rubric.models import Topic
from practice_bot.scoring.offline import OfflineScorer

TOPIC = "model-scoping"  # five criteria (four pass, one distinction)
WORDS_PER_ANSWER = 300
QUESTION = "Tell me about how you scoped your project."


def _w(text: str) -> list[str]:
    return [p.strip() for p in text.split("|")]


_SUBJECTS = _w(
    "I|We|My manager and I|Our team|I personally|We then|Together we|I initially|Our squad"
)
_VERBS = _w(
    "set up|built|ran|checked|reviewed|agreed|measured|cleaned|deployed|monitored|tested|compared|"
    "documented|presented|scoped|estimated|prioritised|negotiated|retrained|removed|tracked|planned|"
    "validated|automated|calibrated|sampled|labelled|migrated|drafted|scheduled|analysed|mapped"
)
_OBJECTS = _w(
    "a weekly report|the recall target|a churn model|the missing delivery dates|the feature list|"
    "a threshold|the confusion matrix|the data pipeline|the flag rate by age band|a forecast|"
    "the requirements|the project scope|a baseline model|the success criteria|the training data|"
    "the holdout set|a risk register|the stakeholder map|the business case|the backlog|"
    "the postcode feature|the invoice records|the sensor readings|the claims data|the call logs|"
    "the precision figures|a sprint plan|the acceptance criteria|the error budget|a prototype"
)
_TOOLS = _w(
    "Power BI|Jira|Python|SQL|Docker|Grafana|MLflow|Airflow|Snowflake|Databricks|Tableau|pandas|"
    "scikit-learn|Excel|Confluence|GitHub|Azure ML|SageMaker|BigQuery|XGBoost|Evidently|Slack"
)
_PEOPLE = _w(
    "the product owner|the operations manager|the finance team|the data protection officer|"
    "the ward manager|the head of fraud|two analysts|the client|the service desk lead|the sponsor"
)
_UNITS = _w("per cent|pounds|hours|days|cases|stores|calls|claims|weeks|users|rows|tickets")
_TAILS = _w(
    "before the pilot|for the second release|over three sprints|ahead of the steering group|"
    "after the first review|during discovery|in the first month|with the night shift|"
    "for the south region|across all sites|before go-live|once the data arrived"
)
_REASONS = _w(
    "because false negatives cost more than false alarms|so that the team could act on it|"
    "which meant we dropped the image work|as a result the backlog shrank|"
    "which reduced the manual checks|because the deadline was fixed|so that the scope stayed small|"
    "which improved trust in the scores"
)
_REFLECTIONS = _w(
    "Looking back|In hindsight|On reflection|If I did it again|Next time|Compared with the old rules"
)
_JUDGEMENTS = _w(
    "the trade-off was worth it|I would have involved the users earlier|the limitation was the data|"
    "the benefit outweighed the cost|it was the right call|we should have measured drift sooner"
)
_CONCEPTS = _w(
    "Data drift|Model scoping|A confusion matrix|Precision|Recall|A baseline|Feature engineering|"
    "Overfitting|A success metric|Stakeholder engagement|Cross-validation|A proxy variable"
)
_DEFINITIONS = _w(
    "is when the inputs change over time|is about agreeing what the model must do|"
    "is a table of right and wrong predictions|is the share of flagged cases that are real|"
    "is the share of real cases that are caught|means a simple model to beat|"
    "refers to turning raw data into useful inputs|is when a model learns the noise|"
    "is a number that says whether the project worked|involves talking to the people affected"
)
_FILLERS = _w(
    "To be honest the meetings were fine|At the end of the day everyone was happy|"
    "It is important to think about the risks|Basically it went well overall|"
    "You know it was kind of a busy time|Obviously there was a lot going on|"
    "Generally teams should plan carefully|Needless to say the work was varied"
)


def _number(rng: random.Random) -> str:
    return f"{rng.randint(2, 980)} {rng.choice(_UNITS)}"


def _sentence(rng: random.Random) -> str:
    c = rng.choice
    kind = rng.random()
    if kind < 0.45:  # own practice: subject, action, object, tool, figure, tail
        return (
            f"{c(_SUBJECTS)} {c(_VERBS)} {c(_OBJECTS)} in {c(_TOOLS)} for {_number(rng)} "
            f"{c(_TAILS)}."
        )
    if kind < 0.6:  # own practice with people and reasoning
        return f"{c(_SUBJECTS)} {c(_VERBS)} {c(_OBJECTS)} with {c(_PEOPLE)} {c(_REASONS)}."
    if kind < 0.72:  # reflection
        return f"{c(_REFLECTIONS)}, {c(_JUDGEMENTS)} when we {c(_VERBS)} {c(_OBJECTS)} {c(_TAILS)}."
    if kind < 0.85:  # definition
        return f"{c(_CONCEPTS)} {c(_DEFINITIONS)}, {c(_PEOPLE)} said {c(_TAILS)}."
    return f"{c(_FILLERS)} {c(_TAILS)} with {c(_PEOPLE)} in week {rng.randint(1, 52)}."  # filler


def make_answer(rng: random.Random) -> str:
    """About 300 words of sentences hardly any of which occurs elsewhere (ends at a full sentence
    once the count is reached, then trimmed to 300 words)."""
    words: list[str] = []
    while len(words) < WORDS_PER_ANSWER:
        words.extend(_sentence(rng).split())
    return " ".join(words[:WORDS_PER_ANSWER])


def _percentile(sorted_values: list[float], q: float) -> float:
    """The value below which a share `q` of the sorted values fall (nearest rank)."""
    return sorted_values[min(len(sorted_values) - 1, max(0, round(q * len(sorted_values)) - 1))]


def latencies(scorer: OfflineScorer, topic: Topic, answers: list[str]) -> list[float]:
    """Milliseconds per answer, each read from scratch, sorted."""
    out = []
    for answer in answers:
        scorer.forget_sentences()
        start = time.process_time()
        scorer.score(answer, QUESTION, topic, topic.criteria)
        out.append(1000 * (time.process_time() - start))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1398)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    answers = [make_answer(rng) for _ in range(args.answers)]
    topic = load_rubric().topic(TOPIC)
    scorer = OfflineScorer()
    scorer.score(answers[0], "warm-up", topic, topic.criteria)  # load the rules once
    sentences = [s for a in answers for s in a.split(". ")]
    unique = len(set(sentences)) / len(sentences)
    ms = latencies(scorer, topic, answers)
    print(
        f"{len(answers)} answers of {WORDS_PER_ANSWER} words of unseen text "
        f"({unique:.1%} of sentences unique), {len(topic.criteria)} criteria, pure Python: "
        f"p50 {_percentile(ms, 0.5):.1f} ms, p99 {_percentile(ms, 0.99):.1f} ms per answer "
        f"(max {ms[-1]:.1f} ms)"
    )


if __name__ == "__main__":
    main()
