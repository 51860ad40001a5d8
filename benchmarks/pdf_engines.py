"""PDF page text: PDFium against pdfminer.six (issue 20), on the CUAD contracts as the SEC filed them.

    PYTHONPATH=. .venv/bin/python -m benchmarks.pdf_engines [--corpora ../shared/corpora]

For each PDF of CORPORA/contracts-pdf, the part both paths share (pdfminer parses the document,
reads its attachments, checks its stream sizes and its dates) runs once, then each page path
reads the text: pdfminer's layout analysis (classifier.extract.pdf.pdfminer_text, the path before
issue 20 and the fallback now) and PDFium (pdfium_text, normalised). Times are CPU seconds of this
process (time.process_time), so a busy machine slows both alike. Words are case-folded runs of three
or more letters, counted with their repeats; "recall of A in B" is the share of A's words that B
has too (a word A has 3 times and B once counts once). The gold is the CUAD text version of the same
agreement (CORPORA/contracts/<same name>.txt), made by the data set's authors from the filing.
Prints markdown tables; nothing from the documents is printed.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser

from classifier.analyze import silence_library_output
from classifier.extract.pdf import attached_files, check_stream_sizes, pdf_info_dates, pdfium_text, pdfminer_text
from classifier.limits import Limits

WORD = re.compile(r"[^\W\d_]{3,}")
DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
UNLIMITED_TEXT = 1 << 40


def words(text: str) -> Counter[str]:
    return Counter(match.group().casefold() for match in WORD.finditer(text))


def recall(reference: Counter[str], candidate: Counter[str]) -> tuple[int, int]:
    """(words of `reference` that `candidate` has too, words of `reference`), repeats counted."""
    return sum((reference & candidate).values()), sum(reference.values())


@dataclass
class Engine:
    name: str
    cpu_s: float = 0.0
    chars: int = 0
    words: list[Counter[str]] = field(default_factory=list)


def timed(read: Callable[[], str]) -> tuple[str, float]:
    started = time.process_time()
    text = read()
    return text, time.process_time() - started


def shared_part(data: bytes, limits: Limits) -> PDFDocument:
    document = PDFDocument(PDFParser(io.BytesIO(data)), caching=True)
    _, inflated = attached_files(document, limits)
    check_stream_sizes(document, limits, already=inflated)
    pdf_info_dates(document)
    return document


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def pdfium_or_fail(data: bytes) -> str:
    text = pdfium_text(data, UNLIMITED_TEXT)
    if text is None:
        raise SystemExit("PDFium could not read a contract; the comparison needs both engines on every file")
    return text


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args(argv)
    pdfs = sorted((args.corpora / "contracts-pdf").iterdir())
    if not pdfs:
        parser.error(f"no PDFs under {args.corpora / 'contracts-pdf'}")
    silence_library_output()
    limits = Limits(max_text_chars=UNLIMITED_TEXT)
    shared = Engine("shared part (pdfminer: parse, attachments, stream sizes, dates)")
    miner, pdfium_engine = Engine("pdfminer.six page path (before; the fallback now)"), Engine("PDFium page path (now)")
    gold: list[Counter[str]] = []
    pages = 0
    for number, path in enumerate(pdfs, start=1):
        data = path.read_bytes()
        pages += page_count(data)
        started = time.process_time()
        document = shared_part(data, limits)
        shared.cpu_s += time.process_time() - started
        for engine, read in ((miner, partial(pdfminer_text, document)), (pdfium_engine, partial(pdfium_or_fail, data))):
            text, cpu_s = timed(read)
            engine.cpu_s += cpu_s
            engine.chars += len(text)
            engine.words.append(words(text))
        gold_path = args.corpora / "contracts" / path.with_suffix(".txt").name
        gold.append(words(gold_path.read_text("utf-8")) if gold_path.exists() else Counter())
        print(f"{number}/{len(pdfs)}", file=sys.stderr, flush=True)

    print(f"{len(pdfs)} PDFs, {pages} pages; CPU seconds of one process.\n")
    print("| path | CPU s | pages/s | characters | characters per CPU s |")
    print("|---|---|---|---|---|")
    for engine in (miner, pdfium_engine):
        print(f"| {engine.name} | {engine.cpu_s:.1f} | {pages / engine.cpu_s:.0f} | {engine.chars:,} "
              f"| {engine.chars / engine.cpu_s:,.0f} |")
    print(f"| {shared.name} | {shared.cpu_s:.1f} | {pages / shared.cpu_s:.0f} | | |")
    before, after = shared.cpu_s + miner.cpu_s, shared.cpu_s + pdfium_engine.cpu_s
    print(f"\nWhole PDF extractor (shared part + page path): {before:.1f} CPU s before, {after:.1f} after "
          f"({before / after:.1f}× faster).\n")

    def totals(references: list[Counter[str]], candidates: list[Counter[str]]) -> tuple[str, str]:
        pairs = [recall(r, c) for r, c in zip(references, candidates, strict=True) if r]
        overall = percent(sum(p for p, _ in pairs), sum(w for _, w in pairs))
        lowest = min((p / w for p, w in pairs if w), default=0.0)
        return overall, f"{100 * lowest:.1f} %"

    with_gold = sum(1 for g in gold if g)
    print(f"Word recall (words of ≥3 letters, case-folded, repeats counted; gold for {with_gold} of {len(pdfs)}):\n")
    print("| words of | found in | all documents | lowest document |")
    print("|---|---|---|---|")
    rows = [
        ("pdfminer.six", "PDFium", miner.words, pdfium_engine.words),
        ("PDFium", "pdfminer.six", pdfium_engine.words, miner.words),
        ("gold (.txt)", "PDFium", gold, pdfium_engine.words),
        ("gold (.txt)", "pdfminer.six", gold, miner.words),
        ("PDFium", "gold (.txt)", pdfium_engine.words, gold),
        ("pdfminer.six", "gold (.txt)", miner.words, gold),
    ]
    for reference, candidate, references, candidates in rows:
        if "gold" in reference + candidate and not with_gold:
            continue
        overall, lowest = totals(references, candidates)
        print(f"| {reference} | {candidate} | {overall} | {lowest} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
