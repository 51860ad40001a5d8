"""The same per-file analysis on an existing Dask cluster (`scan --dask tcp://HOST:PORT`).

Each Dask worker process builds one analyzer per settings (the models load
once per process) and analyses whole files; results come back to the scanning
process, which commits them to its catalog and replays the outputs in walk
order exactly as a local scan does. Workers need leakcensus installed (same
version) and read the files by the same paths, so the roots must be visible to
them (a shared mount). Per-file time limits apply to local workers only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import Client, as_completed

from classifier.analyzer_settings import Analysed, AnalyzerSettings, masked_copies
from classifier.errors import RunError
from classifier.records import FileEntry, Status

if TYPE_CHECKING:
    from classifier.analyze import DocumentAnalyzer

BLIND_LIMIT = 10
_analyzers: dict[AnalyzerSettings, DocumentAnalyzer] = {}


class ClusterError(RunError):
    """The cluster cannot do this scan (operator error): one line, exit 2."""
# A Dask worker may run tasks on several threads; one analyzer serves one file at a time.
_lock = threading.Lock()


def analyze_on_worker(settings: AnalyzerSettings, file_seq: int, entry: FileEntry, copies: tuple[str, ...]) -> Analysed:
    from classifier.analyze import analyze_entry  # on the Dask worker: the client never imports the NLP stack

    with _lock:
        analyzer = _analyzers.get(settings)
        if analyzer is None:
            analyzer = _analyzers[settings] = settings.build()
        return file_seq, entry, analyze_entry(analyzer, entry), masked_copies(analyzer, copies)


def analyze_on_cluster(
    address: str, settings: AnalyzerSettings, work: list[tuple[int, FileEntry, tuple[str, ...]]]
) -> Iterator[Analysed]:
    # Workers resolve a relative path in their own working directory: send every path absolute.
    # (Bucket objects are read by the workers from the service, with their own credentials.)
    work = [(file_seq, entry if entry.remote is not None else replace(entry, abs_path=Path(os.path.abspath(entry.abs_path))),
             copies) for file_seq, entry, copies in work]
    blind = 0  # files in a row the workers could not read although this machine can
    seen_readable = False
    with Client(address, timeout="30s") as client:
        futures = [client.submit(analyze_on_worker, settings, file_seq, entry, copies, pure=False)
                   for file_seq, entry, copies in work]
        for future in as_completed(futures):
            result: Analysed = future.result()
            top = result[2][0]
            if top.status is Status.ERROR and (top.error or "").startswith("unreadable") and result[1].remote is None \
                    and result[1].abs_path.exists():
                blind += 1
                if not seen_readable and blind >= min(BLIND_LIMIT, len(work)):
                    client.cancel(futures)
                    raise ClusterError(f"the Dask workers cannot read the roots ({blind} files in a row that this "
                                       "machine reads); mount them on the workers at the same absolute paths")
            else:
                seen_readable = True
            yield result
            future.release()
