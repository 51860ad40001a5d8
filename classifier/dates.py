"""Document dates from metadata and from dates written in the text.

Pure functions. Implausible dates (before 1980, or after the scan) are dropped:
they are defaults, placeholders or typos, not document dates.
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
    return value if EARLIEST_PLAUSIBLE <= value <= today else None


def dates_in_text(text: str, today: date) -> list[date]:
    text = text[:TEXT_BUDGET]
    found: list[date | None] = []
    found += [make_date(int(y), int(m), int(d), today) for y, m, d in ISO_DATE.findall(text)]
    found += [make_date(int(y), MONTHS[m.lower()], int(d), today) for d, m, y in DAY_MONTH_YEAR.findall(text)]
    found += [make_date(int(y), MONTHS[m.lower()], int(d), today) for m, d, y in MONTH_DAY_YEAR.findall(text)]
    for first, second, year in NUMERIC_DATE.findall(text):
        a, b = int(first), int(second)
        found.append(make_date(int(year), b, a, today) if a > 12 or b <= 12 else make_date(int(year), a, b, today))
    return [d for d in found if d is not None]


def parse_iso(value: str, today: date) -> date | None:
    match = ISO_DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return make_date(year, month, day, today)


def date_range(metadata: Iterable[str], text_dates: Iterable[date], today: date) -> tuple[str | None, str | None]:
    """The document's own dates (metadata) when it has any; dates written in its text only when it has none.

    A mail of 2002 quoting "founded in 1892" or a spammer's "offer valid until 2024" is still a mail of 2002."""
    values = [d for d in (parse_iso(m, today) for m in metadata) if d is not None]
    if not values:
        values.extend(text_dates)
    if not values:
        return None, None
    return min(values).isoformat(), max(values).isoformat()
