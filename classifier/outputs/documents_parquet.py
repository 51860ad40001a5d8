"""documents.parquet: the documents table with typed columns (only with --parquet; needs pyarrow)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from classifier.errors import RunError
from classifier.outputs.atomic import atomic_path
from classifier.report.exports import REQUIRED_STRINGS, document_table

NAME = "documents.parquet"
STRING_COLUMNS = frozenset({"path", "root", "content_hmac", "sha256", "mime", "status", "error", "language", "earliest",
                            "latest", "top_category", "duplicate_of", "near_duplicate_of"})


class ExportError(RunError):
    """Parquet cannot be written (pyarrow, an optional extra, is missing); one line for the operator."""


def require_parquet() -> None:
    """Raise ExportError now (before a long scan) when pyarrow is missing."""
    try:
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ExportError("writing Parquet needs pyarrow: pip install 'leakcensus[parquet]'") from None


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(documents: Iterable[Mapping[str, Any]], path: Path) -> None:
    """Sizes and counts int64, categories a list of strings; raises ExportError without pyarrow."""
    require_parquet()
    # Imported by name: pyarrow is an optional extra and ships no type information.
    pa = importlib.import_module("pyarrow")
    pq = importlib.import_module("pyarrow.parquet")
    columns, rows = document_table(documents)
    fields = []
    for column in columns:
        if column in STRING_COLUMNS:
            fields.append(pa.field(column, pa.string(), nullable=column not in REQUIRED_STRINGS))
        elif column in ("extension_mismatch", "ocr"):
            fields.append(pa.field(column, pa.bool_(), nullable=False))
        elif column == "categories":
            fields.append(pa.field(column, pa.list_(pa.string()), nullable=False))
        else:  # size and the entity counts
            fields.append(pa.field(column, pa.int64(), nullable=False))
    table = pa.Table.from_pylist(rows, schema=pa.schema(fields))
    with atomic_path(path) as partial:
        pq.write_table(table, str(partial))
