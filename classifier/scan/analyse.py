"""Send the files to analyse to where they are analysed: this process, a supervised pool of
worker processes (pool.py), or a Dask cluster (dask.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from classifier.analyzer_settings import Analysed, AnalyzerSettings
from classifier.progress import ScanProgress
from classifier.records import FileEntry
from classifier.scan.options import ScanError, ScanOptions

if TYPE_CHECKING:
    from classifier.scan.pool import SupervisedPool


def analysed(
    options: ScanOptions, key: bytes, work: list[tuple[int, FileEntry, tuple[str, ...]]],
    progress: ScanProgress | None = None, pool: SupervisedPool | None = None,
) -> Iterator[Analysed]:
    """(walk index, file, its records, the masked names of its copies) for each file to analyse
    (with the paths of later files of the same bytes), in completion order.

    Order does not matter here: outputs are replayed from the catalog in walk
    order, so workers can hand back small files while a large one is still running.
    `pool`, when given, is a pool started earlier (`early_pool`) and closed by its owner.
    """
    if not work:
        return
    from classifier.analyzer_settings import masked_copies
    from classifier.scan.pool import SupervisedPool, WorkerStartError

    settings = analyzer_settings(options, key)
    if options.dask_address or options.workers > 1:
        # Largest files first: a large file handed out last leaves the other workers idle while it runs
        # (measured: 2 workers 1.63x one worker on real files in walk order).
        work = sorted(work, key=lambda task: -task[1].size)
    if options.dask_address:
        from classifier.scan.dask import ClusterError, analyze_on_cluster  # distributed is only imported when asked for

        try:
            yield from analyze_on_cluster(options.dask_address, settings, work)
        except ClusterError as exc:
            raise ScanError(str(exc)) from None
        return
    if not options.isolate:
        # Presidio, spaCy and the extractors take seconds to import: only where this process analyses.
        from classifier.analyze import analyze_entry

        analyzer = settings.build()
        for file_seq, entry, copies in work:
            yield file_seq, entry, analyze_entry(analyzer, entry), masked_copies(analyzer, copies)
        return
    tick = progress.running if progress is not None and progress.shows_running else None
    try:
        if pool is not None:
            yield from pool.run(work, tick)
            return
        with SupervisedPool(settings, min(options.workers, len(work)), options.timeout_s, options.worker_memory_bytes) as own:
            yield from own.run(work, tick)
    except WorkerStartError as exc:
        raise ScanError(str(exc)) from None


def analyzer_settings(options: ScanOptions, key: bytes) -> AnalyzerSettings:
    return AnalyzerSettings(key, options.spacy_model, options.limits, options.list_organizations,
                            options.ner_models, options.plain_hashes, not options.plain_names, options.ocr)


def early_pool(options: ScanOptions, key: bytes) -> AbstractContextManager[SupervisedPool | None]:
    """A pool of --workers processes started now, for a run that knows it will analyse files but not yet
    which (an estimate, before its walk): each worker imports and loads its models (~2.5 s) while this
    process walks and draws, instead of after. None where files are analysed in this process or on a
    cluster. Workers still loading when the pool closes unused are killed, not waited for."""
    if options.dask_address or not options.isolate:
        return nullcontext()
    from classifier.scan.pool import SupervisedPool

    return SupervisedPool(analyzer_settings(options, key), options.workers, options.timeout_s, options.worker_memory_bytes)
