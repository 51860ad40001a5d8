from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

from click.testing import CliRunner

from classifier import __version__
from classifier.cli import main
from tests.conftest import TEST_KEY, SampleScan
from tests.documents import csv_bytes


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_scan_json_summary_and_outputs(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "contacts.csv").write_bytes(csv_bytes([["Name", "Email"], ["Ann Lee", "ann@contoso.com"],
                                                   ["Bob Stone", "bob@contoso.com"], ["Ann Lee", "ann@contoso.com"]]))
    (root / "notes.txt").write_text("Ann Lee called about the purchase order from Contoso.")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1",
                                       "--key-file", str(key), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["totals"]["files"] == 2
    assert summary["entities"]["EMAIL_ADDRESS"] == {"mentions": 3, "documents": 1, "unique": 2}
    assert summary["organizations"] == {"unique": 1, "email_domains": 1}
    assert not (out / "scan.key").exists()  # the given key file was used


def test_default_key_is_created_beside_outputs_not_inside_them(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    (root / "a.txt").write_text("nothing to see")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    key = (out / "scan.key").read_bytes().strip()
    assert len(key) == 64
    assert (out / "scan.key").stat().st_mode & 0o777 == 0o600
    for name in ("inventory.json", "documents.jsonl", "report.html"):
        assert key not in (out / name).read_bytes()


def test_bad_root_is_one_line_on_stderr_and_non_zero(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("leakcensus: error: root does not exist")


def test_missing_spacy_model_is_an_operator_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                                       "--spacy-model", "no_such_model_xx"])
    assert result.exit_code == 2
    assert "no_such_model_xx" in result.stderr


def test_report_rerenders_from_inventory(sample_scan: SampleScan, tmp_path: Path) -> None:
    out = tmp_path / "copy"
    out.mkdir()
    (out / "inventory.json").write_bytes((sample_scan.result.out_dir / "inventory.json").read_bytes())
    result = CliRunner().invoke(main, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.html").read_text("utf-8") == (sample_scan.result.out_dir / "report.html").read_text("utf-8")


def run_on_a_terminal(command: list[str]) -> bytes:
    """Run a command with a real pseudo-terminal as stdin, stdout and stderr; return what it showed.

    The terminal is read while the command runs: a pty buffers only a few kB, and a
    progress display that cannot write would block the scan.
    """
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))  # a new pty is 0x0
    shown = bytearray()

    def read_all() -> None:
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the terminal's other side is closed and drained
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    process = subprocess.Popen(command, stdin=terminal, stdout=terminal, stderr=terminal)
    assert process.wait(timeout=300) == 0
    os.close(terminal)
    reader.join(30)
    os.close(controller)
    return bytes(shown)


def test_progress_shows_on_a_terminal_only(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    for n in range(3):
        (root / f"n{n}.txt").write_text(f"Note {n}: call Ann Lee on +44 20 7946 0958.")
    leakcensus = str(Path(sys.executable).with_name("leakcensus"))

    def command(out: str) -> list[str]:  # a new output each time: a rescan of unchanged files shows no work
        return [leakcensus, "scan", str(root), "--out", str(tmp_path / out), "--workers", "1"]

    piped = subprocess.run(command("piped"), capture_output=True, timeout=300, check=True)
    assert b"files/s" not in piped.stdout + piped.stderr
    shown = run_on_a_terminal(command("tty"))
    assert b"3/3 files" in shown and b"files/s" in shown and b"problems 0" in shown
    assert b"files/s" not in run_on_a_terminal([*command("quiet"), "--quiet"])
