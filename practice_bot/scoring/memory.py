"""What an offline scorer remembers between answers, in one place.

Reading a sentence (its words' keys, the phrases it names, its marks) is the scorer's main cost, and
the same sentences recur: a transcript rescored, an answer scored again after an edit, the same word in
every answer. Each OfflineScorer owns one Memory; every table is bounded (cleared when full), and
`forget_sentences` empties the sentence table (for measuring speed on text never seen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from practice_bot.scoring.analysis import Facts
    from practice_bot.scoring.lexicon import Keys, Lexicon

WORDS_LIMIT: Final = 200_000  # distinct words remembered (a few MB)
SENTENCES_LIMIT: Final = 4096  # sentences remembered: a rescored transcript, an answer scored twice

# A sentence's facts depend on its text, on the criteria scored together (by id) and on the phrases
# the rules hold (their count: ConceptBook.version).
SentenceKey = tuple[tuple[str, ...], int, str]


class Memory:
    def __init__(self) -> None:
        self.word_keys: dict[str, Keys] = {}  # a word -> its keys in the rules' lexicon
        self.sentences: dict[SentenceKey, Facts] = {}  # what a sentence's text says

    def keys(self, lexicon: Lexicon, word: str) -> Keys:
        """`lexicon.keys(word)`, remembered (one lexicon per scorer: the rules' own)."""
        got = self.word_keys.get(word)
        if got is None:
            if len(self.word_keys) >= WORDS_LIMIT:
                self.word_keys.clear()
            got = self.word_keys[word] = lexicon.keys(word)
        return got

    def remember(self, key: SentenceKey, facts: Facts) -> None:
        if len(self.sentences) >= SENTENCES_LIMIT:
            self.sentences.clear()
        self.sentences[key] = facts

    def forget_sentences(self) -> None:
        self.sentences.clear()
