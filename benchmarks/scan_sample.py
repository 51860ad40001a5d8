"""Documents per second and peak memory of one scan of the sample leak.

    .venv/bin/python -m benchmarks.scan_sample [--workers 1] [--repeat 3]

Each repetition is a fresh `leakcensus scan` process (model loading included,
as a user pays it) over the same generated sample; the peak RSS is the
largest of the scan process and its workers, read by psutil while it runs.
A scan of an empty folder, run the same way in between, measures the fixed
start-up cost (imports, model loading), reported apart from the per-document rate.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from sample_data.generate import main as generate_sample

POLL_SECONDS = 0.05


def peak_rss_of_run(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            family = [process, *process.children(recursive=True)]
            peak = max(peak, *(member.memory_info().rss for member in family))
        except psutil.Error:
            pass
        time.sleep(POLL_SECONDS)
    if process.returncode != 0:
        raise SystemExit(f"scan failed with status {process.returncode}")
    return time.perf_counter() - started, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        generate_sample(["--out", str(base / "sample"), "--seed", "7"])
        root = base / "sample" / "leak"
        files = [p for p in root.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        leakcensus = str(Path(sys.executable).with_name("leakcensus"))
        empty = base / "empty"
        empty.mkdir()
        runs = []
        startups = []
        for index in range(args.repeat):
            out = base / f"out{index}"
            command = [leakcensus, "scan", str(root), "--out", str(out), "--workers", str(args.workers)]
            runs.append(peak_rss_of_run(command))
            startup_command = [leakcensus, "scan", str(empty), "--out", str(base / f"e{index}"), "--workers", str(args.workers)]
            startups.append(peak_rss_of_run(startup_command)[0])
        documents = sum(1 for _ in (out / "documents.jsonl").open())
    seconds = statistics.median(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    print(f"files {len(files)}  documents {documents}  bytes {size}  workers {args.workers}  runs {args.repeat}")
    print(f"median wall time {seconds:.2f} s (all runs: {', '.join(f'{r[0]:.2f}' for r in runs)})")
    startup = statistics.median(startups)
    print(f"documents/s {documents / seconds:.2f}  MB/s {size / seconds / 1e6:.3f}  peak RSS {peak / 2**20:.0f} MiB")
    print(f"start-up (empty folder) {startup:.2f} s; after start-up: documents/s {documents / (seconds - startup):.2f}")


if __name__ == "__main__":
    main()
