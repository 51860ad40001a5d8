"""ZIP archives: members read in memory with sizes checked while decompressing.

Nothing is ever written to disk from a member name: names like `../../x` are
labels only.
"""

from __future__ import annotations

import io
import itertools
import struct
import zipfile
import zlib

from classifier.extract import zip_methods
from classifier.extract.bounded import Inflation
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.limits import Limits
from classifier.records import Extracted, Member
from classifier.sniff import ZIP_ERRORS

LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")  # zipfile's structFileHeader
LOCAL_SIGNATURE, CENTRAL_SIGNATURE, END_SIGNATURE = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
                 struct.error)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, inflation: Inflation) -> bytes:
    """Decompress one member under the container's meter (headers can lie: zipfile stops at the
    declared size, the meter at the limits)."""
    if info.compress_type in zip_methods.METHODS:  # Deflate64, PPMd: zipfile cannot open them
        return inflation.read(zip_methods.MethodStream(info, _compressed_bytes(archive, info)), info.compress_size)
    with archive.open(info) as stream:
        return inflation.read(stream, info.compress_size)


def _compressed_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's stored bytes, found as zipfile finds them (through its local header)."""
    if archive.fp is None:
        raise ValueError("archive closed")
    archive.fp.seek(info.header_offset)
    header = archive.fp.read(LOCAL_HEADER.size)
    if len(header) < LOCAL_HEADER.size or header[:4] != LOCAL_SIGNATURE:
        raise zipfile.BadZipFile("bad local header")
    archive.fp.seek(info.header_offset + data_offset(header))
    return archive.fp.read(info.compress_size)


def data_offset(local_header: bytes, at: int = 0) -> int:
    """Bytes from the start of the local header at `local_header[at:]` to its member's data: the
    header, the member's name and its extra field."""
    fields = LOCAL_HEADER.unpack_from(local_header, at)
    return LOCAL_HEADER.size + int(fields[9]) + int(fields[10])


def raw_member_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The stored (still encrypted) bytes of a member, for a stable content hash."""
    begin = info.header_offset + data_offset(data, info.header_offset)
    return data[begin : begin + info.compress_size]


def stored_member_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The member as stored, for the record of a member whose content could not be read
    (encrypted, refused at a limit, damaged): its hash then tells identical stored members
    apart from different ones, where the hash of no bytes would make them all one."""
    try:
        return raw_member_bytes(data, info)
    except struct.error:
        return b""


CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
END_RECORD = struct.Struct("<4s4H2LH")
UTF8_NAME_FLAG = 0x800


def open_zip(data: bytes) -> tuple[zipfile.ZipFile, bytes, frozenset[int]]:
    """The archive, the bytes it reads and the local-header offsets of names it had to repair.
    A name flagged UTF-8 that is not (zip tools of the 2000s wrote local code pages under the flag)
    makes zipfile refuse the whole archive, where `unzip` reads it: the flag is cleared on those
    names only, in both headers, and `_member_name` gives them back as their bytes."""
    try:
        return zipfile.ZipFile(io.BytesIO(data)), data, frozenset()
    except UnicodeDecodeError:
        repaired = _clear_false_utf8_flags(data)
        if repaired is None:
            raise
        return zipfile.ZipFile(io.BytesIO(repaired[0])), repaired[0], repaired[1]


def _clear_false_utf8_flags(data: bytes) -> tuple[bytes, frozenset[int]] | None:
    end = data.rfind(END_SIGNATURE)
    if end < 0 or end + END_RECORD.size > len(data):
        return None
    record = END_RECORD.unpack_from(data, end)
    entries, offset = record[4], record[6]
    repaired = bytearray(data)
    local_offsets: set[int] = set()
    for _ in range(entries):
        if offset + CENTRAL_HEADER.size > len(data) or data[offset:offset + 4] != CENTRAL_SIGNATURE:
            return None
        fields = CENTRAL_HEADER.unpack_from(data, offset)
        flags, name_len, extra_len, comment_len, local = fields[5], fields[12], fields[13], fields[14], fields[18]
        name = data[offset + CENTRAL_HEADER.size:offset + CENTRAL_HEADER.size + name_len]
        if flags & UTF8_NAME_FLAG and not _is_utf8(name):
            struct.pack_into("<H", repaired, offset + 8, flags & ~UTF8_NAME_FLAG)
            if data[local:local + 4] == LOCAL_SIGNATURE:
                (local_flags,) = struct.unpack_from("<H", data, local + 6)
                struct.pack_into("<H", repaired, local + 6, local_flags & ~UTF8_NAME_FLAG)
            local_offsets.add(local)
        offset += CENTRAL_HEADER.size + name_len + extra_len + comment_len
    return bytes(repaired), frozenset(local_offsets)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _member_name(info: zipfile.ZipInfo, repaired: frozenset[int]) -> str:
    """A repaired name is its bytes (written `%XX` where they are not UTF-8). A name without the
    UTF-8 flag is cp437 by the format, yet most tools since the 2000s write UTF-8 without setting
    the flag: it reads as UTF-8 when it is valid UTF-8, else as cp437."""
    name = info.orig_filename  # the whole name: `filename` stops at a NUL
    if info.header_offset in repaired:
        return name.encode("cp437").decode("utf-8", errors="surrogateescape")
    if info.flag_bits & UTF8_NAME_FLAG:
        return name
    try:
        return name.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def extract_zip(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        archive, data, repaired = open_zip(data)
        infos = archive.infolist()
        if members_overlap(data, infos):
            raise CorruptDocument("zip: overlapping members")
    except ZIP_ERRORS as exc:
        raise CorruptDocument(f"zip: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"archive"}))
    inflation = Inflation(limits)
    with archive:
        for info in infos:
            # Not info.is_dir(): zipfile cuts `filename` at its first NUL, and a name that starts with
            # one is empty there (is_dir() raises IndexError). orig_filename is the whole name.
            if info.orig_filename.endswith("/"):
                continue
            if len(out.members) >= limits.max_members:
                raise LimitExceeded("max_members")
            modified = _member_date(info)
            if info.flag_bits & 0x1:
                out.members.append(Member(_member_name(info, repaired), stored_member_bytes(data, info), modified, encrypted=True))
                continue
            try:
                content = read_member(archive, info, inflation)
            except LimitExceeded as exc:
                if str(exc) == "max_container_bytes":
                    raise
                out.members.append(Member(_member_name(info, repaired), stored_member_bytes(data, info), modified, problem=str(exc)))
                continue
            except MEMBER_ERRORS as exc:
                out.members.append(Member(_member_name(info, repaired), stored_member_bytes(data, info), modified,
                                          problem=member_problem(info, exc)))
                continue
            out.members.append(Member(_member_name(info, repaired), content, modified))
            if modified:
                out.metadata_dates.append(modified)
    out.inflated = inflation.total
    return out


# Methods of the ZIP specification (APPNOTE 4.4.5) that zipfile cannot inflate, by name; Deflate64
# and PPMd are read by zip_methods. No maintained decoder of Implode (6) is on PyPI (#17).
ZIP_METHODS = {1: "Shrink", 2: "Reduce", 3: "Reduce", 4: "Reduce", 5: "Reduce", 6: "Implode", 9: "Deflate64",
               10: "PKWARE DCL Implode", 18: "IBM TERSE", 19: "IBM LZ77", 93: "Zstandard", 94: "MP3", 95: "xz",
               96: "JPEG", 97: "WavPack", 98: "PPMd", 99: "AE-x encryption"}


def member_problem(info: zipfile.ZipInfo, exc: BaseException) -> str:
    """Why a member could not be read out: the compression method by name where that is why."""
    if isinstance(exc, NotImplementedError) and info.compress_type not in (
            zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, *zip_methods.METHODS):
        method = ZIP_METHODS.get(info.compress_type, "unknown")
        return f"zip member: compression method {method} ({info.compress_type}) not supported"
    return f"zip member: {reason_from(exc)}"


def members_overlap(data: bytes, infos: list[zipfile.ZipInfo]) -> bool:
    """Whether two members share bytes, as in David Fifield's overlapping zip bomb
    (https://www.bamsoftware.com/hacks/zipbomb/): a real archive never does. Python 3.12
    and 3.11.8+ refuse such archives in ZipFile itself ("Overlapped entries")."""
    spans = []
    for info in infos:
        spans.append((info.header_offset, info.header_offset + data_offset(data, info.header_offset) + info.compress_size))
    spans.sort()
    return any(end > next_start for (_, end), (next_start, _) in itertools.pairwise(spans))


def _member_date(info: zipfile.ZipInfo) -> str | None:
    year, month, day = info.date_time[:3]
    if year <= 1980:  # the DOS epoch: no real date was stored
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
