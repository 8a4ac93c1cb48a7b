"""A phrase matcher over stemmed words: one pass over a sentence finds every listed phrase in it.

Phrases are written in plain words ("monitored the drift"); each word is stemmed, so "monitoring drift"
matches too. A word ending in `*` matches any word starting with it (`recal*`), and `...` skips up to
four words ("outside ... domain" matches "outside of its domain"). docs/scoring.md describes the
language for rule writers.

A phrase is stored as its *keys*: the stems of its words, `prefix*` for a starred word, and GAP for
`...`. A sentence's word is read as its keys too: its stem, and `prefix*` for every registered prefix it
starts with (`Lexicon.keys`). A phrase is found at position i when its first key is one of word i's
keys and each following key is one of the next word's (a GAP letting up to MAX_GAP words pass).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from practice_bot.scoring.text import stem, words

GAP: Final = "..."
MAX_GAP: Final = 4

Keys = tuple[str, ...]


def _follows(keyed: Sequence[Keys], i: int, rest: Keys) -> bool:
    """Whether the keys `rest` match the words from position i on (`keyed[j]`: word j's keys)."""
    for j, key in enumerate(rest):
        if key == GAP:
            after, tail = rest[j + 1], rest[j + 2 :]
            return any(
                after in keyed[at] and _follows(keyed, at + 1, tail)
                for at in range(i, min(len(keyed), i + MAX_GAP + 1))
            )
        if i >= len(keyed) or key not in keyed[i]:
            return False
        i += 1
    return True


class Lexicon:
    """Phrases, each with an id (phrases that stem alike share one), indexed by their first key."""

    def __init__(self) -> None:
        self.texts: list[str] = []  # each id's phrase, as first written
        self._ids: dict[Keys, int] = {}
        self._starting: dict[str, list[tuple[int, Keys]]] = {}  # first key -> (id, the other keys)
        self._prefixes: set[str] = set()  # of the `prefix*` words, without the star

    @staticmethod
    def phrase_keys(phrase: str) -> Keys:
        """The keys of `phrase`; ValueError when it has none the matcher can use."""
        keys: list[str] = []
        for raw in phrase.lower().split():
            if raw == GAP:
                if keys and keys[-1] != GAP:
                    keys.append(GAP)
            elif raw.endswith("*"):
                parts = words(raw[:-1])
                if not parts:
                    raise ValueError(f"a '*' without a word: {phrase!r}")
                keys.extend(parts[:-1])
                keys.append(parts[-1] + "*")
            else:
                keys.extend(stem(w) for w in words(raw))
        while keys and keys[-1] == GAP:
            keys.pop()
        if not keys or keys[0] == GAP:
            raise ValueError(f"empty phrase: {phrase!r}")
        return tuple(keys)

    def add(self, phrase: str) -> int:
        """Register `phrase`; returns its id (the same id for phrases that stem alike)."""
        keys = self.phrase_keys(phrase)
        if keys in self._ids:
            return self._ids[keys]
        pid = len(self.texts)
        self.texts.append(phrase)
        self._insert(keys, pid)
        return pid

    def _insert(self, keys: Keys, pid: int) -> None:
        self._ids[keys] = pid
        self._prefixes.update(k[:-1] for k in keys if k.endswith("*"))
        self._starting.setdefault(keys[0], []).append((pid, keys[1:]))

    def subset(self, pids: frozenset[int]) -> Lexicon:
        """A lexicon of just the phrases `pids`, with the same ids and the same word keys: it finds
        exactly the phrases of `pids` this one finds, with fewer to try at each word."""
        sub = Lexicon()
        sub.texts = list(self.texts)
        sub._prefixes = set(self._prefixes)
        for keys, pid in self._ids.items():
            if pid in pids:
                sub._ids[keys] = pid
                sub._starting.setdefault(keys[0], []).append((pid, keys[1:]))
        return sub

    def keys(self, word: str) -> Keys:
        """A sentence word's keys: its stem, then `prefix*` for each registered prefix it starts with."""
        return (
            stem(word),
            *(word[:n] + "*" for n in range(1, len(word) + 1) if word[:n] in self._prefixes),
        )

    def match(self, keyed: Sequence[Keys]) -> set[int]:
        """Ids of every phrase found in a sentence whose words' keys are `keyed` (see `keys`)."""
        found: set[int] = set()
        for i, word_keys in enumerate(keyed):
            for key in word_keys:
                for pid, rest in self._starting.get(key, ()):
                    if pid not in found and _follows(keyed, i + 1, rest):
                        found.add(pid)
        return found
