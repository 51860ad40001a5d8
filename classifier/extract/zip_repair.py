"""A zip whose central directory is lost or damaged, given a new one built from its local headers.

Every member of a zip is stored twice over: a local header in front of its data, and an entry in the
central directory at the end. A copy cut short, or a file damaged at its end, loses the directory,
and zipfile (and every library on it: the OOXML and ODF readers, the archive extractor) refuses the
whole package, although its members are still there; `zip -FF` and Word's "recover text" read
them from the local headers. This does the same: it walks the `PK\\x03\\x04` headers in order, finds
where each member's data ends, and appends a central directory that points at the original bytes.
The package is then read by the normal extractor, under every normal limit; nothing here keeps a
member's content.

Where a member's sizes are in a data descriptor after its data (bit 3 of its flags), the end of its
deflate stream is found by inflating it, in chunks, counted against max_member_bytes and discarded;
a stored member of that kind cannot be delimited and is left out, as is a member whose data is cut
short or whose name was seen before (the first is kept).
"""

from __future__ import annotations

import zipfile
import zlib

from classifier.extract.archive import (
    CENTRAL_HEADER,
    CENTRAL_SIGNATURE,
    END_RECORD,
    END_SIGNATURE,
    LOCAL_HEADER,
    LOCAL_SIGNATURE,
)
from classifier.extract.bounded import READ_CHUNK
from classifier.limits import Limits

DATA_DESCRIPTOR_FLAG = 0x08
STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
MAX_ENTRIES = 65_535  # the directory's count field, without ZIP64


def salvaged_zip(data: bytes, limits: Limits) -> bytes | None:
    """`data` with a central directory rebuilt from its local headers, or None when no member is found."""
    if len(data) >= 1 << 32:  # offsets past 4 GiB need ZIP64 records; such a file is past max_file_bytes anyway
        return None
    directory = bytearray()
    names: set[bytes] = set()
    entries = 0
    position = data.find(LOCAL_SIGNATURE)
    while position >= 0 and entries < MAX_ENTRIES:
        found = _member_at(data, position, limits)
        if found is None:
            position = data.find(LOCAL_SIGNATURE, position + 4)
            continue
        name, header, crc, compressed, size, end = found
        if name not in names:
            names.add(name)
            entries += 1
            directory += CENTRAL_HEADER.pack(
                CENTRAL_SIGNATURE, 20, 3, 20, 0, header[2] & ~DATA_DESCRIPTOR_FLAG, header[3], header[4], header[5],
                crc, compressed, size, len(name), 0, 0, 0, 0, 0, position) + name
        position = data.find(LOCAL_SIGNATURE, end)
    if not entries:
        return None
    # The local records stay where they are; a member read through this directory is read from them.
    # Local headers of members with a data descriptor keep bit 3: zipfile then takes the directory's sizes.
    return data + bytes(directory) + END_RECORD.pack(END_SIGNATURE, 0, 0, entries, entries, len(directory),
                                                     len(data), 0)


def _member_at(data: bytes, position: int, limits: Limits) -> tuple[bytes, tuple[int, ...], int, int, int, int] | None:
    """(name, local header fields, CRC, compressed size, size, end of its data) of the member whose local
    header is at `position`, or None when it cannot be delimited."""
    if position + LOCAL_HEADER.size > len(data):
        return None
    header = LOCAL_HEADER.unpack_from(data, position)
    flags, method, crc, compressed, size, name_length, extra_length = header[2], header[3], *header[6:11]
    start = position + LOCAL_HEADER.size + name_length + extra_length
    name = data[position + LOCAL_HEADER.size: position + LOCAL_HEADER.size + name_length]
    if start > len(data) or not name:
        return None
    if not flags & DATA_DESCRIPTOR_FLAG:
        end = start + compressed
        return (name, header, crc, compressed, size, end) if end <= len(data) else None
    if method != DEFLATED:
        return None
    measured = _deflate_extent(data, start, limits.max_member_bytes)
    if measured is None:
        return None
    compressed, size, crc = measured
    return name, header, crc, compressed, size, start + compressed


def _deflate_extent(data: bytes, start: int, max_size: int) -> tuple[int, int, int] | None:
    """(compressed size, size, CRC) of the raw deflate stream at `start`, inflated in chunks and thrown
    away; None when it is damaged, cut short or inflates past `max_size`."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, crc, offset = 0, 0, start
    try:
        while not inflater.eof:
            chunk = inflater.unconsumed_tail or data[offset: offset + READ_CHUNK]
            if not inflater.unconsumed_tail:
                offset += len(chunk)
            if not chunk:
                return None  # cut short
            out = inflater.decompress(chunk, READ_CHUNK)
            size += len(out)
            if size > max_size:
                return None
            crc = zlib.crc32(out, crc)
    except zlib.error:
        return None
    return offset - start - len(inflater.unused_data), size, crc
