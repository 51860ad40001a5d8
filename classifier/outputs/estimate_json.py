"""estimate.json: figures of inventory.json estimated from a sample, each as
{"estimate", "low", "high"} (95%), with the sample's facts and the method behind each figure
(schemas/estimate.schema.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, cast

from classifier.outputs.atomic import write_text
from classifier.version import __version__

if TYPE_CHECKING:  # classifier.estimate runs scans; report.html reads this file from within one
    from classifier.estimate.figures import Estimate

NAME = "estimate.json"
SCHEMA_ID = "leakcensus.estimate/1"


class EstimateJson(TypedDict):
    schema: str
    tool: dict[str, str]
    sample: dict[str, Any]
    totals: dict[str, Any]
    file_types: dict[str, Any]
    categories: dict[str, Any]
    entities: dict[str, Any]
    organizations: dict[str, Any]


def of(estimate: Estimate, sample: dict[str, object]) -> EstimateJson:
    """The figures nested where inventory.json has them; methods keyed by the figure's dotted path."""
    document: dict[str, Any] = {"schema": SCHEMA_ID, "tool": {"name": "leakcensus", "version": __version__},
                                "sample": {**sample, "methods": {}},
                                "totals": {"by_status": {}}, "file_types": {}, "categories": {}, "entities": {},
                                "organizations": {}}
    for figure in sorted(estimate.figures):
        place = document
        for part in figure[:-1]:
            place = place.setdefault(part, {})
        place[figure[-1]] = estimate.figures[figure].to_json()
        document["sample"]["methods"][".".join(figure)] = estimate.methods[figure]
    return cast(EstimateJson, document)


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(out_dir: Path, estimate: EstimateJson) -> None:
    write_text(path_in(out_dir), json.dumps(estimate, indent=2, ensure_ascii=False) + "\n")


def read(out_dir: Path) -> EstimateJson:
    value = json.loads(path_in(out_dir).read_text("utf-8"))
    if not isinstance(value, dict) or value.get("schema") != SCHEMA_ID:
        raise ValueError(f"{NAME} is not an estimate")
    return cast(EstimateJson, value)
