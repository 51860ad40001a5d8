"""Accuracy of the business-category tagger on held-out templates and on real files.

    .venv/bin/python -m benchmarks.category_eval [--seed 11] [--scorer fitted|rules|both]
        [--parts held_out,blind,audit,real,sample]

Parts, each printed as Markdown for benchmarks/RESULTS.md:

- held_out: the documents of the held-out templates of the category corpus (the fitting
  script never sees them), written as real files and run through the real pipeline (sniff,
  extract, language, PII findings) before tagging. Top-1 accuracy and macro-F1 over the 16 ids
  on the primary label, multi-label micro-F1 on all labels, calibration of the scores (expected
  calibration error and Brier score over every document x category pair), per-template accuracy
  and the 16 x 16 confusion matrix of primary labels.
- blind: the same for the blind templates, written after the model was frozen by someone who did
  not write the lexicon. The held-out templates were written alongside the lexicon, so the blind
  score is the one that says how the model carries to documents nobody tuned it on.
- audit: held_out (and blind, only when `blind` is also asked for, so that an audit never scores a
  blind round early) again with the lexicon cut down to the phrases that fire on at least one
  training document: how much of each score rests on phrases that only the evaluated
  templates use (the fitted weights are unchanged: those phrases never fired while fitting).
- real: ../shared/corpora: every invoice PDF must get `invoice` first, at least 90% of the
  contracts `contract` first, and every secrets file with a secret in detect-secrets' baseline
  `credentials` among its categories. Analysed with DocumentAnalyzer, as `leakcensus scan` does.
- sample: the sample leak (sample_data.generate, seed 7), whose truth gives one category per file
  written by its own author: top-1 agreement and whether the truth is among the categories.

Only counts, ids and metrics are printed, never document text.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import secrets
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from category_corpus.build import DEFAULT_SEED, CorpusDocument, write_corpus
from category_corpus.registry import CATEGORIES
from classifier.analyze import DocumentAnalyzer
from classifier.categories.cues import CueVector, cue_vector
from classifier.categories.lexicon import Lexicon, slug
from classifier.categories.model import MODEL_PATH, CategoryModel, load_category_model, model_from_json
from classifier.categories.tagger import category_scores, rank
from classifier.extract import extract
from classifier.extract.errors import DocumentProblem
from classifier.language import detect_language, likely_region
from classifier.limits import Limits
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.pii.tagger import tag_pii
from classifier.records import CategoryScore, SegmentKind
from sample_data.generate import main as generate_sample

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
PARTS = ("held_out", "blind", "audit", "real", "sample")
LEXICON_SIGNALS = ("phrase", "heading", "header")  # signal kinds named after a lexicon phrase
SPLIT_TITLES = {"held_out": "Held-out templates", "blind": "Blind templates"}
TOP1_TARGET = 0.90
MACRO_F1_TARGET = 0.85
CONTRACT_TARGET = 0.90
CALIBRATION_BINS = 10
SHORT = {"proof_of_concept": "poc", "sales_data": "sdata", "sales_strategy": "sstrat", "product_order": "order", "offer": "offer",
         "invoice": "inv", "contract": "contr", "customer_asset": "asset", "internal_comment": "icomm", "correspondence": "corr",
         "personnel": "pers", "financial": "fin", "source_code": "code", "credentials": "cred", "contact_list": "clist",
         "other": "other"}


@dataclass(frozen=True)
class LabelledCues:
    document: CorpusDocument
    cues: CueVector


def build_analyzer() -> DocumentAnalyzer:
    """A fresh random key: keyed hashes are never compared here, only counted."""
    return DocumentAnalyzer(secrets.token_bytes(32), DEFAULT_SPACY_MODEL, Limits())


def document_cues(analyzer: DocumentAnalyzer, data: bytes, name: str, lexicon: Lexicon) -> CueVector:
    """The cue features of one file, through the same stages as DocumentAnalyzer (members are not followed)."""
    mime = analyzer.sniffer.sniff(data, name).mime
    try:
        extracted = extract(data, mime, name, analyzer.limits)
    except DocumentProblem:
        # What a scan records too: a status and no categories. Scored as "(none)", so it counts as a miss.
        return CueVector({}, {}, has_text=False)
    prose = "\n".join(s.text for s in extracted.segments if s.kind is not SegmentKind.TABLE_CELL)
    language = detect_language(prose)
    findings = tag_pii(extracted, analyzer.pii, analyzer.hasher, likely_region(language), language)
    return cue_vector(extracted, findings, lexicon)


def corpus_cues(analyzer: DocumentAnalyzer, root: Path, documents: Iterable[CorpusDocument], lexicon: Lexicon) -> list[LabelledCues]:
    return [LabelledCues(d, document_cues(analyzer, (root / d.path).read_bytes(), Path(d.path).name, lexicon)) for d in documents]


def write_and_featurise(analyzer: DocumentAnalyzer, split: str, seed: int, lexicon: Lexicon) -> list[LabelledCues]:
    with tempfile.TemporaryDirectory(prefix="category-corpus-") as tmp:
        root = Path(tmp)
        return corpus_cues(analyzer, root, write_corpus(root, seed, split), lexicon)


# --------------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class Scores:
    documents: int
    top1: float
    macro_f1: float
    per_category_f1: dict[str, float]
    micro_f1: float
    ece: float
    brier: float
    confusion: dict[tuple[str, str], int]  # (true primary, predicted first) -> documents
    per_template: dict[str, tuple[int, int]]  # template -> (correct, documents)
    empty: int  # documents that got no category at all


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def score(labelled: Sequence[LabelledCues], model: CategoryModel) -> Scores:
    confusion: Counter[tuple[str, str]] = Counter()
    per_template: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = fp = fn = 0
    calibration: list[tuple[float, int]] = []
    empty = 0
    for item in labelled:
        ranked: tuple[CategoryScore, ...] = rank(item.cues, model)
        predicted = ranked[0].id if ranked else "(none)"
        empty += not ranked
        truth = item.document.primary
        confusion[(truth, predicted)] += 1
        per_template[item.document.template][0] += predicted == truth
        per_template[item.document.template][1] += 1
        listed, labels = {c.id for c in ranked}, set(item.document.labels)
        tp, fp, fn = tp + len(listed & labels), fp + len(listed - labels), fn + len(labels - listed)
        for category, probability in category_scores(item.cues, model).items():
            calibration.append((probability, int(category in labels)))
    per_category = {}
    for category in CATEGORIES:
        c_tp = confusion[(category, category)]
        c_fp = sum(n for (t, p), n in confusion.items() if p == category and t != category)
        c_fn = sum(n for (t, p), n in confusion.items() if t == category and p != category)
        per_category[category] = f1(c_tp, c_fp, c_fn)
    correct = sum(n for (t, p), n in confusion.items() if t == p)
    return Scores(
        documents=len(labelled), top1=correct / len(labelled) if labelled else 0.0,
        macro_f1=sum(per_category.values()) / len(per_category), per_category_f1=per_category, micro_f1=f1(tp, fp, fn),
        ece=expected_calibration_error(calibration), brier=sum((p - y) ** 2 for p, y in calibration) / max(len(calibration), 1),
        confusion=dict(confusion), per_template={t: (v[0], v[1]) for t, v in sorted(per_template.items())}, empty=empty,
    )


def expected_calibration_error(pairs: Sequence[tuple[float, int]], bins: int = CALIBRATION_BINS) -> float:
    by_bin: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for probability, outcome in pairs:
        by_bin[min(int(probability * bins), bins - 1)].append((probability, outcome))
    total = len(pairs) or 1
    return sum(len(b) / total * abs(sum(p for p, _ in b) / len(b) - sum(y for _, y in b) / len(b)) for b in by_bin.values())


# --------------------------------------------------------------------------- printing


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def met(value: float, target: float) -> str:
    return "met" if value >= target else "**not met**"


def print_scores(name: str, scores: Scores, confusion: bool = True) -> None:
    print(f"#### Scorer `{name}`\n")
    print(markdown_table(["measure", "value", "target", "target met"], [
        ["top-1 accuracy (primary label)", f"{scores.top1:.3f}", f"≥ {TOP1_TARGET}", met(scores.top1, TOP1_TARGET)],
        ["macro-F1 over the 16 ids (primary label)", f"{scores.macro_f1:.3f}", f"≥ {MACRO_F1_TARGET}",
         met(scores.macro_f1, MACRO_F1_TARGET)],
        ["micro-F1, all labels (multi-label)", f"{scores.micro_f1:.3f}", "—", "—"],
        ["expected calibration error (10 bins, document x category)", f"{scores.ece:.3f}", "—", "—"],
        ["Brier score (document x category)", f"{scores.brier:.4f}", "—", "—"],
        ["documents with no category", scores.empty, "—", "—"],
    ]))
    print()
    print("Per-category F1 (primary label): " + ", ".join(f"{c} {v:.2f}" for c, v in scores.per_category_f1.items()) + "\n")
    misses = [f"{t} {ok}/{n}" for t, (ok, n) in scores.per_template.items() if ok < n]
    print("Templates with misses: " + (", ".join(misses) if misses else "none") + "\n")
    if confusion:
        print_confusion(scores.confusion)


def print_confusion(confusion: Mapping[tuple[str, str], int]) -> None:
    predicted = list(CATEGORIES) + (["(none)"] if any(p == "(none)" for _, p in confusion) else [])
    print("Confusion matrix (rows: true primary label, columns: first category; ids abbreviated as in the first column)\n")
    rows = [[f"{SHORT[t]} ({t})", *(confusion.get((t, p), "") or "·" for p in predicted)] for t in CATEGORIES]
    print(markdown_table(["true \\ predicted", *(SHORT.get(p, p) for p in predicted)], rows))
    print()


def models_to_run(model: CategoryModel, scorer: str) -> list[tuple[str, CategoryModel]]:
    names = ("fitted", "rules") if scorer == "both" else (scorer,)
    return [(n, replace(model, scorer=n)) for n in names if n == "rules" or model.fitted is not None]


def evaluate_split(analyzer: DocumentAnalyzer, model: CategoryModel, seed: int, scorer: str, split: str) -> dict[str, Scores]:
    started = time.perf_counter()
    labelled = write_and_featurise(analyzer, split, seed, model.lexicon)
    templates = sorted({item.document.template for item in labelled})
    languages = Counter(item.document.language for item in labelled)
    print(f"### {SPLIT_TITLES[split]} (category_corpus)\n")
    print(f"Seed {seed}: {len(labelled)} documents from {len(templates)} {split.replace('_', '-')} templates "
          f"({', '.join(f'{k} {v}' for k, v in sorted(languages.items()))}), each a real file run through the pipeline; "
          f"{time.perf_counter() - started:.1f} s.\n")
    results: dict[str, Scores] = {}
    for name, variant in models_to_run(model, scorer):
        results[name] = score(labelled, variant)
        print_scores(name, results[name])
    return results


def training_lexicon(raw: Mapping[str, Any], training: Sequence[LabelledCues]) -> dict[str, Any]:
    """The model file with only the lexicon phrases that fired on some training document."""
    fired = {name.partition(":")[2] for item in training for names in item.cues.evidence.values() for name in names
             if name.partition(":")[0] in LEXICON_SIGNALS}
    lexicon = {category: {tier: {language: [p for p in phrases if slug(p) in fired] for language, phrases in languages.items()}
                          for tier, languages in tiers.items()}
               for category, tiers in raw["lexicon"].items()}
    return {**raw, "lexicon": lexicon}


def phrase_count(lexicon: Mapping[str, Mapping[str, Mapping[str, Sequence[str]]]]) -> int:
    return sum(len(phrases) for tiers in lexicon.values() for languages in tiers.values() for phrases in languages.values())


def evaluate_lexicon_audit(analyzer: DocumentAnalyzer, model: CategoryModel, seed: int, splits: Sequence[str]) -> None:
    raw = json.loads(MODEL_PATH.read_text("utf-8"))
    training = write_and_featurise(analyzer, "train", seed, model.lexicon)
    reduced = training_lexicon(raw, training)
    cut = model_from_json(reduced)
    kept, total = phrase_count(reduced["lexicon"]), phrase_count(raw["lexicon"])
    print("### Lexicon audit\n")
    print(f"The lexicon cut to the {kept} of its {total} phrases that fire on at least one of the {len(training)} training "
          f"documents; the weights unchanged.\n")
    rows = []
    for split in splits:
        full, pruned = (score(write_and_featurise(analyzer, split, seed, m.lexicon), m) for m in (model, cut))
        rows.append([SPLIT_TITLES[split], f"{full.top1:.3f}", f"{pruned.top1:.3f}", f"{full.macro_f1:.3f}", f"{pruned.macro_f1:.3f}"])
    print(markdown_table(["templates", "top-1, full lexicon", "top-1, training phrases only", "macro-F1, full lexicon",
                          "macro-F1, training phrases only"], rows))
    print()


# --------------------------------------------------------------------------- real files


def first_categories(analyzer: DocumentAnalyzer, path: Path) -> tuple[str, ...]:
    records = analyzer.analyze_bytes(path.read_bytes(), path.name)
    return tuple(c.id for c in records[0].categories)


def evaluate_real(analyzer: DocumentAnalyzer, corpora: Path) -> bool:
    started = time.perf_counter()
    invoices = sorted((corpora / "invoices").glob("*.pdf"))
    contracts = sorted(p for p in (corpora / "contracts").iterdir() if p.suffix == ".txt")
    baseline = json.loads((corpora / "secrets" / "baseline.file").read_text("utf-8"))
    with_secrets = sorted(corpora / "secrets" / name for name in baseline["results"] if (corpora / "secrets" / name).is_file())
    invoice_first = sum(first_categories(analyzer, p)[:1] == ("invoice",) for p in invoices)
    contract_first = sum(first_categories(analyzer, p)[:1] == ("contract",) for p in contracts)
    credentials = sum("credentials" in first_categories(analyzer, p) for p in with_secrets)
    print("### Real files (../shared/corpora)\n")
    rows = [
        ["invoices: every PDF has `invoice` first", f"{invoice_first}/{len(invoices)}", "all",
         "met" if invoice_first == len(invoices) else "**not met**"],
        ["contracts: `contract` first", f"{contract_first}/{len(contracts)}", f"≥ {CONTRACT_TARGET:.0%}",
         met(contract_first / max(len(contracts), 1), CONTRACT_TARGET)],
        ["secrets: files with a baseline secret have `credentials`", f"{credentials}/{len(with_secrets)}", "all",
         "met" if credentials == len(with_secrets) else "**not met**"],
    ]
    print(markdown_table(["check", "result", "target", "target met"], rows))
    print(f"\n{len(invoices) + len(contracts) + len(with_secrets)} files in {time.perf_counter() - started:.1f} s.\n")
    return invoice_first == len(invoices) and contract_first >= CONTRACT_TARGET * len(contracts) and credentials == len(with_secrets)


def evaluate_sample(model: CategoryModel, scorer: str) -> None:
    print("### Sample leak (sample_data.generate, seed 7)\n")
    print("Its truth gives one category per file, written by the sample's author before this tagger existed. "
          "Containers without text of their own are left out.\n")
    with tempfile.TemporaryDirectory(prefix="category-sample-") as tmp:
        with contextlib.redirect_stdout(io.StringIO()):
            generate_sample(["--out", tmp, "--seed", "7"])
        truth = json.loads((Path(tmp) / "truth.json").read_text("utf-8"))["files"]
        rows = []
        for name, variant in models_to_run(model, scorer):
            analyzer = build_analyzer()  # a fresh one: analysers reuse the records of documents they have seen
            analyzer.categories = variant
            found: dict[str, tuple[str, ...]] = {}
            for path in sorted(p for p in (Path(tmp) / "leak").rglob("*") if p.is_file()):
                relative = path.relative_to(Path(tmp) / "leak").as_posix()
                for record in analyzer.analyze_bytes(path.read_bytes(), relative):
                    found[record.path] = tuple(c.id for c in record.categories)
            scored = [(path, info["category"]) for path, info in truth.items() if found.get(path)]
            first = sum(found[p][0] == category for p, category in scored)
            among = sum(category in found[p] for p, category in scored)
            listed = sum(len(found[p]) for p, _ in scored) / max(len(scored), 1)
            misses = Counter(f"{category}→{found[p][0]}" for p, category in scored if found[p][0] != category)
            rows.append([f"`{name}`", len(scored), f"{first}/{len(scored)}", f"{among}/{len(scored)}", f"{listed:.1f}",
                         ", ".join(f"{k} ×{v}" for k, v in sorted(misses.items())) or "none"])
    print(markdown_table(["scorer", "documents", "first = truth", "truth listed", "categories per document",
                          "disagreements (truth→first)"], rows))
    print()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})")
    parser.add_argument("--scorer", choices=("fitted", "rules", "both"), default="both")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of {', '.join(PARTS)}")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    if set(parts) - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(set(parts) - set(PARTS)))}")
    model = load_category_model()
    analyzer = build_analyzer()
    print(f"## Category evaluation (model scorer `{model.scorer}`)\n")
    for split in ("held_out", "blind"):
        if split in parts:
            evaluate_split(analyzer, model, args.seed, args.scorer, split)
    if "audit" in parts:
        # The blind split is scored only when asked for by name: a blind round is scored once, on purpose.
        audited = ["held_out"] + (["blind"] if "blind" in parts else [])
        evaluate_lexicon_audit(analyzer, model, args.seed, audited)
    if "real" in parts:
        evaluate_real(analyzer, args.corpora)
    if "sample" in parts:
        evaluate_sample(model, args.scorer)


if __name__ == "__main__":
    main()
