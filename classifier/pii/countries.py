"""Country names (English, German, French, Spanish) -> ISO 3166-1 alpha-2, offline.

libphonenumber ships every region's display name in many languages; asking it
for the name of each region's example number gives the table without another
dependency or data file.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers.geocoder import country_name_for_number

LANGUAGES = ("en", "de", "fr", "es")
# Short forms the official names do not cover.
ALIASES = {"usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US", "america": "US", "uk": "GB", "u.k.": "GB",
           "england": "GB", "scotland": "GB", "wales": "GB", "great britain": "GB", "britain": "GB",
           "holland": "NL", "the netherlands": "NL", "czech republic": "CZ", "south korea": "KR", "russia": "RU"}


def country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        example = phonenumbers.example_number(region)
        if example is None:
            continue
        for language in LANGUAGES:
            name = country_name_for_number(example, language)
            if name:
                names.setdefault(name.casefold(), region)
    names.update(ALIASES)
    return names
