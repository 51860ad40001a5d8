"""The Python API (#19): `classifier.census` does what `leakcensus scan` does and returns the inventory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifier import census
from classifier.errors import RunError
from tests.conftest import TEST_KEY


def test_census_returns_the_inventory_it_wrote(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "staff.csv").write_text("name,email\nAnn Lee,ann.lee@contoso.com\nBob Ruiz,bob.ruiz@contoso.com\n", "utf-8")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    result = census(root, out=tmp_path / "out", key_file=key, workers=1, state_dir=tmp_path / "state")
    assert result.inventory == json.loads((tmp_path / "out" / "inventory.json").read_text("utf-8"))
    assert result.inventory["totals"]["documents"] == 1
    assert result.inventory["entities"]["EMAIL_ADDRESS"]["unique"] == 2


def test_census_raises_operator_errors_as_run_errors(tmp_path: Path) -> None:
    with pytest.raises(RunError, match="root does not exist"):
        census(tmp_path / "missing", out=tmp_path / "out", state_dir=tmp_path / "state")
