"""An estimate: walk → draw the sample → analyse the drawn files as a scan does, into the scan's
catalog → read their records back → estimate → estimate.json.

The drawn files are analysed by the scan's own code (scan/run.py `analyse`, with its same-content
copies and worker pool) into the catalog of the state a scan into the same --out uses, each stored
with its size, mtime and content hash. So a later `leakcensus scan` into that --out finds them
unchanged and analyses only the rest. The estimate never forgets catalogued files it did not draw
(a scan would: `finish_scan`), so it also reuses what an earlier scan or estimate analysed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from classifier.catalog import Catalog
from classifier.content_hash import ContentHasher
from classifier.estimate.figures import estimate_figures, sampled_file
from classifier.estimate.sample import Sample, SampleSize, draw_sample
from classifier.outputs import estimate_html, estimate_json
from classifier.pii.keyed_hash import key_fingerprint
from classifier.progress import ScanProgress
from classifier.scan.analyse import early_pool
from classifier.scan.options import ScanOptions
from classifier.scan.plan import unchanged
from classifier.scan.run import analyse, listing, own_files, prepare, reusable
from classifier.walk import walk_roots


@dataclass(frozen=True)
class EstimateResult:
    written: estimate_json.EstimateJson
    out_dir: Path
    files_analysed: int  # drawn files analysed now (the others were catalogued and unchanged, or copies)
    notes: tuple[str, ...] = ()


def run_estimate(options: ScanOptions, size: SampleSize, seed: int, progress: ScanProgress | None = None) -> EstimateResult:
    state, notes, key = prepare(options)
    progress = progress or ScanProgress()
    skipped: Counter[str] = Counter()
    # The workers load their models while the walk is listed and the sample drawn: an estimate's own
    # work is small, and that load was a third of it (49,984 files: ~4.5 s of fixed cost in 13 s).
    with early_pool(options, key) as pool:
        # The whole walk is listed (the population and its strata); only the drawn files are read.
        entries = list(listing(walk_roots(list(options.roots), skipped, own_files(options, state), options.chosen), progress))
        sample = draw_sample(entries, size.of(len(entries)), seed)
        with progress, Catalog(state.catalog_path) as catalog:
            catalog.bind_key(key_fingerprint(key))
            content = ContentHasher(key, options.plain_hashes)
            scan_id = catalog.begin_scan()
            reuse = reusable(catalog, options)  # as a scan decides it
            work = [(index, entries[index]) for index in sample.drawn
                    if not (reuse and unchanged(catalog, entries[index], content))]
            analysis = analyse(options, key, catalog, scan_id, content, reuse, work, progress, pool=pool)
            files = {index: sampled_file(catalog.file_records(entries[index].root, entries[index].rel_path))
                     for index in sample.drawn}
    estimate = estimate_figures(sample, files, sum(entry.size for entry in entries), category_ids())
    written = estimate_json.of(estimate, sample_facts(sample, size, skipped))
    estimate_json.write(options.out_dir, written)
    estimate_html.write(options.out_dir, written)
    return EstimateResult(written, options.out_dir, analysis.analysed, tuple(notes))


def category_ids() -> list[str]:
    """The categories the model knows, read from its file: categories.model would bring spaCy into this
    process (its lexicon's phrase matchers), which only the workers need."""
    model = json.loads(resources.files("classifier.categories").joinpath("categories.json").read_text("utf-8"))
    return sorted(model["taxonomy"])


def sample_facts(sample: Sample, size: SampleSize, skipped: Counter[str]) -> dict[str, object]:
    """estimate.json's `sample`, without times: the same seed over the same files writes the same bytes."""
    return {
        "requested": str(size),
        "seed": sample.seed,
        "files_in_walk": sample.files_in_walk,
        "files_drawn": len(sample.drawn),
        "strata": len(sample.strata),
        "strata_drawn": sum(1 for stratum in sample.strata if stratum.drawn),
        "stratified_by": ["root", "top-level folder", "file extension"],
        "allocation": "proportional, fractions rounded systematically by file type (every file the same chance); "
                      "strata with a share under two files estimated together by file type; then one file of each "
                      "file type left without one (counted in the totals, not in the unique-value estimator)",
        "strata_pooled": sum(1 for stratum in sample.strata if stratum.pooled),
        "confidence": 0.95,
        "skipped": dict(sorted(skipped.items())),
        "not_covered": [
            "documents in files that could not be read are counted under their status, but their contents are not",
            "values that occur in one file only of the whole leak are estimated from how many the sample saw "
            "once; Chao2 is a lower bound when values differ much in how often they occur",
            "an entity type the sample found no value of: high bounds the files that hold any (3.69 x N/n), "
            "not the values in them",
            "a few files that hold far more documents or values than the rest (an archive, a presentation with "
            "embedded files, a mailbox) and that the sample did not draw: the intervals take the spread of the "
            "undrawn files to be that of the drawn ones",
        ],
    }
