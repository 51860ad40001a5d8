"""A damaged PDF's objects, found by their `N G obj` headers, given a new cross-reference table.

A PDF cut short (a download or copy that stopped, a disk that filled) loses its cross-reference
table and trailer, which sit at the end; one whose `startxref` or table is garbled points into
nothing. pdfminer then refuses it, and PDFium too, although most of its pages are still there:
pdf.js and Acrobat read such files by scanning for objects. This does the same, without parsing
anything: every `N G obj` header gives an object's offset (the last one of a number wins, as an
incremental update would), every object whose dictionary says `/Type /Page` is a page, and a new
page tree listing those pages, a catalog and a table pointing at every object found are appended.
The result goes through the normal path (pdfminer's stream-size checks, then PDFium), so nothing
here decodes a stream or trusts a number it has not found in the bytes.

Left out, on purpose: objects inside object streams (PDF 1.5) have no header of their own, so
pages stored only there are not found; a document with an /Encrypt dictionary is not rebuilt
(its strings could not be decrypted without the lost trailer's /ID).
"""

from __future__ import annotations

import bisect
import re

OBJECT_HEADER = re.compile(rb"(?<![0-9])(\d{1,7})\s+(\d{1,5})\s+obj\b")
PAGE_TYPE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
INFO_REFERENCE = re.compile(rb"/Info\s+(\d{1,7})\s+(\d{1,5})\s+R")
REFERENCE = re.compile(rb"(?<![0-9])(\d{1,7})\s+\d{1,5}\s+R\b")
# References a page's text does not depend on: its place in the lost tree, its annotations, links,
# thumbnails and metadata, a stream's /Length (PDFium finds `endstream` without it), and a font's
# descriptor and glyph programs (the characters come from its /Encoding and /ToUnicode, which count).
UNNEEDED_REFERENCE = re.compile(
    rb"/(?:Parent|P|Dest|Next|Prev|First|Last|Thumb|Metadata|PieceInfo|StructParents|Length|Annots|B"
    rb"|FontDescriptor|FontFile[23]?|CIDSet)"
    rb"\s*(?:\d{1,7}\s+\d{1,5}\s+R\b|\[[^\]]*\])")
# Only the dictionary at the start of an object is read for its type, never its stream.
HEAD_BYTES = 4096
# The highest object number the PDF format allows (ISO 32000-1, Annex C).
MAX_OBJECT_NUMBER = 8_388_607
# US Letter: the size a page that has lost its inherited /MediaBox is given.
DEFAULT_MEDIA_BOX = b"[0 0 612 792]"


def rebuilt_pdf(data: bytes) -> bytes | None:
    """The document with a new page tree, catalog, cross-reference table and trailer appended, or
    None when no page is whole (or the document is encrypted). A page is whole when every object it
    refers to, directly or not, was found (see _whole_pages)."""
    if b"/Encrypt" in data:
        return None
    offsets: dict[int, tuple[int, int]] = {}
    for match in OBJECT_HEADER.finditer(data):
        number = int(match.group(1))
        if 0 < number <= MAX_OBJECT_NUMBER - 2:
            offsets[number] = (match.start(), int(match.group(2)))
    heads = _heads(data, offsets)
    pages = _whole_pages(heads, _page_objects(heads, offsets))
    if not pages:
        return None
    body = bytearray(data if data.endswith(b"\n") else data + b"\n")
    tree, catalog = max(offsets) + 1, max(offsets) + 2
    kids = b" ".join(b"%d %d R" % page for page in pages)
    for number, dictionary in (
        (tree, b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox %s >>" % (kids, len(pages), DEFAULT_MEDIA_BOX)),
        (catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree),
    ):
        offsets[number] = (len(body), 0)
        body += b"%d 0 obj\n%s\nendobj\n" % (number, dictionary)
    table_offset = len(body)
    body += _cross_reference_table(offsets)
    body += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        catalog + 1, catalog, _info_entry(data, offsets), table_offset)
    return bytes(body)


def _page_objects(heads: dict[int, bytes], offsets: dict[int, tuple[int, int]]) -> list[tuple[int, int]]:
    """The (number, generation) of each object whose own dictionary has /Type /Page, in file order."""
    return [(number, offsets[number][1]) for number, head in heads.items() if PAGE_TYPE.search(head)]


def _heads(data: bytes, offsets: dict[int, tuple[int, int]]) -> dict[int, bytes]:
    """Each object's bytes up to its stream, if it has one (at most HEAD_BYTES), in file order."""
    starts = sorted(start for start, _ in offsets.values())
    heads = {}
    for number, (start, _) in sorted(offsets.items(), key=lambda item: item[1][0]):
        following = bisect.bisect_right(starts, start)
        end = min(starts[following] if following < len(starts) else len(data), start + HEAD_BYTES)
        head = data[start:end]
        stream_at = head.find(b"stream")
        heads[number] = head if stream_at < 0 else head[:stream_at]
    return heads


def _whole_pages(heads: dict[int, bytes], pages: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pages none of whose fonts, resources or contents is lost. A page whose font lost its
    encoding would come out as glyph codes (a cut CUAD contract read "deohwr" for "ableto"), which
    is worse than no text: every object that refers, through any chain, to a number no header was
    found for is left out, and with it the pages that need it."""
    if not pages:
        return []
    referrers: dict[int, list[int]] = {}
    for number, head in heads.items():
        for match in REFERENCE.finditer(UNNEEDED_REFERENCE.sub(b"", head.split(b"obj", 1)[-1])):
            referrers.setdefault(int(match.group(1)), []).append(number)
    broken = [number for number in referrers if number not in heads]
    reached = set(broken)
    while broken:
        for referrer in referrers.get(broken.pop(), ()):
            if referrer not in reached:
                reached.add(referrer)
                broken.append(referrer)
    return [page for page in pages if page[0] not in reached]


def _cross_reference_table(offsets: dict[int, tuple[int, int]]) -> bytes:
    """A table with one subsection per run of consecutive object numbers: its size follows the
    objects found, not the highest number a hostile file claims."""
    table = bytearray(b"xref\n0 1\n0000000000 65535 f \n")
    numbers = sorted(offsets)
    run_start = 0
    for index in range(1, len(numbers) + 1):
        if index == len(numbers) or numbers[index] != numbers[index - 1] + 1:
            run = numbers[run_start:index]
            table += b"%d %d\n" % (run[0], len(run))
            for number in run:
                offset, generation = offsets[number]
                table += b"%010d %05d n \n" % (offset, generation)
            run_start = index
    return bytes(table)


def _info_entry(data: bytes, offsets: dict[int, tuple[int, int]]) -> bytes:
    """The lost trailer's /Info reference when a surviving trailer names an object that was found."""
    for match in reversed(list(INFO_REFERENCE.finditer(data))):
        if int(match.group(1)) in offsets:
            return b" /Info %s %s R" % (match.group(1), match.group(2))
    return b""
