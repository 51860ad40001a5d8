"""DOCX and XLSX read by python-docx and openpyxl (the readers before #20) and as streamed XML (now).

    .venv/bin/python -m benchmarks.ooxml_readers [--repeat 5] [--seeds 3] [--formats docx xlsx]

Files: every .docx (.xlsx) of ../shared/corpora/office-poi that both readers read (the others are
listed, not timed), and the DOCX (XLSX) files the sample generator writes for seeds 1..N. Each file's
bytes are in memory before any clock starts; each reader extracts each file --repeat times, and
the table gives documents per second (wall time, time.perf_counter) and characters of extracted
text per CPU-second (time.process_time) over all the runs. Both readers run in this process, one
after the other, on the same files; the machine is shared, so compare the ratio, not the figures
across runs.

`python_docx_extract` and `openpyxl_xlsx_extract` are the references the equivalence tests
(tests/test_docx_reader.py, tests/test_xlsx_reader.py) compare the streamed readers with; they live
here, outside the package, which no longer imports python-docx and uses openpyxl only for workbooks the
streamed reader leaves aside.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

from classifier.extract.bounded import check_declared_sizes
from classifier.extract.errors import CorruptDocument, DocumentProblem, LimitExceeded, reason_from
from classifier.extract.office import core_dates, extract_docx, stored_core_dates
from classifier.extract.ooxml_embedded import embedded_members
from classifier.extract.spreadsheet import extract_xlsx, openpyxl_extract
from classifier.limits import Limits
from classifier.records import Extracted, Segment, SegmentKind
from sample_data.generate import main as generate_sample

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
POI = CORPORA / "office-poi"
Reader = Callable[[bytes, str, Limits], Extracted]


def python_docx_extract(data: bytes, name: str, limits: Limits) -> Extracted:
    """classifier/extract/office.py's extract_docx as it was before #20 (commit d51d8a9), unchanged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_declared_sizes(package, limits)  # python-docx inflates every part at once
            has_core_properties = "docProps/core.xml" in package.namelist()
        document = docx.Document(io.BytesIO(data))
    except LimitExceeded:
        raise
    except Exception as exc:  # zipfile, lxml and python-docx raise many types on malformed parts
        raise CorruptDocument(f"docx: {reason_from(exc)}") from None
    out = Extracted()
    # python-docx invents core properties dated "now" when the package has
    # none; only a real docProps/core.xml part carries document dates.
    if has_core_properties:
        props = document.core_properties
        out.metadata_dates = core_dates(props.created, props.modified)
    budget = limits.max_text_chars
    for paragraph in document.paragraphs:
        out.add(SegmentKind.PROSE, paragraph.text)
        budget -= len(paragraph.text)
        if budget <= 0:
            out.truncated = True
            break
    for table_index, table in enumerate(document.tables):
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if not rows:
            continue
        header = rows[0]
        for row in rows[1:]:
            for column, value in enumerate(row):
                if value:
                    label = header[column] if column < len(header) else None
                    out.segments.append(Segment(SegmentKind.TABLE_CELL, value, label, table_index, column))
    if document.tables:
        out.structure = frozenset({"table"})
    out.members = embedded_members(data, limits)
    return out


def openpyxl_xlsx_extract(data: bytes, name: str, limits: Limits) -> Extracted:
    """classifier/extract/spreadsheet.py's extract_xlsx as it was before #20 (commit df238fe): the package's
    openpyxl reader (kept there as the streamed reader's fallback, the same code) on every workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            # openpyxl streams worksheets but reads shared strings and styles whole.
            check_declared_sizes(package, limits)
            stored_dates = stored_core_dates(package)
    except LimitExceeded:
        raise
    except Exception as exc:  # zipfile raises many types on a malformed container
        raise CorruptDocument(f"xlsx: {reason_from(exc)}") from None
    out = openpyxl_extract(data, stored_dates, limits)
    out.members = embedded_members(data, limits)
    return out


# format -> (label of the reader before #20, that reader, the streamed reader)
READERS: dict[str, tuple[str, Reader, Reader]] = {
    "docx": ("python-docx", python_docx_extract, extract_docx),
    "xlsx": ("openpyxl", openpyxl_xlsx_extract, extract_xlsx),
}


def poi_files(extension: str) -> list[tuple[str, bytes]]:
    folder = POI / extension
    if not folder.exists():
        return []
    return [(f"office-poi/{extension}/{path.name}", path.read_bytes()) for path in sorted(folder.glob(f"*.{extension}"))]


def sample_files(seeds: range, extension: str) -> list[tuple[str, bytes]]:
    """The files of the generated sample leak, top-level ones (a zip member is a copy of one)."""
    files: list[tuple[str, bytes]] = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            out = Path(folder) / f"seed{seed}"
            generate_sample(["--out", str(out), "--seed", str(seed)])
            leak = out / "leak"
            files.extend((f"sample seed {seed}/{path.relative_to(leak).as_posix()}", path.read_bytes())
                         for path in sorted(leak.rglob(f"*.{extension}")))
    return files


def readable_by_both(files: list[tuple[str, bytes]], limits: Limits, readers: tuple[str, Reader, Reader] = READERS["docx"]
                     ) -> tuple[list[tuple[str, bytes]], list[str]]:
    label, old, new = readers
    kept: list[tuple[str, bytes]] = []
    refused: list[str] = []
    for name, data in files:
        outcomes = []
        for reader in (old, new):
            try:
                reader(data, name, limits)
                outcomes.append("ok")
            except DocumentProblem as problem:
                outcomes.append(f"{type(problem).__name__}: {problem}")
            except Exception as exc:
                outcomes.append(f"raised {reason_from(exc)}")
        if outcomes == ["ok", "ok"]:
            kept.append((name, data))
        else:
            refused.append(f"{name}: {label} {outcomes[0]}; streamed {outcomes[1]}")
    return kept, refused


def measure(reader: Reader, files: list[tuple[str, bytes]], limits: Limits, repeat: int) -> tuple[float, float]:
    """(documents per wall second, characters per CPU-second)."""
    name, data = files[0]
    reader(data, name, limits)  # lazy imports are not charged to the first document
    characters = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for name, data in files:
            characters += sum(len(segment.text) for segment in reader(data, name, limits).segments)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return repeat * len(files) / wall, characters / cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=3, help="sample generator seeds 1..N")
    parser.add_argument("--formats", nargs="+", choices=sorted(READERS), default=sorted(READERS))
    args = parser.parse_args(argv)
    limits = Limits()
    for extension in args.formats:
        label, old_reader, new_reader = READERS[extension]
        corpora = {f"office-poi {extension}": poi_files(extension),
                   f"sample seeds 1-{args.seeds}": sample_files(range(1, args.seeds + 1), extension)}
        print(f"| {extension} files | documents | {label} docs/s | streamed docs/s | × | {label} chars/CPU-s "
              "| streamed chars/CPU-s | × |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        skipped: list[str] = []
        for corpus, files in corpora.items():
            kept, refused = readable_by_both(files, limits, READERS[extension])
            skipped.extend(refused)
            if not kept:
                continue
            old_docs, old_chars = measure(old_reader, kept, limits, args.repeat)
            new_docs, new_chars = measure(new_reader, kept, limits, args.repeat)
            print(f"| {corpus} | {len(kept)} | {old_docs:,.0f} | {new_docs:,.0f} | {new_docs / old_docs:.1f} "
                  f"| {old_chars:,.0f} | {new_chars:,.0f} | {new_chars / old_chars:.1f} |")
        for line in skipped:
            print(f"- not timed, {line}")
        print()


if __name__ == "__main__":
    main()
