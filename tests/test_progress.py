"""Progress on a terminal (#19): model loading is shown, and so is the file that runs longest.

Run on a real pseudo-terminal: progress is drawn only when stderr is one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY
from tests.test_cli import run_on_a_terminal
from tests.test_cli_run import PROSE


def test_terminal_progress_shows_model_loading_and_the_longest_running_file(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a-short.txt").write_text(PROSE, "utf-8")
    # About 4 MB of prose (under max_text_chars): ~13 s of analysis here, so that it runs past LONG_RUNNING_S
    # (5 s) on a faster machine too. 1 MB was enough before the phone recognizer got faster (~2 s now).
    (root / "b-long.txt").write_text(PROSE * 25000, "utf-8")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    monkeypatch.setenv("COLUMNS", "300")  # wide enough that rich truncates no column
    screen = run_on_a_terminal([sys.executable, "-m", "classifier", "scan", str(root), "--out", str(tmp_path / "out"),
                                "--workers", "1", "--key-file", str(key), "--state", str(tmp_path / "state")])
    text = screen.decode("utf-8", "replace")
    assert "loading models…" in text
    assert "longest: b-long.txt (" in text
    assert "sensitive: secrets 0" in text  # the summary follows the progress display
