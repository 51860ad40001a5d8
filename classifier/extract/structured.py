"""Structured text: JSON (and JSON Lines), XML, and PEM certificate/key files.

Records that repeat with the same fields (a JSON list of objects with the
same keys, XML siblings with the same child elements) are read as tables, so
the PII stage can type whole columns by their field names.

XML is parsed with defusedxml: a document that declares entities (billion
laughs, external entities) or references external resources is refused as
corrupt without expanding or fetching anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from cryptography import x509
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from classifier.extract.errors import CorruptDocument, reason_from
from classifier.extract.spreadsheet import add_table
from classifier.extract.text import decode_text
from classifier.limits import Limits
from classifier.records import Extracted, SegmentKind


class _Budget:
    """Characters of text still to be taken from one document (limits.max_text_chars)."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def take(self, text: str) -> bool:
        self.left -= len(text)
        return self.left >= 0

    @property
    def spent(self) -> bool:
        return self.left <= 0


# --- JSON --------------------------------------------------------------------------------------


def extract_json(data: bytes, name: str, limits: Limits) -> Extracted:
    text = decode_text(data).lstrip("\ufeff")
    try:
        document: object = json.loads(text)
    except json.JSONDecodeError:
        document = _json_lines(text)
    except RecursionError:
        raise CorruptDocument("json: nested too deeply") from None
    out = Extracted(structure=frozenset({"structured_data"}))
    _walk_json(out, document, limits)
    if any(segment.table is not None for segment in out.segments):
        out.structure = out.structure | {"table"}
    return out


def _json_lines(text: str) -> list[object]:
    """JSON Lines (one value per line), or CorruptDocument when it is not that either."""
    values: list[object] = []
    try:
        for line in text.splitlines():
            if line.strip():
                values.append(json.loads(line))
    except json.JSONDecodeError as exc:
        raise CorruptDocument(f"json: {reason_from(exc)}") from None
    except RecursionError:
        raise CorruptDocument("json: nested too deeply") from None
    if len(values) < 2:  # one value that did not parse on its own is not JSON Lines
        raise CorruptDocument("json: JSONDecodeError")
    return values


def _walk_json(out: Extracted, document: object, limits: Limits) -> None:
    """Depth first, in document order, without recursion (nesting depth is the document's choice)."""
    budget = _Budget(limits.max_text_chars)
    tables = 0
    stack: list[tuple[object, str | None]] = [(document, None)]
    while stack and not budget.spent:
        value, key = stack.pop()
        if isinstance(value, dict):
            children: list[tuple[object, str | None]] = [(v, str(k)) for k, v in value.items()]
        elif isinstance(value, list):
            columns = _record_columns(value)
            if columns is not None:
                nested = _add_json_table(out, tables, columns, value, limits, budget)
                tables += 1
                children = nested
            else:
                children = [(v, key) for v in value]
        else:
            scalar = _json_scalar(value)
            if scalar and budget.take(scalar):
                out.add(SegmentKind.PROSE, scalar, key)
            continue
        stack.extend(reversed(children))
    out.truncated = out.truncated or (budget.spent and bool(stack))


def _record_columns(values: list[object]) -> list[str] | None:
    """The keys of a list of two or more objects that all have the same keys, else None."""
    if len(values) < 2 or not all(isinstance(v, dict) and v for v in values):
        return None
    first = values[0]
    assert isinstance(first, dict)
    keys = set(first)
    if not all(isinstance(v, dict) and set(v) == keys for v in values[1:]):
        return None
    return [str(k) for k in first]


def _add_json_table(out: Extracted, table_index: int, columns: list[str], records: list[object], limits: Limits,
                    budget: _Budget) -> list[tuple[object, str | None]]:
    """Scalars become cells under their key; nested values are returned to be walked on their own."""
    nested: list[tuple[object, str | None]] = []

    def rows() -> Iterator[list[object]]:
        yield list(columns)
        for record in records:
            assert isinstance(record, dict)
            row: list[object] = []
            for column in columns:
                value = record[column]
                if isinstance(value, (dict, list)):
                    nested.append((value, column))
                    row.append(None)
                else:
                    cell = _json_scalar(value)
                    row.append(cell or None)
                    budget.take(cell)
            yield row
            if budget.spent:
                return

    add_table(out, table_index, rows(), limits)
    return nested


def _json_scalar(value: object) -> str:
    """Strings and numbers as text; booleans and null carry nothing for a census."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return ""


# --- XML ---------------------------------------------------------------------------------------

XML_ERRORS = (DefusedXmlException, ParseError, ValueError)


def extract_xml(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        # forbid_dtd stays False: many real files carry a plain DOCTYPE; any entity
        # declaration or external reference is refused.
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except XML_ERRORS as exc:
        raise CorruptDocument(f"xml: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"structured_data"}))
    _walk_xml(out, root, limits)
    if any(segment.table is not None for segment in out.segments):
        out.structure = out.structure | {"table"}
    return out


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _walk_xml(out: Extracted, root: Element, limits: Limits) -> None:
    budget = _Budget(limits.max_text_chars)
    tables = 0
    stack: list[Element] = [root]
    while stack and not budget.spent:
        element = stack.pop()
        label = _local(element.tag)
        _add_xml_text(out, budget, element, label)
        children = list(element)
        columns = _xml_record_columns(children)
        if columns is not None:
            _add_xml_table(out, tables, columns, children, limits, budget)
            tables += 1
        else:
            stack.extend(reversed(children))
        if element.tail and element.tail.strip() and budget.take(element.tail):
            out.add(SegmentKind.PROSE, element.tail.strip())
    out.truncated = out.truncated or (budget.spent and bool(stack))


def _add_xml_text(out: Extracted, budget: _Budget, element: Element, label: str) -> None:
    for attribute, value in element.attrib.items():
        if value.strip() and budget.take(value):
            out.add(SegmentKind.PROSE, value.strip(), _local(attribute))
    if element.text and element.text.strip() and budget.take(element.text):
        out.add(SegmentKind.PROSE, element.text.strip(), label)


def _xml_record_columns(records: list[Element]) -> list[str] | None:
    """Child tag names of two or more same-named siblings whose children have the same distinct tags."""
    if len(records) < 2 or len({record.tag for record in records}) != 1:
        return None
    first = [_local(child.tag) for child in records[0]]
    if not first or len(set(first)) != len(first) or "" in first:
        return None
    expected = set(first)
    for record in records[1:]:
        tags = [_local(child.tag) for child in record]
        if len(tags) != len(expected) or set(tags) != expected:
            return None
    return first


def _add_xml_table(out: Extracted, table_index: int, columns: list[str], records: list[Element], limits: Limits,
                   budget: _Budget) -> None:
    def rows() -> Iterator[list[object]]:
        yield list(columns)
        for record in records:
            for attribute, value in record.attrib.items():
                if value.strip() and budget.take(value):
                    out.add(SegmentKind.PROSE, value.strip(), _local(attribute))
            by_tag = {_local(child.tag): " ".join(part.strip() for part in child.itertext() if part.strip())
                      for child in record}
            row: list[object] = []
            for column in columns:
                cell = by_tag.get(column, "")
                budget.take(cell)
                row.append(cell or None)
            yield row
            if budget.spent:
                return

    add_table(out, table_index, rows(), limits)


# --- PEM ---------------------------------------------------------------------------------------

PEM_BEGIN = re.compile(r"-----BEGIN ([A-Z0-9 ]{1,64})-----")
# No key or certificate block is this long (an RSA 16384-bit key is about 12 KB).
MAX_PEM_BLOCK_CHARS = 65_536
CERTIFICATE_LABELS = frozenset({"CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"})
MAX_PEM_BLOCKS = 10_000


def pem_kind(label: str) -> str:
    """certificate, public_key, private_key or other, from a PEM block's BEGIN label."""
    if label in CERTIFICATE_LABELS:
        return "certificate"
    if label.endswith(("PRIVATE KEY", "PRIVATE KEY BLOCK")):
        return "private_key"
    if label.endswith(("PUBLIC KEY", "PUBLIC KEY BLOCK")):
        return "public_key"
    return "other"


def pem_blocks(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of each complete BEGIN..END block, in order."""
    # The next END line of each label and where it was found: each END is looked
    # for once, so a file of unmatched BEGIN lines stays linear.
    next_end: dict[str, int] = {}
    position = 0
    while (begin := PEM_BEGIN.search(text, position)) is not None:
        label = begin.group(1)
        end_line = f"-----END {label}-----"
        end = next_end.get(label, -2)
        if end == -2 or 0 <= end < begin.end():
            end = next_end[label] = text.find(end_line, begin.end())
        if end < 0 or end - begin.start() > MAX_PEM_BLOCK_CHARS:
            position = begin.end()
            continue
        position = end + len(end_line)
        yield begin.start(), position, label


def extract_pem(data: bytes, name: str, limits: Limits) -> Extracted:
    """PEM files: a private key block is one CODE segment (the SECRET recognizer's pattern
    needs BEGIN..END whole); certificates give their subject, issuer, names and issue date.
    """
    text = decode_text(data)[: limits.max_text_chars]
    out = Extracted()
    structure: set[str] = set()
    position = 0
    for count, (start, end, label) in enumerate(pem_blocks(text)):
        if count >= MAX_PEM_BLOCKS:
            break
        out.add(SegmentKind.PROSE, text[position:start].strip())
        position = end
        block = text[start:end]
        kind = pem_kind(label)
        if kind == "private_key":
            out.add(SegmentKind.CODE, block)
            structure.add("private_key")
        elif kind == "certificate":
            structure.add("certificate")
            _add_certificate(out, block)
        elif kind == "public_key":
            structure.add("public_key")
        elif label == "CERTIFICATE REQUEST":
            _add_certificate_request(out, block)
    if not structure and position == 0:
        raise CorruptDocument("pem: no PEM block")
    out.add(SegmentKind.PROSE, text[position:].strip())
    out.structure = frozenset(structure)
    return out


def _add_certificate(out: Extracted, block: str) -> None:
    try:
        # TRUSTED CERTIFICATE (OpenSSL's own form) does not load; it is still counted.
        certificate = x509.load_pem_x509_certificate(block.encode("ascii", "replace"))
        out.add(SegmentKind.METADATA, certificate.subject.rfc4514_string(), "certificate subject")
        out.add(SegmentKind.METADATA, certificate.issuer.rfc4514_string(), "certificate issuer")
        out.metadata_dates.append(certificate.not_valid_before_utc.date().isoformat())
        _add_alternative_names(out, certificate.extensions)
    except ValueError:  # malformed or unsupported: counted by its label, nothing read from it
        return


def _add_certificate_request(out: Extracted, block: str) -> None:
    try:
        request = x509.load_pem_x509_csr(block.encode("ascii", "replace"))
        out.add(SegmentKind.METADATA, request.subject.rfc4514_string(), "certificate subject")
        _add_alternative_names(out, request.extensions)
    except ValueError:
        return


def _add_alternative_names(out: Extracted, extensions: x509.Extensions) -> None:
    try:
        names = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return
    for general_name in names:
        if isinstance(general_name, (x509.RFC822Name, x509.DNSName, x509.UniformResourceIdentifier)):
            out.add(SegmentKind.METADATA, general_name.value, "certificate name")
