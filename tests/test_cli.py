from __future__ import annotations

import json
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
