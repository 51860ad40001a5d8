"""Bytes -> MIME type (libmagic via python-magic), refined where libmagic is vague.

libmagic names most OOXML/ODF packages correctly only when it sees the whole
file, and calls CSV "text/plain"; we look inside packages and at the name's
extension for text subtypes, and flag names whose extension contradicts the bytes.
Which names fit which type, and which types are text, is the format table's (formats.py).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import magic
import olefile

from classifier import mail_bytes
from classifier.formats import BINARY_EXTENSIONS, BY_MIME, KNOWN_EXTENSIONS, TEXT_BY_EXTENSION, is_text

# libmagic reads at most this much of a buffer for its tests (its default
# "bytes" parameter is 1 MiB); passing more only costs a copy.
MAGIC_BYTES = 1 << 20

OOXML_BY_PART = (
    ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)

# libmagic guesses script languages from a few keywords and calls many
# README files Python; for these guesses the name's extension decides.
VAGUE_TEXT_TYPES = ("text/plain", "text/x-script.")
# Compound (OLE2) files: Office 97-2003 documents, Outlook items, encrypted OOXML. libmagic places
# one by the streams of its directory, which it finds only in the first MiB it reads: a .doc longer
# than that, or one cut short, is "x-ole-storage". The stream that says what the file is decides.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
VAGUE_OLE_TYPES = frozenset({"application/x-ole-storage", "application/CDFV2", "application/CDFV2-corrupt"})
OLE_BY_STREAM = (
    ("WordDocument", "application/msword"),
    ("PowerPoint Document", "application/vnd.ms-powerpoint"),
    ("Workbook", "application/vnd.ms-excel"),
    ("Book", "application/vnd.ms-excel"),  # BIFF5, Excel 95
    ("__properties_version1.0", "application/vnd.ms-outlook"),
    ("EncryptedPackage", "application/encrypted"),
)
# Outlook data files (PST, OST) start with this signature ([MS-PST] 2.2.2.6).
PST_MAGIC = b"!BDN"
# libmagic's guesses that a message's body can cause; the header block decides (mail_bytes).
MAIL_GUESSES = ("text/", "application/octet-stream", "application/mbox", "message/")


# What zipfile raises on a damaged or hostile directory (NotImplementedError: an unknown
# "version needed to extract"; struct.error and EOFError: truncated records).
ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError, struct.error)


@dataclass(frozen=True)
class Sniffed:
    mime: str
    extension_mismatch: bool


class Sniffer:
    """One libmagic handle per process (handles are not safe to share across forks)."""

    def __init__(self) -> None:
        self._magic = magic.Magic(mime=True)

    def sniff(self, data: bytes, name: str) -> Sniffed:
        mime = self._magic.from_buffer(data[:MAGIC_BYTES]) if data else "application/x-empty"
        mime = refine_mime(mime, data, name)
        return Sniffed(mime, extension_mismatch(mime, name))


# Extensions of plain-text files; libmagic's weaker binary tests sometimes
# claim them (a contract that starts with "IN" reads as HP-GL plotter code).
PLAIN_TEXT_EXTENSIONS = frozenset({".txt", ".text", ".log", ".md", ".csv", ".tsv"})
WEAK_BINARY_GUESSES = frozenset({"application/vnd.hp-HPGL", "application/octet-stream", "text/x-Algol68"})


def looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        decoded = sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # a multi-byte character cut at the sample's end is fine
            return False
        decoded = sample[: exc.start].decode("utf-8")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in decoded)
    return printable >= 0.97 * max(len(decoded), 1)


UTF16_SAMPLE = 4096


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text written as UTF-16 without a byte-order mark (Windows
    tools' exports, registry dumps), which libmagic calls octet-stream: nearly every other byte
    zero and the bytes between them not. None otherwise."""
    sample = data[:UTF16_SAMPLE]
    if len(sample) < 16 or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    for zeros, letters, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.02 * len(letters):
            # Raw 16-bit samples of small values have the same zeros: text is also printable.
            decoded = sample.decode(encoding, errors="replace")
            if sum(ch.isprintable() or ch in "\r\n\t" for ch in decoded) >= 0.95 * len(decoded):
                return encoding
    return None


def refine_mime(mime: str, data: bytes, name: str) -> str:
    if mime == "application/octet-stream" and utf16_without_bom(data):
        return "text/plain"
    if data[:4] == PST_MAGIC:
        return "application/vnd.ms-outlook-pst"  # libmagic names a PST or OST like a single .msg item
    if mime in WEAK_BINARY_GUESSES and PurePosixPath(name).suffix.lower() in PLAIN_TEXT_EXTENSIONS and looks_like_text(data):
        mime = "text/plain"
    if mime in VAGUE_OLE_TYPES and data[:8] == OLE_MAGIC:
        return _compound_type(data, name) or mime
    if mime in ("application/zip", "application/octet-stream") and data[:2] == b"PK":
        inner = _ooxml_type(data)
        if inner:
            return inner
    if mime.startswith(MAIL_GUESSES) and mail_bytes.header_block(data):
        # One message with an mbox From_ line is an e-mail like any other; a mailbox holds several.
        if data.startswith(b"From ") and mail_bytes.mbox_holds_many(data):
            return "application/mbox"
        return "message/rfc822"  # also a web archive (.mht): a MIME message with no transport
    if mime.startswith(VAGUE_TEXT_TYPES):
        ext = PurePosixPath(name).suffix.lower()
        if PurePosixPath(name).name.lower() == ".env":
            ext = ".env"
        proposed = TEXT_BY_EXTENSION.get(ext)
        if proposed and (proposed.shape is None or proposed.shape.search(data[:65536])):
            return proposed.mime
    return mime


def _ooxml_type(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
    except ZIP_ERRORS:
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, mime in OOXML_BY_PART:
        if any(n.startswith(prefix) for n in names):
            return mime
    return None


def _compound_type(data: bytes, name: str) -> str | None:
    """The type of a compound file by the streams at its root; when its directory cannot be read (a
    file cut short), the type its name claims among those compound files can be, so that its
    extractor says it is corrupt rather than the file being one of an unknown type."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as compound:  # a BytesIO: olefile takes short bytes for a path
            streams = {entry[0] for entry in compound.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises OSError, struct.error, IndexError... on a damaged directory
        streams = set()
    for stream, mime in OLE_BY_STREAM:
        if stream in streams:
            return mime
    extension = PurePosixPath(name).suffix.lower()
    for _, mime in OLE_BY_STREAM:
        known = BY_MIME.get(mime)
        if known is not None and extension in known.extensions:
            return mime
    return None


def extension_mismatch(mime: str, name: str) -> bool:
    ext = PurePosixPath(name).suffix.lower()
    textual = is_text(mime)
    known = BY_MIME.get(mime)
    fitting = known.extensions if known is not None and known.extensions else None
    if ext not in KNOWN_EXTENSIONS:
        # A document format under a name that says something else (a PDF named `.txt`, a DOCX named
        # `.dat`) is the disguise this flag is for; text under any other name is just text.
        return bool(ext) and not textual and fitting is not None
    if textual:
        return ext in BINARY_EXTENSIONS
    return fitting is None or ext not in fitting
