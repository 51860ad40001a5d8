from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import classifier.keyed_set as keyed_set
from classifier.inventory import Inventory
from classifier.keyed_set import HLL_RELATIVE_ERROR, KeyedSet
from classifier.records import DocumentRecord, EntityTally, Findings, Status


def keyed(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def test_exact_below_the_bound_estimated_above_it() -> None:
    small = KeyedSet((keyed(i) for i in range(500)), limit=1000)
    assert small.is_exact and len(small) == 500
    big = KeyedSet((keyed(i) for i in range(20_000)), limit=1000)
    assert not big.is_exact
    assert abs(len(big) - 20_000) <= 4 * HLL_RELATIVE_ERROR * 20_000


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 3000), max_size=400), st.lists(st.integers(0, 3000), max_size=400),
       st.lists(st.integers(0, 3000), max_size=400))
def test_union_is_associative_and_commutative_across_the_switch(a: list[int], b: list[int], c: list[int]) -> None:
    def ks(values: list[int]) -> KeyedSet:
        return KeyedSet((keyed(v) for v in values), limit=300)

    left = ks(a)
    left |= ks(b)
    left |= ks(c)
    right_tail = ks(b)
    right_tail |= ks(c)
    right = ks(a)
    right |= right_tail
    swapped = ks(c)
    swapped |= ks(a)
    swapped |= ks(b)
    assert len(left) == len(right) == len(swapped)
    if len(set(a) | set(b) | set(c)) <= 300:
        assert left.is_exact and len(left) == len(set(a) | set(b) | set(c))


def test_inventory_states_the_counting_method(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyed_set, "EXACT_LIMIT", 100)

    def record(n: int) -> DocumentRecord:
        emails = frozenset(keyed(n * 1000 + i) for i in range(60))
        return DocumentRecord(
            path=f"d{n}.txt", size=1, content_hmac=keyed(-n), mime="text/plain", extension_mismatch=False,
            status=Status.OK, error=None, language=None, earliest=None, latest=None, categories=(),
            findings=Findings(entities={"EMAIL_ADDRESS": EntityTally(60, emails)}), duplicate_of=None,
        )

    one = Inventory()
    one.add(record(1))
    assert one.to_json({})["unique_counting"] == {"method": "exact"}
    many = Inventory()
    for n in range(10):
        many.add(record(n))
    counted = many.to_json({})
    assert counted["unique_counting"] == {"method": "hyperloglog above an exact bound",
                                          "relative_error": round(HLL_RELATIVE_ERROR, 4)}
    unique = counted["entities"]["EMAIL_ADDRESS"]["unique"]  # type: ignore[index]
    assert abs(unique - 600) <= 4 * HLL_RELATIVE_ERROR * 600
