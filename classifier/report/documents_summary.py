"""What the report reads from documents.jsonl, in one pass: the most sensitive folders, why documents
could not be read, and the documents behind each headline figure.

A scan keeps this summary beside its outputs' fingerprint in the catalog, so that a rescan which
changed nothing renders the report from it instead of reading every record again (#20: reading
documents.jsonl was a third of an unchanged rescan, and grows with the share). It holds counts and
the masked paths the report shows, never a value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from classifier.report.folders import FolderSummary, most_sensitive_folders
from classifier.report.headline import Source, SourceTally


@dataclass(frozen=True)
class DocumentsSummary:
    folders: list[FolderSummary]  # most_sensitive_folders, in order
    reasons: Counter[tuple[str, str]]  # (status, reason) -> documents not read in full
    sources: dict[str, tuple[Source, ...]]  # entity type -> the documents with most of it

    def to_json(self) -> dict[str, Any]:
        return {
            "folders": [folder_to_json(folder) for folder in self.folders],
            "reasons": [[status, reason, count] for (status, reason), count in self.reasons.items()],
            "sources": {entity_type: [[source.path, source.count] for source in sources]
                        for entity_type, sources in self.sources.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocumentsSummary:
        """Raises KeyError, TypeError or ValueError when `data` is not what to_json wrote."""
        return cls(
            [folder_from_json(folder) for folder in data["folders"]],
            Counter({(str(status), str(reason)): int(count) for status, reason, count in data["reasons"]}),
            {str(entity_type): tuple(Source(str(path), int(count)) for path, count in sources)
             for entity_type, sources in data["sources"].items()},
        )


def summarise_documents(documents: Iterable[Mapping[str, Any]]) -> DocumentsSummary:
    """One pass over documents.jsonl records feeds the folders, the reasons and the figures' sources."""
    reasons: Counter[tuple[str, str]] = Counter()
    tally = SourceTally()
    folders = most_sensitive_folders(_tallied(_counting_reasons(documents, reasons), tally))
    return DocumentsSummary(folders, reasons, tally.sources())


def folder_to_json(folder: FolderSummary) -> dict[str, Any]:
    return {"folder": folder.folder, "documents": folder.documents, "unique_documents": folder.unique_documents,
            "score": folder.score, "category_score": folder.category_score,
            "categories": dict(folder.categories), "entities": dict(folder.entities)}


def folder_from_json(data: Mapping[str, Any]) -> FolderSummary:
    return FolderSummary(str(data["folder"]), int(data["documents"]), int(data["unique_documents"]),
                         float(data["score"]), Counter({str(k): int(v) for k, v in data["categories"].items()}),
                         Counter({str(k): int(v) for k, v in data["entities"].items()}), float(data["category_score"]))


def _counting_reasons(documents: Iterable[Mapping[str, Any]], reasons: Counter[tuple[str, str]]) -> Iterator[Mapping[str, Any]]:
    for document in documents:
        status = str(document.get("status", "ok"))
        if status != "ok":
            reasons[(status, str(document.get("error") or ""))] += 1
        yield document


def _tallied(documents: Iterable[Mapping[str, Any]], tally: SourceTally) -> Iterator[Mapping[str, Any]]:
    for document in documents:
        tally.add(document)
        yield document
