"""Was this person's data in it? Normalise and key the query exactly as the scan did, then ask the catalog.

Nothing raw is stored to make this work: the catalog holds keyed hashes, and
the query is hashed with the same key. Without the key no lookup is possible.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from classifier.catalog import Catalog
from classifier.errors import RunError
from classifier.pii.domains import offline_domain_extractor
from classifier.pii.entity_types import normalise
from classifier.pii.keyed_hash import KeyedHasher, KeyFileError, key_fingerprint, load_or_create_key
from classifier.state import locate_state


@dataclass(frozen=True)
class Hit:
    root: str
    path: str
    categories: tuple[str, ...]


class QueryError(RunError):
    """The query value has no normal form (e.g. not a valid phone number)."""


def query_forms(entity_type: str, value: str, region: str | None = None) -> list[str]:
    """The normal forms a query is looked up under. An organisation given as a domain (saeco.com)
    is also its domain's name (saeco), which is how the scan keyed organisations seen only in
    e-mail addresses."""
    forms = [normal] if (normal := normalise(entity_type, value, region)) is not None else []
    if entity_type == "ORGANIZATION" and "." in value.strip():
        parts = offline_domain_extractor()(value.strip().lower())
        if parts.suffix and (by_domain := normalise(entity_type, parts.domain, region)) and by_domain not in forms:
            forms.append(by_domain)
    return forms


def lookup(catalog: Catalog, hasher: KeyedHasher, entity_type: str, value: str, region: str | None = None) -> list[Hit]:
    forms = query_forms(entity_type, value, region)
    if not forms:
        raise QueryError(f"not a valid {entity_type.lower().replace('_', ' ')}")
    hits: dict[tuple[str, str], Hit] = {}
    for normal in forms:
        for root, document in catalog.documents_with(entity_type, hasher(entity_type, normal)):
            categories = document.get("categories", [])
            assert isinstance(categories, list)
            hits.setdefault((root, str(document["path"])),
                            Hit(root, str(document["path"]), tuple(str(c["id"]) for c in categories)))
    return list(hits.values())


def lookup_in_scan(out_dir: Path, entity_type: str, value: str, region: str | None = None, *,
                   state_dir: Path | None = None, key_file: Path | None = None,
                   catalog_path: Path | None = None) -> list[Hit]:
    """`leakcensus lookup`: the scan's key and catalog found from its output directory (or given)."""
    state = locate_state(out_dir, state_dir, key_file, catalog_path)
    if not state.key_path.exists():
        raise KeyFileError(f"key file not found: {state.key_path} (lookups need the scan's key; give "
                           "--state or --key-file when the scan was made on another machine or with --state)")
    hasher = KeyedHasher(load_or_create_key(state.key_path, state.directory))
    with Catalog.open_existing(state.catalog_path) as catalog:
        if catalog.key_fingerprint() != key_fingerprint(hasher.key):
            raise KeyFileError("this key is not the one the scan used")
        return lookup(catalog, hasher, entity_type, value, region)
