from __future__ import annotations

import subprocess
import sys

from classifier.pii.countries import country_names, names_from_libphonenumber


def test_the_shipped_table_is_what_the_installed_libphonenumber_gives() -> None:
    """country_names.json is written from libphonenumber; an upgrade that renames a region fails here
    (rewrite it with `python -m classifier.pii.countries`)."""
    assert country_names() == names_from_libphonenumber()


def test_names_in_four_languages_and_short_forms() -> None:
    names = country_names()
    assert [names[n] for n in ("germany", "deutschland", "allemagne", "alemania")] == ["DE"] * 4
    assert [names[n] for n in ("spain", "spanien", "espagne", "españa")] == ["ES"] * 4
    assert names["u.s.a."] == "US" and names["uk"] == "GB"
    assert len(set(names.values())) > 200


def test_reading_the_table_does_not_load_the_geocoder() -> None:
    """The point of the file: a worker's start-up no longer imports libphonenumber's name data."""
    code = ("import sys; from classifier.pii.countries import country_names; country_names(); "
            "print('phonenumbers.geocoder' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
