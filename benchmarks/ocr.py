"""OCR (issue 21): recall of planted e-mails, IBANs and names on rendered pages, and pages per second.

    PYTHONPATH=. .venv/bin/python -m benchmarks.ocr [--documents 32] [--seed 21]

Renders letters in English, German, French and Spanish (a salutation naming one person, a signature
naming another, an IBAN with valid check digits, an e-mail address) as an A4 page at 200 DPI: DejaVu
or Liberation, sans, serif or mono, 26-40 px (9-14 pt; smaller where a line would not fit the page).
Three conditions: "clean" pages as drawn, "tilted" ones turned by up to 1.5 degrees (a sheet fed
askew), and "tilted+specks" with 0.3% of the pixels also flipped to black or white (dust, toner; far
more than a clean scanner leaves). Three documents in four are images (PNG, JPEG at quality 75, LZW
TIFF); one in four is a two-page PDF of such pages without a text layer (Pillow stores them as JPEG,
PDFium renders them at 300 DPI). Each goes through the
real analysis (DocumentAnalyzer.analyze_bytes, in this process); a planted value counts as found when
its keyed normal form is among the document's findings, exactly as `leakcensus lookup` would find it.

Two ways of choosing Tesseract's language pack are measured: the package's (English first, then the
pack of the language the first page's text is in, when that is another; later pages take it) and
one pass with all four packs (`-l eng+deu+fra+spa`). Pages/s are wall-clock on this machine, one
process: "analysis" is the whole analysis of the documents (OCR, PII tagging, categories), "OCR"
only the extraction and the OCR stage (read_pictures). Nothing from the pages is printed.
"""

from __future__ import annotations

import argparse
import io
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from classifier.analyze import DocumentAnalyzer
from classifier.extract import extract
from classifier.extract.ocr import OcrBudget, OcrEngine, find_tesseract, read_pictures
from classifier.limits import Limits
from classifier.pii.entity_types import normalise
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.sniff import Sniffer

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "LiberationSans-Regular.ttf",
              "LiberationSerif-Regular.ttf")
PAGE = (1654, 2339)  # A4 at 200 DPI
MARGIN = 160  # 2 cm
ALL_PACKS = "eng+deu+fra+spa"

FIRST = {
    "en": ["Jonathan", "Margaret", "Oliver", "Hannah", "William", "Charlotte", "Edward", "Eleanor"],
    "de": ["Jürgen", "Annegret", "Matthias", "Sabine", "Wolfgang", "Ulrike", "Günther", "Katharina"],
    "fr": ["François", "Hélène", "Jérôme", "Élodie", "Benoît", "Mathilde", "Stéphane", "Cécile"],
    "es": ["José", "María", "Andrés", "Lucía", "Joaquín", "Inés", "Ramón", "Begoña"],
}
LAST = {
    "en": ["Whitfield", "Okafor", "Hargreaves", "Pemberton", "Ashworth", "Blackwood", "Fairbanks", "Thornton"],
    "de": ["Weißhaupt", "Müller", "Schröder", "Köhler", "Brandstätter", "Hoffmann", "Krüger", "Oberländer"],
    "fr": ["Lefèvre", "Dubois", "Mercier", "Rousseau", "Lemaître", "Girard", "Bérenger", "Fontaine"],
    "es": ["García", "Martínez", "Fernández", "Sánchez", "Muñoz", "Domínguez", "Iglesias", "Ortega"],
}
COUNTRY = {"en": ("GB", "WEST", 14), "de": ("DE", "", 18), "fr": ("FR", "", 23), "es": ("ES", "", 20)}
DOMAIN = {"en": "northwind-traders.co.uk", "de": "fabrikam-werke.de", "fr": "contoso-conseil.fr", "es": "tailspin-iberia.es"}
LETTER = {
    "en": ["Subject: payment details for your contract", "Dear {greeted},",
           "thank you for your letter of last week. As agreed, the deposit for",
           "the renewed contract is due within thirty days.",
           "Please transfer it to IBAN {iban}.", "If anything is unclear, write to {email}.", "Kind regards,", "{signed}"],
    "de": ["Betreff: Zahlungsangaben zu Ihrem Vertrag", "Guten Tag {greeted},",
           "vielen Dank für Ihr Schreiben der letzten Woche. Wie vereinbart ist die",
           "Kaution für den verlängerten Vertrag innerhalb von dreißig Tagen fällig.",
           "Bitte überweisen Sie den Betrag auf IBAN {iban}.", "Bei Rückfragen schreiben Sie bitte an {email}.",
           "Mit freundlichen Grüßen", "{signed}"],
    "fr": ["Objet : coordonnées de paiement de votre contrat", "Chère {greeted},",
           "merci pour votre courrier de la semaine dernière. Comme convenu, le dépôt",
           "pour le contrat renouvelé est dû sous trente jours.",
           "Veuillez le virer sur l'IBAN {iban}.", "Pour toute question, écrivez à {email}.", "Cordialement,", "{signed}"],
    "es": ["Asunto: datos de pago de su contrato", "Estimada {greeted}:",
           "gracias por su carta de la semana pasada. Como acordamos, el depósito",
           "del contrato renovado vence en un plazo de treinta días.",
           "Le rogamos que lo transfiera al IBAN {iban}.", "Si tiene alguna duda, escriba a {email}.", "Atentamente,", "{signed}"],
}
PLAIN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ê": "e", "É": "E", "ô": "o",
                       "î": "i", "ç": "c", "á": "a", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "à": "a"})


@dataclass(frozen=True)
class Planted:
    names: tuple[str, ...]
    email: str
    iban: str


@dataclass(frozen=True)
class Document:
    name: str
    data: bytes
    pages: int
    planted: tuple[Planted, ...]


def iban(country: str, bank: str, digits: int, rng: random.Random) -> str:
    """A valid IBAN (ISO 13616 check digits) with a random account, grouped by four as printed."""
    bban = bank + "".join(rng.choice("0123456789") for _ in range(digits))
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    compact = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def planted_values(language: str, rng: random.Random) -> Planted:
    greeted, signed = (f"{rng.choice(FIRST[language])} {rng.choice(LAST[language])}" for _ in range(2))
    while signed == greeted:
        signed = f"{rng.choice(FIRST[language])} {rng.choice(LAST[language])}"
    email = signed.lower().translate(PLAIN).replace(" ", ".") + "@" + DOMAIN[language]
    return Planted((greeted, signed), email, iban(*COUNTRY[language], rng))


def fonts() -> list[Path]:
    found = [folder / name for folder in FONT_DIRS for name in FONT_FILES if (folder / name).exists()]
    if not found:
        raise SystemExit("no DejaVu or Liberation fonts: make font-deps")
    return found


CONDITIONS = {"clean": (False, False), "tilted": (True, False), "tilted+specks": (True, True)}


def render(language: str, values: Planted, rng: random.Random, font_files: list[Path], condition: str) -> Image.Image:
    fields = {"greeted": values.names[0], "signed": values.names[1], "email": values.email, "iban": values.iban}
    lines = [line.format(**fields) for line in LETTER[language]]
    face = rng.choice(font_files)
    size = rng.randint(26, 40)
    font = ImageFont.truetype(str(face), size)
    while max(font.getlength(line) for line in lines) > PAGE[0] - 2 * MARGIN and size > 20:  # every line on the page
        size -= 1
        font = ImageFont.truetype(str(face), size)
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    y = 220
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=0)
        y += int(size * (2.6 if line.endswith((",", ":", ".")) else 1.6))
    tilted, specks = CONDITIONS[condition]
    angle = rng.uniform(-1.5, 1.5)  # drawn in every condition, so that all three plant the same values
    if tilted:
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if not specks:
        return page
    pixels = page.load()
    assert pixels is not None
    for _ in range(PAGE[0] * PAGE[1] * 3 // 1000):  # 0.3% of the pixels flipped: dust and toner specks
        pixels[rng.randrange(PAGE[0]), rng.randrange(PAGE[1])] = rng.choice((0, 255))
    return page


IMAGE_FORMATS: list[tuple[str, str, dict[str, Any]]] = [
    ("PNG", "png", {}), ("JPEG", "jpg", {"quality": 75}), ("TIFF", "tif", {"compression": "tiff_lzw"})]


def documents(count: int, seed: int, condition: str) -> list[Document]:
    rng = random.Random(seed)
    font_files = fonts()
    made: list[Document] = []
    for number in range(count):
        language = ("en", "de", "fr", "es")[number % 4]
        if number % 4 == number // 4 % 4:  # one in four, spread over the languages: a two-page scanned PDF
            pair = (planted_values(language, rng), planted_values(language, rng))
            first, second = (render(language, v, rng, font_files, condition) for v in pair)
            out = io.BytesIO()
            first.save(out, "PDF", save_all=True, append_images=[second], resolution=200)
            made.append(Document(f"{language}-{number}.pdf", out.getvalue(), 2, pair))
            continue
        single = planted_values(language, rng)
        image_format, suffix, options = IMAGE_FORMATS[number % 3]
        out = io.BytesIO()
        render(language, single, rng, font_files, condition).save(out, image_format, **options)
        made.append(Document(f"{language}-{number}.{suffix}", out.getvalue(), 1, (single,)))
    return made


@dataclass(frozen=True)
class FixedPacks(OcrEngine):
    """An engine that reads every page with the same packs (no detection, no second pass)."""

    fixed: str = ALL_PACKS

    def pack_for(self, language: str | None) -> str:
        return self.fixed


def found(analyzer: DocumentAnalyzer, document: Document) -> tuple[Counter[str], float]:
    """Planted values found per entity type, and the seconds the analysis took."""
    started = time.perf_counter()
    record = analyzer.analyze_bytes(document.data, document.name)[0]
    seconds = time.perf_counter() - started
    hits: Counter[str] = Counter()
    for planted in document.planted:
        for entity_type, values in (("PERSON", planted.names), ("EMAIL_ADDRESS", (planted.email,)),
                                    ("IBAN_CODE", (planted.iban,))):
            tally = record.findings.entities.get(entity_type)
            for value in values:
                normal = normalise(entity_type, value, None)
                if tally is not None and normal is not None and analyzer.hasher(entity_type, normal) in tally.keyed_hashes:
                    hits[entity_type] += 1
    return hits, seconds


def ocr_seconds(engine: OcrEngine, document: Document, sniffer: Sniffer, limits: Limits) -> float:
    started = time.perf_counter()
    extracted = extract(document.data, sniffer.sniff(document.data, document.name).mime, document.name, limits)
    read_pictures(extracted, engine, OcrBudget(limits.max_ocr_pages, limits.max_image_pixels, limits.max_ocr_seconds))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, default=32)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args(argv)
    engine = find_tesseract()
    if engine is None:
        raise SystemExit("tesseract or its English pack is missing: make ocr-deps")
    limits = Limits()
    sniffer = Sniffer()
    corpora = {condition: documents(args.documents, args.seed, condition) for condition in CONDITIONS}
    corpus = corpora["clean"]
    pages = sum(d.pages for d in corpus)
    planted = Counter({"PERSON": 2 * pages, "EMAIL_ADDRESS": pages, "IBAN_CODE": pages})
    print(f"{len(corpus)} documents, {pages} pages ({sum(d.name.endswith('.pdf') for d in corpus)} two-page PDFs), "
          f"{sum(planted.values())} planted values; tesseract packs {sorted(engine.packs)}\n")
    print("| pages | language packs | names | e-mails | IBANs | all | analysis pages/s | OCR pages/s |")
    print("|---|---|---|---|---|---|---|---|")
    runs = [(condition, label, variant) for condition in CONDITIONS
            for label, variant in (("detected", engine), ("all four", FixedPacks(engine.command, engine.packs)))]
    for condition, label, variant in runs:
        corpus = corpora[condition]
        # An analyzer per variant: one analyzer copies the records of bytes it has seen instead of reading them.
        analyzer = DocumentAnalyzer(b"benchmark-key-for-ocr-recall-000", DEFAULT_SPACY_MODEL, limits)
        analyzer.tesseract = variant
        analyzer.analyze_bytes(b"Warm-up text for the NER pipelines. Dear Ann Lee, regards, Bob.", "warm.txt")
        hits: Counter[str] = Counter()
        analysis = 0.0
        for document in corpus:
            document_hits, seconds = found(analyzer, document)
            hits.update(document_hits)
            analysis += seconds
        ocr = sum(ocr_seconds(variant, document, sniffer, limits) for document in corpus)
        recall = {t: hits[t] / planted[t] for t in planted}
        print(f"| {condition} | {label} | {recall['PERSON']:.1%} ({hits['PERSON']}/{planted['PERSON']}) "
              f"| {recall['EMAIL_ADDRESS']:.1%} ({hits['EMAIL_ADDRESS']}/{planted['EMAIL_ADDRESS']}) "
              f"| {recall['IBAN_CODE']:.1%} ({hits['IBAN_CODE']}/{planted['IBAN_CODE']}) "
              f"| {sum(hits.values()) / sum(planted.values()):.1%} | {pages / analysis:.2f} | {pages / ocr:.2f} |", flush=True)


if __name__ == "__main__":
    main()
