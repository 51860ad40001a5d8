"""Per-document records -> the aggregate inventory, keeping no raw values.

Unique counts are sizes of sets of keyed hashes, so one address seen in forty
files counts once, and two partial inventories merge by set union.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from classifier.keyed_set import HLL_RELATIVE_ERROR, KeyedSet
from classifier.near_duplicates import count_clusters
from classifier.records import DocumentRecord
from classifier.version import __version__

SCHEMA_ID = "leakcensus.inventory/2"


@dataclass
class EntityAggregate:
    mentions: int = 0
    documents: int = 0
    keyed_hashes: KeyedSet = field(default_factory=KeyedSet)


@dataclass
class Inventory:
    files: int = 0
    documents: int = 0
    ocr_documents: int = 0  # documents some of whose text was read by OCR
    bytes_on_disk: int = 0
    document_hashes: KeyedSet = field(default_factory=KeyedSet)
    by_status: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    file_types: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    category_documents: Counter[str] = field(default_factory=Counter)
    category_hashes: dict[str, KeyedSet] = field(default_factory=lambda: defaultdict(KeyedSet))
    entities: dict[str, EntityAggregate] = field(default_factory=lambda: defaultdict(EntityAggregate))
    organizations: KeyedSet = field(default_factory=KeyedSet)
    # Full person names keyed as organisations (Findings.people_as_organizations): an
    # "organisation" that is a person's name anywhere in the scan is not counted as one.
    people_as_organizations: KeyedSet = field(default_factory=KeyedSet)
    email_domains: KeyedSet = field(default_factory=KeyedSet)
    country_hashes: dict[str, KeyedSet] = field(default_factory=lambda: defaultdict(KeyedSet))
    country_documents: Counter[str] = field(default_factory=Counter)
    earliest: str | None = None
    latest: str | None = None
    documents_by_year: Counter[str] = field(default_factory=Counter)
    near_duplicate_links: set[tuple[str, str]] = field(default_factory=set)
    secret_kinds: dict[str, KeyedSet] = field(default_factory=lambda: defaultdict(KeyedSet))

    def add(self, record: DocumentRecord) -> None:
        self.documents += 1
        if record.ocr:
            self.ocr_documents += 1
        if record.depth == 0:
            self.files += 1
            self.bytes_on_disk += record.on_disk_size if record.on_disk_size is not None else record.size
        self.document_hashes.add(record.content_hmac)
        self.near_duplicate_links |= {(record.content_hmac, other) for other in record.near_duplicate_hmacs}
        self.by_status[record.status.value] += 1
        counts = self.file_types[record.mime]
        counts[0] += 1
        counts[1] += record.size
        for category in record.categories:
            self.category_documents[category.id] += 1
            self.category_hashes[category.id].add(record.content_hmac)
        findings = record.findings
        for entity_type, tally in findings.entities.items():
            aggregate = self.entities[entity_type]
            aggregate.mentions += tally.mentions
            aggregate.documents += 1
            aggregate.keyed_hashes |= tally.keyed_hashes
        for kind, hashes in findings.secret_kinds.items():
            self.secret_kinds[kind] |= hashes
        organisation = findings.entities.get("ORGANIZATION")
        if organisation is not None:
            self.organizations |= organisation.keyed_hashes
        self.organizations |= findings.organizations_from_domains
        self.people_as_organizations |= findings.people_as_organizations
        self.email_domains |= findings.email_domains
        for country, hashes in findings.countries.items():
            self.country_hashes[country] |= hashes
            self.country_documents[country] += 1
        if record.earliest:
            self.documents_by_year[record.earliest[:4]] += 1
        self.earliest = _earliest(self.earliest, record.earliest)
        self.latest = _latest(self.latest, record.latest)

    def merge(self, other: Inventory) -> Inventory:
        """The inventory of both parts' documents (pure; associative and commutative, Inventory() is neutral).

        Exact for disjoint parts: unique counts are sizes of unions of keyed-hash sets.
        """
        merged = Inventory()
        for part in (self, other):
            merged.files += part.files
            merged.documents += part.documents
            merged.ocr_documents += part.ocr_documents
            merged.bytes_on_disk += part.bytes_on_disk
            merged.document_hashes |= part.document_hashes
            merged.near_duplicate_links |= part.near_duplicate_links
            merged.by_status.update(part.by_status)
            merged.skipped.update(part.skipped)
            for mime, (docs, size) in part.file_types.items():
                counts = merged.file_types[mime]
                counts[0] += docs
                counts[1] += size
            merged.category_documents.update(part.category_documents)
            for category, hashes in part.category_hashes.items():
                merged.category_hashes[category] |= hashes
            for entity_type, aggregate in part.entities.items():
                target = merged.entities[entity_type]
                target.mentions += aggregate.mentions
                target.documents += aggregate.documents
                target.keyed_hashes |= aggregate.keyed_hashes
            for kind, hashes in part.secret_kinds.items():
                merged.secret_kinds[kind] |= hashes
            merged.organizations |= part.organizations
            merged.people_as_organizations |= part.people_as_organizations
            merged.email_domains |= part.email_domains
            for country, hashes in part.country_hashes.items():
                merged.country_hashes[country] |= hashes
            merged.country_documents.update(part.country_documents)
            merged.earliest = _earliest(merged.earliest, part.earliest)
            merged.latest = _latest(merged.latest, part.latest)
            merged.documents_by_year.update(part.documents_by_year)
        return merged

    def organisations_that_are_people(self) -> frozenset[str]:
        """Organisation hashes that are a person's full name somewhere in the scan (exact sets only:
        past the exact bound the sketches cannot be intersected, and nothing is taken out)."""
        organisations, people = self.organizations.exact_values(), self.people_as_organizations.exact_values()
        if organisations is None or people is None:
            return frozenset()
        return frozenset(organisations & people)

    def unique_organizations(self) -> int:
        return len(self.organizations) - len(self.organisations_that_are_people())

    def secret_kinds_json(self) -> dict[str, int]:
        """Unique secrets per kind, most first: what to rotate, revoke, reissue or reset."""
        counts = {kind: len(hashes) for kind, hashes in self.secret_kinds.items()}
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def unique_counting(self) -> dict[str, object]:
        """How unique counts were made: exact, or estimated where a set outgrew the exact bound."""
        sets = [self.document_hashes, self.organizations, self.email_domains, *self.category_hashes.values(),
                *(a.keyed_hashes for a in self.entities.values()), *self.country_hashes.values(),
                *self.secret_kinds.values()]
        if all(s.is_exact for s in sets):
            return {"method": "exact"}
        return {"method": "hyperloglog above an exact bound", "relative_error": round(HLL_RELATIVE_ERROR, 4)}

    def to_json(self, scan: dict[str, object]) -> dict[str, object]:
        return {
            "schema": SCHEMA_ID,
            "tool": {"name": "leakcensus", "version": __version__},
            "scan": scan,
            "totals": {
                "files": self.files,
                "documents": self.documents,
                "bytes": self.bytes_on_disk,
                "unique_documents": len(self.document_hashes),
                "by_status": dict(sorted(self.by_status.items())),
                "skipped": dict(sorted(self.skipped.items())),
                "ocr_documents": self.ocr_documents,
            },
            "unique_counting": self.unique_counting(),
            "near_duplicates": dict(zip(("clusters", "documents"), count_clusters(self.near_duplicate_links), strict=True)),
            "file_types": {
                mime: {"documents": docs, "bytes": size} for mime, (docs, size) in sorted(self.file_types.items())
            },
            "categories": {
                category: {"documents": count, "unique_documents": len(self.category_hashes[category])}
                for category, count in sorted(self.category_documents.items())
            },
            "entities": {
                entity_type: {"mentions": agg.mentions, "documents": agg.documents, "unique": len(agg.keyed_hashes),
                              **({"kinds": self.secret_kinds_json()} if entity_type == "SECRET" and self.secret_kinds else {})}
                for entity_type, agg in sorted(self.entities.items())
            },
            "organizations": {"unique": self.unique_organizations(), "email_domains": len(self.email_domains)},
            "countries": {
                country: {"unique_entities": len(hashes), "documents": self.country_documents[country]}
                for country, hashes in sorted(self.country_hashes.items())
            },
            "dates": {
                "earliest": self.earliest,
                "latest": self.latest,
                "documents_by_year": dict(sorted(self.documents_by_year.items())),
            },
        }


def _earliest(a: str | None, b: str | None) -> str | None:
    return min(d for d in (a, b) if d) if (a or b) else None


def _latest(a: str | None, b: str | None) -> str | None:
    return max(d for d in (a, b) if d) if (a or b) else None
