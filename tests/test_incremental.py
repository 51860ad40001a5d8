"""Rescans pay only for what changed; a killed scan resumes to the same result."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from classifier.outputs.derived import rerender
from classifier.outputs.inventory_json import InventoryJson
from classifier.scan import ScanOptions, run_scan
from classifier.state import locate_state
from tests.conftest import TEST_KEY, SampleLeak, SampleScan


def without_scan(inventory: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in inventory.items() if k != "scan"}


def copy_leak(sample_leak: SampleLeak, tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "leak"
    shutil.copytree(sample_leak.root, root)
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    return root, key


def scan(root: Path, out: Path, key: Path) -> InventoryJson:
    return run_scan(ScanOptions(roots=(root,), out_dir=out, workers=1, key_file=key)).inventory


def test_unchanged_rescan_analyses_nothing_and_changes_nothing(sample_leak: SampleLeak, tmp_path: Path) -> None:
    root, key = copy_leak(sample_leak, tmp_path)
    out = tmp_path / "out"
    first = scan(root, out, key)
    first_lines = (out / "documents.jsonl").read_text("utf-8")
    again = scan(root, out, key)
    files = first["totals"]["files"]
    # Exact copies on disk are not analysed again: their records are copied from the first.
    copies = sum(1 for path, f in sample_leak.truth["files"].items() if f["duplicate_of"] and "!/" not in path)
    assert copies >= 3
    assert (first["scan"]["files_analysed"], first["scan"]["files_copied"]) == (files - copies, copies)
    assert first["scan"]["files_unchanged"] == 0
    assert (again["scan"]["files_analysed"], again["scan"]["files_copied"], again["scan"]["files_unchanged"]) == (
        0, 0, files)
    assert without_scan(again) == without_scan(first)
    assert (out / "documents.jsonl").read_text("utf-8") == first_lines


def test_an_unchanged_rescan_renders_the_report_without_reading_documents_jsonl(sample_leak: SampleLeak,
                                                                                 tmp_path: Path) -> None:
    """#20: the report's folders, reasons and figures' sources come from the summary the catalog keeps
    with the outputs' fingerprint (reading documents.jsonl was a third of an unchanged rescan); the page
    is the one `leakcensus report` renders from documents.jsonl."""
    root, key = copy_leak(sample_leak, tmp_path)
    out = tmp_path / "out"
    scan(root, out, key)
    documents = out / "documents.jsonl"
    intact = documents.read_bytes()
    status = documents.stat()
    # Same size and mtime, and no record in it: a rescan that read it would show no folder and no source.
    documents.write_bytes(b" " * len(intact))
    os.utime(documents, ns=(status.st_atime_ns, status.st_mtime_ns))
    again = scan(root, out, key)
    assert again["scan"]["files_unchanged"] == again["totals"]["files"]
    from_summary = (out / "report.html").read_text("utf-8")
    documents.write_bytes(intact)
    rerender(out)
    assert (out / "report.html").read_text("utf-8") == from_summary
    # What documents.jsonl alone gives: folders, each figure's documents, and that every document was read.
    assert "data-folder=" in from_summary and "data-sources='PERSON'" in from_summary
    assert "Every document was read" in from_summary


def test_editing_one_file_reanalyses_only_that_file(sample_leak: SampleLeak, tmp_path: Path) -> None:
    root, key = copy_leak(sample_leak, tmp_path)
    out = tmp_path / "out"
    first = scan(root, out, key)
    notes = root / "internal" / "woodgrove_escalation_notes.txt"
    notes.write_text(notes.read_text("utf-8") + "\nCall back Zoe Quarterman on +44 20 7946 0111.\n", "utf-8")
    (root / "it" / "logs" / "crm_sync_2021-06-14.log").unlink()
    again = scan(root, out, key)
    assert again["scan"]["files_analysed"] == 1
    assert again["scan"]["files_removed"] == 1
    assert again["totals"]["files"] == first["totals"]["files"] - 1
    assert again["entities"]["PHONE_NUMBER"]["unique"] == first["entities"]["PHONE_NUMBER"]["unique"] + 1
    records = {json.loads(line)["path"]: json.loads(line) for line in (out / "documents.jsonl").open()}
    assert "it/logs/crm_sync_2021-06-14.log" not in records
    assert records["internal/woodgrove_escalation_notes.txt"]["entities"]["PHONE_NUMBER"]["unique"] >= 1


def test_unchanged_rescan_restores_outputs_someone_changed(sample_leak: SampleLeak, tmp_path: Path) -> None:
    """An unchanged rescan reuses the outputs it wrote; edited or missing outputs are written anew."""
    root, key = copy_leak(sample_leak, tmp_path)
    out = tmp_path / "out"
    first = scan(root, out, key)
    written = {name: (out / name).read_bytes() for name in ("documents.jsonl", "documents.csv")}
    (out / "documents.jsonl").write_text('{"path": "forged"}\n')
    (out / "documents.csv").unlink()
    again = scan(root, out, key)
    assert again["scan"]["files_unchanged"] == first["totals"]["files"]
    assert {name: (out / name).read_bytes() for name in written} == written
    inventory = json.loads((out / "inventory.json").read_text("utf-8"))
    inventory["totals"]["documents"] = 1
    (out / "inventory.json").write_text(json.dumps(inventory))
    assert without_scan(scan(root, out, key)) == without_scan(first)


def test_copied_renamed_and_touched_files_are_not_analysed_again(sample_leak: SampleLeak, tmp_path: Path) -> None:
    root, key = copy_leak(sample_leak, tmp_path)
    out = tmp_path / "out"
    scan(root, out, key)
    def first_file(folder: Path) -> Path:
        return sorted(p for p in folder.iterdir() if p.is_file())[0]

    quote = first_file(root / "sales" / "quotes")
    shutil.copy2(quote, root / "transfer" / ("copy of " + quote.name))  # a new copy elsewhere
    (root / "internal").rename(root / "internal-old")  # a renamed folder
    os.utime(first_file(root / "hr"), ns=(1, 1))  # touched: only the mtime changed
    changed_name = root / "transfer" / "same-bytes.txt"
    changed_name.write_bytes(first_file(root / "finance").read_bytes())
    again = scan(root, out, key)
    renamed = sum(1 for p in (root / "internal-old").rglob("*") if p.is_file())
    # Only the file whose bytes are known under another extension is analysed (extensions steer sniffing).
    assert again["scan"]["files_analysed"] == 1
    assert again["scan"]["files_copied"] == 1 + renamed + 1
    # The result is what a fresh scan of the changed tree says.
    fresh = scan(root, tmp_path / "fresh", key)
    assert without_scan(again) == without_scan(fresh)
    assert (out / "documents.jsonl").read_bytes() == (tmp_path / "fresh" / "documents.jsonl").read_bytes()


def files_catalogued(catalog: Path) -> int:
    try:
        with sqlite3.connect(catalog, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM documents WHERE member_seq = 0").fetchone()[0])
    except sqlite3.Error:
        return 0


def kill_once_catalogued(command: list[str], out: Path, env: dict[str, str] | None = None, files: int = 10) -> int:
    """Runs the scan `command` writing to `out`, kills it (SIGKILL) once `files` files are in its
    catalog, and returns how many were catalogued by then."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    catalog = locate_state(out).catalog_path
    while files_catalogued(catalog) < files and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the scan finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return files_catalogued(catalog)


def test_resume_after_sigkill_gives_the_same_inventory(sample_scan: SampleScan, tmp_path: Path) -> None:
    root, key = copy_leak(sample_scan.leak, tmp_path)
    out = tmp_path / "out"
    command = [str(Path(sys.executable).with_name("leakcensus")), "scan", str(root), "--out", str(out),
               "--workers", "1", "--key-file", str(key), "--plain-names"]  # as sample_scan, to compare with it
    done_before_kill = kill_once_catalogued(command, out)
    catalog = locate_state(out).catalog_path
    assert 10 <= done_before_kill < sample_scan.result.inventory["totals"]["files"]
    with sqlite3.connect(catalog) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    resumed = subprocess.run(command, capture_output=True, check=True, timeout=600)
    assert resumed.returncode == 0
    inventory = json.loads((out / "inventory.json").read_text("utf-8"))
    assert inventory["scan"]["files_unchanged"] >= done_before_kill  # completed files were not redone
    assert without_scan(inventory) == without_scan(sample_scan.result.inventory)
    resumed_lines = (out / "documents.jsonl").read_text("utf-8").splitlines()
    # Line by line, so that a failure names the record that differs.
    assert resumed_lines == (sample_scan.result.out_dir / "documents.jsonl").read_text("utf-8").splitlines()


def bytes_read_by_this_process() -> int:
    """rchar of /proc/self/io: bytes this process read through system calls (page cache included)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_a_rescan_reads_no_byte_of_files_whose_stamp_is_unchanged(tmp_path: Path) -> None:
    """#20: size, mtime, inode change time and inode as recorded: the file is not read again (it was
    hashed in full before). A write that keeps size and mtime still moves the change time."""
    root = tmp_path / "share"
    root.mkdir()
    for n in range(8):
        (root / f"export{n}.csv").write_bytes(b"id,amount\n" + b"".join(b"%d,%d.00\n" % (i, i % 97) for i in range(200_000)))
    (root / "note.txt").write_text("Call Ada Ferreira on +44 20 7946 0123.\n")
    share_bytes = sum(path.stat().st_size for path in root.iterdir())
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"

    def rescan(verify: bool = False) -> tuple[InventoryJson, int]:
        before = bytes_read_by_this_process()
        inventory = run_scan(ScanOptions(roots=(root,), out_dir=out, workers=1, key_file=key, isolate=False,
                                         verify_unchanged=verify)).inventory
        return inventory, bytes_read_by_this_process() - before

    rescan()
    again, read = rescan()
    assert again["scan"]["files_unchanged"] == 9
    assert read < share_bytes / 10, (read, share_bytes)
    verified, read = rescan(verify=True)
    assert verified["scan"]["files_unchanged"] == 9 and read >= share_bytes

    note = root / "note.txt"
    status = note.stat()
    note.write_text("Call Bea Ferreira on +44 20 7946 0124.\n")  # same size
    os.utime(note, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the old mtime: only ctime tells
    changed, _ = rescan()
    assert (changed["scan"]["files_analysed"], changed["scan"]["files_unchanged"]) == (1, 8)
