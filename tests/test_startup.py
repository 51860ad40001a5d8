"""Start-up (#20): the scan's parent process never imports the NLP stack, and a worker's time
limit for a file does not count the NER pipeline it loads on first meeting a language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_KEY

# Runs a scan in this process and reports, at exit, which NLP modules it imported (numpy too: the parent
# only indexes signatures; importing it cost every scan, and every rescan, 0.13 s).
PARENT_PROBE = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(m for m in ("spacy", "presidio_analyzer", "thinc", "torch", "numpy", "scipy")
                                                 if m in sys.modules)), file=sys.stderr))
from classifier.cli import main
sys.argv = ["leakcensus", *sys.argv[1:]]
main()
"""

FRENCH = ("Compte rendu de la réunion du comité de direction.\n"
          "Madame Claire Dubois a demandé à Monsieur Jean Martin d'envoyer l'offre révisée à la société Dupont "
          "avant la fin du trimestre, et de confirmer les conditions de livraison avec le service des achats de "
          "Lyon. La prochaine réunion aura lieu le mardi suivant dans les locaux de l'entreprise à Paris.\n")


def scan(tmp_path: Path, root: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    command = [sys.executable, "-c", PARENT_PROBE, "scan", str(root), "--out", str(out), "--key-file", str(key),
               "--state", str(tmp_path / "state"), "--quiet", *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    with (out / "documents.jsonl").open() as lines:
        statuses = {d["path"]: d["status"] for d in map(json.loads, lines)}
    return result, statuses


def test_the_parent_of_a_scan_never_imports_spacy_or_presidio(tmp_path: Path) -> None:
    # Before: `classifier.scan.pool` imported classifier.analyze (for its settings class), and with it
    # Presidio and spaCy: ~1.7 s and ~150 MiB in a process that never analyses.
    root = tmp_path / "share"
    root.mkdir()
    (root / "minutes.txt").write_text("Ann Lee (ann.lee@contoso.com) asked Bob Ruiz for the offer.\n", "utf-8")
    result, statuses = scan(tmp_path, root, "--workers", "1")
    assert statuses == {"minutes.txt": "ok"}  # analysed, by a worker
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []


def test_loading_a_languages_pipeline_is_not_the_files_time(tmp_path: Path) -> None:
    # The French pipeline loads the first time a worker meets French text (~2 s here). Before, that
    # counted against the file's --timeout: the first French file of every worker timed out.
    root = tmp_path / "share"
    root.mkdir()
    (root / "compte-rendu.txt").write_text(FRENCH, "utf-8")
    _, statuses = scan(tmp_path, root, "--workers", "1", "--timeout", "1.5")
    assert statuses == {"compte-rendu.txt": "ok"}


def test_copies_named_with_values_are_masked_without_the_engine_in_the_parent(tmp_path: Path) -> None:
    # Before: the parent masked the names of files it copies (same bytes as a file a worker analysed)
    # itself, loading Presidio and spaCy for it. Now the worker that analyses the first file masks the
    # names of its copies too; the outputs are masked as before.
    root = tmp_path / "share"
    (root / "a").mkdir(parents=True)
    (root / "backup").mkdir()
    text = "Ann Lee (ann.lee@contoso.com) asked Bob Ruiz for the offer.\n"
    (root / "a" / "notes.txt").write_text(text, "utf-8")  # first in walk order: the one analysed
    (root / "backup" / "Xanthippe Quillfeather 536-22-8491 (1).txt").write_text(text, "utf-8")
    result, statuses = scan(tmp_path, root, "--workers", "1")
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []
    copy = next(path for path in statuses if path.startswith("backup/"))
    assert statuses == {"a/notes.txt": "ok", copy: "ok"}
    assert copy.endswith("⟩ ⟨US_SSN⟩ (1).txt") and "Xanthippe" not in copy and "8491" not in copy
