from __future__ import annotations

import pytest

from classifier.extract import extract
from classifier.extract.errors import CorruptDocument, UnsupportedDocument
from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind
from tests.documents import docx_bytes, eml_bytes, mark_zip_encrypted, pdf_bytes, xlsx_bytes, zip_bytes

LIMITS = Limits()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def all_text(extracted: Extracted) -> str:
    return "\n".join(segment.text for segment in extracted.segments)


def test_pdf_text_and_info_dates() -> None:
    data = pdf_bytes(["Purchase order PO-1142", "Ship to: Contoso Ltd."])
    extracted = extract(data, "application/pdf", "po.pdf", LIMITS)
    assert "Purchase order PO-1142" in all_text(extracted)
    assert "Contoso Ltd." in all_text(extracted)
    assert extracted.metadata_dates  # fpdf2 writes a CreationDate


def test_truncated_pdf_is_corrupt() -> None:
    data = pdf_bytes(["Quarterly forecast"])
    with pytest.raises(CorruptDocument):
        extract(data[:200], "application/pdf", "cut.pdf", LIMITS)


def test_docx_paragraphs_and_table_cells_with_headers() -> None:
    data = docx_bytes(["Meeting minutes", "Attendees listed below"], [["Name", "Email"], ["Ann Lee", "ann@contoso.com"]])
    extracted = extract(data, DOCX, "minutes.docx", LIMITS)
    prose = [s.text for s in extracted.segments if s.kind is SegmentKind.PROSE]
    cells = [(s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]
    assert prose == ["Meeting minutes", "Attendees listed below"]
    assert cells == [("Name", "Ann Lee"), ("Email", "ann@contoso.com")]


def test_xlsx_cells_keep_their_column_header() -> None:
    data = xlsx_bytes([["SKU", "Qty", "Unit price"], ["A-1", 3, 9.5], ["B-2", 10, 1.25]])
    extracted = extract(data, XLSX, "order.xlsx", LIMITS)
    cells = [(s.header, s.text, s.column) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]
    assert cells == [("SKU", "A-1", 0), ("Qty", "3", 1), ("Unit price", "9.5", 2),
                     ("SKU", "B-2", 0), ("Qty", "10", 1), ("Unit price", "1.25", 2)]


def test_csv_with_semicolons_is_sniffed() -> None:
    data = b"Name;Phone\nJohn Roe;+44 20 7946 0958\nMia Chen;+1 425 555 0143\n"
    extracted = extract(data, "text/csv", "contacts.csv", LIMITS)
    cells = [(s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]
    assert cells[:2] == [("Name", "John Roe"), ("Phone", "+44 20 7946 0958")]
    assert len(cells) == 4


def test_eml_headers_body_date_and_attachment_member() -> None:
    attachment = pdf_bytes(["Offer valid until 2021-04-30"])
    data = eml_bytes("Ann Lee <ann@contoso.com>", "bob@fabrikam.de", "Offer", "Dear Bob, see attached.",
                     [("offer.pdf", attachment, "application/pdf")])
    extracted = extract(data, "message/rfc822", "mail.eml", LIMITS)
    headers = {s.header: s.text for s in extracted.segments if s.kind is SegmentKind.EMAIL_HEADER}
    assert headers["from"] == "Ann Lee <ann@contoso.com>"
    assert headers["to"] == "bob@fabrikam.de"
    assert "Dear Bob, see attached." in all_text(extracted)
    assert extracted.metadata_dates == ["2021-03-14"]
    assert [(m.name, m.data) for m in extracted.members] == [("offer.pdf", attachment)]


def test_zip_members_with_dates_and_encrypted_flag() -> None:
    data = zip_bytes({"orders/po.csv": b"a,b\n1,2\n", "notes.txt": b"hello"})
    extracted = extract(data, "application/zip", "x.zip", LIMITS)
    assert [(m.name, m.data, m.modified) for m in extracted.members] == [
        ("orders/po.csv", b"a,b\n1,2\n", "2021-06-01"),
        ("notes.txt", b"hello", "2021-06-01"),
    ]
    encrypted = extract(mark_zip_encrypted(data), "application/zip", "x.zip", LIMITS)
    assert [m.encrypted for m in encrypted.members] == [True, True]


def test_zip_member_over_the_limit_is_flagged_not_read() -> None:
    data = zip_bytes({"big.txt": b"0" * 100_000, "small.txt": b"ok"})
    extracted = extract(data, "application/zip", "x.zip", Limits(max_member_bytes=10_000))
    assert [(m.name, m.problem) for m in extracted.members] == [("big.txt", "max_member_bytes"), ("small.txt", None)]


def test_unknown_binary_type_is_unsupported() -> None:
    with pytest.raises(UnsupportedDocument):
        extract(b"MZ\x90\x00\x03", "application/x-dosexec", "setup.exe", LIMITS)


def test_bad_zip_is_corrupt() -> None:
    with pytest.raises(CorruptDocument):
        extract(b"PK\x03\x04 not really", "application/zip", "x.zip", LIMITS)
