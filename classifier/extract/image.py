"""Images: recorded with their type, their pictures handed to OCR (ocr.py); the EXIF capture date of
JPEG and TIFF files.

The EXIF reader is a few dozen lines of struct over the TIFF layout (TIFF 6.0,
EXIF 2.3) rather than a new dependency; anything malformed just yields no date.
"""

from __future__ import annotations

import re
import struct

from classifier.extract.ocr import ImageFrames
from classifier.limits import Limits
from classifier.records import Extracted

TAG_DATETIME = 0x0132  # IFD0: when the file was last changed
TAG_EXIF_IFD = 0x8769  # IFD0: pointer to the EXIF IFD
TAG_DATETIME_ORIGINAL = 0x9003  # EXIF IFD: when the picture was taken
TYPE_ASCII, TYPE_LONG = 2, 4
MAX_JPEG_SEGMENTS = 64
MAX_IFD_ENTRIES = 1024
EXIF_DATE = re.compile(r"(\d{4}):(\d{2}):(\d{2})")


def extract_image(data: bytes, name: str, limits: Limits) -> Extracted:
    out = Extracted(structure=frozenset({"image"}), pictures=ImageFrames(data))
    taken = exif_date(data)
    if taken is not None:
        out.metadata_dates.append(taken)
    return out


def exif_date(data: bytes) -> str | None:
    """DateTimeOriginal (else DateTime) of a JPEG or TIFF file as an ISO date, or None."""
    tiff = _tiff_block(data)
    if tiff is None:
        return None
    try:
        return _tiff_date(tiff)
    except (struct.error, IndexError, ValueError):
        return None


def _tiff_block(data: bytes) -> bytes | None:
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return data
    if not data.startswith(b"\xff\xd8"):
        return None
    position = 2
    for _ in range(MAX_JPEG_SEGMENTS):
        if position + 4 > len(data) or data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker in (0xDA, 0xD9):  # start of scan, end of image: no metadata after this
            return None
        (length,) = struct.unpack_from(">H", data, position + 2)
        body = data[position + 4 : position + 2 + length]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            return body[6:]
        position += 2 + length
    return None


def _tiff_date(tiff: bytes) -> str | None:
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    (ifd0,) = struct.unpack_from(order + "I", tiff, 4)
    entries = _ifd_entries(tiff, order, ifd0)
    exif_pointer = entries.get(TAG_EXIF_IFD)
    if exif_pointer is not None and exif_pointer[0] == TYPE_LONG:
        (exif_ifd,) = struct.unpack_from(order + "I", tiff, exif_pointer[2])
        original = _ascii_date(tiff, order, _ifd_entries(tiff, order, exif_ifd).get(TAG_DATETIME_ORIGINAL))
        if original is not None:
            return original
    return _ascii_date(tiff, order, entries.get(TAG_DATETIME))


def _ifd_entries(tiff: bytes, order: str, offset: int) -> dict[int, tuple[int, int, int]]:
    """tag -> (type, count, offset of the entry's 4-byte value field)."""
    (count,) = struct.unpack_from(order + "H", tiff, offset)
    entries: dict[int, tuple[int, int, int]] = {}
    for index in range(min(count, MAX_IFD_ENTRIES)):
        entry = offset + 2 + 12 * index
        tag, kind, values = struct.unpack_from(order + "HHI", tiff, entry)
        entries[tag] = (kind, values, entry + 8)
    return entries


def _ascii_date(tiff: bytes, order: str, entry: tuple[int, int, int] | None) -> str | None:
    if entry is None or entry[0] != TYPE_ASCII or entry[1] < 10:
        return None
    (offset,) = struct.unpack_from(order + "I", tiff, entry[2])  # an ASCII value over 4 bytes is stored elsewhere
    text = tiff[offset : offset + min(entry[1], 32)].decode("ascii", "replace")
    match = EXIF_DATE.match(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if year < 1900 or not 1 <= month <= 12 or not 1 <= day <= 31:  # "0000:00:00 00:00:00" means unknown
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
