"""report.html: the report people read (rendered by `report/html.py`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from classifier.outputs.atomic import write_text
from classifier.report.html import render_report

NAME = "report.html"


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(out_dir: Path, inventory: Mapping[str, Any], documents: Iterable[Mapping[str, Any]],
          violations: list[dict[str, Any]] | None = None) -> None:
    write_text(path_in(out_dir), render_report(inventory, documents, violations))
