"""How a run starts and stops (#19): an empty root, an output folder inside a root, Ctrl-C,
`python -m classifier`. Real processes, as an operator runs them."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from classifier.cli import main
from tests.conftest import TEST_KEY

PROSE = ("Minutes of the steering meeting. Ann Lee (ann.lee@contoso.com, +1 425 555 0143) asked Bob Ruiz "
         "to send the revised offer to Fabrikam before the end of the quarter.\n")


def stored_documents(catalog: Path) -> int:
    """Documents the running scan has committed (0 before the catalog exists)."""
    if not catalog.exists():
        return 0
    try:
        with sqlite3.connect(f"{catalog.as_uri()}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the table is being created
        return 0


def key_file(tmp_path: Path) -> Path:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    return key


def test_an_empty_root_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # Before: exit 0 and an empty summary, read as "nothing leaked" when the share was not mounted.
    (tmp_path / "mnt").mkdir()
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "mnt"), "--out", str(tmp_path / "out"),
                                       "--state", str(tmp_path / "state")])
    assert result.exit_code == 2
    assert result.output == f"leakcensus: error: root is empty: {tmp_path / 'mnt'} (nothing to scan; is it mounted?)\n"
    assert not (tmp_path / "out" / "inventory.json").exists()


def test_an_output_folder_inside_the_root_is_warned_of_and_never_scanned(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "notes.txt").write_text(PROSE, "utf-8")
    out = root / "census"
    arguments = ["scan", str(root), "--out", str(out), "--workers", "1", "--key-file", str(key_file(tmp_path)),
                 "--state", str(tmp_path / "state"), "--quiet"]
    for _ in range(2):  # the second run finds the first run's outputs in the root
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
        assert f"leakcensus: the output directory {out} is inside the root {root}; its files are left out of the scan" \
            in result.output
    paths = [json.loads(line)["path"] for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert paths == ["notes.txt"]


def test_python_dash_m_classifier_scans_with_worker_processes(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "notes.txt").write_text(PROSE, "utf-8")
    # Workers are spawned: they import the main module again, which must not start a second CLI.
    result = subprocess.run([sys.executable, "-m", "classifier", "scan", str(root), "--out", str(tmp_path / "out"),
                             "--workers", "1", "--key-file", str(key_file(tmp_path)), "--state", str(tmp_path / "state"),
                             "--json"], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["totals"]["documents"] == 1


def test_ctrl_c_is_one_line_and_the_same_command_resumes(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    files = 300
    for n in range(files):
        (root / f"minutes-{n:03d}.txt").write_text(f"Meeting {n}.\n" + PROSE * 20, "utf-8")
    command = [sys.executable, "-m", "classifier", "scan", str(root), "--out", str(tmp_path / "out"), "--workers", "1",
               "--key-file", str(key_file(tmp_path)), "--state", str(tmp_path / "state"), "--quiet"]
    # A new session: the signal goes to the process group, as a terminal's Ctrl-C does.
    # SIGINT's default action restored in the child: a shell's background job (CI, `make test &`) starts its
    # children with SIGINT ignored, and Python then installs no KeyboardInterrupt handler.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    catalog = tmp_path / "state" / "catalog.sqlite"
    deadline = time.monotonic() + 300
    while stored_documents(catalog) < 5:  # past start-up (the worker loads its models), into the analysis
        assert process.poll() is None, "the scan ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (130, "leakcensus: interrupted; run the same command to resume\n")
    kept = stored_documents(catalog)  # what the interrupted run committed (how many depends on timing)
    rerun = subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    scan = json.loads((tmp_path / "out" / "inventory.json").read_text("utf-8"))["scan"]
    assert (scan["files_unchanged"], scan["files_analysed"]) == (kept, files - kept)
    assert json.loads((tmp_path / "out" / "inventory.json").read_text("utf-8"))["totals"]["files"] == files


def test_fail_on_turns_a_nightly_run_red_only_for_what_it_names(tmp_path: Path) -> None:
    from tests.test_headline import share

    root = tmp_path / "share"
    share(root)  # a private key, an export of 60 addresses, three notes
    base = ["scan", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--key-file", str(key_file(tmp_path)),
            "--state", str(tmp_path / "state"), "--quiet"]
    red = CliRunner().invoke(main, [*base, "--fail-on", "SECRET", "--fail-on", "personnel", "--fail-on", "credentials"])
    assert red.exit_code == 3, red.output
    assert "fail-on: SECRET 1, credentials 1\n" in red.output
    green = CliRunner().invoke(main, [*base, "--fail-on", "US_SSN", "--fail-on", "personnel"])
    assert green.exit_code == 0, green.output
    assert "fail-on" not in green.output
    wrong = CliRunner().invoke(main, [*base, "--fail-on", "SECRETS"])
    assert wrong.exit_code == 2
    assert wrong.output.startswith("leakcensus: error: --fail-on takes an entity type or a category (CREDIT_CARD, CRYPTO, ")
    assert wrong.output.endswith("not 'SECRETS'\n")


def test_lookup_finds_an_organisation_known_only_from_email_addresses(tmp_path: Path) -> None:
    # Before: `lookup --organization saeco.com` said "not found" although the organisation was counted.
    root = tmp_path / "share"
    root.mkdir()
    (root / "order.txt").write_text("Please confirm the delivery date to gianni.rossi@saeco.com and "
                                    "marta.bianchi@saeco.com.\n", "utf-8")
    (root / "other.txt").write_text("Nothing about that supplier here, only ann.lee@contoso.com.\n", "utf-8")
    key = key_file(tmp_path)
    base = ["--out", str(tmp_path / "out"), "--key-file", str(key), "--state", str(tmp_path / "state")]
    scanned = CliRunner().invoke(main, ["scan", str(root), "--workers", "1", "--quiet", "--json", *base])
    assert scanned.exit_code == 0, scanned.output
    assert json.loads(scanned.output)["organizations"]["unique"] == 2
    for query in ("saeco.com", "Saeco", "mail.saeco.com"):
        found = CliRunner().invoke(main, ["lookup", *base, "--organization", query])
        assert (found.exit_code, found.output.split("\t")[0]) == (0, "order.txt"), query
    assert CliRunner().invoke(main, ["lookup", *base, "--organization", "fabrikam.com"]).output == "not found\n"


def test_retry_failed_analyses_timed_out_files_again(tmp_path: Path) -> None:
    # Before: a timeout was kept on every rescan of the unchanged file, with no way to retry it.
    root = tmp_path / "share"
    root.mkdir()
    (root / "long.txt").write_text(PROSE * 12000, "utf-8")  # ~2 MB of prose: ~5 s of analysis here, well over 1 s
    (root / "short.txt").write_text(PROSE, "utf-8")
    base = ["scan", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--key-file", str(key_file(tmp_path)),
            "--state", str(tmp_path / "state"), "--quiet"]

    def statuses(*args: str) -> dict[str, str]:
        result = CliRunner().invoke(main, [*base, *args])
        assert result.exit_code == 0, result.output
        lines = (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()
        return {record["path"]: record["status"] for record in map(json.loads, lines)}

    first = statuses("--timeout", "1")
    # (short.txt may time out too: a replacement worker loads its NER pipelines on its first file.)
    assert first["long.txt"] == "timeout"
    failed = [path for path, status in first.items() if status == "timeout"]
    assert statuses("--timeout", "600") == first  # unchanged files keep their outcome
    assert statuses("--timeout", "600", "--retry-failed") == {"long.txt": "ok", "short.txt": "ok"}
    inventory = json.loads((tmp_path / "out" / "inventory.json").read_text("utf-8"))
    assert (inventory["scan"]["files_analysed"], inventory["scan"]["files_unchanged"]) == (len(failed), 2 - len(failed))


def test_a_file_too_large_before_is_analysed_when_the_limit_is_raised(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "big.txt").write_text(("x" * 99 + "\n") * 12_000, "utf-8")  # 1.2 MB
    base = ["scan", str(root), "--out", str(tmp_path / "out"), "--workers", "1", "--key-file", str(key_file(tmp_path)),
            "--state", str(tmp_path / "state"), "--quiet"]
    for limit, status in (("1", "too_large"), ("1", "too_large"), ("5", "ok")):
        result = CliRunner().invoke(main, [*base, "--max-file-mb", limit])
        assert result.exit_code == 0, result.output
        (record,) = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()]
        assert record["status"] == status, limit
