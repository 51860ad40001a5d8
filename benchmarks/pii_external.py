"""The PII stage against text written and labelled by other people, beside plain Presidio.

    .venv/bin/python -m benchmarks.pii_external [--sets germeval2014_de,...] [--limit N] [--parts spans,speed,rss]

Sets: every `../shared/corpora/ner-dev/*.jsonl` (GermEval 2014, Universal NER English and
German, Europeana French, MEDDOCAN Spanish, presidio-research synth; the even halves) and
`../shared/corpora/pii-labelled/generated_small.json` (presidio-research). Each record's text
goes through both sides as one prose text:

- leakcensus: `classifier.pii.tagger.text_mentions`, the function `tag_pii` counts from, with
  the language and phone region the scan would give the text (`detect_language`, `likely_region`);
- plain Presidio: `AnalyzerEngine` on the same English spaCy model, `language="en"`, its
  default recognisers, with the NLP engine as `NlpEngineProvider` builds it from a model name
  (Presidio's conf file would also drop ORGANIZATION; left in so there is something to beat).

Printed per set and type: span precision/recall/F1 with exact offsets and with overlap (a
prediction is right when it overlaps a gold span of its type; a gold span is found when a
prediction of its type overlaps it), document-level precision/recall (does the record hold the
type at all), and the unique-count ratio: distinct case-folded values found ÷ distinct in the
gold; for PERSON also the full-name ratio, the same over values of two or more words, which is
what inventory.json counts as unique people. Then the issue's targets, PII-stage characters per CPU-second of both (`speed`), and the
peak RSS of one process that has used every language pipeline (`rss`, in a child process).
Only counts and metrics are printed, never a value.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.pii_eval import markdown_table
from benchmarks.pii_eval import ratio as show
from classifier.language import detect_language, likely_region
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
TYPES = ("PERSON", "ORGANIZATION", "LOCATION", "PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE",
         "US_SSN", "IP_ADDRESS", "URL")
# presidio-research's labels -> the ner-dev labels (its street addresses are LOCATION there too).
RESEARCH_LABELS = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "LOCATION": "LOCATION", "ADDRESS": "LOCATION",
                   "PHONE_NUMBER": "PHONE_NUMBER", "EMAIL_ADDRESS": "EMAIL_ADDRESS", "CREDIT_CARD": "CREDIT_CARD",
                   "IBAN_CODE": "IBAN_CODE", "US_SSN": "US_SSN", "IP_ADDRESS": "IP_ADDRESS", "DOMAIN_NAME": "URL"}
ENGLISH = ("uner_en_ewt", "presidio_synth_en", "presidio_generated_small")
GERMAN_SPANISH = ("germeval2014_de", "uner_de_pud", "meddocan_es")
NOISY_FRENCH = ("europeana_fr",)
PHONE_SETS = ("presidio_synth_en", "presidio_generated_small", "meddocan_es")


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    text: str
    spans: tuple[Span, ...]


def load_sets(corpora: Path, names: Sequence[str] | None, limit: int | None) -> dict[str, list[Record]]:
    sets: dict[str, list[Record]] = {}
    for path in sorted((corpora / "ner-dev").glob("*.jsonl")):
        records = []
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            records.append(Record(row["text"], tuple(Span(s["label"], s["start"], s["end"]) for s in row["spans"])))
        sets[path.stem] = records
    research = corpora / "pii-labelled" / "generated_small.json"
    if research.exists():
        sets["presidio_generated_small"] = [
            Record(row["full_text"], tuple(
                Span(RESEARCH_LABELS[s["entity_type"]], s["start_position"], s["end_position"])
                for s in row["spans"] if s["entity_type"] in RESEARCH_LABELS))
            for row in json.loads(research.read_text("utf-8"))
        ]
    if names:
        sets = {name: sets[name] for name in names}
    return {name: records[:limit] if limit else records for name, records in sets.items()}


# --------------------------------------------------------------------------- the two sides

Detector = Callable[[str], list[Span]]


def leakcensus_detector(spacy_model: str, other_models: dict[str, str] | None = None) -> Detector:
    from classifier.pii.engine import build_pii_engine
    from classifier.pii.tagger import text_mentions

    engine = build_pii_engine(spacy_model, other_models)

    def detect(text: str) -> list[Span]:
        language = detect_language(text)
        return [Span(m.entity_type, m.start, m.end) for m in text_mentions(engine, text, language, likely_region(language))]

    return detect


def presidio_detector(spacy_model: str) -> Detector:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from classifier.pii.spacy_model import model_location  # here: --compare-tree loads this file on older code

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_location(spacy_model)}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])

    def detect(text: str) -> list[Span]:
        return [Span(r.entity_type, r.start, r.end) for r in analyzer.analyze(text=text, language="en")
                if r.entity_type in TYPES]

    return detect


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    overlap_predicted: int = 0  # predictions that overlap a gold span of their type
    overlap_gold: int = 0  # gold spans overlapped by a prediction of their type
    doc_tp: int = 0
    doc_fp: int = 0
    doc_fn: int = 0
    values_found: set[str] = field(default_factory=set)
    values_gold: set[str] = field(default_factory=set)
    # PERSON: inventory.json counts unique people by names of two or more words only (a first
    # name or surname alone is a mention); this ratio compares those with the gold's.
    full_names_found: set[str] = field(default_factory=set)
    full_names_gold: set[str] = field(default_factory=set)


def fraction(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def value_form(text: str) -> str:
    return " ".join(text.split()).casefold()


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score(records: Sequence[Record], predictions: Sequence[list[Span]]) -> dict[str, Counts]:
    counts: dict[str, Counts] = defaultdict(Counts)
    for record, predicted in zip(records, predictions, strict=True):
        for label in TYPES:
            gold = [s for s in record.spans if s.label == label]
            found = [s for s in predicted if s.label == label]
            if not gold and not found:
                continue
            c = counts[label]
            c.gold += len(gold)
            c.predicted += len(found)
            c.exact += len({(s.start, s.end) for s in gold} & {(s.start, s.end) for s in found})
            c.overlap_predicted += sum(any(overlaps(p, g) for g in gold) for p in found)
            c.overlap_gold += sum(any(overlaps(p, g) for p in found) for g in gold)
            c.doc_tp += bool(gold) and bool(found)
            c.doc_fp += not gold and bool(found)
            c.doc_fn += bool(gold) and not found
            c.values_gold.update(value_form(record.text[s.start : s.end]) for s in gold)
            c.values_found.update(value_form(record.text[s.start : s.end]) for s in found)
            c.full_names_gold.update(v for v in (value_form(record.text[s.start : s.end]) for s in gold) if " " in v)
            c.full_names_found.update(v for v in (value_form(record.text[s.start : s.end]) for s in found) if " " in v)
    return counts


@dataclass(frozen=True)
class Metrics:
    exact_p: float | None
    exact_r: float | None
    exact_f1: float | None
    overlap_p: float | None
    overlap_r: float | None
    overlap_f1: float | None
    doc_p: float | None
    doc_r: float | None
    unique_ratio: float | None
    full_name_ratio: float | None


def metrics(c: Counts) -> Metrics:
    exact_p, exact_r = fraction(c.exact, c.predicted), fraction(c.exact, c.gold)
    overlap_p, overlap_r = fraction(c.overlap_predicted, c.predicted), fraction(c.overlap_gold, c.gold)
    return Metrics(exact_p, exact_r, f1(exact_p, exact_r), overlap_p, overlap_r, f1(overlap_p, overlap_r),
                   fraction(c.doc_tp, c.doc_tp + c.doc_fp), fraction(c.doc_tp, c.doc_tp + c.doc_fn),
                   fraction(len(c.values_found), len(c.values_gold)),
                   fraction(len(c.full_names_found), len(c.full_names_gold)))


def set_table(ours: dict[str, Counts], theirs: dict[str, Counts]) -> str:
    rows = []
    for label in TYPES:
        for side, counts in (("leakcensus", ours), ("presidio", theirs)):
            if label not in counts or not counts[label].gold:
                continue
            c, m = counts[label], metrics(counts[label])
            rows.append((label, side, c.gold, c.predicted, show(m.exact_p), show(m.exact_r), show(m.exact_f1),
                         show(m.overlap_p), show(m.overlap_r), show(m.overlap_f1), show(m.doc_p), show(m.doc_r),
                         show(m.unique_ratio), show(m.full_name_ratio) if label == "PERSON" else ""))
    return markdown_table(("type", "system", "gold", "found", "exact P", "exact R", "exact F1", "overlap P",
                           "overlap R", "overlap F1", "doc P", "doc R", "unique ratio", "full-name ratio"), rows)


# --------------------------------------------------------------------------- targets


def person_target(name: str) -> float:
    if name in ENGLISH:
        return 0.80
    if name in NOISY_FRENCH:
        return 0.60
    return 0.70


def target_rows(results: dict[str, tuple[dict[str, Counts], dict[str, Counts]]]) -> list[tuple[str, str, str, str]]:
    """(set, target, measured, met) for every acceptance point of issue #15 that this benchmark measures."""
    rows = []
    for name, (ours, theirs) in results.items():
        ours_person, theirs_person = metrics(ours["PERSON"]), metrics(theirs["PERSON"])
        if ours["PERSON"].gold:
            bar = max(person_target(name), (theirs_person.overlap_f1 or 0.0) + 0.10)
            got = ours_person.overlap_f1 or 0.0
            rows.append((name, f"PERSON overlap F1 ≥ {bar:.3f}", show(got), yes(got >= bar)))
            ratio = ours_person.unique_ratio or 0.0
            rows.append((name, "PERSON unique ratio 0.85–1.15", show(ratio), yes(0.85 <= ratio <= 1.15)))
        if ours["ORGANIZATION"].gold:
            mine, base = metrics(ours["ORGANIZATION"]), metrics(theirs["ORGANIZATION"])
            ratio = mine.unique_ratio or 0.0
            rows.append((name, "ORGANIZATION unique ratio 0.7–1.3", show(ratio), yes(0.7 <= ratio <= 1.3)))
            rows.append((name, f"ORGANIZATION overlap F1 ≥ presidio {show(base.overlap_f1)}", show(mine.overlap_f1),
                         yes((mine.overlap_f1 or 0.0) >= (base.overlap_f1 or 0.0))))
        if name in PHONE_SETS and ours["PHONE_NUMBER"].gold:
            phone = metrics(ours["PHONE_NUMBER"])
            rows.append((name, "PHONE_NUMBER overlap R ≥ 0.90 at P ≥ 0.90",
                         f"R {show(phone.overlap_r)} P {show(phone.overlap_p)}",
                         yes((phone.overlap_r or 0) >= 0.9 and (phone.overlap_p or 0) >= 0.9)))
    return rows


def yes(met: bool) -> str:
    return "met" if met else "**not met**"


# --------------------------------------------------------------------------- speed and memory


def cpu_rate(detect: Detector, texts: Sequence[str]) -> tuple[float, float]:
    """Characters per CPU-second of this process, and the CPU seconds."""
    started = time.process_time()
    for text in texts:
        detect(text)
    spent = time.process_time() - started
    return sum(map(len, texts)) / spent, spent


def stage_rate(spacy_model: str, texts: Sequence[str]) -> tuple[float, float]:
    """Characters per CPU-second of `tag_pii` (the PII stage a scan runs) over the texts, as
    documents of 20 records each. Uses only what every version of leakcensus has, so that
    `--compare-tree` can run the same measurement on an older checkout."""
    from classifier.pii.engine import build_pii_engine
    from classifier.pii.keyed_hash import KeyedHasher
    from classifier.pii.tagger import tag_pii
    from classifier.records import Extracted, SegmentKind

    engine, hasher = build_pii_engine(spacy_model), KeyedHasher(b"k" * 32)
    documents = ["\n".join(texts[i : i + 20]) for i in range(0, len(texts), 20)]
    warm = Extracted()
    warm.add(SegmentKind.PROSE, "Warm-up text. Sehr geehrte Frau Vogel. Madame Dupont. Señora Ruiz.")
    tag_pii(warm, engine, hasher)
    started = time.process_time()
    for document in documents:
        extracted = Extracted()
        extracted.add(SegmentKind.PROSE, document)
        language = detect_language(document)
        tag_pii(extracted, engine, hasher, likely_region(language), language)
    spent = time.process_time() - started
    return sum(map(len, documents)) / spent, spent


def stage_rate_of_tree(tree: Path, spacy_model: str, corpora: Path, sets: Sequence[str] | None, limit: int | None
                       ) -> tuple[float, float]:
    """stage_rate with the `classifier` package of another checkout (e.g. `git worktree add /tmp/old main`)."""
    # This file is loaded by path: the other checkout has a `benchmarks` package of its own.
    code = ("import importlib.util, json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
            "spec = importlib.util.spec_from_file_location('pii_external', sys.argv[2]);"
            "bench = importlib.util.module_from_spec(spec); sys.modules['pii_external'] = bench;"
            "spec.loader.exec_module(bench);"
            "sets = bench.load_sets(Path(sys.argv[4]), json.loads(sys.argv[5]), json.loads(sys.argv[6]));"
            "print(json.dumps(bench.stage_rate(sys.argv[3], [r.text for rs in sets.values() for r in rs])))")
    output = subprocess.run([sys.executable, "-c", code, str(tree), __file__, spacy_model, str(corpora),
                             json.dumps(list(sets) if sets else None), json.dumps(limit)],
                            check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""}).stdout
    rate, spent = json.loads(output.strip().splitlines()[-1])
    return float(rate), float(spent)


def rss_child(spacy_model: str, samples: dict[str, str], queue: multiprocessing.Queue[tuple[float, list[str]]]) -> None:
    from classifier.pii.engine import build_pii_engine
    from classifier.pii.tagger import text_mentions

    engine = build_pii_engine(spacy_model)
    for language, text in samples.items():
        text_mentions(engine, text, language, likely_region(language))
    loaded: list[str] = sorted(engine.nlp_engine.nlp or {})
    # VmHWM, the peak of this process's own memory since it started: ru_maxrss keeps the parent's
    # resident size at fork across exec, so it reported the benchmark's parent (824 MiB, 1,604 MiB
    # with the medium model) rather than the process that loaded the pipelines.
    status = Path("/proc/self/status").read_text("utf-8")
    queue.put((int(status.split("VmHWM:")[1].split()[0]) / 1024, loaded))


def peak_rss(spacy_model: str, sets: dict[str, list[Record]]) -> tuple[float, list[str]]:
    samples = {"en": "uner_en_ewt", "de": "germeval2014_de", "fr": "europeana_fr", "es": "meddocan_es"}
    texts = {lang: " ".join(r.text for r in sets.get(name, [])[:40]) for lang, name in samples.items()}
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[tuple[float, list[str]]] = context.Queue()
    child = context.Process(target=rss_child, args=(spacy_model, texts, queue))
    child.start()
    result = queue.get(timeout=600)
    child.join()
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--sets", type=lambda s: s.split(","), default=None)
    parser.add_argument("--limit", type=int, default=None, help="records per set (for a quick look)")
    parser.add_argument("--parts", type=lambda s: s.split(","), default=["spans", "speed", "rss"])
    parser.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL)
    parser.add_argument("--ner-model", action="append", default=[], metavar="LANG=NAME",
                        help="another language's pipeline for the leakcensus side, as scan --ner-model")
    parser.add_argument("--compare-tree", type=Path, default=None,
                        help="another checkout whose tag_pii speed to measure beside this one's (speed part)")
    parser.add_argument("--compare-model", default=None,
                        help="the English spaCy model for --compare-tree (default --spacy-model); this tree's "
                             "tag_pii is measured with it too")
    args = parser.parse_args(argv)
    sets = load_sets(args.corpora, args.sets, args.limit)
    print(f"# PII stage on external labelled text (spaCy model {args.spacy_model})\n")
    other_models = dict(spec.split("=", 1) for spec in args.ner_model)
    ours, theirs = leakcensus_detector(args.spacy_model, other_models), presidio_detector(args.spacy_model)
    if "spans" in args.parts:
        results = {}
        for name, records in sets.items():
            texts = [r.text for r in records]
            results[name] = (score(records, [ours(t) for t in texts]), score(records, [theirs(t) for t in texts]))
            print(f"## {name} ({len(records)} records)\n\n{set_table(*results[name])}\n", flush=True)
        targets = target_rows(results)
        print("## Targets (issue #15)\n")
        print(markdown_table(("set", "target", "measured", "result"), targets))
        print(f"\n{sum(r[3] == 'met' for r in targets)} of {len(targets)} targets met\n")
    if "speed" in args.parts:
        texts = [r.text for records in sets.values() for r in records]
        total = f"{sum(map(len, texts)):,}"
        rows: list[tuple[str, str, str, str]] = []
        # Side by side, twice each in turn: the machine is noisy, so the ratio is what counts.
        for _ in range(2):
            # A fresh engine each round: the one that scored the spans holds every window it analysed
            # (a scan's cache of repeated windows), which would time look-ups. Pipelines load first.
            fresh = leakcensus_detector(args.spacy_model, other_models)
            for records in sets.values():
                fresh(records[0].text)
            for side, detect in (("leakcensus text_mentions", fresh), ("presidio analyze", theirs)):
                rate, cpu = cpu_rate(detect, texts)
                rows.append((side, total, f"{cpu:.1f}", f"{rate:,.0f}"))
            rate, cpu = stage_rate(args.spacy_model, texts)
            rows.append(("leakcensus tag_pii (this tree)", total, f"{cpu:.1f}", f"{rate:,.0f}"))
            if args.compare_tree:
                model = args.compare_model or args.spacy_model
                if model != args.spacy_model:
                    rate, cpu = stage_rate(model, texts)
                    rows.append((f"leakcensus tag_pii (this tree, {model})", total, f"{cpu:.1f}", f"{rate:,.0f}"))
                rate, cpu = stage_rate_of_tree(args.compare_tree, model, args.corpora, args.sets, args.limit)
                rows.append((f"leakcensus tag_pii ({args.compare_tree}, {model})", total, f"{cpu:.1f}", f"{rate:,.0f}"))
        print("## Speed (same texts, CPU time of the process that tags them)\n")
        print(markdown_table(("system", "characters", "CPU s", "characters per CPU-second"), rows))
        print()
    if "rss" in args.parts:
        rss, loaded = peak_rss(args.spacy_model, sets)
        print(f"## Memory\n\nPeak RSS of one process after tagging text in {', '.join(loaded)}: {rss:,.0f} MiB "
              f"(target ≤ 1,024 MiB per worker)\n")


if __name__ == "__main__":
    main()
