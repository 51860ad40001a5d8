"""The phone recognizer's CPU on real text, and (with --compare-tree) whether an older checkout's
recognizer finds exactly the same numbers and regions on the same texts.

    .venv/bin/python -m benchmarks.phone_matching [--compare-tree /path/to/older/checkout] [--random 20000]

Texts: every `../shared/corpora/ner-dev` and `pii-labelled` text; the `mail`, `contracts` and
`invoices` corpora (files under 1 MB) in 4,000-character pieces; and `--random` synthetic digit
strings with separators, prefixes and phone words (seeded). The comparison runs every text under
eight sets of trusted regions in turn, each recognizer keeping its own state across texts as a
worker does. The timing is one cold pass of each recognizer over the real corpora's pieces with
region US, side by side in one process. Only counts and seconds are printed, never a value.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
REAL = ("mail", "contracts", "invoices")
PIECE = 4000
TRUSTED = (["US"], ["DE"], ["FR", "DE"], ["GB"], ["ES", "FR"], ["IT"], ["BR"], ["AU", "NZ"])


def recognizer_module(tree: Path, name: str) -> ModuleType:
    """phone.py of `tree`, loaded under its own name (the package's other modules are the installed ones)."""
    spec = importlib.util.spec_from_file_location(name, tree / "classifier" / "pii" / "recognizers" / "phone.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def real_pieces() -> list[str]:
    pieces = []
    for name in REAL:
        for path in sorted((CORPORA / name).rglob("*")):
            if path.is_file() and path.stat().st_size < 1_000_000:
                text = path.read_bytes().decode("utf-8", "replace")
                pieces += [text[i : i + PIECE] for i in range(0, len(text), PIECE)]
    return pieces


def labelled_texts() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted((CORPORA / "ner-dev").glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines()]
    research = CORPORA / "pii-labelled" / "generated_small.json"
    return texts + [row["full_text"] for row in json.loads(research.read_text("utf-8"))]


def random_numbers(count: int, seed: int = 5) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(6, 14)))
        groups, i = [], 0
        while i < len(digits):
            step = rnd.randint(1, 4)
            groups.append(digits[i : i + step])
            i += step
        number = rnd.choice(["", "+", "00", "+", "(0)", "0"]) + rnd.choice([" ", "-", ".", "/", "", "(", ")"]).join(groups)
        texts.append(rnd.choice(["Phone: ", "Tel. ", "call ", "Order ", "", "ref ", "mobile +"]) + number
                     + rnd.choice(["", " office", " and 2020-03-10", " / +33 6 12 34 56 78"]))
    return texts


def cold_pass(module: ModuleType, texts: list[str]) -> float:
    recognizer: Any = module.RegionPhoneRecognizer()
    recognizer.set_regions(["US"])
    started = time.process_time()
    for text in texts:
        recognizer.find(text)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare-tree", type=Path, help="an older checkout whose recognizer should find the same")
    parser.add_argument("--random", type=int, default=20_000, help="synthetic digit strings in the comparison")
    args = parser.parse_args(argv)
    if not CORPORA.is_dir():
        sys.exit(f"needs the shared corpora at {CORPORA}")
    current = recognizer_module(REPO, "phone_current")
    older = recognizer_module(args.compare_tree, "phone_older") if args.compare_tree else None
    pieces = real_pieces()
    print(f"real pieces: {len(pieces):,} ({sum(map(len, pieces)):,} characters from {', '.join(REAL)})")
    print(f"phone find, one cold pass, region US: this tree {cold_pass(current, pieces):.2f} CPU-s"
          + (f", {args.compare_tree} {cold_pass(older, pieces):.2f} CPU-s" if older else ""))
    if older is None:
        return
    texts = labelled_texts() + pieces + random_numbers(args.random)
    ours: Any = current.RegionPhoneRecognizer()
    theirs: Any = older.RegionPhoneRecognizer()
    differ = 0
    for index, text in enumerate(texts):
        trusted = TRUSTED[index % len(TRUSTED)]
        ours.set_regions(trusted)
        theirs.set_regions(trusted)
        differ += ours.find(text) != theirs.find(text)
    print(f"same numbers and regions: {len(texts) - differ:,} of {len(texts):,} texts ({differ} differ)")


if __name__ == "__main__":
    main()
