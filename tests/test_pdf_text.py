"""PDF page text with PDFium (#20): what PDFium reads, how its text is normalised, when pdfminer's
page path reads instead, and that encryption and the stream limits still come first. PDFs written by
fpdf2 where a real writer's output matters, by hand (tests/hostile.py's pdf_of) where a test needs
a structure no writer makes, and the CUAD contracts of ../shared/corpora for real layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

from classifier.extract import extract
from classifier.extract.errors import EncryptedDocument, LimitExceeded
from classifier.extract.pdf import TextEngine, normalise_pdfium_text, pdfium_text, read_pdf
from classifier.limits import Limits
from tests.conftest import CORPORA
from tests.documents import pdf_bytes
from tests.hostile import pdf_of, pdf_with_huge_content_stream, pdf_with_self_referencing_page_tree, stream_object

LIMITS = Limits()
PEOPLE_LINES = [
    "Payroll correction for March",
    "Ann Lee, ann.lee@contoso.com, IBAN DE89 3704 0044 0532 0130 00",
    "Bob Stone, bob.stone@fabrikam.com, IBAN GB29 NWBK 6016 1331 9268 19",
]
CONTRACTS_PDF = CORPORA / "contracts-pdf"


def text_of(data: bytes, limits: Limits = LIMITS) -> tuple[str, TextEngine]:
    reading = read_pdf(data, limits)
    return "".join(segment.text for segment in reading.extracted.segments), reading.text_engine


def one_page(content: bytes) -> bytes:
    """A one-page PDF showing `content` (a content stream) in Helvetica."""
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream_object(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def test_fpdf_document_read_by_pdfium_with_its_names_emails_and_ibans() -> None:
    text, engine = text_of(pdf_bytes(PEOPLE_LINES))
    assert engine is TextEngine.PDFIUM
    assert text == "\n".join(PEOPLE_LINES) + "\n\f"


def test_pdfium_and_pdfminer_agree_on_an_fpdf_document_but_for_blank_lines() -> None:
    data = pdf_bytes(PEOPLE_LINES)
    pdfium_lines = pdfium_text(data, LIMITS.max_text_chars)
    assert pdfium_lines is not None
    extracted = extract(data, "application/pdf", "payroll.pdf", LIMITS)
    assert [line for line in pdfium_lines.split("\n") if line.strip()] == PEOPLE_LINES
    assert extracted.segments[0].text.split() == pdfium_lines.split()


def test_each_page_ends_with_a_form_feed_as_pdfminer_ends_it() -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in (1, 2, 3):
        pdf.add_page()
        pdf.cell(0, 6, f"Page {number} of the staff list")
    text, engine = text_of(bytes(pdf.output()))
    assert engine is TextEngine.PDFIUM
    assert text == "Page 1 of the staff list\n\fPage 2 of the staff list\n\fPage 3 of the staff list\n\f"


def test_pages_after_max_text_chars_are_not_read_and_the_text_is_cut() -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(1, 6):
        pdf.add_page()
        pdf.cell(0, 6, f"Page {number} holds nothing else")
    data = bytes(pdf.output())
    # Page 1 is 27 characters with its line and form feed, within 30; page 2 passes them and is the last read.
    assert pdfium_text(data, 30) == "Page 1 holds nothing else\n\fPage 2 holds nothing else\n\f"
    reading = read_pdf(data, Limits(max_text_chars=30))
    assert reading.extracted.truncated
    assert reading.extracted.segments[0].text == "Page 1 holds nothing else\n\fPag"


def test_password_protected_pdf_is_encrypted_before_pdfium_sees_it() -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Salary review: Ann Lee")
    with pytest.raises(EncryptedDocument, match="pdf needs a password"):
        read_pdf(bytes(pdf.output()), LIMITS)


def test_pdf_with_an_owner_password_only_opens_and_pdfium_reads_it() -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Salary review: Ann Lee")
    assert text_of(bytes(pdf.output())) == ("Salary review: Ann Lee\n\f", TextEngine.PDFIUM)


def test_a_bomb_content_stream_is_refused_before_pdfium_inflates_it() -> None:
    with pytest.raises(LimitExceeded, match="max_member_bytes"):
        read_pdf(pdf_with_huge_content_stream(64), Limits(max_member_bytes=8 << 20))


def test_pdf_without_its_header_is_refused_by_pdfium_and_read_by_pdfminer() -> None:
    """A file whose first bytes were lost (carved from a disk image, cut by a transfer): PDFium wants
    `%PDF-` before it parses (FPDF_ERR_FORMAT), pdfminer reads the objects without it."""
    data = pdf_bytes(PEOPLE_LINES)
    headerless = data[data.index(b"\n") + 1:]
    assert pdfium_text(headerless, LIMITS.max_text_chars) is None
    text, engine = text_of(headerless)
    assert engine is TextEngine.PDFMINER
    assert text.split() == " ".join(PEOPLE_LINES).split()


def test_page_tree_that_lists_itself_is_read_by_pdfminer() -> None:
    """PDFium counts the three pages the root claims and fails to load the two that are the root
    itself; a page PDFium cannot load sends the whole document to pdfminer, which reads the one page."""
    data = pdf_with_self_referencing_page_tree("QZXCANARY")
    assert pdfium_text(data, LIMITS.max_text_chars) is None
    assert text_of(data) == ("QZXCANARY\n\n\f", TextEngine.PDFMINER)


def test_page_opening_with_thousands_of_control_characters() -> None:
    """pypdfium2's get_text_range recurses once per leading character PDFium leaves out and raises
    RecursionError past about a thousand; the page is read whole in one FPDFText_GetText call."""
    text, engine = text_of(one_page(b"BT /F1 12 Tf 72 720 Td (" + b"\x03" * 3000 + b"Ann Lee ann.lee@contoso.com) Tj ET"))
    assert engine is TextEngine.PDFIUM
    assert text == "Ann Lee ann.lee@contoso.com\n\f"


def test_hyphen_between_two_text_objects_is_written_back() -> None:
    """PDFium marks the hyphen ending one text object before a word (U+FFFE) and drops the line break."""
    content = b"BT /F1 12 Tf 72 720 Td (Payment is non-) Tj 0 -14 Td (refundable after 30 days.) Tj ET"
    assert text_of(one_page(content)) == ("Payment is non-refundable after 30 days.\n\f", TextEngine.PDFIUM)


@pytest.mark.parametrize(("raw", "normal"), [
    ("first line\r\nsecond line\r\n", "first line\nsecond line\n"),
    ("out-of\ufffepocket, NON\ufffeINFRINGEMENT", "out-of-pocket, NON-INFRINGEMENT"),
    ("total\ufffe\r\n\ufffe", "total\n"),
    ("ann\x02.lee@contoso.com", "ann.lee@contoso.com"),
    ("em\u00adploy\u00adee\x0ctable\tcell", "employee\x0ctable\tcell"),
])
def test_normalise_pdfium_text(raw: str, normal: str) -> None:
    assert normalise_pdfium_text(raw) == normal


@given(st.text(alphabet=st.sampled_from("ab -\r\n\t\x02\x0c\ufffe\u00ad\ufeff")))
def test_normalise_pdfium_text_is_idempotent_and_leaves_no_carriage_return(raw: str) -> None:
    once = normalise_pdfium_text(raw)
    assert normalise_pdfium_text(once) == once
    assert not set(once) & {"\r", "\ufffe", "\x02", "\u00ad"}


@pytest.mark.skipif(not CONTRACTS_PDF.exists(), reason="../shared/corpora absent (not a development checkout)")
def test_contract_read_by_pdfium_keeps_its_hyphenated_terms() -> None:
    """Array BioPharma's licence agreement (CUAD), 107 pages: PDFium marks some hyphens of "Know-How",
    "pre-clinical" and "non-inferiority" (where one ends a text object); written back, each term is
    counted as often as pdfminer counts it (44, 4, 1; the CUAD text version has 43, 3 and 0: it
    writes "pre- clinical" and "non- inferiority" where a line broke after the hyphen)."""
    path: Path = next(CONTRACTS_PDF.glob("Array BioPharma*"))
    text, engine = text_of(path.read_bytes())
    assert engine is TextEngine.PDFIUM
    assert text.count("\f") == 107
    assert [text.count(term) for term in ("Know-How", "pre-clinical", "non-inferiority")] == [44, 4, 1]
    assert "\ufffe" not in text and "\r" not in text
