"""estimate.html: the estimate people read (rendered by `report/estimate_html.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from classifier.outputs.atomic import write_text
from classifier.report.estimate_html import render_estimate

NAME = "estimate.html"


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(out_dir: Path, estimate: Mapping[str, Any]) -> None:
    write_text(path_in(out_dir), render_estimate(estimate))
