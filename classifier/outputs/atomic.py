"""The one way an output file is written: to `NAME.partial` beside it, then moved over it.

A reader (a rescan, `leakcensus report`, a script polling the folder) never sees half an output,
and a failure (a full disk, a kill) leaves no partial file that looks like one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + ".partial")


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A path for a library that writes files itself (pyarrow); moved over `path` on success."""
    partial = partial_path(path)
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def atomic_text(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text file moved over `path` when the block ends without an exception."""
    with atomic_path(path) as partial, partial.open("w", encoding="utf-8", newline=newline) as handle:
        yield handle


def write_text(path: Path, text: str) -> None:
    with atomic_text(path) as handle:
        handle.write(text)
