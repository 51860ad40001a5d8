"""Files embedded in OOXML packages (DOCX, XLSX, PPTX): a workbook in a report, a document in a deck.

Only `*/embeddings/` parts are members; `*/media/` parts are the package's own
pictures and are not. Members are read with bounded streaming reads.
"""

from __future__ import annotations

import io
import zipfile

from classifier.extract.archive import MEMBER_ERRORS, read_member, stored_member_bytes
from classifier.extract.bounded import Inflation
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.limits import Limits
from classifier.records import Member
from classifier.sniff import ZIP_ERRORS

EMBEDDING_FOLDERS = ("word/embeddings/", "xl/embeddings/", "ppt/embeddings/")


def embedded_members(data: bytes, limits: Limits) -> list[Member]:
    """The embedded files of an OOXML package, in package order.

    Dates are left out: OOXML packages store the DOS epoch, not the embedding's date.
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except ZIP_ERRORS as exc:
        raise CorruptDocument(f"ooxml: {reason_from(exc)}") from None
    members: list[Member] = []
    inflation = Inflation(limits)
    with package:
        for info in infos:
            # An entry with an empty name (zipfile's is_dir() raises IndexError on it) embeds nothing.
            if not info.filename.startswith(EMBEDDING_FOLDERS) or info.is_dir():
                continue
            if len(members) >= limits.max_members:
                raise LimitExceeded("max_members")
            if info.flag_bits & 0x1:
                members.append(Member(info.filename, stored_member_bytes(data, info), encrypted=True))
                continue
            try:
                content = read_member(package, info, inflation)
            except LimitExceeded as exc:
                if str(exc) == "max_container_bytes":
                    raise
                members.append(Member(info.filename, stored_member_bytes(data, info), problem=str(exc)))
                continue
            except MEMBER_ERRORS as exc:
                members.append(Member(info.filename, stored_member_bytes(data, info),
                                      problem=f"ooxml member: {reason_from(exc)}"))
                continue
            members.append(Member(info.filename, content))
    return members
