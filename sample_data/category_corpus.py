"""A labelled corpus for the business-category tagger: real files from named templates.

    python -m sample_data.category_corpus --out DIR [--seed 11] [--split all|train|held_out|blind]

Writes DIR/<template>/<n>.<ext> (DOCX, XLSX, PDF, EML, PPTX, CSV, JSON, source code,
config and text files, written with the same libraries as sample_data.generate) and
DIR/labels.json: per document its template, language, labels (the first is the
primary category) and whether its template is held out.

Every category has fourteen templates: different layouts, formats and wordings of
that kind of document, each written in two of English, German, French and Spanish,
and each document varies names, companies, amounts, items and optional sentences.
Per category the templates in positions 3 and 6 (HELD_OUT_POSITIONS) are held out:
the fitting script never sees them and the evaluation scores only them. The others
include blind rounds 1 and 2 (at the end of this file) and 3 to 5
(sample_data/category_round3.py to category_round5.py), now training templates.

The held-out templates were written together with the lexicon of the model, so
their wordings could (and did) shape it: their score is optimistic. The *blind*
templates (sample_data/category_blind.py, two per category) were written after the
model was frozen, by someone who could not read the lexicon, and scored once as
they stood; they are held out from fitting too, and the `blind` split measures how
well the whole model, lexicon included, carries to documents nobody tuned it on.
Once looked into, a round of blind templates joins the training templates and a
new round is written (models/CATEGORIES.md).
The same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import NamedTuple, TypeVar

from pptx import Presentation
from pptx.util import Pt

from sample_data.generate import at, docx_bytes, pdf_bytes, restamp, xlsx_bytes

CATEGORIES = (
    "proof_of_concept", "sales_data", "sales_strategy", "product_order", "offer", "invoice", "contract",
    "customer_asset", "internal_comment", "correspondence", "personnel", "financial", "source_code",
    "credentials", "contact_list", "other",
)
LANGUAGES = ("en", "de", "fr", "es")
DOCS_PER_TEMPLATE = 6
HELD_OUT_POSITIONS = (2, 5)  # 0-based positions in each category's list of templates
DEFAULT_SEED = 11

# --------------------------------------------------------------------------- pools


@dataclass(frozen=True)
class Company:
    name: str
    domain: str
    street: str
    city: str


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    company: Company
    role: str
    phone: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        local = unicodedata.normalize("NFKD", f"{self.first}.{self.last}".replace(" ", "")).encode("ascii", "ignore")
        return local.decode().lower() + "@" + self.company.domain


FIRST_NAMES = {
    "en": ("James", "Emily", "Oliver", "Sophie", "Daniel", "Laura", "Michael", "Rachel", "Thomas", "Hannah", "Peter", "Grace"),
    "de": ("Tobias", "Katrin", "Jonas", "Sabine", "Lukas", "Anna", "Markus", "Julia", "Stefan", "Claudia", "Felix", "Miriam"),
    "fr": ("Élodie", "Julien", "Camille", "Nicolas", "Sophie", "Antoine", "Claire", "Mathieu", "Léa", "Pierre", "Manon", "Hugo"),
    "es": ("Lucía", "Javier", "Carmen", "Pablo", "Marta", "Diego", "Elena", "Sergio", "Isabel", "Andrés", "Paula", "Raúl"),
}
LAST_NAMES = {
    "en": ("Carter", "Bennett", "Hughes", "Morgan", "Fletcher", "Walsh", "Reed", "Turner", "Collins", "Parker", "Hayes", "Brooks"),
    "de": ("Brenner", "Vogel", "Albrecht", "Schulze", "Hartmann", "Köhler", "Neumann", "Krause", "Lehmann", "Wagner", "Keller",
           "Frank"),
    "fr": ("Marchand", "Moreau", "Lefèvre", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Mercier", "Blanc",
           "Garnier"),
    "es": ("Fernández", "Ruiz", "García", "Martín", "López", "Sánchez", "Romero", "Navarro", "Torres", "Domínguez", "Gil", "Vega"),
}
COMPANIES = {
    "en": (Company("Northwind Traders Inc", "northwindtraders.com", "400 Lakeside Drive", "Chicago, IL 60601"),
           Company("Adventure Works LLC", "adventure-works.com", "1 Pine Street", "Seattle, WA 98101"),
           Company("Woodgrove Bank plc", "woodgrovebank.co.uk", "25 Moorgate", "London EC2R 6AY"),
           Company("Proseware Inc", "proseware.com", "77 Harbor Road", "Boston, MA 02110"),
           Company("Alpine Ski House Ltd", "alpineskihouse.co.uk", "3 Castle Street", "Edinburgh EH2 3AH")),
    "de": (Company("Fabrikam GmbH", "fabrikam.de", "Friedrichstraße 120", "10117 Berlin"),
           Company("Müller Maschinenbau AG", "mueller-maschinenbau.de", "Industriestraße 8", "70565 Stuttgart"),
           Company("Rheinwerk Logistik GmbH", "rheinwerk-logistik.de", "Hafenweg 31", "50678 Köln"),
           Company("Südhang Energie GmbH", "suedhang-energie.de", "Leopoldstraße 55", "80802 München"),
           Company("Nordlicht Software GmbH", "nordlicht-software.de", "Speicherstadt 4", "20457 Hamburg")),
    "fr": (Company("Tailspin Toys SAS", "tailspintoys.fr", "12 rue de la Paix", "75002 Paris"),
           Company("Lumière Distribution SA", "lumiere-distribution.fr", "8 quai Saint-Antoine", "69002 Lyon"),
           Company("Atelier Garnier SARL", "atelier-garnier.fr", "5 place du Capitole", "31000 Toulouse"),
           Company("Groupe Cordier SA", "groupe-cordier.fr", "40 cours de l'Intendance", "33000 Bordeaux"),
           Company("Vallée Numérique SAS", "vallee-numerique.fr", "3 rue Paradis", "13001 Marseille")),
    "es": (Company("Litware SA", "litware.es", "Calle de Alcalá 45", "28014 Madrid"),
           Company("Soluciones Ibéricas SL", "solucionesibericas.es", "Passeig de Gràcia 21", "08007 Barcelona"),
           Company("Grupo Alameda SA", "grupoalameda.es", "Avenida de la Constitución 12", "41004 Sevilla"),
           Company("Distribuciones Levante SL", "dislevante.es", "Calle Colón 18", "46004 Valencia"),
           Company("Tecnologías del Sur SL", "tecnosur.es", "Calle Larios 7", "29005 Málaga")),
}
VENDORS = (Company("Contoso Ltd.", "contoso.com", "1 Harbour Exchange Square", "London E14 9GE"),
           Company("Litware Systems GmbH", "litware-systems.de", "Am Sandtorkai 50", "20457 Hamburg"),
           Company("Datacorp SAS", "datacorp.fr", "18 avenue de l'Opéra", "75001 Paris"))
ROLES = {
    "en": ("Head of IT", "Procurement Manager", "Sales Director", "Account Executive", "Finance Controller", "Project Manager",
           "Solutions Architect", "Operations Manager", "Office Manager"),
    "de": ("Leiter IT", "Einkaufsleiterin", "Vertriebsleiter", "Key Account Managerin", "Controller", "Projektleiterin",
           "Lösungsarchitekt", "Leiter Betrieb", "Assistenz der Geschäftsführung"),
    "fr": ("Directeur informatique", "Responsable achats", "Directrice commerciale", "Ingénieur commercial", "Contrôleur de gestion",
           "Chef de projet", "Architecte solutions", "Responsable des opérations", "Assistante de direction"),
    "es": ("Director de sistemas", "Responsable de compras", "Directora comercial", "Ejecutivo de cuentas", "Controller financiero",
           "Jefa de proyecto", "Arquitecto de soluciones", "Responsable de operaciones", "Asistente de dirección"),
}
PHONE_FORMATS = {
    "en": ("+44 20 7946 0{:03d}", "+1 312 555 01{:02d}"),
    "de": ("+49 30 1234 5{:03d}", "+49 89 2190 4{:03d}"),
    "fr": ("+33 1 42 68 5{:01d} {:02d}", "+33 4 72 10 3{:01d} {:02d}"),
    "es": ("+34 91 234 5{:03d}", "+34 93 456 7{:03d}"),
}
PRODUCTS = (
    ("EG-200", {"en": "Edge gateway 200", "de": "Edge-Gateway 200", "fr": "Passerelle Edge 200", "es": "Pasarela Edge 200"}, 1450.0),
    ("AN-USR", {"en": "Analytics licence, per user", "de": "Analytics-Lizenz je Benutzer", "fr": "Licence Analytics par utilisateur",
                "es": "Licencia Analytics por usuario"}, 380.0),
    ("SUP-GLD", {"en": "Gold support, annual", "de": "Gold-Support, jährlich", "fr": "Support Gold, annuel",
                 "es": "Soporte Oro, anual"}, 4200.0),
    ("PS-DAY", {"en": "Consulting day", "de": "Beratungstag", "fr": "Journée de conseil", "es": "Jornada de consultoría"}, 1150.0),
    ("SEN-10", {"en": "Sensor pack (10 units)", "de": "Sensorpaket (10 Stück)", "fr": "Lot de capteurs (10 unités)",
                "es": "Paquete de sensores (10 unidades)"}, 890.0),
    ("STO-TB", {"en": "Cloud storage per TB", "de": "Cloud-Speicher je TB", "fr": "Stockage cloud par To",
                "es": "Almacenamiento en la nube por TB"}, 42.5),
    ("LAP-14", {"en": "Laptop 14 inch", "de": "Notebook 14 Zoll", "fr": "Ordinateur portable 14 pouces",
                "es": "Portátil de 14 pulgadas"}, 1120.0),
    ("DOC-USB", {"en": "USB-C docking station", "de": "USB-C-Dockingstation", "fr": "Station d'accueil USB-C",
                 "es": "Base de conexión USB-C"}, 189.0),
    ("MON-27", {"en": "Monitor 27 inch", "de": "Monitor 27 Zoll", "fr": "Écran 27 pouces", "es": "Monitor de 27 pulgadas"}, 329.0),
    ("CBL-CAT6", {"en": "Patch cable Cat6, 2 m", "de": "Patchkabel Cat6, 2 m", "fr": "Câble réseau Cat6, 2 m",
                  "es": "Cable de red Cat6, 2 m"}, 6.9),
)
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
           "diciembre"),
}

T = TypeVar("T")

# --------------------------------------------------------------------------- one document's context


class LineItem(NamedTuple):
    sku: str
    description: str
    quantity: int
    unit_price: float

    @property
    def total(self) -> float:
        return round(self.quantity * self.unit_price, 2)


@dataclass
class Ctx:
    """What a template draws from for one document: its random source, language, date and counterparts."""

    rng: random.Random
    lang: str
    day: date
    money_style: int = 0
    _used: set[str] = field(default_factory=set)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def some(self, options: Sequence[T], low: int, high: int | None = None) -> list[T]:
        count = min(len(options), self.rng.randint(low, high if high is not None else low))
        return self.rng.sample(list(options), count)

    def maybe(self, probability: float = 0.5) -> bool:
        return self.rng.random() < probability

    def company(self, lang: str | None = None) -> Company:
        return self.pick(COMPANIES[lang or self.lang])

    def vendor(self) -> Company:
        return self.pick(VENDORS)

    def person(self, company: Company | None = None, lang: str | None = None) -> Person:
        lang = lang or self.lang
        while True:
            first, last = self.pick(FIRST_NAMES[lang]), self.pick(LAST_NAMES[lang])
            if f"{first} {last}" not in self._used:
                self._used.add(f"{first} {last}")
                break
        number = self.rng.randrange(100)
        phone = self.pick(PHONE_FORMATS[lang]).format(number // 10, number) if lang == "fr" else \
            self.pick(PHONE_FORMATS[lang]).format(number)
        return Person(first, last, company or self.company(lang), self.pick(ROLES[lang]), phone)

    def items(self, low: int = 2, high: int = 5) -> list[LineItem]:
        chosen = self.some(PRODUCTS, low, high)
        return [LineItem(sku, names[self.lang], self.rng.randint(2, 40), price) for sku, names, price in chosen]

    def number(self, value: float, decimals: int = 2) -> str:
        text = f"{value:,.{decimals}f}"
        if self.lang == "en":
            return text
        swapped = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
        return swapped.replace(".", " ") if self.lang == "fr" else swapped

    def money(self, value: float) -> str:
        amount = self.number(value)
        if self.lang == "en":
            return (f"${amount}", f"£{amount}", f"USD {amount}", f"GBP {amount}")[self.money_style % 4]
        return (f"{amount} €", f"{amount} EUR", f"EUR {amount}")[self.money_style % 3]

    def datestr(self, day: date | None = None, long: bool | None = None) -> str:
        day = day or self.day
        long = self.maybe() if long is None else long
        month = MONTHS[self.lang][day.month - 1]
        if self.lang == "en":
            return f"{day.day} {month} {day.year}" if long else day.isoformat()
        if self.lang == "de":
            return f"{day.day}. {month} {day.year}" if long else f"{day:%d.%m.%Y}"
        if self.lang == "fr":
            return f"{day.day} {month} {day.year}" if long else f"{day:%d/%m/%Y}"
        return f"{day.day} de {month} de {day.year}" if long else f"{day:%d/%m/%Y}"

    def later(self, days: int) -> date:
        return self.day + timedelta(days=days)

    def code(self, prefix: str, digits: int = 5) -> str:
        return f"{prefix}-{self.day.year}-{self.rng.randrange(10 ** (digits - 1), 10 ** digits)}"

    def t(self, table: dict[str, T]) -> T:
        return table[self.lang]

    def shuffled(self, options: Sequence[T]) -> list[T]:
        copy = list(options)
        self.rng.shuffle(copy)
        return copy


# --------------------------------------------------------------------------- small helpers the templates share

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
DIGITS = "0123456789"
VAT_RATES = {"en": 0.20, "de": 0.19, "fr": 0.20, "es": 0.21}  # standard rates: UK, Germany, France, Spain
Sheet = tuple[str, list[str], list[list[object]]]  # an xlsx() sheet: name, header, rows


def token(c: Ctx, length: int, alphabet: str = ALNUM) -> str:
    return "".join(c.rng.choice(alphabet) for _ in range(length))


def short_date(c: Ctx, days: int = 0) -> str:
    return c.datestr(c.later(days), long=False)


def long_date(c: Ctx, days: int = 0) -> str:
    return c.datestr(c.later(days), long=True)


def iban(c: Ctx) -> str:
    """A made-up IBAN of the document's country, printed in groups of four."""
    country, length = {"en": ("GB", 18), "de": ("DE", 18), "fr": ("FR", 23), "es": ("ES", 20)}[c.lang]
    body = "NWBK" + token(c, 14, DIGITS) if country == "GB" else token(c, length, DIGITS)
    raw = country + token(c, 2, DIGITS) + body
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


# --------------------------------------------------------------------------- writers (real libraries)

PDF_SAFE = str.maketrans({"€": "EUR", "’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "…": "...",
                          "œ": "oe", "\u202f": " ", "•": "-", "→": "->", "≥": ">="})


def pdf(title: str, lines: Sequence[str], c: Ctx, author: str) -> bytes:
    """fpdf2's core fonts are Latin-1: the few characters outside it are spelled out."""

    def safe(text: str) -> str:
        return text.translate(PDF_SAFE).encode("latin-1", "replace").decode("latin-1")

    return pdf_bytes(safe(title), [safe(line) for line in lines], at(c.day), safe(author))


def docx(title: str, blocks: Sequence[str | list[list[str]]], c: Ctx, author: str) -> bytes:
    return docx_bytes(title, blocks, at(c.day), author)


def xlsx(sheets: Sequence[tuple[str, list[str], list[list[object]]]], c: Ctx, author: str) -> bytes:
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


class Built(NamedTuple):
    data: bytes
    extra_labels: tuple[str, ...] = ()


Builder = Callable[[Ctx], Built]


@dataclass(frozen=True)
class Template:
    id: str
    category: str
    labels: tuple[str, ...]  # the primary category first
    languages: tuple[str, ...]
    suffix: str
    build: Builder
    held_out: bool
    blind: bool = False  # written after the model was frozen; held out as well


_REGISTERED: list[tuple[str, str, tuple[str, ...], tuple[str, ...], str, Builder, bool]] = []
SPLITS = ("all", "train", "held_out", "blind")


def template(category: str, template_id: str, languages: tuple[str, ...], suffix: str,
             also: tuple[str, ...] = (), blind: bool = False) -> Callable[[Builder], Builder]:
    """Registers a builder; its position among its category's templates decides whether it is held out.
    Blind templates take no position: they are always held out, and adding one moves no other template."""

    def register(build: Builder) -> Builder:
        _REGISTERED.append((category, template_id, (category, *also), languages, suffix, build, blind))
        return build

    return register


def templates() -> tuple[Template, ...]:
    position: dict[str, int] = {}
    out: list[Template] = []
    for category, template_id, labels, languages, suffix, build, blind in _REGISTERED:
        if blind:
            out.append(Template(template_id, category, labels, languages, suffix, build, True, True))
            continue
        index = position.get(category, 0)
        position[category] = index + 1
        out.append(Template(template_id, category, labels, languages, suffix, build, index in HELD_OUT_POSITIONS))
    return tuple(out)


def in_split(spec: Template, split: str) -> bool:
    """"train": never a held-out or blind template; "held_out": the held-out positions; "blind": the blind ones."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    return split == "all" or {"train": not spec.held_out, "held_out": spec.held_out and not spec.blind,
                              "blind": spec.blind}[split]


def para(c: Ctx, options: Sequence[str], **values: object) -> str:
    return c.pick(options).format(**values)


def lines_of(c: Ctx, options: Sequence[str], low: int, high: int, **values: object) -> list[str]:
    return [option.format(**values) for option in c.some(options, low, high)]


# --------------------------------------------------------------------------- proof_of_concept

POC_PRODUCTS = ("Edge Analytics", "DataHub", "SecureSync", "FleetView", "InsightCloud", "OptiRoute")


@template("proof_of_concept", "poc.plan_docx", ("en", "de"), ".docx")
def poc_plan(c: Ctx) -> Built:
    customer, product, weeks = c.company(), c.pick(POC_PRODUCTS), c.rng.randint(3, 8)
    lead = c.person(c.vendor())
    title = c.t({"en": c.pick((f"Proof of Concept Plan – {customer.name}", f"PoC plan: {product} at {customer.name}")),
                 "de": c.pick((f"PoC-Plan – {customer.name}", f"Proof of Concept: {product} bei {customer.name}"))})
    intro = c.t({
        "en": para(c, ("This document describes the scope, success criteria and schedule of the proof of concept for {cust}. "
                       "The pilot runs for {weeks} weeks in the customer's test environment.",
                       "Purpose of this PoC is to show that {product} meets the technical requirements of {cust} before a "
                       "purchase decision. The pilot takes {weeks} weeks."), cust=customer.name, weeks=weeks, product=product),
        "de": para(c, ("Dieses Dokument beschreibt Umfang, Erfolgskriterien und Zeitplan des Proof of Concept für {cust}. "
                       "Die Pilotphase dauert {weeks} Wochen in der Testumgebung des Kunden.",
                       "Ziel des PoC ist der Nachweis, dass {product} die technischen Anforderungen von {cust} erfüllt. "
                       "Der Pilot läuft {weeks} Wochen."), cust=customer.name, weeks=weeks, product=product),
    })
    objectives = c.t({
        "en": ("Ingest sensor data from two plants in near real time", "Integrate with the customer's SAP system",
               "Single sign-on with the existing identity provider", "Dashboards for the operations team",
               "Show failover of the gateway cluster", "Validate data retention for 90 days"),
        "de": ("Übernahme der Sensordaten aus zwei Werken nahezu in Echtzeit", "Anbindung an das SAP-System des Kunden",
               "Single Sign-on mit dem vorhandenen Identity Provider", "Dashboards für den Betrieb",
               "Nachweis des Failovers im Gateway-Cluster", "Aufbewahrung der Daten über 90 Tage"),
    })
    criteria = c.t({
        "en": [["Criterion", "Target", "Method"], ["Throughput", f"{c.rng.randint(5, 50)},000 events/s", "Load test"],
               ["Latency", f"< {c.rng.randint(1, 5)} s end to end", "Measurement"], ["Failover", "< 30 s", "Switch-off test"],
               ["Integration", "Orders visible in SAP", "Demo"]],
        "de": [["Kriterium", "Zielwert", "Nachweis"], ["Durchsatz", f"{c.rng.randint(5, 50)}.000 Ereignisse/s", "Lasttest"],
               ["Latenz", f"< {c.rng.randint(1, 5)} s", "Messung"], ["Failover", "< 30 s", "Abschalttest"],
               ["Integration", "Aufträge in SAP sichtbar", "Vorführung"]],
    })
    architecture = c.t({
        "en": "Two edge gateways in the plant network forward data to an analytics cluster of three nodes in the customer's "
              "data centre; results are shown in a web dashboard.",
        "de": "Zwei Edge-Gateways im Werksnetz leiten die Daten an einen Analytics-Cluster mit drei Knoten im Rechenzentrum "
              "des Kunden weiter; die Ergebnisse zeigt ein Web-Dashboard.",
    })
    heads = c.t({"en": ("## Objectives", "## Success criteria", "## Architecture", "## Schedule"),
                 "de": ("## Ziele", "## Erfolgskriterien", "## Architektur", "## Zeitplan")})
    schedule = c.t({"en": [f"- Week 1: installation and set-up, lead {lead.name}", "- Week 2: data integration",
                           f"- Week {weeks}: results workshop and recommendation"],
                    "de": [f"- Woche 1: Installation und Einrichtung, Leitung {lead.name}", "- Woche 2: Datenanbindung",
                           f"- Woche {weeks}: Ergebnisworkshop und Empfehlung"]})
    team = [lead, c.person(customer), *(c.person(customer) for _ in range(c.rng.randint(0, 2)))]
    team_table = [c.t({"en": ["Name", "Role", "Email", "Phone"], "de": ["Name", "Rolle", "E-Mail", "Telefon"]}),
                  *([p.name, p.role, p.email, p.phone] for p in team)]
    blocks: list[str | list[list[str]]] = [intro, heads[0], *(f"- {o}" for o in c.some(objectives, 3, 5)), heads[1], criteria,
                                           heads[2], architecture, heads[3], *schedule,
                                           c.t({"en": "## Project team", "de": "## Projektteam"}), team_table]
    return Built(docx(title, blocks, c, lead.name))


@template("proof_of_concept", "poc.solution_design_docx", ("fr", "en"), ".docx")
def poc_solution_design(c: Ctx) -> Built:
    customer, product, author = c.company(), c.pick(POC_PRODUCTS), c.person(c.vendor())
    title = c.t({"fr": c.pick((f"Conception de la solution – {customer.name}", f"Architecture de la solution {product}")),
                 "en": c.pick((f"Solution design – {customer.name}", f"Technical design document: {product} pilot"))})
    context = c.t({
        "fr": f"Ce document décrit l'architecture technique retenue pour le pilote {product} chez {customer.name}. Il complète "
              "le cahier des exigences et sert de référence pour l'intégration.",
        "en": f"This document describes the technical architecture chosen for the {product} pilot at {customer.name}. It "
              "complements the requirements and is the reference for integration work.",
    })
    components = c.t({
        "fr": ("Deux passerelles Edge dans la DMZ du site de production", "Cluster d'analyse de trois nœuds (Kubernetes)",
               "Authentification unique via SAML avec l'annuaire du client", "Connecteur REST vers l'ERP",
               "Base de données PostgreSQL en haute disponibilité", "Tableaux de bord web pour l'exploitation"),
        "en": ("Two edge gateways in the DMZ of the production site", "Analytics cluster of three nodes (Kubernetes)",
               "Single sign-on via SAML against the customer directory", "REST connector to the ERP",
               "PostgreSQL database in high availability", "Web dashboards for operations"),
    })
    flow = c.t({
        "fr": "Flux de données : les capteurs publient en MQTT vers la passerelle, qui agrège et chiffre les messages avant "
              "de les transmettre au cluster ; les résultats sont exposés par API.",
        "en": "Data flow: sensors publish over MQTT to the gateway, which aggregates and encrypts messages before forwarding "
              "them to the cluster; results are exposed through an API.",
    })
    nfr = c.t({
        "fr": [["Exigence", "Valeur"], ["Disponibilité", "99,5 %"], ["Latence", f"< {c.rng.randint(2, 9)} s"],
               ["Rétention", f"{c.pick((30, 90, 180))} jours"], ["Débit", f"{c.rng.randint(2, 20)} 000 messages/s"]],
        "en": [["Requirement", "Value"], ["Availability", "99.5%"], ["Latency", f"< {c.rng.randint(2, 9)} s"],
               ["Retention", f"{c.pick((30, 90, 180))} days"], ["Throughput", f"{c.rng.randint(2, 20)},000 messages/s"]],
    })
    heads = c.t({"fr": ("## Contexte", "## Composants", "## Exigences non fonctionnelles", "## Points ouverts"),
                 "en": ("## Context", "## Components", "## Non-functional requirements", "## Open points")})
    open_points = c.t({"fr": ("Dimensionnement du stockage à confirmer", "Choix du certificat pour la passerelle",
                              "Accès VPN pour l'équipe projet"),
                       "en": ("Storage sizing to be confirmed", "Certificate choice for the gateway", "VPN access for the team")})
    blocks: list[str | list[list[str]]] = [heads[0], context, heads[1], *(f"- {x}" for x in c.some(components, 3, 6)), flow,
                                           heads[2], nfr, heads[3], *(f"- {x}" for x in c.some(open_points, 1, 3))]
    return Built(docx(title, blocks, c, author.name))


@template("proof_of_concept", "poc.results_pdf", ("es", "de"), ".pdf")
def poc_results(c: Ctx) -> Built:
    customer, product, author = c.company(), c.pick(POC_PRODUCTS), c.person(c.vendor())
    start = c.later(-c.rng.randint(30, 60))
    measured = c.rng.randint(12, 30)
    title = c.t({"es": f"Resultados de la prueba de concepto – {customer.name}",
                 "de": f"Ergebnisbericht Pilotprojekt {product} – {customer.name}"})
    body = c.t({
        "es": [f"Cliente: {customer.name}. Periodo del piloto: {c.datestr(start)} a {c.datestr()}.", "",
               "Criterios de éxito y resultados:",
               f"1. Procesar 10.000 eventos por segundo: cumplido ({measured}.500 medidos).",
               "2. Conmutación por error de la pasarela en menos de 30 segundos: cumplido.",
               "3. Integración con el ERP del cliente: cumplido parcialmente; la exportación solo es nocturna.",
               c.pick(("4. Inicio de sesión único con el directorio corporativo: cumplido.",
                       "4. Cuadros de mando para el equipo de operaciones: cumplido.")), "",
               f"Equipo: {author.name} ({author.role}).",
               c.pick(("Recomendación: pasar a producción con la arquitectura validada en el piloto.",
                       "Conclusión: el piloto demuestra la viabilidad técnica; se recomienda una segunda fase."))],
        "de": [f"Kunde: {customer.name}. Pilotzeitraum: {c.datestr(start)} bis {c.datestr()}.", "",
               "Erfolgskriterien und Ergebnisse:",
               f"1. Verarbeitung von 10.000 Ereignissen pro Sekunde: erfüllt ({measured}.500 gemessen).",
               "2. Failover des Gateways in unter 30 Sekunden: erfüllt.",
               "3. Anbindung an das ERP des Kunden: teilweise erfüllt, Export nur nächtlich.",
               c.pick(("4. Single Sign-on mit dem Unternehmensverzeichnis: erfüllt.",
                       "4. Dashboards für den Betrieb: erfüllt.")), "",
               f"Projektteam: {author.name} ({author.role}).",
               c.pick(("Empfehlung: Übergang in den Produktivbetrieb mit der im Pilot validierten Architektur.",
                       "Fazit: Der Pilot belegt die technische Machbarkeit; empfohlen wird eine zweite Phase."))],
    })
    return Built(pdf(title, body, c, author.name))


@template("proof_of_concept", "poc.architecture_md", ("en", "es"), ".md")
def poc_architecture(c: Ctx) -> Built:
    customer, product = c.company(), c.pick(POC_PRODUCTS)
    subnet = f"10.{c.rng.randint(10, 90)}.{c.rng.randint(1, 200)}"
    out = c.t({
        "en": [f"# Architecture overview – {customer.name} pilot", "",
               f"Target architecture for the {product} proof of concept. Status: draft {c.rng.randint(1, 5)}.", "",
               "## Components", "", *(f"- {x}" for x in c.some((
                   f"Ingest service on two VMs ({subnet}.10, {subnet}.11)", "Message broker (Kafka, three brokers)",
                   "Stream processing jobs", "Object storage for raw data", "Grafana dashboards",
                   "Identity provider integration (OIDC)"), 3, 6)), "",
               "## Data flow", "", "1. Devices send telemetry to the ingest service.", "2. Events are written to the broker.",
               "3. Processing jobs enrich events and store aggregates.", "4. Dashboards query the aggregates.", "",
               "## Success criteria", "", "- End-to-end latency below 5 seconds", "- No data loss when one broker fails"],
        "es": [f"# Arquitectura de la solución – piloto {customer.name}", "",
               f"Arquitectura objetivo de la prueba de concepto de {product}. Estado: borrador {c.rng.randint(1, 5)}.", "",
               "## Componentes", "", *(f"- {x}" for x in c.some((
                   f"Servicio de ingesta en dos máquinas virtuales ({subnet}.10, {subnet}.11)",
                   "Bróker de mensajes (Kafka, tres nodos)", "Procesos de tratamiento en streaming",
                   "Almacenamiento de objetos para datos en bruto", "Cuadros de mando en Grafana",
                   "Integración con el proveedor de identidad (OIDC)"), 3, 6)), "",
               "## Flujo de datos", "", "1. Los dispositivos envían telemetría al servicio de ingesta.",
               "2. Los eventos se escriben en el bróker.", "3. Los procesos enriquecen los eventos y guardan agregados.",
               "4. Los cuadros de mando consultan los agregados.", "",
               "## Criterios de éxito", "", "- Latencia de extremo a extremo inferior a 5 segundos",
               "- Sin pérdida de datos si falla un nodo"],
    })
    return Built(text(out))


@template("proof_of_concept", "poc.slides_pptx", ("de", "fr"), ".pptx")
def poc_slides(c: Ctx) -> Built:
    customer, product, author = c.company(), c.pick(POC_PRODUCTS), c.person(c.vendor())
    slides = c.t({
        "de": [(f"Pilotprojekt {product} bei {customer.name}", [f"Vorstellung der Ergebnisse, {c.datestr()}", author.name]),
               ("Ziele des Piloten", c.some(("Machbarkeit der Echtzeitauswertung nachweisen", "Integration in die bestehende IT",
                                             "Akzeptanz bei den Anwendern prüfen", "Betriebskonzept validieren"), 2, 4)),
               ("Aufbau der Testumgebung", ["Zwei Gateways im Werk", "Cluster mit drei Knoten", "Anbindung an SAP"]),
               ("Ergebnisse", [f"Durchsatz: {c.rng.randint(10, 40)}.000 Ereignisse/s", "Failover in 12 s",
                               "Alle Erfolgskriterien bis auf eines erfüllt"]),
               ("Nächste Schritte", ["Entscheidung über Rollout", "Angebot für die Produktivphase"])],
        "fr": [(f"Projet pilote {product} – {customer.name}", [f"Restitution du {c.datestr()}", author.name]),
               ("Objectifs du pilote", c.some(("Démontrer l'analyse en temps réel", "Intégration au SI existant",
                                               "Valider l'adoption par les utilisateurs", "Valider le modèle d'exploitation"), 2, 4)),
               ("Environnement de test", ["Deux passerelles sur site", "Cluster de trois nœuds", "Connexion à l'ERP"]),
               ("Résultats", [f"Débit : {c.rng.randint(10, 40)} 000 événements/s", "Bascule en 12 s",
                              "Tous les critères de succès atteints sauf un"]),
               ("Prochaines étapes", ["Décision de déploiement", "Proposition pour la phase de production"])],
    })
    return Built(pptx(slides, c, author.name))


@template("proof_of_concept", "poc.test_protocol_xlsx", ("en", "fr"), ".xlsx")
def poc_test_protocol(c: Ctx) -> Built:
    author = c.person(c.vendor())
    header = c.t({"en": ["Test case", "Scenario", "Success criterion", "Expected result", "Measured", "Status"],
                  "fr": ["Cas de test", "Scénario", "Critère de succès", "Résultat attendu", "Mesuré", "Statut"]})
    scenarios = c.t({
        "en": (("Load", "10,000 events per second", "No message lost"), ("Failover", "Stop gateway 1", "Switch in < 30 s"),
               ("SSO", "Login with corporate account", "Access granted"), ("Export", "Nightly export to ERP", "File delivered"),
               ("Dashboard", "Open plant overview", "Loads in < 3 s"), ("Retention", "Query 90-day history", "Data present"),
               ("Alerting", "Sensor exceeds threshold", "Alert within 1 min")),
        "fr": (("Charge", "10 000 événements par seconde", "Aucune perte"), ("Bascule", "Arrêt passerelle 1", "Bascule < 30 s"),
               ("SSO", "Connexion compte entreprise", "Accès accordé"), ("Export", "Export nocturne vers l'ERP", "Fichier livré"),
               ("Tableau de bord", "Vue d'ensemble usine", "Affichage < 3 s"), ("Rétention", "Historique 90 jours", "Données présentes"),
               ("Alertes", "Seuil capteur dépassé", "Alerte sous 1 min")),
    })
    status = c.t({"en": ("passed", "passed", "failed", "open"), "fr": ("réussi", "réussi", "échoué", "ouvert")})
    rows: list[list[object]] = [[f"T{n:02d}", name, scenario, expected, c.pick(("ok", "12 s", "2.1 s", "yes", "-")), c.pick(status)]
                                for n, (name, scenario, expected) in enumerate(c.some(scenarios, 4, 7), start=1)]
    return Built(xlsx([(c.t({"en": "PoC tests", "fr": "Tests pilote"}), header, rows)], c, author.name))


# --------------------------------------------------------------------------- sales_data


@template("sales_data", "sales.pipeline_xlsx", ("en", "de"), ".xlsx")
def sales_pipeline(c: Ctx) -> Built:
    owner = c.person(c.vendor())
    reps = [c.person(c.vendor()) for _ in range(3)]
    stages = c.t({"en": ("Qualification", "Discovery", "Proposal", "Negotiation", "Closed won", "Closed lost"),
                  "de": ("Qualifizierung", "Bedarfsanalyse", "Angebot", "Verhandlung", "Gewonnen", "Verloren")})
    header = c.t({"en": ["Opportunity", "Account", "Owner", "Stage", "Amount", "Probability", "Close date"],
                  "de": ["Verkaufschance", "Kunde", "Verantwortlich", "Phase", "Betrag", "Wahrscheinlichkeit", "Abschlussdatum"]})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(8, 18)):
        rows.append([f"OPP-{c.rng.randrange(1000, 9999)}", c.company(c.pick(LANGUAGES)).name, c.pick(reps).name, c.pick(stages),
                     c.rng.randrange(20, 900) * 1000, c.pick((10, 25, 50, 75, 90)), c.later(c.rng.randint(10, 200))])
    forecast_header = c.t({"en": ["Quarter", "Commit", "Best case", "Quota"], "de": ["Quartal", "Commit", "Best Case", "Ziel"]})
    forecast: list[list[object]] = [[f"Q{q}", c.rng.randrange(800, 1500) * 1000, c.rng.randrange(1500, 2500) * 1000, 2_000_000]
                                    for q in range(1, 5)]
    sheets = [("Pipeline", header, rows)]
    if c.maybe(0.7):
        sheets.append(("Forecast", forecast_header, forecast))
    return Built(xlsx(sheets, c, owner.name))


@template("sales_data", "sales.revenue_csv", ("fr", "es"), ".csv")
def sales_revenue_csv(c: Ctx) -> Built:
    header = c.t({"fr": ["Région", "Produit", "CA T1", "CA T2", "CA T3", "CA T4", "Croissance %"],
                  "es": ["Región", "Producto", "Ventas T1", "Ventas T2", "Ventas T3", "Ventas T4", "Crecimiento %"]})
    regions = c.t({"fr": ("Île-de-France", "Auvergne-Rhône-Alpes", "Occitanie", "Nouvelle-Aquitaine", "Grand Est", "Bretagne"),
                   "es": ("Madrid", "Cataluña", "Andalucía", "Comunidad Valenciana", "País Vasco", "Galicia")})
    rows: list[list[object]] = []
    for region in c.some(regions, 3, 6):
        for _, names, _ in c.some(PRODUCTS, 2, 3):
            quarters = [c.rng.randrange(40, 900) * 1000 for _ in range(4)]
            rows.append([region, names[c.lang], *quarters, c.number(c.rng.uniform(-8, 25), 1)])
    return Built(csv_text(header, rows, ";"))


@template("sales_data", "sales.forecast_report_docx", ("en", "es"), ".docx")
def sales_forecast_report(c: Ctx) -> Built:
    author, quarter = c.person(c.vendor()), c.rng.randint(1, 4)
    bookings, growth, pipeline = c.rng.randrange(2000, 9000) * 1000, c.rng.randint(3, 25), c.rng.randrange(9000, 30000) * 1000
    title = c.t({"en": f"Quarterly sales forecast Q{quarter} {c.day.year}", "es": f"Previsión de ventas T{quarter} {c.day.year}"})
    regions = c.t({"en": ("North America", "UK and Ireland", "DACH", "France", "Iberia", "Nordics"),
                   "es": ("Norteamérica", "Reino Unido", "DACH", "Francia", "Iberia", "Países nórdicos")})
    table = [c.t({"en": ["Region", "Commit", "Best case", "Quota", "Attainment"],
                  "es": ["Región", "Comprometido", "Mejor caso", "Cuota", "Cumplimiento"]})]
    for region in c.some(regions, 3, 5):
        quota = c.rng.randrange(800, 3000) * 1000
        commit = int(quota * c.rng.uniform(0.6, 1.1))
        table.append([region, c.money(commit), c.money(commit * 1.2), c.money(quota), f"{round(100 * commit / quota)} %"])
    text_blocks = c.t({
        "en": [f"Bookings in the quarter reached {c.money(bookings)}, {growth}% above the same quarter last year.",
               f"The weighted pipeline stands at {c.money(pipeline)}; coverage of the remaining quota is "
               f"{c.number(c.rng.uniform(2, 4), 1)}x.",
               c.pick(("Win rate improved to 31% after the new qualification rules.",
                       "Average deal size fell slightly because of smaller renewals.")),
               "## Forecast by region"],
        "es": [f"La contratación del trimestre alcanzó {c.money(bookings)}, un {growth} % más que el mismo trimestre del año anterior.",
               f"El pipeline ponderado asciende a {c.money(pipeline)}; la cobertura de la cuota restante es de "
               f"{c.number(c.rng.uniform(2, 4), 1)} veces.",
               c.pick(("La tasa de cierre mejoró hasta el 31 % con las nuevas reglas de cualificación.",
                       "El tamaño medio de las operaciones bajó ligeramente por renovaciones más pequeñas.")),
               "## Previsión por región"],
    })
    return Built(docx(title, [*text_blocks, table], c, author.name))


@template("sales_data", "sales.report_pdf", ("de", "fr"), ".pdf")
def sales_report_pdf(c: Ctx) -> Built:
    author = c.person(c.vendor())
    month = MONTHS[c.lang][c.day.month - 1]
    total = c.rng.randrange(900, 9000) * 1000
    title = c.t({"de": f"Umsatzbericht {month} {c.day.year}", "fr": f"Rapport des ventes – {month} {c.day.year}"})
    regions = c.t({"de": ("Nord", "Süd", "West", "Ost", "Österreich", "Schweiz"),
                   "fr": ("Nord", "Sud-Est", "Ouest", "Île-de-France", "Belgique", "Suisse")})
    lines = c.t({
        "de": [f"Umsatz gesamt: {c.money(total)} ({c.rng.randint(-5, 20):+d} % gegenüber Vorjahr)",
               f"Auftragseingang: {c.money(total * c.rng.uniform(0.9, 1.3))}", "", "Umsatz nach Region:"],
        "fr": [f"Chiffre d'affaires total : {c.money(total)} ({c.rng.randint(-5, 20):+d} % par rapport à l'an dernier)",
               f"Prises de commandes : {c.money(total * c.rng.uniform(0.9, 1.3))}", "", "Ventes par région :"],
    })
    for region in c.some(regions, 3, 6):
        lines.append(f"- {region}: {c.money(total * c.rng.uniform(0.05, 0.3))} ({c.rng.randint(-10, 30):+d} %)")
    lines += ["", c.t({"de": "Top-Kunden:", "fr": "Principaux clients :"})]
    for rank_, company in enumerate(c.some(COMPANIES[c.lang], 3, 4), start=1):
        lines.append(f"{rank_}. {company.name}: {c.money(c.rng.randrange(50, 400) * 1000)}")
    return Built(pdf(title, lines, c, author.name))


@template("sales_data", "sales.top_customers_xlsx", ("es", "en"), ".xlsx")
def sales_top_customers(c: Ctx) -> Built:
    author = c.person(c.vendor())
    header = c.t({"es": ["Cliente", "Sector", f"Ventas {c.day.year - 1}", f"Ventas {c.day.year}", "Crecimiento %", "Comercial"],
                  "en": ["Customer", "Industry", f"Revenue {c.day.year - 1}", f"Revenue {c.day.year}", "Growth %", "Account manager"]})
    sectors = c.t({"es": ("Industria", "Banca", "Distribución", "Energía", "Sanidad"),
                   "en": ("Manufacturing", "Banking", "Retail", "Energy", "Healthcare")})
    rows: list[list[object]] = []
    for company in c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 8, 14):
        before = c.rng.randrange(50, 900) * 1000
        after = int(before * c.rng.uniform(0.8, 1.4))
        rows.append([company.name, c.pick(sectors), before, after, round(100 * (after - before) / before, 1), c.person().name])
    return Built(xlsx([(c.t({"es": "Top clientes", "en": "Top customers"}), header, rows)], c, author.name))


@template("sales_data", "sales.review_pptx", ("de", "en"), ".pptx")
def sales_review(c: Ctx) -> Built:
    author, quarter = c.person(c.vendor()), c.rng.randint(1, 4)
    intake, plan = c.rng.randint(15, 40) / 10, c.rng.randint(15, 40) / 10
    slides = c.t({
        "de": [(f"Vertriebsreview Q{quarter} {c.day.year}", [author.name, c.datestr()]),
               ("Zahlen im Überblick", [f"Auftragseingang: {c.number(intake, 1)} Mio. € (Plan {c.number(plan, 1)} Mio. €)",
                                        f"Pipeline: {c.rng.randint(8, 20)} Mio. €, gewichtet {c.rng.randint(3, 7)} Mio. €",
                                        f"Abschlussquote: {c.rng.randint(20, 40)} %"]),
               ("Top-Deals", [f"{x.name}: {c.rng.randrange(100, 900)} T€" for x in c.some(COMPANIES["de"], 3, 3)]),
               ("Ausblick", ["Forecast für das nächste Quartal stabil", "Zwei Großprojekte in Verhandlung"])],
        "en": [(f"Sales review Q{quarter} {c.day.year}", [author.name, c.datestr()]),
               ("Numbers at a glance", [f"Bookings: ${c.number(intake, 1)}M (plan ${c.number(plan, 1)}M)",
                                        f"Pipeline: ${c.rng.randint(8, 20)}M, weighted ${c.rng.randint(3, 7)}M",
                                        f"Win rate: {c.rng.randint(20, 40)}%"]),
               ("Top deals", [f"{x.name}: ${c.rng.randrange(100, 900)}k" for x in c.some(COMPANIES["en"], 3, 3)]),
               ("Outlook", ["Forecast for next quarter stable", "Two large deals in negotiation"])],
    })
    return Built(pptx(slides, c, author.name))


# --------------------------------------------------------------------------- sales_strategy

COMPETITORS = ("Globex", "Initech", "Umbrella Systems", "Hooli", "Vandelay Industries", "Stark Analytics")


@template("sales_strategy", "strategy.account_plan_docx", ("en", "de"), ".docx")
def account_plan(c: Ctx) -> Built:
    customer, owner, competitor = c.company(), c.person(c.vendor()), c.pick(COMPETITORS)
    stakeholders = [c.person(customer) for _ in range(c.rng.randint(2, 4))]
    target = c.rng.randrange(400, 2400) * 1000
    title = c.t({"en": f"Account plan {customer.name} FY{c.day.year + 1}", "de": f"Accountplan {customer.name} {c.day.year + 1}"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"Account owner: {owner.name}. Confidential – internal sales strategy.", "## Account overview",
               f"{customer.name} buys analytics and support from us; current annual revenue is about {c.money(target / 2)}.",
               "## Key stakeholders",
               [["Name", "Role", "Email", "Phone", "Attitude"],
                *([p.name, p.role, p.email, p.phone, c.pick(("sponsor", "neutral", "critic"))] for p in stakeholders)],
               "## Objectives", f"- Grow annual revenue to {c.money(target)}",
               c.pick(("- Land the analytics suite in two more business units", "- Win the renewal against the incumbent")),
               "## Competitive situation",
               f"{competitor} is the incumbent in logistics and discounts aggressively; our differentiation is integration "
               "and support quality.",
               "## Whitespace and upsell", "- Cloud storage for the plants", "- Premium support for the new site"],
        "de": [f"Verantwortlich: {owner.name}. Vertraulich – interne Vertriebsstrategie.", "## Kundenüberblick",
               f"{customer.name} bezieht Analytics und Support; der aktuelle Jahresumsatz liegt bei etwa {c.money(target / 2)}.",
               "## Entscheider",
               [["Name", "Rolle", "E-Mail", "Telefon", "Haltung"],
                *([p.name, p.role, p.email, p.phone, c.pick(("Befürworter", "neutral", "kritisch"))] for p in stakeholders)],
               "## Ziele", f"- Jahresumsatz auf {c.money(target)} steigern",
               c.pick(("- Analytics in zwei weiteren Geschäftsbereichen platzieren", "- Verlängerung gegen den Wettbewerber gewinnen")),
               "## Wettbewerbssituation",
               f"{competitor} ist Bestandslieferant in der Logistik und gewährt hohe Rabatte; unsere Stärken sind Integration "
               "und Supportqualität.",
               "## Potenziale", "- Cloud-Speicher für die Werke", "- Premium-Support für den neuen Standort"],
    })
    return Built(docx(title, blocks, c, owner.name))


@template("sales_strategy", "strategy.gtm_pptx", ("fr", "es"), ".pptx")
def go_to_market(c: Ctx) -> Built:
    author, product = c.person(c.vendor()), c.pick(POC_PRODUCTS)
    slides = c.t({
        "fr": [(f"Stratégie de mise sur le marché – {product}", [author.name, c.datestr()]),
               ("Segments cibles", c.some(("ETI industrielles", "Logistique et transport", "Distribution spécialisée",
                                           "Collectivités"), 2, 4)),
               ("Proposition de valeur", ["Mise en service en deux semaines", "Intégration native aux ERP du marché"]),
               ("Positionnement prix", [f"10 à 15 % sous {c.pick(COMPETITORS)}", "Remise maximale 20 % sans validation"]),
               ("Canaux", ["Vente directe grands comptes", "Partenaires intégrateurs en région"]),
               ("Plan d'action", ["Webinaires clients au T2", "Programme partenaires au T3"])],
        "es": [(f"Estrategia de salida al mercado – {product}", [author.name, c.datestr()]),
               ("Segmentos objetivo", c.some(("Mediana industria", "Logística y transporte", "Distribución especializada",
                                              "Administraciones públicas"), 2, 4)),
               ("Propuesta de valor", ["Puesta en marcha en dos semanas", "Integración nativa con los ERP del mercado"]),
               ("Posicionamiento de precios", [f"Entre un 10 y un 15 % por debajo de {c.pick(COMPETITORS)}",
                                               "Descuento máximo del 20 % sin aprobación"]),
               ("Canales", ["Venta directa a grandes cuentas", "Socios integradores regionales"]),
               ("Plan de acción", ["Seminarios web en el T2", "Programa de socios en el T3"])],
    })
    return Built(pptx(slides, c, author.name))


@template("sales_strategy", "strategy.battlecard_md", ("en", "de"), ".md")
def battlecard(c: Ctx) -> Built:
    competitor, product = c.pick(COMPETITORS), c.pick(POC_PRODUCTS)
    out = c.t({
        "en": [f"# Battlecard: {product} vs {competitor}", "", f"Last update {c.datestr()} – for the sales team only.", "",
               "## Where we win", "", *(f"- {x}" for x in c.some(("Faster deployment (weeks, not months)",
                                                                 "Better ERP integration", "Local support in four languages",
                                                                 "Transparent per-user pricing"), 2, 4)), "",
               f"## Where {competitor} wins", "", "- Larger installed base in retail", "- Bundles hardware at cost", "",
               "## Objection handling", "",
               f"- \"{competitor} is cheaper\": compare three-year cost including services.",
               "- \"You are too small\": reference customers in the same industry.", "",
               "## Pricing tactics", "", "- Never discount more than 20% in the first round.",
               "- Offer a paid pilot instead of a free one."],
        "de": [f"# Wettbewerbsanalyse: {competitor}", "", f"Stand {c.datestr()} – nur für den Vertrieb.", "",
               "## Unsere Stärken", "", *(f"- {x}" for x in c.some(("Schnellere Einführung (Wochen statt Monate)",
                                                                   "Bessere ERP-Integration", "Support vor Ort",
                                                                   "Transparente Preise pro Benutzer"), 2, 4)), "",
               f"## Stärken von {competitor}", "", "- Große Kundenbasis im Handel", "- Hardware zum Selbstkostenpreis", "",
               "## Einwandbehandlung", "",
               f"- „{competitor} ist günstiger“: Gesamtkosten über drei Jahre vergleichen.",
               "- „Sie sind zu klein“: Referenzkunden aus derselben Branche nennen.", "",
               "## Preistaktik", "", "- In der ersten Runde nie mehr als 20 % Rabatt.",
               "- Bezahlten Piloten statt kostenlosem anbieten."],
    })
    return Built(text(out))


@template("sales_strategy", "strategy.pricing_docx", ("es", "fr"), ".docx")
def pricing_strategy(c: Ctx) -> Built:
    author = c.person(c.vendor())
    title = c.t({"es": f"Estrategia de precios {c.day.year + 1}", "fr": f"Stratégie tarifaire {c.day.year + 1}"})
    bands = c.t({"es": [["Segmento", "Descuento máximo", "Aprobación"], ["Gran cuenta", "25 %", "Director comercial"],
                        ["Mediana empresa", "15 %", "Jefe de ventas"], ["Pyme", "5 %", "Comercial"]],
                 "fr": [["Segment", "Remise maximale", "Validation"], ["Grands comptes", "25 %", "Directeur commercial"],
                        ["ETI", "15 %", "Responsable des ventes"], ["PME", "5 %", "Commercial"]]})
    blocks: list[str | list[list[str]]] = c.t({
        "es": ["## Posicionamiento", f"Nos posicionamos un {c.rng.randint(5, 15)} % por debajo de {c.pick(COMPETITORS)} en la "
               "gama media y al mismo nivel en la gama alta, donde ganamos por servicio.",
               "## Política de descuentos", bands, "## Competencia",
               f"{c.pick(COMPETITORS)} ha bajado sus precios de lista un 10 %; no seguimos esa bajada y reforzamos la "
               "propuesta de valor.", "## Objetivos", "- Margen bruto mínimo del 60 %", "- Subida de precios del 3 % en renovaciones"],
        "fr": ["## Positionnement", f"Nous nous positionnons {c.rng.randint(5, 15)} % sous {c.pick(COMPETITORS)} en milieu de "
               "gamme et au même niveau en haut de gamme, où nous gagnons sur le service.",
               "## Politique de remise", bands, "## Concurrence",
               f"{c.pick(COMPETITORS)} a baissé ses prix catalogue de 10 % ; nous ne suivons pas et renforçons la "
               "proposition de valeur.", "## Objectifs", "- Marge brute minimale de 60 %", "- Hausse de 3 % au renouvellement"],
    })
    return Built(docx(title, blocks, c, author.name))


@template("sales_strategy", "strategy.territory_xlsx", ("de", "en"), ".xlsx")
def territory_plan(c: Ctx) -> Built:
    author = c.person(c.vendor())
    header = c.t({"de": ["Kunde", "Segment", "Priorität", "Potenzial", "Wettbewerber", "Strategie", "Nächster Schritt"],
                  "en": ["Account", "Segment", "Priority", "Potential", "Incumbent", "Strategy", "Next action"]})
    strategies = c.t({"de": ("Verdrängung", "Ausbau", "Halten", "Neukunde"), "en": ("Displace", "Expand", "Retain", "New logo")})
    actions = c.t({"de": ("Workshop mit IT-Leitung", "Referenzbesuch", "Angebot Q3", "Pilot vorschlagen"),
                   "en": ("Workshop with IT", "Reference visit", "Proposal in Q3", "Propose a pilot")})
    rows: list[list[object]] = [[company.name, c.pick(("Enterprise", "Mid-market", "SMB")), c.pick(("A", "B", "C")),
                                 c.rng.randrange(50, 800) * 1000, c.pick(COMPETITORS), c.pick(strategies), c.pick(actions)]
                                for company in c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 6, 12)]
    return Built(xlsx([(c.t({"de": "Gebiet Süd", "en": "Territory"}), header, rows)], c, author.name))


@template("sales_strategy", "strategy.swot_txt", ("fr", "en"), ".txt")
def swot(c: Ctx) -> Built:
    product = c.pick(POC_PRODUCTS)
    market = c.t({"fr": c.pick(("Espagne", "Italie", "Benelux")), "en": c.pick(("the Nordics", "Germany", "Benelux"))})
    out = c.t({
        "fr": [f"Analyse SWOT – {product} : entrée sur le marché {market}", "",
               "Forces :", "- Produit éprouvé chez 40 clients", "- Intégration ERP native", "",
               "Faiblesses :", "- Pas d'équipe locale", "- Notoriété faible", "",
               "Opportunités :", f"- Programme public de modernisation en {market}", "- Concurrents locaux peu présents", "",
               "Menaces :", f"- Guerre des prix menée par {c.pick(COMPETITORS)}", "- Cycle de vente long", "",
               "Objectifs stratégiques :", f"- 10 clients en {c.day.year + 1}",
               c.pick(("- Recruter un partenaire intégrateur", "- Ouvrir un bureau commercial"))],
        "en": [f"SWOT analysis – expansion of {product} into {market}", "",
               "Strengths:", "- Product proven at 40 customers", "- Native ERP integration", "",
               "Weaknesses:", "- No local team", "- Low brand awareness", "",
               "Opportunities:", f"- Public modernisation programme in {market}", "- Few local competitors", "",
               "Threats:", f"- Price war led by {c.pick(COMPETITORS)}", "- Long sales cycles", "",
               "Strategic goals:", f"- 10 customers in {c.day.year + 1}",
               c.pick(("- Sign an integration partner", "- Open a sales office"))],
    })
    return Built(text(out))


# --------------------------------------------------------------------------- product_order


@template("product_order", "order.po_xlsx", ("en", "de"), ".xlsx")
def purchase_order_xlsx(c: Ctx) -> Built:
    buyer, supplier = c.person(), c.vendor()
    number = c.code("PO", 6)
    head = c.t({"en": ["PO number", "Order date", "Supplier", "Buyer", "Buyer email", "Buyer phone", "Delivery date"],
                "de": ["Bestellnummer", "Bestelldatum", "Lieferant", "Besteller", "E-Mail", "Telefon", "Liefertermin"]})
    lines_header = c.t({"en": ["Line", "SKU", "Description", "Qty", "Unit price", "Line total"],
                        "de": ["Pos", "Artikelnummer", "Bezeichnung", "Menge", "Einzelpreis", "Gesamtpreis"]})
    lines: list[list[object]] = [[n, i.sku, i.description, i.quantity, i.unit_price, i.total]
                                 for n, i in enumerate(c.items(2, 6), start=1)]
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (c.t({"en": "Purchase order", "de": "Bestellung"}), head,
         [[number, c.day, supplier.name, buyer.name, buyer.email, buyer.phone, c.later(c.rng.randint(7, 30))]]),
        (c.t({"en": "Lines", "de": "Positionen"}), lines_header, lines)]
    return Built(xlsx(sheets, c, buyer.name))


@template("product_order", "order.po_pdf", ("fr", "es"), ".pdf")
def purchase_order_pdf(c: Ctx) -> Built:
    buyer, supplier = c.person(), c.vendor()
    number, items = c.code(c.t({"fr": "BC", "es": "OC"})), c.items(2, 5)
    net = sum(i.total for i in items)
    title = c.t({"fr": f"Bon de commande n° {number}", "es": f"Orden de compra n.º {number}"})
    lines = c.t({
        "fr": [f"Date : {c.datestr()}    Fournisseur : {supplier.name}", f"Acheteur : {buyer.name}, {buyer.company.name}",
               f"Adresse de livraison : {buyer.company.street}, {buyer.company.city}", "",
               *(f"{i.quantity} x {i.description} ({i.sku}) à {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Total HT : {c.money(net)}", f"Date de livraison souhaitée : {c.datestr(c.later(21))}",
               c.pick(("Merci de confirmer la commande sous 48 heures.", "Conditions : paiement à 30 jours fin de mois."))],
        "es": [f"Fecha: {c.datestr()}    Proveedor: {supplier.name}", f"Comprador: {buyer.name}, {buyer.company.name}",
               f"Dirección de entrega: {buyer.company.street}, {buyer.company.city}", "",
               *(f"{i.quantity} x {i.description} ({i.sku}) a {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Total sin IVA: {c.money(net)}", f"Fecha de entrega solicitada: {c.datestr(c.later(21))}",
               c.pick(("Rogamos confirmen el pedido en 48 horas.", "Condiciones: pago a 30 días."))],
    })
    return Built(pdf(title, lines, c, buyer.name))


@template("product_order", "order.confirmation_docx", ("de", "en"), ".docx")
def order_confirmation(c: Ctx) -> Built:
    customer, clerk = c.person(), c.person(c.vendor())
    number, items = c.code(c.t({"de": "AB", "en": "SO"})), c.items(2, 5)
    title = c.t({"de": f"Auftragsbestätigung {number}", "en": f"Order confirmation {number}"})
    table = [c.t({"de": ["Pos.", "Artikel", "Menge", "Einzelpreis", "Gesamt"], "en": ["Item", "Product", "Quantity", "Price", "Amount"]}),
             *([str(n), i.description, str(i.quantity), c.money(i.unit_price), c.money(i.total)] for n, i in enumerate(items, 1))]
    blocks: list[str | list[list[str]]] = c.t({
        "de": [f"{customer.company.name}, {customer.name}, {customer.company.street}, {customer.company.city}",
               f"Vielen Dank für Ihren Auftrag vom {c.datestr(c.later(-3))}. Wir bestätigen die Lieferung der folgenden Positionen:",
               table, f"Voraussichtlicher Liefertermin: {c.datestr(c.later(14))}. Lieferung frei Haus.",
               c.pick(("Es gelten unsere Lieferbedingungen.", "Teillieferungen behalten wir uns vor."))],
        "en": [f"{customer.company.name}, attn. {customer.name}, {customer.company.street}, {customer.company.city}",
               f"Thank you for your order of {c.datestr(c.later(-3))}. We confirm delivery of the following items:",
               table, f"Expected delivery date: {c.datestr(c.later(14))}. Shipping included.",
               c.pick(("Our terms of delivery apply.", "Partial shipments may occur."))],
    })
    return Built(docx(title, blocks, c, clerk.name))


@template("product_order", "order.order_export_csv", ("es", "en"), ".csv")
def order_export(c: Ctx) -> Built:
    header = c.t({"es": ["Pedido", "Fecha", "Cliente", "Referencia", "Cantidad", "Precio unitario", "Importe"],
                  "en": ["Order ID", "Order date", "Customer", "SKU", "Quantity", "Unit price", "Total"]})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(6, 15)):
        item = c.items(1, 1)[0]
        rows.append([f"{c.rng.randrange(100000, 999999)}", c.later(-c.rng.randint(0, 60)).isoformat(),
                     c.company(c.pick(LANGUAGES)).name, item.sku, item.quantity, item.unit_price, item.total])
    return Built(csv_text(header, rows, ";" if c.lang == "es" else ","))


@template("product_order", "order.webshop_txt", ("en", "de"), ".txt")
def webshop_order(c: Ctx) -> Built:
    customer, items = c.person(), c.items(1, 4)
    number = f"{c.rng.randrange(100, 999)}-{c.rng.randrange(1000000, 9999999)}"
    width = max(len(i.description) for i in items) + 2
    item_lines = [f"{i.quantity} x {i.description.ljust(width)} {c.money(i.unit_price):>14} {c.money(i.total):>14}" for i in items]
    out = c.t({
        "en": [c.pick(("Thank you for your order!", "Your order has been received.")), "",
               f"Order number: {number}", f"Order date: {c.datestr()}", "", *item_lines, "",
               f"Order total: {c.money(sum(i.total for i in items))}", "", "Shipping address:", customer.name,
               customer.company.street, customer.company.city, "",
               f"Estimated delivery: {c.datestr(c.later(c.rng.randint(2, 6)))}",
               "You can track your order in your customer account."],
        "de": [c.pick(("Vielen Dank für Ihre Bestellung!", "Ihre Bestellung ist bei uns eingegangen.")), "",
               f"Bestellnummer: {number}", f"Bestelldatum: {c.datestr()}", "", *item_lines, "",
               f"Gesamtbetrag: {c.money(sum(i.total for i in items))}", "", "Lieferadresse:", customer.name,
               customer.company.street, customer.company.city, "",
               f"Voraussichtliche Lieferung: {c.datestr(c.later(c.rng.randint(2, 6)))}",
               "Den Versandstatus sehen Sie in Ihrem Kundenkonto."],
    })
    return Built(text(out))


@template("product_order", "order.order_sheet_xlsx", ("fr", "es"), ".xlsx")
def order_sheet(c: Ctx) -> Built:
    buyer = c.person()
    header = c.t({"fr": ["Référence", "Désignation", "Quantité", "Prix unitaire HT", "Montant HT", "Date de livraison"],
                  "es": ["Referencia", "Artículo", "Cantidad", "Precio unitario", "Importe", "Fecha de entrega"]})
    rows: list[list[object]] = [[i.sku, i.description, i.quantity, i.unit_price, i.total, c.later(c.rng.randint(5, 40))]
                                for i in c.items(3, 7)]
    return Built(xlsx([(c.t({"fr": "Commande", "es": "Pedido"}), header, rows)], c, buyer.name))


# --------------------------------------------------------------------------- offer


@template("offer", "offer.quote_pdf", ("en", "de"), ".pdf")
def quote_pdf(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    number, items = c.code(c.t({"en": "Q", "de": "ANG"})), c.items(2, 5)
    net = sum(i.total for i in items)
    title = c.t({"en": c.pick((f"Quotation {number}", f"Price quote {number}")), "de": f"Angebot {number}"})
    lines = c.t({
        "en": [f"Date: {c.datestr()}    Valid until: {c.datestr(c.later(c.pick((30, 60, 90))))}", "",
               f"Prepared for: {customer.name}, {customer.company.name}", "",
               c.pick(("We are pleased to submit the following price offer:", "Further to your enquiry, we quote as follows:")), "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Total (excl. VAT): {c.money(net)}", "Delivery within four weeks of order. Payment 30 days net.",
               f"Your contact: {rep.name}, {rep.role}, {rep.email}, {rep.phone}"],
        "de": [f"Datum: {c.datestr()}    Gültig bis: {c.datestr(c.later(c.pick((30, 60, 90))))}", "",
               f"Für: {customer.name}, {customer.company.name}", "",
               c.pick(("Gerne unterbreiten wir Ihnen folgendes Angebot:", "Vielen Dank für Ihre Anfrage. Wir bieten Ihnen an:")), "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Gesamtpreis netto zzgl. MwSt.: {c.money(net)}", "Lieferung vier Wochen nach Auftragseingang.",
               f"Ihr Ansprechpartner: {rep.name}, {rep.role}, {rep.email}, Tel. {rep.phone}"],
    })
    return Built(pdf(title, lines, c, rep.name))


@template("offer", "offer.proposal_docx", ("fr", "es"), ".docx")
def proposal_docx(c: Ctx) -> Built:
    customer, rep, product = c.company(), c.person(c.vendor()), c.pick(POC_PRODUCTS)
    items = c.items(2, 4)
    title = c.t({"fr": f"Proposition commerciale – {product} pour {customer.name}",
                 "es": f"Propuesta comercial – {product} para {customer.name}"})
    table = [c.t({"fr": ["Poste", "Quantité", "Prix unitaire", "Total"], "es": ["Concepto", "Cantidad", "Precio unitario", "Total"]}),
             *([i.description, str(i.quantity), c.money(i.unit_price), c.money(i.total)] for i in items)]
    blocks: list[str | list[list[str]]] = c.t({
        "fr": ["## Contexte", f"{customer.name} souhaite moderniser le suivi de sa production sur deux sites.",
               "## Solution proposée", f"Nous proposons {product} avec une mise en service en six semaines et un accompagnement "
               "de l'équipe d'exploitation.", "## Prix", table,
               f"Prix hors taxes. Offre valable jusqu'au {c.datestr(c.later(60))}.", "## Conditions",
               c.pick(("Paiement : 30 % à la commande, solde à la recette.", "Paiement à 30 jours date de facture."))],
        "es": ["## Contexto", f"{customer.name} desea modernizar el seguimiento de su producción en dos plantas.",
               "## Solución propuesta", f"Proponemos {product} con una puesta en marcha en seis semanas y acompañamiento "
               "del equipo de operaciones.", "## Precio", table,
               f"Precios sin IVA. Oferta válida hasta el {c.datestr(c.later(60))}.", "## Condiciones",
               c.pick(("Pago: 30 % con el pedido y el resto a la aceptación.", "Pago a 30 días fecha de factura."))],
    })
    return Built(docx(title, blocks, c, rep.name))


@template("offer", "offer.offer_letter_docx", ("de", "en"), ".docx", also=("correspondence",))
def offer_letter(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    items = c.items(2, 4)
    table = [c.t({"de": ["Pos.", "Leistung", "Menge", "Preis"], "en": ["No.", "Item", "Qty", "Price"]}),
             *([str(n), i.description, str(i.quantity), c.money(i.total)] for n, i in enumerate(items, 1))]
    title = c.t({"de": f"Ihr Angebot {c.code('A', 4)}", "en": f"Our offer {c.code('OF', 4)}"})
    blocks: list[str | list[list[str]]] = c.t({
        "de": [f"{customer.company.name}, z. Hd. {customer.name}, {customer.company.street}, {customer.company.city}",
               f"{c.vendor().city.split()[-1]}, den {c.datestr(long=False)}",
               f"Sehr geehrte{'r Herr' if c.maybe() else ' Frau'} {customer.last},",
               c.pick(("vielen Dank für das freundliche Gespräch. Gerne unterbreiten wir Ihnen unser Angebot:",
                       "wie besprochen bieten wir Ihnen die folgenden Leistungen an:")),
               table, f"Dieses Angebot ist gültig bis {c.datestr(c.later(45))}. Alle Preise zuzüglich Mehrwertsteuer.",
               "Mit freundlichen Grüßen", rep.name, rep.role],
        "en": [f"{customer.company.name}, attn. {customer.name}, {customer.company.street}, {customer.company.city}",
               c.datestr(long=True), f"Dear {customer.first},",
               c.pick(("Further to our meeting, we are pleased to offer the following:",
                       "Thank you for your interest. Please find our offer below:")),
               table, f"This offer is valid until {c.datestr(c.later(45))}. Prices exclude VAT.",
               "Kind regards,", rep.name, rep.role],
    })
    return Built(docx(title, blocks, c, rep.name))


@template("offer", "offer.quote_xlsx", ("es", "en"), ".xlsx")
def quote_xlsx(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    number = c.code(c.t({"es": "P", "en": "QT"}))
    head = c.t({"es": ["Presupuesto n.º", "Cliente", "Fecha", "Válido hasta"], "en": ["Quote no.", "Customer", "Date", "Valid until"]})
    lines_header = c.t({"es": ["Referencia", "Descripción", "Cantidad", "Precio de lista", "Descuento %", "Precio neto", "Importe"],
                        "en": ["SKU", "Description", "Qty", "List price", "Discount %", "Net price", "Amount"]})
    rows: list[list[object]] = []
    for item in c.items(2, 6):
        discount = c.pick((0, 5, 10, 15))
        net = round(item.unit_price * (100 - discount) / 100, 2)
        rows.append([item.sku, item.description, item.quantity, item.unit_price, discount, net, round(net * item.quantity, 2)])
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (c.t({"es": "Presupuesto", "en": "Quote"}), head, [[number, customer.company.name, c.day, c.later(30)]]),
        (c.t({"es": "Detalle", "en": "Lines"}), lines_header, rows)]
    return Built(xlsx(sheets, c, rep.name))


@template("offer", "offer.rfp_response_md", ("en", "fr"), ".md")
def rfp_response(c: Ctx) -> Built:
    customer, product = c.company(), c.pick(POC_PRODUCTS)
    number, items = c.code("RFP", 3), c.items(2, 4)
    table = ["| Item | Qty | Unit price | Total |", "|---|---|---|---|",
             *(f"| {i.description} | {i.quantity} | {c.money(i.unit_price)} | {c.money(i.total)} |" for i in items)]
    out = c.t({
        "en": [f"# Response to RFP {number}: {product} for {customer.name}", "", "## Executive summary", "",
               f"We propose {product} as a managed service, live within eight weeks.", "", "## Proposed solution", "",
               "- Hosted platform in an EU data centre", "- Integration with the existing ERP", "- Training for 20 users", "",
               "## Commercial offer", "", *table, "", "Prices exclude VAT. This proposal is valid for 90 days.", "",
               "## Terms", "", "Payment 30 days net; annual fees invoiced in advance."],
        "fr": [f"# Réponse à l'appel d'offres {number} : {product} pour {customer.name}", "", "## Synthèse", "",
               f"Nous proposons {product} en service managé, opérationnel sous huit semaines.", "", "## Solution proposée", "",
               "- Plateforme hébergée dans un centre de données européen", "- Intégration avec l'ERP existant",
               "- Formation de 20 utilisateurs", "", "## Offre financière", "",
               *(line.replace("Item", "Poste").replace("Qty", "Qté").replace("Unit price", "Prix unitaire") for line in table), "",
               "Prix hors taxes. Offre valable 90 jours.", "", "## Conditions", "",
               "Paiement à 30 jours ; redevances annuelles facturées d'avance."],
    })
    return Built(text(out))


@template("offer", "offer.devis_pdf", ("fr", "es"), ".pdf")
def devis_pdf(c: Ctx) -> Built:
    customer, rep = c.person(), c.person(c.vendor())
    number, items = c.code(c.t({"fr": "DV", "es": "PR"}), 4), c.items(2, 5)
    net = sum(i.total for i in items)
    title = c.t({"fr": f"Devis n° {number}", "es": f"Presupuesto n.º {number}"})
    lines = c.t({
        "fr": [f"Client : {customer.company.name} – {customer.name}", f"Date : {c.datestr()}", "", "Désignation / Qté / PU HT / Montant HT",
               *(f"{i.description} / {i.quantity} / {c.money(i.unit_price)} / {c.money(i.total)}" for i in items), "",
               f"Total HT : {c.money(net)}    TVA 20 % : {c.money(net * 0.2)}    Total TTC : {c.money(net * 1.2)}",
               c.pick(("Devis valable 30 jours.", f"Validité : jusqu'au {c.datestr(c.later(30))}.")),
               "Bon pour accord – date et signature du client :", "____________________"],
        "es": [f"Cliente: {customer.company.name} – {customer.name}", f"Fecha: {c.datestr()}", "", "Concepto / Cant. / Precio / Importe",
               *(f"{i.description} / {i.quantity} / {c.money(i.unit_price)} / {c.money(i.total)}" for i in items), "",
               f"Base imponible: {c.money(net)}    IVA 21 %: {c.money(net * 0.21)}    Total: {c.money(net * 1.21)}",
               c.pick(("Presupuesto válido durante 30 días.", f"Validez: hasta el {c.datestr(c.later(30))}.")),
               "Conforme – fecha y firma del cliente:", "____________________"],
    })
    return Built(pdf(title, lines, c, rep.name))


# --------------------------------------------------------------------------- invoice

IBANS = {"en": "GB29 NWBK 6016 1331 9268 19", "de": "DE89 3704 0044 0532 0130 00", "fr": "FR76 3000 6000 0112 3456 7890 189",
         "es": "ES91 2100 0418 4502 0005 1332"}
BICS = {"en": "NWBKGB2L", "de": "COBADEFFXXX", "fr": "BNPAFRPPXXX", "es": "CAIXESBBXXX"}


@template("invoice", "invoice.classic_pdf", ("en", "de"), ".pdf")
def invoice_pdf(c: Ctx) -> Built:
    customer, seller = c.person(), c.vendor()
    clerk = c.person(seller)
    number, items = c.code(c.t({"en": "INV", "de": "RE"})), c.items(1, 4)
    net = sum(i.total for i in items)
    title = c.t({"en": c.pick((f"Invoice {number}", f"Tax invoice {number}")), "de": f"Rechnung {number}"})
    lines = c.t({
        "en": [f"Invoice number: {number}    Invoice date: {c.datestr()}    Due date: {c.datestr(c.later(30))}", "",
               f"Bill to: {customer.name}, {customer.company.name}, {customer.company.city}", "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Subtotal: {c.money(net)}    VAT 20%: {c.money(net * 0.2)}", f"Amount due: {c.money(net * 1.2)}", "",
               "Payment terms: 30 days net.", f"Please pay to {seller.name}, IBAN {IBANS['en']}, BIC {BICS['en']}.",
               f"Questions about this invoice: {clerk.name}, {clerk.email}, {clerk.phone}"],
        "de": [f"Rechnungsnummer: {number}    Rechnungsdatum: {c.datestr()}", f"Leistungszeitraum: {MONTHS['de'][c.day.month - 1]}", "",
               f"Rechnungsadresse: {customer.company.name}, {customer.name}, {customer.company.street}, {customer.company.city}", "",
               *(f"{i.sku}  {i.description}: {i.quantity} x {c.money(i.unit_price)} = {c.money(i.total)}" for i in items), "",
               f"Nettobetrag: {c.money(net)}    MwSt. 19 %: {c.money(net * 0.19)}", f"Rechnungsbetrag: {c.money(net * 1.19)}", "",
               f"Zahlbar bis {c.datestr(c.later(14))} ohne Abzug.", f"Bankverbindung: IBAN {IBANS['de']}, BIC {BICS['de']}",
               f"Fragen zur Rechnung: {clerk.name}, {clerk.email}, Tel. {clerk.phone}"],
    })
    return Built(pdf(title, lines, c, seller.name))


@template("invoice", "invoice.facture_pdf", ("fr", "es"), ".pdf")
def facture_pdf(c: Ctx) -> Built:
    customer, seller = c.person(), c.vendor()
    number, items = c.code(c.t({"fr": "FA", "es": "F"})), c.items(1, 4)
    net = sum(i.total for i in items)
    title = c.t({"fr": f"Facture n° {number}", "es": f"Factura n.º {number}"})
    lines = c.t({
        "fr": [f"Date de facture : {c.datestr()}    Échéance : {c.datestr(c.later(30))}",
               f"Client : {customer.company.name}, {customer.company.street}, {customer.company.city}", "",
               *(f"{i.description} – {i.quantity} x {c.money(i.unit_price)} – {c.money(i.total)}" for i in items), "",
               f"Total HT : {c.money(net)}", f"TVA 20 % : {c.money(net * 0.2)}", f"Net à payer TTC : {c.money(net * 1.2)}", "",
               c.pick(("Règlement par virement à 30 jours.", "Conditions de paiement : 45 jours fin de mois.")),
               f"IBAN {IBANS['fr']} – BIC {BICS['fr']}",
               "Tout retard de paiement entraîne une indemnité forfaitaire de 40 EUR."],
        "es": [f"Fecha de factura: {c.datestr()}    Vencimiento: {c.datestr(c.later(30))}",
               f"Cliente: {customer.company.name}, {customer.company.street}, {customer.company.city}", "",
               *(f"{i.description} – {i.quantity} x {c.money(i.unit_price)} – {c.money(i.total)}" for i in items), "",
               f"Base imponible: {c.money(net)}", f"IVA 21 %: {c.money(net * 0.21)}", f"Total a pagar: {c.money(net * 1.21)}", "",
               c.pick(("Forma de pago: transferencia a 30 días.", "Condiciones de pago: 60 días fecha de factura.")),
               f"IBAN {IBANS['es']} – BIC {BICS['es']}"],
    })
    return Built(pdf(title, lines, c, seller.name))


@template("invoice", "invoice.credit_note_docx", ("en", "de"), ".docx")
def credit_note(c: Ctx) -> Built:
    customer, clerk = c.person(), c.person(c.vendor())
    number, original = c.code(c.t({"en": "CN", "de": "GS"})), c.code(c.t({"en": "INV", "de": "RE"}))
    items = c.items(1, 2)
    amount = sum(i.total for i in items)
    title = c.t({"en": f"Credit note {number}", "de": f"Gutschrift {number}"})
    table = [c.t({"en": ["Description", "Qty", "Amount credited"], "de": ["Beschreibung", "Menge", "Gutschriftsbetrag"]}),
             *([i.description, str(i.quantity), c.money(i.total)] for i in items)]
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"{customer.company.name}, {customer.company.street}, {customer.company.city}",
               f"Date: {c.datestr()}. This credit note refers to invoice {original}.",
               c.pick(("Reason: goods returned damaged.", "Reason: service credit for the outage in the last month.",
                       "Reason: price correction agreed with your buyer.")),
               table, f"Total credited including VAT: {c.money(amount * 1.2)}",
               c.pick(("The amount will be offset against your next invoice.", "We will refund the amount to your account."))],
        "de": [f"{customer.company.name}, {customer.company.street}, {customer.company.city}",
               f"Datum: {c.datestr()}. Diese Gutschrift bezieht sich auf die Rechnung {original}.",
               c.pick(("Grund: beschädigte Ware zurückgesandt.", "Grund: Servicegutschrift für den Ausfall im Vormonat.",
                       "Grund: mit Ihrem Einkauf vereinbarte Preiskorrektur.")),
               table, f"Gutschriftsbetrag inkl. MwSt.: {c.money(amount * 1.19)}",
               c.pick(("Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.", "Wir überweisen den Betrag auf Ihr Konto."))],
    })
    return Built(docx(title, blocks, c, clerk.name))


@template("invoice", "invoice.invoice_xlsx", ("es", "en"), ".xlsx")
def invoice_xlsx(c: Ctx) -> Built:
    customer, clerk = c.person(), c.person(c.vendor())
    number = c.code(c.t({"es": "FAC", "en": "INV"}))
    head = c.t({"es": ["Factura", "Fecha", "Cliente", "Vencimiento"], "en": ["Invoice", "Invoice date", "Customer", "Due date"]})
    lines_header = c.t({"es": ["Concepto", "Cantidad", "Precio", "Importe", "IVA %"],
                        "en": ["Description", "Quantity", "Price", "Amount", "VAT %"]})
    rows: list[list[object]] = [[i.description, i.quantity, i.unit_price, i.total, c.t({"es": 21, "en": 20})] for i in c.items(1, 5)]
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (c.t({"es": "Factura", "en": "Invoice"}), head, [[number, c.day, customer.company.name, c.later(30)]]),
        (c.t({"es": "Líneas", "en": "Lines"}), lines_header, rows)]
    return Built(xlsx(sheets, c, clerk.name))


@template("invoice", "invoice.statement_txt", ("de", "fr"), ".txt")
def billing_statement(c: Ctx) -> Built:
    customer = c.person()
    month = MONTHS[c.lang][c.day.month - 1]
    charges = c.t({"de": ("Grundgebühr Hosting", "Zusätzlicher Speicher", "Datenübertragung", "Support-Paket", "Backup-Dienst"),
                   "fr": ("Abonnement hébergement", "Stockage supplémentaire", "Transfert de données", "Pack support",
                          "Service de sauvegarde")})
    rows = [(name, c.rng.randint(1, 3) * c.rng.uniform(3, 90)) for name in c.some(charges, 2, 5)]
    total = sum(amount for _, amount in rows)
    out = c.t({
        "de": [f"Abrechnung {month} {c.day.year}", f"Kundennummer: {c.rng.randrange(10000, 99999)}",
               f"{customer.company.name}, {customer.company.city}", "",
               *(f"{name:<28}{c.money(amount):>14}" for name, amount in rows), "",
               f"{'Summe netto':<28}{c.money(total):>14}", f"{'MwSt. 19 %':<28}{c.money(total * 0.19):>14}",
               f"{'Rechnungsbetrag':<28}{c.money(total * 1.19):>14}", "",
               f"Der Betrag wird am {c.datestr(c.later(10))} per Lastschrift eingezogen."],
        "fr": [f"Relevé de facturation – {month} {c.day.year}", f"Numéro client : {c.rng.randrange(10000, 99999)}",
               f"{customer.company.name}, {customer.company.city}", "",
               *(f"{name:<28}{c.money(amount):>14}" for name, amount in rows), "",
               f"{'Total HT':<28}{c.money(total):>14}", f"{'TVA 20 %':<28}{c.money(total * 0.2):>14}",
               f"{'Total TTC':<28}{c.money(total * 1.2):>14}", "",
               f"Le montant sera prélevé le {c.datestr(c.later(10))}."],
    })
    return Built(text(out))


@template("invoice", "invoice.receipt_txt", ("en", "es"), ".txt")
def payment_receipt(c: Ctx) -> Built:
    seller = c.vendor()
    number = c.code(c.t({"en": "INV", "es": "F"}))
    amount = c.rng.uniform(20, 900)
    out = c.t({
        "en": [f"Receipt from {seller.name}", f"Receipt #{c.rng.randrange(1000, 9999)}-{c.rng.randrange(1000, 9999)}", "",
               f"Invoice number: {number}", f"Date paid: {c.datestr()}",
               f"Billing period: {c.datestr(c.later(-30), long=False)} – {c.datestr(long=False)}", "",
               f"{c.pick(('Pro plan', 'Team plan', 'Enterprise seats'))} x {c.rng.randint(2, 30)}", f"Amount paid: {c.money(amount)}",
               f"Payment method: {c.pick(('Visa', 'Mastercard', 'Amex'))} ending in {c.rng.randrange(1000, 9999)}", "",
               f"Questions? Contact billing@{seller.domain}."],
        "es": [f"Recibo de {seller.name}", f"Recibo n.º {c.rng.randrange(1000, 9999)}-{c.rng.randrange(1000, 9999)}", "",
               f"Número de factura: {number}", f"Fecha de pago: {c.datestr()}",
               f"Periodo de facturación: {c.datestr(c.later(-30), long=False)} – {c.datestr(long=False)}", "",
               f"{c.pick(('Plan Pro', 'Plan Equipos', 'Licencias Empresa'))} x {c.rng.randint(2, 30)}",
               f"Importe pagado: {c.money(amount)}",
               f"Método de pago: {c.pick(('Visa', 'Mastercard'))} terminada en {c.rng.randrange(1000, 9999)}", "",
               f"¿Preguntas? Escriba a facturacion@{seller.domain}."],
    })
    return Built(text(out))


# --------------------------------------------------------------------------- contract


def signature_block(c: Ctx, a: Person, b: Person) -> list[str]:
    labels = c.t({"en": ("By", "Name", "Title", "Date"), "de": ("Unterschrift", "Name", "Funktion", "Datum"),
                  "fr": ("Signature", "Nom", "Qualité", "Date"), "es": ("Firma", "Nombre", "Cargo", "Fecha")})
    out: list[str] = []
    for person in (a, b):
        out += [f"{person.company.name}", f"{labels[0]}: ____________________", f"{labels[1]}: {person.name}",
                f"{labels[2]}: {person.role}", f"{labels[3]}: ______________"]
    return out


@template("contract", "contract.nda_docx", ("en", "de"), ".docx")
def nda(c: Ctx) -> Built:
    ours, theirs = c.person(c.vendor()), c.person()
    years = c.pick((2, 3, 5))
    title = c.t({"en": c.pick(("Mutual Non-Disclosure Agreement", "Confidentiality Agreement")),
                 "de": c.pick(("Geheimhaltungsvereinbarung", "Vertraulichkeitsvereinbarung"))})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"This Agreement is made on {c.datestr(long=True)} between {ours.company.name}, {ours.company.street}, "
               f"{ours.company.city} and {theirs.company.name}, {theirs.company.street}, {theirs.company.city} "
               "(each a \"Party\", together the \"Parties\").",
               "WHEREAS the Parties wish to exchange confidential information to evaluate a possible business relationship;",
               "1. Definitions. \"Confidential Information\" means all information disclosed by one Party to the other.",
               "2. Obligations. Each Party shall keep the Confidential Information of the other Party secret and use it only "
               "for the purpose stated above.",
               f"3. Term. This Agreement remains in force for {years} years; the obligations survive termination.",
               f"Notices: {theirs.name}, {theirs.email}, {theirs.phone}; {ours.name}, {ours.email}.",
               "4. Governing law. This Agreement is governed by the laws of England and Wales.",
               "IN WITNESS WHEREOF the Parties have signed this Agreement.", *signature_block(c, ours, theirs)],
        "de": [f"zwischen {ours.company.name}, {ours.company.street}, {ours.company.city} und {theirs.company.name}, "
               f"{theirs.company.street}, {theirs.company.city} (nachfolgend gemeinsam die „Vertragsparteien“).",
               "Präambel: Die Vertragsparteien beabsichtigen, vertrauliche Informationen auszutauschen.",
               "§ 1 Vertrauliche Informationen. Vertraulich sind alle Informationen, die eine Partei der anderen offenlegt.",
               "§ 2 Pflichten. Jede Partei verpflichtet sich, die vertraulichen Informationen geheim zu halten und nur für den "
               "vereinbarten Zweck zu nutzen.",
               f"§ 3 Laufzeit. Diese Vereinbarung gilt für {years} Jahre; die Pflichten bestehen nach Kündigung fort.",
               "§ 4 Schlussbestimmungen. Es gilt deutsches Recht. Gerichtsstand ist München. Änderungen bedürfen der Schriftform.",
               *signature_block(c, ours, theirs)],
    })
    return Built(docx(title, blocks, c, ours.name))


@template("contract", "contract.services_pdf", ("fr", "es"), ".pdf")
def services_contract(c: Ctx) -> Built:
    ours, theirs = c.person(c.vendor()), c.person()
    fee = c.rng.randrange(2, 30) * 1000
    title = c.t({"fr": "Contrat de prestation de services", "es": "Contrato de prestación de servicios"})
    lines = c.t({
        "fr": ["Entre les soussignés :", f"{theirs.company.name}, {theirs.company.street}, {theirs.company.city}, ci-après "
               "dénommée « le Client »,", f"et {ours.company.name}, ci-après dénommée « le Prestataire ».", "",
               "Article 1 – Objet", "Le présent contrat a pour objet la maintenance et l'exploitation de la plateforme du Client.",
               "Article 2 – Durée", f"Le contrat est conclu pour une durée de {c.pick((12, 24, 36))} mois à compter de sa signature.",
               "Article 3 – Prix et facturation", f"Les prestations sont facturées {c.money(fee)} HT par mois. Les factures "
               "sont payables à 30 jours.",
               "Article 4 – Responsabilité", "La responsabilité du Prestataire est limitée au montant annuel du contrat.",
               "Article 5 – Résiliation", "Chaque partie peut résilier le contrat avec un préavis de trois mois.",
               "Article 6 – Droit applicable", "Le présent contrat est soumis au droit français.", "",
               f"Fait à Paris, le {c.datestr()}, en deux exemplaires.", *signature_block(c, theirs, ours)],
        "es": ["Reunidos:", f"De una parte, {theirs.company.name}, con domicilio en {theirs.company.street}, {theirs.company.city}, "
               "en adelante «el Cliente».", f"De otra parte, {ours.company.name}, en adelante «el Proveedor».", "",
               "Cláusula 1 – Objeto", "El presente contrato tiene por objeto el mantenimiento de la plataforma del Cliente.",
               "Cláusula 2 – Duración", f"El contrato tendrá una duración de {c.pick((12, 24, 36))} meses desde su firma.",
               "Cláusula 3 – Precio y facturación", f"Los servicios se facturarán a razón de {c.money(fee)} al mes más IVA. "
               "Las facturas se pagarán a 30 días.",
               "Cláusula 4 – Responsabilidad", "La responsabilidad del Proveedor se limita al importe anual del contrato.",
               "Cláusula 5 – Resolución", "Cualquiera de las partes podrá resolver el contrato con un preaviso de tres meses.",
               "Cláusula 6 – Ley aplicable", "El presente contrato se rige por la ley española.", "",
               f"Y en prueba de conformidad, las partes firman en Madrid, a {c.datestr()}.", *signature_block(c, theirs, ours)],
    })
    return Built(pdf(title, lines, c, ours.name))


@template("contract", "contract.sow_docx", ("en", "es"), ".docx")
def statement_of_work(c: Ctx) -> Built:
    ours, theirs, product = c.person(c.vendor()), c.person(), c.pick(POC_PRODUCTS)
    n = c.rng.randint(2, 9)
    deliverables = c.t({"en": ("Installation and configuration", "Data migration", "Training of key users", "Go-live support",
                               "Operations handbook"),
                        "es": ("Instalación y configuración", "Migración de datos", "Formación de usuarios clave",
                               "Soporte a la puesta en marcha", "Manual de operación")})
    table = [c.t({"en": ["Deliverable", "Due date", "Acceptance"], "es": ["Entregable", "Fecha", "Aceptación"]}),
             *([d, c.datestr(c.later(14 * k), long=False), c.t({"en": "Sign-off by customer", "es": "Firma del cliente"})]
               for k, d in enumerate(c.some(deliverables, 3, 5), start=1))]
    title = c.t({"en": f"Statement of Work No. {n}", "es": f"Anexo de servicios n.º {n} (Statement of Work)"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"This Statement of Work is entered into under the Master Services Agreement dated {c.datestr(c.later(-400))} "
               f"between {ours.company.name} (\"Supplier\") and {theirs.company.name} (\"Customer\").",
               "1. Scope", f"Supplier shall implement {product} for Customer as described below.", "2. Deliverables", table,
               "3. Fees", f"Fees of {c.money(c.rng.randrange(20, 200) * 1000)} shall be invoiced monthly in arrears.",
               "4. Term", "This SOW ends on acceptance of the last deliverable unless terminated earlier under the Agreement.",
               *signature_block(c, ours, theirs)],
        "es": [f"El presente anexo se celebra al amparo del contrato marco de servicios de fecha {c.datestr(c.later(-400))} "
               f"entre {ours.company.name} (el «Proveedor») y {theirs.company.name} (el «Cliente»).",
               "1. Alcance", f"El Proveedor implantará {product} para el Cliente según se describe a continuación.",
               "2. Entregables", table,
               "3. Honorarios", f"Los honorarios de {c.money(c.rng.randrange(20, 200) * 1000)} se facturarán mensualmente.",
               "4. Vigencia", "Este anexo finaliza con la aceptación del último entregable, salvo resolución anticipada "
               "conforme al contrato.", *signature_block(c, ours, theirs)],
    })
    return Built(docx(title, blocks, c, ours.name))


@template("contract", "contract.licence_txt", ("en", "fr"), ".txt")
def licence_terms(c: Ctx) -> Built:
    licensor, product = c.vendor(), c.pick(POC_PRODUCTS)
    out = c.t({
        "en": [c.pick(("SOFTWARE LICENCE AGREEMENT", "END USER LICENSE AGREEMENT")), "",
               f"This Software Licence Agreement (the \"Agreement\") is between {licensor.name} (\"Licensor\") and the "
               "customer named in the order form (\"Licensee\").", "",
               f"1. GRANT OF LICENCE. Licensor hereby grants Licensee a non-exclusive, non-transferable licence to use {product} "
               "for its internal business purposes during the term.",
               "2. RESTRICTIONS. Licensee shall not copy, modify, reverse engineer or sublicense the software.",
               "3. FEES. Licence fees are set out in the order form and are payable within 30 days of invoice.",
               "4. WARRANTY. Licensor warrants that the software will perform substantially in accordance with its "
               "documentation for ninety days.",
               "5. LIMITATION OF LIABILITY. In no event shall either party be liable for indirect or consequential damages.",
               "6. TERMINATION. Either party may terminate this Agreement for material breach not cured within 30 days.",
               "7. GOVERNING LAW. This Agreement shall be governed by the laws of the State of New York.",
               "8. ENTIRE AGREEMENT. This Agreement constitutes the entire agreement between the parties."],
        "fr": [c.pick(("CONTRAT DE LICENCE DE LOGICIEL", "CONDITIONS GÉNÉRALES DE LICENCE")), "",
               f"Le présent contrat est conclu entre {licensor.name} (ci-après « le Concédant ») et le client désigné dans "
               "le bon de commande (ci-après « le Licencié »).", "",
               f"Article 1 – Concession. Le Concédant concède au Licencié une licence non exclusive et non cessible "
               f"d'utilisation de {product} pour ses besoins internes.",
               "Article 2 – Restrictions. Le Licencié s'engage à ne pas copier, modifier ni décompiler le logiciel.",
               "Article 3 – Redevances. Les redevances figurent au bon de commande et sont payables à 30 jours.",
               "Article 4 – Garantie. Le Concédant garantit la conformité du logiciel à sa documentation pendant 90 jours.",
               "Article 5 – Responsabilité. Aucune des parties ne sera responsable des dommages indirects.",
               "Article 6 – Résiliation. Chaque partie peut résilier le contrat en cas de manquement grave non corrigé "
               "sous 30 jours.",
               "Article 7 – Droit applicable. Le présent contrat est régi par le droit français ; tribunaux de Paris compétents."],
    })
    return Built(text(out))


@template("contract", "contract.supply_docx", ("de", "en"), ".docx")
def supply_agreement(c: Ctx) -> Built:
    seller, buyer = c.person(c.vendor()), c.person()
    title = c.t({"de": "Liefervertrag", "en": "Supply Agreement"})
    blocks: list[str | list[list[str]]] = c.t({
        "de": [f"zwischen {seller.company.name} (Lieferant) und {buyer.company.name} (Käufer)",
               "§ 1 Vertragsgegenstand. Der Lieferant liefert dem Käufer die in Anlage 1 genannten Produkte.",
               "§ 2 Bestellungen. Der Käufer bestellt die Produkte durch schriftliche Bestellungen; der Lieferant bestätigt "
               "jede Bestellung innerhalb von fünf Werktagen.",
               "§ 3 Preise und Zahlung. Es gelten die Preise der Anlage 2. Rechnungen sind innerhalb von 30 Tagen zahlbar.",
               "§ 4 Lieferung. Die Lieferung erfolgt DAP an das Werk des Käufers.",
               "§ 5 Gewährleistung. Die Gewährleistungsfrist beträgt 24 Monate ab Lieferung.",
               f"§ 6 Laufzeit und Kündigung. Der Vertrag beginnt am {c.datestr()} und läuft zwei Jahre; er kann mit einer Frist "
               "von sechs Monaten gekündigt werden.",
               "§ 7 Schlussbestimmungen. Gerichtsstand ist Stuttgart. Sollte eine Bestimmung unwirksam sein, bleibt der "
               "Vertrag im Übrigen wirksam (salvatorische Klausel).", *signature_block(c, seller, buyer)],
        "en": [f"This Supply Agreement is made between {seller.company.name} (\"Supplier\") and {buyer.company.name} (\"Buyer\").",
               "1. Subject matter. Supplier shall supply the products listed in Schedule 1.",
               "2. Orders. Buyer shall place written purchase orders; Supplier shall confirm each order within five business days.",
               "3. Prices and payment. Prices are set out in Schedule 2. Invoices are payable within 30 days.",
               "4. Delivery. Delivery DAP Buyer's plant.",
               "5. Warranty. Supplier warrants the products for 24 months from delivery.",
               f"6. Term and termination. This Agreement starts on {c.datestr()} and runs for two years; either party may "
               "terminate it on six months' notice.",
               "7. Miscellaneous. If any provision is held invalid, the remainder of this Agreement shall remain in force.",
               *signature_block(c, seller, buyer)],
    })
    return Built(docx(title, blocks, c, seller.name))


@template("contract", "contract.amendment_pdf", ("de", "fr"), ".pdf")
def amendment(c: Ctx) -> Built:
    ours, theirs = c.person(c.vendor()), c.person()
    n = c.rng.randint(1, 4)
    title = c.t({"de": f"Nachtrag Nr. {n} zum Rahmenvertrag vom {c.datestr(c.later(-500), long=False)}",
                 "fr": f"Avenant n° {n} au contrat-cadre du {c.datestr(c.later(-500), long=False)}"})
    lines = c.t({
        "de": [f"zwischen {ours.company.name} und {theirs.company.name}", "",
               "Die Parteien vereinbaren folgende Änderungen des Rahmenvertrags:",
               f"1. Die Laufzeit wird bis zum {c.datestr(c.later(365))} verlängert.",
               f"2. Die monatliche Vergütung erhöht sich ab dem {c.datestr(c.later(30))} um {c.rng.randint(2, 6)} %.",
               c.pick(("3. Anlage 3 (Service Level) wird durch die beigefügte Fassung ersetzt.",
                       "3. Der Leistungsumfang wird um den Standort Leipzig erweitert.")),
               "4. Alle übrigen Bestimmungen des Vertrags bleiben unverändert.", "", *signature_block(c, ours, theirs)],
        "fr": [f"entre {ours.company.name} et {theirs.company.name}", "",
               "Les parties conviennent des modifications suivantes du contrat-cadre :",
               f"1. La durée du contrat est prolongée jusqu'au {c.datestr(c.later(365))}.",
               f"2. La redevance mensuelle est augmentée de {c.rng.randint(2, 6)} % à compter du {c.datestr(c.later(30))}.",
               c.pick(("3. L'annexe 3 (niveaux de service) est remplacée par la version jointe.",
                       "3. Le périmètre est étendu au site de Nantes.")),
               "4. Toutes les autres dispositions du contrat restent inchangées.", "",
               f"Fait à Lyon, le {c.datestr()}, en deux exemplaires originaux.", *signature_block(c, ours, theirs)],
    })
    return Built(pdf(title, lines, c, ours.name))


# --------------------------------------------------------------------------- customer_asset

OPERATING_SYSTEMS = ("Windows Server 2019", "Windows Server 2022", "Ubuntu 22.04 LTS", "RHEL 8.6", "Debian 12", "VMware ESXi 7.0")


def host_rows(c: Ctx, count: int) -> list[tuple[str, str, str, str]]:
    prefix = c.pick(("srv", "app", "db", "web", "dc", "fs"))
    net = f"10.{c.rng.randint(1, 99)}.{c.rng.randint(1, 250)}"
    roles = c.t({"en": ("Domain controller", "ERP database", "File server", "Web frontend", "Backup server", "Hypervisor"),
                 "de": ("Domänencontroller", "ERP-Datenbank", "Dateiserver", "Web-Frontend", "Backup-Server", "Hypervisor"),
                 "fr": ("Contrôleur de domaine", "Base ERP", "Serveur de fichiers", "Frontal web", "Serveur de sauvegarde",
                        "Hyperviseur"),
                 "es": ("Controlador de dominio", "Base de datos ERP", "Servidor de ficheros", "Frontal web",
                        "Servidor de copias", "Hipervisor")})
    return [(f"{prefix}-{c.pick(('prd', 'tst', 'dev'))}-{n:02d}", f"{net}.{10 + n}", c.pick(OPERATING_SYSTEMS), c.pick(roles))
            for n in range(1, count + 1)]


@template("customer_asset", "asset.server_xlsx", ("en", "de"), ".xlsx")
def server_inventory(c: Ctx) -> Built:
    author = c.person()
    header = c.t({"en": ["Hostname", "IP address", "OS", "Role", "Environment", "Rack", "Serial number"],
                  "de": ["Hostname", "IP-Adresse", "Betriebssystem", "Rolle", "Umgebung", "Standort", "Seriennummer"]})
    owners = [c.person() for _ in range(3)]
    with_owner = c.maybe()
    if with_owner:
        header += c.t({"en": ["Owner", "Owner email"], "de": ["Verantwortlich", "E-Mail"]})
    rows: list[list[object]] = []
    for h, ip, os_, role in host_rows(c, c.rng.randint(5, 14)):
        owner = c.pick(owners)
        rows.append([h, ip, os_, role, c.pick(("PROD", "TEST")), f"R{c.rng.randint(1, 8)}-U{c.rng.randint(1, 42)}",
                     f"SN{c.rng.randrange(10 ** 7, 10 ** 8)}", *((owner.name, owner.email) if with_owner else ())])
    return Built(xlsx([(c.t({"en": "Servers", "de": "Server"}), header, rows)], c, author.name))


@template("customer_asset", "asset.network_plan_docx", ("fr", "es"), ".docx")
def network_plan(c: Ctx) -> Built:
    customer, author = c.company(), c.person()
    base = c.rng.randint(10, 99)
    vlans = c.t({"fr": ("Serveurs de production", "Postes de travail", "Téléphonie IP", "Invités Wi-Fi", "Administration", "DMZ"),
                 "es": ("Servidores de producción", "Puestos de trabajo", "Telefonía IP", "Wi-Fi invitados", "Administración", "DMZ")})
    table = [c.t({"fr": ["VLAN", "Sous-réseau", "Passerelle", "Usage"], "es": ["VLAN", "Subred", "Pasarela", "Uso"]}),
             *([str(10 * k), f"10.{base}.{k}.0/24", f"10.{base}.{k}.1", usage] for k, usage in enumerate(c.some(vlans, 3, 6), 1))]
    title = c.t({"fr": f"Plan d'adressage réseau – {customer.name}", "es": f"Plan de red – {customer.name}"})
    blocks: list[str | list[list[str]]] = c.t({
        "fr": [f"Site principal : {customer.city}. Deux pare-feu en cluster actif/passif protègent l'accès Internet.", table,
               "Les serveurs de production sont hébergés dans la salle serveur du bâtiment B, baie 3.",
               f"Commutateurs cœur : 2 x {c.pick(('Cisco C9500', 'Aruba 8325', 'Juniper EX4650'))}."],
        "es": [f"Sede principal: {customer.city}. Dos cortafuegos en clúster activo/pasivo protegen el acceso a Internet.", table,
               "Los servidores de producción están en el centro de datos del edificio B, armario 3.",
               f"Conmutadores troncales: 2 x {c.pick(('Cisco C9500', 'Aruba 8325', 'Juniper EX4650'))}."],
    })
    return Built(docx(title, blocks, c, author.name))


@template("customer_asset", "asset.devices_csv", ("de", "en"), ".csv")
def device_list(c: Ctx) -> Built:
    header = c.t({"de": ["Gerät", "Modell", "Seriennummer", "MAC-Adresse", "Standort", "Firmware"],
                  "en": ["Device", "Model", "Serial", "MAC address", "Location", "Firmware"]})
    kinds = c.t({"de": ("Switch", "Access Point", "Drucker", "Firewall", "USV"),
                 "en": ("Switch", "Access point", "Printer", "Firewall", "UPS")})
    sites = c.t({"de": ("Werk 1, Halle 3", "Verwaltung, 2. OG", "Lager Nord"),
                 "en": ("Plant 1, hall 3", "Head office, 2nd floor", "Warehouse")})
    rows: list[list[object]] = []
    for n in range(c.rng.randint(6, 16)):
        mac = ":".join(f"{c.rng.randrange(256):02x}" for _ in range(6))
        rows.append([f"{c.pick(kinds)} {n + 1}", c.pick(("HP M404", "Cisco C9200", "Aruba 515", "FortiGate 100F", "APC SMT1500")),
                     f"{c.rng.randrange(10 ** 9, 10 ** 10)}", mac, c.pick(sites), f"{c.rng.randint(1, 9)}.{c.rng.randint(0, 20)}"])
    return Built(csv_text(header, rows, ";" if c.lang == "de" else ","))


@template("customer_asset", "asset.cmdb_json", ("en", "es"), ".json")
def cmdb_export(c: Ctx) -> Built:
    keys = c.t({"en": ("hostname", "ip_address", "os", "environment", "owner", "location"),
                "es": ("nombre_equipo", "direccion_ip", "sistema_operativo", "entorno", "responsable", "ubicacion")})
    records = [dict(zip(keys, (h, ip, os_, c.pick(("prod", "test")), c.person().name, c.company().city), strict=True))
               for h, ip, os_, _ in host_rows(c, c.rng.randint(4, 10))]
    return Built(json.dumps({"exported": c.day.isoformat(), "configuration_items": records}, ensure_ascii=False, indent=2).encode())


@template("customer_asset", "asset.environment_md", ("en", "fr"), ".md")
def environment_overview(c: Ctx) -> Built:
    customer = c.company()
    hosts = host_rows(c, c.rng.randint(3, 7))
    out = c.t({
        "en": [f"# Environment overview – {customer.name}", "", "Inventory of the customer's environment as found during the "
               "assessment.", "", "## Production servers", "",
               *(f"- {h} ({ip}) – {os_}, {role}" for h, ip, os_, role in hosts), "", "## Storage", "",
               f"- SAN {c.pick(('NetApp AFF A250', 'Dell PowerStore 1200'))}, {c.rng.randint(20, 200)} TB usable", "",
               "## Backup", "", "- Nightly backup to tape, 30 days retention", "- Offsite copy weekly"],
        "fr": [f"# Vue d'ensemble de l'environnement – {customer.name}", "", "Inventaire de l'environnement du client relevé "
               "lors de l'audit.", "", "## Serveurs de production", "",
               *(f"- {h} ({ip}) – {os_}, {role}" for h, ip, os_, role in hosts), "", "## Stockage", "",
               f"- Baie SAN {c.pick(('NetApp AFF A250', 'Dell PowerStore 1200'))}, {c.rng.randint(20, 200)} To utiles", "",
               "## Sauvegarde", "", "- Sauvegarde nocturne sur bande, rétention 30 jours", "- Copie externalisée hebdomadaire"],
    })
    return Built(text(out))


@template("customer_asset", "asset.inventory_txt", ("es", "de"), ".txt")
def fixed_width_inventory(c: Ctx) -> Built:
    customer = c.company()
    header = c.t({"es": ("Equipo", "IP", "Sistema operativo", "Ubicación"), "de": ("Gerät", "IP", "Betriebssystem", "Standort")})
    places = c.t({"es": ("CPD Madrid", "CPD Barcelona", "Oficina central"), "de": ("RZ Frankfurt", "RZ Berlin", "Zentrale")})
    title = c.t({"es": f"INVENTARIO DE ACTIVOS – {customer.name}", "de": f"IT-BESTANDSLISTE – {customer.name}"})
    out = [title, c.t({"es": f"Actualizado: {c.datestr()}", "de": f"Stand: {c.datestr()}"}), "",
           f"{header[0]:<16}{header[1]:<16}{header[2]:<24}{header[3]}", "-" * 72,
           *(f"{h:<16}{ip:<16}{os_:<24}{c.pick(places)}" for h, ip, os_, _ in host_rows(c, c.rng.randint(5, 12)))]
    return Built(text(out))


# --------------------------------------------------------------------------- internal_comment


@template("internal_comment", "internal.minutes_docx", ("en", "de"), ".docx")
def meeting_minutes(c: Ctx) -> Built:
    people = [c.person(c.vendor()) for _ in range(c.rng.randint(3, 5))]
    topic = c.t({"en": c.pick(("Pipeline review", "Project steering", "Support escalations", "Release planning")),
                 "de": c.pick(("Pipeline-Review", "Projektsteuerung", "Support-Eskalationen", "Release-Planung"))})
    actions = c.t({"en": ("Send revised plan to the customer", "Check licence count", "Prepare budget request", "Book workshop room"),
                   "de": ("Überarbeiteten Plan an den Kunden senden", "Lizenzanzahl prüfen", "Budgetantrag vorbereiten",
                          "Workshopraum buchen")})
    table = [c.t({"en": ["Action", "Owner", "Due"], "de": ["Aufgabe", "Verantwortlich", "Fällig"]}),
             *([a, c.pick(people).name, c.datestr(c.later(7 * k), long=False)] for k, a in enumerate(c.some(actions, 2, 4), 1))]
    title = c.t({"en": f"Meeting minutes – {topic}", "de": f"Besprechungsprotokoll – {topic}"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"Date: {c.datestr()}", "Attendees: " + ", ".join(p.name for p in people), "## Agenda",
               "- Status of open deals", "- Risks", "## Discussion",
               c.pick(("The customer pushes for a 20% discount; we hold at 10% for now.",
                       "Delivery is two weeks late; we will not mention the root cause to the customer.")),
               "## Decisions", "- Next review in two weeks", "## Action items", table],
        "de": [f"Datum: {c.datestr()}", "Teilnehmer: " + ", ".join(p.name for p in people), "## Tagesordnung",
               "- Stand offener Projekte", "- Risiken", "## Diskussion",
               c.pick(("Der Kunde fordert 20 % Rabatt; wir bleiben vorerst bei 10 %.",
                       "Die Lieferung verzögert sich um zwei Wochen; die Ursache teilen wir dem Kunden nicht mit.")),
               "## Beschlüsse", "- Nächster Termin in zwei Wochen", "## Aufgaben", table],
    })
    return Built(docx(title, blocks, c, people[0].name))


@template("internal_comment", "internal.note_txt", ("fr", "es"), ".txt")
def internal_note(c: Ctx) -> Built:
    customer, author = c.company(), c.person(c.vendor())
    out = c.t({
        "fr": [c.pick(("Note interne – ne pas diffuser", "NOTE INTERNE")), f"Client : {customer.name}", f"Rédigée par {author.name}",
               "", *lines_of(c, ("Le client est mécontent des délais de livraison du dernier trimestre.",
                                 "Ne pas mentionner la remise de 15 % accordée à leur filiale.",
                                 "Leur DSI envisage de consulter un concurrent au printemps.",
                                 "Le chef de projet côté client est peu disponible ; prévoir des relances.",
                                 "Risque de pénalités si la recette glisse encore."), 3, 5), "",
               "Prochaines étapes : point interne vendredi, puis appel avec le client."],
        "es": [c.pick(("Nota interna – no difundir", "NOTA INTERNA")), f"Cliente: {customer.name}", f"Redactada por {author.name}",
               "", *lines_of(c, ("El cliente está descontento con los plazos de entrega del último trimestre.",
                                 "No mencionar el descuento del 15 % concedido a su filial.",
                                 "Su director de sistemas piensa consultar a un competidor en primavera.",
                                 "La jefa de proyecto del cliente tiene poca disponibilidad; hay que insistir.",
                                 "Riesgo de penalizaciones si la aceptación se retrasa otra vez."), 3, 5), "",
               "Próximos pasos: reunión interna el viernes y después llamada con el cliente."],
    })
    return Built(text(out))


@template("internal_comment", "internal.review_md", ("en", "fr"), ".md")
def review_comments(c: Ctx) -> Built:
    deliverable = c.t({"en": c.pick(("Solution design", "Migration plan", "Test concept")),
                       "fr": c.pick(("Dossier de conception", "Plan de migration", "Stratégie de test"))})
    reviewer = c.person(c.vendor())
    out = c.t({
        "en": [f"# Review comments – {deliverable} v0.{c.rng.randint(2, 9)}", "", f"Reviewer: {reviewer.name} (internal only)", "",
               *(f"- p. {c.rng.randint(2, 30)}, section {c.rng.randint(1, 6)}.{c.rng.randint(1, 4)}: {x}" for x in c.some((
                   "sizing numbers do not match the offer, please align before sending",
                   "remove the sentence about the known bug, the customer should not see it",
                   "too vague, say which team owns the interface", "typo in the diagram legend",
                   "we promised 99.9% availability here, our SLA says 99.5%"), 3, 5)), "",
               "Overall: not ready to go to the customer yet."],
        "fr": [f"# Commentaires de relecture – {deliverable} v0.{c.rng.randint(2, 9)}", "",
               f"Relecteur : {reviewer.name} (usage interne)", "",
               *(f"- p. {c.rng.randint(2, 30)}, section {c.rng.randint(1, 6)}.{c.rng.randint(1, 4)} : {x}" for x in c.some((
                   "les chiffres de dimensionnement ne correspondent pas à l'offre",
                   "supprimer la phrase sur le bug connu, le client ne doit pas la voir",
                   "trop vague, préciser quelle équipe porte l'interface", "coquille dans la légende du schéma",
                   "on promet 99,9 % de disponibilité ici, notre SLA dit 99,5 %"), 3, 5)), "",
               "Avis général : pas encore prêt à être envoyé au client."],
    })
    return Built(text(out))


@template("internal_comment", "internal.escalation_txt", ("de", "en"), ".txt")
def escalation_summary(c: Ctx) -> Built:
    customer, owner = c.company(), c.person(c.vendor())
    out = c.t({
        "de": [f"Interne Eskalation: {customer.name}", f"Verantwortlich: {owner.name}", "",
               "Situation: Drei Ausfälle der Plattform im letzten Monat, der Kunde droht mit Kündigung.",
               "Ursache (intern): fehlerhaftes Update unseres Teams, nicht an den Kunden kommunizieren.",
               "Sprachregelung gegenüber dem Kunden: Störung bei einem Dienstleister.",
               *lines_of(c, ("Offene Punkte: Gutschrift prüfen, Technik-Review ansetzen.",
                             "Nächste Schritte: Telefonat mit der Geschäftsführung am Montag.",
                             "Anmerkung: Vertrieb nicht ohne Abstimmung mit dem Kunden sprechen lassen."), 1, 3)],
        "en": [f"Internal escalation summary – {customer.name}", f"Owner: {owner.name}", "",
               "Situation: three platform outages last month, the customer threatens to terminate.",
               "Root cause (internal): faulty update by our team, do not share with the customer.",
               "What we tell the customer: an incident at a service provider.",
               *lines_of(c, ("Open issues: check service credit, set up a technical review.",
                             "Next steps: call with their management on Monday.",
                             "Note: sales must not talk to the customer without alignment."), 1, 3)],
    })
    return Built(text(out))


@template("internal_comment", "internal.action_log_xlsx", ("es", "en"), ".xlsx")
def action_log(c: Ctx) -> Built:
    people = [c.person(c.vendor()) for _ in range(3)]
    header = c.t({"es": ["Acción", "Responsable", "Fecha límite", "Estado", "Comentario"],
                  "en": ["Action item", "Owner", "Due", "Status", "Comment"]})
    actions = c.t({"es": ("Revisar contrato de soporte", "Preparar demo", "Escalar incidencia", "Actualizar plan", "Llamar al cliente"),
                   "en": ("Review support contract", "Prepare demo", "Escalate incident", "Update plan", "Call the customer")})
    notes = c.t({"es": ("solo interno", "bloqueado por compras", "", "pendiente de respuesta"),
                 "en": ("internal only", "blocked by procurement", "", "waiting for reply")})
    rows: list[list[object]] = [[a, c.pick(people).name, c.later(c.rng.randint(1, 30)), c.pick(("open", "done", "late")), c.pick(notes)]
                                for a in c.some(actions, 3, 5)]
    return Built(xlsx([(c.t({"es": "Acciones", "en": "Actions"}), header, rows)], c, people[0].name))


@template("internal_comment", "internal.weekly_status_docx", ("es", "de"), ".docx")
def weekly_status(c: Ctx) -> Built:
    author, project = c.person(c.vendor()), c.pick(POC_PRODUCTS)
    title = c.t({"es": f"Informe interno semanal – proyecto {project}", "de": f"Interner Wochenbericht – Projekt {project}"})
    blocks: list[str | list[list[str]]] = c.t({
        "es": [f"Semana {c.day.isocalendar()[1]}. Autor: {author.name}.", "## Estado general",
               c.pick(("Amarillo: el plan se mantiene pero con poco margen.", "Rojo: la migración va dos semanas tarde.")),
               "## Riesgos", "- El cliente no ha validado el diseño", "- Falta un perfil de bases de datos",
               "## Comentarios internos", "No compartir con el cliente: el retraso se debe a nuestra planificación."],
        "de": [f"KW {c.day.isocalendar()[1]}. Verfasser: {author.name}.", "## Gesamtstatus",
               c.pick(("Gelb: Plan hält, aber ohne Puffer.", "Rot: Migration zwei Wochen im Verzug.")),
               "## Risiken", "- Design vom Kunden noch nicht freigegeben", "- Datenbankexperte fehlt",
               "## Interne Anmerkungen", "Nicht an den Kunden weitergeben: Der Verzug liegt an unserer Planung."],
    })
    return Built(docx(title, blocks, c, author.name))


# --------------------------------------------------------------------------- correspondence


@template("correspondence", "corr.email_eml", ("en", "de"), ".eml")
def business_email(c: Ctx) -> Built:
    sender, recipient = c.person(c.vendor()), c.person()
    subject, body = c.t({
        "en": c.pick((
            ("Meeting next week", f"Hi {recipient.first},\n\nwould Tuesday at 10:00 work for a short call about the rollout? "
             "I can also do Thursday afternoon.\n\nBest regards\n{name}\n{role}\n{phone}"),
            ("Thank you for your visit", f"Dear {recipient.first},\n\nthank you for taking the time to visit us yesterday. "
             "As promised I will send the slides by Friday. Let me know if your colleagues have questions.\n\n"
             "Kind regards,\n{name}\n{phone}"),
            ("Following up", f"Hello {recipient.first},\n\nI hope you had a good week. Just following up on our conversation "
             "about the training dates - do you already know who will attend?\n\nCheers\n{name}"))),
        "de": c.pick((
            ("Termin nächste Woche", f"Hallo {recipient.first},\n\npasst dir Dienstag um 10 Uhr für ein kurzes Telefonat zum "
             "Rollout? Donnerstagnachmittag ginge auch.\n\nViele Grüße\n{name}\n{role}\n{phone}"),
            ("Vielen Dank für Ihren Besuch", "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihren Besuch gestern. Wie "
             "besprochen sende ich Ihnen die Unterlagen bis Freitag.\n\nMit freundlichen Grüßen\n{name}\n{phone}"),
            ("Kurze Rückfrage", f"Hallo {recipient.first},\n\nich hoffe, es geht dir gut. Weißt du schon, wer an der Schulung "
             "teilnimmt?\n\nBeste Grüße\n{name}"))),
    })
    body = body.format(name=sender.name, role=sender.role, phone=sender.phone)
    return Built(eml(c, sender, [recipient], subject, body))


@template("correspondence", "corr.letter_docx", ("fr", "es"), ".docx")
def formal_letter(c: Ctx) -> Built:
    sender, recipient = c.person(), c.person()
    subject, body = c.t({
        "fr": c.pick((("Changement d'interlocuteur", "Nous vous informons qu'à compter du 1er du mois prochain, votre "
                       "interlocuteur sera {new}. Il reste à votre disposition pour toute question."),
                      ("Déménagement de nos bureaux", "Nous avons le plaisir de vous informer que nos bureaux déménagent. "
                       "Notre nouvelle adresse figure en en-tête de ce courrier."),
                      ("Demande de documents", "Afin de finaliser votre dossier, nous vous remercions de nous faire parvenir "
                       "l'attestation d'assurance en cours de validité."))),
        "es": c.pick((("Cambio de interlocutor", "Le informamos de que a partir del próximo mes su interlocutor será {new}, "
                       "que queda a su disposición para cualquier consulta."),
                      ("Traslado de nuestras oficinas", "Nos complace comunicarle que nuestras oficinas se trasladan. "
                       "La nueva dirección figura en el membrete de esta carta."),
                      ("Solicitud de documentación", "Para completar su expediente, le rogamos nos remita el certificado "
                       "de seguro vigente."))),
    })
    body = body.format(new=c.person(sender.company).name)
    blocks: list[str | list[list[str]]] = c.t({
        "fr": [f"{sender.company.name}, {sender.company.street}, {sender.company.city}",
               f"{recipient.company.name}, à l'attention de {recipient.name}, {recipient.company.city}",
               f"{sender.company.city.split()[-1]}, le {c.datestr(long=True)}", f"Objet : {subject}", "Madame, Monsieur,", body,
               "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", sender.name,
               sender.role],
        "es": [f"{sender.company.name}, {sender.company.street}, {sender.company.city}",
               f"{recipient.company.name}, a la atención de {recipient.name}, {recipient.company.city}",
               f"{sender.company.city.split()[-1]}, {c.datestr(long=True)}", f"Asunto: {subject}", "Estimado/a señor/a:", body,
               "Sin otro particular, reciba un cordial saludo.", "Atentamente,", sender.name, sender.role],
    })
    return Built(docx(subject, blocks, c, sender.name))


@template("correspondence", "corr.order_email_eml", ("en", "fr"), ".eml", also=("product_order",))
def order_email(c: Ctx) -> Built:
    buyer, seller = c.person(), c.person(c.vendor())
    number, items = c.code("PO", 6), c.items(1, 3)
    item_lines = "\n".join(f"- {i.quantity} x {i.description} ({i.sku}) at {c.money(i.unit_price)}" for i in items)
    subject, body = c.t({
        "en": (f"Purchase order {number}",
               f"Hello {seller.first},\n\nplease find below our purchase order {number}:\n\n{item_lines}\n\n"
               f"Delivery address: {buyer.company.street}, {buyer.company.city}. Please confirm the delivery date.\n\n"
               f"Best regards\n{buyer.name}\n{buyer.role}, {buyer.company.name}\n{buyer.phone}"),
        "fr": (f"Commande {number}",
               f"Bonjour {seller.first},\n\nveuillez trouver ci-dessous notre commande n° {number} :\n\n"
               + item_lines.replace(" at ", " à ") + "\n\n"
               f"Adresse de livraison : {buyer.company.street}, {buyer.company.city}. Merci de nous confirmer la date de "
               f"livraison.\n\nCordialement,\n{buyer.name}\n{buyer.role}, {buyer.company.name}\n{buyer.phone}"),
    })
    return Built(eml(c, buyer, [seller], subject, body))


@template("correspondence", "corr.quote_email_eml", ("de", "es"), ".eml", also=("offer",))
def quote_email(c: Ctx) -> Built:
    rep, customer = c.person(c.vendor()), c.person()
    number, total = c.code(c.t({"de": "ANG", "es": "OF"}), 4), c.rng.randrange(5, 90) * 1000
    subject, body = c.t({
        "de": (f"Ihr Angebot {number}",
               f"Sehr geehrte{'r Herr' if c.maybe() else ' Frau'} {customer.last},\n\nwie besprochen erhalten Sie anbei unser "
               f"Angebot {number} über {c.money(total)} netto. Das Angebot ist gültig bis {c.datestr(c.later(30))}.\n\n"
               f"Für Rückfragen stehe ich gerne zur Verfügung.\n\nMit freundlichen Grüßen\n{rep.name}\n{rep.phone}"),
        "es": (f"Oferta {number}",
               f"Estimado/a {customer.first}:\n\ncomo acordamos, le adjunto nuestra oferta {number} por un importe de "
               f"{c.money(total)} sin IVA, válida hasta el {c.datestr(c.later(30))}.\n\nQuedo a su disposición para cualquier "
               f"duda.\n\nUn saludo,\n{rep.name}\n{rep.phone}"),
    })
    return Built(eml(c, rep, [customer], subject, body))


@template("correspondence", "corr.invoice_email_eml", ("en", "es"), ".eml", also=("invoice",))
def invoice_email(c: Ctx) -> Built:
    clerk, customer = c.person(c.vendor()), c.person()
    number, amount = c.code(c.t({"en": "INV", "es": "F"})), c.rng.uniform(500, 20000)
    subject, body = c.t({
        "en": c.pick(((f"Invoice {number}",
                       f"Dear {customer.first},\n\nplease find attached invoice {number} for {c.money(amount)}, due on "
                       f"{c.datestr(c.later(30))}.\n\nKind regards\n{clerk.name}\nAccounts receivable"),
                      (f"Payment reminder: invoice {number}",
                       f"Dear {customer.first},\n\nour records show that invoice {number} for {c.money(amount)} is overdue. "
                       f"We would be grateful if you could settle the amount within seven days.\n\nBest regards\n{clerk.name}"))),
        "es": c.pick(((f"Factura {number}",
                       f"Estimado/a {customer.first}:\n\nle adjuntamos la factura {number} por {c.money(amount)}, con "
                       f"vencimiento el {c.datestr(c.later(30))}.\n\nAtentamente,\n{clerk.name}\nDepartamento de facturación"),
                      (f"Recordatorio de pago: factura {number}",
                       f"Estimado/a {customer.first}:\n\nla factura {number} por {c.money(amount)} está vencida. Le rogamos "
                       f"que realice el pago en los próximos siete días.\n\nUn saludo,\n{clerk.name}"))),
    })
    attachment = [(f"{number}.pdf", pdf(subject, [subject, c.money(amount)], c, clerk.name), "application/pdf")] if c.maybe() else []
    return Built(eml(c, clerk, [customer], subject, body, attachments=attachment))


@template("correspondence", "corr.letter_pdf", ("de", "en"), ".pdf")
def letter_pdf(c: Ctx) -> Built:
    sender, recipient = c.person(), c.person()
    subject, body = c.t({
        "de": c.pick((("Beschwerde über die Lieferung", "leider mussten wir feststellen, dass die letzte Lieferung unvollständig "
                       "war. Wir bitten Sie, die fehlenden Teile umgehend nachzuliefern."),
                      ("Änderung unserer Anschrift", "hiermit teilen wir Ihnen mit, dass sich unsere Anschrift zum Monatsende "
                       "ändert. Bitte passen Sie Ihre Unterlagen entsprechend an."),
                      ("Einladung zum Kundentag", "wir freuen uns, Sie zu unserem Kundentag im Herbst einzuladen. Das Programm "
                       "senden wir Ihnen in Kürze."))),
        "en": c.pick((("Complaint about the last delivery", "we regret to inform you that the last delivery was incomplete. "
                       "Please ship the missing parts as soon as possible."),
                      ("Change of address", "we would like to inform you that our address changes at the end of the month. "
                       "Please update your records."),
                      ("Invitation to our customer day", "we are delighted to invite you to our customer day this autumn. "
                       "The programme will follow shortly."))),
    })
    lines = c.t({
        "de": [f"{sender.company.name} · {sender.company.street} · {sender.company.city}", "",
               recipient.company.name, recipient.name, recipient.company.street, recipient.company.city, "",
               f"{sender.company.city.split()[-1]}, {c.datestr(long=False)}", "", f"Betreff: {subject}", "",
               "Sehr geehrte Damen und Herren,", "", body, "", "Mit freundlichen Grüßen", "", sender.name, sender.role],
        "en": [f"{sender.company.name}, {sender.company.street}, {sender.company.city}", "",
               recipient.name, recipient.company.name, recipient.company.street, recipient.company.city, "",
               c.datestr(long=True), "", f"Dear {recipient.first} {recipient.last},", "", body, "", "Yours sincerely,", "",
               sender.name, sender.role],
    })
    return Built(pdf(subject, lines, c, sender.name))


# --------------------------------------------------------------------------- personnel


def birthday(c: Ctx) -> date:
    return date(c.rng.randint(1962, 2000), c.rng.randint(1, 12), c.rng.randint(1, 28))


@template("personnel", "hr.cv_docx", ("en", "de"), ".docx")
def cv_docx(c: Ctx) -> Built:
    person = c.person()
    employers = c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 2, 3)
    title = c.t({"en": f"Curriculum Vitae – {person.name}", "de": f"Lebenslauf – {person.name}"})
    blocks: list[str | list[list[str]]] = c.t({
        "en": ["## Personal details", f"Date of birth: {c.datestr(birthday(c), long=True)}", f"Phone: {person.phone}",
               f"Email: {person.email}", "## Work experience",
               *(f"- {2023 - 3 * k - 3} – {2023 - 3 * k}: {c.pick(ROLES['en'])}, {e.name}" for k, e in enumerate(employers)),
               "## Education", c.pick(("- MSc Computer Science, University of Leeds", "- BA Business Administration, King's College")),
               "## Skills", "- " + ", ".join(c.some(("SAP", "Python", "Project management", "Negotiation", "SQL", "Excel"), 3, 5)),
               "## Languages", "- English (native), German (B2)"],
        "de": ["## Persönliche Daten", f"Geburtsdatum: {c.datestr(birthday(c), long=False)}", f"Telefon: {person.phone}",
               f"E-Mail: {person.email}", "## Berufserfahrung",
               *(f"- {2023 - 3 * k - 3} – {2023 - 3 * k}: {c.pick(ROLES['de'])}, {e.name}" for k, e in enumerate(employers)),
               "## Ausbildung", c.pick(("- M.Sc. Informatik, TU München", "- Diplom-Kaufmann, Universität zu Köln")),
               "## Kenntnisse", "- " + ", ".join(c.some(("SAP", "Python", "Projektmanagement", "Verhandlung", "SQL", "Excel"), 3, 5)),
               "## Sprachen", "- Deutsch (Muttersprache), Englisch (verhandlungssicher)"],
    })
    return Built(docx(title, blocks, c, person.name))


@template("personnel", "hr.employees_xlsx", ("fr", "es"), ".xlsx")
def employee_list(c: Ctx) -> Built:
    company = c.company()
    header = c.t({"fr": ["Matricule", "Nom", "Prénom", "Service", "Poste", "Date d'embauche", "Salaire brut annuel"],
                  "es": ["Número de empleado", "Apellidos", "Nombre", "Departamento", "Puesto", "Fecha de alta", "Salario bruto"]})
    departments = c.t({"fr": ("Ventes", "Finance", "Informatique", "Logistique", "RH"),
                       "es": ("Ventas", "Finanzas", "Sistemas", "Logística", "RR. HH.")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(6, 15)):
        p = c.person(company)
        rows.append([f"E{c.rng.randrange(1000, 9999)}", p.last, p.first, c.pick(departments), p.role,
                     date(c.rng.randint(2005, 2023), c.rng.randint(1, 12), 1), c.rng.randrange(28, 95) * 1000])
    return Built(xlsx([(c.t({"fr": "Personnel", "es": "Plantilla"}), header, rows)], c, c.person(company).name))


@template("personnel", "hr.payroll_csv", ("de", "en"), ".csv")
def payroll_csv(c: Ctx) -> Built:
    company = c.company()
    header = c.t({"de": ["Personalnummer", "Name", "Abteilung", "Bruttogehalt", "Steuerklasse", "Sozialversicherung", "Nettogehalt"],
                  "en": ["Employee ID", "Name", "Department", "Gross pay", "Tax code", "National insurance", "Net pay"]})
    departments = c.t({"de": ("Vertrieb", "Finanzen", "IT", "Logistik"), "en": ("Sales", "Finance", "IT", "Logistics")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(6, 14)):
        gross = c.rng.randrange(2800, 9000)
        rows.append([c.rng.randrange(10000, 99999), c.person(company).name, c.pick(departments), gross,
                     c.t({"de": c.pick(("I", "III", "IV")), "en": c.pick(("1257L", "BR", "K475"))}),
                     round(gross * 0.2, 2), round(gross * 0.62, 2)])
    return Built(csv_text(header, rows, ";" if c.lang == "de" else ","))


@template("personnel", "hr.review_docx", ("en", "es"), ".docx")
def performance_review(c: Ctx) -> Built:
    company = c.company()
    employee, manager = c.person(company), c.person(company)
    title = c.t({"en": f"Annual performance review {c.day.year}", "es": f"Evaluación del desempeño {c.day.year}"})
    ratings = c.t({"en": [["Area", "Rating"], ["Results", c.pick(("exceeds", "meets", "below"))], ["Teamwork", "meets"],
                          ["Communication", c.pick(("exceeds", "meets"))]],
                   "es": [["Área", "Valoración"], ["Resultados", c.pick(("supera", "cumple", "por debajo"))],
                          ["Trabajo en equipo", "cumple"], ["Comunicación", c.pick(("supera", "cumple"))]]})
    blocks: list[str | list[list[str]]] = c.t({
        "en": [f"Employee: {employee.name}. Position: {employee.role}. Manager: {manager.name}.", ratings,
               "## Goals for next year", "- Lead the migration project", "- Complete the certification",
               "## Manager comments", c.pick(("Strong year; recommended for a salary increase of 4%.",
                                              "Performance below expectations in Q3; improvement plan agreed."))],
        "es": [f"Empleado/a: {employee.name}. Puesto: {employee.role}. Responsable: {manager.name}.", ratings,
               "## Objetivos para el próximo año", "- Liderar el proyecto de migración", "- Obtener la certificación",
               "## Comentarios del responsable", c.pick(("Buen año; se propone una subida salarial del 4 %.",
                                                         "Rendimiento por debajo de lo esperado en el T3; plan de mejora acordado."))],
    })
    return Built(docx(title, blocks, c, manager.name))


@template("personnel", "hr.case_txt", ("fr", "de"), ".txt")
def hr_case(c: Ctx) -> Built:
    company = c.company()
    employee = c.person(company)
    out = c.t({
        "fr": [c.pick(("Dossier RH – confidentiel", "DOSSIER DU PERSONNEL")), f"Salarié : {employee.name}",
               f"Matricule : {c.rng.randrange(1000, 9999)}", f"Service : {employee.role}", "",
               *lines_of(c, ("Arrêt maladie du 3 au 21 mars, certificat reçu.", "Avertissement écrit remis le 12 avril pour retards "
                             "répétés.", "Entretien annuel reporté à la demande du salarié.",
                             "Demande de rupture conventionnelle à l'étude."), 2, 4), "",
               "Prochaine étape : entretien avec le responsable RH et un représentant du personnel."],
        "de": [c.pick(("Personalfall – vertraulich", "PERSONALAKTE – VERMERK")), f"Mitarbeiter: {employee.name}",
               f"Personalnummer: {c.rng.randrange(1000, 9999)}", f"Funktion: {employee.role}", "",
               *lines_of(c, ("Krankmeldung vom 3. bis 21. März liegt vor.", "Abmahnung am 12. April wegen wiederholter "
                             "Verspätungen ausgesprochen.", "Mitarbeitergespräch auf Wunsch des Mitarbeiters verschoben.",
                             "Aufhebungsvertrag wird geprüft."), 2, 4), "",
               "Nächster Schritt: Gespräch mit der Personalleitung und dem Betriebsrat."],
    })
    return Built(text(out))


@template("personnel", "hr.cv_pdf", ("es", "fr"), ".pdf")
def cv_pdf(c: Ctx) -> Built:
    person = c.person()
    employers = c.some([x for lang in LANGUAGES for x in COMPANIES[lang]], 2, 3)
    lines = c.t({
        "es": [person.name, f"{person.phone} | {person.email}", f"Fecha de nacimiento: {c.datestr(birthday(c), long=False)}", "",
               "EXPERIENCIA PROFESIONAL", *(f"{2023 - 4 * k - 4}-{2023 - 4 * k}  {c.pick(ROLES['es'])} en {e.name}"
                                           for k, e in enumerate(employers)), "",
               "FORMACIÓN ACADÉMICA", c.pick(("Grado en Ingeniería Informática, Universidad de Sevilla",
                                              "Máster en Dirección de Empresas, IE Business School")), "",
               "IDIOMAS", "Español (nativo), inglés (C1), francés (B1)"],
        "fr": [person.name, f"{person.phone} | {person.email}", f"Née le {c.datestr(birthday(c), long=True)}", "",
               "EXPÉRIENCE PROFESSIONNELLE", *(f"{2023 - 4 * k - 4}-{2023 - 4 * k}  {c.pick(ROLES['fr'])} chez {e.name}"
                                               for k, e in enumerate(employers)), "",
               "FORMATION", c.pick(("Diplôme d'ingénieur, INSA Lyon", "Master Management, Université Paris-Dauphine")), "",
               "LANGUES", "Français (langue maternelle), anglais (courant), espagnol (notions)"],
    })
    return Built(pdf(c.t({"es": "Currículum vítae", "fr": "Curriculum vitae"}), lines, c, person.name))


# --------------------------------------------------------------------------- financial


@template("financial", "fin.budget_xlsx", ("en", "de"), ".xlsx")
def budget_xlsx(c: Ctx) -> Built:
    author = c.person()
    header = c.t({"en": ["Cost center", "Account", f"Budget {c.day.year}", "Actual", "Variance", "Variance %"],
                  "de": ["Kostenstelle", "Konto", f"Budget {c.day.year}", "Ist", "Abweichung", "Abweichung %"]})
    accounts = c.t({"en": ("Salaries", "Travel", "Software licences", "Marketing", "Rent", "Training"),
                    "de": ("Gehälter", "Reisekosten", "Softwarelizenzen", "Marketing", "Miete", "Schulungen")})
    rows: list[list[object]] = []
    for account in c.some(accounts, 4, 6):
        budget = c.rng.randrange(20, 900) * 1000
        actual = int(budget * c.rng.uniform(0.7, 1.2))
        rows.append([f"CC{c.rng.randrange(100, 999)}", account, budget, actual, actual - budget,
                     round(100 * (actual - budget) / budget, 1)])
    return Built(xlsx([(c.t({"en": "Budget vs actual", "de": "Plan-Ist"}), header, rows)], c, author.name))


@template("financial", "fin.pnl_pdf", ("fr", "es"), ".pdf")
def profit_and_loss(c: Ctx) -> Built:
    company = c.company()
    revenue = c.rng.randrange(5000, 90000) * 1000
    rows = c.t({"fr": ("Chiffre d'affaires net", "Achats consommés", "Charges de personnel", "Autres charges externes", "EBITDA",
                       "Dotations aux amortissements", "Résultat d'exploitation", "Résultat net"),
                "es": ("Importe neto de la cifra de negocios", "Aprovisionamientos", "Gastos de personal",
                       "Otros gastos de explotación", "EBITDA", "Amortización del inmovilizado", "Resultado de explotación",
                       "Resultado del ejercicio")})
    shares = (1.0, 0.42, 0.28, 0.12, 0.18, 0.05, 0.13, 0.09)
    lines = [company.name, c.t({"fr": f"Exercice clos le 31 décembre {c.day.year - 1}", "es": f"Ejercicio {c.day.year - 1}"}), "",
             *(f"{label:<40} {c.money(revenue * share * c.rng.uniform(0.95, 1.05)):>18}"
               for label, share in zip(rows, shares, strict=True))]
    return Built(pdf(c.t({"fr": f"Compte de résultat {c.day.year - 1}", "es": f"Cuenta de resultados {c.day.year - 1}"}),
                     lines, c, c.person(company).name))


@template("financial", "fin.bank_details_txt", ("en", "de"), ".txt")
def bank_details(c: Ctx) -> Built:
    company = c.company()
    out = c.t({
        "en": [c.pick(("Bank details for payments", "Change of bank details")), "", f"Account holder: {company.name}",
               "Bank: Barclays Bank plc, London", f"IBAN: {IBANS['en']}", f"BIC/SWIFT: {BICS['en']}",
               f"Sort code: 20-{c.rng.randrange(10, 99)}-{c.rng.randrange(10, 99)}", "",
               c.pick(("Please use this account for all payments from 1 July.",
                       "Payments to our old account will no longer be accepted after the end of the quarter."))],
        "de": [c.pick(("Bankverbindung", "Änderung unserer Bankverbindung")), "", f"Kontoinhaber: {company.name}",
               "Bank: Commerzbank AG, Frankfurt", f"IBAN: {IBANS['de']}", f"BIC: {BICS['de']}", "",
               c.pick(("Bitte verwenden Sie ab dem 1. Juli ausschließlich dieses Konto für Zahlungen.",
                       "Zahlungen auf das alte Konto sind ab Quartalsende nicht mehr möglich."))],
    })
    return Built(text(out))


@template("financial", "fin.payments_csv", ("es", "en"), ".csv")
def payment_records(c: Ctx) -> Built:
    header = c.t({"es": ["Fecha", "Beneficiario", "Concepto", "Importe", "IBAN", "Referencia"],
                  "en": ["Date", "Payee", "Description", "Amount", "IBAN", "Reference"]})
    concepts = c.t({"es": ("Alquiler oficina", "Nóminas", "Proveedor hardware", "Seguro", "Impuestos"),
                    "en": ("Office rent", "Payroll run", "Hardware supplier", "Insurance", "Taxes")})
    rows: list[list[object]] = [[c.later(-c.rng.randint(0, 90)).isoformat(), c.company(c.pick(LANGUAGES)).name, c.pick(concepts),
                                 round(c.rng.uniform(100, 50000), 2), IBANS[c.pick(LANGUAGES)].replace(" ", ""),
                                 f"TRX{c.rng.randrange(10 ** 6, 10 ** 7)}"] for _ in range(c.rng.randint(6, 15))]
    return Built(csv_text(header, rows, ";" if c.lang == "es" else ","))


@template("financial", "fin.balance_sheet_docx", ("de", "fr"), ".docx")
def balance_sheet(c: Ctx) -> Built:
    company = c.company()
    total = c.rng.randrange(2000, 80000) * 1000
    rows = c.t({"de": [["Aktiva", "EUR", "Passiva", "EUR"], ["Anlagevermögen", c.number(total * 0.55, 0), "Eigenkapital",
                                                             c.number(total * 0.4, 0)],
                       ["Umlaufvermögen", c.number(total * 0.4, 0), "Rückstellungen", c.number(total * 0.15, 0)],
                       ["Liquide Mittel", c.number(total * 0.05, 0), "Verbindlichkeiten", c.number(total * 0.45, 0)],
                       ["Summe", c.number(total, 0), "Summe", c.number(total, 0)]],
                "fr": [["Actif", "EUR", "Passif", "EUR"], ["Actif immobilisé", c.number(total * 0.55, 0), "Capitaux propres",
                                                          c.number(total * 0.4, 0)],
                       ["Actif circulant", c.number(total * 0.4, 0), "Provisions", c.number(total * 0.15, 0)],
                       ["Disponibilités", c.number(total * 0.05, 0), "Dettes", c.number(total * 0.45, 0)],
                       ["Total", c.number(total, 0), "Total", c.number(total, 0)]]})
    title = c.t({"de": f"Bilanz zum 31.12.{c.day.year - 1}", "fr": f"Bilan au 31 décembre {c.day.year - 1}"})
    blocks: list[str | list[list[str]]] = [company.name, rows, c.t({
        "de": "Der Jahresabschluss wurde vom Abschlussprüfer ohne Einschränkungen testiert.",
        "fr": "Les comptes annuels ont été certifiés sans réserve par le commissaire aux comptes."})]
    return Built(docx(title, blocks, c, c.person(company).name))


@template("financial", "fin.cashflow_xlsx", ("fr", "en"), ".xlsx")
def cash_flow(c: Ctx) -> Built:
    author = c.person()
    header = c.t({"fr": ["Mois", "Solde d'ouverture", "Encaissements", "Décaissements", "Solde de clôture"],
                  "en": ["Month", "Opening balance", "Receipts", "Payments", "Closing balance"]})
    balance = c.rng.randrange(100, 900) * 1000
    rows: list[list[object]] = []
    for month in range(1, 13):
        receipts, payments = c.rng.randrange(200, 600) * 1000, c.rng.randrange(200, 600) * 1000
        rows.append([MONTHS[c.lang][month - 1], balance, receipts, payments, balance + receipts - payments])
        balance += receipts - payments
    return Built(xlsx([(c.t({"fr": "Trésorerie", "en": "Cash flow"}), header, rows)], c, author.name))


# --------------------------------------------------------------------------- source_code

def password(c: Ctx) -> str:
    return c.pick(("Winter", "Sommer", "Soleil", "Madrid", "Falcon", "Orange")) + token(c, 6) + c.pick(("!", "#", "$", "%"))


@template("source_code", "code.python", ("en", "de"), ".py")
def python_source(c: Ctx) -> Built:
    leaks = c.maybe(0.35)
    comment = c.t({"en": ("Import orders from the shop export and push them to the ERP.", "# retry once on timeouts",
                          "# TODO: move the fallback into the vault"),
                   "de": ("Importiert Bestellungen aus dem Shop-Export und überträgt sie ins ERP.", "# bei Timeout einmal wiederholen",
                          "# TODO: Fallback in den Vault verschieben")})
    name = c.pick(("sync_orders", "import_customers", "push_invoices", "export_stock"))
    maintainer = c.person(c.vendor())
    out = [f'"""{comment[0]}', "", f"Maintainer: {maintainer.name} <{maintainer.email}>", '"""', "", "import csv", "import logging",
           "import os", "", "import requests", "",
           "log = logging.getLogger(__name__)", 'API_URL = os.environ.get("ERP_URL", "https://erp.example.internal/api")']
    if leaks:
        out += [comment[2], f'API_TOKEN = "{token(c, 32)}"']
    out += ["", "", f"def {name}(path: str) -> int:", "    count = 0", '    with open(path, newline="") as handle:',
            "        for row in csv.DictReader(handle):", "            payload = {\"id\": row[\"id\"], \"qty\": int(row[\"qty\"])}",
            f"            {comment[1]}", "            for attempt in range(2):", "                try:",
            "                    requests.post(API_URL, json=payload, timeout=10).raise_for_status()",
            "                    break", "                except requests.Timeout:", "                    log.warning(\"timeout\")",
            "            count += 1", "    return count", "", "", 'if __name__ == "__main__":',
            f'    print({name}(os.environ.get("INPUT", "orders.csv")))']
    return Built(text(out), ("credentials",) if leaks else ())


@template("source_code", "code.ruby", ("fr", "es"), ".rb")
def ruby_source(c: Ctx) -> Built:
    # JavaScript would be the obvious second language, but libmagic calls it application/javascript,
    # which the extractor registry does not read yet: the tagger would never see it.
    comment = c.t({"fr": ("# Service de calcul des remises client", "# renvoie nil si le client n'existe pas"),
                   "es": ("# Servicio de cálculo de descuentos", "# devuelve nil si el cliente no existe")})
    model = c.pick(("Customer", "Order", "Quote", "Discount"))
    out = [comment[0], "require 'json'", "require 'pg'", "", f"class {model}Pricing", "  RATES = { 'A' => 0.15, 'B' => 0.05 }.freeze",
           "", "  def initialize(connection)", "    @connection = connection", "  end", "", "  def rate_for(id)",
           f"    row = @connection.exec_params('SELECT segment FROM {model.lower()}s WHERE id = $1', [id]).first",
           f"    {comment[1]}", "    return nil if row.nil?", "", "    RATES.fetch(row['segment'], 0.0)", "  end", "",
           "  def to_json(id)", "    { id: id, rate: rate_for(id) }.to_json", "  end", "end"]
    return Built(text(out))


@template("source_code", "code.java", ("en", "fr"), ".java")
def java_source(c: Ctx) -> Built:
    cls = c.pick(("InvoiceService", "StockLevelChecker", "CustomerImporter", "ReportBuilder"))
    comment = c.t({"en": ("/** Computes totals for the nightly report. */", "// skip cancelled lines"),
                   "fr": ("/** Calcule les totaux du rapport nocturne. */", "// ignorer les lignes annulées")})
    out = ["package com.example.backoffice;", "", "import java.math.BigDecimal;", "import java.util.List;", "", comment[0],
           f"public class {cls} {{", "", "    private final LineRepository repository;", "",
           f"    public {cls}(LineRepository repository) {{", "        this.repository = repository;", "    }", "",
           "    public BigDecimal total(String orderId) {", "        BigDecimal sum = BigDecimal.ZERO;",
           "        List<Line> lines = repository.findByOrder(orderId);", "        for (Line line : lines) {",
           f"            {comment[1]}", "            if (line.isCancelled()) {", "                continue;", "            }",
           "            sum = sum.add(line.getPrice().multiply(BigDecimal.valueOf(line.getQuantity())));", "        }",
           "        return sum;", "    }", "}"]
    return Built(text(out))


@template("source_code", "code.php", ("de", "es"), ".php")
def php_source(c: Ctx) -> Built:
    comment = c.t({"de": ("// Kundendaten für das Portal laden", "// leere Ergebnisse abfangen"),
                   "es": ("// Cargar los datos del cliente para el portal", "// controlar resultados vacíos")})
    out = ["<?php", comment[0], "declare(strict_types=1);", "", "function loadCustomer(PDO $db, int $id): ?array", "{",
           "    $stmt = $db->prepare('SELECT id, name, segment FROM customers WHERE id = :id');",
           "    $stmt->execute(['id' => $id]);", "    $row = $stmt->fetch(PDO::FETCH_ASSOC);", f"    {comment[1]}",
           "    if ($row === false) {", "        return null;", "    }", "    return $row;", "}", "",
           "$db = new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASS'));",
           "echo json_encode(loadCustomer($db, (int) $_GET['id']));"]
    return Built(text(out))


@template("source_code", "code.shell", ("en", "de"), ".sh")
def shell_source(c: Ctx) -> Built:
    leaks = c.maybe(0.35)
    comment = c.t({"en": ("# Nightly backup of the ERP database", "# keep 14 days"),
                   "de": ("# Nächtliche Sicherung der ERP-Datenbank", "# 14 Tage aufbewahren")})
    out = ["#!/bin/bash", comment[0], "set -euo pipefail", "", f'BACKUP_DIR="/var/backups/{c.pick(("erp", "crm", "shop"))}"',
           'STAMP="$(date +%Y%m%d)"']
    if leaks:
        out.append(f'export PGPASSWORD="{password(c)}"')
    out += ["", 'mkdir -p "$BACKUP_DIR"', 'pg_dump -h db01 -U backup erp | gzip > "$BACKUP_DIR/erp-$STAMP.sql.gz"', comment[1],
            'find "$BACKUP_DIR" -name "*.sql.gz" -mtime +14 -delete', 'if [ $? -ne 0 ]; then', '  echo "backup failed" >&2',
            "  exit 1", "fi"]
    return Built(text(out), ("credentials",) if leaks else ())


@template("source_code", "code.go", ("es", "en"), ".go")
def go_source(c: Ctx) -> Built:
    comment = c.t({"es": ("// Package health expone el estado del servicio.", "// responder siempre en JSON"),
                   "en": ("// Package health exposes the service status.", "// always answer in JSON")})
    out = [comment[0], "package health", "", "import (", '\t"encoding/json"', '\t"net/http"', '\t"time"', ")", "",
           "type Status struct {", '\tService string `json:"service"`', '\tUp      bool   `json:"up"`',
           '\tChecked string `json:"checked"`', "}", "", "func Handler(w http.ResponseWriter, r *http.Request) {",
           f"\t{comment[1]}", '\tw.Header().Set("Content-Type", "application/json")',
           f'\tstatus := Status{{Service: "{c.pick(("billing", "orders", "stock"))}", Up: true, Checked: time.Now().Format(time.RFC3339)}}',
           "\tif err := json.NewEncoder(w).Encode(status); err != nil {",
           "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)", "\t}", "}"]
    return Built(text(out))


# --------------------------------------------------------------------------- credentials


def aws_key(c: Ctx) -> str:
    return "AKIA" + token(c, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


@template("credentials", "cred.env", ("en", "de"), ".env")
def env_file(c: Ctx) -> Built:
    comment = c.t({"en": "# production settings - do not commit", "de": "# Produktivkonfiguration - nicht einchecken"})
    out = [comment, "APP_ENV=production", f"DB_HOST=10.{c.rng.randint(1, 99)}.0.{c.rng.randint(2, 250)}", "DB_USER=app",
           f"DB_PASSWORD={password(c)}"]
    out += c.some((f"AWS_ACCESS_KEY_ID={aws_key(c)}", f"AWS_SECRET_ACCESS_KEY={token(c, 40)}", f"SMTP_PASSWORD={password(c)}",
                   f"STRIPE_SECRET_KEY=sk_live_{token(c, 24)}", f"JWT_SECRET={token(c, 48)}"), 2, 4)
    return Built(text(out))


@template("credentials", "cred.ini", ("fr", "es"), ".ini")
def ini_file(c: Ctx) -> Built:
    comment = c.t({"fr": "; configuration du connecteur ERP", "es": "; configuración del conector ERP"})
    out = [comment, "[database]", f"host = db{c.rng.randint(1, 9)}.interne.local", "port = 5432", "user = erp_sync",
           f"password = {password(c)}", "", "[smtp]", "server = smtp.office365.com", f"login = noreply@{c.company().domain}",
           f"password = {password(c)}", "", "[api]", f"api_key = {token(c, 32)}"]
    return Built(text(out))


@template("credentials", "cred.yaml", ("en", "es"), ".yaml")
def yaml_secrets(c: Ctx) -> Built:
    comment = c.t({"en": "# staging stack", "es": "# entorno de preproducción"})
    out = [comment, "version: '3.8'", "services:", "  db:", "    image: postgres:15", "    environment:",
           "      POSTGRES_USER: app", f"      POSTGRES_PASSWORD: {password(c)}", "  api:",
           f"    image: registry.example.com/api:{c.rng.randint(1, 9)}.{c.rng.randint(0, 20)}", "    environment:",
           f"      API_KEY: {token(c, 32)}", f"      REDIS_URL: redis://default:{token(c, 16)}@cache:6379/0"]
    return Built(text(out))


@template("credentials", "cred.password_list_txt", ("de", "fr"), ".txt")
def password_list(c: Ctx) -> Built:
    customer = c.company()
    systems = c.some(("Firewall", "VPN", "vCenter", "ERP", "NAS", "Router", "Domain Admin"), 3, 5)
    labels = c.t({"de": ("Benutzer", "Passwort"), "fr": ("Utilisateur", "Mot de passe")})
    title = c.t({"de": f"Zugangsdaten {customer.name}", "fr": f"Mots de passe – serveurs {customer.name}"})
    out = [title, ""]
    for system in systems:
        out.append(f"{system}: {labels[0]}: {c.pick(('admin', 'root', 'administrator', 'svc_backup'))} / {labels[1]}: {password(c)}")
    return Built(text(out))


@template("credentials", "cred.service_account_json", ("en", "fr"), ".json")
def service_account(c: Ctx) -> Built:
    key_body = "\\n".join(token(c, 64, ALNUM + "+/") for _ in range(6))
    if c.lang == "en":
        document: dict[str, object] = {
            "type": "service_account", "project_id": f"{c.pick(('billing', 'crm', 'analytics'))}-{c.rng.randrange(1000, 9999)}",
            "private_key_id": token(c, 40, "0123456789abcdef"),
            "private_key": "-----BEGIN PRIVATE KEY-----\\n" + key_body + "\\n-----END PRIVATE KEY-----\\n",
            "client_email": f"sync@{c.company().domain}", "client_id": str(c.rng.randrange(10 ** 17, 10 ** 18))}
        return Built(json.dumps(document, indent=2).replace("\\\\n", "\\n").encode())
    document = {"base_de_donnees": {"hote": f"10.{c.rng.randint(1, 99)}.1.5", "utilisateur": "app", "mot_de_passe": password(c)},
                "api": {"cle": token(c, 32), "secret_client": token(c, 40)}}
    return Built(json.dumps(document, indent=2, ensure_ascii=False).encode())


@template("credentials", "cred.connection_wiki_md", ("de", "es"), ".md")
def connection_wiki(c: Ctx) -> Built:
    host = f"10.{c.rng.randint(1, 99)}.{c.rng.randint(1, 250)}.{c.rng.randint(2, 250)}"
    out = c.t({
        "de": ["# Datenbankzugänge", "", "Stand: " + c.datestr(), "", "## CRM (PostgreSQL)", "",
               f"`postgresql://crm_app:{password(c)}@{host}:5432/crm`", "", "## ERP (SQL Server)", "",
               f"`Server=sql01;Database=erp;User Id=sa;Password={password(c)};`", "",
               "Bitte nicht in Tickets kopieren."],
        "es": ["# Accesos a bases de datos", "", "Actualizado: " + c.datestr(), "", "## CRM (PostgreSQL)", "",
               f"`postgresql://crm_app:{password(c)}@{host}:5432/crm`", "", "## ERP (SQL Server)", "",
               f"`Server=sql01;Database=erp;User Id=sa;Password={password(c)};`", "",
               "No copiar en las incidencias."],
    })
    return Built(text(out))


# --------------------------------------------------------------------------- contact_list


def contacts(c: Ctx, count: int) -> list[Person]:
    return [c.person(c.company(c.pick((c.lang, c.lang, c.pick(LANGUAGES)))), c.lang) for _ in range(count)]


@template("contact_list", "contacts.csv", ("en", "de"), ".csv")
def contacts_csv(c: Ctx) -> Built:
    people = contacts(c, c.rng.randint(6, 15))
    if c.lang == "en":
        rows: list[list[object]] = [[p.name, p.company.name, p.email, p.phone, p.company.city] for p in people]
        return Built(csv_text(["Name", "Company", "Email", "Phone", "City"], rows))
    rows = [[p.first, p.last, p.company.name, p.email, p.phone, p.company.city.split(" ", 1)[-1]] for p in people]
    return Built(csv_text(["Vorname", "Nachname", "Firma", "E-Mail", "Telefon", "Ort"], rows, ";"))


@template("contact_list", "contacts.xlsx", ("fr", "es"), ".xlsx")
def contacts_xlsx(c: Ctx) -> Built:
    people = contacts(c, c.rng.randint(6, 15))
    header = c.t({"fr": ["Nom", "Prénom", "Société", "Fonction", "Courriel", "Téléphone"],
                  "es": ["Apellidos", "Nombre", "Empresa", "Cargo", "Correo", "Teléfono"]})
    rows: list[list[object]] = [[p.last, p.first, p.company.name, p.role, p.email, p.phone] for p in people]
    return Built(xlsx([(c.t({"fr": "Contacts", "es": "Contactos"}), header, rows)], c, people[0].name))


@template("contact_list", "contacts.vcf", ("en", "de"), ".vcf")
def vcards(c: Ctx) -> Built:
    out: list[str] = []
    for p in contacts(c, c.rng.randint(4, 10)):
        out += ["BEGIN:VCARD", "VERSION:3.0", f"N:{p.last};{p.first};;;", f"FN:{p.name}", f"ORG:{p.company.name}",
                f"TITLE:{p.role}", f"TEL;TYPE=WORK:{p.phone}", f"EMAIL;TYPE=INTERNET:{p.email}", "END:VCARD"]
    return Built(text(out))


@template("contact_list", "contacts.docx", ("es", "en"), ".docx")
def contacts_docx(c: Ctx) -> Built:
    project = c.pick(POC_PRODUCTS)
    people = contacts(c, c.rng.randint(5, 10))
    title = c.t({"es": f"Lista de contactos del proyecto {project}", "en": f"Project contact list – {project}"})
    header = c.t({"es": ["Nombre", "Función", "Empresa", "Correo electrónico", "Teléfono"],
                  "en": ["Name", "Role", "Company", "Email", "Phone"]})
    blocks: list[str | list[list[str]]] = [
        c.t({"es": "Personas de contacto de todas las partes.", "en": "Contacts of all parties."}),
        [header, *([p.name, p.role, p.company.name, p.email, p.phone] for p in people)]]
    return Built(docx(title, blocks, c, people[0].name))


@template("contact_list", "contacts.attendees_pdf", ("de", "fr"), ".pdf")
def attendee_list(c: Ctx) -> Built:
    event = c.t({"de": c.pick(("Anwendertreffen", "Partnerkonferenz", "Kundenworkshop")),
                 "fr": c.pick(("Journée utilisateurs", "Conférence partenaires", "Atelier clients"))})
    people = contacts(c, c.rng.randint(6, 14))
    lines = [c.t({"de": f"{c.datestr()}, {c.company().city}", "fr": f"{c.datestr()}, {c.company().city}"}), "",
             *(f"{p.name}, {p.company.name}, {p.email}, {p.phone}" for p in people)]
    return Built(pdf(c.t({"de": f"Teilnehmerliste – {event}", "fr": f"Liste des participants – {event}"}), lines, c,
                     people[0].name))


@template("contact_list", "contacts.distribution_txt", ("fr", "en"), ".txt")
def distribution_list(c: Ctx) -> Built:
    team = c.pick(("Support N2", "Comité de pilotage", "Achats", "Projet Atlas"))
    people = contacts(c, c.rng.randint(5, 12))
    out = [c.t({"fr": f"Liste de diffusion – {team}", "en": f"Distribution list – {team}"}), "",
           *(f"{p.name} <{p.email}> – {p.phone}" for p in people)]
    return Built(text(out))


# --------------------------------------------------------------------------- other


@template("other", "other.app_log", ("en", "de"), ".log")
def application_log(c: Ctx) -> Built:
    users = [c.person() for _ in range(3)]
    messages = c.t({"en": ("INFO  worker started", "INFO  job {n} finished in {ms} ms", "WARN  cache miss for key {n}",
                           "ERROR connection reset by peer", "INFO  health check ok", "DEBUG queue length {n}",
                           "INFO  login {user}", "WARN  mail to {user} bounced"),
                    "de": ("INFO  Worker gestartet", "INFO  Auftrag {n} nach {ms} ms beendet", "WARN  Cache-Fehltreffer {n}",
                           "ERROR Verbindung zurückgesetzt", "INFO  Statusprüfung ok", "DEBUG Warteschlange {n}",
                           "INFO  Anmeldung {user}", "WARN  Mail an {user} unzustellbar")})
    out = []
    for second in sorted(c.rng.sample(range(86400), c.rng.randint(15, 40))):
        stamp = f"{c.day.isoformat()} {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d},{c.rng.randrange(1000):03d}"
        message = c.pick(messages).format(n=c.rng.randrange(10000), ms=c.rng.randrange(5, 900), user=c.pick(users).email)
        out.append(f"{stamp} {message}")
    return Built(text(out))


@template("other", "other.manual_docx", ("fr", "es"), ".docx")
def user_manual(c: Ctx) -> Built:
    device = c.pick(("EG-200", "SEN-10", "DOC-USB"))
    title = c.t({"fr": f"Notice d'utilisation {device}", "es": f"Manual de usuario {device}"})
    blocks: list[str | list[list[str]]] = c.t({
        "fr": ["## Consignes de sécurité", "N'exposez pas l'appareil à l'humidité. Utilisez uniquement l'alimentation fournie.",
               "## Installation", "- Fixez l'appareil au mur avec les vis fournies", "- Branchez le câble d'alimentation",
               "- Attendez que le voyant passe au vert", "## Entretien",
               "Nettoyez le boîtier avec un chiffon sec. Aucune pièce ne doit être remplacée par l'utilisateur."],
        "es": ["## Instrucciones de seguridad", "No exponga el aparato a la humedad. Utilice solo la fuente de alimentación "
               "suministrada.", "## Instalación", "- Fije el aparato a la pared con los tornillos incluidos",
               "- Conecte el cable de alimentación", "- Espere a que el indicador se ponga verde", "## Mantenimiento",
               "Limpie la carcasa con un paño seco. El usuario no debe sustituir ninguna pieza."],
    })
    return Built(docx(title, blocks, c, "Documentation"))


@template("other", "other.newsletter_md", ("en", "de"), ".md")
def newsletter(c: Ctx) -> Built:
    out = c.t({
        "en": [f"# Staff newsletter – {MONTHS['en'][c.day.month - 1]}", "",
               *lines_of(c, ("## Summer party\n\nThe summer party takes place in the park on the last Friday of the month.",
                             "## New coffee machine\n\nThe kitchen on the second floor has a new coffee machine.",
                             "## Running club\n\nThe running club meets on Wednesdays at 6 pm at the main entrance.",
                             "## Recycling\n\nPlease separate paper and plastic; new bins are next to the lifts.",
                             "## Charity bake sale\n\nThanks to everyone who baked; we raised a record amount."), 2, 4)],
        "de": [f"# Mitarbeiterzeitung – {MONTHS['de'][c.day.month - 1]}", "",
               *lines_of(c, ("## Sommerfest\n\nDas Sommerfest findet am letzten Freitag des Monats im Park statt.",
                             "## Neue Kaffeemaschine\n\nIn der Küche im zweiten Stock steht eine neue Kaffeemaschine.",
                             "## Lauftreff\n\nDer Lauftreff trifft sich mittwochs um 18 Uhr am Haupteingang.",
                             "## Mülltrennung\n\nBitte Papier und Plastik trennen; neue Behälter stehen an den Aufzügen.",
                             "## Kuchenbasar\n\nDanke an alle, die gebacken haben; es kam ein Rekordbetrag zusammen."), 2, 4)],
    })
    return Built(text(out))


@template("other", "other.itinerary_txt", ("de", "es"), ".txt")
def itinerary(c: Ctx) -> Built:
    city = c.pick(("Lissabon", "Wien", "Kopenhagen")) if c.lang == "de" else c.pick(("Lisboa", "Viena", "Copenhague"))
    out = c.t({
        "de": [f"Reiseplan {city}", "", f"Hinflug: {c.datestr()} 07:15, Flug LH{c.rng.randrange(1000, 9999)}, Sitz {c.rng.randint(3, 30)}C",
               f"Hotel: {c.pick(('Hotel Central', 'Parkhotel', 'Hotel am Fluss'))}, 2 Nächte, Frühstück inklusive",
               "Transfer: Taxi vom Flughafen, ca. 25 Minuten", f"Rückflug: {c.datestr(c.later(2))} 18:40",
               "Bitte Reisepass und Ladekabel nicht vergessen."],
        "es": [f"Itinerario {city}", "",
               f"Vuelo de ida: {c.datestr()} 07:15, vuelo IB{c.rng.randrange(1000, 9999)}, asiento {c.rng.randint(3, 30)}C",
               f"Hotel: {c.pick(('Hotel Central', 'Hotel del Parque', 'Hotel del Río'))}, 2 noches, desayuno incluido",
               "Traslado: taxi desde el aeropuerto, unos 25 minutos", f"Vuelo de vuelta: {c.datestr(c.later(2))} 18:40",
               "No olvidar el pasaporte ni el cargador."],
    })
    return Built(text(out))


@template("other", "other.readme_md", ("en", "fr"), ".md")
def readme(c: Ctx) -> Built:
    tool = c.pick(("pdf-merge", "photo-resizer", "md2slides", "timezone-cli"))
    out = c.t({
        "en": [f"# {tool}", "", "A small command-line tool.", "", "## Installation", "", "```", f"pip install {tool}", "```", "",
               "## Usage", "", "```", f"{tool} --help", "```", "", "## Licence", "", "MIT"],
        "fr": [f"# {tool}", "", "Un petit outil en ligne de commande.", "", "## Installation", "", "```", f"pip install {tool}",
               "```", "", "## Utilisation", "", "```", f"{tool} --help", "```", "", "## Licence", "", "MIT"],
    })
    return Built(text(out))


@template("other", "other.press_release_pdf", ("es", "en"), ".pdf")
def press_release(c: Ctx) -> Built:
    company = c.company()
    lines = c.t({
        "es": [f"{company.city.split(' ', 1)[-1]}, {c.datestr(long=True)}", "",
               f"{company.name} inaugura su nueva sede en el centro de la ciudad, con espacio para 300 personas y una "
               "cafetería abierta al barrio.", "La inauguración contará con la presencia de la alcaldesa y una jornada de "
               "puertas abiertas el sábado.", "", "Sobre la empresa: fundada en 1998, trabaja en cuatro países.",
               f"Contacto de prensa: prensa@{company.domain}"],
        "en": [f"{company.city.split(',')[0]}, {c.datestr(long=True)}", "",
               f"{company.name} opens its new headquarters in the city centre, with space for 300 people and a café open to "
               "the neighbourhood.", "The mayor will attend the opening, followed by an open day on Saturday.", "",
               "About the company: founded in 1998, it works in four countries.", f"Press contact: press@{company.domain}"],
    })
    return Built(pdf(c.t({"es": "Nota de prensa", "en": "Press release"}), lines, c, "Communications"))


# --------------------------------------------------------------------------- blind round 1, now training templates
# Written as blind templates after the first model was frozen (models/categories.json sha256 14195b62…), by an
# author who had not written the lexicon, and scored once as they stood: top-1 0.719, macro-F1 0.675 (see
# models/CATEGORIES.md), against 0.990 on the held-out templates above, which had been written together with
# the lexicon. What they showed was fixed in general ways (vocabulary, list items taken for titles, header rows
# read as text), and they then joined the training templates: they take positions 7 in their categories, so
# no template above moved between splits.


@template("proof_of_concept", "poc.pilot_report_md", ("en", "es"), ".md")
def pilot_report(c: Ctx) -> Built:
    customer, engineer = c.company(), c.person(c.vendor())
    product = c.pick(POC_PRODUCTS)
    sites, devices = c.rng.randint(2, 6), c.rng.randint(20, 400)
    latency, target = c.rng.randint(40, 180), c.pick((200, 250, 300))
    if c.lang == "en":
        out = [f"# {product} pilot at {customer.name} - technical evaluation", "",
               f"Prepared by {engineer.name} ({engineer.role}), {c.datestr()}", "",
               "## Scope", f"Validate that {product} can ingest telemetry from {devices} devices across {sites} sites "
               f"before {customer.name} commits to a production rollout.", "",
               "## Environment", f"- {sites} edge nodes in the customer's plants, one collector VM in their data centre",
               "- Connected to the customer's Active Directory for single sign-on", "",
               "## Test scenarios and outcome",
               f"1. Ingest rate under peak load - passed ({devices * 12} events/min sustained)",
               f"2. End-to-end latency below {target} ms - {'passed' if latency < target else 'failed'} ({latency} ms p95)",
               "3. Failover of the collector - passed after a configuration change", "",
               "## Recommendation",
               c.pick(("Proceed to a paid phase 1 covering all plants.",
                       "Extend the pilot by four weeks to cover the remaining integration questions."))]
    else:
        out = [f"# Piloto de {product} en {customer.name}: evaluación técnica", "",
               f"Elaborado por {engineer.name} ({engineer.role}), {c.datestr()}", "",
               "## Alcance", f"Comprobar que {product} puede recoger la telemetría de {devices} dispositivos en {sites} "
               f"centros antes de que {customer.name} decida el despliegue en producción.", "",
               "## Entorno", f"- {sites} nodos en las plantas del cliente y una VM colectora en su centro de datos",
               "- Integrado con el directorio activo del cliente", "",
               "## Escenarios probados",
               f"1. Carga máxima - superado ({devices * 12} eventos/min)",
               f"2. Latencia extremo a extremo inferior a {target} ms - {'superado' if latency < target else 'no superado'} "
               f"({latency} ms p95)",
               "3. Conmutación por error del colector - superado tras un cambio de configuración", "",
               "## Recomendación",
               c.pick(("Pasar a una fase 1 de pago que cubra todas las plantas.",
                       "Ampliar el piloto cuatro semanas para cerrar las dudas de integración."))]
    return Built(text(out))


@template("sales_data", "sales.revenue_by_month_xlsx", ("de", "fr"), ".xlsx")
def revenue_by_month(c: Ctx) -> Built:
    header = c.t({"de": ["Kunde", "Region", "Produktlinie", "Monat", "Umsatz EUR", "Vorjahr EUR", "Abweichung %"],
                  "fr": ["Client", "Région", "Gamme", "Mois", "CA HT EUR", "CA N-1 EUR", "Évolution %"]})
    regions = c.t({"de": ("Nord", "Süd", "West", "Ost", "DACH Export"), "fr": ("Île-de-France", "Sud-Est", "Ouest", "Nord", "Export")})
    lines = c.t({"de": ("Hardware", "Lizenzen", "Wartung", "Dienstleistung"), "fr": ("Matériel", "Licences", "Maintenance", "Services")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(18, 40)):
        revenue = round(c.rng.uniform(2_000, 90_000), 2)
        last = round(revenue * c.rng.uniform(0.6, 1.3), 2)
        rows.append([c.company().name, c.pick(regions), c.pick(lines), MONTHS[c.lang][c.rng.randrange(12)], revenue, last,
                     round((revenue - last) / last * 100, 1)])
    sheet = c.t({"de": f"Umsatz {c.day.year}", "fr": f"Ventes {c.day.year}"})
    return Built(xlsx([(sheet, header, rows)], c, c.person().name))


@template("sales_strategy", "strategy.win_plan_docx", ("en", "fr"), ".docx")
def win_plan(c: Ctx) -> Built:
    customer, owner = c.company(), c.person(c.vendor())
    rival, other = c.some(COMPETITORS, 2)
    value = c.money(c.rng.randint(80, 900) * 1000)
    cap = c.rng.choice((10, 12, 15, 20))
    if c.lang == "en":
        title = f"Win plan: {customer.name} renewal {c.day.year + 1}"
        blocks: list[str | list[list[str]]] = [
            f"Owner: {owner.name}. Deal value: {value}. Decision expected in Q{c.rng.randint(1, 4)}.",
            "## Where we stand",
            f"{rival} is the incumbent in two of their business units and is offering a three-year lock-in. "
            f"{other} was shortlisted last year but dropped out on price.",
            "## Buying centre",
            [["Person", "Role in decision", "Attitude"], ["CIO", "Signs off", "Neutral"], ["Head of procurement", "Runs the tender",
             "Price driven"], ["Plant IT lead", "Technical evaluator", "Champion"]],
            "## How we win",
            "- Lead with the integration story: their plant IT lead already uses our connector",
            f"- Do not compete on licence price with {rival}; bundle the support tier instead",
            f"- Maximum discount without director approval: {cap}%",
            "## Risks", f"- Procurement may split the award between us and {rival}", "- Budget freeze announced for H2",
        ]
    else:
        title = f"Stratégie de conquête : {customer.name} ({c.day.year + 1})"
        blocks = [
            f"Responsable : {owner.name}. Montant visé : {value}. Décision attendue au T{c.rng.randint(1, 4)}.",
            "## Situation",
            f"{rival} est en place dans deux directions et propose un engagement de trois ans. "
            f"{other} avait été retenu l'an dernier puis écarté sur le prix.",
            "## Décideurs",
            [["Interlocuteur", "Rôle", "Position"], ["DSI", "Valide", "Neutre"], ["Directeur des achats", "Pilote l'appel d'offres",
             "Sensible au prix"], ["Responsable IT usine", "Évaluateur technique", "Allié"]],
            "## Notre angle d'attaque",
            "- Mettre en avant l'intégration : l'équipe IT usine utilise déjà notre connecteur",
            f"- Ne pas se battre sur le prix des licences face à {rival} ; inclure le support premium",
            f"- Remise maximale sans accord de la direction : {cap} %",
            "## Risques", f"- Les achats pourraient partager le marché avec {rival}", "- Gel budgétaire annoncé au second semestre",
        ]
    return Built(docx(title, blocks, c, owner.name))


@template("product_order", "order.erp_order_txt", ("de", "es"), ".txt")
def erp_order(c: Ctx) -> Built:
    buyer, supplier = c.person(), c.vendor()
    number = f"45000{c.rng.randrange(10000, 99999)}"
    items = c.items(2, 5)
    total = sum(i.total for i in items)
    if c.lang == "de":
        out = [f"{buyer.company.name}", f"{buyer.company.street}, {buyer.company.city}", "",
               f"Bestellung Nr. {number} vom {c.datestr(long=False)}", "",
               f"Lieferant: {supplier.name}, {supplier.street}, {supplier.city}",
               f"Ansprechpartner Einkauf: {buyer.name}, Tel. {buyer.phone}", "",
               "Pos  Material   Bezeichnung                       Menge  ME   Preis/ME      Wert"]
        out += [f"{10 * (n + 1):<4} {i.sku:<10} {i.description:<33} {i.quantity:>5}  ST   {c.number(i.unit_price):>10} "
                f"{c.number(i.total):>10}" for n, i in enumerate(items)]
        out += ["", f"Gesamtwert netto EUR {c.number(total)}", f"Liefertermin: {c.datestr(c.later(21), long=False)}",
                "Lieferbedingung: frei Haus", "Bitte Bestellnummer auf Lieferschein und Rechnung angeben."]
    else:
        out = [f"{buyer.company.name}", f"{buyer.company.street}, {buyer.company.city}", "",
               f"PEDIDO DE COMPRA N.º {number}      Fecha: {c.datestr(long=False)}", "",
               f"Proveedor: {supplier.name}, {supplier.street}, {supplier.city}",
               f"Comprador: {buyer.name}, tel. {buyer.phone}", "",
               "Pos  Código     Descripción                       Cant.  Ud.  Precio ud.   Importe"]
        out += [f"{10 * (n + 1):<4} {i.sku:<10} {i.description:<33} {i.quantity:>5}  ud   {c.number(i.unit_price):>10} "
                f"{c.number(i.total):>10}" for n, i in enumerate(items)]
        out += ["", f"Total pedido (sin IVA): {c.number(total)} EUR", f"Fecha de entrega: {c.datestr(c.later(21), long=False)}",
                "Indique el número de pedido en el albarán y en la factura."]
    return Built(text(out))


@template("offer", "offer.commercial_proposal_pptx", ("en", "de"), ".pptx")
def commercial_proposal(c: Ctx) -> Built:
    customer, seller = c.company(), c.person(c.vendor())
    items = c.items(2, 4)
    total = sum(i.total for i in items)
    valid = c.datestr(c.later(45))
    if c.lang == "en":
        slides = [(f"Commercial proposal for {customer.name}", [f"{seller.company.name}", c.datestr(), seller.name]),
                  ("What you get", [f"{i.quantity} x {i.description}" for i in items]),
                  ("Your investment", [f"{i.description}: {c.money(i.total)}" for i in items] + [f"Total: {c.money(total)} excl. VAT"]),
                  ("Commercial terms", [f"Prices valid until {valid}", "Payment 30 days after delivery",
                                        "Includes onboarding workshop"]),
                  ("Next steps", ["Confirm scope by email", "We send the order form for signature"])]
    else:
        slides = [(f"Angebot für {customer.name}", [f"{seller.company.name}", c.datestr(), seller.name]),
                  ("Leistungsumfang", [f"{i.quantity} x {i.description}" for i in items]),
                  ("Ihre Investition", [f"{i.description}: {c.money(i.total)}" for i in items] + [f"Summe: {c.money(total)} zzgl. MwSt."]),
                  ("Konditionen", [f"Preise gültig bis {valid}", "Zahlung 30 Tage nach Lieferung", "inklusive Einführungsworkshop"]),
                  ("Nächste Schritte", ["Umfang per E-Mail bestätigen", "Wir senden Ihnen das Bestellformular zur Unterschrift"])]
    return Built(pptx(slides, c, seller.name))


@template("invoice", "invoice.saas_receipt_html", ("fr", "en"), ".html")
def saas_invoice(c: Ctx) -> Built:
    customer, seller = c.person(), c.vendor()
    seats = c.rng.randint(3, 60)
    price = c.pick((12.0, 19.0, 29.0, 49.0))
    net = seats * price
    vat = net * 0.2
    number = f"{c.rng.randrange(1000, 9999)}-{c.rng.randrange(1000, 9999)}"
    start = c.day.replace(day=1)
    period = f"{c.datestr(start, long=False)} - {c.datestr(c.later(30), long=False)}"
    if c.lang == "en":
        rows = [("Plan", "Team (monthly)"), ("Seats", str(seats)), ("Price per seat", c.money(price)), ("Subtotal", c.money(net)),
                ("VAT (20%)", c.money(vat)), ("Total", c.money(net + vat))]
        head, intro = f"Invoice {number}", [f"Billed to: {customer.company.name}, {customer.name}",
                                             f"Service period: {period}", f"Date issued: {c.datestr()}"]
        tail = "Paid by card ending 4242. Thank you for your business."
    else:
        rows = [("Offre", "Équipe (mensuelle)"), ("Utilisateurs", str(seats)), ("Prix par utilisateur", c.money(price)),
                ("Total HT", c.money(net)), ("TVA (20 %)", c.money(vat)), ("Total TTC", c.money(net + vat))]
        head, intro = f"Facture n° {number}", [f"Facturé à : {customer.company.name}, {customer.name}",
                                                f"Période : {period}", f"Date d'émission : {c.datestr()}"]
        tail = "Réglée par carte se terminant par 4242. Merci de votre confiance."
    html = ["<!DOCTYPE html>", f"<html lang=\"{c.lang}\"><head><meta charset=\"utf-8\"><title>{head}</title></head><body>",
            f"<h1>{seller.name}</h1>", f"<h2>{head}</h2>", *(f"<p>{line}</p>" for line in intro), "<table>",
            *(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows), "</table>", f"<p>{tail}</p>",
            f"<p>{seller.street}, {seller.city}</p>", "</body></html>"]
    return Built(text(html))


@template("contract", "contract.data_processing_pdf", ("en", "es"), ".pdf")
def data_processing(c: Ctx) -> Built:
    controller, processor = c.person(), c.person(c.vendor())
    if c.lang == "en":
        title = "Data Processing Addendum"
        lines = [f"This Data Processing Addendum (\"DPA\") is entered into on {c.datestr(long=True)} between "
                 f"{controller.company.name} (the \"Controller\") and {processor.company.name} (the \"Processor\").", "",
                 "1. Subject matter. The Processor processes personal data on behalf of the Controller only on documented "
                 "instructions, for the duration of the main services agreement.",
                 "2. Confidentiality. The Processor ensures that persons authorised to process the personal data have committed "
                 "themselves to confidentiality.",
                 "3. Sub-processors. The Processor shall not engage another processor without prior written authorisation.",
                 "4. Deletion. At the end of the provision of services the Processor shall delete or return all personal data.",
                 "5. Governing law. This DPA is governed by the laws of England and Wales.", "",
                 "Signed for and on behalf of the Controller:  ______________________",
                 f"Name: {controller.name}    Title: {controller.role}    Date: __________", "",
                 "Signed for and on behalf of the Processor:  ______________________",
                 f"Name: {processor.name}    Title: {processor.role}    Date: __________"]
    else:
        title = "Contrato de encargado del tratamiento"
        lines = [f"En {controller.company.city.split(' ', 1)[-1]}, a {c.datestr(long=True)}", "", "REUNIDOS",
                 f"De una parte, {controller.name}, en nombre y representación de {controller.company.name} "
                 "(en adelante, el \"Responsable\").",
                 f"De otra parte, {processor.name}, en nombre y representación de {processor.company.name} "
                 "(en adelante, el \"Encargado\").", "", "CLÁUSULAS",
                 "PRIMERA.- Objeto. El Encargado tratará los datos personales por cuenta del Responsable únicamente "
                 "siguiendo sus instrucciones documentadas.",
                 "SEGUNDA.- Duración. El presente contrato tendrá la misma duración que el contrato principal de servicios.",
                 "TERCERA.- Confidencialidad. El Encargado garantiza que las personas autorizadas se han comprometido a "
                 "respetar la confidencialidad.",
                 "CUARTA.- Destino de los datos. Al finalizar la prestación, el Encargado suprimirá o devolverá los datos.", "",
                 "Y en prueba de conformidad, las partes firman el presente contrato por duplicado.", "",
                 "El Responsable: ______________________        El Encargado: ______________________"]
    return Built(pdf(title, lines, c, controller.name))


@template("customer_asset", "asset.firewall_rules_xlsx", ("en", "de"), ".xlsx")
def firewall_rules(c: Ctx) -> Built:
    customer = c.company()
    header = c.t({"en": ["Rule", "Source", "Destination", "Port", "Protocol", "Action", "Comment"],
                  "de": ["Regel", "Quelle", "Ziel", "Port", "Protokoll", "Aktion", "Kommentar"]})
    comments = c.t({"en": ("ERP to database", "Backup traffic", "Admin jump host", "Monitoring", "Mail relay", "Legacy - review"),
                    "de": ("ERP zur Datenbank", "Sicherung", "Admin-Sprunghost", "Überwachung", "Mail-Relay", "Altlast - prüfen")})
    rows: list[list[object]] = []
    for number in range(1, c.rng.randint(12, 30)):
        source = f"10.{c.rng.randrange(1, 40)}.{c.rng.randrange(256)}.0/24"
        target = f"10.{c.rng.randrange(1, 40)}.{c.rng.randrange(256)}.{c.rng.randrange(2, 250)}"
        port = c.pick((22, 25, 443, 1433, 3389, 5432, 8080, 9100))
        rows.append([number * 10, source, target, port, c.pick(("TCP", "TCP", "UDP")), c.pick(("allow", "allow", "deny")),
                     c.pick(comments)])
    sheet = c.t({"en": f"FW {customer.name}"[:31], "de": f"FW {customer.name}"[:31]})
    return Built(xlsx([(sheet, header, rows)], c, c.person(c.vendor()).name))


@template("internal_comment", "internal.retro_md", ("de", "es"), ".md")
def retro(c: Ctx) -> Built:
    customer, lead = c.company(), c.person(c.vendor())
    team = [c.person(c.vendor()) for _ in range(3)]
    if c.lang == "de":
        out = [f"# Retro Projekt {customer.name} - Sprint {c.rng.randint(3, 30)}", "",
               f"Moderation: {lead.name}. Dabei: {', '.join(p.first for p in team)}.", "",
               "**Nicht an den Kunden weitergeben.**", "",
               "## Was lief gut", "- Abnahme der Schnittstelle ohne Nacharbeit", "- Tägliches Stand-up hat sich bewährt", "",
               "## Was lief nicht gut",
               f"- Der IT-Leiter bei {customer.name} blockiert jede Änderung, wir sollten über seinen Chef gehen",
               "- Aufwand für Testdaten um 3 PT unterschätzt, das berechnen wir nicht weiter", "",
               "## Maßnahmen", f"- [ ] {team[0].first}: Eskalationsweg mit Vertrieb klären",
               f"- [ ] {team[1].first}: Schätzung für Phase 2 neu machen"]
    else:
        out = [f"# Retrospectiva proyecto {customer.name} - sprint {c.rng.randint(3, 30)}", "",
               f"Facilita: {lead.name}. Asisten: {', '.join(p.first for p in team)}.", "",
               "**No compartir con el cliente.**", "",
               "## Qué fue bien", "- La interfaz se aceptó sin retrabajo", "- La reunión diaria funciona", "",
               "## Qué mejorar",
               f"- El responsable de sistemas de {customer.name} bloquea cualquier cambio; habría que hablar con su jefe",
               "- Subestimamos en 3 jornadas los datos de prueba y no los vamos a facturar", "",
               "## Acciones", f"- [ ] {team[0].first}: acordar con ventas cómo escalar",
               f"- [ ] {team[1].first}: rehacer la estimación de la fase 2"]
    return Built(text(out))


@template("correspondence", "corr.reply_thread_eml", ("es", "fr"), ".eml")
def reply_thread(c: Ctx) -> Built:
    sender, recipient = c.person(c.vendor()), c.person()
    day = c.datestr(c.later(-2), long=True)
    if c.lang == "es":
        subject = c.pick(("RE: Taller de formación", "RE: Visita a la planta", "RE: Cambio de fecha"))
        body = (f"Hola {recipient.first}:\n\nGracias por la respuesta. Nos viene bien el jueves por la mañana; "
                "llevaremos a dos compañeros del equipo técnico.\n\nUn saludo,\n"
                f"{sender.name}\n{sender.phone}\n\n"
                f"El {day}, {recipient.name} <{recipient.email}> escribió:\n"
                "> ¿Os vendría bien el jueves o el viernes? El miércoles tenemos auditoría.\n> Saludos\n")
    else:
        subject = c.pick(("RE: Atelier de formation", "RE: Visite du site", "RE: Changement de date"))
        body = (f"Bonjour {recipient.first},\n\nMerci pour votre retour. Jeudi matin nous convient ; nous viendrons avec deux "
                "collègues de l'équipe technique.\n\nBien à vous,\n"
                f"{sender.name}\n{sender.phone}\n\n"
                f"Le {day}, {recipient.name} <{recipient.email}> a écrit :\n"
                "> Jeudi ou vendredi vous irait-il ? Mercredi nous avons un audit.\n> Cordialement\n")
    return Built(eml(c, sender, [recipient], subject, body))


@template("personnel", "hr.absences_xlsx", ("fr", "de"), ".xlsx")
def absences(c: Ctx) -> Built:
    company = c.company()
    header = c.t({"fr": ["Matricule", "Collaborateur", "Service", "Type d'absence", "Du", "Au", "Jours"],
                  "de": ["Personalnr.", "Mitarbeiter", "Abteilung", "Abwesenheitsart", "Von", "Bis", "Tage"]})
    kinds = c.t({"fr": ("Congés payés", "Maladie", "RTT", "Congé parental", "Formation"),
                 "de": ("Urlaub", "Krankheit", "Elternzeit", "Sonderurlaub", "Fortbildung")})
    units = c.t({"fr": ("Comptabilité", "Ventes", "Production", "Logistique"), "de": ("Buchhaltung", "Vertrieb", "Produktion", "Lager")})
    rows: list[list[object]] = []
    for _ in range(c.rng.randint(10, 25)):
        person = c.person(company)
        start = c.later(c.rng.randrange(300))
        days = c.rng.randint(1, 15)
        rows.append([c.rng.randrange(1000, 9999), person.name, c.pick(units), c.pick(kinds), c.datestr(start, long=False),
                     c.datestr(start + timedelta(days=days), long=False), days])
    sheet = c.t({"fr": f"Absences {c.day.year}", "de": f"Abwesenheiten {c.day.year}"})
    return Built(xlsx([(sheet, header, rows)], c, c.person(company).name))


@template("financial", "fin.ledger_csv", ("en", "es"), ".csv")
def ledger(c: Ctx) -> Built:
    accounts = c.t({"en": (("1200", "Bank current account"), ("4000", "Sales"), ("5000", "Cost of goods"), ("6100", "Rent"),
                           ("6200", "Salaries"), ("2200", "VAT payable")),
                    "es": (("572", "Bancos c/c"), ("700", "Ventas de mercaderías"), ("600", "Compras"), ("621", "Arrendamientos"),
                           ("640", "Sueldos y salarios"), ("477", "HP IVA repercutido"))})
    header = c.t({"en": ["Date", "Journal", "Entry", "Account", "Account name", "Debit", "Credit", "Balance"],
                  "es": ["Fecha", "Diario", "Asiento", "Cuenta", "Descripción", "Debe", "Haber", "Saldo"]})
    balance = round(c.rng.uniform(10_000, 200_000), 2)
    rows: list[list[object]] = []
    for entry in range(c.rng.randint(15, 40)):
        number, name = c.pick(accounts)
        amount = round(c.rng.uniform(100, 25_000), 2)
        debit = c.maybe()
        balance = round(balance + (amount if debit else -amount), 2)
        rows.append([c.datestr(c.later(entry), long=False), c.pick(("GJ", "BANK", "AP", "AR")), 1000 + entry, number, name,
                     f"{amount:.2f}" if debit else "", "" if debit else f"{amount:.2f}", f"{balance:.2f}"])
    return Built(csv_text(header, rows, ";" if c.lang == "es" else ","))


@template("source_code", "code.typescript", ("en", "fr"), ".ts")
def typescript_source(c: Ctx) -> Built:
    comment = c.t({"en": ("// Retries a request with exponential back-off.", "// Returns the parsed body or throws."),
                   "fr": ("// Relance une requête avec un délai exponentiel.", "// Renvoie le corps décodé ou lève une erreur.")})
    attempts = c.rng.randint(3, 6)
    out = ["import { setTimeout as sleep } from 'node:timers/promises';", "",
           "export interface RetryOptions {", "  attempts: number;", "  baseDelayMs: number;", "}", "",
           comment[0], f"export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = "
           f"{{ attempts: {attempts}, baseDelayMs: {c.pick((100, 250, 500))} }}): Promise<T> {{",
           "  let lastError: unknown;", "  for (let attempt = 0; attempt < options.attempts; attempt++) {", "    try {",
           "      return await task();", "    } catch (error) {", "      lastError = error;",
           "      await sleep(options.baseDelayMs * 2 ** attempt);", "    }", "  }", "  throw lastError;", "}", "",
           comment[1], "export async function fetchJson<T>(url: string): Promise<T> {",
           "  const response = await withRetry(() => fetch(url));",
           "  if (!response.ok) {", "    throw new Error(`HTTP ${response.status}`);", "  }",
           "  return (await response.json()) as T;", "}"]
    return Built(text(out))


@template("credentials", "cred.docker_compose_yml", ("en", "de"), ".yml")
def docker_compose(c: Ctx) -> Built:
    note = c.t({"en": "# production stack - do not commit", "de": "# Produktivumgebung - nicht einchecken"})
    out = [note, "services:", "  db:", "    image: postgres:15", "    environment:", "      POSTGRES_USER: app",
           f"      POSTGRES_PASSWORD: {password(c)}", "  app:", "    image: registry.example.com/shop/app:2.3", "    environment:",
           f"      DATABASE_URL: postgres://app:{password(c)}@db:5432/shop", f"      STRIPE_SECRET_KEY: sk_live_{token(c, 24)}",
           f"      JWT_SECRET: {token(c, 40)}", "    ports:", "      - \"8080:8080\""]
    return Built(text(out))


@template("contact_list", "contacts.phone_directory_pdf", ("es", "fr"), ".pdf")
def phone_directory(c: Ctx) -> Built:
    company = c.company()
    people = [c.person(company) for _ in range(c.rng.randint(8, 16))]
    title = c.t({"es": f"Directorio telefónico - {company.name}", "fr": f"Annuaire téléphonique - {company.name}"})
    head = c.t({"es": "Nombre | Cargo | Extensión | Móvil | Correo", "fr": "Nom | Fonction | Poste | Portable | E-mail"})
    lines = [c.t({"es": f"Actualizado: {c.datestr()}", "fr": f"Mise à jour : {c.datestr()}"}), "", head]
    lines += [f"{p.name} | {p.role} | {c.rng.randrange(200, 899)} | {p.phone} | {p.email}" for p in people]
    return Built(pdf(title, lines, c, people[0].name))


@template("other", "other.release_notes_md", ("en", "de"), ".md")
def release_notes(c: Ctx) -> Built:
    version = f"{c.rng.randint(2, 9)}.{c.rng.randint(0, 20)}.{c.rng.randint(0, 9)}"
    if c.lang == "en":
        out = [f"# Release notes - version {version}", "", f"Released {c.datestr()}.", "", "## New",
               "- Dark mode for the dashboard", "- Export of charts as PNG", "", "## Fixed",
               "- The date picker no longer jumps to January", "- Faster start on large workspaces", "", "## Known issues",
               "- Printing from Safari cuts the last column"]
    else:
        out = [f"# Versionshinweise {version}", "", f"Veröffentlicht am {c.datestr()}.", "", "## Neu",
               "- Dunkles Design für das Dashboard", "- Diagramme als PNG exportieren", "", "## Behoben",
               "- Die Datumsauswahl springt nicht mehr auf Januar", "- Schnellerer Start bei großen Arbeitsbereichen", "",
               "## Bekannte Probleme", "- Beim Drucken aus Safari fehlt die letzte Spalte"]
    return Built(text(out))


# --------------------------------------------------------------------------- blind round 2, now training templates
# Written after round 1's fixes, before their model was frozen (models/categories.json sha256 5f4498d5…), from
# how such documents look rather than from the lexicon, and scored once as they stood with that model: top-1
# 0.604, macro-F1 0.564. They then joined the training templates as round 1 did (positions 8 in their
# categories). Rounds 3 to 5 live in sample_data/category_round3.py to category_round5.py, the current blind
# round in sample_data/category_blind.py.


@template("proof_of_concept", "poc.blind_test_setup_txt", ("de", "fr"), ".txt")
def blind_test_setup(c: Ctx) -> Built:
    customer, engineer = c.company(), c.person(c.vendor())
    product = c.pick(POC_PRODUCTS)
    weeks, vms = c.rng.randint(2, 8), c.rng.randint(2, 5)
    if c.lang == "de":
        out = [f"Teststellung {product} bei {customer.name}", "", f"Verantwortlich: {engineer.name}, {engineer.phone}",
               f"Laufzeit: {weeks} Wochen ab {c.datestr()}", "",
               "Ziel", f"{customer.name} möchte vor einer Kaufentscheidung prüfen, ob {product} mit den vorhandenen "
               "Maschinendaten zurechtkommt.", "",
               "Voraussetzungen beim Kunden", f"- {vms} virtuelle Maschinen mit je 8 vCPU und 32 GB RAM",
               "- Zugriff auf das Test-Netz der Fertigung", "- ein Ansprechpartner aus der Instandhaltung", "",
               "Abnahme", "Die Teststellung gilt als erfolgreich, wenn die drei vereinbarten Szenarien ohne Datenverlust "
               "durchlaufen. Danach Rückbau der Installation oder Überführung in den Betrieb."]
    else:
        out = [f"Maquette {product} chez {customer.name}", "", f"Responsable : {engineer.name}, {engineer.phone}",
               f"Durée : {weeks} semaines à partir du {c.datestr()}", "",
               "Objectif", f"Avant toute décision d'achat, {customer.name} veut vérifier que {product} sait traiter les "
               "données de ses machines.", "",
               "Prérequis côté client", f"- {vms} machines virtuelles de 8 vCPU et 32 Go de RAM",
               "- accès au réseau de test de l'usine", "- un interlocuteur de la maintenance", "",
               "Validation", "La maquette est concluante si les trois scénarios convenus passent sans perte de données. "
               "Ensuite, désinstallation ou passage en production."]
    return Built(text(out))


@template("sales_data", "sales.blind_bookings_by_rep_pdf", ("en", "es"), ".pdf")
def blind_bookings_by_rep(c: Ctx) -> Built:
    quarter = c.rng.randint(1, 4)
    reps = [c.person(c.vendor()) for _ in range(c.rng.randint(5, 9))]
    regions = c.t({"en": ("North America", "UK & Ireland", "Nordics", "Benelux"), "es": ("Centro", "Cataluña", "Levante", "Sur")})
    lines = [c.t({"en": f"Quarter {quarter} {c.day.year}, status {c.datestr()}", "es": f"Trimestre {quarter} de {c.day.year}, "
                  f"a {c.datestr()}"}), ""]
    lines.append(c.t({"en": "Rep | Region | Deals won | Booked | Quota | Attainment",
                      "es": "Comercial | Zona | Operaciones ganadas | Contratado | Objetivo | Cumplimiento"}))
    total = 0.0
    for rep in reps:
        booked = round(c.rng.uniform(40_000, 600_000), -2)
        quota = round(c.rng.uniform(200_000, 500_000), -3)
        total += booked
        lines.append(f"{rep.name} | {c.pick(regions)} | {c.rng.randint(1, 14)} | {c.money(booked)} | {c.money(quota)} | "
                     f"{booked / quota * 100:.0f}%")
    lines += ["", c.t({"en": f"Team total: {c.money(total)}", "es": f"Total del equipo: {c.money(total)}"})]
    title = c.t({"en": f"Q{quarter} bookings by rep", "es": f"Ventas del T{quarter} por comercial"})
    return Built(pdf(title, lines, c, reps[0].name))


@template("sales_strategy", "strategy.blind_channel_pptx", ("de", "es"), ".pptx")
def blind_channel(c: Ctx) -> Built:
    owner = c.person(c.vendor())
    year = c.day.year + 1
    rival = c.pick(COMPETITORS)
    share = c.rng.randint(20, 60)
    if c.lang == "de":
        slides = [(f"Partnerstrategie {year}", [owner.name, owner.role]),
                  ("Ausgangslage", [f"{share} % des Umsatzes kommt heute über Partner", f"{rival} wirbt unsere Systemhäuser ab"]),
                  ("Zielmärkte", ["Mittelstand Fertigung in Süddeutschland", "Öffentliche Hand über Rahmenverträge der Partner"]),
                  ("Partnerprogramm", ["Drei Stufen: Registered, Silver, Gold", "Gold: 25 % Marge und eigener Presales-Kontakt"]),
                  ("Ziele", [f"Partneranteil auf {share + 15} % steigern", "Zehn neue Gold-Partner bis Jahresende"])]
    else:
        slides = [(f"Estrategia de canal {year}", [owner.name, owner.role]),
                  ("Punto de partida", [f"El {share} % de la facturación llega hoy por partners",
                                        f"{rival} está captando a nuestros integradores"]),
                  ("Mercados prioritarios", ["Industria mediana en el norte", "Administración pública a través de partners"]),
                  ("Programa de partners", ["Tres niveles: Registered, Silver, Gold", "Gold: 25 % de margen y preventa dedicada"]),
                  ("Objetivos", [f"Subir la cuota de canal al {share + 15} %", "Diez nuevos partners Gold antes de fin de año"])]
    return Built(pptx(slides, c, owner.name))


@template("product_order", "order.blind_api_order_json", ("en", "fr"), ".json")
def blind_api_order(c: Ctx) -> Built:
    buyer = c.person()
    items = c.items(1, 4)
    if c.lang == "en":
        order: dict[str, object] = {
            "orderId": f"SO-{c.rng.randrange(100000, 999999)}", "createdAt": f"{c.day.isoformat()}T10:{c.rng.randrange(60):02d}:00Z",
            "status": c.pick(("confirmed", "processing", "shipped")),
            "customer": {"name": buyer.name, "email": buyer.email, "company": buyer.company.name},
            "shipTo": {"street": buyer.company.street, "city": buyer.company.city},
            "lines": [{"sku": i.sku, "description": i.description, "quantity": i.quantity, "unitPrice": i.unit_price,
                       "lineTotal": i.total} for i in items],
            "currency": "USD", "orderTotal": round(sum(i.total for i in items), 2)}
    else:
        order = {
            "numeroCommande": f"CMD-{c.rng.randrange(100000, 999999)}", "dateCommande": c.day.isoformat(),
            "statut": c.pick(("validée", "en préparation", "expédiée")),
            "client": {"nom": buyer.name, "courriel": buyer.email, "societe": buyer.company.name},
            "livraison": {"adresse": buyer.company.street, "ville": buyer.company.city},
            "lignes": [{"reference": i.sku, "libelle": i.description, "quantite": i.quantity, "prixUnitaireHT": i.unit_price,
                        "montantHT": i.total} for i in items],
            "devise": "EUR", "totalHT": round(sum(i.total for i in items), 2)}
    return Built((json.dumps(order, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


@template("offer", "offer.blind_estimate_txt", ("de", "fr"), ".txt")
def blind_estimate(c: Ctx) -> Built:
    customer, seller = c.person(), c.person(c.vendor())
    days = c.rng.randint(5, 40)
    rate = c.pick((950.0, 1100.0, 1250.0))
    travel = c.pick((0.0, 800.0, 1500.0))
    number = c.code(c.t({"de": "KV", "fr": "PT"}), 4)
    if c.lang == "de":
        out = [seller.company.name, "", f"An {customer.company.name}, z. Hd. {customer.name}", "",
               f"Kostenvoranschlag {number}", f"Datum: {c.datestr()}", "",
               "Für die Migration Ihrer Lagerverwaltung schätzen wir folgenden Aufwand:",
               f"  Beratung und Umsetzung: {days} Personentage zu je {c.money(rate)} = {c.money(days * rate)}",
               f"  Reisekosten pauschal: {c.money(travel)}",
               f"  Summe: {c.money(days * rate + travel)} zuzüglich gesetzlicher Umsatzsteuer", "",
               "Abweichungen von mehr als 10 % teilen wir Ihnen vorab mit.",
               f"An diesen Kostenvoranschlag halten wir uns 6 Wochen gebunden. Ihr Ansprechpartner: {seller.name}, {seller.phone}"]
    else:
        out = [seller.company.name, "", f"À l'attention de {customer.name}, {customer.company.name}", "",
               f"Proposition tarifaire {number}", f"Date : {c.datestr()}", "",
               "Pour la migration de votre gestion d'entrepôt, nous estimons la charge comme suit :",
               f"  Conseil et réalisation : {days} jours à {c.money(rate)} = {c.money(days * rate)}",
               f"  Frais de déplacement forfaitaires : {c.money(travel)}",
               f"  Total : {c.money(days * rate + travel)} hors taxes", "",
               "Tout dépassement de plus de 10 % vous sera signalé à l'avance.",
               f"Proposition valable six semaines. Votre contact : {seller.name}, {seller.phone}"]
    return Built(text(out))


@template("invoice", "invoice.blind_hotel_bill_pdf", ("es", "de"), ".pdf")
def blind_hotel_bill(c: Ctx) -> Built:
    guest = c.person()
    nights = c.rng.randint(1, 6)
    room = c.pick((89.0, 119.0, 145.0))
    breakfast = c.pick((12.0, 15.0, 18.5))
    net = nights * (room + breakfast)
    hotel = c.t({"es": "Hotel Mirador", "de": "Hotel Am Stadtpark"})
    number = c.rng.randrange(100000, 999999)
    if c.lang == "es":
        title = f"{hotel} - Factura {number}"
        lines = [f"Cliente: {guest.name}, {guest.company.name}", f"Llegada: {c.datestr(long=False)}   "
                 f"Salida: {c.datestr(c.later(nights), long=False)}   Habitación {c.rng.randint(101, 520)}", "",
                 f"Alojamiento  {nights} noches x {c.money(room)} = {c.money(nights * room)}",
                 f"Desayuno  {nights} x {c.money(breakfast)} = {c.money(nights * breakfast)}", "",
                 f"Base imponible: {c.money(net)}   IVA 10%: {c.money(net * 0.1)}", f"Total: {c.money(net * 1.1)}",
                 "Pagado con tarjeta. Gracias por su visita."]
    else:
        title = f"{hotel} - Rechnung {number}"
        lines = [f"Gast: {guest.name}, {guest.company.name}", f"Anreise: {c.datestr(long=False)}   "
                 f"Abreise: {c.datestr(c.later(nights), long=False)}   Zimmer {c.rng.randint(101, 520)}", "",
                 f"Übernachtung  {nights} x {c.money(room)} = {c.money(nights * room)}",
                 f"Frühstück  {nights} x {c.money(breakfast)} = {c.money(nights * breakfast)}", "",
                 f"Netto: {c.money(net)}   MwSt. 7%: {c.money(net * 0.07)}", f"Gesamt: {c.money(net * 1.07)}",
                 "Bezahlt mit Kreditkarte. Vielen Dank für Ihren Aufenthalt."]
    return Built(pdf(title, lines, c, hotel))


@template("contract", "contract.blind_lease_docx", ("de", "fr"), ".docx")
def blind_lease(c: Ctx) -> Built:
    landlord, tenant = c.person(), c.person(c.vendor())
    rent = c.rng.randint(18, 60) * 100
    area = c.rng.randint(120, 900)
    if c.lang == "de":
        title = "Mietvertrag über Gewerberäume"
        blocks: list[str | list[list[str]]] = [
            f"Zwischen {landlord.company.name}, vertreten durch {landlord.name} (Vermieter), und {tenant.company.name}, "
            f"vertreten durch {tenant.name} (Mieter), wird Folgendes vereinbart:",
            f"§ 1 Mietgegenstand. Vermietet werden Büroräume mit {area} m² in {landlord.company.street}, {landlord.company.city}.",
            f"§ 2 Mietzeit. Das Mietverhältnis beginnt am {c.datestr(long=True)} und läuft fünf Jahre.",
            f"§ 3 Miete. Die monatliche Miete beträgt {c.money(rent)} zuzüglich Nebenkosten und ist im Voraus zu zahlen.",
            "§ 4 Kaution. Der Mieter leistet eine Sicherheit in Höhe von drei Monatsmieten.",
            "§ 5 Schlussbestimmungen. Änderungen bedürfen der Schriftform.",
            f"{landlord.company.city.split(' ', 1)[-1]}, den ____________",
            "______________________ Vermieter        ______________________ Mieter"]
    else:
        title = "Bail commercial"
        blocks = [
            f"Entre les soussignés : {landlord.company.name}, représentée par {landlord.name}, ci-après « le Bailleur », "
            f"et {tenant.company.name}, représentée par {tenant.name}, ci-après « le Preneur ».",
            f"Article 1 - Désignation. Le Bailleur donne à bail des locaux de {area} m² situés {landlord.company.street}, "
            f"{landlord.company.city}.",
            f"Article 2 - Durée. Le bail est consenti pour neuf années à compter du {c.datestr(long=True)}.",
            f"Article 3 - Loyer. Le loyer annuel est fixé à {c.money(rent * 12)} hors charges, payable trimestriellement.",
            "Article 4 - Dépôt de garantie. Le Preneur verse un dépôt égal à trois mois de loyer.",
            f"Fait à {landlord.company.city.split(' ', 1)[-1]}, en deux exemplaires originaux.",
            "Le Bailleur : ______________________        Le Preneur : ______________________"]
    return Built(docx(title, blocks, c, landlord.name))


@template("customer_asset", "asset.blind_laptops_csv", ("es", "fr"), ".csv")
def blind_laptops(c: Ctx) -> Built:
    customer = c.company()
    header = c.t({"es": ["Equipo", "Número de serie", "Modelo", "Usuario asignado", "Sede", "Fecha de compra", "Garantía hasta"],
                  "fr": ["Poste", "N° de série", "Modèle", "Utilisateur", "Site", "Date d'achat", "Fin de garantie"]})
    models = ("Latitude 5430", "ThinkPad T14", "EliteBook 840", "MacBook Pro 14")
    rows: list[list[object]] = []
    for number in range(c.rng.randint(12, 30)):
        bought = c.later(-c.rng.randrange(1, 900))
        rows.append([f"{customer.name.split()[0][:3].upper()}-NB-{number + 1:03d}", token(c, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
                     c.pick(models), c.person(customer).name, customer.city.split(" ", 1)[-1], bought.isoformat(),
                     (bought + timedelta(days=3 * 365)).isoformat()])
    return Built(csv_text(header, rows, ";"))


@template("internal_comment", "internal.blind_chat_export_txt", ("en", "fr"), ".txt")
def blind_chat_export(c: Ctx) -> Built:
    customer = c.company()
    a, b, d = (c.person(c.vendor()) for _ in range(3))
    lines = c.t({
        "en": [f"{a.first}: call with {customer.name} went badly, they want the discount or they walk",
               f"{b.first}: honestly their IT lead has no idea what he's asking for",
               f"{a.first}: let's not put that in writing to them :)",
               f"{d.first}: I can live with 8% if they sign this quarter, not more",
               f"{b.first}: ok, I'll draft the reply tonight, please check before it goes out",
               f"{d.first}: and keep legal out of this until we have a yes"],
        "fr": [f"{a.first} : l'appel avec {customer.name} s'est mal passé, ils veulent la remise sinon ils partent",
               f"{b.first} : franchement leur DSI ne sait pas ce qu'il demande",
               f"{a.first} : on ne leur écrit surtout pas ça :)",
               f"{d.first} : 8 % ça passe s'ils signent ce trimestre, pas plus",
               f"{b.first} : ok je prépare la réponse ce soir, relisez avant envoi",
               f"{d.first} : et on laisse le juridique en dehors tant qu'on n'a pas de oui"],
    })
    short = customer.name.split()[0].lower()
    channel = c.t({"en": f"#deal-{short} (export)", "fr": f"#affaire-{short} (export)"})
    out = [channel, ""]
    for minute, line in enumerate(lines):
        out.append(f"[{9 + minute // 3:02d}:{(minute * 7) % 60:02d}] {line}")
    return Built(text(out))


@template("correspondence", "corr.blind_complaint_eml", ("en", "de"), ".eml")
def blind_complaint(c: Ctx) -> Built:
    customer, provider = c.person(), c.person(c.vendor())
    outages = c.rng.randint(2, 5)
    if c.lang == "en":
        subject = "Repeated outages this month"
        body = (f"Dear {provider.first} {provider.last},\n\nthis is the {outages}th time this month that the portal has been "
                "unavailable during our business hours, and each time we learned it from our own staff rather than from "
                "you.\n\nI would like to understand what you are doing about it, and I expect a written answer by the end "
                f"of the week.\n\nSincerely,\n{customer.name}\n{customer.role}, {customer.company.name}\n")
    else:
        subject = "Wiederholte Ausfälle in diesem Monat"
        body = (f"Sehr geehrter Herr {provider.last},\n\nin diesem Monat war das Portal bereits {outages}-mal während unserer "
                "Geschäftszeiten nicht erreichbar, und jedes Mal haben wir es von unseren eigenen Leuten erfahren, nicht "
                "von Ihnen.\n\nBitte teilen Sie mir bis Ende der Woche schriftlich mit, was Sie dagegen unternehmen.\n\n"
                f"Mit freundlichen Grüßen\n{customer.name}\n{customer.role}, {customer.company.name}\n")
    return Built(eml(c, customer, [provider], subject, body))


@template("personnel", "hr.blind_reference_docx", ("de", "fr"), ".docx")
def blind_reference(c: Ctx) -> Built:
    employer, employee = c.company(), c.person()
    manager = c.person(employer)
    start = c.later(-c.rng.randrange(700, 3000))
    if c.lang == "de":
        title = "Arbeitszeugnis"
        blocks: list[str | list[list[str]]] = [
            f"{employee.name}, geboren am {c.datestr(birthday(c), long=True)}, war vom {c.datestr(start, long=True)} bis zum "
            f"{c.datestr(long=True)} in unserem Unternehmen als {employee.role} beschäftigt.",
            "Zu ihren/seinen Aufgaben gehörten die Betreuung der Schlüsselkunden und die Einarbeitung neuer Kolleginnen und "
            "Kollegen.",
            "Die übertragenen Aufgaben wurden stets zu unserer vollsten Zufriedenheit erledigt. Das Verhalten gegenüber "
            "Vorgesetzten und Kollegen war jederzeit einwandfrei.",
            "Das Arbeitsverhältnis endet auf eigenen Wunsch. Wir bedauern das Ausscheiden und wünschen für die Zukunft alles Gute.",
            f"{employer.city.split(' ', 1)[-1]}, {c.datestr(long=True)}", f"{manager.name}, {manager.role}"]
    else:
        title = "Certificat de travail"
        blocks = [
            f"Nous soussignés, {employer.name}, certifions que {employee.name}, né(e) le {c.datestr(birthday(c), long=True)}, "
            f"a été employé(e) dans notre société du {c.datestr(start, long=True)} au {c.datestr(long=True)} en qualité de "
            f"{employee.role}.",
            "Nous lui remettons ce certificat, libre de tout engagement, pour servir et valoir ce que de droit.",
            f"Fait à {employer.city.split(' ', 1)[-1]}, le {c.datestr(long=True)}", f"{manager.name}, {manager.role}"]
    return Built(docx(title, blocks, c, manager.name))


@template("financial", "fin.blind_expenses_xlsx", ("de", "es"), ".xlsx")
def blind_expenses(c: Ctx) -> Built:
    employee = c.person()
    header = c.t({"de": ["Datum", "Beleg", "Art", "Beschreibung", "Netto", "MwSt.", "Brutto", "Kostenstelle"],
                  "es": ["Fecha", "Justificante", "Tipo", "Concepto", "Base", "IVA", "Total", "Centro de coste"]})
    kinds = c.t({"de": (("Bahn", 0.19), ("Hotel", 0.07), ("Bewirtung", 0.19), ("Taxi", 0.07)),
                 "es": (("Tren", 0.10), ("Hotel", 0.10), ("Comida con cliente", 0.10), ("Taxi", 0.10))})
    rows: list[list[object]] = []
    for number in range(c.rng.randint(4, 12)):
        kind, vat = c.pick(kinds)
        net = round(c.rng.uniform(12, 480), 2)
        rows.append([c.later(number).isoformat(), number + 1, kind, f"{kind} {c.company().city.split(' ', 1)[-1]}", net,
                     round(net * vat, 2), round(net * (1 + vat), 2), c.pick(("4100", "4200", "6300"))])
    sheet = c.t({"de": f"Reisekosten {employee.last}"[:31], "es": f"Gastos {employee.last}"[:31]})
    return Built(xlsx([(sheet, header, rows)], c, employee.name))


@template("source_code", "code.blind_csharp", ("en", "de"), ".cs")
def blind_csharp(c: Ctx) -> Built:
    summary = c.t({"en": "/// <summary>Sums the open orders of one customer.</summary>",
                   "de": "/// <summary>Summiert die offenen Aufträge eines Kunden.</summary>"})
    namespace = c.pick(("Shop.Billing", "Erp.Orders", "Contoso.Sales"))
    out = ["using System;", "using System.Collections.Generic;", "using System.Linq;", "", f"namespace {namespace}", "{",
           "    public sealed class OrderTotals", "    {", "        private readonly IOrderRepository _orders;", "",
           "        public OrderTotals(IOrderRepository orders) => _orders = orders;", "", f"        {summary}",
           "        public decimal OpenTotal(int customerId)", "        {",
           "            return _orders.ForCustomer(customerId)", "                .Where(o => !o.IsClosed)",
           "                .Sum(o => o.Lines.Sum(l => l.Quantity * l.UnitPrice));", "        }", "    }", "}"]
    return Built(text(out))


@template("credentials", "cred.blind_handover_docx", ("de", "es"), ".docx")
def blind_handover(c: Ctx) -> Built:
    customer, author = c.company(), c.person(c.vendor())
    systems = c.some(("vCenter", "Firewall", "Backup-Server", "SQL Server", "NAS", "Router"), 3, 5)
    header = c.t({"de": ["System", "Adresse", "Benutzer", "Passwort"], "es": ["Sistema", "Dirección", "Usuario", "Contraseña"]})
    rows = [header] + [[system, f"https://10.{c.rng.randrange(1, 40)}.{c.rng.randrange(256)}.{c.rng.randrange(2, 250)}",
                        c.pick(("admin", "root", "svc_backup", "administrator")), password(c)] for system in systems]
    if c.lang == "de":
        title = f"Übergabe {customer.name}"
        blocks: list[str | list[list[str]]] = [
            f"Erstellt von {author.name} am {c.datestr()} für die Übergabe an den Betrieb.",
            "Die folgenden Zugänge bitte nach der Übernahme ändern.", rows, "Der Notfallkontakt ist die Hotline."]
    else:
        title = f"Traspaso {customer.name}"
        blocks = [f"Preparado por {author.name} el {c.datestr()} para el traspaso a operaciones.",
                  "Cambiad estos accesos después del traspaso.", rows, "El contacto de guardia es la línea de soporte."]
    return Built(docx(title, blocks, c, author.name))


@template("contact_list", "contacts.blind_crm_export_json", ("en", "de"), ".json")
def blind_crm_export(c: Ctx) -> Built:
    people = contacts(c, c.rng.randint(5, 12))
    keys = c.t({"en": ("name", "company", "title", "email", "phone"), "de": ("name", "firma", "position", "email", "telefon")})
    records = [dict(zip(keys, (p.name, p.company.name, p.role, p.email, p.phone), strict=True)) for p in people]
    return Built((json.dumps(records, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


@template("other", "other.blind_canteen_menu_pdf", ("fr", "es"), ".pdf")
def blind_canteen_menu(c: Ctx) -> Built:
    days = c.t({"fr": ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"), "es": ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes")})
    dishes = c.t({"fr": ("Poulet rôti, haricots verts", "Lasagnes végétariennes", "Filet de colin, riz", "Bœuf bourguignon",
                         "Quiche lorraine, salade", "Couscous de légumes"),
                  "es": ("Pollo asado con patatas", "Lasaña de verduras", "Merluza a la plancha", "Lentejas estofadas",
                         "Tortilla de patatas con ensalada", "Paella de verduras")})
    lines = [f"{day} : {dish}" if c.lang == "fr" else f"{day}: {dish}" for day, dish in zip(days, c.shuffled(dishes), strict=False)]
    lines += ["", c.t({"fr": "Dessert du jour et café compris. Bon appétit !", "es": "Postre del día y café incluidos. ¡Buen provecho!"})]
    title = c.t({"fr": f"Menu de la semaine du {c.datestr()}", "es": f"Menú de la semana del {c.datestr()}"})
    return Built(pdf(title, lines, c, c.t({"fr": "Restaurant d'entreprise", "es": "Comedor"})))


# --------------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class CorpusDocument:
    path: str  # relative to the corpus root
    template: str
    labels: tuple[str, ...]  # the primary category first
    language: str
    held_out: bool
    blind: bool = False

    @property
    def primary(self) -> str:
        return self.labels[0]

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "template": self.template, "labels": list(self.labels), "language": self.language,
                "held_out": self.held_out, "blind": self.blind}


def build_document(spec: Template, number: int, seed: int) -> tuple[CorpusDocument, bytes]:
    language = spec.languages[number % len(spec.languages)]
    rng = random.Random(f"{seed}:{spec.id}:{number}")
    day = date(2018, 1, 8) + timedelta(days=rng.randrange(5 * 365))
    built = spec.build(Ctx(rng, language, day, money_style=rng.randrange(12)))
    labels = tuple(dict.fromkeys((*spec.labels, *built.extra_labels)))
    path = f"{spec.id}/{number:02d}-{language}{spec.suffix}"
    return CorpusDocument(path, spec.id, labels, language, spec.held_out, spec.blind), built.data


def write_corpus(out: Path, seed: int = DEFAULT_SEED, split: str = "all") -> list[CorpusDocument]:
    """Writes the documents of the split (see `in_split`) under `out`; returns their labels."""
    documents: list[CorpusDocument] = []
    for spec in templates():
        if not in_split(spec, split):
            continue
        for number in range(DOCS_PER_TEMPLATE):
            document, data = build_document(spec, number, seed)
            target = out / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            documents.append(document)
    labels = {"seed": seed, "split": split, "documents": [d.to_json() for d in documents]}
    (out / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return documents


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the labelled corpus of the category tagger.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args(argv)
    shutil.rmtree(args.out, ignore_errors=True)
    documents = write_corpus(args.out, args.seed, args.split)
    held, blind = sum(d.held_out and not d.blind for d in documents), sum(d.blind for d in documents)
    print(f"wrote {len(documents)} documents ({held} from held-out templates, {blind} from blind ones) to {args.out}")


# Rounds 3 to 5 (training templates) and the current blind round (`template(..., blind=True)`) register themselves
# when imported; imported last, so that everything they use is defined, and in this order (blind templates take no
# position), which fixes the training templates' positions.
from sample_data import (  # noqa: E402
    category_blind,  # noqa: F401
    category_round3,  # noqa: F401
    category_round4,  # noqa: F401
    category_round5,  # noqa: F401
)

if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy's: the blind round registered itself there.
    from sample_data import category_corpus

    category_corpus.main()
