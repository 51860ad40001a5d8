"""Presidio's email recognizer, validated against tldextract's bundled suffix list.

Presidio calls the module-level `tldextract.extract`, which downloads the
public suffix list on first use; with no network that means long tracebacks
and a delay per process. The bundled snapshot is enough to tell a real TLD.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer


def offline_domain_extractor() -> tldextract.TLDExtract:
    # suffix_list_urls=() and cache_dir=None: never fetch, never write a cache.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    def __init__(self, extractor: tldextract.TLDExtract) -> None:
        super().__init__()
        self._extractor = extractor

    def validate_result(self, pattern_text: str) -> bool:
        return bool(self._extractor(pattern_text).fqdn)
