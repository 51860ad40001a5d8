"""#17: a PDF that pdfminer and PDFium refuse as it is (cut short, its cross-reference table or
`startxref` garbled) is read from its objects with a rebuilt table; a page whose content streams are
too large to lay out is left unread instead of taking the worker's memory.

Each of these was `corrupt` (or drove a worker past 1 GB) before extract/pdf_repair.py and
max_page_content_bytes.
"""

from __future__ import annotations

import json
import re
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from classifier.extract.errors import CorruptDocument
from classifier.extract.pdf import _read_pdf, read_pdf
from classifier.extract.pdf_repair import rebuilt_pdf
from classifier.limits import Limits
from classifier.scan import ScanOptions, run_scan
from tests.conftest import CORPORA, TEST_KEY
from tests.hostile import pdf_of, stream_object

LIMITS = Limits()
PEOPLE = [("Orla Brennigan", "orla.brennigan@example.org"), ("Tomasz Wielgosz", "t.wielgosz@example.net"),
          ("Ines Albarrán", "ines.albarran@example.com")]


def three_page_pdf() -> bytes:
    """One person per page. fpdf2 writes the page tree and catalog first (objects 1 and 2), then each
    page and its content (3-8), fonts and resources (9-12), the Info dictionary and the table."""
    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 5, 2, tzinfo=UTC))  # the same bytes on every run
    pdf.set_font("Helvetica", size=11)
    for name, email in PEOPLE:
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Customer record. Contact: {name}, e-mail {email}.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def text_of(data: bytes) -> tuple[str, str | None]:
    reading = read_pdf(data, LIMITS)
    return "".join(s.text for s in reading.extracted.segments), reading.extracted.partial


def test_a_pdf_cut_before_its_table_is_read_whole_and_says_so() -> None:
    data = three_page_pdf()
    cut = data[: data.rindex(b"xref")]
    text, partial = text_of(cut)
    for name, email in PEOPLE:
        assert name.split()[0] in text and email in text
    assert partial is not None and partial.endswith("read from a rebuilt cross-reference table")
    assert text_of(data)[1] is None  # an intact PDF never goes this way


def test_a_pdf_missing_a_page_and_its_table_keeps_the_other_pages() -> None:
    data = three_page_pdf()
    # The third page and its content (objects 7 and 8) and the table are lost; fonts and resources are not.
    damaged = data[: data.index(b"\n7 0 obj")] + data[data.index(b"\n9 0 obj"): data.rindex(b"xref")]
    text, partial = text_of(damaged)
    assert PEOPLE[0][1] in text and PEOPLE[1][1] in text
    assert PEOPLE[2][1] not in text
    assert partial is not None


def test_pages_whose_resources_are_lost_are_not_read() -> None:
    """Without its font's encoding a page comes out as glyph codes (a cut CUAD contract read "deohwr"
    for "ableto"); no text is better than that text, so a page that needs a lost object is left out."""
    data = three_page_pdf()
    # The pages and their content (3-8) survive; the page tree, the catalog, the fonts and resources do not.
    damaged = data[: data.index(b"\n1 0 obj")] + data[data.index(b"\n3 0 obj"): data.index(b"\n9 0 obj")]
    with pytest.raises(CorruptDocument):
        read_pdf(damaged, LIMITS)
    assert rebuilt_pdf(damaged) is None


def test_a_garbled_table_and_startxref_are_read_from_a_rebuilt_table() -> None:
    data = three_page_pdf()
    garbled = (re.sub(rb"startxref\s+\d+", b"startxref\n99999999", data)
               .replace(b"\nxref", b"\nxxxx").replace(b"trailer", b"trai1er"))
    with pytest.raises(CorruptDocument):  # as it is, neither pdfminer nor PDFium reads it
        _read_pdf(garbled, LIMITS)
    text, partial = text_of(garbled)
    assert all(email in text for _, email in PEOPLE)
    assert partial is not None


def test_bytes_without_a_page_object_stay_corrupt() -> None:
    junk = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length 5 >>\nstream\nhello"
    assert rebuilt_pdf(junk) is None
    with pytest.raises(CorruptDocument):
        read_pdf(junk, LIMITS)


def test_an_encrypted_pdf_that_is_damaged_is_not_rebuilt() -> None:
    data = three_page_pdf()
    cut = data[: data.rindex(b"xref")] + b"trailer << /Encrypt 9 0 R >>"
    assert rebuilt_pdf(cut) is None


def test_the_rebuilt_table_follows_the_objects_found_not_the_numbers_claimed() -> None:
    data = three_page_pdf()
    cut = data[: data.rindex(b"xref")] + b"\n8000000 0 obj\n<< /Type /Page >>\nendobj\n"
    rebuilt = rebuilt_pdf(cut)
    assert rebuilt is not None
    assert len(rebuilt) - len(cut) < 4096  # one subsection per run of numbers, not 8 million rows


def page(contents: int, font: int) -> bytes:
    return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (contents, font))


def test_a_page_too_large_to_lay_out_is_left_unread_and_named() -> None:
    paths = b"0 0 m 1 1 l S\n" * ((LIMITS.max_page_content_bytes // 14) + 1000)
    words = b"BT /F1 12 Tf 72 700 Td (Contact orla.brennigan@example.org) Tj ET"
    data = pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        page(5, 6),
        page(7, 6),
        stream_object(b"", words),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream_object(b"", paths),
    ])
    text, partial = text_of(data)
    assert "orla.brennigan@example.org" in text
    assert partial == "max_page_content_bytes: 1 page(s) not read"


def test_a_truncated_pdf_in_a_scan_is_ok_with_its_reason_and_its_people_counted(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    data = three_page_pdf()
    (root / "cut.pdf").write_bytes(data[: data.rindex(b"xref")])
    (root / "intact.pdf").write_bytes(data)
    records = scan(root, tmp_path)
    cut, intact = records["cut.pdf"], records["intact.pdf"]
    assert cut["status"] == "ok" and intact["status"] == "ok"
    assert "rebuilt cross-reference table" in cut["error"] and intact["error"] is None
    assert cut["entities"]["EMAIL_ADDRESS"]["unique"] == intact["entities"]["EMAIL_ADDRESS"]["unique"] == 3
    written = b"".join(path.read_bytes() for path in (tmp_path / "out").rglob("*") if path.is_file())
    for name, email in PEOPLE:  # what the repair read reaches no output byte
        for value in (email, name, *name.split()):
            assert value.encode() not in written, value


@pytest.mark.skipif(not (CORPORA / "contracts-pdf").is_dir(), reason="needs ../shared/corpora/contracts-pdf")
def test_real_contracts_cut_short_give_back_their_own_words_only() -> None:
    words = re.compile(r"[a-z]{4,}")
    recovered = 0
    contracts = sorted((CORPORA / "contracts-pdf").iterdir())[:12]
    for path in contracts:
        data = path.read_bytes()
        whole = set(words.findall(text_of(data)[0].lower()))
        try:
            half, partial = text_of(data[: len(data) * 9 // 10])
        except CorruptDocument:
            continue
        assert partial is not None
        found = set(words.findall(half.lower()))
        assert len(found & whole) >= 0.95 * len(found)  # what comes back is the document's own text
        recovered += len(found) / len(whole) > 0.5
    assert recovered >= 6, f"{recovered} of {len(contracts)} contracts gave back over half of their words"


def scan(root: Path, tmp_path: Path) -> dict[str, dict[str, Any]]:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=(root,), out_dir=out, key_file=key, workers=1))
    return {d["path"]: d for d in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}


def test_a_chain_of_references_that_loops_reads_as_null_instead_of_hanging() -> None:
    """Found by the fuzzer: pdfminer's resolve1 follows `4 0 R` -> `5 0 R` -> `4 0 R` ... forever (a
    page tree walked for attachments never returned). Now the chain reads as null and the page is read."""
    data = pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        page(6, 7),
        b"5 0 R",
        b"4 0 R",
        stream_object(b"", b"BT /F1 12 Tf 72 700 Td (Write to ana@example.org) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("hung")))
    signal.alarm(30)
    try:
        text, _ = text_of(data)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert "ana@example.org" in text
