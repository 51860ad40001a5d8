"""Document dates from metadata and from dates written in the text.

Pure functions. Implausible dates (before 1980, or on or after the scan day) are dropped:
they are defaults, placeholders or typos, not document dates. The scan day itself is what a
library writes when a document has no date of its own (openpyxl's "now", an export's gzip header),
and a leak's headline "dated … to <today>" was always that artefact (#19).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

EARLIEST_PLAUSIBLE = date(1980, 1, 1)
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january", "januar", "janvier", "enero"), ("feb", "february", "februar", "février", "febrero"),
         ("mar", "march", "märz", "mars", "marzo"), ("apr", "april", "avril", "abril"),
         ("may", "mai", "mayo"), ("jun", "june", "juni", "juin", "junio"), ("jul", "july", "juli", "juillet", "julio"),
         ("aug", "august", "août", "agosto"), ("sep", "sept", "september", "septembre", "septiembre"),
         ("oct", "october", "oktober", "octobre", "octubre"), ("nov", "november", "novembre", "noviembre"),
         ("dec", "december", "dezember", "décembre", "diciembre")],
        start=1,
    )
    for name in names
}
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_WORDS})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_WORDS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
# 14.03.2021 or 14/03/2021: day first unless that is impossible (US 03/14/2021).
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b")
TEXT_BUDGET = 200_000


def make_date(year: int, month: int, day: int, today: date) -> date | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST_PLAUSIBLE <= value < today else None


# A birth date is a fact about a person, not a date of the document: "Date of birth: 14.03.1987"
# must not date a 2021 personnel file to 1987 (and next to a path naming the person, it would
# publish the birth date). Labels in the languages the PII stage reads, in the few words before.
BIRTH_LABEL = re.compile(
    r"(?:\bbirth|\bborn\b|\bd\.?\s?o\.?\s?b\b|geburt|\bgeb(?:oren)?\b|\bn[ée]e?\b|naissance|nacimiento|\bnacid[oa]\b)"
    r"[^\n\d]{0,30}\Z", re.IGNORECASE)
LABEL_WINDOW = 60


def _labelled_birth(text: str, start: int) -> bool:
    return BIRTH_LABEL.search(text, max(0, start - LABEL_WINDOW), start) is not None


def dates_in_text(text: str, today: date) -> list[date]:
    """Dates written in the text, without those labelled as someone's birth date."""
    text = text[:TEXT_BUDGET]
    found: list[date | None] = []
    for match in ISO_DATE.finditer(text):
        if not _labelled_birth(text, match.start()):
            y, m, d = match.groups()
            found.append(make_date(int(y), int(m), int(d), today))
    for match in DAY_MONTH_YEAR.finditer(text):
        if not _labelled_birth(text, match.start()):
            d, m, y = match.groups()
            found.append(make_date(int(y), MONTHS[m.lower()], int(d), today))
    for match in MONTH_DAY_YEAR.finditer(text):
        if not _labelled_birth(text, match.start()):
            m, d, y = match.groups()
            found.append(make_date(int(y), MONTHS[m.lower()], int(d), today))
    for match in NUMERIC_DATE.finditer(text):
        if _labelled_birth(text, match.start()):
            continue
        first, second, year = match.groups()
        a, b = int(first), int(second)
        found.append(make_date(int(year), b, a, today) if a > 12 or b <= 12 else make_date(int(year), a, b, today))
    return [d for d in found if d is not None]


def parse_iso(value: str, today: date) -> date | None:
    match = ISO_DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return make_date(year, month, day, today)


DateRange = tuple[str | None, str | None]


def with_container_date(metadata: DateRange, text: DateRange, container_date: str | None, today: date) -> DateRange:
    """date_range of a document whose own metadata dates span `metadata` and text dates span `text`,
    met inside a container that dates it `container_date`. Kept apart from the content's ranges so that
    a copy of the same bytes elsewhere (standalone, or in another archive) gets its own container's
    date, whichever copy a worker analysed first."""
    ranged = date_range([d for d in (*metadata, container_date) if d], (), today)
    return ranged if ranged != (None, None) else text


def date_range(metadata: Iterable[str], text_dates: Iterable[date], today: date) -> tuple[str | None, str | None]:
    """The document's own dates (metadata) when it has any; dates written in its text only when it has none.

    A mail of 2002 quoting "founded in 1892" or a spammer's "offer valid until 2024" is still a mail of 2002."""
    values = [d for d in (parse_iso(m, today) for m in metadata) if d is not None]
    if not values:
        values.extend(text_dates)
    if not values:
        return None, None
    return min(values).isoformat(), max(values).isoformat()
