"""Copy a pipeline trained with `spacy train` (es.cfg, de.cfg) into the package, ready to load.

What: copies `model-best` to `--out`, clears the training-only tokenizer callback of es.cfg
(`[initialize.before_init]`: its rules are already saved in the pipeline's `tokenizer` file, and
loading must not need `es_tokenizer.py`), and writes the name, version, licence and sources into
`meta.json`. finetune.py writes its own meta and needs no packaging.

    python models/ner/package.py --lang es --model /tmp/nertrain/es/out/model-best --out classifier/pii/ner_models/es_leakcensus_ner
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

DATA = {
    "de": ("GermEval 2014 development split", "CC BY 4.0", "https://sites.google.com/site/germeval2014ner/data"),
    "es": ("MEDDOCAN training split (PlanTL-GOB-ES/SPACCC_MEDDOCAN)", "CC BY 4.0",
           "https://github.com/PlanTL-GOB-ES/SPACCC_MEDDOCAN"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=sorted(DATA), required=True)
    parser.add_argument("--model", type=Path, required=True, help="spacy train's model-best")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(args.model, args.out)
    config = args.out / "config.cfg"
    text = config.read_text("utf-8")
    text = re.sub(r"\[initialize\.before_init\]\n(?:[^\[\n][^\n]*\n)*", "", text)
    text = re.sub(r"(?m)^(\[initialize\](?:\n[^\[\n][^\n]*)*?\n)", r"\1before_init = null\n", text, count=1) \
        if "before_init" not in text else text
    config.write_text(text, "utf-8")
    name, licence, url = DATA[args.lang]
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta.update({
        "name": "leakcensus_ner", "version": "0.1.0",
        "description": f"NER (PERSON, ORGANIZATION, LOCATION) for {args.lang} text, trained from scratch on {name}",
        "license": f"{licence} (training data: {name})",
        "sources": [{"name": name, "url": url, "license": licence}],
    })
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
