"""Files and folders whose path is longer than the system takes in one call (PATH_MAX: 4,096 bytes
on Linux): reached one component at a time, each opened relative to a descriptor of its parent
(openat), as `find` and `du` reach them. Shares built on another system, or nested by a sync tool,
hold such paths; before this they were counted as unreadable and never read (#17 item 13).

Only the call that failed with ENAMETOOLONG takes this path: every other file is opened by name.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO


def open_file(path: Path) -> BinaryIO:
    """The file opened for reading, however long its path."""
    try:
        return path.open("rb")
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise
    directory = open_directory(str(path.parent))
    try:
        descriptor = os.open(path.name, os.O_RDONLY, dir_fd=directory)
    finally:
        os.close(directory)
    return os.fdopen(descriptor, "rb")


def open_directory(path: str) -> int:
    """A descriptor of the directory at `path`, opened one component at a time."""
    descriptor = os.open("/" if path.startswith("/") else ".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in path.split("/"):
            if part in ("", "."):
                continue
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


@dataclass(frozen=True)
class LongEntry:
    """What the walk asks of an os.DirEntry, for an entry listed through a directory descriptor:
    its status is read while the descriptor is open (None when it cannot be)."""

    name: str
    path: str
    status: os.stat_result | None = field(compare=False)

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        if self.status is None:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return self.status

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return self.status is not None and stat.S_ISDIR(self.status.st_mode)


def list_long_directory(path: str) -> list[LongEntry]:
    """The entries of a directory whose path is too long for os.scandir, with their (lstat) status."""
    descriptor = open_directory(path)
    try:
        entries = []
        with os.scandir(descriptor) as listing:
            for entry in listing:
                try:
                    status = os.stat(entry.name, dir_fd=descriptor, follow_symlinks=False)
                except OSError:
                    status = None
                entries.append(LongEntry(entry.name, f"{path}/{entry.name}", status))
        return entries
    finally:
        os.close(descriptor)
