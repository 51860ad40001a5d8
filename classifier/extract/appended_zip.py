"""A zip appended to another format's bytes (`cat a.pdf b.zip > x.pdf`): where it starts, if anywhere.

Zip readers find an archive from its end, so such a polyglot opens as the zip in `unzip` and as
the other document in its own viewer: a way to ship files past a filter that looks only at the
first bytes. It is found cheaply, from the tail, and only when it is unambiguous: the file ends
with an end-of-central-directory record (and its comment), that record's directory lies just
before it, and every local header the directory names lies after the host format's own end marker
(a PDF's last `%%EOF`). A document that merely holds the bytes `PK`, or a zip stored inside
the host (a PDF's stream, followed by the PDF's own trailer), is no appended zip.
"""

from __future__ import annotations

from classifier.extract.archive import CENTRAL_HEADER, CENTRAL_SIGNATURE, END_RECORD, END_SIGNATURE, LOCAL_SIGNATURE

MAX_COMMENT = 0xFFFF
# Zip64 archives keep their real directory offset elsewhere; an appended one is left unread.
ZIP64_MARK = 0xFFFFFFFF


def appended_zip_start(data: bytes, host_end: bytes) -> int | None:
    """The offset of the first local header of a zip that ends `data` and begins after the last
    `host_end` marker before it; None when there is none."""
    end = data.rfind(END_SIGNATURE, max(0, len(data) - END_RECORD.size - MAX_COMMENT))
    if end < 0 or end + END_RECORD.size > len(data):
        return None
    disk, directory_disk, disk_entries, entries, directory_size, directory_offset, comment_size = (
        int(field) for field in END_RECORD.unpack_from(data, end)[1:])
    if (end + END_RECORD.size + comment_size != len(data) or disk != 0 or directory_disk != 0
            or disk_entries != entries or entries == 0 or directory_offset == ZIP64_MARK):
        return None
    directory = end - directory_size
    # Where the archive's own offset 0 lies in `data`: the bytes in front of it (the host) when
    # the zip was appended as it was, 0 when its offsets were rewritten to count from the file's start.
    shift = directory - directory_offset
    if directory < 0 or shift < 0:
        return None
    first_local = _first_local_header(data, directory, end, entries)
    if first_local is None:
        return None
    start = shift + first_local
    if data[start:start + 4] != LOCAL_SIGNATURE or data.rfind(host_end, 0, start) < 0:
        return None
    return start


def _first_local_header(data: bytes, directory: int, end: int, entries: int) -> int | None:
    """The smallest local-header offset the central directory names (None when it is not a directory)."""
    position, first = directory, None
    for _ in range(entries):
        if position + CENTRAL_HEADER.size > end or data[position:position + 4] != CENTRAL_SIGNATURE:
            return None
        fields = CENTRAL_HEADER.unpack_from(data, position)
        name_size, extra_size, comment_size, local = int(fields[12]), int(fields[13]), int(fields[14]), int(fields[18])
        first = local if first is None else min(first, local)
        position += CENTRAL_HEADER.size + name_size + extra_size + comment_size
    return first if position == end else None
