"""The PII evaluation's scoring arithmetic, on hand-made truth and findings with known answers."""

from __future__ import annotations

from benchmarks.pii_eval import (
    LABEL_TO_TYPE,
    NAME_TARGET,
    PATTERN_TARGET,
    Confusion,
    LabelledCorpus,
    Observation,
    findings_observation,
    labelled_truth,
    markdown_table,
    meets,
    presence_confusion,
    relative_error,
    score_documents,
    score_table,
    value_confusion,
    within,
)
from classifier.pii.keyed_hash import KeyedHasher
from classifier.records import EntityTally, Findings

HASHER = KeyedHasher(b"0123456789abcdef0123456789abcdef")


def test_value_confusion_counts_set_differences() -> None:
    confusion = value_confusion({"a", "b", "c"}, {"b", "c", "d", "e"})
    assert (confusion.tp, confusion.fp, confusion.fn) == (2, 2, 1)
    assert confusion.precision == 0.5
    assert confusion.recall == 2 / 3


def test_repeated_values_count_once() -> None:
    confusion = value_confusion(["a", "a"], ["a", "a", "b"])
    assert (confusion.tp, confusion.fp, confusion.fn) == (1, 1, 0)


def test_undefined_ratios_are_none_not_perfect() -> None:
    nothing_found = value_confusion({"a"}, set())
    assert nothing_found.precision is None
    assert nothing_found.recall == 0.0
    nothing_labelled = value_confusion(set(), {"a"})
    assert nothing_labelled.precision == 0.0
    assert nothing_labelled.recall is None
    assert Confusion().precision is None and Confusion().recall is None


def test_presence_confusion_has_four_cases() -> None:
    assert presence_confusion(True, True) == Confusion(1, 0, 0)
    assert presence_confusion(False, True) == Confusion(0, 1, 0)
    assert presence_confusion(True, False) == Confusion(0, 0, 1)
    assert presence_confusion(False, False) == Confusion(0, 0, 0)


def test_scores_are_micro_averaged_over_documents() -> None:
    # Document 1: two true names, one found, plus a wrong one. Document 2: one
    # name, found; an email labelled but not normalisable (type present only).
    # Document 3: nothing labelled, a spurious name.
    observations = [
        Observation({"PERSON": frozenset({"p1", "p2"})}, frozenset({"PERSON"}),
                    {"PERSON": frozenset({"p1", "x"})}, frozenset({"PERSON"})),
        Observation({"PERSON": frozenset({"p3"})}, frozenset({"PERSON", "EMAIL_ADDRESS"}),
                    {"PERSON": frozenset({"p3"})}, frozenset({"PERSON"})),
        Observation({}, frozenset(), {"PERSON": frozenset({"y"})}, frozenset({"PERSON"})),
    ]
    scores = score_documents(observations, ["PERSON", "EMAIL_ADDRESS"])
    assert scores["PERSON"].value == Confusion(tp=2, fp=2, fn=1)
    assert scores["PERSON"].value.precision == 0.5
    assert scores["PERSON"].value.recall == 2 / 3
    # Micro, not macro: the per-document recalls (0.5, 1.0) would average 0.75.
    assert scores["PERSON"].document == Confusion(tp=2, fp=1, fn=0)
    assert scores["EMAIL_ADDRESS"].value == Confusion(0, 0, 0)
    assert scores["EMAIL_ADDRESS"].document == Confusion(tp=0, fp=0, fn=1)


def test_same_value_in_two_documents_counts_in_each() -> None:
    document = Observation({"PERSON": frozenset({"p"})}, frozenset({"PERSON"}), {}, frozenset())
    scores = score_documents([document, document], ["PERSON"])
    assert scores["PERSON"].value == Confusion(0, 0, 2)
    assert scores["PERSON"].document == Confusion(0, 0, 2)


def test_findings_observation_uses_names_not_email_domain_organisations() -> None:
    name = HASHER("ORGANIZATION", "contoso")
    from_domain = HASHER("ORGANIZATION", "fabrikam")
    findings = Findings(
        entities={"ORGANIZATION": EntityTally(1, frozenset({name})), "PHONE_NUMBER": EntityTally(2, frozenset())},
        organizations_from_domains=frozenset({from_domain}),
    )
    truth = {"ORGANIZATION": frozenset({name, from_domain})}
    observation = findings_observation(findings, truth, ["ORGANIZATION"])
    assert observation.found["ORGANIZATION"] == frozenset({name})
    # A mention without a normal form still makes the type present.
    assert observation.found_types == frozenset({"ORGANIZATION", "PHONE_NUMBER"})
    scores = score_documents([observation], ["ORGANIZATION"])
    assert scores["ORGANIZATION"].value == Confusion(tp=1, fp=0, fn=1)


def test_labelled_spans_are_normalised_mapped_and_hashed() -> None:
    corpus = LabelledCorpus()
    spans = [
        {"entity_type": "EMAIL_ADDRESS", "entity_value": "Ann@Contoso.COM"},
        {"entity_type": "PER", "entity_value": "Ms. Ann Lee"},
        {"entity_type": "PHONE_NUMBER", "entity_value": "(96) 627-277"},  # not a valid number
        {"entity_type": "ADDRESS", "entity_value": "1 Main St"},
        {"entity_type": "PERSON", "entity_value": "Wijtze"},
    ]
    truth, present = labelled_truth(spans, HASHER, "US", corpus)
    assert truth["EMAIL_ADDRESS"] == frozenset({HASHER("EMAIL_ADDRESS", "ann@contoso.com")})
    assert truth["PERSON"] == frozenset({HASHER("PERSON", "ann lee"), HASHER("PERSON", "wijtze")})
    assert "PHONE_NUMBER" not in truth
    assert present == frozenset({"EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER"})
    assert corpus.without_normal_form == {"PHONE_NUMBER": 1}
    assert corpus.not_covered == {"ADDRESS": 1}
    assert (corpus.single_word_names, corpus.person_values) == (1, 2)
    assert LABEL_TO_TYPE["ADDRESS"] is None


def test_relative_error_and_tolerances() -> None:
    assert relative_error(51, 50) == 0.02
    assert within(relative_error(51, 50), PATTERN_TARGET.count_tolerance)
    assert not within(relative_error(52, 50), PATTERN_TARGET.count_tolerance)
    assert relative_error(9, 10) == -0.1
    assert within(relative_error(9, 10), NAME_TARGET.count_tolerance)
    assert not within(relative_error(9, 8), NAME_TARGET.count_tolerance)
    assert relative_error(3, 0) is None
    assert not within(None, 1.0)


def test_targets_need_both_precision_and_recall() -> None:
    assert meets(0.95, 0.95)
    assert not meets(0.949, 0.95)
    assert not meets(None, 0.0)
    scores = score_documents(
        [Observation({"US_SSN": frozenset({"a"}), "PERSON": frozenset({"b"})}, frozenset({"US_SSN", "PERSON"}),
                     {"US_SSN": frozenset({"a", "z"}), "PERSON": frozenset({"b"})}, frozenset({"US_SSN", "PERSON"}))],
        ["US_SSN", "PERSON", "URL"],
    )
    table = score_table(scores, "value", {"US_SSN": PATTERN_TARGET, "PERSON": NAME_TARGET}).splitlines()
    assert table[2] == "| PERSON | 1 | 0 | 0 | 1.000 | 1.000 | P, R ≥ 0.85 | met |"
    assert table[3] == "| URL | 0 | 0 | 0 | — | — | — | — |"
    assert table[4] == "| US_SSN | 1 | 1 | 0 | 0.500 | 1.000 | P, R ≥ 0.95 | **not met** |"


def test_markdown_table_shape() -> None:
    assert markdown_table(("a", "b"), [(1, "x")]) == "| a | b |\n|---|---|\n| 1 | x |"
