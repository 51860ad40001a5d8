from __future__ import annotations

import pytest

from classifier.sniff import Sniffer, extension_mismatch
from tests.documents import csv_bytes, docx_bytes, eml_bytes, pdf_bytes, xlsx_bytes, zip_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def sniffer() -> Sniffer:
    return Sniffer()


@pytest.mark.parametrize(
    ("data", "name", "mime"),
    [
        (pdf_bytes(["Invoice 42"]), "a.pdf", "application/pdf"),
        (docx_bytes(["Hello"]), "a.docx", DOCX),
        (xlsx_bytes([["Name", "Email"], ["A", "a@b.c"]]), "a.xlsx", XLSX),
        (csv_bytes([["name", "email"], ["Ann", "ann@example.org"]]), "a.csv", "text/csv"),
        (eml_bytes("a@example.org", "b@example.org", "Hi", "Body"), "a.eml", "message/rfc822"),
        (zip_bytes({"x.txt": b"hello"}), "a.zip", "application/zip"),
        (b"", "empty", "application/x-empty"),
    ],
)
def test_mime_comes_from_the_bytes(sniffer: Sniffer, data: bytes, name: str, mime: str) -> None:
    assert sniffer.sniff(data, name).mime == mime


def test_ooxml_detected_even_when_named_zip(sniffer: Sniffer) -> None:
    result = sniffer.sniff(docx_bytes(["Hello"]), "backup.zip")
    assert result.mime == DOCX
    assert result.extension_mismatch is True  # the name hides a Word document


def test_pdf_named_docx_is_a_mismatch(sniffer: Sniffer) -> None:
    result = sniffer.sniff(pdf_bytes(["x"]), "contract.docx")
    assert result.mime == "application/pdf"
    assert result.extension_mismatch is True


def test_unknown_extension_is_a_mismatch_for_a_document_format_not_for_text() -> None:
    # #17 item 13: a PDF under a name that says something else is the disguise the flag is for.
    assert extension_mismatch("application/pdf", "scan.weird") is True
    assert extension_mismatch("application/pdf", "scan.pdf") is False
    assert extension_mismatch("application/pdf", "scan") is False  # no extension claims nothing
    assert extension_mismatch("text/plain", "notes.weird") is False
