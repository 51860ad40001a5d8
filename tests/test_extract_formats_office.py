"""Presentations, OpenDocument, RTF, legacy Excel, Outlook items and mailboxes.

Each document is written by the real library (python-pptx, odfpy, xlwt, the
mailbox module, extract-msg's OLE writer) or taken from ../shared/corpora.
"""

from __future__ import annotations

import datetime
import io
import mailbox
import os
import re
import struct
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import olefile
import openpyxl
import pptx
import pytest
from extract_msg.ole_writer import OleWriter
from odf.dc import Date
from odf.draw import Frame, Page, TextBox
from odf.meta import CreationDate
from odf.opendocument import OpenDocument, OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.presentation import Notes
from odf.style import MasterPage, PageLayout
from odf.table import Table, TableCell, TableRow
from odf.text import H, P, Span
from pptx.enum.shapes import PROG_ID
from pptx.util import Inches

from classifier.extract import extract
from classifier.extract.email_message import extract_eml
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from classifier.extract.legacy_office import extract_encrypted_office, extract_xls
from classifier.extract.mailbox_file import extract_mbox
from classifier.extract.opendocument import extract_odp, extract_ods, extract_odt
from classifier.extract.outlook import extract_msg
from classifier.extract.presentation import extract_pptx
from classifier.extract.rtf import extract_rtf
from classifier.extract.spreadsheet import extract_xlsx
from classifier.limits import Limits
from classifier.records import TITLE_LABEL, Extracted, SegmentKind
from classifier.sniff import Sniffer
from tests.conftest import SHARED
from tests.documents import xlsx_bytes

LIMITS = Limits()
CORPORA = SHARED / "corpora"
needs_corpora = pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora absent (not a development checkout)")
SAMPLE_MSG = CORPORA / "magika-basic" / "outlook" / "sample.msg"


def prose(extracted: Extracted) -> list[str]:
    return [s.text for s in extracted.segments if s.kind is SegmentKind.PROSE]


def titles(extracted: Extracted) -> list[str]:
    """Slide titles and sheet names a person gave: the segments read as the document naming its parts."""
    return [s.text for s in extracted.segments if s.header == TITLE_LABEL]


def cells(extracted: Extracted) -> list[tuple[int | None, str | None, str]]:
    return [(s.table, s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]


def sniffed(data: bytes, name: str) -> str:
    return Sniffer().sniff(data, name).mime


class _WriteGuard:
    """Fails any file opened for writing while armed (audit hooks see C-level opens too)."""

    armed = False
    opened: ClassVar[list[str]] = []

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if not cls.armed or event != "open":
            return
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if writing:
            cls.opened.append(str(path))
            raise PermissionError("file write blocked by test guard")


sys.addaudithook(_WriteGuard.hook)


@pytest.fixture
def no_file_writes() -> Iterator[list[str]]:
    _WriteGuard.opened.clear()
    _WriteGuard.armed = True
    try:
        yield _WriteGuard.opened
    finally:
        _WriteGuard.armed = False


# --- PPTX ---------------------------------------------------------------------------------------

def pptx_bytes(embedded: bytes) -> bytes:
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])  # title only
    assert slide.shapes.title is not None
    slide.shapes.title.text = "Q3 customer review"
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = "Escalations: Contoso Ltd."
    grid = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, row in enumerate([["Name", "Email"], ["Ann Lee", "ann@contoso.com"], ["Bob Roe", "bob@fabrikam.de"]]):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    slide.shapes.add_ole_object(io.BytesIO(embedded), PROG_ID.XLSX, Inches(1), Inches(5))
    notes = slide.notes_slide.notes_text_frame
    assert notes is not None
    notes.text = "Do not share outside finance"
    presentation.core_properties.created = datetime.datetime(2021, 3, 14, 10, 0)
    presentation.core_properties.modified = datetime.datetime(2021, 4, 2, 9, 0)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def without_core_properties(package: bytes) -> bytes:
    """The same package with docProps/core.xml and its relationship removed, as some writers produce."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                continue
            if info.filename == "_rels/.rels":
                content = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", content)
            if info.filename == "[Content_Types].xml":
                content = re.sub(rb'<Override PartName="/docProps/core.xml"[^>]*/>', b"", content)
            target.writestr(info, content)
    return buffer.getvalue()


def test_pptx_slide_text_tables_notes_dates_and_embedded_file() -> None:
    workbook = xlsx_bytes([["SKU", "Qty"], ["A-1", 3]])
    data = pptx_bytes(workbook)
    extracted = extract_pptx(data, "review.pptx", LIMITS)
    assert prose(extracted) == ["Q3 customer review", "Escalations: Contoso Ltd.", "Do not share outside finance"]
    assert cells(extracted) == [(0, "Name", "Ann Lee"), (0, "Email", "ann@contoso.com"),
                                (0, "Name", "Bob Roe"), (0, "Email", "bob@fabrikam.de")]
    assert extracted.metadata_dates == ["2021-03-14", "2021-04-02"]
    assert [(m.name, m.data) for m in extracted.members] == [("ppt/embeddings/Microsoft_Excel_Sheet1.xlsx", workbook)]
    assert extracted.structure == {"slides", "table"}
    assert titles(extracted) == ["Q3 customer review"]  # the title placeholder, not the text box


def test_xlsx_sheet_names_are_titles_unless_a_program_chose_them() -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Reisekosten März"
    first.append(["Datum", "Betrag"])
    first.append(["2021-03-02", 42.5])
    for name in ("Tabelle2", "Sheet 3", "Hoja4", "Feuil5"):
        workbook.create_sheet(name).append(["a"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    extracted = extract_xlsx(buffer.getvalue(), "spesen.xlsx", LIMITS)
    assert titles(extracted) == ["Reisekosten März"]


def test_pptx_without_core_properties_has_no_invented_dates() -> None:
    data = without_core_properties(pptx_bytes(xlsx_bytes([["a"]])))
    extracted = extract_pptx(data, "review.pptx", LIMITS)
    assert extracted.metadata_dates == []
    assert "Q3 customer review" in prose(extracted)


def test_pptx_external_and_internal_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE")
    doctype = f'<!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY inner "INNERVALUE">]>'.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(pptx_bytes(b"x"))) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "ppt/slides/slide1.xml":
                content = content.replace(b"?>", b"?>" + doctype, 1).replace(b"Contoso Ltd.", b"&xxe; &inner;")
            target.writestr(info, content)
    extracted = extract_pptx(buffer.getvalue(), "xxe.pptx", LIMITS)
    assert "Escalations: " in prose(extracted)
    assert not any("VALUE" in segment.text for segment in extracted.segments)


def test_pptx_truncated_is_corrupt() -> None:
    data = pptx_bytes(xlsx_bytes([["a"]]))
    with pytest.raises(CorruptDocument, match=r"^pptx: not a readable ZIP container \(BadZipFile\)$"):
        extract_pptx(data[: len(data) // 2], "cut.pptx", LIMITS)


def test_pptx_zip_bomb_is_refused_before_python_pptx_inflates_it() -> None:
    data = pptx_bytes(xlsx_bytes([["a"]]))
    with pytest.raises(LimitExceeded, match="max_member_bytes"):
        extract_pptx(data, "review.pptx", Limits(max_member_bytes=1000))


# --- OpenDocument -------------------------------------------------------------------------------

def odf_bytes(document: OpenDocument) -> bytes:
    document.meta.addElement(CreationDate(text="2021-03-14T10:00:00"))
    document.meta.addElement(Date(text="2021-04-01T09:30:00.12"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Board minutes"))
    paragraph = P(text="Present: ")
    paragraph.addElement(Span(text="Ann Lee"))
    paragraph.addText(" and Bob Roe")
    document.text.addElement(paragraph)
    table = Table(name="Contacts")
    for values in (["Name", "Phone"], ["Ann Lee", "+44 20 7946 0958"]):
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    return odf_bytes(document)


def ods_bytes() -> bytes:
    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Staff")
    rows: list[list[TableCell]] = [
        [TableCell(valuetype="string"), TableCell(valuetype="string"), TableCell(valuetype="string")],
        [TableCell(valuetype="string"), TableCell(valuetype="date", datevalue="2020-05-17"), TableCell(valuetype="float", value="3")],
    ]
    texts = [["Name", "Joined", "Grade"], ["Ann Lee", "17/05/2020", "3"]]
    for cell_row, text_row in zip(rows, texts, strict=True):
        row = TableRow()
        for cell, text in zip(cell_row, text_row, strict=True):
            cell.addElement(P(text=text))
            row.addElement(cell)
        row.addElement(TableCell(numbercolumnsrepeated=16381))  # the filler every sheet carries
        sheet.addElement(row)
    sheet.addElement(TableRow(numberrowsrepeated=1048574))
    document.spreadsheet.addElement(sheet)
    return odf_bytes(document)


def odp_bytes() -> bytes:
    document = OpenDocumentPresentation()
    layout = PageLayout(name="Layout")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Default", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    page = Page(masterpagename=master)
    frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
    box = TextBox()
    box.addElement(P(text="Merger plan: Contoso and Fabrikam"))
    frame.addElement(box)
    page.addElement(frame)
    notes = Notes()
    notes_frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
    notes_box = TextBox()
    notes_box.addElement(P(text="Confidential until signing"))
    notes_frame.addElement(notes_box)
    notes.addElement(notes_frame)
    page.addElement(notes)
    document.presentation.addElement(page)
    return odf_bytes(document)


def with_encrypted_manifest(package: bytes) -> bytes:
    """Mark content.xml encrypted in the manifest, as LibreOffice does for a password-protected file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "META-INF/manifest.xml":
                content = content.replace(
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data '
                    b'manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry>')
                assert b"encryption-data" in content
            target.writestr(info, content)
    return buffer.getvalue()


def test_odt_paragraphs_headings_tables_and_meta_dates() -> None:
    extracted = extract_odt(odt_bytes(), "minutes.odt", LIMITS)
    assert prose(extracted) == ["Board minutes", "Present: Ann Lee and Bob Roe"]
    assert cells(extracted) == [(0, "Name", "Ann Lee"), (0, "Phone", "+44 20 7946 0958")]
    assert extracted.metadata_dates == ["2021-03-14", "2021-04-01"]
    assert extracted.structure == {"table"}


def test_ods_cells_keep_headers_dates_and_skip_repeated_filler() -> None:
    extracted = extract_ods(ods_bytes(), "staff.ods", LIMITS)
    assert cells(extracted) == [(0, "Name", "Ann Lee"), (0, "Joined", "2020-05-17"), (0, "Grade", "3")]
    # meta.xml creation-date and dc:date, then the date cell
    assert extracted.metadata_dates == ["2021-03-14", "2021-04-01", "2020-05-17"]
    assert extracted.structure == {"table", "spreadsheet"}
    # A sheet's own name is a title line (an ODT table's name is not: see the ODT test's prose).
    assert titles(extracted) == ["Staff"]


def test_ods_row_repeated_a_million_times_is_read_a_hundred_times() -> None:
    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Filler")
    for text, repeat in (("Status", 1), ("void", 1_000_000)):
        row = TableRow(numberrowsrepeated=repeat)
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=text))
        row.addElement(cell)
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    extracted = extract_ods(odf_bytes(document), "filler.ods", LIMITS)
    assert cells(extracted) == [(0, "Status", "void")] * 100


def test_odp_slide_text_and_notes() -> None:
    extracted = extract_odp(odp_bytes(), "plan.odp", LIMITS)
    assert prose(extracted) == ["Merger plan: Contoso and Fabrikam", "Confidential until signing"]
    assert extracted.structure == {"slides"}


@pytest.mark.parametrize("extractor", [extract_odt, extract_ods, extract_odp])
def test_odf_with_encryption_data_in_manifest_is_encrypted(extractor: Any) -> None:
    with pytest.raises(EncryptedDocument):
        extractor(with_encrypted_manifest(odt_bytes()), "secret.odt", LIMITS)


@pytest.mark.parametrize(("builder", "extractor"), [(odt_bytes, extract_odt), (ods_bytes, extract_ods), (odp_bytes, extract_odp)])
def test_odf_truncated_is_corrupt(builder: Any, extractor: Any) -> None:
    data = builder()
    with pytest.raises(CorruptDocument):
        extractor(data[: len(data) - 40], "cut.odf", LIMITS)


def test_odf_entity_declarations_are_refused_not_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&b;'
            b"</office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", bomb)
    with pytest.raises(CorruptDocument, match="EntitiesForbidden"):
        extract_odt(buffer.getvalue(), "bomb.odt", LIMITS)


# --- RTF ----------------------------------------------------------------------------------------

RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
       r"{\info{\title Offer}{\creatim\yr2021\mo3\dy14\hr10\min5}{\revtim\yr2021\mo4\dy2}}"
       r"\f0 Dear Ren\'e9 Dupont,\par Your IBAN is on file.\par Caf\u233?\par"
       r"{\*\objdata 0105000002000000}}")


def test_rtf_text_unicode_and_info_dates() -> None:
    extracted = extract_rtf(RTF.encode("ascii"), "offer.rtf", LIMITS)
    assert prose(extracted) == ["Dear René Dupont,\nYour IBAN is on file.\nCafé\n"]
    assert extracted.metadata_dates == ["2021-03-14", "2021-04-02"]


def test_rtf_truncated_or_not_rtf_is_corrupt() -> None:
    data = RTF.encode("ascii")
    with pytest.raises(CorruptDocument, match="truncated"):
        extract_rtf(data[: len(data) // 2], "cut.rtf", LIMITS)
    with pytest.raises(CorruptDocument, match="header"):
        extract_rtf(b"Dear Rene", "plain.rtf", LIMITS)


def test_rtf_braces_inside_bin_data_do_not_count() -> None:
    # Two raw "{" bytes after \bin2 would otherwise leave the outer group open.
    data = b"{\\rtf1 Visible{\\*\\blob\\bin2 {{} text}"
    assert prose(extract_rtf(data, "bin.rtf", LIMITS)) == ["Visible"]


# --- XLS and encrypted OOXML --------------------------------------------------------------------

def xls_bytes() -> bytes:
    xlwt = pytest.importorskip("xlwt", reason="xlwt (dev extra) writes the test .xls; no .xls in the corpora")
    workbook = xlwt.Workbook()
    people = workbook.add_sheet("People")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    people_rows: list[list[object]] = [["Name", "Email", "Joined"], ["Ann Lee", "ann@contoso.com", datetime.date(2020, 5, 17)]]
    for r, row in enumerate(people_rows):
        for c, value in enumerate(row):
            people.write(r, c, value, date_style if isinstance(value, datetime.date) else xlwt.Style.default_style)
    orders = workbook.add_sheet("Orders")
    order_rows: list[list[object]] = [["SKU", "Qty"], ["A-1", 3]]
    for r, row in enumerate(order_rows):
        for c, value in enumerate(row):
            orders.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xls_sheets_become_tables_with_headers_and_dates() -> None:
    extracted = extract_xls(xls_bytes(), "people.xls", LIMITS)
    assert cells(extracted) == [(0, "Name", "Ann Lee"), (0, "Email", "ann@contoso.com"), (0, "Joined", "2020-05-17T00:00:00"),
                                (1, "SKU", "A-1"), (1, "Qty", "3")]
    assert extracted.metadata_dates == ["2020-05-17"]
    assert extracted.structure == {"table", "spreadsheet"}
    assert titles(extracted) == ["People", "Orders"]


def test_an_xls_cut_short_is_corrupt_not_of_an_unknown_type() -> None:
    """libmagic calls a compound file whose directory is cut off "x-ole-storage"; the sniffer then goes by
    the name among compound-file types, which needs .xls in the format table (it was missing: the
    file was `unsupported`, as if it were of a type nobody reads)."""
    xlwt = pytest.importorskip("xlwt", reason="xlwt (dev extra) writes the test .xls")
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("People")
    for row in range(2000):  # enough sectors that a cut at half loses the directory
        sheet.write(row, 0, f"person{row}@example.org")
    buffer = io.BytesIO()
    workbook.save(buffer)
    cut = buffer.getvalue()[: len(buffer.getvalue()) // 2]
    sniffed = Sniffer().sniff(cut, "people.xls")
    assert (sniffed.mime, sniffed.extension_mismatch) == ("application/vnd.ms-excel", False)
    with pytest.raises(CorruptDocument):
        extract(cut, sniffed.mime, "people.xls", LIMITS)


def test_xls_with_filepass_record_is_encrypted() -> None:
    data = xls_bytes()
    # Turn the first WINDOWPROTECT record (0x0019, 2 bytes) of the globals into a
    # FILEPASS (0x002F): the record Excel writes when a workbook has a password.
    marked = data.replace(b"\x19\x00\x02\x00\x00\x00", b"\x2f\x00\x02\x00\x00\x00", 1)
    assert marked != data
    with pytest.raises(EncryptedDocument):
        extract_xls(marked, "locked.xls", LIMITS)


def test_xls_truncated_is_corrupt() -> None:
    data = xls_bytes()
    with pytest.raises(CorruptDocument, match=r"^xls: "):
        extract_xls(data[:3000], "cut.xls", LIMITS)


@needs_corpora
@pytest.mark.parametrize("path", sorted((CORPORA / "office-poi" / "docx").glob("bug53475-password-is-*.docx")),
                         ids=lambda p: p.name)
def test_password_protected_ooxml_sniffs_as_encrypted(path: Path) -> None:
    data = path.read_bytes()
    assert sniffed(data, path.name) == "application/encrypted"
    assert "EncryptedPackage" in ["/".join(entry) for entry in olefile.OleFileIO(io.BytesIO(data)).listdir()]
    with pytest.raises(EncryptedDocument):
        extract_encrypted_office(data, path.name, LIMITS)


# --- Outlook .msg -------------------------------------------------------------------------------

def _attachment_property(tag: int, value: bytes) -> bytes:
    return struct.pack("<II", tag, 0x6) + value  # flags: readable | writable


def _filetime(day: datetime.date) -> bytes:
    seconds = (datetime.datetime(day.year, day.month, day.day) - datetime.datetime(1601, 1, 1)).total_seconds()
    return struct.pack("<Q", int(seconds) * 10_000_000)


def msg_with_attachments(sample: bytes) -> bytes:
    """The sample message plus a file attachment and the sample itself embedded as a message."""
    source = olefile.OleFileIO(io.BytesIO(sample))
    writer = OleWriter()
    writer.fromOleFile(source)
    data_dir = "__attach_version1.0_#00000000"
    writer.addEntry([data_dir], storage=True)
    writer.addEntry([data_dir, "__properties_version1.0"], b"\0" * 8
                    + _attachment_property(0x37050003, struct.pack("<Q", 1))  # attach method: by value
                    + _attachment_property(0x30080040, _filetime(datetime.date(2021, 3, 14))))  # last modified
    writer.addEntry([data_dir, "__substg1.0_3707001F"], "minutes.txt".encode("utf-16-le"))
    writer.addEntry([data_dir, "__substg1.0_37010102"], b"Minutes of the board meeting")
    embedded_dir = "__attach_version1.0_#00000001"
    writer.addEntry([embedded_dir], storage=True)
    writer.addEntry([embedded_dir, "__properties_version1.0"],
                    b"\0" * 8 + _attachment_property(0x37050003, struct.pack("<Q", 5)))  # embedded message
    writer.addEntry([embedded_dir, "__substg1.0_3001001F"], "Forwarded note".encode("utf-16-le"))
    inner = [embedded_dir, "__substg1.0_3701000D"]
    writer.addEntry(inner, storage=True)
    for path in sorted(source.listdir(streams=True, storages=True)):
        if path[0] == "__nameid_version1.0":
            continue  # an embedded message shares its parent's named-property map
        if source.get_type(path) == olefile.STGTY_STORAGE:
            writer.addEntry(inner + path, storage=True)
            continue
        stream = source.openstream(path).read()
        if path == ["__properties_version1.0"]:
            stream = stream[:24] + stream[32:]  # an embedded message's property header is 8 bytes shorter
        writer.addEntry(inner + path, stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@needs_corpora
def test_msg_headers_body_date_and_attachments_without_writing_files(no_file_writes: list[str]) -> None:
    sample = SAMPLE_MSG.read_bytes()
    data = msg_with_attachments(sample)
    extracted = extract_msg(data, "mail.msg", LIMITS)
    headers = {s.header: s.text for s in extracted.segments if s.kind is SegmentKind.EMAIL_HEADER}
    assert headers == {"from": "Anonymousemail <noreply@anonymousemail.eu>", "to": "samplelefay@gmail.com",
                       "subject": "Welcome to your sample email. 🙃"}
    assert "You've been sent a sample email!" in prose(extracted)[0]
    assert extracted.metadata_dates == ["2025-05-24"]
    assert extracted.structure == {"email_headers"}
    assert [(m.name, m.modified, m.problem) for m in extracted.members] == [
        ("minutes.txt", "2021-03-14", None), ("Forwarded note.msg", None, None)]
    assert extracted.members[0].data == b"Minutes of the board meeting"
    embedded = extract_msg(extracted.members[1].data, "Forwarded note.msg", LIMITS)
    assert {s.header: s.text for s in embedded.segments if s.kind is SegmentKind.EMAIL_HEADER} == headers
    assert no_file_writes == []


@needs_corpora
def test_msg_truncated_is_corrupt() -> None:
    sample = SAMPLE_MSG.read_bytes()
    with pytest.raises(CorruptDocument, match=r"^msg: "):
        extract_msg(sample[: len(sample) // 2], "cut.msg", LIMITS)


def test_msg_short_bytes_are_never_taken_for_a_path(tmp_path: Path) -> None:
    # olefile treats a bytes object under 1536 bytes as a file name.
    target = tmp_path / "real.msg"
    if SAMPLE_MSG.exists():
        target.write_bytes(SAMPLE_MSG.read_bytes())
    with pytest.raises(CorruptDocument):
        extract_msg(str(target).encode(), "path.msg", LIMITS)


# --- mbox ---------------------------------------------------------------------------------------

def mbox_bytes(folder: Path, count: int = 2) -> bytes:
    path = folder / "inbox.mbox"
    box = mailbox.mbox(path)
    for number in range(count):
        message = mailbox.mboxMessage()
        message["From"] = "Ann Lee <ann@contoso.com>"
        message["To"] = "bob@fabrikam.de"
        message["Subject"] = f"Offer {number + 1}"
        message["Date"] = "Tue, 14 Mar 2021 10:00:00 +0000"
        message.set_payload("Dear Bob,\nFrom now on prices include VAT.\n")
        message.set_from("ann@contoso.com", (2021, 3, 14 + number, 10, 0, 0, 0, 0, 0))
        box.add(message)
    box.flush()
    box.close()
    return path.read_bytes()


def test_mbox_messages_become_eml_members(tmp_path: Path) -> None:
    data = mbox_bytes(tmp_path)
    assert b"\n>From now on" in data  # the mailbox module quoted the body line
    extracted = extract_mbox(data, "inbox.mbox", LIMITS)
    assert [(m.name, m.modified) for m in extracted.members] == [("message-1.eml", "2021-03-14"), ("message-2.eml", "2021-03-15")]
    assert extracted.structure == {"mailbox"}
    assert extracted.metadata_dates == ["2021-03-14", "2021-03-15"]
    second = extract_eml(extracted.members[1].data, "message-2.eml", LIMITS)
    assert {s.header: s.text for s in second.segments if s.kind is SegmentKind.EMAIL_HEADER} == {
        "from": "Ann Lee <ann@contoso.com>", "to": "bob@fabrikam.de", "subject": "Offer 2"}
    assert prose(second) == ["Dear Bob,\nFrom now on prices include VAT.\n"]


def test_mbox_truncated_or_not_a_mailbox_is_corrupt(tmp_path: Path) -> None:
    data = mbox_bytes(tmp_path)
    with pytest.raises(CorruptDocument):
        extract_mbox(data[:3], "cut.mbox", LIMITS)
    with pytest.raises(CorruptDocument):
        extract_mbox(b"Subject: hi\n\nbody\n", "plain.mbox", LIMITS)


def test_mbox_over_max_members_is_too_large(tmp_path: Path) -> None:
    with pytest.raises(LimitExceeded, match="max_members"):
        extract_mbox(mbox_bytes(tmp_path, count=3), "inbox.mbox", Limits(max_members=2))


# --- MIME types the registry keys on ------------------------------------------------------------

def test_sniffed_mime_types_of_these_formats(tmp_path: Path) -> None:
    expected = {
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": (pptx_bytes(b"x"), "a.pptx"),
        "application/vnd.oasis.opendocument.text": (odt_bytes(), "a.odt"),
        "application/vnd.oasis.opendocument.spreadsheet": (ods_bytes(), "a.ods"),
        "application/vnd.oasis.opendocument.presentation": (odp_bytes(), "a.odp"),
        "text/rtf": (RTF.encode("ascii"), "a.rtf"),
        "application/vnd.ms-excel": (xls_bytes(), "a.xls"),
    }
    assert {mime: sniffed(data, name) for mime, (data, name) in expected.items()} == {mime: mime for mime in expected}
    # libmagic 5.44 has no rule for a From_ line (it says text/plain); sniff.py refines it from the bytes.
    assert sniffed(mbox_bytes(tmp_path), "inbox") == "application/mbox"


@needs_corpora
def test_sniffed_mime_type_of_outlook_msg() -> None:
    assert sniffed(msg_with_attachments(SAMPLE_MSG.read_bytes()), "mail.msg") == "application/vnd.ms-outlook"
