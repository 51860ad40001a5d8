"""An unchanged rescan against the first scan (#20's target: ≥ 50× faster), side by side in one run.

On the generated leak of `benchmarks.speed` (the same seeds, the same builder): a first scan with two
workers, then an unchanged rescan (files confirmed by size, mtime, inode change time and inode: no
byte read), then one with --verify-unchanged (every file hashed again, as every rescan did before).
Wall times are whole `leakcensus scan` processes, start-up included (benchmarks.speed.run_measured).

    python -m benchmarks.rescan [--seeds 70]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.speed import build_corpus, scan

TARGET = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=70)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="leakcensus-rescan-") as folder:
        scratch = Path(folder)
        key_file = scratch / "k.key"
        key_file.write_bytes(bytes(32))
        corpus, _ = build_corpus(scratch, args.seeds)
        files = [p for p in corpus.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        out = scratch / "out"
        first = scan(corpus, out, key_file, 2, "first scan")
        unchanged = scan(corpus, out, key_file, 2, "unchanged rescan")
        verified = scan(corpus, out, key_file, 2, "unchanged rescan --verify-unchanged", extra=("--verify-unchanged",))
    print(f"generated leak, seeds 1..{args.seeds}: {len(files):,} files, {size / 2**20:.1f} MiB\n")
    print("| run | wall s | first scan ÷ this |")
    print("|---|---|---|")
    for run in (first, unchanged, verified):
        print(f"| {run.name} | {run.measured.wall_s:.2f} | {first.measured.wall_s / run.measured.wall_s:.1f}× |")
    ratio = first.measured.wall_s / unchanged.measured.wall_s
    print(f"\nunchanged rescan {ratio:.1f}× faster than the first scan (target ≥ {TARGET:.0f}×): "
          f"{'met' if ratio >= TARGET else 'not met'}")


if __name__ == "__main__":
    main()
