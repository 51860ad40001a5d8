"""A scan: check → plan → analyse → replay → write.

Every regular file under a root yields exactly one top-level record, whatever
happens to it; container members follow their container. Each analysed file
is committed to the catalog on its own, so a killed scan resumes where it
stopped; outputs are always replayed from the catalog in walk order, so a
rescan, a resumed scan and a fresh scan of the same files write the same bytes.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from classifier.baseline import Baseline, load_baseline
from classifier.buckets import Bucket, check_bucket
from classifier.catalog import Catalog, CatalogError
from classifier.content_hash import ContentHasher
from classifier.inventory import Inventory
from classifier.names import escape_path
from classifier.outputs import inventory_json, organizations_csv, violations_jsonl
from classifier.outputs.derived import Derived, write_derived
from classifier.outputs.documents_jsonl import read as read_documents
from classifier.outputs.fingerprint import ReusableOutputs, outputs_record, reusable_outputs
from classifier.outputs.inventory_json import InventoryJson
from classifier.pii.keyed_hash import key_fingerprint, load_or_create_key
from classifier.pii.name_mask import NameMasker
from classifier.pii.spacy_model import ner_models, require_spacy_model
from classifier.policy import Policy, Violation, evaluate
from classifier.progress import ScanProgress
from classifier.records import DocumentRecord, FileEntry
from classifier.report.folders import folder_of
from classifier.scan.analyse import analysed
from classifier.scan.options import ScanError, ScanOptions, ScanResult
from classifier.scan.plan import RECHECKED_STATUSES, RETRIED_STATUSES, SameContent, changed_files
from classifier.scan.replay import replay
from classifier.state import ScanState, prepare_state
from classifier.walk import walk_roots

if TYPE_CHECKING:
    from classifier.pii.engine import PiiEngine
    from classifier.scan.pool import SupervisedPool


def prepare(options: ScanOptions) -> tuple[ScanState, list[str], bytes]:
    """The operator's input checked, the state directory and catalog folder made, the key loaded: the
    start of a scan and of an estimate. Returns the state, notes for the operator, and the key."""
    check(options)
    state = options.state
    notes = prepare_state(state, options.out_dir) + out_inside_roots(options)
    try:
        state.catalog_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScanError(f"catalog directory not writable: {state.catalog_path.parent} ({exc.strerror})") from None
    return state, notes, scan_key(state)


def reusable(catalog: Catalog, options: ScanOptions) -> bool:
    """Whether catalogued records can be reused under these options (and the options noted).
    Organisation labels are never catalogued, so a scan that lists them analyses everything anew;
    nor are plain hashes or names that an earlier run was not asked for (or was), nor text OCR'd (or not)."""
    return (catalog.keep_setting("plain_hashes", str(options.plain_hashes))
            & catalog.keep_setting("plain_names", str(options.plain_names))
            & catalog.keep_setting("ocr", str(options.ocr)) and not options.list_organizations)


def run_scan(options: ScanOptions, progress: ScanProgress | None = None) -> ScanResult:
    state, notes, key = prepare(options)
    fingerprint = key_fingerprint(key)
    baseline = load_baseline(options.baseline, fingerprint) if options.baseline is not None else None
    started = datetime.now(UTC)
    skipped: Counter[str] = Counter()
    progress = progress or ScanProgress()
    entries = listing(walk_roots(list(options.roots), skipped, own_files(options, state), options.chosen), progress)
    try:
        with progress, Catalog(state.catalog_path) as catalog:
            catalog.bind_key(fingerprint)
            content = ContentHasher(key, options.plain_hashes)
            scan_id = catalog.begin_scan()
            reuse = reusable(catalog, options)
            retry = catalog.files_with_status(RECHECKED_STATUSES + (RETRIED_STATUSES if options.retry_failed else ()))
            work, reused = changed_files(catalog, scan_id, entries, content, reuse, retry, options.verify_unchanged)
            analysis = analyse(options, key, catalog, scan_id, content, reuse, work, progress, retry)
            removed = catalog.finish_scan(scan_id)
            previous = reusable_outputs(catalog.outputs_record(options.out_dir), options.out_dir) if reuse else None
            if previous is None:
                # A bucket root's records always name it: root and path make the object's URL.
                inventory, organizations = replay(catalog, options.out_dir, len(options.roots) > 1 or bool(buckets(options)))
                inventory.skipped.update(skipped)
            # Violations before the report, which shows them (documents.jsonl is written by now).
            violations = policy_violations(options, catalog, baseline, fingerprint)
            scan_meta: dict[str, object] = {
                "roots": [root_label(root) for root in options.roots],
                "started_at": started.isoformat(timespec="seconds"),
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "key_fingerprint": fingerprint,
                "spacy_model": options.spacy_model,
                "ner_models": {language: Path(name).name for language, name in
                               ner_models(options.spacy_model, dict(options.ner_models)).items()},
                "files_analysed": analysis.analysed,
                "files_copied": analysis.copied,
                "files_unchanged": reused,
                "files_removed": removed,
            }
            if previous is None:
                written, derived = write_outputs(options.out_dir, inventory, scan_meta, parquet=options.parquet)
                if options.list_organizations:
                    organizations.add_labels(analysis.organization_labels)
                    organizations_csv.write(options.out_dir, organizations, inventory.organisations_that_are_people())
            else:
                written, derived = rewrite_unchanged(options, previous, scan_meta, skipped)
            catalog.record_outputs(options.out_dir, outputs_record(options.out_dir, derived.summary))
    except sqlite3.OperationalError as exc:  # a disk that fills while the catalog is written: one line, exit 2
        raise ScanError(f"catalog {state.catalog_path} cannot be written ({exc})") from None
    if not options.list_organizations:
        organizations_csv.remove(options.out_dir)
    return ScanResult(written, options.out_dir, violations, tuple(notes), tuple(derived.figures))


def policy_violations(options: ScanOptions, catalog: Catalog, baseline: Baseline | None,
                      fingerprint: str) -> tuple[Violation, ...]:
    """The policy evaluated on documents.jsonl, violations.jsonl written (or an old one removed:
    another policy's violations would be read as this scan's), and the baseline written if asked."""
    if options.policy is None:
        violations_jsonl.remove(options.out_dir)
        return ()
    folder_unique = exact_folder_unique(catalog, options.policy)
    violations = tuple(evaluate(options.policy, read_documents(options.out_dir), folder_unique))
    if baseline is not None:
        violations = baseline.mark(violations)
    violations_jsonl.write(violations, violations_jsonl.path_in(options.out_dir))
    if options.write_baseline is not None:
        Baseline.of(violations, fingerprint).write(options.write_baseline)
    return violations


LISTED_EVERY = 1000


def listing(entries: Iterator[FileEntry], progress: ScanProgress) -> Iterator[FileEntry]:
    """The walk, with the files and bytes listed so far reported as it goes."""
    files = total_bytes = 0
    for entry in entries:
        files += 1
        total_bytes += entry.size
        if files % LISTED_EVERY == 0:
            progress.listed(files, total_bytes)
        yield entry
    progress.listed(files, total_bytes)


def root_label(root: Path | Bucket) -> str:
    return root.url if isinstance(root, Bucket) else escape_path(str(root))


def local_roots(options: ScanOptions) -> list[Path]:
    return [root for root in options.roots if isinstance(root, Path)]


def buckets(options: ScanOptions) -> list[Bucket]:
    return [root for root in options.roots if isinstance(root, Bucket)]


def check(options: ScanOptions) -> None:
    """The operator's mistakes, found before anything is written."""
    for root in local_roots(options):
        if not root.exists() and not root.is_symlink():
            raise ScanError(f"root does not exist: {escape_path(str(root))}")
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        probe = options.out_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ScanError(f"output directory not writable: {options.out_dir} ({exc.strerror})") from None
    for bucket in buckets(options):
        check_bucket(bucket)  # listable (credentials, name) and not empty
    for root in local_roots(options):
        try:
            empty = root.is_dir() and next(os.scandir(root), None) is None
        except OSError:
            continue  # unreadable: the walk says so
        if empty:
            # An unmounted share is an empty folder; an empty census of it would be read as "nothing leaked".
            raise ScanError(f"root is empty: {escape_path(str(root))} (nothing to scan; is it mounted?)")
    require_spacy_model(options.spacy_model)
    for _language, model in options.ner_models:
        require_spacy_model(model)


def out_inside_roots(options: ScanOptions) -> list[str]:
    """A warning for each root the output directory lies in (its files are never scanned)."""
    out = options.out_dir.resolve()
    return [f"the output directory {escape_path(str(options.out_dir))} is inside the root {escape_path(str(root))}; "
            "its files are left out of the scan" for root in local_roots(options) if out.is_relative_to(root.resolve())]


def own_files(options: ScanOptions, state: ScanState) -> frozenset[Path]:
    """The scan's own outputs, key and catalog: never scanned, wherever they are."""
    own = {options.out_dir, state.directory, state.key_path, state.catalog_path,
           *(Path(str(state.catalog_path) + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    return frozenset(path.resolve() for path in own)


@dataclass
class Analysis:
    analysed: int = 0
    copied: int = 0
    organization_labels: list[tuple[str, str]] = field(default_factory=list)


def analyse(options: ScanOptions, key: bytes, catalog: Catalog, scan_id: int, content: ContentHasher, reuse: bool,
            work: list[tuple[int, FileEntry]], progress: ScanProgress,
            retry: frozenset[tuple[str, str]] = frozenset(), pool: SupervisedPool | None = None) -> Analysis:
    """Each file of `work` analysed (or copied from a file with the same content) and stored; in
    `pool` when one was started already."""
    analysis = Analysis()
    parent_names = NameMasker(lambda: _parent_engine(options), not options.plain_names)
    progress.start(len(work), sum(entry.size for _, entry in work))

    def store(file_seq: int, entry: FileEntry, records: list[DocumentRecord]) -> None:
        # Workers mask the names they analyse; copies and records made here (a timeout) are masked here,
        # from the names workers masked where they are the same.
        for record in records:
            if record.masked_path is not None:
                parent_names.learn(record.path, record.masked_path)
        records = [record if record.masked_path is not None else
                   replace(record, masked_path=parent_names.mask_path(record.path)) for record in records]
        catalog.store_file(scan_id, file_seq, entry.root, entry.rel_path, entry.mtime_ns, records, entry.version)
        progress.advance(entry.size, records)
        for record in records:
            analysis.organization_labels.extend(record.findings.organization_labels)

    same = SameContent(catalog, store, reuse, content, options.limits.max_file_bytes, retry)
    to_analyse = same.plan(work)
    for file_seq, entry, records, masked_copies in analysed(options, key, to_analyse, progress, pool):
        for path, masked in masked_copies:
            parent_names.learn(path, masked)
        store(file_seq, entry, records)
        same.analysed(file_seq, entry)
    analysis.analysed = len(to_analyse)
    analysis.copied = same.copied
    return analysis


def write_outputs(out_dir: Path, inventory: Inventory, scan_meta: dict[str, object],
                  parquet: bool = False) -> tuple[InventoryJson, Derived]:
    """inventory.json, then what is derived from it and documents.jsonl (already written)."""
    written = cast(InventoryJson, inventory.to_json(scan_meta))
    inventory_json.write(out_dir, written)
    return written, write_derived(out_dir, written, parquet)


def rewrite_unchanged(options: ScanOptions, previous: ReusableOutputs, scan_meta: dict[str, object],
                      skipped: Counter[str]) -> tuple[InventoryJson, Derived]:
    """Nothing changed since these outputs were written: only the scan's own facts are new."""
    totals = {**previous.inventory["totals"], "skipped": dict(sorted(skipped.items()))}
    written = cast(InventoryJson, {**previous.inventory, "scan": scan_meta, "totals": totals})
    inventory_json.write(options.out_dir, written)
    return written, write_derived(options.out_dir, written, options.parquet, documents_unchanged=previous.summary)


def _parent_engine(options: ScanOptions) -> PiiEngine:
    """The PII engine for names this process writes itself (copies, timeouts): built only then,
    since Presidio and spaCy take seconds to load and most scans never need them here."""
    from classifier.pii.engine import build_pii_engine

    return build_pii_engine(options.spacy_model, dict(options.ner_models))


def scan_key(state: ScanState) -> bytes:
    """The key of this state; a new one only when nothing was hashed under another before. A
    catalog given with --catalog that already holds another key's hashes stops the scan here,
    before anything is written (a new key would make every later lookup fail)."""
    if state.key_given:
        return load_or_create_key(state.key_path, state.directory)
    if not state.key_path.exists() and state.catalog_path.exists():
        with Catalog(state.catalog_path) as catalog:
            if catalog.key_fingerprint() is not None:
                raise CatalogError(f"catalog {state.catalog_path} holds hashes under a key that is not here "
                                   f"({state.key_path}); give that scan's key with --key-file")
    return load_or_create_key(None, state.directory)  # state.key_path: created on first use


def exact_folder_unique(catalog: Catalog, policy: Policy) -> dict[str, dict[str, int]]:
    """Per folder, the exact number of distinct keyed values of each entity type a per-folder
    `unique_more_than` rule counts (documents.jsonl alone only gives an upper bound)."""
    types = sorted({rule.entity for rule in policy.rules
                    if rule.per == "folder" and rule.measure == "unique" and rule.entity is not None})
    hashes: dict[tuple[str, str], set[str]] = {}
    for path, entity_type, keyed_hash in catalog.entity_hashes_by_path(types):
        hashes.setdefault((folder_of(path), entity_type), set()).add(keyed_hash)
    counts: dict[str, dict[str, int]] = {}
    for (folder, entity_type), values in hashes.items():
        counts.setdefault(folder, {})[entity_type] = len(values)
    return counts
