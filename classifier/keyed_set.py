"""Distinct keyed hashes: an exact set up to a bound, then a HyperLogLog sketch.

A leak with tens of millions of distinct values would need gigabytes to count
exactly; above `EXACT_LIMIT` values a set turns into a HyperLogLog (datasketch,
2**14 registers, standard error 1.04/sqrt(2**14) ≈ 0.81%). Both forms merge by
union, so partial inventories still add up however the work was split.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when first needed: datasketch loads scipy, seconds that small scans need not pay
    from datasketch import HyperLogLog

EXACT_LIMIT = 1_000_000
HLL_PRECISION = 14
HLL_RELATIVE_ERROR = 1.04 / math.sqrt(2**HLL_PRECISION)


def _hash32(value: bytes) -> int:
    """Keyed hashes are already uniform hex: their first 32 bits are the sketch's hash."""
    return int(value[:8], 16)


class KeyedSet:
    def __init__(self, values: Iterable[str] = (), limit: int | None = None) -> None:
        # Read at construction, not definition, so the bound can be set for a whole run (and in tests).
        self.limit = EXACT_LIMIT if limit is None else limit
        self._exact: set[str] | None = set()
        self._sketch: HyperLogLog | None = None
        self.update(values)

    @property
    def is_exact(self) -> bool:
        return self._exact is not None

    def _to_sketch(self) -> HyperLogLog:
        if self._sketch is None:
            from datasketch import HyperLogLog

            self._sketch = HyperLogLog(p=HLL_PRECISION, hashfunc=_hash32)
            for value in self._exact or ():
                self._sketch.update(value.encode())
            self._exact = None
        return self._sketch

    def update(self, values: Iterable[str] | KeyedSet) -> None:
        if isinstance(values, KeyedSet):
            if values._exact is None:
                assert values._sketch is not None
                self._to_sketch().merge(values._sketch)
                return
            values = values._exact
        if self._exact is not None:
            self._exact.update(values)
            if len(self._exact) > self.limit:
                self._to_sketch()
            return
        sketch = self._to_sketch()
        for value in values:
            sketch.update(value.encode())

    def __ior__(self, values: Iterable[str] | KeyedSet) -> KeyedSet:
        self.update(values)
        return self

    def add(self, value: str) -> None:
        self.update((value,))

    def exact_values(self) -> frozenset[str] | None:
        """The values while the set is exact; None once it is a sketch."""
        return frozenset(self._exact) if self._exact is not None else None

    def __len__(self) -> int:
        if self._exact is not None:
            return len(self._exact)
        assert self._sketch is not None
        estimate: float = self._sketch.count()
        return round(estimate)
