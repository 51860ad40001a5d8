"""#17 item 13: files under paths longer than PATH_MAX (4,096 bytes) were counted as unreadable in
`skipped` and never read; the report did not say so. They are now walked, hashed and read through
directory descriptors (classifier/long_paths.py) and get their records like any other file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from classifier.long_paths import open_directory, open_file
from classifier.scan import ScanOptions, run_scan
from tests.conftest import TEST_KEY

FOLDER = "f" * 200  # 21 of these nest past 4,096 bytes whatever the temporary directory's own path


def make_deep_share(root: Path, levels: int) -> list[str]:
    """Files at several depths, each naming one person's e-mail; returns their relative paths."""
    written = []
    descriptor = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for level in range(levels):
            if level % 7 == 6 or level == levels - 1:
                name = f"contact{level}.txt"
                file_descriptor = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
                os.write(file_descriptor, f"Write to person{level}@example.org about the order.\n".encode())
                os.close(file_descriptor)
                written.append(f"{FOLDER}/" * level + name)
            os.mkdir(FOLDER, dir_fd=descriptor)
            inner = os.open(FOLDER, os.O_RDONLY | os.O_DIRECTORY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
    finally:
        os.close(descriptor)
    return written


def scan(root: Path, tmp_path: Path, **options: Any) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=(root,), out_dir=out, key_file=key, **options))
    records = {d["path"]: d for d in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}
    return records, json.loads((out / "inventory.json").read_text("utf-8"))


def test_files_past_path_max_are_walked_read_and_counted(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    written = make_deep_share(root, 24)
    longest = len(os.fsencode(str(root / written[-1])))
    assert longest > 4096
    records, inventory = scan(root, tmp_path, workers=2)
    assert sorted(records) == sorted(written)
    for path, record in records.items():
        assert (record["status"], record["error"]) == ("ok", None), path
        assert record["entities"]["EMAIL_ADDRESS"]["unique"] == 1
    assert inventory["totals"]["files"] == len(written)
    assert inventory["entities"]["EMAIL_ADDRESS"]["unique"] == len(written)
    assert inventory["totals"]["skipped"] == {}


def test_a_rescan_of_an_unchanged_deep_share_reads_nothing_again(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    written = make_deep_share(root, 22)
    first, _ = scan(root, tmp_path, workers=1)
    again, inventory = scan(root, tmp_path, workers=1)
    assert again == first and len(again) == len(written)
    assert inventory["totals"]["files"] == len(written)


def test_open_file_reads_a_file_whose_path_is_too_long_for_one_call(tmp_path: Path) -> None:
    written = make_deep_share(tmp_path, 22)
    deepest = tmp_path / written[-1]
    try:
        deepest.open("rb")
        raise AssertionError("the path was expected to be too long for one call")
    except OSError as exc:
        assert exc.strerror == os.strerror(36)  # ENAMETOOLONG
    with open_file(deepest) as handle:
        assert handle.read() == b"Write to person21@example.org about the order.\n"
    os.close(open_directory(str(deepest.parent)))
