"""RFC 822 email (EML): address headers, the body text, and every other MIME part as a member.

What is read, and why:
- Addresses come from From, To, Cc, Bcc, Reply-To and Sender only, one EMAIL_HEADER segment per
  header (the PII tagger parses them as addresses, not as prose). Protocol fields (Received,
  Message-ID, Thread-Index, DKIM, boundaries) are never read as text: their ids look like
  addresses and secrets.
- The body is the text/plain or text/html leaves without a file name (of an alternative, the
  plain one). Every other leaf is a member (an attachment, an inline image), and so is every
  `message/rfc822` part (a forwarded message, read again as an e-mail with its own headers and
  attachments): names may repeat, the analyzer makes member paths unique.
- A mailing list's footer (the tail after a separator line that names the list, or says how to
  unsubscribe) is METADATA: its addresses count, its words do not make the message a contact list.
- The message's date is its Date header when that agrees with when it was delivered (the last
  hop's Received time, else the mbox From_ line); a forged or broken clock gives way to delivery.
- A charset Python does not know (`unknown-8bit`, a typo) falls back to detection, then latin-1:
  the message stays readable and `ok`.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from datetime import date, datetime, timedelta
from email.message import Message

from charset_normalizer import from_bytes

from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.markup import html_to_text
from classifier.limits import Limits
from classifier.mail_bytes import from_line_date
from classifier.records import FOOTER_LABEL, Extracted, Member, SegmentKind

ADDRESS_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Sender")
BODY_TYPES = ("text/plain", "text/html")
# A Date header further than this from the delivery time is a wrong or forged clock
# (the SpamAssassin corpus has spam "written" in 1980, 1997 and 2020 and delivered in 2002).
DELIVERY_SLACK = timedelta(days=30)
EARLIEST_PLAUSIBLE = date(1980, 1, 1)
LIST_HEADERS = ("List-Id", "List-Post", "List-Unsubscribe", "List-Help", "List-Subscribe", "Mailing-List")
# A footer starts at a separator line: "-- ", or a rule of five or more of one punctuation mark
# (optionally around a few words: "----- Yahoo! Groups Sponsor -----").
SEPARATOR = re.compile(r"^(?:-- ?|([_\-=~*#])\1{4,}.{0,60})\s*$", re.MULTILINE)
FOOTER_LINES = 25
UNSUBSCRIBE = re.compile(r"(?i)\bunsubscri|\(un\)subscri|\bmailman/listinfo\b")
LIST_TOKEN = re.compile(r"[\w.+-]+@[\w.-]+|https?://[^\s<>\"]+|<([^<>]+)>")
DETECT_BYTES = 1 << 16


def extract_eml(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:
        raise CorruptDocument(f"eml: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"email_headers"}))
    try:
        _MessageReader(out, limits).read(message)
    except LimitExceeded:
        raise
    except (ValueError, LookupError, TypeError, AttributeError, OverflowError, IndexError) as exc:
        raise CorruptDocument(f"eml: {reason_from(exc)}") from None
    return out


class _MessageReader:
    def __init__(self, out: Extracted, limits: Limits) -> None:
        self.out = out
        self.limits = limits
        self.attachments = 0
        self.forwarded = 0
        self.inflated = 0

    def read(self, message: Message) -> None:
        for header in ADDRESS_HEADERS:
            for value in _header_values(message, header):
                self.out.add(SegmentKind.EMAIL_HEADER, value, header.lower())
        for subject in _header_values(message, "Subject")[:1]:
            self.out.add(SegmentKind.EMAIL_HEADER, subject, "subject")
        own = message_date(message)
        if own is not None:
            self.out.metadata_dates.append(own.isoformat())
        self.footer_marks = list_marks(message)
        self._part(message, top=True)

    def _part(self, part: Message, top: bool = False) -> None:
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and not top:
            self._forwarded(part)
            return
        if part.is_multipart():
            payload = part.get_payload()
            children = [c for c in payload if isinstance(c, Message)] if isinstance(payload, list) else []
            if content_type == "multipart/alternative":
                children = _one_alternative(children)
            for child in children:
                self._part(child)
            return
        # The top part of a single-part message is its body when it is text (or a multipart whose
        # boundary never appears, which the parser leaves as one text).
        if _is_body(part) or (top and content_type.startswith(("text/", "multipart/"))):
            self._body(part)
            return
        self.attachments += 1
        name = _filename(part) or f"attachment-{self.attachments}"
        payload = part.get_payload(decode=True)
        self._member(name, payload if isinstance(payload, bytes) else b"")

    def _forwarded(self, part: Message) -> None:
        self.forwarded += 1
        inner = part.get_payload()
        message = inner[0] if isinstance(inner, list) and inner else None
        name = _filename(part) or f"forwarded-{self.forwarded}.eml"
        if not isinstance(message, Message):
            self._member(name, b"", problem="forwarded message without content")
            return
        try:
            data = message.as_bytes(policy=email.policy.compat32)
        except Exception as exc:  # re-serialising a damaged message part
            self._member(name, b"", problem=f"forwarded message: {reason_from(exc)}")
            return
        self._member(name, data)

    def _member(self, name: str, data: bytes, problem: str | None = None) -> None:
        if len(self.out.members) >= self.limits.max_members:
            raise LimitExceeded("max_members")
        name = name.replace("/", "_").replace("\\", "_")
        if problem is None and len(data) > self.limits.max_member_bytes:
            data, problem = b"", "max_member_bytes"
        self.inflated += len(data)
        if self.inflated > self.limits.max_container_bytes:
            raise LimitExceeded("max_container_bytes")
        self.out.members.append(Member(name, data, problem=problem))

    def _body(self, part: Message) -> None:
        text = part_text(part)
        if part.get_content_type() == "text/html":
            text = html_to_text(text)
        body, footer = split_footer(text, self.footer_marks)
        self.out.add_bounded(SegmentKind.PROSE, body, self.limits.max_text_chars)
        if footer:
            self.out.add(SegmentKind.METADATA, footer[: self.limits.max_text_chars], FOOTER_LABEL)


def _header_values(message: Message, header: str) -> list[str]:
    try:
        values = message.get_all(header) or []
        return [str(v) for v in values]
    except Exception:  # a header the parser cannot even turn into a string: nothing to read there
        return []


def _filename(part: Message) -> str | None:
    try:
        return part.get_filename()
    except Exception:
        return None


def _is_body(part: Message) -> bool:
    try:
        disposition = part.get_content_disposition()
    except Exception:
        disposition = None
    return part.get_content_type() in BODY_TYPES and _filename(part) is None and disposition != "attachment"


def _one_alternative(children: list[Message]) -> list[Message]:
    """Of an alternative, the plain text when there is one (the HTML says the same, with markup);
    parts that are no body text (a calendar, an image) are kept as members."""
    bodies = [c for c in children if _is_body(c)]
    plain = [c for c in bodies if c.get_content_type() == "text/plain"]
    keep = plain[:1] or bodies[:1]
    return keep + [c for c in children if c not in bodies]


def part_text(part: Message) -> str:
    """The part's text: its declared charset, else the detected one, else latin-1 (which decodes any byte)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    try:
        declared = part.get_content_charset()
    except Exception:
        declared = None
    for charset in (declared, "utf-8"):
        if charset:
            try:
                return payload.decode(charset)
            except (LookupError, UnicodeDecodeError, ValueError):
                pass
    best = from_bytes(payload[:DETECT_BYTES]).best()
    if best is not None and best.encoding:
        try:
            return payload.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return payload.decode("latin-1")


def parse_mail_date(value: str | None) -> datetime | None:
    """A Date or Received timestamp; a three-digit year is years since 1900 (RFC 5322's obsolete syntax)."""
    if not value:
        return None
    try:
        parts = email.utils.parsedate_tz(value)
        if parts is None:
            return None
        year = parts[0]
        if 100 <= year < 1000:
            parts = (year + 1900, *parts[1:])
        return datetime.fromtimestamp(email.utils.mktime_tz(parts))
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def delivered_at(message: Message) -> datetime | None:
    """When the message arrived: the first (last-hop) Received header with a time, else the mbox From_ line."""
    for value in _header_values(message, "Received"):
        if ";" in value:
            stamp = parse_mail_date(value.rsplit(";", 1)[1].strip())
            if stamp is not None:
                return stamp
    unixfrom = message.get_unixfrom()
    found = from_line_date(unixfrom.encode("latin-1", errors="replace")) if unixfrom else None
    return datetime.fromisoformat(found) if found else None


def message_date(message: Message, today: date | None = None) -> date | None:
    today = today or date.today()
    written_values = _header_values(message, "Date")
    written = parse_mail_date(written_values[0]) if written_values else None
    delivered = delivered_at(message)
    if written is not None and not EARLIEST_PLAUSIBLE <= written.date() <= today:
        written = None
    if delivered is not None and not EARLIEST_PLAUSIBLE <= delivered.date() <= today:
        delivered = None
    if written is not None and delivered is not None and abs(written - delivered) > DELIVERY_SLACK:
        return delivered.date()
    chosen = written or delivered
    return chosen.date() if chosen is not None else None


def list_marks(message: Message) -> tuple[str, ...]:
    """What a mailing list's footer would name: the addresses, URLs and ids in the List-* headers."""
    marks: set[str] = set()
    for header in LIST_HEADERS:
        for value in _header_values(message, header):
            for token in LIST_TOKEN.finditer(value):
                mark = (token.group(1) or token.group(0)).strip().lower()
                mark = mark.removeprefix("mailto:").split("?", 1)[0].rstrip("/>.")
                if len(mark) >= 6:
                    marks.add(mark)
    return tuple(sorted(marks))


def split_footer(text: str, marks: tuple[str, ...]) -> tuple[str, str]:
    """(body, footer): the footer is the tail after the last separator line when that tail is short
    and names the list (one of its List-* addresses or URLs) or says how to unsubscribe."""
    for separator in reversed(list(SEPARATOR.finditer(text))):
        tail = text[separator.start():]
        if tail.count("\n") > FOOTER_LINES:
            break
        folded = tail.lower()
        if UNSUBSCRIBE.search(tail) or any(mark in folded for mark in marks):
            return text[: separator.start()], tail
    return text, ""
