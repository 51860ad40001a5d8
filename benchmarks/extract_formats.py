"""Sniff and extract speed per detected MIME type, over a generated corpus of a few thousand documents.

    .venv/bin/python -m benchmarks.extract_formats [--seeds 70] [--repeat 1] [--per-format 60]

Corpus, written to a temporary folder before anything is timed:
- the sample generator run for seeds 1..N (44 files a seed: PDF, DOCX, XLSX, CSV, EML,
  ZIP, TXT, LOG, ENV, PY); the seed changes numbers and dates, not the set of files;
- --per-format documents of each format the generator does not write (PPTX, ODT, ODS,
  ODP, RTF, XLS, HTML, JSON, JSON lines, XML, YAML, Markdown, SQL dump, SQLite, TAR.GZ,
  7Z, MBOX, PEM, JPEG), written by the real libraries with business text drawn from the
  generator's people, companies and products, deterministic by index (PEM key material
  and 7z timestamps aside). TAR.GZ and 7Z archives pack files of the generated sample.
  No Outlook .msg: nothing here can write one from scratch (the tests patch a real
  sample from the shared corpora).

Each file is read before its clock starts; sniff and extract are then timed apart with
time.perf_counter. Extract runs only for MIME types the registry can read, and times only
the file's own extractor call: container members (ZIP, TAR, 7Z, mbox messages, email
attachments) are decompressed and listed but not themselves extracted. One untimed
extraction per MIME type comes first, so lazy imports inside libraries are not charged to
the first document. With --repeat R, each file's time is the median of R runs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import html
import io
import json
import logging
import mailbox
import random
import sqlite3
import statistics
import tarfile
import tempfile
import time
import warnings
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
import pptx
import py7zr
import xlwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from odf.draw import Frame, Page, TextBox
from odf.meta import CreationDate
from odf.opendocument import OpenDocument, OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
from odf.presentation import Notes
from odf.style import MasterPage, PageLayout
from odf.table import Table, TableCell, TableRow
from odf.text import H, P
from PIL import Image, ImageDraw
from pptx.util import Inches

from classifier.extract import extract, extractor_for
from classifier.extract.errors import CorruptDocument, DocumentProblem, EncryptedDocument, LimitExceeded, UnsupportedDocument
from classifier.limits import Limits
from classifier.records import Status
from classifier.sniff import Sniffer
from sample_data.generate import NORTHWIND_HOSTS, PRODUCTS, STAGES, WORDS, Person, Values
from sample_data.generate import P as PEOPLE_BY_KEY
from sample_data.generate import main as generate_sample

FILES_PER_SEED = 44  # what sample_data.generate writes for any seed
# The same mapping as classifier.analyze, which is not imported: it loads the PII stack.
STATUS_BY_PROBLEM: dict[type[DocumentProblem], Status] = {
    EncryptedDocument: Status.ENCRYPTED,
    CorruptDocument: Status.CORRUPT,
    UnsupportedDocument: Status.UNSUPPORTED,
    LimitExceeded: Status.TOO_LARGE,
}
PEOPLE = tuple(PEOPLE_BY_KEY.values())
COMPANIES = tuple(sorted({p.company for p in PEOPLE if p.company is not None}, key=lambda c: c.name))
FIRST_DAY = dt.date(2017, 1, 1)


# --------------------------------------------------------------------------- business text


class BusinessText:
    """Varied business prose and tables over the generator's cast, drawn from one seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.values = Values.draw(rng)

    def person(self) -> Person:
        return self.rng.choice(PEOPLE)

    def day(self) -> dt.date:
        return FIRST_DAY + dt.timedelta(days=self.rng.randrange(6 * 365))

    def amount(self) -> str:
        return f"{self.rng.uniform(80, 250_000):,.2f}"

    def reference(self) -> str:
        return f"{self.rng.choice(('INV', 'PO', 'Q', 'CASE', 'CR'))}-{self.rng.randint(2017, 2022)}-{self.rng.randint(1, 9999):04d}"

    def sentence(self) -> str:
        rng, who, other = self.rng, self.person(), self.person()
        sku, product, unit = rng.choice(PRODUCTS)
        host, ip, _, role = rng.choice(NORTHWIND_HOSTS)
        company = rng.choice(COMPANIES)
        templates = (
            f"{name(who)} ({who.role}) asked for a revised quote {self.reference()} by {self.day():%d %B %Y}; "
            f"the current total is {self.amount()} {company.currency}.",
            f"Please transfer {self.amount()} EUR to IBAN {rng.choice(list(self.values.ibans.values()))} "
            f"before {self.day().isoformat()}, reference {self.reference()}.",
            f"Call {name(who)} on {phone(who)} or write to {email(who)} about the {product} rollout.",
            f"The {rng.choice(WORDS)} project is at stage {rng.choice(STAGES)}: {rng.randint(2, 400)} x {sku} "
            f"at {unit:,.2f} each, owner {name(other)}.",
            f"Card {rng.choice(self.values.cards)} was charged {self.amount()} GBP on {self.day():%d/%m/%Y} for {self.reference()}.",
            f"{name(who)} and {name(other)} agreed to move the {rng.choice(WORDS)} go-live to {self.day():%B %d, %Y}.",
            f"{company.name} renewed gold support until {self.day().isoformat()}; the renewal contact is {email(other)}.",
            f"Escalation {self.reference()}: {host} ({ip}, {role}) was down for {rng.randint(3, 240)} minutes, reported by {name(who)}.",
            f"Salary review for {name(who)}: new base {self.amount()} {company.currency} from {self.day():%d %b %Y}.",
            f"Do not forward outside {company.short}. Questions to {name(other)}, {phone(other)}.",
            f"The SSN on file for {name(who)} is {rng.choice(list(self.values.ssns.values()))}; HR will correct it.",
        )
        return rng.choice(templates)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 5)))

    def paragraphs(self, low: int, high: int) -> list[str]:
        return [self.paragraph() for _ in range(self.rng.randint(low, high))]

    def title(self) -> str:
        kinds = ("Account plan", "Quarterly review", "Renewal proposal", "Incident report", "Board minutes", "Offer")
        return f"{self.rng.choice(kinds)}: {self.rng.choice(COMPANIES).short} {self.rng.choice(WORDS)}"

    def row_count(self, low: int, high: int) -> int:
        """Mostly small tables, a few large ones, as exports are."""
        return min(high, low + int(self.rng.expovariate(1 / ((high - low) / 6))))

    CONTACT_HEADER = ("Name", "Company", "Role", "Email", "Phone", "Customer since")

    def contact_rows(self, count: int) -> list[list[str]]:
        rows = []
        for _ in range(count):
            who = self.person()
            company = who.company.name if who.company else ""
            rows.append([name(who), company, who.role, email(who), phone(who), self.day().isoformat()])
        return rows

    ORDER_HEADER = ("Order", "Date", "Customer", "SKU", "Description", "Qty", "Unit price", "Total")

    def order_rows(self, count: int) -> list[list[object]]:
        rows: list[list[object]] = []
        for _ in range(count):
            sku, product, unit = self.rng.choice(PRODUCTS)
            qty = self.rng.randint(1, 250)
            rows.append([self.reference(), self.day(), self.rng.choice(COMPANIES).name, sku, product, qty, unit,
                         round(qty * unit, 2)])
        return rows


def name(person: Person) -> str:
    return f"{person.first} {person.last}"


def email(person: Person) -> str:
    return person.email if person.company is not None else person.personal_email


def phone(person: Person) -> str:
    parsed = phonenumbers.parse(person.phone)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def created_at(text: BusinessText) -> dt.datetime:
    return dt.datetime.combine(text.day(), dt.time(text.rng.randint(7, 19), text.rng.randint(0, 59)))


# --------------------------------------------------------------------------- builders


@dataclass(frozen=True)
class Sources:
    generated: tuple[Path, ...]  # files of the generated sample, packed into archives
    scratch: Path  # where SQLite and mailbox, which want a path, write


Builder = Callable[[BusinessText, Sources], bytes]


def pptx_document(text: BusinessText, sources: Sources) -> bytes:
    deck = pptx.Presentation()
    for _ in range(text.rng.randint(3, 14)):
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
        assert slide.shapes.title is not None
        slide.shapes.title.text = text.title()
        box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(2)).text_frame
        box.text = text.sentence()
        for _ in range(text.rng.randint(1, 5)):
            box.add_paragraph().text = text.sentence()
        if text.rng.random() < 0.4:
            rows = [list(BusinessText.CONTACT_HEADER[:4]), *(r[:4] for r in text.contact_rows(text.rng.randint(2, 8)))]
            grid = slide.shapes.add_table(len(rows), 4, Inches(0.5), Inches(4), Inches(9), Inches(3)).table
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        notes = slide.notes_slide.notes_text_frame
        assert notes is not None
        notes.text = text.paragraph()
    deck.core_properties.created = created_at(text)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def odf_package(document: OpenDocument, text: BusinessText) -> bytes:
    document.meta.addElement(CreationDate(text=created_at(text).isoformat()))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odf_table(table_name: str, rows: Sequence[Sequence[object]]) -> Table:
    table = Table(name=table_name)
    for values in rows:
        row = TableRow()
        for value in values:
            numeric = isinstance(value, int | float)
            cell = TableCell(valuetype="float", value=str(value)) if numeric else TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    return table


def odt_document(text: BusinessText, sources: Sources) -> bytes:
    document = OpenDocumentText()
    for _ in range(text.rng.randint(1, 6)):
        document.text.addElement(H(outlinelevel=1, text=text.title()))
        for paragraph in text.paragraphs(2, 8):
            document.text.addElement(P(text=paragraph))
    if text.rng.random() < 0.5:
        rows = [list(BusinessText.CONTACT_HEADER), *text.contact_rows(text.row_count(3, 60))]
        document.text.addElement(odf_table("Contacts", rows))
    return odf_package(document, text)


def ods_document(text: BusinessText, sources: Sources) -> bytes:
    document = OpenDocumentSpreadsheet()
    orders = [[str(v) if isinstance(v, dt.date) else v for v in row] for row in text.order_rows(text.row_count(10, 1500))]
    document.spreadsheet.addElement(odf_table("Orders", [list(BusinessText.ORDER_HEADER), *orders]))
    if text.rng.random() < 0.5:
        contacts = [list(BusinessText.CONTACT_HEADER), *text.contact_rows(text.row_count(5, 200))]
        document.spreadsheet.addElement(odf_table("Contacts", contacts))
    return odf_package(document, text)


def odf_text_frame(lines: Sequence[str]) -> Frame:
    frame = Frame(width="24cm", height="12cm", x="1cm", y="1cm")
    box = TextBox()
    for line in lines:
        box.addElement(P(text=line))
    frame.addElement(box)
    return frame


def odp_document(text: BusinessText, sources: Sources) -> bytes:
    document = OpenDocumentPresentation()
    layout = PageLayout(name="Layout")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Default", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    for _ in range(text.rng.randint(3, 14)):
        page = Page(masterpagename=master)
        page.addElement(odf_text_frame([text.title(), *text.paragraphs(1, 4)]))
        notes = Notes()
        notes.addElement(odf_text_frame(text.paragraphs(1, 2)))
        page.addElement(notes)
        document.presentation.addElement(page)
    return odf_package(document, text)


def rtf_escape(line: str) -> str:
    escaped = line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in escaped)


def rtf_document(text: BusinessText, sources: Sources) -> bytes:
    created = created_at(text)
    body = "".join(f"{{\\b {rtf_escape(text.title())}}}\\par {rtf_escape(p)}\\par " for p in text.paragraphs(2, 40))
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}"
            f"{{\\info{{\\title {rtf_escape(text.title())}}}"
            f"{{\\creatim\\yr{created.year}\\mo{created.month}\\dy{created.day}\\hr{created.hour}\\min{created.minute}}}}}"
            f"\\f0\\fs22 {body}}}").encode("ascii")


def xls_document(text: BusinessText, sources: Sources) -> bytes:
    workbook = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheets: list[tuple[str, Sequence[str], list[list[object]]]] = [
        ("Orders", BusinessText.ORDER_HEADER, text.order_rows(text.row_count(10, 2000))),
        ("Contacts", BusinessText.CONTACT_HEADER, [list(r) for r in text.contact_rows(text.row_count(5, 300))]),
    ]
    for sheet_name, header, rows in sheets[: text.rng.randint(1, 2)]:
        sheet = workbook.add_sheet(sheet_name)
        table: list[list[object]] = [list(header), *rows]
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def html_document(text: BusinessText, sources: Sources) -> bytes:
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(text.title())}</title>"
             "<style>td{padding:2px 6px}</style></head><body>"]
    for _ in range(text.rng.randint(1, 6)):
        parts.append(f"<h2>{html.escape(text.title())}</h2>")
        parts.extend(f"<p>{html.escape(p)}</p>" for p in text.paragraphs(1, 6))
    if text.rng.random() < 0.6:
        rows = text.contact_rows(text.row_count(3, 400))
        parts.append("<table><tr>" + "".join(f"<th>{h}</th>" for h in BusinessText.CONTACT_HEADER) + "</tr>")
        parts.extend("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in rows)
        parts.append("</table>")
    parts.append(f"<footer>Generated {created_at(text):%Y-%m-%d %H:%M}</footer></body></html>\n")
    return "\n".join(parts).encode("utf-8")


def json_document(text: BusinessText, sources: Sources) -> bytes:
    customers = [dict(zip(("name", "company", "role", "email", "phone", "since"), row, strict=True))
                 for row in text.contact_rows(text.row_count(3, 800))]
    orders = [{"order": r[0], "date": str(r[1]), "sku": r[3], "qty": r[5], "total": r[7]}
              for r in text.order_rows(text.row_count(0, 300))]
    document = {"exported": created_at(text).isoformat(), "source": text.rng.choice(COMPANIES).name,
                "owner": {"name": name(text.person()), "active": True}, "customers": customers, "orders": orders,
                "notes": text.paragraphs(0, 4)}
    return json.dumps(document, indent=text.rng.choice((None, 2)), ensure_ascii=False).encode("utf-8")


def jsonl_document(text: BusinessText, sources: Sources) -> bytes:
    lines = []
    for _ in range(text.row_count(20, 5000)):
        who, (host, ip, _, _) = text.person(), text.rng.choice(NORTHWIND_HOSTS)
        lines.append(json.dumps({"ts": f"{created_at(text).isoformat()}Z", "user": email(who), "host": host, "ip": ip,
                                 "action": text.rng.choice(("login", "logout", "export", "download", "share")),
                                 "status": text.rng.choice((200, 200, 200, 403, 500))}))
    return ("\n".join(lines) + "\n").encode("utf-8")


def xml_document(text: BusinessText, sources: Sources) -> bytes:
    root = ElementTree.Element("invoices", {"exported": created_at(text).isoformat(), "system": "Contoso ERP"})
    for row in text.order_rows(text.row_count(2, 600)):
        invoice = ElementTree.SubElement(root, "invoice", {"number": str(row[0]), "date": str(row[1])})
        customer = text.person()
        for tag, value in (("customer", row[2]), ("contact", name(customer)), ("email", email(customer)),
                           ("sku", row[3]), ("description", row[4]), ("qty", row[5]), ("total", row[7])):
            ElementTree.SubElement(invoice, tag).text = str(value)
        if text.rng.random() < 0.2:
            ElementTree.SubElement(invoice, "note").text = text.sentence()
    encoded: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return encoded


def yaml_document(text: BusinessText, sources: Sources) -> bytes:
    who = text.person()
    host, ip, _, _ = text.rng.choice(NORTHWIND_HOSTS)
    return (f"# {text.title()}\nservice:\n  name: {text.rng.choice(WORDS).lower()}-sync\n  owner: {email(who)}\n"
            f"database:\n  host: {host}\n  address: {ip}\n  user: svc_{text.rng.choice(WORDS).lower()}\n"
            f"  password: \"{text.values.db_password}\"\naws:\n  access_key_id: {text.values.aws_key_id}\n"
            f"  secret_access_key: {text.values.aws_secret}\nnotify:\n"
            + "".join(f"  - {email(text.person())}\n" for _ in range(text.rng.randint(1, 20)))).encode("utf-8")


def markdown_document(text: BusinessText, sources: Sources) -> bytes:
    lines = [f"# {text.title()}", ""]
    for _ in range(text.rng.randint(1, 8)):
        lines += [f"## {text.title()}", "", *(f"- {text.sentence()}" for _ in range(text.rng.randint(1, 6))), "",
                  text.paragraph(), ""]
    return "\n".join(lines).encode("utf-8")


def sql_literal(value: object) -> str:
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def sql_dump_document(text: BusinessText, sources: Sources) -> bytes:
    lines = ["-- MySQL dump 10.13  Distrib 8.0.28", "SET NAMES utf8mb4;",
             "CREATE TABLE `customers` (`id` int NOT NULL, `name` varchar(80), `company` varchar(80), `role` varchar(80),"
             " `email` varchar(120), `phone` varchar(40), `since` date, PRIMARY KEY (`id`));"]
    contacts = text.contact_rows(text.row_count(5, 2000))
    for start in range(0, len(contacts), 100):  # mysqldump's extended inserts
        values = ",".join(f"({start + i + 1},{','.join(sql_literal(v) for v in row)})"
                          for i, row in enumerate(contacts[start:start + 100]))
        lines.append(f"INSERT INTO `customers` VALUES {values};")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sqlite_document(text: BusinessText, sources: Sources) -> bytes:
    path = sources.scratch / f"crm-{text.rng.getrandbits(64):016x}.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, company TEXT, role TEXT, email TEXT,"
                       " phone TEXT, since TEXT)")
    connection.executemany("INSERT INTO customers (name, company, role, email, phone, since) VALUES (?, ?, ?, ?, ?, ?)",
                           text.contact_rows(text.row_count(5, 3000)))
    connection.execute("CREATE TABLE orders (number TEXT, day TEXT, customer TEXT, sku TEXT, description TEXT,"
                       " qty INTEGER, unit REAL, total REAL)")
    connection.executemany("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [[str(v) if isinstance(v, dt.date) else v for v in row] for row in text.order_rows(text.row_count(0, 3000))])
    connection.execute("CREATE TABLE tickets (id INTEGER PRIMARY KEY, opened TEXT, body TEXT)")
    connection.executemany("INSERT INTO tickets (opened, body) VALUES (?, ?)",
                           [(text.day().isoformat(), text.paragraph()) for _ in range(text.row_count(0, 400))])
    connection.commit()
    connection.close()
    data = path.read_bytes()
    path.unlink()
    return data


def archive_members(text: BusinessText, sources: Sources) -> list[Path]:
    return text.rng.sample(sources.generated, text.rng.randint(2, 12))


def tar_gz_document(text: BusinessText, sources: Sources) -> bytes:
    buffer = io.BytesIO()
    mtime = int(dt.datetime.combine(text.day(), dt.time(12), dt.UTC).timestamp())
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path in archive_members(text, sources):
            info = tarfile.TarInfo(f"{text.rng.choice(WORDS).lower()}/{path.name}")
            data = path.read_bytes()
            info.size, info.mtime = len(data), mtime
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def seven_zip_document(text: BusinessText, sources: Sources) -> bytes:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        for path in archive_members(text, sources):
            archive.writestr(path.read_bytes(), f"{text.rng.choice(WORDS).lower()}/{path.name}")
    return buffer.getvalue()


def mbox_document(text: BusinessText, sources: Sources) -> bytes:
    path = sources.scratch / f"inbox-{text.rng.getrandbits(64):016x}.mbox"
    box = mailbox.mbox(path)
    for _ in range(text.row_count(2, 200)):
        sender, recipient, sent = text.person(), text.person(), created_at(text)
        message = mailbox.mboxMessage()
        message["From"] = f"{name(sender)} <{email(sender)}>"
        message["To"] = f"{name(recipient)} <{email(recipient)}>"
        message["Subject"] = f"{text.reference()} {text.title()}"
        message["Date"] = sent.strftime("%a, %d %b %Y %H:%M:%S +0000")
        body = "\n\n".join([f"Dear {recipient.first},", *text.paragraphs(1, 5), f"Regards,\n{name(sender)}\n{phone(sender)}"])
        message.set_payload(body + "\n", charset="utf-8")
        message.set_from(email(sender), sent.timetuple())
        box.add(message)
    box.flush()
    box.close()
    data = path.read_bytes()
    path.unlink()
    return data


def pem_document(text: BusinessText, sources: Sources) -> bytes:
    who = text.person()
    company = text.rng.choice(COMPANIES)
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    # RSA for a third of them: 2048-bit key generation is what makes this builder slow.
    key = rsa.generate_private_key(65537, 2048) if text.rng.random() < 0.33 else ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{text.rng.choice(WORDS).lower()}.{company.domain}"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, company.name)])
    start = dt.datetime.combine(text.day(), dt.time(0), dt.UTC)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                   .serial_number(text.rng.getrandbits(64)).not_valid_before(start)
                   .not_valid_after(start + dt.timedelta(days=365))
                   .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email(who))]), critical=False)
                   .sign(key, hashes.SHA256()))
    parts = [certificate.public_bytes(serialization.Encoding.PEM)]
    if text.rng.random() < 0.7:
        parts.append(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return b"".join(parts)


def jpeg_document(text: BusinessText, sources: Sources) -> bytes:
    width, height = text.rng.choice(((640, 480), (1024, 768), (1600, 1200), (2048, 1536)))
    image = Image.new("RGB", (width, height), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    for y in range(40, height - 40, 28):  # a scanned page: lines of "text"
        x = 40
        while x < width - 80:
            word = text.rng.randint(20, 90)
            draw.rectangle((x, y, x + word, y + 12), fill=(40, 40, 40))
            x += word + 12
    exif = Image.Exif()
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = f"{created_at(text):%Y:%m:%d %H:%M:%S}"  # DateTimeOriginal
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=text.rng.randint(60, 92), exif=exif)
    return buffer.getvalue()


BUILDERS: dict[str, Builder] = {
    "pptx": pptx_document,
    "odt": odt_document,
    "ods": ods_document,
    "odp": odp_document,
    "rtf": rtf_document,
    "xls": xls_document,
    "html": html_document,
    "json": json_document,
    "jsonl": jsonl_document,
    "xml": xml_document,
    "yaml": yaml_document,
    "md": markdown_document,
    "sql": sql_dump_document,
    "sqlite": sqlite_document,
    "tar.gz": tar_gz_document,
    "7z": seven_zip_document,
    "mbox": mbox_document,
    "pem": pem_document,
    "jpg": jpeg_document,
}


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    source: str  # "generator" or "built"
    format: str  # the extension it was written with


def generate_seed(seed: int, out: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):  # one "wrote 44 files" line per seed is noise here
        generate_sample(["--out", str(out), "--seed", str(seed)])


def build_corpus(root: Path, seeds: int, per_format: int) -> list[CorpusFile]:
    generated_root = root / "generated"
    with ProcessPoolExecutor() as pool:
        list(pool.map(generate_seed, range(1, seeds + 1), [generated_root / f"seed-{s:03d}" for s in range(1, seeds + 1)]))
    generated = sorted(p for p in generated_root.glob("seed-*/leak/**/*") if p.is_file())  # truth.json is beside leak/
    files = [CorpusFile(p, "generator", format_of(p.name)) for p in generated]
    scratch = root / "scratch"
    scratch.mkdir()
    sources = Sources(tuple(generated), scratch)
    for extension, builder in BUILDERS.items():
        folder = root / "built" / extension.replace(".", "-")
        folder.mkdir(parents=True)
        for index in range(per_format):
            text = BusinessText(random.Random(f"{extension}-{index}"))
            path = folder / f"{text.rng.choice(WORDS).lower()}-{index:03d}.{extension}"
            path.write_bytes(builder(text, sources))
            files.append(CorpusFile(path, "built", extension))
    return files


def format_of(file_name: str) -> str:
    lowered = file_name.lower()
    if lowered.endswith(".tar.gz"):
        return "tar.gz"
    return lowered.rsplit(".", 1)[-1] if "." in lowered.lstrip(".") else lowered.lstrip(".")


# --------------------------------------------------------------------------- measurement


@dataclass
class MimeTally:
    """Running totals for one detected MIME type (local to this process; no document text)."""

    documents: int = 0
    total_bytes: int = 0
    sniff_seconds: float = 0.0
    extracted: int = 0
    extract_bytes: int = 0
    extract_seconds: float = 0.0
    slowest_seconds: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)


def timed_sniff(sniffer: Sniffer, data: bytes, file_name: str, repeat: int) -> tuple[str, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        mime = sniffer.sniff(data, file_name).mime
        runs.append(time.perf_counter() - started)
    return mime, statistics.median(runs)


def timed_extract(data: bytes, mime: str, file_name: str, limits: Limits, repeat: int) -> tuple[Status, float]:
    runs = []
    status = Status.OK
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            extract(data, mime, file_name, limits)
        except DocumentProblem as problem:
            status = STATUS_BY_PROBLEM.get(type(problem), Status.ERROR)
        except Exception:  # a library failing on a file is a result to count, not a reason to stop
            status = Status.ERROR
        runs.append(time.perf_counter() - started)
    return status, statistics.median(runs)


def warm_up(files: Sequence[CorpusFile], sniffer: Sniffer, limits: Limits) -> None:
    seen: set[str] = set()
    for corpus_file in files:
        data = corpus_file.path.read_bytes()
        mime = sniffer.sniff(data, corpus_file.path.name).mime
        if mime not in seen and extractor_for(mime) is not None:
            seen.add(mime)
            with contextlib.suppress(Exception):  # the timed pass counts this file's failure
                extract(data, mime, corpus_file.path.name, limits)


def measure(files: Sequence[CorpusFile], repeat: int) -> dict[str, MimeTally]:
    sniffer, limits = Sniffer(), Limits()
    warm_up(files, sniffer, limits)
    tallies: dict[str, MimeTally] = {}
    for corpus_file in files:
        data = corpus_file.path.read_bytes()
        file_name = corpus_file.path.name
        mime, sniff_seconds = timed_sniff(sniffer, data, file_name, repeat)
        tally = tallies.setdefault(mime, MimeTally())
        tally.documents += 1
        tally.total_bytes += len(data)
        tally.sniff_seconds += sniff_seconds
        if extractor_for(mime) is None:
            tally.failures[Status.UNSUPPORTED.value] += 1
            continue
        status, extract_seconds = timed_extract(data, mime, file_name, limits, repeat)
        tally.extracted += 1
        tally.extract_bytes += len(data)
        tally.extract_seconds += extract_seconds
        tally.slowest_seconds = max(tally.slowest_seconds, extract_seconds)
        if status is not Status.OK:
            tally.failures[status.value] += 1
    return tallies


# --------------------------------------------------------------------------- report


def failures_text(failures: Counter[str]) -> str:
    return ", ".join(f"{status} {count}" for status, count in sorted(failures.items())) or "0"


def table_row(label: str, tally: MimeTally) -> str:
    if tally.extracted and tally.extract_seconds > 0:
        rate = f"{tally.extracted / tally.extract_seconds:,.1f}"
        throughput = f"{tally.extract_bytes / tally.extract_seconds / 1e6:,.2f}"
        slowest = f"{tally.slowest_seconds * 1e3:,.1f}"
    else:
        rate = throughput = slowest = "—"
    return (f"| {label} | {tally.documents:,} | {tally.total_bytes / 1e6:,.2f} | {tally.sniff_seconds / tally.documents * 1e3:.3f} "
            f"| {rate} | {throughput} | {slowest} | {failures_text(tally.failures)} |")


def print_composition(files: Sequence[CorpusFile], seeds: int, per_format: int) -> None:
    print(f"\nCorpus: {len(files):,} files — sample generator seeds 1..{seeds} ({FILES_PER_SEED} files a seed), "
          f"plus {per_format} built documents for each of {len(BUILDERS)} formats.\n")
    print("| source | format | files | MB | distinct contents |")
    print("|---|---|---|---|---|")
    groups: dict[tuple[str, str], list[Path]] = {}
    for corpus_file in files:
        groups.setdefault((corpus_file.source, corpus_file.format), []).append(corpus_file.path)
    for (source, file_format), paths in sorted(groups.items()):
        contents = [p.read_bytes() for p in paths]
        distinct = len({hashlib.sha256(c).digest() for c in contents})
        print(f"| {source} | {file_format} | {len(paths):,} | {sum(map(len, contents)) / 1e6:,.2f} | {distinct:,} |")


def print_results(tallies: dict[str, MimeTally], wall_seconds: float) -> None:
    print("\n| detected MIME type | documents | total MB | sniff ms/doc | extract documents/s | extract MB/s "
          "| slowest extract ms | failures |")
    print("|---|---|---|---|---|---|---|---|")

    def slowness(item: tuple[str, MimeTally]) -> float:
        tally = item[1]
        return -tally.extract_seconds / tally.extracted if tally.extracted else 0.0

    for mime, tally in sorted(tallies.items(), key=slowness):
        print(table_row(f"`{mime}`", tally))
    overall = MimeTally()
    for tally in tallies.values():
        overall.documents += tally.documents
        overall.total_bytes += tally.total_bytes
        overall.sniff_seconds += tally.sniff_seconds
        overall.extracted += tally.extracted
        overall.extract_bytes += tally.extract_bytes
        overall.extract_seconds += tally.extract_seconds
        overall.slowest_seconds = max(overall.slowest_seconds, tally.slowest_seconds)
        overall.failures.update(tally.failures)
    print(table_row("**all**", overall))
    print(f"\nTimed sniff {overall.sniff_seconds:.1f} s + extract {overall.extract_seconds:.1f} s "
          f"(measurement loop {wall_seconds:.1f} s wall, file reads and warm-up included). "
          "Rows are ordered slowest extraction per document first.")
    print("Containers (ZIP, TAR.GZ, 7Z, mbox, EML with attachments) are timed for their own extract call only: "
          "members are decompressed and listed, not themselves extracted.")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=70, help="sample generator seeds 1..N (44 files each)")
    parser.add_argument("--repeat", type=int, default=1, help="time each file this many times; report the median")
    parser.add_argument("--per-format", type=int, default=60, help="documents built for each format the generator lacks")
    args = parser.parse_args(argv)
    if args.seeds < 1 or args.repeat < 1 or args.per_format < 0:
        parser.error("--seeds and --repeat must be at least 1, --per-format at least 0")
    # Libraries warn about what they parse, sometimes quoting it; none of it is a measurement.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    print(f"Command: .venv/bin/python -m benchmarks.extract_formats --seeds {args.seeds} --repeat {args.repeat} "
          f"--per-format {args.per_format}")
    with tempfile.TemporaryDirectory(prefix="extract-formats-") as scratch:
        root = Path(scratch)
        started = time.perf_counter()
        files = build_corpus(root, args.seeds, args.per_format)
        print(f"Corpus built in {time.perf_counter() - started:.1f} s (not timed below).")
        print_composition(files, args.seeds, args.per_format)
        started = time.perf_counter()
        tallies = measure(files, args.repeat)
        print_results(tallies, time.perf_counter() - started)


if __name__ == "__main__":
    main()
