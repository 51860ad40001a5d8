"""What is rendered from inventory.json and documents.jsonl alone: report.html and the flat
exports. A scan writes them after its inventory; `leakcensus report` writes them again without
rescanning."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from classifier.outputs import documents_csv, documents_jsonl, documents_parquet, inventory_json, report_html, violations_jsonl
from classifier.report.documents_summary import DocumentsSummary, summarise_documents
from classifier.report.headline import Figure


@dataclass(frozen=True)
class Derived:
    figures: list[Figure]  # the report's headline
    summary: DocumentsSummary  # what the report read from documents.jsonl


def write_derived(out_dir: Path, inventory: Mapping[str, Any], parquet: bool = False,
                  documents_unchanged: DocumentsSummary | None = None) -> Derived:
    """With `documents_unchanged`, the summary of a documents.jsonl that has not changed since it was
    made (a rescan that changed nothing): the report is rendered from it and the exports are kept when
    present (the report shows the scan's times)."""
    if documents_unchanged is None:  # (unchanged: documents.csv is one of the fingerprinted outputs)
        documents_csv.write(documents_jsonl.read(out_dir), documents_csv.path_in(out_dir))
    parquet_path = documents_parquet.path_in(out_dir)
    if parquet:
        if not (documents_unchanged is not None and parquet_path.exists()):
            documents_parquet.write(documents_jsonl.read(out_dir), parquet_path)
    else:
        parquet_path.unlink(missing_ok=True)  # it would describe an older scan
    summary = documents_unchanged if documents_unchanged is not None else summarise_documents(documents_jsonl.read(out_dir))
    return Derived(report_html.write(out_dir, inventory, summary, violations_jsonl.read(out_dir)), summary)


def rerender(out_dir: Path, parquet: bool = False) -> Path:
    """`leakcensus report`: the derived outputs again from an earlier scan's files; the report's path.

    Raises ExportError without pyarrow (before reading anything), OSError when a file cannot be
    read and ValueError when one is not what a scan writes.
    """
    if parquet:
        documents_parquet.require_parquet()
    write_derived(out_dir, inventory_json.read(out_dir), parquet)
    return report_html.path_in(out_dir)
