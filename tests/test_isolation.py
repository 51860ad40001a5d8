"""A file that takes too long or needs too much memory costs that file a status, never the scan."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from classifier.limits import Limits
from classifier.scan import ScanOptions, run_scan
from tests.conftest import TEST_KEY


def scan(root: Path, tmp_path: Path, **options: Any) -> dict[str, dict[str, Any]]:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=(root,), out_dir=out, key_file=key, **options))
    return {d["path"]: d for d in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}


def test_a_slow_file_times_out_and_the_scan_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    # ~550 kB of prose for NER: many seconds. Each sentence differs: identical windows are analysed once (#20).
    minutes = "".join(f"Maria Gonzalez met Peter Novak of Contoso in Berlin on day {n} to discuss order {n}. "
                      for n in range(6000))
    (root / "b_long_minutes.txt").write_text(minutes)
    for n in range(4):
        (root / f"c_note{n}.txt").write_text(f"Note {n}: call +44 20 7946 0958.")
    records = scan(root, tmp_path, workers=1, timeout_s=2.0)
    assert records["b_long_minutes.txt"]["status"] == "timeout"
    assert records["b_long_minutes.txt"]["error"] == "per-file time limit (2 s)"
    assert all(records[f"c_note{n}.txt"]["status"] == "ok" for n in range(4))  # the replacement worker went on
    assert records["c_note3.txt"]["entities"]["PHONE_NUMBER"]["unique"] == 1


def test_a_parse_past_the_memory_cap_is_an_error_not_an_oom(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    with zipfile.ZipFile(root / "a_bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("zeros.bin", "w", force_zip64=True) as member:
        block = b"\0" * (1 << 20)
        for _ in range(700):
            member.write(block)
    (root / "b_after.txt").write_text("Write to ann@contoso.com.")
    generous = Limits(max_member_bytes=2 << 30, max_container_bytes=4 << 30, max_ratio=10**9)
    records = scan(root, tmp_path, workers=1, limits=generous, worker_memory_bytes=1200 << 20)
    bomb = [r for p, r in records.items() if p.startswith("a_bomb.zip")]
    assert {r["status"] for r in bomb} <= {"error", "ok"}
    assert any(r["status"] == "error" for r in bomb)
    assert records["b_after.txt"]["status"] == "ok"


def test_a_pool_closed_before_its_workers_are_ready_kills_them_at_once() -> None:
    """An estimate starts its pool before its walk (scan/analyse.py early_pool); when no drawn file needs
    analysing (all catalogued), the pool closes while its workers still load their models (~2 s each):
    they are killed, not waited for (a join would wait up to 5 s per worker)."""
    import time

    from classifier.analyzer_settings import AnalyzerSettings
    from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
    from classifier.scan.pool import SupervisedPool

    pool = SupervisedPool(AnalyzerSettings(TEST_KEY, DEFAULT_SPACY_MODEL, Limits()), 2, 60.0, None)
    with pool:
        template = pool._template
        assert template is not None and template.is_alive()
        assert not any(worker.ready for worker in pool._workers)
        started = time.monotonic()
    assert time.monotonic() - started < 1.0
    assert not template.is_alive()
    assert template.exitcode == -9  # killed while loading


def test_a_worker_replaced_after_a_timeout_is_forked_from_the_template_at_once(tmp_path: Path) -> None:
    """#20: the template loads the models once; workers (and a worker that replaces one killed on a
    timeout) are its children, ready in milliseconds instead of the ~2 s a spawned worker took."""
    import os
    import time

    from classifier.analyzer_settings import AnalyzerSettings
    from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
    from classifier.records import FileEntry
    from classifier.scan.pool import SupervisedPool

    slow = tmp_path / "slow.txt"
    slow.write_text("".join(f"Maria Gonzalez met Peter Novak in Berlin on day {n} about order {n}. " for n in range(6000)))
    quick = tmp_path / "quick.txt"
    quick.write_text("Write to ann@contoso.com.")
    entries = [FileEntry(str(tmp_path), path, path.name, path.stat().st_size, path.stat().st_mtime_ns)
               for path in (slow, quick)]
    pool = SupervisedPool(AnalyzerSettings(TEST_KEY, DEFAULT_SPACY_MODEL, Limits()), 1, 1.0, None)
    results: dict[str, tuple[str, float]] = {}
    with pool:
        first = pool._workers[0]
        for _, entry, records, _ in pool.run([(0, entries[0], ()), (1, entries[1], ())]):
            results[entry.rel_path] = (records[0].status, time.monotonic())
        assert pool._template is not None
        template_pid = pool._template.pid
        replacement = pool._workers[0]
        assert replacement is not first and first.pid is not None and replacement.pid is not None
        assert _parent_pid(replacement.pid) == template_pid
        # Forking is safe only from a process that runs one thread (no BLAS or other thread pool).
        assert _status_field(template_pid, "Threads") == "1"
        assert not os.path.exists(f"/proc/{first.pid}")  # killed on its timeout
    assert results["slow.txt"][0] == "timeout"
    assert results["quick.txt"][0] == "ok"
    # The quick file waited only for the replacement's fork (a spawned worker took ~2 s to import and load).
    assert results["quick.txt"][1] - results["slow.txt"][1] < 0.5
    assert not os.path.exists(f"/proc/{replacement.pid}")


def _parent_pid(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[1])


def _status_field(pid: int, name: str) -> str:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(line.split(":", 1)[1].strip() for line in status if line.startswith(f"{name}:"))


def test_a_worker_has_its_next_file_before_the_scan_stores_the_last_one(tmp_path: Path) -> None:
    """#20: while this process stores a result (catalog, progress: ~1 ms a file), the worker that made
    it already analyses its next file instead of waiting for it."""
    from classifier.analyzer_settings import AnalyzerSettings
    from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
    from classifier.records import FileEntry
    from classifier.scan.pool import SupervisedPool

    entries = []
    for n in range(3):
        path = tmp_path / f"note{n}.txt"
        path.write_text(f"Note {n}: write to ann{n}@contoso.com.")
        entries.append(FileEntry(str(tmp_path), path, path.name, path.stat().st_size, path.stat().st_mtime_ns))
    pool = SupervisedPool(AnalyzerSettings(TEST_KEY, DEFAULT_SPACY_MODEL, Limits()), 1, 60.0, None)
    with pool:
        seen = []
        for file_seq, _, records, _ in pool.run([(n, entry, ()) for n, entry in enumerate(entries)]):
            running = pool._workers[0].task
            seen.append((file_seq, running[0] if running is not None else None, records[0].status))
    assert seen == [(0, 1, "ok"), (1, 2, "ok"), (2, None, "ok")]
