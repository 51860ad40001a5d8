"""Orchestration: walk the roots, analyse what changed (in this process or a pool), write outputs.

Every regular file under a root yields exactly one top-level record, whatever
happens to it; container members follow their container. Each analysed file
is committed to the catalog on its own, so a killed scan resumes where it
stopped; outputs are always replayed from the catalog in walk order, so a
rescan, a resumed scan and a fresh scan of the same files write the same bytes.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from classifier import __version__
from classifier.catalog import Catalog, CatalogError
from classifier.content_hash import ContentHasher
from classifier.inventory import Inventory
from classifier.limits import Limits
from classifier.names import MEMBER_SEPARATOR, escape_path
from classifier.near_duplicates import NearDuplicateIndex
from classifier.organizations import OrganizationTable
from classifier.pii.keyed_hash import key_fingerprint, load_or_create_key
from classifier.pii.name_mask import NameMasker
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL, ner_models, require_spacy_model
from classifier.policy import Policy, Violation, evaluate, write_violations
from classifier.progress import ScanProgress
from classifier.records import DocumentRecord, FileEntry, Status
from classifier.report.exports import write_documents_csv, write_documents_parquet
from classifier.report.folders import folder_of
from classifier.report.html import read_documents, render_report
from classifier.state import ScanState, locate_state, prepare_state
from classifier.walk import walk_roots

if TYPE_CHECKING:
    from classifier.pii.engine import PiiEngine

ORGANIZATIONS_CSV = "organizations.csv"
VIOLATIONS_JSONL = "violations.jsonl"
CONFIRM_BATCH = 10_000  # unchanged files confirmed per catalog transaction
DOCUMENTS_CSV = "documents.csv"
DOCUMENTS_PARQUET = "documents.parquet"


@dataclass(frozen=True)
class ScanOptions:
    roots: tuple[Path, ...]
    out_dir: Path
    workers: int = 1
    key_file: Path | None = None
    spacy_model: str = DEFAULT_SPACY_MODEL
    ner_models: tuple[tuple[str, str], ...] = ()  # (language, spaCy pipeline) beside the defaults
    limits: Limits = field(default_factory=Limits)
    list_organizations: bool = False
    # Analyse in worker processes that are killed and replaced on a time limit (the
    # default); in-process analysis is for tests and measurements that need to see inside.
    isolate: bool = True
    dask_address: str | None = None  # run the analysis on this Dask scheduler instead
    timeout_s: float = 300.0
    worker_memory_bytes: int | None = 4 << 30
    policy: Policy | None = None  # evaluated on the finished scan; violations.jsonl
    parquet: bool = False  # also write documents.parquet (needs pyarrow)
    catalog_path: Path | None = None  # default: in the state directory
    state_dir: Path | None = None  # default: state.default_state_dir(out_dir)
    plain_hashes: bool = False  # also write plain SHA-256 (for known-file hash lists)
    plain_names: bool = False  # write names unmasked (outputs for internal use only)

    @property
    def state(self) -> ScanState:
        return locate_state(self.out_dir, self.state_dir, self.key_file, self.catalog_path)

    @property
    def catalog(self) -> Path:
        return self.state.catalog_path


@dataclass(frozen=True)
class ScanResult:
    inventory: dict[str, object]
    out_dir: Path
    violations: tuple[Violation, ...] = ()
    notes: tuple[str, ...] = ()  # what the scan did besides scanning (a key moved out of --out)


class ScanError(Exception):
    """The scan itself cannot run (operator error); reported as one line."""


def _analysed(
    options: ScanOptions, key: bytes, work: list[tuple[int, FileEntry]]
) -> Iterator[tuple[int, FileEntry, list[DocumentRecord]]]:
    """(walk index, file, its records) for each file to analyse, in completion order.

    Order does not matter here: outputs are replayed from the catalog in walk
    order, so workers can hand back small files while a large one is still running.
    """
    if not work:
        return
    # Imported here: Presidio, spaCy and the extractors take seconds to import, and an
    # unchanged rescan never analyses anything.
    from classifier.analyze import AnalyzerSettings, analyze_entry
    from classifier.isolation import SupervisedPool, WorkerStartError

    settings = AnalyzerSettings(key, options.spacy_model, options.limits, options.list_organizations,
                                options.ner_models, options.plain_hashes, not options.plain_names)
    if options.dask_address:
        from classifier.cluster import ClusterError, analyze_on_cluster  # distributed is only imported when asked for

        try:
            yield from analyze_on_cluster(options.dask_address, settings, work)
        except ClusterError as exc:
            raise ScanError(str(exc)) from None
        return
    if not options.isolate:
        analyzer = settings.build()
        for file_seq, entry in work:
            yield file_seq, entry, analyze_entry(analyzer, entry)
        return
    pool = SupervisedPool(settings, min(options.workers, len(work)), options.timeout_s, options.worker_memory_bytes)
    try:
        with pool:
            yield from pool.run(work)
    except WorkerStartError as exc:
        raise ScanError(str(exc)) from None


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


def run_scan(options: ScanOptions, progress: ScanProgress | None = None) -> ScanResult:
    for root in options.roots:
        if not root.exists() and not root.is_symlink():
            raise ScanError(f"root does not exist: {escape_path(str(root))}")
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        probe = options.out_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ScanError(f"output directory not writable: {options.out_dir} ({exc.strerror})") from None
    require_spacy_model(options.spacy_model)
    for _language, model in options.ner_models:
        require_spacy_model(model)
    state = options.state
    notes = prepare_state(state, options.out_dir)
    try:
        state.catalog_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScanError(f"catalog directory not writable: {state.catalog_path.parent} ({exc.strerror})") from None
    key = scan_key(state)
    started = datetime.now(UTC)
    skipped: Counter[str] = Counter()
    own = {options.out_dir, state.directory, state.key_path, state.catalog_path,
           *(Path(str(state.catalog_path) + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    entries = walk_roots(list(options.roots), skipped, frozenset(path.resolve() for path in own))
    fingerprint = key_fingerprint(key)
    labels: list[tuple[str, str]] = []
    several_roots = len(options.roots) > 1
    parent_names = NameMasker(lambda: _parent_engine(options), not options.plain_names)
    with Catalog(state.catalog_path) as catalog:
        catalog.bind_key(fingerprint)
        content = ContentHasher(key, options.plain_hashes)
        scan_id = catalog.begin_scan()
        # Organisation labels are never catalogued, so a scan that lists them analyses everything anew;
        # nor are plain hashes or names that an earlier run was not asked for (or was).
        reuse = (catalog.keep_setting("plain_hashes", str(options.plain_hashes))
                 & catalog.keep_setting("plain_names", str(options.plain_names)) and not options.list_organizations)
        work: list[tuple[int, FileEntry]] = []
        reused = 0
        confirmed: list[tuple[int, str, str]] = []
        for file_seq, entry in enumerate(entries):
            if reuse and unchanged(catalog, entry, content):
                confirmed.append((file_seq, entry.root, entry.rel_path))
            else:
                work.append((file_seq, entry))
            if len(confirmed) >= CONFIRM_BATCH:
                reused += len(confirmed)
                catalog.confirm_files(scan_id, confirmed)
                confirmed.clear()
        reused += len(confirmed)
        catalog.confirm_files(scan_id, confirmed)
        progress = progress or ScanProgress()
        with progress:
            progress.start(len(work), sum(entry.size for _, entry in work))

            def store(file_seq: int, entry: FileEntry, records: list[DocumentRecord]) -> None:
                # Workers mask the names they analyse; copies and records made here (a timeout) are masked here.
                records = [record if record.masked_path is not None else
                           replace(record, masked_path=parent_names.mask_path(record.path)) for record in records]
                catalog.store_file(scan_id, file_seq, entry.root, entry.rel_path, entry.mtime_ns, records)
                progress.advance(entry.size, records)
                for record in records:
                    labels.extend(record.findings.organization_labels)

            same = SameContent(catalog, store, reuse, content, options.limits.max_file_bytes)
            to_analyse = same.plan(work)
            for file_seq, entry, records in _analysed(options, key, to_analyse):
                store(file_seq, entry, records)
                same.analysed(file_seq, entry)
        removed = catalog.finish_scan(scan_id)
        documents_path = options.out_dir / "documents.jsonl"
        previous = reusable_inventory(catalog, options.out_dir) if reuse else None
        if previous is None:
            inventory, organizations = replay(catalog, documents_path, several_roots)
            inventory.skipped.update(skipped)
        folder_unique = exact_folder_unique(catalog, options.policy) if options.policy else None
        scan_meta: dict[str, object] = {
            "roots": [escape_path(str(root)) for root in options.roots],
            "started_at": started.isoformat(timespec="seconds"),
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "key_fingerprint": fingerprint,
            "spacy_model": options.spacy_model,
            "ner_models": {language: Path(name).name for language, name in
                           ner_models(options.spacy_model, dict(options.ner_models)).items()},
            "files_analysed": len(to_analyse),
            "files_copied": same.copied,
            "files_unchanged": reused,
            "files_removed": removed,
        }
        if previous is None:
            inventory_json = write_outputs(options.out_dir, inventory, scan_meta, parquet=options.parquet)
            if options.list_organizations:
                organizations.add_labels(labels)
                organizations.write_csv(options.out_dir / ORGANIZATIONS_CSV, inventory.organisations_that_are_people())
        else:
            # Nothing changed since these outputs were written: only the scan's own facts are new.
            totals = {**previous["totals"], "skipped": dict(sorted(skipped.items()))}
            inventory_json = {**previous, "scan": scan_meta, "totals": totals}
            write_json(options.out_dir / "inventory.json", inventory_json)
            write_derived(options.out_dir, inventory_json, options.parquet, documents_unchanged=True)
        catalog.record_outputs(options.out_dir, outputs_fingerprint(options.out_dir))
    organizations_csv = options.out_dir / ORGANIZATIONS_CSV
    if not options.list_organizations and organizations_csv.exists():
        organizations_csv.unlink()  # an earlier run's list must not outlive a scan that was not asked for one
    violations: tuple[Violation, ...] = ()
    violations_path = options.out_dir / VIOLATIONS_JSONL
    if options.policy is not None:
        violations = tuple(evaluate(options.policy, read_documents(documents_path), folder_unique))
        write_violations(violations, violations_path)
    elif violations_path.exists():
        violations_path.unlink()  # stale violations of another policy would be read as this scan's
    return ScanResult(inventory_json, options.out_dir, violations, tuple(notes))


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


FINGERPRINTED = ("inventory.json", "documents.jsonl", DOCUMENTS_CSV)


def outputs_fingerprint(out_dir: Path) -> dict[str, object] | None:
    """Size and mtime of the outputs a rescan reuses, and the version that wrote them;
    None when one of them is missing."""
    files: dict[str, object] = {}
    for name in FINGERPRINTED:
        try:
            st = (out_dir / name).stat()
        except OSError:
            return None
        files[name] = [st.st_size, st.st_mtime_ns]
    return {"version": __version__, "files": files}


def reusable_inventory(catalog: Catalog, out_dir: Path) -> dict[str, Any] | None:
    """The inventory.json written from the catalog as it still is, if its outputs are untouched."""
    current = outputs_fingerprint(out_dir)
    if current is None or catalog.outputs_fingerprint(out_dir) != current:
        return None
    try:
        inventory: dict[str, Any] = json.loads((out_dir / "inventory.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return inventory if isinstance(inventory.get("totals"), dict) else None


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


ContentKey = tuple[str, str]  # (content_hmac, case-folded extension): the sniffer reads text subtypes from the extension


class SameContent:
    """Files whose bytes were analysed already get a copy of those records, not a second analysis.

    `plan` hashes every file to analyse (hashing is a thousand times faster than analysis) and
    returns the files to send to workers: the first of each content. A file whose content is
    catalogued from an earlier run (a copy, or a file that was only touched) is copied at once;
    later files with the content of one being analysed wait for it and are copied when
    `analysed` reports it stored. Copies keep their own path, mtime and size on disk.
    """

    def __init__(self, catalog: Catalog, store: Callable[[int, FileEntry, list[DocumentRecord]], None],
                 use_earlier_runs: bool, content: ContentHasher, max_bytes: int) -> None:
        self._catalog = catalog
        self._content = content
        self._max_bytes = max_bytes
        self._store = store
        self._use_earlier_runs = use_earlier_runs
        self._waiting: dict[ContentKey, list[tuple[int, FileEntry]]] = {}
        self._analysing: dict[int, ContentKey] = {}
        self.copied = 0

    def plan(self, work: list[tuple[int, FileEntry]]) -> list[tuple[int, FileEntry]]:
        to_analyse = []
        for file_seq, entry in work:
            key = self._key(entry)
            if key is None:  # unreadable now, or empty: the worker records it as it is
                to_analyse.append((file_seq, entry))
            elif key in self._waiting:
                self._waiting[key].append((file_seq, entry))
            elif self._use_earlier_runs and (source := self._catalog.file_with_content(*key)) is not None:
                self._copy(source, file_seq, entry)
            else:
                self._waiting[key] = []
                self._analysing[file_seq] = key
                to_analyse.append((file_seq, entry))
        return to_analyse

    def analysed(self, file_seq: int, entry: FileEntry) -> None:
        key = self._analysing.pop(file_seq, None)
        for later_seq, later in self._waiting.pop(key, []) if key is not None else []:
            self._copy((entry.root, entry.rel_path), later_seq, later)

    def _key(self, entry: FileEntry) -> ContentKey | None:
        """None for files the worker records as they are: empty, unreadable, or over the size
        limit (read no further than the limit, so a sparse or growing file costs one bounded read)."""
        if entry.size == 0 or entry.size > self._max_bytes:
            return None
        try:
            hashes = self._content.of_file(entry.abs_path, self._max_bytes)
        except OSError:
            return None
        if hashes is None:
            return None
        return hashes.content_hmac, PurePosixPath(entry.rel_path).suffix.casefold()

    def _copy(self, source: tuple[str, str], file_seq: int, entry: FileEntry) -> None:
        root, source_path = source
        records = [
            replace(record, path=entry.rel_path + record.path[len(source_path):], duplicate_of=record.path,
                    masked_path=None,
                    on_disk_size=entry.size if record.depth == 0 else record.on_disk_size)
            for record in self._catalog.file_records(root, source_path)
        ]
        self._store(file_seq, entry, records)
        self.copied += 1


def unchanged(catalog: Catalog, entry: FileEntry, content: ContentHasher) -> bool:
    """Same size, mtime and content as when last catalogued (the hash settles what mtime suggests)."""
    state = catalog.file_state(entry.root, entry.rel_path)
    if state is None:
        return False
    size, mtime_ns, stored_hmac = state
    if size != entry.size or mtime_ns != entry.mtime_ns:
        return False
    try:
        hashes = content.of_file(entry.abs_path, entry.size)  # a file grown since reads no further
    except OSError:
        return False
    return hashes is not None and hashes.content_hmac == stored_hmac


def replay(catalog: Catalog, documents_path: Path, several_roots: bool = False) -> tuple[Inventory, OrganizationTable]:
    """documents.jsonl and the aggregates from the catalog, in walk order: the same result
    whether the files were analysed now, reused from an earlier run, or resumed after a kill."""
    inventory = Inventory()
    organizations = OrganizationTable()
    resolver = DuplicateResolver()
    partial_path = documents_path.with_suffix(".jsonl.partial")
    shown = ShownPaths()
    with partial_path.open("w", encoding="utf-8") as documents:
        for root, stored in catalog.records():
            record = shown.record(root, resolver.resolve(stored))
            if several_roots:  # the same path under two roots is two documents; the contract names the root
                record = replace(record, root=root)
            inventory.add(record)
            organizations.add(record)
            documents.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    os.replace(partial_path, documents_path)
    return inventory, organizations


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


def write_outputs(out_dir: Path, inventory: Inventory, scan_meta: dict[str, object],
                  parquet: bool = False) -> dict[str, object]:
    """inventory.json, then what is derived from it and documents.jsonl (already written)."""
    inventory_json = inventory.to_json(scan_meta)
    write_json(out_dir / "inventory.json", inventory_json)
    write_derived(out_dir, inventory_json, parquet)
    return inventory_json


def write_derived(out_dir: Path, inventory_json: dict[str, object], parquet: bool = False,
                  documents_unchanged: bool = False) -> None:
    """report.html and the flat exports; `leakcensus report` calls this again without rescanning.
    With `documents_unchanged` the exports are kept when present (the report shows the scan's times)."""
    documents = out_dir / "documents.jsonl"
    if not documents_unchanged:  # (unchanged: documents.csv is one of the fingerprinted outputs)
        write_documents_csv(read_documents(documents), out_dir / DOCUMENTS_CSV)
    parquet_path = out_dir / DOCUMENTS_PARQUET
    if parquet:
        if not (documents_unchanged and parquet_path.exists()):
            write_documents_parquet(read_documents(documents), parquet_path)
    elif parquet_path.exists():
        parquet_path.unlink()  # it would describe an older scan
    report = out_dir / "report.html"
    partial = report.with_name(report.name + ".partial")
    partial.write_text(render_report(inventory_json, read_documents(documents)), encoding="utf-8")
    os.replace(partial, report)


def write_json(path: Path, value: object) -> None:
    temporary = path.with_suffix(path.suffix + ".partial")
    try:
        temporary.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)  # a full disk must not leave half a file that looks like output

