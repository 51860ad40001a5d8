"""documents.csv: the documents as a flat table (columns: `report/exports.py`), UTF-8 with a header row."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from classifier.outputs.atomic import atomic_text
from classifier.report.exports import csv_cell, document_table

NAME = "documents.csv"


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(documents: Iterable[Mapping[str, Any]], path: Path) -> None:
    """Empty cells for null, `true`/`false` for extension_mismatch and ocr, category ids joined with ';'."""
    columns, rows = document_table(documents)
    with atomic_text(path, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row[column]) for column in columns])
