"""Two readers of one format compared on the same bytes (#20: the streamed DOCX and XLSX readers
against python-docx and openpyxl, kept in benchmarks/ooxml_readers.py as the references)."""

from __future__ import annotations

from collections.abc import Callable

from classifier.extract.errors import CorruptDocument
from classifier.limits import Limits
from classifier.records import Extracted

Reader = Callable[[bytes, str, Limits], Extracted]


def outcome(reader: Reader, data: bytes, name: str, limits: Limits) -> Extracted | str:
    """What the reader makes of the bytes: what it extracted, or `corrupt: <reason>`."""
    try:
        return reader(data, name, limits)
    except CorruptDocument as problem:
        return f"corrupt: {problem}"


def assert_same(old: Extracted | str, new: Extracted | str) -> Extracted:
    """Both refused with the same reason, or the same segments, dates, structure, truncation and members
    (the new reader's Extracted is returned; an empty one when both refused)."""
    if isinstance(old, str) or isinstance(new, str):
        assert old == new
        return Extracted()
    assert new.segments == old.segments
    assert (new.metadata_dates, new.structure, new.truncated) == (old.metadata_dates, old.structure, old.truncated)
    assert [(m.name, m.data) for m in new.members] == [(m.name, m.data) for m in old.members]
    return new
