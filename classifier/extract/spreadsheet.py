"""Tables: XLSX (streamed SpreadsheetML, openpyxl for the rest) and CSV/TSV (dialect sniffing).

Cells keep their column header so the PII stage can type whole columns
instead of running NER cell by cell.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import openpyxl
from openpyxl.packaging.core import DocumentProperties
from openpyxl.xml.functions import fromstring

from classifier.extract.bounded import check_declared_sizes
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.office import CORE_PROPERTIES, core_dates, stored_core_dates
from classifier.extract.ooxml_embedded import embedded_members
from classifier.extract.text import decode_text
from classifier.extract.workbook_xml import open_workbook
from classifier.limits import Limits
from classifier.records import TITLE_LABEL, Extracted, Segment, SegmentKind

MAX_HEADER_CHARS = 200
MAX_HEADER_ROW_CHARS = 4000
MAX_SHEET_NAME_CHARS = 31  # Excel's own limit
# Names a spreadsheet program gives a new sheet: they say nothing about what the sheet holds.
DEFAULT_SHEET_NAME = re.compile(r"^(?:sheet|tabelle|feuil|feuille|hoja|blatt|foglio|planilha|arkusz)\s*\d*$", re.IGNORECASE)


# A title row or two ("Contacts export", a date) often sits above the header: rows with
# fewer than two filled cells, among the first few, are titles when a wider row follows.
MAX_TITLE_ROWS = 3


def add_table(out: Extracted, table_index: int, rows: Iterable[Sequence[object]], limits: Limits,
              sheet_name: str | None = None) -> None:
    """The first row with two or more filled cells is the header (narrower rows above it are
    title lines); later rows become typed cells. A sheet's name, unless a program chose it,
    becomes a title line."""
    name = (sheet_name or "").strip()[:MAX_SHEET_NAME_CHARS]
    if name and not DEFAULT_SHEET_NAME.match(name):
        # A sheet's name is the title a spreadsheet has ("Reisekosten März", "PO 4471", "Devis").
        out.add(SegmentKind.PROSE, name, TITLE_LABEL)
    header: list[str] | None = None
    titles: list[tuple[Sequence[object], list[str]]] = []
    budget = limits.max_text_chars
    data_row = 0
    pending: list[tuple[Sequence[object], list[str]]] = []
    for row in rows:
        values = ["" if v is None else _cell_text(v) for v in row]
        if header is None:
            if not any(values):
                continue
            if sum(1 for v in values if v) < 2 and len(titles) < MAX_TITLE_ROWS:
                titles.append((row, values))
                continue
            if titles and sum(1 for v in values if v) < 2:
                # No wider row came: a one-column table, whose header is its first row.
                (_, header_values), *pending = titles
                titles = []
            else:
                header_values = values
            for _, title in titles:
                out.add(SegmentKind.PROSE, " ".join(v for v in title if v)[:MAX_HEADER_ROW_CHARS], TITLE_LABEL)
            header = _header(out, header_values)
            if not pending:
                continue
        for data, data_values in [*pending, (row, values)]:
            budget -= _add_row(out, table_index, header, data, data_values, data_row)
            data_row += 1
        pending = []
        if budget <= 0:
            out.truncated = True
            break
    if header is None and titles:  # a table of one column with fewer rows than MAX_TITLE_ROWS
        (_, header_values), *rest = titles
        header = _header(out, header_values)
        for index, (data, data_values) in enumerate(rest):
            _add_row(out, table_index, header, data, data_values, index)


def _header(out: Extracted, values: list[str]) -> list[str]:
    """The header row as column labels, and as one metadata line. Headers are labels; a huge
    "header" cell is data, kept out of the label text."""
    header = [v[:MAX_HEADER_CHARS] for v in values]
    out.add(SegmentKind.METADATA, " ".join(v for v in header if v)[:MAX_HEADER_ROW_CHARS])
    return header


def _add_row(out: Extracted, table_index: int, header: list[str], row: Sequence[object], values: list[str],
             data_row: int) -> int:
    """The row's filled cells as table-cell segments; the characters added."""
    added = 0
    for column, value in enumerate(values):
        if not value:
            continue
        if isinstance(row[column], (datetime, date)):
            out.metadata_dates.append(value[:10])
        label = header[column] if column < len(header) and header[column] else None
        out.segments.append(Segment(SegmentKind.TABLE_CELL, value, label, table_index, column, data_row))
        added += len(value)
    return added


def _cell_text(value: object) -> str:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def extract_xlsx(data: bytes, name: str, limits: Limits) -> Extracted:
    return read_xlsx(data, limits)[0]


def read_xlsx(data: bytes, limits: Limits) -> tuple[Extracted, str]:
    """The workbook's text, and which reader read it: "streamed" (classifier/extract/workbook_xml.py, #20)
    or, for what that reader leaves aside or fails on, "openpyxl" as before #20. Both give the same rows
    (tests/test_xlsx_reader.py); the reader's name is for tests and benchmarks, not the output."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            # Both readers hold the shared strings whole and openpyxl the styles part.
            check_declared_sizes(package, limits)
            stored_dates = stored_core_dates(package)
            try:
                out = streamed_extract(package, stored_dates, limits)
                reader = "streamed"
            except Exception:  # any failure is left to openpyxl, whose outcome (rows or corrupt) is the result
                out = None
                reader = "openpyxl"
    except LimitExceeded:
        raise
    except Exception as exc:  # zipfile raises many types on a malformed container
        raise CorruptDocument(f"xlsx: {reason_from(exc)}") from None
    if out is None:
        out = openpyxl_extract(data, stored_dates, limits)
    out.members = embedded_members(data, limits)
    return out, reader


def streamed_extract(package: zipfile.ZipFile, stored_dates: frozenset[str], limits: Limits) -> Extracted:
    workbook = open_workbook(package)
    out = Extracted(structure=frozenset({"table", "spreadsheet"}))
    if CORE_PROPERTIES in package.namelist():
        # openpyxl's own parse of docProps/core.xml, so that the dates (and a refused part) are as before #20
        props = DocumentProperties.from_tree(fromstring(package.read(CORE_PROPERTIES)))
        out.metadata_dates = core_dates(props.created if "created" in stored_dates else None,
                                        props.modified if "modified" in stored_dates else None)
    for table_index, (sheet_name, rows) in enumerate(workbook.rows()):
        add_table(out, table_index, rows, limits, sheet_name)
    return out


def openpyxl_extract(data: bytes, stored_dates: frozenset[str], limits: Limits) -> Extracted:
    """The reader before #20, kept for workbooks the streamed one leaves aside."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on malformed parts
        raise CorruptDocument(f"xlsx: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"table", "spreadsheet"}))
    try:
        props = workbook.properties
        out.metadata_dates = core_dates(props.created if "created" in stored_dates else None,
                                        props.modified if "modified" in stored_dates else None)
        for table_index, sheet in enumerate(workbook.worksheets):
            # The <dimension> a sheet declares is not trusted: openpyxl pads every row to it, and one cell
            # at XFD1048576 in a 5 KB file made 17 billion empty cells (#17 item 10, #19: a 300 s timeout).
            # Without it, rows are those the XML holds.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            add_table(out, table_index, sheet.iter_rows(values_only=True), limits, str(sheet.title))
    except Exception as exc:
        raise CorruptDocument(f"xlsx: {reason_from(exc)}") from None
    finally:
        workbook.close()
    return out


def extract_csv(data: bytes, name: str, limits: Limits) -> Extracted:
    text = decode_text(data, limits.max_text_chars)
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        out_truncated = True
    else:
        out_truncated = False
    sample = text[:16384]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if name.lower().endswith(".tsv") else csv.excel
    out = Extracted(structure=frozenset({"table"}), truncated=out_truncated)
    try:
        add_table(out, 0, csv.reader(io.StringIO(text), dialect), limits)
    except csv.Error as exc:
        raise CorruptDocument(f"csv: {reason_from(exc)}") from None
    return out
