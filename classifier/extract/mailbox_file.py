"""Unix mailboxes (mbox): one member per message, each read again as an EML.

The standard library's `mailbox.mbox` needs a path on disk, so the From_ lines
are split here, in memory.
"""

from __future__ import annotations

import re

from classifier.extract.errors import CorruptDocument, LimitExceeded
from classifier.limits import Limits
from classifier.mail_bytes import from_line_date, mbox_messages
from classifier.records import Extracted, Member

# mboxrd quoting: a body line "From ..." is stored as ">From ...", ">From" as ">>From".
QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def extract_mbox(data: bytes, name: str, limits: Limits) -> Extracted:
    if not data.startswith(b"From "):
        raise CorruptDocument("mbox: no From_ line at the start")
    out = Extracted(structure=frozenset({"mailbox"}))
    for number, (from_line, message) in enumerate(mbox_messages(data), start=1):
        if len(out.members) >= limits.max_members:
            raise LimitExceeded("max_members")
        delivered = from_line_date(from_line)
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
