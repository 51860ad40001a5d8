"""Column typing for tables: the header names the entity type, a sample of values confirms it.

Counting every value of a typed column with a fast check replaces NER cell by
cell, which is slow on big sheets and turns headers and codes into "people".
Each type's header words and value check are columns of the entity-type table.
"""

from __future__ import annotations

from classifier.pii.entity_types import COLUMNS

# A typed column must have at least this share of a sample passing the type's check.
MIN_VALID_SHARE = 0.6


def header_type(header: str | None) -> str | None:
    if not header:
        return None
    label = header.strip().lower()
    for entity_type, column in COLUMNS.items():
        if column.header_words.search(label):
            return entity_type
    return None


def value_fits(entity_type: str, value: str, region: str) -> bool:
    return COLUMNS[entity_type].fits(value, region)


def column_entity_type(header: str | None, sample: list[str], region: str) -> str | None:
    """The entity type of a whole column, or None when the header or the values disagree."""
    entity_type = header_type(header)
    if entity_type is None or not sample:
        return None
    fitting = sum(1 for value in sample if value_fits(entity_type, value, region))
    return entity_type if fitting / len(sample) >= MIN_VALID_SHARE else None
