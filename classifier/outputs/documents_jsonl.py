"""documents.jsonl: one JSON object per document, in walk order (schemas/document.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypedDict, cast

from classifier.outputs.atomic import atomic_text
from classifier.records import DocumentRecord

NAME = "documents.jsonl"


class DocumentJson(TypedDict, total=False):
    """A record as read back (`DocumentRecord.to_json`); `sha256`, `root` and `masked_path`
    appear only when the scan wrote them."""

    path: str
    size: int
    content_hmac: str
    sha256: str
    root: str
    masked_path: str
    mime: str
    extension_mismatch: bool
    status: str
    error: str | None
    language: str | None
    dates: dict[str, str | None]
    categories: list[dict[str, Any]]
    entities: dict[str, dict[str, int]]
    duplicate_of: str | None
    near_duplicate_of: str | None
    ocr: bool


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


@contextmanager
def writer(out_dir: Path) -> Iterator[Callable[[DocumentRecord], None]]:
    """A function that appends one record; the file replaces the old one when the block ends."""
    with atomic_text(path_in(out_dir)) as handle:

        def write(record: DocumentRecord) -> None:
            handle.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")

        yield write


def read(out_dir: Path) -> Iterator[DocumentJson]:
    """One record at a time: a large scan's records need not fit in memory."""
    return read_file(path_in(out_dir))


def read_file(path: Path) -> Iterator[DocumentJson]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield cast(DocumentJson, json.loads(line))
