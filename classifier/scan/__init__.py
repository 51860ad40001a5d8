"""Scanning: check the operator's input, plan what to analyse, analyse it (in this process, a pool
of supervised workers or a Dask cluster), replay the catalog in walk order, write the outputs.

    options.py   ScanOptions, ScanResult, ScanError
    run.py       run_scan: check → plan → analyse → replay → write
    plan.py      unchanged files and files with the same content are not analysed again
    analyse.py   where files are analysed: in process, pool.py, or dask.py
    pool.py      worker processes under time and memory limits, replaced when killed
    dask.py      the same analysis on a Dask cluster's workers
    replay.py    documents.jsonl and the aggregates from the catalog; duplicates; shown names
    merge.py     separate scans merged as if scanned together
"""

from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.scan.options import ScanError, ScanOptions, ScanResult
from classifier.scan.run import run_scan

__all__ = ["DEFAULT_SPACY_MODEL", "ScanError", "ScanOptions", "ScanResult", "run_scan"]
