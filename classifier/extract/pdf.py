"""PDF text and Info dates with pdfminer.six."""

from __future__ import annotations

import io
import re

from pdfminer.high_level import extract_text_to_fp
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser
from pdfminer.psparser import PSLiteral

from classifier.extract.errors import CorruptDocument, EncryptedDocument, reason_from
from classifier.extract.limits import Limits
from classifier.records import Extracted, SegmentKind

# PDF dates look like D:20210314120000+01'00'; only the date part matters here.
PDF_DATE = re.compile(rb"D?:?(\d{4})(\d{2})(\d{2})")


def pdf_info_dates(document: PDFDocument) -> list[str]:
    dates: list[str] = []
    for info in document.info:
        for key in ("CreationDate", "ModDate"):
            value = info.get(key)
            if isinstance(value, PSLiteral):
                value = value.name
            if isinstance(value, str):
                value = value.encode("latin-1", errors="ignore")
            if isinstance(value, bytes):
                match = PDF_DATE.match(value)
                if match:
                    dates.append("-".join(part.decode() for part in match.groups()))
    return dates


def extract_pdf(data: bytes, name: str, limits: Limits) -> Extracted:
    out = Extracted()
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        out.metadata_dates = pdf_info_dates(document)
        text_buffer = io.StringIO()
        extract_text_to_fp(io.BytesIO(data), text_buffer, laparams=LAParams())
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedDocument("pdf needs a password") from None
    except Exception as exc:  # pdfminer raises many unrelated types on malformed input
        raise CorruptDocument(f"pdf: {reason_from(exc)}") from None
    out.add(SegmentKind.PROSE, text_buffer.getvalue()[: limits.max_text_chars])
    return out
