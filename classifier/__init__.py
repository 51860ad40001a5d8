"""leakcensus: what kind of data leaked, and how much of it — without keeping any of it.

From Python, the same work as `leakcensus scan` (the parent process imports nothing heavy until called):

    from classifier import census

    result = census("leak/", out="census/", key_file="case.key", workers=2)
    result.inventory["totals"]["documents"], result.inventory["entities"]["SECRET"]["unique"]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from classifier.version import __version__

if TYPE_CHECKING:
    from classifier.scan.options import ScanResult

__all__ = ["__version__", "census"]


def census(*roots: str | os.PathLike[str], out: str | os.PathLike[str], key_file: str | os.PathLike[str] | None = None,
           **options: Any) -> ScanResult:
    """Scan `roots` into `out` as `leakcensus scan` does and return the result (`.inventory` is
    inventory.json as a dict, `.violations` the policy violations). Other keywords are
    ScanOptions fields (workers, state_dir, policy, timeout_s, plain_names, ...). Operator errors
    raise classifier.errors.RunError subclasses with a one-line message."""
    from classifier.buckets import is_bucket_url, parse_bucket_url
    from classifier.scan import ScanOptions, run_scan

    parsed = tuple(parse_bucket_url(str(root)) if is_bucket_url(str(root)) else Path(root) for root in roots)
    return run_scan(ScanOptions(roots=parsed, out_dir=Path(out),
                                key_file=None if key_file is None else Path(key_file), **options))
