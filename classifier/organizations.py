"""Affected organisations: per organisation the documents, people and categories it touches.

Written only when the operator asks (`--list-organizations`): organisation
domains and names identify customers, so by default only counts leave the scan.
Organisations are keyed by the same hash as the inventory's unique count
("Contoso Ltd." and contoso.com are one row); the label is the registered
email domain where one was seen, else the normalised name.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from classifier.records import DocumentRecord

COLUMNS = ("organization", "documents", "unique_documents", "people", "categories")


@dataclass
class OrganizationTable:
    labels: dict[str, str] = field(default_factory=dict)
    documents: Counter[str] = field(default_factory=Counter)
    contents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    people: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    categories: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, record: DocumentRecord) -> None:
        findings = record.findings
        named = findings.entities.get("ORGANIZATION")
        organisations = set(findings.organizations_from_domains) | (set(named.keyed_hashes) if named else set())
        self.add_labels(findings.organization_labels)
        for organisation in organisations:
            self.documents[organisation] += 1
            self.contents[organisation].add(record.content_hmac)
            self.people[organisation] |= findings.people_by_organization.get(organisation, frozenset())
            self.categories[organisation] |= {c.id for c in record.categories}

    def add_labels(self, labels: Iterable[tuple[str, str]]) -> None:
        """A registered domain (contoso.com) beats a name (contoso) as an organisation's label."""
        for organisation, label in labels:
            if organisation not in self.labels or ("." in label and "." not in self.labels[organisation]):
                self.labels[organisation] = label

    def write_csv(self, path: Path, people: frozenset[str] = frozenset()) -> int:
        """One row per organisation, leaving out those that are a person's name elsewhere (`people`)."""
        rows = sorted((o for o in self.documents if o not in people),
                      key=lambda o: (-self.documents[o], self.labels.get(o, "")))
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for organisation in rows:
                writer.writerow([
                    self.labels.get(organisation, "(unlabelled)"),
                    self.documents[organisation],
                    len(self.contents[organisation]),
                    len(self.people[organisation]),
                    ";".join(sorted(self.categories[organisation])),
                ])
        return len(rows)
