from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from classifier.walk import RootError, walk_root


def test_regular_files_only_links_and_fifos_counted_not_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    os.mkfifo(tmp_path / "pipe")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("outside the root")
    (tmp_path / "escape").symlink_to(outside)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    skipped: Counter[str] = Counter()
    paths = [entry.rel_path for entry in walk_root(tmp_path, skipped)]
    assert paths == ["a.txt", "sub/b.txt"]
    assert skipped == Counter({"symlink": 2, "special_file": 1})


def test_output_directory_inside_the_root_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("x")
    (tmp_path / "census").mkdir()
    (tmp_path / "census" / "inventory.json").write_text("{}")
    paths = [e.rel_path for e in walk_root(tmp_path, Counter(), frozenset({(tmp_path / "census").resolve()}))]
    assert paths == ["doc.txt"]


def test_name_that_is_not_utf8_is_escaped_reversibly(tmp_path: Path) -> None:
    raw_name = b"caf\xe9.txt"
    with open(os.path.join(os.fsencode(tmp_path), raw_name), "wb") as handle:
        handle.write(b"x")
    [entry] = list(walk_root(tmp_path, Counter()))
    assert entry.rel_path == "caf%E9.txt"  # names.escape_name: one escaping that cannot collide
    assert entry.rel_path.encode("utf-8")  # valid text for JSON
    assert entry.abs_path.read_bytes() == b"x"


def test_missing_root_is_an_operator_error(tmp_path: Path) -> None:
    with pytest.raises(RootError):
        list(walk_root(tmp_path / "nope", Counter()))
