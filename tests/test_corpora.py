"""Real files no one here wrote (../shared/corpora): every file accounted for, types from the bytes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPORA, LabelledCorporaScan, scan_records

pytestmark = pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora absent (not a development checkout)")

OOXML = "application/vnd.openxmlformats-officedocument."
# What libmagic may call each magika-basic folder's true type.
FITTING_MIMES: dict[str, tuple[str, ...]] = {
    "csv": ("text/csv",),
    "docx": (OOXML + "wordprocessingml.document",),
    "eml": ("message/rfc822",),
    "empty": ("application/x-empty",),
    "epub": ("application/epub+zip",),
    "html": ("text/html",),
    "ini": ("text/x-ini",),
    "jpeg": ("image/jpeg",),
    "json": ("application/json",),
    "markdown": ("text/markdown",),
    "mht": ("message/rfc822", "multipart/related"),
    "odp": ("application/vnd.oasis.opendocument.presentation",),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet",),
    "odt": ("application/vnd.oasis.opendocument.text",),
    "outlook": ("application/vnd.ms-outlook",),
    "pdf": ("application/pdf",),
    "pem": ("application/x-pem-file", "application/pgp-keys"),
    "png": ("image/png",),
    "pptx": (OOXML + "presentationml.presentation",),
    "rtf": ("text/rtf",),
    "srt": ("application/x-subrip",),
    "svg": ("image/svg+xml",),
    "toml": ("application/toml",),
    "tsv": ("text/tab-separated-values",),
    "txt": ("text/plain",),
    "xlsx": (OOXML + "spreadsheetml.sheet",),
    "yaml": ("application/yaml",),
    "zip": ("application/zip",),
}


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def magika_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return scan_records(tmp_path_factory.mktemp("magika"), CORPORA / "magika-basic")


@pytest.fixture(scope="module")
def poi_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return scan_records(tmp_path_factory.mktemp("poi"), CORPORA / "office-poi")


def test_magika_every_file_one_record(magika_records: list[dict[str, Any]]) -> None:
    top = sorted(r["path"] for r in magika_records if "!/" not in r["path"])
    assert top == files_under(CORPORA / "magika-basic")


def test_magika_mime_fits_the_folder_for_95_percent(magika_records: list[dict[str, Any]]) -> None:
    typed = [r for r in magika_records if "!/" not in r["path"] and "/" in r["path"]]
    fits = [r["mime"] in FITTING_MIMES[r["path"].split("/")[0]] for r in typed]
    misses = [(r["path"], r["mime"]) for r, ok in zip(typed, fits, strict=True) if not ok]
    assert sum(fits) / len(fits) >= 0.95, misses


def test_poi_every_file_one_record_and_no_crash(poi_records: list[dict[str, Any]]) -> None:
    top = [r["path"] for r in poi_records if "!/" not in r["path"]]
    assert sorted(top) == files_under(CORPORA / "office-poi")
    assert Counter(top).most_common(1)[0][1] == 1
    statuses = Counter(r["status"] for r in poi_records)
    assert statuses["error"] == 0, [(r["path"], r["error"]) for r in poi_records if r["status"] == "error"]


def test_poi_password_files_are_encrypted(poi_records: list[dict[str, Any]]) -> None:
    protected = [r for r in poi_records if "password-is" in r["path"] and "!/" not in r["path"]]
    assert len(protected) >= 2
    assert {r["status"] for r in protected} == {"encrypted"}


def test_poi_fuzzer_crashers_are_corrupt_or_ok(poi_records: list[dict[str, Any]]) -> None:
    crashers = [r for r in poi_records if ("clusterfuzz" in r["path"] or "crash-" in r["path"]) and "!/" not in r["path"]]
    assert crashers
    assert {r["status"] for r in crashers} <= {"ok", "corrupt", "too_large", "encrypted"}


def test_other_corpora_every_file_one_record(labelled_corpora_scan: LabelledCorporaScan) -> None:
    roots, records = labelled_corpora_scan.roots, labelled_corpora_scan.documents
    top = sorted(r["path"] for r in records if "!/" not in r["path"])
    assert top == sorted(p for root in roots for p in files_under(root))
    assert all(r["status"] == "ok" for r in records), [(r["path"], r["status"]) for r in records if r["status"] != "ok"]
