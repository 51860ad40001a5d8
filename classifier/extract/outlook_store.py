"""Outlook data files (PST and OST) with libpff: folders of messages, each message a member.

libpff (libpff-python, the maintained binding of libyal's library) opens the file from an
in-memory stream. Each message becomes an RFC 822 message built in memory, named by its folder
path and its place in the folder (`Inbox/0001.eml`), and is read again by the e-mail extractor:
so a PST's mail is counted exactly as mail on disk is (addresses from its headers, the body,
every attachment its own member: `a.pst!/Inbox/0001.eml!/offer.pdf`).

A message keeps the Internet headers it arrived with (From, To, Cc, Date, Received) when the
store has them; a message written in Outlook has none, and its addresses and date come from the
store's own properties (sender, recipients, submit and delivery times).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from email.parser import HeaderParser
from email.policy import SMTP, compat32
from email.utils import format_datetime, formataddr

import pypff

from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.limits import Limits
from classifier.records import Extracted, Member

# MAPI property tags (MS-OXPROPS) read from the store where libpff has no accessor.
PR_SENDER_EMAIL_ADDRESS = 0x0C1F
PR_SENDER_SMTP_ADDRESS = 0x5D01
PR_DISPLAY_NAME = 0x3001
PR_EMAIL_ADDRESS = 0x3003
PR_SMTP_ADDRESS = 0x39FE
PR_RECIPIENT_TYPE = 0x0C15
PR_ATTACH_MIME_TAG = 0x370E
RECIPIENT_HEADERS = {1: "To", 2: "Cc", 3: "Bcc"}
# Headers carried over from the message's own Internet headers; its MIME structure is not (the
# store keeps the body and attachments apart, and they are rebuilt from there).
KEPT_HEADERS = ("Received", "Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject")
UNICODE_VERSION = 23
MAX_FOLDER_DEPTH = 64  # a folder tree deeper than this is a damaged or hostile file


def declared_size(data: bytes) -> int | None:
    """The file size the PST header records (ROOT.ibFileEof, [MS-PST] 2.2.2.5): 8 bytes at 0xB8 in a
    Unicode store (wVer >= 23), 4 bytes at 0xA8 in an ANSI one."""
    if len(data) < 0xC0:
        return None
    (version,) = struct.unpack_from("<H", data, 10)
    if version >= UNICODE_VERSION:
        return int(struct.unpack_from("<Q", data, 0xB8)[0])
    return int(struct.unpack_from("<I", data, 0xA8)[0])


def extract_pst(data: bytes, name: str, limits: Limits) -> Extracted:
    expected = declared_size(data)
    if expected is None or len(data) < expected:
        # libpff reads a cut store as far as the cut and says nothing: the file itself is damaged,
        # and a responder must know that its folders may be incomplete.
        raise CorruptDocument(f"pst: truncated ({len(data)} of {expected} bytes)" if expected else "pst: header cut short")
    store = pypff.file()
    try:
        store.open_file_object(io.BytesIO(data))
    except Exception as exc:  # libpff raises IOError/OSError with its own messages on damaged files
        raise CorruptDocument(f"pst: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"mailbox"}))
    total = 0
    try:
        root = store.get_root_folder()
        for path, item in _messages(root, "", 0):
            if len(out.members) >= limits.max_members:
                raise LimitExceeded("max_members")
            try:
                message = _message_bytes(item)
            except Exception as exc:  # one unreadable item is that item's problem, not the store's
                out.members.append(Member(path, b"", problem=f"pst item: {reason_from(exc)}"))
                continue
            if len(message) > limits.max_member_bytes:
                out.members.append(Member(path, b"", problem="max_member_bytes"))
                continue
            total += len(message)
            if total > limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")
            out.members.append(Member(path, message))
    except LimitExceeded:
        raise
    except Exception as exc:
        raise CorruptDocument(f"pst: {reason_from(exc)}") from None
    finally:
        store.close()
    out.inflated = total
    return out


def _messages(folder: pypff.folder, path: str, depth: int) -> Iterator[tuple[str, pypff.message]]:
    """(member name, item) for every message, folder by folder, in the store's order."""
    if depth > MAX_FOLDER_DEPTH:
        raise CorruptDocument("pst: folders nested too deeply")
    for number in range(folder.number_of_sub_messages):
        yield f"{path}{number + 1:04d}.eml", folder.get_sub_message(number)
    for sub in folder.sub_folders:
        name = (sub.name or "unnamed folder").replace("/", "_").replace("\\", "_")
        yield from _messages(sub, f"{path}{name}/", depth + 1)


def _entries(item: object, tags: set[int]) -> dict[int, str]:
    """String properties of one record set (a message's, a recipient's, an attachment's)."""
    found: dict[int, str] = {}
    for record_set in getattr(item, "record_sets", ()):
        for entry in record_set.entries:
            if entry.entry_type in tags and entry.entry_type not in found:
                try:
                    value = entry.get_data_as_string()
                except Exception:  # not a string property after all
                    continue
                if value:
                    found[entry.entry_type] = value
    return found


def _recipients(item: pypff.message) -> dict[str, list[str]]:
    by_header: dict[str, list[str]] = {}
    recipients = item.recipients
    if recipients is None:
        return by_header
    for record_set in recipients.record_sets:
        values: dict[int, object] = {}
        for entry in record_set.entries:
            if entry.entry_type in (PR_DISPLAY_NAME, PR_EMAIL_ADDRESS, PR_SMTP_ADDRESS, PR_RECIPIENT_TYPE):
                try:
                    values[entry.entry_type] = (entry.get_data_as_integer() if entry.entry_type == PR_RECIPIENT_TYPE
                                                else entry.get_data_as_string())
                except Exception:
                    continue
        address = values.get(PR_SMTP_ADDRESS) or values.get(PR_EMAIL_ADDRESS)
        display = values.get(PR_DISPLAY_NAME)
        kind = values.get(PR_RECIPIENT_TYPE)
        header = RECIPIENT_HEADERS.get(kind if isinstance(kind, int) else 1, "To")
        if isinstance(address, str) and "@" in address:
            by_header.setdefault(header, []).append(formataddr((display if isinstance(display, str) else "", address)))
        elif isinstance(display, str):
            by_header.setdefault(header, []).append(display)
    return by_header


def _text(value: bytes | None) -> str:
    if not value:
        return ""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("cp1252", errors="replace")


def _message_bytes(item: pypff.message) -> bytes:
    message = EmailMessage(policy=SMTP)
    transport = item.transport_headers
    if transport:
        headers = HeaderParser(policy=compat32).parsestr(transport.strip() + "\n\n")
        for header in KEPT_HEADERS:
            for value in headers.get_all(header) or []:
                message[header] = " ".join(str(value).split())
    if "From" not in message:
        sender = _entries(item, {PR_SENDER_SMTP_ADDRESS, PR_SENDER_EMAIL_ADDRESS})
        address = sender.get(PR_SENDER_SMTP_ADDRESS) or sender.get(PR_SENDER_EMAIL_ADDRESS) or ""
        name = item.sender_name or ""
        if address or name:
            message["From"] = formataddr((name, address)) if "@" in address else name
    if not any(h in message for h in RECIPIENT_HEADERS.values()):
        for header, values in _recipients(item).items():
            message[header] = ", ".join(values)
    if "Subject" not in message and item.subject:
        message["Subject"] = " ".join(item.subject.split())
    if "Date" not in message:
        when: datetime | None = item.client_submit_time or item.delivery_time or item.creation_time
        if when is not None:
            message["Date"] = format_datetime(when)
    body = _text(item.plain_text_body)
    if body:
        message.set_content(body)
    elif item.html_body:
        message.set_content(_text(item.html_body), subtype="html")
    for number in range(item.number_of_attachments):
        attachment = item.get_attachment(number)
        size = attachment.get_size() or 0
        content = attachment.read_buffer(size) if size else b""
        mime = _entries(attachment, {PR_ATTACH_MIME_TAG}).get(PR_ATTACH_MIME_TAG, "application/octet-stream")
        maintype, _, subtype = mime.partition("/")
        if not subtype or maintype in ("multipart", "message"):
            maintype, subtype = "application", "octet-stream"
        filename = attachment.long_filename or f"attachment-{number + 1}"
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()
