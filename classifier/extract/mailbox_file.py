"""Unix mailboxes (mbox): one member per message, each read again as an EML.

The standard library's `mailbox.mbox` needs a path on disk, so the From_ lines
are split here, in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from classifier.extract.errors import CorruptDocument, LimitExceeded
from classifier.extract.limits import Limits
from classifier.records import Extracted, Member

FROM_LINE = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)
# mboxrd quoting: a body line "From ..." is stored as ">From ...", ">From" as ">>From".
QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
# The From_ line ends with an asctime() date, sometimes followed by a zone.
ASCTIME = re.compile(rb"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +([A-Z][a-z]{2}) +(\d{1,2}) +[\d:]{5,8} +(\d{4})")
# English month names whatever the process locale (strptime's %b follows LC_TIME).
MONTHS = (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec")


def extract_mbox(data: bytes, name: str, limits: Limits) -> Extracted:
    if not data.startswith(b"From "):
        raise CorruptDocument("mbox: no From_ line at the start")
    out = Extracted(structure=frozenset({"mailbox"}))
    for number, (from_line, message) in enumerate(_messages(data), start=1):
        if len(out.members) >= limits.max_members:
            raise LimitExceeded("max_members")
        delivered = _from_line_date(from_line)
        if delivered:
            out.metadata_dates.append(delivered)
        member_name = f"message-{number}.eml"
        if len(message) > limits.max_member_bytes:
            out.members.append(Member(member_name, b"", delivered, problem="max_member_bytes"))
        else:
            out.members.append(Member(member_name, QUOTED_FROM.sub(rb"\1", message), delivered))
    if not out.members:
        raise CorruptDocument("mbox: no complete From_ line")
    return out


def _messages(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(From_ line, message bytes) pairs.

    A From_ line starts a message only at the start of the file or after a
    blank line, as writers separate messages; an unquoted "From " inside a
    body (mboxo files) then stays in its message.
    """
    starts = [m for m in FROM_LINE.finditer(data)
              if m.start() == 0 or data[m.start() - 2 : m.start()] == b"\n\n" or data[m.start() - 3 : m.start()] == b"\n\r\n"]
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(data)
        message = data[start.end() : end]
        if message.endswith((b"\n\n", b"\r\n\r\n")):  # the blank separator line is not part of the message
            message = message[: -2 if message.endswith(b"\r\n") else -1]
        yield start.group(), message


def _from_line_date(from_line: bytes) -> str | None:
    found = ASCTIME.search(from_line)
    if found is None:
        return None
    month, day, year = found.groups()
    if month not in MONTHS:
        return None
    try:
        return date(int(year), MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        return None
