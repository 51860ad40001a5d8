"""Precision, recall and unique counts of the PII tagger against labelled data.

    .venv/bin/python -m benchmarks.pii_eval [--seed 7 | --seeds 7,8,9] [--spacy-model NAME] [--show-errors]

Findings hold keyed hashes only, so every comparison is between hashes: the
labelled values are normalised and hashed with the same KeyedHasher and key,
then compared with the keyed hashes in Findings. Three parts, each printed as
Markdown tables for benchmarks/RESULTS.md:

- labelled: ../shared/corpora/pii-labelled/generated_small.json (presidio-research
  format), each text tagged as one English prose segment with region US;
- sample: the generator's sample leak (one or more seeds), every file and
  container member analysed by DocumentAnalyzer and scored against truth.json;
- secrets: ../shared/corpora/secrets against detect-secrets' baseline.file,
  at file level only (findings carry no line numbers).

Only counts and metrics are printed. `--show-errors` also prints the missed and
spurious values of the sample leak, which is synthetic; never use it on real data.
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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifier.analyze import DocumentAnalyzer
from classifier.limits import Limits
from classifier.pii.entity_types import normalise
from classifier.pii.keyed_hash import KeyedHasher
from classifier.pii.spacy_model import DEFAULT_SPACY_MODEL
from classifier.pii.tagger import tag_pii
from classifier.records import DocumentRecord, Extracted, Findings, Segment, SegmentKind, Status
from sample_data.generate import main as generate_sample

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
PARTS = ("labelled", "sample", "secrets")

# presidio-research (and common NER) label names -> our entity types. A label
# mapped to None is a type we do not detect: reported as "not covered".
LABEL_TO_TYPE: dict[str, str | None] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORGANIZATION": "ORGANIZATION", "ORG": "ORGANIZATION",
    "LOCATION": "LOCATION", "LOC": "LOCATION", "GPE": "LOCATION",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS", "EMAIL": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "CRYPTO": "CRYPTO",
    # Presidio's URL recognizer matches bare domains; we hash them as URLs.
    "DOMAIN_NAME": "URL", "URL": "URL",
    # A street address is not a LOCATION to spaCy (it may tag the city in it).
    "ADDRESS": None, "STREET_ADDRESS": None,
    "DATE_TIME": None, "DATE": None, "TITLE": None, "NRP": None,
    "US_DRIVER_LICENSE": None, "US_PASSPORT": None, "US_BANK_NUMBER": None, "US_ITIN": None, "AGE": None,
}


@dataclass(frozen=True)
class Target:
    """The issue's bar for one entity type: precision and recall, and the unique count's tolerance."""

    min_score: float
    count_tolerance: float


PATTERN_TARGET = Target(0.95, 0.02)
NAME_TARGET = Target(0.85, 0.10)
TARGETS: dict[str, Target] = {
    **{t: PATTERN_TARGET for t in
       ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "SECRET")},
    "PERSON": NAME_TARGET,
    "ORGANIZATION": NAME_TARGET,
}


# --------------------------------------------------------------------------- scoring


@dataclass
class Confusion:
    """True positives, false positives and false negatives, added up over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Confusion) -> Confusion:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float | None:
        """None when nothing was found: precision is undefined, not perfect."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when nothing was labelled."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def value_confusion(truth: Iterable[str], found: Iterable[str]) -> Confusion:
    """Set comparison of keyed hashes in one document."""
    truth_set, found_set = set(truth), set(found)
    return Confusion(len(truth_set & found_set), len(found_set - truth_set), len(truth_set - found_set))


def presence_confusion(labelled: bool, found: bool) -> Confusion:
    """Document level: does the document hold at least one entity of the type?"""
    return Confusion(int(labelled and found), int(found and not labelled), int(labelled and not found))


@dataclass(frozen=True)
class Observation:
    """One document's truth and findings, as keyed hashes per entity type.

    `labelled_types` and `found_types` say which types the document holds at
    all: a labelled value without a normal form (an invalid phone number) or a
    counted mention without one still makes the type present.
    """

    truth: Mapping[str, frozenset[str]]
    labelled_types: frozenset[str]
    found: Mapping[str, frozenset[str]]
    found_types: frozenset[str]


@dataclass
class TypeScore:
    value: Confusion = field(default_factory=Confusion)
    document: Confusion = field(default_factory=Confusion)


def score_documents(observations: Iterable[Observation], entity_types: Iterable[str]) -> dict[str, TypeScore]:
    """Micro-averaged value-level and document-level confusion per entity type."""
    scores = {entity_type: TypeScore() for entity_type in entity_types}
    for observation in observations:
        for entity_type, score in scores.items():
            score.value += value_confusion(observation.truth.get(entity_type, frozenset()),
                                           observation.found.get(entity_type, frozenset()))
            score.document += presence_confusion(entity_type in observation.labelled_types,
                                                 entity_type in observation.found_types)
    return scores


def relative_error(found: int, truth: int) -> float | None:
    return (found - truth) / truth if truth else None


def meets(value: float | None, minimum: float) -> bool:
    return value is not None and value >= minimum


def within(error: float | None, tolerance: float) -> bool:
    # The epsilon keeps an error of exactly the tolerance (1 in 50 at 2%) inside it.
    return error is not None and abs(error) <= tolerance + 1e-9


def findings_observation(findings: Findings, truth: Mapping[str, frozenset[str]], labelled_types: Iterable[str]) -> Observation:
    """Findings as an observation; ORGANIZATION is the names' hashes only, not organisations from email domains."""
    return Observation(
        truth=truth,
        labelled_types=frozenset(labelled_types),
        found={t: tally.keyed_hashes for t, tally in findings.entities.items()},
        found_types=frozenset(t for t, tally in findings.entities.items() if tally.mentions > 0),
    )


def hash_values(hasher: Callable[[str, str], str], entity_type: str, normal_forms: Iterable[str]) -> frozenset[str]:
    return frozenset(hasher(entity_type, value) for value in normal_forms)


# --------------------------------------------------------------------------- Markdown


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def signed_percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.1f}%"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def score_table(scores: Mapping[str, TypeScore], level: str, targets: Mapping[str, Target]) -> str:
    rows = []
    for entity_type in sorted(scores):
        confusion = scores[entity_type].value if level == "value" else scores[entity_type].document
        target = targets.get(entity_type)
        if target is None:
            bar, met = "—", "—"
        else:
            bar = f"P, R ≥ {target.min_score:.2f}"
            met = verdict(meets(confusion.precision, target.min_score) and meets(confusion.recall, target.min_score))
        rows.append((entity_type, confusion.tp, confusion.fp, confusion.fn, ratio(confusion.precision),
                     ratio(confusion.recall), bar, met))
    return markdown_table(("type", "TP", "FP", "FN", "precision", "recall", "target", "target met"), rows)


# --------------------------------------------------------------------------- part a: labelled texts


@dataclass
class LabelledCorpus:
    observations: list[Observation] = field(default_factory=list)
    not_covered: Counter[str] = field(default_factory=Counter)  # label -> spans
    not_covered_texts: Counter[str] = field(default_factory=Counter)  # label -> texts
    without_normal_form: Counter[str] = field(default_factory=Counter)  # our type -> labelled values
    single_word_names: int = 0
    person_values: int = 0


def labelled_truth(spans: Iterable[Mapping[str, Any]], hasher: Callable[[str, str], str], region: str,
                   corpus: LabelledCorpus) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The labelled spans of one text as keyed hashes per our entity type, and the types present."""
    normal_forms: dict[str, set[str]] = defaultdict(set)
    labelled_types: set[str] = set()
    uncovered: set[str] = set()
    for span in spans:
        label = str(span["entity_type"])
        entity_type = LABEL_TO_TYPE.get(label)
        if entity_type is None:
            corpus.not_covered[label] += 1
            uncovered.add(label)
            continue
        labelled_types.add(entity_type)
        raw = str(span["entity_value"])
        if entity_type == "PERSON":
            corpus.person_values += 1
            corpus.single_word_names += len(raw.split()) == 1
        normal = normalise(entity_type, raw, region)
        if normal is None:
            corpus.without_normal_form[entity_type] += 1
        else:
            normal_forms[entity_type].add(normal)
    corpus.not_covered_texts.update(uncovered)
    truth = {t: hash_values(hasher, t, values) for t, values in normal_forms.items()}
    return truth, frozenset(labelled_types)


def evaluate_labelled(analyzer: DocumentAnalyzer, corpus_file: Path) -> None:
    print("## Labelled texts (presidio-research generated_small.json)\n")
    if not corpus_file.exists():
        print(f"Skipped: {corpus_file} is absent.\n")
        return
    texts: list[dict[str, Any]] = json.loads(corpus_file.read_text("utf-8"))
    region, language = "US", "en"
    corpus = LabelledCorpus()
    started = time.perf_counter()
    for item in texts:
        truth, present = labelled_truth(item["spans"], analyzer.hasher, region, corpus)
        extracted = Extracted(segments=[Segment(SegmentKind.PROSE, str(item["full_text"]))])
        findings = tag_pii(extracted, analyzer.pii, analyzer.hasher, region, language)
        corpus.observations.append(findings_observation(findings, truth, present))
    seconds = time.perf_counter() - started
    labelled_types: set[str] = set().union(*(o.labelled_types for o in corpus.observations))
    entity_types = labelled_types.union(*(o.found_types for o in corpus.observations))
    scores = score_documents(corpus.observations, entity_types)
    labels = {str(span["entity_type"]) for item in texts for span in item["spans"]}
    mapped = ", ".join(f"{label}→{ours}" for label, ours in sorted(LABEL_TO_TYPE.items()) if ours and label in labels)
    print(f"{len(texts)} texts, each tagged as one prose segment (language {language}, region {region}), "
          f"{seconds:.1f} s. Labels mapped to our types: {mapped}.\n")
    print("Value level (per text: keyed hashes of the normalised labelled values vs found hashes, micro-averaged):\n")
    print(score_table(scores, "value", TARGETS) + "\n")
    print("Document level (per text: at least one entity of the type, labelled vs found):\n")
    print(score_table(scores, "document", TARGETS) + "\n")
    print("Targets are the issue's, set for the sample leak; shown here for comparison only.\n")
    if corpus.not_covered:
        print(markdown_table(("label not covered", "spans", "texts"),
                             ((label, n, corpus.not_covered_texts[label]) for label, n in sorted(corpus.not_covered.items())))
              + "\n")
    notes = []
    for entity_type, count in sorted(corpus.without_normal_form.items()):
        notes.append(f"{count} labelled {entity_type} values have no normal form (e.g. an invalid phone number): "
                     "they count at document level only")
    if corpus.person_values:
        notes.append(f"{corpus.single_word_names} of {corpus.person_values} labelled PERSON values are a single word; "
                     "the tagger counts only names of 2 to 5 words, by design")
    unlabelled = sorted(entity_types - labelled_types)
    if unlabelled:
        notes.append("types found but never labelled in this corpus (every finding counts as a false positive): "
                     + ", ".join(unlabelled))
    notes.append("found LOCATION spans inside labelled ADDRESS spans count as LOCATION false positives "
                 "(findings carry no positions to tell them apart)")
    print("\n".join(f"- {note}" for note in notes) + "\n")


# --------------------------------------------------------------------------- part b: the sample leak


class RecordingHasher(KeyedHasher):
    """A KeyedHasher that remembers which normal form gave each hash (for --show-errors on synthetic data only)."""

    def __init__(self, key: bytes) -> None:
        super().__init__(key)
        self.normal_forms: dict[str, tuple[str, str]] = {}

    def __call__(self, entity_type: str, normal_form: str) -> str:
        keyed = super().__call__(entity_type, normal_form)
        self.normal_forms[keyed] = (entity_type, normal_form)
        return keyed


@dataclass
class SeedResult:
    seed: int
    observations: dict[str, Observation]  # record path -> observation
    truth_unique: dict[str, frozenset[str]]  # type -> keyed hashes of the whole leak
    found_unique: dict[str, frozenset[str]]
    statuses: Counter[str]
    duplicates: int
    unmatched_records: int
    truth_paths_without_record: int
    rewritten_truth_values: int


def analyze_leak(analyzer: DocumentAnalyzer, root: Path) -> list[DocumentRecord]:
    records: list[DocumentRecord] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        records.extend(analyzer.analyze_bytes(path.read_bytes(), path.relative_to(root).as_posix()))
    return records


def evaluate_seed(analyzer: DocumentAnalyzer, seed: int, scratch: Path) -> SeedResult:
    out = scratch / f"sample-{seed}"
    with contextlib.redirect_stdout(io.StringIO()):  # the generator announces what it wrote
        generate_sample(["--out", str(out), "--seed", str(seed)])
    truth_file: dict[str, Any] = json.loads((out / "truth.json").read_text("utf-8"))
    by_file: dict[str, dict[str, list[str]]] = truth_file["entities_by_file"]
    hasher = analyzer.hasher
    # The truth lists normal forms; hashed as written, so a disagreement between
    # the generator's normal forms and ours shows up as misses (and is counted here).
    rewritten = sum(
        normalise(t, v) != v for t, values in truth_file["entities"].items() for v in values
    )
    records = analyze_leak(analyzer, out / "leak")
    observations: dict[str, Observation] = {}
    found_unique: dict[str, set[str]] = defaultdict(set)
    unmatched = 0
    for record in records:
        for entity_type, tally in record.findings.entities.items():
            found_unique[entity_type] |= tally.keyed_hashes
        if record.path not in by_file:
            unmatched += 1
            continue
        labelled = {t: v for t, v in by_file[record.path].items() if v}
        truth = {t: hash_values(hasher, t, values) for t, values in labelled.items()}
        observations[record.path] = findings_observation(record.findings, truth, labelled)
    # As the inventory counts them: an organisation that is a person's full name anywhere in the
    # leak is no organisation (Inventory.organisations_that_are_people).
    people = frozenset().union(*(r.findings.people_as_organizations for r in records))
    found_unique["ORGANIZATION"] -= people
    return SeedResult(
        seed=seed,
        observations=observations,
        truth_unique={t: hash_values(hasher, t, values) for t, values in truth_file["entities"].items()},
        found_unique={t: frozenset(h) for t, h in found_unique.items()},
        statuses=Counter(r.status.value for r in records if r.status is not Status.OK),
        duplicates=sum(r.duplicate_of is not None for r in records),
        unmatched_records=unmatched,
        truth_paths_without_record=len(set(by_file) - set(observations)),
        rewritten_truth_values=rewritten,
    )


def unique_count_table(results: Sequence[SeedResult], entity_types: Sequence[str]) -> str:
    rows = []
    for entity_type in entity_types:
        for result in results:
            truth = result.truth_unique.get(entity_type, frozenset())
            found = result.found_unique.get(entity_type, frozenset())
            error = relative_error(len(found), len(truth))
            target = TARGETS.get(entity_type)
            bar = "—" if target is None else f"±{target.count_tolerance * 100:.0f}%"
            met = "—" if target is None else verdict(within(error, target.count_tolerance))
            rows.append((entity_type, result.seed, len(truth), len(found), len(truth & found), signed_percent(error), bar, met))
    return markdown_table(("type", "seed", "truth unique", "found unique", "found ∩ truth", "relative error", "target",
                           "target met"), rows)


def evaluate_sample(spacy_model: str, seeds: Sequence[int], show_errors: bool) -> None:
    print(f"## Sample leak (sample_data.generate, seeds {', '.join(map(str, seeds))})\n")
    results: list[SeedResult] = []
    error_reports: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pii-eval-") as scratch:
        for seed in seeds:
            # A fresh analyzer per seed: its exact-duplicate cache must not span two leaks.
            analyzer = DocumentAnalyzer(secrets.token_bytes(32), spacy_model, Limits())
            recorder = RecordingHasher(analyzer.hasher.key) if show_errors else None
            if recorder is not None:
                analyzer.hasher = recorder
            result = evaluate_seed(analyzer, seed, Path(scratch))
            results.append(result)
            if recorder is not None:
                error_reports.append(error_report(result, recorder))
    seconds = time.perf_counter() - started
    truth_types = sorted(set().union(*(r.truth_unique for r in results)))
    observations = [o for r in results for o in r.observations.values()]
    scores = score_documents(observations, truth_types)
    summary = []
    for r in results:
        problems = ", ".join(f"{status} {n}" for status, n in sorted(r.statuses.items())) or "none"
        summary.append(f"seed {r.seed}: {len(r.observations)} records scored ({r.duplicates} exact duplicates, scored like "
                       f"the rest), records not in the truth {r.unmatched_records}, truth paths without a record "
                       f"{r.truth_paths_without_record}, records not ok: {problems}, truth values our normaliser "
                       f"would rewrite {r.rewritten_truth_values}")
    print("\n".join(f"- {line}" for line in summary))
    print(f"- {seconds:.1f} s in all, model loading included\n")
    print("ORGANIZATION is compared on the hashes of organisation *names* only. The inventory also counts "
          "organisations seen only as email domains (unified with names); those are left out here because the "
          "truth lists names.\n")
    print("Value level (per document: truth hashes vs found hashes, micro-averaged over documents and seeds):\n")
    print(score_table(scores, "value", TARGETS) + "\n")
    print("Document level (per record path, members included: at least one entity of the type, truth vs found):\n")
    print(score_table(scores, "document", TARGETS) + "\n")
    print("Unique values in the whole leak (found ∩ truth: found hashes that are true values):\n")
    print(unique_count_table(results, truth_types) + "\n")
    extra = sorted(set().union(*(r.found_unique for r in results)) - set(truth_types))
    if extra:
        print("Found types the generator does not label (not scored): " + ", ".join(
            f"{t} ({sum(len(r.found_unique.get(t, ())) for r in results)} unique over the seeds)" for t in extra) + "\n")
    if len(seeds) > 1:
        print("The seeds vary numbers (cards, IBANs, SSNs, secrets); the names and the set of files stay the same, "
              "so more seeds add evidence for the pattern types, not for PERSON and ORGANIZATION.\n")
    for report in error_reports:
        print(report)


def error_report(result: SeedResult, hasher: RecordingHasher) -> str:
    """Missed and spurious values per type (synthetic data only: this shows values)."""
    per_document: dict[str, dict[str, dict[str, list[str]]]] = {
        "missed": defaultdict(lambda: defaultdict(list)),
        "spurious": defaultdict(lambda: defaultdict(list)),
        "found, type not labelled by the generator": defaultdict(lambda: defaultdict(list)),
    }
    for path, observation in sorted(result.observations.items()):
        for entity_type in set(observation.truth) | set(observation.found):
            truth = observation.truth.get(entity_type, frozenset())
            found = observation.found.get(entity_type, frozenset())
            spurious = "spurious" if entity_type in result.truth_unique else "found, type not labelled by the generator"
            for keyed in truth - found:
                per_document["missed"][entity_type][hasher.normal_forms[keyed][1]].append(path)
            for keyed in found - truth:
                per_document[spurious][entity_type][hasher.normal_forms[keyed][1]].append(path)
    lines = [f"### Errors, seed {result.seed} (synthetic values; per document)\n"]
    for title, errors in per_document.items():
        for entity_type in sorted(errors):
            lines.append(f"- {title} {entity_type}:")
            for value, paths in sorted(errors[entity_type].items()):
                shown = ", ".join(paths[:3]) + (f" +{len(paths) - 3} more" if len(paths) > 3 else "")
                lines.append(f"  - `{value}` in {len(paths)} documents: {shown}")
    lines.append(f"\nWhole leak, seed {result.seed}:\n")
    for entity_type in sorted(result.truth_unique):
        truth = result.truth_unique[entity_type]
        found = result.found_unique.get(entity_type, frozenset())
        for title, hashes in (("never found", truth - found), ("found, never true", found - truth)):
            if hashes:
                values = ", ".join(f"`{v}`" for v in sorted(hasher.normal_forms[h][1] for h in hashes))
                lines.append(f"- {entity_type} {title}: {values}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- part c: detect-secrets test data


def evaluate_secrets(analyzer: DocumentAnalyzer, folder: Path) -> None:
    print("## Secrets (detect-secrets test_data and its baseline.file)\n")
    baseline_file = folder / "baseline.file"
    if not baseline_file.exists():
        print(f"Skipped: {baseline_file} is absent.\n")
        return
    listed: dict[str, list[dict[str, Any]]] = json.loads(baseline_file.read_text("utf-8"))["results"]
    corpus_files = sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*")
        if p.is_file() and p.name not in ("baseline.file", "LICENSE")
    )
    rows = []
    files_listed = files_found = listed_secrets = listed_in_found_files = capped = our_unique_total = 0
    false_alarm_files = []
    for name in corpus_files:
        records = analyzer.analyze_bytes((folder / name).read_bytes(), name)
        mentions = sum(r.findings.entities["SECRET"].mentions for r in records if "SECRET" in r.findings.entities)
        unique = len(set().union(*(r.findings.entities["SECRET"].keyed_hashes for r in records
                                   if "SECRET" in r.findings.entities)))
        entries = listed.get(name, [])
        # detect-secrets lists a secret once per plugin that fired on it, with
        # hashes that may differ (the keyword plugin and the entropy plugins cut
        # the value differently): a listed secret is a distinct line.
        lines = {e["line_number"] for e in entries}
        found = mentions > 0
        rows.append((name, len(entries), len(lines), mentions, unique, "yes" if found else "no"))
        if lines:
            files_listed += 1
            files_found += found
            listed_secrets += len(lines)
            listed_in_found_files += len(lines) if found else 0
            capped += min(len(lines), unique)
            our_unique_total += unique
        elif found:
            false_alarm_files.append(name)
    absent = sorted(set(listed) - set(corpus_files))
    print(markdown_table(("file", "baseline entries", "listed secrets (distinct lines)", "our SECRET mentions",
                          "our SECRET unique", "≥1 SECRET found"), rows) + "\n")
    print("Our findings carry no line numbers, so line-level recall cannot be measured; what can:\n")
    print(markdown_table(("measure", "value"), [
        ("file-level recall (files with ≥1 listed secret where we found ≥1 SECRET)",
         f"{files_found}/{files_listed} = {ratio(files_found / files_listed if files_listed else None)}"),
        ("listed secrets in files where we found ≥1 SECRET (upper bound on secret-level recall)",
         f"{listed_in_found_files}/{listed_secrets} = {ratio(listed_in_found_files / listed_secrets if listed_secrets else None)}"),
        ("Σ min(listed, our unique) per file / listed (tighter upper bound, if every SECRET we count is a listed one)",
         f"{capped}/{listed_secrets} = {ratio(capped / listed_secrets if listed_secrets else None)}"),
        ("listed secrets vs our unique SECRET values, in those files", f"{listed_secrets} vs {our_unique_total}"),
        ("files without listed secrets where we found a SECRET", f"{len(false_alarm_files)}"
         + (f" ({', '.join(false_alarm_files)})" if false_alarm_files else "")),
        ("baseline files absent from this copy of the corpus (not scored)", f"{len(absent)}"),
    ]) + "\n")
    print("The baseline is detect-secrets' own output (v0.14.2, 2020), not a hand labelling: it includes "
          "high-entropy strings that are not credentials, and files may have changed since it was made.\n")


# --------------------------------------------------------------------------- entry point


def parse_seeds(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    seeds = parser.add_mutually_exclusive_group()
    seeds.add_argument("--seed", type=int, default=7, help="seed of the sample leak (default 7)")
    seeds.add_argument("--seeds", type=parse_seeds, help="several seeds, comma-separated (e.g. 7,8,9)")
    parser.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="the shared corpora folder")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of {', '.join(PARTS)}")
    parser.add_argument("--show-errors", action="store_true",
                        help="print missed and spurious VALUES of the sample leak (synthetic data only)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    corpora: Path = args.corpora
    print(f"# PII evaluation (spaCy model {args.spacy_model})\n")
    analyzer: DocumentAnalyzer | None = None
    if "labelled" in parts or "secrets" in parts:
        analyzer = DocumentAnalyzer(secrets.token_bytes(32), args.spacy_model, Limits())
    if "labelled" in parts and analyzer is not None:
        evaluate_labelled(analyzer, corpora / "pii-labelled" / "generated_small.json")
    if "sample" in parts:
        evaluate_sample(args.spacy_model, args.seeds or [args.seed], args.show_errors)
    if "secrets" in parts and analyzer is not None:
        evaluate_secrets(analyzer, corpora / "secrets")


if __name__ == "__main__":
    main()
