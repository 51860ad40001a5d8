"""Text from pictures of text (scans, photographed IDs, PDF pages without a text layer) with Tesseract.

Tesseract runs as a subprocess, `tesseract - - -l LANG`, reading the picture from stdin and writing the
text to stdout. pytesseract is not used: its image_to_string saves the picture to
NamedTemporaryFile(prefix="tess_", delete=False) and has Tesseract write the text beside it as
`<name>.txt`, removing both in a `finally` (pytesseract.py, `save` and `run_and_get_output`); a worker
killed with SIGKILL at its time limit would leave a page of the document and its text in /tmp. Through
pipes nothing of the document touches the disk. tesserocr (the C API) avoids files too, but runs
Tesseract inside the worker: a crash on hostile pixels would take the worker with it, and a page
could not be stopped at its time limit. A subprocess is killed at `max_ocr_seconds`, and its CPU time is
capped by RLIMIT_CPU as well, so that it cannot outlive a worker the scan kills at the file's limit.

Pictures are decoded with Pillow, not by Tesseract: the size is read from the header first (Image.open
is lazy) and refused past `max_image_pixels` before a pixel is decoded; then only the first frame
(a GIF, a WebP) or the frames of a TIFF, flattened onto white (a transparent PNG of black text reads
as black on black otherwise) in grey, are passed on, as uncompressed PGM, the cheapest format for
both sides. Tesseract's stderr is never read into a record: reasons are fixed strings.
"""

from __future__ import annotations

import io
import math
import os
import re
import resource
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageOps

from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.language import detect_language
from classifier.records import Extracted, SegmentKind

# Tesseract's traineddata for the languages the PII stage reads (ISO 639-1 -> Tesseract's names). The
# Spanish model alone reads "@" as "O", "(O", "G" or "E": 0 of the 6 Spanish images' addresses of a
# benchmarks/ocr.py run were read right, 5 of 6 with English beside it (the sixth ran off the page). deu
# and fra read them as well as eng does; fra+eng lost one of 6 that fra read.
PACKS = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa+eng"}
DEFAULT_PACK = "eng"
# Pictures larger than this are scaled down before OCR: Tesseract's time grows with the pixels, and
# past an A4 page at 400 DPI (15.6 MP) more pixels add no legible letters. PDF pages are rendered at
# RENDER_DPI within the same bound.
WORKING_PIXELS = 3308 * 4678
RENDER_DPI = 300
# A page whose text layer has fewer letters than this (a page number, a scanner's stamp) and that
# shows an image is a scanned page: its text is in the picture.
MIN_LAYER_LETTERS = 16
NOT_INSTALLED = "ocr: tesseract not installed"
FAILED = "ocr: tesseract failed on a page"
# Tesseract puts a space where the letters of an address sit apart: "berenger @contoso-conseil.fr". Joined
# again only around an "@", which no word or sentence ends with. (It splits "jonathan. fairbanks@" too, but
# "Write to us. info@…" is a sentence end: that space stays.)
SPLIT_AT_SIGN = re.compile(r"(?<=[\w.])[ \t]?@[ \t]?(?=\w)")


@dataclass(frozen=True)
class OcrEngine:
    """The tesseract binary and its installed language packs, found once per worker process."""

    command: str
    packs: frozenset[str]

    def pack_for(self, language: str | None) -> str:
        pack = PACKS.get(language or "", DEFAULT_PACK)
        return pack if all(part in self.packs for part in pack.split("+")) else DEFAULT_PACK


def find_tesseract(command: str = "tesseract") -> OcrEngine | None:
    """The engine, or None when Tesseract or its English pack is missing (pictures are then recorded
    unread, with NOT_INSTALLED as the reason)."""
    path = shutil.which(command)
    if path is None:
        return None
    try:
        listed = subprocess.run([path, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    # The first line is "List of available languages in ...", then one pack a line.
    packs = frozenset(line.strip() for line in listed.stdout.decode("ascii", "replace").splitlines()[1:])
    return OcrEngine(path, packs) if DEFAULT_PACK in packs else None


class PageTimeout(Exception):
    """Tesseract took longer than max_ocr_seconds on a page."""


class PageFailed(Exception):
    """Tesseract exited with an error on a page (its message is not kept: it could quote the page)."""


def tesseract_text(engine: OcrEngine, picture: Image.Image, pack: str, seconds: float) -> str:
    """The text Tesseract reads in `picture` with language pack `pack`."""
    encoded = io.BytesIO()
    picture.save(encoded, format="PPM")  # a grey picture is written as PGM (P5)
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")  # one worker, one core: threads only contend
    process = subprocess.Popen([engine.command, "-", "-", "-l", pack, "--psm", "3"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment)
    try:
        cpu = math.ceil(seconds) + 1
        resource.prlimit(process.pid, resource.RLIMIT_CPU, (cpu, cpu))
    except (OSError, ValueError):  # it ended already; the wall-clock timeout below still holds
        pass
    try:
        text, _ = process.communicate(encoded.getvalue(), timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise PageTimeout from None
    if process.returncode != 0:
        raise PageFailed
    return text.decode("utf-8", "replace")


def repaired_text(text: str) -> str:
    """OCR text with addresses Tesseract split at their "@" joined again."""
    if "@" not in text:
        return text
    return SPLIT_AT_SIGN.sub("@", text)


def working_picture(picture: Image.Image) -> Image.Image:
    """Grey, on white, within WORKING_PIXELS."""
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):  # 16-bit scans: convert("L") would clip them white
        picture = picture.convert("I").point(lambda value: value / 256)
    if picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info):
        rgba = picture.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        picture = Image.alpha_composite(background, rgba)
    grey = picture.convert("L")
    pixels = grey.width * grey.height
    if pixels > WORKING_PIXELS:
        scale = math.sqrt(WORKING_PIXELS / pixels)
        grey = grey.resize((max(1, int(grey.width * scale)), max(1, int(grey.height * scale))), Image.Resampling.BILINEAR)
    return grey


class ImageFrames:
    """The pictures of an image file: its first frame, or every frame of a TIFF (a faxed contract)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def pages(self, max_pixels: int) -> Iterator[Image.Image]:
        try:
            image = Image.open(io.BytesIO(self._data))
        except Image.DecompressionBombError:  # Pillow's own guard, at twice max_image_pixels' default
            raise LimitExceeded("max_image_pixels") from None
        except Exception as exc:  # Pillow raises many types on damaged headers
            raise CorruptDocument(f"image: {reason_from(exc)}") from None
        multipage = image.format == "TIFF"
        frame = 0
        while True:
            yield _decoded(image, max_pixels, oriented=frame == 0)
            if not multipage:
                return
            frame += 1
            try:
                image.seek(frame)
            except EOFError:
                return
            except Exception as exc:  # a damaged chain of TIFF directories
                raise CorruptDocument(f"image: {reason_from(exc)}") from None


def _decoded(image: Image.Image, max_pixels: int, oriented: bool) -> Image.Image:
    """The frame `image` is at, refused by its header's size before it is decoded."""
    width, height = image.size
    if width * height > max_pixels:
        raise LimitExceeded("max_image_pixels")
    try:
        if image.format == "JPEG" and width * height > WORKING_PIXELS:
            # libjpeg decodes at 1/2, 1/4 or 1/8 scale directly: a 50 MP photo never exists whole in memory.
            scale = math.sqrt(WORKING_PIXELS / (width * height))
            image.draft("L", (int(width * scale), int(height * scale)))
        image.load()
        # A phone photo is stored sideways with an EXIF orientation; Tesseract reads upright lines best.
        return working_picture(ImageOps.exif_transpose(image) if oriented else image)
    except Image.DecompressionBombError:
        raise LimitExceeded("max_image_pixels") from None
    except Exception as exc:  # truncated data, a bad codec stream
        raise CorruptDocument(f"image: {reason_from(exc)}") from None


@dataclass(frozen=True)
class OcrBudget:
    """What OCR may still cost in the file on disk being analysed (its members included)."""

    pages_left: int
    max_pixels: int
    page_seconds: float


@dataclass(frozen=True)
class OcrOutcome:
    pages_read: int  # pages that went through Tesseract
    text_found: bool  # some of the document's text came from OCR (Extracted.from_ocr is set)
    reason: str | None  # a limit's name or a fixed reason when a page was not read


def read_pictures(extracted: Extracted, engine: OcrEngine | None, budget: OcrBudget) -> OcrOutcome:
    """OCRs the extracted document's pictures into prose segments, within the budget.

    The language pack is the document's language where its text layer tells it; else the first page
    is read with English, and read again with the pack of the language its text is in. Later pages
    take the first page's pack. Raises LimitExceeded when the limits left nothing of the document
    readable (an image over max_image_pixels, a lone page past max_ocr_pages or max_ocr_seconds),
    CorruptDocument when a picture cannot be decoded.
    """
    pictures = extracted.pictures
    if pictures is None:
        return OcrOutcome(0, False, None)
    if engine is None:
        return OcrOutcome(0, False, NOT_INSTALLED)
    layer = "\n".join(segment.text for segment in extracted.segments)
    known = detect_language(layer)
    pack = engine.pack_for(known)
    read = 0
    texts: list[str] = []
    reason: str | None = None
    for picture in pictures.pages(budget.max_pixels):
        if read >= budget.pages_left:
            reason = "max_ocr_pages"
            break
        started = time.monotonic()
        try:
            text = tesseract_text(engine, picture, pack, budget.page_seconds)
            if read == 0 and known is None:
                better = engine.pack_for(detect_language(text))
                left = budget.page_seconds - (time.monotonic() - started)
                if better != pack and left > 0:
                    pack = better
                    text = tesseract_text(engine, picture, pack, left)
        except PageTimeout:
            read += 1
            reason = "max_ocr_seconds"
            break  # a page this slow says the others will be too: the file's time limit is not spent here
        except PageFailed:
            read += 1
            reason = FAILED
            continue
        read += 1
        texts.append(repaired_text(text))
    for text in texts:
        extracted.add(SegmentKind.PROSE, text)
    found = any(text.strip() for text in texts)
    extracted.from_ocr = extracted.from_ocr or found
    if reason is not None and reason.startswith("max_") and not found and not layer.strip() and not extracted.members:
        raise LimitExceeded(reason)  # nothing of the document was read: too_large, as for any limit
    return OcrOutcome(read, found, reason)

