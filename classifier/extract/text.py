"""Plain text, logs, source code and config files, with encoding detection."""

from __future__ import annotations

from charset_normalizer import from_bytes

from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind
from classifier.sniff import utf16_without_bom

UTF8_MAX_BYTES = 4
CODE_SUFFIXES = (".py", ".js", ".ts", ".java", ".c", ".h", ".cpp", ".go", ".rs", ".rb", ".php", ".sh", ".cs", ".sql")


def decode_text(data: bytes, max_chars: int | None = None) -> str:
    """Bytes -> str: UTF-8 when it is valid (most files), else the best detected charset.

    With `max_chars`, only the leading bytes that can hold more than that many characters
    are decoded (a 200 MB one-line log is not turned into a 200 MB string to keep 5 MB).
    """
    if utf16 := utf16_without_bom(data):  # valid UTF-8 too (NUL is), but as UTF-8 every other character is NUL
        return data[: 2 * max_chars + 2 if max_chars is not None else None].decode(utf16, errors="replace")
    if max_chars is not None and len(data) > UTF8_MAX_BYTES * (max_chars + 1):
        data = _utf8_prefix(data, UTF8_MAX_BYTES * (max_chars + 1))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 1 << 20]).best()
    encoding = best.encoding if best is not None else "latin-1"
    return data.decode(encoding, errors="replace")


def _utf8_prefix(data: bytes, size: int) -> bytes:
    """The first `size` bytes, less a UTF-8 sequence the cut left incomplete."""
    cut = data[:size]
    for back in range(1, UTF8_MAX_BYTES + 1):
        lead = cut[-back]
        if lead & 0xC0 != 0x80:  # an ASCII byte or the lead byte of a sequence
            length = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            return cut if length <= back else cut[:-back]
    return cut


def extract_text(data: bytes, name: str, limits: Limits) -> Extracted:
    text = decode_text(data, limits.max_text_chars)
    out = Extracted()
    is_code = name.lower().endswith(CODE_SUFFIXES)
    out.add_bounded(SegmentKind.CODE if is_code else SegmentKind.PROSE, text, limits.max_text_chars)
    if is_code:
        out.structure = frozenset({"code_file"})
    return out


def extract_empty(data: bytes, name: str, limits: Limits) -> Extracted:
    return Extracted()
