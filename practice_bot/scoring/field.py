"""What an answer is about: machine-learning or data work, or another field's work told in the same
words ("the pricing model, which is a big Excel workbook", "eleven models of loom", a bakery's recipe
"experiments" and "the feature driving it", a permit website "deployed" through staging).

An assessor credits a criterion only for the learner's practice on its object. `about_object` asks
it of the whole answer: the field's own words say it ("machine learning", "training data", a
library); the words every business uses ("data", "features", "SQL") say it only beside a sign that
something learns or predicts; a model said to be something not trained, or another field's job
stated (role.py), takes the words other fields use too with it. The word lists are the rules'
(`markers.toml`: the `object*` lists; `senses.toml`); docs/scoring.md walks through them.
"""

from __future__ import annotations

import re
from typing import Final

from practice_bot.scoring.analysis import Reading
from practice_bot.scoring.markers import MarkerIds


def about_object(
    reading: Reading, markers: MarkerIds, *, strictly: bool = False, data_work: bool = False
) -> bool:
    """Some sentence names the criteria's object, ML or data work, in that sense: in an object
    phrase that says it in this answer (not one of `_not_saying_it`)."""
    gone = _not_saying_it(reading, markers, strictly=strictly, data_work=data_work)
    return any(
        s.marks.about and not (s.facts.found & markers.object) <= gone
        for s in reading.sentences
        if not s.excluded
    )


def _not_saying_it(
    reading: Reading, markers: MarkerIds, *, strictly: bool, data_work: bool
) -> frozenset[int]:
    """The object phrases that do not say, in this answer, that it is ML or data work.

    A phrase the answer uses in another sense anywhere ("a model railway society") names it nowhere
    in it, and then an `object_weak` phrase ("data") does not say it alone either ("the asset data
    for every door" of a building information model); `strictly`: a weak phrase never says it
    alone. A model said to be something not trained ("It's a big Excel workbook really"), or
    products with serial numbers where nothing learns, take `object_model` with them. In an answer
    that gives the learner's job as another field's ("I'm the fleet engineer for a bus company"),
    or whose "model" is not a trained one, neither a weak nor an `object_plain` phrase says it ("46
    older diesel models"): only the field's own words do ("machine learning", "training data", a
    library). Otherwise the words every business uses (`object_bare`: "data", "features", "SQL")
    say it only beside a sign somewhere that something learns or predicts (`object_signs`); for a
    criterion whose object is data work too (`data_work`, rules: a criterion's `data_work`), the
    words of data work (`object_data`) still do."""
    weak = markers.object_weak
    gone = reading.other_sense & markers.object
    if _said_to_be_other(reading, markers):  # "the patronage model... It's a big Excel workbook"
        gone = gone | markers.object_model
    if _names(reading, markers.object_products) and not _learns(
        reading, markers, markers.object_model
    ):
        # "the newer models were rolled out ward by ward... a certificate for each serial number":
        # nothing learns or predicts, and the models are things with serial numbers, scrapped or resold
        gone = gone | markers.object_model
    if gone or strictly:
        gone = gone | weak
    if reading.job_elsewhere or not markers.object_model.isdisjoint(gone):
        # "I'm the fleet engineer for a bus company": "46 diesel models"; "the junction model in
        # the traffic software": its "forecast year" is the traffic model's too
        gone = gone | weak | markers.object_plain
    elif not _learns(reading, markers):  # "the real feature driving it was the flour"
        # data work is the object of a criterion about data ("a monthly data clinic"), but not
        # automation, features or accuracy alone ("test automation" of a banking app)
        bare = markers.object_bare
        gone = gone | (bare - markers.object_data if data_work else bare)
    return gone


# What a model is said to be when it is not a trained one: a spreadsheet of formulas, a drawing, a
# physical replica, a table built in SQL ("It's a big Excel workbook really", "which is basically a
# spreadsheet", "the orders model, it's our biggest dbt model")
_NOT_TRAINED: Final = (
    "excel", "workbook", "spreadsheet", "vba", "macro", "formula", "calculator", "template", "3d",
    "cad", "drawing", "foam", "mdf", "cardboard", "replica", "dbt", "sql", "view", "table",
)  # fmt: skip
# "it's (really) a (big) ...", "the model, which is basically a ...": said to be something, with an
# article (not "it's fed by a weekly spreadsheet")
_IS_A: Final = re.compile(
    r"(?:^|\b(?:model|models|which|that)\s+)(?:it\s+s|it\s+is|it\s+was|its|is|s|was)\s+"
    r"(?:(?:just|basically|really|actually|only|essentially|literally|simply|mainly)\s+)*"
    r"(?:a|an|one|our|their)\s+(?P<rest>(?:\w+\s+){0,3}\w+)"
)


def _not_trained(word: str) -> bool:
    """One of `_NOT_TRAINED` ("workbooks", "formulas"; a short one whole: "cad", not "cadence")."""
    return any(word.startswith(w) if len(w) > 3 else word == w for w in _NOT_TRAINED)


def _said_to_be_other(reading: Reading, markers: MarkerIds) -> bool:
    """The answer says its model is something not trained: "the patronage model for the new
    route. It's a big Excel workbook really", "the pricing model, which is basically a
    spreadsheet" (in the sentence naming the model or the one after it)."""
    named = False  # the sentence before names a model
    for s in reading.sentences:
        if s.excluded:
            continue
        has_model = not markers.object_model.isdisjoint(s.facts.found)
        if has_model or named:
            m = _IS_A.search(" ".join(s.facts.tokens))
            if m is not None and any(_not_trained(w) for w in m.group("rest").split()):
                return True
        named = has_model
    return False


def _names(reading: Reading, phrases: frozenset[int]) -> bool:
    """Some sentence of the answer names one of `phrases`, in that sense."""
    phrases = phrases - reading.other_sense
    return any(not phrases.isdisjoint(s.facts.found) for s in reading.sentences if not s.excluded)


def _learns(reading: Reading, markers: MarkerIds, but: frozenset[int] = frozenset()) -> bool:
    """Some sentence shows a model learning from data or deciding about cases, in plain words
    (`object_signs`: "flags the claims likely to be fraud", "retrained it", "got twelve wrong");
    `but`: signs that do not count here (a model itself)."""
    return _names(reading, markers.object_signs - but)
