"""Word processing documents (DOCX): the main document part read as streamed XML (#20).

python-docx built an object for every part, paragraph, run and cell; reading
`word/document.xml` with lxml's iterparse and clearing each body paragraph and table row once
read makes the whole extractor call 3-15x faster (benchmarks/RESULTS.md, "OOXML read as streamed
XML") and keeps the tree in memory down to one row or paragraph. The text is what python-docx's `Document.paragraphs` and
`Table.rows[…].cells` gave, rule for rule (tests/test_docx_reader.py compares the two on every
DOCX at hand); where this reader differs on purpose, `extract_docx` says so.

lxml is given `resolve_entities=False, no_network=True, huge_tree=False` (python-docx's own
parser had `resolve_entities=False`): entities stay unresolved, nothing is fetched, and libxml2
refuses entity amplification with an XMLSyntaxError.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from defusedxml.ElementTree import fromstring
from lxml import etree

from classifier.extract.bounded import check_declared_sizes
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.ooxml_embedded import embedded_members
from classifier.limits import Limits
from classifier.records import Extracted, Segment, SegmentKind


def core_dates(created: datetime | None, modified: datetime | None) -> list[str]:
    return [d.date().isoformat() for d in (created, modified) if d is not None]


CORE_PROPERTIES = "docProps/core.xml"
DCTERMS = "{http://purl.org/dc/terms/}"


def stored_core_dates(package: zipfile.ZipFile) -> frozenset[str]:
    """Which of `created` and `modified` the package really stores. openpyxl fills a missing one
    with the time of reading (and python-docx a missing part), which would date a 1980s workbook
    to the scan day; only what docProps/core.xml holds is a document date."""
    if CORE_PROPERTIES not in package.namelist():
        return frozenset()
    try:
        root = fromstring(package.read(CORE_PROPERTIES))
    except Exception:  # a malformed part dates nothing; the document itself may still be read
        return frozenset()
    return frozenset(name for name in ("created", "modified")
                     if (element := root.find(DCTERMS + name)) is not None and (element.text or "").strip())


def w3cdtf_datetime(text: str) -> datetime | None:
    """A W3CDTF date as python-docx read `dcterms:created`/`modified` (docx/oxml/coreprops.py), so the
    dates are unchanged by #20: the first 19 characters as a date-time, date, month or year, and a
    `±hh:mm` offset after them taken to UTC; anything else is no date."""
    parseable, offset = text[:19], text[19:]
    parsed = None
    for template in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            parsed = datetime.strptime(parseable, template)
        except ValueError:
            continue
    if parsed is None:
        return None
    if len(offset) == 6:
        if offset[0] not in "+-" or not (offset[1:3].isdigit() and offset[3] == ":" and offset[4:].isdigit()):
            return None
        sign = -1 if offset[0] == "+" else 1
        parsed += sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:]))
    return parsed.replace(tzinfo=UTC)


def stored_core_datetimes(package: zipfile.ZipFile) -> list[str]:
    """The created and modified dates docProps/core.xml holds (none when it is absent or malformed)."""
    if CORE_PROPERTIES not in package.namelist():
        return []
    try:
        root = fromstring(package.read(CORE_PROPERTIES))
    except Exception:  # a malformed part dates nothing; the document itself may still be read
        return []
    found = [root.find(DCTERMS + name) for name in ("created", "modified")]
    return core_dates(*(w3cdtf_datetime(element.text or "") if element is not None else None for element in found))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT, BODY, P, R, HYPERLINK, TBL, TR, TC = (W + tag for tag in ("document", "body", "p", "r", "hyperlink", "tbl", "tr", "tc"))
T, TAB, PTAB, BR, CR, NO_BREAK_HYPHEN = (W + tag for tag in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
TC_PR, GRID_SPAN, V_MERGE, TR_PR, GRID_BEFORE, VAL, TYPE = (
    W + tag for tag in ("tcPr", "gridSpan", "vMerge", "trPr", "gridBefore", "val", "type"))
PACKAGE_RELATIONSHIPS = "_rels/.rels"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# python-docx opens the part of this (transitional) type only; a Strict OOXML package stays unreadable.
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# Word tables have at most 63 columns. python-docx repeated a cell `gridSpan` times with no bound, so
# one gridSpan="1000000000" asked it for a billion cells; a span is capped here.
MAX_GRID_SPAN = 64
# The text of a run's content elements, as python-docx's CT_R.text (docx/oxml/text/run.py) maps them;
# `w:br` is "\n" only for a line break (its type absent or textWrapping), "" for a page or column break.
RUN_CONTENT_TEXT = {TAB: "\t", PTAB: "\t", CR: "\n", NO_BREAK_HYPHEN: "-"}


def main_document_part(package: zipfile.ZipFile) -> str:
    """The package's main part, found as python-docx found it: the officeDocument relationship of
    `_rels/.rels` (usually `word/document.xml`). Raises KeyError when there is none."""
    relationships = fromstring(package.read(PACKAGE_RELATIONSHIPS))
    for relationship in relationships.iter(RELATIONSHIP):
        if relationship.get("Type") == OFFICE_DOCUMENT and relationship.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join("/", relationship.get("Target", ""))).lstrip("/")
    raise KeyError(OFFICE_DOCUMENT)


def run_text(run: Any) -> str:
    pieces: list[str] = []
    for element in run:
        tag = element.tag
        if tag == T:
            pieces.append(element.text or "")
        elif tag == BR:
            if element.get(TYPE, "textWrapping") == "textWrapping":
                pieces.append("\n")
        elif (text := RUN_CONTENT_TEXT.get(tag)) is not None:
            pieces.append(text)
    return "".join(pieces)


def paragraph_text(paragraph: Any) -> str:
    """python-docx's `Paragraph.text`: the paragraph's own runs and those of its hyperlinks, in order.
    Runs inside other wrappers (content controls, tracked insertions, smart tags) and text boxes
    were not in it and are not here."""
    pieces: list[str] = []
    for child in paragraph:
        if child.tag == R:
            pieces.append(run_text(child))
        elif child.tag == HYPERLINK:
            pieces.extend(run_text(run) for run in child if run.tag == R)
    return "".join(pieces)


def decimal_attribute(parent: Any, path: str, default: int) -> int:
    element = parent.find(path)
    if element is None:
        return default
    try:
        return int(element.get(VAL, default))
    except ValueError:  # python-docx raised here, out of the extractor; an unreadable span is one column
        return default


@dataclass
class TableReader:
    """One body table, a row at a time: each row's cells as python-docx's `_Row.cells` gave them, a
    merged cell repeated over the grid columns it spans and down the rows that continue it."""

    index: int
    header: list[str] | None = None
    # grid offset -> (text, repeats) of each cell of the row above, for `w:vMerge` continuations
    above: dict[int, tuple[str, int]] = field(default_factory=dict)

    def row_cells(self, row: Any) -> list[str]:
        offset = decimal_attribute(row, f"{TR_PR}/{GRID_BEFORE}", 0)
        placed: dict[int, tuple[str, int]] = {}
        cells: list[str] = []
        for cell in row:
            if cell.tag != TC:
                continue
            span = min(decimal_attribute(cell, f"{TC_PR}/{GRID_SPAN}", 1), MAX_GRID_SPAN)
            merge = cell.find(f"{TC_PR}/{V_MERGE}")
            continued = merge is not None and merge.get(VAL, "continue") == "continue"
            # A continuation with no cell above at its offset made python-docx raise ValueError out of the
            # extractor (an `error` record); here it is a cell of its own.
            if continued and offset in self.above:
                text, repeats = self.above[offset]
            else:
                text = "\n".join(paragraph_text(p) for p in cell if p.tag == P).strip()
                repeats = span
            placed.setdefault(offset, (text, repeats))
            cells.extend([text] * repeats)
            offset += span
        self.above = placed
        return cells

    def segments(self, row: Any) -> Iterator[Segment]:
        cells = self.row_cells(row)
        if self.header is None:
            self.header = cells
            return
        for column, value in enumerate(cells):
            if value:
                label = self.header[column] if column < len(self.header) else None
                yield Segment(SegmentKind.TABLE_CELL, value, label, self.index, column)


def forget_read(element: Any) -> None:
    """Frees an element once read, and the siblings read before it, so the tree stays one row deep."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


# Every OOXML part is parsed with these (workbook_xml.py too): no entity resolved, nothing fetched, no DTD
# loaded, libxml2's own limits on depth and text size kept.
SAFE_PARSER_OPTIONS: dict[str, Any] = {"resolve_entities": False, "no_network": True, "huge_tree": False,
                                       "load_dtd": False}


def read_document_part(stream: Any, out: Extracted, max_text_chars: int) -> int:
    """Body paragraphs into `out` as PROSE up to the text budget, then the body tables' cells, as
    python-docx's `document.paragraphs` and `document.tables` were read before #20. Returns the
    number of body tables."""
    events = etree.iterparse(stream, events=("end",), tag=(P, TR, TBL), remove_blank_text=True, **SAFE_PARSER_OPTIONS)
    budget = max_text_chars
    table: TableReader | None = None
    tables = 0
    cells: list[Segment] = []
    for _, element in events:
        parent = element.getparent()
        parent_tag = parent.tag if parent is not None else None
        if element.tag == P and parent_tag == BODY:
            if not out.truncated:
                text = paragraph_text(element)
                out.add(SegmentKind.PROSE, text)
                budget -= len(text)
                out.truncated = budget <= 0
            forget_read(element)
        elif element.tag == TR and parent_tag == TBL and parent.getparent() is not None and parent.getparent().tag == BODY:
            if table is None:
                table = TableReader(tables)
            cells.extend(table.segments(element))
            forget_read(element)
        elif element.tag == TBL and parent_tag == BODY:
            table = None
            tables += 1
            forget_read(element)
    root = events.root
    if root is None or root.tag != DOCUMENT:
        raise ValueError("main part is not a WordprocessingML document")
    out.segments.extend(cells)
    return tables


def extract_docx(data: bytes, name: str, limits: Limits) -> Extracted:
    """Differences from python-docx on purpose: a .docm/.dotx/.dotm (its main part a template or macro
    document) is read, where python-docx refused it as "not a Word file"; parts other than the main
    one and docProps/core.xml are not parsed, so a malformed styles or header part no longer makes the
    whole document corrupt; a malformed core.xml loses only the dates."""
    out = Extracted()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_declared_sizes(package, limits)  # then zipfile inflates no part past its declared size
            with package.open(main_document_part(package)) as stream:
                tables = read_document_part(stream, out, limits.max_text_chars)
            out.metadata_dates = stored_core_datetimes(package)
    except LimitExceeded:
        raise
    except Exception as exc:  # zipfile, defusedxml and lxml raise many types on malformed parts
        raise CorruptDocument(f"docx: {reason_from(exc)}") from None
    if tables:
        out.structure = frozenset({"table"})
    out.members = embedded_members(data, limits)
    return out
