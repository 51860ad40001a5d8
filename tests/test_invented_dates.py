"""Dates no document holds (#19): a library's "now" is not a document date."""

from __future__ import annotations

import io
import re
import tarfile
import uuid
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime

import openpyxl

from classifier.analyze import DocumentAnalyzer
from classifier.dates import date_range, dates_in_text
from classifier.extract.compressed import extract_gzip
from classifier.extract.spreadsheet import extract_xlsx
from classifier.limits import Limits
from tests.documents import zip_bytes


def workbook(created: datetime, modified: datetime) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Amount"])
    sheet.append(["Widget", 12])
    book.properties.created = created
    book.properties.modified = modified
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The same package with parts replaced (bytes) or dropped (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = change.get(info.filename, source.read(info.filename))
            if body is not None:
                target.writestr(info, body)
    return out.getvalue()


def with_core(data: bytes, edit: Callable[[str], str]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    return rewritten(data, {"docProps/core.xml": edit(core).encode("utf-8")})


def test_xlsx_dates_are_those_its_core_properties_store() -> None:
    # openpyxl stamps `modified` with the time of saving; the stored value is set here as Excel would.
    data = with_core(workbook(datetime(1999, 5, 1, 9, 30), datetime(2003, 2, 7, 16, 0)), lambda core: re.sub(
        r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>2003-02-07T16:00:00Z", core))
    assert extract_xlsx(data, "book.xlsx", Limits()).metadata_dates == ["1999-05-01", "2003-02-07"]


def test_xlsx_without_core_properties_has_no_date() -> None:
    # Before: openpyxl's DocumentProperties() is dated now, and the workbook was dated the scan day.
    data = rewritten(workbook(datetime(1999, 5, 1), datetime(2003, 2, 7)), {"docProps/core.xml": None})
    assert extract_xlsx(data, "book.xlsx", Limits()).metadata_dates == []


def test_xlsx_with_a_created_date_only_keeps_that_one() -> None:
    data = with_core(workbook(datetime(1999, 5, 1), datetime(2003, 2, 7)),
                     lambda core: re.sub(r"<dcterms:modified[^>]*>[^<]*</dcterms:modified>", "", core))
    assert extract_xlsx(data, "book.xlsx", Limits()).metadata_dates == ["1999-05-01"]


def test_tar_gz_is_dated_by_its_members_not_by_the_export() -> None:
    # tarfile stamps the gzip header with the time of writing (the export), as `tar czf` does.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, when in (("a.txt", datetime(2004, 3, 1)), ("b.txt", datetime(2006, 8, 9))):
            info = tarfile.TarInfo(name)
            body = b"quarterly figures\n"
            info.size, info.mtime = len(body), int(when.replace(tzinfo=UTC).timestamp())
            archive.addfile(info, io.BytesIO(body))
    extracted = extract_gzip(buffer.getvalue(), "export.tar.gz", Limits())
    assert sorted(extracted.metadata_dates) == ["2004-03-01", "2006-08-09"]
    assert [member.modified for member in extracted.members] == ["2004-03-01", "2006-08-09"]


def test_the_scan_day_never_dates_a_document() -> None:
    today = date(2026, 12, 6)
    assert date_range(["2026-12-06", "2021-03-01"], [], today) == ("2021-03-01", "2021-03-01")
    assert date_range([], dates_in_text("Signed on 2026-12-06 and on 2026-12-05.", today), today) == (
        "2026-12-05", "2026-12-05")
    assert date_range(["2026-12-06"], [], today) == (None, None)


def test_a_copy_is_dated_by_its_own_container_whichever_copy_a_worker_met_first(analyzer: DocumentAnalyzer) -> None:
    # #20: with the largest files first (2+ workers), a zip holding a copy of a document could be analysed
    # before the document itself, and the document then took the zip member's date (2021-06-01) as its
    # own: 1 and 2 workers gave different dates for the same file. A copy is dated by its own container.
    note = f"Minutes {uuid.uuid4()}: signed on 2019-03-04 by both parties.\n".encode()
    member_first = analyzer.analyze_bytes(zip_bytes({"minutes.txt": note}), "archive.zip")
    standalone = analyzer.analyze_bytes(note, "minutes.txt")[0]
    assert (member_first[1].earliest, member_first[1].latest) == ("2021-06-01", "2021-06-01")
    assert standalone.duplicate_of == "archive.zip!/minutes.txt"
    assert (standalone.earliest, standalone.latest) == ("2019-03-04", "2019-03-04")
