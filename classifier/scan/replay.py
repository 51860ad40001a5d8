"""Outputs from the catalog, in walk order: the same documents.jsonl and aggregates whether the
files were analysed now, reused from an earlier run, or resumed after a kill. Copies point at the
first copy in walk order whichever worker saw it, and masked names are made unique again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from classifier.catalog import Catalog
from classifier.inventory import Inventory
from classifier.names import MEMBER_SEPARATOR
from classifier.near_duplicates import NearDuplicateIndex
from classifier.organizations import OrganizationTable
from classifier.outputs import documents_jsonl
from classifier.records import DocumentRecord, Status


def replay(catalog: Catalog, out_dir: Path, several_roots: bool = False) -> tuple[Inventory, OrganizationTable]:
    """documents.jsonl written and the aggregates made from the catalog's records."""
    inventory = Inventory()
    organizations = OrganizationTable()
    resolver = DuplicateResolver()
    shown = ShownPaths()
    with documents_jsonl.writer(out_dir) as write:
        for root, stored in catalog.records():
            record = shown.record(root, resolver.resolve(stored))
            if several_roots:  # the same path under two roots is two documents; the contract names the root
                record = replace(record, root=root)
            inventory.add(record)
            organizations.add(record)
            write(record)
    return inventory, organizations


class DuplicateResolver:
    """Makes `duplicate_of` point at the first copy in walk order, whichever worker saw it,
    and links near-duplicates to the earliest similar document."""

    def __init__(self) -> None:
        self._first: dict[str, DocumentRecord] = {}
        self._near = NearDuplicateIndex()

    def resolve(self, record: DocumentRecord) -> DocumentRecord:
        if record.status is not Status.OK and record.size == 0:
            # A member refused unread (over a limit, a link, a failed attachment) has no bytes and
            # hashes as empty data: it is its own record, not a copy of the first such member.
            return replace(record, duplicate_of=None)
        first = self._first.get(record.content_hmac)
        if first is None:
            near_path, near_shas = self._near.add(record.content_hmac, record.path, record.near_signature)
            record = replace(record, duplicate_of=None, near_duplicate_of=near_path, near_duplicate_hmacs=near_shas)
            self._first[record.content_hmac] = record
            return record
        return replace(
            first, path=record.path, masked_path=record.masked_path, duplicate_of=first.path, depth=record.depth,
            extension_mismatch=record.extension_mismatch, on_disk_size=record.on_disk_size,
        )


class ShownPaths:
    """Paths as the outputs show them: masked (`⟨PERSON⟩.pdf`), and unique again where masking
    made two alike (`⟨PERSON⟩.pdf#2`); references to other documents follow. Only masked paths
    are remembered: a real name cannot contain `⟨`, so it never meets a masked one."""

    def __init__(self) -> None:
        self._shown: dict[tuple[str, str], str] = {}  # (root, real path) -> shown, where they differ
        self._used: set[tuple[str, str]] = set()

    def record(self, root: str, record: DocumentRecord) -> DocumentRecord:
        path = self._path(root, record)
        if path != record.path:
            self._shown[(root, record.path)] = path
        return replace(
            record, path=path, masked_path=None,
            duplicate_of=self._reference(root, record.duplicate_of),
            near_duplicate_of=self._reference(root, record.near_duplicate_of),
        )

    def _reference(self, root: str, path: str | None) -> str | None:
        return None if path is None else self._shown.get((root, path), path)

    def _path(self, root: str, record: DocumentRecord) -> str:
        masked = record.masked_path or record.path
        if MEMBER_SEPARATOR in record.path:  # below its container as the container is shown
            container = record.path.rsplit(MEMBER_SEPARATOR, 1)[0]
            candidate = (self._shown.get((root, container), container) + MEMBER_SEPARATOR
                         + masked.rsplit(MEMBER_SEPARATOR, 1)[-1])
        else:
            candidate = masked
        if candidate == record.path:
            return candidate
        shown, number = candidate, 1
        while (root, shown) in self._used:
            number += 1
            shown = f"{candidate}#{number}"
        self._used.add((root, shown))
        return shown
