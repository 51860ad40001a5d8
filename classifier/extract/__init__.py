"""The extractor registry: MIME type -> extractor, one module per format family.

Adding a format is one new module plus one line in REGISTRY.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from classifier.extract import (
    archive,
    compressed,
    database,
    email_message,
    image,
    legacy_office,
    mailbox_file,
    markup,
    office,
    opendocument,
    outlook,
    outlook_store,
    pdf,
    presentation,
    rtf,
    spreadsheet,
    structured,
    text,
)
from classifier.extract.errors import CorruptDocument, UnsupportedDocument
from classifier.limits import Limits
from classifier.records import Extracted
from classifier.sniff import KNOWN_EXTENSIONS

Extractor = Callable[[bytes, str, Limits], Extracted]

REGISTRY: dict[str, Extractor] = {
    "application/pdf": pdf.extract_pdf,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": office.extract_docx,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": spreadsheet.extract_xlsx,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": presentation.extract_pptx,
    "application/vnd.oasis.opendocument.text": opendocument.extract_odt,
    "application/vnd.oasis.opendocument.spreadsheet": opendocument.extract_ods,
    "application/vnd.oasis.opendocument.presentation": opendocument.extract_odp,
    "text/rtf": rtf.extract_rtf,
    "application/vnd.ms-excel": legacy_office.extract_xls,
    "application/encrypted": legacy_office.extract_encrypted_office,
    "application/vnd.ms-outlook": outlook.extract_msg,
    "application/vnd.ms-outlook-pst": outlook_store.extract_pst,
    "application/mbox": mailbox_file.extract_mbox,
    "application/x-tar": compressed.extract_tar,
    "application/gzip": compressed.extract_gzip,  # a .tar.gz too: its one member is the .tar
    "application/x-bzip2": compressed.extract_bzip2,
    "application/x-xz": compressed.extract_xz,
    "application/x-lzma": compressed.extract_xz,
    "application/x-7z-compressed": compressed.extract_7z,
    "application/json": structured.extract_json,
    "application/x-ndjson": structured.extract_json,
    "text/xml": structured.extract_xml,
    "application/xml": structured.extract_xml,
    "application/x-pem-file": structured.extract_pem,
    "application/vnd.sqlite3": database.extract_sqlite,
    "application/sql": database.extract_sql_dump,
    "image/jpeg": image.extract_image,
    "image/png": image.extract_image,
    "image/gif": image.extract_image,
    "image/tiff": image.extract_image,
    "image/webp": image.extract_image,
    "image/bmp": image.extract_image,
    "text/csv": spreadsheet.extract_csv,
    "text/tab-separated-values": spreadsheet.extract_csv,
    "message/rfc822": email_message.extract_eml,
    "application/zip": archive.extract_zip,
    "text/plain": text.extract_text,
    "text/html": markup.extract_html,
    "application/x-empty": text.extract_empty,
}

# Any other text/* type (source code, logs, config, markup) is read as text
# rather than rejected: its words and secrets matter as much as a .txt file's.
TEXT_FALLBACK_PREFIXES = ("text/",)
# Text that libmagic names by its syntax: JSON, YAML, TOML, XML, and JavaScript/TypeScript source.
TEXT_FALLBACK_TYPES = frozenset({"application/json", "application/yaml", "application/toml", "application/xml",
                                 "application/javascript", "text/javascript", "application/x-typescript"})


def extractor_for(mime: str) -> Extractor | None:
    found = REGISTRY.get(mime)
    if found is not None:
        return found
    if mime.startswith(TEXT_FALLBACK_PREFIXES) or mime in TEXT_FALLBACK_TYPES:
        return text.extract_text
    return None


def extract(data: bytes, mime: str, name: str, limits: Limits) -> Extracted:
    extractor = extractor_for(mime)
    if extractor is None:
        suffix = PurePosixPath(name).suffix.lower()
        if mime == "application/octet-stream" and suffix in KNOWN_EXTENSIONS:
            # libmagic recognised nothing, yet the name claims a document format we read:
            # a damaged file of that format (fuzzed, truncated), not an unknown type.
            raise CorruptDocument(f"bytes do not match {suffix}")
        raise UnsupportedDocument(f"no extractor for {mime}")
    return extractor(data, name, limits)
