"""Every MIME type we know, one row each: its file names, whether it is text, its label, its extractor.

sniff.py, the extractor registry (extract/__init__.py) and the report read this table, as
magika keeps every content type's extensions, text flag and label in content_types_kb.
Adding a format is one row here and one module under extract/. Extractors are named, not
imported: the parent process reads labels from here without loading any parser library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    mime: str
    label: str  # as the report names it
    # For a binary format, the names that fit it (any other known one is an extension mismatch). For a
    # text format, the names that make it of libmagic's "text/plain" when the bytes show `shape`.
    extensions: frozenset[str] = frozenset()
    # Text: under any name it is just text, never a disguise (a .txt, .md or .csv of any text).
    text: bool = False
    # A binary MIME type for text at heart: text bytes under its names are no disguise either
    # (a message saved as .eml that libmagic calls text/plain).
    text_under_its_names: bool = False
    shape: re.Pattern[bytes] | None = None
    # `module:function` in classifier.extract; None: unsupported (any text/ type is still read as text).
    extractor: str | None = None


def _names(*extensions: str) -> frozenset[str]:
    return frozenset(extensions)


OOXML = "application/vnd.openxmlformats-officedocument."
OPENDOCUMENT = "application/vnd.oasis.opendocument."

FORMATS: tuple[Format, ...] = (
    Format("application/pdf", "PDF document", _names(".pdf"), extractor="pdf:extract_pdf"),
    # Office
    Format(f"{OOXML}wordprocessingml.document", "Word document (docx)", _names(".docx", ".docm", ".dotx"),
           extractor="office:extract_docx"),
    Format(f"{OOXML}spreadsheetml.sheet", "Excel workbook (xlsx)", _names(".xlsx", ".xlsm", ".xltx"),
           extractor="spreadsheet:extract_xlsx"),
    Format(f"{OOXML}presentationml.presentation", "PowerPoint (pptx)", _names(".pptx", ".pptm", ".potx"),
           extractor="presentation:extract_pptx"),
    Format(f"{OPENDOCUMENT}text", "OpenDocument text (odt)", _names(".odt"), extractor="opendocument:extract_odt"),
    Format(f"{OPENDOCUMENT}spreadsheet", "OpenDocument sheet (ods)", _names(".ods"), extractor="opendocument:extract_ods"),
    Format(f"{OPENDOCUMENT}presentation", "OpenDocument slides (odp)", _names(".odp"),
           extractor="opendocument:extract_odp"),
    Format("text/rtf", "Rich Text (rtf)", text=True, extractor="rtf:extract_rtf"),
    Format("application/vnd.ms-excel", "Excel 97-2003 workbook (xls)", _names(".xls", ".xlt"),
           extractor="legacy_office:extract_xls"),
    Format("application/msword", "Word 97-2003 document (doc)", _names(".doc", ".dot"), extractor="legacy_word:extract_doc"),
    Format("application/vnd.ms-powerpoint", "PowerPoint 97-2003 (ppt)", _names(".ppt", ".pps", ".pot"),
           extractor="legacy_powerpoint:extract_ppt"),
    # libmagic's name for an OLE file holding an EncryptedPackage stream: any password-protected Office file.
    Format("application/encrypted", "Encrypted Office document", extractor="legacy_office:extract_encrypted_office"),
    Format("application/epub+zip", "EPUB e-book", _names(".epub")),
    # Mail
    Format("message/rfc822", "E-mail message (eml)", _names(".eml", ".mht", ".mhtml"), text_under_its_names=True,
           extractor="email_message:extract_eml"),
    Format("application/mbox", "Mailbox (mbox)", _names(".mbox", ".mbx"), extractor="mailbox_file:extract_mbox"),
    Format("application/vnd.ms-outlook", "Outlook message (msg)", _names(".msg"), extractor="outlook:extract_msg"),
    Format("application/vnd.ms-outlook-pst", "Outlook data file (pst)", _names(".pst", ".ost"),
           extractor="outlook_store:extract_pst"),
    # Archives and compressed files
    Format("application/zip", "ZIP archive",
           _names(".zip", ".jar", ".epub", ".apk", ".docx", ".xlsx", ".pptx"), extractor="archive:extract_zip"),
    Format("application/x-tar", "tar archive", _names(".tar"), extractor="compressed:extract_tar"),
    # A .tar.gz too: its one member is the .tar.
    Format("application/gzip", "gzip file", _names(".gz", ".tgz"), extractor="compressed:extract_gzip"),
    Format("application/x-bzip2", "bzip2 file", _names(".bz2", ".tbz", ".tbz2"), extractor="compressed:extract_bzip2"),
    Format("application/x-xz", "xz file", _names(".xz", ".txz"), extractor="compressed:extract_xz"),
    Format("application/x-lzma", "LZMA file", extractor="compressed:extract_xz"),
    Format("application/x-7z-compressed", "7-Zip archive", _names(".7z"), extractor="compressed:extract_7z"),
    # RAR 4 and RAR 5 alike; libmagic's older name and the registered one.
    Format("application/x-rar", "RAR archive", _names(".rar", ".cbr"), extractor="rar:extract_rar"),
    Format("application/vnd.rar", "RAR archive", _names(".rar", ".cbr"), extractor="rar:extract_rar"),
    # Databases
    Format("application/vnd.sqlite3", "SQLite database", _names(".sqlite", ".sqlite3", ".db"),
           extractor="database:extract_sqlite"),
    Format("application/sql", "SQL dump", _names(".sql"), text=True,
           shape=re.compile(rb"(?i)\b(?:CREATE\s+TABLE|INSERT\s+INTO|COPY\s+\S+)"), extractor="database:extract_sql_dump"),
    # Images: their metadata only
    Format("image/jpeg", "JPEG image", _names(".jpg", ".jpeg", ".jpe"), extractor="image:extract_image"),
    Format("image/png", "PNG image", _names(".png"), extractor="image:extract_image"),
    Format("image/gif", "GIF image", extractor="image:extract_image"),
    Format("image/tiff", "TIFF image", extractor="image:extract_image"),
    Format("image/webp", "WebP image", extractor="image:extract_image"),
    Format("image/bmp", "BMP image", extractor="image:extract_image"),
    # Text
    Format("text/plain", "Plain text", text=True, extractor="text:extract_text"),
    Format("application/x-empty", "Empty file", extractor="text:extract_empty"),
    Format("text/csv", "CSV table", _names(".csv"), text=True,
           shape=re.compile(rb"\A[^\n]*[,;|\t][^\n]*\r?\n[^\n]*[,;|\t]"), extractor="spreadsheet:extract_csv"),
    Format("text/tab-separated-values", "TSV table", _names(".tsv"), text=True,
           shape=re.compile(rb"\A[^\n]*\t[^\n]*\r?\n[^\n]*\t"), extractor="spreadsheet:extract_csv"),
    Format("text/html", "HTML page", text=True, extractor="markup:extract_html"),
    Format("text/markdown", "Markdown", _names(".md"), text=True,
           shape=re.compile(rb"(?m)^(?:#{1,6} |[-*] |\d+\. |```)|\[[^\]\n]+\]\([^)\n]+\)"), extractor="text:extract_text"),
    Format("application/json", "JSON", _names(".json"), text=True, shape=re.compile(rb"\A\s*[\[{]"),
           extractor="structured:extract_json"),
    Format("application/x-ndjson", "JSON lines", _names(".jsonl", ".ndjson"), text=True, shape=re.compile(rb"\A\s*\{"),
           extractor="structured:extract_json"),
    Format("text/xml", "XML", _names(".xml"), text=True, shape=re.compile(rb"\A\s*<"), extractor="structured:extract_xml"),
    Format("application/xml", "XML", text=True, extractor="structured:extract_xml"),
    Format("application/yaml", "YAML", _names(".yaml", ".yml"), text=True,
           shape=re.compile(rb"(?m)^(?:---\s*$|[\w\"'.-]+:(?:\s|$)|\s*- )"), extractor="text:extract_text"),
    Format("application/toml", "TOML", _names(".toml"), text=True,
           shape=re.compile(rb"(?m)^(?:\[[\w.\"'-]+\]\s*$|[\w.\"'-]+\s*=)"), extractor="text:extract_text"),
    Format("text/x-ini", "INI settings", _names(".ini"), text=True,
           shape=re.compile(rb"(?m)^(?:\[[^\]\n]+\]\s*$|[\w.-]+\s*[=:])"), extractor="text:extract_text"),
    # sniff.refine_mime also gives the name `.env` itself (no stem) this type.
    Format("text/x-env", "Environment file (.env)", _names(".env"), text=True,
           shape=re.compile(rb"(?m)^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*="), extractor="text:extract_text"),
    Format("text/x-log", "Log file", _names(".log"), text=True, extractor="text:extract_text"),
    # libmagic names JavaScript and TypeScript source by its syntax.
    Format("application/javascript", "JavaScript", text=True, extractor="text:extract_text"),
    Format("text/javascript", "JavaScript", text=True, extractor="text:extract_text"),
    Format("application/x-typescript", "TypeScript", text=True, extractor="text:extract_text"),
    Format("application/x-pem-file", "PEM keys and certificates", _names(".pem", ".crt", ".cer", ".key"), text=True,
           shape=re.compile(rb"-----BEGIN [A-Z0-9 ]+-----"), extractor="structured:extract_pem"),
    Format("application/pgp-keys", "PGP key", text=True),
    Format("application/x-subrip", "Subtitles (srt)", text=True),
)

BY_MIME: dict[str, Format] = {row.mime: row for row in FORMATS}
# Names libmagic's vague "text/plain" is refined by, when the bytes agree (a name alone never decides).
TEXT_BY_EXTENSION: dict[str, Format] = {extension: row for row in FORMATS if row.text for extension in row.extensions}
# Names of the binary formats we know (a text format's names only choose its subtype).
KNOWN_EXTENSIONS = frozenset(extension for row in FORMATS if not row.text for extension in row.extensions)
# Only a binary format's extension on text bytes (a ".pdf" of plain text) is a mismatch.
BINARY_EXTENSIONS = frozenset(
    extension for row in FORMATS if not row.text and not row.text_under_its_names for extension in row.extensions)


def is_text(mime: str) -> bool:
    """Any text/ type, known or not (source code, logs, markup), or a known textual application/ type."""
    row = BY_MIME.get(mime)
    return mime.startswith("text/") or (row is not None and row.text)


def label(mime: str) -> str:
    row = BY_MIME.get(mime)
    return row.label if row is not None else mime
