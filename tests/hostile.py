"""Hostile files, built byte by byte: decompression bombs, entity bombs, deep nesting, loops.

Each builder returns the bytes of one file (or makes one special file) and is fast: the bombs
are a few megabytes on disk however much they claim to inflate to. Canary strings planted in
them must never reach a scan's output.
"""

from __future__ import annotations

import gzip
import io
import struct
import tarfile
import zipfile
import zlib
from pathlib import Path

MIB = 1 << 20
DEFLATE_BLOCK = MIB
LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
CENTRAL_HEADER = struct.Struct("<4sHHHHHHIIIHHHHHII")
END_OF_CENTRAL_DIRECTORY = struct.Struct("<4sHHHHIIH")
DOS_DATE_2021 = ((2021 - 1980) << 9) | (6 << 5) | 1
CRC_POLYNOMIAL = 0xEDB88320


# --- deflate and CRC of long runs of zeros, without ever holding them ---------------------------


def raw_deflate_zeros(mebibytes: int) -> bytes:
    """A raw deflate stream of `mebibytes` MiB of zeros.

    A full flush leaves the compressor byte-aligned with no history, so one compressed
    MiB can simply be repeated; an empty final block closes the stream.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(DEFLATE_BLOCK)) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    return block * mebibytes + final


def _gf2_times(matrix: list[int], vector: int) -> int:
    total = 0
    row = 0
    while vector:
        if vector & 1:
            total ^= matrix[row]
        vector >>= 1
        row += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """CRC-32 of A+B from CRC(A), CRC(B) and len(B) (zlib's crc32_combine, which Python lacks)."""
    # An operator on the CRC register that appends zero bits, squared to double their number.
    operator = _gf2_square(_gf2_square([CRC_POLYNOMIAL] + [1 << n for n in range(31)]))  # 4 zero bits
    while length2:
        operator = _gf2_square(operator)  # 1, 2, 4, ... zero bytes
        if length2 & 1:
            crc1 = _gf2_times(operator, crc1)
        length2 >>= 1
    return crc1 ^ crc2


def crc32_of_zeros(length: int) -> int:
    blocks, rest = divmod(length, DEFLATE_BLOCK)
    block_crc = zlib.crc32(bytes(DEFLATE_BLOCK))
    crc = 0
    span = DEFLATE_BLOCK
    span_crc = block_crc
    while blocks:  # square-and-multiply over blocks
        if blocks & 1:
            crc = crc32_combine(crc, span_crc, span)
        span_crc = crc32_combine(span_crc, span_crc, span)
        span *= 2
        blocks >>= 1
    return crc32_combine(crc, zlib.crc32(bytes(rest)), rest)


# --- ZIP files written by hand ------------------------------------------------------------------


class ZipWriter:
    """Local headers, data and a central directory, with every field under our control."""

    def __init__(self) -> None:
        self.body = bytearray()
        self.central: list[bytes] = []

    def local_header(self, name: bytes, crc: int, compressed: int, size: int, method: int = 8) -> bytes:
        return LOCAL_HEADER.pack(b"PK\x03\x04", 20, 0, method, 0, DOS_DATE_2021, crc, compressed, size,
                                 len(name), 0) + name

    def add_entry(self, name: bytes, offset: int, crc: int, compressed: int, size: int, method: int = 8) -> None:
        self.central.append(CENTRAL_HEADER.pack(b"PK\x01\x02", 20, 20, 0, method, 0, DOS_DATE_2021, crc, compressed,
                                                size, len(name), 0, 0, 0, 0, 0, offset) + name)

    def add(self, name: str, compressed_data: bytes, crc: int, size: int, method: int = 8) -> None:
        encoded = name.encode()
        offset = len(self.body)
        self.body += self.local_header(encoded, crc, len(compressed_data), size, method) + compressed_data
        self.add_entry(encoded, offset, crc, len(compressed_data), size, method)

    def finish(self) -> bytes:
        directory = b"".join(self.central)
        end = END_OF_CENTRAL_DIRECTORY.pack(b"PK\x05\x06", 0, 0, len(self.central), len(self.central),
                                            len(directory), len(self.body), 0)
        return bytes(self.body) + directory + end


def flat_zip_bomb(members: int, mebibytes_each: int) -> bytes:
    """`members` entries of `mebibytes_each` MiB of zeros each, every one ~1000:1."""
    deflated = raw_deflate_zeros(mebibytes_each)
    crc = crc32_of_zeros(mebibytes_each * MIB)
    writer = ZipWriter()
    for n in range(members):
        writer.add(f"zeros-{n:03d}.bin", deflated, crc, mebibytes_each * MIB)
    return writer.finish()


def overlapping_zip_bomb(members: int, kernel_mebibytes: int) -> bytes:
    """David Fifield's "better zip bomb" (https://www.bamsoftware.com/hacks/zipbomb/).

    Every member's compressed data quotes, in a non-final stored deflate block, the local
    header of the next member, then runs on into that member's data; the last member's data
    is one shared kernel of zeros. So all members share the kernel and each inflates to it,
    while the file holds it once.
    """
    kernel = raw_deflate_zeros(kernel_mebibytes)
    names = [f"{n:04d}.bin".encode() for n in range(members)]
    # Built backwards: a member's CRC and sizes cover the headers of all members after it.
    crcs = [0] * members
    sizes = [0] * members
    compressed = [0] * members
    headers: list[bytes] = [b""] * members
    crcs[-1], sizes[-1], compressed[-1] = crc32_of_zeros(kernel_mebibytes * MIB), kernel_mebibytes * MIB, len(kernel)
    writer = ZipWriter()
    headers[-1] = writer.local_header(names[-1], crcs[-1], compressed[-1], sizes[-1])
    for n in range(members - 2, -1, -1):
        quoted = headers[n + 1]
        sizes[n] = len(quoted) + sizes[n + 1]
        compressed[n] = 5 + len(quoted) + compressed[n + 1]
        crcs[n] = crc32_combine(zlib.crc32(quoted), crcs[n + 1], sizes[n + 1])
        headers[n] = writer.local_header(names[n], crcs[n], compressed[n], sizes[n])
    body = bytearray()
    for n in range(members):
        writer.add_entry(names[n], len(body), crcs[n], compressed[n], sizes[n])
        body += headers[n]
        if n + 1 < members:
            quoted_length = len(headers[n + 1])
            body += struct.pack("<BHH", 0, quoted_length, quoted_length ^ 0xFFFF)
    body += kernel
    writer.body = body
    return writer.finish()


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2021, 6, 1, 12, 0, 0)), content, method)
    return buffer.getvalue()


def nested_zip_bomb(width: int, levels: int, leaf_members: int, leaf_mebibytes: int) -> bytes:
    """42.zip-style: `width` copies of a zip, `levels` deep, over a flat bomb at the bottom."""
    layer = flat_zip_bomb(leaf_members, leaf_mebibytes)
    for level in range(levels):
        layer = zip_of({f"level{level}-{n:02d}.zip": layer for n in range(width)})
    return layer


def deep_zip(depth: int, innermost: bytes) -> bytes:
    """A zip in a zip ... `depth` zips deep, around one small text file."""
    layer = zip_of({"core.txt": innermost})
    for level in range(depth - 1):
        layer = zip_of({f"nest-{level:03d}.zip": layer}, zipfile.ZIP_STORED)
    return layer


def gzip_bomb(mebibytes: int) -> bytes:
    """A gzip member of `mebibytes` MiB of zeros (RFC 1952 header, deflate body, CRC and size)."""
    header = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x02\xff" + b"zeros.bin\x00"
    trailer = struct.pack("<II", crc32_of_zeros(mebibytes * MIB), (mebibytes * MIB) & 0xFFFFFFFF)
    return header + raw_deflate_zeros(mebibytes) + trailer


def zlib_zeros(mebibytes: int) -> bytes:
    """A zlib (RFC 1950) stream of zeros, as a PDF FlateDecode stream holds."""
    return b"\x78\xda" + raw_deflate_zeros(mebibytes) + struct.pack(">I", adler32_of_zeros(mebibytes * MIB))


def adler32_of_zeros(length: int) -> int:
    # Over zeros, a stays 1 and b grows by 1 per byte.
    return ((length % 65521) << 16) | 1


# --- XML inside office packages -----------------------------------------------------------------

BILLION_LAUGHS = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
ENTITY_BOMB_DTD = f'<!DOCTYPE r [<!ENTITY lol0 "lol">{BILLION_LAUGHS}]>'


def replace_part(package: bytes, part: str, edit: bytes | None = None, *, before_root: bytes = b"",
                 text: tuple[bytes, bytes] | None = None) -> bytes:
    """A copy of an OOXML package with one part changed: a DOCTYPE put before its root element,
    and/or one piece of text replaced (or the whole part replaced by `edit`)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        if part not in names:
            raise KeyError(part)
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                if edit is not None:
                    content = edit
                if before_root:
                    declaration_end = content.index(b"?>") + 2 if content.startswith(b"<?xml") else 0
                    content = content[:declaration_end] + before_root + content[declaration_end:]
                if text is not None:
                    assert text[0] in content
                    content = content.replace(text[0], text[1], 1)
            target.writestr(info, content)
    return buffer.getvalue()


# --- PDF written by hand ------------------------------------------------------------------------


def pdf_of(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF whose object n is objects[n-1] (the body between `n 0 obj` and `endobj`), with a real xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream_object(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def pdf_with_self_referencing_page_tree(canary: str) -> bytes:
    """Object 2 is the Pages node and lists itself among its own Kids (and as its own Parent)."""
    content = f"BT /F1 12 Tf 72 720 Td ({canary}) Tj ET".encode()
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream_object(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_with_huge_content_stream(mebibytes: int) -> bytes:
    """One page whose FlateDecode content stream inflates to `mebibytes` MiB."""
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream_object(b"/Filter /FlateDecode", zlib_zeros(mebibytes)),
    ])


def pdf_with_one_large_page(mebibytes: int, canary: str) -> bytes:
    """Two pages: one of text naming `canary`, one whose uncompressed content stream is `mebibytes`
    MiB of path operators (a 51 MB PDF of this shape drove a worker to 3.9 GB, issue 17)."""
    words = b"BT /F1 12 Tf 72 700 Td (%s) Tj ET" % canary.encode()
    paths = b"0 0 m 612 792 l S\n" * (mebibytes * 2**20 // 18)
    return pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R >>",
        stream_object(b"", words),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream_object(b"", paths),
    ])


# --- email, tar, special files ------------------------------------------------------------------


def nested_email(depth: int, canary: str) -> bytes:
    """A message/rfc822 attachment inside a message/rfc822 attachment ... `depth` levels.

    Written as text: the email package's own generator recurses per level and cannot write it.
    """
    message = (b"From: innermost@example.org\r\nSubject: level 0\r\nContent-Type: text/plain\r\n\r\n"
               + f"Innermost body: {canary}\r\n".encode())
    for level in range(1, depth):
        boundary = f"b{level:04d}".encode()
        message = b"".join([
            b"From: level%d@example.org\r\nSubject: level %d\r\nMIME-Version: 1.0\r\n" % (level, level),
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n',
            b"--" + boundary + b"\r\nContent-Type: text/plain\r\n\r\nSee the attached message.\r\n",
            b"--" + boundary + b"\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n",
            message,
            b"\r\n--" + boundary + b"--\r\n",
        ])
    return message


def tar_with_escaping_names(members: dict[str, bytes], links: dict[str, str]) -> bytes:
    """A tar whose member names (and link targets) point outside wherever it would be unpacked."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = 1622548800
            archive.addfile(info, io.BytesIO(content))
        for name, target in links.items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def write_single_line_text(path: Path, mebibytes: int, line_piece: bytes) -> None:
    """A text file of `mebibytes` MiB with no line break, written in 1 MiB pieces."""
    piece = (line_piece * (MIB // len(line_piece) + 1))[:MIB]
    with path.open("wb") as handle:
        for _ in range(mebibytes):
            handle.write(piece)


def gzip_of(content: bytes) -> bytes:
    return gzip.compress(content, mtime=0)
