"""Worker processes that can be killed and replaced: Apache Tika's forked-parser model.

A template process imports the NLP stack and builds the analyzer once; each worker is forked from
it (as Android's zygote starts apps), so a second worker, or one that replaces a worker killed on a
timeout, starts in milliseconds with the models already loaded and shared copy-on-write (#20: each
spawned worker spent ~2.3 CPU-s importing and loading before its first file). A worker analyses one
file at a time under a per-file time limit and an address-space cap (RLIMIT_AS). A file that runs
past its limit gets status `timeout` and its worker is killed and replaced; a worker that dies (a
parser crash, the memory cap) costs that file an `error` record, never the scan.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import reduction
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import TYPE_CHECKING

from classifier.analyzer_settings import Analysed, AnalyzerSettings, masked_copies
from classifier.content_hash import ContentHasher, file_problem_record
from classifier.errors import RunError
from classifier.records import FileEntry, Status

if TYPE_CHECKING:
    from classifier.analyze import DocumentAnalyzer

# (walk index, file, paths of later files with its bytes: their names are masked with it)
Task = tuple[int, FileEntry, tuple[str, ...]]
# A worker loads its models before it takes work, and another language's NER pipeline the
# first time it meets that language (MODEL_LOADING ... MODEL_LOADED); that is not the document's time.
STARTUP_GRACE_S = 180.0
MODEL_LOADING, MODEL_LOADED = "loading model", "model loaded"
FORK, READY = "fork", "ready"
BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _template_main(control: Connection, settings: AnalyzerSettings, memory_bytes: int | None) -> None:
    """The template: builds the analyzer, then forks one worker per request. A request is "fork"
    followed by the worker's end of a pipe to the scan (a file descriptor passed over `control`)."""
    # Ctrl-C reaches the whole process group: the parent stops the scan and the workers; a worker
    # that took the signal itself would print a traceback the operator has no use for.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Workers are reaped as they end (the scan watches them through their pipes), and waited for, so
    # that their CPU time counts in this process's and in the scan's (resource usage of children).
    signal.signal(signal.SIGCHLD, _reap)
    analyzer = settings.build()
    gc.freeze()  # the collector of a worker then leaves the template's objects (shared pages) alone
    while True:
        try:
            request = control.recv()
            if request != FORK:
                break
            descriptor = reduction.recv_handle(control)
        except (EOFError, OSError):  # the scan is gone
            break
        try:
            pid = os.fork()
        except OSError:
            os.close(descriptor)  # the scan sees the pipe close before "ready": a start failure
            continue
        if pid == 0:
            status = 1
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # extractors wait for their own subprocesses
                _worker_main(Connection(descriptor), analyzer, memory_bytes)
                status = 0
            finally:
                os._exit(status)  # never back into the template's loop
        os.close(descriptor)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    with contextlib.suppress(ChildProcessError):
        while True:
            os.wait()


def _reap(_signal: int, _frame: object) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass


def _worker_main(connection: Connection, analyzer: DocumentAnalyzer, memory_bytes: int | None) -> None:
    if memory_bytes:
        if _address_space_bytes() > memory_bytes:
            return  # the cap leaves no room for the models: closing before "ready" stops the scan (start failures)
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from classifier.analyze import analyze_entry  # imported by the template already: the NLP stack is never the parent's

    analyzer.pii.on_model_load = lambda loading: connection.send(MODEL_LOADING if loading else MODEL_LOADED)
    connection.send((READY, os.getpid()))
    while True:
        try:
            task: Task | None = connection.recv()
        except EOFError:  # the scan closed the pool (or is gone)
            return
        if task is None:
            return
        file_seq, entry, copies = task
        try:
            records = analyze_entry(analyzer, entry)
        except MemoryError:
            records = [file_problem_record(analyzer.content, entry, Status.TOO_LARGE, "worker memory limit")]
        connection.send((file_seq, entry, records, masked_copies(analyzer, copies)))


def _address_space_bytes() -> int:
    """This process's virtual size (VmSize), what RLIMIT_AS caps."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@dataclass
class _Worker:
    connection: Connection
    pid: int | None = None  # known from its "ready"
    ready: bool = False
    task: Task | None = None
    deadline: float = 0.0
    started: float = 0.0  # when the current task was sent
    remaining: float = 0.0  # of the task's time, while a model loads

    def kill(self) -> None:
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def join(self, timeout_s: float) -> bool:
        """Whether the worker is gone within `timeout_s` (the template reaps it; this is not its parent)."""
        until = time.monotonic() + timeout_s
        while self.pid is not None and _alive(self.pid):
            if time.monotonic() >= until:
                return False
            time.sleep(0.005)
        return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


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
        self._template: BaseProcess | None = None
        self._control: Connection | None = None
        self._workers: list[_Worker] = []
        self._start_failures = 0

    def _start_template(self) -> None:
        # One BLAS thread per process: the workers already fill the cores, and OpenBLAS's own
        # threads then spin against each other (measured: 1 worker 27 s -> 18 s on 220 files);
        # and a process is forked safely only while it runs one thread.
        # Spawned children read the environment at start; an operator's own setting wins.
        for variable in BLAS_THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
        self._stop_template()
        control, child_control = self._context.Pipe()
        self._template = self._context.Process(
            target=_template_main, args=(child_control, self._settings, self._memory_bytes), daemon=True)
        self._template.start()
        child_control.close()
        self._control = control

    def _stop_template(self) -> None:
        if self._template is not None:
            self._template.kill()
            self._template.join(5)
            self._template = None
        if self._control is not None:
            self._control.close()
            self._control = None

    def _spawn(self) -> _Worker:
        """A worker asked of the template (started again if it has died); ready when it says so."""
        for attempt in range(2):
            if self._template is None or not self._template.is_alive():
                self._start_template()
            assert self._template is not None and self._control is not None and self._template.pid is not None
            parent_end, child_end = self._context.Pipe()
            try:
                self._control.send(FORK)
                reduction.send_handle(self._control, child_end.fileno(), self._template.pid)
            except OSError:  # the template died since: once more with a new one
                parent_end.close()
                if attempt:
                    raise
                self._stop_template()
                continue
            finally:
                child_end.close()
            return _Worker(parent_end, deadline=time.monotonic() + STARTUP_GRACE_S)
        raise AssertionError("unreachable")

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        worker.join(5)
        worker.connection.close()
        self._workers[self._workers.index(worker)] = self._spawn()

    def __enter__(self) -> SupervisedPool:
        self._workers = [self._spawn() for _ in range(self._size)]
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        for worker in self._workers:
            if worker.ready:
                with contextlib.suppress(OSError, ValueError):  # a worker already gone needs no goodbye
                    worker.connection.send(None)
        for worker in self._workers:
            if worker.ready and not worker.join(5):
                worker.kill()
                worker.join(5)
            worker.connection.close()
        # A worker not ready yet (the template still loading: a pool started before its work was known, and
        # none came) is never forked, or ends when its pipe closes. A template that has forked its workers
        # ends once they have; one still loading holds nothing to finish and is killed.
        if self._template is not None and self._control is not None and any(w.ready for w in self._workers):
            with contextlib.suppress(OSError, ValueError):
                self._control.send(None)
            self._template.join(5)
        self._stop_template()

    def run(self, tasks: Iterable[Task], on_tick: Tick | None = None) -> Iterator[Analysed]:
        """Results as workers hand them back. `on_tick`, when given, hears at least every
        TICK_S seconds which file has been running longest (its path and seconds), or None
        while no worker is ready yet (the models are loading)."""
        pending = iter(tasks)
        exhausted = False
        returned: list[Task] = []  # tasks a worker died before it could take

        def hand_out(worker: _Worker) -> None:
            nonlocal exhausted
            if exhausted or not worker.ready or worker.task is not None:
                return
            task = returned.pop() if returned else next(pending, None)
            if task is None:
                exhausted = True
                return
            try:
                worker.connection.send(task)
            except OSError:  # it died since its last message: the file goes to its replacement
                returned.append(task)
                self._replace(worker)
                return
            worker.task = task
            worker.started = time.monotonic()
            worker.deadline = worker.started + self._timeout_s

        while True:
            for worker in self._workers:
                hand_out(worker)
            busy = [w for w in self._workers if w.task is not None or not w.ready]
            if exhausted and not any(w.task is not None for w in self._workers):
                return
            next_deadline = min(w.deadline for w in busy)
            if on_tick is not None:
                next_deadline = min(next_deadline, time.monotonic() + TICK_S)
                on_tick(*self._longest_running())
            readable = wait([w.connection for w in busy], timeout=max(0.0, next_deadline - time.monotonic()))
            for worker in [w for w in busy if w.connection in readable]:
                for result in self._receive(worker):
                    # The worker's next file goes out before this one is stored: it does not wait while
                    # this process writes the catalog (~1 ms a file, 5-10% of a worker's time on small files).
                    hand_out(worker)
                    yield result
            now = time.monotonic()
            expired = [w for w in self._workers if w.deadline <= now and (w.task is not None or not w.ready)]
            if any(not w.ready for w in expired):
                # The template is stuck while loading: the workers it owes come from a new one, started once
                # for all of them (stopping it per worker would kill the one just started for the last).
                self._stop_template()
            for worker in expired:
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

    def _template_state(self) -> str:
        """Why a worker closed its pipe before it was ready, as far as this process can tell."""
        if self._template is None:
            return "no template process"
        self._template.join(0.5)
        if self._template.exitcode is not None:
            return f"template exit status {self._template.exitcode}"
        return "closed before ready (memory cap below the models' size, or fork failed)"

    def _receive(self, worker: _Worker) -> Iterator[Analysed]:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            # The worker died: a parser crashed the interpreter or the memory cap killed it.
            if not worker.ready:
                self._failed_to_start(worker, self._template_state())
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
        if isinstance(message, tuple) and message[0] == READY:
            worker.pid = message[1]
            worker.ready = True
            self._start_failures = 0
            worker.deadline = float("inf")
            return
        worker.task = None
        worker.deadline = float("inf")
        yield message
