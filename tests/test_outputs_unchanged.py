"""The outputs of a scan, byte for byte, against digests recorded before a refactor (#18).

A change of structure must not change a byte of what a scan writes. The digests in
`tests/golden/outputs.json` were written by this module from the code before the #18 split;
a change that is meant to alter outputs rewrites them on purpose:

    LEAKCENSUS_WRITE_GOLDEN=1 .venv/bin/pytest tests/test_outputs_unchanged.py

and says in its commit why the outputs changed. Only what differs between two runs of the same
code is normalised: the roots (temporary folders) and the scan's start and finish times.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from classifier.names import escape_path
from tests.conftest import LabelledCorporaScan, SampleScan

GOLDEN = Path(__file__).parent / "golden" / "outputs.json"
COMPARED = ("documents.jsonl", "documents.csv", "inventory.json", "report.html")


def normalised(out_dir: Path, roots: tuple[Path, ...]) -> dict[str, str]:
    """SHA-256 of each output with the run's roots and times replaced by placeholders."""
    scan = json.loads((out_dir / "inventory.json").read_text("utf-8"))["scan"]
    replacements = [(scan["started_at"], "<STARTED>"), (scan["finished_at"], "<FINISHED>")]
    # Longest first: one root may be a prefix of another.
    for index, root in sorted(enumerate(roots), key=lambda item: -len(str(item[1]))):
        replacements.append((escape_path(str(root)), f"<ROOT{index}>"))
    digests = {}
    for name in COMPARED:
        text = (out_dir / name).read_text("utf-8")
        for old, new in replacements:
            text = text.replace(old, new)
        digests[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return digests


def check(corpus: str, digests: dict[str, str]) -> None:
    recorded = json.loads(GOLDEN.read_text("utf-8")) if GOLDEN.exists() else {}
    if os.environ.get("LEAKCENSUS_WRITE_GOLDEN") == "1":
        recorded[corpus] = digests
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", "utf-8")
        return
    assert corpus in recorded, f"no recorded digests for {corpus}; see this module's docstring"
    changed = sorted(name for name in COMPARED if recorded[corpus][name] != digests[name])
    assert not changed, f"{corpus}: {', '.join(changed)} differ from the recorded outputs"


def test_sample_leak_outputs_unchanged(sample_scan: SampleScan) -> None:
    check("sample_leak", normalised(sample_scan.result.out_dir, (sample_scan.leak.root,)))


def test_labelled_corpora_outputs_unchanged(labelled_corpora_scan: LabelledCorporaScan) -> None:
    check("labelled_corpora", normalised(labelled_corpora_scan.out_dir, labelled_corpora_scan.roots))


@pytest.mark.parametrize("name", COMPARED)
def test_normalisation_keeps_what_matters(sample_scan: SampleScan, name: str, tmp_path: Path) -> None:
    """The placeholders hide only the roots and times: a changed byte elsewhere changes the digest."""
    copy = tmp_path / "out"
    copy.mkdir()
    for output in COMPARED:
        (copy / output).write_bytes((sample_scan.result.out_dir / output).read_bytes())
    before = normalised(copy, (sample_scan.leak.root,))
    path = copy / name
    text = path.read_text("utf-8")
    # A digit past the middle, changed so that JSON stays JSON (9 -> 8, else d -> d + 1).
    index = next(i for i in range(len(text) // 2, len(text)) if text[i].isascii() and text[i].isdigit())
    digit = int(text[index])
    path.write_text(text[:index] + str(8 if digit == 9 else digit + 1) + text[index + 1:], "utf-8")
    assert normalised(copy, (sample_scan.leak.root,))[name] != before[name]
