"""Near-duplicate documents: the same document with small edits (MinHash over keyed word shingles, LSH).

Shingles are hashed with the scan's key before MinHash sees them, so a
signature cannot be tested against guessed text without the key; only the
signature (a tuple of integers) leaves the worker.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy only where signatures are made: the scan's parent (NearDuplicateIndex) never needs it
    import numpy as np
    import numpy.typing as npt

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
    """Builds the permutations signature uses (once per process, before the first file)."""
    _permutations()


@functools.cache
def _permutations() -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """datasketch 2's affine32 permutations for seed 1, drawn as it draws them, once per process:
    datasketch draws them again for every MinHash (measured: 3% of a worker's time on a generated
    leak), and importing it loads scipy (0.6 s of each worker's start). Stored signatures were made
    by datasketch; tests check the two agree value for value."""
    import numpy as np

    generator = np.random.RandomState(1)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _minhash(hashes: list[int]) -> tuple[int, ...]:
    """MinHash of 32-bit hashes, scheme affine32: each hash pre-mixed with the MurmurHash3 finalizer,
    then permuted as a*h + b mod 2^32 (the uint32 wraparound is the modulo)."""
    import numpy as np

    h = np.array(hashes, dtype=np.uint32).reshape(-1, 1)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    a, b = _permutations()
    return tuple(int(v) for v in (h * a + b).min(axis=0))


def shingles_of(text: str) -> set[bytes]:
    """The distinct runs of SHINGLE_WORDS case-folded words (of the first MAX_WORDS)."""
    words = [w.casefold() for w in _WORD.findall(text[: MAX_WORDS * 12])][:MAX_WORDS]
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str, key: bytes) -> tuple[int, ...] | None:
    shingles = shingles_of(text)
    if len(shingles) < MIN_SHINGLES:
        return None
    return _minhash([int.from_bytes(hmac.digest(key, shingle, hashlib.sha256)[:4], "little") for shingle in shingles])


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
