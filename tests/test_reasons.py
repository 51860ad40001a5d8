"""Reasons an operator can act on (#19): what an exception means, never what the document says."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from classifier.extract.archive import extract_zip
from classifier.extract.errors import reason_from
from classifier.limits import Limits


def zip_with_method(method: int) -> bytes:
    """A zip of two stored members whose second claims `method` (as 7-Zip writes PPMd or Deflate64)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("readme.txt", "the first member reads fine\n")
        archive.writestr("notes.txt", "compressed with a method zipfile lacks\n")
    data = bytearray(buffer.getvalue())
    local = data.rfind(b"PK\x03\x04")  # the second member's local header
    struct.pack_into("<H", data, local + 8, method)
    central = data.rfind(b"PK\x01\x02")  # its central directory entry
    struct.pack_into("<H", data, central + 10, method)
    return bytes(data)


# PPMd (98) and Deflate64 (9) are read since #17 (tests/test_archive_methods.py).
@pytest.mark.parametrize(("method", "name"), [(1, "Shrink"), (6, "Implode"), (93, "Zstandard"), (95, "xz")])
def test_a_zip_member_in_an_unsupported_method_names_the_method(method: int, name: str) -> None:
    # Before: "zip member: NotImplementedError".
    extracted = extract_zip(zip_with_method(method), "x.zip", Limits())
    assert [(m.name, m.problem) for m in extracted.members] == [
        ("readme.txt", None), ("notes.txt", f"zip member: compression method {name} ({method}) not supported")]


def test_reasons_say_what_the_exception_means_and_keep_its_name() -> None:
    assert reason_from(KeyError("word/NULL")) == "a part it refers to is missing (KeyError)"
    assert reason_from(zipfile.BadZipFile("secret bytes")) == "not a readable ZIP container (BadZipFile)"
    assert reason_from(ValueError("Ann Lee 536-22-8491")) == "ValueError"  # never the message
