"""SQLite state beside the outputs: per document its record and keyed hashes, never raw values.

The catalog is what makes inventories mergeable (rebuild from the union of
catalogs) and `lookup` possible (keyed hash -> documents). It holds the same
kinds of data as the outputs plus keyed hashes, so it is as shareable as the
outputs only while the key stays apart from it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from classifier.errors import RunError
from classifier.records import DocumentRecord, Findings

CATALOG_NAME = "catalog.sqlite"
SCHEMA_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    root TEXT NOT NULL,
    path TEXT NOT NULL,
    file_path TEXT NOT NULL,      -- the file on disk this document is (or is inside)
    file_seq INTEGER NOT NULL,    -- walk order of that file in the scan that last confirmed it
    member_seq INTEGER NOT NULL,  -- 0 for the file, then its members depth first
    scan_id INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    on_disk_size INTEGER,
    mtime_ns INTEGER,
    content_hmac TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (root, path)
);
CREATE INDEX IF NOT EXISTS documents_by_sha ON documents (content_hmac);
CREATE INDEX IF NOT EXISTS documents_by_file ON documents (root, file_path);
-- FileEntry.version as last stored: a bucket object's ETag, a local file's stamp (inode change time and
-- number). A rescan compares it instead of downloading or reading the file again. A table of its own, so
-- that catalogs written before it gain it on open.
CREATE TABLE IF NOT EXISTS versions (root TEXT NOT NULL, path TEXT NOT NULL, version TEXT NOT NULL,
                                     PRIMARY KEY (root, path)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS analyses (content_hmac TEXT PRIMARY KEY, findings TEXT NOT NULL, near_signature TEXT);
CREATE TABLE IF NOT EXISTS entity_hashes (
    keyed_hash TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    content_hmac TEXT NOT NULL,
    PRIMARY KEY (keyed_hash, entity_type, content_hmac)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class CataloguedFile:
    """A file on disk as the catalog last recorded it."""
    size: int | None
    mtime_ns: int | None
    content_hmac: str
    version: str | None  # FileEntry.version: a bucket object's ETag, a local file's stamp
    file_seq: int  # its walk index in the scan that last met it


@dataclass(frozen=True)
class Confirmed:
    """An unchanged file met again by a scan."""
    file_seq: int  # walk index in this scan
    root: str
    file_path: str
    version: str | None  # as it is now
    version_changed: bool
    moved: bool  # another walk index than last time


RECORD_COLUMNS = "d.depth, d.on_disk_size, d.record, a.findings, d.content_hmac, a.near_signature"


def _record(columns: list[Any], findings_by_sha: dict[str, Findings]) -> DocumentRecord:
    """A DocumentRecord from a row of RECORD_COLUMNS; findings parsed once per content."""
    depth, on_disk_size, record_json, findings_json, content_hmac, signature_json = columns
    findings = findings_by_sha.get(content_hmac)
    if findings is None:
        findings = Findings.from_state(json.loads(findings_json)) if findings_json else Findings()
        findings_by_sha[content_hmac] = findings
    signature = tuple(json.loads(signature_json)) if signature_json else None
    return DocumentRecord.from_json(json.loads(record_json), findings, depth, on_disk_size, signature)


def _outputs_name(out_dir: Path) -> str:
    return f"outputs:{out_dir.resolve()}"


class CatalogError(RunError):
    """A catalog that cannot be used (operator error): missing, another key, another version."""


class Catalog:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path)
            # WAL: readers never block the writer, and a killed scan leaves a consistent file.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            has_meta = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is not None
            version = self._db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone() if has_meta else None
            if version is not None and version[0] != SCHEMA_VERSION:
                self._db.close()
                raise CatalogError(f"catalog {path} was written by another version of leakcensus (catalog schema "
                                   f"{version[0]}, this version reads {SCHEMA_VERSION}); scan with a new --state")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise CatalogError(f"catalog {path} cannot be read or written ({exc})") from None

    @classmethod
    def open_existing(cls, path: Path) -> Catalog:
        if not path.exists():
            raise CatalogError(f"no catalog at {path}")
        return cls(path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def bind_key(self, fingerprint: str) -> None:
        """A catalog holds hashes under one key only; mixing keys would make counts meaningless."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'key_fingerprint'").fetchone()
        if row is None:
            with self._db:
                self._db.execute("INSERT INTO meta VALUES ('key_fingerprint', ?), ('schema', ?)",
                                 (fingerprint, SCHEMA_VERSION))
        elif row[0] != fingerprint:
            raise CatalogError(f"catalog {self.path} was written with another key ({row[0]})")

    def keep_setting(self, name: str, value: str) -> bool:
        """Stores a setting the records depend on; False when an earlier scan used another value."""
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (f"setting:{name}",)).fetchone()
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"setting:{name}", value))
        return row is None or row[0] == value

    def key_fingerprint(self) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = 'key_fingerprint'").fetchone()
        return None if row is None else str(row[0])

    def begin_scan(self) -> int:
        row = self._db.execute("SELECT COALESCE(MAX(scan_id), 0) FROM documents").fetchone()
        return int(row[0]) + 1

    def file_state(self, root: str, file_path: str) -> CataloguedFile | None:
        """What is recorded for a file on disk, or None when it is not catalogued."""
        row = self._db.execute(
            "SELECT d.on_disk_size, d.mtime_ns, d.content_hmac, v.version, d.file_seq FROM documents d "
            "LEFT JOIN versions v ON v.root = d.root AND v.path = d.path "
            "WHERE d.root = ? AND d.path = ? AND d.member_seq = 0",
            (root, file_path),
        ).fetchone()
        return None if row is None else CataloguedFile(row[0], row[1], row[2], row[3], row[4])

    def store_file(self, scan_id: int, file_seq: int, root: str, file_path: str, mtime_ns: int | None,
                   records: Iterable[DocumentRecord], version: str | None = None) -> None:
        """Replace one file's records (the file and its members) in one transaction: a
        scan killed at any moment leaves each file either fully catalogued or not at all."""
        with self._db:
            self._forget_outputs()
            self._db.execute("DELETE FROM documents WHERE root = ? AND file_path = ?", (root, file_path))
            self._db.execute("DELETE FROM versions WHERE root = ? AND path = ?", (root, file_path))
            if version:
                self._db.execute("INSERT INTO versions VALUES (?, ?, ?)", (root, file_path, version))
            for member_seq, record in enumerate(records):
                self._db.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (root, record.path, file_path, file_seq, member_seq, scan_id, record.depth, record.on_disk_size,
                     mtime_ns if member_seq == 0 else None, record.content_hmac,
                     json.dumps(record.to_json(), ensure_ascii=False)),
                )
                if record.duplicate_of is None:
                    self._add_analysis(record)

    def confirm_files(self, scan_id: int, files: Iterable[Confirmed]) -> None:
        """Unchanged files: keep their records, now in this scan's walk order, and their version as it is
        now (a catalog written before local files had one gains it). One transaction and one statement
        per kind of change for many files: a rescan confirms every file of the share (#20: three
        statements per file were a sixth of an unchanged rescan)."""
        files = list(files)
        with self._db:
            self._db.executemany(
                "UPDATE documents SET scan_id = ?, file_seq = ? WHERE root = ? AND file_path = ?",
                [(scan_id, f.file_seq, f.root, f.file_path) for f in files])
            self._db.executemany("INSERT OR REPLACE INTO versions VALUES (?, ?, ?)",
                                 [(f.root, f.file_path, f.version) for f in files if f.version_changed and f.version])
            if any(f.moved for f in files):  # walk order changed: outputs replayed in the old order are stale
                self._forget_outputs()

    def finish_scan(self, scan_id: int) -> int:
        """Forget files this scan did not meet (removed since); returns how many."""
        with self._db:
            removed = self._db.execute(
                "SELECT COUNT(*) FROM documents WHERE scan_id != ? AND member_seq = 0", (scan_id,)).fetchone()[0]
            if self._db.execute("DELETE FROM documents WHERE scan_id != ?", (scan_id,)).rowcount:
                self._forget_outputs()
            self._db.execute("DELETE FROM analyses WHERE content_hmac NOT IN (SELECT content_hmac FROM documents)")
            self._db.execute("DELETE FROM entity_hashes WHERE content_hmac NOT IN (SELECT content_hmac FROM documents)")
        return int(removed)

    def outputs_record(self, out_dir: Path) -> object:
        """What `record_outputs` stored for this output directory, or None (never, or stale since)."""
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (_outputs_name(out_dir),)).fetchone()
        return None if row is None else json.loads(row[0])

    def record_outputs(self, out_dir: Path, record: object) -> None:
        """Outputs in `out_dir` were written from the catalog as it is now. Any change to the
        documents (stored, removed or reordered files) forgets this, for every output directory."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_outputs_name(out_dir), json.dumps(record)))

    def _forget_outputs(self) -> None:
        self._db.execute("DELETE FROM meta WHERE name LIKE 'outputs:%'")

    def _add_analysis(self, record: DocumentRecord) -> None:
        state = json.dumps(record.findings.to_state())
        signature = json.dumps(record.near_signature) if record.near_signature else None
        self._db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", (record.content_hmac, state, signature))
        self._db.executemany(
            "INSERT OR IGNORE INTO entity_hashes VALUES (?, ?, ?)",
            [(h, t, record.content_hmac) for t, tally in record.findings.entities.items() for h in tally.keyed_hashes]
            # Organisations known only from e-mail domains are counted as organisations: lookup must find them too.
            + [(h, "ORGANIZATION", record.content_hmac) for h in record.findings.organizations_from_domains],
        )

    def records(self) -> Iterator[tuple[str, DocumentRecord]]:
        """(root, record) in scan order, with their findings."""
        findings_by_sha: dict[str, Findings] = {}
        rows = self._db.execute(
            f"SELECT d.root, {RECORD_COLUMNS} FROM documents d "
            "LEFT JOIN analyses a ON a.content_hmac = d.content_hmac ORDER BY d.file_seq, d.root, d.member_seq"
        )
        for root, *columns in rows:
            yield root, _record(columns, findings_by_sha)

    def file_records(self, root: str, file_path: str) -> list[DocumentRecord]:
        """One catalogued file's records (the file, then its members), with their findings."""
        rows = self._db.execute(
            f"SELECT {RECORD_COLUMNS} FROM documents d LEFT JOIN analyses a ON a.content_hmac = d.content_hmac "
            "WHERE d.root = ? AND d.file_path = ? ORDER BY d.member_seq", (root, file_path))
        findings_by_sha: dict[str, Findings] = {}
        return [_record(columns, findings_by_sha) for columns in rows]

    def file_with_content(self, content_hmac: str, suffix: str,
                          excluded: frozenset[tuple[str, str]] = frozenset()) -> tuple[str, str] | None:
        """(root, path) of a catalogued file with these bytes and this (case-folded) extension, if any,
        other than the `excluded` files."""
        rows = self._db.execute("SELECT root, file_path FROM documents WHERE content_hmac = ? AND member_seq = 0", (content_hmac,))
        for root, file_path in rows:
            if PurePosixPath(file_path).suffix.casefold() == suffix and (root, file_path) not in excluded:
                return str(root), str(file_path)
        return None

    def files_with_status(self, statuses: Iterable[str]) -> frozenset[tuple[str, str]]:
        """(root, file path) of every file with a document (itself or a member) in one of these statuses."""
        wanted = list(statuses)
        marks = ", ".join("?" * len(wanted))
        rows = self._db.execute(
            f"SELECT DISTINCT root, file_path FROM documents WHERE json_extract(record, '$.status') IN ({marks})", wanted)
        return frozenset((str(root), str(file_path)) for root, file_path in rows)

    def entity_hashes_by_path(self, entity_types: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(document path, entity type, keyed hash) for every value of these types, streamed."""
        types = list(entity_types)
        if not types:
            return
        marks = ", ".join("?" * len(types))
        yield from self._db.execute(
            # The path as the outputs show it (names masked): per-folder policy counts meet documents.jsonl's folders.
            "SELECT COALESCE(json_extract(d.record, '$.masked_path'), d.path), e.entity_type, e.keyed_hash "
            "FROM documents d JOIN entity_hashes e ON e.content_hmac = d.content_hmac "
            f"WHERE e.entity_type IN ({marks})", types)

    def documents_with(self, entity_type: str, keyed_hash: str) -> list[tuple[str, dict[str, object]]]:
        """(root, document record) of every document whose content mentions the keyed value."""
        rows = self._db.execute(
            "SELECT d.root, d.record FROM entity_hashes e JOIN documents d ON d.content_hmac = e.content_hmac "
            "WHERE e.keyed_hash = ? AND e.entity_type = ? ORDER BY d.file_seq, d.member_seq",
            (keyed_hash, entity_type),
        )
        return [(root, json.loads(record)) for root, record in rows]
