"""documents.jsonl records -> flat tables people load into spreadsheets, pandas or a SIEM
(written by `outputs/documents_csv.py` and `outputs/documents_parquet.py`).

One row per document with fixed columns, then `<TYPE>_mentions` and `<TYPE>_unique` for
every entity type present in the scan (0 where a document has none). Like the records they
come from, the rows hold counts and file metadata only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FIXED_COLUMNS = ("path", "root", "size", "content_hmac", "sha256", "mime", "extension_mismatch", "status", "error", "language",
                 "earliest", "latest", "top_category", "categories", "duplicate_of", "near_duplicate_of",
                 "ocr")
# Spreadsheet programs run a cell that starts with one of these as a formula, and leaked file
# names are chosen by whoever made the files (OWASP "CSV injection"): such cells get a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REQUIRED_STRINGS = frozenset({"path", "content_hmac", "mime", "status"})


Row = dict[str, Any]


def entity_types(documents: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every entity type any document mentions, sorted."""
    return sorted({entity_type for document in documents for entity_type in document.get("entities") or {}})


def document_row(document: Mapping[str, Any], types: Iterable[str]) -> Row:
    """One flat row; `categories` stays a list (CSV joins it with ';')."""
    dates = document.get("dates") or {}
    categories = [str(category["id"]) for category in document.get("categories") or ()]
    entities = document.get("entities") or {}
    row: Row = {
        "path": document["path"],
        "root": document.get("root"),
        "size": int(document["size"]),
        "content_hmac": document["content_hmac"],
        "sha256": document.get("sha256"),
        "mime": document["mime"],
        "extension_mismatch": bool(document["extension_mismatch"]),
        "status": document["status"],
        "error": document.get("error"),
        "language": document.get("language"),
        "earliest": dates.get("earliest"),
        "latest": dates.get("latest"),
        "top_category": categories[0] if categories else None,
        "categories": categories,
        "duplicate_of": document.get("duplicate_of"),
        "near_duplicate_of": document.get("near_duplicate_of"),
        "ocr": bool(document.get("ocr", False)),  # records written before OCR have none
    }
    for entity_type in types:
        counts = entities.get(entity_type) or {}
        row[f"{entity_type}_mentions"] = int(counts.get("mentions", 0))
        row[f"{entity_type}_unique"] = int(counts.get("unique", 0))
    return row


def document_table(documents: Iterable[Mapping[str, Any]]) -> tuple[list[str], list[Row]]:
    """Column names and rows. The records are held in memory: the entity columns depend on all of them."""
    records = list(documents)
    types = entity_types(records)
    columns = [*FIXED_COLUMNS, *(f"{t}_{kind}" for t in types for kind in ("mentions", "unique"))]
    return columns, [document_row(record, types) for record in records]


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = ";".join(value)
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_STARTS) else text
