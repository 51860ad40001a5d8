"""Bytes -> MIME type (libmagic via python-magic), refined where libmagic is vague.

libmagic names most OOXML/ODF packages correctly only when it sees the whole
file, and calls CSV "text/plain"; we look inside packages and at the name's
extension for text subtypes, and flag names whose extension contradicts the bytes.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import magic

from classifier import mail_bytes

# libmagic reads at most this much of a buffer for its tests (its default
# "bytes" parameter is 1 MiB); passing more only costs a copy.
MAGIC_BYTES = 1 << 20

OOXML_BY_PART = (
    ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)

# Text formats libmagic reports as text/plain. The extension proposes a
# subtype and the bytes must agree (TEXT_SHAPES), so a name alone never decides.
TEXT_SUBTYPES = {
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".json": "application/json",
    ".md": "text/markdown",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".toml": "application/toml",
    ".ini": "text/x-ini",
    ".env": "text/x-env",
    ".log": "text/x-log",
    ".xml": "text/xml",
    ".pem": "application/x-pem-file",
    ".crt": "application/x-pem-file",
    ".cer": "application/x-pem-file",
    ".key": "application/x-pem-file",
    ".sql": "application/sql",
    ".jsonl": "application/x-ndjson",
    ".ndjson": "application/x-ndjson",
}

TEXT_SHAPES: dict[str, re.Pattern[bytes]] = {
    "text/csv": re.compile(rb"\A[^\n]*[,;|\t][^\n]*\r?\n[^\n]*[,;|\t]"),
    "text/tab-separated-values": re.compile(rb"\A[^\n]*\t[^\n]*\r?\n[^\n]*\t"),
    "application/json": re.compile(rb"\A\s*[\[{]"),
    "text/markdown": re.compile(rb"(?m)^(?:#{1,6} |[-*] |\d+\. |```)|\[[^\]\n]+\]\([^)\n]+\)"),
    "application/yaml": re.compile(rb"(?m)^(?:---\s*$|[\w\"'.-]+:(?:\s|$)|\s*- )"),
    "application/toml": re.compile(rb"(?m)^(?:\[[\w.\"'-]+\]\s*$|[\w.\"'-]+\s*=)"),
    "text/x-ini": re.compile(rb"(?m)^(?:\[[^\]\n]+\]\s*$|[\w.-]+\s*[=:])"),
    "text/x-env": re.compile(rb"(?m)^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*="),
    "text/xml": re.compile(rb"\A\s*<"),
    "application/x-pem-file": re.compile(rb"-----BEGIN [A-Z0-9 ]+-----"),
    "application/sql": re.compile(rb"(?i)\b(?:CREATE\s+TABLE|INSERT\s+INTO|COPY\s+\S+)"),
    "application/x-ndjson": re.compile(rb"\A\s*\{"),
}

# Which extensions fit which detected type; an extension absent from this map
# never counts as a mismatch (we cannot know every extension).
EXTENSIONS_BY_MIME: dict[str, frozenset[str]] = {
    "application/pdf": frozenset({".pdf"}),
    "application/zip": frozenset({".zip", ".jar", ".epub", ".apk", ".docx", ".xlsx", ".pptx"}),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": frozenset({".docx", ".docm", ".dotx"}),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": frozenset({".xlsx", ".xlsm", ".xltx"}),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": frozenset({".pptx", ".pptm", ".potx"}),
    "message/rfc822": frozenset({".eml", ".mht", ".mhtml"}),
    "application/mbox": frozenset({".mbox", ".mbx"}),
    "application/vnd.ms-outlook": frozenset({".msg"}),
    "application/vnd.ms-outlook-pst": frozenset({".pst", ".ost"}),
    "application/epub+zip": frozenset({".epub"}),
    "application/vnd.oasis.opendocument.text": frozenset({".odt"}),
    "application/vnd.oasis.opendocument.spreadsheet": frozenset({".ods"}),
    "application/vnd.oasis.opendocument.presentation": frozenset({".odp"}),
    "application/x-7z-compressed": frozenset({".7z"}),
    "application/vnd.sqlite3": frozenset({".sqlite", ".sqlite3", ".db"}),
    "application/x-bzip2": frozenset({".bz2", ".tbz", ".tbz2"}),
    "application/x-xz": frozenset({".xz", ".txz"}),
    "image/png": frozenset({".png"}),
    "image/jpeg": frozenset({".jpg", ".jpeg", ".jpe"}),
    "application/gzip": frozenset({".gz", ".tgz"}),
    "application/x-tar": frozenset({".tar"}),
}
KNOWN_EXTENSIONS = frozenset(ext for exts in EXTENSIONS_BY_MIME.values() for ext in exts)
# Text is text: a .txt, .md or .csv holding any kind of text is no mismatch;
# only a binary format's extension on text bytes (a ".pdf" of plain text) is.
BINARY_EXTENSIONS = KNOWN_EXTENSIONS - EXTENSIONS_BY_MIME["message/rfc822"]
TEXTUAL_APPLICATION_TYPES = frozenset({"application/json", "application/yaml", "application/toml", "application/xml",
                                       "application/sql", "application/x-ndjson",
                                       "application/x-subrip", "application/pgp-keys", "application/x-pem-file"})
# libmagic guesses script languages from a few keywords and calls many
# README files Python; for these guesses the name's extension decides.
VAGUE_TEXT_TYPES = ("text/plain", "text/x-script.")
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
        proposed = TEXT_SUBTYPES.get(ext)
        shape = TEXT_SHAPES.get(proposed) if proposed else None
        if proposed and (shape is None or shape.search(data[:65536])):
            return proposed
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


def extension_mismatch(mime: str, name: str) -> bool:
    ext = PurePosixPath(name).suffix.lower()
    textual = mime.startswith("text/") or mime in TEXTUAL_APPLICATION_TYPES
    fitting = EXTENSIONS_BY_MIME.get(mime)
    if ext not in KNOWN_EXTENSIONS:
        # A document format under a name that says something else (a PDF named `.txt`, a DOCX named
        # `.dat`) is the disguise this flag is for; text under any other name is just text.
        return bool(ext) and not textual and fitting is not None
    if textual:
        return ext in BINARY_EXTENSIONS
    return fitting is None or ext not in fitting
