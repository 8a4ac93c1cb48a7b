"""Signs in a sentence that the apprentice is describing their own practice, or evaluating it.

Own practice: a first-person subject with an action verb ("we retrained", "I set up"), named tools,
numbers and outcomes. Generic statements and definitions ("Data drift is when...", "It is important
to...") are not practice, and neither is a plan or a wish ("I would", "we should").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, Literal

from practice_bot.scoring.lexicon import Lexicon
from practice_bot.scoring.text import stem, word_set, words
from practice_bot.scoring.thresholds import DISCLAIMER_WORDS, OWN_ACTION_BRIDGES, OWN_ACTION_REACH

_SUBJECTS: Final = frozenset({"i", "we"})
# "my", "our": the learner's or their group's (segment.py: after a verb, its object's)
POSSESSIVES: Final = frozenset({"my", "our"})
_GROUPS: Final = word_set("team squad manager colleague colleagues lead company department client")
_SKIP: Final = word_set(
    "ve m re also then first later personally together initially eventually quickly actually "
    "just still always regularly carefully was were am are been ourselves myself "
    "really mainly mostly both all jointly finally next already only"
)
_NEGATIONS: Final = word_set(
    "not never no didn don doesn haven hasn hadn wasn weren isn aren cannot couldn nt"
)
_AUXILIARIES: Final = word_set("did do does")
_POSSESSION: Final = word_set("had have has")
# "my job was to build the dashboard", "my role was building the features": a personal role
_ROLES: Final = word_set("job role part bit task responsibility")
# "me" as a subject, as speech has it: "it was me who...", "so me and my colleague built..."
_WHO: Final = word_set("who that")
_BE: Final = word_set("was is s")
_OPENERS: Final = word_set("so then and but well basically like yeah okay ok right actually")
_PARTNER_WORDS: Final = 4  # "me and [the data team] retrained": at most this many words between
# "I was the one who built it", "we were the ones that fixed it"
_CLEFTS: Final = frozenset(
    {("one", "who"), ("one", "that"), ("ones", "who"), ("ones", "that"), ("person", "who")}
)
# After "'d", these make it "had": "I'd been", "I'd already set it up", "I'd just finished"
_HAD_AFTER: Final = word_set(
    "been done seen written built made found got gone taken given spoken shown begun known heard "
    "brought bought taught sent spent already just previously recently only had"
)
_BRIDGES: Final = word_set(
    "responsible tasked asked decided needed wanted tried managed able going got started began "
    "helped for to in charge of on with kind sort went chose agreed offered volunteered"
)
# Asked to do it is not doing it: "I was asked to build a model", "I got told to check it"
_REQUESTED: Final = word_set("asked tasked told instructed requested")
_PASSIVE_BE: Final = word_set("was were been being got")
# A subject after these is a condition's: "if I had more time", "unless we retrain it"
_CONDITIONS: Final = word_set("if unless whether")
_MODALS: Final = word_set("would could should might may will d ll shall can must")
# "did"/"do" as the main verb, its object after it: "I did the analysis", "we do a weekly review"
_OBJECT_START: Final = word_set(
    "the a an some my our all this that these those it them most both each"
)
# The first word of a compound verb: "I fine-tuned", "I pen tested", "I spot checked", "I hand
# labelled" (the second word an action)
_COMPOUND_FIRST: Final = word_set(
    "fine pen spot hand double cross unit load stress smoke peer sense back hard user sanity down up "
    "over under"
)
# "go" with a particle is an action ("I go back over the logs", "I go through the alerts"); alone it
# may be a plan ("I'm going to")
_GO: Final = word_set("go goes")
_GO_PARTICLES: Final = word_set("back through over to")
# "look" with a particle is an action too ("I look into every alert", "I look over the residuals");
# alone it is not ("I look forward to"). ("The models I look after" is left out: on dev it credited
# the building models an architect looks after, a word-sense trap.)
_SIT: Final = word_set("sit sits sitting")  # "I sit with the planners", "I sit down with them"
_SIT_PARTICLES: Final = word_set("with down")
_LOOK: Final = word_set("look looks looking")
_LOOK_PARTICLES: Final = word_set("into over through at")
# Verbs that are actions with one of their particles: "I go back over", "I sit with", "I look into"
_PHRASAL: Final = ((_GO, _GO_PARTICLES), (_SIT, _SIT_PARTICLES), (_LOOK, _LOOK_PARTICLES))
# "no" as the first half of a noun: "no-show", "no-claims", "no-go", "no-code"
_NO_COMPOUNDS: Final = word_set("show shows claims claim go code brainer")
_NOT_ACTIONS: Final = frozenset(
    stem(w)
    for w in word_set(
        "based related called named indeed need needed feed seed speed supervised unsupervised "
        "advanced detailed red bed think thought believe feel felt know knew hope like love want wanted "
        "wish guess suppose mean meant agree"
    )
)
_ACTIONS: Final = frozenset(
    stem(w)
    for w in word_set(
        """use build set run write choose lead add create design implement test measure check
    review reduce improve fix switch move migrate retire archive schedule automate train deploy monitor
    track log document present agree negotiate meet analyse analyze compare evaluate validate tune
    engineer clean collect label prepare define scope plan estimate prioritise prioritize refactor
    package containerise containerize release roll ship launch integrate connect configure encrypt
    restrict mask anonymise anonymize pseudonymise audit assess identify find spot notice raise flag
    escalate challenge refuse propose recommend advocate persuade convince share teach mentor coach
    train present demo explain run host migrate decommission sunset archive delete replace upgrade
    retrain select pick engineer derive drop remove impute scale normalise standardise encode split
    sample resample weight calibrate threshold alert investigate debug profile benchmark measure
    capture store version tag commit merge approve sign hand handover own manage coordinate organise
    organize facilitate run attend read follow subscribe complete study learn trial pilot prototype
    apply adopt introduce embed switch cut save shut turn limit cap cache batch quantise quantize
    prune distil distill reuse email call ask get receive say said interview survey consult listen gather map draw
    spend worked work make keep start finish stop begin lead help support
    report publish update maintain refine rebuild redesign rework iterate rerun add built
    watch inspect verify handle oversee trigger rotate patch backfill reconcile query pull fetch
    extract transform filter aggregate visualise visualize plot summarise summarize draft rewrite
    upload install suggest try show demonstrate weigh pitch change adjust tweak
    explore examine fit join load ingest parse wrap serve expose annotate backtest scrape
    produce register translate decide reach strip convert rank score forecast predict classify
    cluster detect contact visit hold talk speak send order refresh give tell take bring lower"""
    )
)
_DEFINITION: Final = re.compile(
    r"^(?:[\w'-]+\s+){0,6}?(?:is|are|means|refers to|describes|involves|is defined as)\s+"
    r"(?:when|where|a|an|the|how|about|defined|basically|essentially|simply|any|something|"
    r"important|essential|crucial|vital|key|used|what|that)\b"
)
_GENERIC: Final = re.compile(
    r"\b(?:it is|it's|its|this is) (?:important|essential|crucial|vital|key|necessary|good practice|"
    r"best practice|recommended|advisable)\b|^(?:generally|in general|typically|usually|"
    r"traditionally|ideally|in theory|in principle|broadly)\b|\b(?:one|you|organisations|"
    r"organizations|companies|teams|engineers|businesses|people|practitioners|firms|a team|"
    r"an engineer|an organisation|an organization|a company) (?:should|must|need to|needs to|"
    r"ought to|have to|has to)\b|\bbest practice (?:is|says|suggests)\b"
)


# Praise offered as the evaluation: "everyone was happy", "it went really well", "the best way",
# "good catch", "a great success"
_PRAISE: Final = re.compile(
    r"\b(?:(?:very|really|so|super|extremely|all|everyone|everybody) (?:happy|pleased)"
    r"|(?:went|worked|going) (?:really |very |so )?(?:well|great|brilliant)"
    r"|the best way|good catch|great (?:success|result|job)"
    r"|(?:was|were|is) (?:a )?(?:huge |big |great )?success|loved it|(?:really|very) good)\b"
)


_COPULAS: Final = word_set("is are means was were")


def _possessive_subject(tokens: list[str]) -> bool:
    """Whether the subject before the sentence's first "is" is the learner's or their group's ("my
    job is", "at the co-op our goal is"), which makes it no definition."""
    for t in tokens:
        if t in _COPULAS:
            return False
        if t in POSSESSIVES:
            return True
    return False


def generic_clause(tokens: list[str]) -> bool:
    """Whether a clause's words say what one should do in general ("at deployment you need to
    secure the API", "it's important to log every run"), not what was done."""
    return _GENERIC.search(" ".join(tokens)) is not None


# Talking about oneself rather than about the work: "I'm good at problem solving".
_SELF_PRAISE: Final = re.compile(
    r"\b(?:my (?:main |biggest |key |real )?strengths?|i(?: a|')m (?:really |very )?(?:good|great|strong) at|"
    r"i(?: a|')m (?:very |really |genuinely |truly )?passionate|i consider myself|i(?: wou|')d describe myself|"
    r"one of my strengths|i pride myself|says i(?: a|')m good|"
    # habits and qualities claimed without an instance: "I always make sure my models are tested"
    r"i always make sure|i make sure my|i ensure (?:that )?my|i always ensure|my ways of working|"
    r"i always consider|in everything i (?:build|do|make)|i see myself as|i look for opportunities|"
    r"at the heart of everything|best in class|(?:really |very )?strong understanding|"
    r"i follow (?:\w+ )?best practice|"
    # a lesson claimed in general terms instead of the work: "I learned how important experiment
    # tracking is for robust machine learning"
    r"i(?: have|'ve)? (?:learned|learnt|realised|realized) (?:just )?how (?:important|essential|"
    r"crucial|vital|valuable|key)|"
    # a reputation or a trait claimed instead of the work: "I'm known for being thorough", "the
    # go-to person for compliance", "I take bias very seriously", "I'm a natural collaborator"
    r"i(?: a|')m (?:well |widely )?known (?:for|as)|go[- ]to (?:person|guy|expert)|"
    r"(?:people|colleagues|everyone|others) (?:always )?(?:come|comes|turn|turns) to me|"
    r"i(?: a|')m (?:very |really |extremely |highly |always )?(?:thorough|meticulous|diligent|"
    r"detail[- ]oriented|conscientious|proactive|a natural|a team player|a people person|"
    r"a lifelong learner)|"
    r"i take (?:[\w']+ ){1,4}(?:very |extremely |really |incredibly )?seriously|i (?:really )?thrive|"
    # a creed claimed instead of the work: "it's part of my DNA", "that's my motto", "my mantra"
    r"(?:part of|in) my dna|my (?:motto|mantra|creed)|"
    # praise reported instead of the work: "my documentation has been praised", "would tell you"
    r"(?:has|have|was|were) been praised|would tell you|described my [\w ]{1,30} as)\b"
    # praise reported: "my manager wrote that I excel at scoping", "my mentor said I have an
    # excellent grasp of the lifecycle"
    r"|\b(?:said|says|wrote|writes|noted|notes|commented|told me|feedback|described|called)\b"
    r"[^.;!?]{0,60}\b(?:excel|excels|excellent|exemplary|outstanding|brilliant|clearly understands?|"
    r"strong grasp|great at)\b"
)
# Someone else's words quoted ("As the Green Software Foundation puts it, ..."): not practice.
_QUOTATION: Final = re.compile(
    r"^as (?:[\w']+ ){1,8}(?:said|says|puts it|put it|remind us|reminds us|tells us|argues)\b"
)
_NUMBER: Final = re.compile(r"\d")


# A figure spoken as words, as speech-to-text prints it ("forty percent", "twenty minutes"); not
# "one", which is mostly not a figure ("one of the").
_NUMBER_WORDS: Final = word_set(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand million billion dozen "
    # a change told as a figure in words, as a terse note gives it: "runtime halved", "a fifth fewer"
    "halved doubled tripled twofold threefold fourfold fivefold tenfold fifth fifths thirds"
)
# A measured change written as notes write it: "recall 0.71 to 0.88", "0.71 -> 0.88", "cost -30%"
_CHANGE: Final = re.compile(
    r"\d\s*%?\s*(?:to|->|→|=>)\s*[£$€]?\d|(?:^|[\s(:,])[-+−]\s?\d[\d.,]*\s*(?:%|pp\b|per\s?cent)"
)


def _digit_at(norm: str, start: int = 0) -> bool:
    """Whether norm[start:] holds a digit."""
    return _NUMBER.search(norm, start) is not None


# An enumeration label in front of a sentence ("Answer 3:", "2)") is not a figure about the work.
_LABEL: Final = re.compile(
    r"\s*(?:(?:answer|question|part|point|step|item|q|a)\s*)?\d+\s*[:.)\]-]\s"
)


def _label_end(norm: str) -> int:
    m = _LABEL.match(norm)
    return m.end() if m else 0


# A capitalised word, with the letters and digits after its capital.
_CAPITALISED: Final = re.compile(r"[A-Z][A-Za-z0-9]*")
_COMMON_CAPS: Final = word_set("ML AI IT UK OK US EU I")


def _names_something(text: str) -> bool:
    """A capitalised name mid-sentence ("we used Evidently") or an acronym ("PSI", "GDPR")."""
    for m in _CAPITALISED.finditer(text):
        word, at = m.group(), m.start()
        if word in _COMMON_CAPS or (at and text[at - 1].isalnum()):
            continue
        if len(word) >= 2 and word.rstrip("s").isupper():
            return True
        if at >= 2 and text[at - 1] == " " and (text[at - 2].islower() or text[at - 2] in ",;:"):
            return True
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class Marks:
    """What a sentence shows besides its concepts."""

    practice: bool  # first-person action: "we retrained", "I set up", "our team built"
    hypothetical: bool  # "I would", "we should": a plan or a wish, not something done
    negated: bool  # "we didn't set a target": the first-person action is negated
    generic: bool  # a definition, a general statement, or self-praise
    evaluation: bool  # reasoning or reflection: because, which meant, compared with...
    reflection: bool  # weighing and judging: trade-off, in hindsight, the impact was...
    outcome: bool  # says what came of it: reduced, improved, signed off...
    people: bool  # names a role or group: "the data protection officer", "the fraud analysts"
    past: bool  # a past-tense verb anywhere (was/were/-ed/irregular)
    verbs: int  # verb-ish words, plus one each for a past tense and a first-person action
    tool: bool  # names a tool, a capitalised name mid-sentence or an acronym
    number: bool  # gives a figure (not counting an enumeration label in front: "Answer 3:")
    hedged: bool = False  # "I think", "maybe", "not really": the speaker is unsure of the claim
    about: bool = False  # names the object of the criteria: ML or data work ("the model", "data")

    @property
    def concrete(self) -> bool:
        """Names a tool or thing, gives a figure, or names people. An outcome word alone ("the result
        was a more sustainable outcome", "they were happy with the improvement") is not: what came
        of it is concrete when it is measured or named."""
        return self.people or self.tool or self.number


@dataclass(frozen=True)
class MarkerIds:
    """Phrase ids of the marker lists in a shared Lexicon."""

    reasoning: frozenset[int]
    reflection: frozenset[int]
    outcomes: frozenset[int]
    tools: frozenset[int]
    filler: frozenset[int]
    people: frozenset[int]
    hedges: frozenset[int] = frozenset()
    object: frozenset[int] = frozenset()
    object_weak: frozenset[int] = frozenset()
    object_plain: frozenset[int] = frozenset()
    object_jobs: frozenset[int] = frozenset()
    object_bare: frozenset[int] = frozenset()
    object_signs: frozenset[int] = frozenset()
    object_data: frozenset[int] = frozenset()
    object_model: frozenset[int] = frozenset()
    object_products: frozenset[int] = frozenset()


def register(lexicon: Lexicon, phrases: dict[str, tuple[str, ...]]) -> MarkerIds:
    """Add the marker phrases (rules/markers.toml) to `lexicon`, so one pass over a sentence finds
    concepts and markers."""

    def add(name: str) -> frozenset[int]:
        return frozenset(lexicon.add(p) for p in phrases.get(name, ()))

    return MarkerIds(
        reasoning=add("reasoning"),
        reflection=add("reflection"),
        outcomes=add("outcomes"),
        tools=add("tools"),
        filler=add("filler"),
        people=add("people"),
        hedges=add("hedges"),
        object=add("object"),
        object_weak=add("object_weak"),
        object_plain=add("object_plain"),
        object_jobs=add("object_jobs"),
        object_bare=add("object_bare"),
        object_signs=add("object_signs"),
        object_data=add("object_data"),
        object_model=add("object_model"),
        object_products=add("object_products"),
    )


_PAST_WORDS: Final = word_set(
    "was were had did built ran wrote chose led set made met took gave found went kept spoke brought "
    "taught began got put cut sent spent saw sat told done came held drew dealt sought rebuilt rewrote reran"
    # more irregular past tenses of doing something (tune-tech: "when I dug into it")
    " redid dug fed caught bought undertook broke froze shut sold threw drove paid fought hung swept"
    " tore stuck oversaw withdrew upheld"
)


# Present-tense verbs ending in "ed" ("we embed checks", "it must not exceed 2 seconds").
_NOT_PAST: Final = word_set("embed exceed proceed succeed breed bleed shred")


def is_past(token: str) -> bool:
    return token in _PAST_WORDS or _regular_past(token)


def _regular_past(token: str) -> bool:
    """A past tense ending in "ed" ("retrained"), not a present one ("embed") nor a state ("used")."""
    return (
        len(token) > 4
        and token.endswith("ed")
        and token not in _NOT_PAST
        and stem(token) not in _NOT_ACTIONS
    )


def is_action(token: str) -> bool:
    """An action verb, or any past tense."""
    return is_past(token) or stem(token) in _ACTIONS


def has_verb(tokens: list[str]) -> bool:
    """Whether words `tokens` hold a verb, or a subject that brings one ("I", "we")."""
    return any(t in _VERBISH or is_action(t) for t in tokens)


# Words that may open a terse note before its verb: "Also added alerts", "Then retrained it monthly"
_NOTE_LEAD: Final = word_set(
    "also then later so and first initially personally eventually finally next"
)


# The first half of a hyphenated verb, which the words split off: "Re-ran", "Fine-tuned", "Shadow-tested"
_VERB_PREFIXES: Final = word_set(
    "re fine shadow back cross double spot hand pen hot pre co over under up down hard soft load "
    "stress smoke unit dry"
)


def _lead(tokens: list[str]) -> int:
    """How many words open `tokens` before a terse note's verb (`_NOTE_LEAD`, at most two)."""
    n = 0
    while n < 2 and n < len(tokens) and tokens[n] in _NOTE_LEAD:
        n += 1
    return n


def elided_subject(tokens: list[str]) -> bool:
    """A terse note opening with a past-tense action, its "I" left out ("Ran the flag rate by
    ethnicity", "Suggested adding empty miles"); not a passive ("Built by the vendor")."""
    tokens = tokens[_lead(tokens) :]  # "Also added alerts to Slack", "Then retrained it monthly"
    if len(tokens) > 3 and tokens[0] in _VERB_PREFIXES:  # "Re-ran the backtest", "Fine-tuned BERT"
        if not _VERBISH.isdisjoint(tokens[2:4]):
            return False  # a noun phrase and its verb: "Fine-tuned models are cheaper"
        tokens = tokens[1:]
    return (
        len(tokens) > 2
        and tokens[0] not in _VERBISH
        and tokens[1] != "by"
        and (is_past(tokens[0]) or _past_in_note(tokens))
        and stem(tokens[0]) not in _NOT_ACTIONS
    )


# Verbs whose past participle is spelt like the verb ("I'd split", "had read"); of them, those whose
# past tense a note may open with ("Read about it on a blog"): not "run" (its past is "ran"), nor
# "let" (a note opening with it asks: "Let the ops team know").
_SPELT_ALIKE: Final = word_set("split read set put cut run let hit shut spread")
_SAME_PAST: Final = _SPELT_ALIKE - word_set("run let")


def _told_in_past(tokens: list[str], alike: AbstractSet[str]) -> bool:
    """Whether words `tokens` hold a past tense not spelt like its verb (not one of `alike`): a
    sentence plainly told in the past."""
    return any(is_past(t) and t not in alike for t in tokens)


def _past_in_note(tokens: list[str]) -> bool:
    """Whether a note opening with a verb spelt alike in the present and past (`_SAME_PAST`) tells it
    in the past: another past tense follows ("Read about it on a blog, tested it on our data")."""
    return tokens[0] in _SAME_PAST and _told_in_past(tokens[1:], _SAME_PAST)


def headed_note(norm: str) -> bool:
    """A terse note after its heading, its "I" left out: "Gym chain membership churn: chose logistic
    regression over a random forest" (`norm`: the sentence normalised)."""
    return ":" in norm and elided_subject(words(norm.split(":", 1)[1]))


def _verb_search(tokens: list[str], i: int) -> int | None:
    """Where the search for the verb of a first-person subject at tokens[i] starts, or None when
    tokens[i] is not one: "I", "we"; "our"/"my" and a group ("our team retrained") or a role ("my
    job was to build"); "me" as speech uses it ("me and Sarah built", "Sarah and me built", "it was
    me who found")."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tok in _SUBJECTS:
        return i + 1
    if tok in POSSESSIVES and (nxt in _GROUPS or nxt in _ROLES):
        return i + 2
    if tok != "me":
        return None
    before = tokens[i - 1] if i else ""
    if nxt in _WHO and before in _BE:
        return i + 2  # "it was me who found the leak"
    if before == "and" and nxt != "to":
        return i + 1  # "Sarah and me built it" (not "they asked Sarah and me to build it")
    if nxt == "and" and (not i or before in _OPENERS):
        # "me and my colleague built", "me and the data team retrained it": past the other person
        for k in range(i + 2, min(len(tokens), i + 2 + _PARTNER_WORDS)):
            if tokens[k] in _VERBISH or is_action(tokens[k]) or tokens[k] in _MODALS:
                return k
    return None


# "I don't think we looked at it much", "I don't remember anyone checking": what follows was not done
_DOUBTING: Final = word_set("think believe reckon remember recall")
# What a good outcome is without: "we've had no complaints", "we have had no incidents since"
_GOOD_ABSENCES: Final = word_set(
    "complaints complaint incidents incident issues problems errors escalations grievances breaches"
)
# "I don't think they would have agreed if I'd pushed": a judgment of what would have happened
_COUNTERFACTUAL: Final = word_set("would could might d")
_COUNTERFACTUAL_REACH: Final = 5  # words after "think" to the modal


def _counterfactual(tokens: list[str], doubt: int) -> bool:
    """Whether "think" at tokens[doubt] opens a judgment of what would have happened ("I don't think
    the board would have signed it off", "...they'd have trusted it"), a modal and "have" after it."""
    after = tokens[doubt + 1 : doubt + 1 + _COUNTERFACTUAL_REACH]
    return any(w in _COUNTERFACTUAL and nxt in ("have", "ve") for w, nxt in pairwise(after))


# A stance, not work left undone: "I wasn't comfortable with that", "I wasn't happy with the recall"
_STANCES: Final = word_set("comfortable happy keen convinced willing prepared")
# ...when a clause follows ("I don't think we...", not "I didn't believe the first numbers")
_CLAUSE_SUBJECTS: Final = word_set(
    "we i they he she it anyone anybody anything someone somebody that there nobody everyone"
)


def next_word(tokens: list[str], i: int) -> str:
    """The word after tokens[i], past the "t" of "didn't"."""
    j = i + 1
    if j < len(tokens) and tokens[j] == "t":
        j += 1
    return tokens[j] if j < len(tokens) else ""


def _had(after: str) -> bool:
    """Whether "'d" before word `after` is "had" ("I'd been following", "I'd already set it up",
    "I'd noticed"), not "would" ("I'd check", "I'd need", "I'd have")."""
    return after in _HAD_AFTER or _regular_past(after)


# A modal after a subject may tell what was decided or said then, not the learner's plan or wish:
# after a decision ("I thought I'd check the drift first", "we agreed that we'd review it in March":
# deciding, then doing), after what was said ("she said it'd need a notice", "I told them I'd
# check": reported), or giving a purpose ("so that we'd see it").
_DECIDING: Final = word_set("thought figured reckoned decided agreed")
_REPORTING: Final = word_set("said promised confirmed explained told warned")
_REPORTED_MODALS: Final = word_set("d would ll will")
_PAST_MODALS: Final = word_set("d would")
_OBJECT_PRONOUNS: Final = word_set("me us them him her everyone everybody")
_REPORT_REACH: Final = 8  # "they agreed the middle one, and that we'd...": words back to the verb


# What a modal after a subject tells when it is not a plan or a wish ("": none of these)
_Told = Literal["decided", "reported", "purpose", ""]


def _reported_modal(tokens: list[str], i: int, modal: str) -> _Told:
    """What the modal after the subject at tokens[i] tells, when not a plan or a wish: "decided"
    (after "I thought", "we agreed that", "they agreed the middle one, and that", with "'d" or
    "would": the verb after it is what was then done), "reported" (after "she said", "I told them",
    or a decision with "'ll" or "will": what was said, or decided and not yet done), "purpose"
    ("so that we'd see it"); else "". ("Can", and "could" without "have", are never a plan:
    own_action.)"""
    if modal not in _REPORTED_MODALS or not i:
        return ""
    k = i - 1
    if tokens[k] == "that" and k and tokens[k - 1] == "so":
        return "purpose"
    if tokens[k] == "that" and k and tokens[k - 1] == "and":
        before = tokens[max(0, k - 1 - _REPORT_REACH) : k - 1]  # the verb before "and that"
    else:
        k -= tokens[k] == "that"
        if k >= 1 and tokens[k] in _OBJECT_PRONOUNS and tokens[k - 1] == "told":
            k -= 1  # "I told them I'd check"
        before = tokens[k : k + 1] if k >= 0 else []
    if not _DECIDING.isdisjoint(before):
        # "we agreed we'll review it in March": decided, but not yet done
        return "decided" if modal in _PAST_MODALS else "reported"
    return "reported" if not _REPORTING.isdisjoint(before) else ""


# "I'd split" (`_SPELT_ALIKE`) is "had split" only in a story told in the past
_PLANS: Final = word_set("if unless next again whether")


def _had_in_past(tokens: list[str], after: str) -> bool:
    """Whether "'d" before `after`, a participle spelt like its verb ("split", "read", "set"), is
    "had" in a sentence told in the past ("the shadow run showed me, because I'd split the results
    by letter length, that..."), not "would" ("I'd split it by region next time", "if I did it
    again I'd set it lower")."""
    return (
        after in _SPELT_ALIKE and _PLANS.isdisjoint(tokens) and _told_in_past(tokens, _SPELT_ALIKE)
    )


# Someone else's fear, view or claim about what "we" do: "the union rep worried we use data to judge
# pickers", "the nurses thought we were replacing them"
_VIEWS: Final = word_set(
    "worry worries worried fear fears feared think thinks thought believe believes believed assume "
    "assumes assumed suspect suspects suspected complain complains complained claim claims claimed "
    "felt feel feels"
)
_VIEW_REACH: Final = 4  # words before the view's verb where the learner may be its subject


def _others_view(tokens: list[str], i: int) -> bool:
    """Whether the subject at tokens[i] opens what someone else worried, thought or claimed ("the
    union rep worry we use data to judge pickers", "staff felt that we were watching them"), not
    the learner's own view ("I thought we...") nor their action."""
    k = i - 1
    if k >= 0 and tokens[k] == "that":
        k -= 1
    if k < 1 or tokens[k] not in _VIEWS:
        return False
    before = tokens[max(0, k - _VIEW_REACH) : k]
    return _SUBJECTS.isdisjoint(before) and "me" not in before and "you" not in before


# "I was involved in it", "we were shown the dashboard", "I was copied in": a passive, done to the
# learner, not by them (the passive's "be" as for `_REQUESTED`, less "being" and "got")
_DONE_TO_BE: Final = _PASSIVE_BE - word_set("being got")
_DONE_TO: Final = word_set("given shown sent taught kept told brought put")
# "we plan to add drift alerts next quarter", "I'm planning to", "we aim to": an intention
_INTENDING: Final = frozenset(
    stem(w) for w in word_set("plan planning plans aim aiming intend hoping")
)
# A state, not the first half of a compound verb: "I feel stressed", "I seem tired", "we became aligned"
_STATE_VERBS: Final = word_set("feel feels seem seems seemed look looks became become get gets")
# ...nor an adverb before a verb: "before I even joined the project", "I never checked"
_ADVERBS: Final = word_set("even ever never once again almost nearly hardly barely simply")


def _compound_first(word: str) -> bool:
    """Whether `word`, one the verb search does not know, may open a compound verb ("target" of
    "target-encoded"): not a state, an adverb, a modal, a negation or a verb-ish word."""
    return (
        word.isalpha()
        and word not in _STATE_VERBS
        and word not in _ADVERBS
        and word not in _MODALS
        and word not in _NEGATIONS
        and word not in _VERBISH
        and stem(word) not in _NOT_ACTIONS
    )


def _compound_past(first: str, second: str) -> bool:
    """Whether `first` and `second` are a compound verb in the past, its hyphen split off ("I
    target-encoded it", "I mean-imputed the gaps"): the second a past tense in "-ed" of an action."""
    return _compound_first(first) and _regular_past(second)


def _past_action(word: str) -> bool:
    """Whether `word` is a past tense of an action: not "was" or "had" (`_VERBISH`), nor a state."""
    return is_past(word) and word not in _VERBISH and stem(word) not in _NOT_ACTIONS


def _set_up_for_me(tokens: list[str], i: int) -> bool:
    """Whether the subject at tokens[i] opens a purpose ("so I can", "so that we can") after work
    told in the past ("every training run logged in MLflow so I can compare", "I set up alerts so
    we can see it"): the work was set up by and for the learner."""
    k = i - 1 - (i >= 1 and tokens[i - 1] == "that")
    if k < 0 or tokens[k] != "so":
        return False
    return any(_past_action(t) for t in tokens[:k])


def own_action(tokens: list[str]) -> tuple[bool, bool, bool]:
    """(practice, hypothetical, negated): the first verb after a first-person subject ("I", "we", or
    "our"/"my" and a group: "our team") decides."""
    hypothetical = negated = False
    if elided_subject(tokens):
        return True, False, False  # a terse note with the "I" left out: "Ran the flag rate"
    for i in range(len(tokens)):
        found = _verb_search(tokens, i)
        if found is None:
            continue
        if i and tokens[i - 1] in _CONDITIONS:
            continue  # "If I did it again I'd sample earlier": a condition, not something done
        if _others_view(tokens, i):
            continue  # "the union rep worried we use data to judge pickers": their view of it
        j = found
        bridged = 0
        while j < len(tokens) and j < i + OWN_ACTION_REACH:
            nxt = tokens[j]
            j += 1
            if nxt == "no" and next_word(tokens, j - 1) in _NO_COMPOUNDS:
                continue  # "our no-show model", "the no-claims discount": a noun, not a negation
            if nxt in _NEGATIONS:
                doubt = next_word(tokens, j - 1)  # the negation is tokens[j - 1]
                if doubt in _DOUBTING and _counterfactual(tokens, tokens.index(doubt, j)):
                    break  # "I don't think they would have agreed if...": a judgment
                if (
                    doubt in _DOUBTING
                    and next_word(tokens, tokens.index(doubt, j)) in _CLAUSE_SUBJECTS
                ):
                    return False, False, True  # "I don't think we looked at it": we didn't
                if doubt in _STANCES:
                    break  # "I wasn't comfortable with that": the learner's stance, not undone work
                negated = True
                break  # "we didn't set a target", "I haven't looked": not something done
            if nxt in _POSSESSION:
                after = tokens[j] if j < len(tokens) else ""
                if after in _NEGATIONS:
                    if next_word(tokens, j) in _GOOD_ABSENCES:
                        break  # "we've had no complaints since": an outcome, not work undone
                    negated = True
                    break
                if after not in _SKIP and after != "to" and not is_action(after):
                    return True, False, False  # "we had stand-ups", "I have a dashboard"
                continue
            after = tokens[j] if j < len(tokens) else ""
            if nxt in _AUXILIARIES and after in _OBJECT_START:
                return True, False, False  # "I did the analysis", "we do a weekly review"
            if nxt in ("did", "done") and after in ("was", "is"):
                return True, False, False  # "the first thing I did was sit with the ward manager"
            if nxt == "the" and tuple(tokens[j : j + 2]) in _CLEFTS:
                j += 2  # "I was the one who built it"
                continue
            if nxt == "is" and tokens[j - 2] in _ROLES:
                continue  # "my job is to check the alerts"
            if nxt == "d" and (_had(after) or _had_in_past(tokens, after)):
                continue  # "I'd been following the discussions": had, not would
            if nxt in _COMPOUND_FIRST and is_action(after):
                return True, False, False  # "I fine-tuned", "I pen tested"
            if any(nxt in verbs and after in particles for verbs, particles in _PHRASAL):
                return True, False, False  # "I go back over the logs", "I look into every alert"
            if (
                nxt in ("did", "do")
                and after
                and after not in _NEGATIONS
                and stem(after) not in _NOT_ACTIONS
                and (is_action(after) or after in _LOOK)
            ):
                return True, False, False  # "I did look at a deep learning model", "I did try"
            if nxt in _SKIP or nxt in _AUXILIARIES or (nxt.endswith("ly") and len(nxt) > 4):
                continue
            if (nxt == "going" or stem(nxt) in _INTENDING) and after == "to":
                hypothetical = True
                break  # "I'm going to retrain it", "we plan to add alerts": a plan, not done
            if nxt == "could" and not (j < len(tokens) and tokens[j] in ("have", "ve")):
                continue  # "I could give them the inputs": past ability, not a wish
            if nxt == "can" and after not in _NEGATIONS:
                if _set_up_for_me(tokens, i):
                    return True, False, False  # "every run logged in MLflow so I can compare"
                break  # "I can write pytest tests against them": an ability, not a plan
            told = _reported_modal(tokens, i, nxt)
            if told == "decided":
                continue  # "I thought I'd check", "we agreed that we'd review it": decided, then done
            if told:
                break  # "she said it'd need a notice", "so that we'd see it": not a plan
            if nxt in _MODALS:
                hypothetical = True
                break
            if nxt in _REQUESTED and tokens[j - 2] in _PASSIVE_BE:
                break  # "I was asked to build it": the request, not the work
            if tokens[j - 2] in _DONE_TO_BE and (nxt in _DONE_TO or _regular_past(nxt)):
                # "I was involved in it", "I was kept in the loop": done to the learner; but "I was
                # seconded to the data team and built the pipeline" goes on to what they did
                rest = tokens[j : j + OWN_ACTION_REACH]
                if any(a == "and" and _past_action(b) for a, b in pairwise(rest)):
                    return True, False, False
                break
            if is_action(nxt) and stem(nxt) not in _NOT_ACTIONS:
                return True, False, False
            if nxt == "agree" and tokens[i] == "we" and after != "with":
                return True, False, False  # "We agree: fabric forecast is the official one"
            if nxt in _BRIDGES and bridged < OWN_ACTION_BRIDGES:
                bridged += 1  # "I was responsible for monitoring", "we decided to retrain"
                continue
            if _compound_past(nxt, after) or (
                _compound_first(nxt) and _compound_past(after, next_word(tokens, j))
            ):
                return True, False, False  # "I target-encoded it", "we one-hot encoded them"
            break
    return False, hypothetical, negated


_VERBISH: Final = word_set("is are was were be been have has had do did does i we")


def marks(text: str, norm: str, tokens: list[str], found: AbstractSet[int], m: MarkerIds) -> Marks:
    """Classify one sentence: `text` as written, `norm` normalised, `tokens` its words, `found` the
    phrase ids the shared lexicon matched in it."""
    practice, hypothetical, negated = own_action(tokens)
    if not practice and headed_note(norm):
        practice = True  # a note after its heading: "Gym chain churn: chose logistic regression"
    praise = _SELF_PRAISE.search(norm) is not None or _QUOTATION.search(norm) is not None
    generic = praise or (
        not practice
        and (
            # "My judgement is that the hold-out made it trustworthy", "At the food co-op my job
            # is the stock forecasting": the learner's view or role, not a definition
            (_DEFINITION.search(norm) is not None and not _possessive_subject(tokens))
            or _GENERIC.search(norm) is not None
        )
    )
    reflection = not m.reflection.isdisjoint(found)
    # Praise is not evaluation: "it is the best way, and the company was very happy with it"
    praised = _PRAISE.search(norm) is not None and not _digit_at(norm)
    if praised:
        reflection = False
    past = any(is_past(t) for t in tokens)
    verbish = sum(1 for t in tokens if t in _VERBISH)
    return Marks(
        practice=practice,
        hypothetical=hypothetical,
        negated=negated,
        generic=generic,
        evaluation=reflection or (not praised and not m.reasoning.isdisjoint(found)),
        reflection=reflection,
        outcome=not m.outcomes.isdisjoint(found) or _CHANGE.search(text) is not None,
        people=not m.people.isdisjoint(found),
        past=past,
        verbs=verbish + past + practice,
        tool=not m.tools.isdisjoint(found) or _names_something(text),
        number=(_digit_at(norm) and _digit_at(norm, _label_end(norm)))
        or not _NUMBER_WORDS.isdisjoint(tokens),
        hedged=not m.hedges.isdisjoint(found),
        # "There's no machine learning in it at all" does not make an answer about ML
        about=not m.object.isdisjoint(found)
        and (len(tokens) > DISCLAIMER_WORDS or _NEGATIONS.isdisjoint(tokens)),
    )
