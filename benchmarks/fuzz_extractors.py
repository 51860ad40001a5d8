"""Mutation fuzzing of every registered extractor, in process, under the scan's limits.

    nice -n 10 .venv/bin/python -m benchmarks.fuzz_extractors --minutes 30 [--seed N] [--out build/fuzz]
        [--mime application/pdf ...]

Seeds are real files of every format in the registry: written here by the libraries the
tests use (each with a canary in its text) and, where ../shared/corpora is present, the
smallest file of each magika-basic folder and the smallest CUAD contract PDF (real fonts, as
the SEC filed it). --mime keeps only the seeds of the given types (repeatable). Hypothesis draws a seed and a list of mutations
(bit flips, overwritten, inserted, deleted and duplicated ranges, interesting integers,
truncation, splices from another seed) and the mutated bytes go through
`classifier.extract.extract` with the seed format's MIME type and with the type sniffed
from the mutated bytes, then every member it yields, three levels down.

A finding is:
- an exception that is not one of the expected outcomes (Extracted, or a DocumentProblem,
  which the scan turns into encrypted / corrupt / unsupported / too_large);
- a status reason that holds a seed canary or 12 or more consecutive bytes of the input;
- one extraction running past --slow seconds (SIGALRM interrupts it there).
Each finding is written to OUT/findings/ (the input and a summary line without content);
the run ends with a JSON summary: executions, per-format counts, findings by signature.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import json
import lzma
import resource
import signal
import sqlite3
import sys
import tarfile
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import py7zr
from fpdf import FPDF
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from classifier.analyze import silence_library_output
from classifier.extract import extract
from classifier.extract.errors import DocumentProblem
from classifier.limits import Limits
from classifier.records import Extracted
from classifier.sniff import Sniffer
from tests.documents import csv_bytes, docx_bytes, eml_bytes, pdf_bytes, xlsx_bytes, zip_bytes

CANARY = "QZXFUZZCANARY"
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "magika-basic"
CONTRACTS_PDF = CORPORA.parent / "contracts-pdf"
# Smaller than the scan's defaults so that one execution stays short; the same code paths.
LIMITS = Limits(max_member_bytes=8 << 20, max_container_bytes=32 << 20, max_members=200, max_depth=3,
                max_text_chars=200_000)
MEMORY_CAP = 3 << 30
MEMBER_DEPTH = 3
INTERESTING = (b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\xff", b"\x00\x00\x00\x80", b"\xff\xff\xff\x7f",
               b"9999999999", b"-1", b"<!DOCTYPE a [<!ENTITY b 'c'>]>", b"obj", b"stream\n", b"%%EOF")
REASON_COPY_BYTES = 12


@dataclass(frozen=True)
class Seed:
    name: str  # what the mutated file is called (the extension matters to the sniffer)
    mime: str
    data: bytes


def generated_seeds() -> list[tuple[str, bytes]]:
    text = f"Invoice 4471 for Ann Lee, ann@contoso.com, +44 20 7946 0958. {CANARY}"
    docx = docx_bytes([text, "Second paragraph."], [["Name", "Email"], ["Ann Lee", "ann@contoso.com"]])
    xlsx = xlsx_bytes([["Name", "Email", "Amount"], ["Ann Lee", "ann@contoso.com", 12.5], [CANARY, "b@c.de", 3]])
    eml = eml_bytes("Ann Lee <ann@contoso.com>", "bob@fabrikam.de", "Offer", text,
                    [("offer.csv", csv_bytes([["a", "b"], ["1", CANARY]]), "text/csv")])
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w") as archive:
        for name, content in (("notes.txt", text.encode()), ("sheet.xlsx", xlsx)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    seven = io.BytesIO()
    with py7zr.SevenZipFile(seven, "w") as archive:
        archive.writestr(text.encode(), "notes.txt")
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "crm.sqlite"
        with sqlite3.connect(database) as connection:
            connection.execute("CREATE TABLE people (name TEXT, email TEXT)")
            connection.execute("INSERT INTO people VALUES (?, ?)", ("Ann Lee", f"ann@contoso.com {CANARY}"))
        sqlite = database.read_bytes()
    attached = FPDF()
    attached.add_page()
    attached.set_font("helvetica", size=11)
    attached.cell(text="Newsletter")
    attached.embed_file(bytes=csv_bytes([["Name", "Email"], ["Ann Lee", CANARY]]), basename="people.csv", compress=True)
    latin1_tar = io.BytesIO()
    with tarfile.open(fileobj=latin1_tar, mode="w", format=tarfile.USTAR_FORMAT, encoding="latin-1") as archive:
        info = tarfile.TarInfo("r\udce9sum\udce9.txt")
        info.size = len(text.encode())
        archive.addfile(info, io.BytesIO(text.encode()))
    # Latin-1 names under the UTF-8 flag (archive.open_zip repairs them).
    false_utf8 = zip_bytes({"r\u00e9sum\u00e9.txt": text.encode()}).replace("r\u00e9sum\u00e9".encode(), b"r\xe9 sum\xe9 ")
    return [
        ("report.pdf", pdf_bytes([text, "Total due: 1,240.00 EUR"])),
        ("news.pdf", bytes(attached.output())),
        ("old.tar", latin1_tar.getvalue()),
        ("bundle.tar.gz", gzip.compress(tar_buffer.getvalue(), mtime=0)),
        ("flagged.zip", false_utf8),
        ("letter.docx", docx),
        ("people.xlsx", xlsx),
        ("people.csv", csv_bytes([["Name", "Email"], ["Ann Lee", "ann@contoso.com"], [CANARY, "x@y.org"]])),
        ("offer.eml", eml),
        ("bundle.zip", zip_bytes({"notes.txt": text.encode(), "letter.docx": docx})),
        ("bundle.tar", tar_buffer.getvalue()),
        ("notes.txt.gz", gzip.compress(text.encode(), mtime=0)),
        ("notes.txt.bz2", bz2.compress(text.encode())),
        ("notes.txt.xz", lzma.compress(text.encode())),
        ("notes.7z", seven.getvalue()),
        ("crm.sqlite", sqlite),
        ("export.json", json.dumps([{"name": "Ann Lee", "email": "ann@contoso.com", "note": CANARY}]).encode()),
        ("export.xml", f"<people><p><name>Ann Lee</name><note>{CANARY}</note></p></people>".encode()),
        ("page.html", f"<html><body><p>{text}</p></body></html>".encode()),
        ("notes.txt", text.encode()),
        ("dump.sql", f"CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('{CANARY}');\n".encode()),
        ("letter.rtf", ("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 " + text + "\\par}").encode()),
    ]


def corpus_seeds() -> list[tuple[str, bytes]]:
    if not CORPORA.exists():
        return []
    picked = []
    for folder in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.stat().st_size)
        if files and files[0].stat().st_size <= 256 << 10:
            picked.append((f"{folder.name}-{files[0].name}", files[0].read_bytes()))
    if CONTRACTS_PDF.exists():
        smallest = min(CONTRACTS_PDF.iterdir(), key=lambda p: p.stat().st_size)
        picked.append((f"contract-{smallest.stem}.pdf", smallest.read_bytes()))
    return picked


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def fixture_seeds() -> list[tuple[str, bytes]]:
    """The committed real files of formats no generator here writes (.doc and .ppt made by LibreOffice,
    RAR from rarfile's tests, Deflate64 and PPMd zips made by 7-Zip), a PDF cut before its table (read
    through pdf_repair) and a PDF with a zip appended (a polyglot)."""
    picked = [(path.name, path.read_bytes()) for folder in ("legacy_office", "rar", "zip_methods")
              for path in sorted((FIXTURES / folder).iterdir()) if path.suffix in {".doc", ".ppt", ".rar", ".zip"}]
    report = pdf_bytes([f"Invoice 4471 for Ann Lee, ann@contoso.com. {CANARY}", "Second page follows."])
    picked.append(("cut.pdf", report[: report.rindex(b"xref")]))
    picked.append(("polyglot.pdf", report + zip_bytes({"staff.csv": csv_bytes([["Name"], [CANARY]])})))
    return picked


def load_seeds(sniffer: Sniffer) -> list[Seed]:
    seeds = []
    for name, data in generated_seeds() + corpus_seeds() + fixture_seeds():
        seeds.append(Seed(name, sniffer.sniff(data, name).mime, data))
    return seeds


# --- mutations ---------------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, seeds: list[Seed]) -> tuple[Seed, bytes]:
    seed = draw(st.sampled_from(seeds))
    data = bytearray(seed.data)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            data += draw(st.binary(min_size=1, max_size=64))
        kind = draw(st.sampled_from(("flip", "overwrite", "insert", "delete", "duplicate", "interesting",
                                     "truncate", "splice")))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=32))
            data[at : at + len(chunk)] = chunk
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif kind == "duplicate":
            span = data[at : at + draw(st.integers(1, 4096))]
            data[at:at] = span * draw(st.integers(1, 16))
        elif kind == "interesting":
            value = draw(st.sampled_from(INTERESTING))
            data[at : at + len(value)] = value
        elif kind == "truncate":
            del data[at:]
        else:
            other = draw(st.sampled_from(seeds)).data
            start = draw(st.integers(0, max(0, len(other) - 1)))
            data[at:at] = other[start : start + draw(st.integers(1, 2048))]
    return seed, bytes(data)


# --- running one input -------------------------------------------------------------------------


class SlowExtraction(BaseException):
    """Raised by SIGALRM inside an extraction that ran past --slow (BaseException: no
    extractor's `except Exception` may swallow it)."""


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    def ring(signum: int, frame: FrameType | None) -> None:
        raise SlowExtraction()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Campaign:
    sniffer: Sniffer
    out: Path
    slow_s: float
    executions: int = 0
    by_format: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)

    def run(self, seed: Seed, data: bytes) -> None:
        mimes = [seed.mime]
        sniffed = self.sniff(seed, data, seed.name)
        if sniffed is not None and sniffed != seed.mime:
            mimes.append(sniffed)
        for mime in mimes:
            self.by_format[mime] += 1
            self.run_one(seed, data, mime, seed.name, 0)

    def run_one(self, seed: Seed, data: bytes, mime: str, name: str, depth: int) -> None:
        self.executions += 1
        started = time.monotonic()
        try:
            with alarm(self.slow_s):
                extracted: Extracted | None = extract(data, mime, name, LIMITS)
        except DocumentProblem as problem:
            self.outcomes[type(problem).__name__] += 1
            self.check_reason(seed, data, mime, str(problem))
            return
        except SlowExtraction:
            self.finding(seed, data, mime, f"slow>{self.slow_s:g}s", None)
            return
        except MemoryError as exc:
            self.finding(seed, data, mime, "MemoryError", exc)
            return
        except Exception as exc:
            self.finding(seed, data, mime, type(exc).__name__, exc)
            return
        self.outcomes["ok"] += 1
        if time.monotonic() - started > self.slow_s:
            self.finding(seed, data, mime, f"slow>{self.slow_s:g}s", None)
        if extracted is None or depth >= MEMBER_DEPTH:
            return
        for member in extracted.members[:20]:
            if member.problem:
                self.check_reason(seed, data, mime, member.problem)
            elif not member.encrypted:
                member_mime = self.sniff(seed, member.data, member.name)
                if member_mime is not None:
                    self.run_one(seed, member.data, member_mime, member.name, depth + 1)

    def sniff(self, seed: Seed, data: bytes, name: str) -> str | None:
        """The scan sniffs every document and member first: a crash there is a finding too."""
        try:
            return self.sniffer.sniff(data, name).mime
        except Exception as exc:
            self.finding(seed, data, "sniff", type(exc).__name__, exc)
            return None

    def check_reason(self, seed: Seed, data: bytes, mime: str, reason: str) -> None:
        # The detected type is metadata the reason may name ("no extractor for application/epub+zip",
        # which an EPUB also spells out in its own `mimetype` member).
        encoded = reason.replace(mime, "").encode("utf-8", errors="replace")
        copied = any(encoded[n : n + REASON_COPY_BYTES] in data
                     for n in range(0, max(0, len(encoded) - REASON_COPY_BYTES) + 1)
                     if len(encoded) >= REASON_COPY_BYTES)
        if CANARY in reason or len(reason) > 300 or copied:
            self.finding(seed, data, mime, "content in reason", None)

    def finding(self, seed: Seed, data: bytes, mime: str, kind: str, exc: BaseException | None) -> None:
        where = ""
        if exc is not None:
            frames = traceback.extract_tb(exc.__traceback__)
            if frames:
                last = frames[-1]
                where = f"{Path(last.filename).name}:{last.lineno}"
        signature = f"{mime} {kind} {where}".strip()
        self.findings[signature] += 1
        if self.findings[signature] <= 3:  # a few examples of each are enough to reproduce it
            folder = self.out / "findings"
            folder.mkdir(parents=True, exist_ok=True)
            number = sum(self.findings.values())
            (folder / f"{number:05d}-{Path(seed.name).name}").write_bytes(data)
            with (folder / "findings.jsonl").open("a", encoding="utf-8") as log:
                log.write(json.dumps({"file": f"{number:05d}-{Path(seed.name).name}", "seed": seed.name,
                                      "signature": signature}) + "\n")


def fuzz(campaign: Campaign, seeds: list[Seed], minutes: float, seed: int) -> None:
    deadline = time.monotonic() + minutes * 60
    batch = 0

    while time.monotonic() < deadline:
        batch += 1

        # A fresh random seed per batch (hypothesis would otherwise replay the same examples);
        # nothing to shrink: findings are recorded, not raised.
        @hypothesis_seed(seed * 1_000_003 + batch)
        @settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=mutated(seeds))
        def one_batch(case: tuple[Seed, bytes]) -> None:
            if time.monotonic() < deadline:
                try:
                    campaign.run(*case)
                except Exception as exc:  # outside one extraction (the harness itself): still a finding
                    campaign.finding(case[0], case[1], "harness", type(exc).__name__, exc)

        one_batch()
        print(f"[{time.strftime('%H:%M:%S')}] batch {batch}: {campaign.executions} executions, "
              f"{sum(campaign.findings.values())} findings", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=20.0, help="seconds after which one extraction is a finding")
    parser.add_argument("--out", type=Path, default=Path("build/fuzz"))
    parser.add_argument("--mime", action="append", default=[], help="fuzz only the seeds of this type (repeatable)")
    args = parser.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    silence_library_output()
    sniffer = Sniffer()
    seeds = [seed for seed in load_seeds(sniffer) if not args.mime or seed.mime in args.mime]
    if not seeds:
        parser.error(f"no seed of type {', '.join(args.mime)}")
    args.out.mkdir(parents=True, exist_ok=True)
    campaign = Campaign(sniffer, args.out, args.slow)
    started = time.monotonic()
    fuzz(campaign, seeds, args.minutes, args.seed)
    summary = {
        "minutes": round((time.monotonic() - started) / 60, 1),
        "seeds": len(seeds),
        "seed_formats": sorted({s.mime for s in seeds}),
        "executions": campaign.executions,
        "outcomes": dict(campaign.outcomes.most_common()),
        "by_format": dict(campaign.by_format.most_common()),
        "findings": dict(campaign.findings.most_common()),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 1 if campaign.findings else 0


if __name__ == "__main__":
    sys.exit(main())
