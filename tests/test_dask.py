"""The scan on a real Dask cluster: a scheduler and two workers started here, on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from classifier.scan import ScanOptions, run_scan
from tests.conftest import TEST_KEY, SampleScan


def test_dask_scan_equals_the_local_scan(dask_cluster: str, sample_scan: SampleScan, tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "dask-out"
    result = run_scan(ScanOptions(roots=(sample_scan.leak.root,), out_dir=out, key_file=key, dask_address=dask_cluster,
                                  plain_names=True))  # as sample_scan

    def without_scan(inventory: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in inventory.items() if k != "scan"}

    scan: dict[str, int] = result.inventory["scan"]
    # Every file went through the cluster, except exact copies, which got the first copy's records.
    assert scan["files_analysed"] + scan["files_copied"] == sample_scan.result.inventory["totals"]["files"]
    assert scan["files_analysed"] > 30
    assert without_scan(result.inventory) == without_scan(sample_scan.result.inventory)
    local_lines = (sample_scan.result.out_dir / "documents.jsonl").read_text("utf-8")
    assert (out / "documents.jsonl").read_text("utf-8") == local_lines
    assert json.loads(local_lines.splitlines()[0])["path"]


def test_a_relative_root_is_sent_to_the_workers_absolute(dask_cluster: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Before (#17 item 11): workers resolved "." in their own working directory -> every file
    # `error: unreadable`, exit 0.
    root = tmp_path / "share"
    root.mkdir()
    (root / "notes.txt").write_text("Ask ann.lee@contoso.com about the order.")
    (root / "more.txt").write_text("Or bob.stone@fabrikam.com.")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    monkeypatch.chdir(root)
    run_scan(ScanOptions(roots=(Path("."),), out_dir=tmp_path / "out", key_file=key, dask_address=dask_cluster))
    records = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()]
    assert sorted((r["path"], r["status"], r["entities"]["EMAIL_ADDRESS"]["unique"]) for r in records) == [
        ("more.txt", "ok", 1), ("notes.txt", "ok", 1)]
