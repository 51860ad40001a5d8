"""Orchestration: walk the roots, analyse what changed (in this process or a pool), write outputs.

Every regular file under a root yields exactly one top-level record, whatever
happens to it; container members follow their container. Each analysed file
is committed to the catalog on its own, so a killed scan resumes where it
stopped; outputs are always replayed from the catalog in walk order, so a
rescan, a resumed scan and a fresh scan of the same files write the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from classifier.analyze import DocumentAnalyzer
from classifier.catalog import CATALOG_NAME, Catalog
from classifier.extract.limits import Limits
from classifier.inventory import Inventory
from classifier.near_duplicates import NearDuplicateIndex
from classifier.organizations import OrganizationTable
from classifier.pii.engine import DEFAULT_SPACY_MODEL, require_spacy_model
from classifier.pii.keyed_hash import key_fingerprint, load_or_create_key
from classifier.progress import ScanProgress
from classifier.records import DocumentRecord, FileEntry, Findings, Status
from classifier.report.html import render_report
from classifier.walk import walk_roots

HASH_CHUNK = 1 << 20
ORGANIZATIONS_CSV = "organizations.csv"


@dataclass(frozen=True)
class ScanOptions:
    roots: tuple[Path, ...]
    out_dir: Path
    workers: int = 1
    key_file: Path | None = None
    spacy_model: str = DEFAULT_SPACY_MODEL
    limits: Limits = field(default_factory=Limits)
    list_organizations: bool = False


@dataclass(frozen=True)
class ScanResult:
    inventory: dict[str, object]
    out_dir: Path


class ScanError(Exception):
    """The scan itself cannot run (operator error); reported as one line."""


def analyze_entry(analyzer: DocumentAnalyzer, entry: FileEntry) -> list[DocumentRecord]:
    limits = analyzer.limits
    if entry.size > limits.max_file_bytes:
        return [_too_large(entry)]
    try:
        data = entry.abs_path.read_bytes()
    except OSError as exc:
        return [analyzer.problem_record(entry.rel_path, b"", Status.ERROR, f"unreadable: {exc.strerror}", 0)]
    records = analyzer.analyze_bytes(data, entry.rel_path)
    records[0] = replace(records[0], on_disk_size=entry.size)
    return records


def _too_large(entry: FileEntry) -> DocumentRecord:
    return DocumentRecord(
        path=entry.rel_path, size=entry.size, sha256=file_sha256(entry.abs_path), mime="application/octet-stream",
        extension_mismatch=False, status=Status.TOO_LARGE, error="max_file_bytes", language=None, earliest=None,
        latest=None, categories=(), findings=Findings(), duplicate_of=None, depth=0, on_disk_size=entry.size,
    )


# -- worker processes ------------------------------------------------------

_worker_analyzer: DocumentAnalyzer | None = None


def _init_worker(key: bytes, spacy_model: str, limits: Limits, keep_org_labels: bool) -> None:
    global _worker_analyzer
    _worker_analyzer = DocumentAnalyzer(key, spacy_model, limits, keep_org_labels=keep_org_labels)


def _worker_analyze(item: tuple[int, FileEntry]) -> tuple[int, FileEntry, list[DocumentRecord]]:
    assert _worker_analyzer is not None, "worker not initialised"
    file_seq, entry = item
    return file_seq, entry, analyze_entry(_worker_analyzer, entry)


def _analysed(
    options: ScanOptions, key: bytes, work: list[tuple[int, FileEntry]]
) -> Iterator[tuple[int, FileEntry, list[DocumentRecord]]]:
    """(walk index, file, its records) for each file to analyse, in completion order.

    Order does not matter here: outputs are replayed from the catalog in walk
    order, so a pool can hand back small files while a large one is still running.
    """
    if options.workers <= 1 or len(work) <= 1:
        if not work:
            return
        analyzer = DocumentAnalyzer(key, options.spacy_model, options.limits, keep_org_labels=options.list_organizations)
        for file_seq, entry in work:
            yield file_seq, entry, analyze_entry(analyzer, entry)
        return
    context = multiprocessing.get_context("spawn")
    initargs = (key, options.spacy_model, options.limits, options.list_organizations)
    with context.Pool(min(options.workers, len(work)), _init_worker, initargs) as pool:
        yield from pool.imap_unordered(_worker_analyze, work, chunksize=1)


class DuplicateResolver:
    """Makes `duplicate_of` point at the first copy in walk order, whichever worker saw it,
    and links near-duplicates to the earliest similar document."""

    def __init__(self) -> None:
        self._first: dict[str, DocumentRecord] = {}
        self._near = NearDuplicateIndex()

    def resolve(self, record: DocumentRecord) -> DocumentRecord:
        first = self._first.get(record.sha256)
        if first is None:
            near_path, near_shas = self._near.add(record.sha256, record.path, record.near_signature)
            record = replace(record, duplicate_of=None, near_duplicate_of=near_path, near_duplicate_sha256s=near_shas)
            self._first[record.sha256] = record
            return record
        return replace(
            first, path=record.path, duplicate_of=first.path, depth=record.depth,
            extension_mismatch=record.extension_mismatch, on_disk_size=record.on_disk_size,
        )


def run_scan(options: ScanOptions, progress: ScanProgress | None = None) -> ScanResult:
    for root in options.roots:
        if not root.exists() and not root.is_symlink():
            raise ScanError(f"root does not exist: {root}")
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        probe = options.out_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ScanError(f"output directory not writable: {options.out_dir} ({exc.strerror})") from None
    require_spacy_model(options.spacy_model)
    key = load_or_create_key(options.key_file, options.out_dir)
    started = datetime.now(UTC)
    skipped: Counter[str] = Counter()
    entries = walk_roots(list(options.roots), skipped, frozenset({options.out_dir.resolve()}))
    fingerprint = key_fingerprint(key)
    labels: list[tuple[str, str]] = []
    with Catalog(options.out_dir / CATALOG_NAME) as catalog:
        catalog.bind_key(fingerprint)
        scan_id = catalog.begin_scan()
        # Organisation labels are never catalogued, so a scan that lists them analyses everything anew.
        reuse = not options.list_organizations
        work: list[tuple[int, FileEntry]] = []
        reused = 0
        for file_seq, entry in enumerate(entries):
            if reuse and unchanged(catalog, entry):
                catalog.confirm_file(scan_id, file_seq, entry.root, entry.rel_path)
                reused += 1
            else:
                work.append((file_seq, entry))
        progress = progress or ScanProgress()
        with progress:
            progress.start(len(work), sum(entry.size for _, entry in work))
            for file_seq, entry, records in _analysed(options, key, work):
                catalog.store_file(scan_id, file_seq, entry.root, entry.rel_path, entry.mtime_ns, records)
                progress.advance(entry.size, records)
                for record in records:
                    labels.extend(record.findings.organization_labels)
        removed = catalog.finish_scan(scan_id)
        inventory, organizations = replay(catalog, options.out_dir / "documents.jsonl")
    inventory.skipped.update(skipped)
    scan_meta: dict[str, object] = {
        "roots": [str(root) for root in options.roots],
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "key_fingerprint": fingerprint,
        "spacy_model": options.spacy_model,
        "files_analysed": len(work),
        "files_unchanged": reused,
        "files_removed": removed,
    }
    inventory_json = write_outputs(options.out_dir, inventory, scan_meta)
    organizations_csv = options.out_dir / ORGANIZATIONS_CSV
    if options.list_organizations:
        organizations.add_labels(labels)
        organizations.write_csv(organizations_csv)
    elif organizations_csv.exists():
        organizations_csv.unlink()  # an earlier run's list must not outlive a scan that was not asked for one
    return ScanResult(inventory_json, options.out_dir)


def unchanged(catalog: Catalog, entry: FileEntry) -> bool:
    """Same size, mtime and content as when last catalogued (the hash settles what mtime suggests)."""
    state = catalog.file_state(entry.root, entry.rel_path)
    if state is None:
        return False
    size, mtime_ns, sha256 = state
    if size != entry.size or mtime_ns != entry.mtime_ns:
        return False
    try:
        return file_sha256(entry.abs_path) == sha256
    except OSError:
        return False


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def replay(catalog: Catalog, documents_path: Path) -> tuple[Inventory, OrganizationTable]:
    """documents.jsonl and the aggregates from the catalog, in walk order: the same result
    whether the files were analysed now, reused from an earlier run, or resumed after a kill."""
    inventory = Inventory()
    organizations = OrganizationTable()
    resolver = DuplicateResolver()
    partial_path = documents_path.with_suffix(".jsonl.partial")
    with partial_path.open("w", encoding="utf-8") as documents:
        for _root, stored in catalog.records():
            record = resolver.resolve(stored)
            inventory.add(record)
            organizations.add(record)
            documents.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    os.replace(partial_path, documents_path)
    return inventory, organizations


def write_outputs(out_dir: Path, inventory: Inventory, scan_meta: dict[str, object]) -> dict[str, object]:
    inventory_json = inventory.to_json(scan_meta)
    write_json(out_dir / "inventory.json", inventory_json)
    (out_dir / "report.html").write_text(render_report(inventory_json), encoding="utf-8")
    return inventory_json


def write_json(path: Path, value: object) -> None:
    temporary = path.with_suffix(path.suffix + ".partial")
    temporary.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)

