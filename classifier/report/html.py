"""inventory.json + documents.jsonl -> one self-contained HTML page: nothing is loaded from anywhere.

Only counts and file metadata reach the page (the inputs hold no detected values), so the
report can be handed to managers, lawyers and the affected company without re-leaking data.
Charts are hand-built inline SVG; a Content-Security-Policy of `default-src 'none'` makes any
future slip (an external font, image or script) fail closed in the browser instead of calling out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from classifier import formats
from classifier.pii.entity_types import FOLDER_SCORES
from classifier.report.documents_summary import DocumentsSummary, summarise_documents
from classifier.report.estimate_check import census_beside_estimate
from classifier.report.folders import SCORED_ENTITIES, TOP_LEVEL, FolderSummary
from classifier.report.headline import Figure, headline

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:2rem auto;max-width:980px;color:#1b1f24;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.sub{color:#57606a;margin-top:0} .lead{font-size:1.1rem;line-height:1.5}
.headline{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.8rem;margin:1.2rem 0}
.figure{border:1px solid #d0d7de;border-radius:8px;padding:.7rem .9rem;background:#f6f8fa}
.figure .n{font-size:1.7rem;font-weight:650} .figure .l{color:#57606a;font-size:.85rem}
.figure .k{color:#57606a;font-size:.75rem} .figure.alert{border-color:#cf222e;background:#fff5f5} .figure.alert .n{color:#cf222e}
.warn{color:#cf222e;font-weight:600} .figure.wide{grid-column:span 2} .figure.wide .n{font-size:1.25rem;padding:.25rem 0}
table{border-collapse:collapse;width:100%;font-size:.82rem} td,th{padding:.25rem .4rem;border-bottom:1px solid #eaeef2;text-align:left}
th{font-weight:600;color:#57606a} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.folder{min-width:8rem;overflow-wrap:anywhere;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem}
svg{max-width:100%;height:auto} svg text{font-size:12px;fill:#1b1f24}
.note{color:#57606a;font-size:.8rem} td.bar{width:60px;padding-left:0} td.bar svg{max-width:none}
@page{margin:14mm}
@media print{body{margin:0;max-width:none;padding:0} .figure,svg,tr{break-inside:avoid} h2{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""
# No network, ever: inline styles are the only thing the page may use.
CSP = "default-src 'none'; style-src 'unsafe-inline'"
BAR = "#2f6feb"
BAR_LIGHT = "#a5c3ff"
ALERT = "#cf222e"
MAX_REASON_ROWS = 25
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
MAX_LABEL = 34


def _fmt(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else escape(str(value))


def _label(text: str) -> str:
    """A chart label: known types by name, others cut in the middle so both ends stay readable."""
    text = formats.label(text)
    if len(text) <= MAX_LABEL:
        return text
    head = (MAX_LABEL - 1) // 2
    return text[:head] + "…" + text[-(MAX_LABEL - 1 - head):]


def bar_chart(title: str, rows: list[tuple[str, int, int | None]], first: str, second: str | None = None,
              colour: str = BAR) -> str:
    """Horizontal bars; with `second`, a lighter bar shows the total behind the first value."""
    if not rows:
        return f"<h2>{escape(title)}</h2><p class='sub'>None found.</p>"
    width, label_w, bar_h = 900, 230, 20
    largest = max(max(a, b or 0) for _, a, b in rows) or 1
    height = bar_h * len(rows) + 30
    scale = (width - label_w - 90) / largest
    parts = [f"<svg role='img' aria-label='{escape(title)}' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"]
    for index, (label, value, total) in enumerate(rows):
        y = index * bar_h + 4
        parts.append(f"<text x='{label_w - 8}' y='{y + 13}' text-anchor='end'><title>{escape(label)}</title>"
                     f"{escape(_label(label))}</text>")
        if total is not None:
            parts.append(f"<rect x='{label_w}' y='{y}' width='{total * scale:.1f}' height='{bar_h - 6}' fill='{BAR_LIGHT}'/>")
        parts.append(f"<rect x='{label_w}' y='{y}' width='{max(value * scale, 1):.1f}' height='{bar_h - 6}' fill='{colour}'/>")
        shown = f"{value:,}" + (f" / {total:,}" if total is not None else "")
        parts.append(f"<text x='{label_w + max(value, total or 0) * scale + 6:.1f}' y='{y + 13}'>{shown}</text>")
    legend_y = height - 8
    parts.append(f"<rect x='{label_w}' y='{legend_y - 10}' width='10' height='10' fill='{colour}'/>"
                 f"<text x='{label_w + 14}' y='{legend_y}'>{escape(first)}</text>")
    if second:
        parts.append(f"<rect x='{label_w + 160}' y='{legend_y - 10}' width='10' height='10' fill='{BAR_LIGHT}'/>"
                     f"<text x='{label_w + 174}' y='{legend_y}'>{escape(second)}</text>")
    parts.append("</svg>")
    return f"<h2>{escape(title)}</h2>" + "".join(parts)


def timeline_chart(title: str, documents_by_year: Mapping[str, int]) -> str:
    """Vertical columns, one per calendar year from the first to the last, empty years included."""
    years = sorted(int(year) for year in documents_by_year if year.isdigit())
    if not years:
        return f"<h2>{escape(title)}</h2><p class='sub'>No dated documents.</p>"
    span = list(range(years[0], years[-1] + 1))
    counts = [int(documents_by_year.get(str(year), 0)) for year in span]
    width, height, left, bottom, top = 900, 220, 40, 28, 18
    slot = (width - left - 10) / len(span)
    column = max(min(slot * 0.7, 48), 1)
    largest = max(counts) or 1
    scale = (height - bottom - top) / largest
    # Label every year while they fit, else every k-th so the labels never overlap.
    label_every = max(1, math.ceil(40 / slot))
    parts = [f"<svg role='img' aria-label='{escape(title)}' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>",
             f"<line x1='{left}' y1='{height - bottom}' x2='{width - 10}' y2='{height - bottom}' stroke='#8c959f'/>"]
    for index, (year, count) in enumerate(zip(span, counts, strict=True)):
        x = left + index * slot + (slot - column) / 2
        bar = count * scale
        if count:
            parts.append(f"<rect x='{x:.1f}' y='{height - bottom - bar:.1f}' width='{column:.1f}' height='{bar:.1f}' fill='{BAR}'>"
                         f"<title>{year}: {count:,}</title></rect>")
            if slot >= 24:
                parts.append(f"<text x='{x + column / 2:.1f}' y='{height - bottom - bar - 4:.1f}' text-anchor='middle'>{count:,}</text>")
        if index % label_every == 0:
            parts.append(f"<text x='{x + column / 2:.1f}' y='{height - 10}' text-anchor='middle'>{year}</text>")
    parts.append("</svg>")
    return f"<h2>{escape(title)}</h2>" + "".join(parts)


def _score_bar(score: float, largest: float) -> str:
    width = 56 * score / largest if largest else 0
    return (f"<svg width='58' height='10' viewBox='0 0 58 10' aria-hidden='true'>"
            f"<rect x='0' y='1' width='{max(width, 1):.1f}' height='8' fill='{ALERT}'/></svg>")


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def entity_weights_note() -> str:
    """The identifier weights in words, equal weights together: "secret 10, …, email, phone or person 1"."""
    by_weight: dict[float, list[str]] = {}
    for score in FOLDER_SCORES.values():
        by_weight.setdefault(score.weight, []).append(score.singular)
    return ", ".join(f"{_either(names)} {weight:g}" for weight, names in by_weight.items())


def folders_section(folders: list[FolderSummary] | None) -> str:
    title = "<h2>The most sensitive folders</h2>"
    if folders is None:
        return title + "<p class='sub'>Not available: this report was rendered without documents.jsonl.</p>"
    if not folders:
        return title + "<p class='sub'>No folder holds sensitive categories or identifiers.</p>"
    largest = max(summary.score for summary in folders)
    head = ("<tr><th>folder</th><th class='num'>score</th><th></th><th class='num'>documents</th><th>main categories</th>"
            + "".join(f"<th class='num'>{FOLDER_SCORES[t].plural}</th>" for t in SCORED_ENTITIES) + "</tr>")
    rows = []
    for summary in folders:
        shown = "./ (top level)" if summary.folder == TOP_LEVEL else summary.folder + "/"
        unique = f" ({summary.unique_documents:,} unique)" if summary.unique_documents != summary.documents else ""
        categories = ", ".join(f"{escape(c)} {n:,}" for c, n in summary.top_categories()) or "–"
        rows.append(
            f"<tr data-folder='{escape(summary.folder)}'><td class='folder'>{escape(shown)}</td>"
            f"<td class='num'>{round(summary.score):,}</td><td class='bar'>{_score_bar(summary.score, largest)}</td>"
            f"<td class='num'>{summary.documents:,}{unique}</td><td>{categories}</td>"
            + "".join(f"<td class='num'>{summary.entities.get(t, 0):,}</td>" for t in SCORED_ENTITIES) + "</tr>"
        )
    note = ("<p class='note'>Score: for each distinct document in the folder, the weight of each business category it "
            "was tagged with (credentials 10, personnel 8, financial 6, contract 4, …) times the tagger's confidence, plus "
            f"for each identifier type its weight ({entity_weights_note()}) times log2(1 + its unique values in the "
            "folder). Folders holding a secret, an SSN or a card number are listed first, and every folder holding a "
            "secret is listed. "
            "A folder is a file's directory; archive members count in their archive's folder. Identifier columns add up "
            "per-document unique counts, so a value found in two documents of a folder counts twice.</p>")
    return title + f"<table>{head}{''.join(rows)}</table>{note}"


def reasons_section(reasons: Counter[tuple[str, str]] | None) -> str:
    if reasons is None:
        return ""
    if not reasons:
        return "<p class='sub'>Every document was read.</p>"
    ranked = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [f"<tr><td>{escape(status)}</td><td>{escape(reason) or '–'}</td><td class='num'>{count:,}</td></tr>"
            for (status, reason), count in ranked[:MAX_REASON_ROWS]]
    rest = sum(count for _, count in ranked[MAX_REASON_ROWS:])
    if rest:
        rows.append(f"<tr><td>…</td><td>{len(ranked) - MAX_REASON_ROWS:,} other reasons</td><td class='num'>{rest:,}</td></tr>")
    return ("<h2>Why documents could not be read</h2><table><tr><th>status</th><th>reason</th>"
            f"<th class='num'>documents</th></tr>{''.join(rows)}</table>")


def headline_section(inventory: Mapping[str, Any], figures: list[Figure]) -> tuple[str, str]:
    """The lead sentence and the figure cards: sensitive identifiers and documents first."""
    totals, dates = inventory["totals"], inventory["dates"]
    sensitive = [f for f in figures if f.sensitive and f.value]
    exposed = (", ".join(escape(f.text) for f in sensitive) if sensitive
               else "no secrets, SSNs, IBANs, card numbers or credential, personnel or financial documents")
    by_key = {f.key: f for f in figures}
    dated = f", dated {escape(dates['earliest'])} to {escape(dates['latest'])}" if dates["earliest"] else ""
    lead = (f"<p class='lead'>{_fmt(totals['documents'])} documents ({_fmt(totals['unique_documents'])} unique) expose "
            f"{exposed}; {_fmt(by_key['PERSON'].value)} people, {_fmt(by_key['EMAIL_ADDRESS'].value)} email addresses, "
            f"{_fmt(by_key['PHONE_NUMBER'].value)} phone numbers and {_fmt(by_key['organizations'].value)} organisations "
            f"in {_fmt(by_key['countries'].value)} countries{dated}.</p>")
    cards = [(f.label, f.value, "figure alert" if f.sensitive and f.value else "figure",
              f.kinds_text(" · ")) for f in figures]
    cards += [("documents", totals["documents"], "figure", ""), ("unique documents", totals["unique_documents"], "figure", "")]
    if totals.get("ocr_documents"):  # how much of the census rests on OCR, which misreads some letters
        cards.append(("read by OCR", totals["ocr_documents"], "figure", "pictures of text"))
    date_range = f"{dates['earliest']} – {dates['latest']}" if dates["earliest"] else "no dates found"
    html = "".join(
        f"<div class='{css}' data-figure='{escape(label)}'><div class='n'>{_fmt(value)}</div>"
        f"<div class='l'>{escape(label)}</div>" + (f"<div class='k'>{escape(kinds)}</div>" if kinds else "") + "</div>"
        for label, value, css, kinds in cards
    ) + (f"<div class='figure wide' data-figure='date range'><div class='n'>{escape(date_range)}</div>"
         "<div class='l'>dates in the documents</div></div>")
    warnings = "".join(
        f"<p class='warn' data-outlier='{escape(f.key)}'>{_fmt(source.count)} of {_fmt(f.value)} {escape(f.label)} "
        f"come from one document: <code>{escape(source.path)}</code>.</p>"
        for f in figures if (source := f.outlier) is not None)
    return lead, f"<div class='headline'>{html}</div>{warnings}"


def sources_section(figures: list[Figure]) -> str:
    """Per identifier figure, the documents that contribute most to it (an outlier shows here)."""
    rows = []
    for figure in figures:
        if not figure.sources or not figure.value:
            continue
        listed = "<br>".join(f"<code>{escape(s.path)}</code> {_fmt(s.count)}" for s in figure.sources)
        rows.append(f"<tr data-sources='{escape(figure.key)}'><td>{escape(figure.label)}</td>"
                    f"<td class='num'>{_fmt(figure.value)}</td><td>{listed}</td></tr>")
    if not rows:
        return ""
    return ("<h2>Where the figures come from</h2><table><tr><th>figure</th><th class='num'>unique</th>"
            f"<th>documents with the most (unique values in each)</th></tr>{''.join(rows)}</table>"
            "<p class='note'>Per-document counts are unique within each document; one value found in two "
            "documents counts in both. Copies are not listed.</p>")


def violations_section(violations: list[dict[str, Any]]) -> str:
    """The policy's violations: by rule and severity, how many are new since the baseline, the first ones."""
    if not violations:
        return "<h2>Policy violations</h2><p class='sub'>The policy found no violation.</p>"
    by_rule: Counter[tuple[str, str]] = Counter((str(v["rule"]), str(v.get("severity", "medium"))) for v in violations)
    with_baseline = any("new_since_baseline" in v for v in violations)
    new = sum(1 for v in violations if v.get("new_since_baseline"))
    summary = (f"<p class='lead' data-violations='{len(violations)}'>{_fmt(len(violations))} violations"
               + (f", <span class='warn'>{_fmt(new)} new since the baseline</span>" if with_baseline else "") + ".</p>")
    rules = "".join(f"<tr><td>{escape(rule)}</td><td>{escape(severity)}</td><td class='num'>{_fmt(count)}</td></tr>"
                    for (rule, severity), count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])))
    ordered = sorted(violations, key=lambda v: (not v.get("new_since_baseline"), SEVERITY_ORDER.get(str(v.get("severity")), 9)))
    rows = "".join(
        f"<tr><td>{escape(str(v['rule']))}</td><td>{escape(str(v.get('severity', 'medium')))}</td>"
        f"<td><code>{escape(str(v['path']))}</code></td>"
        f"<td>{escape(', '.join(f'{k} {n:,}' for k, n in v['counts'].items()))}</td>"
        + (f"<td>{'new' if v.get('new_since_baseline') else 'accepted'}</td>" if with_baseline else "") + "</tr>"
        for v in ordered[:MAX_REASON_ROWS])
    more = (f"<p class='note'>{_fmt(len(violations) - MAX_REASON_ROWS)} more in violations.jsonl.</p>"
            if len(violations) > MAX_REASON_ROWS else "")
    head = "<tr><th>rule</th><th>severity</th><th>where</th><th>counts</th>" + ("<th>since baseline</th>" if with_baseline else "")
    return (f"<h2>Policy violations</h2>{summary}<table><tr><th>rule</th><th>severity</th><th class='num'>violations</th></tr>"
            f"{rules}</table><table>{head}</tr>{rows}</table>{more}")


def render_report(inventory: Mapping[str, Any], documents: Iterable[Mapping[str, Any]] | None = None,
                  violations: list[dict[str, Any]] | None = None, estimate: Mapping[str, Any] | None = None) -> str:
    """The report page (pure: data in, HTML out). `documents` are documents.jsonl records, read once;
    without them the per-folder and per-reason sections say they are not available. `estimate`, an
    estimate.json made before this census, is shown beside its counts."""
    return rendered_report(inventory, None if documents is None else summarise_documents(documents),
                           violations, estimate)[0]


def rendered_report(inventory: Mapping[str, Any], summary: DocumentsSummary | None = None,
                    violations: list[dict[str, Any]] | None = None,
                    estimate: Mapping[str, Any] | None = None) -> tuple[str, list[Figure]]:
    """The report page from documents.jsonl's summary (None: not available), and its headline figures
    (the scan's summary prints them: no second read of documents.jsonl)."""
    figures = headline(inventory, summary.sources if summary is not None else None)
    totals = inventory["totals"]
    entities = inventory["entities"]
    dates = inventory["dates"]
    lead, cards = headline_section(inventory, figures)
    categories = sorted(inventory["categories"].items(), key=lambda kv: (-kv[1]["documents"], kv[0]))
    entity_rows = sorted(entities.items(), key=lambda kv: (-kv[1]["mentions"], kv[0]))
    countries = sorted(inventory["countries"].items(), key=lambda kv: (-kv[1]["unique_entities"], kv[0]))
    file_types = sorted(inventory["file_types"].items(), key=lambda kv: (-kv[1]["documents"], kv[0]))
    statuses = sorted(totals["by_status"].items(), key=lambda kv: (-kv[1], kv[0]))
    sections = [
        violations_section(violations) if violations is not None else "",
        sources_section(figures) if summary is not None else "",
        folders_section(summary.folders if summary is not None else None),
        bar_chart("Documents per category", [(k, v["unique_documents"], v["documents"]) for k, v in categories],
                  "unique documents", "all documents, duplicates included"),
        bar_chart("Entity types", [(k, v["unique"], v["mentions"]) for k, v in entity_rows],
                  "unique values", "mentions"),
        bar_chart("Countries of exposed entities", [(k, v["unique_entities"], None) for k, v in countries],
                  "unique entities"),
        bar_chart("File types", [(k, v["documents"], None) for k, v in file_types], "documents"),
        timeline_chart("Documents per year", dates["documents_by_year"]),
        bar_chart("What could be read", [(k, v, None) for k, v in statuses], "documents"),
        reasons_section(summary.reasons if summary is not None else None),
        census_beside_estimate(estimate, inventory) if estimate is not None else "",
    ]
    scan = inventory["scan"]
    roots = ", ".join(escape(str(r)) for r in scan["roots"])
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<title>leakcensus report</title>"
        f"<style>{CSS}</style></head><body>"
        "<h1>What leaked, and how much</h1>"
        f"<p class='sub'>Scan of {roots} · {escape(scan['started_at'])} · "
        f"{_fmt(totals['files'])} files, {_fmt(totals['bytes'])} bytes</p>"
        f"{lead}{cards}"
        + "".join(sections)
        + "<p class='sub'>Counts only: this report holds no document content and no detected values. "
        f"Generated by leakcensus {escape(inventory['tool']['version'])}; key fingerprint "
        f"{escape(scan['key_fingerprint'])}.</p></body></html>\n"
    )
    return page, figures
