"""Average the NER weights of several fine-tuning runs of one base into one pipeline (a "model soup").

What: loads pipelines that ``finetune.py`` wrote from the same base with different ``--seed``
values, sets every weight of the first one's ``ner`` component to the mean over all of them,
scores the result on the training side's held-out dev split (``prepare.py``'s ``dev.spacy``, never
``ner-dev``) beside each run, and saves it in the same form as ``finetune.py`` (no base vectors,
no string table; ``meta.json`` names the runs).

Why: runs that start from the same pretrained weights and differ only in the order of their
batches and their dropout masks end in one basin of the loss, so their mean is itself a good
model and usually a better one than each (Wortsman et al. 2022, "Model soups"). For German the
seed alone moves PERSON F1 by several points; the mean of the runs removes that lottery at no
cost when the pipeline runs (one model, the same size and speed).

Usage (after ``finetune.py --seed 0 … --seed 4`` into /tmp/nertrain/de_s0 … de_s4)::

    OMP_NUM_THREADS=1 python models/ner/soup.py --lang de --data /tmp/nertrain/de \\
        --out classifier/pii/ner_models/de_leakcensus_ner /tmp/nertrain/de_s0 … /tmp/nertrain/de_s4
"""

from __future__ import annotations

import argparse
import json
import shutil
import warnings
from pathlib import Path

import numpy
import spacy
from finetune import LABELS, load_examples, without_base_vocabulary  # models/ner: this script's own folder
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from thinc.api import Model

from classifier.pii.engine import VECTORS_FROM_KEY, attach_vectors


def load_run(path: Path) -> Language:
    nlp = spacy.load(path)
    if (base := nlp.meta.get(VECTORS_FROM_KEY)) is not None:
        attach_vectors(nlp, base)
    return nlp


def ner_layers(nlp: Language) -> list[Model]:  # type: ignore[type-arg]  # thinc's Model is generic in its in/out types
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    return list(ner.model.walk())


def average_into(target: Language, others: list[Language]) -> int:
    """Set each NER weight of ``target`` to the mean of it and the same weight in ``others``; return how many."""
    walks = [ner_layers(nlp) for nlp in (target, *others)]
    if len({len(walk) for walk in walks}) != 1:
        raise SystemExit("the runs do not share one architecture")
    averaged = 0
    for nodes in zip(*walks, strict=True):
        for name in nodes[0].param_names:
            if not nodes[0].has_param(name):
                continue
            values = [node.get_param(name) for node in nodes]
            if any(value.shape != values[0].shape for value in values):
                raise SystemExit(f"{nodes[0].name}.{name}: shapes differ between runs")
            nodes[0].set_param(name, numpy.mean(values, axis=0).astype(values[0].dtype))
            averaged += 1
    return averaged


def dev_f(nlp: Language, data: Path, lang: str) -> float:
    return float(nlp.evaluate(load_examples(nlp, data / "dev.spacy", LABELS[nlp.meta["sources"][0]["name"]], lang))["ents_f"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--data", type=Path, required=True, help="prepare.py's --out (its dev.spacy scores each run)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("runs", nargs="+", type=Path, help="finetune.py outputs of one base")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message=r".*\[W030\]")  # misaligned spans, as in finetune.py
    runs = [load_run(path) for path in args.runs]
    if len({json.dumps(nlp.meta["sources"][0]) for nlp in runs}) != 1:
        raise SystemExit("the runs start from different bases")
    ingredients = []
    for path, nlp in zip(args.runs, runs, strict=True):
        training = nlp.meta["leakcensus_training"]
        ingredients.append({"seed": training["seed"], "epoch": training["epoch"], "dev_f": round(dev_f(nlp, args.data, args.lang), 4)})
        print(json.dumps({"run": str(path), **ingredients[-1]}), flush=True)
    soup = runs[0]
    count = average_into(soup, runs[1:])
    soup_f = dev_f(soup, args.data, args.lang)
    print(json.dumps({"soup_of": len(runs), "weights_averaged": count, "dev_f": round(soup_f, 4)}), flush=True)
    soup.meta["description"] += f"; the mean of {len(runs)} such runs' weights (models/ner/soup.py)"
    soup.meta["leakcensus_training"] = {**soup.meta["leakcensus_training"], "seed": None, "epoch": None,
                                        "dev_f": round(soup_f, 4), "soup": ingredients}
    if args.out.exists():
        shutil.rmtree(args.out)
    vectors_from = soup.meta.get(VECTORS_FROM_KEY)
    soup.to_disk(args.out)
    if vectors_from is not None:
        without_base_vocabulary(args.out / "vocab")


if __name__ == "__main__":
    main()
