"""Cue phrases of the category model, matched on words rather than with one big regex.

Phrases come from `classifier/categories/categories.json` (per category, tier and language)
and match whole lower-cased words: "invoice" matches "Invoice:" but not
"invoiced", and accents do not count ("resume" is "résumé"). A final `*` lets the last word end in anything ("bestell*"), a
leading `*` lets a one-word phrase sit anywhere in a word ("*vertrag" in
"Liefervertrag"), for German compounds. At each word the longest phrase wins
and matching resumes after it, so "purchase order number" is one cue.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")
MIN_PREFIX = 3  # a "*" phrase needs this many letters before the star


def fold(text: str) -> str:
    """Lower case without accents, so "direccion_ip" meets "dirección IP" and "resume" meets "résumé"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: which category and tier it speaks for, and the phrase as the model writes it."""

    category: str
    tier: str
    phrase: str


@dataclass(frozen=True)
class _Entry:
    rest: tuple[str, ...]  # the words after the first
    last_prefix: bool  # the last word only has to start with its letters
    cues: tuple[Cue, ...]

    def fits(self, tokens: Sequence[str], start: int) -> bool:
        end = start + 1 + len(self.rest)
        if end > len(tokens):
            return False
        for offset, word in enumerate(self.rest):
            token = tokens[start + 1 + offset]
            last = offset == len(self.rest) - 1
            if not (token.startswith(word) if last and self.last_prefix else token == word):
                return False
        return True


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    cues: tuple[Cue, ...]


class PhraseMatcher:
    """Finds lexicon phrases in a list of words; built once per process from the model."""

    def __init__(self, entries: Iterable[tuple[str, Cue]]) -> None:
        grouped: dict[tuple[str, tuple[str, ...]], list[Cue]] = defaultdict(list)
        for phrase, cue in entries:
            raw = fold(phrase.strip())
            kind = "infix" if raw.startswith("*") else "prefix" if raw.endswith("*") else "exact"
            key = tuple(words(raw))
            if not key or (kind != "exact" and len(key[-1]) < MIN_PREFIX):
                continue
            if kind == "infix" and len(key) > 1:
                kind = "exact"  # a leading star only means something on a one-word phrase
            grouped[(kind, key)].append(cue)
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        self._prefix: dict[str, tuple[Cue, ...]] = {}
        self._infix: list[tuple[str, tuple[Cue, ...]]] = []
        for (kind, key), cues in grouped.items():
            unique = tuple(dict.fromkeys(cues))
            if kind == "infix":
                self._infix.append((key[0], unique))
            elif kind == "prefix" and len(key) == 1:
                self._prefix[key[0]] = unique
            else:
                self._exact[key[0]].append(_Entry(tuple(key[1:]), kind == "prefix", unique))
        for candidates in self._exact.values():
            candidates.sort(key=lambda e: -len(e.rest))
        self._infix.sort(key=lambda item: -len(item[0]))

    def find(self, tokens: Sequence[str]) -> Iterator[Match]:
        index = 0
        while index < len(tokens):
            found = self._at(tokens, index)
            if found is None:
                index += 1
                continue
            yield found
            index = found.end

    def _at(self, tokens: Sequence[str], index: int) -> Match | None:
        token = tokens[index]
        for entry in self._exact.get(token, ()):
            if entry.fits(tokens, index):
                return Match(index, index + 1 + len(entry.rest), entry.cues)
        for length in range(len(token), MIN_PREFIX - 1, -1):
            cues = self._prefix.get(token[:length])
            if cues is not None:
                return Match(index, index + 1, cues)
        for infix, cues in self._infix:
            if infix in token:
                return Match(index, index + 1, cues)
        return None


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of the model: category phrases, table headers, and letter/contract shapes."""

    categories: tuple[str, ...]
    phrases: PhraseMatcher  # title and term tiers
    headers: PhraseMatcher
    shapes: PhraseMatcher  # salutations, closings, signing labels (category "", tier = the shape)


TIERS = ("title", "term")
STOP = "stop"  # phrases matched only so that the words inside them are not cues ("ligne de commande")


def _per_language(lists: Mapping[str, Sequence[str]]) -> Iterator[str]:
    for phrases in lists.values():
        yield from phrases


def load_lexicon(taxonomy: Sequence[str], lexicon: Mapping[str, Mapping[str, Mapping[str, Sequence[str]]]],
                 shapes: Mapping[str, Mapping[str, Sequence[str]]], stop: Mapping[str, Sequence[str]]) -> Lexicon:
    phrase_entries: list[tuple[str, Cue]] = [(p, Cue("", STOP, p)) for p in _per_language(stop)]
    header_entries: list[tuple[str, Cue]] = []
    for category in taxonomy:
        tiers = lexicon.get(category, {})
        for tier in TIERS:
            phrase_entries.extend((p, Cue(category, tier, p)) for p in _per_language(tiers.get(tier, {})))
        header_entries.extend((p, Cue(category, "header", p)) for p in _per_language(tiers.get("header", {})))
    shape_entries = [(p, Cue("", shape, p)) for shape, lists in shapes.items() for p in _per_language(lists)]
    return Lexicon(tuple(taxonomy), PhraseMatcher(phrase_entries), PhraseMatcher(header_entries),
                   PhraseMatcher(shape_entries))
