"""The whole pipeline on the generated sample leak, checked against the generator's ground truth."""

from __future__ import annotations

from collections import Counter

from tests.conftest import SampleScan


def top_level(scan: SampleScan) -> list[str]:
    return [d["path"] for d in scan.documents if "!/" not in d["path"]]


def test_every_file_has_exactly_one_record(sample_scan: SampleScan) -> None:
    on_disk = sorted(p.relative_to(sample_scan.leak.root).as_posix()
                     for p in sample_scan.leak.root.rglob("*") if p.is_file())
    paths = top_level(sample_scan)
    assert sorted(paths) == on_disk
    assert Counter(paths).most_common(1)[0][1] == 1
    assert sample_scan.result.inventory["totals"]["files"] == len(on_disk)


def test_container_members_have_their_own_records(sample_scan: SampleScan) -> None:
    paths = {d["path"] for d in sample_scan.documents}
    expected = {
        f"{path}!/{member}"
        for path, info in sample_scan.leak.truth["files"].items()
        for member in info.get("members", [])
    }
    assert expected, "the sample leak has containers"
    assert expected <= paths
    assert any(p.endswith(".zip") or ".zip!/" in p for p in expected)
    assert any(".eml!/" in p for p in expected)


def test_exact_duplicates_point_at_the_first_copy(sample_scan: SampleScan) -> None:
    by_path = {d["path"]: d for d in sample_scan.documents}
    truth_duplicates = {p: f["duplicate_of"] for p, f in sample_scan.leak.truth["files"].items() if f["duplicate_of"]}
    assert len(truth_duplicates) >= 3
    for path in truth_duplicates:
        record = by_path[path]
        first = by_path[record["duplicate_of"]]
        assert first["content_hmac"] == record["content_hmac"]
        assert first["duplicate_of"] is None
    totals = sample_scan.result.inventory["totals"]
    assert totals["unique_documents"] == len({d["content_hmac"] for d in sample_scan.documents})
    assert totals["unique_documents"] < totals["documents"]


def test_unique_pattern_entities_match_the_truth(sample_scan: SampleScan) -> None:
    entities = sample_scan.result.inventory["entities"]
    truth = sample_scan.leak.truth["entities"]
    assert isinstance(entities, dict)
    for entity_type in ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE"):
        assert entities[entity_type]["unique"] == len(truth[entity_type]), entity_type


def test_people_are_counted_once_not_per_mention(sample_scan: SampleScan) -> None:
    person = sample_scan.result.inventory["entities"]["PERSON"]
    true_people = len(sample_scan.leak.truth["entities"]["PERSON"])
    assert person["mentions"] > person["unique"]
    # NER is not exact; the walking skeleton must land within 35% of the truth (issue 4 tightens this).
    assert abs(person["unique"] - true_people) <= 0.35 * true_people


def test_statuses_add_up(sample_scan: SampleScan) -> None:
    totals = sample_scan.result.inventory["totals"]
    assert isinstance(totals, dict)
    assert sum(totals["by_status"].values()) == totals["documents"]
    assert totals["documents"] == len(sample_scan.documents)


def test_near_duplicates_match_the_truth(sample_scan: SampleScan) -> None:
    truth = {p: f.get("near_duplicate_of") for p, f in sample_scan.leak.truth["files"].items()}
    found = {d["path"]: d["near_duplicate_of"] for d in sample_scan.documents if d["duplicate_of"] is None}
    expected = {p: o for p, o in truth.items() if o}
    assert len(expected) >= 2
    assert {p: o for p, o in found.items() if o} == expected
    near = sample_scan.result.inventory["near_duplicates"]
    assert near == {"clusters": len(expected), "documents": 2 * len(expected)}
