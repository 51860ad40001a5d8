"""HTML to text with the standard library parser (no network, no entity resolution)."""

from __future__ import annotations

from html.parser import HTMLParser

from classifier.extract.text import decode_text
from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind

SKIPPED_TAGS = frozenset({"script", "style", "head", "title"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3", "td", "th"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    collector = _TextCollector()
    try:
        collector.feed(markup)
        collector.close()
    except AssertionError:
        # Python's parser asserts on a marked section it does not know (`<![endi x]>`, found by
        # fuzzing a mail's HTML body): the text read up to there is kept, not the whole document lost.
        pass
    return "".join(collector.parts)


def extract_html(data: bytes, name: str, limits: Limits) -> Extracted:
    out = Extracted()
    out.add_bounded(SegmentKind.PROSE, html_to_text(decode_text(data)), limits.max_text_chars)
    return out
