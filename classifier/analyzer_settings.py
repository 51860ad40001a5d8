"""What a worker needs to build its document analyzer, importable without the NLP stack.

The scan's parent process only hands work out and writes outputs; importing Presidio and
spaCy there cost ~1.7 s of start-up and ~150 MiB for nothing (issue 20). The analyzer
itself (classifier.analyze) is imported where it is built: in the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from classifier.limits import Limits
from classifier.records import DocumentRecord, FileEntry

if TYPE_CHECKING:
    from classifier.analyze import DocumentAnalyzer

# What a worker hands back for a file: (walk index, file, its records, names masked for the parent).
# The names are those of later files with the same bytes, which the parent copies instead of sending
# to a worker: masked here, as (path, masked path), so that the parent never loads the PII engine.
Analysed = tuple[int, FileEntry, list[DocumentRecord], list[tuple[str, str]]]


@dataclass(frozen=True)
class AnalyzerSettings:
    """What a worker process needs to build its own analyzer (picklable, sent once per worker)."""

    key: bytes
    spacy_model: str
    limits: Limits
    keep_org_labels: bool = False
    ner_models: tuple[tuple[str, str], ...] = ()
    plain_hashes: bool = False
    mask_names: bool = True
    ocr: bool = True

    def build(self) -> DocumentAnalyzer:
        from classifier.analyze import DocumentAnalyzer
        from classifier.language import load_identifiers
        from classifier.near_duplicates import load_minhash

        analyzer = DocumentAnalyzer(self.key, self.spacy_model, self.limits, keep_org_labels=self.keep_org_labels,
                                    ner_models=self.ner_models, plain_hashes=self.plain_hashes,
                                    mask_names=self.mask_names, ocr=self.ocr)
        # What would otherwise load during the first file, and count against its time limit.
        load_identifiers(analyzer.pii.ner_languages)
        load_minhash()
        return analyzer


def masked_copies(analyzer: DocumentAnalyzer, paths: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(path, analyzer.names.mask_path(path)) for path in paths]
