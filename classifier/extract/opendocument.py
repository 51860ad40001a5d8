"""OpenDocument text, spreadsheets and presentations (ODT, ODS, ODP).

We read content.xml and meta.xml from the zip ourselves with defusedxml rather
than through odfpy: odfpy builds a DOM of every part (styles, settings, all
binary parts) and still leaves text extraction to us, while one small walker
covers the three formats, lets us bound the sizes we inflate, and lets us step
over the `number-columns-repeated="16384"` filler cells every ODS file carries
instead of materialising them.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError

from defusedxml.ElementTree import fromstring

from classifier.extract.archive import read_member
from classifier.extract.bounded import Inflation
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded, reason_from
from classifier.extract.spreadsheet import add_table
from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

PARAGRAPHS = frozenset({TEXT + "p", TEXT + "h"})
# Elements inside a paragraph that hold paragraphs of their own (footnotes,
# comments, text boxes); their text is read as separate paragraphs.
NESTED_BLOCKS = frozenset({TEXT + "note", OFFICE + "annotation", DRAW + "frame", DRAW + "custom-shape"})
ROW_CONTAINERS = frozenset({TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group"})
CELLS = frozenset({TABLE + "table-cell", TABLE + "covered-table-cell"})
# Identical non-empty rows or cells are stored once with a repeat count. A few
# hundred bytes can claim a million copies, so beyond this many the copies add
# nothing for a census but memory: every copy becomes a Segment.
MAX_REPEAT = 100
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def extract_odt(data: bytes, name: str, limits: Limits) -> Extracted:
    return _extract_odf(data, limits, "odt")


def extract_ods(data: bytes, name: str, limits: Limits) -> Extracted:
    out = _extract_odf(data, limits, "ods")
    out.structure = frozenset({"table", "spreadsheet"})
    return out


def extract_odp(data: bytes, name: str, limits: Limits) -> Extracted:
    out = _extract_odf(data, limits, "odp")
    out.structure = frozenset({"slides", "table"} if out.structure else {"slides"})
    return out


def _extract_odf(data: bytes, limits: Limits, kind: str) -> Extracted:
    """Text and tables of any ODF package; `structure` is {"table"} when it had tables."""
    try:
        inflation = Inflation(limits)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if _is_encrypted(_read_xml(package, "META-INF/manifest.xml", inflation)):
                raise EncryptedDocument(f"{kind} is password-protected")
            content = _read_xml(package, "content.xml", inflation)
            meta = _read_xml(package, "meta.xml", inflation)
    except (EncryptedDocument, LimitExceeded):
        raise
    except (zipfile.BadZipFile, zlib.error, ParseError, ValueError, EOFError, OSError, NotImplementedError, RuntimeError,
            struct.error) as exc:
        # defusedxml's refusals (entities, external references) are ValueErrors too.
        raise CorruptDocument(f"{kind}: {reason_from(exc)}") from None
    if content is None:
        raise CorruptDocument(f"{kind}: no content.xml")
    out = Extracted()
    if meta is not None:
        out.metadata_dates = _meta_dates(meta)
    reader = _BodyReader(out, limits, sheets=kind == "ods")
    try:
        reader.read(content)
    except RecursionError:
        raise CorruptDocument(f"{kind}: nesting too deep") from None
    if reader.table_count:
        out.structure = frozenset({"table"})
    return out


def _read_xml(package: zipfile.ZipFile, part: str, inflation: Inflation) -> Element | None:
    try:
        info = package.getinfo(part)
    except KeyError:
        return None
    root: Element = fromstring(read_member(package, info, inflation))
    return root


def _is_encrypted(manifest: Element | None) -> bool:
    return manifest is not None and manifest.find(f".//{MANIFEST}encryption-data") is not None


def _meta_dates(meta: Element) -> list[str]:
    dates = []
    for tag in (META + "creation-date", DC + "date"):
        for element in meta.iter(tag):
            value = (element.text or "").strip()
            if ISO_DATE.match(value):
                dates.append(value[:10])
    return dates


class _BodyReader:
    """Walks office:body: paragraphs become prose, tables go through add_table."""

    def __init__(self, out: Extracted, limits: Limits, sheets: bool = False) -> None:
        self.out = out
        self.limits = limits
        self.sheets = sheets  # a spreadsheet's tables are sheets, whose names a person may have given
        self.budget = limits.max_text_chars
        self.table_count = 0

    def read(self, root: Element) -> None:
        for body in root.iter(OFFICE + "body"):
            self._walk(body)

    def _walk(self, element: Element) -> None:
        for child in element:
            if self.budget <= 0:
                return
            if child.tag in PARAGRAPHS:
                nested: list[Element] = []
                text = _inline_text(child, nested)
                self.out.add(SegmentKind.PROSE, text)
                self.budget -= len(text)
                for block in nested:
                    self._walk(block)
            elif child.tag == TABLE + "table":
                first_new = len(self.out.segments)
                name = child.get(TABLE + "name") if self.sheets else None
                add_table(self.out, self.table_count, _table_rows(child), self.limits, name)
                self.table_count += 1
                self.budget -= sum(len(segment.text) for segment in self.out.segments[first_new:])
            else:
                self._walk(child)


def _inline_text(paragraph: Element, nested: list[Element]) -> str:
    parts: list[str] = []
    _collect_inline(paragraph, parts, nested)
    return "".join(parts)


def _collect_inline(element: Element, parts: list[str], nested: list[Element]) -> None:
    parts.append(element.text or "")
    for child in element:
        if child.tag == TEXT + "s":
            parts.append(" " * min(_int_attribute(child, TEXT + "c"), 64))
        elif child.tag == TEXT + "tab":
            parts.append("\t")
        elif child.tag == TEXT + "line-break":
            parts.append("\n")
        elif child.tag in NESTED_BLOCKS:
            nested.append(child)
        else:
            _collect_inline(child, parts, nested)
        parts.append(child.tail or "")


def _int_attribute(element: Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def _table_rows(table: Element) -> Iterator[list[object]]:
    """Rows of cell values, repeated rows and cells expanded, empty filler skipped."""
    for row in _row_elements(table):
        values = _row_values(row)
        if not any(v != "" for v in values):
            continue  # an empty row repeated a million times is formatting, not data
        for _ in range(min(_int_attribute(row, TABLE + "number-rows-repeated"), MAX_REPEAT)):
            yield values


def _row_elements(element: Element) -> Iterator[Element]:
    for child in element:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in ROW_CONTAINERS:
            yield from _row_elements(child)


def _row_values(row: Element) -> list[object]:
    values: list[object] = []
    pending_empty = 0  # trailing empty cells are never materialised
    for cell in row:
        if cell.tag not in CELLS:
            continue
        repeat = _int_attribute(cell, TABLE + "number-columns-repeated")
        value = _cell_value(cell)
        if value == "":
            pending_empty += repeat
            continue
        values.extend([""] * pending_empty)
        pending_empty = 0
        values.extend([value] * min(repeat, MAX_REPEAT))
    return values


def _cell_value(cell: Element) -> object:
    text = "\n".join(_inline_text(p, []) for p in cell.iter() if p.tag in PARAGRAPHS).strip()
    if text and cell.get(OFFICE + "value-type") == "date":
        # A date object lets add_table count the cell as a document date.
        raw = cell.get(OFFICE + "date-value", "")
        try:
            return datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
        except ValueError:
            return text
    return text
