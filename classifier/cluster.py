"""The same per-file analysis on an existing Dask cluster (`scan --dask tcp://HOST:PORT`).

Each Dask worker process builds one analyzer per settings (the models load
once per process) and analyses whole files; results come back to the scanning
process, which commits them to its catalog and replays the outputs in walk
order exactly as a local scan does. Workers need leakcensus installed (same
version) and read the files by the same paths, so the roots must be visible to
them (a shared mount). Per-file time limits apply to local workers only.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from distributed import Client, as_completed

from classifier.analyze import AnalyzerSettings, DocumentAnalyzer, analyze_entry
from classifier.records import DocumentRecord, FileEntry

_analyzers: dict[AnalyzerSettings, DocumentAnalyzer] = {}
# A Dask worker may run tasks on several threads; one analyzer serves one file at a time.
_lock = threading.Lock()


def analyze_on_worker(settings: AnalyzerSettings, file_seq: int, entry: FileEntry) -> tuple[int, FileEntry, list[DocumentRecord]]:
    with _lock:
        analyzer = _analyzers.get(settings)
        if analyzer is None:
            analyzer = _analyzers[settings] = settings.build()
        return file_seq, entry, analyze_entry(analyzer, entry)


def analyze_on_cluster(
    address: str, settings: AnalyzerSettings, work: list[tuple[int, FileEntry]]
) -> Iterator[tuple[int, FileEntry, list[DocumentRecord]]]:
    with Client(address, timeout="30s") as client:
        futures = [client.submit(analyze_on_worker, settings, file_seq, entry, pure=False) for file_seq, entry in work]
        for future in as_completed(futures):
            result: tuple[int, FileEntry, list[DocumentRecord]] = future.result()
            yield result
            future.release()
