"""RAR archives (RAR 4 and RAR 5), read in memory through libarchive (libarchive-c).

Members are decompressed a chunk at a time into the container's Inflation meter, as tar and 7z
members are (compressed.py): a member declared larger than max_member_bytes is decompressed
without being kept (so that a solid archive's next member can be reached, counted against the
container), and the whole archive stops at max_container_bytes or past max_ratio of its own size.
Nothing is ever written to disk: names like `../../x` are labels only, and link members are never
followed.

The headers are also walked here, without decompressing anything, for what Debian 12's libarchive
(3.6.2) does not say: that a RAR 5 member is encrypted (it hands out the ciphertext as if it were
the member), that the headers themselves are encrypted, why it stopped (a solid or commented RAR 4
archive, RAR 1.5-2.x compression, one part of a multi-volume archive, bytes cut off), and the
stored bytes of encrypted members, whose hash then tells different encrypted members apart
(archive.stored_member_bytes does the same for zip).
"""

from __future__ import annotations

import ctypes
import logging
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from libarchive import ffi
from libarchive.entry import ArchiveEntry
from libarchive.exception import ArchiveError
from libarchive.read import ArchiveRead

from classifier.extract.bounded import READ_CHUNK, Inflation, ratio_exceeded
from classifier.extract.compressed import LINK_SKIPPED, SPECIAL_SKIPPED, epoch_date
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded, UnsupportedDocument
from classifier.limits import Limits
from classifier.records import Extracted, Member

MEMBER_DAMAGED = "rar member: compressed data is damaged"
OLD_METHOD = "rar: RAR 1.5-2.x compression not supported (libarchive reads RAR 2.9 and later)"
RAR4_SIGNATURE = b"Rar!\x1a\x07\x00"
RAR5_SIGNATURE = b"Rar!\x1a\x07\x01\x00"


@dataclass(frozen=True)
class FileHeader:
    """One file header as stored: whether its data is encrypted, and where its data lies."""

    encrypted: bool
    data_start: int
    data_size: int
    old_method: bool = False  # RAR 1.5-2.x compression, which libarchive does not decode
    split: bool = False  # its data begins in the previous part of a multi-volume archive or goes on in the next


@dataclass(frozen=True)
class Layout:
    """What the headers say before anything is decompressed."""

    files: tuple[FileHeader, ...]
    headers_encrypted: bool = False
    # Blocks libarchive 3.6 refuses, ending the archive there: RAR 4's solid flag (on solid members, and
    # on the comment and owner blocks of RAR 3), and RAR 1.5-2.x's comment in the main header.
    rar4_refused: bool = False
    volume: bool = False  # one part of a multi-volume archive: its last member goes on in the next part
    cut_off: bool = False  # a header or its data runs past the end of the bytes


def extract_rar(data: bytes, name: str, limits: Limits) -> Extracted:
    layout = rar_layout(data)
    if layout.headers_encrypted:
        raise EncryptedDocument("rar: encrypted")
    out = Extracted(structure=frozenset({"archive"}))
    inflation = Inflation(limits)
    # libarchive-c logs libarchive's warnings (a name it cannot convert); the member is still read.
    logging.getLogger("libarchive").setLevel(logging.ERROR)
    archive_p = ffi.read_new()
    buffer = ctypes.c_char_p(data)  # the bytes themselves, not a copy; kept alive while libarchive reads them
    try:
        for support in (_SUPPORT_RAR4, _SUPPORT_RAR5):
            if support(archive_p) != 0:
                raise UnsupportedDocument("rar: this libarchive has no RAR reader")
        ffi.read_open_memory(archive_p, ctypes.cast(buffer, ctypes.c_void_p), len(data))
        _read_members(ArchiveRead(archive_p), layout, data, limits, inflation, out)
    except ArchiveError:
        raise _archive_problem(layout) from None
    finally:
        ffi.read_free(archive_p)
    if layout.cut_off:  # libarchive may end a cut-off archive quietly, at the last whole header
        raise CorruptDocument("rar: cut off before its end")
    out.inflated = inflation.total
    return out


def _archive_problem(layout: Layout) -> Exception:
    """The archive could not be read on: why, from its headers (libarchive's messages are not quoted)."""
    if layout.cut_off:
        return CorruptDocument("rar: cut off before its end")
    if any(header.encrypted for header in layout.files):  # libarchive 3.6 stops at RAR 4's encrypted members
        return EncryptedDocument("rar: encrypted members")
    if layout.volume:
        return UnsupportedDocument("rar: one part of a multi-volume archive")
    if any(header.old_method for header in layout.files):
        return UnsupportedDocument(OLD_METHOD)
    if layout.rar4_refused:
        return UnsupportedDocument("rar: solid or commented RAR 4 archive (libarchive reads only its first member)")
    return CorruptDocument("rar: damaged (libarchive cannot read it)")


def _read_members(archive: ArchiveRead, layout: Layout, data: bytes, limits: Limits, inflation: Inflation,
                  out: Extracted) -> None:
    for index, entry in enumerate(archive):
        # Every header counts, directories too (as tar's): a million empty ones are still work.
        if index >= limits.max_members:
            raise LimitExceeded("max_members")
        if entry.isdir:
            continue
        member_name = _entry_name(entry)
        modified = epoch_date(int(entry.mtime)) if entry.mtime else None
        header = layout.files[index] if index < len(layout.files) else None
        if entry.islnk or entry.issym:  # hard links are regular files for libarchive too
            out.members.append(Member(member_name, b"", modified, problem=LINK_SKIPPED))
            continue
        if not entry.isreg:
            out.members.append(Member(member_name, b"", modified, problem=SPECIAL_SKIPPED))
            continue
        if _is_data_encrypted(entry._entry_p) or (header is not None and header.encrypted):
            stored = data[header.data_start:header.data_start + header.data_size] if header is not None else b""
            out.members.append(Member(member_name, stored, modified, encrypted=True))
            continue
        blocks = _Blocks(entry, inflation, len(data))
        try:
            if entry.size is not None and entry.size > limits.max_member_bytes:
                # libarchive stops a member at its declared size: one declared small cannot grow.
                inflation.discard(blocks)
                out.members.append(Member(member_name, b"", modified, problem="max_member_bytes"))
                continue
            content = inflation.read(blocks, None)
        except LimitExceeded as exc:
            if str(exc) != "max_member_bytes":
                raise
            inflation.discard(blocks)
            out.members.append(Member(member_name, b"", modified, problem="max_member_bytes"))
            continue
        except ArchiveError:
            # A bad CRC or damaged data. When libarchive cannot go on, its next header says so.
            problem = MEMBER_DAMAGED
            if header is not None and header.old_method:
                problem = f"rar member: {OLD_METHOD.removeprefix('rar: ')}"
            elif header is not None and header.split:
                problem = "rar member: split across the parts of a multi-volume archive"
            out.members.append(Member(member_name, b"", modified, problem=problem))
            continue
        out.members.append(Member(member_name, content, modified))
        if modified:
            out.metadata_dates.append(modified)


class _Blocks:
    """One member's decompressed chunks (a ByteStream), checked against the whole archive's ratio:
    libarchive does not say how many compressed bytes a member took."""

    def __init__(self, entry: ArchiveEntry, inflation: Inflation, compressed_size: int) -> None:
        self.chunks: Iterator[bytes] = entry.get_blocks(READ_CHUNK)
        self.inflation = inflation
        self.compressed_size = compressed_size

    def read(self, size: int = -1, /) -> bytes:
        chunk = next(self.chunks, b"")
        if ratio_exceeded(self.inflation.total + len(chunk), self.compressed_size, self.inflation.limits):
            raise LimitExceeded("max_ratio")
        return bytes(chunk)


def _bound(name: str, restype: type[ctypes.c_int | ctypes.c_char_p]) -> Callable[[int], object]:
    function = getattr(ffi.libarchive, name)
    function.argtypes = [ctypes.c_void_p]
    function.restype = restype
    return cast(Callable[[int], object], function)


# libarchive-c binds none of these; all are in libarchive since 3.3 (RAR 4 sets the encryption flag, RAR 5
# does not in 3.6). Only RAR readers are enabled: the bytes were sniffed as RAR, and no other format's
# reader (nor a decompression filter) should get to interpret them.
_SUPPORT_RAR4 = _bound("archive_read_support_format_rar", ctypes.c_int)
_SUPPORT_RAR5 = _bound("archive_read_support_format_rar5", ctypes.c_int)
_IS_DATA_ENCRYPTED = _bound("archive_entry_is_data_encrypted", ctypes.c_int)
_PATHNAME_UTF8 = _bound("archive_entry_pathname_utf8", ctypes.c_char_p)


def _is_data_encrypted(entry_p: int) -> bool:
    flag = _IS_DATA_ENCRYPTED(entry_p)
    return isinstance(flag, int) and flag > 0  # -1: the format cannot tell


def _entry_name(entry: ArchiveEntry) -> str:
    """The name as UTF-8 bytes from libarchive (whatever the locale), bytes that are not UTF-8 kept
    as surrogateescape text, which names.py writes as `%XX`."""
    raw = _PATHNAME_UTF8(entry._entry_p)
    if not isinstance(raw, bytes):
        path = entry.pathname
        if isinstance(path, str):
            return path
        raw = path if isinstance(path, bytes) else b""
    return raw.decode("utf-8", errors="surrogateescape")


# --- headers --------------------------------------------------------------------------------------


def rar_layout(data: bytes) -> Layout:
    if data.startswith(RAR5_SIGNATURE):
        return _rar5_layout(data)
    if data.startswith(RAR4_SIGNATURE):
        return _rar4_layout(data)
    return Layout(files=())


RAR4_BLOCK = struct.Struct("<HBHH")
RAR4_MAIN, RAR4_FILE, RAR4_SERVICE, RAR4_END = 0x73, 0x74, 0x7A, 0x7B
RAR4_LONG_BLOCK = 0x8000  # an ADD_SIZE (for a file: its packed size) follows the block header
RAR4_VOLUME, RAR4_OLD_COMMENT, RAR4_SOLID, RAR4_HEADERS_ENCRYPTED = 0x0001, 0x0002, 0x0008, 0x0080  # main header flags
RAR4_FILE_SPLIT, RAR4_FILE_ENCRYPTED, RAR4_FILE_SOLID, RAR4_FILE_LARGE = 0x0003, 0x0004, 0x0010, 0x0100  # file header flags
RAR4_HIGH_PACK_SIZE = 32  # offset of HIGH_PACK_SIZE in a file header with RAR4_FILE_LARGE
RAR4_UNPACK_VERSION, RAR4_METHOD = 24, 25  # offsets in a file header
RAR4_STORED, RAR4_FIRST_DECODED_VERSION = 0x30, 29


def _rar4_layout(data: bytes) -> Layout:
    """RAR 1.5-4.x blocks (RAR's technote.txt): CRC16, type, flags, size[, ADD_SIZE]."""
    files: list[FileHeader] = []
    refused = volume = False
    position = len(RAR4_SIGNATURE)
    while position + RAR4_BLOCK.size <= len(data):
        _, block_type, flags, header_size = RAR4_BLOCK.unpack_from(data, position)
        if header_size < RAR4_BLOCK.size:
            break
        if block_type == RAR4_MAIN:
            refused, volume = bool(flags & (RAR4_SOLID | RAR4_OLD_COMMENT)), bool(flags & RAR4_VOLUME)
            if flags & RAR4_HEADERS_ENCRYPTED:
                return Layout(tuple(files), headers_encrypted=True)
        if block_type == RAR4_END:
            return Layout(tuple(files), rar4_refused=refused, volume=volume)
        added = 0
        if flags & RAR4_LONG_BLOCK:
            if position + RAR4_BLOCK.size + 4 > len(data):
                break
            (added,) = struct.unpack_from("<I", data, position + RAR4_BLOCK.size)
        if block_type == RAR4_FILE and flags & RAR4_FILE_LARGE and position + RAR4_HIGH_PACK_SIZE + 4 <= len(data):
            added |= struct.unpack_from("<I", data, position + RAR4_HIGH_PACK_SIZE)[0] << 32
        data_start = position + header_size
        if block_type in (RAR4_FILE, RAR4_SERVICE):
            refused = refused or bool(flags & RAR4_FILE_SOLID)
        if block_type == RAR4_FILE:
            old_method = (position + RAR4_METHOD < len(data) and data[position + RAR4_METHOD] != RAR4_STORED
                          and data[position + RAR4_UNPACK_VERSION] < RAR4_FIRST_DECODED_VERSION)
            files.append(FileHeader(bool(flags & RAR4_FILE_ENCRYPTED), data_start, added, old_method,
                                    bool(flags & RAR4_FILE_SPLIT)))
        position = data_start + added
    # Archives of RAR before 3.0 may end without an end block, exactly at the last member's data.
    return Layout(tuple(files), rar4_refused=refused, volume=volume, cut_off=position != len(data))


RAR5_MAIN, RAR5_FILE, RAR5_ENCRYPTION, RAR5_END = 1, 2, 4, 5
RAR5_VOLUME = 0x0001  # archive flags of the main header
RAR5_HAS_EXTRA, RAR5_HAS_DATA, RAR5_SPLIT = 0x0001, 0x0002, 0x0018  # header flags
RAR5_FILE_ENCRYPTION_RECORD = 0x01


def _vint(data: bytes, position: int) -> tuple[int, int]:
    """A RAR 5 variable-length integer (7 bits a byte, low first) and the position after it."""
    value, shift = 0, 0
    while position < len(data) and shift < 70:
        byte = data[position]
        value |= (byte & 0x7F) << shift
        position += 1
        if not byte & 0x80:
            return value, position
        shift += 7
    raise IndexError("vint runs past the data")


def _rar5_layout(data: bytes) -> Layout:
    """RAR 5 blocks (rarlab's "RAR 5.0 archive format"): CRC32, header size, type, flags[, extra
    area size][, data size], type-specific fields, then the extra area's records."""
    files: list[FileHeader] = []
    volume = False
    position = len(RAR5_SIGNATURE)
    try:
        while position + 4 < len(data):
            header_size, fields = _vint(data, position + 4)
            header_end = fields + header_size
            block_type, cursor = _vint(data, fields)
            flags, cursor = _vint(data, cursor)
            extra_size, data_size = 0, 0
            if flags & RAR5_HAS_EXTRA:
                extra_size, cursor = _vint(data, cursor)
            if flags & RAR5_HAS_DATA:
                data_size, cursor = _vint(data, cursor)
            if block_type == RAR5_ENCRYPTION:
                return Layout(tuple(files), headers_encrypted=True)
            if block_type == RAR5_MAIN:
                archive_flags, _ = _vint(data, cursor)
                volume = bool(archive_flags & RAR5_VOLUME)
            if block_type == RAR5_END:
                return Layout(tuple(files), volume=volume)
            if block_type == RAR5_FILE:
                encrypted = _has_record(data, header_end - extra_size, header_end, RAR5_FILE_ENCRYPTION_RECORD)
                files.append(FileHeader(encrypted, header_end, data_size, split=bool(flags & RAR5_SPLIT)))
            position = header_end + data_size
    except IndexError:
        pass
    return Layout(tuple(files), volume=volume, cut_off=True)  # no end-of-archive header within the bytes


def _has_record(data: bytes, start: int, end: int, wanted: int) -> bool:
    position = start
    while position < end:
        size, cursor = _vint(data, position)
        record_type, _ = _vint(data, cursor)
        if record_type == wanted:
            return True
        if size == 0:
            return False
        position = cursor + size
    return False
