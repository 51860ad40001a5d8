"""XLSX workbooks read as streamed SpreadsheetML (#20): sheet names and rows of cell values.

openpyxl's read-only mode built a Workbook with default styles, views and a first worksheet, parsed
the whole stylesheet, theme and workbook part into descriptor-checked objects and each cell into a
dict, whatever the workbook held (about 5 ms before the first cell). Here only the parts that carry
values are read: [Content_Types].xml, the workbook part and its relationships, the cell formats of
xl/styles.xml (to know which numbers are dates), the shared strings, and each sheet's rows with lxml's
iterparse, each row freed once read. The rows are those openpyxl's `iter_rows(values_only=True)`
gave after `reset_dimensions()`, value for value (tests/test_xlsx_reader.py compares the two on every
XLSX at hand); openpyxl's own pure functions convert serial dates, ISO dates and rich text, so those
rules cannot drift.

What this reader does not know it refuses with `NotStreamable`, and the caller reads the workbook with
openpyxl instead (classifier/extract/spreadsheet.py): Strict OOXML, a workbook part found only through a
content-type default, chartsheets, external links, a DOCTYPE in any part (openpyxl's expat parser refused
entity declarations in sheets and shared strings; lxml here would leave them unresolved). Any other
exception is also left to openpyxl, whose outcome (rows or a corrupt reason) is then the result.

lxml is given `resolve_entities=False, no_network=True, huge_tree=False` as in office.py.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree
from openpyxl.cell.text import Text
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, coordinate_to_tuple
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601
from openpyxl.worksheet.dimensions import SheetDimension

from classifier.extract.office import SAFE_PARSER_OPTIONS, forget_read

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES_PART = "[Content_Types].xml"
STYLES_PART = "xl/styles.xml"
_SPREADSHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml.{}.main+xml"
_MACRO = "application/vnd.ms-excel.{}.macroEnabled.main+xml"
# The order in which openpyxl (reader/excel.py `_find_workbook_part`) looks for the workbook part.
WORKBOOK_CONTENT_TYPES = (_MACRO.format("template"), _SPREADSHEETML.format("template"), _MACRO.format("sheet"),
                          _SPREADSHEETML.format("sheet"))
SHARED_STRINGS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
WORKBOOK, WORKBOOK_PR, SHEETS, SHEET, EXTERNAL_REFERENCES = (
    f"{{{MAIN}}}{tag}" for tag in ("workbook", "workbookPr", "sheets", "sheet", "externalReferences"))
SHEET_DATA, DIMENSION, ROW, VALUE, INLINE_STRING, SHARED_STRING = (
    f"{{{MAIN}}}{tag}" for tag in ("sheetData", "dimension", "row", "v", "is", "si"))
RELATIONSHIP_ID = f"{{{RELATIONSHIPS_NS}}}id"
SHEET_STATES = (None, "visible", "hidden", "veryHidden")
# What openpyxl's ChildSheet and Relationship accept as keyword arguments: another attribute made it raise.
SHEET_ATTRIBUTES = frozenset({"name", "sheetId", "state"})
RELATIONSHIP_ATTRIBUTES = frozenset({"Id", "Type", "Target", "TargetMode"})
PARSER_OPTIONS: dict[str, Any] = {**SAFE_PARSER_OPTIONS, "remove_comments": True, "remove_pis": True}


class NotStreamable(Exception):
    """The workbook uses something this reader leaves to openpyxl; the message is a fixed phrase."""


def local_name(element: Any) -> str:
    return str(element.tag).rpartition("}")[2]


def parse_part(package: zipfile.ZipFile, part: str) -> Any:
    root = etree.fromstring(package.read(part), etree.XMLParser(**PARSER_OPTIONS))
    refuse_doctype(root)
    return root


def refuse_doctype(element: Any) -> None:
    docinfo = element.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise NotStreamable("a part has a DOCTYPE")


def content_type_parts(package: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(content type, part name) of each Override, in document order."""
    root = parse_part(package, CONTENT_TYPES_PART)
    return [(override.get("ContentType"), override.get("PartName")) for override in root if local_name(override) == "Override"]


def workbook_part(overrides: list[tuple[str, str]]) -> str:
    for content_type in WORKBOOK_CONTENT_TYPES:
        for declared, part_name in overrides:
            if declared == content_type:
                return part_name[1:]
    raise NotStreamable("no workbook part override")


def relationship_targets(package: zipfile.ZipFile, part: str) -> dict[str | None, tuple[str, str | None]]:
    """Relationship id -> (type, target as a package path), as openpyxl's `get_dependents(...).to_dict()`."""
    folder = posixpath.dirname(part)
    rels_part = posixpath.join(folder, "_rels", posixpath.basename(part) + ".rels")
    parent = posixpath.split(posixpath.dirname(rels_part))[0]
    targets: dict[str | None, tuple[str, str | None]] = {}
    for relationship in parse_part(package, rels_part):
        if local_name(relationship) != "Relationship":
            continue
        attributes = {key for key in relationship.attrib if not key.startswith("{")}
        relationship_type, target = relationship.get("Type"), relationship.get("Target")
        if attributes - RELATIONSHIP_ATTRIBUTES or relationship_type is None or target is None:
            raise NotStreamable("a relationship openpyxl would not read")
        if relationship.get("TargetMode") != "External":
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(parent, target))
        targets[relationship.get("Id")] = (relationship_type, target)
    return targets


def date_styles(package: zipfile.ZipFile) -> tuple[frozenset[int], frozenset[int]]:
    """The cell format indexes (a cell's `s`) whose number format is a date, and those that are a duration,
    as openpyxl's Stylesheet `_normalise_numbers` found them."""
    if STYLES_PART not in package.namelist():
        return frozenset(), frozenset()
    root = parse_part(package, STYLES_PART)
    custom: dict[int, str] = {}
    cell_formats: list[int] = []
    for child in root:
        if local_name(child) == "numFmts":
            custom = {}
            for number_format in child:
                if local_name(number_format) == "numFmt":
                    code = number_format.get("formatCode")
                    if code is None:
                        raise NotStreamable("a number format without a code")
                    custom[int(number_format.get("numFmtId"))] = code
        elif local_name(child) == "cellXfs":
            cell_formats = [int(xf.get("numFmtId", 0)) for xf in child if local_name(xf) == "xf"]
    dates: set[int] = set()
    durations: set[int] = set()
    for index, format_id in enumerate(cell_formats):
        code = custom[format_id] if format_id in custom else BUILTIN_FORMATS.get(format_id)
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    return frozenset(dates), frozenset(durations)


def rich_text_content(element: Any) -> str:
    """openpyxl's `Text.from_tree(element).content`: the last plain `t` and the `t` of every run. The
    common plain string is read here; anything richer is left to openpyxl's own classes."""
    if not element.attrib and all(local_name(child) == "t" for child in element):
        last = element[-1].text if len(element) else None
        return last or ""
    return str(Text.from_tree(element).content)


def shared_strings(package: zipfile.ZipFile, overrides: list[tuple[str, str]]) -> list[str]:
    part = next((name for declared, name in overrides if declared == SHARED_STRINGS_CONTENT_TYPE), None)
    if part is None:
        return []
    strings: list[str] = []
    with package.open(part[1:]) as stream:
        events = etree.iterparse(stream, events=("end",), tag=SHARED_STRING, **PARSER_OPTIONS)
        for _, element in events:
            # openpyxl drops "x005F_", the escape of an underscore, from shared strings (not inline ones)
            strings.append(rich_text_content(element).replace("x005F_", ""))
            forget_read(element)
        if events.root is not None:
            refuse_doctype(events.root)
    return strings


def bool_attribute(value: str | None) -> bool:
    """openpyxl's Bool descriptor: "false", "f" and "0" are false, and so is "", any other text true."""
    return False if value in ("false", "f", "0") else bool(value)


def cast_number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


@dataclass(frozen=True)
class CellFormats:
    shared: list[str]
    dates: frozenset[int]
    durations: frozenset[int]
    epoch: datetime


def cell_value(cell: Any, formats: CellFormats) -> object:
    """openpyxl's `WorkSheetParser.parse_cell` with data_only=True: the cached value, formulas ignored."""
    data_type = cell.get("t", "n")
    style: int | str = cell.get("s", 0)
    if style:
        style = int(style)
    if data_type == "inlineStr":
        inline = cell.find(INLINE_STRING)
        return None if inline is None else rich_text_content(inline)
    text = cell.findtext(VALUE) or None
    if text is None:
        return None
    if data_type == "n":
        number = cast_number(text)
        if style in formats.dates:
            try:
                return from_excel(number, formats.epoch, timedelta=style in formats.durations)
            except (OverflowError, ValueError):
                return "#VALUE!"  # openpyxl's value for a date serial out of range
        return number
    if data_type == "s":
        return formats.shared[int(text)]
    if data_type == "b":
        return bool(int(text))
    if data_type == "d":
        return from_ISO8601(text)
    return text  # "str" (a formula's text result), "e" (an error such as #N/A), and unknown types as written


ROW_DIGITS = "0123456789"


def column_number(coordinate: str) -> int:
    """The column of a cell reference, as openpyxl's `coordinate_to_tuple` found it, without its walk over
    the characters: the letters before the trailing digits go to openpyxl's (cached) column_index_from_string,
    which raises for letters mixed with digits as coordinate_to_tuple's int() did."""
    letters = coordinate.rstrip(ROW_DIGITS)
    if letters and len(letters) < len(coordinate):
        return int(column_index_from_string(letters))
    return int(coordinate_to_tuple(coordinate)[1])


def row_number(row: Any, previous: int) -> int:
    declared = row.get("r")
    if declared is None:
        return previous + 1
    try:
        return int(declared)
    except ValueError:
        number = float(declared)
        if not number.is_integer():
            raise NotStreamable("a fractional row number") from None
        return int(number)


def sheet_rows(stream: Any, formats: CellFormats) -> Iterator[tuple[object, ...]]:
    """The rows of one worksheet part as openpyxl's read-only `iter_rows(values_only=True)` gave them
    once `reset_dimensions()` had dropped the declared size: a missing row is empty, a row is as wide as
    its last cell's column, and a row numbered at or before one already given is dropped."""
    events = etree.iterparse(stream, events=("end",), tag=(SHEET_DATA, DIMENSION, ROW), **PARSER_OPTIONS)
    number = 0
    expected = 1  # openpyxl's `counter`: the number of the next row to give
    before_data = True
    for _, element in events:
        if before_data:
            refuse_doctype(element)
        if element.tag == DIMENSION:
            if before_data:
                SheetDimension.from_tree(element).boundaries  # noqa: B018 - openpyxl refused a malformed ref
            continue
        if element.tag == SHEET_DATA:
            before_data = False
            continue
        before_data = False
        number = row_number(element, number)
        cells: list[tuple[int, object]] = []
        column = 0
        for cell in element:
            coordinate = cell.get("r")
            column = column_number(coordinate) if coordinate else column + 1
            cells.append((column, cell_value(cell, formats)))
        forget_read(element)
        while expected < number:
            expected += 1
            yield ()
        if expected <= number:
            expected += 1
            if not cells:
                yield ()
                continue
            width = cells[-1][0]
            values: list[object] = [None] * width
            for position, value in cells:
                if 1 <= position <= width:
                    values[position - 1] = value
            yield tuple(values)


@dataclass(frozen=True)
class StreamedWorkbook:
    package: zipfile.ZipFile
    sheets: list[tuple[str, str]]  # (name, worksheet part) in workbook order
    formats: CellFormats

    def rows(self) -> Iterator[tuple[str, Iterator[tuple[object, ...]]]]:
        for name, part in self.sheets:
            with self.package.open(part) as stream:
                yield name, sheet_rows(stream, self.formats)


def open_workbook(package: zipfile.ZipFile) -> StreamedWorkbook:
    """The workbook's sheets and what its cells need, read from the package's small parts."""
    overrides = content_type_parts(package)
    part = workbook_part(overrides)
    root = parse_part(package, part)
    if root.tag != WORKBOOK:
        raise NotStreamable("not a transitional SpreadsheetML workbook")
    if root.find(EXTERNAL_REFERENCES) is not None:
        raise NotStreamable("external links")
    properties = root.find(WORKBOOK_PR)
    epoch = MAC_EPOCH if properties is not None and bool_attribute(properties.get("date1904")) else WINDOWS_EPOCH
    sheet_lists = root.findall(SHEETS)
    if len(sheet_lists) > 1 or any(child.tag != SHEET for sheets in sheet_lists for child in sheets):
        raise NotStreamable("an unusual list of sheets")
    names = package.namelist()
    targets: dict[str | None, tuple[str, str | None]] | None = None
    sheets: list[tuple[str, str]] = []
    for sheet in root.iterfind(f"{SHEETS}/{SHEET}"):
        name, state = sheet.get("name"), sheet.get("state")
        attributes = {key for key in sheet.attrib if not key.startswith("{")}
        if name is None or state not in SHEET_STATES or attributes - SHEET_ATTRIBUTES:
            raise NotStreamable("a sheet openpyxl would not read")
        int(sheet.get("sheetId"))
        relationship_id = sheet.get(RELATIONSHIP_ID)
        if not relationship_id:
            continue  # openpyxl warned and left the sheet out
        if targets is None:
            targets = relationship_targets(package, part)
        relationship_type, target = targets[relationship_id]
        if target not in names:
            continue
        if "chartsheet" in relationship_type:
            raise NotStreamable("a chartsheet")
        sheets.append((name, str(target)))
    dates, durations = date_styles(package)
    return StreamedWorkbook(package, sheets, CellFormats(shared_strings(package, overrides), dates, durations, epoch))
