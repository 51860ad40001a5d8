"""Binary Office files (OLE2 compound documents): Excel 97-2003 sheets, and encrypted OOXML.

xlrd reads BIFF records itself; it parses no XML.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import xlrd
from xlrd.biffh import XLRDError

from classifier.extract.errors import CorruptDocument, EncryptedDocument, reason_from
from classifier.extract.spreadsheet import add_table
from classifier.limits import Limits
from classifier.records import Extracted

# xlrd's fixed message for a FILEPASS record (xlrd/book.py); no document text in it.
XLRD_ENCRYPTED = "Workbook is encrypted"


class _Discard:
    """xlrd writes warnings, which can quote cell and sheet names, to stdout unless given a log file."""

    def write(self, text: str) -> int:
        return len(text)


def extract_xls(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        book = xlrd.open_workbook(file_contents=data, logfile=_Discard(), on_demand=True)
    except XLRDError as exc:
        if str(exc) == XLRD_ENCRYPTED:
            raise EncryptedDocument("xls is password-protected") from None
        raise CorruptDocument(f"xls: {reason_from(exc)}") from None
    except Exception as exc:  # xlrd raises struct, index and assertion errors on malformed records
        raise CorruptDocument(f"xls: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"table", "spreadsheet"}))
    try:
        for sheet_index in range(book.nsheets):
            sheet = book.sheet_by_index(sheet_index)
            add_table(out, sheet_index, _sheet_rows(sheet, book.datemode), limits, sheet.name)
            book.unload_sheet(sheet_index)
    except XLRDError as exc:
        if str(exc) == XLRD_ENCRYPTED:
            raise EncryptedDocument("xls is password-protected") from None
        raise CorruptDocument(f"xls: {reason_from(exc)}") from None
    except Exception as exc:
        raise CorruptDocument(f"xls: {reason_from(exc)}") from None
    finally:
        book.release_resources()
    return out


def _sheet_rows(sheet: xlrd.sheet.Sheet, datemode: Literal[0, 1]) -> Iterator[list[object]]:
    for row in sheet.get_rows():
        yield [_cell_value(cell, datemode) for cell in row]


def _cell_value(cell: xlrd.sheet.Cell, datemode: Literal[0, 1]) -> object:
    if cell.ctype == xlrd.XL_CELL_DATE and isinstance(cell.value, float):
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell.value


def extract_encrypted_office(data: bytes, name: str, limits: Limits) -> Extracted:
    """libmagic names an OLE file with an EncryptedPackage stream "application/encrypted".

    That is how Office stores a password-protected DOCX, XLSX or PPTX: the
    whole OOXML package encrypted inside a compound document.
    """
    raise EncryptedDocument("office file is password-protected")
