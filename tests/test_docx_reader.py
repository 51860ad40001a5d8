"""DOCX read as streamed XML (#20) gives what python-docx gave, on every DOCX at hand.

The reference is the extractor as it was before #20 (`benchmarks.ooxml_readers.python_docx_extract`).
Where the two differ on purpose, a test below shows the difference and says why.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from benchmarks.ooxml_readers import python_docx_extract
from classifier.extract.errors import CorruptDocument
from classifier.extract.office import extract_docx, w3cdtf_datetime
from classifier.limits import Limits
from classifier.records import Extracted, Segment, SegmentKind
from tests import readers
from tests.conftest import CORPORA, SampleLeak
from tests.documents import docx_bytes, zip_bytes
from tests.hostile import replace_part
from tests.readers import Reader

LIMITS = Limits()
CORPUS_DOCX = sorted([*CORPORA.glob("office-poi/docx/*.docx"), *CORPORA.glob("magika-basic/docx/*.docx")])
# python-docx refused it on word/theme/theme1.xml, a part that holds no text and that it inflated only because
# it loads every part; the streamed reader reads the main part and core properties and never opens the theme.
READABLE_ONLY_NOW = {"clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx"}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def outcome(reader: Reader, data: bytes, limits: Limits = LIMITS) -> Extracted | str:
    return readers.outcome(reader, data, "x.docx", limits)


def assert_same(data: bytes, limits: Limits = LIMITS) -> Extracted:
    return readers.assert_same(outcome(python_docx_extract, data, limits), outcome(extract_docx, data, limits))


@pytest.mark.skipif(not CORPUS_DOCX, reason="../shared/corpora absent (not a development checkout)")
@pytest.mark.parametrize("path", CORPUS_DOCX, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_corpus_docx_reads_as_python_docx_read_it(path: Path) -> None:
    if path.name in READABLE_ONLY_NOW:
        return
    assert_same(path.read_bytes())


@pytest.mark.skipif(not CORPUS_DOCX, reason="../shared/corpora absent (not a development checkout)")
def test_corpus_docx_the_two_readers_agree_on_text_dates_and_refusals() -> None:
    outcomes = {path.name: outcome(extract_docx, path.read_bytes()) for path in CORPUS_DOCX}
    read = {name: result for name, result in outcomes.items() if isinstance(result, Extracted)}
    assert len(read) == 24  # 22 of office-poi (one of them unreadable before #20) and the 2 of magika-basic
    assert outcomes["deep-table-cell.docx"] == "corrupt: docx: XMLSyntaxError"  # libxml2's 256-level depth limit
    newly_read = read["clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx"]
    assert outcome(python_docx_extract, CORPORA.joinpath(
        "office-poi/docx/clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx").read_bytes()) == (
        "corrupt: docx: not a readable ZIP container (BadZipFile)")
    assert ([len(s.text) for s in newly_read.segments], newly_read.metadata_dates) == ([44], ["2014-01-07", "2014-01-07"])


def test_generated_sample_docx_read_as_python_docx_read_them(sample_leak: SampleLeak) -> None:
    paths = sorted(sample_leak.root.rglob("*.docx"))
    assert len(paths) == 10
    for path in paths:
        assert assert_same(path.read_bytes()).segments


def test_test_documents_read_as_python_docx_read_them() -> None:
    assert_same(docx_bytes(["Meeting minutes", "Attendees listed below"], [["Name", "Email"], ["Ann Lee", "ann@contoso.com"]]))
    assert_same(docx_bytes(["Quarterly note for the team."]))
    embedded = docx_bytes(["With an attachment"])
    with_member = zip_bytes({"word/embeddings/sheet.csv": b"Name,Email\nAnn Lee,ann@contoso.com\n"})
    assert_same(embedded)
    assert_same(merge_packages(embedded, with_member))


def merge_packages(package: bytes, extra: bytes) -> bytes:
    """`package` with the members of the zip `extra` added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(io.BytesIO(extra)) as more, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for archive in (source, more):
            for info in archive.infolist():
                target.writestr(info, archive.read(info))
    return buffer.getvalue()


def with_body(body: str, *, content_type: str | None = None) -> bytes:
    """A python-docx document whose word/document.xml body is `body` (WordprocessingML, prefix `w`)."""
    package = docx_bytes(["placeholder"])
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f"<w:body>{body}<w:sectPr/></w:body></w:document>").encode()
    package = replace_part(package, "word/document.xml", document)
    if content_type:
        package = replace_part(package, "[Content_Types].xml", text=(
            b"wordprocessingml.document.main+xml", content_type.encode()))
    return package


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def cell(text: str, properties: str = "") -> str:
    paragraphs = "".join(f"<w:p>{run(line)}</w:p>" if line else "<w:p/>" for line in text.split("|"))
    return f"<w:tc>{f'<w:tcPr>{properties}</w:tcPr>' if properties else ''}{paragraphs}</w:tc>"


SPAN_2, SPAN_100 = '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="100"/>'
MERGE_START, MERGE_ON = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
LATE_START = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>'
FEATURES = (
    f'<w:p>{run("Call ")}<w:hyperlink r:id="rId99">{run("Ann Lee")}</w:hyperlink>'
    '<w:r><w:rPr><w:b/></w:rPr><w:tab/><w:t>ext</w:t><w:br/><w:t>two</w:t><w:br w:type="page"/><w:cr/>'
    '<w:noBreakHyphen/><w:ptab w:alignment="left" w:relativeTo="margin" w:leader="none"/>'
    '<w:t xml:space="preserve"> end </w:t><w:delText>struck</w:delText></w:r></w:p>'
    f"<w:p>{run('   ')}</w:p>"
    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    f"<w:tr>{cell('Name')}{cell('Contact', SPAN_2)}</w:tr>"
    f"<w:tr>{cell('Ann Lee|Sales', MERGE_START)}{cell('ann@contoso.com')}{cell('')}</w:tr>"
    f"<w:tr>{cell('', MERGE_ON)}<w:tc><w:tcPr>{SPAN_2}</w:tcPr><w:p>{run('+44 20 7946 0958')}</w:p>"
    f"<w:tbl><w:tr>{cell('in a nested table')}</w:tr></w:tbl></w:tc></w:tr>"
    f"<w:tr>{LATE_START}{cell('starts in column 2')}</w:tr>"
    "</w:tbl>"
    f"<w:p>{run('After the table')}</w:p>"
    f"<w:sdt><w:sdtContent><w:p>{run('In a content control')}</w:p></w:sdtContent></w:sdt>"
    f'<w:p><w:ins w:id="1" w:author="A">{run("inserted")}</w:ins>{run("kept")}</w:p>'
)


def test_paragraph_and_cell_text_follow_python_docx_rule_for_rule() -> None:
    extracted = assert_same(with_body(FEATURES))
    assert extracted.segments == [
        # hyperlink runs are text; tab and ptab "\t", a line break and w:cr "\n", a page break nothing, a
        # non-breaking hyphen "-", deleted text nothing
        Segment(SegmentKind.PROSE, "Call Ann Lee\text\ntwo\n-\t end "),
        Segment(SegmentKind.PROSE, "After the table"),
        # Neither reader reads a body content control (w:sdt) nor a tracked insertion (w:ins): python-docx's
        # `paragraphs` and `Paragraph.text` skip them, and #20 keeps its text unchanged (left for later).
        Segment(SegmentKind.PROSE, "kept"),
        # A cell spanning two grid columns is repeated in both (the header too); a vertically merged cell
        # repeats the one above; a nested table's text is not its cell's; a row that starts late
        # (gridBefore) numbers its cells from 0, as python-docx's `row.cells` did.
        Segment(SegmentKind.TABLE_CELL, "Ann Lee\nSales", "Name", 0, 0),
        Segment(SegmentKind.TABLE_CELL, "ann@contoso.com", "Contact", 0, 1),
        Segment(SegmentKind.TABLE_CELL, "Ann Lee\nSales", "Name", 0, 0),
        Segment(SegmentKind.TABLE_CELL, "+44 20 7946 0958", "Contact", 0, 1),
        Segment(SegmentKind.TABLE_CELL, "+44 20 7946 0958", "Contact", 0, 2),
        Segment(SegmentKind.TABLE_CELL, "starts in column 2", "Name", 0, 0),
    ]
    assert extracted.structure == frozenset({"table"})


@pytest.mark.parametrize("max_text_chars", [1, 20, 28, 29, 200])
def test_text_budget_cuts_paragraphs_where_python_docx_did(max_text_chars: int) -> None:
    assert_same(with_body(FEATURES), Limits(max_text_chars=max_text_chars))


def test_tables_are_numbered_in_body_order_and_empty_ones_count() -> None:
    body = (f"<w:tbl><w:tr>{cell('Email')}</w:tr><w:tr>{cell('a@contoso.com')}</w:tr></w:tbl><w:tbl/>"
            f"<w:p>{run('between')}</w:p><w:tbl><w:tr>{cell('Phone')}</w:tr><w:tr>{cell('+1 425 555 0100')}</w:tr></w:tbl>")
    extracted = assert_same(with_body(body))
    assert [(s.text, s.table) for s in extracted.segments] == [("between", None), ("a@contoso.com", 0),
                                                               ("+1 425 555 0100", 2)]


def test_core_dates_as_python_docx_parsed_them() -> None:
    assert [w3cdtf_datetime(text) for text in ("2003", "2003-12", "2014-01-07T23:30:00Z", "")] == [
        w3cdtf_datetime("2003-01-01"), w3cdtf_datetime("2003-12-01"), w3cdtf_datetime("2014-01-07T23:30:00"), None]
    assert str(w3cdtf_datetime("2014-01-07T23:30:00-02:00")) == "2014-01-08 01:30:00+00:00"  # to UTC
    for created, dates in (("2014-01-07T23:30:00-02:00", ["2014-01-08"]), ("2019-08", ["2019-08-01"]),
                           ("not a date", []), ("2020-02-30T00:00:00Z", [])):
        assert assert_same(with_core_properties(f"<dcterms:created>{created}</dcterms:created>")).metadata_dates == dates


def with_core_properties(elements: str) -> bytes:
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dcterms="http://purl.org/dc/terms/">{elements}</cp:coreProperties>')
    return replace_part(docx_bytes(["Dated"]), "docProps/core.xml", core.encode())


# Differences on purpose.

def test_macro_enabled_and_template_documents_are_read() -> None:
    """python-docx refused any main part but a plain document's ("not a Word file"), so every .docm and
    .dotx was `corrupt` although the sniffer and formats.py route them here; their XML is the same."""
    for content_type in ("document.macroEnabled.main+xml", "template.main+xml"):
        package = with_body(f"<w:p>{run('Macro memo')}</w:p>", content_type="ms-word." + content_type)
        assert outcome(python_docx_extract, package) == "corrupt: docx: ValueError"
        new = outcome(extract_docx, package)
        assert isinstance(new, Extracted)
        assert [s.text for s in new.segments] == ["Macro memo"]


def test_a_vertical_merge_with_nothing_above_is_a_cell_of_its_own() -> None:
    """python-docx raised ValueError out of the extractor (an `error` record, not even `corrupt`)."""
    body = f"<w:tbl><w:tr>{cell('Name')}</w:tr><w:tr>{LATE_START}</w:tr><w:tr>{cell('Ann Lee', MERGE_ON)}</w:tr></w:tbl>"
    with pytest.raises(ValueError):
        python_docx_extract(with_body(body), "x.docx", LIMITS)
    assert [(s.header, s.text) for s in extract_docx(with_body(body), "x.docx", LIMITS).segments] == [("Name", "Ann Lee")]


def test_a_cell_spans_at_most_64_grid_columns() -> None:
    """Word allows 63 columns; python-docx repeated a cell gridSpan times without bound (gridSpan="1000000000"
    asked for a billion cells)."""
    body = f"<w:tbl><w:tr>{cell('Note')}</w:tr><w:tr>{cell('wide', SPAN_100)}</w:tr></w:tbl>"
    old = python_docx_extract(with_body(body), "x.docx", LIMITS)
    new = extract_docx(with_body(body), "x.docx", LIMITS)
    assert (len(old.segments), len(new.segments)) == (100, 64)
    assert new.segments == old.segments[:64]


def test_a_malformed_core_properties_part_loses_only_the_dates() -> None:
    """python-docx parsed every XML part it knew, so a broken docProps/core.xml made the document corrupt."""
    package = with_core_properties("<dcterms:created>2019-08-01</dcterms:created")
    assert outcome(python_docx_extract, package) == "corrupt: docx: XMLSyntaxError"
    new = outcome(extract_docx, package)
    assert isinstance(new, Extracted)
    assert ([s.text for s in new.segments], new.metadata_dates) == (["Dated"], [])


def test_entities_stay_unresolved_and_amplification_is_refused() -> None:
    declared = replace_part(with_body(f"<w:p>{run('Dear &name;')}</w:p>"), "word/document.xml",
                            before_root=b'<!DOCTYPE w:document [<!ENTITY name "Ann Lee">]>')
    assert [s.text for s in extract_docx(declared, "x.docx", LIMITS).segments] == ["Dear "]
    assert_same(declared)
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = replace_part(with_body(f"<w:p>{run('&l9;')}</w:p>"), "word/document.xml",
                        before_root=f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'.encode())
    with pytest.raises(CorruptDocument, match=r"\Adocx: XMLSyntaxError\Z"):
        extract_docx(bomb, "x.docx", LIMITS)


def test_malformed_packages_are_corrupt_with_no_text_in_the_reason() -> None:
    package = with_body(f"<w:p>{run('Secret salary 91000')}</w:p>")
    cut = replace_part(package, "word/document.xml", text=(b"</w:body>", b"</w:bod>"))
    no_relationships = replace_part(package, "_rels/.rels", text=(b'relationships/officeDocument"', b'relationships/other"'))
    not_word = replace_part(package, "word/document.xml", text=(b"<w:document ", b"<w:presentation "))
    not_word = replace_part(not_word, "word/document.xml", text=(b"</w:document>", b"</w:presentation>"))
    reasons = []
    for data in (cut, no_relationships, not_word, b"PK\x03\x04 not a zip"):
        with pytest.raises(CorruptDocument) as problem:
            extract_docx(data, "x.docx", LIMITS)
        reasons.append(str(problem.value))
    assert reasons == ["docx: XMLSyntaxError", "docx: a part it refers to is missing (KeyError)", "docx: ValueError",
                       "docx: not a readable ZIP container (BadZipFile)"]


def test_an_entry_with_an_empty_name_does_not_stop_the_document() -> None:
    # Found by the fuzzer on the streamed reader (#20): python-docx refused such a package (corrupt), the
    # streamed reader reads it, and the embedded-file scan then met zipfile's IndexError in is_dir().
    package = io.BytesIO(docx_bytes(["Kind regards, Ann Lee"]))
    with zipfile.ZipFile(package, "a") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"")
    extracted = extract_docx(package.getvalue(), "letter.docx", LIMITS)
    assert [s.text for s in extracted.segments] == ["Kind regards, Ann Lee"]
    assert extracted.members == []
