"""Affected organisations: per organisation the documents, people and categories it touches.

Written only when the operator asks (`--list-organizations`): organisation
domains and names identify customers, so by default only counts leave the scan.
Organisations are keyed by the same hash as the inventory's unique count
("Contoso Ltd." and contoso.com are one row); the label is the registered
email domain where one was seen, else the normalised name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

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

    def rows(self, people: frozenset[str] = frozenset()) -> list[tuple[str, int, int, int, str]]:
        """One row per organisation (COLUMNS), most documents first, leaving out those that are a
        person's name elsewhere (`people`)."""
        names = sorted((o for o in self.documents if o not in people),
                       key=lambda o: (-self.documents[o], self.labels.get(o, "")))
        return [(self.labels.get(organisation, "(unlabelled)"), self.documents[organisation],
                 len(self.contents[organisation]), len(self.people[organisation]),
                 ";".join(sorted(self.categories[organisation]))) for organisation in names]
