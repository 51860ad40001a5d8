"""Merge the catalogs of separate scans into one inventory, exactly as if scanned together.

Each part's documents are replayed from its catalog (records plus keyed
hashes); a document seen in several parts (same root and path) counts once.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from classifier.catalog import Catalog, CatalogError
from classifier.inventory import Inventory
from classifier.outputs import documents_jsonl
from classifier.outputs.inventory_json import InventoryJson
from classifier.records import DocumentRecord
from classifier.scan.replay import DuplicateResolver, ShownPaths
from classifier.scan.run import write_outputs
from classifier.state import locate_state, prepare_state


def merge_scans(parts: list[Path], out_dir: Path, state_dir: Path | None = None) -> InventoryJson:
    """`parts` are output directories of earlier scans; their catalogs are found in their state
    directories. The merged catalog and a copy of the shared key go to `out_dir`'s state."""
    part_states = [locate_state(part) for part in parts]
    catalogs = [Catalog.open_existing(state.catalog_path) for state in part_states]
    try:
        fingerprints = {catalog.key_fingerprint() for catalog in catalogs}
        if len(fingerprints) != 1 or None in fingerprints:
            raise CatalogError("the scans were made with different keys; their hashes cannot be merged")
        fingerprint = str(fingerprints.pop())
        out_dir.mkdir(parents=True, exist_ok=True)
        state = locate_state(out_dir, state_dir)
        prepare_state(state, out_dir)
        key_source = next((s.key_path for s in part_states if s.key_path.exists()), None)
        if key_source is not None and not state.key_path.exists():
            shutil.copyfile(key_source, state.key_path)  # lookups on the merged outputs need it
            state.key_path.chmod(0o600)
        inventory = Inventory()
        roots: list[str] = []
        seen: set[tuple[str, str]] = set()
        resolver = DuplicateResolver()
        shown = ShownPaths()
        with documents_jsonl.writer(out_dir) as write, Catalog(state.catalog_path) as merged:
            merged.bind_key(fingerprint)
            scan_id = merged.begin_scan()
            file_records: list[DocumentRecord] = []
            file_root = ""

            def store_file() -> None:
                if file_records:
                    merged.store_file(scan_id, len(seen), file_root, file_records[0].path, None, file_records)
                    file_records.clear()

            for catalog in catalogs:
                for root, record in catalog.records():
                    if (root, record.path) in seen:
                        continue
                    if record.depth == 0:
                        store_file()
                        file_root = root
                    seen.add((root, record.path))
                    if root not in roots:
                        roots.append(root)
                    record = resolver.resolve(record)
                    file_records.append(record)  # the merged catalog keeps real paths; the outputs show masked ones
                    record = shown.record(root, record)
                    if len(catalogs) > 1:  # parts are usually different roots: each record names its own
                        record = replace(record, root=root)
                    inventory.add(record)
                    write(record)
            store_file()
            merged.finish_scan(scan_id)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        scan_meta: dict[str, object] = {
            "roots": roots,
            "started_at": now,
            "finished_at": now,
            "key_fingerprint": fingerprint,
            "merged_from": [str(part) for part in parts],
        }
        return write_outputs(out_dir, inventory, scan_meta)[0]
    finally:
        for catalog in catalogs:
            catalog.close()
