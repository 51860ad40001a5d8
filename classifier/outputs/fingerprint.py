"""Whether the outputs in a folder are still the ones a catalog wrote: a rescan that analysed
nothing new reuses them instead of replaying every record."""

from __future__ import annotations

from pathlib import Path

from classifier.outputs import documents_csv, documents_jsonl, inventory_json
from classifier.version import __version__

FINGERPRINTED = (inventory_json.NAME, documents_jsonl.NAME, documents_csv.NAME)


def outputs_fingerprint(out_dir: Path) -> dict[str, object] | None:
    """Size and mtime of the outputs a rescan reuses, and the version that wrote them;
    None when one of them is missing."""
    files: dict[str, object] = {}
    for name in FINGERPRINTED:
        try:
            st = (out_dir / name).stat()
        except OSError:
            return None
        files[name] = [st.st_size, st.st_mtime_ns]
    return {"version": __version__, "files": files}


def reusable_inventory(recorded: object, out_dir: Path) -> inventory_json.InventoryJson | None:
    """The inventory.json in `out_dir` if its outputs are untouched since `recorded` was taken."""
    current = outputs_fingerprint(out_dir)
    if current is None or recorded != current:
        return None
    try:
        return inventory_json.read(out_dir)
    except (OSError, ValueError):
        return None
