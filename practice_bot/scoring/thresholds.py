"""Every number the offline scorer decides with, in one place, each with what it trades off.

Raising a threshold that guards against gaming (recital, keyword lists, padding) lets more gaming
through and wrongly flags fewer genuine answers; lowering it does the reverse. Check any change with
`practice-bot eval tests/data/calibration/dev.jsonl` (docs/scoring.md).
"""

from __future__ import annotations

from typing import Final

# --- the decision -----------------------------------------------------------------------------------
# Own-practice slots a criterion needs when its rules do not say (more: fewer passes, fewer false ones).
DEFAULT_NEED: Final = 2
# Most slots one sentence may support when the rules do not say (higher: keyword-dense sentences earn more).
DEFAULT_PER_SENTENCE: Final = 2
# Distinction: sentences evaluating the concept (higher: stricter distinctions, more missed).
EVALUATION_SENTENCES: Final = 2
# A sentence without "I"/"we" inherits own practice from this many before it (higher: more credit for
# narrative that follows an action, and for generic text after one).
CARRY: Final = 2
# In an answer of at most this many words (terse notes: "Weekly retrain. Gate in the pipeline...
# I retrained with a tariff flag."), a first-person action anywhere carries to every sentence (higher:
# more terse notes credited, and more short answers read as own practice throughout).
TERSE_ANSWER_WORDS: Final = 80
# The action verb must come within this many words of "I"/"we" (higher: more long sentences read as
# own practice, some wrongly: "we ... said that the model should").
OWN_ACTION_REACH: Final = 8
# Bridging words allowed before the verb ("I was responsible for monitoring", "we decided to retrain").
OWN_ACTION_BRIDGES: Final = 3
# Own-practice sentences supporting the core (one of them a first-person action) that make evidence
# corroborated when the answer shows no slot beyond the minimum (higher: more thin credit held back as "partly, possible"; lower: more
# single claims credited, fewer of them right).
CORROBORATION: Final = 2
# Supporting sentences an evidenced verdict needs to be "clear" rather than "possible", and as many of
# them first-person actions and as many concrete (higher: more credit flagged as thin for review).
CLEAR_SENTENCES: Final = 2
# A negated sentence of at most this many words naming ML or data ("There's no machine learning in it")
# is a disclaimer, not a sign the answer is about ML work (higher: more long sentences discounted).
DISCLAIMER_WORDS: Final = 20
# Quotes kept per judgment (more: longer feedback).
MAX_QUOTES: Final = 3

# --- whole-answer limits -----------------------------------------------------------------------------
# Characters scored (the rest is kept, not scored): bounds the time on a pasted essay.
MAX_SCORED_CHARS: Final = 50_000
# Off-topic needs this many words (lower: short answers flagged off-topic more often).
OFFTOPIC_MIN_WORDS: Final = 25
# Off-topic when under this share of sentences name a slot (higher: more answers flagged off-topic).
OFFTOPIC_SHARE: Final = 0.2

# --- injection ------------------------------------------------------------------------------------------
# One-letter words in a row that make the scorer also read the answer with them joined ("i g n o r e";
# lower: ordinary "a b c" text re-read more often, for nothing).
SPACED_LETTERS: Final = 4
# A quoted instruction within this many characters of security-testing talk is a description, not an
# attack (higher: more quoted attacks excused).
DESCRIBED_ATTACK_CHARS: Final = 200

# --- recital -------------------------------------------------------------------------------------------
# Words in a row copied from the criterion or KSB wording that make a sentence recital (lower: genuine
# sentences that reuse a stock phrase of the standard are excluded).
RECITAL_RUN: Final = 6
# A sentence whose content 3-grams are at least this share the criterion texts' is recital.
RECITAL_SENTENCE_SHARE: Final = 0.5
# Largest share of one criterion's content 3-grams in the answer that flags recital (lower: more
# paraphrase caught, more genuine answers that reuse the standard's words flagged).
RECITAL_COVERAGE: Final = 0.4
# Share of content words taken from the criterion texts that flags recital (genuine answers: < 0.35).
ECHO_SHARE: Final = 0.42
# The echo check only runs on answers this long (lower: short dense answers flagged as echo).
ECHO_MIN_WORDS: Final = 40
# In an echoing answer, a sentence this echoey earns nothing (lower: more sentences excluded).
ECHO_SENTENCE: Final = 0.35

# An answer sharing this many content 3-grams with the criterion texts has its sentences checked one by
# one for recital (lower: more answers checked, no verdict changes by itself).
RECITAL_SUSPECT_TRIGRAMS: Final = 3

# --- keyword lists and padding ---------------------------------------------------------------------------
# A keyword-list sentence: at least this many of , ; / | (lower: lists in prose sentences flagged)...
LIST_SEPARATORS: Final = 3
# ...at least this many items...
LIST_ITEMS: Final = 5
# ...nearly all (this share) of at most this many words (higher: lists of short clauses flagged)...
LIST_SHORT_SHARE: Final = 0.8
LIST_ITEM_WORDS: Final = 3
# ...and at most one verb per this many items (higher: fewer verbs allowed, fewer lists flagged);
# a list with this many items giving a figure ("lags at 7, 14 and 28 days") is a terse note, not a
# keyword list (lower: lists holding a version number or a standard, "ISO 27001", pass as notes).
LIST_FIGURES: Final = 2
LIST_ITEMS_PER_VERB: Final = 5
# A keyword-list answer: this many list items or bare terms (lower: terse genuine answers flagged)...
KEYWORD_ITEMS: Final = 5
# ...naming at least this many concept phrases (lower: lists of anything flagged).
KEYWORD_TERMS: Final = 4
# A sentence of at most this many words, without a verb, is a bare term (higher: short genuine lines
# such as "Precision at forty." count towards a keyword list).
BARE_TERM_WORDS: Final = 4
# A repeated sentence of at least this many words is padding (lower: repeated short phrases flagged).
REPEAT_MIN_WORDS: Final = 4
# Repeated sentences' words that flag padding: at least this many...
REPEAT_WORDS: Final = 20
# ...and this share of the answer (lower: a repeated point in a long answer flags it).
REPEAT_SHARE: Final = 0.2
# Filler phrases that flag padding: at least this many...
FILLER_PHRASES: Final = 5
# ...per hundred words, at least this many (lower: chatty genuine answers flagged).
FILLER_PER_HUNDRED: Final = 4
# Words-per-window diversity under which a long answer is padding (higher: repetitive speakers flagged).
LOW_DIVERSITY: Final = 0.42
# Words per window when measuring diversity (distinct words per window of this many).
DIVERSITY_WINDOW: Final = 100
# Diversity is only judged on answers this long (lower: short answers judged on too few words).
DIVERSITY_MIN_WORDS: Final = 150

# --- segmenting unpunctuated speech (segment.py, rules/segmentation.toml) --------------------------------
# A sentence with a run of more than this many words without a punctuation mark is segmented at its
# discourse markers (lower: more punctuated sentences cut too).
RUN_ON_WORDS: Final = 40
# No sentence (quote) is longer than this many words: a longer one is cut (lower: shorter quotes, more
# clauses cut from the sentence that gives them their sense).
SPAN_MOST_WORDS: Final = 80
# Nor does it hold more than this many tokens, fillers and false starts counted: only a pile of fillers
# reaches it, so "um" every few words moves no cut and changes no verdict.
SPAN_MOST_TOKENS: Final = 2 * SPAN_MOST_WORDS
# A piece of a segmented sentence longer than this is cut again at a clause start when it has one.
SPAN_TARGET_WORDS: Final = 50
# No cut leaves a piece shorter than this many words (fillers and false starts not counted).
SPAN_LEAST_WORDS: Final = 5
