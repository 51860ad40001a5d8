"""documents.jsonl records -> per-folder figures: which folders of the leak hold the most sensitive data.

A document's folder is the directory part of its path; a container member belongs to its
outermost container's folder (`a/b.zip!/c/d.pdf` is in `a`), because that is the place on the
share someone has to clean up. Folder paths are file metadata, which the outputs may hold.

Sensitivity score of a folder (documented in README, "Report"): over the folder's distinct
documents (by content_hmac, so a copy beside its original adds nothing),

    score = sum of CATEGORY_WEIGHTS[category] x the tagger's confidence, for every category a document has
          + sum over types of ENTITY_WEIGHTS[type] x log2(1 + the folder's unique count of that type)

Identifier counts are log-scaled: before, every name added a point, and folders of contracts
full of names outranked the folder holding a private key and AWS keys (18th of a top 15). A
folder holding any secret, SSN or card number is ranked before every other (TIER_ONE), and one
holding a secret is always listed, whatever the limit.

Entity counts per folder are sums of per-document unique counts: documents.jsonl carries no
hashes, so a value found in two documents of one folder counts twice (an upper bound).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from classifier.pii.entity_types import FOLDER_SCORES

MEMBER_SEPARATOR = "!/"
TOP_LEVEL = "."

# What a responder would escalate first: secrets open further doors, personnel and financial
# records hurt individuals, contracts and invoices expose the business. 0 = not sensitive by itself.
CATEGORY_WEIGHTS: Mapping[str, float] = {
    "credentials": 10, "personnel": 8, "financial": 6, "contract": 4, "invoice": 3, "customer_asset": 3,
    "contact_list": 3, "sales_data": 2, "sales_strategy": 2, "offer": 2, "product_order": 2,
    "proof_of_concept": 2, "source_code": 1, "internal_comment": 1, "correspondence": 1, "other": 0,
}
# Per unique value (FolderScore in the entity-type table): a secret or an SSN is worth far more to an
# attacker than one more email address.
ENTITY_WEIGHTS: Mapping[str, float] = {entity_type: score.weight for entity_type, score in FOLDER_SCORES.items()}
SCORED_ENTITIES: tuple[str, ...] = tuple(ENTITY_WEIGHTS)
# What a responder escalates before anything else: one of these in a folder puts it in the first tier.
TIER_ONE = frozenset({"SECRET", "US_SSN", "CREDIT_CARD"})
ALWAYS_LISTED = frozenset({"SECRET"})


def folder_of(path: str) -> str:
    """The folder a document lies in: its outermost container's directory, `.` at a root's top level."""
    outer = path.split(MEMBER_SEPARATOR, 1)[0]
    parent = outer.rpartition("/")[0]  # walk paths are clean relative POSIX paths: no PurePosixPath needed
    return parent if parent not in ("", ".") else TOP_LEVEL


@dataclass
class FolderSummary:
    """Counts for one folder; every number is a count of documents or values, never a value."""

    folder: str
    documents: int = 0
    unique_documents: int = 0
    score: float = 0.0
    categories: Counter[str] = field(default_factory=Counter)  # category -> distinct documents tagged with it
    entities: Counter[str] = field(default_factory=Counter)  # type -> sum of per-document unique counts
    category_score: float = 0.0

    @property
    def tier(self) -> int:
        """1 for a folder holding a secret, an SSN or a card number; 2 for any other."""
        return 1 if any(self.entities[t] for t in TIER_ONE) else 2

    def finish(self) -> None:
        self.score = self.category_score + sum(
            ENTITY_WEIGHTS.get(entity_type, 0) * math.log2(1 + count) for entity_type, count in self.entities.items())

    def top_categories(self, limit: int = 3) -> list[tuple[str, int]]:
        ranked = sorted(self.categories.items(), key=lambda kv: (-CATEGORY_WEIGHTS.get(kv[0], 0) * kv[1], kv[0]))
        return [(category, count) for category, count in ranked if CATEGORY_WEIGHTS.get(category, 0) > 0][:limit]


def category_score(document: Mapping[str, Any]) -> float:
    """One document's categories' contribution to its folder's sensitivity score."""
    return sum(CATEGORY_WEIGHTS.get(str(category["id"]), 0) * float(category.get("score", 1.0))
               for category in document.get("categories") or ())


def summarise_folders(documents: Iterable[Mapping[str, Any]]) -> dict[str, FolderSummary]:
    """Every folder's figures, in the order folders were first seen."""
    folders: dict[str, FolderSummary] = {}
    seen: dict[str, set[str]] = {}
    for document in documents:
        folder = folder_of(str(document["path"]))
        summary = folders.get(folder)
        if summary is None:
            summary = folders[folder] = FolderSummary(folder)
            seen[folder] = set()
        summary.documents += 1
        content = str(document.get("content_hmac", ""))
        if content in seen[folder]:
            continue
        seen[folder].add(content)
        summary.unique_documents += 1
        summary.category_score += category_score(document)
        for category in document.get("categories") or ():
            summary.categories[str(category["id"])] += 1
        for entity_type, counts in (document.get("entities") or {}).items():
            summary.entities[entity_type] += int(counts.get("unique", 0))
    for summary in folders.values():
        summary.finish()
    return folders


def most_sensitive_folders(documents: Iterable[Mapping[str, Any]], limit: int = 15) -> list[FolderSummary]:
    """The `limit` folders first by tier, then by score above zero (ties: more documents, then name),
    and after them every other folder that holds a secret."""
    ranked = sorted((s for s in summarise_folders(documents).values() if s.score > 0),
                    key=lambda s: (s.tier, -s.score, -s.documents, s.folder))
    return ranked[:limit] + [s for s in ranked[limit:] if any(s.entities[t] for t in ALWAYS_LISTED)]
