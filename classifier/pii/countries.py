"""Country names (English, German, French, Spanish) -> ISO 3166-1 alpha-2, offline.

libphonenumber ships every region's display name in many languages; asking it for the name of
each region's example number gives the table without another dependency. The table is read from
country_names.json, written from libphonenumber by `python -m classifier.pii.countries`: importing
libphonenumber's geocoder loads its name data for every language (measured: 0.4 s, and 0.27 s
more to build the table, in every worker). tests/test_countries.py checks the file against the
installed libphonenumber, so an upgrade that changes a name fails there, not silently.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

LANGUAGES = ("en", "de", "fr", "es")
# Short forms the official names do not cover.
ALIASES = {"usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US", "america": "US", "uk": "GB", "u.k.": "GB",
           "england": "GB", "scotland": "GB", "wales": "GB", "great britain": "GB", "britain": "GB",
           "holland": "NL", "the netherlands": "NL", "czech republic": "CZ", "south korea": "KR", "russia": "RU"}
TABLE = "country_names.json"


def country_names() -> dict[str, str]:
    """Case-folded country name or alias -> region code."""
    names: dict[str, str] = json.loads(resources.files("classifier.pii").joinpath(TABLE).read_text("utf-8"))
    return names


def names_from_libphonenumber() -> dict[str, str]:
    """The table as libphonenumber gives it (the first language to name a region wins a clash)."""
    import phonenumbers
    from phonenumbers.geocoder import country_name_for_number

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


def write_table(path: Path) -> None:
    path.write_text(json.dumps(names_from_libphonenumber(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    write_table(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name(TABLE))
