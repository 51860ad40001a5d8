"""PDF text, Info dates and attached files with pdfminer.six.

pdfminer inflates a stream whole, in memory, when a page needs it (zlib.decompress,
pdfminer/pdftypes.py), so every stream a text extraction may decode is first inflated
here in bounded chunks and thrown away: a content stream that inflates to gigabytes is
refused before pdfminer sees it. Image streams are left out: text extraction never decodes them.

Attached files are members: the values of the catalog's /EmbeddedFiles name tree, then the
/FS of every /FileAttachment annotation, each file once, named by its /UF or /F file name.
They are inflated in bounded chunks too, under the limits every container member meets. A
broken attachment is a member with a problem; the PDF and its text stay readable.

Page text comes from PDFium (pypdfium2), about 30 times faster than pdfminer's layout analysis
(issue 20; benchmarks/pdf_engines.py), once pdfminer has read the attachments, refused the bombs and
found the dates: PDFium only ever sees a document whose streams have passed check_stream_sizes.
Where PDFium cannot open or read a document that pdfminer reads, pdfminer's page path reads the
text instead; read_pdf says which engine did.

Pages without a text layer that show an image (a scanned contract) are handed to OCR as pictures
(ScannedPages), rendered by PDFium one at a time when OCR reads them.
"""

from __future__ import annotations

import codecs
import ctypes
import enum
import io
import math
import re
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PureWindowsPath
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
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
    PDFObjRef,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import LIT, PSLiteral
from pdfminer.utils import Matrix, decode_text
from PIL import Image

from classifier.extract.appended_zip import appended_zip_start
from classifier.extract.bounded import READ_CHUNK, Inflation, ratio_exceeded
from classifier.extract.errors import CorruptDocument, EncryptedDocument, LimitExceeded, reason_from
from classifier.extract.ocr import MIN_LAYER_LETTERS, RENDER_DPI, WORKING_PIXELS, working_picture
from classifier.extract.pdf_repair import rebuilt_pdf
from classifier.limits import Limits
from classifier.records import Extracted, Member, SegmentKind

# PDF dates look like D:20210314120000+01'00'; only the date part matters here.
PDF_DATE = re.compile(rb"D?:?(\d{4})(\d{2})(\d{2})")
IMAGE = LIT("Image")
FILE_ATTACHMENT = LIT("FileAttachment")
# A file specification's file names and embedded streams, preferred first: /UF is the Unicode name
# (PDF 1.7, 7.11.3); /DOS, /Mac and /Unix are the platform names of PDF 1.2 writers.
FILE_NAME_KEYS = ("UF", "F", "Unix", "Mac", "DOS")
# A page of prose has tens of text boxes; a form or a table a few hundred.
MAX_GROUPED_BOXES = 400
TEXT_ENCODINGS: dict[object, Callable[[bytes], bytes]] = {
    **{name: ascii85decode for name in LITERALS_ASCII85_DECODE},
    **{name: asciihexdecode for name in LITERALS_ASCIIHEX_DECODE},
}
# PDFium puts U+FFFE where it joined two text objects across a hyphen ('-' or U+00AD) that ended the
# first (core/fpdftext/cpdf_textpage.cpp, GenerateCharacter::kHyphen), and drops the line break there.
# In the 60 CUAD contracts every one of the 105 is a compound ("non-infringement", "out-of-pocket",
# "Gramm-Leach-Bliley"): it is written back as the hyphen pdfminer shows there. A U+FFFE elsewhere
# is a character without a Unicode value and goes, with the control characters PDFium lets through.
PDFIUM_HYPHEN = re.compile(r"(?<=\w)\ufffe(?=\w)")
PDFIUM_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\ufeff\u00ad]")
# PDFium is not thread-safe (pypdfium2's README: "PDFium is not thread-compatible"); a scan analyses one
# file per worker process, but nothing stops a caller with threads.
PDFIUM_LOCK = threading.Lock()


class _Document(PDFDocument):
    """pdfminer's document, except that an object which is only a reference to another, in a chain that
    comes back to itself (`1 0 obj 2 0 R endobj 2 0 obj 1 0 R endobj`), reads as null: pdfminer's
    resolve1 follows references until it meets something else, and looped forever on such a chain
    (found by the fuzzer in a page tree, #17)."""

    def getobj(self, objid: int) -> object:
        found = super().getobj(objid)
        seen = {objid}
        value = found
        while isinstance(value, PDFObjRef):
            if value.objid in seen or len(seen) > MAX_REFERENCE_CHAIN:
                return None
            seen.add(value.objid)
            value = super().getobj(value.objid)
        return found


# References that lead only to references, one after another, before a document is taken as hostile.
MAX_REFERENCE_CHAIN = 64


class TextEngine(enum.Enum):
    """Which library read a PDF's page text."""

    PDFIUM = "pdfium"
    PDFMINER = "pdfminer"


class PdfReading(NamedTuple):
    extracted: Extracted
    text_engine: TextEngine


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
    return read_pdf(data, limits).extracted


# The member a zip appended after the PDF's last %%EOF becomes (`x.pdf!/appended.zip!/a.csv`).
APPENDED_ZIP = "appended.zip"


def read_pdf(data: bytes, limits: Limits) -> PdfReading:
    """The PDF's text, dates and attached files, and which engine read the page text. A zip appended
    to the PDF (appended_zip.py) is one more member, after the attachments; the PDF is read without it.
    A PDF that neither pdfminer nor PDFium can open as it is (cut short, its table garbled) is read
    again from its objects with a rebuilt table (pdf_repair); what that recovers is `ok`, with the
    damage named."""
    appended: bytes | None = None
    start = appended_zip_start(data, b"%%EOF")
    if start is not None:
        data, appended = data[:start], data[start:]
    try:
        return _read_pdf(data, limits, appended)
    except CorruptDocument as damage:
        repaired = rebuilt_pdf(data)
        if repaired is None:
            raise
        try:
            reading = _read_pdf(repaired, limits, appended)
        except CorruptDocument:
            raise damage from None
        if not reading.extracted.segments and not reading.extracted.members:
            raise damage from None
        partial = reading.extracted.partial
        reading.extracted.partial = f"{damage}; read from a rebuilt cross-reference table" + (
            f"; {partial}" if partial else "")
        return reading


def _read_pdf(data: bytes, limits: Limits, appended: bytes | None = None) -> PdfReading:
    out = Extracted()
    try:
        # caching=True (pdfminer's default, relied upon): every object is parsed once, so an attached
        # file emptied by attached_files is empty for the page interpreter too.
        document = _Document(PDFParser(io.BytesIO(data)), caching=True)
        out.members, out.inflated = attached_files(document, limits)
        if appended is not None:
            if len(out.members) >= limits.max_members:
                raise LimitExceeded("max_members")
            out.members.append(Member(APPENDED_ZIP, appended))
        sizes = check_stream_sizes(document, limits, already=out.inflated)
        skipped = oversized_pages(document, sizes, limits.max_page_content_bytes)
        out.metadata_dates = pdf_info_dates(document)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedDocument("pdf needs a password") from None
    except LimitExceeded:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on malformed input
        raise CorruptDocument(f"pdf: {reason_from(exc)}") from None
    pages = pdfium_pages(data, limits.max_text_chars, skipped)
    engine = TextEngine.PDFIUM
    if pages is None:
        text, engine = pdfminer_text(document, skipped), TextEngine.PDFMINER
    else:
        text = pages.text
        if pages.scanned:
            out.pictures = ScannedPages(data, pages.scanned)
    out.add_bounded(SegmentKind.PROSE, text, limits.max_text_chars)
    if skipped:
        out.partial = f"max_page_content_bytes: {len(skipped)} page(s) not read"
    return PdfReading(out, engine)


class PdfiumPages(NamedTuple):
    text: str
    scanned: tuple[int, ...]  # pages with (almost) no text layer that show an image: read by OCR


def pdfium_text(data: bytes, max_chars: int) -> str | None:
    """The text of every page as PDFium reads it (see pdfium_pages)."""
    pages = pdfium_pages(data, max_chars)
    return None if pages is None else pages.text


def pdfium_pages(data: bytes, max_chars: int, skipped: frozenset[int] = frozenset()) -> PdfiumPages | None:
    """The text of every page as PDFium reads it, normalised (see normalise_pdfium_text), each page
    ended by a form feed as pdfminer ends it, and the pages that are pictures of text; pages after the
    first `max_chars` characters are not read, nor the `skipped` ones (by index: left empty). None when
    PDFium cannot open the document or one of its pages."""
    pages: list[str] = []
    scanned: list[int] = []
    length = 0
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:  # a password, a security handler or a syntax PDFium refuses
            return None
        try:
            for index in range(len(document)):
                if length > max_chars:
                    break
                if index in skipped:
                    pages.append("\n\f")
                    continue
                page = document.get_page(index)
                try:
                    textpage = page.get_textpage()
                    try:
                        text = normalise_pdfium_text(_textpage_text(textpage)) + "\n\f"
                    finally:
                        textpage.close()
                    if sum(ch.isalpha() for ch in text) < MIN_LAYER_LETTERS and _shows_image(page):
                        scanned.append(index)
                finally:
                    page.close()
                pages.append(text)
                length += len(text)
        except pdfium.PdfiumError:
            return None
        finally:
            document.close()
    return PdfiumPages("".join(pages), tuple(scanned))


def _shows_image(page: pdfium.PdfPage) -> bool:
    return next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4), None) is not None


class ScannedPages:
    """A PDF's pages without a text layer, rendered in grey by PDFium when OCR reads them: at RENDER_DPI,
    or smaller where that would pass WORKING_PIXELS or max_image_pixels (a page may be 200 inches wide)."""

    def __init__(self, data: bytes, indexes: tuple[int, ...]) -> None:
        self._data = data
        self._indexes = indexes

    def pages(self, max_pixels: int) -> Iterator[Image.Image]:
        for index in self._indexes:
            # Opened again for each page, under the lock, so that no PDFium state is held while Tesseract
            # reads a page (OCR takes seconds; other threads' PDFs need not wait for it).
            with PDFIUM_LOCK:
                try:
                    document = pdfium.PdfDocument(self._data)
                except pdfium.PdfiumError:  # it opened for the text a moment ago; nothing more to read
                    return
                try:
                    picture = _rendered(document, index, min(max_pixels, WORKING_PIXELS))
                except pdfium.PdfiumError:
                    picture = None
                finally:
                    document.close()
            if picture is not None:
                yield picture


def _rendered(document: pdfium.PdfDocument, index: int, max_pixels: int) -> Image.Image | None:
    page = document.get_page(index)
    try:
        width, height = page.get_size()  # in points, 1/72 inch
        if not (width > 0 and height > 0):
            return None
        scale = min(RENDER_DPI / 72, math.sqrt(max_pixels / (width * height)))
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
        try:
            return working_picture(bitmap.to_pil())  # a copy: the bitmap's buffer is freed below
        finally:
            bitmap.close()
    finally:
        page.close()


def _textpage_text(textpage: pdfium.PdfTextPage) -> str:
    """All of a text page's text in one FPDFText_GetText call. pypdfium2's get_text_range first trims
    the characters PDFium leaves out at either end, recursing once per character: a page that opens
    with a thousand control characters raises RecursionError there (tests/test_pdf_text.py). Asked for
    the whole page, PDFium writes at most its character count and a NUL; the buffer holds twice that,
    in case a build writes a character beyond the BMP as two UTF-16 units (PDFium copies without
    being told the buffer's size, so too small a buffer would be overwritten memory)."""
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (2 * count + 2))()
    written = pdfium_c.FPDFText_GetText(textpage.raw, 0, count, buffer)
    return codecs.decode(memoryview(buffer)[: max(written - 1, 0)], "utf-16-le", errors="ignore")


def normalise_pdfium_text(text: str) -> str:
    """PDFium's page text in pdfminer's terms: "\n" line ends (PDFium writes "\r\n"), its hyphen
    marks written back as hyphens, soft hyphens, byte order marks and control characters (other than
    tab, line and form feed) dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return PDFIUM_UNREADABLE.sub("", PDFIUM_HYPHEN.sub("-", text))


def pdfminer_text(document: PDFDocument, skipped: frozenset[int] = frozenset()) -> str:
    """The page text as pdfminer's layout analysis orders it: the path for what PDFium cannot read.
    The `skipped` pages (by index) are left out."""
    try:
        text_buffer = io.StringIO()
        resources = PDFResourceManager(caching=True)
        device = _TextConverter(resources, text_buffer, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        for index, page in enumerate(PDFPage.create_pages(document)):
            if index not in skipped:
                interpreter.process_page(page)
        device.close()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedDocument("pdf needs a password") from None
    except Exception as exc:  # pdfminer raises many unrelated types on malformed input
        raise CorruptDocument(f"pdf: {reason_from(exc)}") from None
    return text_buffer.getvalue()


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


def check_stream_sizes(document: PDFDocument, limits: Limits, already: int = 0) -> dict[int, int]:
    """Refuses the document when a stream that text extraction may decode is too large
    or too compressed, or when such streams and the `already` inflated attached files
    together pass max_container_bytes. Returns the decoded size of each such stream, by object number."""
    total = already
    sizes: dict[int, int] = {}
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
            sizes[object_id] = _decoded_size(stream, object_id, limits)
            total += sizes[object_id]
            if total > limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")
    return sizes


def oversized_pages(document: PDFDocument, sizes: dict[int, int], max_bytes: int) -> frozenset[int]:
    """The indexes of the pages whose content streams decode to more than `max_bytes` together.
    Laying out a page costs PDFium about 24 bytes of memory per byte of its content stream (a 51 MB
    stream of path operators peaked at 1.3 GB) and pdfminer more, so such a page is not read at all;
    the largest page in the project's real PDFs has 1.2 MB."""
    if sum(sizes.values()) <= max_bytes:  # no page can pass it
        return frozenset()
    skipped = set()
    try:
        for index, page in enumerate(PDFPage.create_pages(document)):
            contents = page.attrs.get("Contents")
            references = contents if isinstance(contents, list) else [contents]
            if sum(sizes.get(ref.objid, 0) for ref in references if isinstance(ref, PDFObjRef)) > max_bytes:
                skipped.add(index)
    except Exception:  # a broken page tree: the text paths meet it and say so
        pass
    return frozenset(skipped)


def _decoded_size(stream: PDFStream, object_id: int, limits: Limits) -> int:
    """Bytes the stream decodes to, through its Flate and LZW filters, counted in chunks and
    stopped at the limits (a filter we do not follow ends the count: it is never an expansion
    pdfminer performs for text, or it shrinks the data)."""
    try:
        chunks, stored_size, _ = _decoded_chunks(stream, object_id)
    except Exception:  # damaged filters or encodings: pdfminer cannot expand them either
        return len(stream.rawdata or b"")
    size = 0
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > limits.max_member_bytes:
                raise LimitExceeded("max_member_bytes")
            if ratio_exceeded(size, stored_size, limits):
                raise LimitExceeded("max_ratio")
    except (zlib.error, EOFError, ValueError, TypeError):
        pass  # damaged data: what came out before the damage is all pdfminer can get either
    return size


def _decoded_chunks(stream: PDFStream, object_id: int) -> tuple[Iterable[bytes], int, bool]:
    """The stream's bytes as they come out of its filters, lazily, in chunks of at most
    READ_CHUNK where inflating; its stored size; and whether every filter was followed.

    ASCII85 and ASCIIHex only shrink the data and are decoded whole, as pdfminer does; Flate
    is inflated chunk by chunk, and LZW when it is the first filter."""
    raw = stream.rawdata or b""
    if stream.decipher is not None:
        raw = stream.decipher(object_id, stream.genno or 0, raw, stream.attrs)
    stored_size = len(raw)
    filters = [f for f, _ in stream.get_filters()]
    while filters and filters[0] in TEXT_ENCODINGS:
        raw = TEXT_ENCODINGS[filters.pop(0)](raw)
    chunks: Iterable[bytes] = (raw[n : n + READ_CHUNK] for n in range(0, len(raw), READ_CHUNK))
    for position, name in enumerate(filters):
        if name in LITERALS_FLATE_DECODE:
            chunks = _inflated(chunks)
        elif name in LITERALS_LZW_DECODE and position == 0:
            chunks = LZWDecoder(io.BytesIO(raw)).run()
        else:
            return chunks, stored_size, False
    return chunks, stored_size, True


def _inflated(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for chunk in chunks:
        pending = chunk
        while pending and not inflater.eof:
            yield inflater.decompress(pending, READ_CHUNK)
            pending = inflater.unconsumed_tail
        if inflater.eof:
            return


# --- attached files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unreadable:
    """A place that should hold a file specification but could not be parsed (a short reason)."""

    reason: str


def attached_files(document: PDFDocument, limits: Limits) -> tuple[list[Member], int]:
    """The document's attached files as members, and the bytes inflated to read them.

    Each embedded file stream is read once however often it is named, then emptied in
    pdfminer's object cache: text extraction never decodes an embedded file, so should a
    hostile page name one as its content, it finds nothing there to inflate. Raises
    LimitExceeded only for the whole-file limits, max_members and max_container_bytes.
    """
    members: list[Member] = []
    inflation = Inflation(limits)
    read: set[int] = set()

    def add(member: Member) -> None:
        if len(members) >= limits.max_members:
            raise LimitExceeded("max_members")
        members.append(member)

    for found in _file_specifications(document):
        fallback = f"attachment-{len(members) + 1}"
        if isinstance(found, _Unreadable):
            add(Member(fallback, b"", problem=f"pdf attachment: {found.reason}"))
            continue
        try:
            attachment = _embedded_file(found)
        except Exception as exc:  # pdfminer raises many unrelated types on malformed objects
            add(Member(fallback, b"", problem=f"pdf attachment: {reason_from(exc)}"))
            continue
        if attachment is None:
            continue
        name, stream = attachment
        if stream is None:
            add(Member(name or fallback, b"", problem="pdf attachment: no stream"))
            continue
        key = stream.objid if stream.objid is not None else id(stream)
        if key in read:
            continue
        read.add(key)
        add(_read_attachment(name or fallback, stream, inflation))
        stream.data, stream.rawdata = b"", None
    return members, inflation.total


def _file_specifications(document: PDFDocument) -> Iterator[object]:
    """What names an attached file, unresolved and in document order: the values of the
    catalog's /EmbeddedFiles name tree, then the /FS of every /FileAttachment annotation,
    page by page. A node of that tree that cannot be parsed is an _Unreadable (what it held
    was attached); a broken /Names dictionary or annotation is passed over, as pdfminer passes
    over them (it may hold only destinations, or be a link or a note)."""
    try:
        names = resolve1(document.catalog.get("Names"))
        tree = names.get("EmbeddedFiles") if isinstance(names, dict) else None
    except Exception:  # pdfminer raises many unrelated types on malformed objects
        tree = None
    yield from _name_tree_values(tree)
    try:
        for page in PDFPage.create_pages(document):
            annotations = resolve1(page.annots)
            for annotation in annotations if isinstance(annotations, list) else []:
                try:
                    annotation = resolve1(annotation)
                    if isinstance(annotation, dict) and resolve1(annotation.get("Subtype")) is FILE_ATTACHMENT:
                        yield annotation.get("FS")
                except Exception:  # a broken annotation of any kind
                    continue
    except Exception:  # a broken page tree: text extraction meets it and says so
        return


def _name_tree_values(root: object) -> Iterator[object]:
    """A name tree's values in key order, depth first, each indirect node once (a tree that
    contains itself ends), without recursion."""
    nodes = [root]
    visited: set[int] = set()
    while nodes:
        node = nodes.pop()
        try:
            if isinstance(node, PDFObjRef):
                if node.objid in visited:
                    continue
                visited.add(node.objid)
            node = resolve1(node)
            if not isinstance(node, dict):
                continue
            pairs = resolve1(node.get("Names"))
            kids = resolve1(node.get("Kids"))
        except Exception as exc:  # pdfminer raises many unrelated types on malformed objects
            yield _Unreadable(reason_from(exc))
            continue
        if isinstance(pairs, list):
            yield from pairs[1::2]
        if isinstance(kids, list):
            nodes.extend(reversed(kids))


def _embedded_file(found: object) -> tuple[str | None, PDFStream | None] | None:
    """(file name, embedded file stream) of a file specification; None when it embeds
    nothing (a file name alone, or a reference to a file elsewhere); the stream is None
    when the specification embeds one that is missing or no stream."""
    specification = resolve1(found)
    if not isinstance(specification, dict):
        return None
    embedded = resolve1(specification.get("EF"))
    if not isinstance(embedded, dict):
        return None
    names = (_file_name(specification.get(key)) for key in FILE_NAME_KEYS)
    name = next((n for n in names if n), None)
    for key in FILE_NAME_KEYS:
        stream = resolve1(embedded.get(key))
        if isinstance(stream, PDFStream):
            return name, stream
    return name, None


def _file_name(value: object) -> str | None:
    """The last part of a file specification string: /F may be a path, and a writer's
    C:\\Users\\<name>\\ has no place in a member path."""
    value = resolve1(value)
    if isinstance(value, bytes):
        if value.startswith(b"\xef\xbb\xbf"):  # PDF 2.0 allows UTF-8 text strings
            value = value[3:].decode("utf-8", errors="replace")
        elif value.startswith(b"\xff\xfe"):  # little-endian UTF-16: not in the standard, but written
            value = value[2:].decode("utf-16-le", errors="replace")
        else:
            value = decode_text(value)
    if not isinstance(value, str):
        return None
    return PureWindowsPath(value.replace("\x00", "")).name.strip() or None


def _read_attachment(name: str, stream: PDFStream, inflation: Inflation) -> Member:
    """The embedded file's decoded bytes, or a member with a problem (holding the stored
    bytes, so that identical damaged files still hash alike)."""
    stored = stream.rawdata or b""
    try:
        filters = stream.get_filters()
        # Predictors shape image rows and xref streams; an attached file has no use for them.
        if any(isinstance(p, dict) and resolve1(p.get("Predictor", 1)) not in (1, None) for _, p in filters):
            return Member(name, stored, problem="pdf attachment: unsupported filter")
        chunks, stored_size, complete = _decoded_chunks(stream, stream.objid or 0)
        if not complete:
            return Member(name, stored, problem="pdf attachment: unsupported filter")
        return Member(name, inflation.read(_ChunkStream(chunks), stored_size))
    except LimitExceeded as exc:
        if str(exc) == "max_container_bytes":
            raise
        return Member(name, stored, problem=str(exc))
    except Exception:  # zlib and pdfminer's decoders raise many unrelated types on damaged data
        return Member(name, stored, problem="pdf attachment: damaged stream")


class _ChunkStream:
    """Decoded chunks read like a file, for the container's Inflation meter."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)

    def read(self, size: int = -1, /) -> bytes:
        return next((chunk for chunk in self._chunks if chunk), b"")
