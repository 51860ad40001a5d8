"""How often the 95% intervals of `leakcensus estimate` cover the full scan's figure (#22).

    .venv/bin/python -m benchmarks.estimate_coverage [--seeds 100] [--sample 5%] [--sizes 2000,10000,50000]
        [--layouts departments,folders,mixed] [--timing]
    .venv/bin/python -m benchmarks.estimate_coverage --timing-only --timing-seeds 1136 [--timing-leaks DIR]

What it measures: the estimator's sampling error, not the analyser's. Analysing 50,000 documents
per run would take hours, so every file of ten generated leaks (sample_data, seeds 1-10, ~440 files)
is analysed once, by a real in-process scan, and what each file adds to each figure is read back from
the catalog (figures.sampled_file, as `estimate` reads it). Larger leaks are then built from those
analysed files, with the full population's figures computed exactly from them:

- 40% of the files are one `logs/` folder of near-identical logs (copies of the generated `.log`
  files; each value renamed in 10% of copies, so most values recur across the folder);
- the rest are copies of the other files spread over ten departments (`dept0/` ... `dept9/`, a
  skewed share each: department k gets weight 1/(k+1)); a copy is an exact duplicate (20%) or a
  variant whose every value is renamed with probability 0.7 (a value keyed `v#copy`), so a customer
  export's copies hold mostly other customers and some of the same.

That is the `departments` layout, whose strata are large. `folders` (`--layouts`) is a share of many
small folders, as real shares are: each top-level folder a copy of one generated leak (44 files of ten
types), so that at 5% no folder-and-type stratum's share reaches one file (1,137 folders at 50,000).
`mixed` is the `logs/` folder of `departments` beside many small folders for the rest.

For each size and seed, the sample is drawn by the real `draw_sample` over FileEntry stand-ins and
the figures estimated by the real `estimate_figures`; a figure is covered when low <= full <= high.
`--timing` also times `leakcensus estimate --sample 2%` (twice, after one run that is not counted),
`leakcensus scan` and the estimate twice again on generated leaks (fresh processes and state, two
workers), one after the other, and prints each ratio and the median estimate's; `--timing-only` does
only that, and `--timing-leaks DIR` keeps the generated leaks for the next run (1,136 of them take
minutes to write).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from classifier.buckets import Bucket
from classifier.catalog import Catalog
from classifier.estimate.figures import Figure, SampledFile, estimate_figures, sampled_file
from classifier.estimate.sample import SampleSize, draw_sample
from classifier.records import FileEntry
from classifier.scan import ScanOptions, run_scan
from classifier.walk import walk_roots
from sample_data.generate import main as generate_sample

KEY = b"0123456789abcdef0123456789abcdef"
LEAK_SEEDS = range(1, 11)
DEPARTMENTS = 10
LOG_SHARE = 0.4
DUPLICATE_SHARE = 0.2
VARIANT_RENAME = 0.7
LOG_RENAME = 0.1
REPORTED = (("entities", "EMAIL_ADDRESS", "unique"), ("entities", "PERSON", "unique"),
            ("entities", "PHONE_NUMBER", "unique"), ("organizations", "unique"), ("totals", "documents"))


def analysed_files(work: Path) -> list[tuple[str, SampledFile]]:
    """(path, what it holds) for every file of the generated leaks, each analysed once."""
    roots = work / "leaks"
    roots.mkdir()
    for seed in LEAK_SEEDS:
        generate_sample(["--out", str(work / f"gen{seed}"), "--seed", str(seed)])
        (work / f"gen{seed}" / "leak").rename(roots / f"leak{seed}")
    key = work / "k.key"
    key.write_bytes(KEY)
    options = ScanOptions(roots=(roots,), out_dir=work / "full", workers=1, key_file=key, isolate=False,
                          catalog_path=work / "catalog.sqlite")
    run_scan(options)
    entries = list(walk_roots([roots], Counter()))
    with Catalog(work / "catalog.sqlite") as catalog:
        return [(entry.rel_path, sampled_file(catalog.file_records(entry.root, entry.rel_path))) for entry in entries]


def renamed(file: SampledFile, copy: int, probability: float, generator: random.Random) -> SampledFile:
    """A copy of a file whose values are each, with this probability, another value of the same type."""
    mapping: dict[str, str] = {}

    def value(v: str) -> str:
        if v not in mapping:
            mapping[v] = f"{v}#{copy}" if generator.random() < probability else v
        return mapping[v]

    return SampledFile(file.counts, {figure: frozenset(value(v) for v in sorted(values))
                                     for figure, values in sorted(file.values.items())},
                       frozenset(value(v) for v in sorted(file.people_as_organizations)))


def population(base: list[tuple[str, SampledFile]], size: int, seed: int, layout: str = "departments"
               ) -> tuple[list[FileEntry], list[SampledFile]]:
    generator = random.Random(seed)
    if layout == "folders":
        return many_folders(base, size, generator)
    logs = [file for path, file in base if path.endswith(".log")]
    others = [(path, file) for path, file in base if not path.endswith(".log")]
    entries: list[FileEntry] = []
    files: list[SampledFile] = []
    for copy in range(int(size * LOG_SHARE)):
        files.append(renamed(generator.choice(logs), copy, LOG_RENAME, generator))
        entries.append(FileEntry("pop", Path(f"logs/{copy}.log"), f"logs/{copy}.log", 1, 0))
    if layout == "mixed":
        folder_entries, folder_files = many_folders(base, size - len(files), generator, first_copy=size)
        return entries + folder_entries, files + folder_files
    weights = [1 / (k + 1) for k in range(DEPARTMENTS)]
    for copy in range(size - len(files)):
        path, file = generator.choice(others)
        department = generator.choices(range(DEPARTMENTS), weights)[0]
        duplicate = generator.random() < DUPLICATE_SHARE
        files.append(file if duplicate else renamed(file, size + copy, VARIANT_RENAME, generator))
        name = f"dept{department}/{copy}{PurePosixPath(path).suffix}"
        entries.append(FileEntry("pop", Path(name), name, 1, 0))
    return entries, files


def many_folders(base: list[tuple[str, SampledFile]], size: int, generator: random.Random, first_copy: int = 0
                 ) -> tuple[list[FileEntry], list[SampledFile]]:
    """A share of many small folders, as real shares are and as the timing leak is: each top-level folder
    a copy of one generated leak (its 44 files of ten types, sub-folders kept), each file an exact
    duplicate (20%) or a variant. At a 5% sample no folder-and-type stratum's share reaches one file."""
    leaks: dict[str, list[tuple[str, SampledFile]]] = defaultdict(list)
    for path, file in base:
        leak, _, rest = path.partition("/")
        leaks[leak].append((rest, file))
    entries: list[FileEntry] = []
    files: list[SampledFile] = []
    folder = 0
    while len(files) < size:
        for rest, file in leaks[generator.choice(sorted(leaks))][:size - len(files)]:
            duplicate = generator.random() < DUPLICATE_SHARE
            files.append(file if duplicate else renamed(file, first_copy + len(files), VARIANT_RENAME, generator))
            name = f"f{folder}/{rest}"
            entries.append(FileEntry("pop", Path(name), name, 1, 0))
        folder += 1
    return entries, files


def full_figures(files: Iterable[SampledFile]) -> dict[Figure, float]:
    """The whole population's figures, counted as the inventory counts them."""
    counts: Counter[Figure] = Counter()
    values: dict[Figure, set[str]] = defaultdict(set)
    people: set[str] = set()
    for file in files:
        counts.update(file.counts)
        for figure, found in file.values.items():
            values[figure] |= found
        people |= file.people_as_organizations
    values[("organizations", "unique")] -= people
    return {**counts, **{figure: float(len(found)) for figure, found in values.items()}}


@dataclass(frozen=True)
class Coverage:
    """One population's runs: per figure, whether each seed's interval covered the full figure and the
    point estimate's relative error."""

    layout: str
    size: int
    folders: int
    seeds: int
    seconds: float
    truth: dict[Figure, float]
    covered: dict[Figure, list[bool]]
    errors: dict[Figure, list[float]]

    def share(self, figure: Figure) -> float:
        return sum(self.covered[figure]) / len(self.covered[figure])

    @property
    def category_figures(self) -> list[Figure]:
        """Documents per category, for the categories the full scan found."""
        return sorted(f for f in self.covered if f[0] == "categories" and self.truth.get(f, 0) > 0)

    @property
    def categories_pooled(self) -> float:
        runs = [c for f in self.category_figures for c in self.covered[f]]
        return sum(runs) / len(runs)


def simulate(base: list[tuple[str, SampledFile]], size: int, seeds: int, sample: SampleSize,
             categories: list[str], layout: str = "departments") -> Coverage:
    entries, files = population(base, size, size, layout)
    return simulate_population(layout, entries, files, seeds, sample, categories)


def simulate_population(layout: str, entries: list[FileEntry], files: list[SampledFile], seeds: int,
                        sample: SampleSize, categories: list[str]) -> Coverage:
    """The real draw and estimator for `seeds` seeds over a population whose every file is known."""
    size = len(entries)
    truth = full_figures(files)
    by_index = dict(enumerate(files))
    covered: dict[Figure, list[bool]] = defaultdict(list)
    errors: dict[Figure, list[float]] = defaultdict(list)
    started = time.perf_counter()
    for seed in range(seeds):
        drawn = draw_sample(entries, sample.of(len(entries)), seed)
        estimate = estimate_figures(drawn, {i: by_index[i] for i in drawn.drawn}, len(entries), categories)
        for figure, interval in estimate.figures.items():
            full = truth.get(figure, 0.0)
            covered[figure].append(interval.low - 1e-9 <= full <= interval.high + 1e-9)
            if full:
                errors[figure].append(abs(interval.estimate - full) / full)
    folders = len({entry.rel_path.partition("/")[0] for entry in entries})
    return Coverage(layout, size, folders, seeds, time.perf_counter() - started, truth, dict(covered), dict(errors))


def print_coverage(result: Coverage, sample: SampleSize) -> None:
    print(f"\n{result.layout}: {result.size:,} files in {result.folders:,} top-level folders "
          f"({result.truth[('totals', 'documents')]:,.0f} documents), {result.seeds} seeds at {sample}, "
          f"{result.seconds:.1f} s")
    print("| figure | full scan | covered | median relative error |")
    print("|---|---:|---:|---:|")
    for figure in [*REPORTED, *result.category_figures]:
        errors = result.errors.get(figure)
        error = statistics.median(errors) if errors else float("nan")
        print(f"| {'.'.join(figure)} | {result.truth.get(figure, 0):,.0f} | {result.share(figure):.0%} | {error:.1%} |")
    worst = min(result.category_figures, key=result.share)
    print(f"documents per category, all categories pooled: covered {result.categories_pooled:.1%}; "
          f"lowest: {'.'.join(worst)} {result.share(worst):.0%}")


def real_population(work: Path, roots: list[Path]) -> tuple[list[FileEntry], list[SampledFile], dict[str, Any]]:
    """Every file under `roots` analysed once by a real scan (two isolated workers, as `leakcensus scan`
    runs), what each adds to each figure read back from the catalog, and the scan's inventory.json."""
    key = work / "real.key"
    key.write_bytes(KEY)
    options = ScanOptions(roots=tuple(roots), out_dir=work / "real-full", workers=2, key_file=key,
                          catalog_path=work / "real.sqlite")
    run_scan(options)
    walked: list[Path | Bucket] = list(roots)
    entries = list(walk_roots(walked, Counter()))
    with Catalog(work / "real.sqlite") as catalog:
        files = [sampled_file(catalog.file_records(entry.root, entry.rel_path)) for entry in entries]
    inventory: dict[str, Any] = json.loads((work / "real-full" / "inventory.json").read_text())
    return entries, files, inventory


def real_truth_matches_inventory(files: list[SampledFile], inventory: dict[str, Any]) -> list[str]:
    """Where the figures summed from the catalog differ from the full scan's inventory.json (none expected)."""
    truth = full_figures(files)
    differences = []
    for figure, counted in [(("totals", "documents"), inventory["totals"]["documents"]),
                            (("organizations", "unique"), inventory["organizations"]["unique"]),
                            *[(("entities", t, "unique"), v["unique"]) for t, v in inventory["entities"].items()],
                            *[(("categories", c, "documents"), v["documents"]) for c, v in inventory["categories"].items()]]:
        if truth.get(figure, 0.0) != counted:
            differences.append(f"{'.'.join(figure)}: catalog {truth.get(figure, 0.0):,.0f}, inventory {counted:,}")
    return differences


ESTIMATES_EACH_SIDE = 2  # timed estimates before the scan and after it


def timing(work: Path, seeds: int, leaks: Path | None = None) -> None:
    """`estimate --sample 2%` twice, a full scan, then the estimate twice again, of the same leaks (generator
    seeds 1..`seeds`, written to `leaks` unless it holds them already), fresh processes and fresh state each.
    Estimates on each side of the scan, because this machine's speed drifts over a scan's minutes; and one
    estimate first that is not counted: the first run after the leaks were written was the slowest (26.8 s
    against 22.4 s for the same estimate after the scan, then 17-21 s by hand), and what a first process reads
    from disk rather than from the page cache is not the estimate's cost; the scan, run later, never pays it."""
    roots = leaks if leaks is not None else work / "timing-leaks"
    roots.mkdir(parents=True, exist_ok=True)
    for seed in range(1, seeds + 1):
        if not (roots / f"leak{seed}").exists():
            generate_sample(["--out", str(work / f"timing{seed}"), "--seed", str(seed)])
            (work / f"timing{seed}" / "leak").rename(roots / f"leak{seed}")
    files = sum(1 for path in roots.rglob("*") if path.is_file())
    print(f"timing on {files:,} files (generator seeds 1-{seeds}) in {roots}")
    (work / "k.key").write_bytes(KEY)
    estimate = ("estimate --sample 2%", ["estimate", "--sample", "2%"])
    runs = [("warm-up estimate (not counted)", estimate[1]), *[estimate] * ESTIMATES_EACH_SIDE, ("scan", ["scan"]),
            *[estimate] * ESTIMATES_EACH_SIDE]
    walls: dict[str, list[float]] = defaultdict(list)
    for run, (name, command) in enumerate(runs):
        out = work / f"timing-out{run}"
        common = ["--out", str(out), "--state", str(work / f"timing-state{run}"), "--key-file", str(work / "k.key"),
                  "--workers", "2", "--quiet"]
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "classifier", command[0], str(roots), *command[1:], *common],
                       check=True, stdout=subprocess.DEVNULL)
        walls[name].append(time.perf_counter() - started)
        print(f"{name}: {walls[name][-1]:.1f} s wall")
    scan, estimates = walls["scan"][0], walls[estimate[0]]
    print("estimate / scan: " + ", ".join(f"1/{scan / wall:.1f}" for wall in estimates)
          + f"; median estimate {statistics.median(estimates):.1f} s: 1/{scan / statistics.median(estimates):.1f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--sample", default="5%", help="sample size, or several: 2%%,5%%,10%%")
    parser.add_argument("--sizes", default="2000,10000,50000")
    parser.add_argument("--layouts", default="departments,folders,mixed",
                        help="departments: a log folder and ten skewed departments; folders: many small folders; "
                             "mixed: the log folder and many small folders")
    parser.add_argument("--real", type=Path, nargs="+", metavar="ROOT",
                        help="instead of generated leaks: every file under these roots, analysed once by a real scan "
                             "(e.g. ../shared/corpora)")
    parser.add_argument("--timing", action="store_true")
    parser.add_argument("--timing-seeds", type=int, default=len(LEAK_SEEDS),
                        help="generated leaks the wall-time comparison runs on (44 files each)")
    parser.add_argument("--timing-leaks", type=Path,
                        help="folder for those leaks, kept between runs (generated where missing); default: a temporary one")
    parser.add_argument("--timing-only", action="store_true", help="only the wall-time comparison (implies --timing)")
    args = parser.parse_args(argv)
    from classifier.estimate.run import category_ids

    samples = [SampleSize.parse(text) for text in args.sample.split(",")]
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        started = time.perf_counter()
        if args.real:
            entries, files, inventory = real_population(work, args.real)
            print(f"analysed {len(entries):,} real files once: {time.perf_counter() - started:.1f} s")
            for difference in real_truth_matches_inventory(files, inventory) or ["none"]:
                print(f"catalog against inventory.json: {difference}")
            for sample in samples:
                print_coverage(simulate_population("real", entries, files, args.seeds, sample, category_ids()), sample)
            print(f"total {time.perf_counter() - started:.1f} s")
            return
        if args.timing_only:
            timing(work, args.timing_seeds, args.timing_leaks)
            print(f"total {time.perf_counter() - started:.1f} s")
            return
        base = analysed_files(work)
        print(f"analysed {len(base)} files of {len(LEAK_SEEDS)} generated leaks once: {time.perf_counter() - started:.1f} s")
        for layout in args.layouts.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                for sample in samples:
                    print_coverage(simulate(base, size, args.seeds, sample, category_ids(), layout), sample)
        if args.timing:
            timing(work, args.timing_seeds, args.timing_leaks)
        print(f"total {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
