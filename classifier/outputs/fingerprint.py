"""Whether the outputs in a folder are still the ones a catalog wrote: a rescan that analysed
nothing new reuses them instead of replaying every record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from classifier.outputs import documents_csv, documents_jsonl, inventory_json
from classifier.report.documents_summary import DocumentsSummary
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


def outputs_record(out_dir: Path, summary: DocumentsSummary) -> dict[str, object]:
    """What the catalog keeps about the outputs just written: their fingerprint and the summary of
    documents.jsonl the report was rendered from."""
    return {"fingerprint": outputs_fingerprint(out_dir), "report": summary.to_json()}


@dataclass(frozen=True)
class ReusableOutputs:
    inventory: inventory_json.InventoryJson
    summary: DocumentsSummary


def reusable_outputs(recorded: object, out_dir: Path) -> ReusableOutputs | None:
    """The inventory.json in `out_dir` and the summary of its documents.jsonl, if the outputs are
    untouched since `recorded` (an outputs_record) was taken."""
    if not isinstance(recorded, dict) or "fingerprint" not in recorded:  # none, or an earlier version's
        return None
    current = outputs_fingerprint(out_dir)
    if current is None or recorded["fingerprint"] != current:
        return None
    try:
        summary = DocumentsSummary.from_json(recorded["report"])
        return ReusableOutputs(inventory_json.read(out_dir), summary)
    except (OSError, KeyError, TypeError, ValueError):
        return None
