"""The offline scorer against its committed golden judgments (tests/data/calibration/golden-offline.json),
and floors under its agreement with the calibration labels.

A refactor of the scorer must leave every judgment identical: status, quotes, reason, flags. When a change
of verdict is intended, rewrite the golden file with `python tools/golden_judgments.py` and say why in
the commit. Only the items the golden file holds are compared (and only while their text is unchanged),
so items added to the calibration files later do not break this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from practice_bot.scoring.evaluate import EvalResult, Item, evaluate
from practice_bot.scoring.offline import OfflineScorer
from tools import golden_judgments
from tools.golden_judgments import differences, item_hash, load_golden, load_splits

# The calibration set held 275 items when the golden file was first written; nearly all must stay
# comparable, or the test would pass while comparing nothing.
MIN_COMPARED = 250

# Floors, measured on the golden file's `floor_ids` (the 275 items the set held when it was first
# written), just under the figures then (dev kappa 0.844, test kappa 0.659, false credit 0.0% on both).
# A rules change that drops below one must say why. (`practice-bot eval` reports the whole set.)
# Issue #13 (precision first) lowered them to just under its figures (dev 0.762, test 0.620; precision
# 0.870 / 0.833, recall 0.736 / 0.571): hedged claims, core slots carried only by narrative, other word
# senses, answers about something other than ML work, and thin evidence (the core in one own-practice
# sentence, no slot beyond the minimum: now "partly", confidence "possible", for review) are no longer
# credited. On these 275 well-written items that costs recall; on the whole v2 set precision rises
# from 0.62 to 0.79 on dev (README, "Figures"), which is what the issue asks for first.
# Issue #13, second round: an answer that never says "I", "me" or "my" earns no own practice (a team's
# "we" with no personal role, docs/labelling.md). Chosen on the dev split alone (3 false credits fewer,
# no true credit lost, the same on both halves); on these items it moved test kappa from 0.620 to
# 0.604, so the test floor is 0.60.
# Issue #13, sixth round: on these items dev kappa 0.947 and test kappa 0.687 (the whole test split
# 0.688, its targets met), so the floors rise to just under them, to keep what the rounds gained.
# Issue #13, seventh round: words every business uses ("data", "features", "SQL") say ML work only
# beside a sign that something learns or predicts, so that another field's work told in the topic's
# words is not credited (false credit on fresh answers written to fool the scorer 6.7% -> 0.9%). On
# these items it cost test kappa 0.684 -> 0.668 (recall on the whole test split 0.656 -> 0.646, the
# precision unchanged), so the test floor is 0.66; dev is unchanged at 0.947.
KAPPA_FLOOR = {"dev": 0.93, "test": 0.66}
FALSE_CREDIT_CEILING = 0.0


@pytest.fixture(scope="module")
def splits() -> dict[str, list[Item]]:
    return load_splits()


@pytest.fixture(scope="module")
def golden() -> dict[str, object]:
    return load_golden()


def test_offline_output_identical_to_golden(
    splits: dict[str, list[Item]], golden: dict[str, object]
) -> None:
    diffs, compared = differences(golden, splits)
    assert compared >= MIN_COMPARED
    assert diffs == [], "\n".join(diffs[:30])


def _floor_items(split: list[Item], golden: dict[str, object]) -> list[Item]:
    """The items the floors are measured on (the first 275 of the set), while their text is unchanged."""
    held, floor_ids = golden["items"], golden["floor_ids"]
    assert isinstance(held, dict) and isinstance(floor_ids, list)
    ids = set(floor_ids)
    return [i for i in split if i.id in ids and held[i.id]["hash"] == item_hash(i)]


@pytest.mark.parametrize("split", ["dev", "test"])
def test_agreement_with_labels_stays_above_its_floors(
    split: str, splits: dict[str, list[Item]], golden: dict[str, object]
) -> None:
    items = _floor_items(splits[split], golden)
    assert len(items) >= 120
    result: EvalResult = evaluate(items, OfflineScorer())
    assert result.kappa is not None and result.kappa >= KAPPA_FLOOR[split], result.kappa
    assert result.false_credit_rate is not None
    assert result.false_credit_rate <= FALSE_CREDIT_CEILING, result.false_credit_rate


def test_a_changed_verdict_is_reported(
    splits: dict[str, list[Item]], golden: dict[str, object]
) -> None:
    # The comparison can fail: flip one recorded status and it is named.
    held = golden["items"]
    assert isinstance(held, dict)
    first = splits["dev"][0]
    tampered = dict(held[first.id])
    judgments = [dict(j) for j in tampered["judgments"]]
    judgments[0]["status"] = "partly" if judgments[0]["status"] != "partly" else "evidenced"
    tampered["judgments"] = judgments
    diffs, _ = differences({"items": {first.id: tampered}}, {"dev": [first]})
    assert len(diffs) == 1 and first.id in diffs[0] and "status" in diffs[0]


@pytest.mark.parametrize("argv", [["--chek"], ["--help"], ["extra"]])
def test_the_golden_tool_never_rewrites_the_file_on_a_mistyped_command(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A typo of --check must not overwrite the golden file with whatever the scorer says now.
    target = tmp_path / "golden.json"
    monkeypatch.setattr(golden_judgments, "GOLDEN_PATH", target)
    with pytest.raises(SystemExit):
        golden_judgments.main(argv)
    assert not target.exists()
