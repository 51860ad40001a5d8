"""The sample leak generator: deterministic, and its truth describes the files it wrote."""

from __future__ import annotations

import email
import hashlib
import io
import json
import re
import zipfile
import zlib
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from sample_data.generate import ENTITY_TYPES, main

ZIP_BASED = (".zip", ".xlsx", ".docx")


def generate(out: Path) -> tuple[Path, dict[str, Any]]:
    main(["--out", str(out), "--seed", "7"])
    truth: dict[str, Any] = json.loads((out / "truth.json").read_text("utf-8"))
    return out / "leak", truth


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    generate(first)
    generate(second)
    return first, second


@pytest.fixture(scope="module")
def sample(twice: tuple[Path, Path]) -> tuple[Path, dict[str, Any]]:
    out = twice[0]
    return out / "leak", json.loads((out / "truth.json").read_text("utf-8"))


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def attachments(data: bytes) -> dict[str, bytes]:
    message = email.message_from_bytes(data)
    found: dict[str, bytes] = {}
    for part in message.walk():
        name = part.get_filename()
        payload = part.get_payload(decode=True)
        if name and isinstance(payload, bytes):
            found[name] = payload
    return found


def document_bytes(root: Path, path: str) -> bytes:
    """The bytes of a file under the root, or of a member such as 'a.zip!/b/c.pdf'."""
    container, _, member = path.partition("!/")
    data = (root / container).read_bytes()
    if not member:
        return data
    if container.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read(member)
    return attachments(data)[member]


def texts(name: str, data: bytes) -> list[bytes]:
    """Every layer of a file in which written text could sit: raw, unzipped, inflated, decoded."""
    layers = [data]
    if name.endswith(ZIP_BASED):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                layers.extend(texts(member, archive.read(member)))
    elif name.endswith(".pdf"):
        layers.extend(zlib.decompress(stream) for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S))
    elif name.endswith(".eml"):
        message: Message = email.message_from_bytes(data)
        for part in message.walk():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                layers.extend(texts(part.get_filename() or "", payload))
    return layers


def test_same_seed_gives_byte_identical_output(twice: tuple[Path, Path]) -> None:
    first, second = twice
    assert digests(first) == digests(second)
    assert len(digests(first / "leak")) >= 35


def test_every_file_in_the_truth_exists_and_every_file_is_in_the_truth(sample: tuple[Path, dict[str, Any]]) -> None:
    root, truth = sample
    files = truth["files"]
    on_disk = set(digests(root))
    assert {p for p in files if "!/" not in p} == on_disk
    for path, info in files.items():
        assert info["format"] in {"pdf", "xlsx", "docx", "csv", "txt", "log", "eml", "zip", "yaml", "env", "py"}
        assert document_bytes(root, path)
        for member in info["members"]:
            assert f"{path}!/{member}" in files
    formats = {info["format"] for info in files.values()}
    assert {"pdf", "xlsx", "docx", "csv", "txt", "log", "eml", "zip", "env", "py"} <= formats
    assert len({info["category"] for info in files.values()}) >= 15


def test_containers_hold_what_the_truth_says(sample: tuple[Path, dict[str, Any]]) -> None:
    root, truth = sample
    for path, info in truth["files"].items():
        if info["format"] == "zip":
            with zipfile.ZipFile(root / path) as archive:
                assert archive.namelist() == info["members"]
            assert len(info["members"]) >= 3 and any("/" in m for m in info["members"])
        elif info["format"] == "eml" and info["members"]:
            assert sorted(attachments((root / path).read_bytes())) == sorted(info["members"])


def test_duplicates_are_byte_identical_to_their_original(sample: tuple[Path, dict[str, Any]]) -> None:
    root, truth = sample
    duplicates = {p: f["duplicate_of"] for p, f in truth["files"].items() if f["duplicate_of"]}
    assert len([p for p in duplicates if "!/" not in p]) >= 3
    assert any("!/" in p for p in duplicates)
    for path, original in duplicates.items():
        assert truth["files"][original]["duplicate_of"] is None
        assert document_bytes(root, path) == document_bytes(root, original)


def test_truth_lists_are_non_empty_and_add_up(sample: tuple[Path, dict[str, Any]]) -> None:
    _, truth = sample
    entities = truth["entities"]
    assert sorted(entities) == sorted(ENTITY_TYPES)
    assert all(entities[kind] for kind in ENTITY_TYPES)
    union: dict[str, set[str]] = {kind: set() for kind in ENTITY_TYPES}
    for path, found in truth["entities_by_file"].items():
        assert path in truth["files"]
        for kind, values in found.items():
            union[kind] |= set(values)
    assert {kind: sorted(values) for kind, values in union.items()} == entities
    assert all(v == v.lower() for v in entities["EMAIL_ADDRESS"])
    assert all(re.fullmatch(r"\+\d{8,15}", v) for v in entities["PHONE_NUMBER"])
    assert all(re.fullmatch(r"[A-Z0-9]+", v) for kind in ("CREDIT_CARD", "IBAN_CODE", "US_SSN") for v in entities[kind])
    assert all(v == v.casefold() and "." not in v for kind in ("PERSON", "ORGANIZATION") for v in entities[kind])
    assert "contoso" in entities["ORGANIZATION"]
    assert len(entities["PERSON"]) >= 20


def test_people_are_reused_across_files(sample: tuple[Path, dict[str, Any]]) -> None:
    _, truth = sample
    by_file = truth["entities_by_file"].values()
    for kind in ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"):
        mentions = sum(len(found.get(kind, [])) for found in by_file)
        assert mentions > 2 * len(truth["entities"][kind]), kind


def test_canaries_occur_in_the_written_documents(sample: tuple[Path, dict[str, Any]]) -> None:
    root, truth = sample
    layers = [layer for p in root.rglob("*") if p.is_file() for layer in texts(p.name, p.read_bytes())]
    assert len(truth["canaries"]) >= 8
    for canary in truth["canaries"]:
        needle = canary.encode("utf-8")
        assert any(needle in layer for layer in layers), canary


def test_another_seed_changes_the_values_but_not_the_files(tmp_path: Path, sample: tuple[Path, dict[str, Any]]) -> None:
    main(["--out", str(tmp_path), "--seed", "8"])
    other = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    assert other["files"] == sample[1]["files"]
    assert other["entities"]["CREDIT_CARD"] != sample[1]["entities"]["CREDIT_CARD"]
