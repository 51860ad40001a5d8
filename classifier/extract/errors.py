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


# What an exception type means for a document, in words an operator can act on (#19: reasons were
# bare exception names). Only the type is looked at: messages may quote document bytes.
READABLE = {
    "KeyError": "a part it refers to is missing",
    "BadZipFile": "not a readable ZIP container",
    "UnicodeDecodeError": "text not in the encoding it declares",
    "RecursionError": "nested too deeply to read",
    "EOFError": "cut off before its end",
    "NotImplementedError": "uses a feature the reader does not support",
    "UnidentifiedImageError": "not a picture its type's decoder can read",
    "DamagedStream": "compressed data is damaged",
}


def reason_from(exc: BaseException) -> str:
    """A short reason for a library exception: its type name (and what that means), never its message.

    Library messages often quote the offending bytes (a bad token, a header
    value), which may be document content.
    """
    name = type(exc).__name__
    meaning = READABLE.get(name)
    return f"{meaning} ({name})" if meaning else name
