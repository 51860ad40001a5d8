"""Convert the permissively licensed NER training corpora into spaCy DocBin files.

What: reads the German GermEval 2014 development split (token/BIO TSV) or the Spanish MEDDOCAN
training split (BRAT standoff), maps their labels onto the three labels leakcensus uses
(PERSON, ORGANIZATION, LOCATION) and writes ``train.spacy`` and ``dev.spacy`` into ``--out``.

Why: leakcensus needs small, reproducible German and Spanish NER pipelines whose training data
may be redistributed (both corpora are CC BY 4.0). The conversion is deterministic: input files
are read in sorted order, and the 10 % hold-out used as spaCy's training-time dev set is chosen by
a salted SHA-256 of each sentence's text (so identical sentences always land on the same side).
The ``ner-dev`` evaluation sets are never read here.

Label mapping:

* GermEval 2014 (outer level only): PER -> PERSON, ORG -> ORGANIZATION, LOC -> LOCATION;
  OTH and every ``*deriv`` / ``*part`` tag -> O. Tokens are re-joined with one space, except
  no space before ``, . ; : ! ? )`` and after ``(``; likewise none after ``„`` and none before
  ``“`` (the German quotes are re-attached the same way in the ``ner-dev`` GermEval set).
* MEDDOCAN: NOMBRE_SUJETO_ASISTENCIA, NOMBRE_PERSONAL_SANITARIO -> PERSON; HOSPITAL,
  INSTITUCION -> ORGANIZATION; CALLE, TERRITORIO, PAIS -> LOCATION (a TERRITORIO that is only a
  postcode, all digits, is dropped as in the ``ner-dev`` MEDDOCAN set); everything else dropped.
  Each report is split into lines (one training example per non-blank line), matching the
  one-line-a-record layout of the evaluation set.

Each example is tokenised with the blank spaCy tokenizer of its language (the one the trained
pipeline uses; for Spanish with the extra rules of ``es_tokenizer.py``); an entity whose character
offsets do not fall on token boundaries is marked as missing (unknown) rather than O, so it
neither teaches a wrong boundary nor a wrong O.

``--augment K`` adds K copies of each training sentence that holds a mention of
``--augment-labels`` (default PERSON), every such mention replaced by another mention of its
label drawn from the training side with ``--seed`` (mention replacement, Dai & Adel 2020). The
dev side is neither augmented nor drawn from. Off by default; for German it lowered PERSON
recall on ``ner-dev`` (models/ner/README.md, "Tried for German PERSON recall").

Usage::

    python models/ner/prepare.py --lang de --out /tmp/nertrain/de
    python models/ner/prepare.py --lang es --out /tmp/nertrain/es
    python models/ner/prepare.py --lang de --out /tmp/nertrain/de-aug --augment 1 --seed 0
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_tokenizer import es_tokenizer_tweaks  # sibling module (models/ner is not a package)

# The shared folder beside the checkout (see ../shared/corpora/ner-train/README.md).
CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "ner-train"
GERMEVAL_TSV = CORPORA / "germeval2014-de-dev.tsv"
MEDDOCAN_DIR = CORPORA / "meddocan-train"

DEV_SALT = b"leakcensus-ner-holdout-v1:"
DEV_PERCENT = 10

GERMEVAL_LABELS = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
MEDDOCAN_LABELS = {
    "NOMBRE_SUJETO_ASISTENCIA": "PERSON",
    "NOMBRE_PERSONAL_SANITARIO": "PERSON",
    "HOSPITAL": "ORGANIZATION",
    "INSTITUCION": "ORGANIZATION",
    "CALLE": "LOCATION",
    "TERRITORIO": "LOCATION",
    "PAIS": "LOCATION",
}
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "“"})
NO_SPACE_AFTER = frozenset({"(", "„"})
POSTCODE = re.compile(r"\d+")


@dataclass(frozen=True)
class Example:
    """One training sentence: its text and its character-offset entities (start, end, label)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


def is_dev(text: str) -> bool:
    """Deterministically put about DEV_PERCENT % of sentences into the training-time dev set."""
    digest = hashlib.sha256(DEV_SALT + text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < DEV_PERCENT


def _germeval_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Yield each sentence of the GermEval TSV as a list of (token, outer tag)."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if sentence:
                    yield sentence
                sentence = []
                continue
            columns = line.split("\t")
            if len(columns) < 3:
                raise ValueError(f"malformed GermEval line: {line!r}")
            sentence.append((columns[1], columns[2]))
    if sentence:
        yield sentence


def _map_germeval_tag(tag: str) -> tuple[str, str | None]:
    """Map an outer GermEval tag to (B/I/O, label or None); OTH, *deriv and *part become O."""
    if tag == "O" or "-" not in tag:
        return "O", None
    prefix, kind = tag.split("-", 1)
    label = GERMEVAL_LABELS.get(kind)  # "LOCderiv", "ORGpart", "OTH" ... are not keys
    if label is None:
        return "O", None
    return prefix, label


def germeval_examples(path: Path = GERMEVAL_TSV) -> Iterator[Example]:
    """Re-join GermEval tokens into text with exact character offsets for the mapped entities."""
    for sentence in _germeval_sentences(path):
        text = ""
        spans: list[tuple[int, int, str]] = []
        open_span: tuple[int, str] | None = None
        end_of_previous = 0
        previous_token: str | None = None
        for token, tag in sentence:
            prefix, label = _map_germeval_tag(tag)
            continues = prefix == "I" and open_span is not None and open_span[1] == label
            if open_span is not None and not continues:
                spans.append((open_span[0], end_of_previous, open_span[1]))
                open_span = None
            if previous_token is not None and token not in NO_SPACE_BEFORE and previous_token not in NO_SPACE_AFTER:
                text += " "
            start = len(text)
            text += token
            if label is not None and not continues:
                open_span = (start, label)  # B-, or an I- without a matching open entity
            end_of_previous = len(text)
            previous_token = token
        if open_span is not None:
            spans.append((open_span[0], end_of_previous, open_span[1]))
        yield Example(text, tuple(spans))


def _read_brat(ann_path: Path) -> list[tuple[int, int, str]]:
    """Return the mapped (start, end, label) text-bound annotations of one BRAT .ann file."""
    spans: list[tuple[int, int, str]] = []
    for raw in ann_path.read_text(encoding="utf-8").splitlines():
        if not raw.startswith("T"):
            continue
        _, info, surface = raw.split("\t", 2)
        kind, offsets = info.split(" ", 1)
        label = MEDDOCAN_LABELS.get(kind)
        if label is None or ";" in offsets:  # discontinuous spans do not occur; skip if they do
            continue
        start, end = (int(value) for value in offsets.split(" "))
        if kind == "TERRITORIO" and POSTCODE.fullmatch(surface.strip()):
            continue
        spans.append((start, end, label))
    return spans


def meddocan_examples(directory: Path = MEDDOCAN_DIR) -> Iterator[Example]:
    """Split every MEDDOCAN report into its non-blank lines, each with the entities inside it."""
    for txt_path in sorted(directory.glob("*.txt")):
        with txt_path.open(encoding="utf-8", newline="") as handle:  # keep "\r" so BRAT offsets stay exact
            text = handle.read()
        spans = _read_brat(txt_path.with_suffix(".ann"))
        for start, end, _label in spans:
            if "\n" in text[start:end]:
                raise ValueError(f"{txt_path.name}: entity {start}-{end} crosses a line break")
        offset = 0
        for line in text.split("\n"):
            line_end = offset + len(line)
            if line.strip():
                inside = sorted((s - offset, e - offset, label) for (s, e, label) in spans if s >= offset and e <= line_end)
                yield Example(line, tuple(inside))
            offset = line_end + 1


def mention_pool(examples: list[Example], labels: frozenset[str]) -> dict[str, list[str]]:
    """Every mention of the given labels in the examples, per label, in order (repeats kept)."""
    pool: dict[str, list[str]] = {label: [] for label in sorted(labels)}
    for example in examples:
        for start, end, label in example.spans:
            if label in labels and example.text[start:end].strip():
                pool[label].append(example.text[start:end])
    return pool


def replace_mentions(example: Example, pool: dict[str, list[str]], rng: random.Random) -> Example | None:
    """A copy of the example whose every mention of a pooled label is another mention of that label.

    Mention replacement (Dai & Adel 2020, "An Analysis of Simple Data Augmentation for Named
    Entity Recognition"): the context stays, the name changes, so the model learns the context
    of a name rather than the few names it saw. Returns None when nothing would be replaced.
    """
    text, spans, cursor, replaced = "", [], 0, False
    for start, end, label in example.spans:
        text += example.text[cursor:start]
        surface = example.text[start:end]
        if pool.get(label):
            surface = rng.choice(pool[label])
            replaced = True
        spans.append((len(text), len(text) + len(surface), label))
        text += surface
        cursor = end
    text += example.text[cursor:]
    return Example(text, tuple(spans)) if replaced else None


def augment(examples: list[Example], copies: int, labels: frozenset[str], seed: int) -> list[Example]:
    """`copies` mention-replaced copies of each example that holds a mention of `labels`.

    Replacements are drawn from the same examples (the training side only), with a seeded
    generator, so the output is the same on every run.
    """
    pool = mention_pool(examples, labels)
    rng = random.Random(seed)
    extra = []
    for _ in range(copies):
        for example in examples:
            copy = replace_mentions(example, pool, rng)
            if copy is not None:
                extra.append(copy)
    return extra


def to_doc(nlp: Language, example: Example, stats: Counter[str]) -> Doc:
    """Tokenise an example and set its entities; unalignable entities become missing values."""
    doc = nlp.make_doc(example.text)
    entities: list[Span] = []
    missing: list[Span] = []
    for start, end, label in example.spans:
        # Trim surrounding whitespace that some annotations include.
        while start < end and example.text[start].isspace():
            start += 1
        while end > start and example.text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        span = doc.char_span(start, end, label=label)
        stats[f"entities {label}"] += 1
        if span is None:
            stats["misaligned (marked missing)"] += 1
            expanded = doc.char_span(start, end, alignment_mode="expand")
            if expanded is not None:
                missing.append(expanded)
            continue
        entities.append(span)
    kept = filter_spans(entities)
    stats["overlapping entities dropped"] += len(entities) - len(kept)
    kept_tokens = {i for span in kept for i in range(span.start, span.end)}
    missing = [span for span in filter_spans(missing) if not kept_tokens.intersection(range(span.start, span.end))]
    doc.set_ents(kept, missing=missing, default="outside")
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lang", choices=("de", "es"), required=True)
    parser.add_argument("--out", type=Path, required=True, help="directory for train.spacy and dev.spacy")
    parser.add_argument("--augment", type=int, default=0, metavar="K",
                        help="add K mention-replaced copies of each training sentence with a mention (default 0)")
    parser.add_argument("--augment-labels", default="PERSON",
                        help="comma-separated labels whose mentions --augment replaces (default PERSON)")
    parser.add_argument("--seed", type=int, default=0, help="seed of --augment's draws (default 0)")
    args = parser.parse_args(argv)
    augment_labels = frozenset(label.strip() for label in args.augment_labels.split(",") if label.strip())
    unknown = augment_labels - {"PERSON", "ORGANIZATION", "LOCATION"}
    if unknown:
        parser.error(f"--augment-labels: unknown label(s) {', '.join(sorted(unknown))}")

    nlp = spacy.blank(args.lang)
    if args.lang == "es":
        es_tokenizer_tweaks()(nlp)  # the same tokenizer rules es.cfg applies before training
    examples = germeval_examples() if args.lang == "de" else meddocan_examples()
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    stats: Counter[str] = Counter()
    train_examples = []
    for example in examples:
        if is_dev(example.text):
            dev.add(to_doc(nlp, example, stats))
            stats["dev sentences"] += 1
        else:
            train_examples.append(example)
    # The dev side is neither augmented nor drawn from: it stays what finetune.py picks epochs on.
    extra = augment(train_examples, args.augment, augment_labels, args.seed) if args.augment > 0 else []
    for example in train_examples:
        train.add(to_doc(nlp, example, stats))
        stats["train sentences"] += 1
    augment_stats: Counter[str] = Counter()  # the copies' entities are not counted with the originals
    for example in extra:
        train.add(to_doc(nlp, example, augment_stats))
        stats["train sentences, augmented copies"] += 1
    args.out.mkdir(parents=True, exist_ok=True)
    train.to_disk(args.out / "train.spacy")
    dev.to_disk(args.out / "dev.spacy")
    for key in sorted(stats):
        print(f"{key}: {stats[key]}")
    print(f"wrote {args.out / 'train.spacy'} and {args.out / 'dev.spacy'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
