"""Document -> ranked business categories with scores and the names of the cues that fired.

The cues and weights are data (`classifier/categories/categories.json`, see `model.py`); `cues.py`
turns a document into cue features and this module scores them. Signals are cue
names from the model (`phrase:purchase_order`, `header:qty`, `email_headers`,
`shape:line_items`), never text from the document.

With the fitted scorer the first category is the document's primary kind (an
email about an order is first `correspondence`); the others follow by score,
each listed when the probability that it applies reaches the model's threshold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from classifier.categories.cues import CueVector, cue_vector
from classifier.categories.model import (
    MODEL_PATH,
    CategoryModel,
    FittedHeads,
    LinearHead,
    load_category_model,
    sigmoid,
)
from classifier.records import CategoryScore, Extracted, Findings

__all__ = ["MODEL_PATH", "CategoryModel", "category_scores", "load_category_model", "rank", "tag_categories"]

MAX_SIGNALS = 8
NO_CUE = "no_cue"
OTHER = "other"


def tag_categories(extracted: Extracted, findings: Findings, model: CategoryModel) -> tuple[CategoryScore, ...]:
    return rank(cue_vector(extracted, findings, model.lexicon), model)


def rank(cues: CueVector, model: CategoryModel) -> tuple[CategoryScore, ...]:
    if not cues.has_text and not cues.features:
        return ()
    if model.scorer == "fitted" and model.fitted is not None:
        return _rank_fitted(cues, model.taxonomy, model.fitted)
    return _rank_rules(cues, model)


def category_scores(cues: CueVector, model: CategoryModel) -> dict[str, float]:
    """Every category's score, listed or not (for calibration checks): a probability with the fitted scorer."""
    if model.scorer == "fitted" and model.fitted is not None:
        probability = _membership(cues.features, model.taxonomy, model.fitted)
        return {c: probability.get(c, 0.0) for c in model.taxonomy}
    return {c: 1 - math.exp(-sum(w for _, w in LinearHead(0.0, model.rules.weights.get(c, {})).contributions(cues.features)))
            for c in model.taxonomy}


def _signals(cues: CueVector, contributions: list[tuple[str, float]]) -> tuple[str, ...]:
    """Cue names of the strongest features, taken in turns so that one feature's many phrases do not
    crowd out the other kinds of evidence (a heading, a table shape)."""
    queues = [list(cues.evidence.get(feature, (feature.lower(),))) for feature, _ in contributions]
    names: list[str] = []
    while len(names) < MAX_SIGNALS and any(queues):
        for queue in queues:
            if queue and len(names) < MAX_SIGNALS:
                name = queue.pop(0)
                if name not in names:
                    names.append(name)
    return tuple(names)


def _membership(features: Mapping[str, float], taxonomy: tuple[str, ...], heads: FittedHeads) -> dict[str, float]:
    """Probability that each category applies; "other" (none of the above) is the chance that no named one does."""
    probability = {c: sigmoid(heads.membership[c].logit(features)) for c in taxonomy if c in heads.membership}
    if OTHER in taxonomy and OTHER not in heads.membership:
        probability[OTHER] = math.prod(1 - p for p in probability.values())
    return probability


def _rank_fitted(cues: CueVector, taxonomy: tuple[str, ...], heads: FittedHeads) -> tuple[CategoryScore, ...]:
    features = cues.features
    probability = _membership(features, taxonomy, heads)
    primary_logits = {c: heads.primary[c].logit(features) for c in taxonomy if c in heads.primary}
    # "other" excludes the rest, so it is listed only as the primary category.
    listed = [c for c in taxonomy if c != OTHER and probability.get(c, 0.0) >= heads.threshold]
    if cues.has_text and primary_logits:
        best = max(primary_logits, key=lambda c: (primary_logits[c], -taxonomy.index(c)))
        listed = [best, *sorted((c for c in listed if c != best), key=lambda c: (-probability[c], c))]
    else:
        listed.sort(key=lambda c: (-probability[c], c))
    return tuple(
        CategoryScore(c, probability.get(c, 0.0), _category_signals(cues, heads.membership.get(c), heads.primary.get(c)))
        for c in listed
    )


def _category_signals(cues: CueVector, membership: LinearHead | None, primary: LinearHead | None) -> tuple[str, ...]:
    for head in (membership, primary):
        if head is not None:
            found = _signals(cues, head.contributions(cues.features))
            if found:
                return found
    return (NO_CUE,)


def _rank_rules(cues: CueVector, model: CategoryModel) -> tuple[CategoryScore, ...]:
    scored: list[CategoryScore] = []
    for category in model.taxonomy:
        weights: Mapping[str, float] = model.rules.weights.get(category, {})
        head = LinearHead(0.0, weights)
        contributions = head.contributions(cues.features)
        evidence = sum(c for _, c in contributions)
        score = 1 - math.exp(-evidence)
        if score >= model.rules.min_score:
            scored.append(CategoryScore(category, score, _signals(cues, contributions)))
    ranked = sorted(scored, key=lambda c: (-c.score, c.id))
    if not ranked and cues.has_text:
        return (CategoryScore("other", 0.5, (NO_CUE,)),)
    return tuple(ranked)
