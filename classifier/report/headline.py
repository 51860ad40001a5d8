"""The figures people quote first, in the order a responder escalates them (#19).

Sensitive identifiers come first (secrets, SSNs, IBANs, card numbers: the entity types whose
folder weight marks them as such), then documents of the sensitive categories, then people,
e-mail addresses, phone numbers, organisations and countries. Each identifier figure names the
documents that contribute most to it, so one outlier (a random-data JSON that supplies 29,803 of
31,047 addresses) is visible next to the number it inflates. Paths are those of documents.jsonl
(masked); nothing here reads a value.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from classifier.pii.entity_types import BY_NAME, FOLDER_SCORES

# An identifier worth this much per value in a folder's score is sensitive on its own (table: SECRET 10,
# US_SSN 8, IBAN_CODE and CREDIT_CARD 5; people and contacts 1).
SENSITIVE_WEIGHT = 5
SENSITIVE_ENTITIES: tuple[str, ...] = tuple(t for t, score in FOLDER_SCORES.items() if score.weight >= SENSITIVE_WEIGHT)
SENSITIVE_CATEGORIES = (("credentials", "credential documents"), ("personnel", "personnel records"),
                        ("financial", "financial documents"))
CONTACT_ENTITIES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER")
IDENTIFIER_TYPES = (*SENSITIVE_ENTITIES, *CONTACT_ENTITIES)
TOP_SOURCES = 3
# A figure "comes mostly from one document" when one document holds at least this share of it.
OUTLIER_SHARE = 0.5
OUTLIER_MINIMUM = 20  # below this a single rich document (a contact sheet) is normal, not an outlier


@dataclass(frozen=True)
class Source:
    path: str
    count: int  # the document's unique values of the figure's type


@dataclass(frozen=True)
class Figure:
    key: str  # an entity type, `category:<id>`, `organizations` or `countries`
    label: str
    value: int
    sensitive: bool
    sources: tuple[Source, ...] = ()  # the documents contributing most, largest first
    kinds: tuple[tuple[str, int], ...] = ()  # secrets by kind (cloud keys, private keys, passwords, tokens)

    def kinds_text(self, separator: str = ", ") -> str:
        """"cloud keys 6, tokens 3": the figure's kinds, or "" when it has none."""
        return separator.join(f"{kind} {count:,}" for kind, count in self.kinds)

    @property
    def text(self) -> str:
        """"16 secrets (cloud keys 6, tokens 3, …)": the figure with its kinds."""
        return f"{self.value:,} {self.label}" + (f" ({self.kinds_text()})" if self.kinds else "")

    @property
    def outlier(self) -> Source | None:
        """The one document that supplies most of this figure, when there is one."""
        if self.value >= OUTLIER_MINIMUM and self.sources and self.sources[0].count >= OUTLIER_SHARE * self.value:
            return self.sources[0]
        return None

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "label": self.label, "value": self.value, "sensitive": self.sensitive,
                **({"kinds": dict(self.kinds)} if self.kinds else {}),
                "top_documents": [{"path": s.path, "unique": s.count} for s in self.sources]}


def entity_label(entity_type: str) -> str:
    return BY_NAME[entity_type].label


class SourceTally:
    """Per entity type, the `limit` documents with the most unique values of it, fed one record at a
    time (a large scan's records need not fit in memory). Copies (`duplicate_of`) are left out: they
    add nothing the original did not."""

    def __init__(self, types: Iterable[str] = IDENTIFIER_TYPES, limit: int = TOP_SOURCES) -> None:
        self._limit = limit
        self._heaps: dict[str, list[tuple[int, int, str]]] = {t: [] for t in types}
        self._order = 0

    def add(self, document: Mapping[str, Any]) -> None:
        self._order += 1
        if document.get("duplicate_of"):
            return
        for entity_type, counts in (document.get("entities") or {}).items():
            heap = self._heaps.get(entity_type)
            count = int(counts.get("unique", 0))
            if heap is None or count <= 0:
                continue
            item = (count, -self._order, str(document["path"]))  # ties go to the earlier document
            if len(heap) < self._limit:
                heapq.heappush(heap, item)
            else:
                heapq.heappushpop(heap, item)

    def sources(self) -> dict[str, tuple[Source, ...]]:
        return {t: tuple(Source(path, count) for count, _, path in sorted(heap, reverse=True))
                for t, heap in self._heaps.items()}


def headline(inventory: Mapping[str, Any], sources: Mapping[str, tuple[Source, ...]] | None = None) -> list[Figure]:
    """The headline figures in order; with a SourceTally's sources, each identifier figure's top documents."""
    entities = inventory["entities"]
    sources = sources or {}

    def unique(entity_type: str) -> int:
        return int(entities.get(entity_type, {}).get("unique", 0))

    figures = [Figure(t, entity_label(t), unique(t), True, sources.get(t, ()),
                      tuple((str(k), int(n)) for k, n in entities.get(t, {}).get("kinds", {}).items()))
               for t in SENSITIVE_ENTITIES]
    figures += [Figure(f"category:{category}", label,
                       int(inventory["categories"].get(category, {}).get("unique_documents", 0)), True)
                for category, label in SENSITIVE_CATEGORIES]
    figures += [Figure(t, entity_label(t), unique(t), False, sources.get(t, ())) for t in CONTACT_ENTITIES]
    figures += [Figure("organizations", "organisations", int(inventory["organizations"]["unique"]), False),
                Figure("countries", "countries", len(inventory["countries"]), False)]
    return figures


def headline_of_scan(inventory: Mapping[str, Any], documents: Iterable[Mapping[str, Any]]) -> list[Figure]:
    """The figures of a finished scan, with their sources from its documents.jsonl records."""
    tally = SourceTally()
    for document in documents:
        tally.add(document)
    return headline(inventory, tally.sources())


def summary_lines(figures: Iterable[Figure]) -> list[str]:
    """The CLI's first lines: sensitive figures, then people and contacts, then any outlier."""
    figures = list(figures)
    lines = ["sensitive: " + ", ".join(f"{f.label} {f.value:,}" + (f" ({f.kinds_text()})" if f.kinds else "")
                                       for f in figures if f.sensitive),
             "unique: " + ", ".join(f"{f.label} {f.value:,}" for f in figures if not f.sensitive)]
    for figure in figures:
        if (source := figure.outlier) is not None:
            lines.append(f"note: {source.count:,} of {figure.value:,} {figure.label} come from one document: {source.path}")
    return lines
