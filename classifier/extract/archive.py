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

from classifier.extract.bounded import Inflation
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.limits import Limits
from classifier.records import Extracted, Member
from classifier.sniff import ZIP_ERRORS

LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
                 struct.error)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, inflation: Inflation) -> bytes:
    """Decompress one member under the container's meter (headers can lie: zipfile stops at the
    declared size, the meter at the limits)."""
    with archive.open(info) as stream:
        return inflation.read(stream, info.compress_size)


def raw_member_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The stored (still encrypted) bytes of a member, for a stable content hash."""
    start = info.header_offset
    fields = LOCAL_HEADER.unpack_from(data, start)
    name_len, extra_len = fields[9], fields[10]
    begin = start + LOCAL_HEADER.size + name_len + extra_len
    return data[begin : begin + info.compress_size]


def stored_member_bytes(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The member as stored, for the record of a member whose content could not be read
    (encrypted, refused at a limit, damaged): its hash then tells identical stored members
    apart from different ones, where the hash of no bytes would make them all one."""
    try:
        return raw_member_bytes(data, info)
    except struct.error:
        return b""


def extract_zip(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        if members_overlap(data, infos):
            raise CorruptDocument("zip: overlapping members")
    except ZIP_ERRORS as exc:
        raise CorruptDocument(f"zip: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"archive"}))
    inflation = Inflation(limits)
    with archive:
        for info in infos:
            if info.is_dir():
                continue
            if len(out.members) >= limits.max_members:
                raise LimitExceeded("max_members")
            modified = _member_date(info)
            if info.flag_bits & 0x1:
                out.members.append(Member(info.filename, stored_member_bytes(data, info), modified, encrypted=True))
                continue
            try:
                content = read_member(archive, info, inflation)
            except LimitExceeded as exc:
                if str(exc) == "max_container_bytes":
                    raise
                out.members.append(Member(info.filename, stored_member_bytes(data, info), modified, problem=str(exc)))
                continue
            except MEMBER_ERRORS as exc:
                out.members.append(Member(info.filename, stored_member_bytes(data, info), modified,
                                          problem=f"zip member: {reason_from(exc)}"))
                continue
            out.members.append(Member(info.filename, content, modified))
            if modified:
                out.metadata_dates.append(modified)
    out.inflated = inflation.total
    return out


def members_overlap(data: bytes, infos: list[zipfile.ZipInfo]) -> bool:
    """Whether two members share bytes, as in David Fifield's overlapping zip bomb
    (https://www.bamsoftware.com/hacks/zipbomb/): a real archive never does. Python 3.12
    and 3.11.8+ refuse such archives in ZipFile itself ("Overlapped entries")."""
    spans = []
    for info in infos:
        fields = LOCAL_HEADER.unpack_from(data, info.header_offset)
        data_start = info.header_offset + LOCAL_HEADER.size + fields[9] + fields[10]
        spans.append((info.header_offset, data_start + info.compress_size))
    spans.sort()
    return any(end > next_start for (_, end), (next_start, _) in itertools.pairwise(spans))


def _member_date(info: zipfile.ZipInfo) -> str | None:
    year, month, day = info.date_time[:3]
    if year <= 1980:  # the DOS epoch: no real date was stored
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
