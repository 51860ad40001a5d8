"""Worker processes that can be killed and replaced: Apache Tika's forked-parser model.

Each worker builds its analyzer once, then analyses one file at a time under a
per-file time limit and an address-space cap (RLIMIT_AS). A file that runs
past its limit gets status `timeout` and its worker is killed and replaced; a
worker that dies (a parser crash, the memory cap) costs that file an `error`
record, never the scan.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType

from classifier.analyzer_settings import Analysed, AnalyzerSettings, masked_copies
from classifier.content_hash import ContentHasher, file_problem_record
from classifier.errors import RunError
from classifier.records import FileEntry, Status

# (walk index, file, paths of later files with its bytes: their names are masked with it)
Task = tuple[int, FileEntry, tuple[str, ...]]
# A worker loads its models before it takes work, and another language's NER pipeline the
# first time it meets that language (MODEL_LOADING ... MODEL_LOADED); that is not the document's time.
STARTUP_GRACE_S = 180.0
MODEL_LOADING, MODEL_LOADED = "loading model", "model loaded"
BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _worker_main(connection: Connection, settings: AnalyzerSettings, memory_bytes: int | None) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the scan and the workers; a worker
    # that took the signal itself would print a traceback the operator has no use for.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from classifier.analyze import analyze_entry  # the NLP stack: only ever imported in the worker

    analyzer = settings.build()
    analyzer.pii.on_model_load = lambda loading: connection.send(MODEL_LOADING if loading else MODEL_LOADED)
    connection.send("ready")
    while True:
        task: Task | None = connection.recv()
        if task is None:
            return
        file_seq, entry, copies = task
        try:
            records = analyze_entry(analyzer, entry)
        except MemoryError:
            records = [file_problem_record(analyzer.content, entry, Status.TOO_LARGE, "worker memory limit")]
        connection.send((file_seq, entry, records, masked_copies(analyzer, copies)))


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    ready: bool = False
    task: Task | None = None
    deadline: float = 0.0
    started: float = 0.0  # when the current task was sent
    remaining: float = 0.0  # of the task's time, while a model loads


class WorkerStartError(RunError):
    """Worker processes die before they are ready, again and again (a venv the user cannot read,
    a memory cap below what the models need): the scan stops instead of respawning forever."""


# Workers that die before their first "ready", in a row, before the scan gives up.
MAX_START_FAILURES = 3
TICK_S = 1.0  # how often a progress display hears which file runs longest
# (path of the file running longest or "" when none runs, or None while no worker is ready; its seconds)
Tick = Callable[[str | None, float], None]


class SupervisedPool:
    def __init__(self, settings: AnalyzerSettings, workers: int, timeout_s: float, memory_bytes: int | None) -> None:
        self._settings = settings
        self._content = ContentHasher(settings.key, settings.plain_hashes)
        self._size = max(1, workers)
        self._timeout_s = timeout_s
        self._memory_bytes = memory_bytes
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._start_failures = 0

    def _spawn(self) -> _Worker:
        # One BLAS thread per worker: the workers already fill the cores, and OpenBLAS's own
        # threads then spin against each other (measured: 1 worker 27 s -> 18 s on 220 files).
        # Spawned children read the environment at start; an operator's own setting wins.
        for variable in BLAS_THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(child_end, self._settings, self._memory_bytes), daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end, deadline=time.monotonic() + STARTUP_GRACE_S)

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.connection.close()
        self._workers[self._workers.index(worker)] = self._spawn()

    def __enter__(self) -> SupervisedPool:
        self._workers = [self._spawn() for _ in range(self._size)]
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        for worker in self._workers:
            if not worker.ready:
                # Still loading its models (a pool started before its work was known, and none came):
                # waiting would cost the seconds the load takes; it holds nothing to finish.
                worker.process.kill()
                continue
            with contextlib.suppress(OSError, ValueError):  # a worker already gone needs no goodbye
                worker.connection.send(None)
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.connection.close()

    def run(self, tasks: Iterable[Task], on_tick: Tick | None = None) -> Iterator[Analysed]:
        """Results as workers hand them back. `on_tick`, when given, hears at least every
        TICK_S seconds which file has been running longest (its path and seconds), or None
        while no worker is ready yet (the models are loading)."""
        pending = iter(tasks)
        exhausted = False
        while True:
            for worker in self._workers:
                if worker.ready and worker.task is None and not exhausted:
                    task = next(pending, None)
                    if task is None:
                        exhausted = True
                        break
                    worker.task = task
                    worker.started = time.monotonic()
                    worker.deadline = worker.started + self._timeout_s
                    worker.connection.send(task)
            busy = [w for w in self._workers if w.task is not None or not w.ready]
            if exhausted and not any(w.task is not None for w in self._workers):
                return
            next_deadline = min(w.deadline for w in busy)
            if on_tick is not None:
                next_deadline = min(next_deadline, time.monotonic() + TICK_S)
                on_tick(*self._longest_running())
            readable = wait([w.connection for w in busy], timeout=max(0.0, next_deadline - time.monotonic()))
            for worker in [w for w in busy if w.connection in readable]:
                yield from self._receive(worker)
            now = time.monotonic()
            for worker in [w for w in list(self._workers) if w.deadline <= now and (w.task is not None or not w.ready)]:
                if not worker.ready:
                    self._failed_to_start(worker, "did not get ready in time")
                if worker.task is not None:
                    file_seq, entry, _ = worker.task
                    yield file_seq, entry, [
                        file_problem_record(self._content, entry, Status.TIMEOUT, f"per-file time limit ({self._timeout_s:g} s)")], []
                self._replace(worker)

    def _longest_running(self) -> tuple[str | None, float]:
        running = [(w.started, w.task[1].rel_path) for w in self._workers if w.task is not None]
        if not running:
            return (None, 0.0) if not any(w.ready for w in self._workers) else ("", 0.0)
        started, path = min(running)
        return path, time.monotonic() - started

    def _failed_to_start(self, worker: _Worker, how: str) -> None:
        self._start_failures += 1
        if self._start_failures >= MAX_START_FAILURES:
            raise WorkerStartError(f"worker processes cannot start ({self._start_failures} in a row; last: {how}); "
                                   "check that this user can read the installation and that --worker-memory-mb "
                                   "leaves room for the models")

    def _receive(self, worker: _Worker) -> Iterator[Analysed]:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            # The worker died: a parser crashed the interpreter or the memory cap killed it.
            if not worker.ready:
                worker.process.join(5)
                self._failed_to_start(worker, f"exit status {worker.process.exitcode}")
            if worker.task is not None:
                file_seq, entry, _ = worker.task
                yield file_seq, entry, [file_problem_record(self._content, entry, Status.ERROR, "worker process died")], []
            self._replace(worker)
            return
        if message == MODEL_LOADING:
            worker.remaining = worker.deadline - time.monotonic()
            worker.deadline = time.monotonic() + STARTUP_GRACE_S
            return
        if message == MODEL_LOADED:
            worker.deadline = time.monotonic() + worker.remaining
            return
        if message == "ready":
            worker.ready = True
            self._start_failures = 0
            worker.deadline = float("inf")
            return
        worker.task = None
        worker.deadline = float("inf")
        yield message
