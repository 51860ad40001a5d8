"""report.html: the report people read (rendered by `report/html.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from classifier.outputs import estimate_json
from classifier.outputs.atomic import write_text
from classifier.outputs.estimate_json import EstimateJson
from classifier.report.documents_summary import DocumentsSummary
from classifier.report.headline import Figure
from classifier.report.html import rendered_report

NAME = "report.html"


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(out_dir: Path, inventory: Mapping[str, Any], summary: DocumentsSummary | None,
          violations: list[dict[str, Any]] | None = None) -> list[Figure]:
    """The report written from documents.jsonl's summary, and its headline figures. An estimate.json in
    the folder (`leakcensus estimate` before this census) is shown beside the counts."""
    page, figures = rendered_report(inventory, summary, violations, earlier_estimate(out_dir))
    write_text(path_in(out_dir), page)
    return figures


def earlier_estimate(out_dir: Path) -> EstimateJson | None:
    try:
        return estimate_json.read(out_dir)
    except FileNotFoundError:
        return None
    except ValueError:  # not an estimate this version writes: the report is made without it
        return None
