"""Bucket roots through Azurite (issue 21): list 10,000 small objects, scan 1,000 of them, beside a scan of
the same 1,000 files from local disk in the same run.

    .venv/bin/python -m benchmarks.buckets [--objects 10000] [--scanned 1000] [--workers 2]

Azurite (Microsoft's Azure Storage emulator, `make test-servers`) runs on 127.0.0.1 for the run. The
objects are small text documents naming people, written by a seeded generator. Printed: listing
objects/s and the listing process's peak RSS; for each scan (bucket, local, unchanged bucket rescan)
wall and CPU time, objects/s and the peak RSS of the scan's parent and of its largest worker.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.speed import Measured, run_measured
from tests.servers import AZURITE_ACCOUNT, AZURITE_KEY, azurite_blob, azurite_connection_string

CONTAINER = "bench"
FIRST = ("Ingrid", "Pranav", "Tomasz", "Aurelie", "Kwame", "Mei", "Olusegun", "Carmen", "Lars", "Yuki")
LAST = ("Falkenberg", "Ramaswamy", "Wielgosz", "Marchetti", "Asante", "Lindqvist", "Okafor", "Ibarra", "Tanaka")
TARGET_RSS = 2**30
LISTER = """
import json, resource, sys, time
from collections import Counter
from classifier.buckets import parse_bucket_url
from classifier.walk import walk_bucket
started = time.perf_counter()
count = sum(1 for _ in walk_bucket(parse_bucket_url(sys.argv[1], sys.argv[2]), Counter()))
print(json.dumps({"objects": count, "seconds": time.perf_counter() - started,
                  "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def document(index: int, rng: random.Random) -> bytes:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return (f"Order confirmation {index}\n\nDear {person},\n\nthank you for your order. {other} will send the "
            f"invoice to {person.split()[0].lower()}.{index}@example.org.\n\nKind regards,\n{other}\n").encode()


def upload(endpoint: str, objects: int, scanned: int, local: Path) -> None:
    from azure.storage.blob import BlobServiceClient

    service = BlobServiceClient.from_connection_string(azurite_connection_string(endpoint))
    service.create_container(CONTAINER)
    rng = random.Random(21)
    bodies = [document(index, rng) for index in range(objects)]
    local.mkdir(parents=True)
    for index in range(scanned):
        (local / f"{index:05d}.txt").write_bytes(bodies[index])

    def put(index: int) -> None:
        prefix = "scan" if index < scanned else "rest"
        service.get_blob_client(CONTAINER, f"{prefix}/{index:05d}.txt").upload_blob(bodies[index])

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(put, range(objects)))


def scan_command(root: str, out: Path, key: Path, workers: int, endpoint: str | None) -> list[str]:
    command = [str(Path(sys.executable).with_name("leakcensus")), "scan", root, "--out", str(out),
               "--key-file", str(key), "--quiet", "--workers", str(workers)]
    return command + (["--endpoint-url", endpoint] if endpoint else [])


def row(name: str, objects: int, measured: Measured) -> str:
    return (f"| {name} | {objects:,} | {measured.wall_s:.1f} | {measured.cpu_s:.1f} | {objects / measured.wall_s:.1f} | "
            f"{measured.peak_rss['parent'] / 2**20:.0f} | {measured.peak_rss['worker'] / 2**20:.0f} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=10_000)
    parser.add_argument("--scanned", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.update({"AZURE_STORAGE_ACCOUNT_NAME": AZURITE_ACCOUNT, "AZURE_STORAGE_ACCOUNT_KEY": AZURITE_KEY})
    with tempfile.TemporaryDirectory(prefix="leakcensus-buckets-") as scratch_name:
        scratch = Path(scratch_name)
        key = scratch / "scan.key"
        key.write_bytes(bytes(range(32)))
        with azurite_blob(scratch) as endpoint:
            started = time.perf_counter()
            upload(endpoint, args.objects, args.scanned, scratch / "local")
            print(f"uploaded {args.objects:,} objects in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            listed = json.loads(subprocess.run([sys.executable, "-c", LISTER, f"az://{CONTAINER}", endpoint],
                                               check=True, capture_output=True, text=True).stdout)
            bucket_root = f"az://{CONTAINER}/scan"
            bucket = run_measured(scan_command(bucket_root, scratch / "out-bucket", key, args.workers, endpoint))
            local = run_measured(scan_command(str(scratch / "local"), scratch / "out-local", key, args.workers, None))
            rescan = run_measured(scan_command(bucket_root, scratch / "out-bucket", key, args.workers, endpoint))
        inventories = {name: json.loads((scratch / name / "inventory.json").read_text("utf-8"))
                       for name in ("out-bucket", "out-local")}
    same = all(inventories["out-bucket"][part] == inventories["out-local"][part]
               for part in ("entities", "categories", "organizations"))
    print(f"Listing: {listed['objects']:,} objects in {listed['seconds']:.2f} s "
          f"({listed['objects'] / listed['seconds']:,.0f} objects/s), lister peak RSS "
          f"{listed['peak_rss'] / 2**20:.0f} MiB")
    print()
    print("| scan | objects | wall s | CPU s | objects/s (wall) | parent peak RSS MiB | worker peak RSS MiB |")
    print("|---|---|---|---|---|---|---|")
    print(row(f"`{bucket_root}` through Azurite, {args.workers} workers", args.scanned, bucket))
    print(row(f"the same files on local disk, {args.workers} workers", args.scanned, local))
    print(row("the bucket again, unchanged (nothing downloaded)", args.scanned, rescan))
    print()
    print(f"bucket / local wall time: {bucket.wall_s / local.wall_s:.2f}; same entities, categories and "
          f"organisations as the local scan: {same}")
    peak = max(bucket.peak_rss["parent"], bucket.peak_rss["worker"], listed["peak_rss"])
    print(f"RSS target (≤ 1 GiB per process): {'met' if peak <= TARGET_RSS else 'not met'} ({peak / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
