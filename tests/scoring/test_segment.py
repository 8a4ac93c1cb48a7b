"""practice_bot.scoring.segment: run-on speech cut into sentences (bounded, exact, covering, the same
every time), fillers and false starts taken out, and the word lists checked by `rules check`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_bot.cli import main
from practice_bot.rubric import load_rubric
from practice_bot.scoring.offline import OfflineScorer
from practice_bot.scoring.ruleset import RULES_DIR
from practice_bot.scoring.segment import (
    disfluent,
    fluent,
    load_segmentation,
    read_segmentation,
    segment,
)
from practice_bot.scoring.text import Span, split_sentences
from practice_bot.scoring.thresholds import (
    RUN_ON_WORDS,
    SPAN_LEAST_WORDS,
    SPAN_MOST_TOKENS,
    SPAN_MOST_WORDS,
)

SEG = load_segmentation()


def sentences(answer: str) -> list[Span]:
    return segment(answer, split_sentences(answer), SEG)


# Words a speaker says, markers, fillers and false starts among them, so the generated text exercises
# every kind of cut (and none).
_WORDS = st.sampled_from(
    [
        "so",
        "and",
        "then",
        "after",
        "that",
        "the",
        "reason",
        "was",
        "what",
        "i",
        "did",
        "was",
        "we",
        "i",
        "model",
        "drift",
        "data",
        "retrained",
        "monitored",
        "um",
        "er",
        "you",
        "know",
        "i",
        "mean",
        "i-",
        "we-",
        "team",
        "because",
        "but",
        "which",
        "psi",
        "0",
        "point",
        "5",
        "it's",
        "that's",
        # a topic opener: "on the * side", "in terms of"
        "on",
        "side",
        "in",
        "terms",
        "of",
        "my",
        "our",
        "manager",
        "agreed",
        "threshold",
    ]
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\t", " , ", ". ", "\n", "; "])


@st.composite
def speech(draw: st.DrawFn, punctuated: bool) -> str:
    words = draw(st.lists(_WORDS, min_size=0, max_size=400))
    out = []
    for w in words:
        out.append(w)
        out.append(draw(_SEPARATORS) if punctuated else " ")
    return draw(st.sampled_from(["", "  ", "\n"])) + "".join(out)


def _check_spans(answer: str, spans: list[Span]) -> None:
    covered = []
    end = 0
    for s in spans:
        assert answer[s.start : s.end] == s.text  # offsets exact
        assert s.start >= end  # in order, not overlapping
        assert s.text == s.text.strip() and s.text
        tokens = s.text.split()
        read = [t for n, t in enumerate(tokens) if n not in disfluent(tokens, SEG)]
        assert len(read) <= SPAN_MOST_WORDS and len(tokens) <= SPAN_MOST_TOKENS  # the bounds
        covered.append(s.text)
        end = s.end
    # every word of every sentence split_sentences found is in exactly one piece, in order
    assert " ".join(covered).split() == " ".join(s.text for s in split_sentences(answer)).split()


@settings(max_examples=150, deadline=None)
@given(speech(punctuated=False))
def test_unpunctuated_speech_spans_are_bounded_exact_and_cover_it(answer: str) -> None:
    spans = sentences(answer)
    _check_spans(answer, spans)
    assert sentences(answer) == spans  # deterministic
    # a run-on is cut; fillers and false starts do not count toward one ("so so so ..." is not)
    tokens = answer.split()
    if len(tokens) - len(disfluent(tokens, SEG)) > RUN_ON_WORDS:
        assert len(spans) > 1


@settings(max_examples=150, deadline=None)
@given(speech(punctuated=True))
def test_punctuated_text_spans_are_bounded_exact_and_cover_it(answer: str) -> None:
    _check_spans(answer, sentences(answer))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=600))
def test_any_text_gives_exact_covering_spans(answer: str) -> None:
    _check_spans(answer, sentences(answer))


def test_a_punctuated_answer_keeps_its_sentences() -> None:
    answer = (
        "So I set up drift monitoring in Evidently, with PSI on every input. After that, we agreed "
        "a threshold of 0.2 with the product owner, because below it the alerts were noise."
    )
    assert sentences(answer) == split_sentences(answer)


RUN_ON = (
    "so er i work for a train operating company in the fleet engineering team and the the model "
    "predicts door faults on the trains the depot can do about fifteen extra door inspections a "
    "night so i said okay the number that matters is how many of the fifteen units we send for "
    "inspection actually have a fault developing um i'd started with auc because that's what the "
    "course taught us and it was 0 point 82 which sounded good but when i when i worked it out at "
    "fifteen a night it only caught about a third of the faults so i went back to the fleet manager "
    "and we agreed the target as catching half of the in service door faults after that i added the "
    "door motor current data which added a month"
)


def test_a_run_on_answer_is_cut_before_its_discourse_markers() -> None:
    spans = sentences(RUN_ON)
    texts = [s.text for s in spans]
    assert len(texts) >= 5
    assert all(len(t.split()) >= SPAN_LEAST_WORDS for t in texts)
    assert any(t.startswith("so i went back to the fleet manager") for t in texts)
    assert any(t.startswith("after that i added") for t in texts)
    # "so that", "so far": not a new sentence
    purpose = sentences(RUN_ON.replace("so i said", "so that"))
    assert not any(s.text.startswith("so that") for s in purpose)


def test_a_clause_after_an_object_is_cut_at_and_i_not_mid_phrase() -> None:
    # "...doing it and i wrote a little parser with an llm call...": the cut comes before "and i",
    # so the parser and what it is made of stay in one sentence; "the other bit" starts one too
    answer = (
        "it went from about two to one down to roughly level without the probation pass rate of the "
        "shortlist dropping the other bit automation that was me noticing the consultants spend the "
        "first two hours of every day copying job adverts from client emails into our crm by hand "
        "nobody had asked for it but i timed a couple of them doing it and i wrote a little parser "
        "with an llm call that pulls out the title salary location and skills into the crm fields"
    )
    texts = [s.text for s in sentences(answer)]
    assert any(t.startswith("the other bit automation") for t in texts), texts
    parser = next(t for t in texts if "a little parser" in t)
    assert "with an llm call" in parser and not parser.startswith("with")
    _check_spans(answer, sentences(answer))


def test_a_relative_clause_after_anything_stays_and_the_interesting_bit_starts_a_sentence() -> None:
    answer = (
        "so i pulled eighteen months of emails with the folder they ended up in and trained a text "
        "classifier and it plugs into the ticketing tool they already use it just sets the category "
        "field when an email lands and anything it's not sure about stays uncategorised for a person "
        "the interesting bit was the errors it was noticeably worse on emails from international "
        "applicants like fourteen per cent wrong against six per cent overall"
    )
    texts = [s.text for s in sentences(answer)]
    assert not any(t.startswith("it's not sure") for t in texts), texts
    assert any(t.startswith("the interesting bit was the errors") for t in texts), texts


def test_and_before_a_longer_marker_opens_the_new_sentence() -> None:
    # "... and the knock on was ...": what followed is not part of the action before it
    answer = (
        "so i went with dropping the feature and i wrote that up with the numbers for the service "
        "manager and the knock on was the prototype didn't go live until that test passed it held "
        "the launch up two weeks and now every retrain has to pass it too"
    )
    texts = [s.text for s in sentences(answer)]
    assert any(t.startswith("and the knock on was") for t in texts), texts


def test_a_topic_opener_goes_with_what_is_said_about_it() -> None:
    # "...with them on the inclusion side honestly i haven't...": the topic opens the sentence saying
    # nothing was done about it, not the one before it (which would then name inclusion as done)
    answer = (
        "i met both teams together and showed them how much the forecast moved week to week and we "
        "agreed a monday forecast for buying with a frozen two week window for the lab and i got the "
        "account manager to move their file to friday in exchange for sharing our forecast with them "
        "on the inclusion side honestly i haven't really done much i'd like to run some sessions "
        "at some point and it got up to eighty eight percent which the collections team were "
        "pleased with in terms of tracking it i mean it's all on my machine"
    )
    texts = [s.text for s in sentences(answer)]
    assert any(t.startswith("on the inclusion side honestly") for t in texts), texts
    # after a preposition left at the end of its clause too ("pleased with | in terms of")
    assert any(t.startswith("in terms of tracking it") for t in texts), texts
    assert not any("inclusion" in t and "account manager" in t for t in texts), texts
    _check_spans(answer, sentences(answer))


def test_a_relative_clause_after_a_noun_is_not_cut_off() -> None:
    # "the violence risk model i work on is trained on incident logs": one clause, not two sentences
    answer = (
        "honestly the culture around security is really strong on the physical side keys gates all "
        "that but on the it side people are a bit relaxed officers share logins on the wing terminals "
        "because it's quicker at lock up and that matters for me because the violence risk model i "
        "work on is trained on incident logs that get typed in on those terminals"
    )
    texts = [s.text for s in sentences(answer)]
    assert not any(t.startswith("i work on") for t in texts), texts
    _check_spans(answer, sentences(answer))


def test_a_long_run_without_markers_is_still_bounded() -> None:
    answer = " ".join(f"word{i}" for i in range(300))
    spans = sentences(answer)
    assert len(spans) >= 300 // SPAN_MOST_WORDS
    _check_spans(answer, spans)


# ---------------------------------------------------------------------- fillers and false starts


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("um so we er retrained it", "so we retrained it"),
        ("I- I mean we we deployed it, you know, on Friday", "we deployed it, on Friday"),
        ("when I when I worked it out", "when I worked it out"),
        ("we tr- we tried two thresholds", "we tried two thresholds"),
        ("Um.", ""),
        ("the model we built", "the model we built"),  # nothing to take out
    ],
)
def test_fluent_takes_out_fillers_and_false_starts(said: str, read: str) -> None:
    assert fluent(said, SEG) == read


def test_disfluent_names_the_tokens() -> None:
    tokens = ["so", "um", "i", "i", "set", "up", "er", "the", "the", "drift", "check"]
    assert sorted(disfluent(tokens, SEG)) == [1, 2, 6, 7]  # um, the first i, er, the first the


def test_fillers_do_not_move_the_cuts() -> None:
    """The same words with fillers and false starts between them are cut before the same words."""
    noisy = re.sub(r"\b(so|we|the) ", r"um \1 \1 ", RUN_ON)
    plain = [s.text.split()[-1] for s in sentences(RUN_ON)]
    assert [s.text.split()[-1] for s in sentences(noisy)] == plain


# ----------------------------------------------------------------------------------- the word lists


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    return copy


def test_rules_check_names_a_bad_segmentation_phrase(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rules / "segmentation.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"after that",', '"After, that!",', 1),
        encoding="utf-8",
    )
    assert main(["rules", "check", str(rules)]) == 1
    out = capsys.readouterr().out
    assert "segmentation.toml: segmentation.markers[" in out and "'After, that!'" in out
    assert read_segmentation(rules)[0] is None


def test_rules_check_names_a_bad_opener(rules: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = rules / "segmentation.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"on the * side",', '"* side *",', 1),
        encoding="utf-8",
    )
    assert main(["rules", "check", str(rules)]) == 1
    assert "segmentation.toml: segmentation.openers[0]: '* side *'" in capsys.readouterr().out


def test_rules_check_names_a_missing_list_and_a_missing_file(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = rules / "segmentation.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?ms)^glue = \[.*?\]\n", "", text), encoding="utf-8")
    assert main(["rules", "check", str(rules)]) == 1
    assert "segmentation.toml: segmentation.glue: Field required" in capsys.readouterr().out
    path.unlink()
    assert main(["rules", "check", str(rules)]) == 1
    assert "segmentation.toml: (file): missing" in capsys.readouterr().out


def test_a_scorer_with_a_rules_copy_segments_with_its_word_lists(rules: Path) -> None:
    """`--rules DIR` (OfflineScorer(rules=DIR)) reads DIR's segmentation.toml, not the package's."""
    path = rules / "segmentation.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(?ms)^(markers|clause_starts) = \[.*?\]\n", r'\1 = ["zzz"]\n', text),
        encoding="utf-8",
    )
    topic = load_rubric().topic("model-scoping")
    default = OfflineScorer().outcome(RUN_ON, topic, topic.criteria).reading.sentences
    copy = OfflineScorer(rules).outcome(RUN_ON, topic, topic.criteria).reading.sentences
    # no marker or clause start left: cut only to keep under the bound (at a joint)
    assert len(default) >= 5 and len(copy) == 2
