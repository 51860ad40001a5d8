"""PowerPoint 97-2003 presentations (.ppt): the text atoms of the PowerPoint Document stream ([MS-PPT]).

The stream is a tree of records, each with an 8-byte header (version and instance, type, length);
a container (version 0xF) holds records, an atom holds data. Slide, notes and master text sits in
TextCharsAtoms (UTF-16LE) and TextBytesAtoms (8-bit), each after a TextHeaderAtom that says whether
it is a title. The records are walked in stream order rather than through the persist directory: an
incrementally saved file then also gives the text of earlier saves, which is in the file all the same.
"""

from __future__ import annotations

import struct

from classifier.extract.compound_file import open_compound, read_stream, summary_dates
from classifier.extract.errors import CorruptDocument, EncryptedDocument
from classifier.limits import Limits
from classifier.records import TITLE_LABEL, Extracted, SegmentKind

KIND = "ppt"
DOCUMENT_STREAM = "PowerPoint Document"
RECORD_HEADER = struct.Struct("<HHI")
CONTAINER_VERSION = 0xF
TEXT_HEADER_ATOM, TEXT_CHARS_ATOM, TEXT_BYTES_ATOM, CSTRING = 0x0F9F, 0x0FA0, 0x0FA8, 0x0FBA
CRYPT_SESSION_CONTAINER = 0x2F14
# A CString that names a programmable tag ("___PPT10", "___PPT9"): PowerPoint's own, no text.
PROGRAMMABLE_TAG_PREFIX = "___PPT"
# TextHeaderAtom.textType of a title and a centred (title slide) title.
TITLE_TYPES = frozenset({0, 6})
# CurrentUserAtom.headerToken of a file whose document stream is encrypted ([MS-PPT] 2.3.2).
ENCRYPTED_TOKEN = 0xF3D1C4DF
# A real presentation nests records a few levels deep (document, slide, drawing, group, shape,
# text box); past this the file is built to exhaust the walk.
MAX_NESTING = 32


def extract_ppt(data: bytes, name: str, limits: Limits) -> Extracted:
    with open_compound(data, KIND) as compound:
        if compound.exists("EncryptedSummary"):
            raise EncryptedDocument("ppt is password-protected")
        if compound.exists("Current User"):
            current_user = read_stream(compound, "Current User", len(data), KIND)
            if len(current_user) >= 16 and struct.unpack_from("<I", current_user, 12)[0] == ENCRYPTED_TOKEN:
                raise EncryptedDocument("ppt is password-protected")
        document = read_stream(compound, DOCUMENT_STREAM, len(data), KIND)
        out = Extracted(structure=frozenset({"slides"}), metadata_dates=summary_dates(compound))
    _read_records(document, out, limits.max_text_chars)
    return out


def _read_records(document: bytes, out: Extracted, max_chars: int) -> None:
    """Adds every text atom's text to `out` as PROSE (titles labelled), up to `max_chars` characters."""
    budget = max_chars
    # Where each open container ends, innermost last; the stream itself is the outermost one.
    ends = [len(document)]
    offset = 0
    title_next = False
    while ends:
        if offset == ends[-1]:
            ends.pop()
            continue
        if offset + RECORD_HEADER.size > ends[-1]:
            raise CorruptDocument("ppt: a record header runs past its container")
        version_instance, record_type, length = RECORD_HEADER.unpack_from(document, offset)
        body = offset + RECORD_HEADER.size
        if body + length > ends[-1]:
            raise CorruptDocument("ppt: a record runs past its container")
        if record_type == CRYPT_SESSION_CONTAINER:
            raise EncryptedDocument("ppt is password-protected")
        if version_instance & 0xF == CONTAINER_VERSION:
            if len(ends) > MAX_NESTING:
                raise CorruptDocument("ppt: records nested too deeply")
            ends.append(body + length)
            offset = body
            continue
        offset = body + length
        if record_type == TEXT_HEADER_ATOM and length >= 4:
            title_next = struct.unpack_from("<I", document, body)[0] in TITLE_TYPES
            continue
        if record_type not in (TEXT_CHARS_ATOM, TEXT_BYTES_ATOM, CSTRING):
            continue
        raw = document[body:body + length]
        text = raw.decode("latin-1") if record_type == TEXT_BYTES_ATOM else raw.decode("utf-16-le", errors="replace")
        # A paragraph ends in \r and a line break within one is \v (0x0B).
        text = text.replace("\r", "\n").replace("\x0b", "\n")
        if record_type == CSTRING and text.startswith(PROGRAMMABLE_TAG_PREFIX):
            continue
        if len(text) >= budget:
            text = text[:budget]
            out.truncated = True
        out.add(SegmentKind.PROSE, text, TITLE_LABEL if title_next and record_type != CSTRING else None)
        title_next = False
        budget -= len(text)
        if out.truncated:
            return
