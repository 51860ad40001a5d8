"""--include, --exclude and --ignore-file: which files under a root the operator wants scanned.

Pure functions over walk-relative paths (as the outputs write them). A pattern is a shell glob:
without a `/` it matches a name at any depth (`*.log`, `node_modules`), with one it matches the
path from the root (`exports/*.csv`); a trailing `/` matches directories only (`cache/`). An
excluded directory is not entered. With --include, only files matching an include pattern are
scanned. Passed-over files are counted in the inventory's `skipped` (never silently dropped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from classifier.errors import RunError


class FilterError(RunError):
    """An ignore file that cannot be read."""


def _matches(pattern: str, path: str, is_directory: bool) -> bool:
    if pattern.endswith("/"):
        if not is_directory:
            return False
        pattern = pattern.rstrip("/")
    if "/" in pattern:
        return fnmatchcase(path, pattern.lstrip("/"))
    return fnmatchcase(path.rsplit("/", 1)[-1], pattern)


@dataclass(frozen=True)
class PathFilter:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def skips_directory(self, path: str) -> bool:
        """`path`: the directory's walk-relative path, without a trailing `/`."""
        return any(_matches(pattern, path, True) for pattern in self.exclude)

    def skips_file(self, path: str) -> bool:
        if any(_matches(pattern, path, False) for pattern in self.exclude):
            return True
        return bool(self.include) and not any(_matches(pattern, path, False) for pattern in self.include)


def ignore_file_patterns(path: Path) -> list[str]:
    """Exclude patterns from a file: one per line, `#` comments and blank lines ignored."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FilterError(f"cannot read ignore file {path}: {getattr(exc, 'strerror', None) or type(exc).__name__}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def path_filter(include: Iterable[str] = (), exclude: Iterable[str] = (), ignore_file: Path | None = None) -> PathFilter:
    patterns = [*exclude, *(ignore_file_patterns(ignore_file) if ignore_file is not None else [])]
    return PathFilter(tuple(include), tuple(patterns))
