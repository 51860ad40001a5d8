"""A deterministic sample leak and its ground truth.

    python -m sample_data.generate --out DIR [--seed 7]

Writes DIR/leak/ (about forty documents of a fictional vendor, Contoso, and its
customers, in the formats real shares hold) and DIR/truth.json. Every name,
address or number reaches a document through `Mentions`, which records its
normal form as the text is built: the truth lists exactly what was written,
never a pool member that no document uses. Author fields in file metadata
name people too; the truth covers document text only, as the census does.
The seed varies the numbers (cards, IBANs, SSNs, secrets, amounts, dates);
the set of files stays the same.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import shutil
import string
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import phonenumbers
from docx import Document
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font

# --------------------------------------------------------------------------- pools


@dataclass(frozen=True)
class Company:
    name: str  # as registered, legal suffix included
    short: str  # as colleagues write it; normalises to the same form
    domain: str
    region: str
    currency: str


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    company: Company | None
    role: str
    phone: str  # E.164
    title: str = ""
    personal_email: str = ""

    @property
    def email(self) -> str:
        assert self.company is not None
        local = f"{self.first}.{self.last}".replace(" ", "")
        return unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode().lower() + "@" + self.company.domain


CONTOSO = Company("Contoso Ltd.", "Contoso", "contoso.com", "GB", "GBP")
FABRIKAM = Company("Fabrikam GmbH", "Fabrikam", "fabrikam.com", "DE", "EUR")
NORTHWIND = Company("Northwind Traders Inc", "Northwind Traders", "northwindtraders.com", "US", "USD")
ADVENTURE = Company("Adventure Works LLC", "Adventure Works", "adventure-works.com", "US", "USD")
TAILSPIN = Company("Tailspin Toys SAS", "Tailspin Toys", "tailspintoys.com", "FR", "EUR")
WOODGROVE = Company("Woodgrove Bank plc", "Woodgrove Bank", "woodgrovebank.com", "GB", "GBP")
LITWARE = Company("Litware SA", "Litware", "litwareinc.com", "ES", "EUR")
WIDEWORLD = Company("Wide World Importers Corp.", "Wide World Importers", "wideworldimporters.com", "NL", "EUR")

P = {
    "halvorsen": Person("Ingrid", "Halvorsen", CONTOSO, "Chief Technology Officer", "+442079460958", "Dr."),
    "whitfield": Person("Marcus", "Whitfield", CONTOSO, "Sales Director EMEA", "+442079460412"),
    "raman": Person("Priya", "Raman", CONTOSO, "Account Executive", "+14255550100"),
    "okafor": Person("Daniel", "Okafor", CONTOSO, "Solutions Architect", "+14255550123"),
    "lindqvist": Person("Sophie", "Lindqvist", CONTOSO, "HR Manager", "+441614960754"),
    "dominguez": Person("Rafael", "Domínguez", CONTOSO, "Sales Engineer Iberia", "+34612345678"),
    "keller": Person("Hannah", "Keller", CONTOSO, "Finance Controller", "+442079460587"),
    "grant": Person("Oliver", "Grant", CONTOSO, "IT Operations Lead", "+14255550188"),
    "brenner": Person("Tobias", "Brenner", FABRIKAM, "Leiter Einkauf", "+493012345678", personal_email="tobias.brenner@web.de"),
    "vogelsang": Person("Katrin", "Vogelsang", FABRIKAM, "Head of IT", "+498921904432", "Dr."),
    "albrecht": Person("Jonas", "Albrecht", FABRIKAM, "Buyer", "+4915123456789"),
    "carter": Person("Emily", "Carter", NORTHWIND, "VP Operations", "+13125550199"),
    "moreno": Person("Jason", "Moreno", NORTHWIND, "IT Director", "+13125550142"),
    "bennett": Person("Laura", "Bennett", NORTHWIND, "Senior Buyer", "+13125550163"),
    "chen": Person("Michael", "Chen", ADVENTURE, "Chief Information Officer", "+12065550147"),
    "stein": Person("Rachel", "Stein", ADVENTURE, "Procurement Lead", "+12065550175"),
    "marchand": Person("Élodie", "Marchand", TAILSPIN, "Directrice Achats", "+33142685300"),
    "moreau": Person("Julien", "Moreau", TAILSPIN, "IT Manager", "+33612345678", personal_email="julien.moreau@yahoo.fr"),
    "pemberton": Person("Alistair", "Pemberton", WOODGROVE, "Chief Risk Officer", "+442079460112", "Prof."),
    "hughes": Person("Charlotte", "Hughes", WOODGROVE, "Vendor Manager", "+442079460233"),
    "fernandez": Person("Lucía", "Fernández", LITWARE, "Head of Digital", "+34912345678"),
    "ruiz": Person("Javier", "Ruiz", LITWARE, "Infrastructure Engineer", "+34934567890"),
    "devries": Person("Pieter", "de Vries", WIDEWORLD, "Supply Chain Director", "+31207940123", "Mr."),
    "kowalski": Person("Anna", "Kowalski", WIDEWORLD, "Logistics Manager", "+31612345678"),
    "osei": Person("Samuel", "Osei", None, "Network Engineer", "+447911123456", "Mr.", "samuel.osei84@gmail.com"),
    "santos": Person("Beatriz", "Santos", None, "Data Analyst", "+34622113344", "Mrs.", "beatriz.santos@outlook.com"),
}

PRODUCTS = (
    ("CTS-EDGE-200", "Edge Gateway 200", 1450.00),
    ("CTS-ANL-USR", "Analytics Suite licence, per user and year", 380.00),
    ("CTS-SUP-GLD", "Gold support, annual", 4200.00),
    ("CTS-PS-DAY", "Professional services day", 1150.00),
    ("CTS-SEN-PACK", "Sensor pack, ten units", 890.00),
    ("CTS-CLD-STO", "Cloud storage, per TB and month", 42.50),
)
NORTHWIND_HOSTS = (
    ("nw-dc-01", "172.16.10.11", "Windows Server 2019", "Domain controller"),
    ("nw-sql-01", "172.16.10.12", "Windows Server 2019", "ERP database"),
    ("nw-app-02", "172.16.10.14", "Ubuntu 20.04 LTS", "Warehouse app"),
    ("nw-edge-gw", "172.16.10.1", "EdgeOS 4.2", "Edge gateway"),
    ("nw-fs-01", "172.16.10.20", "Red Hat Enterprise Linux 8", "File server"),
)
WORDS = ("Harbour", "Quartz", "Falcon", "Meadow", "Copper", "Lantern", "Orbit", "Tundra")
STAGES = ("Prospecting", "Qualification", "Proposal", "Negotiation", "Closed won", "Closed lost")
ZIP_TIME = datetime(2022, 1, 31, 17, 45, tzinfo=UTC)  # when the share was dumped
ENTITY_TYPES = ("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "ORGANIZATION", "CREDIT_CARD", "IBAN_CODE", "US_SSN",
                "IP_ADDRESS", "SECRET")
TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof"})
LEGAL_SUFFIXES = frozenset({"ltd", "gmbh", "inc", "llc", "sas", "plc", "sa", "corp"})

# --------------------------------------------------------------------------- generated values


def luhn_complete(partial: str) -> str:
    total = 0
    for index, digit in enumerate(reversed(partial)):
        value = int(digit) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return partial + str((10 - total % 10) % 10)


def iban(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def grouped(value: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(value[i : i + size] for i in range(0, len(value), size))


@dataclass(frozen=True)
class Values:
    """The seeded numbers: Luhn-valid cards, IBANs with real check digits, SSNs, secrets."""

    cards: tuple[str, ...]
    ibans: dict[str, str]
    ssns: dict[str, str]
    aws_key_id: str
    aws_secret: str
    admin_password: str
    db_password: str
    code_password: str

    @classmethod
    def draw(cls, rng: random.Random) -> Values:
        def digits(n: int) -> str:
            return "".join(rng.choice(string.digits) for _ in range(n))

        def password() -> str:
            first, second = rng.sample(WORDS, 2)
            return f"{first}{rng.randint(10, 99)}!{second}"

        cards = tuple(luhn_complete(prefix + digits(15 - len(prefix))) for prefix in ("4111", "4556", "5425", "5105"))
        ibans = {
            "contoso": iban("GB", "NWBK" + digits(14)), "halvorsen": iban("GB", "BARC" + digits(14)),
            "dominguez": iban("ES", digits(20)), "litware": iban("ES", digits(20)),
        }
        # Areas 000, 666 and 900-999 are never issued; group 00 and serial 0000 neither.
        ssns = {key: f"{rng.randint(101, 665):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
                for key in ("raman", "okafor", "grant")}
        alnum = string.ascii_uppercase + string.digits
        return cls(
            cards, ibans, ssns,
            aws_key_id="AKIA" + "".join(rng.choice(alnum) for _ in range(16)),
            aws_secret="".join(rng.choice(string.ascii_letters + string.digits + "/+") for _ in range(40)),
            admin_password=password(), db_password=password(), code_password=password(),
        )


# --------------------------------------------------------------------------- truth while writing


def person_normal(written: str) -> str:
    if written.count(",") == 1:
        last, first = (part.strip() for part in written.split(","))
        written = f"{first} {last}"
    return " ".join(w for w in written.replace(".", " ").split() if w.casefold() not in TITLES).casefold()


def org_normal(written: str) -> str:
    words = re.sub(r"[^\w\s]", " ", written.replace(".", "").casefold()).split()
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


class Mentions:
    """The entities one document writes, in normal forms; each method returns the text to write."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = defaultdict(set)

    def name(self, p: Person, form: str = "plain") -> str:
        written = {"plain": f"{p.first} {p.last}", "titled": f"{p.title} {p.first} {p.last}".strip(),
                   "last_first": f"{p.last}, {p.first}"}[form]
        self.found["PERSON"].add(person_normal(written))
        return written

    def org(self, c: Company, full: bool = True) -> str:
        written = c.name if full else c.short
        self.found["ORGANIZATION"].add(org_normal(written))
        return written

    def email(self, address: str) -> str:
        self.found["EMAIL_ADDRESS"].add(address.lower())
        return address

    def phone(self, p: Person, style: str = "intl") -> str:
        number = phonenumbers.parse(p.phone)
        formats = {"intl": phonenumbers.PhoneNumberFormat.INTERNATIONAL, "national": phonenumbers.PhoneNumberFormat.NATIONAL,
                   "e164": phonenumbers.PhoneNumberFormat.E164}
        written: str = phonenumbers.format_number(number, formats[style])
        # Re-read the written form as a reader in the number's own country would.
        reread = phonenumbers.parse(written, phonenumbers.region_code_for_number(number))
        assert phonenumbers.is_valid_number(reread), written
        self.found["PHONE_NUMBER"].add(phonenumbers.format_number(reread, phonenumbers.PhoneNumberFormat.E164))
        return written

    def value(self, entity_type: str, written: str) -> str:
        if entity_type in ("CREDIT_CARD", "US_SSN", "IBAN_CODE"):
            self.found[entity_type].add("".join(ch for ch in written if ch.isalnum()).upper())
        else:
            self.found[entity_type].add(written.strip())
        return written

    def contact(self, p: Person, style: str = "intl") -> str:
        return f"{self.name(p)}, {p.role}, {self.email(p.email)}, {self.phone(p, style)}"


@dataclass
class Doc:
    """One written document; members are the entries of a ZIP or the attachments of an email."""

    data: bytes
    fmt: str
    category: str
    mentions: Mentions
    members: list[tuple[str, Doc]] = field(default_factory=list)


def walk_key(path: str) -> tuple[tuple[int, str], ...]:
    """os.walk order with sorted names: a folder's files come before its subfolders."""
    parts = path.split("/")
    return (*((1, part) for part in parts[:-1]), (0, parts[-1]))


class Leak:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs: dict[str, Doc] = {}
        self.near_duplicates: dict[str, str] = {}  # edited version -> the document it was edited from

    def put(self, path: str, doc: Doc) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(doc.data)
        self.docs[path] = doc

    def copy(self, original: str, path: str) -> None:
        self.put(path, self.docs[original])

    def edited_copy(self, original: str, path: str, doc: Doc) -> None:
        """A near-duplicate: the same document with small edits (a date, a figure)."""
        self.put(path, doc)
        self.near_duplicates[path] = original

    def truth(self, seed: int, canaries: list[str]) -> dict[str, object]:
        """duplicate_of names the first copy in walk order, members right after their container, as a scan meets them."""
        ordered: list[tuple[str, Doc]] = []
        for path in sorted(self.docs, key=walk_key):
            ordered.append((path, self.docs[path]))
            ordered.extend((f"{path}!/{name}", member) for name, member in self.docs[path].members)
        first_by_digest: dict[str, str] = {}
        files: dict[str, object] = {}
        by_file: dict[str, dict[str, list[str]]] = {}
        entities: dict[str, set[str]] = {kind: set() for kind in ENTITY_TYPES}
        for path, doc in ordered:
            digest = hashlib.sha256(doc.data).hexdigest()
            first = first_by_digest.setdefault(digest, path)
            files[path] = {"format": doc.fmt, "category": doc.category, "members": [name for name, _ in doc.members],
                           "duplicate_of": None if first == path else first,
                           "near_duplicate_of": self.near_duplicates.get(path)}
            by_file[path] = {kind: sorted(values) for kind, values in sorted(doc.mentions.found.items()) if values}
            for kind, values in doc.mentions.found.items():
                entities[kind] |= values
        return {"seed": seed, "files": files, "entities": {kind: sorted(v) for kind, v in entities.items()},
                "entities_by_file": by_file, "canaries": canaries}


# --------------------------------------------------------------------------- writers (real libraries, fixed clocks)


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=UTC)


def day_of(rng: random.Random, number: str) -> date:
    """A day in the year that a quote, order or invoice number carries."""
    year = int(re.findall(r"20\d\d", number)[0])
    return pick_day(rng, year, year)


def pick_day(rng: random.Random, first: int = 2017, last: int = 2022) -> date:
    start = date(first, 1, 3)
    return start + timedelta(days=rng.randrange((date(last, 12, 20) - start).days))


def zip_bytes(entries: Sequence[tuple[str, bytes]], when: datetime) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, payload in entries:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, payload)
    return buffer.getvalue()


def restamp(data: bytes, when: datetime) -> bytes:
    """Rewrites an OOXML package with fixed member times and a fixed dcterms:modified.

    openpyxl stamps `modified` with the wall clock inside save(), and both
    libraries let zipfile stamp each member with the current time.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    entries = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            payload = archive.read(info)
            if info.filename == "docProps/core.xml":
                payload = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", payload)
            entries.append((info.filename, payload))
    return zip_bytes(entries, when)


def pdf_bytes(title: str, lines: Sequence[str], when: datetime, author: str) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(when)
    pdf.set_author(author)
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        if line:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    return bytes(pdf.output())


Table = list[list[object]]


def xlsx_bytes(sheets: Sequence[tuple[str, list[str], Table]], when: datetime, author: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for index, name in enumerate(header):
            width = max(len(str(v)) for v in [name, *(row[index] for row in rows)])
            sheet.column_dimensions[chr(ord("A") + index)].width = min(width + 2, 60)
    naive = when.replace(tzinfo=None)  # openpyxl writes naive datetimes as UTC
    book.properties.creator = author
    book.properties.created = naive
    book.properties.modified = naive
    buffer = io.BytesIO()
    book.save(buffer)
    return restamp(buffer.getvalue(), when)


def docx_bytes(title: str, blocks: Sequence[str | list[list[str]]], when: datetime, author: str) -> bytes:
    """Blocks: paragraphs, '## ' headings, '- ' bullets, or tables whose first row is the header."""
    document = Document()
    props = document.core_properties
    props.author = props.last_modified_by = author
    props.title = title
    props.created = props.modified = when.replace(tzinfo=None)
    props.revision = 3
    document.add_heading(title, 1)
    for block in blocks:
        if isinstance(block, list):
            table = document.add_table(rows=0, cols=len(block[0]))
            table.style = "Table Grid"
            for row in block:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
        elif block.startswith("## "):
            document.add_heading(block[3:], 2)
        elif block.startswith("- "):
            document.add_paragraph(block[2:], style="List Bullet")
        else:
            document.add_paragraph(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return restamp(buffer.getvalue(), when)


def csv_bytes(header: list[str], rows: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def eml_bytes(head: dict[str, str], body: str, when: datetime, attachments: Sequence[tuple[str, bytes]], msgid: str) -> bytes:
    message = EmailMessage()
    for key, value in head.items():
        message[key] = value
    message["Date"] = format_datetime(when)
    message["Message-ID"] = f"<{msgid}@mail.contoso.com>"
    message.set_content(body)
    for name, payload in attachments:
        subtype = "pdf" if name.endswith(".pdf") else "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        message.add_attachment(payload, maintype="application", subtype=subtype, filename=name)
    if attachments:
        # The email package draws boundaries from the global random generator.
        message.set_boundary(f"=_boundary_{msgid}")
    return message.as_bytes()


# --------------------------------------------------------------------------- document kinds


def money(amount: float, currency: str) -> str:
    return f"{currency} {amount:,.2f}"


def line_items(rng: random.Random, count: int) -> list[tuple[str, str, int, float, float]]:
    items = []
    for sku, description, price in rng.sample(PRODUCTS, count):
        qty = rng.randint(1, 40)
        items.append((sku, description, qty, price, round(qty * price, 2)))
    return items


def quote_pdf(rng: random.Random, number: str, day: date, customer: Person, rep: Person) -> Doc:
    m, company = Mentions(), customer.company
    assert company is not None
    items = line_items(rng, 3)
    lines = [
        f"Date: {day:%d %B %Y}        Valid until: {day + timedelta(days=60):%d %B %Y}", "",
        f"Prepared for: {m.name(customer, 'titled')}, {customer.role}", m.org(company),
        f"Email: {m.email(customer.email)}    Phone: {m.phone(customer)}", "",
        "We are pleased to submit the following price offer:", "",
        *(f"{sku}  {desc}  -  {qty} x {money(price, company.currency)} = {money(total, company.currency)}"
          for sku, desc, qty, price, total in items), "",
        f"Total (excl. VAT): {money(sum(i[4] for i in items), company.currency)}",
        "Payment terms: 30 days net. Delivery within four weeks of order.", "",
        f"Your contact at {m.org(CONTOSO)}: {m.name(rep)}, {rep.role}",
        f"{m.email(rep.email)}  |  {m.phone(rep)}",
    ]
    return Doc(pdf_bytes(f"Quotation {number}", lines, at(day), m.name(rep)), "pdf", "offer", m)


def angebot_docx(rng: random.Random, day: date) -> Doc:
    m, buyer, rep = Mentions(), P["brenner"], P["dominguez"]
    rows = [["Pos.", "Artikel", "Menge", "Einzelpreis"]]
    for index, (sku, _, qty, price, _) in enumerate(line_items(rng, 3), start=1):
        rows.append([str(index), sku, str(qty), f"{price:,.2f} EUR".translate(str.maketrans(",.", ".,"))])
    blocks: list[str | list[list[str]]] = [
        f"{m.org(FABRIKAM)}, Einkauf, z. Hd. {m.name(buyer)}, Friedrichstraße 120, 10117 Berlin",
        f"Berlin, den {day:%d.%m.%Y}",
        f"Sehr geehrter Herr {buyer.last},",
        "vielen Dank für Ihre Anfrage und das freundliche Gespräch in der letzten Woche. Gerne unterbreiten wir Ihnen "
        "das folgende Angebot für die Erweiterung Ihrer Standorte. Die Preise verstehen sich zuzüglich der gesetzlichen "
        "Mehrwertsteuer. Das Angebot ist sechzig Tage gültig.",
        rows,
        f"Für Rückfragen erreichen Sie Herrn {buyer.last} bei Ihnen im Haus unter Telefon {m.phone(buyer, 'national')}, "
        f"E-Mail {m.email(buyer.email)}. Unser Vertriebsteam erreichen Sie unter {m.phone(rep)}.",
        "Wir freuen uns auf Ihre Bestellung und verbleiben mit freundlichen Grüßen",
        f"{m.name(rep)}, Vertrieb, {m.org(CONTOSO)}",
    ]
    return Doc(docx_bytes("Angebot Nr. A-2021-118", blocks, at(day), rep.first + " " + rep.last), "docx", "offer", m)


def purchase_order_xlsx(rng: random.Random, number: str, day: date, buyer: Person) -> Doc:
    m, company = Mentions(), buyer.company
    assert company is not None
    header_row: list[object] = [number, day.isoformat(), m.org(company), m.name(buyer), m.email(buyer.email), m.phone(buyer),
                  (day + timedelta(days=21)).isoformat(), m.org(CONTOSO)]
    lines: Table = [[index, sku, desc, qty, price, total]
                    for index, (sku, desc, qty, price, total) in enumerate(line_items(rng, rng.randint(2, 4)), start=1)]
    sheets: list[tuple[str, list[str], Table]] = [
        ("Purchase order", ["PO number", "Order date", "Customer", "Buyer", "Buyer email", "Buyer phone", "Delivery date",
                            "Supplier"], [header_row]),
        ("Lines", ["Line", "SKU", "Description", "Qty", "Unit price", "Line total"], lines),
    ]
    return Doc(xlsx_bytes(sheets, at(day), buyer.first + " " + buyer.last), "xlsx", "product_order", m)


def invoice_pdf(rng: random.Random, number: str, day: date, customer: Person, values: Values, debit: str = "") -> Doc:
    m, company = Mentions(), customer.company
    assert company is not None
    items = line_items(rng, 2)
    net = sum(i[4] for i in items)
    payment = (f"Amount due will be collected by SEPA direct debit from IBAN {m.value('IBAN_CODE', grouped(debit))}."
               if debit else f"Please pay to {m.org(CONTOSO)}, IBAN {m.value('IBAN_CODE', grouped(values.ibans['contoso']))}, "
                             "BIC NWBKGB2L.")
    lines = [
        f"Invoice number: {number}    Invoice date: {day:%d %b %Y}    Due date: {day + timedelta(days=30):%d %b %Y}", "",
        f"Bill to: {m.name(customer)}, {m.org(company)}", f"Email: {m.email(customer.email)}", "",
        *(f"{sku}  {desc}: {qty} x {money(price, company.currency)} = {money(total, company.currency)}"
          for sku, desc, qty, price, total in items), "",
        f"Subtotal: {money(net, company.currency)}    VAT 20%: {money(net * 0.2, company.currency)}",
        f"Amount due: {money(net * 1.2, company.currency)}", "", "Payment terms: 30 days net.", payment,
        f"Questions about this invoice: {m.contact(P['keller'])}",
    ]
    return Doc(pdf_bytes(f"Invoice {number}", lines, at(day), "Accounts Receivable"), "pdf", "invoice", m)


def account_plan_docx(rng: random.Random, customer: Company, contacts: Sequence[Person], owner: Person, day: date) -> Doc:
    m = Mentions()
    target = rng.randrange(400, 2400) * 1000
    blocks: list[str | list[list[str]]] = [
        f"Account plan for {m.org(customer)}, fiscal year {day.year + 1}. Account owner: {m.name(owner)}. "
        f"Confidential - internal sales strategy of {m.org(CONTOSO, full=False)}.",
        "## Key contacts",
        [["Name", "Role", "Email", "Phone"], *([m.name(p), p.role, m.email(p.email), m.phone(p)] for p in contacts)],
        "## Strategy",
        f"- Grow annual revenue with {m.org(customer, full=False)} to {money(target, customer.currency)} "
        "by landing the analytics suite in two more business units.",
        "- Competitive situation: the incumbent competitor is discounting 25%; hold list price, add services days.",
        f"- Executive sponsor: {m.name(contacts[0])}; schedule a quarterly business review.",
        "## SWOT",
        "Strengths: installed gateways, good support record. Weaknesses: slow onboarding in 2019. "
        "Opportunities: warehouse automation programme. Threats: budget freeze announced for Q2.",
    ]
    return Doc(docx_bytes(f"Account plan - {customer.short}", blocks, at(day), owner.first + " " + owner.last), "docx",
               "sales_strategy", m)


def agreement_blocks(m: Mentions, kind: str, other: Company, signer: Person, ours: Person, day: date) -> list[str]:
    clauses = {
        "Mutual Non-Disclosure Agreement": "Each party shall keep the Confidential Information of the other party "
        "secret and use it only to evaluate a possible business relationship. This obligation survives termination "
        "for five years.",
        "Master Services Agreement": "The Supplier shall provide the services described in each statement of work. "
        "Fees are invoiced monthly in arrears; either party may terminate for convenience on ninety days notice.",
    }
    return [
        f"This {kind} (the Agreement) is made on {day:%d %B %Y} between {m.org(CONTOSO)}, 1 Harbour Exchange Square, "
        f"London E14 9GE (hereinafter Contoso) and {m.org(other)} (hereinafter the Customer).",
        "WHEREAS the parties wish to exchange information and services under the terms and conditions below;",
        clauses[kind],
        "This Agreement is governed by the laws of England and Wales.",
        f"Notices to the Customer: {m.name(signer, 'titled')}, {m.email(signer.email)}.",
        "IN WITNESS WHEREOF the parties have signed this Agreement.",
        f"For {m.org(CONTOSO, full=False)}: {m.name(ours)}, {ours.role}. "
        f"For the Customer: {m.name(signer, 'titled')}, {signer.role}.",
    ]


def agreement_doc(fmt: str, kind: str, other: Company, signer: Person, ours: Person, day: date) -> Doc:
    m = Mentions()
    blocks = agreement_blocks(m, kind, other, signer, ours, day)
    author = ours.first + " " + ours.last
    data = (docx_bytes(kind, list(blocks), at(day), author) if fmt == "docx" else pdf_bytes(kind, blocks, at(day), author))
    return Doc(data, fmt, "contract", m)


def pipeline_xlsx(rng: random.Random) -> Doc:
    m = Mentions()
    reps = [P["whitfield"], P["raman"], P["dominguez"], P["okafor"]]
    accounts = [FABRIKAM, NORTHWIND, ADVENTURE, TAILSPIN, WOODGROVE, LITWARE, WIDEWORLD]
    rows: Table = []
    for index, account in enumerate(accounts * 2):
        quarter = index % 4 + 1
        rows.append([f"OPP-{2100 + index}", m.org(account), m.name(rng.choice(reps)), rng.choice(STAGES),
                     rng.randrange(20, 900) * 1000, rng.choice((10, 25, 50, 75, 90)), f"FY2021 Q{quarter}"])
    forecast: Table = [[f"Q{q}", rng.randrange(800, 1500) * 1000, rng.randrange(1500, 2500) * 1000, 2_000_000]
                       for q in range(1, 5)]
    sheets = [("Pipeline", ["Opportunity", "Account", "Owner", "Stage", "Amount (GBP)", "Probability", "Quarter"], rows),
              ("Forecast", ["Quarter", "Commit", "Best case", "Quota"], forecast)]
    return Doc(xlsx_bytes(sheets, at(date(2020, 12, 14)), "Marcus Whitfield"), "xlsx", "sales_data", m)


def forecast_csv(rng: random.Random) -> Doc:
    m = Mentions()
    deals = [(NORTHWIND, "raman"), (ADVENTURE, "okafor"), (WOODGROVE, "whitfield"), (LITWARE, "dominguez"),
             (FABRIKAM, "dominguez"), (TAILSPIN, "whitfield")]
    rows: Table = [["EMEA" if c.region != "US" else "Americas", m.org(c, full=False), m.name(P[rep]),
                    f"{c.short} expansion", rng.choice(STAGES[:4]), rng.randrange(50, 600) * 1000,
                    rng.choice((25, 50, 75)), f"2020-{rng.randint(7, 9):02d}-{rng.randint(1, 28):02d}"]
                   for c, rep in deals]
    header = ["Region", "Account", "Sales rep", "Deal", "Stage", "Amount", "Probability", "Expected close"]
    return Doc(csv_bytes(header, rows), "csv", "sales_data", m)


def contacts_xlsx() -> Doc:
    m = Mentions()
    people = ["brenner", "vogelsang", "carter", "moreno", "bennett", "chen", "stein", "marchand", "moreau", "pemberton",
              "hughes", "fernandez", "devries", "kowalski"]
    rows: Table = []
    for key in people:
        p = P[key]
        assert p.company is not None
        rows.append([m.name(p, "titled"), m.org(p.company), p.role, m.email(p.email),
                     m.phone(p, "national" if p.company.region == "US" else "intl"), p.company.region])
    header = ["Name", "Company", "Job title", "Email", "Phone", "Country"]
    return Doc(xlsx_bytes([("Key accounts", header, rows)], at(date(2021, 9, 6)), "Priya Raman"), "xlsx", "contact_list", m)


def crm_export_csv() -> Doc:
    m = Mentions()
    rows: Table = []
    for key in ("brenner", "albrecht", "carter", "bennett", "stein", "marchand", "moreau", "hughes", "ruiz", "kowalski"):
        p = P[key]
        assert p.company is not None
        rows.append([m.name(p, "last_first"), m.org(p.company, full=False), m.email(p.email),
                     m.email(p.personal_email) if p.personal_email else "", m.phone(p, "e164"), "Priya Raman"])
    m.name(P["raman"])
    header = ["Contact", "Account", "Email", "Email 2", "Mobile", "Owner"]
    return Doc(csv_bytes(header, rows), "csv", "contact_list", m)


def employees_xlsx(rng: random.Random, values: Values) -> Doc:
    m = Mentions()
    rows: Table = []
    for index, key in enumerate(("halvorsen", "whitfield", "raman", "okafor", "lindqvist", "dominguez", "keller", "grant")):
        p = P[key]
        ssn = m.value("US_SSN", values.ssns[key]) if key in values.ssns else ""
        rows.append([f"E-{10230 + index}", m.name(p), p.role, m.email(p.email), m.phone(p), ssn,
                     pick_day(rng, 2017, 2019).isoformat(), rng.randrange(48, 160) * 1000])
    header = ["Employee ID", "Name", "Job title", "Email", "Phone", "SSN", "Start date", "Annual salary"]
    m.org(CONTOSO)
    return Doc(xlsx_bytes([("Staff 2020", header, rows)], at(date(2020, 2, 3)), "Sophie Lindqvist"), "xlsx",
               "personnel", m)


def payroll_csv(rng: random.Random, values: Values) -> Doc:
    m = Mentions()
    rows: Table = [[m.name(P[key], "last_first"), m.value("IBAN_CODE", grouped(values.ibans[key])),
                    f"{rng.randrange(2800, 7200)}.00", f"{rng.randrange(600, 2400)}.00", "2019-12-27"]
                   for key in ("halvorsen", "dominguez")]
    return Doc(csv_bytes(["Employee", "IBAN", "Net pay", "Tax withheld", "Pay date"], rows), "csv", "financial", m)


def cv_blocks(m: Mentions, p: Person, past: Company, referee: Person, years: str) -> list[str]:
    return [
        f"{m.name(p)}  |  {m.email(p.personal_email)}  |  {m.phone(p)}",
        "## Experience",
        f"{years}: {p.role} at {m.org(past)}. Ran the branch network refresh and the migration to a new monitoring stack.",
        f"{int(years[:4]) - 2}-{years[:4]}: Graduate trainee, regional systems integrator.",
        "## Education",
        "BSc Computer Science, with honours.",
        "## References",
        f"{m.name(referee, 'titled')}, {referee.role}, {m.org(past, full=False)}, {m.email(referee.email)}",
    ]


def cv_doc(fmt: str, p: Person, past: Company, referee: Person, years: str) -> Doc:
    m = Mentions()
    blocks, when, author = cv_blocks(m, p, past, referee, years), at(date(int(years[-4:]), 5, 2)), f"{p.first} {p.last}"
    data = docx_bytes("Curriculum vitae", list(blocks), when, author) if fmt == "docx" else pdf_bytes("Curriculum vitae",
                                                                                                       blocks, when, author)
    return Doc(data, fmt, "personnel", m)


def card_payments_csv(values: Values) -> Doc:
    m = Mentions()
    separators = (" ", "-", "", " ")  # how clerks typed them: spaced, dashed, run together
    holders = ("carter", "stein", "kowalski", "hughes")
    expiries = ("09/22", "11/21", "04/22", "12/21")
    rows: Table = []
    for index, (card, sep, key) in enumerate(zip(values.cards, separators, holders, strict=True)):
        p = P[key]
        assert p.company is not None
        written = grouped(card, sep=sep) if sep else card
        rows.append([f"2020-0{index + 4}-1{index}", m.org(p.company), m.name(p), m.value("CREDIT_CARD", written),
                     expiries[index], f"{(index + 1) * 1234.5:.2f}", f"A{7731 + index * 11}"])
    header = ["Date", "Customer", "Cardholder", "Card number", "Expiry", "Amount", "Auth code"]
    return Doc(csv_bytes(header, rows), "csv", "financial", m)


def minutes_docx() -> Doc:
    m = Mentions()
    attendees = [P["halvorsen"], P["whitfield"], P["raman"], P["okafor"], P["keller"]]
    blocks: list[str | list[list[str]]] = [
        "Internal - do not forward. Meeting minutes of the weekly pipeline review, 12 March 2020.",
        "Attendees: " + ", ".join(m.name(p) for p in attendees),
        "## Discussion",
        f"- {m.org(WOODGROVE, full=False)} renewal is at risk: their vendor manager {m.name(P['hughes'])} complained "
        "about two outages. We agreed to offer three free services days rather than a discount.",
        f"- {m.org(NORTHWIND, full=False)}: {m.name(P['carter'])} wants the PoC extended; margin is thin, "
        "keep it to four weeks.",
        f"- {m.org(ADVENTURE)} procurement ({m.name(P['stein'])}) asks for 30% off - not acceptable.",
        "## Action items",
        [["Owner", "Action", "Due"], [m.name(P["whitfield"]), f"Call {m.org(WOODGROVE, full=False)} CRO", "2020-03-16"],
         [m.name(P["okafor"]), "Revise PoC plan", "2020-03-19"], [m.name(P["keller"]), "Check credit limit", "2020-03-20"]],
    ]
    return Doc(docx_bytes("Pipeline review - minutes", blocks, at(date(2020, 3, 12), 15), "Marcus Whitfield"), "docx",
               "internal_comment", m)


def escalation_txt() -> Doc:
    m = Mentions()
    text = (
        f"{m.org(WOODGROVE, full=False)} escalation - notes (internal, D.O.)\n"
        "2020-11-20\n\n"
        f"Call with {m.name(P['hughes'])} ({m.org(WOODGROVE, full=False)}), she reached me on my mobile.\n"
        "They lost the payments gateway twice last week; root cause is the firmware bug we patched in October.\n"
        f"She wants {m.name(P['pemberton'], 'titled')} on the next call. Her direct line: {m.phone(P['hughes'])}.\n\n"
        f"Priya to chase the renewal paperwork - reach her on {m.phone(P['raman'], 'national')}, "
        f"I'm on {m.phone(P['okafor'], 'national')} all week.\n"
        "Do NOT mention the discount Marcus floated; finance has not approved it.\n"
    )
    return Doc(text.encode("utf-8"), "txt", "internal_comment", m)


def poc_design_docx() -> Doc:
    m = Mentions()
    hosts = [("aw-poc-gw01", "10.50.0.10", "Edge gateway"), ("aw-poc-anl01", "10.50.0.11", "Analytics node"),
             ("aw-poc-db01", "10.50.0.12", "PostgreSQL 12")]
    blocks: list[str | list[list[str]]] = [
        f"Proof of concept for {m.org(ADVENTURE)}: solution design, version 1.2, prepared by {m.name(P['okafor'])}.",
        "## Objectives and success criteria",
        "- Ingest sensor data from two plants with under five seconds latency.",
        "- Dashboards for plant managers; single sign-on with the customer's directory.",
        "## Architecture and environment",
        [["Hostname", "IP address", "Role"], *([h, m.value("IP_ADDRESS", ip), r] for h, ip, r in hosts)],
        "## Contacts",
        [["Name", "Role", "Email", "Phone"],
         *([m.name(p), p.role, m.email(p.email), m.phone(p, "national")] for p in (P["chen"], P["okafor"]))],
        "The pilot runs for six weeks; the technical design review is with the customer's CIO.",
    ]
    return Doc(docx_bytes("PoC solution design - Adventure Works", blocks, at(date(2019, 8, 22)), "Daniel Okafor"), "docx",
               "proof_of_concept", m)


def poc_results_pdf() -> Doc:
    m = Mentions()
    lines = [
        f"Customer: {m.org(LITWARE)}. Pilot period: 10 January to 18 February 2022.", "",
        "Success criteria and results:",
        "1. Throughput of 20,000 events per second - met (24,500 measured).",
        "2. Failover of the edge gateway in under 30 seconds - met.",
        "3. Integration with the customer ERP - partially met; export job runs nightly only.", "",
        f"Customer contacts: {m.contact(P['fernandez'])}",
        f"Technical lead: {m.contact(P['ruiz'])}",
        f"{m.org(CONTOSO, full=False)} team: {m.contact(P['dominguez'])}",
        "Recommendation: proceed to production with the architecture described in the solution design.",
    ]
    return Doc(pdf_bytes("Proof of concept - results", lines, at(date(2022, 2, 25)), "Rafael Dominguez"), "pdf",
               "proof_of_concept", m)


def assets_rows(m: Mentions, rng: random.Random, rows: int | None = None) -> Table:
    """The first `rows` servers (all by default); only what is written is recorded as truth."""
    owners = (P["moreno"], P["moreno"], P["carter"], P["moreno"], P["bennett"])
    hosts = list(zip(NORTHWIND_HOSTS, owners, strict=True))[:rows]
    return [[host, m.value("IP_ADDRESS", ip), system, role, f"R{rng.randint(1, 6)}-U{rng.randint(1, 42)}",
             f"SN{rng.randrange(10**7, 10**8)}", m.name(owner), m.email(owner.email)]
            for (host, ip, system, role), owner in hosts]


ASSET_HEADER = ["Hostname", "IP address", "OS", "Role", "Rack", "Serial", "Owner", "Owner email"]



def assets_xlsx(rng: random.Random) -> Doc:
    m = Mentions()
    data = xlsx_bytes([("Servers", ASSET_HEADER, assets_rows(m, rng))], at(date(2021, 2, 8)), "Oliver Grant")
    return Doc(data, "xlsx", "customer_asset", m)

def env_file(values: Values) -> Doc:
    m = Mentions()
    text = (
        "# CRM sync service - production. Ask Oliver before changing anything.\n"
        f"AWS_ACCESS_KEY_ID={m.value('SECRET', values.aws_key_id)}\n"
        f"AWS_SECRET_ACCESS_KEY={m.value('SECRET', values.aws_secret)}\n"
        "AWS_REGION=eu-west-2\n"
        f"SMTP_USER={m.email('crm-sync@contoso.com')}\n"
        f"ADMIN_PASSWORD={m.value('SECRET', values.admin_password)}\n"
        f"DATABASE_URL=postgresql://crm_sync:{m.value('SECRET', values.db_password)}@{m.value('IP_ADDRESS', '10.20.4.15')}"
        ":5432/crm\n"
    )
    return Doc(text.encode("utf-8"), "env", "credentials", m)


def source_py(values: Values) -> Doc:
    m = Mentions()
    text = (
        '"""Nightly sync of CRM contacts into the billing database.\n\n'
        f"Maintainer: {m.name(P['grant'])} <{m.email(P['grant'].email)}>\n"
        '"""\n\nimport os\n\nimport psycopg2\n\n'
        "# TODO remove the fallback once the vault is live\n"
        f'FALLBACK_PASSWORD = "{m.value("SECRET", values.code_password)}"\n\n\n'
        "def connect():\n"
        f'    host = os.environ.get("CRM_DB_HOST", "{m.value("IP_ADDRESS", "10.20.4.16")}")\n'
        '    password = os.environ.get("CRM_DB_PASSWORD", FALLBACK_PASSWORD)\n'
        '    return psycopg2.connect(host=host, dbname="crm", user="crm_sync", password=password)\n\n\n'
        "def sync(rows):\n    with connect() as db, db.cursor() as cur:\n"
        '        cur.executemany("INSERT INTO contacts (name, email) VALUES (%s, %s)", rows)\n'
    )
    return Doc(text.encode("utf-8"), "py", "source_code", m)


def sync_log() -> Doc:
    m = Mentions()
    lines = [
        f"2021-06-14 02:00:01,113 INFO  crm_sync start host={m.value('IP_ADDRESS', '10.20.4.16')}",
        f"2021-06-14 02:00:03,540 INFO  synced contact {m.email(P['halvorsen'].email)}",
        f"2021-06-14 02:00:03,871 INFO  synced contact {m.email(P['carter'].email)}",
        f"2021-06-14 02:00:04,002 WARN  bounce for {m.email(P['kowalski'].email)}",
        f"2021-06-14 02:00:09,415 ERROR login failed for user j.moreno from {m.value('IP_ADDRESS', '203.0.113.57')}",
        f"2021-06-14 02:00:09,977 INFO  admin session from {m.value('IP_ADDRESS', '198.51.100.23')}",
        "2021-06-14 02:00:12,020 INFO  crm_sync done: 412 contacts, 3 warnings",
    ]
    return Doc(("\n".join(lines) + "\n").encode("utf-8"), "log", "other", m)


def email_doc(head: dict[str, str], body: str, day: date, attachments: list[tuple[str, Doc]], msgid: str,
              m: Mentions) -> Doc:
    data = eml_bytes(head, body, at(day, 14), [(name, doc.data) for name, doc in attachments], msgid)
    return Doc(data, "eml", "correspondence", m, attachments)


def address(m: Mentions, p: Person) -> str:
    return f"{m.name(p)} <{m.email(p.email)}>"



def quote_mail(rng: random.Random) -> Doc:
    m = Mentions()
    quote = quote_pdf(rng, "Q-2019-0433", date(2019, 5, 13), P["bennett"], P["raman"])
    body = (f"Hi Laura,\n\nplease find attached our quotation Q-2019-0433 for the second warehouse. "
            f"Happy to walk you through it on a call.\n\nBest regards\n{m.name(P['raman'])}\n{m.org(CONTOSO)}\n"
            f"{m.phone(P['raman'])}\n\n> From: {address(m, P['bennett'])}\n> Could you send us an updated offer?\n"
            f"> Laura, {m.org(NORTHWIND)}, {m.phone(P['bennett'], 'national')}\n")
    head = {"From": address(m, P["raman"]), "To": address(m, P["bennett"]), "Cc": address(m, P["whitfield"]),
            "Subject": "RE: Updated quotation for the second warehouse"}
    return email_doc(head, body, date(2019, 5, 14), [("Contoso_Quotation_Q-2019-0433.pdf", quote)], "q20190433", m)


def order_mail(rng: random.Random) -> Doc:
    m = Mentions()
    order = purchase_order_xlsx(rng, "PO-2021-45001877", date(2021, 3, 1), P["albrecht"])
    body = (f"Hello Rafael,\n\nattached is our purchase order PO-2021-45001877 for the Munich site. Please confirm the "
            f"delivery date.\n\nMit freundlichen Grüßen\n{m.name(P['albrecht'])}\n{m.org(FABRIKAM)}, Einkauf\n"
            f"Tel. {m.phone(P['albrecht'])}\n")
    head = {"From": address(m, P["albrecht"]), "To": address(m, P["dominguez"]), "Cc": address(m, P["brenner"]),
            "Subject": "Bestellung PO-2021-45001877"}
    return email_doc(head, body, date(2021, 3, 2), [("Bestellung_PO-2021-45001877.xlsx", order)], "po45001877", m)


def forward_mail() -> Doc:
    m = Mentions()
    body = (f"Ingrid, FYI - see below. Can we talk before Hannah releases the credit note?\nMarcus\n\n"
            f"---------- Forwarded message ----------\nFrom: {address(m, P['hughes'])}\n\n"
            f"Dear Marcus,\n\nthe outages of 9 and 12 November are unacceptable for {m.org(WOODGROVE)}. "
            f"We expect a service credit and a call with {m.name(P['pemberton'], 'titled')} this week.\n\n"
            f"Regards\n{m.name(P['hughes'])}\n{m.phone(P['hughes'])}\n")
    head = {"From": address(m, P["whitfield"]), "To": address(m, P["halvorsen"]), "Cc": address(m, P["keller"]),
            "Subject": "FW: Service outages November"}
    return email_doc(head, body, date(2020, 11, 23), [], "fw20201123", m)


def handover_zip(rng: random.Random, account_plan: Doc) -> Doc:
    """A handover pack: a note, a byte-identical copy of the account plan, a price list in a subfolder, servers."""
    m = Mentions()
    readme = (f"Internal handover notes for {m.org(NORTHWIND)} - do not share with the customer.\n\n"
              f"Prepared by {m.name(P['raman'])} before her parental leave.\n"
              f"Questions: {m.email(P['raman'].email)} or {m.phone(P['raman'])}.\n"
              f"Main contact on the customer side: {m.name(P['carter'])}, {m.phone(P['carter'])}.\n")
    readme_doc = Doc(readme.encode("utf-8"), "txt", "internal_comment", m)
    prices: Table = [[sku, desc, price, 15, round(price * 0.85, 2)] for sku, desc, price in PRODUCTS]
    prices_doc = Doc(xlsx_bytes([("Price list 2021", ["SKU", "Description", "List price", "Discount %", "Net price"],
                                  prices)], at(date(2021, 1, 11)), "Priya Raman"), "xlsx", "offer", Mentions())
    m = Mentions()
    assets_doc = Doc(csv_bytes(ASSET_HEADER, assets_rows(m, rng, rows=3)), "csv", "customer_asset", m)
    members = [("README.txt", readme_doc), ("account_plan_northwind.docx", account_plan),
               ("pricing/Northwind_price_list_2021.xlsx", prices_doc), ("assets/northwind_servers.csv", assets_doc)]
    archive = zip_bytes([(name, doc.data) for name, doc in members], ZIP_TIME)
    return Doc(archive, "zip", "other", Mentions(), members)

# --------------------------------------------------------------------------- the leak


def build(leak: Leak, rng: random.Random, values: Values) -> None:
    leak.put("sales/pipeline_FY2021.xlsx", pipeline_xlsx(rng))
    leak.put("sales/forecast_Q3_2020.csv", forecast_csv(rng))
    leak.put("sales/contacts_key_accounts.xlsx", contacts_xlsx())
    leak.put("sales/Angebot_Fabrikam_A-2021-118.docx", angebot_docx(rng, date(2021, 4, 12)))
    northwind_team = [P["carter"], P["moreno"], P["bennett"]]
    leak.put("sales/account_plans/account_plan_northwind.docx",
             account_plan_docx(rng, NORTHWIND, northwind_team, P["raman"], date(2020, 10, 5)))
    leak.put("sales/account_plans/account_plan_fabrikam.docx",
             account_plan_docx(rng, FABRIKAM, [P["vogelsang"], P["brenner"]], P["dominguez"], date(2020, 10, 7)))
    quotes = [("Q-2019-0412", NORTHWIND, "bennett", "raman"), ("Q-2019-0577", WOODGROVE, "hughes", "whitfield"),
              ("Q-2020-0108", LITWARE, "fernandez", "dominguez"), ("Q-2021-0233", ADVENTURE, "stein", "okafor")]
    for number, company, customer, rep in quotes:
        leak.put(f"sales/quotes/{number}_{company.short.replace(' ', '_')}.pdf",
                 quote_pdf(rng, number, day_of(rng, number), P[customer], P[rep]))
    leak.put("exports/crm_contacts_2022-01-10.csv", crm_export_csv())

    for number, buyer in (("PO-2020-45001833", "albrecht"), ("PO-2019-77120", "bennett"), ("PO-AW-2021-3391", "stein"),
                          ("PO-TT-2018-044", "marchand")):
        buyer_company = P[buyer].company
        assert buyer_company is not None
        leak.put(f"orders/{number}_{buyer_company.short.replace(' ', '_')}.xlsx",
                 purchase_order_xlsx(rng, number, day_of(rng, number), P[buyer]))
    for number, customer, debit in (("INV-2019-00317", "bennett", ""), ("INV-2020-00452", "vogelsang", ""),
                                    ("INV-2020-00689", "fernandez", values.ibans["litware"]),
                                    ("INV-2021-00120", "devries", "")):
        leak.put(f"orders/invoices/{number}.pdf", invoice_pdf(rng, number, day_of(rng, number), P[customer], values, debit))

    leak.put("hr/employees_2020.xlsx", employees_xlsx(rng, values))
    leak.put("hr/payroll_2019-12.csv", payroll_csv(rng, values))
    leak.put("hr/candidates/CV_Samuel_Osei.docx", cv_doc("docx", P["osei"], WOODGROVE, P["pemberton"], "2019-2021"))
    leak.put("hr/candidates/CV_Beatriz_Santos.pdf", cv_doc("pdf", P["santos"], LITWARE, P["ruiz"], "2019-2022"))
    leak.put("finance/card_payments_2020-Q2.csv", card_payments_csv(values))

    leak.put("legal/NDA_Contoso_Fabrikam_2018.docx", agreement_doc(
        "docx", "Mutual Non-Disclosure Agreement", FABRIKAM, P["vogelsang"], P["halvorsen"], date(2018, 2, 19)))
    leak.put("legal/MSA_Contoso_Woodgrove_2019.docx", agreement_doc(
        "docx", "Master Services Agreement", WOODGROVE, P["pemberton"], P["whitfield"], date(2019, 6, 3)))
    leak.put("legal/NDA_Tailspin_signed.pdf", agreement_doc(
        "pdf", "Mutual Non-Disclosure Agreement", TAILSPIN, P["marchand"], P["whitfield"], date(2017, 11, 28)))

    leak.put("internal/2020-03-12_pipeline_review_minutes.docx", minutes_docx())
    leak.put("internal/woodgrove_escalation_notes.txt", escalation_txt())
    leak.put("presales/PoC_Solution_Design_Adventure_Works.docx", poc_design_docx())
    leak.put("presales/PoC_Results_Litware_2022.pdf", poc_results_pdf())

    leak.put("it/customer_assets/Northwind_server_inventory.xlsx", assets_xlsx(rng))
    leak.put("it/config/crm_sync.env", env_file(values))
    leak.put("it/scripts/crm_sync.py", source_py(values))
    leak.put("it/logs/crm_sync_2021-06-14.log", sync_log())
    leak.put("mail/2019-05-14_RE_quotation_Q-2019-0433.eml", quote_mail(rng))
    leak.put("mail/2021-03-02_Bestellung_PO-2021-45001877.eml", order_mail(rng))
    leak.put("mail/2020-11-23_FW_Woodgrove_outages.eml", forward_mail())
    northwind_plan = leak.docs["sales/account_plans/account_plan_northwind.docx"]
    leak.put("transfer/Northwind_handover_2021.zip", handover_zip(rng, northwind_plan))

    # Near-duplicates: a later draft of the MSA (another date) and a re-issued invoice.
    leak.edited_copy("legal/MSA_Contoso_Woodgrove_2019.docx", "legal/drafts/MSA_Contoso_Woodgrove_2019_v2.docx",
                     agreement_doc("docx", "Master Services Agreement", WOODGROVE, P["pemberton"], P["whitfield"],
                                   date(2019, 6, 17)))
    leak.edited_copy("legal/NDA_Tailspin_signed.pdf", "legal/drafts/NDA_Tailspin_draft.pdf", agreement_doc(
        "pdf", "Mutual Non-Disclosure Agreement", TAILSPIN, P["marchand"], P["whitfield"], date(2017, 11, 14)))

    # Copies land where walk order meets them after their originals.
    leak.copy("sales/pipeline_FY2021.xlsx", "shared/copy_of_pipeline_FY2021.xlsx")
    leak.copy("sales/quotes/Q-2019-0412_Northwind_Traders.pdf", "shared/old/Q-2019-0412_Northwind_Traders.pdf")
    leak.copy("legal/NDA_Contoso_Fabrikam_2018.docx", "users/priya.raman/Desktop/NDA_Contoso_Fabrikam_2018 (1).docx")


def canaries(values: Values) -> list[str]:
    return [
        P["halvorsen"].email, "+44 20 7946 0958", "(425) 555-0100", grouped(values.cards[0]),
        "Ingrid Halvorsen", "Katrin Vogelsang", values.aws_key_id, values.admin_password, values.db_password,
        grouped(values.ibans["contoso"]), values.ssns["raman"], "samuel.osei84@gmail.com",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a deterministic sample leak and its ground truth.")
    parser.add_argument("--out", type=Path, required=True, help="output directory (leak/ and truth.json go here)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    out: Path = args.out
    # Files left from an earlier run would be on disk but not in the truth.
    shutil.rmtree(out / "leak", ignore_errors=True)
    rng = random.Random(args.seed)
    values = Values.draw(rng)
    leak = Leak(out / "leak")
    build(leak, rng, values)
    truth = leak.truth(args.seed, canaries(values))
    (out / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {len(leak.docs)} files to {out / 'leak'} and the truth to {out / 'truth.json'}")


if __name__ == "__main__":
    main()
