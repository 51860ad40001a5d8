"""Normal forms of entity values, exactly as the output contract defines them.

Pure functions: the same real-world value written differently gives one
normal form, and normalising a normal form changes nothing. Which type takes
which form is a column of the entity-type table (entity_types.py).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "herr", "herrn", "frau", "mme", "m", "sr", "sra",
                    "mlle", "srta", "don", "doña", "dña", "dra"})
LEGAL_SUFFIXES = frozenset(
    {"inc", "ltd", "llc", "gmbh", "ag", "sa", "sas", "bv", "corp", "co", "plc", "pty", "limited", "incorporated",
     "corporation", "sarl", "srl", "spa", "nv", "kg", "oy", "ab", "as", "llp", "lp"}
)
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def normalise_email(raw: str) -> str | None:
    value = raw.strip().strip("<>").strip().lower()
    if value.startswith("mailto:"):
        value = value[len("mailto:") :]
    local, _, domain = value.rpartition("@")
    # "=" and ":" are legal in a local part but in config text they end an
    # assignment the email pattern swallowed ("smtp_user=ops@contoso.com").
    local = local.rsplit("=", 1)[-1].rsplit(":", 1)[-1]
    value = f"{local}@{domain}" if local else value
    return value if "@" in value and not value.startswith("@") and not value.endswith("@") else None


def normalise_phone(raw: str, region: str | None) -> str | None:
    """E.164, parsed with the document's likely region; None when it is not a valid number."""
    # Imported here: the scan's parent imports this module (the entity-type table) but never parses a
    # number, and libphonenumber's metadata is a tenth of a rescan's start-up.
    import phonenumbers

    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_region(e164: str) -> str | None:
    import phonenumbers  # as in normalise_phone

    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None
    return region if region and region != "001" and len(region) == 2 else None


def normalise_person(raw: str) -> str | None:
    value = collapse(unicodedata.normalize("NFKC", raw))
    if value.count(",") == 1:
        last, first = (part.strip() for part in value.split(","))
        if first and last:
            value = f"{first} {last}"
    words = [w for w in value.replace(".", " ").split() if w.casefold() not in TITLES]
    result = collapse(" ".join(words)).casefold()
    return result or None


def normalise_organization(raw: str) -> str | None:
    value = unicodedata.normalize("NFKC", raw).casefold().replace("&", " and ")
    words = _NON_WORD.sub(" ", value.replace(".", "")).split()
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    result = " ".join(words)
    return result or None


def normalise_alnum(raw: str) -> str | None:
    """Credit cards, SSNs, IBANs: digits and letters only, upper-cased."""
    result = "".join(ch for ch in raw if ch.isalnum()).upper()
    return result or None


def normalise_ip(raw: str) -> str | None:
    try:
        return str(ipaddress.ip_address(raw.strip().strip("[]")))
    except ValueError:
        return None


def normalise_secret(raw: str) -> str | None:
    """A secret as written: case and inner characters are part of it."""
    result = raw.strip()
    return result or None


def normalise_other(raw: str) -> str | None:
    result = collapse(raw).casefold()
    return result or None


# Legal forms written glued to a domain label ("litwareinc.com"); only these
# long-enough ones, and only when a real name is left, to keep "zinc" whole.
GLUED_LEGAL_SUFFIXES = ("inc", "corp", "llc", "gmbh", "ltd", "plc")


def hash_form(entity_type: str, normal: str) -> str:
    """What the keyed hash covers: the normal form, except that an organisation is
    compared without spaces and glued legal forms, so that "Woodgrove Bank",
    woodgrovebank.com and "Litware Inc" / litwareinc.com meet."""
    if entity_type != "ORGANIZATION":
        return normal
    joined = normal.replace(" ", "")
    for suffix in GLUED_LEGAL_SUFFIXES:
        if joined.endswith(suffix) and len(joined) - len(suffix) >= 4:
            return joined[: -len(suffix)]
    return joined
