"""OCR (#21): pictures of text, drawn here with Pillow, read by the real Tesseract through the real scan.

Images in every format we read, a scanned PDF (pages that are pictures, no text layer), a 20,000 x
20,000 picture (refused by its header's size before a pixel is decoded), a corrupt TIFF, `--no-ocr`, a
machine without Tesseract; and none of the planted values anywhere under the output or temp folders.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from classifier.analyze import DocumentAnalyzer
from classifier.cli import main
from classifier.extract.ocr import find_tesseract, repaired_text
from classifier.limits import Limits
from classifier.lookup import lookup_in_scan
from classifier.records import Status
from classifier.scan import ScanOptions, run_scan
from tests.conftest import TEST_KEY

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # make font-deps; umlauts and ß need it

EN_LINES = ("Employment contract", "Dear Mr Jonathan Whitfield,",
            "your salary will be paid to IBAN GB82 WEST 1234 5698 7654 32.",
            "Please send the signed copy to margaret.okafor@example.org.", "Kind regards,", "Margaret Okafor")
DE_LINES = ("Mietvertrag", "Sehr geehrte Frau Annegret Müller,", "bitte überweisen Sie die Kaution auf das Konto",
            "IBAN DE44 5001 0517 5407 3249 31.", "Rückfragen richten Sie bitte an juergen.weisshaupt@beispiel.de.",
            "Mit freundlichen Grüßen", "Jürgen Weißhaupt")
# The scanned PDF: a page of each language, with values of its own.
PDF_EN_LINES = ("Invoice 2024-117", "Name: Priya Raman", "Pay to IBAN FR14 2004 1010 0505 0001 3M02 606",
                "Questions: billing@northwind-traders.com", "Thank you for your order.")
PDF_DE_LINES = ("Rechnung 2024-118", "Name: Dieter Hallmann", "Bitte zahlen Sie auf IBAN AT61 1904 3002 3457 3201.",
                "Fragen an buchhaltung@fabrikam-werke.de", "Vielen Dank für Ihren Auftrag.")
EMAILS = ("margaret.okafor@example.org", "juergen.weisshaupt@beispiel.de", "billing@northwind-traders.com",
          "buchhaltung@fabrikam-werke.de")
NAMES = ("Jonathan Whitfield", "Margaret Okafor", "Annegret Müller", "Jürgen Weißhaupt", "Priya Raman",
         "Dieter Hallmann")
IBANS = ("GB82 WEST 1234 5698 7654 32", "DE44 5001 0517 5407 3249 31", "FR14 2004 1010 0505 0001 3M02 606",
         "AT61 1904 3002 3457 3201")

needs_tesseract = pytest.mark.skipif(
    find_tesseract() is None and not os.environ.get("CI"), reason="tesseract missing (make ocr-deps); required in CI")
pytestmark = needs_tesseract


def page(lines: tuple[str, ...], size: int = 40, width: int = 1800) -> Image.Image:
    """Black text on white, as a 200 DPI scan of a letter would show it."""
    font = ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default(size=size)
    picture = Image.new("RGB", (width, 200 + 2 * size * len(lines)), "white")
    draw = ImageDraw.Draw(picture)
    for number, line in enumerate(lines):
        draw.text((120, 100 + 2 * size * number), line, font=font, fill="black")
    return picture


def encoded(picture: Image.Image, image_format: str, **options: Any) -> bytes:
    out = io.BytesIO()
    picture.save(out, image_format, **options)
    return out.getvalue()


def huge_png(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of white rows (76 KB for 20,000 x 20,000: 400 million pixels)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    deflate = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    pixels = b"".join(deflate.compress(row) for _ in range(height)) + deflate.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def corrupt_tiff() -> bytes:
    """A TIFF cut in half: its header says TIFF, its directory is gone."""
    whole = encoded(page(EN_LINES), "TIFF", compression="tiff_lzw")
    return whole[: len(whole) // 2]


@dataclass(frozen=True)
class OcrScan:
    out: Path
    temp: Path
    key: Path
    documents: dict[str, dict[str, Any]]
    inventory: dict[str, Any]


@pytest.fixture(scope="module")
def ocr_scan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OcrScan]:
    base = tmp_path_factory.mktemp("ocr")
    root, out, temp = base / "share", base / "out", base / "tmp"
    root.mkdir()
    temp.mkdir()
    (root / "letter.png").write_bytes(encoded(page(EN_LINES), "PNG"))
    (root / "brief.jpg").write_bytes(encoded(page(DE_LINES), "JPEG", quality=90))
    first, second = page(PDF_EN_LINES), page(PDF_DE_LINES)
    (root / "scan.pdf").write_bytes(encoded(first, "PDF", save_all=True, append_images=[second], resolution=200))
    (root / "huge.png").write_bytes(huge_png(20_000, 20_000))
    (root / "fax.tif").write_bytes(corrupt_tiff())
    key = base / "k.key"
    key.write_bytes(TEST_KEY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(temp))  # the workers and Tesseract would put any temporary file here
        run_scan(ScanOptions(roots=(root,), out_dir=out, workers=1, key_file=key, plain_names=True))
    documents = {d["path"]: d for d in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}
    yield OcrScan(out, temp, key, documents, json.loads((out / "inventory.json").read_text("utf-8")))


def unique(document: dict[str, Any], entity_type: str) -> int:
    return int(document["entities"].get(entity_type, {}).get("unique", 0))


@pytest.mark.parametrize(("path", "language"), [("letter.png", "en"), ("brief.jpg", "de")])
def test_an_image_of_a_letter_is_read(ocr_scan: OcrScan, path: str, language: str) -> None:
    document = ocr_scan.documents[path]
    assert (document["status"], document["error"], document["ocr"], document["language"]) == ("ok", None, True, language)
    assert (unique(document, "IBAN_CODE"), unique(document, "EMAIL_ADDRESS"), unique(document, "PERSON")) == (1, 1, 2)


def test_a_scanned_pdf_is_read_page_by_page(ocr_scan: OcrScan) -> None:
    document = ocr_scan.documents["scan.pdf"]
    assert (document["mime"], document["status"], document["error"], document["ocr"]) == ("application/pdf", "ok", None, True)
    assert (unique(document, "IBAN_CODE"), unique(document, "EMAIL_ADDRESS"), unique(document, "PERSON")) == (2, 2, 2)


def test_the_values_read_are_the_planted_ones(ocr_scan: OcrScan) -> None:
    """Keyed as the scan keyed them: one wrong letter in an address or a name would not be found."""
    for email in EMAILS:
        assert lookup_in_scan(ocr_scan.out, "EMAIL_ADDRESS", email, key_file=ocr_scan.key), email
    for name in NAMES:
        assert lookup_in_scan(ocr_scan.out, "PERSON", name, key_file=ocr_scan.key), name


def test_a_20000_by_20000_image_is_refused_by_its_pixels(ocr_scan: OcrScan) -> None:
    document = ocr_scan.documents["huge.png"]
    assert (document["status"], document["error"], document["ocr"]) == ("too_large", "max_image_pixels", False)


# Prints the reason and how much the refusal grew the process's peak memory (KiB).
REFUSE = """
import resource, sys
from classifier.extract.errors import LimitExceeded
from classifier.extract.ocr import ImageFrames
from classifier.limits import Limits
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    list(ImageFrames(data).pages(Limits().max_image_pixels))
except LimitExceeded as refused:
    print(refused, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.parametrize("side", [20_000, 10_000])  # Pillow itself refuses 400 MP; 100 MP only we refuse
def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path: Path, side: int) -> None:
    """In a process of its own, whose peak memory is its own: decoded, even as one bit a pixel, the
    picture would need 100 MB grey and more."""
    picture = tmp_path / "huge.png"
    picture.write_bytes(huge_png(side, side))
    started = time.monotonic()
    refused = subprocess.run([sys.executable, "-c", REFUSE, str(picture)], capture_output=True, text=True, check=True,
                             env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1])))
    reason, grown = refused.stdout.split()
    assert reason == "max_image_pixels"
    assert int(grown) < 20 * 1024  # KiB
    assert time.monotonic() - started < 10  # most of it the interpreter's start


def test_a_corrupt_tiff_is_corrupt(ocr_scan: OcrScan) -> None:
    document = ocr_scan.documents["fax.tif"]
    assert (document["mime"], document["status"], document["ocr"]) == ("image/tiff", "corrupt", False)
    assert document["error"] == "image: not a picture its type's decoder can read (UnidentifiedImageError)"


def test_the_inventory_counts_ocr_documents(ocr_scan: OcrScan) -> None:
    assert ocr_scan.inventory["totals"]["ocr_documents"] == 3
    assert ocr_scan.inventory["entities"]["IBAN_CODE"]["unique"] == 4
    report = (ocr_scan.out / "report.html").read_text("utf-8")
    assert "data-figure='read by OCR'><div class='n'>3</div>" in report


def test_no_planted_value_is_written_anywhere(ocr_scan: OcrScan) -> None:
    needles = {value.encode() for value in (*EMAILS, *NAMES, *IBANS)}
    needles |= {iban.replace(" ", "").encode() for iban in IBANS} | {name.split()[-1].encode() for name in NAMES}
    written = [path for folder in (ocr_scan.out, ocr_scan.temp) for path in folder.rglob("*") if path.is_file()]
    assert {path.name for path in written} >= {"documents.jsonl", "inventory.json", "documents.csv", "report.html"}
    assert [(path.name, needle) for path in written for needle in needles if needle in path.read_bytes()] == []
    assert list(ocr_scan.temp.iterdir()) == []  # nothing left behind in the temp folder at all


@pytest.mark.parametrize(("image_format", "options"), [
    ("PNG", {}), ("JPEG", {"quality": 85}), ("TIFF", {"compression": "group4"}), ("BMP", {}), ("GIF", {}),
    ("WEBP", {"lossless": True}),
])
def test_every_image_format_is_read(analyzer: DocumentAnalyzer, image_format: str, options: dict[str, Any]) -> None:
    picture = page(EN_LINES)
    if options.get("compression") == "group4":
        picture = picture.convert("1")  # a fax: one bit per pixel
    record = analyzer.analyze_bytes(encoded(picture, image_format, **options), f"letter.{image_format.lower()}")[0]
    assert (record.status, record.ocr) == (Status.OK, True)
    assert record.findings.entities["EMAIL_ADDRESS"].unique == 1
    assert record.findings.entities["IBAN_CODE"].unique == 1


def test_every_frame_of_a_tiff_is_read(analyzer: DocumentAnalyzer) -> None:
    first, second = page(EN_LINES), page(PDF_DE_LINES)
    record = analyzer.analyze_bytes(encoded(first, "TIFF", save_all=True, append_images=[second]), "fax.tiff")[0]
    assert record.findings.entities["EMAIL_ADDRESS"].unique == 2


def test_a_transparent_png_is_read_on_white(analyzer: DocumentAnalyzer) -> None:
    """Black text on a transparent background: flattened onto black it would be a black picture."""
    text = page(EN_LINES).convert("L")
    picture = Image.new("RGBA", text.size, (0, 0, 0, 0))
    picture.putalpha(text.point(lambda value: 255 - value))
    record = analyzer.analyze_bytes(encoded(picture, "PNG"), "sticker.png")[0]
    assert record.findings.entities["EMAIL_ADDRESS"].unique == 1


def share(tmp_path: Path, name: str, data: bytes) -> tuple[Path, Path]:
    """A root holding one file, and a key file."""
    root = tmp_path / "share"
    root.mkdir()
    (root / name).write_bytes(data)
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    return root, key


def test_pages_past_the_file_budget_are_not_read(tmp_path: Path) -> None:
    """max_ocr_pages counts pages of the whole file on disk: a PDF of three scans under a limit of two."""
    pictures = [page(EN_LINES), page(PDF_EN_LINES), page(PDF_DE_LINES)]
    root, key = share(tmp_path, "scans.pdf", encoded(pictures[0], "PDF", save_all=True, append_images=pictures[1:]))
    run_scan(ScanOptions(roots=(root,), out_dir=tmp_path / "out", workers=1, key_file=key, isolate=True,
                         limits=Limits(max_ocr_pages=2)))
    document = json.loads((tmp_path / "out" / "documents.jsonl").read_text("utf-8"))
    assert (document["status"], document["error"], document["ocr"]) == ("ok", "max_ocr_pages", True)
    assert unique(document, "EMAIL_ADDRESS") == 2  # the first two pages' addresses, not the third's


def test_no_ocr_leaves_pictures_unread(tmp_path: Path) -> None:
    root, key = share(tmp_path, "letter.png", encoded(page(EN_LINES), "PNG"))
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--key-file",
                                       str(key), "--state", str(tmp_path / "state"), "--quiet", "--no-ocr"])
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "out" / "documents.jsonl").read_text("utf-8"))
    assert (document["status"], document["error"], document["ocr"], document["entities"]) == ("ok", None, False, {})
    assert json.loads((tmp_path / "out" / "inventory.json").read_text("utf-8"))["totals"]["ocr_documents"] == 0
    assert "read by OCR" not in (tmp_path / "out" / "report.html").read_text("utf-8")


def test_without_tesseract_pictures_are_recorded_with_a_reason(tmp_path: Path) -> None:
    root, key = share(tmp_path, "letter.png", encoded(page(EN_LINES), "PNG"))
    empty = tmp_path / "bin"
    empty.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", str(empty))  # the workers inherit it: no tesseract to be found
        assert shutil.which("tesseract") is None
        run_scan(ScanOptions(roots=(root,), out_dir=tmp_path / "out", workers=1, key_file=key))
    document = json.loads((tmp_path / "out" / "documents.jsonl").read_text("utf-8"))
    assert (document["status"], document["error"], document["ocr"]) == ("ok", "ocr: tesseract not installed", False)


@pytest.mark.parametrize(("read", "repaired"), [
    ("write to elodie.berenger @contoso-conseil.fr.", "write to elodie.berenger@contoso-conseil.fr."),
    ("ann@ contoso.com and bob @ fabrikam.com", "ann@contoso.com and bob@fabrikam.com"),
    ("Write to us. info@contoso.com", "Write to us. info@contoso.com"),  # a sentence ends there
    ("no address here", "no address here"),
])
def test_addresses_split_at_the_at_sign_are_joined(read: str, repaired: str) -> None:
    assert repaired_text(read) == repaired
