"""DLP policies: every rule kind fires on documents that break it and stays silent otherwise."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import classifier.policy as policy_module
from classifier.outputs import violations_jsonl
from classifier.policy import Policy, PolicyError, Rule, Violation, evaluate, exit_status, load_policy
from tests.conftest import SampleScan
from tests.test_report import document


def documented_example() -> str:
    """The example policy of classifier.policy's docstring (the one the README shows), as written there."""
    lines = str(policy_module.__doc__).split("A policy file is YAML:\n\n", 1)[1].split("\n\n", 1)[0]
    return textwrap.dedent(lines) + "\n"


EXAMPLE = documented_example()


def policy_from(tmp_path: Path, text: str) -> Policy:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def test_the_documented_example_loads(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, EXAMPLE)
    assert policy.rules == (
        Rule(name="no-credentials", category="credentials"),
        Rule(name="personnel-outside-hr", category="personnel", outside=("hr/",)),
        Rule(name="many-cards-in-a-folder", entity="CREDIT_CARD", measure="unique", more_than=100, per="folder"),
    )


def test_category_rule_fires_anywhere_and_only_on_that_category(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, "rules:\n  - name: no-credentials\n    category: credentials\n")
    documents = [
        document("it/config/.env", "a", [("credentials", 0.9)]),
        document("backup.zip!/deep/keys.txt", "b", [("source_code", 0.8), ("credentials", 0.3)]),
        document("sales/deck.pdf", "c", [("sales_strategy", 0.9)]),
        document("it/readme.txt", "d"),
    ]
    assert evaluate(policy, documents) == [
        Violation("no-credentials", "document", "it/config/.env", {"documents": 1}, content_hmac="a"),
        Violation("no-credentials", "document", "backup.zip!/deep/keys.txt", {"documents": 1}, content_hmac="b"),
    ]
    assert evaluate(policy, documents[2:]) == []


def test_min_score_ignores_weak_tags(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, "rules:\n  - name: c\n    category: credentials\n    min_score: 0.5\n")
    documents = [document("a/x", "a", [("credentials", 0.9)]), document("b/y", "b", [("credentials", 0.3)])]
    assert [v.path for v in evaluate(policy, documents)] == ["a/x"]


def test_outside_rule_allows_its_prefixes_only(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, EXAMPLE)
    documents = [
        document("hr/employees.xlsx", "a", [("personnel", 0.9)]),
        document("hr/old.zip!/cv.pdf", "b", [("personnel", 0.9)]),
        document("sales/team-salaries.xlsx", "c", [("personnel", 0.8)]),
        document("hrx/cv.pdf", "d", [("personnel", 0.8)]),  # a prefix is text: 'hr/' does not cover 'hrx/'
        document("sales/cv.zip!/hr/cv.pdf", "e", [("personnel", 0.8)]),  # the whole path must start with it
    ]
    assert [(v.rule, v.path) for v in evaluate(policy, documents)] == [
        ("personnel-outside-hr", "sales/team-salaries.xlsx"),
        ("personnel-outside-hr", "hrx/cv.pdf"),
        ("personnel-outside-hr", "sales/cv.zip!/hr/cv.pdf"),
    ]


def test_entity_rule_per_document_is_strictly_more_than(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, "rules:\n  - name: cards\n    entity: CREDIT_CARD\n    unique_more_than: 10\n")
    documents = [
        document("f/a.csv", "a", entities={"CREDIT_CARD": (40, 11)}),
        document("f/b.csv", "b", entities={"CREDIT_CARD": (40, 10)}),  # exactly the limit: allowed
        document("f/c.csv", "c", entities={"PERSON": (40, 30)}),
    ]
    assert evaluate(policy, documents) == [Violation("cards", "document", "f/a.csv", {"CREDIT_CARD_unique": 11},
                                                        content_hmac="a")]


def test_entity_rule_without_threshold_fires_on_any_mention(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, "rules:\n  - name: secrets\n    entity: SECRET\n")
    documents = [document("a/.env", "a", entities={"SECRET": (1, 1)}), document("a/x.txt", "b", entities={"URL": (3, 3)})]
    assert evaluate(policy, documents) == [Violation("secrets", "document", "a/.env", {"SECRET_mentions": 1},
                                                        content_hmac="a")]


def test_entity_rule_per_folder_sums_documents_as_an_upper_bound(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, EXAMPLE.replace("100", "50"))
    documents = [
        document("finance/q1.csv", "a", entities={"CREDIT_CARD": (30, 30)}),
        document("finance/q2.zip!/cards/q2.csv", "b", entities={"CREDIT_CARD": (25, 25)}),
        document("finance/q1-copy.csv", "a", entities={"CREDIT_CARD": (30, 30)}),  # a copy adds no unique value
        document("orders/a.csv", "c", entities={"CREDIT_CARD": (30, 30)}),
        document("orders/b.csv", "d", entities={"CREDIT_CARD": (20, 20)}),  # 50: not more than 50
    ]
    assert evaluate(policy, documents) == [
        Violation("many-cards-in-a-folder", "folder", "finance", {"CREDIT_CARD_unique": 55, "documents": 3},
                  unique_upper_bound=True),
    ]
    # With exact per-folder counts (the same cards in both files), finance is within the limit.
    assert evaluate(policy, documents, folder_unique={"finance": {"CREDIT_CARD": 31}}) == []
    exact = evaluate(policy, documents, folder_unique={"orders": {"CREDIT_CARD": 51}, "finance": {"CREDIT_CARD": 52}})
    assert [(v.path, v.counts["CREDIT_CARD_unique"], v.unique_upper_bound) for v in exact] == [
        ("finance", 52, False), ("orders", 51, False)]


def test_exact_folder_counts_are_not_used_when_the_rule_selects_part_of_a_folder(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, "rules:\n  - name: r\n    entity: CREDIT_CARD\n    unique_more_than: 5\n"
                                   "    per: folder\n    outside: ['f/allowed']\n")
    documents = [document("f/allowed.csv", "a", entities={"CREDIT_CARD": (9, 9)}),
                 document("f/other.csv", "b", entities={"CREDIT_CARD": (6, 6)})]
    assert evaluate(policy, documents, folder_unique={"f": {"CREDIT_CARD": 1}}) == [
        Violation("r", "folder", "f", {"CREDIT_CARD_unique": 6, "documents": 1}, unique_upper_bound=True)]


def test_category_rule_per_folder_counts_documents(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, "rules:\n  - name: contracts\n    category: contract\n"
                                   "    documents_more_than: 1\n    per: folder\n")
    documents = [document("legal/a.pdf", "a", [("contract", 0.9)]), document("legal/b.pdf", "b", [("contract", 0.9)]),
                 document("sales/c.pdf", "c", [("contract", 0.9)]), document("sales/d.pdf", "d", [("offer", 0.9)])]
    assert evaluate(policy, documents) == [Violation("contracts", "folder", "legal", {"documents": 2})]


def test_violations_file_holds_rules_paths_and_counts_only(tmp_path: Path) -> None:
    violations = [Violation("no-credentials", "document", "it/.env", {"documents": 1}, severity="critical", content_hmac="ab12"),
                  Violation("cards", "folder", "finance", {"CREDIT_CARD_unique": 55, "documents": 3}, True)]
    out = tmp_path / "violations.jsonl"
    violations_jsonl.write(violations, out)
    assert [json.loads(line) for line in out.read_text("utf-8").splitlines()] == [
        {"rule": "no-credentials", "per": "document", "path": "it/.env", "counts": {"documents": 1}, "severity": "critical",
         "content_hmac": "ab12"},
        {"rule": "cards", "per": "folder", "path": "finance", "counts": {"CREDIT_CARD_unique": 55, "documents": 3},
         "severity": "medium", "unique_upper_bound": True},
    ]
    assert (exit_status(violations), exit_status([])) == (3, 0)


def test_sample_leak_breaks_the_example_policy_where_it_should(tmp_path: Path, sample_scan: SampleScan) -> None:
    violations = evaluate(policy_from(tmp_path, EXAMPLE), sample_scan.documents)
    personnel = [v.path for v in violations if v.rule == "personnel-outside-hr"]
    assert all(not p.startswith("hr/") for p in personnel)
    credentials = {v.path for v in violations if v.rule == "no-credentials"}
    assert credentials == {d["path"] for d in sample_scan.documents if any(c["id"] == "credentials" for c in d["categories"])}
    assert credentials  # the sample leak has config files with secrets


@pytest.mark.parametrize(("text", "message"), [
    ("rules: [\n", "not valid YAML (line 2, column 1)"),
    ("- name: x\n", "expected a mapping with one key, 'rules'"),
    ("rules: []\n", "'rules' must be a non-empty list"),
    ("rules:\n  - category: credentials\n", "rule 1: 'name' must be a non-empty string"),
    ("rules:\n  - name: a\n    categroy: credentials\n", "rule 1 (a): unknown key 'categroy'"),
    ("rules:\n  - name: a\n    category: passwords\n", "'category' must be one of contact_list, contract, "),
    # #17 item 12: a list was a TypeError traceback (unhashable), exit 1.
    ("rules:\n  - name: a\n    category: [credentials]\n", "not ['credentials']"),
    ("rules:\n  - name: a\n    entity: credit card\n", "'entity' must be one of CREDIT_CARD, CRYPTO, "),
    # #19: a plural was accepted and the rule could never fire.
    ("rules:\n  - name: a\n    entity: CREDIT_CARDS\n", "not 'CREDIT_CARDS'"),
    ("rules:\n  - name: a\n    outside: [hr/]\n", "give a 'category', an 'entity' or both"),
    ("rules:\n  - name: a\n    category: personnel\n    unique_more_than: 3\n", "'unique_more_than' needs an 'entity'"),
    ("rules:\n  - name: a\n    entity: SECRET\n    documents_more_than: 3\n", "is for rules without an 'entity'"),
    ("rules:\n  - name: a\n    entity: SECRET\n    unique_more_than: -1\n", "must be a whole number, 0 or more"),
    ("rules:\n  - name: a\n    entity: SECRET\n    unique_more_than: 1\n    mentions_more_than: 2\n", "at most one of"),
    ("rules:\n  - name: a\n    entity: SECRET\n    per: share\n", "'per' must be 'document' or 'folder'"),
    ("rules:\n  - name: a\n    category: personnel\n    outside: hr/\n", "'outside' must be a list of path prefixes"),
    ("rules:\n  - name: a\n    category: personnel\n    min_score: 2\n", "'min_score' must be a number from 0 to 1"),
    ("rules:\n  - name: a\n    entity: SECRET\n  - name: a\n    category: personnel\n", "rule 2: the name 'a' is used twice"),
    ("rules: !!python/object/apply:os.system ['true']\n", "not valid YAML"),  # safe_load builds no objects
])
def test_bad_policy_is_one_line_policy_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PolicyError) as caught:
        policy_from(tmp_path, text)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "policy.yaml"))
    assert "\n" not in str(caught.value)


def test_missing_policy_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"^cannot read policy .*missing\.yaml: No such file or directory$"):
        load_policy(tmp_path / "missing.yaml")
