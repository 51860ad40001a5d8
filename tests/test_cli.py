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
from classifier.state import locate_state
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


def test_default_key_and_catalog_live_in_the_state_directory_not_in_the_outputs(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    (root / "a.txt").write_text("nothing to see")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    state = locate_state(out)
    assert not state.directory.is_relative_to(out)
    key = state.key_path.read_bytes().strip()
    assert len(key) == 64
    assert state.key_path.stat().st_mode & 0o777 == 0o600
    assert state.catalog_path.is_file()
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "documents.jsonl", "inventory.json", "report.html"]
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


def test_report_rerenders_from_inventory_and_documents(sample_scan: SampleScan, tmp_path: Path) -> None:
    out = tmp_path / "copy"
    out.mkdir()
    for name in ("inventory.json", "documents.jsonl"):
        (out / name).write_bytes((sample_scan.result.out_dir / name).read_bytes())
    result = CliRunner().invoke(main, ["report", "--out", str(out), "--parquet"])
    assert result.exit_code == 0, result.output
    for name in ("report.html", "documents.csv"):
        assert (out / name).read_bytes() == (sample_scan.result.out_dir / name).read_bytes(), name
    assert (out / "documents.parquet").stat().st_size > 0


def test_report_on_a_directory_without_a_scan_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("leakcensus: error: ")
    assert not (tmp_path / "report.html").exists()


CARDS = ["4111111111111111", "5500000000000004", "340000000000009"]
POLICY = """\
rules:
  - name: no-credentials
    category: credentials
  - name: cards-per-folder
    entity: CREDIT_CARD
    unique_more_than: {cards}
    per: folder
  - name: no-contracts
    category: contract
"""


def test_scan_policy_writes_violations_and_exits_3_only_when_violated(tmp_path: Path) -> None:
    root = tmp_path / "share"
    (root / "billing").mkdir(parents=True)
    (root / "ops").mkdir()
    # The same three cards in two files of one folder: 6 unique per document summed, 3 in truth.
    for name in ("march.csv", "april.csv"):
        (root / "billing" / name).write_bytes(csv_bytes([["Customer", "Card number"]]
                                                        + [[f"C{i}", card] for i, card in enumerate(CARDS)]))
    (root / "ops" / ".env").write_text("AWS_ACCESS_KEY_ID=AKIAQ7ZL3XH2B5RW6N4P\n"
                                       "AWS_SECRET_ACCESS_KEY=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\n")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    policy = tmp_path / "policy.yaml"

    def scan_with(cards: int) -> tuple[int, list[dict[str, object]]]:
        policy.write_text(POLICY.format(cards=cards))
        result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1",
                                           "--key-file", str(key), "--policy", str(policy), "--quiet"])
        lines = (out / "violations.jsonl").read_text("utf-8").splitlines()
        return result.exit_code, [json.loads(line) for line in lines]

    status, violations = scan_with(cards=2)
    assert status == 3
    credentials = next(v for v in violations if v["rule"] == "no-credentials")
    assert credentials.pop("content_hmac") != ""
    assert credentials == {"rule": "no-credentials", "per": "document", "path": "ops/.env", "counts": {"documents": 1},
                           "severity": "medium"}
    # Exact count from the catalog's keyed hashes (3), not the per-document sum (6), and no upper-bound flag.
    assert {"rule": "cards-per-folder", "per": "folder", "path": "billing",
            "counts": {"CREDIT_CARD_unique": 3, "documents": 2}, "severity": "medium"} in violations
    assert not any(v["rule"] == "no-contracts" for v in violations)
    # Three distinct cards are not more than three: only the credentials rule still fires (rescan, nothing analysed).
    status, violations = scan_with(cards=3)
    assert (status, [v["rule"] for v in violations]) == (3, ["no-credentials"])
    (root / "ops" / ".env").unlink()
    status, violations = scan_with(cards=3)
    assert (status, violations) == (0, [])
    # Without --policy an earlier run's violations.jsonl does not linger.
    assert CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--key-file", str(key), "--quiet"]).exit_code == 0
    assert not (out / "violations.jsonl").exists()


def test_scan_with_a_bad_policy_fails_before_scanning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello")
    policy = tmp_path / "p.yaml"
    policy.write_text("rules:\n  - name: x\n    category: no_such_category\n")
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                                       "--policy", str(policy)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(policy) in result.stderr
    assert not (tmp_path / "o").exists()


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


def test_a_shared_catalog_lets_a_new_output_directory_skip_unchanged_files(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "notes.txt").write_text("Ann Lee called about the purchase order from Contoso.")
    (root / "copy.txt").write_text("Ann Lee called about the purchase order from Contoso.")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    catalog = tmp_path / "state" / "leakcensus.sqlite"
    summaries = []
    for night in ("mon", "tue"):
        result = CliRunner().invoke(main, ["scan", str(root), "--out", str(tmp_path / night), "--workers", "1",
                                           "--key-file", str(key), "--catalog", str(catalog), "--json"])
        assert result.exit_code == 0, result.output
        summaries.append(json.loads((tmp_path / night / "inventory.json").read_text("utf-8"))["scan"])
    assert [(s["files_analysed"], s["files_copied"], s["files_unchanged"]) for s in summaries] == [(1, 1, 0), (0, 0, 2)]
    assert not (tmp_path / "mon" / "catalog.sqlite").exists()
    assert (tmp_path / "mon" / "documents.jsonl").read_bytes() == (tmp_path / "tue" / "documents.jsonl").read_bytes()
    found = CliRunner().invoke(main, ["lookup", "--out", str(tmp_path / "tue"), "--key-file", str(key),
                                      "--catalog", str(catalog), "--name", "Ann Lee"])
    assert found.exit_code == 0, found.output
    assert sorted(line.split("\t")[0] for line in found.output.splitlines()) == ["copy.txt", "notes.txt"]


def test_an_unchanged_rescan_keeps_its_parquet_export(tmp_path: Path) -> None:
    """The rescan that reuses its outputs keeps documents.parquet when asked for it, drops it when not."""
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "notes.txt").write_text("Ann Lee called about the purchase order from Contoso.")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    command = ["scan", str(tmp_path / "share"), "--out", str(out), "--workers", "1", "--key-file", str(key), "--quiet"]
    for run in ("first", "unchanged"):
        result = CliRunner().invoke(main, [*command, "--parquet"])
        assert result.exit_code == 0, (run, result.output)
        assert (out / "documents.parquet").stat().st_size > 0, run
    assert json.loads((out / "inventory.json").read_text("utf-8"))["scan"]["files_unchanged"] == 1
    assert CliRunner().invoke(main, command).exit_code == 0
    assert not (out / "documents.parquet").exists()
