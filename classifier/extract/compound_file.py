"""OLE2 compound files (the container of Word 97-2003 and PowerPoint 97-2003 documents) with olefile.

olefile reads the file's sector tables itself; it parses no XML and runs nothing. It is given a
BytesIO, never the bytes: a bytes object shorter than 1536 bytes is taken for a file name.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime, timedelta

import olefile

from classifier.extract.errors import CorruptDocument, reason_from


def open_compound(data: bytes, kind: str) -> olefile.OleFileIO:
    """The compound file in `data`; CorruptDocument("<kind>: ...") when it is none or is damaged."""
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError, struct.error, IndexError... on malformed headers
        raise CorruptDocument(f"{kind}: {reason_from(exc)}") from None


# Reasons name a stream by its role, not by its name: the names ("PowerPoint Document") are also
# words a document's own bytes hold, and a reason never quotes what could be the document's.
STREAM_ROLES = {"WordDocument": "main", "PowerPoint Document": "main", "0Table": "table", "1Table": "table"}


def read_stream(compound: olefile.OleFileIO, stream: str, data_size: int, kind: str) -> bytes:
    """A whole stream, refused before reading when its declared size is more than the file holds: no
    stream of a real file is larger than the file, and olefile would otherwise follow the size."""
    role = STREAM_ROLES.get(stream, "a required")
    if not compound.exists(stream):
        raise CorruptDocument(f"{kind}: no {role} stream")
    try:
        declared = compound.get_size(stream)
        if declared > data_size:
            raise CorruptDocument(f"{kind}: {role} stream larger than the file")
        with compound.openstream(stream) as reader:
            content: bytes = reader.read()
    except CorruptDocument:
        raise
    except Exception as exc:  # a broken sector chain: OSError, IndexError
        raise CorruptDocument(f"{kind}: {role} stream unreadable ({reason_from(exc)})") from None
    return content


SUMMARY_STREAM = "\x05SummaryInformation"
CREATED, LAST_SAVED = 12, 13  # PIDSI_CREATE_DTM, PIDSI_LASTSAVE_DTM ([MS-OLEPS] 2.21)
VT_FILETIME = 64
FILETIME_EPOCH = datetime(1601, 1, 1)
MAX_PROPERTIES = 1024  # a real summary stream holds about 20


def summary_dates(compound: olefile.OleFileIO) -> list[str]:
    """Created and last-saved dates of the SummaryInformation stream, as ISO dates; none when the
    stream is absent or malformed (the text is still read). Its titles and authors are not read.

    Read here, not with olefile's get_metadata: that parses every property of both summary streams
    and loops over vectors as many times as a count in the file says (a fuzzed .doc with a count of
    four billion ran for minutes, #17)."""
    try:
        if not compound.exists(SUMMARY_STREAM) or compound.get_size(SUMMARY_STREAM) > 1 << 20:
            return []
        with compound.openstream(SUMMARY_STREAM) as reader:
            stream: bytes = reader.read()
        (section,) = struct.unpack_from("<I", stream, 44)  # after the header and the one FMTID
        (count,) = struct.unpack_from("<I", stream, section + 4)
        dates = []
        for index in range(min(count, MAX_PROPERTIES)):
            identifier, offset = struct.unpack_from("<II", stream, section + 8 + 8 * index)
            if identifier in (CREATED, LAST_SAVED):
                kind, ticks = struct.unpack_from("<IQ", stream, section + offset)
                # A FILETIME of 0 (never saved) is the 1601 epoch: no date.
                if kind == VT_FILETIME and ticks:
                    dates.append((FILETIME_EPOCH + timedelta(microseconds=ticks // 10)).date().isoformat())
        return dates
    except (struct.error, OverflowError, OSError, ValueError):  # a damaged property set dates nothing
        return []
