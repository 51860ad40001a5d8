"""Rich Text Format with striprtf, plus the \\creatim/\\revtim dates of its \\info group.

striprtf is a pure-Python tokenizer: no XML, no embedded objects opened.
"""

from __future__ import annotations

import re
from datetime import date

from striprtf.striprtf import rtf_to_text

from classifier.extract.errors import CorruptDocument, reason_from
from classifier.extract.text import decode_text
from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind

RTF_START = re.compile(rb"\A\s*\{\\rtf", re.IGNORECASE)
INFO_DATE = re.compile(r"\\(?:creatim|revtim)\s*\\yr(\d{1,4})\s*\\mo(\d{1,2})\s*\\dy(\d{1,2})")
# What changes group depth: escaped braces and backslashes do not, and \binN
# is followed by N raw bytes that may contain anything.
DEPTH_TOKEN = re.compile(r"\\bin(\d{1,10}) ?|\\[{}\\]|[{}]")


def extract_rtf(data: bytes, name: str, limits: Limits) -> Extracted:
    if not RTF_START.match(data):
        raise CorruptDocument("rtf: no {\\rtf header")
    markup = decode_text(data)
    if not _groups_closed(markup):
        # Word and striprtf both stop at the close of the outer group; a file
        # that never closes it was cut short.
        raise CorruptDocument("rtf: unbalanced groups (truncated)")
    try:
        # striprtf ships py.typed but leaves this function unannotated
        text: str = rtf_to_text(markup, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, TypeError, LookupError, OverflowError, IndexError) as exc:
        raise CorruptDocument(f"rtf: {reason_from(exc)}") from None
    out = Extracted()
    out.add_bounded(SegmentKind.PROSE, text, limits.max_text_chars)
    out.metadata_dates = _info_dates(markup)
    return out


def _groups_closed(markup: str) -> bool:
    depth = 0
    position = 0
    while found := DEPTH_TOKEN.search(markup, position):
        position = found.end()
        token = found.group()
        if found.group(1) is not None:
            position += int(found.group(1))
        elif token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return True  # anything after the outer group is ignored by readers
    return False


def _info_dates(markup: str) -> list[str]:
    dates = []
    for year, month, day in INFO_DATE.findall(markup[:1 << 20]):  # \info comes before the body
        try:
            dates.append(date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return dates
