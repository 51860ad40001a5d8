"""Files attached to PDFs (#17, item 6): every file of the /EmbeddedFiles name tree and of every
/FileAttachment annotation is a member, analysed like any other (`news.pdf!/people.csv`); a broken
attachment is a member with a problem, never the end of the PDF's own text. PDFs written by fpdf2
where a real writer's output matters, by hand (tests/hostile.py's pdf_of) where a test needs an
object no writer makes."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from classifier.analyze import DocumentAnalyzer
from classifier.extract.bounded import READ_CHUNK
from classifier.extract.errors import LimitExceeded
from classifier.extract.pdf import extract_pdf
from classifier.limits import Limits
from classifier.scan import ScanOptions, run_scan
from tests.conftest import CORPORA, TEST_KEY
from tests.hostile import pdf_of, stream_object, zlib_zeros

PEOPLE = [
    ("Ann Example", "ann.example@contoso.com", "536-22-8014", "4111111111111111"),
    ("Bob Sample", "bob.sample@fabrikam.com", "401-67-2290", "5555555555554444"),
    ("Cid Placeholder", "cid.placeholder@northwind.com", "287-54-1936", "4012888888881881"),
    ("Dee Fictional", "dee.fictional@tailspin.com", "614-83-0472", "378282246310005"),
    ("Eve Madeup", "eve.madeup@woodgrove.com", "355-19-6628", "6011111111111117"),
]
PEOPLE_CSV = ("name,email,ssn,card\n" + "".join(",".join(person) + "\n" for person in PEOPLE)).encode()
STAFF_CSV = b"name,email\nFay Invented,fay@adatum.com\nGus Notreal,gus@adatum.com\nHal Fake,hal@adatum.com\n"
EDITOR = "editor@news-example.org"
# A ZUGFeRD / Factur-X invoice: the PDF a person reads, with the UBL XML a machine reads attached.
E_INVOICE = CORPORA / "invoices" / "AzureInterior.pdf"


def page(text: str) -> list[bytes]:
    """Objects 2-5 of a hand-written PDF: one page (object 3) showing `text`, its content and its font."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return [
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> %s >>",
        stream_object(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def pdf_with_attachments(text: str, specifications: list[bytes], streams: list[bytes],
                         annotated: bool = False) -> bytes:
    """A one-page PDF whose file specifications are objects 6.. and their embedded streams follow them;
    they are listed in the catalog's /EmbeddedFiles, or with `annotated` only as FileAttachment annotations."""
    first_stream = 6 + len(specifications)
    specs = [spec.replace(b"@STREAM", b"%d 0 R" % (first_stream + n)) for n, spec in enumerate(specifications)]
    references = [b"%d 0 R" % (6 + n) for n in range(len(specs))]
    objects = page(text)
    if annotated:
        annotations = b" ".join(b"<< /Type /Annot /Subtype /FileAttachment /Rect [10 10 30 30] /FS %s >>" % r
                                for r in references)
        objects[1] = objects[1] % (b"/Annots [" + annotations + b"]")
        catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    else:
        objects[1] = objects[1] % b""
        tree = b" ".join(b"(file%d) %s" % (n, r) for n, r in enumerate(references))
        catalog = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [" + tree + b"] >> >> >>"
    return pdf_of([catalog, *objects, *specs, *streams])


def spec(file_name: bytes = b"/F (people.csv)") -> bytes:
    return b"<< /Type /Filespec " + file_name + b" /EF << /F @STREAM >> >>"


def embedded(data: bytes) -> bytes:
    return stream_object(b"/Type /EmbeddedFile /Filter /FlateDecode", zlib.compress(data))


def news_pdf() -> bytes:
    """The newsletter of the issue, with five people instead of fifty, attached as fpdf2 attaches a file (compressed)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, f"Spring newsletter. Letters to {EDITOR}.", new_x="LMARGIN", new_y="NEXT")
    pdf.embed_file(bytes=PEOPLE_CSV, basename="people.csv", compress=True)
    return bytes(pdf.output())


# --- through a real scan ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Scanned:
    records: dict[str, dict[str, Any]]
    output: bytes  # every file the scan wrote, concatenated


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Scanned:
    root = tmp_path_factory.mktemp("share")
    (root / "news.pdf").write_bytes(news_pdf())
    # The attached CSV's stream is no zlib data: the PDF's own text must still be read.
    (root / "broken.pdf").write_bytes(pdf_with_attachments(
        f"Contact {EDITOR} for a copy.", [spec()],
        [stream_object(b"/Type /EmbeddedFile /Filter /FlateDecode", b"this is not zlib data" * 20)]))
    # Reachable only through an annotation; /UF in UTF-16 wins over a Windows path in /F.
    (root / "annotated.pdf").write_bytes(pdf_with_attachments(
        "Staff list attached.",
        [spec(b"/F (C:\\\\Users\\\\hr\\\\old.csv) /UF <FEFF00730074006100660066002E006300730076>")],
        [embedded(STAFF_CSV)], annotated=True))
    out, state = tmp_path_factory.mktemp("out"), tmp_path_factory.mktemp("state")
    (state / "scan.key").write_bytes(TEST_KEY)
    with pytest.MonkeyPatch.context() as patch:  # the scan's state stays in this test's directories
        patch.setenv("LEAKCENSUS_STATE_HOME", str(state))
        run_scan(ScanOptions(roots=(root,), out_dir=out, isolate=False, key_file=state / "scan.key",
                             catalog_path=state / "catalog.sqlite"))
    lines = (out / "documents.jsonl").read_text("utf-8").splitlines()
    output = b"".join(path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file())
    return Scanned({r["path"]: r for r in map(json.loads, lines)}, output)


def unique(record: dict[str, Any], entity: str) -> int:
    found = record["entities"].get(entity)
    return int(found["unique"]) if found else 0


def test_attached_csv_is_a_member_analysed_like_a_file(scanned: Scanned) -> None:
    news, people = scanned.records["news.pdf"], scanned.records["news.pdf!/people.csv"]
    assert (news["status"], news["error"], unique(news, "EMAIL_ADDRESS")) == ("ok", None, 1)
    assert (people["status"], people["error"], people["mime"]) == ("ok", None, "text/csv")
    assert people["size"] == len(PEOPLE_CSV)
    assert unique(people, "EMAIL_ADDRESS") == 5
    assert unique(people, "US_SSN") == 5
    assert unique(people, "CREDIT_CARD") == 5


def test_pdf_with_a_damaged_attachment_keeps_its_own_text(scanned: Scanned) -> None:
    broken, member = scanned.records["broken.pdf"], scanned.records["broken.pdf!/people.csv"]
    assert (broken["status"], broken["error"], unique(broken, "EMAIL_ADDRESS")) == ("ok", None, 1)
    assert (member["status"], member["error"]) == ("corrupt", "pdf attachment: damaged stream")


def test_file_attachment_annotation_is_a_member(scanned: Scanned) -> None:
    assert scanned.records["annotated.pdf"]["status"] == "ok"
    staff = scanned.records["annotated.pdf!/staff.csv"]
    assert (staff["status"], unique(staff, "EMAIL_ADDRESS")) == ("ok", 3)
    assert not [path for path in scanned.records if "old.csv" in path]


def test_no_attached_value_reaches_the_output(scanned: Scanned) -> None:
    needles = [value for person in PEOPLE for value in person[1:]] + ["fay@adatum.com", EDITOR]
    assert [n for n in needles if n.encode() in scanned.output] == []


@pytest.mark.skipif(not E_INVOICE.is_file(), reason="../shared/corpora/invoices not present (fresh clone)")
def test_e_invoice_carries_its_xml(analyzer: DocumentAnalyzer) -> None:
    records = analyzer.analyze_bytes(E_INVOICE.read_bytes(), "AzureInterior.pdf")
    assert [(r.path, r.status.value, r.mime, r.depth) for r in records] == [
        ("AzureInterior.pdf", "ok", "application/pdf", 0),
        ("AzureInterior.pdf!/UBL-Invoice-2.1.xml", "ok", "text/xml", 1),
    ]
    assert records[1].size == 12907


# --- the extractor ------------------------------------------------------------------------------------

def test_file_attached_both_ways_is_one_member(tmp_path: Path) -> None:
    """fpdf2 lists an annotation's file in /EmbeddedFiles too: the same stream is read once."""
    staff = tmp_path / "staff.csv"
    staff.write_bytes(STAFF_CSV)
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="See the attachments.")
    pdf.embed_file(bytes=PEOPLE_CSV, basename="people.csv")
    pdf.file_attachment_annotation(staff, 10, 10, compress=True)
    extracted = extract_pdf(bytes(pdf.output()), "both.pdf", Limits())
    assert [(m.name, m.data, m.problem) for m in extracted.members] == [
        ("people.csv", PEOPLE_CSV, None), ("staff.csv", STAFF_CSV, None)]
    assert extracted.inflated == len(PEOPLE_CSV) + len(STAFF_CSV)


def test_unnamed_attachments_are_numbered_and_paths_are_cut_to_the_file_name() -> None:
    data = pdf_with_attachments("Three files.", [spec(b""), spec(b"/F (exports/2021/people.csv)"), spec(b"/F ()")],
                                [embedded(b"a,b\n1,2\n"), embedded(PEOPLE_CSV), embedded(b"c\n3\n")])
    extracted = extract_pdf(data, "three.pdf", Limits())
    assert [(m.name, m.data) for m in extracted.members] == [
        ("attachment-1", b"a,b\n1,2\n"), ("people.csv", PEOPLE_CSV), ("attachment-3", b"c\n3\n")]
    assert [s.text.strip() for s in extracted.segments] == ["Three files."]


def test_missing_or_unfollowed_streams_are_members_with_a_problem() -> None:
    data = pdf_with_attachments("Text stays.", [spec(b"/F (rle.bin)"), b"<< /F (gone.csv) /EF << /F 99 0 R >> >>",
                                                b"<< /F (elsewhere.csv) >>"],
                                [stream_object(b"/Filter /RunLengthDecode", b"\x02abc\x80")])
    extracted = extract_pdf(data, "odd.pdf", Limits())
    assert [(m.name, m.data, m.problem) for m in extracted.members] == [
        ("rle.bin", b"\x02abc\x80", "pdf attachment: unsupported filter"),  # the stored bytes, for its hash
        ("gone.csv", b"", "pdf attachment: no stream"),
    ]  # elsewhere.csv names a file outside the PDF: nothing is attached
    assert "Text stays." in extracted.segments[0].text


def test_name_tree_that_contains_itself_is_read_once() -> None:
    objects = page("Loop.")
    objects[1] = objects[1] % b""
    data = pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>", *objects,
        b"<< /Kids [6 0 R 7 0 R 6 0 R] >>",
        b"<< /Names [(a) 8 0 R] /Kids [6 0 R] >>",
        spec().replace(b"@STREAM", b"9 0 R"),
        embedded(PEOPLE_CSV),
    ])
    extracted = extract_pdf(data, "loop.pdf", Limits())
    assert [(m.name, m.data) for m in extracted.members] == [("people.csv", PEOPLE_CSV)]


def test_oversized_attachment_is_refused_alone() -> None:
    data = pdf_with_attachments("Small text.", [spec(b"/F (big.csv)"), spec(b"/F (small.csv)")],
                                [embedded(b"x" * 5000), embedded(STAFF_CSV)])
    extracted = extract_pdf(data, "big.pdf", Limits(max_member_bytes=4096))
    assert [(m.name, m.problem) for m in extracted.members] == [("big.csv", "max_member_bytes"), ("small.csv", None)]
    assert extracted.members[1].data == STAFF_CSV
    assert "Small text." in extracted.segments[0].text


def test_attachments_spend_the_whole_file_limits() -> None:
    data = pdf_with_attachments("Two files.", [spec(b"/F (a.csv)"), spec(b"/F (b.csv)")],
                                [embedded(STAFF_CSV), embedded(PEOPLE_CSV)])
    with pytest.raises(LimitExceeded, match=r"^max_members$"):
        extract_pdf(data, "two.pdf", Limits(max_members=1))
    with pytest.raises(LimitExceeded, match=r"^max_container_bytes$"):
        extract_pdf(data, "two.pdf", Limits(max_container_bytes=len(STAFF_CSV) + 10))


def test_attached_deflate_bomb_named_as_page_content_is_never_inflated() -> None:
    """A 64 MiB run of zeros attached, and named as the page's content too: the attachment stops at
    max_ratio, and pdfminer then finds the stream empty instead of inflating it whole."""
    objects = page("unused")
    objects[1] = objects[1].replace(b"/Contents 4 0 R", b"/Contents 7 0 R") % b""
    data = pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(z) 6 0 R] >> >> >>", *objects,
        spec(b"/F (zeros.bin)").replace(b"@STREAM", b"7 0 R"),
        stream_object(b"/Type /EmbeddedFile /Filter /FlateDecode", zlib_zeros(64)),
    ])
    extracted = extract_pdf(data, "bomb.pdf", Limits())
    assert [(m.name, m.problem) for m in extracted.members] == [("zeros.bin", "max_ratio")]
    # Stopped at 200 times its stored size (13 of its 64 MiB), as a zip member would be.
    assert extracted.inflated <= Limits().max_ratio * len(zlib_zeros(64)) + READ_CHUNK
    assert extracted.segments == []
