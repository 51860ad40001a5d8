"""Presentations (PPTX) with python-pptx: slide text, tables, notes and embedded files.

python-pptx parses its XML parts with lxml and `resolve_entities=False`
(pptx/oxml/__init__.py), and lxml loads no DTD and uses no network by default.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

import pptx
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.group import GroupShape

from classifier.extract.bounded import check_declared_sizes
from classifier.extract.errors import CorruptDocument, LimitExceeded, reason_from
from classifier.extract.office import core_dates
from classifier.extract.ooxml_embedded import embedded_members
from classifier.extract.spreadsheet import add_table
from classifier.limits import Limits
from classifier.records import TITLE_LABEL, Extracted, SegmentKind

EMBEDDINGS = "ppt/embeddings/"


def extract_pptx(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        part_names = package.namelist()
        check_declared_sizes(package, limits)
        presentation = pptx.Presentation(io.BytesIO(data))
    except LimitExceeded:
        raise
    except Exception as exc:  # zipfile, lxml and python-pptx raise many types on malformed parts
        raise CorruptDocument(f"pptx: {reason_from(exc)}") from None
    out = Extracted(structure=frozenset({"slides"}))
    with package:
        try:
            # python-pptx invents core properties dated "now" when the package
            # has none; only a real docProps/core.xml part carries document dates.
            if "docProps/core.xml" in part_names:
                props = presentation.core_properties
                out.metadata_dates = core_dates(props.created, props.modified)
            if _read_slides(presentation, out, limits):
                out.structure = out.structure | {"table"}
        except Exception as exc:
            raise CorruptDocument(f"pptx: {reason_from(exc)}") from None
    out.members = embedded_members(data, limits)
    return out


def _read_slides(presentation: Presentation, out: Extracted, limits: Limits) -> int:
    """Adds slide text, tables and notes to `out`; returns how many tables it read."""
    budget = limits.max_text_chars
    table_index = 0
    for slide in presentation.slides:
        for shape in _flat_shapes(slide.shapes):
            if isinstance(shape, Shape) and shape.has_text_frame:
                text = shape.text_frame.text.replace("\v", "\n")  # \v is python-pptx's soft line break
                out.add(SegmentKind.PROSE, text, TITLE_LABEL if _is_title(shape) else None)
                budget -= len(text)
            elif isinstance(shape, GraphicFrame) and shape.has_table:
                rows = [[cell.text.replace("\v", "\n") for cell in row.cells] for row in shape.table.rows]
                add_table(out, table_index, rows, limits)
                table_index += 1
                budget -= sum(len(value) for row in rows for value in row)
            if budget <= 0:
                out.truncated = True
                return table_index
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None:
                out.add(SegmentKind.PROSE, notes.text.replace("\v", "\n"))
                budget -= len(notes.text)
    return table_index


def _is_title(shape: Shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def _flat_shapes(shapes: Iterable[BaseShape]) -> Iterator[BaseShape]:
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _flat_shapes(shape.shapes)
        else:
            yield shape

