"""The format table (classifier/formats.py): one row per MIME type, read by sniff, the extractor registry and the report."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from classifier.extract import REGISTRY, extractor_for, load_extractor
from classifier.extract.text import extract_text
from classifier.formats import BY_MIME, FORMATS, TEXT_BY_EXTENSION
from classifier.report.html import MAX_LABEL, bar_chart
from classifier.sniff import extension_mismatch

REPO = Path(__file__).resolve().parents[1]


def test_every_registered_extractor_reads_a_type_of_the_table() -> None:
    assert set(REGISTRY) - set(BY_MIME) == set()
    for row in FORMATS:
        if row.extractor is not None:
            assert REGISTRY[row.mime] is load_extractor(row.extractor)


def test_every_row_has_a_label_that_fits_a_chart() -> None:
    unlabelled = [row.mime for row in FORMATS if not row.label.strip()]
    assert unlabelled == []
    assert [row.label for row in FORMATS if len(row.label) > MAX_LABEL] == []


def test_a_type_and_a_text_extension_are_each_in_one_row() -> None:
    assert [mime for mime, rows in Counter(row.mime for row in FORMATS).items() if rows > 1] == []
    text_extensions = Counter(extension for row in FORMATS if row.text for extension in row.extensions)
    assert [extension for extension, rows in text_extensions.items() if rows > 1] == []
    assert TEXT_BY_EXTENSION[".yml"].mime == "application/yaml"


def test_text_types_are_text_and_any_other_text_is_read_as_text() -> None:
    assert [row.mime for row in FORMATS if row.mime.startswith("text/") and not row.text] == []
    assert extractor_for("text/x-python") is extract_text
    assert extractor_for("application/x-dosexec") is None
    # JavaScript is text like any other: under a mail's name it is no disguise.
    assert extension_mismatch("application/javascript", "app.eml") is False
    assert extension_mismatch("message/rfc822", "saved.txt") is True  # a message is not text by its type


def test_the_report_names_types_by_their_label() -> None:
    chart = bar_chart("File types", [("application/pdf", 3, None), ("text/x-python", 1, None)], "documents")
    assert ">PDF document</text>" in chart and "<title>application/pdf</title>" in chart
    assert ">text/x-python</text>" in chart  # a type without a row keeps its MIME name


def test_reading_the_tables_loads_no_parser_library() -> None:
    """The parent process reads labels and weights; parsers and NLP load in the workers only."""
    heavy = ("pdfminer", "openpyxl", "docx", "pptx", "py7zr", "extract_msg", "magic", "presidio_analyzer", "spacy")
    code = ("import sys, classifier.formats, classifier.pii.entity_types, classifier.report.html; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
