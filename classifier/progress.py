"""Progress of a scan on a terminal: files/s, MB/s, ETA and problems so far (rich).

Shown only on an interactive terminal and not with --quiet; nothing here ever
names a file's content, only counts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING

from classifier.records import DocumentRecord, Status

if TYPE_CHECKING:  # rich is imported when a terminal is there to draw on: scripts and rescans skip its start-up
    from rich.progress import TaskID


# A file shown as running longest once it has taken this long: most files take well under a second.
LONG_RUNNING_S = 5.0


class ScanProgress:
    """The callbacks run_scan makes; the base class shows nothing (scripts, CI, --quiet)."""

    def listed(self, files: int, total_bytes: int) -> None:
        """Files (or bucket objects) listed so far and their bytes, while the roots are walked."""

    def start(self, files: int, total_bytes: int) -> None:
        pass

    def advance(self, size: int, records: Iterable[DocumentRecord]) -> None:
        pass

    shows_running = False  # whether `running` is worth calling every second

    def running(self, path: str | None, seconds: float) -> None:
        """The file running longest and for how long ("" when none runs), or None while the
        workers are still loading their models."""

    def __enter__(self) -> ScanProgress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        pass


class TerminalProgress(ScanProgress):
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]scanning"), BarColumn(), TextColumn("{task.completed}/{task.total} files"),
            TextColumn("{task.fields[rate]}"), TextColumn("problems {task.fields[problems]}"),
            TimeRemainingColumn(), TextColumn("{task.fields[running]}"), console=self._console, transient=True,
            # Files differ in cost by orders of magnitude: estimate the rate over minutes, not seconds,
            # so that the time left does not jump with every large file.
            speed_estimate_period=300,
        )
        self._task: TaskID | None = None
        self._listing: TaskID | None = None
        self._bytes = 0
        self._problems = 0
        self._started = time.monotonic()

    def listed(self, files: int, total_bytes: int) -> None:
        # A bucket of millions of objects takes minutes to list: say how far the listing is.
        note = f"listed {files:,} files, {total_bytes / 1e9:,.2f} GB"
        if self._listing is None:
            self._listing = self._progress.add_task("list", total=None, rate=note, problems=0, running="")
        else:
            self._progress.update(self._listing, rate=note)

    def start(self, files: int, total_bytes: int) -> None:
        if self._listing is not None:
            self._progress.remove_task(self._listing)
            self._listing = None
        self._started = time.monotonic()
        self._task = self._progress.add_task("scan", total=files, rate="", problems=0, running="")

    def advance(self, size: int, records: Iterable[DocumentRecord]) -> None:
        if self._task is None:
            return
        self._bytes += size
        self._problems += sum(1 for r in records if r.status is not Status.OK)
        elapsed = max(time.monotonic() - self._started, 1e-6)
        done = self._progress.tasks[0].completed + 1
        rate = f"{done / elapsed:.1f} files/s {self._bytes / elapsed / 1e6:.2f} MB/s"
        self._progress.update(self._task, advance=1, rate=rate, problems=self._problems)
        self._progress.refresh()  # a file can take longer than the refresh tick; show it as soon as it is done

    shows_running = True

    def running(self, path: str | None, seconds: float) -> None:
        if self._task is None:
            return
        if path is None:
            note = "loading models…"
        elif path and seconds >= LONG_RUNNING_S:
            note = f"longest: {path} ({seconds:.0f} s)"
        else:
            note = ""
        self._progress.update(self._task, running=note)

    def __enter__(self) -> TerminalProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._progress.stop()


def progress_for(quiet: bool) -> ScanProgress:
    return TerminalProgress() if not quiet and sys.stderr.isatty() else ScanProgress()
