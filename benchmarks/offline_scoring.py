"""How fast the offline scorer is: 300-word answers against a five-criterion topic, on one core.

Run: python benchmarks/offline_scoring.py [--answers N] [--rounds R] [--seed S]
Prints answers/second (CPU time of this process, best and median of the rounds), and which build of
the scorer ran: compiled with mypyc (a normal `pip install .`) or pure Python (an editable install,
PRACTICE_BOT_PURE_PYTHON=1, or no C compiler at install time).

The headline answers are text the scorer has never seen: every sentence is composed from seeded random
choices of subject, verb, object, tool, figure and tail fragments (own-practice sentences, definitions,
reasoning, reflection and filler), so hardly any sentence repeats within or across answers, and the
scorer's sentence memory is cleared before each answer as well (forget_sentences), so nothing read for
one answer is reused for the next. The secondary line is the old measure: answers drawn from a dozen
fixed sentences, which the scorer mostly remembers; it flatters the scorer and is not the speed on
real answers.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from practice_bot.rubric.loader import load_rubric
from practice_bot.rubric.models import Topic
from practice_bot.scoring.build import describe
from practice_bot.scoring.offline import OfflineScorer, forget_sentences

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


_REPEATED = [
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


def make_repeated_answer(rng: random.Random) -> str:
    """The old measure: an answer drawn from a dozen fixed sentences."""
    words: list[str] = []
    while len(words) < WORDS_PER_ANSWER:
        words.extend(rng.choice(_REPEATED).split())
    return " ".join(words[:WORDS_PER_ANSWER])


def _rates(
    scorer: OfflineScorer, topic: Topic, answers: list[str], rounds: int, fresh: bool
) -> list[float]:
    """Answers/second in each round, sorted; `fresh`: forget remembered sentences before each answer."""
    rates = []
    for _ in range(rounds):
        forget_sentences()
        # CPU time of this process: the figure for one core, whatever else the machine runs.
        start = time.process_time()
        for answer in answers:
            if fresh:
                forget_sentences()
            scorer.score(answer, QUESTION, topic, topic.criteria)
        rates.append(len(answers) / (time.process_time() - start))
    return sorted(rates)


def _answers(make: Callable[[random.Random], str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [make(rng) for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1398)
    parser.add_argument("--no-secondary", action="store_true", help="skip the repeated-text line")
    args = parser.parse_args()
    answers = _answers(make_answer, args.answers, args.seed)
    topic = load_rubric().topic(TOPIC)
    scorer = OfflineScorer()
    scorer.score(answers[0], "warm-up", topic, topic.criteria)  # compile the concept book once
    sentences = [s for a in answers for s in a.split(". ")]
    unique = len(set(sentences)) / len(sentences)
    rates = _rates(scorer, topic, answers, args.rounds, fresh=True)
    print(
        f"{len(answers)} answers of {WORDS_PER_ANSWER} words of unseen text "
        f"({unique:.1%} of sentences unique), {len(topic.criteria)} criteria, one core, "
        f"best of {args.rounds} rounds: {rates[-1]:,.0f} answers/second "
        f"(median {rates[len(rates) // 2]:,.0f}); scorer {describe()}"
    )
    if not args.no_secondary:
        repeated = _answers(make_repeated_answer, args.answers, args.seed)
        old = _rates(scorer, topic, repeated, args.rounds, fresh=False)
        print(
            f"  secondary, NOT the speed on real answers: a dozen repeated sentences, remembered "
            f"between answers: {old[-1]:,.0f} answers/second (median {old[len(old) // 2]:,.0f})"
        )


if __name__ == "__main__":
    main()
