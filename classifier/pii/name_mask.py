"""File, folder and member names -> the same names with detected values masked (contract v2).

A leak's names carry what its files carry: `Xanthippe Quillfeather SSN 536-22-8491.txt`,
`John_Smith_CV.pdf`, `ann.lee@contoso.com.eml`. Output paths are shareable, so every value the
PII stage detects in a name is written `⟨TYPE⟩` (`⟨PERSON⟩ SSN ⟨US_SSN⟩.txt`); places, URLs and
dates stay, they say where a file belongs, not whom it exposes. Names are not counted as mentions:
the census counts contents.

Most names hold no candidate (`Q3 report.xlsx`, `IMG_2041.JPG`): a cheap test sends only names
with two capitalised words, a long digit run or an `@` to the PII engine, and results are cached
per name (folder names repeat on every file below them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from classifier.names import MEMBER_SEPARATOR
from classifier.pii.entity_types import MASKED_IN_NAMES

if TYPE_CHECKING:  # the engine's modules import Presidio and spaCy: only a masker that needs them loads them
    from classifier.pii.engine import PiiEngine

# Two capitalised words (a name), a run of 6+ digits with separators (SSN, phone, card, IBAN), an @.
CANDIDATE = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+[\s_.,-]+[A-ZÀ-ÖØ-Þ][^\W\d_]+|\d(?:[\s./()+-]?\d){5,}|@")
EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}\Z")
CACHE_LIMIT = 200_000


class NameMasker:
    """`engine` is called once, on the first name that needs it (the parent process builds an
    engine only if some name it writes was never seen by a worker)."""

    def __init__(self, engine: Callable[[], PiiEngine], enabled: bool = True) -> None:
        self.enabled = enabled  # off with --plain-names: outputs for internal use only
        self._engine_factory = engine
        self._engine: PiiEngine | None = None
        self._cache: dict[str, str] = {}

    def mask_path(self, path: str) -> str:
        if not self.enabled:
            return path
        return MEMBER_SEPARATOR.join("/".join(self.mask_name(name) for name in part.split("/"))
                                     for part in path.split(MEMBER_SEPARATOR))

    def learn(self, path: str, masked_path: str) -> None:
        """The names of a path a worker masked, so that copies named alike are masked from the cache:
        the scan's parent masks the names of files it copies, and would otherwise load the
        PII engine (seconds, and hundreds of MiB) for names a worker already masked."""
        names, masks = _names(path), _names(masked_path)
        if not self.enabled or len(names) != len(masks):
            return
        for name, mask in zip(names, masks, strict=True):
            if name not in self._cache and CANDIDATE.search(name) and len(self._cache) < CACHE_LIMIT:
                self._cache[name] = mask

    def mask_name(self, name: str) -> str:
        if not CANDIDATE.search(name):
            return name
        cached = self._cache.get(name)
        if cached is None:
            cached = self._mask(name)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[name] = cached
        return cached

    def _mask(self, name: str) -> str:
        from classifier.pii.tagger import text_mentions

        if self._engine is None:
            self._engine = self._engine_factory()
        extension = EXTENSION.search(name)
        stem = name[: extension.start()] if extension else name
        # Underscores join words in file names; as spaces the name reads as text (same length).
        text = stem.replace("_", " ")
        spans = [(m.start, m.end, m.entity_type) for m in text_mentions(self._engine, text, "en", "US")
                 if m.entity_type in MASKED_IN_NAMES]
        for start, end, entity_type in reversed(merged(spans)):
            stem = stem[:start] + f"⟨{entity_type}⟩" + stem[end:]
        return stem + (extension.group() if extension else "")


def merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping spans as one (a PERSON inside an ORGANIZATION): the longer one's type names it."""
    out: list[tuple[int, int, str]] = []
    for start, end, entity_type in sorted(spans):
        if out and start < out[-1][1]:
            last_start, last_end, last_type = out[-1]
            longer = entity_type if end - start > last_end - last_start else last_type
            out[-1] = (last_start, max(end, last_end), longer)
        else:
            out.append((start, end, entity_type))
    return out


def _names(path: str) -> list[str]:
    return [name for part in path.split(MEMBER_SEPARATOR) for name in part.split("/")]
