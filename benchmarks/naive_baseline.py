"""The naive baseline of benchmarks/throughput: extraction, then Presidio on each document's whole text.

    .venv/bin/python -m benchmarks.naive_baseline ROOT FILES_JSON RESULT_JSON

FILES_JSON lists file paths relative to ROOT. Each file is read, sniffed and
extracted with leakcensus's own extractors; container members (archive
entries, email attachments) are sniffed and extracted the same way, depth
first, each as a document of its own, named `container!/member` as the scan
names it. Every document's whole text then goes to `AnalyzerEngine.analyze`
with Presidio's default recognizers on the same spaCy model as the scan, its
full pipeline loaded (tldextract offline, as the scan runs it).

Run as a process of its own so that its peak RSS is polled like a scan's.
RESULT_JSON gets the timings (extraction = read + sniff + extract, analysis =
`analyze` calls), per file its extraction seconds, per document the span
texts Presidio found with their types and the phone region the scan would use
for it, and the extraction failures by exception type. Span texts are raw
values: run this on synthetic data only (the result file lives in the
benchmark's scratch folder).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from classifier.extract import extract
from classifier.language import detect_language, likely_region
from classifier.limits import Limits
from classifier.pii.domains import offline_domain_extractor
from classifier.pii.recognizers.offline_email import OfflineEmailRecognizer
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.records import Extracted, SegmentKind
from classifier.sniff import Sniffer

# As classifier.analyze names members; not imported from there, which would load the
# category model and more (about 100 MiB) into a process whose peak RSS is measured.
MEMBER_SEPARATOR = "!/"


@dataclass
class BaselineResult:
    """What the parent scores and prints; written as JSON (raw span texts: synthetic data only)."""

    files: int = 0
    documents: int = 0
    extraction_seconds: float = 0.0
    analysis_seconds: float = 0.0
    file_extraction_seconds: dict[str, float] = field(default_factory=dict)  # file path -> read+sniff+extract
    spans: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # document path -> (Presidio type, text)
    regions: dict[str, str] = field(default_factory=dict)  # document path -> phone region
    failures: Counter[str] = field(default_factory=Counter)  # exception type -> documents


def build_analyzer(model_name: str) -> AnalyzerEngine:
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model_name}])
    # The installed pipeline, whole: load() would try to download a model it does not find.
    engine.nlp = {"en": spacy.load(model_name)}  # type: ignore[assignment]  # Presidio declares it None until load()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    # Presidio's email check asks tldextract, which would fetch the public suffix list;
    # the same check on the bundled list, as the scan runs it.
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(OfflineEmailRecognizer(offline_domain_extractor()))
    return analyzer


def extract_documents(data: bytes, path: str, depth: int, sniffer: Sniffer, limits: Limits,
                      failures: Counter[str]) -> list[tuple[str, Extracted]]:
    """This document and its members, depth first; a document that fails to extract is counted and left out."""
    name = path.rsplit(MEMBER_SEPARATOR, 1)[-1]
    try:
        extracted = extract(data, sniffer.sniff(data, name).mime, name, limits)
    except Exception as exc:  # naive, but every skip is counted
        failures[type(exc).__name__] += 1
        return []
    documents = [(path, extracted)]
    for member in extracted.members:
        if depth < limits.max_depth and not member.encrypted and not member.problem:
            documents.extend(extract_documents(member.data, path + MEMBER_SEPARATOR + member.name, depth + 1,
                                               sniffer, limits, failures))
    return documents


def phone_region(extracted: Extracted) -> str:
    """The region the scan would read national phone numbers in (from the language of the prose)."""
    prose = "\n".join(s.text for s in extracted.segments if s.kind is not SegmentKind.TABLE_CELL)
    return likely_region(detect_language(prose))


def run_baseline(root: Path, files: list[str], model_name: str) -> BaselineResult:
    analyzer = build_analyzer(model_name)
    sniffer, limits = Sniffer(), Limits()
    result = BaselineResult(files=len(files))
    for rel_path in files:
        started = time.perf_counter()
        data = (root / rel_path).read_bytes()
        documents = extract_documents(data, rel_path, 0, sniffer, limits, result.failures)
        extracted_at = time.perf_counter()
        texts = ["\n".join(s.text for s in extracted.segments) for _, extracted in documents]
        found = [analyzer.analyze(text=text, language="en") for text in texts]
        analysed_at = time.perf_counter()
        result.file_extraction_seconds[rel_path] = extracted_at - started
        result.extraction_seconds += extracted_at - started
        result.analysis_seconds += analysed_at - extracted_at
        result.documents += len(documents)
        # Scoring material, outside the clocks.
        for (path, extracted), text, spans in zip(documents, texts, found, strict=True):
            result.spans[path] = [(span.entity_type, text[span.start:span.end]) for span in spans]
            result.regions[path] = phone_region(extracted)
    return result


def main() -> None:
    root, files_json, result_json = (Path(arg) for arg in sys.argv[1:4])
    files: list[str] = json.loads(files_json.read_text("utf-8"))
    result = run_baseline(root, files, DEFAULT_SPACY_MODEL)
    result_json.write_text(json.dumps(asdict(result), ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
