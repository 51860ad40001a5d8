"""Document -> ranked business categories with scores and the names of the cues that fired.

The cues and weights are data (`models/categories.json`); this module only
matches them. Signals are names from that model (`phrase:purchase_order`,
`header:qty`, `email_headers`), never text from the document.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from classifier.records import CategoryScore, Extracted, Findings, SegmentKind

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "categories.json"
# Only the start of a long document is read for cues: headings and openings
# carry the document type, and this bounds the cost per document.
TEXT_BUDGET = 20_000
CODE_LINE = re.compile(r"^\s*(?:def |class |import |from \S+ import |function |public |private |#include|package )|[;{]\s*$",
                       re.MULTILINE)


@dataclass(frozen=True)
class CategoryModel:
    phrase_pattern: re.Pattern[str] | None
    phrases: dict[str, list[tuple[str, float]]]  # phrase -> [(category, weight)]
    headers: dict[str, list[tuple[str, float]]]
    structure: dict[str, dict[str, float]]
    entities: dict[str, dict[str, float]]
    contact_types: frozenset[str]
    contact_min_columns: int
    contact_weight: float
    min_score: float


def signal_name(kind: str, cue: str) -> str:
    return f"{kind}:{re.sub(r'[^a-z0-9]+', '_', cue.lower()).strip('_')}"[:80]


def load_category_model(path: Path = MODEL_PATH) -> CategoryModel:
    raw = json.loads(path.read_text("utf-8"))
    phrases: dict[str, list[tuple[str, float]]] = defaultdict(list)
    headers: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for category, cues in raw["categories"].items():
        for phrase, weight in cues.get("phrases", {}).items():
            phrases[phrase.lower()].append((category, float(weight)))
        for header, weight in cues.get("headers", {}).items():
            headers[header.lower()].append((category, float(weight)))
    alternatives = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in alternatives) + r")", re.IGNORECASE) if phrases else None
    contact = raw["contact_columns"]
    return CategoryModel(
        phrase_pattern=pattern,
        phrases=dict(phrases),
        headers=dict(headers),
        structure=raw["structure"],
        entities=raw["entities"],
        contact_types=frozenset(contact["types"]),
        contact_min_columns=int(contact["min_columns"]),
        contact_weight=float(contact["weight"]),
        min_score=float(raw["min_score"]),
    )


def tag_categories(extracted: Extracted, findings: Findings, model: CategoryModel) -> tuple[CategoryScore, ...]:
    evidence: dict[str, float] = defaultdict(float)
    signals: dict[str, list[str]] = defaultdict(list)

    def fire(category: str, weight: float, signal: str) -> None:
        evidence[category] += weight
        if signal not in signals[category]:
            signals[category].append(signal)

    text_parts: list[str] = []
    budget = TEXT_BUDGET
    header_labels: set[str] = set()
    for segment in extracted.segments:
        if segment.kind is SegmentKind.TABLE_CELL:
            if segment.header:
                header_labels.add(segment.header.strip().lower())
            continue
        if budget > 0:
            text_parts.append(segment.text[:budget])
            budget -= len(text_parts[-1])
    text = "\n".join(text_parts)

    if model.phrase_pattern is not None:
        counts: dict[str, int] = defaultdict(int)
        for match in model.phrase_pattern.finditer(text):
            counts[match.group(1).lower()] += 1
        for phrase, count in counts.items():
            for category, weight in model.phrases.get(phrase, []):
                # Repetition adds a little: a word used ten times is not ten cues.
                fire(category, weight * (1 + math.log(count) / 2), signal_name("phrase", phrase))
    for label in sorted(header_labels):
        for header, cues in model.headers.items():
            if header in label:
                for category, weight in cues:
                    fire(category, weight, signal_name("header", header))

    structure = set(extracted.structure)
    if len(CODE_LINE.findall(text)) >= 5:
        structure.add("code_syntax")
    for cue in sorted(structure):
        for category, weight in model.structure.get(cue, {}).items():
            fire(category, weight, cue)
    for entity_type, tally in findings.entities.items():
        for category, weight in model.entities.get(entity_type, {}).items():
            if tally.mentions:
                fire(category, weight, signal_name("entity", entity_type))
    contact_columns = model.contact_types.intersection(findings.table_columns)
    if len(contact_columns) >= model.contact_min_columns:
        fire("contact_list", model.contact_weight, "columns:contact_details")

    scored = [
        CategoryScore(category, 1 - math.exp(-weight), tuple(signals[category]))
        for category, weight in evidence.items()
    ]
    ranked = sorted((c for c in scored if c.score >= model.min_score), key=lambda c: (-c.score, c.id))
    if not ranked and text.strip():
        return (CategoryScore("other", 0.5, ("no_cue",)),)
    return tuple(ranked)
