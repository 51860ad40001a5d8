"""File and member names -> the text written in output paths, losslessly and without collisions.

Names are bytes on disk and in archives (an old Latin-1 tar, a zip flagged UTF-8 whose name is
not, a folder named `x.zip!`). Python hands them over as text with undecodable bytes kept as lone
surrogates (surrogateescape), which no UTF-8 output can hold. One escaping, the contract's, turns
any name into printable UTF-8 that maps back to exactly one name:

- a byte that is not valid UTF-8 is `%XX` (its hex value);
- a control character (C0, DEL, C1) or a bidirectional override is `%XX` per UTF-8 byte, so that
  a name can neither move a terminal's cursor nor reorder what a reader sees, and so are `⟨` and
  `⟩`, which only masks (`⟨PERSON⟩`, pii/name_mask.py) write;
- a `%` that would read as such an escape (followed by two hex digits) is `%25`;
- a literal `!/` is `!%2F`, and a folder name ending in `!` ends in `%21`, so that a path always
  splits into its containers one way (`x.zip!/a` is a member of `x.zip`, never a folder `x.zip!`).
"""

from __future__ import annotations

import re

MEMBER_SEPARATOR = "!/"
_ESCAPED = re.compile(r"%(?=[0-9A-Fa-f]{2})|[\udc80-\udcff\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u27e8\u27e9]")


def _escape_match(match: re.Match[str]) -> str:
    char = match.group()
    if "\udc80" <= char <= "\udcff":  # surrogateescape's stand-in for one undecodable byte
        return f"%{ord(char) - 0xDC00:02X}"
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def escape_name(name: str) -> str:
    """One file or member name (surrogateescape text) as it is written in output paths."""
    return _ESCAPED.sub(_escape_match, name).replace(MEMBER_SEPARATOR, "!%2F")


def escape_folder(name: str) -> str:
    """A folder's name: as a file name, and a trailing `!` that `/` would turn into a separator is `%21`."""
    escaped = escape_name(name)
    return escaped[:-1] + "%21" if escaped.endswith("!") else escaped


def escape_path(path: str) -> str:
    """A relative file-system path (`/`-separated, surrogateescape text), component by component."""
    *folders, leaf = path.split("/")
    return "/".join([*(escape_folder(folder) for folder in folders), escape_name(leaf)])
