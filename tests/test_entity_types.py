"""The entity-type table (classifier/pii/entity_types.py) against the engine built from it.

Every type a recognizer can report has a row; every pattern recognizer says what its matches
contain, and the prefilter that screens code and table cells passes every text its patterns
can match (sampled from the patterns themselves with hypothesis) and every example of its row.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from presidio_analyzer import EntityRecognizer, PatternRecognizer

from classifier.analyze import DocumentAnalyzer
from classifier.pii.engine import PiiEngine, load_recognizer, prefilter_shapes
from classifier.pii.entity_types import BY_NAME, ENTITY_TYPES, Recognizer
from classifier.pii.recognizers.phone import CANDIDATE_RUN, RegionPhoneRecognizer
from classifier.pii.recognizers.secret import SECRET_PATTERNS, SecretRecognizer
from classifier.pii.tables import header_type
from classifier.pii.tagger import pattern_mentions, tag_pii, text_mentions
from classifier.records import Extracted, Segment, SegmentKind

# Text each row's recognizers must find. Pattern types are looked for as code and table cells are
# (pattern_mentions, behind the prefilter); the others in prose.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "EMAIL_ADDRESS": ("ops@contoso.com",),
    "PHONE_NUMBER": ("+44 20 7946 0958", "Tel. 0490 75 40 81"),
    "IBAN_CODE": ("GB82 WEST 1234 5698 7654 32", "DE89370400440532013000"),
    "CREDIT_CARD": ("4111 1111 1111 1111", "5500-0000-0000-0004"),
    "US_SSN": ("SSN 536-22-8491",),
    "IP_ADDRESS": ("203.0.113.7", "2001:db8::8a2e:370:7334", "::1", "fe80::"),
    "URL": ("https://www.contoso.com/login", "portal.fabrikam.de"),
    "CRYPTO": ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    "SECRET": (
        "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "token: ghp_" + "a1B2" * 9,
        "xoxb-1234567890-abcdefghij",
        "sk_live_" + "a1B2" * 5,
        "AIza" + "SyA1" * 8 + "abc",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x2y3z\n-----END RSA PRIVATE KEY-----",
        "postgres://app:Tr0ub4dor3@db.internal",
        "mimi=gX69YO4CmzDp7QaLw2TsUv8e",
        "DB_PASSWORD=Tr0ub4dor&3",
        "define('DB_PASSWORD', 'Tr0ub4dor&3');",
    ),
    "ORGANIZATION": ("Contoso GmbH", "Fabrikam, Inc."),
    "PERSON": ("Dear Pranav Ramaswamy,\nthank you for your letter.",),
    "LOCATION": ("Last spring Maria Gonzalez moved from Berlin to Madrid with her family.",),
}


@pytest.fixture(scope="module")
def engine(analyzer: DocumentAnalyzer) -> PiiEngine:
    return analyzer.pii


def pattern_regexes(recognizer: EntityRecognizer) -> list[tuple[str, re.Pattern[str]]]:
    """Every regex a recognizer's matches come from, compiled as the recognizer runs it."""
    if isinstance(recognizer, SecretRecognizer):
        return [(secret.kind, secret.regex) for secret in SECRET_PATTERNS]
    if isinstance(recognizer, RegionPhoneRecognizer):
        return [("candidate run", CANDIDATE_RUN)]  # libphonenumber's matcher is run inside these runs only
    if isinstance(recognizer, PatternRecognizer):
        flags = recognizer.global_regex_flags or 0
        return [(pattern["name"], re.compile(pattern["regex"], flags)) for pattern in recognizer.to_dict()["patterns"]]
    raise AssertionError(f"{type(recognizer).__name__}: say here how to sample the text it matches")


PATTERNS = [(row.name, reference.path, name, regex) for row in ENTITY_TYPES for reference in row.patterns
            for name, regex in pattern_regexes(load_recognizer(reference))]


def test_every_type_a_recognizer_of_the_engine_reports_has_a_row(engine: PiiEngine) -> None:
    reported = {entity for recognizer in engine.analyzer.registry.recognizers for entity in recognizer.supported_entities}
    assert reported - set(BY_NAME) == set()
    assert set(BY_NAME) - reported == set()  # and every row is found by something


def test_every_recognizer_a_row_names_is_in_the_engine(engine: PiiEngine) -> None:
    named = {reference.path.rpartition(":")[2] for row in ENTITY_TYPES
             for reference in (*row.patterns, *([row.structure] if row.structure else []))}
    registered = {type(recognizer).__name__ for recognizer in engine.analyzer.registry.recognizers}
    assert registered == named | {"SpacyRecognizer"}


@pytest.mark.parametrize("reference", [reference for row in ENTITY_TYPES for reference in row.patterns],
                         ids=lambda reference: reference.path.rpartition(":")[2])
def test_every_pattern_recognizer_says_what_its_matches_contain(reference: Recognizer) -> None:
    shapes = prefilter_shapes(reference, load_recognizer(reference))
    assert shapes and all(re.compile(shape) for shape in shapes)


def test_a_pattern_recognizer_without_shapes_or_with_two_sets_stops_the_engine() -> None:
    with pytest.raises(ValueError, match="give its shapes once"):
        prefilter_shapes(Recognizer("presidio_analyzer.predefined_recognizers:CreditCardRecognizer"),
                         load_recognizer(Recognizer("presidio_analyzer.predefined_recognizers:CreditCardRecognizer")))
    secret = Recognizer("classifier.pii.recognizers.secret:SecretRecognizer", ("AKIA",))
    with pytest.raises(ValueError, match="give its shapes once"):
        prefilter_shapes(secret, load_recognizer(secret))


@pytest.mark.parametrize(("entity_type", "path", "pattern", "regex"), PATTERNS,
                         ids=[f"{path.rpartition(':')[2]}-{name}" for _, path, name, _ in PATTERNS])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_the_prefilter_passes_every_match_of_every_pattern(
        engine: PiiEngine, entity_type: str, path: str, pattern: str, regex: re.Pattern[str], data: st.DataObject) -> None:
    match = data.draw(st.from_regex(regex, fullmatch=True))
    assert engine.prefilter.search(match), f"{entity_type} {pattern}: {match!r}"


def test_every_row_has_a_plain_label() -> None:
    """The headline and summaries name a type by its row's label; one missing would print blank."""
    labels = [row.label for row in ENTITY_TYPES]
    assert all(label and label == label.strip() for label in labels)
    assert len(set(labels)) == len(labels)


def test_every_row_has_examples() -> None:
    assert set(EXAMPLES) == set(BY_NAME)


@pytest.mark.parametrize(("entity_type", "text"), [(t, text) for t, texts in EXAMPLES.items() for text in texts])
def test_each_row_finds_its_examples(engine: PiiEngine, entity_type: str, text: str) -> None:
    if BY_NAME[entity_type].patterns:
        assert engine.prefilter.search(text)
        found = pattern_mentions(engine, text)
    else:
        found = text_mentions(engine, text, "en", "US")
    assert entity_type in {mention.entity_type for mention in found}


# The hand-written prefilter these replace let none of these through (#18): they were never found in code,
# configuration files or table cells.
@pytest.mark.parametrize("text", [
    "AIDAIOSFODNN7EXAMPLE",  # an IAM user's id
    "role_id: AROAIOSFODNN7EXAMPLE",  # an IAM role's id
    'session = "deadBEEFcafeBABEfeedFACEdeafBEADaceCABbead"',  # random letters only (hexadecimal)
])
def test_secrets_the_old_prefilter_missed_are_found_in_code(engine: PiiEngine, text: str) -> None:
    assert [(m.entity_type, text[m.start : m.end]) for m in pattern_mentions(engine, text)] == [
        ("SECRET", text.rpartition(" ")[2].strip('"'))]


def test_secrets_the_old_prefilter_missed_are_counted_in_table_cells_and_code(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.segments.extend(Segment(SegmentKind.TABLE_CELL, role, "role", 0, 0) for role in ("admin", "reader"))
    extracted.segments.extend(Segment(SegmentKind.TABLE_CELL, principal, "principal", 0, 1)
                              for principal in ("AROAIOSFODNN7EXAMPLE", "AIDAIOSFODNN7EXAMPLE"))
    extracted.add(SegmentKind.CODE, 'import os\n\nSESSION = "deadBEEFcafeBABEfeedFACEdeafBEADaceCABbead"\n')
    secrets = tag_pii(extracted, analyzer.pii, analyzer.hasher).entities["SECRET"]
    assert (secrets.mentions, secrets.unique) == (3, 3)


@pytest.mark.parametrize(("header", "entity_type"), [
    ("Email address", "EMAIL_ADDRESS"), ("IP address", "IP_ADDRESS"), ("Email recipient", "EMAIL_ADDRESS"),
    ("Client contact", "PERSON"), ("Employer address", "ORGANIZATION"), ("IBAN / card no", "IBAN_CODE"),
])
def test_a_header_naming_two_types_takes_the_earlier_row(header: str, entity_type: str) -> None:
    assert header_type(header) == entity_type
