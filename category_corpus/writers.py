"""The file writers of the category corpus: each turns what a template says into the bytes of one file, with the
library a real author would have used (python-docx, openpyxl, fpdf2 through sample_data.generate; python-pptx; the
email package) and dates taken from the document's context, so that the same seed writes the same bytes.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime
from xml.sax.saxutils import escape

from pptx import Presentation
from pptx.util import Pt

from category_corpus.common import Ctx, Person
from sample_data.generate import at, docx_bytes, pdf_bytes, restamp, xlsx_bytes

Sheet = tuple[str, list[str], list[list[object]]]  # an xlsx() sheet: name, header, rows

PDF_SAFE = str.maketrans({"€": "EUR", "’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "…": "...",
                          "œ": "oe", "\u202f": " ", "•": "-", "→": "->", "≥": ">="})


def pdf(title: str, lines: Sequence[str], c: Ctx, author: str) -> bytes:
    """fpdf2's core fonts are Latin-1: the few characters outside it are spelled out."""

    def safe(text: str) -> str:
        return text.translate(PDF_SAFE).encode("latin-1", "replace").decode("latin-1")

    return pdf_bytes(safe(title), [safe(line) for line in lines], at(c.day), safe(author))


def docx(title: str, blocks: Sequence[str | list[list[str]]], c: Ctx, author: str) -> bytes:
    return docx_bytes(title, blocks, at(c.day), author)


def xlsx(sheets: Sequence[Sheet], c: Ctx, author: str) -> bytes:
    return xlsx_bytes(sheets, at(c.day), author)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def text(lines: Sequence[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def eml(c: Ctx, sender: Person, to: Sequence[Person], subject: str, body: str, cc: Sequence[Person] = (),
        attachments: Sequence[tuple[str, bytes, str]] = ()) -> bytes:
    message = EmailMessage()
    message["From"] = f"{sender.name} <{sender.email}>"
    message["To"] = ", ".join(f"{p.name} <{p.email}>" for p in to)
    if cc:
        message["Cc"] = ", ".join(f"{p.name} <{p.email}>" for p in cc)
    message["Subject"] = subject
    message["Date"] = format_datetime(at(c.day, 10 + c.rng.randrange(8)))
    message_id = f"{c.rng.randrange(10 ** 9, 10 ** 10)}"
    message["Message-ID"] = f"<{message_id}@{sender.company.domain}>"
    message.set_content(body)
    for name, payload, mime in attachments:
        maintype, subtype = mime.split("/", 1)
        message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=name)
    if attachments:
        message.set_boundary(f"=_part_{message_id}")  # the email package draws boundaries from the global random
    return message.as_bytes()


def pptx(slides: Sequence[tuple[str, Sequence[str]]], c: Ctx, author: str) -> bytes:
    deck = Presentation()
    for title, bullets in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        for index, bullet in enumerate(bullets):
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            paragraph.text = bullet
            paragraph.font.size = Pt(18)
    props = deck.core_properties
    props.author = props.last_modified_by = author
    props.created = props.modified = at(c.day).replace(tzinfo=None)
    props.revision = 2
    buffer = io.BytesIO()
    deck.save(buffer)
    return restamp(buffer.getvalue(), at(c.day))


def rtf_escape(value: str) -> str:
    """Text as RTF source: the three control characters escaped, anything outside ASCII as a \\uN? escape."""
    out = []
    for char in value:
        code = ord(char)
        if char in "\\{}":
            out.append("\\" + char)
        elif code < 128:
            out.append(char)
        else:
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def escape_html(value: object) -> str:
    return html.escape(str(value))


def escape_xml(value: object) -> str:
    return escape(str(value))


# Two table styles for html_page, as rounds 6 and 5 wrote them.
COMPACT_CSS = ("body{font-family:Arial,sans-serif;font-size:13px}table{border-collapse:collapse}"
               "td,th{border:1px solid #999;padding:3px 6px}th{background:#eee}")
SPACIOUS_CSS = ("body{font-family:Arial,sans-serif;font-size:14px;margin:2em}table{border-collapse:collapse}"
                "td,th{border:1px solid #999;padding:4px 8px;text-align:left}th{background:#eee}")


def html_page(lang: str, title: str, body: Sequence[str], css: str) -> bytes:
    head = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">', f"<title>{escape_html(title)}</title>",
            f"<style>{css}</style>", "</head>", "<body>"]
    return text([*head, *body, "</body>", "</html>"])


def html_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["<table>", "<tr>" + "".join(f"<th>{escape_html(h)}</th>" for h in header) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{escape_html(v)}</td>" for v in row) + "</tr>" for row in rows]
    return [*out, "</table>"]


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return out + ["| " + " | ".join(str(v) for v in row) + " |" for row in rows]
