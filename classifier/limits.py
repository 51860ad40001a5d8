"""Resource limits for extraction, in the spirit of ClamAV's scan limits."""

from __future__ import annotations

from dataclasses import dataclass

# Below this many decompressed bytes a member is never refused for its ratio: tiny
# members of repetitive text (a blank template, a run of spaces) compress extremely well.
RATIO_GRACE_BYTES = 1 << 20


@dataclass(frozen=True)
class Limits:
    # A file larger than this is recorded as too_large without being read.
    max_file_bytes: int = 512 * 1024 * 1024
    # A single container member larger than this, once decompressed, is too_large.
    max_member_bytes: int = 256 * 1024 * 1024
    # Decompressed bytes from one file on disk in total, over all its nested containers,
    # members refused part-way included.
    max_container_bytes: int = 1024 * 1024 * 1024
    # Members (documents inside it) of one file on disk in total, at all nesting levels.
    max_members: int = 10_000
    max_depth: int = 10
    # Decompressed bytes per compressed byte of one member or stream, past RATIO_GRACE_BYTES.
    # Deflate bombs run at ~1000:1 and bzip2/xz ones far higher; real documents stay well
    # under 100:1 (Apache POI refuses OOXML parts past 100:1 by default, ZipSecureFile).
    max_ratio: int = 200
    # Text beyond this many characters per document is not analysed (status stays ok,
    # the record's error says max_text_chars).
    max_text_chars: int = 5_000_000
    # A PDF page whose content streams decode to more than this is not laid out (its text is not read;
    # the status stays ok, the record's error names this limit): see extract/pdf.oversized_pages.
    max_page_content_bytes: int = 8 * 1024 * 1024
    # OCR (classifier/extract/ocr.py). An image whose header declares more pixels than this is
    # too_large, unread: Pillow's own decompression-bomb threshold (PIL.Image.MAX_IMAGE_PIXELS,
    # ~0.25 GB as 24-bit pixels), far above a 600 DPI A3 scan (70 MP) and a 50 MP photo. Pillow refuses
    # twice that on its own (DecompressionBombError), so larger values act as 178,956,970.
    max_image_pixels: int = 89_478_485
    # Pages (images, TIFF frames, PDF pages without a text layer) OCR'd per file on disk, members
    # included: at ~0.5-2 s a page (benchmarks/RESULTS.md, "OCR (issue 21)") a file's OCR stays well
    # inside the scan's 300 s per-file timeout. Pages past it are not read (error "max_ocr_pages").
    max_ocr_pages: int = 40
    # Seconds Tesseract may take on one page; it is killed past that (error "max_ocr_seconds").
    max_ocr_seconds: float = 30.0
