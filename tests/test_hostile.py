"""One real scan over a share full of hostile files (tests/hostile.py builds them): it finishes,
accounts for every regular file, stays within memory, writes nothing outside its output
directory, touches no network and leaks none of the planted canaries."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import pytest

from classifier.extract.archive import extract_zip
from classifier.extract.email_message import extract_eml
from classifier.extract.errors import CorruptDocument, LimitExceeded
from classifier.extract.pdf import extract_pdf
from classifier.extract.text import extract_text
from classifier.limits import Limits
from classifier.names import escape_path
from classifier.sniff import Sniffer
from classifier.state import locate_state
from tests.conftest import TEST_KEY
from tests.documents import docx_bytes, eml_bytes, xlsx_bytes
from tests.hostile import (
    ENTITY_BOMB_DTD,
    deep_zip,
    flat_zip_bomb,
    gzip_bomb,
    nested_email,
    nested_zip_bomb,
    overlapping_zip_bomb,
    pdf_of,
    pdf_with_huge_content_stream,
    pdf_with_one_large_page,
    pdf_with_self_referencing_page_tree,
    replace_part,
    stream_object,
    tar_with_escaping_names,
    write_single_line_text,
)

GIB = 1 << 30
MEMORY_CEILING = 2 * GIB
WORKER_CEILING = 1 * GIB
SCAN_TIMEOUT_S = 240
# Planted in hostile files' contents; none may reach any byte the scan writes.
CANARIES = {
    "deep": "DEEPCANARY-4417-quokka",
    "xxe_file": "XXECANARY-9051-narwhal",
    "outside": "OUTSIDECANARY-7730-axolotl",
    "pdf": "PDFCANARY-2268-pangolin",
    "mail": "MAILCANARY-5173-okapi",
    "tar": "TARCANARY-8842-tapir",
    "name": "NAMECANARY-3391-dugong",
    "large_page": "LARGEPAGECANARY-6613-wombat",
}
# Order rows without a line break, repeated for 200 MB: an export that lost its newlines.
# (Prose or long digit runs would be read as well, just slower: the PII stage takes ~25 s per
# million characters of either, which the 5-million-character text budget and the per-file
# time limit bound; this test is about reading 200 MB, not about NER speed.)
ONE_LINE_PIECE = b"4471,WX-220,3,12.50,"


@dataclass
class ConnectionCounter:
    """A TCP listener on 127.0.0.1 that counts who connects (an XXE that resolves would)."""

    server: socket.socket = field(default_factory=lambda: socket.create_server(("127.0.0.1", 0)))
    connections: int = 0

    @property
    def port(self) -> int:
        return int(self.server.getsockname()[1])

    def serve(self) -> None:
        self.server.settimeout(0.2)
        while self.server.fileno() >= 0:
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            connection.close()


@dataclass
class TreeMemory:
    """Samples the scan's whole process tree (the CLI and all its worker processes).

    `peak_rss_sum` is the largest sum of resident set sizes seen at one sample (every 50 ms).
    `peak_hwm_sum` adds, at each sample, every live process's own high-water mark (VmHWM from
    /proc, which no sampling interval can miss) and keeps the largest: an upper bound of the
    tree's true peak, since a process's peak never exceeds its high-water mark.
    """

    root_pid: int
    peak_rss_sum: int = 0
    peak_hwm_sum: int = 0
    peak_process_hwm: int = 0  # the largest high-water mark of any one process (a worker, in practice)
    processes_seen: set[int] = field(default_factory=set)
    running: bool = True

    def sample_forever(self) -> None:
        while self.running:
            self.sample()
            time.sleep(0.05)

    def sample(self) -> None:
        try:
            root = psutil.Process(self.root_pid)
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        rss = hwm = 0
        for process in tree:
            try:
                rss += process.memory_info().rss
                own = _high_water_mark(process.pid)
                hwm += own
                self.peak_process_hwm = max(self.peak_process_hwm, own)
                self.processes_seen.add(process.pid)
            except (psutil.NoSuchProcess, FileNotFoundError, ProcessLookupError):
                continue
        self.peak_rss_sum = max(self.peak_rss_sum, rss)
        self.peak_hwm_sum = max(self.peak_hwm_sum, hwm)


def _high_water_mark(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def snapshot(paths: list[Path], leave_out: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under `paths` (not following links) with its type, size and mtime."""
    seen: dict[str, tuple[int, int, int]] = {}
    for top in paths:
        for directory, dirnames, filenames in os.walk(top, followlinks=False):
            dirnames[:] = [d for d in dirnames if Path(directory, d) != leave_out]
            for name in dirnames + filenames:
                entry = os.lstat(os.path.join(directory, name))
                seen[os.path.join(directory, name)] = (entry.st_mode, entry.st_size, entry.st_mtime_ns)
    return seen


@dataclass(frozen=True)
class HostileShare:
    root: Path
    outside: Path
    escape_targets: tuple[Path, ...]
    regular_files: tuple[str, ...]  # walk-relative paths, as documents.jsonl writes them


def build_share(base: Path, listener_port: int) -> HostileShare:
    root = base / "share"
    outside = base / "outside"
    for directory in ("bombs", "deep", "office", "pdf", "text", "mail", "archives", "special", "links", "names",
                      "plain"):
        (root / directory).mkdir(parents=True)
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(f"outside the root: {CANARIES['outside']}\n")
    xxe_target = outside / "xxe-target.txt"
    xxe_target.write_text(CANARIES["xxe_file"])

    (root / "bombs" / "flat.zip").write_bytes(flat_zip_bomb(members=20, mebibytes_each=128))  # 2.5 GiB
    (root / "bombs" / "nested.zip").write_bytes(nested_zip_bomb(width=16, levels=3, leaf_members=16,
                                                                leaf_mebibytes=64))  # 4 TiB
    (root / "bombs" / "overlap.zip").write_bytes(overlapping_zip_bomb(members=32, kernel_mebibytes=64))  # 2 GiB
    (root / "bombs" / "zeros.gz").write_bytes(gzip_bomb(mebibytes=4096))
    (root / "deep" / "deep200.zip").write_bytes(deep_zip(200, f"The core: {CANARIES['deep']}".encode()))

    docx = docx_bytes(["Quarterly note for the team.", "PLACEHOLDER"])
    (root / "office" / "entity-bomb.docx").write_bytes(
        replace_part(docx, "word/document.xml", before_root=ENTITY_BOMB_DTD.encode(), text=(b"PLACEHOLDER", b"&lol9;")))
    xxe_dtd = (f'<!DOCTYPE w:document SYSTEM "http://127.0.0.1:{listener_port}/document.dtd" ['
               f'<!ENTITY local SYSTEM "file://{xxe_target}">'
               f'<!ENTITY remote SYSTEM "http://127.0.0.1:{listener_port}/entity">]>').encode()
    (root / "office" / "xxe.docx").write_bytes(
        replace_part(docx, "word/document.xml", before_root=xxe_dtd, text=(b"PLACEHOLDER", b"&local; &remote;")))
    xlsx = xlsx_bytes([["Name", "Email"], ["Ann Lee", "ann@contoso.com"]])
    (root / "office" / "entity-bomb-sheet.xlsx").write_bytes(
        replace_part(xlsx, "xl/worksheets/sheet1.xml", before_root=ENTITY_BOMB_DTD.encode(),
                     text=(b"<sheetData>", b"<sheetData>&lol9;")))
    (root / "office" / "entity-bomb-workbook.xlsx").write_bytes(
        replace_part(xlsx, "xl/workbook.xml", before_root=ENTITY_BOMB_DTD.encode(), text=(b"<sheets>", b"<sheets>&lol9;")))

    (root / "pdf" / "self-kids.pdf").write_bytes(pdf_with_self_referencing_page_tree(CANARIES["pdf"]))
    (root / "pdf" / "huge-stream.pdf").write_bytes(pdf_with_huge_content_stream(mebibytes=4096))
    (root / "pdf" / "large-page.pdf").write_bytes(pdf_with_one_large_page(51, f"{CANARIES['large_page']}@example.org"))
    write_single_line_text(root / "text" / "one-line-200mb.txt", 200, ONE_LINE_PIECE)
    (root / "mail" / "nested-300.eml").write_bytes(nested_email(300, CANARIES["mail"]))

    escaped = base / "escaped-by-tar.txt"
    absolute = outside / "absolute-by-tar.txt"
    (root / "archives" / "escape.tar").write_bytes(tar_with_escaping_names(
        {"../../escaped-by-tar.txt": f"relative escape {CANARIES['tar']}".encode(),
         str(absolute): f"absolute escape {CANARIES['tar']}".encode()},
        {"passwd-link": "/etc/passwd", "up-link": "../../outside/secret.txt"}))

    os.mkfifo(root / "special" / "pipe")
    (root / "links" / "loop").symlink_to(root / "links", target_is_directory=True)
    (root / "links" / "ping").symlink_to(root / "links" / "pong")
    (root / "links" / "pong").symlink_to(root / "links" / "ping")
    (root / "links" / "escape.txt").symlink_to(secret)
    bad_name = os.path.join(os.fsencode(root / "names"), b"r\xe9sum\xe9-\xff.txt")
    with open(bad_name, "wb") as handle:
        handle.write(f"Contact: {CANARIES['name']} at ann@contoso.com".encode())
    (root / "plain" / "notes.txt").write_text("Write to ann@contoso.com or bob@fabrikam.de about the order.")

    regular = tuple(sorted(
        escape_path(os.path.relpath(os.path.join(d, f), root))
        for d, _, files in os.walk(root) for f in files
        if os.path.isfile(os.path.join(d, f)) and not os.path.islink(os.path.join(d, f))))
    return HostileShare(root, outside, (escaped, absolute), regular)


@dataclass(frozen=True)
class HostileScan:
    share: HostileShare
    out: Path
    documents: list[dict[str, Any]]
    inventory: dict[str, Any]
    seconds: float
    memory: TreeMemory
    outside_before: dict[str, tuple[int, int, int]]
    outside_after: dict[str, tuple[int, int, int]]
    temp_dir: Path
    network_connections: int


@pytest.fixture(scope="module")
def hostile_scan(tmp_path_factory: pytest.TempPathFactory) -> HostileScan:
    base = tmp_path_factory.mktemp("hostile")
    listener = ConnectionCounter()
    threading.Thread(target=listener.serve, daemon=True).start()
    share = build_share(base, listener.port)
    out = base / "census"
    key = base / "scan.key"
    key.write_bytes(TEST_KEY)
    temp_dir = base / "tmp"  # the scan's TMPDIR: it must be empty afterwards
    temp_dir.mkdir()
    before = snapshot([base], out)
    command = [str(Path(sys.executable).with_name("leakcensus")), "scan", str(share.root), "--out", str(out),
               "--workers", "2", "--key-file", str(key), "--quiet", "--timeout", "120"]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "TMPDIR": str(temp_dir)})
    memory = TreeMemory(process.pid)
    sampler = threading.Thread(target=memory.sample_forever, daemon=True)
    sampler.start()
    try:
        _, stderr = process.communicate(timeout=SCAN_TIMEOUT_S)
    finally:
        process.kill()
        memory.running = False
        sampler.join()
        listener.server.close()
    seconds = time.monotonic() - started
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]
    after = snapshot([base], out)
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
    inventory = json.loads((out / "inventory.json").read_text("utf-8"))
    print(f"hostile scan: {seconds:.1f} s, peak RSS sum {memory.peak_rss_sum / 2**20:.0f} MiB, "
          f"peak high-water sum {memory.peak_hwm_sum / 2**20:.0f} MiB, largest process high-water "
          f"{memory.peak_process_hwm / 2**20:.0f} MiB, {len(documents)} records", file=sys.stderr)
    return HostileScan(share, out, documents, inventory, seconds, memory, before, after, temp_dir,
                       listener.connections)


def top_level(scan: HostileScan) -> dict[str, dict[str, Any]]:
    return {d["path"]: d for d in scan.documents if "!/" not in d["path"]}


def members_of(scan: HostileScan, path: str) -> list[dict[str, Any]]:
    return [d for d in scan.documents if d["path"].startswith(path + "!/")]


def test_every_regular_file_has_exactly_one_record(hostile_scan: HostileScan) -> None:
    top = [d["path"] for d in hostile_scan.documents if "!/" not in d["path"]]
    assert sorted(top) == sorted(hostile_scan.share.regular_files)
    assert Counter(top).most_common(1)[0][1] == 1
    totals = hostile_scan.inventory["totals"]
    assert totals["files"] == len(hostile_scan.share.regular_files)
    assert sum(totals["by_status"].values()) == totals["documents"] == len(hostile_scan.documents)


def test_scan_finishes_within_memory_and_time(hostile_scan: HostileScan) -> None:
    assert hostile_scan.seconds < SCAN_TIMEOUT_S
    assert len(hostile_scan.memory.processes_seen) >= 3  # the CLI and its two workers were measured
    assert hostile_scan.memory.peak_rss_sum < MEMORY_CEILING
    assert hostile_scan.memory.peak_hwm_sum < MEMORY_CEILING
    assert hostile_scan.memory.peak_process_hwm < WORKER_CEILING  # every file of the suite, in every worker


def test_bombs_stop_at_a_named_limit(hostile_scan: HostileScan) -> None:
    top = top_level(hostile_scan)
    assert top["bombs/flat.zip"]["status"] == "ok"
    flat = members_of(hostile_scan, "bombs/flat.zip")
    assert [(d["status"], d["error"]) for d in flat] == [("too_large", "max_ratio")] * 20
    # Python 3.11.8+ refuses overlapping entries itself; older zipfile leaves it to our check.
    assert (top["bombs/overlap.zip"]["status"], top["bombs/overlap.zip"]["error"]) in {
        ("corrupt", "zip: overlapping members"), ("corrupt", "zip: not a readable ZIP container (BadZipFile)")}
    assert members_of(hostile_scan, "bombs/overlap.zip") == []
    assert top["bombs/zeros.gz"]["status"] == "ok"
    assert [(d["path"], d["status"], d["error"]) for d in members_of(hostile_scan, "bombs/zeros.gz")] == [
        ("bombs/zeros.gz!/zeros.bin", "too_large", "max_member_bytes")]
    assert (top["pdf/huge-stream.pdf"]["status"], top["pdf/huge-stream.pdf"]["error"]) == (
        "too_large", "max_member_bytes")


def test_nested_bomb_shares_one_budget_for_the_whole_file(hostile_scan: HostileScan) -> None:
    nested = [d for d in hostile_scan.documents if d["path"].startswith("bombs/nested.zip")]
    assert nested[0]["path"] == "bombs/nested.zip" and nested[0]["status"] == "ok"
    statuses = Counter((d["status"], d["error"]) for d in nested)
    assert set(statuses) <= {("ok", None), ("too_large", "max_ratio"), ("too_large", "max_container_bytes"),
                             ("too_large", "max_members")}
    assert statuses[("too_large", "max_ratio")] > 0  # the zips of the bottom level inflate ~1000:1
    # 16 + 256 + 4096 zips above the leaves: without one budget for the whole file each would be
    # opened and its members listed; the budget (1 GiB inflated) ran out long before.
    assert len(nested) < (1 + 16 + 256 + 4096) // 2


def test_deep_nesting_stops_at_max_depth(hostile_scan: HostileScan) -> None:
    deep = [d for d in hostile_scan.documents if d["path"].startswith("deep/deep200.zip")]
    assert [d["status"] for d in deep] == ["ok"] * 11 + ["too_large"]
    assert deep[-1]["error"] == "max_depth"
    assert deep[-1]["path"].count("!/") == 11


def test_xml_bombs_and_external_entities_in_office_files(hostile_scan: HostileScan) -> None:
    top = top_level(hostile_scan)
    assert (top["office/entity-bomb.docx"]["status"], top["office/entity-bomb.docx"]["error"]) == (
        "corrupt", "docx: XMLSyntaxError")  # libxml2 refuses the amplification
    # openpyxl reads worksheets with defusedxml, which refuses entity declarations, and the
    # workbook part with lxml (resolve_entities=False), where libxml2 refuses the amplification.
    assert (top["office/entity-bomb-sheet.xlsx"]["status"], top["office/entity-bomb-sheet.xlsx"]["error"]) == (
        "corrupt", "xlsx: ValueError")
    assert (top["office/entity-bomb-workbook.xlsx"]["status"],
            top["office/entity-bomb-workbook.xlsx"]["error"]) == ("corrupt", "xlsx: XMLSyntaxError")
    assert top["office/xxe.docx"]["status"] == "ok"  # read, with the entities left unresolved
    assert hostile_scan.network_connections == 0


def test_pdf_page_too_large_to_lay_out_is_left_unread(hostile_scan: HostileScan) -> None:
    record = top_level(hostile_scan)["pdf/large-page.pdf"]
    assert (record["status"], record["error"]) == ("ok", "max_page_content_bytes: 1 page(s) not read")
    assert record["entities"]["EMAIL_ADDRESS"]["unique"] == 1  # the other page was read


def test_pdf_page_tree_that_contains_itself(hostile_scan: HostileScan) -> None:
    record = top_level(hostile_scan)["pdf/self-kids.pdf"]
    assert (record["status"], record["error"]) == ("ok", None)


def test_long_single_line_text_is_cut_at_the_text_budget(hostile_scan: HostileScan) -> None:
    record = top_level(hostile_scan)["text/one-line-200mb.txt"]
    assert record["size"] == 200 << 20
    assert (record["status"], record["error"]) == ("ok", "max_text_chars")


def test_deeply_nested_email_is_read(hostile_scan: HostileScan) -> None:
    record = top_level(hostile_scan)["mail/nested-300.eml"]
    assert (record["status"], record["error"]) == ("ok", None)
    # The outer message's sender (the nested messages' bodies are read as its text).
    assert record["entities"]["EMAIL_ADDRESS"] == {"mentions": 1, "unique": 1}


def test_tar_member_names_are_labels_and_links_are_not_followed(hostile_scan: HostileScan) -> None:
    members = {d["path"]: (d["status"], d["error"]) for d in members_of(hostile_scan, "archives/escape.tar")}
    absolute = str(hostile_scan.share.escape_targets[1])
    assert members == {
        "archives/escape.tar!/../../escaped-by-tar.txt": ("ok", None),
        f"archives/escape.tar!/{absolute}": ("ok", None),
        "archives/escape.tar!/passwd-link": ("unsupported", "link member not followed"),
        "archives/escape.tar!/up-link": ("unsupported", "link member not followed"),
    }
    assert not any(target.exists() for target in hostile_scan.share.escape_targets)


def test_special_files_and_links_are_counted_never_opened(hostile_scan: HostileScan) -> None:
    assert hostile_scan.inventory["totals"]["skipped"] == {"special_file": 1, "symlink": 4}
    assert not any(d["path"].startswith("links/") for d in hostile_scan.documents)


def test_name_that_is_not_utf8_is_escaped(hostile_scan: HostileScan) -> None:
    record = top_level(hostile_scan)["names/r%E9sum%E9-%FF.txt"]
    assert record["status"] == "ok"
    assert record["entities"]["EMAIL_ADDRESS"]["unique"] == 1


def test_nothing_is_written_outside_the_output_directory(hostile_scan: HostileScan) -> None:
    changed = {path for path in hostile_scan.outside_before.keys() | hostile_scan.outside_after.keys()
               if hostile_scan.outside_before.get(path) != hostile_scan.outside_after.get(path)}
    # Python's tempfile.gettempdir() probes TMPDIR by writing and removing a file of its own
    # (no document bytes): the directory's mtime may change, its contents may not.
    assert changed <= {str(hostile_scan.temp_dir)}
    assert list(hostile_scan.temp_dir.iterdir()) == []


def test_no_canary_reaches_the_output(hostile_scan: HostileScan) -> None:
    needles = [value.encode() for value in CANARIES.values()]
    state = locate_state(hostile_scan.out).directory
    written = [p for folder in (hostile_scan.out, state) for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"documents.jsonl", "inventory.json", "report.html", "catalog.sqlite"}
    assert not (hostile_scan.out / "catalog.sqlite").exists()
    found = [(p.name, n.decode()) for p in written for n in needles if n in p.read_bytes()]
    assert found == []
    assert top_level(hostile_scan)["plain/notes.txt"]["entities"]["EMAIL_ADDRESS"]["unique"] == 2


# --- the same defences one extractor at a time (fast, in process) --------------------------------


def test_overlapping_members_are_refused_before_inflating() -> None:
    with pytest.raises(CorruptDocument, match=r"^zip: (overlapping members|not a readable ZIP container \(BadZipFile\))$"):
        extract_zip(overlapping_zip_bomb(members=8, kernel_mebibytes=4), "overlap.zip", Limits())


def test_zip_member_past_the_ratio_is_refused_and_counted() -> None:
    extracted = extract_zip(flat_zip_bomb(members=3, mebibytes_each=8), "flat.zip", Limits())
    assert [(m.name, m.problem) for m in extracted.members] == [
        (f"zeros-{n:03d}.bin", "max_ratio") for n in range(3)]
    assert 3 << 20 < extracted.inflated < 3 * (8 << 20)  # refused part-way, and every inflated byte counted
    with pytest.raises(LimitExceeded, match=r"^max_container_bytes$"):  # refused members still spend the container
        extract_zip(flat_zip_bomb(members=3, mebibytes_each=8), "flat.zip", Limits(max_ratio=10**9,
                                                                                   max_container_bytes=10 << 20))


def test_pdf_stream_is_measured_before_pdfminer_inflates_it() -> None:
    with pytest.raises(LimitExceeded, match=r"^max_ratio$"):
        extract_pdf(pdf_with_huge_content_stream(mebibytes=16), "huge.pdf", Limits())
    with pytest.raises(LimitExceeded, match=r"^max_member_bytes$"):
        extract_pdf(pdf_with_huge_content_stream(mebibytes=16), "huge.pdf", Limits(max_ratio=10**9,
                                                                                  max_member_bytes=8 << 20))


def test_text_past_the_budget_is_cut_and_says_so() -> None:
    extracted = extract_text(b"\xc3\xa9" * 50, "accents.txt", Limits(max_text_chars=10))
    assert [s.text for s in extracted.segments] == ["é" * 10]
    assert extracted.truncated
    assert not extract_text(b"short", "short.txt", Limits(max_text_chars=10)).truncated


def test_zip_directory_claiming_an_unknown_version_is_corrupt_not_a_crash() -> None:
    data = bytearray(flat_zip_bomb(members=1, mebibytes_each=1))
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 66  # "version needed to extract" 6.6: zipfile raises NotImplementedError
    assert Sniffer().sniff(bytes(data), "odd.zip").mime == "application/zip"
    with pytest.raises(CorruptDocument, match=r"^zip: uses a feature the reader does not support \(NotImplementedError\)$"):
        extract_zip(bytes(data), "odd.zip", Limits())


def test_pdf_page_of_thousands_of_text_boxes_is_read_in_linear_time() -> None:
    # Found by benchmarks/fuzz_extractors.py: pdfminer orders a page's text boxes pairwise
    # (quadratic): this page of 2,500 scattered words took it 124 s, 0.5 s with the cap.
    runs = b"".join(b"BT /F1 4 Tf %d %d Td (w%d) Tj ET\n" % (20 + (n % 25) * 22, 20 + (n // 25) * 7, n)
                    for n in range(2500))
    pdf = pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream_object(b"", runs),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
    started = time.perf_counter()
    extracted = extract_pdf(pdf, "scattered.pdf", Limits())
    assert time.perf_counter() - started < 15
    words = re.findall(r"w\d+", "".join(s.text for s in extracted.segments))
    assert sorted(words) == sorted(f"w{n}" for n in range(2500))


def test_email_date_with_an_overflowing_year_is_left_out() -> None:
    # Found by benchmarks/fuzz_extractors.py: the email package's Date header parser raised
    # OverflowError on access, which no extractor expected.
    message = eml_bytes("ann@contoso.com", "bob@fabrikam.de", "Offer", "Price list attached.").replace(
        b" 2021 10:00:00", b" 20202020202020202021 10:00:00")
    extracted = extract_eml(message, "offer.eml", Limits())
    assert extracted.metadata_dates == []
    assert "Price list attached." in [s.text.strip() for s in extracted.segments]


def test_members_refused_unread_keep_their_own_status_and_reason() -> None:
    """Unread members all hash as empty data; each keeps its own record instead of becoming a
    'copy' of the first one (which would give every refused member the first one's reason)."""
    import hashlib

    from classifier.records import DocumentRecord, Findings, Status
    from classifier.scan.replay import DuplicateResolver

    def refused(path: str, status: Status, reason: str) -> DocumentRecord:
        return DocumentRecord(path=path, size=0, content_hmac=hashlib.sha256(b"").hexdigest(), mime="application/octet-stream",
                              extension_mismatch=False, status=status, error=reason, language=None, earliest=None,
                              latest=None, categories=(), findings=Findings(), duplicate_of=None, depth=1)

    resolver = DuplicateResolver()
    first = resolver.resolve(refused("a.tar!/big.bin", Status.TOO_LARGE, "max_member_bytes"))
    second = resolver.resolve(refused("a.tar!/link", Status.UNSUPPORTED, "link"))
    assert (first.path, first.status, first.error, first.duplicate_of) == ("a.tar!/big.bin", Status.TOO_LARGE,
                                                                          "max_member_bytes", None)
    assert (second.path, second.status, second.error, second.duplicate_of) == ("a.tar!/link", Status.UNSUPPORTED,
                                                                              "link", None)
