"""A sheet's declared size is not trusted (#17 item 10, #19): one far cell must not cost billions of empty ones."""

from __future__ import annotations

import io
import time

import openpyxl

from classifier.extract.spreadsheet import extract_xlsx
from classifier.limits import Limits
from classifier.records import SegmentKind


def test_one_cell_at_the_last_row_and_column_costs_one_row() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Email"])
    sheet.append(["Ann Lee", "ann.lee@contoso.com"])
    sheet["XFD1048576"] = "end"
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    assert len(data) < 6_000
    started = time.monotonic()
    extracted = extract_xlsx(data, "book.xlsx", Limits())
    # Before: openpyxl padded every row to the declared A1:XFD1048576 and the file ran into the timeout.
    assert time.monotonic() - started < 10
    cells = [(s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]
    assert ("Name", "Ann Lee") in cells and ("Email", "ann.lee@contoso.com") in cells
