"""Tar archives, bare gzip/bzip2/xz streams and 7z archives, read in memory.

Sizes are counted while decompressing, in chunks, and reading stops as soon as
a limit is passed: sizes declared in headers are never trusted to be small.
Nothing is ever written to disk from a member name: names like `../../x` or
`/etc/x` are labels only, and link members are never followed.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import struct
import tarfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import py7zr
import py7zr.exceptions
import py7zr.io

from classifier.extract.bounded import Inflation, ratio_exceeded
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded, reason_from
from classifier.limits import RATIO_GRACE_BYTES, Limits
from classifier.records import Extracted, Member

GZIP_MAGIC = b"\x1f\x8b"
XZ_MAGIC = b"\xfd7zXZ\x00"
# A link or device member is a label for something outside the archive; it is
# recorded as a member with this problem (counted, never followed).
LINK_SKIPPED = "link member not followed"
SPECIAL_SKIPPED = "special member skipped"

# Errors the standard decompressors raise on malformed or truncated input.
STREAM_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError, struct.error)
TAR_ERRORS: tuple[type[Exception], ...] = (tarfile.TarError, *STREAM_ERRORS)


# --- tar ---------------------------------------------------------------------------------------


def extract_tar(data: bytes, name: str, limits: Limits) -> Extracted:
    """Tar, plain or gzip/bzip2/xz compressed; regular file members only."""
    archive = _open_tar(data, limits)
    out = Extracted(structure=frozenset({"archive"}))
    inflation = Inflation(limits)
    entries = 0
    with archive:
        while True:
            try:
                info = archive.next()
            except TAR_ERRORS as exc:
                raise CorruptDocument(f"tar: {reason_from(exc)}") from None
            if info is None:
                break
            # tarfile keeps every header it has read, directories too: all count.
            entries += 1
            if entries > limits.max_members:
                raise LimitExceeded("max_members")
            if info.isdir():
                continue
            modified = _tar_date(info)
            if info.issym() or info.islnk():
                out.members.append(Member(info.name, b"", modified, problem=LINK_SKIPPED))
                continue
            if not info.isfile():  # character/block devices, FIFOs, unknown types
                out.members.append(Member(info.name, b"", modified, problem=SPECIAL_SKIPPED))
                continue
            if info.size > limits.max_member_bytes:
                # Not read; stepping over it still decompresses it, within the stream bound.
                out.members.append(Member(info.name, b"", modified, problem="max_member_bytes"))
                continue
            try:
                stream = archive.extractfile(info)
                if stream is None:
                    out.members.append(Member(info.name, b"", modified, problem=SPECIAL_SKIPPED))
                    continue
                with stream:
                    # The ratio is the whole stream's, checked by _BoundedStream.
                    content = inflation.read(stream, None)
            except LimitExceeded as exc:
                if str(exc) != "max_member_bytes":
                    raise
                out.members.append(Member(info.name, b"", modified, problem="max_member_bytes"))
                continue
            except TAR_ERRORS as exc:
                raise CorruptDocument(f"tar: {reason_from(exc)}") from None
            out.members.append(Member(info.name, content, modified))
            if modified:
                out.metadata_dates.append(modified)
        out.inflated = archive.fileobj.tell() if archive.fileobj is not None else 0
    return out


class _BoundedStream:
    """A decompressed tar stream that cannot be read or sought past `limit` bytes.

    tarfile reads pax and GNU long-name headers whole, in one read of the size
    their header claims; this bounds those reads too, and every byte stepped over.
    """

    def __init__(self, inner: io.BufferedIOBase | io.BytesIO, limits: Limits, compressed_size: int) -> None:
        self.inner = inner
        self.limits = limits
        self.limit = limits.max_container_bytes
        self.single_read_limit = limits.max_member_bytes
        self.compressed_size = compressed_size

    def read(self, size: int | None = -1) -> bytes:
        room = self.limit - self.inner.tell()
        wanted = room + 1 if size is None or size < 0 else min(size, room + 1)
        if wanted > self.single_read_limit:
            raise LimitExceeded("max_member_bytes")
        chunk = self.inner.read(wanted)
        if self.inner.tell() > self.limit:
            raise LimitExceeded("max_container_bytes")
        if ratio_exceeded(self.inner.tell(), self.compressed_size, self.limits):
            raise LimitExceeded("max_ratio")
        return chunk

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET and offset > self.limit:
            raise LimitExceeded("max_container_bytes")
        if whence == io.SEEK_SET and ratio_exceeded(offset, self.compressed_size, self.limits):
            raise LimitExceeded("max_ratio")
        return self.inner.seek(offset, whence)

    def tell(self) -> int:
        return self.inner.tell()

    def write(self, data: bytes) -> int:
        raise io.UnsupportedOperation("read only")

    def close(self) -> None:
        self.inner.close()


def _decompressed(data: bytes) -> io.BufferedIOBase | io.BytesIO:
    stream = io.BytesIO(data)
    if data.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=stream, mode="rb")
    if data.startswith(b"BZh"):
        return bz2.BZ2File(stream, mode="rb")
    if data.startswith(XZ_MAGIC):
        return lzma.LZMAFile(stream, mode="rb")
    return stream


def _open_tar(data: bytes, limits: Limits) -> tarfile.TarFile:
    # We choose the decompressor (not "r:*") so that the decompressed stream
    # passes through _BoundedStream; forward seeks on it decompress and discard.
    bounded = _BoundedStream(_decompressed(data), limits, len(data))
    try:
        return tarfile.open(fileobj=bounded, mode="r:")
    except LimitExceeded:
        raise
    except TAR_ERRORS as exc:
        raise CorruptDocument(f"tar: {reason_from(exc)}") from None


def _tar_date(info: tarfile.TarInfo) -> str | None:
    return epoch_date(int(info.mtime))


def epoch_date(seconds: int) -> str | None:
    if seconds <= 0:  # no date was stored
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


# --- bare compressed streams ------------------------------------------------------------------

GZIP_FHCRC, GZIP_FEXTRA, GZIP_FNAME, GZIP_FCOMMENT = 0x02, 0x04, 0x08, 0x10
MAX_GZIP_NAME = 1024
TAR_SUFFIXES = {".tgz": ".tar", ".taz": ".tar", ".tbz": ".tar", ".tbz2": ".tar", ".tb2": ".tar", ".txz": ".tar"}


def extract_gzip(data: bytes, name: str, limits: Limits) -> Extracted:
    """A bare .gz (a .tar.gz too: its one member is the tar, read by the tar extractor)."""
    if not data.startswith(GZIP_MAGIC):
        raise CorruptDocument("gzip: not a gzip stream")
    if _holds_tar(data):  # one container with the archive's members (the contract's `x.tar.gz!/a.zip`)
        return extract_tar(data, name, limits)
    original_name, mtime = _gzip_header(data)
    member_name = original_name or _strip_suffix(name, (".gz", ".gzip", ".z"))
    return _single_member(data, member_name, epoch_date(mtime), limits, "gzip",
                          lambda stream: gzip.GzipFile(fileobj=stream, mode="rb"), _gzip_body(data))


def extract_bzip2(data: bytes, name: str, limits: Limits) -> Extracted:
    if _holds_tar(data):
        return extract_tar(data, name, limits)
    return _single_member(data, _strip_suffix(name, (".bz2", ".bzip2", ".bz")), None, limits, "bzip2",
                          lambda stream: bz2.BZ2File(stream, mode="rb"))


def extract_xz(data: bytes, name: str, limits: Limits) -> Extracted:
    """.xz and legacy .lzma (lzma.FORMAT_AUTO)."""
    if data.startswith(XZ_MAGIC) and _holds_tar(data):
        return extract_tar(data, name, limits)
    return _single_member(data, _strip_suffix(name, (".xz", ".lzma")), None, limits, "xz",
                          lambda stream: lzma.LZMAFile(stream, mode="rb"))


def _single_member(data: bytes, member_name: str, modified: str | None, limits: Limits, label: str,
                   opener: Callable[[io.BytesIO], io.BufferedIOBase], stored: bytes = b"") -> Extracted:
    """`stored` is the member's compressed form apart from the container's own header, for the
    record of a member refused at a limit (see archive.stored_member_bytes)."""
    out = Extracted(structure=frozenset({"archive"}))
    inflation = Inflation(limits)
    try:
        with opener(io.BytesIO(data)) as stream:
            content = inflation.read(stream, len(data))
    except LimitExceeded as exc:
        if str(exc) == "max_container_bytes":
            raise
        out.members.append(Member(member_name, stored, modified, problem=str(exc)))
        out.inflated = inflation.total
        return out
    except STREAM_ERRORS as exc:
        raise CorruptDocument(f"{label}: {reason_from(exc)}") from None
    out.inflated = inflation.total
    out.members.append(Member(member_name, content, modified))
    if modified:
        out.metadata_dates.append(modified)
    return out


TAR_MAGIC_OFFSET = 257


def _holds_tar(data: bytes) -> bool:
    """A tar header in the first decompressed block ("ustar" magic, POSIX and GNU alike)."""
    try:
        with _decompressed(data) as stream:
            head = stream.read(512)
    except STREAM_ERRORS:
        return False
    return head[TAR_MAGIC_OFFSET:TAR_MAGIC_OFFSET + 5] == b"ustar"


def _gzip_header(data: bytes) -> tuple[str | None, int]:
    """The original file name (FNAME, ISO 8859-1) and MTIME from a gzip member header (RFC 1952)."""
    if len(data) < 10:
        return None, 0
    flags = data[3]
    (mtime,) = struct.unpack_from("<I", data, 4)
    position = 10
    if flags & GZIP_FEXTRA:
        if len(data) < position + 2:
            return None, mtime
        (extra_len,) = struct.unpack_from("<H", data, position)
        position += 2 + extra_len
    if not flags & GZIP_FNAME:
        return None, mtime
    end = data.find(b"\x00", position, position + MAX_GZIP_NAME)
    if end < 0:
        return None, mtime
    original = data[position:end].decode("latin-1")
    # Only the final path component: the header is written by whoever made the file.
    original = original.replace("\\", "/").rsplit("/", 1)[-1]
    return (original or None), mtime


def _gzip_body(data: bytes) -> bytes:
    """The deflate data of a gzip member: after the header's optional fields, before the trailer."""
    flags = data[3] if len(data) > 3 else 0
    position = 10
    if flags & GZIP_FEXTRA and len(data) >= position + 2:
        position += 2 + struct.unpack_from("<H", data, position)[0]
    for flag in (GZIP_FNAME, GZIP_FCOMMENT):
        if flags & flag:
            end = data.find(b"\x00", position)
            position = end + 1 if end >= 0 else len(data)
    if flags & GZIP_FHCRC:
        position += 2
    return data[position:-8]


def _strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    lower = base.lower()
    for suffix, replacement in TAR_SUFFIXES.items():
        if lower.endswith(suffix):
            return base[: -len(suffix)] + replacement
    for suffix in suffixes:
        if lower.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base + ".decompressed" if base else "decompressed"


# --- 7z ----------------------------------------------------------------------------------------

SEVEN_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    py7zr.exceptions.ArchiveError, EOFError, OSError, ValueError, KeyError, IndexError, TypeError, struct.error,
    zlib.error, lzma.LZMAError, AssertionError,  # py7zr asserts on some malformed headers
)


class _BoundedWriter(py7zr.io.Py7zIO):
    """Receives one member's decompressed chunks; refuses to grow past the member limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.buffer = io.BytesIO()

    def write(self, s: bytes | bytearray) -> int:
        if self.buffer.tell() + len(s) > self.limit:
            raise LimitExceeded("max_member_bytes")
        return self.buffer.write(s)

    def read(self, size: int | None = None) -> bytes:
        return self.buffer.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.buffer.seek(offset, whence)

    def flush(self) -> None:
        pass

    def size(self) -> int:
        return len(self.buffer.getbuffer())


class _WriterFactory(py7zr.io.WriterFactory):
    """Hands py7zr one in-memory writer per member, keyed by our own member id (not by file name)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.writers: dict[str, _BoundedWriter] = {}

    def create(self, filename: str) -> py7zr.io.Py7zIO:
        writer = _BoundedWriter(self.limit)
        self.writers[filename] = writer
        return writer


def extract_7z(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        archive = py7zr.SevenZipFile(io.BytesIO(data), mode="r")
    except py7zr.exceptions.PasswordRequired:  # the header itself is encrypted
        raise EncryptedDocument("7z: encrypted") from None
    except SEVEN_ZIP_ERRORS as exc:
        raise CorruptDocument(f"7z: {reason_from(exc)}") from None
    try:
        return _read_7z(archive, limits, len(data))
    finally:
        archive.close()


def _read_7z(archive: py7zr.SevenZipFile, limits: Limits, compressed_size: int) -> Extracted:
    if archive.needs_password():
        raise EncryptedDocument("7z: encrypted")
    out = Extracted(structure=frozenset({"archive"}))
    factory = _WriterFactory(limits.max_member_bytes)
    # (writer key, member) in archive order; members with a problem have no key.
    planned: list[tuple[str | None, Member]] = []
    declared_total = 0
    for entry in archive.files:
        if entry.is_directory:
            continue
        if len(planned) >= limits.max_members:
            raise LimitExceeded("max_members")
        member_name = entry.filename
        modified = _filetime_date(entry.lastwritetime)
        if entry.is_symlink or entry.is_junction:
            planned.append((None, Member(member_name, b"", modified, problem=LINK_SKIPPED)))
            continue
        if entry.is_socket:
            planned.append((None, Member(member_name, b"", modified, problem=SPECIAL_SKIPPED)))
            continue
        if entry.uncompressed > limits.max_member_bytes:
            # py7zr decompresses a member up to its declared size and no further, so a
            # member declared small cannot grow; one declared large is not read at all.
            planned.append((None, Member(member_name, b"", modified, problem="max_member_bytes")))
            continue
        declared_total += entry.uncompressed
        key = str(entry.id)
        # A writer registered directly by id: py7zr's extract() would sanitise
        # names into output paths and refuse the whole archive over one `../x` name.
        archive.worker.register_filelike(entry.id, py7zr.io.MemIO(key, factory))
        planned.append((key, Member(member_name, b"", modified)))
    if declared_total > limits.max_container_bytes:
        raise LimitExceeded("max_container_bytes")
    # Decompressing stops at the smaller of the container limit and the ratio limit (over the
    # whole archive, whose members py7zr cannot meter one by one).
    bound, bound_name = limits.max_container_bytes, "max_container_bytes"
    by_ratio = max(RATIO_GRACE_BYTES, limits.max_ratio * compressed_size)
    if by_ratio < bound:
        bound, bound_name = by_ratio, "max_ratio"
    if declared_total > bound:
        raise LimitExceeded(bound_name)
    # Every decompressed byte counts against the bound, while decompressing: also those
    # of members of a solid block that are skipped (decompressed for the CRC check).
    archive.worker.max_extract_size = bound
    try:
        archive.worker.extract(archive.fp, None, parallel=False)
    except py7zr.exceptions.PasswordRequired:
        raise EncryptedDocument("7z: encrypted") from None
    except py7zr.exceptions.DecompressionBombError:
        raise LimitExceeded(bound_name) from None
    except SEVEN_ZIP_ERRORS as exc:
        raise CorruptDocument(f"7z: {reason_from(exc)}") from None
    for writer_key, member in planned:
        if writer_key is None:
            out.members.append(member)
            continue
        writer = factory.writers.get(writer_key)
        content = writer.buffer.getvalue() if writer is not None else b""
        out.inflated += len(content)
        out.members.append(Member(member.name, content, member.modified))
        if member.modified:
            out.metadata_dates.append(member.modified)
    return out


FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


def _filetime_date(filetime: int | None) -> str | None:
    """A Windows FILETIME (100 ns ticks since 1601) as an ISO date."""
    if not filetime:
        return None
    try:
        return (FILETIME_EPOCH + timedelta(microseconds=int(filetime) // 10)).date().isoformat()
    except (OverflowError, ValueError):
        return None
