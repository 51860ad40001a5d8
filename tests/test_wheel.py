"""A wheel built from the tree, installed the way a Dask worker is told to install it, scans (#18).

An editable install reads data files from the source tree and hides a wheel that lacks them: the
category model once lived in `models/` outside the package, and a normal install could not tag
categories. Here the package is built into a wheel, installed without `-e` into a fresh venv, and
run from a folder outside the checkout, so every file it needs must come from the wheel.

The fresh venv gets the package's dependencies from this venv's site-packages (a `.pth` line)
rather than from the package index: the test checks the wheel, not the index, and stays offline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
INVOICE = """INVOICE No. 2024-0117
Invoice date: 12 March 2024    Due date: 11 April 2024
Bill to: Northwind Traders Ltd, 14 Harbour Street, Bristol
Description                      Qty   Unit price   Amount
Consulting services, March        12      950.00   11,400.00
Subtotal 11,400.00   VAT 20% 2,280.00   Total due EUR 13,680.00
Payment terms: 30 days net. Please pay by bank transfer quoting the invoice number.
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    # Only what the build reads, copied: building in the checkout would leave build/ and egg-info there.
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "classifier", source / "classifier",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(dist), str(source)], check=True, capture_output=True, timeout=600)
    (built,) = dist.glob("leakcensus-*.whl")
    return built


def test_wheel_holds_the_models(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "classifier/categories/categories.json" in names
    assert any(name.startswith("classifier/pii/ner_models/") for name in names)
    assert any(name.startswith("classifier/schemas/") and name.endswith(".json") for name in names)
    assert not any(name.startswith("models/") for name in names)


def test_installed_wheel_scans_and_tags_categories(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # Dependencies from this venv; its .pth files (the editable install of this checkout) are not
    # processed from a path added this way, so `classifier` can only come from the wheel.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
                    "--target", str(site), str(wheel)], check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    located = subprocess.run([str(python), "-c", "import classifier; print(classifier.__file__)"],
                             cwd=elsewhere, check=True, capture_output=True, text=True).stdout.strip()
    assert Path(located).is_relative_to(site)

    root = tmp_path / "share"
    root.mkdir()
    (root / "invoice-2024-0117.txt").write_text(INVOICE, "utf-8")
    out = tmp_path / "out"
    # The console script is not installed by --target; the module entry point is the same main().
    scan = subprocess.run(
        [str(python), "-c", "from classifier.cli import main; main()", "scan", str(root), "--out", str(out),
         "--state", str(tmp_path / "state")],
        cwd=elsewhere, capture_output=True, text=True, timeout=600)
    assert scan.returncode == 0, scan.stderr[-2000:]
    (record,) = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert record["status"] == "ok"
    assert record["categories"][0]["id"] == "invoice"
