"""The output contract: the package's schema copies match the spec, and real output validates."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest

from tests.conftest import SHARED, SampleScan


def packaged_schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resources.files("classifier").joinpath("schemas", name).read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("name", ["inventory.schema.json", "document.schema.json"])
def test_packaged_schemas_equal_the_spec(name: str) -> None:
    spec = SHARED / "spec" / "next" / name
    if not spec.exists():
        pytest.skip(f"{spec} absent (not a development checkout)")
    assert packaged_schema(name) == json.loads(spec.read_text("utf-8"))


def test_sample_inventory_validates(sample_scan: SampleScan) -> None:
    inventory = json.loads((sample_scan.result.out_dir / "inventory.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(
        packaged_schema("inventory.schema.json"), format_checker=jsonschema.FormatChecker()
    ).validate(inventory)


def test_every_sample_document_line_validates(sample_scan: SampleScan) -> None:
    validator = jsonschema.Draft202012Validator(
        packaged_schema("document.schema.json"), format_checker=jsonschema.FormatChecker()
    )
    assert len(sample_scan.documents) > 20
    for document in sample_scan.documents:
        validator.validate(document)


def test_validator_rejects_a_broken_record(sample_scan: SampleScan) -> None:
    broken = dict(sample_scan.documents[0], status="fine", content_hmac="xyz")
    errors = list(jsonschema.Draft202012Validator(packaged_schema("document.schema.json")).iter_errors(broken))
    assert {e.path[0] for e in errors} == {"status", "content_hmac"}
