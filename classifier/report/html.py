"""inventory.json -> one self-contained HTML page: no scripts, fonts or images from anywhere.

Only aggregate numbers from the inventory reach the page, so the report can be
handed to managers, lawyers and the affected company without re-leaking data.
Charts are hand-built inline SVG bars.
"""

from __future__ import annotations

from html import escape
from typing import Any

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:2rem auto;max-width:980px;color:#1b1f24;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.sub{color:#57606a;margin-top:0}
.headline{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.8rem;margin:1.2rem 0}
.figure{border:1px solid #d0d7de;border-radius:8px;padding:.7rem .9rem;background:#f6f8fa}
.figure .n{font-size:1.7rem;font-weight:650} .figure .l{color:#57606a;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem} td,th{padding:.25rem .5rem;border-bottom:1px solid #eaeef2;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
svg text{font-size:12px;fill:#1b1f24}
@media print{body{margin:0} .figure{break-inside:avoid} h2{break-after:avoid}}
"""
BAR = "#2f6feb"
BAR_LIGHT = "#a5c3ff"


def _fmt(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else escape(str(value))


def bar_chart(title: str, rows: list[tuple[str, int, int | None]], first: str, second: str | None = None) -> str:
    """Horizontal bars; with `second`, a lighter bar shows the total behind the first value."""
    if not rows:
        return f"<h2>{escape(title)}</h2><p class='sub'>None found.</p>"
    width, label_w, bar_h = 900, 230, 20
    largest = max(max(a, b or 0) for _, a, b in rows) or 1
    height = bar_h * len(rows) + 30
    parts = [f"<svg role='img' aria-label='{escape(title)}' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"]
    for index, (label, value, total) in enumerate(rows):
        y = index * bar_h + 4
        scale = (width - label_w - 90) / largest
        parts.append(f"<text x='{label_w - 8}' y='{y + 13}' text-anchor='end'>{escape(label[:34])}</text>")
        if total is not None:
            parts.append(f"<rect x='{label_w}' y='{y}' width='{total * scale:.1f}' height='{bar_h - 6}' fill='{BAR_LIGHT}'/>")
        parts.append(f"<rect x='{label_w}' y='{y}' width='{max(value * scale, 1):.1f}' height='{bar_h - 6}' fill='{BAR}'/>")
        shown = f"{value:,}" + (f" / {total:,}" if total is not None else "")
        parts.append(f"<text x='{label_w + max(value, total or 0) * scale + 6:.1f}' y='{y + 13}'>{shown}</text>")
    legend_y = height - 8
    parts.append(f"<rect x='{label_w}' y='{legend_y - 10}' width='10' height='10' fill='{BAR}'/>"
                 f"<text x='{label_w + 14}' y='{legend_y}'>{escape(first)}</text>")
    if second:
        parts.append(f"<rect x='{label_w + 160}' y='{legend_y - 10}' width='10' height='10' fill='{BAR_LIGHT}'/>"
                     f"<text x='{label_w + 174}' y='{legend_y}'>{escape(second)}</text>")
    parts.append("</svg>")
    return f"<h2>{escape(title)}</h2>" + "".join(parts)


def render_report(inventory: dict[str, Any]) -> str:
    totals = inventory["totals"]
    entities = inventory["entities"]
    dates = inventory["dates"]

    def unique(entity_type: str) -> int:
        return int(entities.get(entity_type, {}).get("unique", 0))

    date_range = f"{dates['earliest']} – {dates['latest']}" if dates["earliest"] else "no dates found"
    headline = [
        ("documents", totals["documents"]),
        ("unique documents", totals["unique_documents"]),
        ("unique people", unique("PERSON")),
        ("email addresses", unique("EMAIL_ADDRESS")),
        ("phone numbers", unique("PHONE_NUMBER")),
        ("organisations", inventory["organizations"]["unique"]),
        ("countries", len(inventory["countries"])),
    ]
    figures = "".join(
        f"<div class='figure' data-figure='{escape(label)}'><div class='n'>{_fmt(value)}</div>"
        f"<div class='l'>{escape(label)}</div></div>"
        for label, value in headline
    )
    categories = sorted(inventory["categories"].items(), key=lambda kv: -kv[1]["documents"])
    entity_rows = sorted(entities.items(), key=lambda kv: -kv[1]["mentions"])
    countries = sorted(inventory["countries"].items(), key=lambda kv: -kv[1]["unique_entities"])
    file_types = sorted(inventory["file_types"].items(), key=lambda kv: -kv[1]["documents"])
    years = sorted(dates["documents_by_year"].items())
    statuses = sorted(totals["by_status"].items(), key=lambda kv: -kv[1])
    sections = [
        bar_chart("Documents per category", [(k, v["unique_documents"], v["documents"]) for k, v in categories],
                  "unique documents", "all documents, duplicates included"),
        bar_chart("Entity types", [(k, v["unique"], v["mentions"]) for k, v in entity_rows],
                  "unique values", "mentions"),
        bar_chart("Countries of exposed entities", [(k, v["unique_entities"], None) for k, v in countries],
                  "unique entities"),
        bar_chart("File types", [(k, v["documents"], None) for k, v in file_types], "documents"),
        bar_chart("Documents per year", [(k, v, None) for k, v in years], "documents"),
        bar_chart("What could be read", [(k, v, None) for k, v in statuses], "documents"),
    ]
    scan = inventory["scan"]
    roots = ", ".join(escape(str(r)) for r in scan["roots"])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<title>leakcensus report</title>"
        f"<style>{CSS}</style></head><body>"
        "<h1>What leaked, and how much</h1>"
        f"<p class='sub'>Scan of {roots} · {escape(scan['started_at'])} · dates in the documents: {escape(date_range)} · "
        f"{_fmt(totals['files'])} files, {_fmt(totals['bytes'])} bytes</p>"
        f"<div class='headline'>{figures}</div>"
        + "".join(sections)
        + "<p class='sub'>Counts only: this report holds no document content and no detected values. "
        f"Generated by leakcensus {escape(inventory['tool']['version'])}; key fingerprint "
        f"{escape(scan['key_fingerprint'])}.</p></body></html>\n"
    )
