"""Word 97-2003 documents (.doc): the text of every story through the piece table ([MS-DOC]).

The FIB at the start of the WordDocument stream says which table stream (0Table or 1Table) holds
the CLX and where; the CLX's piece table maps character positions to byte runs of the WordDocument
stream, each either cp1252 ("compressed") or UTF-16LE. The pieces in order are the main text, then
footnotes, headers and footers, comments, endnotes and text boxes, so all of them are read. Every
offset and length read from the file is checked against the real size of its stream before use.
"""

from __future__ import annotations

import re
import struct

from classifier.extract.compound_file import open_compound, read_stream, summary_dates
from classifier.extract.errors import CorruptDocument, EncryptedDocument, UnsupportedDocument
from classifier.extract.spreadsheet import add_table
from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind

KIND = "doc"
WORD_IDENT = 0xA5EC  # FibBase.wIdent
# Word 97's nFib; Word 6 and 95 files (nFib 101-105) have no piece table in a table stream.
WORD97_NFIB = 0xC1
F_ENCRYPTED = 0x0100  # FibBase flags: encrypted (RC4 or CryptoAPI), or XOR-obfuscated with F_OBFUSCATED
F_WHICH_TABLE_STREAM = 0x0200  # set: the table stream is 1Table, else 0Table
FIB_BASE_SIZE = 32
FC_CLX_INDEX = 33  # FibRgFcLcb97: the 34th fc/lcb pair is fcClx/lcbClx
PIECE_COMPRESSED = 0x40000000  # FcCompressed.fCompressed: 8-bit text at fc / 2
PIECE_FC_MASK = 0x3FFFFFFF
CLX_PRC, CLX_PCDT = 0x01, 0x02
PCD_SIZE = 8

# Field characters: begin, separator (instructions end, the shown result starts), end.
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
FIELD_MARKS = re.compile("([\x13\x14\x15])")
# Paragraph end; table cell and row marks are 0x07; line, page and column breaks are 0x0B, 0x0C, 0x0E.
PARAGRAPH_END, CELL_MARK = "\r", "\x07"
# Special characters that stand for objects (pictures 0x01, footnote references 0x02, annotations
# 0x05, drawn objects 0x08) and other control characters: nothing a reader sees as text.
CONTROL_CHARACTERS = re.compile("[\x00-\x06\x08\x0e-\x12\x16-\x1f]")
LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\x1f": ""})


def extract_doc(data: bytes, name: str, limits: Limits) -> Extracted:
    with open_compound(data, KIND) as compound:
        word_document = read_stream(compound, "WordDocument", len(data), KIND)
        table_stream_name, fc_clx, lcb_clx = _read_fib(word_document)
        table_stream = read_stream(compound, table_stream_name, len(data), KIND)
        if fc_clx + lcb_clx > len(table_stream) or lcb_clx == 0:
            raise CorruptDocument("doc: piece table outside the table stream")
        pieces = _piece_table(table_stream[fc_clx:fc_clx + lcb_clx])
        text, truncated = _decode_pieces(word_document, pieces, limits.max_text_chars)
        out = Extracted(metadata_dates=summary_dates(compound))
    out.truncated = truncated
    if _add_paragraphs_and_tables(out, _drop_field_instructions(text), limits):
        out.structure = frozenset({"table"})
    return out


def _read_fib(word_document: bytes) -> tuple[str, int, int]:
    """The table stream's name and the CLX's offset and size in it."""
    if len(word_document) < FIB_BASE_SIZE + 2:
        raise CorruptDocument("doc: main stream shorter than its FIB")
    ident, n_fib, _, _, _, flags = struct.unpack_from("<HHHHHH", word_document, 0)
    if ident != WORD_IDENT:
        raise CorruptDocument("doc: no FIB at the start of the main stream")
    if flags & F_ENCRYPTED:
        raise EncryptedDocument("doc is password-protected")
    if n_fib < WORD97_NFIB:
        raise UnsupportedDocument("doc: Word 6.0/95 format")
    # FibBase, then csw 16-bit words, cslw 32-bit words, cbRgFcLcb fc/lcb pairs, each array after its count.
    offset = FIB_BASE_SIZE
    counts: list[int] = []
    for item_size in (2, 4):
        if offset + 2 > len(word_document):
            raise CorruptDocument("doc: FIB cut short")
        (count,) = struct.unpack_from("<H", word_document, offset)
        counts.append(count)
        offset += 2 + count * item_size
    if offset + 2 > len(word_document):
        raise CorruptDocument("doc: FIB cut short")
    (pairs,) = struct.unpack_from("<H", word_document, offset)
    offset += 2
    if pairs <= FC_CLX_INDEX or offset + (FC_CLX_INDEX + 1) * 8 > len(word_document):
        raise CorruptDocument("doc: FIB has no piece table entry")
    fc_clx, lcb_clx = struct.unpack_from("<II", word_document, offset + FC_CLX_INDEX * 8)
    return ("1Table" if flags & F_WHICH_TABLE_STREAM else "0Table"), fc_clx, lcb_clx


def _piece_table(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """(first character position, character count, byte offset, compressed) of every piece."""
    offset = 0
    while offset < len(clx) and clx[offset] == CLX_PRC:  # property modifiers of fast-saved files: skipped
        if offset + 3 > len(clx):
            raise CorruptDocument("doc: piece table cut short")
        (size,) = struct.unpack_from("<h", clx, offset + 1)
        if size < 0:
            raise CorruptDocument("doc: malformed property modifier")
        offset += 3 + size
    if offset + 5 > len(clx) or clx[offset] != CLX_PCDT:
        raise CorruptDocument("doc: no piece table in the CLX")
    (size,) = struct.unpack_from("<I", clx, offset + 1)
    plc = clx[offset + 5:offset + 5 + size]
    if size != len(plc) or size < 4 or (size - 4) % (4 + PCD_SIZE):
        raise CorruptDocument("doc: piece table size does not fit")
    count = (size - 4) // (4 + PCD_SIZE)
    positions = struct.unpack_from(f"<{count + 1}i", plc, 0)
    pieces: list[tuple[int, int, int, bool]] = []
    for index in range(count):
        start, end = positions[index], positions[index + 1]
        if start < 0 or end < start:
            raise CorruptDocument("doc: piece positions out of order")
        (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + index * PCD_SIZE + 2)
        compressed = bool(fc & PIECE_COMPRESSED)
        byte_offset = (fc & PIECE_FC_MASK) // 2 if compressed else fc & PIECE_FC_MASK
        pieces.append((start, end - start, byte_offset, compressed))
    return pieces


def _decode_pieces(word_document: bytes, pieces: list[tuple[int, int, int, bool]], max_chars: int) -> tuple[str, bool]:
    """The document's characters, at most `max_chars` of them (True when some were left)."""
    parts: list[str] = []
    remaining = max_chars
    for _, length, byte_offset, compressed in pieces:
        if remaining <= 0:
            return "".join(parts), True
        width = 1 if compressed else 2
        if byte_offset + length * width > len(word_document):
            raise CorruptDocument("doc: a piece lies outside the main stream")
        taken = min(length, remaining)
        raw = word_document[byte_offset:byte_offset + taken * width]
        # cp1252 leaves five bytes undefined; Word maps them as latin-1 does.
        parts.append(raw.decode("cp1252", errors="replace") if compressed else raw.decode("utf-16-le", errors="replace"))
        remaining -= taken
        if taken < length:
            return "".join(parts), True
    return "".join(parts), False


def _drop_field_instructions(text: str) -> str:
    """A field's shown result stays and its instructions go (`HYPERLINK "mailto:…"`, `PAGE`, `TOC \\o`):
    the text between a field's begin and separator marks, fields nested to any depth."""
    if FIELD_BEGIN not in text:
        return text
    kept: list[str] = []
    # One entry per open field: True while its instructions are being read.
    open_fields: list[bool] = []
    for token in FIELD_MARKS.split(text):
        if token == FIELD_BEGIN:
            open_fields.append(True)
        elif token == FIELD_SEPARATOR:
            if open_fields:
                open_fields[-1] = False
        elif token == FIELD_END:
            if open_fields:
                open_fields.pop()
        elif not any(open_fields):
            kept.append(token)
    return "".join(kept)


def _add_paragraphs_and_tables(out: Extracted, text: str, limits: Limits) -> int:
    """Paragraphs as PROSE and tables as typed cells (their first row the header), as docx's are read;
    returns the number of tables. A paragraph ends in \r; a table cell ends in a cell mark and a row in
    one more (the row's own mark), with no paragraph mark between the rows of a table."""
    text = CONTROL_CHARACTERS.sub("", text.translate(LINE_BREAKS))
    tables = 0
    for paragraph in text.split(PARAGRAPH_END):
        if CELL_MARK not in paragraph:
            out.add(SegmentKind.PROSE, paragraph)
            continue
        *marked, after_table = paragraph.split(CELL_MARK)
        rows = _table_rows(marked)
        if rows is None:
            out.add(SegmentKind.PROSE, "\t".join(marked))
        else:
            add_table(out, tables, rows, limits)
            tables += 1
        out.add(SegmentKind.PROSE, after_table)
    return tables


def _table_rows(marked: list[str]) -> list[list[str]] | None:
    """Rows of cells from the text between cell marks: every row as many cells as the first, then an
    empty string (its row mark). None when the marks do not fall into such rows, as when a cell holds
    several paragraphs or rows differ in width (merged cells): the text is then read as prose. Telling
    those apart needs the paragraph properties (fInTable, fTtp), which this reader does not parse."""
    if "" not in marked:
        return None
    width = marked.index("")
    if width == 0 or len(marked) % (width + 1):
        return None
    rows = [marked[start:start + width + 1] for start in range(0, len(marked), width + 1)]
    if any(row[-1] for row in rows):
        return None
    return [[cell.strip() for cell in row[:-1]] for row in rows]
