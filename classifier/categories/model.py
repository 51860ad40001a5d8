"""The category model as loaded from `categories.json` beside this module: lexicon, rule weights, fitted weights.

The file ships inside the package and is read with importlib.resources (as magika ships its
model), so a plain `pip install` of the wheel can tag categories; `models/CATEGORIES.md` is its card.

Two scorers read the same cue features:

- `rules`: hand-set weights, score = 1 - exp(-sum of weights of the cues that fired);
- `fitted`: weights fitted by `category_corpus/fit.py` on the training templates
  of the labelled corpus. A *membership* head gives each category the probability that
  it applies (one logistic regression per category, so several can apply at once); a
  *primary* head (multinomial logistic regression) says which one the document mainly is.

`scorer` in the file picks the one the tagger uses; both stay in the file so that the
evaluation can compare them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from classifier.categories.lexicon import Lexicon, load_lexicon

MODEL_RESOURCE = "categories.json"
# Where the fitting script writes the model: the source tree (an editable install reads it there too).
MODEL_PATH = Path(__file__).resolve().parent / MODEL_RESOURCE
SCORERS = ("fitted", "rules")


@dataclass(frozen=True)
class LinearHead:
    bias: float
    weights: Mapping[str, float]

    def logit(self, features: Mapping[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def contributions(self, features: Mapping[str, float]) -> list[tuple[str, float]]:
        """Features that pushed this head up, strongest first."""
        pushed = [(name, self.weights.get(name, 0.0) * value) for name, value in features.items()]
        return sorted(((name, c) for name, c in pushed if c > 0), key=lambda item: (-item[1], item[0]))

    def to_json(self) -> dict[str, Any]:
        return {"bias": round(self.bias, 4),
                "weights": {name: round(w, 4) for name, w in sorted(self.weights.items()) if round(w, 4) != 0}}

    @staticmethod
    def from_json(raw: Mapping[str, Any]) -> LinearHead:
        return LinearHead(float(raw["bias"]), {str(k): float(v) for k, v in raw["weights"].items()})


@dataclass(frozen=True)
class FittedHeads:
    membership: Mapping[str, LinearHead]
    primary: Mapping[str, LinearHead]
    threshold: float  # a category is listed when its membership probability reaches this


@dataclass(frozen=True)
class RuleWeights:
    weights: Mapping[str, Mapping[str, float]]  # category -> feature -> weight
    min_score: float


@dataclass(frozen=True)
class CategoryModel:
    taxonomy: tuple[str, ...]
    lexicon: Lexicon
    rules: RuleWeights
    fitted: FittedHeads | None
    scorer: str


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    z = math.exp(x)
    return z / (1 + z)


def fitted_from_json(raw: Mapping[str, Any]) -> FittedHeads:
    return FittedHeads(
        membership={c: LinearHead.from_json(h) for c, h in raw["membership"].items()},
        primary={c: LinearHead.from_json(h) for c, h in raw["primary"].items()},
        threshold=float(raw["threshold"]),
    )


def model_from_json(raw: Mapping[str, Any]) -> CategoryModel:
    if raw.get("version") != 2:
        raise ValueError("category model: expected version 2")
    taxonomy = tuple(raw["taxonomy"])
    rules = raw["rules"]
    fitted = fitted_from_json(raw["fitted"]) if raw.get("fitted") else None
    scorer = str(raw.get("scorer", "rules"))
    if scorer not in SCORERS or (scorer == "fitted" and fitted is None):
        raise ValueError(f"category model: scorer {scorer!r} is not available")
    return CategoryModel(
        taxonomy=taxonomy,
        lexicon=load_lexicon(taxonomy, raw["lexicon"], raw["shapes"], raw.get("stop_phrases", {})),
        rules=RuleWeights({c: {f: float(w) for f, w in ws.items()} for c, ws in rules["weights"].items()},
                          float(rules["min_score"])),
        fitted=fitted,
        scorer=scorer,
    )


def load_category_model(path: Path | None = None) -> CategoryModel:
    """The packaged model, or the one at `path` (the evaluation compares candidates)."""
    source = resources.files(__package__).joinpath(MODEL_RESOURCE) if path is None else path
    return model_from_json(json.loads(source.read_text("utf-8")))
