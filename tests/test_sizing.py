"""Honest sizing: mergeable inventories, lookups by keyed hash, the catalog."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from classifier.cli import main
from classifier.inventory import Inventory
from classifier.outputs.inventory_json import InventoryJson
from classifier.records import CategoryScore, DocumentRecord, EntityTally, Findings, Status
from classifier.scan import ScanOptions, run_scan
from classifier.scan.merge import merge_scans
from classifier.state import locate_state
from tests.conftest import TEST_KEY, SampleLeak, SampleScan

# -- merge is a commutative monoid -------------------------------------------------

hashes = st.frozensets(st.sampled_from([f"{i:064x}" for i in range(12)]), max_size=4)
records = st.builds(
    lambda path, depth, status, cat, people, emails, country, year: DocumentRecord(
        path=path, size=len(path), content_hmac=f"{abs(hash(path)) % 7:064x}", mime="text/plain", extension_mismatch=False,
        status=status, error=None, language="en", earliest=f"{year}-01-02", latest=f"{year}-03-04",
        categories=(CategoryScore(cat, 0.9, ("phrase:x",)),),
        findings=Findings(entities={"PERSON": EntityTally(len(people) + 1, people), "EMAIL_ADDRESS": EntityTally(1, emails)},
                          countries={country: emails}, email_domains=emails, organizations_from_domains=people),
        duplicate_of=None, depth=depth,
    ),
    st.text("abc/", min_size=1, max_size=6), st.integers(0, 2), st.sampled_from(list(Status)),
    st.sampled_from(["offer", "invoice", "other"]), hashes, hashes, st.sampled_from(["US", "DE"]),
    st.integers(2015, 2022),
)


def inventory_of(items: list[DocumentRecord]) -> Inventory:
    inventory = Inventory()
    for record in items:
        inventory.add(record)
    return inventory


def as_json(inventory: Inventory) -> dict[str, object]:
    return inventory.to_json({})


@settings(max_examples=60, deadline=None)
@given(st.lists(records, max_size=6), st.lists(records, max_size=6), st.lists(records, max_size=6))
def test_merge_is_associative_commutative_with_identity(a: list[DocumentRecord], b: list[DocumentRecord],
                                                        c: list[DocumentRecord]) -> None:
    ia, ib, ic = inventory_of(a), inventory_of(b), inventory_of(c)
    assert as_json(ia.merge(ib).merge(ic)) == as_json(ia.merge(ib.merge(ic)))
    assert as_json(ia.merge(ib)) == as_json(ib.merge(ia))
    assert as_json(ia.merge(Inventory())) == as_json(ia) == as_json(Inventory().merge(ia))
    assert as_json(ia.merge(ib)) == as_json(inventory_of(a + b))  # merging parts = counting the whole


# -- separate scans merge to the scan of the union ---------------------------------


def strip_scan(inventory: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in inventory.items() if k != "scan"}


def test_merged_scans_equal_one_scan_of_both(sample_leak: SampleLeak, tmp_path: Path) -> None:
    part_a, part_b = tmp_path / "share-a", tmp_path / "share-b"
    for folder in sorted(p for p in sample_leak.root.iterdir() if p.is_dir()):
        target = part_a if folder.name < "l" else part_b
        shutil.copytree(folder, target / folder.name)
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)

    def scan(out: str, *roots: Path) -> InventoryJson:
        result = run_scan(ScanOptions(roots=roots, out_dir=tmp_path / out, workers=1, key_file=key))
        return result.inventory

    scan("a", part_a)
    scan("b", part_b)
    together = scan("both", part_a, part_b)
    merged = merge_scans([tmp_path / "a", tmp_path / "b"], tmp_path / "merged")
    assert strip_scan(merged) == strip_scan(together)
    assert merged["scan"]["key_fingerprint"] == together["scan"]["key_fingerprint"]
    def lines(out: str) -> list[str]:
        return sorted((tmp_path / out / "documents.jsonl").read_text("utf-8").splitlines())

    assert lines("merged") == lines("both")


def test_merge_refuses_scans_with_different_keys(sample_scan: SampleScan, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text("hello")
    run_scan(ScanOptions(roots=(tmp_path / "r",), out_dir=other, workers=1))  # its own new key
    result = CliRunner().invoke(main, ["merge", str(sample_scan.result.out_dir), str(other), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "different keys" in result.stderr


# -- lookup ------------------------------------------------------------------------


def files_mentioning(truth: dict[str, Any], entity_type: str, value: str) -> set[str]:
    return {path for path, found in truth["entities_by_file"].items() if value in found.get(entity_type, [])}


def lookup(sample_scan: SampleScan, tmp_path: Path, *query: str) -> tuple[int, list[str]]:
    key = tmp_path / "lookup.key"
    key.write_bytes(TEST_KEY)
    result = CliRunner().invoke(main, ["lookup", "--out", str(sample_scan.result.out_dir), "--key-file", str(key), *query])
    return result.exit_code, result.output.splitlines()


def test_lookup_finds_a_planted_address_in_its_documents(sample_scan: SampleScan, tmp_path: Path) -> None:
    truth = sample_scan.leak.truth
    address = max(truth["entities"]["EMAIL_ADDRESS"], key=lambda a: len(files_mentioning(truth, "EMAIL_ADDRESS", a)))
    expected = files_mentioning(truth, "EMAIL_ADDRESS", address)
    assert len(expected) >= 2
    status, lines = lookup(sample_scan, tmp_path, "--email", address.upper())
    assert status == 0
    assert {line.split("\t")[0] for line in lines} >= expected


def test_lookup_finds_a_phone_written_differently(sample_scan: SampleScan, tmp_path: Path) -> None:
    truth = sample_scan.leak.truth
    phone = sorted(truth["entities"]["PHONE_NUMBER"])[0]
    expected = files_mentioning(truth, "PHONE_NUMBER", phone)
    spaced = phone[:3] + " " + phone[3:6] + " " + phone[6:]
    status, lines = lookup(sample_scan, tmp_path, "--phone", spaced)
    assert status == 0
    assert {line.split("\t")[0] for line in lines} >= expected


def test_lookup_of_an_absent_value_says_not_found(sample_scan: SampleScan, tmp_path: Path) -> None:
    status, lines = lookup(sample_scan, tmp_path, "--email", "nobody.at.all@absent-example.org")
    assert (status, lines) == (1, ["not found"])


def test_lookup_needs_the_scans_key(sample_scan: SampleScan, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.key"
    wrong.write_bytes(b"f" * 64)
    result = CliRunner().invoke(main, ["lookup", "--out", str(sample_scan.result.out_dir), "--key-file", str(wrong),
                                       "--email", "a@b.example"])
    assert result.exit_code == 2
    assert "not the one the scan used" in result.stderr


def test_catalog_holds_hashes_not_values(sample_scan: SampleScan) -> None:
    import sqlite3

    with sqlite3.connect(locate_state(sample_scan.result.out_dir).catalog_path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"documents", "analyses", "entity_hashes"} <= tables
        hashes = [h for (h,) in db.execute("SELECT keyed_hash FROM entity_hashes")]
        records = [json.loads(r) for (r,) in db.execute("SELECT record FROM documents")]
    assert hashes and all(len(h) == 64 and int(h, 16) >= 0 for h in hashes)
    assert len(records) == len(sample_scan.documents)


@pytest.mark.parametrize("entity_type", ["EMAIL_ADDRESS", "PHONE_NUMBER"])
def test_duplicates_do_not_inflate_unique_counts(sample_scan: SampleScan, entity_type: str) -> None:
    entities = sample_scan.result.inventory["entities"]
    assert isinstance(entities, dict)
    assert entities[entity_type]["unique"] == len(sample_scan.leak.truth["entities"][entity_type])
    assert entities[entity_type]["mentions"] > entities[entity_type]["unique"]


# -- affected organisations ------------------------------------------------------------


def test_organizations_csv_only_when_asked(sample_leak: SampleLeak, sample_scan: SampleScan, tmp_path: Path) -> None:
    assert not (sample_scan.result.out_dir / "organizations.csv").exists()
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "orgs"
    run_scan(ScanOptions(roots=(sample_leak.root,), out_dir=out, workers=1, key_file=key, list_organizations=True))
    import csv

    with (out / "organizations.csv").open(encoding="utf-8") as handle:
        rows = {row["organization"]: row for row in csv.DictReader(handle)}
    truth = sample_leak.truth
    # Every true organisation is one row, whether it was seen as a name, a domain or both.
    true_orgs = {o.replace(" ", "") for o in truth["entities"]["ORGANIZATION"]}
    labels = {label.split(".")[0].replace("-", "") for label in rows}
    assert true_orgs <= {lab.removesuffix("inc") for lab in labels}
    contoso = rows["contoso.com"]
    people_at_contoso = {a for a in truth["entities"]["EMAIL_ADDRESS"] if a.endswith("@contoso.com")}
    assert int(contoso["people"]) == len(people_at_contoso)
    assert int(contoso["unique_documents"]) <= int(contoso["documents"])
    # Names of organisations only: no person, address or number is listed.
    text = (out / "organizations.csv").read_text("utf-8")
    assert "@" not in text
    assert not any(p in text for p in truth["entities"]["PHONE_NUMBER"])
