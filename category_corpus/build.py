"""Writes the labelled corpus of the category tagger: real files from the templates of category_corpus.templates.

    python -m category_corpus.build --out DIR [--seed 11] [--split all|train|held_out|blind]

Writes DIR/<template>/<n>.<ext> (DOCX, XLSX, PDF, EML, PPTX, CSV, JSON, HTML, XML, RTF, source code, config and text
files, written with the same libraries as sample_data.generate) and DIR/labels.json: per document its template,
language, labels (the first is the primary category), whether its template is held out from fitting and whether it
is blind. Each template writes six documents, alternating between its two languages, each drawing names, companies,
amounts, items and optional sentences from its own seeded random source: the same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from category_corpus.common import Ctx, Template
from category_corpus.registry import templates

DOCS_PER_TEMPLATE = 6
DEFAULT_SEED = 11
SPLITS = ("all", "train", "held_out", "blind")


def in_split(spec: Template, split: str) -> bool:
    """"all": every template; otherwise those whose `split` is the one asked for."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    return split == "all" or spec.split == split


@dataclass(frozen=True)
class CorpusDocument:
    path: str  # relative to the corpus root
    template: str
    labels: tuple[str, ...]  # the primary category first
    language: str
    held_out: bool  # never fitted on: a held-out or a blind template's
    blind: bool = False

    @property
    def primary(self) -> str:
        return self.labels[0]

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "template": self.template, "labels": list(self.labels), "language": self.language,
                "held_out": self.held_out, "blind": self.blind}


def build_document(spec: Template, number: int, seed: int) -> tuple[CorpusDocument, bytes]:
    language = spec.languages[number % len(spec.languages)]
    rng = random.Random(f"{seed}:{spec.id}:{number}")
    day = date(2018, 1, 8) + timedelta(days=rng.randrange(5 * 365))
    built = spec.build(Ctx(rng, language, day, money_style=rng.randrange(12)))
    labels = tuple(dict.fromkeys((*spec.labels, *built.extra_labels)))
    path = f"{spec.id}/{number:02d}-{language}{spec.suffix}"
    return CorpusDocument(path, spec.id, labels, language, spec.held_out, spec.blind), built.data


def write_corpus(out: Path, seed: int = DEFAULT_SEED, split: str = "all") -> list[CorpusDocument]:
    """Writes the documents of the split (see `in_split`) under `out`; returns their labels."""
    documents: list[CorpusDocument] = []
    for spec in templates():
        if not in_split(spec, split):
            continue
        for number in range(DOCS_PER_TEMPLATE):
            document, data = build_document(spec, number, seed)
            target = out / document.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            documents.append(document)
    labels = {"seed": seed, "split": split, "documents": [d.to_json() for d in documents]}
    (out / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return documents


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the labelled corpus of the category tagger.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args(argv)
    shutil.rmtree(args.out, ignore_errors=True)
    documents = write_corpus(args.out, args.seed, args.split)
    held, blind = sum(d.held_out and not d.blind for d in documents), sum(d.blind for d in documents)
    print(f"wrote {len(documents)} documents ({held} from held-out templates, {blind} from blind ones) to {args.out}")


if __name__ == "__main__":
    main()
