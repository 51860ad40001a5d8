"""Document bytes -> keyed content hashes, read within the size limit.

A plain SHA-256 of a small document is a guessable value: a file holding one SSN, one phone
number or one password is found from its hash by trying candidates (10^7 guesses take a minute
on one core). Outputs therefore carry HMAC-SHA-256 under the scan key (`content_hmac`); the plain
hash is written only on request (`--plain-hashes`), for matching known-file hash lists.

Files are hashed in chunks and never past the size limit, so that a sparse 15 TB file or a log
that grows while it is read costs one bounded read, not hours.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from classifier.buckets import read_head
from classifier.long_paths import open_file
from classifier.records import DocumentRecord, FileEntry, Status

CHUNK = 1 << 20
# A file past the size limit is identified by its size and first MiB: enough to tell the usual
# huge files apart, bounded whatever the file. The contract says so for too_large records.
HEAD_BYTES = 1 << 20


@dataclass(frozen=True)
class ContentHashes:
    content_hmac: str
    plain_sha256: str | None


class ContentHasher:
    def __init__(self, key: bytes, plain: bool = False) -> None:
        self._key = key
        self.plain = plain

    def of_bytes(self, data: bytes) -> ContentHashes:
        plain = hashlib.sha256(data).hexdigest() if self.plain else None
        return ContentHashes(hmac.new(self._key, data, hashlib.sha256).hexdigest(), plain)

    def of_file(self, path: Path, max_bytes: int) -> ContentHashes | None:
        """The file's hashes, or None when it holds more than `max_bytes` (read no further). OSError
        propagates: the caller records the file as unreadable."""
        keyed = hmac.new(self._key, digestmod=hashlib.sha256)
        plain = hashlib.sha256() if self.plain else None
        seen = 0
        with open_file(path) as handle:
            while chunk := handle.read(min(CHUNK, max_bytes + 1 - seen)):
                seen += len(chunk)
                if seen > max_bytes:
                    return None
                keyed.update(chunk)
                if plain is not None:
                    plain.update(chunk)
        return ContentHashes(keyed.hexdigest(), plain.hexdigest() if plain is not None else None)

    def of_file_head(self, path: Path, size: int) -> ContentHashes:
        """For a file not read in full (too large): keyed hash of its size and first MiB, no plain
        hash (it would claim to be the file's). An unreadable file hashes as an empty head."""
        try:
            with open_file(path) as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            head = b""
        return self.of_head(head, size)

    def of_entry_head(self, entry: FileEntry) -> ContentHashes:
        """of_file_head for a file or a bucket object (its first MiB read by a range request)."""
        if entry.remote is None:
            return self.of_file_head(entry.abs_path, entry.size)
        try:
            head = read_head(entry.remote, entry.size)
        except OSError:
            head = b""
        return self.of_head(head, entry.size)

    def of_head(self, head: bytes, size: int) -> ContentHashes:
        message = b"leakcensus-head\x00" + str(size).encode() + b"\x00" + head
        return ContentHashes(hmac.new(self._key, message, hashlib.sha256).hexdigest(), None)


def file_problem_record(content: ContentHasher, entry: FileEntry, status: Status, reason: str) -> DocumentRecord:
    """A file not analysed (too large, unreadable, timed out): its size as the walk saw it and a
    hash of its head (content_hash.of_file_head), never a read of the whole file."""
    hashes = content.of_entry_head(entry)
    return DocumentRecord.unanalysed(entry.rel_path, entry.size, hashes.content_hmac, status, reason,
                                     on_disk_size=entry.size)
