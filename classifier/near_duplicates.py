"""Near-duplicate documents: the same document with small edits (MinHash over keyed word shingles, LSH).

Shingles are hashed with the scan's key before MinHash sees them, so a
signature cannot be tested against guessed text without the key; only the
signature (a tuple of integers) leaves the worker.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable

NUM_PERM = 64
SCHEME = "affine32"  # datasketch 2's default; stated because stored signatures must be rebuilt with it
SHINGLE_WORDS = 5
# Jaccard similarity of shingle sets above which two documents are the same
# document edited: a changed date, name or amount in a page of text stays above it.
THRESHOLD = 0.8
# Too little text makes any two short notes look alike.
MIN_SHINGLES = 20
MAX_WORDS = 50_000
# LSH banding: 5 bands of 11 values, datasketch MinHashLSH's optimum for THRESHOLD and NUM_PERM
# (false positives and negatives weighted equally; tests check the two agree). Fixed here
# because datasketch finds it by numerical integration with scipy, seconds of start-up that
# a rescan (which only replays signatures) would otherwise pay.
BANDS = 5
ROWS_PER_BAND = 11
_WORD = re.compile(r"\w+", re.UNICODE)


def load_minhash() -> None:
    """Imports what signature imports on first use (datasketch, and with it scipy: ~0.4 s)."""
    import datasketch  # noqa: F401


def signature(text: str, key: bytes) -> tuple[int, ...] | None:
    words = [w.casefold() for w in _WORD.findall(text[: MAX_WORDS * 12])][:MAX_WORDS]
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    from datasketch import MinHash  # worker side only: importing datasketch loads scipy

    def keyed_hash(shingle: bytes) -> int:
        return int.from_bytes(hmac.digest(key, shingle, hashlib.sha256)[:4], "little")

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=keyed_hash)
    minhash.update_batch(shingles)
    return tuple(int(v) for v in minhash.hashvalues)


class NearDuplicateIndex:
    """Assigns `near_duplicate_of` in scan order and counts clusters (connected groups)."""

    def __init__(self) -> None:
        self._buckets: list[dict[tuple[int, ...], list[str]]] = [{} for _ in range(BANDS)]
        self._first_path: dict[str, str] = {}  # content_hmac -> path of the first document with that content
        self._order: dict[str, int] = {}

    def add(self, content_hmac: str, path: str, near_signature: Iterable[int] | None) -> tuple[str | None, tuple[str, ...]]:
        """(path of the earliest document this one nearly duplicates, content_hmac of all such documents)."""
        if near_signature is None or content_hmac in self._first_path:
            return None, ()
        values = tuple(near_signature)
        bands = [values[i * ROWS_PER_BAND:(i + 1) * ROWS_PER_BAND] for i in range(BANDS)]
        # Candidates share at least one whole band with this document (no Jaccard re-check, as in datasketch).
        found = {sha for buckets, band in zip(self._buckets, bands, strict=True) for sha in buckets.get(band, ())}
        candidates = sorted(found, key=self._order.__getitem__)
        for buckets, band in zip(self._buckets, bands, strict=True):
            buckets.setdefault(band, []).append(content_hmac)
        self._first_path[content_hmac] = path
        self._order[content_hmac] = len(self._order)
        if not candidates:
            return None, ()
        return self._first_path[candidates[0]], tuple(candidates)


def count_clusters(links: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """(groups of two or more distinct documents joined by near-duplicate links, documents in them)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        parent[root(a)] = root(b)
    sizes: dict[str, int] = {}
    for node in list(parent):
        top = root(node)
        sizes[top] = sizes.get(top, 0) + 1
    grouped = [size for size in sizes.values() if size > 1]
    return len(grouped), sum(grouped)
