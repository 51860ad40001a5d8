"""Fits the category model's weights on the training templates and writes them into classifier/categories/categories.json.

    .venv/bin/python -m category_corpus.fit [--seed 11] [--model classifier/categories/categories.json] [--dry-run]

1. Writes the *training* split of the category corpus (documents of held-out and blind
   templates are never written, read or scored here) and runs every file through the real pipeline
   (sniff, extract, language, PII findings) to get its cue features (classifier.categories.cues).
2. Template-grouped cross-validation on the training templates: fold k holds out the k-th
   training template of every category. It picks the L2 strength (best out-of-fold top-1
   accuracy, then lowest log loss) and a temperature for the membership head that makes
   out-of-fold probabilities calibrated on unseen templates.
3. Fits on all training templates with that strength, divides the weights by the temperatures,
   and writes the `fitted` section of the model file. The lexicon and rule weights are left as
   they are. `scorer` becomes `fitted` only when the fitted model's out-of-fold top-1 accuracy
   and macro-F1 are at least those of the rules on the same training templates.

Two heads, both plain logistic regression by full-batch gradient descent (numpy; no scikit-learn):
`membership`, one binary model per category on all labels (multi-label: score = probability the
category applies), and `primary`, a multinomial model on the first label (which category comes first).
The same seed and the same lexicon give the same file.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from benchmarks.category_eval import LabelledCues, Scores, build_analyzer, score, write_and_featurise
from category_corpus.build import DEFAULT_SEED
from category_corpus.registry import CATEGORIES
from classifier.categories.model import MODEL_PATH, LinearHead, fitted_from_json, model_from_json

Matrix = NDArray[np.float64]
L2_GRID = (3.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001)
ITERATIONS = 3000
TEMPERATURES = tuple(float(t) for t in np.exp(np.linspace(math.log(0.1), math.log(10.0), 161)))
THRESHOLD = 0.5
OTHER = "other"
# "other" means none of the above: its membership is the probability that no other category applies
# (computed by the tagger), so only the 15 named categories get a membership head.
NAMED = tuple(c for c in CATEGORIES if c != OTHER)


# --------------------------------------------------------------------------- logistic regression


def design(items: Sequence[LabelledCues], features: Sequence[str]) -> Matrix:
    index = {name: i for i, name in enumerate(features)}
    x = np.zeros((len(items), len(features) + 1))
    for row, item in enumerate(items):
        for name, value in item.cues.features.items():
            if name in index:
                x[row, index[name]] = value
        x[row, -1] = 1.0  # bias
    return x


def _sigmoid(z: Matrix) -> Matrix:
    out: Matrix = 0.5 * (1.0 + np.tanh(0.5 * z))
    return out


def _softmax(z: Matrix) -> Matrix:
    shifted = np.exp(z - z.max(axis=1, keepdims=True))
    out: Matrix = shifted / shifted.sum(axis=1, keepdims=True)
    return out


def _descend(x: Matrix, targets: Matrix, prior: Matrix, l2: float, multinomial: bool) -> Matrix:
    """Nesterov-accelerated gradient descent with step 1/L: the loss is smooth and convex.

    The L2 penalty pulls the weights towards `prior` (the hand-set rule weights), not towards zero:
    with little evidence the fit keeps the rules, and the data moves only what it can support.
    """
    n = x.shape[0]
    curvature = 0.5 if multinomial else 0.25
    lipschitz = curvature * float(np.linalg.norm(x, 2)) ** 2 / n + l2
    theta = prior.copy()
    previous = theta.copy()
    for step in range(1, ITERATIONS + 1):
        look = theta + (step - 1) / (step + 2) * (theta - previous)
        z = x @ look
        predicted = _softmax(z) if multinomial else _sigmoid(z)
        gradient = x.T @ (predicted - targets) / n + l2 * (look - prior)
        previous, theta = theta, look - gradient / lipschitz
    return theta


@dataclass(frozen=True)
class Prior:
    """The rules written as the two heads: what the fit starts from and is pulled back towards."""

    membership: Matrix
    primary: Matrix


def rule_prior(rules: Mapping[str, Mapping[str, float]], min_score: float, features: Sequence[str]) -> Prior:
    # The rules list a category when 1 - exp(-evidence) >= min_score, i.e. evidence >= `cut`, and say
    # "other" when none does: as logits, evidence - cut for membership, and a constant `cut` for "other".
    cut = -math.log(1 - min_score)

    def weights(categories: Sequence[str], bias: Callable[[str], float]) -> Matrix:
        matrix = np.zeros((len(features) + 1, len(categories)))
        for k, category in enumerate(categories):
            for i, name in enumerate(features):
                matrix[i, k] = rules.get(category, {}).get(name, 0.0)
            matrix[-1, k] = bias(category)
        return matrix

    return Prior(weights(NAMED, lambda c: -cut), weights(CATEGORIES, lambda c: cut if c == OTHER else 0.0))


def membership_targets(items: Sequence[LabelledCues]) -> Matrix:
    y = np.zeros((len(items), len(NAMED)))
    for row, item in enumerate(items):
        for label in item.document.labels:
            if label in NAMED:
                y[row, NAMED.index(label)] = 1.0
    return y


def primary_targets(items: Sequence[LabelledCues]) -> Matrix:
    y = np.zeros((len(items), len(CATEGORIES)))
    for row, item in enumerate(items):
        y[row, CATEGORIES.index(item.document.primary)] = 1.0
    return y


@dataclass(frozen=True)
class Fit:
    membership: Matrix  # (features + 1) x categories, last row the bias
    primary: Matrix


PRIOR_SCALES = tuple(float(s) for s in np.exp(np.linspace(0.0, math.log(12.0), 61)))


def scaled(x: Matrix, targets: Matrix, prior: Matrix, multinomial: bool) -> Matrix:
    """The rules at the scale the training data supports: hand weights say which cues matter and how
    much relative to each other, not how confident a logistic model should be. Centering the penalty on
    the scaled rules keeps a cue that no training document shows at its rule weight *relative* to the rest."""
    loss = _multinomial_log_loss if multinomial else _binary_log_loss
    best = min(PRIOR_SCALES, key=lambda s: loss(x @ (s * prior), targets))
    return best * prior


def fit(items: Sequence[LabelledCues], features: Sequence[str], prior: Prior, l2: float) -> Fit:
    x = design(items, features)
    membership, primary = membership_targets(items), primary_targets(items)
    return Fit(_descend(x, membership, scaled(x, membership, prior.membership, False), l2, False),
               _descend(x, primary, scaled(x, primary, prior.primary, True), l2, True))


def _binary_log_loss(z: Matrix, y: Matrix) -> float:
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def _multinomial_log_loss(z: Matrix, y: Matrix) -> float:
    top = z.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(z - top).sum(axis=1)) + top[:, 0]
    return float(np.mean(log_sum - (z * y).sum(axis=1)))


# --------------------------------------------------------------------------- template-grouped cross-validation


def template_folds(items: Sequence[LabelledCues]) -> list[int]:
    """Fold of each document: the position of its template among its category's training templates."""
    positions: dict[str, dict[str, int]] = defaultdict(dict)
    for item in items:
        seen = positions[item.document.primary]
        seen.setdefault(item.document.template, len(seen))
    return [positions[item.document.primary][item.document.template] for item in items]


@dataclass(frozen=True)
class OutOfFold:
    l2: float
    membership: Matrix  # logits, documents x categories
    primary: Matrix

    def primary_accuracy(self, items: Sequence[LabelledCues]) -> float:
        truth = np.argmax(primary_targets(items), axis=1)
        return float(np.mean(np.argmax(self.primary, axis=1) == truth))

    def log_loss(self, items: Sequence[LabelledCues]) -> float:
        return _binary_log_loss(self.membership, membership_targets(items)) + _multinomial_log_loss(
            self.primary, primary_targets(items))


def out_of_fold(items: Sequence[LabelledCues], features: Sequence[str], prior: Prior, l2: float) -> OutOfFold:
    folds = template_folds(items)
    x = design(items, features)
    membership = np.zeros((len(items), len(NAMED)))
    primary = np.zeros((len(items), len(CATEGORIES)))
    for fold in sorted(set(folds)):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        fitted = fit([items[i] for i in train], features, prior, l2)
        membership[test] = x[test] @ fitted.membership
        primary[test] = x[test] @ fitted.primary
    return OutOfFold(l2, membership, primary)


def temperature(logits: Matrix, targets: Matrix) -> float:
    return min(TEMPERATURES, key=lambda t: _binary_log_loss(logits / t, targets))


# --------------------------------------------------------------------------- the model file


def heads_json(theta: Matrix, categories: Sequence[str], features: Sequence[str], scale: float) -> dict[str, Any]:
    return {
        category: LinearHead(float(theta[-1, k]) / scale,
                             {name: float(theta[i, k]) / scale for i, name in enumerate(features)}).to_json()
        for k, category in enumerate(categories)
    }


def fitted_section(final: Fit, features: Sequence[str], t_membership: float, t_primary: float) -> dict[str, Any]:
    return {"threshold": THRESHOLD, "membership": heads_json(final.membership, NAMED, features, t_membership),
            "primary": heads_json(final.primary, CATEGORIES, features, t_primary)}


def scores_out_of_fold(items: Sequence[LabelledCues], raw: dict[str, Any], features: Sequence[str], prior: Prior,
                       l2: float, t_membership: float, t_primary: float) -> Scores:
    """The fitted scorer's metrics on each fold's unseen templates, through the tagger's own ranking code."""
    folds = template_folds(items)
    base = model_from_json({**raw, "fitted": None, "scorer": "rules"})
    parts = []
    for fold in sorted(set(folds)):
        train = [items[i] for i, f in enumerate(folds) if f != fold]
        test = [items[i] for i, f in enumerate(folds) if f == fold]
        heads = fitted_from_json(fitted_section(fit(train, features, prior, l2), features, t_membership, t_primary))
        parts.append(score(test, replace(base, fitted=heads, scorer="fitted")))
    return merge_scores(parts)


def merge_scores(parts: Sequence[Scores]) -> Scores:
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    for part in parts:
        for key, n in part.confusion.items():
            confusion[key] += n
    documents = sum(p.documents for p in parts)
    correct = sum(n for (t, p), n in confusion.items() if t == p)
    per_category = {}
    for c in CATEGORIES:
        tp = confusion[(c, c)]
        fp = sum(n for (t, p), n in confusion.items() if p == c and t != c)
        fn = sum(n for (t, p), n in confusion.items() if t == c and p != c)
        per_category[c] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    weight = [p.documents / documents for p in parts]
    return Scores(
        documents=documents, top1=correct / documents, macro_f1=sum(per_category.values()) / len(per_category),
        per_category_f1=per_category, micro_f1=sum(w * p.micro_f1 for w, p in zip(weight, parts, strict=True)),
        ece=sum(w * p.ece for w, p in zip(weight, parts, strict=True)),
        brier=sum(w * p.brier for w, p in zip(weight, parts, strict=True)),
        confusion=dict(confusion), per_template={t: v for p in parts for t, v in p.per_template.items()},
        empty=sum(p.empty for p in parts),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = parser.parse_args(argv)
    raw: dict[str, Any] = json.loads(args.model.read_text("utf-8"))
    rules_model = model_from_json({**raw, "fitted": None, "scorer": "rules"})
    written = write_and_featurise(build_analyzer(), "train", args.seed, rules_model.lexicon)
    # A file the pipeline cannot read (no extractor for its type) gets no category whatever the weights:
    # it says nothing about them. The evaluation still counts such files as misses.
    items = [item for item in written if item.cues.has_text or item.cues.features]
    unread = sorted({item.document.template for item in written if not (item.cues.has_text or item.cues.features)})
    if unread:
        print(f"left out {len(written) - len(items)} unreadable training documents (templates: {', '.join(unread)})")
    # Cues no training document shows still get their (scaled) rule weight: they must be in the design.
    ruled = {name for weights in rules_model.rules.weights.values() for name in weights}
    features = sorted({name for item in items for name in item.cues.features} | ruled)
    templates = sorted({item.document.template for item in items})
    print(f"{len(items)} training documents from {len(templates)} templates, {len(features)} cue features")

    prior = rule_prior(rules_model.rules.weights, rules_model.rules.min_score, features)
    candidates = [out_of_fold(items, features, prior, l2) for l2 in L2_GRID]
    for candidate in candidates:
        print(f"  l2 {candidate.l2:<6} out-of-fold top-1 {candidate.primary_accuracy(items):.3f}  "
              f"log loss {candidate.log_loss(items):.4f}")
    best = max(candidates, key=lambda c: (round(c.primary_accuracy(items), 3), -c.log_loss(items)))
    t_membership = temperature(best.membership, membership_targets(items))
    # The primary head only orders (its argmax comes first) and scaling its logits changes no argmax.
    t_primary = 1.0
    print(f"chosen l2 {best.l2}, membership temperature {t_membership:.3f}")

    fitted_cv = scores_out_of_fold(items, raw, features, prior, best.l2, t_membership, t_primary)
    misses = [f"{t} {ok}/{n}" for t, (ok, n) in fitted_cv.per_template.items() if ok < n]
    print("out-of-fold misses by template: " + (", ".join(misses) or "none"))
    rules = score(items, rules_model)
    print(f"template cross-validation, fitted: top-1 {fitted_cv.top1:.3f}, macro-F1 {fitted_cv.macro_f1:.3f}, "
          f"micro-F1 {fitted_cv.micro_f1:.3f}, ECE {fitted_cv.ece:.3f}")
    print(f"rules on the same training templates: top-1 {rules.top1:.3f}, macro-F1 {rules.macro_f1:.3f}, "
          f"micro-F1 {rules.micro_f1:.3f}, ECE {rules.ece:.3f}")
    use_fitted = fitted_cv.top1 >= rules.top1 and fitted_cv.macro_f1 >= rules.macro_f1
    final = fit(items, features, prior, best.l2)
    section = fitted_section(final, features, t_membership, t_primary)
    section["fit"] = {
        "command": "python -m category_corpus.fit" + (f" --seed {args.seed}" if args.seed != DEFAULT_SEED else ""),
        "corpus": f"category_corpus, seed {args.seed}, training templates only",
        "documents": len(items), "templates": templates, "l2": best.l2,
        "membership_temperature": round(t_membership, 4),
        "cross_validation": {"top1": round(fitted_cv.top1, 4), "macro_f1": round(fitted_cv.macro_f1, 4),
                             "micro_f1": round(fitted_cv.micro_f1, 4), "ece": round(fitted_cv.ece, 4)},
        "rules_on_training_templates": {"top1": round(rules.top1, 4), "macro_f1": round(rules.macro_f1, 4),
                                        "micro_f1": round(rules.micro_f1, 4), "ece": round(rules.ece, 4)},
    }
    raw["fitted"] = section
    raw["scorer"] = "fitted" if use_fitted else "rules"
    print(f"scorer: {raw['scorer']}")
    if not args.dry_run:
        model_from_json(raw)  # refuse to write a file the tagger cannot load
        args.model.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {args.model}")


if __name__ == "__main__":
    main()
