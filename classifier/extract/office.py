"""Word processing documents (DOCX) with python-docx."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import docx
from defusedxml.ElementTree import fromstring

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


def extract_docx(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_declared_sizes(package, limits)  # python-docx inflates every part at once
            has_core_properties = "docProps/core.xml" in package.namelist()
        document = docx.Document(io.BytesIO(data))
    except LimitExceeded:
        raise
    except Exception as exc:  # zipfile, lxml and python-docx raise many types on malformed parts
        raise CorruptDocument(f"docx: {reason_from(exc)}") from None
    out = Extracted()
    # python-docx invents core properties dated "now" when the package has
    # none; only a real docProps/core.xml part carries document dates.
    if has_core_properties:
        props = document.core_properties
        out.metadata_dates = core_dates(props.created, props.modified)
    budget = limits.max_text_chars
    for paragraph in document.paragraphs:
        out.add(SegmentKind.PROSE, paragraph.text)
        budget -= len(paragraph.text)
        if budget <= 0:
            out.truncated = True
            break
    for table_index, table in enumerate(document.tables):
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if not rows:
            continue
        header = rows[0]
        for row in rows[1:]:
            for column, value in enumerate(row):
                if value:
                    label = header[column] if column < len(header) else None
                    out.segments.append(Segment(SegmentKind.TABLE_CELL, value, label, table_index, column))
    if document.tables:
        out.structure = frozenset({"table"})
    out.members = embedded_members(data, limits)
    return out
