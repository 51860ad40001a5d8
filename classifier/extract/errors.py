"""Narrow exceptions an extractor raises; `scan` turns each into a status.

Messages are short fixed reasons chosen by our code, never text from the document.
"""

from __future__ import annotations


class DocumentProblem(Exception):
    """Base class: the message is a short reason safe to write to output."""


class EncryptedDocument(DocumentProblem):
    pass


class CorruptDocument(DocumentProblem):
    pass


class UnsupportedDocument(DocumentProblem):
    pass


class LimitExceeded(DocumentProblem):
    """A configured limit was hit; the message names the limit."""


def reason_from(exc: BaseException) -> str:
    """A short reason for a library exception: its type name only, never its message.

    Library messages often quote the offending bytes (a bad token, a header
    value), which may be document content.
    """
    return type(exc).__name__
