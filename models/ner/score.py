"""Score a spaCy NER pipeline on leakcensus ``ner-dev`` JSONL sets, per label, exact and overlap.

What: loads a pipeline (a model directory or an installed package name), runs it over every
record of one or more JSONL files (``{"text", "spans": [{"start", "end", "label"}], ...}``) and
prints, for PERSON, ORGANIZATION and LOCATION (and their micro average), precision, recall and F1
in two modes:

* exact: a predicted span is a true positive if a gold span has the same label, start and end;
* overlap: a predicted span is a true positive if it overlaps a gold span of the same label, and
  a gold span counts as found (recall) if it overlaps a predicted span of the same label.

Why: leakcensus counts people, organisations and places; a name found with slightly wrong
boundaries still counts the entity, so both strict and lenient numbers are reported. Gold labels
other than the three are ignored; model labels are mapped with ``--label-map`` (for example
``PER=PERSON,ORG=ORGANIZATION,LOC=LOCATION`` for the spaCy news models), unmapped ones dropped.

Usage::

    python models/ner/score.py models/ner/de_leakcensus_ner \\
        ../shared/corpora/ner-dev/germeval2014_de.jsonl ../shared/corpora/ner-dev/uner_de_pud.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from classifier.pii.engine import VECTORS_FROM_KEY, attach_vectors
from classifier.pii.spacy_model import model_location

LABELS = ("PERSON", "ORGANIZATION", "LOCATION")
IDENTITY_MAP = {label: label for label in LABELS}


@dataclass
class Counts:
    """True/false positive and gold-found counts for one label in one mode."""

    predicted: int = 0
    gold: int = 0
    tp_predicted: int = 0  # predicted spans judged correct (precision numerator)
    tp_gold: int = 0  # gold spans judged found (recall numerator)

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.tp_predicted += other.tp_predicted
        self.tp_gold += other.tp_gold

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp_predicted / self.predicted if self.predicted else 0.0
        recall = self.tp_gold / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Scores:
    """Per-label counts, exact and overlap."""

    exact: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    overlap: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})


Span = tuple[int, int]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def update(scores: Scores, gold: dict[str, list[Span]], predicted: dict[str, list[Span]]) -> None:
    """Add one record's gold and predicted spans (by label) to the running counts."""
    for label in LABELS:
        gold_spans, pred_spans = gold.get(label, []), predicted.get(label, [])
        gold_set = set(gold_spans)
        exact, overlap = scores.exact[label], scores.overlap[label]
        for counts in (exact, overlap):
            counts.predicted += len(pred_spans)
            counts.gold += len(gold_spans)
        exact.tp_predicted += sum(1 for span in pred_spans if span in gold_set)
        exact.tp_gold += sum(1 for span in gold_spans if span in set(pred_spans))
        overlap.tp_predicted += sum(1 for span in pred_spans if any(_overlaps(span, g) for g in gold_spans))
        overlap.tp_gold += sum(1 for span in gold_spans if any(_overlaps(span, p) for p in pred_spans))


def score_file(nlp: spacy.language.Language, path: Path, label_map: dict[str, str]) -> tuple[Scores, int, float]:
    """Run the pipeline over one JSONL file; return the scores, the record count and seconds taken."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores = Scores()
    started = time.perf_counter()
    docs = nlp.pipe((record["text"] for record in records), batch_size=256)
    for record, doc in zip(records, docs, strict=True):
        gold: dict[str, list[Span]] = {}
        for span in record["spans"]:
            if span["label"] in LABELS:
                gold.setdefault(span["label"], []).append((span["start"], span["end"]))
        predicted: dict[str, list[Span]] = {}
        for ent in doc.ents:
            label = label_map.get(ent.label_)
            if label is not None:
                predicted.setdefault(label, []).append((ent.start_char, ent.end_char))
        update(scores, gold, predicted)
    return scores, len(records), time.perf_counter() - started


def table(name: str, scores: Scores) -> list[str]:
    """Markdown rows: one per label plus the micro average, exact and overlap P/R/F1 in percent."""
    rows: list[str] = []
    for label in (*LABELS, "micro"):
        cells: list[str] = []
        gold = 0
        for mode in (scores.exact, scores.overlap):
            if label == "micro":
                counts = Counts()
                for each in mode.values():
                    counts.add(each)
            else:
                counts = mode[label]
            gold = counts.gold
            cells.extend(f"{100 * value:.1f}" for value in counts.prf())
        rows.append(f"| {name} | {label} | {gold} | " + " | ".join(cells) + " |")
    return rows


def parse_label_map(text: str | None) -> dict[str, str]:
    if not text:
        return dict(IDENTITY_MAP)
    mapping: dict[str, str] = {}
    for item in text.split(","):
        source, _, target = item.partition("=")
        if target not in LABELS:
            raise SystemExit(f"--label-map target must be one of {LABELS}: {item!r}")
        mapping[source.strip()] = target
    return mapping


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("model", help="model directory or installed pipeline name")
    parser.add_argument("data", nargs="+", type=Path, help="ner-dev JSONL files")
    parser.add_argument("--label-map", help="comma-separated MODEL=TARGET label mapping (default: identity)")
    parser.add_argument("--json", type=Path, help="also write the raw counts and P/R/F1 here")
    args = parser.parse_args(argv)

    nlp = spacy.load(model_location(args.model))
    if (source := nlp.meta.get(VECTORS_FROM_KEY)) is not None:
        attach_vectors(nlp, source)  # a pipeline saved without its base's vectors (finetune.py)
    label_map = parse_label_map(args.label_map)
    print(f"model: {args.model} ({nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}), labels -> {label_map}")
    print("| set | label | gold | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    report: dict[str, object] = {}
    timings: list[str] = []
    for path in args.data:
        scores, records, seconds = score_file(nlp, path, label_map)
        for row in table(path.stem, scores):
            print(row)
        timings.append(f"{path.stem}: {records} records in {seconds:.1f} s")
        report[path.stem] = {
            mode_name: {
                label: {**vars(counts), **dict(zip(("precision", "recall", "f1"), counts.prf(), strict=True))}
                for label, counts in mode.items()
            }
            for mode_name, mode in (("exact", scores.exact), ("overlap", scores.overlap))
        }
    for line in timings:
        print(line)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
