"""ZIP archives: members read in memory with sizes checked while decompressing.

Nothing is ever written to disk from a member name: names like `../../x` are
labels only.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.limits import Limits
from classifier.records import Extracted, Member

READ_CHUNK = 1 << 16
LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")


def read_member_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Decompress one member, stopping as soon as it exceeds `limit` (headers can lie)."""
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as stream:
        while chunk := stream.read(READ_CHUNK):
            total += len(chunk)
            if total > limit:
                raise LimitExceeded("max_member_bytes")
            chunks.append(chunk)
    return b"".join(chunks)


def raw_member_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The stored (still encrypted) bytes of a member, for a stable content hash."""
    start = info.header_offset
    fields = LOCAL_HEADER.unpack_from(data, start)
    name_len, extra_len = fields[9], fields[10]
    begin = start + LOCAL_HEADER.size + name_len + extra_len
    return data[begin : begin + info.compress_size]


def extract_zip(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, struct.error) as exc:
        raise CorruptDocument(f"zip: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"archive"}))
    total = 0
    with archive:
        for info in infos:
            if info.is_dir():
                continue
            if len(out.members) >= limits.max_members:
                raise LimitExceeded("max_members")
            modified = _member_date(info)
            if info.flag_bits & 0x1:
                out.members.append(Member(info.filename, raw_member_bytes(data, info), modified, encrypted=True))
                continue
            try:
                content = read_member_bounded(archive, info, limits.max_member_bytes)
            except LimitExceeded:
                out.members.append(Member(info.filename, b"", modified, problem="max_member_bytes"))
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
                out.members.append(Member(info.filename, b"", modified, problem=f"zip member: {reason_from(exc)}"))
                continue
            total += len(content)
            if total > limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")
            out.members.append(Member(info.filename, content, modified))
            if modified:
                out.metadata_dates.append(modified)
    return out


def _member_date(info: zipfile.ZipInfo) -> str | None:
    year, month, day = info.date_time[:3]
    if year <= 1980:  # the DOS epoch: no real date was stored
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
