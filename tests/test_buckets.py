"""Bucket roots against real local servers: moto's S3 server and Azurite, started here on 127.0.0.1.

The same files uploaded to a bucket and scanned from there give the same inventory as the local
scan; public containers read anonymously; a private one without credentials stops the scan with
one line; a dropped connection is retried and then recorded; an unchanged rescan downloads nothing.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from classifier.buckets import parse_bucket_url
from classifier.scan import ScanOptions, run_scan
from classifier.state import locate_state
from tests.conftest import TEST_KEY
from tests.servers import (
    AZURITE_ACCOUNT,
    AZURITE_KEY,
    Relay,
    azurite_blob,
    azurite_connection_string,
    environment_without_cloud_credentials,
    moto_s3,
)
from tests.test_incremental import kill_once_catalogued

LEAKCENSUS = Path(sys.executable).parent / "leakcensus"
PEOPLE = ("Pranav Ramaswamy", "Ingrid Falkenberg", "Tomasz Wielgosz", "Aurelie Marchetti", "Kwame Asante")
CANARY_EMAIL = "zq.canary7731@leakcensus-test.org"
S3_ENV = {"AWS_ACCESS_KEY_ID": "testing-key-id", "AWS_SECRET_ACCESS_KEY": "testing-secret-do-not-leak",
          "AWS_DEFAULT_REGION": "us-east-1"}


def corpus() -> dict[str, bytes]:
    """Relative path -> bytes: prose, a table, a zip holding the table, a copy, a name naming a person."""
    rows = ["Name,Email,Phone"] + [f"{name},{name.split()[0].lower()}@example.org,+44 20 7946 09{index:02d}"
                                   for index, name in enumerate(PEOPLE)]
    table = ("\n".join(rows) + "\n").encode()
    letter = (f"Dear {PEOPLE[0]},\n\nthank you for your order. Your invoice goes to {CANARY_EMAIL}.\n"
              f"Kind regards,\n{PEOPLE[1]}\n").encode()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        # Fixed dates: the same bytes every time the corpus is made (local copy and uploads).
        zipped.writestr(zipfile.ZipInfo("export/contacts.csv", (2021, 3, 4, 10, 0, 0)), table)
        zipped.writestr(zipfile.ZipInfo("notes.txt", (2021, 3, 4, 10, 0, 0)), b"Call Tomasz Wielgosz about the renewal.\n")
    return {
        "letter.txt": letter,
        "hr/contacts.csv": table,
        "hr/backup/contacts.zip": archive.getvalue(),
        "copies/letter (1).txt": letter,
        "hr/Kwame Asante payslip.txt": b"Payslip for Kwame Asante, IBAN GB82 WEST 1234 5698 7654 32\n",
        "empty.txt": b"",
    }


def write_local(root: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def run_cli(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    key = tmp_path / "scan.key"
    key.write_bytes(TEST_KEY)
    return subprocess.run([str(LEAKCENSUS), "scan", *args, "--key-file", str(key), "--quiet"],
                          env=env, capture_output=True, text=True, timeout=600)


def documents(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]


def comparable(records: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What must not differ between a local and a bucket scan of the same files (not the root)."""
    return sorted((r["path"], r["status"], r["mime"], r["content_hmac"], r.get("error"),
                   json.dumps(r.get("entities"), sort_keys=True), json.dumps(r.get("categories"), sort_keys=True))
                  for r in records)


def inventory_figures(out: Path) -> dict[str, Any]:
    inventory = json.loads((out / "inventory.json").read_text("utf-8"))
    figures = {name: inventory[name] for name in ("totals", "entities", "organizations", "categories")}
    figures["totals"] = {name: value for name, value in figures["totals"].items() if name != "skipped"}
    return figures


@pytest.fixture(scope="module")
def local_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("local")
    write_local(tmp / "leak", corpus())
    result = run_cli([str(tmp / "leak"), "--out", str(tmp / "out"), "--workers", "1"], dict(os.environ), tmp)
    assert result.returncode == 0, result.stderr
    return tmp / "out"


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import boto3

    tmp = tmp_path_factory.mktemp("moto")
    with moto_s3(tmp) as endpoint:
        client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=S3_ENV["AWS_ACCESS_KEY_ID"],
                              aws_secret_access_key=S3_ENV["AWS_SECRET_ACCESS_KEY"], region_name="us-east-1")
        client.create_bucket(Bucket="leak")
        for relative, data in corpus().items():
            client.put_object(Bucket="leak", Key=f"exports/{relative}", Body=data)
        client.put_object(Bucket="leak", Key="exports/hr/", Body=b"")  # a folder marker, as consoles make
        client.put_object(Bucket="leak", Key="elsewhere/not-in-root.txt", Body=b"outside the prefix")
        yield endpoint


@pytest.fixture(scope="module")
def azurite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from azure.storage.blob import BlobServiceClient, PublicAccess

    tmp = tmp_path_factory.mktemp("azurite")
    with azurite_blob(tmp) as endpoint:
        service = BlobServiceClient.from_connection_string(azurite_connection_string(endpoint))
        for container, access in (("public-leak", PublicAccess.CONTAINER), ("private-leak", None)):
            service.create_container(container, public_access=access)
            for relative, data in corpus().items():
                service.get_blob_client(container, f"exports/{relative}").upload_blob(data)
        yield endpoint


def s3_env() -> dict[str, str]:
    return {**environment_without_cloud_credentials(), **S3_ENV}


def azure_env() -> dict[str, str]:
    return {**environment_without_cloud_credentials(), "AZURE_STORAGE_ACCOUNT_NAME": AZURITE_ACCOUNT,
            "AZURE_STORAGE_ACCOUNT_KEY": AZURITE_KEY}


def test_s3_bucket_gives_the_local_inventory(s3: str, local_scan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["s3://leak/exports", "--out", str(out), "--workers", "2", "--endpoint-url", s3], s3_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    assert {r["root"] for r in records} == {"s3://leak/exports"}  # root + "/" + path is the object's URL
    assert comparable(records) == comparable(documents(local_scan))
    bucket, local = inventory_figures(out), inventory_figures(local_scan)
    assert bucket == local
    assert bucket["totals"]["files"] == 6
    assert json.loads((out / "inventory.json").read_text())["totals"]["skipped"] == {"folder_marker": 1}
    assert bucket["entities"]["PERSON"]["unique"] >= 4
    written = b"".join(path.read_bytes() for path in out.rglob("*") if path.is_file())
    assert S3_ENV["AWS_SECRET_ACCESS_KEY"].encode() not in written
    assert CANARY_EMAIL.encode() not in written
    state = b"".join(path.read_bytes() for path in locate_state(out).directory.rglob("*") if path.is_file())
    assert S3_ENV["AWS_SECRET_ACCESS_KEY"].encode() not in state and S3_ENV["AWS_ACCESS_KEY_ID"].encode() not in state
    found = subprocess.run([str(LEAKCENSUS), "lookup", "--out", str(out), "--key-file", str(tmp_path / "scan.key"),
                            "--email", CANARY_EMAIL], capture_output=True, text=True, check=True)
    assert sorted(line.split("\t")[0] for line in found.stdout.splitlines()) == [
        "s3://leak/exports/copies/letter (1).txt", "s3://leak/exports/letter.txt"]


def test_azure_container_gives_the_local_inventory(azurite: str, local_scan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["az://private-leak/exports/", "--out", str(out), "--workers", "1", "--endpoint-url", azurite],
                     azure_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    assert {r["root"] for r in records} == {"az://private-leak/exports"}
    assert comparable(records) == comparable(documents(local_scan))
    assert inventory_figures(out) == inventory_figures(local_scan)
    written = b"".join(path.read_bytes() for path in out.rglob("*") if path.is_file())
    assert AZURITE_KEY.encode() not in written and CANARY_EMAIL.encode() not in written


def test_public_container_is_read_anonymously(azurite: str, local_scan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["az://public-leak/exports", "--out", str(out), "--workers", "1", "--endpoint-url", azurite],
                     environment_without_cloud_credentials(), tmp_path)
    assert result.returncode == 0, result.stderr
    assert comparable(documents(out)) == comparable(documents(local_scan))


def test_private_container_without_credentials_is_one_line_and_exit_2(azurite: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["az://private-leak/exports", "--out", str(out), "--endpoint-url", azurite],
                     environment_without_cloud_credentials(), tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("leakcensus: error: cannot list: access denied"), result.stderr
    assert not (out / "inventory.json").exists()
    # --anonymous reads as the public would, even with credentials at hand.
    result = run_cli(["az://private-leak/exports", "--out", str(out), "--endpoint-url", azurite, "--anonymous"],
                     azure_env(), tmp_path)
    assert result.returncode == 2 and "access denied" in result.stderr


def test_unknown_bucket_and_scheme_are_one_line(s3: str, tmp_path: Path) -> None:
    result = run_cli(["s3://no-such-bucket", "--out", str(tmp_path / "o"), "--endpoint-url", s3], s3_env(), tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    result = run_cli(["ftp://host/x", "--out", str(tmp_path / "o")], s3_env(), tmp_path)
    assert result.returncode == 2 and "unsupported root scheme" in result.stderr
    # An Azure container with no account named anywhere: which account cannot be guessed.
    result = run_cli(["az://container", "--out", str(tmp_path / "o")], environment_without_cloud_credentials(), tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "need the storage account" in result.stderr


def test_unchanged_rescan_downloads_nothing_and_a_changed_object_is_read(s3: str, tmp_path: Path) -> None:
    import boto3

    relay = Relay(int(s3.rsplit(":", 1)[1]))
    relay.start()
    try:
        endpoint = f"http://127.0.0.1:{relay.port}"
        out = tmp_path / "out"
        args = ["s3://leak/exports", "--out", str(out), "--workers", "1", "--endpoint-url", endpoint]
        assert run_cli(args, s3_env(), tmp_path).returncode == 0
        first = [line for line in relay.requests if line.startswith("GET /leak/exports/")]
        assert len(first) == 5  # every object but the empty one, once
        relay.requests.clear()
        assert run_cli(args, s3_env(), tmp_path).returncode == 0
        assert [line for line in relay.requests if line.startswith("GET /leak/exports/")] == []
        scan = json.loads((out / "inventory.json").read_text())["scan"]
        assert (scan["files_analysed"], scan["files_unchanged"]) == (0, 6)

        client = boto3.client("s3", endpoint_url=s3, aws_access_key_id="k", aws_secret_access_key="s",
                              region_name="us-east-1")
        client.put_object(Bucket="leak", Key="exports/letter.txt", Body=b"Dear Ingrid Falkenberg, new terms.\n")
        try:
            relay.requests.clear()
            assert run_cli(args, s3_env(), tmp_path).returncode == 0
            assert [line.split()[1] for line in relay.requests if line.startswith("GET /leak/exports/")] == \
                ["/leak/exports/letter.txt"]
        finally:
            client.put_object(Bucket="leak", Key="exports/letter.txt", Body=corpus()["letter.txt"])
    finally:
        relay.stop()


def test_dropped_connection_is_retried_then_recorded(azurite: str, tmp_path: Path) -> None:
    drops = {"hr/contacts.csv": 10**9, "letter.txt": 1}  # drop every time / only the first time

    def cut(line: str) -> bool:
        for name in drops:
            if line.startswith("GET ") and f"/exports/{name}".replace(" ", "%20") in line.split()[1] and drops[name] > 0:
                drops[name] -= 1
                return True
        return False

    relay = Relay(int(azurite.split(":")[2].split("/")[0]), cut=cut)
    relay.start()
    try:
        endpoint = f"http://127.0.0.1:{relay.port}/{AZURITE_ACCOUNT}"
        out = tmp_path / "out"
        result = run_cli(["az://public-leak/exports", "--out", str(out), "--workers", "1", "--endpoint-url", endpoint],
                         environment_without_cloud_credentials(), tmp_path)
    finally:
        relay.stop()
    assert result.returncode == 0, result.stderr
    by_path = {r["path"]: r for r in documents(out) if "!/" not in r["path"]}
    assert len(by_path) == 6
    assert by_path["letter.txt"]["status"] == "ok"  # dropped once, read on the next attempt
    dropped = by_path["hr/contacts.csv"]
    assert dropped["status"] == "error" and dropped["error"] == "unreadable: connection lost", dropped
    assert by_path["hr/backup/contacts.zip"]["status"] == "ok"


def test_dask_workers_read_the_objects_themselves(dask_cluster: str, azurite: str, local_scan: Path,
                                                  tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    bucket = parse_bucket_url("az://public-leak/exports", azurite, anonymous=True)
    run_scan(ScanOptions(roots=(bucket,), out_dir=tmp_path / "out", key_file=key, dask_address=dask_cluster))
    assert comparable(documents(tmp_path / "out")) == comparable(documents(local_scan))


def test_a_killed_bucket_scan_resumes_to_the_same_result(s3: str, tmp_path: Path) -> None:
    import boto3

    client = boto3.client("s3", endpoint_url=s3, aws_access_key_id="k", aws_secret_access_key="s",
                          region_name="us-east-1")
    client.create_bucket(Bucket="resume")
    for index in range(120):
        person = PEOPLE[index % len(PEOPLE)]
        text = f"Minutes {index}: {person} agreed the budget with {PEOPLE[(index + 1) % len(PEOPLE)]}.\n" * 40
        client.put_object(Bucket="resume", Key=f"minutes/{index:03d}.txt", Body=text.encode())
    out = tmp_path / "out"
    key = tmp_path / "scan.key"
    key.write_bytes(TEST_KEY)
    command = [str(LEAKCENSUS), "scan", "s3://resume/minutes", "--out", str(out), "--workers", "1",
               "--key-file", str(key), "--endpoint-url", s3, "--quiet"]
    done_before_kill = kill_once_catalogued(command, out, s3_env())
    assert 10 <= done_before_kill < 120

    subprocess.run(command, env=s3_env(), check=True, capture_output=True, timeout=600)
    resumed = json.loads((out / "inventory.json").read_text("utf-8"))
    assert resumed["scan"]["files_unchanged"] >= done_before_kill
    fresh = tmp_path / "fresh"
    subprocess.run([*command[:4], str(fresh), *command[5:]], env=s3_env(), check=True, capture_output=True,
                   timeout=600)
    assert (out / "documents.jsonl").read_bytes() == (fresh / "documents.jsonl").read_bytes()
    assert resumed["totals"] == json.loads((fresh / "inventory.json").read_text("utf-8"))["totals"]


def test_a_root_naming_one_object_scans_that_object(s3: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["s3://leak/exports/hr/contacts.csv", "--out", str(out), "--workers", "1", "--endpoint-url", s3],
                     s3_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    assert [(r["path"], r["status"], r["entities"]["EMAIL_ADDRESS"]["unique"]) for r in records] == [
        ("contacts.csv", "ok", 5)]
    result = run_cli(["s3://leak/exports/hr/contacts", "--out", str(out), "--endpoint-url", s3], s3_env(), tmp_path)
    assert result.returncode == 2 and "root is empty: s3://leak/exports/hr/contacts" in result.stderr


def test_listing_is_reported_as_it_goes(s3: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    from classifier.progress import ScanProgress
    from classifier.scan.run import listing
    from classifier.walk import walk_bucket

    class Recorder(ScanProgress):
        def __init__(self) -> None:
            self.calls: list[tuple[int, int]] = []

        def listed(self, files: int, total_bytes: int) -> None:
            self.calls.append((files, total_bytes))

    recorder = Recorder()
    for name, value in S3_ENV.items():
        monkeypatch.setenv(name, value)
    entries = list(listing(walk_bucket(parse_bucket_url("s3://leak/exports", s3), Counter()), recorder))
    assert recorder.calls == [(6, sum(len(data) for data in corpus().values()))]
    assert sorted(entry.rel_path for entry in entries) == sorted(corpus())


def test_an_estimate_samples_a_bucket(s3: str, tmp_path: Path) -> None:
    key = tmp_path / "scan.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    command = ["s3://leak/exports", "--out", str(out), "--key-file", str(key), "--endpoint-url", s3, "--workers", "1"]
    result = subprocess.run([str(LEAKCENSUS), "estimate", *command, "--sample", "50%", "--seed", "2", "--quiet"],
                            env=s3_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    written = json.loads((out / "estimate.json").read_text("utf-8"))
    # Half of the six by the proportional share, and one of each type that share left without one.
    drawn = written["sample"]["files_drawn"]
    assert written["totals"]["files"]["estimate"] == 6 and 3 < drawn < 6
    # A scan into the same --out downloads and analyses only the objects the sample did not.
    assert run_cli(["s3://leak/exports", "--out", str(out), "--endpoint-url", s3, "--workers", "1"], s3_env(),
                   tmp_path).returncode == 0
    assert json.loads((out / "inventory.json").read_text("utf-8"))["scan"]["files_unchanged"] == drawn


def test_include_and_exclude_apply_to_object_paths(s3: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["s3://leak/exports", "--out", str(out), "--workers", "1", "--endpoint-url", s3,
                      "--exclude", "copies/", "--exclude", "*.zip"], s3_env(), tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(r["path"] for r in documents(out)) == ["empty.txt", "hr/contacts.csv", "hr/⟨PERSON⟩ payslip.txt",
                                                         "letter.txt"]
    skipped = json.loads((out / "inventory.json").read_text("utf-8"))["totals"]["skipped"]
    assert skipped == {"excluded_file": 2, "folder_marker": 1}
