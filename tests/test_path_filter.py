"""--include, --exclude and --ignore-file (#19): what the operator leaves out is never read and always counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from classifier.cli import main
from classifier.path_filter import PathFilter, path_filter
from tests.conftest import TEST_KEY


@pytest.mark.parametrize(("chosen", "path", "skipped"), [
    (PathFilter(exclude=("*.log",)), "app/run.log", True),
    (PathFilter(exclude=("*.log",)), "app/run.log.txt", False),
    (PathFilter(exclude=("exports/*.csv",)), "exports/a.csv", True),
    (PathFilter(exclude=("exports/*.csv",)), "old/exports/a.csv", False),  # a path pattern is anchored at the root
    (PathFilter(exclude=("cache/",)), "cache", False),  # a file named cache: a trailing / is for directories
    (PathFilter(include=("*.pdf", "hr/*")), "legal/nda.pdf", False),
    (PathFilter(include=("*.pdf", "hr/*")), "hr/list.csv", False),
    (PathFilter(include=("*.pdf", "hr/*")), "legal/notes.txt", True),
    (PathFilter(include=("*.pdf",), exclude=("draft*",)), "draft-nda.pdf", True),  # exclude wins
])
def test_file_patterns(chosen: PathFilter, path: str, skipped: bool) -> None:
    assert chosen.skips_file(path) is skipped


def test_directory_patterns() -> None:
    chosen = PathFilter(exclude=("node_modules", "build/cache/"))
    assert chosen.skips_directory("web/node_modules")
    assert chosen.skips_directory("build/cache")
    assert not chosen.skips_directory("cache")


def test_scan_leaves_out_what_it_is_told_to_and_counts_it(tmp_path: Path) -> None:
    root = tmp_path / "share"
    for path in ("hr/list.csv", "hr/notes.txt", "web/node_modules/pkg/readme.txt", "web/node_modules/pkg/more.txt",
                 "logs/app.log", "legal/nda.txt"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("Ann Lee, ann.lee@contoso.com\n", "utf-8")
    ignore = tmp_path / "leakcensus.ignore"
    ignore.write_text("# build noise\nnode_modules\n\n*.log\n", "utf-8")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet",
                                       "--key-file", str(key), "--state", str(tmp_path / "state"),
                                       "--ignore-file", str(ignore), "--exclude", "hr/notes.txt"])
    assert result.exit_code == 0, result.output
    paths = [json.loads(line)["path"] for line in (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()]
    assert paths == ["hr/list.csv", "legal/nda.txt"]
    skipped = json.loads((tmp_path / "out" / "inventory.json").read_text("utf-8"))["totals"]["skipped"]
    assert skipped == {"excluded_directory": 1, "excluded_file": 2}


def test_an_unreadable_ignore_file_is_one_line(tmp_path: Path) -> None:
    from classifier.path_filter import FilterError

    with pytest.raises(FilterError, match=r"^cannot read ignore file .*missing: No such file or directory$"):
        path_filter(ignore_file=tmp_path / "missing")
