"""Word 97-2003 (.doc) and PowerPoint 97-2003 (.ppt): text read from real files LibreOffice wrote
(tests/fixtures/legacy_office, made by make.sh), and what a scan of them writes."""

from __future__ import annotations

import io
import json
import shutil
import struct
import time
from pathlib import Path

import olefile
import pytest
from click.testing import CliRunner

from classifier.cli import main
from classifier.extract import extract
from classifier.extract.errors import CorruptDocument, DocumentProblem, EncryptedDocument
from classifier.extract.legacy_powerpoint import extract_ppt
from classifier.extract.legacy_word import extract_doc
from classifier.limits import Limits
from classifier.records import TITLE_LABEL, Extracted, SegmentKind
from classifier.sniff import Sniffer, refine_mime
from tests.conftest import TEST_KEY
from tests.fixtures.legacy_office.sources import (
    HEADER_PERSON,
    NOTES_PERSON,
    PLAIN_PEOPLE,
    SLIDE_PEOPLE,
    TABLE_PEOPLE,
    UNICODE_PEOPLE,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "legacy_office"
PEOPLE_BY_FIXTURE = {
    "plain.doc": PLAIN_PEOPLE,
    "table_header_footer.doc": (*TABLE_PEOPLE, HEADER_PERSON),
    "unicode.doc": UNICODE_PEOPLE,
    "two_slides_notes.ppt": (*SLIDE_PEOPLE, NOTES_PERSON),
}
DOC_MIME, PPT_MIME = "application/msword", "application/vnd.ms-powerpoint"
DEFAULT_LIMITS = Limits()


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def extracted(name: str, data: bytes | None = None, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    reader = extract_ppt if name.endswith(".ppt") else extract_doc
    return reader(read(name) if data is None else data, name, limits)


def all_text(out: Extracted) -> str:
    return "\n".join(segment.text for segment in out.segments)


@pytest.mark.parametrize("name", sorted(PEOPLE_BY_FIXTURE))
def test_every_invented_name_address_and_number_is_read(name: str) -> None:
    text = all_text(extracted(name))
    values = [value for person in PEOPLE_BY_FIXTURE[name] for value in person]
    assert [value for value in values if value not in text] == []


def test_a_plain_doc_is_its_paragraphs_in_order() -> None:
    out = extracted("plain.doc")
    name, email, phone = PLAIN_PEOPLE[0]
    assert [segment.text for segment in out.segments][:2] == [
        "Minutes of the supplier meeting", f"{name} attended the meeting. Write to {email} or call {phone}."]
    assert {segment.kind for segment in out.segments} == {SegmentKind.PROSE}
    assert out.structure == frozenset() and out.truncated is False
    assert out.metadata_dates == ["2013-12-23", "2013-12-23"]  # python-docx's template's core properties


def test_a_doc_table_is_typed_cells_under_its_header_and_the_header_and_footer_are_read() -> None:
    out = extracted("table_header_footer.doc")
    assert out.structure == frozenset({"table"})
    cells = [(segment.header, segment.text) for segment in out.segments if segment.kind is SegmentKind.TABLE_CELL]
    assert cells == [(header, value) for person in TABLE_PEOPLE for header, value in zip(("Name", "Email", "Phone"), person, strict=True)]
    prose = [segment.text for segment in out.segments if segment.kind is SegmentKind.PROSE]
    assert "Please keep this list up to date." in prose
    assert f"Prepared by {HEADER_PERSON[0]}" in prose


def test_non_latin_text_comes_out_as_written() -> None:
    text = all_text(extracted("unicode.doc"))
    assert "Spotkanie zespołu — Δελτίο, привет" in text
    assert "Łukasz Wróblewski" in text and "Zdeněk Dvořáček" in text


def rewrite_streams(tmp_path: Path, name: str, streams: dict[str, bytes]) -> bytes:
    """A copy of a fixture with some streams replaced by as many other bytes (olefile writes in place)."""
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    with olefile.OleFileIO(str(path), write_mode=True) as compound:
        for stream, content in streams.items():
            compound.write_stream(stream, content)
    return path.read_bytes()


def fixture_streams(name: str, *streams: str) -> list[bytearray]:
    with olefile.OleFileIO(io.BytesIO(read(name))) as compound:
        return [bytearray(compound.openstream(stream).read()) for stream in streams]


def test_8_bit_pieces_read_as_cp1252(tmp_path: Path) -> None:
    """Word stores a piece of cp1252 text as one byte a character, flagged in its piece descriptor.
    LibreOffice writes UTF-16 pieces only, so the plain fixture's pieces are re-encoded here in place."""
    word_document, table = fixture_streams("plain.doc", "WordDocument", "1Table")
    fc_clx, lcb_clx = struct.unpack_from("<II", word_document, 0x1A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    assert clx[0] == 0x02  # no property modifiers before the piece table in LibreOffice's files
    count = (lcb_clx - 5 - 4) // 12
    positions = struct.unpack_from(f"<{count + 1}i", clx, 5)
    for index in range(count):
        descriptor = fc_clx + 5 + 4 * (count + 1) + 8 * index + 2
        (fc,) = struct.unpack_from("<I", table, descriptor)
        length = positions[index + 1] - positions[index]
        text = word_document[fc:fc + 2 * length].decode("utf-16-le")
        word_document[fc:fc + length] = text.encode("cp1252")
        word_document[fc + length:fc + 2 * length] = b"\0" * length
        struct.pack_into("<I", table, descriptor, (fc * 2) | 0x40000000)
    data = rewrite_streams(tmp_path, "plain.doc", {"WordDocument": bytes(word_document), "1Table": bytes(table)})
    assert all_text(extracted("plain.doc", data)) == all_text(extracted("plain.doc"))


def test_a_ppt_is_its_slides_titles_and_notes() -> None:
    out = extracted("two_slides_notes.ppt")
    assert out.structure == frozenset({"slides"})
    titles = [segment.text for segment in out.segments if segment.header == TITLE_LABEL]
    assert titles[-2:] == ["Account review 1", "Account review 2"]
    name, email, phone = SLIDE_PEOPLE[0]
    assert f"Owner: {name}\nE-mail: {email}\nPhone: {phone}" in [segment.text for segment in out.segments]
    name, email, phone = NOTES_PERSON
    assert f"Ask {name} ({email}, {phone}) for the figures." in [segment.text for segment in out.segments]
    assert "___PPT10" not in all_text(out)  # PowerPoint's tag names are not text


@pytest.mark.parametrize("name", sorted(PEOPLE_BY_FIXTURE))
def test_the_text_budget_is_kept(name: str) -> None:
    out = extracted(name, limits=Limits(max_text_chars=40))
    assert out.truncated is True
    assert sum(len(segment.text) for segment in out.segments) <= 40


def test_a_doc_with_its_encrypted_flag_set_is_encrypted(tmp_path: Path) -> None:
    # LibreOffice cannot write a password-protected .doc: the FIB's fEncrypted bit is set here.
    (word_document,) = fixture_streams("plain.doc", "WordDocument")
    word_document[0x0B] |= 0x01
    data = rewrite_streams(tmp_path, "plain.doc", {"WordDocument": bytes(word_document)})
    with pytest.raises(EncryptedDocument, match=r"^doc is password-protected$"):
        extracted("plain.doc", data)


def test_a_ppt_whose_current_user_says_encrypted_is_encrypted(tmp_path: Path) -> None:
    (current_user,) = fixture_streams("two_slides_notes.ppt", "Current User")
    struct.pack_into("<I", current_user, 12, 0xF3D1C4DF)
    data = rewrite_streams(tmp_path, "two_slides_notes.ppt", {"Current User": bytes(current_user)})
    with pytest.raises(EncryptedDocument, match=r"^ppt is password-protected$"):
        extracted("two_slides_notes.ppt", data)


def document_words(name: str) -> set[str]:
    return {word for value in all_text(extracted(name)).split() for word in (value, value.lower()) if len(word) > 3}


@pytest.mark.parametrize("name", sorted(PEOPLE_BY_FIXTURE))
def test_a_file_cut_anywhere_is_corrupt_with_a_reason_that_quotes_nothing(name: str) -> None:
    data = read(name)
    sniffer = Sniffer()
    words = document_words(name)
    for size in sorted({8, 100, 512, 513, 2048, 4096, len(data) // 3, len(data) // 2, len(data) - 512,
                        len(data) - 1, *range(512, len(data), max(len(data) // 40, 512))}):
        cut = data[:size]
        mime = sniffer.sniff(cut, name).mime
        try:
            extract(cut, mime, name, Limits())
        except DocumentProblem as problem:
            reason = str(problem)
            assert [word for word in words if word in reason] == [], (size, reason)
            assert isinstance(problem, CorruptDocument), (size, reason)
        else:
            # Only a cut that keeps every stream whole (the tail is unused sectors) may read as the file does.
            assert size > len(data) // 2, size


@pytest.mark.parametrize(("name", "mime"), [("plain.doc", DOC_MIME), ("two_slides_notes.ppt", PPT_MIME)])
def test_sniff_names_the_formats_even_where_libmagic_sees_only_a_compound_file(name: str, mime: str) -> None:
    sniffed = Sniffer().sniff(read(name), name)
    assert (sniffed.mime, sniffed.extension_mismatch) == (mime, False)
    # libmagic reads the first MiB only: past that a .doc is "x-ole-storage", and its streams decide.
    assert refine_mime("application/x-ole-storage", read(name), "renamed.bin") == mime
    # A directory cut short: the name decides among compound formats, so the file is reported corrupt.
    assert refine_mime("application/x-ole-storage", read(name)[:4096], name) == mime
    assert refine_mime("application/x-ole-storage", read(name)[:4096], "renamed.bin") == "application/x-ole-storage"


def test_a_scan_of_the_fixtures_counts_their_values_and_writes_none(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    for name in PEOPLE_BY_FIXTURE:
        shutil.copy(FIXTURES / name, root / name)
    (root / "cut.doc").write_bytes(read("table_header_footer.doc")[:12000])
    (root / "cut.ppt").write_bytes(read("two_slides_notes.ppt")[:20000])
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1", "--key-file", str(key),
                                       "--state", str(tmp_path / "state")])
    assert result.exit_code == 0, result.output
    records = {record["path"]: record for record in map(json.loads, (out / "documents.jsonl").read_text("utf-8").splitlines())}
    counts = {path: (record["status"], record["mime"],
                     {kind: record["entities"].get(kind, {}).get("unique", 0) for kind in ("EMAIL_ADDRESS", "PHONE_NUMBER")})
              for path, record in records.items()}
    assert counts == {
        "plain.doc": ("ok", DOC_MIME, {"EMAIL_ADDRESS": 2, "PHONE_NUMBER": 2}),
        "table_header_footer.doc": ("ok", DOC_MIME, {"EMAIL_ADDRESS": 3, "PHONE_NUMBER": 3}),
        "unicode.doc": ("ok", DOC_MIME, {"EMAIL_ADDRESS": 2, "PHONE_NUMBER": 2}),
        "two_slides_notes.ppt": ("ok", PPT_MIME, {"EMAIL_ADDRESS": 3, "PHONE_NUMBER": 3}),
        "cut.doc": ("corrupt", DOC_MIME, {"EMAIL_ADDRESS": 0, "PHONE_NUMBER": 0}),
        "cut.ppt": ("corrupt", PPT_MIME, {"EMAIL_ADDRESS": 0, "PHONE_NUMBER": 0}),
    }
    # People as NER reads the extracted text (the same counts as from the docx and pptx written from the
    # same text): the English model (en_core_web_md) finds both slide owners ("Owner: <name>", which the
    # small model missed) and the notes' person, and misses one name of each letter (it calls "Casimir"
    # a place and "Łukasz Wróblewski" an organisation; the small model found both).
    assert {path: records[path]["entities"].get("PERSON", {}).get("unique", 0) for path in PEOPLE_BY_FIXTURE} == {
        "plain.doc": 1, "table_header_footer.doc": 2, "unicode.doc": 1, "two_slides_notes.ppt": 3}
    assert [records[path]["categories"][0]["id"] for path in ("plain.doc", "table_header_footer.doc")] == [
        "internal_comment", "contact_list"]
    written = b"".join(path.read_bytes().lower() for path in out.rglob("*") if path.is_file())
    written += result.output.encode().lower()
    values = {value for people in PEOPLE_BY_FIXTURE.values() for person in people for value in person}
    needles = values | {part for value in values for part in value.split() if len(part) > 3 and part.isalpha()}
    needles |= {"".join(ch for ch in value if ch.isdigit() or ch == "+") for value in values if value.startswith("+")}
    assert sorted(needle for needle in needles if needle.lower().encode() in written) == []


def test_field_instructions_are_dropped_and_results_kept() -> None:
    from classifier.extract.legacy_word import _drop_field_instructions

    text = ("Write to \x13 HYPERLINK \"mailto:a@example.com\" \x14a@example.com\x15 on page "
            "\x13 PAGE \x14\x13 NESTED \x143\x15\x15.\x13 TOC \\o \x15")
    assert _drop_field_instructions(text) == "Write to a@example.com on page 3."


def test_a_summary_stream_with_a_vector_count_of_billions_is_read_at_once() -> None:
    """Found by the fuzzer: olefile's get_metadata looped over a vector as many times as its count
    in the file said; the dates are now read from the two properties that hold them."""
    data = (FIXTURES / "fuzzed_summary_vector.doc").read_bytes()
    started = time.process_time()
    out = extract_doc(data, "fuzzed.doc", Limits())
    assert time.process_time() - started < 5
    assert out.segments  # the mutation left the text readable
