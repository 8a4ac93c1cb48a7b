"""Measures a scorer against a labelled calibration set (tests/data/calibration/*.jsonl).

The decision compared is binary: a criterion is *evidenced* or it is not (`partly` and `not_yet` both count
as not evidenced). Metrics are pure functions of a confusion count; `evaluate` runs the scorer over the items
and `load_items` reads and validates a JSON Lines file, raising `UserError` naming file, line and field.
"""

from __future__ import annotations

import json
import random
import statistics
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from practice_bot.errors import UserError, read_user_text
from practice_bot.rubric import Rubric, load_rubric
from practice_bot.scoring.base import Scorer

Label = Literal["evidenced", "not_evidenced"]
Kind = Literal["strong", "partial", "weak", "gaming", "injection", "offtopic"]
KINDS: tuple[str, ...] = ("strong", "partial", "weak", "gaming", "injection", "offtopic")
# Items on which no criterion should be credited; their labels measure false credit.
ADVERSARIAL_KINDS = frozenset({"gaming", "injection", "offtopic"})
# How an answer is written (calibration set v2, docs/calibration.md); optional, the v1 items have none.
Style = Literal[
    "written",
    "spoken",
    "spoken-unpunctuated",
    "spoken-unpunctuated-copy",
    "terse",
    "non-native",
    "adjacency-trap",
    "word-sense-trap",
    "keyword-trap",
    "negated-hedged",
    "close-offtopic",
]
STYLES: tuple[str, ...] = get_args(Style)
NO_STYLE = "unstyled"  # the per-style slice of items without a style
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20240601


class Item(BaseModel):
    """One labelled answer: every criterion of its topic labelled evidenced or not_evidenced."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    topic: str = Field(min_length=1)
    question: str
    answer: str
    labels: dict[str, Label]
    kind: Kind
    style: Style | None = None


class Confusion(BaseModel):
    """Counts with `evidenced` as the positive class: gold label against the scorer's status."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def __add__(self, other: Confusion) -> Confusion:
        return Confusion(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            tn=self.tn + other.tn,
        )


class GroupResult(BaseModel):
    """Metrics for a slice of the set (one kind or one topic)."""

    n_items: int
    n_labels: int
    accuracy: float | None
    kappa: float | None
    confusion: Confusion
    gold_evidenced_rate: float | None  # share of labels that are evidenced
    scored_evidenced_rate: float | None  # share of labels the scorer marked evidenced
    false_credit_rate: float | None  # fp / (fp + tn): credit given where none was due
    precision: float | None = None  # tp / (tp + fp): of the criteria credited, how many were due
    # The share of labels on the slice's gaming, injection and offtopic items credited (None: none).
    adversarial_credit_rate: float | None = None
    # Median length, in words, of the evidence quotes the scorer gave (any status); None: no quotes.
    median_quote_words: float | None = None


class Disagreement(BaseModel):
    item_id: str
    kind: str
    criterion_id: str
    gold: Label
    scored: str  # the scorer's status: evidenced, partly, not_yet (missing judgment: not_yet)


class EvalResult(BaseModel):
    scorer: str
    n_items: int
    n_labels: int
    accuracy: float | None
    kappa: float | None
    kappa_ci: list[float] | None  # [low, high], bootstrap 95% over items
    precision: float | None
    recall: float | None
    confusion: Confusion
    # Share of the labels on gaming, injection and offtopic items that the scorer marked evidenced.
    false_credit_rate: float | None
    per_kind: dict[str, GroupResult]
    per_topic: dict[str, GroupResult]
    per_style: dict[str, GroupResult] = {}  # by `style`; items without one under "unstyled"
    median_quote_words: float | None = None  # of every evidence quote given (GroupResult's)
    # Which scorer actually produced each assessment (an LLM scorer's fallbacks show up here).
    scored_by: dict[str, int] = {}
    disagreements: list[Disagreement] = []


# ---------------------------------------------------------------------------------------------- metrics


def ratio(num: int, den: int) -> float | None:
    """num / den, or None when den is 0 (the rate is undefined, not zero)."""
    return num / den if den else None


def accuracy(c: Confusion) -> float | None:
    return ratio(c.tp + c.tn, c.n)


def precision(c: Confusion) -> float | None:
    return ratio(c.tp, c.tp + c.fp)


def recall(c: Confusion) -> float | None:
    return ratio(c.tp, c.tp + c.fn)


def false_credit(c: Confusion) -> float | None:
    """Share of labels that should not be credited (gold not_evidenced) that the scorer credited."""
    return ratio(c.fp, c.fp + c.tn)


def cohen_kappa(c: Confusion) -> float | None:
    """Cohen's kappa between gold labels and scorer decisions.

    kappa = (po - pe) / (1 - pe), with po the observed agreement and pe the agreement expected by chance
    from the two raters' marginal rates. Degenerate cases: no labels, or both raters using one and the
    same category throughout (pe == 1), leave kappa undefined and return None. When only the gold labels
    are constant (an all-adversarial slice) kappa is defined: 0 when the scorer credits anything
    (agreement no better than chance), and None when it credits nothing (both constant).
    """
    n = c.n
    if n == 0:
        return None
    po = (c.tp + c.tn) / n
    gold_yes = (c.tp + c.fn) / n
    scored_yes = (c.tp + c.fp) / n
    pe = gold_yes * scored_yes + (1 - gold_yes) * (1 - scored_yes)
    if pe >= 1.0 - 1e-12:
        return None
    return (po - pe) / (1 - pe)


def bootstrap_kappa_ci(
    per_item: Sequence[Confusion],
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    level: float = 0.95,
) -> list[float] | None:
    """Percentile bootstrap interval for kappa, resampling whole items (their labels move together)."""
    if not per_item:
        return None
    rows = [(c.tp, c.fp, c.fn, c.tn) for c in per_item]
    n = len(rows)
    rng = random.Random(seed)
    kappas: list[float] = []
    for _ in range(resamples):
        tp = fp = fn = tn = 0
        for i in rng.choices(range(n), k=n):
            a, b, c, d = rows[i]
            tp += a
            fp += b
            fn += c
            tn += d
        k = cohen_kappa(Confusion(tp=tp, fp=fp, fn=fn, tn=tn))
        if k is not None:
            kappas.append(k)
    if not kappas:
        return None
    kappas.sort()
    tail = (1 - level) / 2
    return [_percentile(kappas, tail), _percentile(kappas, 1 - tail)]


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in [0, 1]) of an already sorted, non-empty sequence."""
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def group_result(
    items: Sequence[Item],
    per_item: Sequence[Confusion],
    quote_words: Sequence[Sequence[int]] = (),
) -> GroupResult:
    """`quote_words`: per item, the length in words of each evidence quote the scorer gave."""
    total = sum(per_item, Confusion())
    lengths = [n for item_lengths in quote_words for n in item_lengths]
    adversarial = sum(
        (c for it, c in zip(items, per_item, strict=True) if it.kind in ADVERSARIAL_KINDS),
        Confusion(),
    )
    return GroupResult(
        n_items=len(items),
        n_labels=total.n,
        accuracy=accuracy(total),
        kappa=cohen_kappa(total),
        confusion=total,
        gold_evidenced_rate=ratio(total.tp + total.fn, total.n),
        scored_evidenced_rate=ratio(total.tp + total.fp, total.n),
        false_credit_rate=false_credit(total),
        precision=precision(total),
        adversarial_credit_rate=ratio(adversarial.tp + adversarial.fp, adversarial.n),
        median_quote_words=statistics.median(lengths) if lengths else None,
    )


# ------------------------------------------------------------------------------------------- evaluation


def evaluate(
    items: Sequence[Item],
    scorer: Scorer,
    *,
    rubric: Rubric | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvalResult:
    """Score every item with `scorer` and compare its evidenced decisions with the gold labels."""
    rubric = rubric or load_rubric()
    per_item: list[Confusion] = []
    quote_words: list[list[int]] = []
    scored_by: dict[str, int] = {}
    disagreements: list[Disagreement] = []
    for done, item in enumerate(items, start=1):
        try:
            topic = rubric.topic(item.topic)
        except KeyError:
            raise UserError(f"item {item.id}: unknown topic {item.topic!r}") from None
        assessment = scorer.score(item.answer, item.question, topic, topic.criteria)
        scored_by[assessment.scorer] = scored_by.get(assessment.scorer, 0) + 1
        status = {j.criterion_id: j.status for j in assessment.judgments}
        quote_words.append([len(e.quote.split()) for j in assessment.judgments for e in j.evidence])
        conf = Confusion()
        for criterion_id, gold in item.labels.items():
            got = status.get(criterion_id, "not_yet")
            yes_gold, yes_scored = gold == "evidenced", got == "evidenced"
            conf = conf + Confusion(
                tp=int(yes_gold and yes_scored),
                fp=int(yes_scored and not yes_gold),
                fn=int(yes_gold and not yes_scored),
                tn=int(not yes_gold and not yes_scored),
            )
            if yes_gold != yes_scored:
                disagreements.append(
                    Disagreement(
                        item_id=item.id,
                        kind=item.kind,
                        criterion_id=criterion_id,
                        gold=gold,
                        scored=got,
                    )
                )
        per_item.append(conf)
        if progress is not None:
            progress(done, len(items))
    return summarise(
        items,
        per_item,
        scorer=scorer.name,
        scored_by=scored_by,
        disagreements=disagreements,
        quote_words=quote_words,
    )


def summarise(
    items: Sequence[Item],
    per_item: Sequence[Confusion],
    *,
    scorer: str,
    scored_by: dict[str, int] | None = None,
    disagreements: list[Disagreement] | None = None,
    quote_words: Sequence[Sequence[int]] | None = None,
) -> EvalResult:
    """The EvalResult for items whose per-item confusion counts (and, optionally, the word counts of
    the evidence quotes given for each) are already known."""
    total = sum(per_item, Confusion())
    adversarial = sum(
        (c for it, c in zip(items, per_item, strict=True) if it.kind in ADVERSARIAL_KINDS),
        Confusion(),
    )
    quotes = quote_words if quote_words is not None else [[] for _ in items]
    return EvalResult(
        scorer=scorer,
        median_quote_words=group_result(items, per_item, quotes).median_quote_words,
        n_items=len(items),
        n_labels=total.n,
        accuracy=accuracy(total),
        kappa=cohen_kappa(total),
        kappa_ci=bootstrap_kappa_ci(per_item),
        precision=precision(total),
        recall=recall(total),
        confusion=total,
        false_credit_rate=ratio(adversarial.tp + adversarial.fp, adversarial.n),
        per_kind=_groups(items, per_item, quotes, key=lambda it: it.kind, order=KINDS),
        per_topic=_groups(
            items, per_item, quotes, key=lambda it: it.topic, order=load_rubric().topic_ids
        ),
        per_style=_groups(
            items,
            per_item,
            quotes,
            key=lambda it: it.style or NO_STYLE,
            order=(*STYLES, NO_STYLE),
        ),
        scored_by=scored_by or {},
        disagreements=disagreements or [],
    )


def _groups(
    items: Sequence[Item],
    per_item: Sequence[Confusion],
    quote_words: Sequence[Sequence[int]],
    *,
    key: Callable[[Item], str],
    order: Iterable[str],
) -> dict[str, GroupResult]:
    buckets: dict[str, tuple[list[Item], list[Confusion], list[Sequence[int]]]] = {}
    for it, c, q in zip(items, per_item, quote_words, strict=True):
        its, cs, qs = buckets.setdefault(key(it), ([], [], []))
        its.append(it)
        cs.append(c)
        qs.append(q)
    rank = {k: i for i, k in enumerate(order)}
    return {
        k: group_result(*buckets[k])
        for k in sorted(buckets, key=lambda k: (rank.get(k, len(rank)), k))
    }


# ---------------------------------------------------------------------------------------------- loading


def load_items(path: str | Path, *, rubric: Rubric | None = None) -> list[Item]:
    """Read a calibration JSON Lines file; every problem is a UserError naming file, line and field."""
    path = Path(path)
    rubric = rubric or load_rubric()
    text = read_user_text(path, "a calibration file")
    items: list[Item] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(data, dict):
            raise UserError(f"{where}: expected a JSON object, got {type(data).__name__}")
        try:
            item = Item.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "(item)"
            raise UserError(f"{where}: field '{field}': {err['msg']}") from None
        _check_labels(item, rubric, where)
        if item.id in first_line:
            raise UserError(
                f"{where}: field 'id': duplicate id {item.id!r} (first on line {first_line[item.id]})"
            )
        first_line[item.id] = lineno
        items.append(item)
    if not items:
        raise UserError(f"{path}: no items (expected one JSON object per line)")
    return items


def _check_labels(item: Item, rubric: Rubric, where: str) -> None:
    try:
        topic = rubric.topic(item.topic)
    except KeyError:
        known = ", ".join(rubric.topic_ids)
        raise UserError(
            f"{where}: field 'topic': unknown topic {item.topic!r} (one of {known})"
        ) from None
    expected = [c.id for c in topic.criteria]
    missing = [c for c in expected if c not in item.labels]
    extra = sorted(k for k in item.labels if k not in expected)
    if missing or extra:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if extra:
            parts.append("not criteria of " + item.topic + ": " + ", ".join(extra))
        raise UserError(f"{where}: field 'labels': {'; '.join(parts)}")
