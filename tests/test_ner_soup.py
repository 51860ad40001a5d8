"""models/ner/soup.py: the shipped German pipeline is the mean of several fine-tuning runs' weights.

The averaging runs on real copies of the shipped pipeline (loaded by spaCy from the package's
files); one copy's weights are changed by a known amount so that the mean has a value to check.
"""

from __future__ import annotations

import json
import sys

import numpy
import pytest
import spacy

from classifier.pii.spacy_model import PACKAGED_NER_DIR
from tests.conftest import REPO

GERMAN = PACKAGED_NER_DIR / "de_leakcensus_ner"


@pytest.fixture(scope="module")
def soup():  # type: ignore[no-untyped-def]  # the script module, imported from its folder as it imports finetune
    sys.path.insert(0, str(REPO / "models" / "ner"))
    try:
        import soup as module
    finally:
        sys.path.remove(str(REPO / "models" / "ner"))
    return module


def weights(soup, nlp: spacy.language.Language) -> list[numpy.ndarray]:  # type: ignore[no-untyped-def]
    return [node.get_param(name).copy() for node in soup.ner_layers(nlp)
            for name in node.param_names if node.has_param(name)]


def test_the_mean_of_runs_is_the_mean_of_each_weight(soup) -> None:  # type: ignore[no-untyped-def]
    first, second, third = (spacy.load(GERMAN) for _ in range(3))
    original = weights(soup, first)
    for node in soup.ner_layers(second):
        for name in node.param_names:
            if node.has_param(name):
                node.set_param(name, node.get_param(name) + 3.0)
    averaged = soup.average_into(first, [second, third])
    assert averaged == len(original) > 10
    for before, after in zip(original, weights(soup, first), strict=True):
        numpy.testing.assert_allclose(after, before + 1.0, rtol=0, atol=1e-5)
    # The other runs are read, not changed.
    for before, other in zip(original, weights(soup, third), strict=True):
        numpy.testing.assert_array_equal(before, other)


def test_runs_of_other_shapes_are_refused(soup) -> None:  # type: ignore[no-untyped-def]
    spanish = spacy.load(PACKAGED_NER_DIR / "es_leakcensus_ner", exclude=["tok2vec"])
    with pytest.raises(SystemExit):
        soup.average_into(spacy.load(GERMAN), [spanish])


def test_the_shipped_german_pipeline_names_the_runs_it_averages() -> None:
    training = json.loads((GERMAN / "meta.json").read_text("utf-8"))["leakcensus_training"]
    runs = training["soup"]
    assert [run["seed"] for run in runs] == [0, 1, 2, 3, 4]
    assert all(0.6 < run["dev_f"] < 0.65 and 0 <= run["epoch"] < training["epochs"] for run in runs)
    assert training["seed"] is None and training["epoch"] is None
