"""#17 per-part resilience: a zip package whose central directory is lost (a copy cut short, a file
damaged at its end) is read from its local headers (classifier/extract/zip_repair.py), `ok` with the
damage named. Before, every such DOCX, XLSX, PPTX, ODF file or zip archive was `corrupt`, unread."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from classifier.extract import REGISTRY, extract
from classifier.extract.errors import CorruptDocument
from classifier.extract.zip_repair import salvaged_zip
from classifier.formats import OOXML
from classifier.limits import Limits
from classifier.names import escape_name
from classifier.scan import ScanOptions, run_scan
from tests.conftest import CORPORA, TEST_KEY
from tests.documents import docx_bytes, zip_bytes

LIMITS = Limits()
DOCX = f"{OOXML}wordprocessingml.document"
PEOPLE = ["Halvard Mørkeby <h.morkeby@example.no>", "Quentin Abellard <q.abellard@example.fr>"]


def without_directory(data: bytes) -> bytes:
    return data[: data.index(b"PK\x01\x02")]


def text_of(data: bytes, mime: str, limits: Limits = LIMITS) -> tuple[str, str | None, list[str]]:
    out = extract(data, mime, "x", limits)
    return "\n".join(s.text for s in out.segments), out.partial, [m.name for m in out.members]


def streamed_zip(members: dict[str, bytes]) -> bytes:
    """A zip written to a stream that cannot seek: zipfile puts each member's sizes in a data
    descriptor after its data (bit 3), as phones and web servers that zip on the fly do."""

    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.buffer = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            self.buffer += data
            return len(data)

    sink = Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            with archive.open(name, "w") as member:
                member.write(content)
    return bytes(sink.buffer)


def test_a_docx_without_its_central_directory_is_read_and_says_so() -> None:
    data = docx_bytes(PEOPLE, [["Name", "Phone"], ["Halvard Mørkeby", "+47 22 12 34 56"]])
    with pytest.raises(CorruptDocument):
        REGISTRY[DOCX](without_directory(data), "x.docx", LIMITS)  # the extractor alone refuses it
    text, partial, _ = text_of(without_directory(data), DOCX)
    assert "h.morkeby@example.no" in text and "q.abellard@example.fr" in text and "+47 22 12 34 56" in text
    assert partial == "docx: not a readable ZIP container (BadZipFile); read from its local headers"
    assert text_of(data, DOCX)[1] is None  # an intact package never takes this path


def test_a_zip_cut_inside_its_third_member_keeps_the_first_two() -> None:
    data = zip_bytes({"a.txt": b"Write to ana@example.org", "b.txt": b"Write to ben@example.org",
                      "c.txt": b"Write to cyd@example.org" * 200})
    cut = data[: data.index(b"PK\x03\x04", data.index(b"b.txt")) + 60]
    _, partial, members = text_of(cut, "application/zip")
    assert members == ["a.txt", "b.txt"]
    assert partial is not None and partial.endswith("read from its local headers")


def test_members_with_data_descriptors_are_delimited_by_their_deflate_stream() -> None:
    data = streamed_zip({"a.txt": b"Write to ana@example.org. " * 300, "b.txt": b"and to ben@example.org"})
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].flag_bits & 0x08
    _, _, members = text_of(without_directory(data), "application/zip")
    assert members == ["a.txt", "b.txt"]
    salvaged = salvaged_zip(without_directory(data), LIMITS)
    assert salvaged is not None
    with zipfile.ZipFile(io.BytesIO(salvaged)) as archive:
        assert archive.read("b.txt") == b"and to ben@example.org"  # the CRC zipfile checks is the right one


def test_a_data_descriptor_member_that_inflates_past_the_limit_is_left_out_unread() -> None:
    data = streamed_zip({"zeros.bin": bytes(8 << 20), "note.txt": b"ana@example.org"})
    small = replace(LIMITS, max_member_bytes=1 << 20)
    salvaged = salvaged_zip(without_directory(data), small)
    assert salvaged is not None
    assert zipfile.ZipFile(io.BytesIO(salvaged)).namelist() == ["note.txt"]


def test_a_repeated_name_keeps_its_first_member() -> None:
    first = zip_bytes({"a.txt": b"first"})
    second = zip_bytes({"a.txt": b"second"})
    salvaged = salvaged_zip(without_directory(first) + without_directory(second), LIMITS)
    assert salvaged is not None
    assert zipfile.ZipFile(io.BytesIO(salvaged)).read("a.txt") == b"first"


def test_damage_elsewhere_than_the_directory_stays_corrupt() -> None:
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><unclosed"})
    with pytest.raises(CorruptDocument) as raised:
        extract(data, DOCX, "x.docx", LIMITS)
    assert "local headers" not in str(raised.value)
    assert salvaged_zip(b"no zip here at all", LIMITS) is None


@pytest.mark.skipif(not (CORPORA / "office-poi").is_dir(), reason="needs ../shared/corpora/office-poi")
@pytest.mark.parametrize(("path", "mime"), [("docx/truncated62886.docx", DOCX),
                                            ("pptx/Divino_Revelado.pptx", f"{OOXML}presentationml.presentation")])
def test_real_damaged_office_files_from_apache_poi_are_read(path: str, mime: str) -> None:
    data = (CORPORA / "office-poi" / path).read_bytes()
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(data))
    text, partial, _ = text_of(data, mime)
    assert len(text) > 200
    assert partial is not None and partial.endswith("read from its local headers")


def test_a_member_name_that_starts_with_nul_is_read_under_its_whole_name() -> None:
    """Found by the fuzzer in a salvaged zip: zipfile cuts `filename` at a NUL, so such a member had
    the empty name, and ZipInfo.is_dir() raised IndexError: the whole zip was `error`."""
    data = zip_bytes({"ok.txt": b"Write to ana@example.org"}).replace(b"ok.txt", b"\x00k.txt")
    out = extract(data, "application/zip", "x.zip", LIMITS)
    assert [(m.name, m.data) for m in out.members] == [("\x00k.txt", b"Write to ana@example.org")]
    assert escape_name(out.members[0].name) == "%00k.txt"


def test_a_docx_without_its_directory_in_a_scan_is_ok_counted_and_its_values_reach_no_output(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "cut.docx").write_bytes(without_directory(docx_bytes(PEOPLE)))
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=(root,), out_dir=out, workers=1, key_file=key))
    (record,) = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    assert record["status"] == "ok" and record["error"].endswith("read from its local headers")
    assert record["entities"]["EMAIL_ADDRESS"]["unique"] == 2
    written = b"".join(path.read_bytes() for path in out.rglob("*") if path.is_file())
    for value in ("h.morkeby@example.no", "q.abellard@example.fr", "Mørkeby", "Abellard", "Halvard", "Quentin"):
        assert value.encode() not in written, value
