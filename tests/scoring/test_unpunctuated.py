"""Speech without punctuation, and with fillers, scored like the same words written out (issue #20):
paired answers get the same verdicts, quotes from a run-on answer are short, and `eval` reports the
precision, the credit on adversarial items and the median quote length per slice."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from practice_bot.cli import main
from practice_bot.rubric import load_rubric
from practice_bot.rubric.models import Criterion, Topic
from practice_bot.scoring import evaluate as ev
from practice_bot.scoring.base import Assessment, Evidence, Judgment
from practice_bot.scoring.evaluate import Item, load_items
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.segment import disfluent, load_segmentation
from practice_bot.scoring.thresholds import SPAN_MOST_WORDS

DEV = Path(__file__).resolve().parents[1] / "data" / "calibration" / "dev.jsonl"
RUBRIC = load_rubric()
SCORER = OfflineScorer()
SEGMENTATION = load_segmentation()
DEV_ITEMS = load_items(DEV)
SPOKEN = [i for i in DEV_ITEMS if i.style in ("spoken", "spoken-unpunctuated-copy")]


def _statuses(answer: str, item: Item) -> dict[str, str]:
    topic = RUBRIC.topic(item.topic)
    return {
        j.criterion_id: j.status for j in SCORER.score(answer, "", topic, topic.criteria).judgments
    }


def _with_fillers(answer: str) -> str:
    """`answer` as said by someone who hesitates: "um" every seventh word, "you know" before "we",
    a false start on "I" and a repeated "the"."""
    words = answer.split(" ")
    out = []
    for n, w in enumerate(words):
        if n % 7 == 3 and out and out[-1].lower() != "you":
            out.append("um")
        if w.lower() == "we":
            out.append("you know")
        if w in ("I", "i"):
            out.append(f"{w}-")
        if w.lower() == "the" and n % 2:
            out.append(w)
        out.append(w)
    return " ".join(out)


def test_the_dev_set_has_spoken_items_and_their_copies() -> None:
    styles = [i.style for i in SPOKEN]
    assert styles.count("spoken") >= 10 and styles.count("spoken-unpunctuated-copy") >= 10


@pytest.mark.parametrize("item", DEV_ITEMS, ids=[i.id for i in DEV_ITEMS])
def test_fillers_and_false_starts_neither_earn_nor_block_credit(item: Item) -> None:
    """Every dev item (written, spoken, unpunctuated, gaming, injection...) scores the same with
    fillers and false starts added."""
    noisy = _with_fillers(item.answer)
    assert noisy != item.answer
    assert _statuses(noisy, item) == _statuses(item.answer, item)


def test_fillers_do_not_turn_a_plan_into_practice_or_hide_practice() -> None:
    topic = RUBRIC.topic("model-management")
    plain = (
        "We would set up drift monitoring with PSI in Evidently. I retrained the model in MLflow."
    )
    noisy = "Um, we- we would, er, set up drift monitoring with PSI in Evidently. I- I mean I, um, retrained the model in MLflow."
    got = [SCORER.score(a, "", topic, topic.criteria) for a in (plain, noisy)]
    assert [j.status for j in got[0].judgments] == [j.status for j in got[1].judgments]
    assert any(j.status != "not_yet" for j in got[0].judgments)


def test_quotes_from_a_run_on_answer_are_short_and_exact() -> None:
    copies = [i for i in SPOKEN if i.style == "spoken-unpunctuated-copy"]
    lengths = []
    for item in copies:
        topic = RUBRIC.topic(item.topic)
        for j in SCORER.score(item.answer, "", topic, topic.criteria).judgments:
            for e in j.evidence:
                assert item.answer[e.start : e.end] == e.quote
                tokens = e.quote.split()
                lengths.append(len(tokens) - len(disfluent(tokens, SEGMENTATION)))  # words read
    lengths.sort()
    assert lengths and lengths[len(lengths) // 2] <= 60
    assert max(lengths) <= SPAN_MOST_WORDS


# ---------------------------------------------------------------------------------------- eval


class QuoteScorer:
    """Evidenced for every criterion, quoting the first N words of the answer (N: its first word)."""

    name = "quotes"

    def score(
        self, answer: str, question: str, topic: Topic, criteria: Sequence[Criterion]
    ) -> Assessment:
        n = int(answer.split()[0])
        quote = " ".join(answer.split()[:n])
        return Assessment(
            judgments=[
                Judgment(
                    criterion_id=c.id,
                    status="evidenced",
                    evidence=[Evidence(quote=quote, start=0, end=len(quote))],
                    reason="r",
                    scorer=self.name,
                )
                for c in criteria
            ],
            scorer=self.name,
        )


def _item(id_: str, kind: str, style: str, answer: str, evidenced: bool) -> Item:
    topic = RUBRIC.topic("sustainability")
    label = "evidenced" if evidenced else "not_evidenced"
    return Item.model_validate(
        {
            "id": id_,
            "topic": topic.id,
            "question": "q",
            "answer": answer,
            "labels": {c.id: label for c in topic.criteria},
            "kind": kind,
            "style": style,
        }
    )


def test_eval_reports_precision_adversarial_credit_and_median_quote_per_style() -> None:
    items = [
        _item("a", "strong", "spoken", "3 words here and more", True),
        _item("b", "partial", "spoken", "5 words in this one here", False),
        _item("c", "gaming", "spoken-unpunctuated-copy", "7 one two three four five six", False),
    ]
    r = ev.evaluate(items, QuoteScorer())
    spoken = r.per_style["spoken"]
    assert spoken.precision == pytest.approx(0.5)
    assert spoken.median_quote_words == 4  # 3 and 5
    assert spoken.adversarial_credit_rate is None  # no gaming, injection or offtopic item
    copy = r.per_style["spoken-unpunctuated-copy"]
    assert copy.adversarial_credit_rate == 1.0 and copy.median_quote_words == 7
    assert r.median_quote_words == 5


def test_eval_cli_prints_the_new_columns_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "set.jsonl"
    copies = [i for i in SPOKEN if i.style == "spoken-unpunctuated-copy"][:3]
    path.write_text("".join(i.model_dump_json() + "\n" for i in copies), encoding="utf-8")
    assert main(["eval", str(path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^median evidence quote: \d+ words$", out, re.M)
    assert re.search(r"^style .* prec .* adv\+ quote$", out, re.M)
    assert re.search(r"^spoken-unpunctuated-copy +3 ", out, re.M)
    assert main(["eval", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = data["per_style"]["spoken-unpunctuated-copy"]
    assert {"precision", "adversarial_credit_rate", "median_quote_words"} <= set(row)
    assert row["median_quote_words"] is not None and row["median_quote_words"] <= 60


def test_a_disclaimer_said_without_punctuation_still_says_it_was_not_ml() -> None:
    # "there's no machine learning in it" starts its own sentence in a run-on answer, so it does not
    # make the answer about ML (as the short negated sentence does when punctuated)
    answer = (
        "this was the website for my family's garden centre which i built on shopify last spring i "
        "made a prototype on a staging theme first and we tested it with some regular customers who "
        "found the checkout confusing so i cut it from three pages to one then we went live in april "
        "and i set up uptime monitoring and google analytics so i could see if anything broke and "
        "where people dropped off so i fixed the shipping rules online orders are now about fifteen "
        "per cent of our sales which my dad didn't believe would happen there's no machine learning "
        "in it at all it's just a shop"
    )
    topic = RUBRIC.topic("model-deployment")
    got = SCORER.score(answer, "", topic, topic.criteria)
    assert all(j.status != "evidenced" for j in got.judgments)
