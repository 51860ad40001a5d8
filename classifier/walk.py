"""Roots -> file entries: regular files only, symlinks never followed.

Special files (FIFOs, sockets, devices) are never opened: opening a FIFO blocks
forever. Symlinks are not followed, so a link cannot lead the scan out of the
root or into a loop. What is passed over is counted with a reason.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from classifier.buckets import Bucket, RemoteObject, bucket_entries
from classifier.errors import RunError
from classifier.long_paths import LongEntry, list_long_directory
from classifier.names import escape_folder, escape_name, escape_path
from classifier.path_filter import PathFilter
from classifier.records import FileEntry

EVERYTHING = PathFilter()  # no --include or --exclude
NO_LOCAL_PATH = Path()  # a bucket object's abs_path: it is read by its key (FileEntry.remote), never opened


class RootError(RunError):
    """The operator named a root that cannot be scanned."""


def walk_roots(roots: list[Path | Bucket], skipped: Counter[str], exclude: frozenset[Path] = frozenset(),
               chosen: PathFilter = EVERYTHING) -> Iterator[FileEntry]:
    for root in roots:
        if isinstance(root, Bucket):
            yield from walk_bucket(root, skipped, chosen)
        else:
            yield from walk_root(root, skipped, exclude, chosen)


def walk_bucket(bucket: Bucket, skipped: Counter[str], chosen: PathFilter = EVERYTHING) -> Iterator[FileEntry]:
    """The objects under a bucket root in key order, listed a page at a time."""
    for rel_path, listed in bucket_entries(bucket, skipped, chosen):
        yield FileEntry(bucket.url, NO_LOCAL_PATH, rel_path, listed.size, listed.mtime_ns,
                        RemoteObject(bucket, listed.key, listed.version))


def walk_root(root: Path, skipped: Counter[str], exclude: frozenset[Path] = frozenset(),
              chosen: PathFilter = EVERYTHING) -> Iterator[FileEntry]:
    """Files under `root` in a stable order; `exclude` holds resolved directories to leave out
    (the scan's own output directory, when it lies inside a root); `chosen` is the operator's
    --include/--exclude (passed-over files and directories are counted in `skipped`)."""
    try:
        # A root given as a symlink is what the operator asked for: followed, once (links below
        # it are not).
        root_stat = root.stat() if root.is_symlink() else root.lstat()
    except OSError as exc:
        raise RootError(f"cannot read root {escape_path(str(root))}: {exc.strerror}") from None
    root_label = escape_path(str(root))
    if stat.S_ISREG(root_stat.st_mode):
        yield FileEntry(root_label, root, escape_name(root.name), root_stat.st_size, root_stat.st_mtime_ns,
                        stamp=stamp_of(root_stat))
        return
    if not stat.S_ISDIR(root_stat.st_mode):
        raise RootError(f"root is not a directory or regular file: {root_label}")

    # Depth first with an explicit stack (no recursion limit for hostile nesting): a directory's
    # files in name order, then its subdirectories in name order, as os.walk top-down visits them.
    excluded_names = {path.name for path in exclude}
    stack = [(str(root), "")]
    while stack:
        directory, prefix = stack.pop()
        files, subdirectories = _list_directory(directory, skipped)
        for entry in files:
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                skipped["unreadable_file"] += 1
                continue
            if stat.S_ISLNK(st.st_mode):
                skipped["symlink"] += 1
                continue
            if not stat.S_ISREG(st.st_mode):
                skipped["special_file"] += 1
                continue
            rel_path = prefix + escape_name(entry.name)
            if chosen and chosen.skips_file(rel_path):
                skipped["excluded_file"] += 1
                continue
            yield FileEntry(root_label, Path(entry.path), rel_path, st.st_size, st.st_mtime_ns, stamp=stamp_of(st))
        below = []
        for entry in reversed(subdirectories):
            rel_dir = prefix + escape_folder(entry.name)
            if chosen and chosen.skips_directory(rel_dir):
                skipped["excluded_directory"] += 1
                continue
            # Resolving a path is slow; only directories named like an excluded one need it.
            if not (entry.name in excluded_names and Path(entry.path).resolve() in exclude):
                below.append((entry.path, rel_dir + "/"))
        stack.extend(below)


Entry = os.DirEntry[str] | LongEntry
# A directory whose path is this long may hold names that take its entries' paths past PATH_MAX
# (4,096 bytes; a name has at most 255): it is listed through a descriptor (long_paths).
LONG_DIRECTORY_BYTES = 4096 - 256


def stamp_of(status: os.stat_result) -> str:
    """FileEntry.stamp: the inode change time and inode number."""
    return f"{status.st_ctime_ns}:{status.st_ino}"


def _list_directory(directory: str, skipped: Counter[str]) -> tuple[list[Entry], list[Entry]]:
    """(everything that is not a directory, real subdirectories), each sorted by name; one scandir."""
    entries: list[Entry]
    try:
        if len(os.fsencode(directory)) >= LONG_DIRECTORY_BYTES:
            entries = sorted(list_long_directory(directory), key=lambda e: e.name)
        else:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        skipped["unreadable_directory"] += 1
        return [], []
    files: list[Entry] = []
    subdirectories: list[Entry] = []
    for entry in entries:
        try:
            is_directory = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_directory = False
        (subdirectories if is_directory else files).append(entry)
    return files, subdirectories
