"""Checks of one table cell's value against an entity type: does it fit a column of that type?

Each is `check(value, region) -> bool`, fast enough to run on every cell of a big sheet
(Luhn, mod-97, libphonenumber), which replaces NER cell by cell.
"""

from __future__ import annotations

import re

from classifier.pii.normalise import normalise_email, normalise_ip, normalise_phone

_NAME_LIKE = re.compile(r"^[^\W\d_][^\d@/\\|=<>{}\[\]#:]*$")
SSN = re.compile(r"^(?!000|666|9\d\d)\d{3}-?(?!00)\d{2}-?(?!0000)\d{4}$")


def email_valid(value: str, region: str) -> bool:
    normal = normalise_email(value)
    return normal is not None and "." in normal.rsplit("@", 1)[-1]


def phone_valid(value: str, region: str) -> bool:
    return normalise_phone(value, region) is not None


def ip_valid(value: str, region: str) -> bool:
    return normalise_ip(value) is not None


def person_name_like(value: str, region: str) -> bool:
    return _NAME_LIKE.match(value.strip()) is not None and 1 <= len(value.split()) <= 5


def name_like(value: str, region: str) -> bool:
    """An organisation or a place: name-like, or any text with a letter."""
    return _NAME_LIKE.match(value.strip()) is not None or any(ch.isalpha() for ch in value)


def luhn_valid(value: str, region: str) -> bool:
    digits = [int(ch) for ch in value if ch.isdigit()]
    if not 13 <= len(digits) <= 19 or any(ch not in "0123456789 -" for ch in value.strip()):
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if index % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def iban_valid(value: str, region: str) -> bool:
    compact = "".join(value.split()).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def ssn_valid(value: str, region: str) -> bool:
    return SSN.match(value.strip()) is not None
