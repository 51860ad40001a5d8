"""The stock baseline of benchmarks/speed: what a user would write with stock libraries, frozen.

    .venv/bin/python -m benchmarks.stock_baseline ROOT FILES_JSON RESULT_JSON [--spans]

No leakcensus code is on the measured path. Each file listed in FILES_JSON (paths
relative to ROOT) is read by its extension with the library a user would reach for:

- `.pdf`: `pdfminer.high_level.extract_text`;
- `.docx`: python-docx, body paragraphs then every table cell;
- `.xlsx`/`.xlsm`: openpyxl (`read_only=True, data_only=True`), every cell value of every sheet;
- `.pptx`: python-pptx, every shape's text frame and table cells, and the slide notes;
- `.eml`, and files without an extension whose first line is a mail header: stdlib `email`
  (`policy.default`), the text of every `text/*` part;
- text formats (`.txt .csv .md .json .xml .html .log …`): the bytes decoded as UTF-8
  (errors replaced);
- anything else (archives, images, legacy binaries): not read, counted under `skipped`.

Then one default `AnalyzerEngine` (Presidio's default recognizers, the same spaCy model
loaded whole, as `SpacyNlpEngine` loads it) analyses each file's whole text with
`language="en"`. The one departure from Presidio's defaults: its e-mail recognizer asks
tldextract, which would fetch the public suffix list from the network on first use; the
benchmark points tldextract at its bundled snapshot instead (`suffix_list_urls=()`), the
same check, offline.

Run as a process of its own (so that its peak RSS is polled like a scan's). RESULT_JSON
gets CPU seconds (`time.process_time`) for extraction and analysis, the characters
extracted, PDF pages, the model's load time, and with `--spans` the span texts Presidio
found per file with their types and the phone region the scan would read the file's
national numbers in, for scoring (computed after the clocks; raw values: only for the
synthetic corpus, in the benchmark's scratch folder).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

TEXT_EXTENSIONS = frozenset({
    ".txt", ".csv", ".tsv", ".md", ".json", ".jsonl", ".ndjson", ".xml", ".html", ".htm", ".log", ".yaml", ".yml",
    ".sql", ".env", ".ini", ".cfg", ".conf", ".py", ".js", ".ts", ".sh", ".properties", ".toml", ".vcf", ".ics",
})
MAIL_HEADER = re.compile(rb"\A(?:From |[A-Za-z][A-Za-z0-9-]*: )")


@dataclass
class StockResult:
    files: int = 0
    extraction_cpu_s: float = 0.0
    analysis_cpu_s: float = 0.0
    load_cpu_s: float = 0.0
    characters: int = 0
    pdf_pages: int = 0
    pdf_cpu_s: float = 0.0  # extraction CPU spent on PDFs
    by_reader: Counter[str] = field(default_factory=Counter)  # reader -> files
    skipped: Counter[str] = field(default_factory=Counter)  # extension -> files not read
    failures: Counter[str] = field(default_factory=Counter)  # exception type -> files
    spans: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # file -> (Presidio type, text)
    regions: dict[str, str] = field(default_factory=dict)  # file -> phone region the scan would use (scoring)


def pdf_text(path: Path) -> tuple[str, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as handle:
        pages = sum(1 for _ in PDFPage.get_pages(handle))
    return extract_text(str(path)), pages


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def xlsx_text(path: Path) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    try:
        return "\n".join("\t".join("" if v is None else str(v) for v in row)
                         for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def pptx_text(path: Path) -> str:
    import pptx

    parts: list[str] = []
    for slide in pptx.Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False):
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text if slide.notes_slide.notes_text_frame else "")
    return "\n".join(parts)


def mail_text(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    parts = [f"{name}: {value}" for name, value in message.items()]
    for part in message.walk():
        if part.get_content_maintype() == "text" and not part.is_multipart():
            try:
                parts.append(part.get_content())
            except (LookupError, ValueError):
                parts.append(part.get_payload(decode=True).decode("utf-8", "replace"))  # type: ignore[union-attr]
    return "\n".join(parts)


def reader_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdfminer"
    if suffix == ".docx":
        return "python-docx"
    if suffix in (".xlsx", ".xlsm"):
        return "openpyxl"
    if suffix == ".pptx":
        return "python-pptx"
    if suffix == ".eml":
        return "email"
    if suffix in TEXT_EXTENSIONS:
        return "text"
    if not suffix or not suffix[1:].isalpha():
        with path.open("rb") as handle:
            if MAIL_HEADER.match(handle.read(200)):
                return "email"
    return None


def read_text(path: Path, reader: str) -> tuple[str, int]:
    if reader == "pdfminer":
        return pdf_text(path)
    if reader == "python-docx":
        return docx_text(path), 0
    if reader == "openpyxl":
        return xlsx_text(path), 0
    if reader == "python-pptx":
        return pptx_text(path), 0
    if reader == "email":
        return mail_text(path), 0
    return path.read_bytes().decode("utf-8", "replace"), 0


def build_analyzer(model_name: str) -> Any:
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_name}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmail(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return bool(offline(pattern_text.rsplit("@", 1)[-1]).fqdn)

    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(OfflineEmail())
    return analyzer


def run(root: Path, files: list[str], model_name: str, keep_spans: bool) -> StockResult:
    result = StockResult(files=len(files))
    started = time.process_time()
    analyzer = build_analyzer(model_name)
    analyzer.analyze(text="warm-up: Jane Doe, jane@example.com", language="en")
    result.load_cpu_s = time.process_time() - started
    for rel_path in files:
        path = root / rel_path
        reader = reader_of(path)
        if reader is None:
            result.skipped[path.suffix.lower() or "(none)"] += 1
            continue
        started = time.process_time()
        try:
            text, pages = read_text(path, reader)
        except Exception as exc:  # naive, but every failure is counted
            result.failures[type(exc).__name__] += 1
            continue
        extracted = time.process_time()
        spans = analyzer.analyze(text=text, language="en") if text.strip() else []
        analysed = time.process_time()
        result.by_reader[reader] += 1
        result.extraction_cpu_s += extracted - started
        result.analysis_cpu_s += analysed - extracted
        result.characters += len(text)
        if reader == "pdfminer":
            result.pdf_pages += pages
            result.pdf_cpu_s += extracted - started
        if keep_spans:  # scoring material, outside the clocks
            from classifier.language import detect_language, likely_region

            result.spans[rel_path] = [(span.entity_type, text[span.start:span.end]) for span in spans]
            result.regions[rel_path] = likely_region(detect_language(text))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("files_json", type=Path)
    parser.add_argument("result_json", type=Path)
    parser.add_argument("--model", default="en_core_web_md", help="a spaCy model name or directory (speed.py passes the scan default's)")
    parser.add_argument("--spans", action="store_true", help="keep span texts (synthetic corpora only)")
    args = parser.parse_args()
    files: list[str] = json.loads(args.files_json.read_text("utf-8"))
    result = run(args.root, files, args.model, args.spans)
    # asdict() would rebuild each Counter from its (key, count) pairs, counting the pairs.
    as_json = {**asdict(result), "by_reader": dict(result.by_reader), "skipped": dict(result.skipped),
               "failures": dict(result.failures)}
    args.result_json.write_text(json.dumps(as_json, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
