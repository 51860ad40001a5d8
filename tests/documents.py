"""Real documents of real formats, written by the real libraries, for tests."""

from __future__ import annotations

import csv
import io
import zipfile
from email.message import EmailMessage

import docx
import openpyxl
from fpdf import FPDF


def pdf_bytes(lines: list[str]) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def eml_bytes(sender: str, to: str, subject: str, body: str,
              attachments: list[tuple[str, bytes, str]] | None = None,
              date: str = "Tue, 14 Mar 2021 10:00:00 +0000") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = date
    message.set_content(body)
    for filename, content, mime in attachments or []:
        maintype, subtype = mime.split("/", 1)
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, date_time=(2021, 6, 1, 12, 0, 0))
            archive.writestr(info, content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def mark_zip_encrypted(data: bytes) -> bytes:
    """Set the 'encrypted' flag on every entry (local and central headers), as a password tool would.

    The contents are not really encrypted, but a reader must treat them as such.
    """
    patched = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := patched.find(signature, start)) >= 0:
            patched[found + flag_offset] |= 0x01
            start = found + 4
    return bytes(patched)
