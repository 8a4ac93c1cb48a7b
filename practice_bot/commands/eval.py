"""`practice-bot eval FILE.jsonl [FILE ...] --scorer offline|llm [--json] [--explain ID]`: a scorer against
labelled answers (or, with --explain, the offline scorer's reasoning on one of them)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice_bot.scoring.evaluate import EvalResult, GroupResult, Item

MAX_LISTED = 15


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "eval",
        help="measure a scorer against labelled answers (the calibration set)",
        description="Score every labelled answer in the JSON Lines file(s) and compare the criteria the "
        "scorer marked evidenced with the labels: accuracy, Cohen's kappa with a bootstrap 95%% "
        "interval, precision, recall and the false-credit rate on gaming, injection and "
        "off-topic answers, overall, per kind, per topic and per style.",
    )
    p.add_argument("files", nargs="+", metavar="FILE.jsonl", help="labelled items, one per line")
    p.add_argument(
        "--scorer",
        choices=("offline", "llm"),
        default="offline",
        help="which scorer to measure (llm needs OPENAI_API_KEY or a config file)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--explain",
        metavar="ID",
        help="instead, explain the offline scorer's verdicts on item ID beside its labels",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from practice_bot.errors import UserError
    from practice_bot.llm.factory import make_scorer
    from practice_bot.scoring.evaluate import evaluate, load_items
    from practice_bot.textsafe import raw_stream

    items: list[Item] = []
    seen: dict[str, str] = {}
    for name in args.files:
        for item in load_items(name):
            if item.id in seen:
                raise UserError(f"{name}: field 'id': id {item.id!r} is also in {seen[item.id]}")
            seen[item.id] = name
            items.append(item)
    if args.explain is not None:
        return _explain(items, args.explain)
    scorer = make_scorer(args.scorer)
    show_progress = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int) -> None:
        if show_progress:
            end = "\n" if done == total else ""
            print(f"\rscored {done}/{total}", end=end, file=raw_stream(sys.stderr), flush=True)

    result = evaluate(items, scorer, progress=progress)
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(render_table(result))
    return 0


def _explain(items: list[Item], item_id: str) -> int:
    from practice_bot.errors import UserError
    from practice_bot.rubric import load_rubric
    from practice_bot.scoring.explain import explain
    from practice_bot.scoring.offline import OfflineScorer

    item = next((i for i in items if i.id == item_id), None)
    if item is None:
        raise UserError(f"--explain: no item with id {item_id!r} in the file(s) given")
    topic = load_rubric().topic(item.topic)
    print(f"item {item.id} [{item.kind}]")
    print(explain(OfflineScorer(), item.answer, topic, gold=item.labels))
    return 0


def _num(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _rows(groups: dict[str, GroupResult], label: str) -> list[str]:
    head = (
        f"{label:<38} {'items':>5} {'labels':>6} {'acc':>6} {'kappa':>6} {'prec':>6} {'gold+':>6} "
        f"{'scored+':>7} {'false+':>7} {'adv+':>6} {'quote':>5}"
    )
    lines = [head, "-" * len(head)]
    for name, g in groups.items():
        lines.append(
            f"{name:<38} {g.n_items:>5} {g.n_labels:>6} {_num(g.accuracy):>6} {_num(g.kappa):>6} "
            f"{_num(g.precision):>6} {_pct(g.gold_evidenced_rate):>6} "
            f"{_pct(g.scored_evidenced_rate):>7} {_pct(g.false_credit_rate):>7} "
            f"{_pct(g.adversarial_credit_rate):>6} "
            f"{_num(g.median_quote_words, 0):>5}"
        )
    return lines


def render_table(r: EvalResult) -> str:
    """The readable report: overall figures, then one row per kind, per topic and per style."""
    c = r.confusion
    ci = "-" if r.kappa_ci is None else f"[{r.kappa_ci[0]:.3f}, {r.kappa_ci[1]:.3f}]"
    scored_by = ", ".join(f"{k} {v}" for k, v in sorted(r.scored_by.items())) or "-"
    lines = [
        f"scorer: {r.scorer} (assessments by: {scored_by})",
        f"items {r.n_items}, labels {r.n_labels} (decision: evidenced versus anything else)",
        f"accuracy  {_num(r.accuracy)}",
        f"kappa     {_num(r.kappa)}  95% CI {ci}",
        f"precision {_num(r.precision)}   recall {_num(r.recall)}",
        f"confusion tp {c.tp}  fp {c.fp}  fn {c.fn}  tn {c.tn}",
        f"false credit on gaming/injection/offtopic: {_pct(r.false_credit_rate)}",
        f"median evidence quote: {_num(r.median_quote_words, 0)} words",
        "",
        *_rows(r.per_kind, "kind"),
        "",
        *_rows(r.per_topic, "topic"),
        "",
        *_rows(r.per_style, "style"),
        "",
        "prec: precision of evidenced; gold+ / scored+: share of labels evidenced by the labels / by "
        "the scorer; false+: credit where the label says not evidenced; adv+: credit on gaming, "
        "injection and off-topic items; quote: median evidence quote in words",
    ]
    false_credits = [d for d in r.disagreements if d.gold == "not_evidenced"]
    if false_credits:
        lines += ["", f"false credit ({len(false_credits)}):"]
        lines += [f"  {d.item_id} [{d.kind}] {d.criterion_id}" for d in false_credits[:MAX_LISTED]]
        if len(false_credits) > MAX_LISTED:
            lines.append(f"  ... and {len(false_credits) - MAX_LISTED} more (see --json)")
    return "\n".join(lines)
