"""Containers and structured formats: tar/gzip/bzip2/xz/7z, OOXML embeddings, JSON, XML, PEM, SQLite, SQL dumps, images.

Every input is made here by the real library that writes the format.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import json
import lzma
import os
import sqlite3
import struct
import sys
import tarfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

import py7zr
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from PIL import Image

from classifier.extract import Extractor, database
from classifier.extract.compressed import (
    LINK_SKIPPED,
    SPECIAL_SKIPPED,
    extract_7z,
    extract_bzip2,
    extract_gzip,
    extract_tar,
    extract_xz,
)
from classifier.extract.database import extract_sql_dump, extract_sqlite
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from classifier.extract.image import extract_image
from classifier.extract.ooxml_embedded import embedded_members
from classifier.extract.structured import extract_json, extract_pem, extract_xml, pem_blocks, pem_kind
from classifier.extract.text import decode_text
from classifier.limits import Limits
from classifier.pii.recognizers.secret import SECRET_PATTERNS
from classifier.records import Extracted, SegmentKind
from tests.conftest import NetworkGuard
from tests.documents import docx_bytes, xlsx_bytes

LIMITS = Limits()
TarMode = Literal["w", "w:gz", "w:bz2", "w:xz"]
MTIME = int(dt.datetime(2021, 6, 1, 12, 0, tzinfo=dt.UTC).timestamp())


def cells(extracted: Extracted) -> list[tuple[int | None, str | None, str]]:
    return [(s.table, s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.TABLE_CELL]


def prose(extracted: Extracted) -> list[tuple[str | None, str]]:
    return [(s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.PROSE]


def files_under(root: Path) -> set[Path]:
    return set(root.rglob("*"))


class _FileSystemGuard:
    """Records and blocks any file opened for writing, directory made or link made while armed."""

    armed = False
    attempts: ClassVar[list[str]] = []
    EVENTS = frozenset({"os.mkdir", "os.symlink", "os.link", "os.rename", "os.truncate"})

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if not cls.armed:
            return
        if event == "open":
            _, mode, flags = args
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
            if not writing:
                return
        elif event not in cls.EVENTS:
            return
        cls.attempts.append(f"{event} {args[0]}")
        raise PermissionError("file system change blocked by test guard")


sys.addaudithook(_FileSystemGuard.hook)


@pytest.fixture
def no_file_system_changes() -> Iterator[list[str]]:
    _FileSystemGuard.attempts.clear()
    _FileSystemGuard.armed = True
    try:
        yield _FileSystemGuard.attempts
    finally:
        _FileSystemGuard.armed = False


# --- tar ---------------------------------------------------------------------------------------


def tar_bytes(mode: TarMode, members: dict[str, bytes], specials: bool = False) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        folder = tarfile.TarInfo("orders")
        folder.type, folder.mtime = tarfile.DIRTYPE, MTIME
        archive.addfile(folder)
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(content), MTIME
            archive.addfile(info, io.BytesIO(content))
        if specials:
            for name, kind, target in (("passwd-link", tarfile.SYMTYPE, "/etc/passwd"),
                                       ("hard-link", tarfile.LNKTYPE, "orders/po.csv"),
                                       ("pipe", tarfile.FIFOTYPE, ""), ("tty", tarfile.CHRTYPE, "")):
                info = tarfile.TarInfo(name)
                info.type, info.linkname, info.mtime = kind, target, MTIME
                archive.addfile(info)
    return buffer.getvalue()


@pytest.mark.parametrize("mode", ["w", "w:gz", "w:bz2", "w:xz"])
def test_tar_regular_members_with_dates_links_counted_not_followed(mode: TarMode) -> None:
    data = tar_bytes(mode, {"orders/po.csv": b"sku,qty\nA-1,3\n", "notes.txt": b"call Ann"}, specials=True)
    extracted = extract_tar(data, "orders.tar", LIMITS)
    assert [(m.name, m.data, m.modified, m.problem) for m in extracted.members] == [
        ("orders/po.csv", b"sku,qty\nA-1,3\n", "2021-06-01", None),
        ("notes.txt", b"call Ann", "2021-06-01", None),
        ("passwd-link", b"", "2021-06-01", LINK_SKIPPED),
        ("hard-link", b"", "2021-06-01", LINK_SKIPPED),
        ("pipe", b"", "2021-06-01", SPECIAL_SKIPPED),
        ("tty", b"", "2021-06-01", SPECIAL_SKIPPED),
    ]
    assert extracted.metadata_dates == ["2021-06-01", "2021-06-01"]


def test_tar_member_names_are_labels_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            no_file_system_changes: list[str]) -> None:
    working = tmp_path / "deep" / "er"
    _FileSystemGuard.armed = False
    working.mkdir(parents=True)
    monkeypatch.chdir(working)
    before = files_under(tmp_path)
    data = tar_bytes("w:gz", {"../../evil.txt": b"owned", "/tmp/abs-evil.txt": b"owned too"}, specials=True)
    _FileSystemGuard.armed = True
    extracted = extract_tar(data, "evil.tgz", LIMITS)
    assert [(m.name, m.data) for m in extracted.members][:2] == [("../../evil.txt", b"owned"),
                                                                 ("/tmp/abs-evil.txt", b"owned too")]
    assert no_file_system_changes == []
    assert files_under(tmp_path) == before
    assert not Path("/tmp/abs-evil.txt").exists()


def test_tar_member_over_the_limit_is_flagged_and_container_limit_stops() -> None:
    data = tar_bytes("w:gz", {"big.bin": b"\0" * 200_000, "small.txt": b"ok"})
    extracted = extract_tar(data, "x.tar.gz", Limits(max_member_bytes=100_000))
    assert [(m.name, m.data, m.problem) for m in extracted.members] == [
        ("big.bin", b"", "max_member_bytes"), ("small.txt", b"ok", None)]
    with pytest.raises(LimitExceeded, match="max_container_bytes"):
        extract_tar(data, "x.tar.gz", Limits(max_member_bytes=100_000, max_container_bytes=150_000))


class Zeros(io.RawIOBase):
    """`size` zero bytes, made as they are read (a bomb's payload without holding it)."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        count = self.left if size is None or size < 0 else min(size, self.left)
        self.left -= count
        return bytes(count)


def test_tar_gz_bomb_is_stepped_over_only_within_the_container_limit() -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name in ("zeros-1.bin", "zeros-2.bin"):
            info = tarfile.TarInfo(name)
            info.size = 100 * 1024 * 1024
            archive.addfile(info, Zeros(info.size))
    bomb = buffer.getvalue()
    assert len(bomb) < 1_000_000
    # The ratio limit (below) would stop it first; without it, the container limit does.
    limits = Limits(max_member_bytes=10 * 1024 * 1024, max_container_bytes=150 * 1024 * 1024, max_ratio=10**9)
    started = time.perf_counter()
    with pytest.raises(LimitExceeded, match=r"^max_container_bytes$"):
        extract_tar(bomb, "bomb.tar.gz", limits)
    assert time.perf_counter() - started < 5
    one = extract_tar(bomb, "bomb.tar.gz", Limits(max_member_bytes=10 * 1024 * 1024, max_ratio=10**9))
    assert [(m.name, m.problem) for m in one.members] == [("zeros-1.bin", "max_member_bytes"),
                                                          ("zeros-2.bin", "max_member_bytes")]
    assert one.inflated == 200 * 1024 * 1024 + 3 * 512  # every byte stepped over counted: headers, end blocks
    started = time.perf_counter()
    with pytest.raises(LimitExceeded, match=r"^max_ratio$"):
        extract_tar(bomb, "bomb.tar.gz", LIMITS)
    assert time.perf_counter() - started < 1


def test_tar_pax_header_claiming_a_huge_size_is_not_read_whole() -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("pax-bomb")
        info.type, info.size = tarfile.XHDTYPE, 50 * 1024 * 1024
        archive.addfile(info, Zeros(info.size))
    with pytest.raises(LimitExceeded, match=r"^max_member_bytes$"):  # refused before the 50 MB read
        extract_tar(buffer.getvalue(), "pax.tar.gz", Limits(max_member_bytes=1024 * 1024))


@pytest.mark.parametrize("mode", ["w", "w:gz"])
def test_truncated_tar_is_corrupt(mode: TarMode) -> None:
    data = tar_bytes(mode, {"a.bin": os.urandom(50_000), "b.bin": os.urandom(50_000)})
    with pytest.raises(CorruptDocument):
        extract_tar(data[: len(data) // 3], "x.tar", LIMITS)


def test_not_a_tar_is_corrupt() -> None:
    with pytest.raises(CorruptDocument, match=r"^tar: "):
        extract_tar(b"hello, this is not a tar file" * 40, "x.tar", LIMITS)


# --- bare compressed streams -------------------------------------------------------------------


def gzip_bytes(content: bytes, original_name: str | None) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=original_name or "", mode="wb", fileobj=buffer, mtime=MTIME) as stream:
        stream.write(content)
    return buffer.getvalue()


def test_gzip_member_named_from_its_header_or_the_outer_name() -> None:
    named = extract_gzip(gzip_bytes(b"id,email\n1,a@b.example\n", "customers.csv"), "backup.gz", LIMITS)
    assert [(m.name, m.data, m.modified) for m in named.members] == [
        ("customers.csv", b"id,email\n1,a@b.example\n", "2021-06-01")]
    unnamed = extract_gzip(gzip_bytes(b"log line", None), "app.log.gz", LIMITS)
    assert [(m.name, m.data) for m in unnamed.members] == [("app.log", b"log line")]
    # A compressed tar is one container with the tar's members (contract v2: `site.tgz!/a.txt`).
    tarball = extract_gzip(gzip.compress(tar_bytes("w", {"a.txt": b"x"}), mtime=0), "site.tgz", LIMITS)
    assert [(m.name, m.data) for m in tarball.members] == [("a.txt", b"x")]


def test_gzip_bomb_stops_at_the_member_limit() -> None:
    buffer = io.BytesIO()
    zeros = bytes(1 << 20)
    with gzip.GzipFile(filename="bomb.bin", mode="wb", fileobj=buffer, compresslevel=9) as stream:
        for _ in range(300):  # 300 MB of zeros, about 300 KB compressed
            stream.write(zeros)
    bomb = buffer.getvalue()
    assert len(bomb) < 1_000_000
    started = time.perf_counter()
    extracted = extract_gzip(bomb, "bomb.bin.gz", Limits(max_member_bytes=10 * 1024 * 1024))
    assert time.perf_counter() - started < 5  # stopped near 10 MB, not after inflating 300 MB
    assert [(m.name, m.problem) for m in extracted.members] == [("bomb.bin", "max_member_bytes")]
    # The record of the refused member hashes its deflate data as stored, not "no bytes".
    assert extracted.members[0].data == bomb[10 + len(b"bomb.bin\0") : -8]


def test_gzip_limit_on_the_container() -> None:
    with pytest.raises(LimitExceeded, match="max_container_bytes"):
        extract_gzip(gzip_bytes(b"a" * 5000, "a.txt"), "a.txt.gz", Limits(max_container_bytes=1000))


@pytest.mark.parametrize(
    ("extractor", "data", "name"),
    [
        (extract_gzip, gzip.compress(os.urandom(20_000)), "x.gz"),
        (extract_bzip2, bz2.compress(os.urandom(20_000)), "x.bz2"),
        (extract_xz, lzma.compress(os.urandom(20_000)), "x.xz"),
    ],
)
def test_truncated_compressed_stream_is_corrupt(extractor: Extractor, data: bytes, name: str) -> None:
    with pytest.raises(CorruptDocument):
        extractor(data[: len(data) // 2], name, LIMITS)


def test_bzip2_and_xz_members() -> None:
    payload = b"name;phone\nMia Chen;+1 425 555 0143\n"
    bzipped = extract_bzip2(bz2.compress(payload), "contacts.csv.bz2", LIMITS)
    assert [(m.name, m.data) for m in bzipped.members] == [("contacts.csv", payload)]
    xzipped = extract_xz(lzma.compress(payload), "contacts.csv.xz", LIMITS)
    assert [(m.name, m.data) for m in xzipped.members] == [("contacts.csv", payload)]
    tarball = extract_xz(lzma.compress(tar_bytes("w", {"a.txt": b"x"})), "dump.txz", LIMITS)
    assert [m.name for m in tarball.members] == ["a.txt"]
    assert [m.name for m in extract_bzip2(bz2.compress(tar_bytes("w", {"b.txt": b"y"})), "d.tbz2", LIMITS).members] == ["b.txt"]
    bomb = extract_bzip2(bz2.compress(bytes(3_000_000)), "zeros.bz2", Limits(max_member_bytes=1_000_000))
    assert [(m.name, m.problem) for m in bomb.members] == [("zeros", "max_member_bytes")]


# --- 7z ----------------------------------------------------------------------------------------


def seven_zip_bytes(members: dict[str, bytes], password: str | None = None, header_encryption: bool = False,
                    plain_header: bool = False) -> bytes:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", password=password, header_encryption=header_encryption) as archive:
        if plain_header:
            archive.set_encoded_header_mode(False)
        for name, content in members.items():
            archive.writestr(content, name)
    return buffer.getvalue()


def rename_in_plain_7z_header(data: bytes, old: str, new: str) -> bytes:
    """py7zr refuses to write `../` names; a hostile tool would not. Patch one (same length) and fix the CRCs."""
    patched = bytearray(data)
    old_utf16, new_utf16 = old.encode("utf-16-le"), new.encode("utf-16-le")
    assert len(old_utf16) == len(new_utf16)
    at = patched.find(old_utf16)
    patched[at : at + len(old_utf16)] = new_utf16
    header_offset, header_size = struct.unpack_from("<QQ", patched, 12)
    header = patched[32 + header_offset : 32 + header_offset + header_size]
    struct.pack_into("<I", patched, 28, zlib.crc32(header))
    struct.pack_into("<I", patched, 8, zlib.crc32(patched[12:32]))
    return bytes(patched)


def test_7z_members_and_dates() -> None:
    data = seven_zip_bytes({"hr/salaries.csv": b"name,salary\nAnn,50000\n", "readme.txt": b"hello", "empty.txt": b""})
    extracted = extract_7z(data, "x.7z", LIMITS)
    assert [(m.name, m.data) for m in extracted.members] == [
        ("hr/salaries.csv", b"name,salary\nAnn,50000\n"), ("readme.txt", b"hello"), ("empty.txt", b"")]
    today = dt.datetime.now(dt.UTC).date()
    assert all(m.modified is not None and abs(dt.date.fromisoformat(m.modified) - today).days <= 1
               for m in extracted.members)


def test_7z_traversal_and_duplicate_names_are_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     no_file_system_changes: list[str]) -> None:
    _FileSystemGuard.armed = False
    working = tmp_path / "deep" / "er"
    working.mkdir(parents=True)
    monkeypatch.chdir(working)
    before = files_under(tmp_path)
    data = seven_zip_bytes({"xxxxxxevil.txt": b"owned", "a.txt": b"first", "yyyyy": b"second", "xxxx/b.txt": b"third"},
                           plain_header=True)
    data = rename_in_plain_7z_header(data, "xxxxxxevil.txt", "../../evil.txt")
    data = rename_in_plain_7z_header(data, "yyyyy", "a.txt")
    data = rename_in_plain_7z_header(data, "xxxx/b.txt", "/etc/b.txt")
    _FileSystemGuard.armed = True
    extracted = extract_7z(data, "x.7z", LIMITS)
    assert [(m.name, m.data) for m in extracted.members] == [
        ("../../evil.txt", b"owned"), ("a.txt", b"first"), ("a.txt", b"second"), ("/etc/b.txt", b"third")]
    assert no_file_system_changes == []
    assert files_under(tmp_path) == before


def test_7z_member_over_the_limit_is_flagged_not_read() -> None:
    data = seven_zip_bytes({"big.bin": bytes(200_000), "small.txt": b"ok"})
    extracted = extract_7z(data, "x.7z", Limits(max_member_bytes=100_000))
    assert [(m.name, m.data, m.problem) for m in extracted.members] == [
        ("big.bin", b"", "max_member_bytes"), ("small.txt", b"ok", None)]
    with pytest.raises(LimitExceeded, match="max_container_bytes"):
        extract_7z(seven_zip_bytes({"a.bin": bytes(60_000), "b.bin": bytes(60_000)}), "x.7z",
                   Limits(max_container_bytes=100_000))


@pytest.mark.parametrize("header_encryption", [False, True])
def test_encrypted_7z(header_encryption: bool) -> None:
    data = seven_zip_bytes({"secret.txt": b"the plan"}, password="correct horse", header_encryption=header_encryption)
    with pytest.raises(EncryptedDocument):
        extract_7z(data, "x.7z", LIMITS)


def test_truncated_7z_is_corrupt() -> None:
    data = seven_zip_bytes({"a.bin": os.urandom(30_000)})
    with pytest.raises(CorruptDocument, match=r"^7z: "):
        extract_7z(data[: len(data) // 2], "x.7z", LIMITS)
    with pytest.raises(CorruptDocument):
        extract_7z(b"7z\xbc\xaf\x27\x1c" + b"\0" * 10, "x.7z", LIMITS)


# --- OOXML embeddings --------------------------------------------------------------------------


def test_docx_embedded_workbook_is_a_member_and_media_is_not() -> None:
    workbook = xlsx_bytes([["Name", "IBAN"], ["Ann Lee", "DE89370400440532013000"]])
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(picture, "PNG")
    source = docx_bytes(["Quarterly report, see the embedded sheet."])
    rewritten = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            out.writestr(info, original.read(info))
        out.writestr("word/embeddings/x.xlsx", workbook)
        out.writestr("word/media/image1.png", picture.getvalue())
    members = embedded_members(rewritten.getvalue(), LIMITS)
    assert [(m.name, m.data) for m in members] == [("word/embeddings/x.xlsx", workbook)]
    limited = embedded_members(rewritten.getvalue(), Limits(max_member_bytes=len(workbook) - 1))
    assert [(m.name, m.problem) for m in limited] == [("word/embeddings/x.xlsx", "max_member_bytes")]
    assert limited[0].data != workbook  # its stored (deflated) bytes, for the record's hash
    assert embedded_members(source, LIMITS) == []
    with pytest.raises(CorruptDocument):
        embedded_members(source[:100], LIMITS)


# --- JSON --------------------------------------------------------------------------------------


def test_json_list_of_records_is_a_table_and_other_values_prose() -> None:
    document = {
        "exported": "2021-06-01",
        "owner": {"name": "Ann Lee", "active": True, "phone": 4255550143},
        "customers": [
            {"name": "Mia Chen", "email": "mia@contoso.com", "tags": ["vip"]},
            {"name": "John Roe", "email": "john@fabrikam.de", "tags": []},
        ],
        "notes": ["call back", "send offer"],
    }
    extracted = extract_json(json.dumps(document).encode(), "export.json", LIMITS)
    assert cells(extracted) == [
        (0, "name", "Mia Chen"), (0, "email", "mia@contoso.com"),
        (0, "name", "John Roe"), (0, "email", "john@fabrikam.de"),
    ]
    assert prose(extracted) == [
        ("exported", "2021-06-01"), ("name", "Ann Lee"), ("phone", "4255550143"), ("tags", "vip"),
        ("notes", "call back"), ("notes", "send offer"),
    ]
    assert extracted.structure == frozenset({"structured_data", "table"})


def test_json_lines_and_corrupt_json() -> None:
    lines = "\n".join(json.dumps({"user": u, "ip": ip}) for u, ip in (("ann", "10.0.0.1"), ("bob", "10.0.0.2")))
    extracted = extract_json(lines.encode(), "events.jsonl", LIMITS)
    assert cells(extracted) == [(0, "user", "ann"), (0, "ip", "10.0.0.1"), (0, "user", "bob"), (0, "ip", "10.0.0.2")]
    with pytest.raises(CorruptDocument, match=r"^json: JSONDecodeError$"):  # the error type, never the text
        extract_json(json.dumps({"k": "secret value"}).encode()[:-5], "x.json", LIMITS)
    with pytest.raises(CorruptDocument):
        extract_json(b"[" * 100_000 + b"]" * 100_000, "deep.json", LIMITS)


# --- XML ---------------------------------------------------------------------------------------


def test_xml_repeated_records_are_a_table_and_text_is_prose() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="urn:example:crm" created="2021-06-01">
  <title>Customer export</title>
  <customers>
    <customer id="1"><name>Mia Chen</name><email>mia@contoso.com</email></customer>
    <customer id="2"><email>john@fabrikam.de</email><name>John Roe</name></customer>
  </customers>
</export>"""
    extracted = extract_xml(data, "export.xml", LIMITS)
    assert cells(extracted) == [
        (0, "name", "Mia Chen"), (0, "email", "mia@contoso.com"),
        (0, "name", "John Roe"), (0, "email", "john@fabrikam.de"),
    ]
    assert prose(extracted) == [("created", "2021-06-01"), ("title", "Customer export"), ("id", "1"), ("id", "2")]


def test_xml_entity_expansion_bomb_is_refused_unexpanded() -> None:
    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{lol}]><lolz>&lol9;</lolz>'.encode()
    started = time.perf_counter()
    with pytest.raises(CorruptDocument, match=r"^xml: EntitiesForbidden$"):
        extract_xml(bomb, "bomb.xml", LIMITS)
    assert time.perf_counter() - started < 1


def test_xml_external_dtd_is_not_fetched(network_guard: NetworkGuard) -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://198.51.100.7/r.dtd"><r><a>kept</a></r>'
    assert prose(extract_xml(data, "r.xml", LIMITS)) == [("a", "kept")]
    assert network_guard.events == []


def test_xml_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PAYLOAD")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>').encode()
    with pytest.raises(CorruptDocument) as caught:
        extract_xml(xxe, "xxe.xml", LIMITS)
    assert "TOP-SECRET" not in str(caught.value)
    with pytest.raises(CorruptDocument, match=r"^xml: ParseError$"):
        extract_xml(b"<a><b>unclosed</a>", "bad.xml", LIMITS)


# --- PEM ---------------------------------------------------------------------------------------


def test_pem_private_key_is_one_code_segment_and_certificate_metadata() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "vpn.contoso.com"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Contoso Ltd")])
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(1001).not_valid_before(dt.datetime(2021, 6, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2022, 6, 1, tzinfo=dt.UTC))
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name("ops@contoso.com")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM).decode()
    data = f"subject=CN = vpn.contoso.com\n{cert_pem}{key_pem}".encode()
    extracted = extract_pem(data, "vpn.pem", LIMITS)
    code = [s.text for s in extracted.segments if s.kind is SegmentKind.CODE]
    assert code == [key_pem.strip()]
    pattern = next(p.regex for p in SECRET_PATTERNS if p.kind == "private_key_block")
    found = pattern.search(code[0])
    assert found is not None and found.group("secret") == key_pem.strip()
    metadata = [(s.header, s.text) for s in extracted.segments if s.kind is SegmentKind.METADATA]
    assert metadata == [("certificate subject", "O=Contoso Ltd,CN=vpn.contoso.com"),
                        ("certificate issuer", "O=Contoso Ltd,CN=vpn.contoso.com"),
                        ("certificate name", "ops@contoso.com")]
    assert prose(extracted) == [(None, "subject=CN = vpn.contoso.com")]
    assert extracted.metadata_dates == ["2021-06-01"]
    assert extracted.structure == frozenset({"certificate", "private_key"})
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    kinds = [pem_kind(label) for _, _, label in pem_blocks(decode_text((cert_pem + public_pem + key_pem + cert_pem).encode()))]
    assert kinds == ["certificate", "public_key", "private_key", "certificate"]
    with pytest.raises(CorruptDocument):
        extract_pem(b"no blocks here", "x.pem", LIMITS)


# --- SQLite ------------------------------------------------------------------------------------


def sqlite_file(path: Path, wal: bool = False) -> bytes:
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode = WAL")
    connection.executescript("""
        CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, photo BLOB);
        INSERT INTO customers (name, email, photo) VALUES ('Mia Chen', 'mia@contoso.com', x'89504e47');
        INSERT INTO customers (name, email, photo) VALUES ('John Roe', NULL, NULL);
        CREATE TABLE "order lines" (sku TEXT, qty INTEGER, price REAL);
        INSERT INTO "order lines" VALUES ('A-1', 3, 9.5);
        CREATE VIEW names AS SELECT name FROM customers;
    """)
    connection.commit()
    if wal:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path.read_bytes()


@pytest.mark.parametrize("wal", [False, True])
def test_sqlite_tables_become_cells_under_column_names(tmp_path: Path, wal: bool) -> None:
    data = sqlite_file(tmp_path / "crm.db", wal)
    assert (data[18:20] == b"\x02\x02") is wal
    extracted = extract_sqlite(data, "crm.db", LIMITS)
    assert cells(extracted) == [
        (0, "id", "1"), (0, "name", "Mia Chen"), (0, "email", "mia@contoso.com"),
        (0, "id", "2"), (0, "name", "John Roe"),
        (1, "sku", "A-1"), (1, "qty", "3"), (1, "price", "9.5"),
    ]
    assert extracted.structure == frozenset({"table", "database"})


def test_sqlite_row_cap_and_text_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "log.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE log (line TEXT)")
    connection.executemany("INSERT INTO log VALUES (?)", [(f"event {i}",) for i in range(50)])
    connection.commit()
    connection.close()
    monkeypatch.setattr(database, "MAX_ROWS_PER_TABLE", 10)
    assert len(cells(extract_sqlite(path.read_bytes(), "log.db", LIMITS))) == 10
    monkeypatch.setattr(database, "MAX_ROWS_PER_TABLE", 100)
    # 7 characters a cell: the fifth cell passes 30 characters, and reading stops there
    assert len(cells(extract_sqlite(path.read_bytes(), "log.db", Limits(max_text_chars=30)))) == 5


def test_bad_sqlite_is_corrupt(tmp_path: Path) -> None:
    data = sqlite_file(tmp_path / "crm.db")
    with pytest.raises(CorruptDocument, match=r"^sqlite: "):
        extract_sqlite(data[:100] + b"\xff" * 200, "cut.db", LIMITS)
    with pytest.raises(CorruptDocument):
        extract_sqlite(b"not a database at all" * 100, "x.db", LIMITS)


def test_sqlite_schema_that_is_not_utf8_is_corrupt(tmp_path: Path) -> None:
    # Found by benchmarks/fuzz_extractors.py: SQLite's error message quotes the damaged
    # schema, and the sqlite3 module decodes it as strict UTF-8 (UnicodeDecodeError).
    data = sqlite_file(tmp_path / "crm.db")
    damaged = data.replace(b"CREATE TABLE customers", b"CREATE T\xbf\xc6>E customers", 1)
    assert damaged != data
    with pytest.raises(CorruptDocument, match=r"^sqlite: text not in the encoding it declares \(UnicodeDecodeError\)$"):
        extract_sqlite(damaged, "damaged.db", LIMITS)


# --- SQL dumps ---------------------------------------------------------------------------------

MYSQL_DUMP = r"""-- MySQL dump 10.13
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `full_name` varchar(255) DEFAULT 'n/a; none',
  `email` varchar(255) NOT NULL,
  `note` text,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`),
  CONSTRAINT `fk` FOREIGN KEY (`id`) REFERENCES `x` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'Mia O\'Chen','mia@contoso.com','says \"hi\"; then ); leaves'),
(2,'John ''Jack'' Roe','john@fabrikam.de',NULL);
INSERT IGNORE INTO `shop`.`users` (`email`, `full_name`) VALUES ('ann@contoso.com', CONCAT('Ann', ' Lee'));
UNLOCK TABLES;
"""

PG_DUMP = "\n".join([
    "SET statement_timeout = 0;",
    "CREATE TABLE public.staff (",
    "    id integer NOT NULL,",
    '    "Phone Number" text,',
    "    salary numeric(10,2)",
    ");",
    "COPY public.staff (id, \"Phone Number\", salary) FROM stdin;",
    "1\t+44 20 7946 0958\t52000.00",
    "2\t\\N\t61000.50",
    "\\.",
    "",
    "INSERT INTO public.staff VALUES (3, '+1 425 555 0143', 1.5);",
])


def test_mysql_dump_rows_under_create_table_columns() -> None:
    extracted = extract_sql_dump(MYSQL_DUMP.encode(), "dump.sql", LIMITS)
    assert cells(extracted) == [
        (0, "id", "1"), (0, "full_name", "Mia O'Chen"), (0, "email", "mia@contoso.com"),
        (0, "note", 'says "hi"; then ); leaves'),
        (0, "id", "2"), (0, "full_name", "John 'Jack' Roe"), (0, "email", "john@fabrikam.de"),
        (1, "email", "ann@contoso.com"), (1, "full_name", "CONCAT ( 'Ann' , ' Lee' )"),
    ]
    assert extracted.structure == frozenset({"table", "database"})


def test_pg_dump_copy_blocks_and_inserts() -> None:
    extracted = extract_sql_dump(PG_DUMP.encode(), "pg.sql", LIMITS)
    assert cells(extracted) == [
        (0, "id", "1"), (0, "Phone Number", "+44 20 7946 0958"), (0, "salary", "52000.00"),
        (0, "id", "2"), (0, "salary", "61000.50"),
        (1, "id", "3"), (1, "Phone Number", "+1 425 555 0143"), (1, "salary", "1.5"),
    ]


def test_sql_dump_is_parsed_not_executed_and_survives_truncation() -> None:
    data = MYSQL_DUMP.encode()
    cut = data[: data.index(b"(2,'John") + 12]  # inside the second row's string
    extracted = extract_sql_dump(cut, "cut.sql", LIMITS)
    assert cells(extracted) == [(0, "id", "1"), (0, "full_name", "Mia O'Chen"), (0, "email", "mia@contoso.com"),
                                (0, "note", 'says "hi"; then ); leaves')]  # the cut-off second row is dropped
    assert extract_sql_dump(b"INSERT INTO t VALUES ('unterminated", "x.sql", LIMITS).segments == []
    unknown = extract_sql_dump(b"INSERT INTO t VALUES (1, 'a@b.example');", "x.sql", LIMITS)
    assert cells(unknown) == [(0, "column_1", "1"), (0, "column_2", "a@b.example")]


# --- images ------------------------------------------------------------------------------------


def test_jpeg_exif_capture_date_and_png_without() -> None:
    exif = Image.Exif()
    exif[0x0132] = "2020:01:02 03:04:05"
    exif.get_ifd(0x8769)[0x9003] = "2019:05:04 10:11:12"
    jpeg = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(jpeg, "JPEG", exif=exif)
    extracted = extract_image(jpeg.getvalue(), "photo.jpg", LIMITS)
    assert extracted.structure == frozenset({"image"})
    assert extracted.metadata_dates == ["2019-05-04"]
    png = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(png, "PNG")
    without = extract_image(png.getvalue(), "a.png", LIMITS)
    assert (without.structure, without.metadata_dates, without.segments) == (frozenset({"image"}), [], [])
    assert without.pictures is not None  # read by OCR in the analyzer (tests/test_ocr.py)
    assert extract_image(jpeg.getvalue()[:30], "cut.jpg", LIMITS).metadata_dates == []
