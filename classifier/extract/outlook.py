"""Outlook items (.msg, an OLE compound file) with extract-msg: headers, body, attachments.

The file is opened from an in-memory stream, never from a path, and nothing is
saved: attachments are read as bytes, embedded messages re-serialised in memory
(`exportBytes`). extract-msg parses no XML; its HTML-from-RTF fallback uses RTFDE.
"""

from __future__ import annotations

import io

from extract_msg import openMsg
from extract_msg.attachments import AttachmentBase, SignedAttachment
from extract_msg.enums import AttachmentType, ErrorBehavior
from extract_msg.msg_classes import MessageBase, MSGFile

from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.markup import html_to_text
from classifier.limits import Limits
from classifier.records import Extracted, Member, SegmentKind

# A broken or unsupported attachment becomes a counted member problem, not a
# failure of the whole message; likewise a body whose RTF cannot be decoded.
TOLERATED = ErrorBehavior.ATTACH_SUPPRESS_ALL | ErrorBehavior.RTFDE | ErrorBehavior.STANDARDS_VIOLATION


def extract_msg(data: bytes, name: str, limits: Limits) -> Extracted:
    # A BytesIO, not the bytes: olefile takes a bytes object shorter than
    # 1536 bytes for a file name and would open that path.
    try:
        item = openMsg(io.BytesIO(data), strict=False, errorBehavior=TOLERATED)
    except Exception as exc:  # olefile and extract-msg raise many types on malformed files
        raise CorruptDocument(f"msg: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"email_headers"}))
    try:
        if isinstance(item, MessageBase):
            _read_message(item, out, limits)
        _read_attachments(item, out, limits)
    except LimitExceeded:
        raise
    except Exception as exc:
        raise CorruptDocument(f"msg: {reason_from(exc)}") from None
    finally:
        item.close()
    return out


def _read_message(item: MessageBase, out: Extracted, limits: Limits) -> None:
    for header, value in (("from", item.sender), ("to", item.to), ("cc", item.cc), ("subject", item.subject)):
        if value:
            out.add(SegmentKind.EMAIL_HEADER, value, header)
    if item.date is not None:
        out.metadata_dates.append(item.date.date().isoformat())
    body = item.body
    if not body and item.htmlBody:
        body = html_to_text(item.htmlBody.decode("utf-8", errors="replace"))
    if body:
        out.add_bounded(SegmentKind.PROSE, body, limits.max_text_chars)


def _read_attachments(item: MSGFile, out: Extracted, limits: Limits) -> None:
    attachments: list[AttachmentBase | SignedAttachment] = list(item.attachments)
    total = 0
    for number, attachment in enumerate(attachments, start=1):
        if attachment.type is AttachmentType.WEB:
            continue  # a link to a file kept elsewhere: there are no bytes to read
        if len(out.members) >= limits.max_members:
            raise LimitExceeded("max_members")
        member = _member(attachment, number, limits.max_member_bytes)
        total += len(member.data)
        if total > limits.max_container_bytes:
            raise LimitExceeded("max_container_bytes")
        out.members.append(member)


def _member(attachment: AttachmentBase | SignedAttachment, number: int, max_member_bytes: int) -> Member:
    name = (attachment.name or f"attachment-{number}").replace("/", "_").replace("\\", "_")
    modified = None
    if isinstance(attachment, AttachmentBase):
        when = attachment.lastModificationTime or attachment.creationTime
        modified = when.date().isoformat() if when else None
    content = attachment.data
    if isinstance(content, bytes):
        if len(content) > max_member_bytes:
            return Member(name, b"", modified, problem="max_member_bytes")
        return Member(name, content, modified)
    if isinstance(content, MSGFile):
        if not name.lower().endswith(".msg"):
            name += ".msg"
        try:
            return Member(name, content.exportBytes(allowBadEmbed=True), modified)
        except Exception as exc:  # re-serialising a damaged embedded message
            return Member(name, b"", modified, problem=f"embedded msg: {reason_from(exc)}")
    return Member(name, b"", modified, problem=f"msg attachment: {attachment.type.name.lower()}")
