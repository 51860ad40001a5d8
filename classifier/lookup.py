"""Was this person's data in it? Normalise and key the query exactly as the scan did, then ask the catalog.

Nothing raw is stored to make this work: the catalog holds keyed hashes, and
the query is hashed with the same key. Without the key no lookup is possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from classifier.catalog import Catalog
from classifier.pii.entity_types import normalise
from classifier.pii.keyed_hash import KeyedHasher


@dataclass(frozen=True)
class Hit:
    root: str
    path: str
    categories: tuple[str, ...]


class QueryError(Exception):
    """The query value has no normal form (e.g. not a valid phone number)."""


def lookup(catalog: Catalog, hasher: KeyedHasher, entity_type: str, value: str, region: str | None = None) -> list[Hit]:
    normal = normalise(entity_type, value, region)
    if normal is None:
        raise QueryError(f"not a valid {entity_type.lower().replace('_', ' ')}")
    hits = []
    for root, document in catalog.documents_with(entity_type, hasher(entity_type, normal)):
        categories = document.get("categories", [])
        assert isinstance(categories, list)
        hits.append(Hit(root, str(document["path"]), tuple(str(c["id"]) for c in categories)))
    return hits
