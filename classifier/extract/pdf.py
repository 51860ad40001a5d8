"""PDF text and Info dates with pdfminer.six.

pdfminer inflates a stream whole, in memory, when a page needs it (zlib.decompress,
pdfminer/pdftypes.py), so every stream a text extraction may decode is first inflated
here in bounded chunks and thrown away: a content stream that inflates to gigabytes is
refused before pdfminer sees it. Image streams are left out: text extraction never decodes them.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams, LTPage, LTTextBox, LTTextGroup, LTTextGroupLRTB
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import LIT, PSLiteral
from pdfminer.utils import Matrix

from classifier.extract.bounded import READ_CHUNK, ratio_exceeded
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded, reason_from
from classifier.extract.limits import Limits
from classifier.records import Extracted, SegmentKind

# PDF dates look like D:20210314120000+01'00'; only the date part matters here.
PDF_DATE = re.compile(rb"D?:?(\d{4})(\d{2})(\d{2})")
IMAGE = LIT("Image")
# A page of prose has tens of text boxes; a form or a table a few hundred.
MAX_GROUPED_BOXES = 400
TEXT_ENCODINGS: dict[object, Callable[[bytes], bytes]] = {
    **{name: ascii85decode for name in LITERALS_ASCII85_DECODE},
    **{name: asciihexdecode for name in LITERALS_ASCIIHEX_DECODE},
}


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
        check_stream_sizes(document, limits)
        out.metadata_dates = pdf_info_dates(document)
        text_buffer = io.StringIO()
        resources = PDFResourceManager(caching=True)
        device = _TextConverter(resources, text_buffer, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
        device.close()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedDocument("pdf needs a password") from None
    except LimitExceeded:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on malformed input
        raise CorruptDocument(f"pdf: {reason_from(exc)}") from None
    out.add_bounded(SegmentKind.PROSE, text_buffer.getvalue(), limits.max_text_chars)
    return out


class _Page(LTPage):
    """A page whose text boxes are put in reading order by pdfminer's own method only where
    that stays cheap: LTLayoutContainer.group_textboxes is quadratic in the boxes (a fuzzed
    page of ~1,100 boxes took 6-8 s there, one of 2,500 took 124 s). Past
    MAX_GROUPED_BOXES the boxes are ordered by position instead, as one group (left to right,
    top to bottom); the text of each box is the same, only the order between boxes differs."""

    def group_textboxes(self, laparams: LAParams, boxes: Sequence[LTTextBox]) -> list[LTTextGroup]:
        if len(boxes) <= MAX_GROUPED_BOXES:
            return super().group_textboxes(laparams, boxes)
        return [LTTextGroupLRTB(boxes)]


class _TextConverter(TextConverter):
    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        assert isinstance(self.cur_item, LTPage)
        self.cur_item = _Page(self.cur_item.pageid, self.cur_item.bbox)


def check_stream_sizes(document: PDFDocument, limits: Limits) -> None:
    """Refuses the document when a stream that text extraction may decode is too large
    or too compressed, or when such streams together pass max_container_bytes."""
    total = 0
    seen: set[int] = set()
    for xref in document.xrefs:
        for object_id in xref.get_objids():
            if object_id in seen:
                continue
            seen.add(object_id)
            try:
                stream = document.getobj(object_id)
            except Exception:  # a broken object: pdfminer meets it again, or never needs it
                continue
            if not isinstance(stream, PDFStream) or resolve1(stream.get("Subtype")) is IMAGE or stream.rawdata is None:
                continue
            total += _decoded_size(stream, object_id, limits)
            if total > limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")


def _decoded_size(stream: PDFStream, object_id: int, limits: Limits) -> int:
    """Bytes the stream decodes to, through its Flate and LZW filters, counted in chunks and
    stopped at the limits (a filter we do not follow ends the count: it is never an expansion
    pdfminer performs for text, or it shrinks the data)."""
    raw = stream.rawdata or b""
    if stream.decipher is not None:
        raw = stream.decipher(object_id, stream.genno or 0, raw, stream.attrs)
    try:
        filters = [f for f, _ in stream.get_filters()]
    except Exception:
        return len(raw)
    stored_size = len(raw)
    size = 0
    try:
        # ASCII85 and ASCIIHex only shrink the data; pdfminer decodes them whole, and so do we.
        while filters and filters[0] in TEXT_ENCODINGS:
            raw = TEXT_ENCODINGS[filters.pop(0)](raw)
        chunks: Iterable[bytes] = (raw[n : n + READ_CHUNK] for n in range(0, len(raw), READ_CHUNK))
        for position, name in enumerate(filters):
            if name in LITERALS_FLATE_DECODE:
                chunks = _inflated(chunks)
            elif name in LITERALS_LZW_DECODE and position == 0:
                chunks = LZWDecoder(io.BytesIO(raw)).run()
            else:
                break
        for chunk in chunks:
            size += len(chunk)
            if size > limits.max_member_bytes:
                raise LimitExceeded("max_member_bytes")
            if ratio_exceeded(size, stored_size, limits):
                raise LimitExceeded("max_ratio")
    except (zlib.error, EOFError, ValueError, TypeError):
        pass  # damaged data: what came out before the damage is all pdfminer can get either
    return size


def _inflated(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for chunk in chunks:
        pending = chunk
        while pending and not inflater.eof:
            yield inflater.decompress(pending, READ_CHUNK)
            pending = inflater.unconsumed_tail
        if inflater.eof:
            return
