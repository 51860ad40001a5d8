"""The extractor registry: MIME type -> extractor, one module per format family.

Which extractor reads which type is a column of the format table (classifier/formats.py):
adding a format is one new module here plus one row there.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import cast

from classifier.extract.errors import CorruptDocument, UnsupportedDocument
from classifier.extract.zip_repair import salvaged_zip
from classifier.formats import FORMATS, KNOWN_EXTENSIONS, OOXML, OPENDOCUMENT
from classifier.limits import Limits
from classifier.records import Extracted

Extractor = Callable[[bytes, str, Limits], Extracted]


def load_extractor(reference: str) -> Extractor:
    """`module:function` of a format row -> the function of classifier.extract.<module>."""
    module, _, function = reference.partition(":")
    return cast(Extractor, getattr(importlib.import_module(f"classifier.extract.{module}"), function))


REGISTRY: dict[str, Extractor] = {row.mime: load_extractor(row.extractor) for row in FORMATS if row.extractor}
# Any other text/* type (source code, logs, config, markup) is read as text
# rather than rejected: its words and secrets matter as much as a .txt file's.
TEXT_FALLBACK = REGISTRY["text/plain"]


def extractor_for(mime: str) -> Extractor | None:
    found = REGISTRY.get(mime)
    if found is not None:
        return found
    if mime.startswith("text/"):
        return TEXT_FALLBACK
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
    try:
        return extractor(data, name, limits)
    except CorruptDocument as damage:
        if mime not in ZIP_PACKAGES:
            raise
        return _from_local_headers(data, name, limits, extractor, damage)


# Zip packages whose extractor is tried again from the local headers when the central directory is
# lost (zip_repair.py): a zip archive, OOXML and OpenDocument files.
ZIP_PACKAGES = frozenset({"application/zip", *(row.mime for row in FORMATS
                                                if row.mime.startswith((OOXML, OPENDOCUMENT)))})


def _from_local_headers(data: bytes, name: str, limits: Limits, extractor: Extractor,
                        damage: CorruptDocument) -> Extracted:
    """The package read through a central directory rebuilt from its local headers, when its own is
    what zipfile refused; `ok` with the damage named. Any other damage, or none recovered, stands."""
    try:
        zipfile.ZipFile(io.BytesIO(data)).close()
    except zipfile.BadZipFile:
        pass  # the directory is what is damaged
    except Exception:  # zipfile raises other types on malformed headers too: not what this repairs
        raise damage from None
    else:
        raise damage  # the directory reads: the damage is elsewhere
    salvaged = salvaged_zip(data, limits)
    if salvaged is None:
        raise damage
    try:
        extracted = extractor(salvaged, name, limits)
    except CorruptDocument:
        raise damage from None
    extracted.partial = f"{damage}; read from its local headers"
    return extracted
