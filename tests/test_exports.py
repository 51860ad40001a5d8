"""documents.csv and documents.parquet: one row per documents.jsonl line, with the same values."""

from __future__ import annotations

import csv
import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from classifier.outputs import documents_csv, documents_parquet
from classifier.outputs.documents_parquet import ExportError
from tests.conftest import SampleScan
from tests.test_report import document


def jsonl_records(sample_scan: SampleScan) -> list[dict[str, Any]]:
    lines = (sample_scan.result.out_dir / "documents.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_csv_has_one_row_per_document_with_its_values(sample_scan: SampleScan, tmp_path: Path) -> None:
    records = jsonl_records(sample_scan)
    out = tmp_path / "documents.csv"
    documents_csv.write(iter(records), out)
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        columns = list(reader.fieldnames or [])
    assert len(rows) == len(records) == sample_scan.result.inventory["totals"]["documents"]
    types = sorted(sample_scan.result.inventory["entities"])
    assert columns[:17] == ["path", "root", "size", "content_hmac", "sha256", "mime", "extension_mismatch", "status",
                            "error", "language", "earliest", "latest", "top_category", "categories", "duplicate_of",
                            "near_duplicate_of", "ocr"]
    assert columns[17:] == [f"{t}_{kind}" for t in types for kind in ("mentions", "unique")]
    for row, record in zip(rows, records, strict=True):
        assert row["path"] == record["path"]
        assert int(row["size"]) == record["size"]
        assert row["content_hmac"] == record["content_hmac"]
        assert row["sha256"] == "" and row["root"] == ""  # neither asked for nor several roots
        assert row["extension_mismatch"] == ("true" if record["extension_mismatch"] else "false")
        assert row["status"] == record["status"]
        assert row["earliest"] == (record["dates"]["earliest"] or "")
        assert row["categories"] == ";".join(c["id"] for c in record["categories"])
        assert row["top_category"] == (record["categories"][0]["id"] if record["categories"] else "")
        assert row["duplicate_of"] == (record["duplicate_of"] or "")
        for entity_type in types:
            counts = record["entities"].get(entity_type, {"mentions": 0, "unique": 0})
            assert int(row[f"{entity_type}_mentions"]) == counts["mentions"]
            assert int(row[f"{entity_type}_unique"]) == counts["unique"]
    # Summing a column gives the inventory's mentions, as a spreadsheet user would check it.
    assert sum(int(r["EMAIL_ADDRESS_mentions"]) for r in rows) == \
        sample_scan.result.inventory["entities"]["EMAIL_ADDRESS"]["mentions"]


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(tmp_path: Path) -> None:
    out = tmp_path / "documents.csv"
    documents_csv.write([document("=HYPERLINK(1).pdf", "a1", [("offer", 0.9)], {"PERSON": (2, 1)}),
                         document("plain/-notes.txt", "b1", status="corrupt", error="not a zip file")], out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["path"] for r in rows] == ["'=HYPERLINK(1).pdf", "plain/-notes.txt"]
    assert rows[1]["error"] == "not a zip file"
    assert (rows[0]["PERSON_mentions"], rows[1]["PERSON_unique"]) == ("2", "0")


def test_parquet_round_trips_with_typed_columns(sample_scan: SampleScan, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed (pip install 'leakcensus[parquet]')")
    records = jsonl_records(sample_scan)
    out = tmp_path / "documents.parquet"
    documents_parquet.write(iter(records), out)
    table = pq.read_table(str(out))
    assert table.num_rows == len(records)
    assert str(table.schema.field("size").type) == "int64"
    assert str(table.schema.field("EMAIL_ADDRESS_unique").type) == "int64"
    categories_type = table.schema.field("categories").type
    assert str(categories_type).startswith("list<") and str(categories_type.value_type) == "string"
    rows = table.to_pylist()
    for row, record in zip(rows, records, strict=True):
        assert row["path"] == record["path"]
        assert row["categories"] == [c["id"] for c in record["categories"]]
        assert row["duplicate_of"] == record["duplicate_of"]
        assert row["PHONE_NUMBER_unique"] == record["entities"].get("PHONE_NUMBER", {}).get("unique", 0)


def test_parquet_without_pyarrow_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = importlib.import_module

    def without_pyarrow(name: str, package: str | None = None) -> ModuleType:
        if name.split(".")[0] == "pyarrow":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", without_pyarrow)
    with pytest.raises(ExportError, match=r"pip install 'leakcensus\[parquet\]'"):
        documents_parquet.write([document("a.pdf", "a1")], tmp_path / "d.parquet")
    assert not (tmp_path / "d.parquet").exists()
