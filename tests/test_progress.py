"""Progress on a terminal (#19): model loading is shown, and so is the file that runs longest.

Run on a real pseudo-terminal: progress is drawn only when stderr is one."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import TEST_KEY
from tests.test_cli_run import PROSE


def run_on_terminal(command: list[str], timeout_s: float = 600) -> tuple[int, str]:
    """Exit status and everything the command wrote to its terminal."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(command, stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True,
                               env={**os.environ, "COLUMNS": "300", "TERM": "xterm-256color"})
    os.close(terminal)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    os.close(controller)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_progress_shows_model_loading_and_the_longest_running_file(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a-short.txt").write_text(PROSE, "utf-8")
    (root / "b-long.txt").write_text(PROSE * 5000, "utf-8")  # about 1 MB of prose: many seconds of NER
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    status, screen = run_on_terminal([sys.executable, "-m", "classifier", "scan", str(root), "--out", str(tmp_path / "out"),
                                      "--workers", "1", "--key-file", str(key), "--state", str(tmp_path / "state")])
    assert status == 0, screen[-3000:]
    assert "loading models…" in screen
    assert "longest: b-long.txt (" in screen
    assert "sensitive: secrets 0" in screen  # the summary follows the progress display
