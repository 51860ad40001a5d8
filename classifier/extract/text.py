"""Plain text, logs, source code and config files, with encoding detection."""

from __future__ import annotations

from charset_normalizer import from_bytes

from classifier.extract.limits import Limits
from classifier.records import Extracted, SegmentKind

CODE_SUFFIXES = (".py", ".js", ".ts", ".java", ".c", ".h", ".cpp", ".go", ".rs", ".rb", ".php", ".sh", ".cs", ".sql")


def decode_text(data: bytes) -> str:
    """Bytes -> str: UTF-8 when it is valid (most files), else the best detected charset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 1 << 20]).best()
    encoding = best.encoding if best is not None else "latin-1"
    return data.decode(encoding, errors="replace")


def extract_text(data: bytes, name: str, limits: Limits) -> Extracted:
    text = decode_text(data)[: limits.max_text_chars]
    out = Extracted()
    is_code = name.lower().endswith(CODE_SUFFIXES)
    out.add(SegmentKind.CODE if is_code else SegmentKind.PROSE, text)
    if is_code:
        out.structure = frozenset({"code_file"})
    return out


def extract_empty(data: bytes, name: str, limits: Limits) -> Extracted:
    return Extracted()
