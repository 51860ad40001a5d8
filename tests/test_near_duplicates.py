from __future__ import annotations

import random

from classifier.near_duplicates import NearDuplicateIndex, count_clusters, signature
from tests.conftest import TEST_KEY

WORDS = [
    "order", "quantity", "price", "delivery", "customer", "invoice", "contract", "meeting", "budget", "server",
    "network", "proposal", "review", "account", "region", "forecast", "pipeline", "quarter", "signed", "terms",
]


def text(seed: int, words: int = 400) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(words))


def edited(original: str, changes: int, seed: int) -> str:
    rng = random.Random(seed)
    words = original.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = "edited"
    return " ".join(words)


def test_small_edits_are_near_duplicates_and_other_texts_are_not() -> None:
    index = NearDuplicateIndex()
    base = text(1)
    assert index.add("a" * 64, "offer.docx", signature(base, TEST_KEY)) == (None, ())
    assert index.add("b" * 64, "offer-v2.docx", signature(edited(base, 3, 7), TEST_KEY)) == ("offer.docx", ("a" * 64,))
    assert index.add("c" * 64, "unrelated.docx", signature(text(2), TEST_KEY)) == (None, ())
    # A heavily rewritten document is a different document.
    assert index.add("d" * 64, "rewrite.docx", signature(edited(base, 150, 8), TEST_KEY)) == (None, ())


def test_short_texts_get_no_signature_and_keys_change_signatures() -> None:
    assert signature("Thanks, see you Monday.", TEST_KEY) is None
    long_text = text(3)
    assert signature(long_text, TEST_KEY) != signature(long_text, b"another key of thirty-two bytes!")


def test_clusters_count_connected_groups() -> None:
    assert count_clusters([("a", "b"), ("b", "c"), ("d", "e")]) == (2, 5)
    assert count_clusters([]) == (0, 0)
