"""violations.jsonl: one JSON object per policy violation (rule, per, path, counts); only with --policy."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from classifier.outputs.atomic import atomic_text
from classifier.policy import Violation

NAME = "violations.jsonl"


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(violations: Iterable[Violation], path: Path) -> None:
    with atomic_text(path) as out:
        for violation in violations:
            out.write(json.dumps(violation.to_json(), ensure_ascii=False) + "\n")


def read(out_dir: Path) -> list[dict[str, Any]] | None:
    """The violations of the scan in `out_dir`, or None when it was not given a policy."""
    path = path_in(out_dir)
    if not path.exists():
        return None
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def remove(out_dir: Path) -> None:
    """Stale violations of another policy would be read as this scan's."""
    path_in(out_dir).unlink(missing_ok=True)
