"""DLP policies: rules over documents.jsonl records -> violations (rule, path, counts; never content).

A policy file is YAML:

    rules:
      - name: no-credentials
        category: credentials            # a document tagged credentials, anywhere
      - name: personnel-outside-hr
        category: personnel
        outside: ["hr/"]                 # path prefixes where it is allowed
      - name: many-cards-in-a-folder
        entity: CREDIT_CARD
        unique_more_than: 100
        per: folder                      # or document (the default)

A rule selects documents (not under an `outside` prefix; tagged with `category`, with at least
`min_score` confidence, when given) and measures them, per document or per folder:

- with `entity`: that type's `unique` count (`unique_more_than: N`) or `mentions`
  (`mentions_more_than: N`, the default with N = 0: any mention at all);
- without: the number of documents (`documents_more_than: N`, default 0: any document).

It is violated where the measure is above N. A folder is a document's directory, with archive
members in their outermost archive's folder (`classifier.report.folders.folder_of`).

Per-folder unique counts: documents.jsonl holds per-document unique counts, not the keyed hashes,
so a folder's unique count is the *sum* of its documents' counts (exact copies counted once): an
upper bound, since a value found in two documents counts twice. A violation says so
(`unique_upper_bound: true`). Callers with exact per-folder counts (from the catalog's hashes)
pass them as `folder_unique`, which is then used for rules that select whole folders.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from classifier.errors import RunError
from classifier.pii.entity_types import BY_NAME
from classifier.report.folders import folder_of

Scope = Literal["document", "folder"]
SEVERITIES = ("low", "medium", "high", "critical")  # a rule without one is "medium"
RULE_KEYS = frozenset({"name", "severity", "category", "min_score", "entity", "unique_more_than", "mentions_more_than",
                       "documents_more_than", "outside", "per"})
THRESHOLD_KEYS = ("unique_more_than", "mentions_more_than", "documents_more_than")
ENTITY_TYPE_NAMES = frozenset(BY_NAME)


class PolicyError(RunError):
    """The policy file cannot be used; the message is one line naming the file and the problem."""


def category_vocabulary() -> frozenset[str]:
    """The category ids of the output contract (from the packaged document schema)."""
    schema = json.loads(resources.files("classifier").joinpath("schemas/document.schema.json").read_text("utf-8"))
    return frozenset(schema["properties"]["categories"]["items"]["properties"]["id"]["enum"])


@dataclass(frozen=True)
class Rule:
    name: str
    category: str | None = None
    min_score: float = 0.0
    entity: str | None = None
    measure: Literal["unique", "mentions", "documents"] = "documents"
    more_than: int = 0
    outside: tuple[str, ...] = ()
    per: Scope = "document"
    severity: str = "medium"

    def selects(self, document: Mapping[str, Any]) -> bool:
        if str(document["path"]).startswith(self.outside):
            return False
        if self.category is None:
            return True
        return any(c["id"] == self.category and float(c.get("score", 1.0)) >= self.min_score
                   for c in document.get("categories") or ())

    def measure_of(self, document: Mapping[str, Any]) -> int:
        if self.entity is None:
            return 1
        counts = (document.get("entities") or {}).get(self.entity) or {}
        return int(counts.get(self.measure, 0))

    @property
    def counted(self) -> str:
        """The name of the measured count in a violation's `counts`."""
        return "documents" if self.entity is None else f"{self.entity}_{self.measure}"


@dataclass(frozen=True)
class Policy:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Violation:
    """One rule broken at one place: a document path or a folder. Counts only."""

    rule: str
    per: Scope
    path: str
    counts: dict[str, int]
    unique_upper_bound: bool = False
    severity: str = "medium"
    content_hmac: str | None = None  # of the document, for a per-document violation (what a baseline accepts)
    new_since_baseline: bool | None = None  # None: no baseline was given

    def to_json(self) -> dict[str, object]:
        line: dict[str, object] = {"rule": self.rule, "per": self.per, "path": self.path, "counts": self.counts,
                                   "severity": self.severity}
        if self.content_hmac is not None:
            line["content_hmac"] = self.content_hmac
        if self.unique_upper_bound:
            line["unique_upper_bound"] = True
        if self.new_since_baseline is not None:
            line["new_since_baseline"] = self.new_since_baseline
        return line


def load_policy(path: Path) -> Policy:
    """Read and check a policy file; any problem is a PolicyError with a one-line message."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy {path}: {getattr(exc, 'strerror', None) or type(exc).__name__}") from None
    import yaml  # only a scan given a policy reads one: not every scan's start-up

    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise PolicyError(f"{path}: not valid YAML{where}") from None
    return parse_policy(document, str(path))


def parse_policy(document: object, source: str = "policy") -> Policy:
    """A Policy from an already parsed YAML document (a mapping with a `rules` list)."""
    if not isinstance(document, dict) or set(document) != {"rules"}:
        raise PolicyError(f"{source}: expected a mapping with one key, 'rules'")
    entries = document["rules"]
    if not isinstance(entries, list) or not entries:
        raise PolicyError(f"{source}: 'rules' must be a non-empty list")
    vocabulary = category_vocabulary()
    rules: list[Rule] = []
    for index, entry in enumerate(entries, 1):
        rule = _parse_rule(entry, f"{source}: rule {index}", vocabulary)
        if any(rule.name == other.name for other in rules):
            raise PolicyError(f"{source}: rule {index}: the name {rule.name!r} is used twice")
        rules.append(rule)
    return Policy(tuple(rules))


def _parse_rule(entry: object, where: str, vocabulary: frozenset[str]) -> Rule:
    if not isinstance(entry, dict):
        raise PolicyError(f"{where}: expected a mapping")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PolicyError(f"{where}: 'name' must be a non-empty string")
    where = f"{where} ({name})"
    unknown = sorted(str(key) for key in set(entry) - RULE_KEYS)
    if unknown:
        raise PolicyError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(RULE_KEYS))})")
    category = entry.get("category")
    if category is not None and (not isinstance(category, str) or category not in vocabulary):
        # A list (`category: [credentials]`) is one of the mistakes: a rule names one category.
        raise PolicyError(f"{where}: 'category' must be one of {', '.join(sorted(vocabulary))}, not {category!r}")
    entity = entry.get("entity")
    if entity is not None and not (isinstance(entity, str) and entity in ENTITY_TYPE_NAMES):
        # `CREDIT_CARDS` used to be accepted and could never fire: a rule that cannot fire is a silent hole.
        raise PolicyError(f"{where}: 'entity' must be one of {', '.join(sorted(ENTITY_TYPE_NAMES))}, not {entity!r}")
    if category is None and entity is None:
        raise PolicyError(f"{where}: give a 'category', an 'entity' or both")
    min_score = entry.get("min_score", 0.0)
    if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 1:
        raise PolicyError(f"{where}: 'min_score' must be a number from 0 to 1")
    if "min_score" in entry and category is None:
        raise PolicyError(f"{where}: 'min_score' needs a 'category'")
    thresholds = [key for key in THRESHOLD_KEYS if key in entry]
    if len(thresholds) > 1:
        raise PolicyError(f"{where}: give at most one of {', '.join(THRESHOLD_KEYS)}")
    threshold = thresholds[0] if thresholds else ("mentions_more_than" if entity is not None else "documents_more_than")
    if (threshold == "documents_more_than") != (entity is None):
        needs = "needs an 'entity'" if entity is None else "is for rules without an 'entity'"
        raise PolicyError(f"{where}: '{threshold}' {needs}")
    more_than = entry.get(threshold, 0)
    if isinstance(more_than, bool) or not isinstance(more_than, int) or more_than < 0:
        raise PolicyError(f"{where}: '{threshold}' must be a whole number, 0 or more")
    outside = entry.get("outside", [])
    if not isinstance(outside, list) or not all(isinstance(p, str) and p for p in outside):
        raise PolicyError(f"{where}: 'outside' must be a list of path prefixes")
    per = entry.get("per", "document")
    if per not in ("document", "folder"):
        raise PolicyError(f"{where}: 'per' must be 'document' or 'folder'")
    severity = entry.get("severity", "medium")
    if severity not in SEVERITIES:
        raise PolicyError(f"{where}: 'severity' must be one of {', '.join(SEVERITIES)}")
    measure: Literal["unique", "mentions", "documents"] = (
        "unique" if threshold == "unique_more_than" else "mentions" if threshold == "mentions_more_than" else "documents")
    return Rule(name=name, category=category, min_score=float(min_score), entity=entity, measure=measure,
                more_than=more_than, outside=tuple(outside), per=per, severity=severity)


@dataclass
class _FolderTally:
    measure: int = 0
    documents: int = 0
    excluded: bool = False  # some document of the folder was not selected, so exact folder counts do not apply
    counted_hmacs: set[str] = field(default_factory=set)


def evaluate(policy: Policy, documents: Iterable[Mapping[str, Any]],
             folder_unique: Mapping[str, Mapping[str, int]] | None = None) -> list[Violation]:
    """Every violation, rule by rule in policy order; documents in input order, folders in first-seen order.

    `folder_unique` (folder -> entity type -> exact unique count), when given, replaces the
    upper-bound sum for `unique_more_than` rules per folder whenever the rule selected every
    document of the folder (no category filter, no document excluded by `outside`).
    """
    document_violations: dict[str, list[Violation]] = {rule.name: [] for rule in policy.rules}
    folders: dict[str, dict[str, _FolderTally]] = {rule.name: {} for rule in policy.rules}
    for document in documents:
        path = str(document["path"])
        for rule in policy.rules:
            selected = rule.selects(document)
            if rule.per == "document":
                measure = rule.measure_of(document) if selected else 0
                if selected and measure > rule.more_than:
                    document_violations[rule.name].append(Violation(
                        rule.name, "document", path, {rule.counted: measure}, severity=rule.severity,
                        content_hmac=str(document.get("content_hmac", "")) or None))
                continue
            tally = folders[rule.name].setdefault(folder_of(path), _FolderTally())
            if not selected:
                tally.excluded = True
                continue
            tally.documents += 1
            content = str(document.get("content_hmac", ""))
            if rule.measure == "unique" and content in tally.counted_hmacs:
                continue  # an exact copy of a document already counted here adds no unique value
            tally.counted_hmacs.add(content)
            tally.measure += rule.measure_of(document)
    violations: list[Violation] = []
    for rule in policy.rules:
        violations.extend(document_violations[rule.name])
        for folder, tally in folders[rule.name].items():
            measure, upper_bound = tally.measure, rule.measure == "unique"
            exact = (folder_unique or {}).get(folder)
            if (upper_bound and exact is not None and rule.entity in exact and rule.category is None
                    and not tally.excluded):
                measure, upper_bound = int(exact[str(rule.entity)]), False
            if tally.documents and measure > rule.more_than:
                counts = {rule.counted: measure} if rule.entity is None else {rule.counted: measure, "documents": tally.documents}
                violations.append(Violation(rule.name, "folder", folder, counts, upper_bound, severity=rule.severity))
    return violations


def exit_status(violations: Iterable[Violation]) -> int:
    """The status `scan --policy` exits with: 3 when any rule is violated (with a baseline: when any
    violation is new since it), else 0."""
    return 3 if any(v.new_since_baseline is not False for v in violations) else 0


def parse_fail_on(names: Iterable[str]) -> tuple[str, ...]:
    """`scan --fail-on NAME`: entity types and categories, checked before the scan starts."""
    valid = ENTITY_TYPE_NAMES | category_vocabulary()
    for name in names:
        if name not in valid:
            raise PolicyError(f"--fail-on takes an entity type or a category ({', '.join(sorted(valid))}), not {name!r}")
    return tuple(dict.fromkeys(names))


def fail_on_found(inventory: Mapping[str, Any], names: Iterable[str]) -> dict[str, int]:
    """Of the `--fail-on` names, those the scan found: unique values of a type, documents of a category."""
    found = {}
    for name in names:
        if name in ENTITY_TYPE_NAMES:
            count = int(inventory["entities"].get(name, {}).get("unique", 0))
        else:
            count = int(inventory["categories"].get(name, {}).get("documents", 0))
        if count:
            found[name] = count
    return found
