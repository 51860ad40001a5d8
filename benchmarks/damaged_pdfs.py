"""How many damaged PDFs stay `corrupt`, with and without the rebuilt cross-reference table (#17).

Damage is made from real PDFs (../shared/corpora/contracts-pdf and invoices), the way copies get
damaged: cut short at 10%, 50% and 90% of their bytes; the table, `startxref` and trailer garbled;
20 random bytes changed (seeded). Each damaged file is read by `read_pdf` (the extractor as a scan
runs it) and by `_read_pdf` (the same without the repair). For what the repair reads, the words
(4+ letters, case-folded) are compared with the intact file's: recall, and precision (the share of
recovered words that the intact file has: glyph codes read as letters would show up here).

With `--public DIR`, every PDF under DIR is read both ways as it is, e.g. the test resources of the
pypdf and pikepdf source distributions (`pip download --no-binary :all: --no-deps pypdf pikepdf`,
then unpack), which hold malformed files collected from bug reports.

    python -m benchmarks.damaged_pdfs [--public DIR]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from classifier.extract.errors import DocumentProblem
from classifier.extract.pdf import PdfReading, _read_pdf, read_pdf
from classifier.limits import Limits

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
WORDS = re.compile(r"[^\W\d_]{4,}")
LIMITS = Limits()


def damaged(data: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    for share in (10, 50, 90):
        yield f"cut at {share}%", data[: len(data) * share // 100]
    garbled = re.sub(rb"startxref\s+\d+", b"startxref\n99999999", data)
    yield "table lost", garbled.replace(b"\nxref", b"\nxxxx").replace(b"trailer", b"trai1er")
    flipped = bytearray(data)
    for _ in range(20):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    yield "20 bytes changed", bytes(flipped)


def status(read: Callable[[bytes, Limits], PdfReading], data: bytes) -> tuple[str, set[str]]:
    try:
        reading = read(data, LIMITS)
    except DocumentProblem as problem:
        return type(problem).__name__, set()
    text = "".join(segment.text for segment in reading.extracted.segments)
    return ("ok, repaired" if reading.extracted.partial else "ok"), set(WORDS.findall(text.casefold()))


def real_files() -> list[Path]:
    return sorted(p for folder in ("contracts-pdf", "invoices") for p in (CORPORA / folder).iterdir()
                  if p.suffix.lower() == ".pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--public", type=Path, help="a folder of public PDFs to read as they are")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = real_files()
    before: dict[str, Counter[str]] = {}
    after: dict[str, Counter[str]] = {}
    recall: dict[str, list[float]] = {}
    precision: dict[str, list[float]] = {}
    for path in sources:
        data = path.read_bytes()
        _, whole = status(read_pdf, data)
        for kind, copy in damaged(data, rng):
            before.setdefault(kind, Counter())[status(_read_pdf, copy)[0]] += 1
            outcome, words = status(read_pdf, copy)
            after.setdefault(kind, Counter())[outcome] += 1
            if outcome == "ok, repaired" and whole:
                recall.setdefault(kind, []).append(len(words & whole) / len(whole))
                precision.setdefault(kind, []).append(len(words & whole) / max(1, len(words)))
    print(f"{len(sources)} real PDFs (contracts-pdf, invoices), each damaged 5 ways, seed {args.seed}\n")
    print("| damage | corrupt without repair | corrupt with repair | read from a rebuilt table | "
          "word recall (mean) | word precision (mean, min) |")
    print("|---|---|---|---|---|---|")
    for kind, counts in before.items():
        repaired = after[kind]["ok, repaired"]
        r, p = recall.get(kind, []), precision.get(kind, [])
        print(f"| {kind} | {counts['CorruptDocument']} | {after[kind]['CorruptDocument']} | {repaired} | "
              + (f"{sum(r) / len(r):.3f} | {sum(p) / len(p):.3f}, {min(p):.3f} |" if r else "- | - |"))
    if args.public:
        public = sorted(p for p in args.public.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        was = Counter(status(_read_pdf, p.read_bytes())[0] for p in public)
        now = Counter(status(read_pdf, p.read_bytes())[0] for p in public)
        print(f"\n{len(public)} public PDFs under {args.public}: without repair {dict(sorted(was.items()))}; "
              f"with repair {dict(sorted(now.items()))}")


if __name__ == "__main__":
    main()
