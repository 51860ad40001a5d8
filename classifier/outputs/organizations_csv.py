"""organizations.csv: affected organisations by name or domain, with counts (only with
--list-organizations: organisation names identify customers)."""

from __future__ import annotations

import csv
from pathlib import Path

from classifier.organizations import COLUMNS, OrganizationTable
from classifier.outputs.atomic import atomic_text

NAME = "organizations.csv"


def path_in(out_dir: Path) -> Path:
    return out_dir / NAME


def write(out_dir: Path, table: OrganizationTable, people: frozenset[str] = frozenset()) -> int:
    """One row per organisation, leaving out those that are a person's name elsewhere (`people`)."""
    rows = table.rows(people)
    with atomic_text(path_in(out_dir), newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return len(rows)


def remove(out_dir: Path) -> None:
    """An earlier run's list must not outlive a scan that was not asked for one."""
    path_in(out_dir).unlink(missing_ok=True)
