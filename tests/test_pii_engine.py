"""Where the PII engine departs from stock Presidio for speed (#20), it must give what Presidio gives."""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from classifier.analyze import DocumentAnalyzer
from classifier.language import letters_at_least
from classifier.pii.tagger import NLP_BATCH_MAX, NLP_BATCH_MIN, nlp_batch_size

TEXTS = [
    "Please call Maria Gonzalez on (425) 555-0143 or write to maria.gonzalez@contoso.com before Friday.",
    "Kontonummer DE89 3704 0044 0532 0130 00, Telefon +49 30 901820, Ansprechpartner: Peter Novak.",
    "Card 4111 1111 1111 1111 expires 04/27; the customer's phone number is 020 7946 0958.",
    "The Supplier shall deliver the Goods to Acme Corp. at 1 Main Street, Springfield, no later than June 1.",
    "Her SSN is 536-22-8491; the server ip is 192.168.10.4 and the bank transfer went to GB82 WEST 1234 5698 7654 32.",
]


def results(analyzer: AnalyzerEngine, text: str, artifacts: object) -> list[tuple[str, int, int, float]]:
    found = analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts)  # type: ignore[arg-type]
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in found)


def test_artifacts_are_presidios_with_lower_cased_lemmas(analyzer: DocumentAnalyzer) -> None:
    engine = analyzer.pii.nlp_engine
    nlp = engine.nlp["en"]  # type: ignore[index]
    for text in TEXTS:
        ours = engine.process_text(text, "en")
        doc = nlp(text)
        for token in doc:
            token.lemma_ = token.lower_  # what the pipeline component did before
        stock = SpacyNlpEngine._doc_to_nlp_artifact(engine, doc, "en")
        assert ours.lemmas == stock.lemmas
        assert ours.tokens_indices == stock.tokens_indices
        assert [(e.start_char, e.end_char, e.label_) for e in ours.entities] == \
            [(e.start_char, e.end_char, e.label_) for e in stock.entities]
        assert ours.scores == stock.scores
        assert "keywords" not in vars(ours)  # not made until read
        assert ours.keywords == stock.keywords and ours.keywords  # then Presidio's own


def test_context_enhanced_in_place_gives_presidios_results(analyzer: DocumentAnalyzer) -> None:
    """Our enhancer skips Presidio's deep copy of the results; the scores it gives must not change."""
    ours = analyzer.pii.analyzer
    stock = AnalyzerEngine(registry=ours.registry, nlp_engine=ours.nlp_engine, supported_languages=["en"],
                           context_aware_enhancer=LemmaContextAwareEnhancer())
    boosted = 0
    for text in TEXTS:
        artifacts = ours.nlp_engine.process_text(text, "en")
        expected = results(stock, text, artifacts)
        assert results(ours, text, artifacts) == expected
        raw = [r for rec in ours.registry.recognizers for r in rec.analyze(text, [], artifacts) or []]
        boosted += sum(1 for r in expected if (r[0], r[1], r[2]) in {(x.entity_type, x.start, x.end) for x in raw}
                       and r[3] > max(x.score for x in raw if (x.entity_type, x.start, x.end) == (r[0], r[1], r[2])))
    assert boosted >= 1  # context raised a score somewhere: the enhancer was exercised


def test_an_enhancer_given_results_returns_them_enhanced_not_copied(analyzer: DocumentAnalyzer) -> None:
    text = "the server ip is 192.168.10.4"
    artifacts = analyzer.pii.nlp_engine.process_text(text, "en")
    ip = next(r for r in analyzer.pii.analyzer.registry.recognizers if "IP_ADDRESS" in r.supported_entities)
    raw = ip.analyze(text, ["IP_ADDRESS"], artifacts)
    assert [(r.start, r.end) for r in raw] == [(17, 29)]
    assert raw[0].recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] == ip.id
    score = raw[0].score
    enhanced = analyzer.pii.analyzer.context_aware_enhancer.enhance_using_context(text, raw, artifacts, [ip])
    assert enhanced[0] is raw[0] and enhanced[0].score > score


def test_letters_are_counted_as_far_as_needed_and_no_further() -> None:
    rng = random.Random(3)
    alphabet = "ab1 .é\nß2_"
    for _ in range(3_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        count = rng.randint(0, 250)
        assert letters_at_least(text, count) == (sum(ch.isalpha() for ch in text) >= count)


@pytest.mark.parametrize(("texts", "expected"), [
    (["x" * 1800] * 20, NLP_BATCH_MIN),  # contract prose windows
    (["a short line of text"] * 500, NLP_BATCH_MAX),
    (["x" * 300] * 50, 40),
    ([], NLP_BATCH_MAX),
])
def test_ner_batches_hold_about_the_same_number_of_characters(texts: list[str], expected: int) -> None:
    assert nlp_batch_size(texts) == expected
