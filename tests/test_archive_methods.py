"""Archives and members read since #17: zip members compressed with PPMd (method 98) and Deflate64
(method 9), RAR 4 and RAR 5 archives (libarchive), and a zip appended to a PDF (`x.pdf!/appended.zip!/a.csv`).

The zips were written by 7-Zip (tests/fixtures/zip_methods/make_fixtures.py, invented people); the RAR
archives come from rarfile's test suite (tests/fixtures/rar/README.md); the polyglots are made here
from a PDF written by fpdf2 and a zip written by zipfile.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fpdf import FPDF

from classifier.analyze import DocumentAnalyzer
from classifier.cli import main
from classifier.extract import extractor_for
from classifier.extract.appended_zip import appended_zip_start
from classifier.extract.archive import extract_zip, raw_member_bytes
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from classifier.extract.pdf import extract_pdf
from classifier.extract.rar import extract_rar
from classifier.formats import label
from classifier.limits import Limits
from classifier.sniff import Sniffer
from tests.conftest import TEST_KEY
from tests.fixtures.zip_methods.make_fixtures import BOMB_BYTES, CALL_LIST, PEOPLE

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PPMD_ZIP = FIXTURES / "zip_methods" / "ppmd.zip"
DEFLATE64_ZIP = FIXTURES / "zip_methods" / "deflate64.zip"
BOMB_ZIP = FIXTURES / "zip_methods" / "deflate64-bomb.zip"
RAR4 = FIXTURES / "rar" / "rar3-subdirs.rar"
RAR5_LINKS = FIXTURES / "rar" / "rar5-hlink.rar"
RAR5_ENCRYPTED_MEMBERS = FIXTURES / "rar" / "rar5-psw.rar"
RAR5_ENCRYPTED_HEADERS = FIXTURES / "rar" / "rar5-hpsw.rar"
LINES_000_TO_511 = "".join(f"{n:03d}\n" for n in range(512)).encode()
STAFF_CSV = (b"name,email,phone\nLeopold Varga-Mbeki,leopold.varga@adatum.com,+1 646-555-0119\n"
             b"Saskia Oyelaran,saskia.oyelaran@adatum.com,+1 646-555-0172\n")
PDF_EMAIL = "rosalind.achterberg@litware.com"


# --- zip: PPMd and Deflate64 --------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "method"), [(PPMD_ZIP, 98), (DEFLATE64_ZIP, 9)])
def test_ppmd_and_deflate64_members_are_read_whole(path: Path, method: int) -> None:
    data = path.read_bytes()
    assert zipfile.ZipFile(path).infolist()[0].compress_type == method
    extracted = extract_zip(data, path.name, Limits())
    [member] = extracted.members
    assert (member.name, member.problem, member.modified) == ("call-list.txt", None, "2024-06-01")
    assert member.data == CALL_LIST.encode()
    assert [value for person in PEOPLE for value in person if value not in member.data.decode()] == []
    assert extracted.inflated == len(CALL_LIST)


def with_member_stream(path: Path, stream: bytes) -> bytes:
    """`path`'s zip with its one member's stored stream replaced by `stream`, method, CRC and size kept:
    a zip whose directory is whole around a damaged member (zipfile cannot write these methods)."""
    original = zipfile.ZipFile(path).infolist()[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(original.filename, stream)
    data = bytearray(buffer.getvalue())
    directory = data.find(b"PK\x01\x02")
    for header, method_at, crc_at in ((0, 8, 14), (directory, 10, 16)):
        struct.pack_into("<H", data, header + method_at, original.compress_type)
        struct.pack_into("<I", data, header + crc_at, original.CRC)
        struct.pack_into("<I", data, header + crc_at + 8, original.file_size)  # uncompressed size
    return bytes(data)


def stored_stream(path: Path) -> bytes:
    data = path.read_bytes()
    return raw_member_bytes(data, zipfile.ZipFile(path).infolist()[0])


CUT_OFF = "zip member: cut off before its end (EOFError)"
DAMAGED = "zip member: compressed data is damaged (DamagedStream)"


@pytest.mark.parametrize(("path", "damage", "problem"), [
    (PPMD_ZIP, lambda s: s[: len(s) // 2], CUT_OFF),
    (PPMD_ZIP, lambda s: b"", CUT_OFF),
    (PPMD_ZIP, lambda s: b"\x0f\x00" + s[2:], DAMAGED),  # order 16 is valid, the stream then decodes wrongly
    (PPMD_ZIP, lambda s: b"\x00\x00" + s[2:], DAMAGED),  # order 1: no PPMd var. I stream has it
    (PPMD_ZIP, lambda s: s[:2] + b"\x00" * (len(s) - 2), DAMAGED),
    (DEFLATE64_ZIP, lambda s: s[: len(s) // 2], CUT_OFF),
    (DEFLATE64_ZIP, lambda s: b"\xff" * 64, DAMAGED),
    (DEFLATE64_ZIP, lambda s: s[:100] + bytes([s[100] ^ 0x55]) + s[101:], DAMAGED),
])
def test_damaged_ppmd_and_deflate64_streams_are_a_member_problem(path: Path, damage: Any, problem: str) -> None:
    extracted = extract_zip(with_member_stream(path, damage(stored_stream(path))), path.name, Limits())
    assert [(m.name, m.problem) for m in extracted.members] == [("call-list.txt", problem)]


def test_a_ppmd_restoration_method_7zip_refuses_is_named() -> None:
    stream = stored_stream(PPMD_ZIP)
    (word,) = struct.unpack_from("<H", stream)
    damaged = struct.pack("<H", (word & 0x0FFF) | 2 << 12) + stream[2:]
    [member] = extract_zip(with_member_stream(PPMD_ZIP, damaged), "x.zip", Limits()).members
    assert member.problem == "zip member: uses a feature the reader does not support (NotImplementedError)"


def test_deflate64_bomb_stops_at_the_ratio_limit() -> None:
    data = BOMB_ZIP.read_bytes()
    info = zipfile.ZipFile(BOMB_ZIP).infolist()[0]
    assert (info.compress_type, info.file_size) == (9, BOMB_BYTES)
    assert info.file_size > 200 * info.compress_size  # a real bomb by our ratio
    extracted = extract_zip(data, BOMB_ZIP.name, Limits())
    [member] = extracted.members
    assert (member.name, member.problem) == ("zeros.bin", "max_ratio")
    assert member.data == raw_member_bytes(data, info)  # the stored bytes, for the record's hash
    # It stopped at the first decoder step past 200:1 (1 KiB in, ~280 KB of zeros out), not at the declared 8 MiB.
    assert 200 * info.compress_size < extracted.inflated <= 200 * info.compress_size + (1 << 19)


def test_deflate64_bomb_stops_at_the_member_and_container_limits() -> None:
    data = BOMB_ZIP.read_bytes()
    roomy = Limits(max_ratio=10**6)
    [member] = extract_zip(data, "b.zip", Limits(max_ratio=10**6, max_member_bytes=2 << 20)).members
    assert member.problem == "max_member_bytes"
    with pytest.raises(LimitExceeded, match="max_container_bytes"):
        extract_zip(data, "b.zip", Limits(max_ratio=10**6, max_container_bytes=3 << 20))
    assert extract_zip(data, "b.zip", roomy).members[0].data == bytes(BOMB_BYTES)  # and is whole when allowed


# --- RAR --------------------------------------------------------------------------------------------------


def test_rar_is_sniffed_and_registered() -> None:
    sniffer = Sniffer()
    for path in (RAR4, RAR5_LINKS, RAR5_ENCRYPTED_MEMBERS, RAR5_ENCRYPTED_HEADERS):
        sniffed = sniffer.sniff(path.read_bytes(), path.name)
        assert (sniffed.mime, sniffed.extension_mismatch) == ("application/x-rar", False)
    assert label("application/x-rar") == label("application/vnd.rar") == "RAR archive"
    assert extractor_for("application/vnd.rar") is extract_rar


def test_rar4_members_with_unicode_folder_names() -> None:
    extracted = extract_rar(RAR4.read_bytes(), RAR4.name, Limits())
    assert [(m.name, m.data, m.modified, m.problem) for m in extracted.members] == [
        ("sub/dir2/file2.txt", b"file2\n", "2020-07-20", None),
        ("sub/with space/long fn.txt", b"long fn\n", "2020-07-20", None),
        ("sub/üȵĩöḋè/file.txt", b"file\n", "2020-07-20", None),
        ("sub/dir1/file1.txt", b"file1\n", "2020-07-20", None),
    ]  # the six folders are no members
    assert extracted.inflated == 25


def test_rar5_hard_links_are_counted_not_followed() -> None:
    extracted = extract_rar(RAR5_LINKS.read_bytes(), RAR5_LINKS.name, Limits())
    assert [(m.name, m.data, m.problem) for m in extracted.members] == [
        ("stest1.txt", LINES_000_TO_511, None),
        ("stest2.txt", b"", "link member not followed"),
        ("stest3.txt", b"", "link member not followed"),
    ]


def test_rar5_encrypted_members_are_named_with_their_stored_bytes() -> None:
    """libarchive 3.6 hands out a RAR 5 member's ciphertext as its content: the headers say it is encrypted."""
    data = RAR5_ENCRYPTED_MEMBERS.read_bytes()
    members = extract_rar(data, RAR5_ENCRYPTED_MEMBERS.name, Limits()).members
    assert [(m.name, m.encrypted, m.problem, len(m.data)) for m in members] == [
        ("stest1.txt", True, None, 64), ("stest2.txt", True, None, 2048)]
    assert all(m.data in data for m in members)


def test_rar5_with_encrypted_headers_is_encrypted() -> None:
    with pytest.raises(EncryptedDocument, match=r"^rar: encrypted$"):
        extract_rar(RAR5_ENCRYPTED_HEADERS.read_bytes(), RAR5_ENCRYPTED_HEADERS.name, Limits())


@pytest.mark.parametrize("path", [RAR4, RAR5_LINKS])
def test_truncated_rar_is_corrupt_with_a_reason(path: Path) -> None:
    data = path.read_bytes()
    for cut in (len(data) // 2, 200, 40, 12, len(data) - 3):
        with pytest.raises(CorruptDocument, match=r"^rar: cut off before its end$"):
            extract_rar(data[:cut], path.name, Limits())


def test_rar_with_damaged_headers_is_corrupt() -> None:
    data = bytearray(RAR5_LINKS.read_bytes())
    data[12:40] = b"\xa5" * 28
    with pytest.raises(CorruptDocument, match=r"^rar: "):
        extract_rar(bytes(data), "x.rar", Limits())


def test_rar_member_and_member_count_limits() -> None:
    data = RAR5_LINKS.read_bytes()
    members = extract_rar(data, "x.rar", Limits(max_member_bytes=1000)).members
    assert [(m.name, m.problem) for m in members] == [
        ("stest1.txt", "max_member_bytes"), ("stest2.txt", "link member not followed"),
        ("stest3.txt", "link member not followed")]
    with pytest.raises(LimitExceeded, match="max_container_bytes"):
        extract_rar(data, "x.rar", Limits(max_member_bytes=1000, max_container_bytes=1500))
    with pytest.raises(LimitExceeded, match="max_members"):
        extract_rar(RAR4.read_bytes(), "x.rar", Limits(max_members=3))


# --- a zip appended to a PDF ----------------------------------------------------------------------


def pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text=text)
    return bytes(pdf.output())


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_appended_to_a_pdf_is_a_member_of_the_pdf(analyzer: DocumentAnalyzer) -> None:
    host = pdf_bytes(f"Write to {PDF_EMAIL} for the staff list.")
    appended = zip_bytes({"staff.csv": STAFF_CSV, "notes/readme.txt": b"Nothing to see here.\n"})
    assert appended_zip_start(host + appended, b"%%EOF") == len(host)
    records = analyzer.analyze_bytes(host + appended, "x.pdf")
    assert [(r.path, r.status.value, r.mime) for r in records] == [
        ("x.pdf", "ok", "application/pdf"),
        ("x.pdf!/appended.zip", "ok", "application/zip"),
        ("x.pdf!/appended.zip!/staff.csv", "ok", "text/csv"),
        ("x.pdf!/appended.zip!/notes/readme.txt", "ok", "text/plain"),
    ]
    pdf, container, staff = records[0], records[1], records[2]
    assert pdf.findings.entities["EMAIL_ADDRESS"].unique == 1  # the PDF's own text, read as before
    assert container.size == len(appended)
    assert staff.findings.entities["EMAIL_ADDRESS"].unique == 2


def test_a_zip_whose_offsets_count_from_the_start_of_the_file_is_found() -> None:
    """`zip -A` rewrites an appended zip's offsets to count from the file's first byte."""
    host = pdf_bytes("Cover page.")
    buffer = io.BytesIO()
    buffer.write(host)
    with zipfile.ZipFile(buffer, "a") as archive:  # appended to a file that is no zip
        archive.writestr("staff.csv", STAFF_CSV)
    polyglot = buffer.getvalue()
    start = appended_zip_start(polyglot, b"%%EOF")
    assert start == len(host)
    [member] = extract_pdf(polyglot, "x.pdf", Limits()).members
    assert member.name == "appended.zip"
    assert [(m.name, m.data) for m in extract_zip(member.data, "appended.zip", Limits()).members] == [
        ("staff.csv", STAFF_CSV)]


def test_what_is_no_appended_zip() -> None:
    host = pdf_bytes("PK\x05\x06 PK\x03\x04 are just letters here.")
    assert appended_zip_start(host, b"%%EOF") is None
    assert extract_pdf(host, "x.pdf", Limits()).members == []
    archive = zip_bytes({"staff.csv": STAFF_CSV})
    assert appended_zip_start(archive, b"%%EOF") is None  # a zip on its own has no PDF before it
    # A zip followed by anything (a PDF's incremental update) does not end the file.
    assert appended_zip_start(host + archive + b"\n%%EOF\n", b"%%EOF") is None
    # A directory that ends the file but names local headers in front of the PDF's end marker.
    directory = archive.rfind(b"PK\x01\x02")
    split = bytearray(archive[:directory] + host + archive[directory:])
    struct.pack_into("<L", split, len(split) - 6, directory + len(host))  # the directory's offset, moved
    assert appended_zip_start(bytes(split), b"%%EOF") is None
    assert zipfile.ZipFile(io.BytesIO(bytes(split))).read("staff.csv") == STAFF_CSV  # a zip all the same
    damaged = bytearray(host + archive)
    directory = damaged.rfind(b"PK\x01\x02")
    damaged[directory:directory + 4] = b"XXXX"
    assert appended_zip_start(bytes(damaged), b"%%EOF") is None


# --- through the command line -----------------------------------------------------------------------


def test_scan_reads_the_new_members_and_writes_no_value(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    for path in (PPMD_ZIP, DEFLATE64_ZIP, BOMB_ZIP, RAR4, RAR5_LINKS, RAR5_ENCRYPTED_MEMBERS, RAR5_ENCRYPTED_HEADERS):
        (root / path.name).write_bytes(path.read_bytes())
    (root / "cut.rar").write_bytes(RAR4.read_bytes()[:300])
    (root / "invoice.pdf").write_bytes(pdf_bytes(f"Write to {PDF_EMAIL}.") + zip_bytes({"staff.csv": STAFF_CSV}))
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1", "--key-file", str(key),
                                       "--state", str(tmp_path / "state"), "--quiet"])
    assert result.exit_code == 0, result.output
    records = {r["path"]: r for r in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}

    def status(path: str) -> tuple[str, str | None]:
        return records[path]["status"], records[path]["error"]

    def unique(path: str, entity: str) -> int:
        return int(records[path]["entities"].get(entity, {}).get("unique", 0))

    for archive in ("ppmd.zip", "deflate64.zip"):
        member = f"{archive}!/call-list.txt"
        assert status(archive) == status(member) == ("ok", None)
        assert (unique(member, "EMAIL_ADDRESS"), unique(member, "PHONE_NUMBER")) == (5, 5)
    assert status("deflate64-bomb.zip!/zeros.bin") == ("too_large", "max_ratio")
    assert status("rar3-subdirs.rar") == ("ok", None)
    assert records["rar3-subdirs.rar"]["mime"] == "application/x-rar"
    assert [p for p in records if p.startswith("rar3-subdirs.rar!/")] == [
        "rar3-subdirs.rar!/sub/dir2/file2.txt", "rar3-subdirs.rar!/sub/with space/long fn.txt",
        "rar3-subdirs.rar!/sub/üȵĩöḋè/file.txt", "rar3-subdirs.rar!/sub/dir1/file1.txt"]
    assert status("rar5-hlink.rar!/stest1.txt") == ("ok", None)
    assert records["rar5-hlink.rar!/stest1.txt"]["size"] == len(LINES_000_TO_511)
    assert status("rar5-psw.rar!/stest1.txt")[0] == status("rar5-psw.rar!/stest2.txt")[0] == "encrypted"
    assert status("rar5-hpsw.rar") == ("encrypted", "rar: encrypted")
    assert status("cut.rar") == ("corrupt", "rar: cut off before its end")
    assert status("invoice.pdf!/appended.zip!/staff.csv") == ("ok", None)
    assert unique("invoice.pdf!/appended.zip!/staff.csv", "EMAIL_ADDRESS") == 2
    assert unique("invoice.pdf", "EMAIL_ADDRESS") == 1

    written = b"".join(path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file())
    needles = [value for person in PEOPLE for value in person] + [PDF_EMAIL, "leopold.varga@adatum.com", "Oyelaran"]
    needles += [person[0].split()[-1] for person in PEOPLE]
    assert [needle for needle in needles if needle.encode() in written] == []
