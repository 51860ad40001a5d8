"""The census beside the estimate made before it (#22): when `leakcensus estimate` wrote estimate.json
into the folder a full scan later writes to, report.html shows each estimated figure, its 95% interval
and the census's count, and whether the count lies inside. The estimate is then checked in the open,
which is what lets a figure from a sample survive the other side's rebuttal.

Pure: estimate.json and inventory.json in, HTML out; counts only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from html import escape
from typing import Any

from classifier import formats


def interval_text(figure: Mapping[str, int]) -> str:
    """`≈ 412,000 (95% CI 380,000–447,000)`; a figure counted exactly, without the interval."""
    estimate, low, high = figure["estimate"], figure["low"], figure["high"]
    if low == estimate == high:
        return f"{estimate:,} (counted)"
    return f"≈ {estimate:,} (95% CI {low:,}–{high:,})"


def figure_label(path: tuple[str, ...]) -> str:
    """What a figure is, from where it sits in estimate.json (and inventory.json)."""
    if path[0] == "file_types":
        return f"{formats.label(path[1])} ({path[-1]})"
    if path[-1] == "unique":  # ("entities", "EMAIL_ADDRESS", "unique"), ("organizations", "unique")
        return "unique " + (path[1] if path[0] == "entities" else path[0])
    if path[0] == "categories":
        return f"{path[1]} documents"
    return " ".join(path[1:] if path[0] == "totals" else path)


def paired_figures(estimate: Mapping[str, Any], inventory: Mapping[str, Any],
                   path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Mapping[str, int], int]]:
    """(path, estimated figure, census count) for every estimated figure the inventory counts at the
    same place. Walked as trees, not dotted paths: MIME types hold dots."""
    for key, value in estimate.items():
        if not isinstance(value, Mapping) or (path == () and key in ("sample", "tool")):
            continue
        counted = inventory.get(key) if isinstance(inventory, Mapping) else None
        if "estimate" in value:
            if isinstance(counted, int) and not isinstance(counted, bool):
                yield (*path, key), value, counted
        elif isinstance(counted, Mapping):
            yield from paired_figures(value, counted, (*path, key))


def census_beside_estimate(estimate: Mapping[str, Any], inventory: Mapping[str, Any]) -> str:
    """The report section; empty when no figure pairs up."""
    pairs = sorted(paired_figures(estimate, inventory), key=lambda pair: (pair[0][0] != "totals", -pair[2], pair[0]))
    if not pairs:
        return ""
    inside = sum(1 for _, figure, counted in pairs if figure["low"] <= counted <= figure["high"])
    sample = estimate["sample"]
    files = inventory["totals"]["files"]
    walk_note = "" if sample["files_in_walk"] == files else (
        f" The estimate's walk saw {sample['files_in_walk']:,} files and this census {files:,}: the share may "
        "have changed in between, or the estimate was of other roots.")
    rows = "".join(
        f"<tr data-figure='{escape('.'.join(path))}'><td>{escape(figure_label(path))}</td>"
        f"<td class='num'>{escape(interval_text(figure))}</td><td class='num'>{counted:,}</td>"
        f"<td>{'inside' if figure['low'] <= counted <= figure['high'] else '<strong>outside</strong>'}</td></tr>"
        for path, figure, counted in pairs)
    return (
        "<h2>The estimate made before this census</h2>"
        f"<p class='note'>estimate.json in this folder was made from {sample['files_drawn']:,} of "
        f"{sample['files_in_walk']:,} files (a {escape(str(sample['requested']))} sample, seed {sample['seed']}). "
        f"{inside} of {len(pairs)} counts of this census lie inside the estimate's 95% interval; about 1 in 20 "
        f"would fall outside by chance alone.{escape(walk_note)}</p>"
        "<table><tr><th>figure</th><th class='num'>estimate</th><th class='num'>census</th><th>census in the interval</th></tr>"
        f"{rows}</table>"
    )
