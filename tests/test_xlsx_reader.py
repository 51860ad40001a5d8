"""XLSX read as streamed SpreadsheetML (#20) gives what openpyxl gave, on every XLSX at hand.

The reference is the extractor as it was before #20 (`benchmarks.ooxml_readers.openpyxl_xlsx_extract`).
Where the two differ on purpose, a test below shows the difference and says why.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from benchmarks.ooxml_readers import openpyxl_xlsx_extract
from classifier.extract.errors import CorruptDocument
from classifier.extract.spreadsheet import extract_xlsx, read_xlsx
from classifier.limits import Limits
from classifier.records import TITLE_LABEL, Extracted, Segment, SegmentKind
from tests import readers
from tests.conftest import CORPORA, SampleLeak
from tests.documents import xlsx_bytes
from tests.hostile import replace_part

LIMITS = Limits()
CORPUS_XLSX = sorted([*CORPORA.glob("office-poi/xlsx/*.xlsx"), *CORPORA.glob("magika-basic/xlsx/*.xlsx")])
# Left to openpyxl, each for a reason the streamed reader does not guess about.
READ_BY_OPENPYXL = {
    "59021.xlsx": "the workbook part is found only through a content-type default",
    "SimpleScatterChart.xlsx": "a chartsheet",
    "chart_sheet.xlsx": "a chartsheet",
    "sample-beta.xlsx": "Strict OOXML (openpyxl reads no rows from it)",
}
# openpyxl refused its styles part for an attribute it does not know on a cell format (a TypeError out
# of CellStyle.__init__); the streamed reader takes only numFmtId from a cell format.
READABLE_ONLY_NOW = {"picture.xlsx"}
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def outcome(reader: str, data: bytes, limits: Limits = LIMITS) -> Extracted | str:
    return readers.outcome(openpyxl_xlsx_extract if reader == "openpyxl" else extract_xlsx, data, "x.xlsx", limits)


def assert_same(data: bytes, limits: Limits = LIMITS) -> Extracted:
    return readers.assert_same(outcome("openpyxl", data, limits), outcome("new", data, limits))


def reader_of(data: bytes) -> str:
    try:
        return read_xlsx(data, LIMITS)[1]
    except CorruptDocument:
        return "corrupt"


@pytest.mark.skipif(not CORPUS_XLSX, reason="../shared/corpora absent (not a development checkout)")
@pytest.mark.parametrize("path", CORPUS_XLSX, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_corpus_xlsx_reads_as_openpyxl_read_it(path: Path) -> None:
    if path.name in READABLE_ONLY_NOW:
        return
    assert_same(path.read_bytes())


@pytest.mark.skipif(not CORPUS_XLSX, reason="../shared/corpora absent (not a development checkout)")
def test_corpus_xlsx_readers_and_refusals() -> None:
    readers = {path.name: reader_of(path.read_bytes()) for path in CORPUS_XLSX}
    assert {name for name, reader in readers.items() if reader == "openpyxl"} == set(READ_BY_OPENPYXL)
    # 39 of the 43 readable workbooks are streamed (picture.xlsx, corrupt before #20, among them); the 24 corrupt
    # ones (17 not a readable zip, 4 entity bombs, 3 fuzzed packages) were corrupt with the same reason before.
    assert (sum(reader == "streamed" for reader in readers.values()), sum(reader == "corrupt" for reader in readers.values())) == (
        39, 24)


def test_a_cell_format_attribute_openpyxl_does_not_know_no_longer_makes_the_workbook_corrupt() -> None:
    path = CORPORA / "office-poi/xlsx/picture.xlsx"
    if not path.exists():
        pytest.skip("../shared/corpora absent (not a development checkout)")
    assert outcome("openpyxl", path.read_bytes()) == "corrupt: xlsx: TypeError"
    new = outcome("new", path.read_bytes())
    assert isinstance(new, Extracted)
    assert len(new.segments) == 19


def test_generated_sample_xlsx_read_as_openpyxl_read_them(sample_leak: SampleLeak) -> None:
    paths = sorted(sample_leak.root.rglob("*.xlsx"))
    assert len(paths) >= 5
    for path in paths:
        assert reader_of(path.read_bytes()) == "streamed"
        assert assert_same(path.read_bytes()).segments


def test_test_documents_read_as_openpyxl_read_them() -> None:
    for rows in ([["Name", "Email"], ["Ann Lee", "ann@contoso.com"]], [["Total"], [12.5], [3]], []):
        data = xlsx_bytes(rows)  # type: ignore[arg-type]
        assert reader_of(data) == "streamed"
        assert_same(data)


def features_workbook(epoch: datetime | None = None) -> bytes:
    """Dates, a time, a duration, booleans, an error, an inline rich string, numbers, a formula with a cached
    string result, rich text in the shared strings, and an empty sheet; written by openpyxl, then the
    parts openpyxl cannot write (cached formula results, rich shared strings) patched in."""
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    assert sheet is not None
    sheet.title = "Reisekosten März"
    sheet.append(["Name", "Joined", "Active", "Check", "Hours", "Note"])
    sheet.append(["Ann Lee", datetime(2019, 8, 1, 9, 30), True, "#N/A", 7.5,
                  CellRichText(["Call ", TextBlock(InlineFont(b=True), "back"), " soon"])])
    sheet.append(["Bob Roe", date(1900, 1, 15), False, "#DIV/0!", 8, "plain"])
    sheet.append(["Cy Poe", 2.5e-05, 0, "=A2", 2.0, "RICH"])
    sheet["B5"] = 45000
    sheet["B5"].number_format = "[h]:mm"
    sheet["C5"] = 0.75
    sheet["C5"].number_format = "hh:mm"
    book.create_sheet("Sheet2")
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    data = replace_part(data, "xl/worksheets/sheet1.xml", text=(
        b'<c r="D4"><f>A2</f><v></v></c>', b'<c r="D4" t="str"><f>A2</f><v>Ann Lee</v></c>'))
    data = replace_part(data, "xl/worksheets/sheet1.xml", text=(
        b'<c r="F4" t="inlineStr"><is><t>RICH</t></is></c>', b'<c r="F4" t="s"><v>1</v></c>'))
    return with_shared_strings(data, b'<si><t>unused</t></si><si><r><rPr><b/></rPr><t>Rich </t></r>'
                                     b'<r><t xml:space="preserve">text x005F_x</t></r></si>')


def with_shared_strings(package: bytes, items: bytes) -> bytes:
    """`package` (openpyxl writes inline strings only) with an xl/sharedStrings.xml of `items`, found as
    Excel and openpyxl find it: by its content type."""
    shared = f'<sst xmlns="{MAIN_NS}">'.encode() + items + b"</sst>"
    package = replace_part(package, "[Content_Types].xml", text=(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument'
        b'.spreadsheetml.sharedStrings+xml"/></Types>')))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/sharedStrings.xml", shared)
    return buffer.getvalue()


@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904], ids=["1900", "1904"])
def test_cell_types_dates_and_rich_text_as_openpyxl_read_them(epoch: datetime | None) -> None:
    data = features_workbook(epoch)
    assert reader_of(data) == "streamed"
    with zipfile.ZipFile(io.BytesIO(data)) as package:  # openpyxl wrote the serials from the workbook's epoch
        assert (b'date1904="1"' in package.read("xl/workbook.xml")) is (epoch is not None)
    extracted = assert_same(data)
    cells = [(s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]
    assert extracted.segments[0] == Segment(SegmentKind.PROSE, "Reisekosten März", TITLE_LABEL)
    assert cells == [
        ("Name", "Ann Lee"), ("Joined", "2019-08-01T09:30:00"), ("Active", "True"), ("Check", "#N/A"),
        ("Hours", "7.5"), ("Note", "Call back soon"),
        ("Name", "Bob Roe"), ("Joined", "1900-01-15T00:00:00"), ("Active", "False"), ("Check", "#DIV/0!"),
        ("Hours", "8"), ("Note", "plain"),
        # a number with an exponent is a float; the formula's cached string result is its value; the shared
        # string's runs are joined and openpyxl's "x005F_" unescaping applies to shared strings
        ("Name", "Cy Poe"), ("Joined", "2.5e-05"), ("Active", "0"), ("Check", "Ann Lee"), ("Hours", "2"),
        ("Note", "Rich text x"),
        # a duration format gives a timedelta, a time format of a fraction a time of day
        ("Joined", "45000 days, 0:00:00"), ("Active", "18:00:00"),
    ]
    assert extracted.metadata_dates[-2:] == ["2019-08-01", "1900-01-15"]


def test_rows_out_of_order_missing_cells_and_coordinates_as_openpyxl_read_them() -> None:
    rows = (b'<row r="2"><c r="B2" t="inlineStr"><is><t>Email</t></is></c><c r="A2" t="inlineStr"><is><t>Name</t></is></c>'
            b'<c r="D2" t="inlineStr"><is><t>Phone</t></is></c></row>'
            b'<row r="1"><c r="A1"><v>1</v></c></row>'
            b'<row r="5"><c><v>3</v></c><c t="e"><v>#REF!</v></c><c r="E5" s="0"><v>4.50</v></c></row>'
            b'<row r="5"><c r="A5" t="inlineStr"><is><t>dropped</t></is></c></row>'
            b'<row><c r="A6" t="b"><v>1</v></c><c r="B6" t="str"><v>placeholder</v></c><c r="C6" t="d"><v>2021-03-04</v></c></row>')
    data = replace_part(xlsx_bytes([["placeholder", "x"]]), "xl/worksheets/sheet1.xml", text=(
        b"</sheetData>", rows + b"</sheetData>"))
    data = replace_part(data, "xl/worksheets/sheet1.xml", text=(b'<row r="1"', b'<row r="0"'))
    assert reader_of(data) == "streamed"
    extracted = assert_same(data)
    assert [s.text for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL] == [
        "3", "#REF!", "4.5", "True", "placeholder", "2021-03-04"]


@pytest.mark.parametrize("max_text_chars", [1, 5, 30, 1000])
def test_text_budget_cuts_each_sheet_where_openpyxl_did(max_text_chars: int) -> None:
    assert_same(features_workbook(), Limits(max_text_chars=max_text_chars))


def test_one_far_cell_is_one_wide_row_in_both() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Email"])
    sheet["XFD300"] = "end"
    buffer = io.BytesIO()
    book.save(buffer)
    extracted = assert_same(buffer.getvalue())
    assert [(s.column, s.row, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL] == [(16383, 298, "end")]


def test_left_to_openpyxl_and_corrupt_with_no_text_in_the_reason() -> None:
    package = xlsx_bytes([["Secret salary", "91000"]])
    doctype = replace_part(package, "xl/worksheets/sheet1.xml", before_root=b'<!DOCTYPE worksheet [<!ENTITY s "Ann">]>')
    cut = replace_part(package, "xl/worksheets/sheet1.xml", text=(b"</sheetData>", b"</sheetDat>"))
    bad_index = with_shared_strings(replace_part(package, "xl/worksheets/sheet1.xml", text=(
        b'<c r="A1" t="inlineStr"><is><t>Secret salary</t></is></c>', b'<c r="A1" t="s"><v>9</v></c>')), b"<si><t>Ann</t></si>")
    bad_dimension = replace_part(package, "xl/worksheets/sheet1.xml", text=(b'<dimension ref="A1:B1"/>', b'<dimension ref="Secret"/>'))
    for data in (doctype, cut, bad_index, bad_dimension):
        assert reader_of(data) in ("openpyxl", "corrupt")
        assert_same(data)
    reasons = [outcome("new", data) for data in (doctype, cut, bad_index, bad_dimension)]
    assert reasons == ["corrupt: xlsx: ValueError", "corrupt: xlsx: ParseError", "corrupt: xlsx: IndexError",
                       "corrupt: xlsx: ValueError"]
