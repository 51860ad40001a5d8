"""Extracted document + PII findings -> the cue features the category model weighs.

A feature is a named number: how strongly one kind of cue fired. Lexicon
features are tied across languages and phrases (`phrase.invoice.title` counts
"invoice", "Rechnung", "facture" and "factura" alike), so weights fitted on
some wordings carry to the others. Every feature remembers the names of the
cues behind it (`phrase:rechnung`, `header:qty`, `email_headers`): those
become the signals of the output. Nothing here keeps document text.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from classifier.categories import shapes
from classifier.categories.lexicon import STOP, Lexicon, slug, words
from classifier.pii.entity_types import COUNTED_ENTITIES, PRESENCE_ENTITIES, REACH, WHO
from classifier.records import TITLE_LABEL, Extracted, Findings, Segment, SegmentKind

# Only the start of a long document is read for words: headings and openings
# carry the document type, and this bounds the cost per document.
TEXT_BUDGET = 20_000
HEAD_LINES = 12  # the first lines of a document hold its title
HEADING_CHARS = 80
HEADING_WORDS = 10  # a title is short: log lines and sentences near the top are not titles
FIRST_LINE_CHARS = 100  # a title run into the first paragraph ("RESELLER AGREEMENT This agreement ...")
HEADER_LINE_WORDS = 8  # a flattened table header row ("Qty Description Unit price Amount")
PHRASE_CAP = 4.0
MAX_ITEM_ROWS = 2_000  # rows checked for qty x price = total; enough to tell an order from a price list
SHORT_TEXT = 400
LONG_TEXT = 15_000
CONTACT_LIST_REACH = 6  # distinct emails and phones from which a table of people is a list of them
_CELL_NUMBER = re.compile(r"^[-+]?[$€£]?\s?\d[\d.,' \u202f]*\s?(?:%|€|[A-Z]{3})?$")
_ALL_CAPS = re.compile(r"^[^a-zäöüßéèàçñáíóú]*[A-ZÄÖÜÉÈÀÇÑÁÍÓÚ]{2}[^a-zäöüßéèàçñáíóú]*$")


@dataclass(frozen=True)
class CueVector:
    """Feature name -> strength, and feature name -> names of the cues that fired for it."""

    features: dict[str, float]
    evidence: dict[str, tuple[str, ...]]
    has_text: bool


class _Builder:
    def __init__(self) -> None:
        self.features: dict[str, float] = {}
        self.evidence: dict[str, list[str]] = defaultdict(list)

    def set(self, feature: str, value: float, signals: Iterable[str] = ()) -> None:
        if value <= 0:
            return
        self.features[feature] = round(value, 4)
        names = list(signals) or [feature.lower()]
        for name in names:
            if name not in self.evidence[feature]:
                self.evidence[feature].append(name)

    def vector(self, has_text: bool) -> CueVector:
        evidence = {f: tuple(self.evidence[f]) for f in self.features}
        return CueVector(dict(sorted(self.features.items())), evidence, has_text)


@dataclass(frozen=True)
class _Text:
    lines: list[str]
    headings: list[bool]
    segments: list[list[str]]  # prose lines per segment, for letter shapes (an email body is one segment)
    chars: int


def _read_text(extracted: Extracted) -> _Text:
    lines: list[str] = []
    headings: list[bool] = []
    segments: list[list[str]] = []
    budget = TEXT_BUDGET
    seen_lines = 0
    for segment in extracted.segments:
        # A spreadsheet's header row (METADATA) is read as column headers by _table_features; as a line of
        # text it would pass for the document's title ("Protokoll" is a firewall column, not minutes).
        if segment.kind in (SegmentKind.TABLE_CELL, SegmentKind.METADATA) or budget <= 0:
            continue
        if segment.kind is SegmentKind.EMAIL_HEADER and segment.header != "subject":
            continue  # addresses are people, not words about the document
        if segment.kind is SegmentKind.EMAIL_HEADER or segment.header == TITLE_LABEL:
            # A subject, a slide title, a sheet name: the document's own name for (a part of) itself.
            title = segment.text[:HEADING_CHARS * 2]
            lines.append(title)
            headings.append(True)
            budget -= len(title)
            seen_lines += segment.header == TITLE_LABEL
            continue
        text = segment.text[:budget]
        budget -= len(text)
        if segment.header and segment.kind is SegmentKind.PROSE:
            text = f"{segment.header}: {text}"  # a JSON or XML field: its name says what the value is
        own = text.splitlines()
        segments.append(own)
        code = segment.kind is SegmentKind.CODE  # program text has no title: its first lines are imports and docstrings
        for line in own:
            stripped = line.strip()
            first = seen_lines == 0 and bool(stripped) and not code
            near_top = (seen_lines < HEAD_LINES and len(stripped) <= HEADING_CHARS and len(words(stripped)) <= HEADING_WORDS
                        and not shapes.is_bullet(stripped))  # a list item near the top of a short note is no title
            marked = len(stripped) <= HEADING_CHARS and (stripped.startswith("#") or bool(_ALL_CAPS.match(stripped)))
            if first and len(stripped) > HEADING_CHARS:
                lines.append(stripped[:FIRST_LINE_CHARS])
                headings.append(True)
                lines.append(stripped[FIRST_LINE_CHARS:])
                headings.append(False)
            else:
                lines.append(line)
                headings.append(bool(stripped) and not code and (near_top or marked))
            if stripped:
                seen_lines += 1
    return _Text(lines, headings, segments, TEXT_BUDGET - budget)


def _phrase_features(out: _Builder, text: _Text, lexicon: Lexicon) -> None:
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    heading_hits: dict[str, set[str]] = defaultdict(set)
    header_hits: dict[str, set[str]] = defaultdict(set)
    for line, heading in zip(text.lines, text.headings, strict=True):
        tokens = words(line)
        if not tokens:
            continue
        for match in lexicon.phrases.find(tokens):
            for cue in match.cues:
                if cue.tier == STOP:
                    continue
                counts[(cue.category, cue.tier)][cue.phrase] += 1
                if heading and cue.tier == "title":
                    heading_hits[cue.category].add(cue.phrase)
        if len(tokens) <= HEADER_LINE_WORDS:
            _header_line(tokens, lexicon, header_hits)
    for (category, tier), per_phrase in sorted(counts.items()):
        value = sum(1 + 0.5 * math.log(n) for n in per_phrase.values())
        out.set(f"phrase.{category}.{tier}", min(value, PHRASE_CAP), (f"phrase:{slug(p)}" for p in sorted(per_phrase)))
    for category, titles in sorted(heading_hits.items()):
        out.set(f"heading.{category}", min(len(titles), 2), (f"heading:{slug(p)}" for p in sorted(titles)))
    _header_features(out, header_hits)


def _header_line(tokens: Sequence[str], lexicon: Lexicon, hits: dict[str, set[str]]) -> None:
    """A short line that is a table header row flattened by PDF extraction, or one header label on its own line."""
    matches = list(lexicon.headers.find(tokens))
    whole = len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(tokens)
    if len(matches) >= 2 or whole:
        for match in matches:
            for cue in match.cues:
                hits[cue.category].add(cue.phrase)


def _header_features(out: _Builder, hits: dict[str, set[str]]) -> None:
    for category, phrases in sorted(hits.items()):
        out.set(f"header.{category}", min(len(phrases), 4) / 2, (f"header:{slug(p)}" for p in sorted(phrases)))


@dataclass(frozen=True)
class _Tables:
    labels: dict[int | None, set[str]]  # table -> its column headers
    rows: list[list[str]]
    cells: int
    numeric_cells: int
    chars: int


def _read_tables(segments: Sequence[Segment]) -> _Tables:
    labels: dict[int | None, set[str]] = defaultdict(set)
    rows: list[list[str]] = []
    cells = numeric = chars = 0
    last: tuple[int | None, int] | None = None
    for segment in segments:
        if segment.kind is not SegmentKind.TABLE_CELL:
            continue
        if segment.header:
            labels[segment.table].add(segment.header.strip().lower())
        column = segment.column if segment.column is not None else 0
        if last is None or segment.table != last[0] or column <= last[1]:
            rows.append([])
        rows[-1].append(segment.text)
        last = (segment.table, column)
        cells += 1
        chars += len(segment.text)
        numeric += bool(_CELL_NUMBER.match(segment.text.strip()))
    return _Tables(labels, rows, cells, numeric, chars)


def _table_features(out: _Builder, tables: _Tables, lexicon: Lexicon, prose_chars: int) -> int:
    hits: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    shares: dict[str, float] = defaultdict(float)
    for labels in tables.labels.values():
        matched: dict[str, int] = defaultdict(int)
        for label in sorted(labels):
            tokens = words(label)
            # A column named after a kind of document ("Invoice no.", "Bestellnummer", "Presupuesto n.º") names the
            # sheet's kind: the header row is the title a spreadsheet has. Its own feature, so that a column name
            # weighs apart from a title in running text ("Protokoll" is a firewall column as well as minutes).
            for match in lexicon.phrases.find(tokens):
                for cue in match.cues:
                    if cue.tier == "title":
                        titles[cue.category].add(cue.phrase)
            categories = set()
            for match in lexicon.headers.find(tokens):
                for cue in match.cues:
                    hits[cue.category].add(cue.phrase)
                    categories.add(cue.category)
            for category in categories:
                matched[category] += 1
        # A table whose columns are mostly one kind's columns is that kind of table (names, emails
        # and phones: a contact list), which a few such columns among many do not make it.
        for category, count in matched.items():
            if count >= 2:
                shares[category] = max(shares[category], count / len(labels))
    _header_features(out, hits)
    for category, named in sorted(titles.items()):
        out.set(f"header_title.{category}", min(len(named), 2), (f"header:{slug(p)}" for p in sorted(named)))
    for category, share in sorted(shares.items()):
        out.set(f"table_share.{category}", share, (f"table_share:{category}",))
    if not tables.cells:
        return 0
    # How much of the document is table: a list is all table, a plan with a contact table in it is not.
    out.set("table:share", tables.chars / (tables.chars + prose_chars))
    out.set("table:numeric", tables.numeric_cells / tables.cells)
    out.set("table:many_rows", 1.0 if len(tables.rows) >= 15 else 0.0)
    item_rows = 0
    for row in tables.rows[:MAX_ITEM_ROWS]:
        numbers = [n for cell in row if _CELL_NUMBER.match(cell.strip()) for n in shapes.numbers_in(cell)]
        item_rows += shapes.line_items(numbers, window=len(numbers)) > 0
    return item_rows


def _shape_features(out: _Builder, text: _Text, lexicon: Lexicon, table_item_rows: int) -> None:
    lines = text.lines
    joined = "\n".join(lines)
    items = shapes.line_items(shapes.numbers_in(joined)) + table_item_rows
    out.set("shape:line_items", min(items, 4) / 2)
    count, share = shapes.key_value_share(lines)
    out.set("shape:key_value", share if count >= 3 else 0.0)
    out.set("shape:secret_assignment", min(shapes.secret_assignments(lines), 3))
    out.set("shape:connection_string", min(shapes.connection_strings(joined), 2))
    count, share = shapes.code_share(lines)
    out.set("shape:code_syntax", share if count >= 3 else 0.0)
    out.set("shape:numbered_clauses", min(shapes.numbered_clauses(lines) / 5, 2))
    signing = shapes.signing_lines(lines, lexicon.shapes)
    out.set("shape:signing_lines", min(signing, 4) / 2 if signing >= 2 else 0.0)
    out.set("shape:salutation", 1.0 if any(shapes.salutation(s, lexicon.shapes) for s in text.segments) else 0.0)
    out.set("shape:signature_block", 1.0 if any(shapes.signature_block(s, lexicon.shapes) for s in text.segments) else 0.0)
    out.set("shape:amounts", min(shapes.amounts(joined), 30) / 10)
    out.set("shape:percentages", min(shapes.percentages(joined), 20) / 10)
    count, share = shapes.log_share(lines)
    out.set("shape:log_lines", share if count >= 3 else 0.0)
    count, share = shapes.chat_share(lines)
    out.set("shape:chat_lines", share if count >= 3 else 0.0)
    out.set("shape:bullets", min(shapes.bullets(lines), 10) / 5)
    out.set("text:short", 1.0 if 0 < text.chars < SHORT_TEXT else 0.0)
    out.set("text:long", 1.0 if text.chars > LONG_TEXT else 0.0)


def _entity_features(out: _Builder, findings: Findings, chars: int, table_share: float) -> None:
    entities = findings.entities
    for entity_type in PRESENCE_ENTITIES:
        tally = entities.get(entity_type)
        if tally is not None and tally.mentions:
            out.set(f"entity:{entity_type}", min(1 + 0.5 * math.log(tally.mentions), 2), (f"entity:{entity_type.lower()}",))
    for entity_type in COUNTED_ENTITIES:
        tally = entities.get(entity_type)
        if tally is not None and tally.unique:
            out.set(f"entities:{entity_type}", min(math.log1p(tally.unique) / math.log(21), 1.5),
                    (f"entity:{entity_type.lower()}",))
    emails = entities["EMAIL_ADDRESS"].unique if "EMAIL_ADDRESS" in entities else 0
    phones = entities["PHONE_NUMBER"].unique if "PHONE_NUMBER" in entities else 0
    # A message is judged by its body: who it was sent to and its list's footer are no contact list.
    in_body = emails + phones - findings.contacts_outside_body
    if in_body >= 4:
        # Contacts in running text (a phone list as a PDF, a signature-heavy letter). In a table the typed
        # columns below say it better, and numbers scattered over a sheet (serial numbers, staff numbers)
        # are read as phone numbers often enough to make a device list look like a contact list.
        density = in_body / (chars / 1000 + 1)
        out.set("entity_mix:contacts", min(density / 2, 2) * (1 - table_share), ("entity_mix:contacts",))
    columns = set(findings.table_columns)
    for entity_type in sorted(columns):
        out.set(f"columns:{entity_type}", 1.0)
    # A contact list names someone and gives a way to reach them; names and companies alone are not one.
    if columns & REACH and len(columns & (WHO | REACH)) >= 2:
        # Weighted by how much of the document is table: a contact table inside a plan or an
        # order form is a detail of that document, a sheet that is nothing else is a contact list.
        # And by how many ways to reach someone it lists: the buyer's email and phone on an order are no list.
        reach = min((emails + phones) / CONTACT_LIST_REACH, 1.0)
        out.set("columns:contact_details", table_share * reach)


def cue_vector(extracted: Extracted, findings: Findings, lexicon: Lexicon) -> CueVector:
    out = _Builder()
    text = _read_text(extracted)
    _phrase_features(out, text, lexicon)
    tables = _read_tables(extracted.segments)
    item_rows = _table_features(out, tables, lexicon, text.chars)
    for name in sorted(extracted.structure):
        # extractor cue names are already short names: email_headers, code_file, spreadsheet
        out.set(f"structure:{name}", 1.0, (name,))
    _shape_features(out, text, lexicon, item_rows)
    _entity_features(out, findings, text.chars, out.features.get("table:share", 0.0))
    has_text = any(line.strip() for line in text.lines) or tables.cells > 0
    return out.vector(has_text)
