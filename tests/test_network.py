"""Offline by construction: a scan opens no network connection and makes no DNS look-up."""

from __future__ import annotations

from pathlib import Path

import tldextract

from classifier.pii.domains import offline_domain_extractor
from tests.conftest import NetworkGuard, SampleScan


def test_scan_of_the_sample_leak_touches_no_network(sample_scan: SampleScan) -> None:
    assert sample_scan.result.inventory["totals"]["documents"] > 0
    assert sample_scan.network_events == []


def test_guard_catches_a_library_that_fetches_on_first_use(network_guard: NetworkGuard, tmp_path: Path) -> None:
    """tldextract's default extractor downloads the public suffix list: the guard must see it."""
    fetching = tldextract.TLDExtract(cache_dir=str(tmp_path / "cache"))
    assert fetching("mail.contoso.co.uk").suffix == "co.uk"  # falls back to its snapshot once blocked
    assert network_guard.events, "the guard missed a real download attempt"


def test_offline_extractor_needs_no_network(network_guard: NetworkGuard) -> None:
    extractor = offline_domain_extractor()
    assert extractor("mail.contoso.co.uk").top_domain_under_public_suffix == "contoso.co.uk"
    assert network_guard.events == []
