"""inventory.json: the scan's aggregate, as `Inventory.to_json` made it (schemas/inventory.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypedDict, cast

from classifier.outputs.atomic import write_text

NAME = "inventory.json"


class EntityCounts(TypedDict):
    mentions: int
    documents: int
    unique: int


class Totals(TypedDict):
    files: int
    documents: int
    bytes: int
    unique_documents: int
    by_status: dict[str, int]
    skipped: dict[str, int]
    ocr_documents: int


class InventoryJson(TypedDict):
    """What is read back; the schema holds the full contract (values below are left as JSON)."""

    schema: str
    tool: dict[str, str]
    scan: dict[str, Any]
    totals: Totals
    unique_counting: dict[str, Any]
    near_duplicates: dict[str, int]
    file_types: dict[str, dict[str, int]]
    categories: dict[str, dict[str, int]]
    entities: dict[str, EntityCounts]
    organizations: dict[str, int]
    countries: dict[str, dict[str, int]]
    dates: dict[str, Any]


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(out_dir: Path, inventory: InventoryJson) -> None:
    write_text(path_in(out_dir), json.dumps(inventory, indent=2, ensure_ascii=False) + "\n")


def read(out_dir: Path) -> InventoryJson:
    """Raises OSError when the file cannot be read and ValueError when it is not an inventory."""
    value = json.loads(path_in(out_dir).read_text("utf-8"))
    if not isinstance(value, dict) or not isinstance(value.get("totals"), dict):
        raise ValueError(f"{NAME} is not an inventory")
    return cast(InventoryJson, value)
