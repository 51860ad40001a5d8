"""What a scan is asked to do (ScanOptions) and what it hands back (ScanResult)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from classifier.buckets import Bucket
from classifier.errors import RunError
from classifier.limits import Limits
from classifier.outputs.inventory_json import InventoryJson
from classifier.path_filter import PathFilter
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.policy import Policy, Violation
from classifier.report.headline import Figure
from classifier.state import ScanState, locate_state


@dataclass(frozen=True)
class ScanOptions:
    roots: tuple[Path | Bucket, ...]  # folders and files, and bucket roots (buckets.py)
    out_dir: Path
    workers: int = 1
    key_file: Path | None = None
    spacy_model: str = DEFAULT_SPACY_MODEL
    ner_models: tuple[tuple[str, str], ...] = ()  # (language, spaCy pipeline) beside the defaults
    limits: Limits = field(default_factory=Limits)
    list_organizations: bool = False
    # Analyse in worker processes that are killed and replaced on a time limit (the
    # default); in-process analysis is for tests and measurements that need to see inside.
    isolate: bool = True
    dask_address: str | None = None  # run the analysis on this Dask scheduler instead
    timeout_s: float = 300.0
    worker_memory_bytes: int | None = 4 << 30
    policy: Policy | None = None  # evaluated on the finished scan; violations.jsonl
    parquet: bool = False  # also write documents.parquet (needs pyarrow)
    catalog_path: Path | None = None  # default: in the state directory
    state_dir: Path | None = None  # default: state.default_state_dir(out_dir)
    plain_hashes: bool = False  # also write plain SHA-256 (for known-file hash lists)
    plain_names: bool = False  # write names unmasked (outputs for internal use only)
    ocr: bool = True  # read pictures of text (images, scanned PDF pages) with Tesseract; --no-ocr
    baseline: Path | None = None  # accepted violations: the others are marked new_since_baseline
    write_baseline: Path | None = None  # accept this run's violations into this file
    retry_failed: bool = False  # analyse again files an earlier run recorded as timeout or error
    verify_unchanged: bool = False  # hash files whose stamp says they are unchanged (plan.unchanged)
    chosen: PathFilter = field(default_factory=PathFilter)  # --include / --exclude / --ignore-file

    @property
    def state(self) -> ScanState:
        return locate_state(self.out_dir, self.state_dir, self.key_file, self.catalog_path)

    @property
    def catalog(self) -> Path:
        return self.state.catalog_path


@dataclass(frozen=True)
class ScanResult:
    inventory: InventoryJson
    out_dir: Path
    violations: tuple[Violation, ...] = ()
    notes: tuple[str, ...] = ()  # what the scan did besides scanning (a key moved out of --out)
    headline: tuple[Figure, ...] = ()  # the report's figures (report/headline.py)


class ScanError(RunError):
    """The scan itself cannot run (operator error); reported as one line."""
