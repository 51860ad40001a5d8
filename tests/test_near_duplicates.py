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


def test_banding_is_datasketchs_lsh_for_our_threshold() -> None:
    """The fixed bands give the candidates datasketch's MinHashLSH (which picks its bands by
    numerical integration) gives, over documents edited by every amount."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from classifier.near_duplicates import BANDS, NUM_PERM, ROWS_PER_BAND, SCHEME, THRESHOLD

    reference = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (reference.b, reference.r) == (BANDS, ROWS_PER_BAND)
    index = NearDuplicateIndex()
    base = text(11)
    edits = [edited(base, changes, seed=changes) for changes in range(0, 40)] + [text(seed) for seed in range(20, 30)]
    agreed_with_a_candidate = 0
    for number, document in enumerate(edits):
        near = signature(document, TEST_KEY)
        assert near is not None
        sha = f"{number:064x}"
        minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.array(near, dtype=np.uint32))
        expected = set(reference.query(minhash))
        reference.insert(sha, minhash)
        _, found = index.add(sha, f"doc{number}", near)
        assert set(found) == expected
        agreed_with_a_candidate += bool(expected)
    assert 5 < agreed_with_a_candidate < len(edits) - 5  # both outcomes were exercised


def test_signatures_are_datasketchs_minhash_value_for_value() -> None:
    """Signatures are computed here, not by datasketch (whose import costs each worker scipy, and
    which draws its permutations again for every document); catalogued signatures were made by
    datasketch 2's MinHash, so the two must agree exactly, over short and long texts."""
    import hashlib
    import hmac

    from datasketch import MinHash

    from classifier.near_duplicates import NUM_PERM, SCHEME, shingles_of

    def keyed_hash(shingle: bytes) -> int:
        return int.from_bytes(hmac.digest(TEST_KEY, shingle, hashlib.sha256)[:4], "little")

    for seed, words in [(1, 24), (2, 400), (3, 5_000), (4, 60_000)]:
        document = text(seed, words)
        reference = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=keyed_hash)
        reference.update_batch(shingles_of(document))
        near = signature(document, TEST_KEY)
        assert near is not None
        assert near == tuple(int(v) for v in reference.hashvalues)
        assert len(set(near)) > NUM_PERM // 2  # not a degenerate signature
