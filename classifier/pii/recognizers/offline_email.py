"""Presidio's email recognizer, validated against tldextract's bundled suffix list.

Presidio calls the module-level `tldextract.extract`, which downloads the
public suffix list on first use; with no network that means long tracebacks
and a delay per process. The bundled snapshot is enough to tell a real TLD.
"""

from __future__ import annotations

from typing import ClassVar

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from classifier.pii.domains import offline_domain_extractor

# Country-code domains IANA has since retired (Yugoslavia, East Timor, Zaire, the Netherlands
# Antilles, US Minor Outlying Islands, Czechoslovakia, Burma): today's suffix list drops them,
# but old mail is full of them (`.yu` was in use until 2010).
RETIRED_CCTLDS = frozenset({"yu", "tp", "zr", "an", "um", "cs", "bu"})


class OfflineEmailRecognizer(EmailRecognizer):
    PREFILTER_SHAPES: ClassVar[tuple[str, ...]] = ("@",)

    def __init__(self, extractor: tldextract.TLDExtract | None = None) -> None:
        super().__init__()
        # The engine splits the addresses it counts with this same extractor (one suffix list a process).
        self.domains = extractor if extractor is not None else offline_domain_extractor()

    def validate_result(self, pattern_text: str) -> bool:
        if pattern_text.rsplit(".", 1)[-1].lower() in RETIRED_CCTLDS:
            return True
        return bool(self.domains(pattern_text).fqdn)
