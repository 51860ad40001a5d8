"""RFC 822 email (EML): headers, body text and attachments as members."""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage, Message

from classifier.extract.errors import CorruptDocument, reason_from
from classifier.extract.limits import Limits
from classifier.extract.markup import html_to_text
from classifier.records import Extracted, Member, SegmentKind

ADDRESS_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Sender")


def extract_eml(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:
        raise CorruptDocument(f"eml: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"email_headers"}))
    try:
        _read_message(message, out, limits)
    except (ValueError, LookupError, TypeError, AttributeError, OverflowError) as exc:
        raise CorruptDocument(f"eml: {reason_from(exc)}") from None
    return out


def _read_message(message: Message, out: Extracted, limits: Limits) -> None:
    for header in ADDRESS_HEADERS:
        for value in message.get_all(header) or []:
            out.add(SegmentKind.EMAIL_HEADER, str(value), header.lower())
    subject = message.get("Subject")
    if subject:
        out.add(SegmentKind.EMAIL_HEADER, str(subject), "subject")
    try:
        # The default policy parses the header on access: a year of 30 digits overflows there
        # (OverflowError, found by benchmarks/fuzz_extractors.py); the message is still read.
        date_header = message.get("Date")
        if date_header:
            parsed = email.utils.parsedate_to_datetime(str(date_header))
            out.metadata_dates.append(parsed.date().isoformat())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    attachment_number = 0
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        content_type = part.get_content_type()
        if filename or disposition == "attachment" or content_type == "message/rfc822":
            attachment_number += 1
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                payload = part.as_bytes() if content_type == "message/rfc822" else b""
            member_name = filename or f"attachment-{attachment_number}"
            out.members.append(Member(member_name.replace("/", "_"), payload))
            if len(out.members) >= limits.max_members:
                break
            continue
        if content_type in ("text/plain", "text/html"):
            body = _part_text(part)
            if content_type == "text/html":
                body = html_to_text(body)
            out.add_bounded(SegmentKind.PROSE, body, limits.max_text_chars)


def _part_text(part: Message) -> str:
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except (LookupError, ValueError, AssertionError):
            pass
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    return ""
