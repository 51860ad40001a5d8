"""Files embedded in OOXML packages (DOCX, XLSX, PPTX): a workbook in a report, a document in a deck.

Only `*/embeddings/` parts are members; `*/media/` parts are the package's own
pictures and are not. Members are read with bounded streaming reads.
"""

from __future__ import annotations

import io
import struct
import zipfile

from classifier.extract.archive import raw_member_bytes, read_member_bounded
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.limits import Limits
from classifier.records import Member

EMBEDDING_FOLDERS = ("word/embeddings/", "xl/embeddings/", "ppt/embeddings/")
MEMBER_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError, struct.error)


def embedded_members(data: bytes, limits: Limits) -> list[Member]:
    """The embedded files of an OOXML package, in package order.

    Dates are left out: OOXML packages store the DOS epoch, not the embedding's date.
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, struct.error) as exc:
        raise CorruptDocument(f"ooxml: {reason_from(exc)}") from None
    members: list[Member] = []
    total = 0
    with package:
        for info in infos:
            if info.is_dir() or not info.filename.startswith(EMBEDDING_FOLDERS):
                continue
            if len(members) >= limits.max_members:
                raise LimitExceeded("max_members")
            if info.flag_bits & 0x1:
                try:
                    stored = raw_member_bytes(data, info)
                except struct.error:
                    stored = b""
                members.append(Member(info.filename, stored, encrypted=True))
                continue
            try:
                content = read_member_bounded(package, info, limits.max_member_bytes)
            except LimitExceeded:
                members.append(Member(info.filename, b"", problem="max_member_bytes"))
                continue
            except MEMBER_ERRORS as exc:
                members.append(Member(info.filename, b"", problem=f"ooxml member: {reason_from(exc)}"))
                continue
            total += len(content)
            if total > limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")
            members.append(Member(info.filename, content))
    return members
