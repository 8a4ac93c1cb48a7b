"""A phrase matcher over stemmed tokens: one pass over a sentence finds every listed phrase in it.

Phrases are written in plain words ("monitored the drift"); each word is stemmed, so "monitoring drift"
matches too. A word ending in `*` matches any token starting with it (`recal*`), and `...` skips up to
four tokens ("outside ... domain" matches "outside of its domain").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from practice_bot.scoring.text import stem, word_set, words

GAP: Final = "..."
MAX_GAP: Final = 4
_CACHE_LIMIT: Final = 200_000


# A phrase of two or more words is looked up at its first word, unless that is a common word: then at
# its first word that is not ("the impact", "in the top"), looking back. So common words, most of a
# sentence, rarely start a lookup.
_COMMON: Final = frozenset(
    map(
        stem,
        word_set(
            "the a an in of to for on with by and or we i our my it is was be that this at as from "
            "not no how what were are have had has did do so us they them their you your me which "
            "who when where if then than all"
        ),
    )
)

# (id, the keys after the first two, the third key when it is the last and no gap, else None)
_Pair = tuple[int, tuple[str, ...], str | None]
# (id, the keys before the previous one, the keys after this one, the next key when it is the last
# and no gap, else None)
_Back = tuple[int, tuple[str, ...], tuple[str, ...], str | None]


class _Links:
    """The phrases of two or more words looked up at a token."""

    __slots__ = ("back", "gapped", "pairs")

    def __init__(
        self,
        pairs: dict[str, list[_Pair]] | None,  # next key -> phrases starting at this token
        back: dict[str, list[_Back]] | None,  # previous key -> phrases looked up at this token
        gapped: tuple[tuple[int, tuple[str, ...]], ...],  # "a ... b" phrases starting here
    ) -> None:
        self.pairs = pairs
        self.back = back
        self.gapped = gapped


class _Info:
    """What the lexicon knows of a token (a class, not a tuple: compiled with mypyc, reading its
    fields costs no boxing or type checks)."""

    __slots__ = ("keys", "links", "singles", "stem")

    def __init__(
        self,
        keys: tuple[str, ...],  # the stem, then any registered prefixes ("recal*")
        singles: tuple[int, ...],  # one-word phrases the token is
        links: _Links | None,  # None when no longer phrase is looked up at this token
        stem: str,
    ) -> None:
        self.keys = keys
        self.singles = singles
        self.links = links
        self.stem = stem


def _anchor(key: tuple[str, ...]) -> int:
    """Where a phrase is looked up: at its first key that is not a common word, when that comes
    before any gap; else 0, at its first key."""
    for m, k in enumerate(key):
        if k == GAP:
            return 0
        if k not in _COMMON:
            return m
    return 0


class _Infos(dict[str, _Info]):
    """Infos by token; a missing one is computed (and kept) by `make`."""

    def __init__(self, make: Callable[[str], _Info]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, token: str) -> _Info:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        info = self[token] = self.make(token)
        return info


class Lexicon:
    def __init__(self) -> None:
        self._ids: dict[tuple[str, ...], int] = {}
        self._single: dict[str, list[int]] = {}  # one-word phrases by their key
        # phrases of two or more words, by first key, then second key (or by second key, then first)
        self._pairs: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]] = {}
        # phrases opening with common words, by their first other key, then the key before it
        self._back: dict[str, dict[str, list[tuple[int, tuple[str, ...], tuple[str, ...]]]]] = {}
        self._gapped: dict[str, list[tuple[int, tuple[str, ...]]]] = {}  # "a ... b" by first key
        self._prefixes: set[str] = set()
        self._longest = 0  # length of the longest prefix
        self._keys = _Infos(self._info)
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
                keys.extend(words(raw[:-1]))
                keys[-1] += "*"
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
        self.texts.append(phrase)
        self._insert(key, pid)
        return pid

    def _insert(self, key: tuple[str, ...], pid: int) -> None:
        self._ids[key] = pid
        for k in key:
            if k.endswith("*"):
                self._prefixes.add(k[:-1])
                self._longest = max(self._longest, len(k) - 1)
        if len(key) == 1:
            self._single.setdefault(key[0], []).append(pid)
        elif key[1] == GAP:
            self._gapped.setdefault(key[0], []).append((pid, key[1:]))
        elif key[0] in _COMMON and (a := _anchor(key)):
            self._back.setdefault(key[a], {}).setdefault(key[a - 1], []).append(
                (pid, key[: a - 1], key[a + 1 :])
            )
        else:
            self._pairs.setdefault(key[0], {}).setdefault(key[1], []).append((pid, key[2:]))
        self._keys.clear()

    def subset(self, pids: frozenset[int]) -> Lexicon:
        """A lexicon of just the phrases `pids`, with the same ids: it finds exactly the phrases of
        `pids` this one finds, faster, as fewer phrases start at each word."""
        sub = Lexicon()
        sub.texts = list(self.texts)
        for key, pid in self._ids.items():
            if pid in pids:
                sub._insert(key, pid)
        return sub

    def add_all(self, phrases: str) -> frozenset[int]:
        """Register `a|b|c`; returns the ids."""
        return frozenset(self.add(p) for p in phrases.split("|") if p.strip())

    def _info(self, token: str) -> _Info:
        """Keys of a token and the phrases that can start at it (cached per token by `_keys`)."""
        keys = [stem(token)]
        keys.extend(
            token[:n] + "*"
            for n in range(1, min(len(token), self._longest) + 1)
            if token[:n] in self._prefixes
        )
        singles = tuple(pid for k in keys for pid in self._single.get(k, ()))
        pairs = self._linked(keys, self._pairs)
        back: dict[str, list[_Back]] = {}
        for k in keys:
            for k0, lst in self._back.get(k, {}).items():
                back.setdefault(k0, []).extend(
                    (pid, before, rest, rest[0] if len(rest) == 1 and rest[0] != GAP else None)
                    for pid, before, rest in lst
                )
        gapped = tuple(item for k in keys for item in self._gapped.get(k, ()))
        links = _Links(pairs, back or None, gapped) if pairs or back or gapped else None
        return _Info(tuple(keys), singles, links, keys[0])

    @staticmethod
    def _linked(
        keys: list[str], index: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]]
    ) -> dict[str, list[_Pair]] | None:
        out: dict[str, list[_Pair]] = {}
        for k in keys:
            for k1, lst in index.get(k, {}).items():
                out.setdefault(k1, []).extend(
                    (pid, rest, rest[0] if len(rest) == 1 and rest[0] != GAP else None)
                    for pid, rest in lst
                )
        return out or None

    def _rest_matches(
        self, keyed: Sequence[tuple[str, ...]], i: int, rest: tuple[str, ...]
    ) -> bool:
        n = len(keyed)
        for j, key in enumerate(rest):
            if key == GAP:
                nxt, tail = rest[j + 1], rest[j + 2 :]
                for at in range(i, min(n, i + MAX_GAP + 1)):
                    if nxt in keyed[at] and (not tail or self._rest_matches(keyed, at + 1, tail)):
                        return True
                return False
            if i >= n or key not in keyed[i]:
                return False
            i += 1
        return True

    def match(self, tokens: list[str]) -> tuple[set[int], list[str]]:
        """Ids of every phrase found in `tokens` (normalised words of one sentence), and their stems."""
        table = self._keys
        infos = [table[t] for t in tokens]
        keyed = [info.keys for info in infos]
        n = len(keyed)
        found: set[int] = set()
        rest_matches = self._rest_matches
        for i, info in enumerate(infos, 1):  # i: the index of the next token
            singles = info.singles
            links = info.links
            if singles:
                found.update(singles)
            if links is None:
                continue
            pairs = links.pairs
            back = links.back
            gapped = links.gapped
            if pairs is not None and i < n:
                for nxt in keyed[i]:
                    starting = pairs.get(nxt)
                    if starting:
                        for pid, rest, third in starting:
                            if pid in found:
                                continue
                            if not rest:
                                found.add(pid)
                            elif third is not None:
                                if i + 1 < n and third in keyed[i + 1]:
                                    found.add(pid)
                            elif rest_matches(keyed, i + 1, rest):
                                found.add(pid)
            if back is not None and i >= 2:  # the phrase's first uncommon word is this token
                for prv in keyed[i - 2]:
                    looked_back = back.get(prv)
                    if looked_back:
                        for pid, before, rest, third in looked_back:
                            if pid in found:
                                continue
                            if before:
                                at = i - 2 - len(before)
                                if at < 0 or not all(
                                    k in keyed[at + m] for m, k in enumerate(before)
                                ):
                                    continue
                            if not rest:
                                found.add(pid)
                            elif third is not None:
                                if i < n and third in keyed[i]:
                                    found.add(pid)
                            elif rest_matches(keyed, i, rest):
                                found.add(pid)
            if gapped:
                for pid, rest in gapped:
                    if pid not in found and rest_matches(keyed, i, rest):
                        found.add(pid)
        return found, [info.stem for info in infos]
