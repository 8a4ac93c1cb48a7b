"""The offline scorer's rules, read from TOML (scoring/rules/ in the package; docs/scoring.md).

A rules directory holds one file per topic (`<topic>.toml`: the concept slots of its criteria, and any
vocabulary only that topic uses), `vocabulary.toml` (phrase lists several topics share) and
`markers.toml` (the marker phrase lists) and `senses.toml` (word senses of shared phrases). `load_rules` reads them for the scorer; `check_rules` also
reports what would make a rule silently do nothing: an unknown criterion, a criterion with no rules,
an empty slot, an unused vocabulary entry, or a phrase the matcher cannot compile.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from practice_bot.errors import UserError
from practice_bot.scoring.lexicon import GAP, Lexicon
from practice_bot.scoring.thresholds import DEFAULT_NEED, DEFAULT_PER_SENTENCE

RULES_DIR = Path(__file__).resolve().parent / "rules"
VOCABULARY_FILE = "vocabulary.toml"
MARKERS_FILE = "markers.toml"
SEGMENTATION_FILE = "segmentation.toml"  # read by segment.py, checked here
REFERENCE = "@"  # "@name" in a phrase list stands for the vocabulary list `name`

# --- the files' shapes -------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SlotRules(_Strict):
    """One idea a criterion needs. `label` is how a reason names it to the apprentice."""

    label: str = Field(min_length=1)
    core: bool = False  # when any slot is core, a pass needs one of them
    # a part of the criterion every pass needs as well as its core (the "and" of the criterion's
    # wording: accuracy tracked but no check on the inputs is half of "model drift, data drift")
    required: bool = False
    # the criterion's setting (whom the work was for, the organisation's culture or strategy): a plain
    # statement of it counts, not only own practice ("People here share logins")
    setting: bool = False
    terms: list[str] = []  # a sentence naming any of these phrases names the slot
    # each combo: groups of phrases; a sentence naming a phrase of every group names the slot
    combos: list[list[list[str]]] = []
    # word senses: a sentence holding any of these phrases uses the slot's words in another sense
    # ("sustainable" code, a "vulnerable" model on unusual days) and does not name the slot
    unless: list[str] = []


class CriterionRules(_Strict):
    slots: list[SlotRules]
    need: int = Field(DEFAULT_NEED, ge=1)  # own-practice slots needed
    per_sentence: int = Field(DEFAULT_PER_SENTENCE, ge=1)  # most slots one sentence may support
    # Data work is this criterion's object too, not ML work alone ("...the use of data", "...relevant
    # to data management", or naming neither): the words of data work (`object_data` in markers.toml)
    # say it without a sign that something learns or predicts (field.py)
    data_work: bool = False


class MarkerRules(_Strict):
    reasoning: list[str]
    reflection: list[str]
    outcomes: list[str]
    filler: list[str]
    people: list[str]
    tools: list[str]
    # Hedges: a claim the speaker is unsure of ("I think", "maybe", "not really") is not evidence.
    hedges: list[str] = []
    # The object of the standard's criteria: machine-learning or data work. An answer naming none of
    # these is about something else (a forklift fleet, a nightclub door) and is credited nothing.
    object: list[str] = []
    # Of the object phrases, those too common to say it alone once the answer has used one of them in
    # another sense ("data" in an answer about building information models)
    object_weak: list[str] = []
    # Of the object phrases, those other fields use in their own senses too ("diesel models", "the
    # features that affected accuracy"): with `object_weak`, they do not say it alone in an answer
    # that gives the learner's job as another field's (scoring/role.py)
    object_plain: list[str] = []
    # Words that put a job the answer states in ML or data work, besides the object phrases ("the
    # ML apprentice", "a junior analyst")
    object_jobs: list[str] = []
    # Of the object phrases, those every business uses ("data", "features", "SQL"): an answer naming
    # its object only in these needs one of `object_signs` somewhere (field.py)
    object_bare: list[str] = []
    # Signs that a model learns from data or decides about cases ("flags the claims likely to be
    # fraud", "retrained it", "got twelve wrong") (field.py)
    object_signs: list[str] = []
    # Of `object_bare`, the words of data work: enough for a criterion about data (field.py)
    object_data: list[str] = []
    # The object phrase "model", and signs that an answer's models are products (field.py)
    object_model: list[str] = []
    object_products: list[str] = []


class RuleFile(_Strict):
    vocabulary: dict[str, list[str]] = {}
    # word senses of a shared phrase: "vulnerab*" = ["vulnerable patient*"]: a sentence holding one of
    # these does not name a slot through that phrase (its other phrases still count)
    senses: dict[str, list[str]] = {}
    markers: MarkerRules | None = None
    criteria: dict[str, CriterionRules] = {}


# --- what the scorer uses ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SlotSpec:
    label: str
    core: bool
    terms: tuple[str, ...]  # phrases, vocabulary references expanded
    combos: tuple[tuple[tuple[str, ...], ...], ...]
    unless: tuple[str, ...] = ()  # phrases giving the slot's words another sense
    setting: bool = False  # a plain statement of it counts, not only own practice
    required: bool = False  # every pass needs it supported, as well as a core slot


@dataclass(frozen=True, slots=True, kw_only=True)
class CriterionSpec:
    slots: tuple[SlotSpec, ...]
    need: int
    per_sentence: int
    data_work: bool = False  # data work is its object too, not ML work alone (rules: `data_work`)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rules:
    criteria: dict[str, CriterionSpec]
    markers: dict[str, tuple[str, ...]]  # MarkerRules' fields, expanded
    files: dict[str, str]  # criterion id -> the file its rules are in
    # a slot phrase -> phrases giving it another sense (RuleFile.senses)
    senses: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


# --- reading -------------------------------------------------------------------------------------------


def _read(path: Path, problems: list[Problem]) -> RuleFile | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(path.name, "(file)", f"not valid TOML: {exc}"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path.name, "(file)", f"cannot read: {exc}"))
        return None
    try:
        return RuleFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(Problem(path.name, _key(err["loc"]), err["msg"]))
        return None


def _key(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif "/" in part or "." in part or " " in part:
            out += f'."{part}"' if out else f'"{part}"'
        else:
            out += f".{part}" if out else part
    return out or "(file)"


def phrase_problem(phrase: str) -> str | None:
    """Why the matcher cannot use `phrase` (None when it can)."""
    if "|" in phrase or " + " in phrase:
        return f"{phrase!r} holds '|' or '+': list each phrase as its own string"
    for word in phrase.split():
        if "*" in word[:-1]:
            return f"{phrase!r}: '*' may only end a word"
    if phrase.split() and GAP in (phrase.split()[0], phrase.split()[-1]):
        return f"{phrase!r} starts or ends with '...': a gap must come between two words"
    try:
        Lexicon().add(phrase)
    except ValueError:
        return f"{phrase!r} has no words the matcher can read (letters or digits)"
    return None


class _Expander:
    """Expands "@name" references against every file's vocabulary, noting what is used."""

    def __init__(self, vocabulary: dict[str, tuple[str, list[str]]]) -> None:
        self.vocabulary = vocabulary  # name -> (file, phrases)
        self.used: set[str] = set()

    def expand(
        self,
        phrases: list[str],
        file: str,
        key: str,
        problems: list[Problem],
        seen: tuple[str, ...] = (),
    ) -> list[str]:
        out: list[str] = []
        for p in phrases:
            if not p.startswith(REFERENCE):
                why = phrase_problem(p)
                if why:
                    problems.append(Problem(file, key, why))
                else:
                    out.append(p)
                continue
            name = p[len(REFERENCE) :]
            if name in seen:
                problems.append(
                    Problem(file, key, f"{p} refers to itself (through {' -> '.join(seen)})")
                )
                continue
            got = self.vocabulary.get(name)
            if got is None:
                problems.append(Problem(file, key, f"{p}: no vocabulary entry {name!r}"))
                continue
            self.used.add(name)
            vfile, vphrases = got
            out.extend(self.expand(vphrases, vfile, f"vocabulary.{name}", problems, (*seen, name)))
        return out


def _load(directory: Path) -> tuple[Rules, list[Problem], dict[str, RuleFile]]:
    problems: list[Problem] = []
    if not directory.is_dir():
        raise UserError(f"{directory}: no such rules directory")
    files: dict[str, RuleFile] = {}
    for path in sorted(directory.glob("*.toml")):
        if path.name == SEGMENTATION_FILE:
            continue
        got = _read(path, problems)
        if got is not None:
            files[path.name] = got
    if not files and not problems:
        raise UserError(f"{directory}: no rule files (*.toml)")

    vocabulary: dict[str, tuple[str, list[str]]] = {}
    for name, f in files.items():
        for entry, phrases in f.vocabulary.items():
            if entry in vocabulary:
                problems.append(
                    Problem(name, f"vocabulary.{entry}", f"also defined in {vocabulary[entry][0]}")
                )
            else:
                vocabulary[entry] = (name, phrases)
    expander = _Expander(vocabulary)

    markers: dict[str, tuple[str, ...]] = {}
    for name, f in files.items():
        if f.markers is not None:
            if markers:
                problems.append(Problem(name, "markers", "marker lists are defined in two files"))
                continue
            for field, phrases in f.markers.model_dump().items():
                markers[field] = tuple(expander.expand(phrases, name, f"markers.{field}", problems))
    if not markers:
        problems.append(Problem(MARKERS_FILE, "markers", "no [markers] table in any rule file"))

    criteria: dict[str, CriterionSpec] = {}
    where: dict[str, str] = {}
    for name, f in files.items():
        for cid, c in f.criteria.items():
            ckey = f'criteria."{cid}"'
            if cid in criteria:
                problems.append(Problem(name, ckey, f"also defined in {where[cid]}"))
                continue
            if not c.slots:
                problems.append(
                    Problem(name, ckey, "no slots: the criterion can never be credited")
                )
                continue
            slots = []
            for i, s in enumerate(c.slots):
                skey = f"{ckey}.slots[{i}]"
                if not s.terms and not s.combos:
                    problems.append(
                        Problem(name, skey, f"slot {s.label!r} is empty: no terms and no combos")
                    )
                terms = expander.expand(s.terms, name, f"{skey}.terms", problems)
                combos = []
                for j, combo in enumerate(s.combos):
                    groups = []
                    for g, group in enumerate(combo):
                        gkey = f"{skey}.combos[{j}][{g}]"
                        if not group:
                            problems.append(Problem(name, gkey, "an empty group never matches"))
                        groups.append(tuple(expander.expand(group, name, gkey, problems)))
                    combos.append(tuple(groups))
                unless = expander.expand(s.unless, name, f"{skey}.unless", problems)
                for p in sorted(set(unless).intersection(terms)):
                    problems.append(
                        Problem(
                            name,
                            f"{skey}.unless",
                            f"{p!r} is also a term of slot {s.label!r}: it would cancel itself",
                        )
                    )
                slots.append(
                    SlotSpec(
                        label=s.label,
                        core=s.core,
                        terms=tuple(terms),
                        combos=tuple(combos),
                        unless=tuple(unless),
                        setting=s.setting,
                        required=s.required,
                    )
                )
            criteria[cid] = CriterionSpec(
                slots=tuple(slots),
                need=min(c.need, len(slots)),
                per_sentence=c.per_sentence,
                data_work=c.data_work,
            )
            where[cid] = name
    for entry, (name, _) in vocabulary.items():
        if entry not in expander.used:
            problems.append(Problem(name, f"vocabulary.{entry}", "unused: no slot refers to it"))
    senses = _senses(files, criteria, markers, expander, problems)
    return Rules(criteria=criteria, markers=markers, files=where, senses=senses), problems, files


def _senses(
    files: dict[str, RuleFile],
    criteria: dict[str, CriterionSpec],
    markers: dict[str, tuple[str, ...]],
    expander: _Expander,
    problems: list[Problem],
) -> dict[str, tuple[str, ...]]:
    """The word senses of every file ([senses]: a slot or marker phrase -> phrases giving it another
    sense)."""
    used = {p for c in criteria.values() for sl in c.slots for p in sl.terms}
    used.update(p for phrases in markers.values() for p in phrases)
    used.update(
        p for c in criteria.values() for sl in c.slots for co in sl.combos for g in co for p in g
    )
    out: dict[str, tuple[str, ...]] = {}
    for name, f in files.items():
        for phrase, others in f.senses.items():
            key = f'senses."{phrase}"'
            if phrase in out:
                problems.append(Problem(name, key, "defined twice"))
                continue
            if phrase not in used:
                problems.append(Problem(name, key, "unused: no slot or marker holds this phrase"))
            got = expander.expand(others, name, key, problems)
            if not got:
                problems.append(Problem(name, key, "no phrases: it would never apply"))
            out[phrase] = tuple(got)
    return out


def check_rules(directory: Path = RULES_DIR) -> list[Problem]:
    """Every problem with the rules in `directory`, checked against the standard's criteria."""
    from practice_bot.rubric import load_rubric
    from practice_bot.scoring.segment import read_segmentation

    rules, problems, files = _load(directory)
    problems += [Problem(SEGMENTATION_FILE, k, m) for k, m in read_segmentation(directory)[1]]
    rubric = load_rubric()
    known = {c.id: t.id for t in rubric.topics for c in t.criteria}
    for name, f in files.items():
        for cid in f.criteria:
            if cid not in known:
                problems.append(
                    Problem(name, f'criteria."{cid}"', "unknown criterion id: not in the standard")
                )
            elif name != f"{known[cid]}.toml":
                problems.append(Problem(name, f'criteria."{cid}"', f"belongs in {known[cid]}.toml"))
    for cid, topic in known.items():
        if cid not in rules.criteria and not any(cid in f.criteria for f in files.values()):
            problems.append(
                Problem(
                    f"{topic}.toml",
                    f'criteria."{cid}"',
                    "no rules: the scorer falls back to the criterion's own words",
                )
            )
    return list(dict.fromkeys(problems))  # a vocabulary list used twice is reported once


@lru_cache(maxsize=1)
def load_rules(directory: Path = RULES_DIR) -> Rules:
    """The rules the scorer uses; a problem that loses a rule is a UserError naming file and key."""
    rules, problems, _ = _load(directory)
    fatal = [p for p in problems if not p.message.startswith("unused")]
    if fatal:
        listed = "\n  ".join(str(p) for p in fatal[:10])
        raise UserError(f"the scorer's rules in {directory} have problems:\n  {listed}")
    return rules
