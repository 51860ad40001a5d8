"""Shared fixtures: one PII engine per test session, a generated sample leak, a network guard."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from classifier.analyze import DocumentAnalyzer
from classifier.limits import Limits
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.scan import ScanOptions, ScanResult, run_scan
from classifier.state import STATE_HOME_VARIABLE

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"
TEST_KEY = b"0123456789abcdef0123456789abcdef"
# Third-party folders whose every file has a known category (see ../shared/corpora/README.md).
LABELLED_CORPORA = ("invoices", "contracts", "secrets")


@dataclass
class NetworkGuard:
    """Records (and blocks) every socket connection or DNS look-up while armed.

    An audit hook sees connections made by any library, including C-level
    socket calls made through the socket module, and cannot be bypassed by
    code that holds its own reference to socket.socket.
    """

    armed: bool = False
    events: list[str] = field(default_factory=list)

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if self.armed and event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"):
            self.events.append(event)
            raise OSError(f"network access blocked by test guard ({event})")


_GUARD = NetworkGuard()
sys.addaudithook(_GUARD.hook)


@pytest.fixture(autouse=True, scope="session")
def state_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keys and catalogs of every scan the tests run (subprocesses inherit it) go to a temporary
    state home, never the user's."""
    home = tmp_path_factory.mktemp("state-home")
    previous = os.environ.get(STATE_HOME_VARIABLE)
    os.environ[STATE_HOME_VARIABLE] = str(home)
    yield home
    if previous is None:
        del os.environ[STATE_HOME_VARIABLE]
    else:
        os.environ[STATE_HOME_VARIABLE] = previous


@pytest.fixture
def network_guard() -> Iterator[NetworkGuard]:
    _GUARD.events.clear()
    _GUARD.armed = True
    try:
        yield _GUARD
    finally:
        _GUARD.armed = False


@pytest.fixture(scope="session")
def analyzer() -> DocumentAnalyzer:
    return DocumentAnalyzer(TEST_KEY, DEFAULT_SPACY_MODEL, Limits())


@dataclass(frozen=True)
class SampleLeak:
    root: Path
    truth: dict[str, Any]


@pytest.fixture(scope="session")
def sample_leak(tmp_path_factory: pytest.TempPathFactory) -> SampleLeak:
    from sample_data.generate import main as generate_sample

    out = tmp_path_factory.mktemp("sample")
    generate_sample(["--out", str(out), "--seed", "7"])
    return SampleLeak(out / "leak", json.loads((out / "truth.json").read_text("utf-8")))


@dataclass(frozen=True)
class SampleScan:
    leak: SampleLeak
    result: ScanResult
    documents: list[dict[str, Any]]
    network_events: list[str]


@pytest.fixture(scope="session")
def sample_scan(sample_leak: SampleLeak, tmp_path_factory: pytest.TempPathFactory) -> SampleScan:
    """One in-process scan of the sample leak, with the network guard armed throughout."""
    out = tmp_path_factory.mktemp("scan")
    key_file = out.parent / "sample-scan.key"
    key_file.write_bytes(TEST_KEY)
    _GUARD.events.clear()
    _GUARD.armed = True
    try:
        # In-process (isolate=False) so that the audit hook sees every connection the analysis could open.
        # Plain names: these tests compare paths with the generator's truth (masking has its own tests).
        result = run_scan(ScanOptions(roots=(sample_leak.root,), out_dir=out, workers=1, key_file=key_file,
                                      isolate=False, plain_names=True))
    finally:
        _GUARD.armed = False
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    return SampleScan(sample_leak, result, documents, list(_GUARD.events))



@contextlib.contextmanager
def running_dask_cluster(tmp_path: Path, wrap_worker: Callable[[list[str]], list[str]] = list) -> Iterator[str]:
    """A Dask scheduler and two one-thread workers on 127.0.0.1; each worker's command line passes
    through `wrap_worker` (test_blind_cluster_and_full_disk runs them where the share is hidden)."""
    from tests.servers import free_port, wait_for_port

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = (tmp_path / "dask.log").open("wb")
    processes = [subprocess.Popen([str(Path(sys.executable).parent / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                   "--no-dashboard"], stdout=logs, stderr=logs)]
    try:
        wait_for_port(port, 60)
        for _ in range(2):
            processes.append(subprocess.Popen(wrap_worker(
                [str(Path(sys.executable).parent / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                 "--host", "127.0.0.1", "--memory-limit", "3GB"]), stdout=logs, stderr=logs))
        from distributed import Client

        with Client(address, timeout="30s") as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A Dask scheduler and two one-thread workers on 127.0.0.1 (test_dask, test_buckets)."""
    with running_dask_cluster(tmp_path) as address:
        yield address


def scan_records(tmp_path: Path, *roots: Path) -> list[dict[str, Any]]:
    """A real scan (one worker) of the roots; the parsed lines of documents.jsonl. Names are not
    masked: callers compare paths with the files on disk (masking has its own tests)."""
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=roots, out_dir=out, workers=1, key_file=key, plain_names=True))
    return [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]


@dataclass(frozen=True)
class LabelledCorporaScan:
    roots: tuple[Path, ...]
    documents: list[dict[str, Any]]
    out_dir: Path


@pytest.fixture(scope="session")
def labelled_corpora_scan(tmp_path_factory: pytest.TempPathFactory) -> LabelledCorporaScan:
    """One scan of the labelled third-party corpora (about 100 s, mostly the 60 contracts), shared by
    test_corpora (every file accounted for) and test_categories (the categories they must get)."""
    roots = tuple(CORPORA / name for name in LABELLED_CORPORA)
    if not all(root.is_dir() for root in roots):
        pytest.skip("../shared/corpora absent (not a development checkout)")
    scanned = tmp_path_factory.mktemp("labelled-corpora")
    return LabelledCorporaScan(roots, scan_records(scanned, *roots), scanned / "out")
