"""Which files a scan must analyse: not those unchanged since the catalog last saw them, and
only the first of several with the same content (the others are copied from it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePosixPath

from classifier.catalog import Catalog, CataloguedFile, Confirmed
from classifier.content_hash import ContentHasher
from classifier.records import DocumentRecord, FileEntry

CONFIRM_BATCH = 10_000  # unchanged files confirmed per catalog transaction

ContentKey = tuple[str, str]  # (content_hmac, case-folded extension): the sniffer reads text subtypes from the extension


# What `--retry-failed` analyses again: outcomes of this run's circumstances (a time limit, a crash),
# not of the bytes (corrupt, encrypted and too_large files would fail the same way again).
RETRIED_STATUSES = ("timeout", "error")
# Recorded against a size limit that may have changed since (--max-file-mb): always looked at again,
# which costs nothing for a file still over the limit (it is not read).
RECHECKED_STATUSES = ("too_large",)


def changed_files(catalog: Catalog, scan_id: int, entries: Iterable[FileEntry], content: ContentHasher,
                  reuse: bool, retry: frozenset[tuple[str, str]] = frozenset(),
                  verify: bool = False) -> tuple[list[tuple[int, FileEntry]], int]:
    """(walk index, file) of every file to analyse, and how many were confirmed unchanged instead.
    Files in `retry` are analysed again even when unchanged; with `verify`, local files are hashed
    to confirm them even when their stamp says they are unchanged."""
    work: list[tuple[int, FileEntry]] = []
    reused = 0
    confirmed: list[Confirmed] = []
    for file_seq, entry in enumerate(entries):
        state = catalog.file_state(entry.root, entry.rel_path) if reuse and (entry.root, entry.rel_path) not in retry else None
        if state is not None and unchanged_since(state, entry, content, verify):
            confirmed.append(Confirmed(file_seq, entry.root, entry.rel_path, entry.version,
                                       entry.version != state.version, file_seq != state.file_seq))
        else:
            work.append((file_seq, entry))
        if len(confirmed) >= CONFIRM_BATCH:
            reused += len(confirmed)
            catalog.confirm_files(scan_id, confirmed)
            confirmed.clear()
    reused += len(confirmed)
    catalog.confirm_files(scan_id, confirmed)
    return work, reused


def unchanged(catalog: Catalog, entry: FileEntry, content: ContentHasher, verify: bool = False) -> bool:
    """Whether a file is as the catalog last recorded it (`unchanged_since`)."""
    state = catalog.file_state(entry.root, entry.rel_path)
    return state is not None and unchanged_since(state, entry, content, verify)


def unchanged_since(state: CataloguedFile, entry: FileEntry, content: ContentHasher, verify: bool = False) -> bool:
    """Same size and mtime as when last catalogued, and then: for a local file the same stamp (inode
    change time and number), or, without one on record or with `verify`, the same content hash; for a
    bucket object the same ETag. Nothing is read for a file whose stamp is unchanged: a nightly rescan of
    a share costs its walk, not its bytes (#20)."""
    if state.size != entry.size or state.mtime_ns != entry.mtime_ns:
        return False
    if entry.version is not None and state.version == entry.version and (entry.remote is not None or not verify):
        return True
    if entry.remote is not None:
        return False
    try:
        hashes = content.of_file(entry.abs_path, entry.size)  # a file grown since reads no further
    except OSError:
        return False
    if hashes is not None and hashes.content_hmac == state.content_hmac:
        return True
    # A file recorded without being read in full (a timeout, an error) carries the hash of its head:
    # unchanged too, and kept as it was unless --retry-failed asks for it again.
    return content.of_file_head(entry.abs_path, entry.size).content_hmac == state.content_hmac


class SameContent:
    """Files whose bytes were analysed already get a copy of those records, not a second analysis.

    `plan` hashes every file to analyse (hashing is a thousand times faster than analysis) and
    returns the files to send to workers: the first of each content. A file whose content is
    catalogued from an earlier run (a copy, or a file that was only touched) is copied at once;
    later files with the content of one being analysed wait for it and are copied when
    `analysed` reports it stored. Copies keep their own path, mtime and size on disk.
    """

    def __init__(self, catalog: Catalog, store: Callable[[int, FileEntry, list[DocumentRecord]], None],
                 use_earlier_runs: bool, content: ContentHasher, max_bytes: int,
                 not_from: frozenset[tuple[str, str]] = frozenset()) -> None:
        self._catalog = catalog
        self._content = content
        self._max_bytes = max_bytes
        self._store = store
        self._use_earlier_runs = use_earlier_runs
        self._not_from = not_from  # earlier files whose records are not to be copied (being retried)
        self._waiting: dict[ContentKey, list[tuple[int, FileEntry]]] = {}
        self._analysing: dict[int, ContentKey] = {}
        self.copied = 0

    def plan(self, work: list[tuple[int, FileEntry]]) -> list[tuple[int, FileEntry, tuple[str, ...]]]:
        """The files to analyse, each with the paths of the later files that will be copied from it."""
        to_analyse: list[tuple[int, FileEntry]] = []
        for file_seq, entry in work:
            key = self._key(entry)
            if key is None:  # unreadable now, or empty: the worker records it as it is
                to_analyse.append((file_seq, entry))
            elif key in self._waiting:
                self._waiting[key].append((file_seq, entry))
            elif self._use_earlier_runs and (source := self._catalog.file_with_content(*key, self._not_from)) is not None:
                self._copy(source, file_seq, entry)
            else:
                self._waiting[key] = []
                self._analysing[file_seq] = key
                to_analyse.append((file_seq, entry))
        return [(file_seq, entry, self._copy_paths(file_seq)) for file_seq, entry in to_analyse]

    def _copy_paths(self, file_seq: int) -> tuple[str, ...]:
        key = self._analysing.get(file_seq)
        return tuple(later.rel_path for _, later in self._waiting[key]) if key is not None else ()

    def analysed(self, file_seq: int, entry: FileEntry) -> None:
        key = self._analysing.pop(file_seq, None)
        for later_seq, later in self._waiting.pop(key, []) if key is not None else []:
            self._copy((entry.root, entry.rel_path), later_seq, later)

    def _key(self, entry: FileEntry) -> ContentKey | None:
        """None for files the worker records as they are: empty, unreadable, or over the size
        limit (read no further than the limit, so a sparse or growing file costs one bounded read)."""
        if entry.size == 0 or entry.size > self._max_bytes:
            return None
        if entry.remote is not None:
            # Hashing here would download every object twice (here and in the worker); an object's
            # copies within one worker are still analysed once (DocumentAnalyzer keeps its first).
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
