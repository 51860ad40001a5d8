"""Main language of a document's text, offline.

py3langid (a maintained fork of langid.py) ships its model inside the wheel,
needs no network, is deterministic, and classifies a few thousand characters
in well under a millisecond; the scan needs only the main language.
"""

from __future__ import annotations

import py3langid

SAMPLE_CHARS = 4000
MIN_LETTERS = 40


def detect_language(text: str) -> str | None:
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(sample)
    return code if isinstance(code, str) and len(code) == 2 else None


# The region whose national phone formats a document in this language most
# likely uses. English defaults to the US (the libphonenumber convention for
# numbers written without a country code); +CC numbers parse in any region.
REGION_BY_LANGUAGE = {
    "en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
    "sv": "SE", "da": "DK", "nb": "NO", "no": "NO", "fi": "FI", "cs": "CZ", "ja": "JP", "zh": "CN", "ko": "KR",
}
DEFAULT_REGION = "US"


def likely_region(language: str | None) -> str:
    return REGION_BY_LANGUAGE.get(language or "", DEFAULT_REGION)
