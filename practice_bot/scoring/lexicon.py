"""A phrase matcher over stemmed tokens: one pass over a sentence finds every listed phrase in it.

Phrases are written in plain words ("monitored the drift"); each word is stemmed, so "monitoring drift"
matches too. A word ending in `*` matches any token starting with it (`recal*`), and `...` skips up to
four tokens ("outside ... domain" matches "outside of its domain").
"""

from __future__ import annotations

from collections.abc import Sequence

from practice_bot.scoring.text import stem, words

GAP = "..."
MAX_GAP = 4
_CACHE_LIMIT = 200_000


class Lexicon:
    def __init__(self) -> None:
        self._ids: dict[tuple[str, ...], int] = {}
        self._first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._prefixes: set[str] = set()
        self._keys: dict[str, tuple[str, ...]] = {}
        self.texts: list[str] = []

    def add(self, phrase: str) -> int:
        """Register `phrase`; returns its id (the same id for phrases that stem alike)."""
        keys: list[str] = []
        for raw in phrase.lower().split():
            if raw == GAP:
                if keys and keys[-1] != GAP:
                    keys.append(GAP)
                continue
            if raw.endswith("*"):
                for part in words(raw[:-1]):
                    keys.append(part)
                keys[-1] += "*"
                self._prefixes.add(keys[-1][:-1])
                continue
            keys.extend(stem(w) for w in words(raw))
        while keys and keys[-1] == GAP:
            keys.pop()
        if not keys or keys[0] == GAP:
            raise ValueError(f"empty phrase: {phrase!r}")
        key = tuple(keys)
        if key in self._ids:
            return self._ids[key]
        pid = len(self.texts)
        self._ids[key] = pid
        self.texts.append(phrase)
        self._first.setdefault(key[0], []).append((pid, key[1:]))
        self._keys.clear()
        return pid

    def add_all(self, phrases: str) -> frozenset[int]:
        """Register `a|b|c`; returns the ids."""
        return frozenset(self.add(p) for p in phrases.split("|") if p.strip())

    def _token_keys(self, token: str) -> tuple[str, ...]:
        keys = self._keys.get(token)
        if keys is None:
            found = [stem(token)]
            for n in range(1, len(token) + 1):
                if token[:n] in self._prefixes:
                    found.append(token[:n] + "*")
            keys = tuple(found)
            if len(self._keys) > _CACHE_LIMIT:
                self._keys.clear()
            self._keys[token] = keys
        return keys

    def _rest_matches(
        self, keyed: Sequence[tuple[str, ...]], i: int, rest: tuple[str, ...]
    ) -> bool:
        for j, key in enumerate(rest):
            if key == GAP:
                tail = rest[j + 1 :]
                return any(
                    self._rest_matches(keyed, i + skip, tail)
                    for skip in range(MAX_GAP + 1)
                    if i + skip < len(keyed)
                )
            if i >= len(keyed) or key not in keyed[i]:
                return False
            i += 1
        return True

    def match(self, tokens: Sequence[str]) -> set[int]:
        """Ids of every phrase found in `tokens` (normalised words of one sentence)."""
        keyed = [self._token_keys(t) for t in tokens]
        found: set[int] = set()
        first = self._first
        for i, keys in enumerate(keyed):
            for key in keys:
                for pid, rest in first.get(key, ()):
                    if pid not in found and (not rest or self._rest_matches(keyed, i + 1, rest)):
                        found.add(pid)
        return found
