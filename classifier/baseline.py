"""Accepted findings for nightly runs (#19): the violations a team has looked at and accepted,
so that the next night reports only what is new.

A baseline names each accepted violation by its rule and, for a document, the document's
content_hmac (a renamed or copied file stays accepted, a changed one is new again), for a
folder, the folder's path. It holds keyed hashes and paths, as violations.jsonl does, and the
fingerprint of the key they were made with: a baseline of another key could never match.

    leakcensus scan ROOT --out DIR --policy p.yaml --write-baseline accepted.json   # accept tonight's
    leakcensus scan ROOT --out DIR --policy p.yaml --baseline accepted.json         # flag what is new
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from classifier.errors import RunError
from classifier.outputs.atomic import write_text
from classifier.policy import Violation

VERSION = 1


class BaselineError(RunError):
    """A baseline file that cannot be used (unreadable, not a baseline, another key)."""


KINDS = ("content_hmac", "folder", "path")


def accepted_key(violation: Violation) -> tuple[str, str, str]:
    """What identifies an accepted violation: its rule, and the document's content, the folder, or
    (a document without a hash) the document's path."""
    if violation.per == "folder":
        return violation.rule, "folder", violation.path
    if violation.content_hmac:
        return violation.rule, "content_hmac", violation.content_hmac
    return violation.rule, "path", violation.path


@dataclass(frozen=True)
class Baseline:
    key_fingerprint: str
    accepted: frozenset[tuple[str, str, str]]

    @staticmethod
    def of(violations: Iterable[Violation], key_fingerprint: str) -> Baseline:
        return Baseline(key_fingerprint, frozenset(accepted_key(v) for v in violations))

    def mark(self, violations: Iterable[Violation]) -> tuple[Violation, ...]:
        return tuple(replace(v, new_since_baseline=accepted_key(v) not in self.accepted) for v in violations)

    def write(self, path: Path) -> None:
        entries = [{"rule": rule, kind: value} for rule, kind, value in sorted(self.accepted)]
        write_text(path, json.dumps({"leakcensus_baseline": VERSION, "key_fingerprint": self.key_fingerprint,
                                     "accepted": entries}, indent=2, ensure_ascii=False) + "\n")


def load_baseline(path: Path, key_fingerprint: str) -> Baseline:
    try:
        document = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or type(exc).__name__}") from None
    except ValueError:
        raise BaselineError(f"{path}: not a leakcensus baseline (not JSON)") from None
    if not isinstance(document, dict) or document.get("leakcensus_baseline") != VERSION:
        raise BaselineError(f"{path}: not a leakcensus baseline (version {VERSION})")
    if document.get("key_fingerprint") != key_fingerprint:
        raise BaselineError(f"{path}: made with another key than this scan's; its findings cannot match")
    accepted = set()
    for entry in document.get("accepted", []):
        kinds = [kind for kind in KINDS if isinstance(entry, dict) and isinstance(entry.get(kind), str)]
        if len(kinds) != 1 or not isinstance(entry.get("rule"), str):
            raise BaselineError(f"{path}: an accepted finding needs 'rule' and one of {', '.join(KINDS)}")
        accepted.add((entry["rule"], kinds[0], entry[kinds[0]]))
    return Baseline(key_fingerprint, frozenset(accepted))
