"""#17: what a hostile or old share does to names, hashes, limits and the exit contract.

Each test builds real files (tar, zip, mail, sparse files, non-UTF-8 names on disk) and runs the
real scan; each failed before the fix it covers (noted per test).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from classifier.cli import main
from classifier.content_hash import ContentHasher
from classifier.dates import dates_in_text
from classifier.names import escape_folder, escape_name, escape_path
from classifier.scan import ScanOptions, run_scan
from classifier.state import locate_state
from tests.conftest import TEST_KEY
from tests.documents import eml_bytes, zip_bytes

LEAKCENSUS = str(Path(sys.executable).with_name("leakcensus"))


def scan(tmp_path: Path, *roots: Path, extra: tuple[str, ...] = ()) -> tuple[subprocess.CompletedProcess[str], Path]:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    command = [LEAKCENSUS, "scan", *map(str, roots), "--out", str(out), "--workers", "1", "--key-file", str(key),
               "--quiet", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=600), out


def documents(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "documents.jsonl").read_bytes().decode("utf-8").splitlines()  # strict UTF-8
    records = [json.loads(line) for line in lines]
    by_path = {(r.get("root"), r["path"]): r for r in records}
    assert len(by_path) == len(records), "two records share a path"
    return {path if root is None else f"{root}::{path}": record for (root, path), record in by_path.items()}


def emails(record: dict[str, Any]) -> int:
    return int(record["entities"].get("EMAIL_ADDRESS", {}).get("unique", 0))


def tar_member(name: bytes, data: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name.decode("utf-8", errors="surrogateescape"))
    info.size = len(data)
    return info


# --- the escaping itself --------------------------------------------------------------------------


def test_escaping_is_lossless_and_cannot_collide() -> None:
    names = ["caf\udce9.txt", "caf%E9.txt", "a\\xffb.txt", "100% sure.txt", "a!/b.txt", "a!%2Fb.txt",
             "x.zip!", "x.zip%21", "tab\there", "esc\x1b[2Jname", "rtl\u202etxt.exe", "plain.txt"]
    escaped = [escape_name(n) for n in names]
    assert len(set(escaped)) == len(names)
    assert escape_name("caf\udce9.txt") == "caf%E9.txt"
    assert escape_name("caf%E9.txt") == "caf%25E9.txt"
    assert escape_name("100% sure.txt") == "100% sure.txt"  # a % that reads as no escape stays
    assert escape_name("a!/b.txt") == "a!%2Fb.txt"
    assert escape_name("esc\x1b[2Jname") == "esc%1B[2Jname"
    assert escape_name("rtl\u202etxt.exe") == "rtl%E2%80%AEtxt.exe"
    assert escape_folder("x.zip!") == "x.zip%21"
    assert escape_path("x.zip!/d\udcff/a.txt") == "x.zip%21/d%FF/a.txt"
    for text in escaped:
        text.encode("utf-8")  # every escaped name is writable


# --- item 1: names that are not UTF-8 -------------------------------------------------------------


def test_latin1_tar_member_and_non_utf8_folder_are_scanned_not_a_crash(tmp_path: Path) -> None:
    # Before: UnicodeEncodeError in the catalog, exit 1, no outputs.
    root = tmp_path / "share"
    root.mkdir()
    body = b"Write to Ines Mart\xednez at ines.martinez@example.com\n"
    with tarfile.open(root / "old.tar", "w", format=tarfile.USTAR_FORMAT, encoding="latin-1") as archive:
        archive.addfile(tar_member(b"r\xe9sum\xe9.txt", body), io.BytesIO(body))
    folder = os.path.join(os.fsencode(root), b"d\xe9p\xf4t")
    os.mkdir(folder)
    with open(os.path.join(folder, b"notes.txt"), "wb") as handle:
        handle.write(b"Contact ola.nordmann@example.org for the order.\n")
    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    assert records["old.tar!/r%E9sum%E9.txt"]["status"] == "ok"
    assert emails(records["old.tar!/r%E9sum%E9.txt"]) == 1
    assert emails(records["d%E9p%F4t/notes.txt"]) == 1


def test_a_root_that_is_not_utf8_is_scanned_and_named_escaped(tmp_path: Path) -> None:
    # Before: crash writing inventory.json, inventory.json.partial left behind.
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "notes.txt").write_text("Ask ann.lee@contoso.com about it.")
    odd = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"r\xff")))
    odd.mkdir()
    (odd / "notes.txt").write_text("Ask bob.stone@fabrikam.com about it.")
    result, out = scan(tmp_path, odd, plain)
    assert result.returncode == 0, result.stderr
    inventory = json.loads((out / "inventory.json").read_text("utf-8"))
    assert inventory["scan"]["roots"] == [escape_path(str(odd)), str(plain)]
    assert escape_path(str(odd)).endswith("/r%FF")
    records = documents(out)
    # Two roots, the same relative path: two records, each naming its root (contract v2).
    assert sorted(records) == sorted(f"{root}::notes.txt" for root in inventory["scan"]["roots"])
    assert [p.name for p in out.iterdir() if p.name.endswith(".partial")] == []


# --- item 2: paths that used to collide -----------------------------------------------------------


def test_records_that_shared_a_path_are_all_kept_and_all_found_by_lookup(tmp_path: Path) -> None:
    # Before: 8 files gave `files: 7` and lookup said "not found" for people who were there.
    root = tmp_path / "share"
    root.mkdir()
    people = [f"person{n}@example.com" for n in range(8)]

    def text(n: int) -> bytes:
        return f"Customer contact: {people[n]}\n".encode()

    # A folder named `x.zip!` beside a zip `x.zip`, both holding `a.txt`.
    (root / "x.zip").write_bytes(zip_bytes({"a.txt": text(0)}))
    (root / "x.zip!").mkdir()
    (root / "x.zip!" / "a.txt").write_bytes(text(1))
    # A zip member literally named `a!/b.txt` beside a nested zip `a` holding `b.txt`.
    (root / "nest.zip").write_bytes(zip_bytes({"a!/b.txt": text(2), "a": zip_bytes({"b.txt": text(3)})}))
    # A tar with a repeated member (tar --append).
    with tarfile.open(root / "appended.tar", "w") as archive:
        for n in (4, 5):
            archive.addfile(tar_member(b"n.txt", text(n)), io.BytesIO(text(n)))
    # A mail with two attachments of the same name.
    (root / "mail.eml").write_bytes(eml_bytes("a@example.net", "b@example.net", "files", "see attached",
                                              [("image001.txt", text(6), "text/plain"), ("image001.txt", text(7), "text/plain")]))
    # `a\xffb.txt` beside a file literally named `a\xffb.txt` and one named `a%FFb.txt`.
    with open(os.path.join(os.fsencode(root), b"odd\xffname.txt"), "wb") as handle:
        handle.write(b"one")
    (root / "odd\\xffname.txt").write_bytes(b"two")
    (root / "odd%FFname.txt").write_bytes(b"three")

    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    for path in ("x.zip!/a.txt", "x.zip%21/a.txt", "nest.zip!/a!%2Fb.txt", "nest.zip!/a!/b.txt",
                 "appended.tar!/n.txt", "appended.tar!/n.txt#2", "mail.eml!/image001.txt", "mail.eml!/image001.txt#2",
                 "odd%FFname.txt", "odd\\xffname.txt", "odd%25FFname.txt"):
        assert path in records, path
    inventory = json.loads((out / "inventory.json").read_text("utf-8"))
    assert inventory["totals"]["files"] == 8
    for address in people:
        found = CliRunner().invoke(main, ["lookup", "--out", str(out), "--key-file", str(tmp_path / "k.key"),
                                          "--email", address])
        assert found.exit_code == 0, (address, found.output)


# --- item 3: limits before hashing ----------------------------------------------------------------


def read_bytes_of(pid: int) -> int:
    with open(f"/proc/{pid}/io") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("rchar:"))


def test_a_huge_sparse_file_is_never_read_past_the_limit(tmp_path: Path) -> None:
    # Before: the parent hashed every file in full before --max-file-mb applied (a 15 TB sparse
    # file took hours); here 64 GiB would have been read.
    root = tmp_path / "share"
    root.mkdir()
    with open(root / "disk.img", "wb") as handle:
        handle.truncate(64 << 30)
    (root / "notes.txt").write_text("Ask ann.lee@contoso.com about it.")
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    before = read_bytes_of(os.getpid())
    run_scan(ScanOptions(roots=(root,), out_dir=tmp_path / "out", isolate=False, key_file=key))
    read = read_bytes_of(os.getpid()) - before
    assert read < 4 << 30  # models and the small file: far below the sparse file's 64 GiB
    records = documents(tmp_path / "out")
    assert (records["disk.img"]["status"], records["disk.img"]["error"]) == ("too_large", "max_file_bytes")
    assert records["disk.img"]["size"] == 64 << 30
    assert emails(records["notes.txt"]) == 1


def test_file_hashes_stop_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * (3 << 20))
    hasher = ContentHasher(TEST_KEY)
    assert hasher.of_file(path, 1 << 20) is None
    whole = hasher.of_file(path, 3 << 20)
    assert whole is not None
    assert whole.content_hmac == hmac.new(TEST_KEY, b"x" * (3 << 20), hashlib.sha256).hexdigest()
    assert whole.plain_sha256 is None


# --- item 7: one broken character or name loses that, not the document ----------------------------


def test_lone_surrogates_and_false_utf8_zip_names_cost_one_character(tmp_path: Path) -> None:
    # Before: JSON with half an emoji -> error: analysis failed; the zip -> corrupt.
    root = tmp_path / "share"
    root.mkdir()
    (root / "half.json").write_text('{"name": "Dana Whitfield", "email": "dana.whitfield@example.com", '
                                    '"note": "\\ud83d fine"}')
    (root / "half.rtf").write_text("{\\rtf1\\ansi Contact carl.jensen@example.com \\u-10240? today.\\par}")
    good = zip_bytes({"r\u00e9sum\u00e9.txt": b"Mail erik.berg@example.com\n", "ok.txt": b"Mail ola@example.org\n"})
    # Latin-1 bytes under the UTF-8 flag, as zip tools of the 2000s wrote (same length as UTF-8 'é').
    (root / "flagged.zip").write_bytes(good.replace("r\u00e9sum\u00e9".encode(), b"r\xe9 sum\xe9 "))
    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    assert (records["half.json"]["status"], emails(records["half.json"])) == ("ok", 1)
    assert (records["half.rtf"]["status"], emails(records["half.rtf"])) == ("ok", 1)
    assert records["flagged.zip"]["status"] == "ok"
    assert emails(records["flagged.zip!/r%E9 sum%E9 .txt"]) == 1
    assert emails(records["flagged.zip!/ok.txt"]) == 1


# --- item 8: birth dates are not document dates ---------------------------------------------------


def test_birth_dates_do_not_date_the_document(tmp_path: Path) -> None:
    from datetime import date

    today = date(2026, 12, 6)
    assert dates_in_text("Date of birth: 14.03.1987\nHired: 2019-05-01", today) == [date(2019, 5, 1)]
    assert dates_in_text("Geburtsdatum: 14. März 1987", today) == []
    assert dates_in_text("Fecha de nacimiento: 14/03/1987", today) == []
    assert dates_in_text("born on March 14, 1987 and hired 2019-05-01", today) == [date(2019, 5, 1)]
    assert dates_in_text("Invoice date 14.03.2021", today) == [date(2021, 3, 14)]
    root = tmp_path / "share"
    root.mkdir()
    (root / "personnel.txt").write_text("Employee record\nName: Xanthippe Quillfeather\n"
                                        "Date of birth: 14.03.1987\nStart date: 01.02.2021\n")
    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    assert documents(out)["personnel.txt"]["dates"] == {"earliest": "2021-02-01", "latest": "2021-02-01"}


# --- items 4 and 5: nothing in the output directory confirms a guess -----------------------------


def test_the_output_directory_alone_confirms_no_planted_ssn(tmp_path: Path) -> None:
    # Before: documents.jsonl carried plain SHA-256 (10^6 guesses recover a one-SSN file) and
    # OUT/scan.key sat beside OUT/catalog.sqlite.
    root = tmp_path / "share"
    root.mkdir()
    secret = b"536-22-8491\n"
    (root / "ssn.txt").write_bytes(secret)
    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "documents.jsonl", "inventory.json", "report.html"]
    written = b"".join(p.read_bytes() for p in out.iterdir())
    # The attack: every serial of the area and group, plain SHA-256 and the output's own bytes as keys.
    guesses = {hashlib.sha256(f"536-22-{serial:04d}\n".encode()).hexdigest().encode() for serial in range(10_000)}
    assert hashlib.sha256(secret).hexdigest().encode() in guesses  # the attack would find a plain hash
    assert not any(guess in written for guess in guesses)
    record = documents(out)["ssn.txt"]
    assert "sha256" not in record
    # The hash is there, keyed: with the key (kept outside --out) it identifies the file.
    assert record["content_hmac"] == hmac.new(TEST_KEY, secret, hashlib.sha256).hexdigest()


def test_plain_hashes_only_when_asked(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_bytes(b"known file\n")
    result, out = scan(tmp_path, root, extra=("--plain-hashes",))
    assert result.returncode == 0, result.stderr
    assert documents(out)["a.txt"]["sha256"] == hashlib.sha256(b"known file\n").hexdigest()


def test_a_key_left_in_the_output_directory_by_an_earlier_version_moves_out(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_text("Ask ann.lee@contoso.com about it.")
    out = tmp_path / "out"
    out.mkdir()
    (out / "scan.key").write_bytes(TEST_KEY + b"\n")
    (out / "catalog.sqlite").write_bytes(b"an old catalog")
    result = subprocess.run([LEAKCENSUS, "scan", str(root), "--out", str(out), "--workers", "1", "--quiet"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "moved" in result.stderr
    assert not (out / "scan.key").exists() and not (out / "catalog.sqlite").exists()
    assert locate_state(out).key_path.read_bytes().strip() == TEST_KEY  # the same key: old lookups still hold
    found = CliRunner().invoke(main, ["lookup", "--out", str(out), "--email", "ann.lee@contoso.com"])
    assert found.exit_code == 0, found.output


# --- item 12: operator errors are one line and exit 2 ---------------------------------------------


@pytest.mark.parametrize("timeout", ["inf", "1e308", "nan", "-1"])
def test_unusable_timeouts_are_refused(tmp_path: Path, timeout: str) -> None:
    (tmp_path / "r").mkdir()
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "r"), "--out", str(tmp_path / "o"), "--timeout", timeout])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "--timeout" in result.output


def test_a_corrupt_catalog_or_one_of_another_key_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    (root / "a.txt").write_text("hello")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(tmp_path / "o1"), "--catalog", str(garbage)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and "cannot be read" in result.output

    shared = tmp_path / "shared" / "catalog.sqlite"
    first = CliRunner().invoke(main, ["scan", str(root), "--out", str(tmp_path / "mon"), "--catalog", str(shared),
                                      "--workers", "1"])
    assert first.exit_code == 0, first.output
    # The nightly mistake: a new --out, the shared catalog, no --key-file.
    second = CliRunner().invoke(main, ["scan", str(root), "--out", str(tmp_path / "tue"), "--catalog", str(shared),
                                       "--workers", "1"])
    assert second.exit_code == 2, second.output
    assert "--key-file" in second.output and "Traceback" not in second.output
    assert not locate_state(tmp_path / "tue").key_path.exists()  # no wrong key left behind
    assert not (tmp_path / "tue" / "inventory.json").exists()


def test_state_inside_the_output_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text("hello", "utf-8")  # an empty root would be refused first
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "r"), "--out", str(out), "--state", str(out / "state")])
    assert result.exit_code == 2, result.output
    assert "must not be inside --out" in result.output


# --- item 9: workers that cannot start stop the scan ---------------------------------------------


def test_workers_that_cannot_start_stop_the_scan_instead_of_respawning_forever(tmp_path: Path) -> None:
    # Before: respawned forever (~900 spawns/s), no message. Here the worker's model is missing.
    from classifier.analyzer_settings import AnalyzerSettings
    from classifier.limits import Limits
    from classifier.records import FileEntry
    from classifier.scan.pool import SupervisedPool, WorkerStartError

    (tmp_path / "a.txt").write_text("hello")
    entry = FileEntry(str(tmp_path), tmp_path / "a.txt", "a.txt", 5, 0)
    pool = SupervisedPool(AnalyzerSettings(TEST_KEY, "no_such_spacy_model", Limits()), 1, 60.0, None)
    with pytest.raises(WorkerStartError, match="cannot start"), pool:
        list(pool.run([(0, entry, ())]))


# --- item 8: values in names are masked in every output -------------------------------------------


def test_values_in_file_and_member_names_are_masked_in_every_output(tmp_path: Path) -> None:
    # Before: `record.eml!/Xanthippe Quillfeather SSN 536-22-8491.txt` was written verbatim.
    root = tmp_path / "share"
    (root / "hr" / "Maria Garcia").mkdir(parents=True)
    (root / "hr" / "Maria Garcia" / "passport scan.txt").write_text("Passport copy on file.")
    (root / "hr" / "John_Smith_CV.txt").write_text("Curriculum vitae.")
    (root / "hr" / "copy of John_Smith_CV.txt").write_text("Curriculum vitae.")  # a copy: masked by the parent
    (root / "hr" / "Q3 sales report.txt").write_text("Sales were up.")
    (root / "record.eml").write_bytes(eml_bytes(
        "a@example.net", "b@example.net", "files", "see attached",
        [("Xanthippe Quillfeather SSN 536-22-8491.txt", b"Nothing here.", "text/plain"),
         ("Xanthippe Quillfeather SSN 536-22-8491.txt", b"Nothing here either.", "text/plain"),
         ("call 425-555-0143.txt", b"Call me.", "text/plain")]))
    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    # The English model reads "Xanthippe Quillfeather" as an organisation: either way the value is
    # masked. (The small model read "John Smith CV" as one name; the medium one masks "John Smith",
    # and "John_Smith_CV" whole in the copy's name.)
    assert set(records) == {
        "hr/⟨PERSON⟩/passport scan.txt", "hr/⟨PERSON⟩_CV.txt", "hr/copy of ⟨PERSON⟩.txt", "hr/Q3 sales report.txt",
        "record.eml", "record.eml!/⟨ORGANIZATION⟩ SSN ⟨US_SSN⟩.txt", "record.eml!/⟨ORGANIZATION⟩ SSN ⟨US_SSN⟩.txt#2",
        "record.eml!/call ⟨PHONE_NUMBER⟩.txt",
    }
    assert records["hr/copy of ⟨PERSON⟩.txt"]["duplicate_of"] == "hr/⟨PERSON⟩_CV.txt"
    needles = [b"Xanthippe", b"Quillfeather", b"536-22-8491", b"Maria Garcia", b"John_Smith", b"555-0143"]
    for path in out.iterdir():
        data = path.read_bytes()
        assert [n for n in needles if n in data] == [], path.name
    # The key holder's lookup still names the real files (the catalog keeps them, outside --out).
    key = tmp_path / "k.key"
    state = locate_state(out)
    assert b"Quillfeather" in state.catalog_path.read_bytes()
    found = CliRunner().invoke(main, ["lookup", "--out", str(out), "--key-file", str(key), "--email", "a@example.net"])
    assert found.exit_code == 0 and "record.eml" in found.output


def test_plain_names_writes_names_as_they_are_and_a_later_masked_scan_masks_again(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "John_Smith_CV.txt").write_text("Curriculum vitae.")
    result, out = scan(tmp_path, root, extra=("--plain-names",))
    assert result.returncode == 0, result.stderr
    assert set(documents(out)) == {"John_Smith_CV.txt"}
    result, out = scan(tmp_path, root)  # same --out and catalog: the unmasked records are not reused
    assert result.returncode == 0, result.stderr
    assert set(documents(out)) == {"⟨PERSON⟩_CV.txt"}


# --- found by fuzzing the new paths (python -m benchmarks.fuzz_extractors, #17) -------------------


def test_an_unknown_marked_section_in_a_mail_html_body_keeps_the_text_before_it() -> None:
    # Before: html.parser's AssertionError ("unknown status keyword 'endi' in marked section")
    # escaped the extractor, and the mail was `error: extractor failed`.
    from classifier.extract import extract
    from classifier.limits import Limits

    html = "<html><body><p>Write to ann.lee@contoso.com</p><![endi x]><p>rest</p></body></html>"
    mail = eml_bytes("a@example.net", "b@example.net", "hi", "plain part")
    message = mail.replace(b"Content-Type: text/plain", b"Content-Type: text/html").replace(b"plain part", html.encode())
    extracted = extract(message, "message/rfc822", "m.eml", Limits())
    assert "ann.lee@contoso.com" in "\n".join(segment.text for segment in extracted.segments)


def test_a_root_given_as_a_symlink_is_scanned(tmp_path: Path) -> None:
    # Before (#17 item 13): "root is not a directory or regular file", exit 2.
    real = tmp_path / "real"
    real.mkdir()
    (real / "notes.txt").write_text("Ask ann.lee@contoso.com about it.")
    (real / "inner-link.txt").symlink_to(real / "notes.txt")  # links below the root stay unfollowed
    link = tmp_path / "share"
    link.symlink_to(real, target_is_directory=True)
    result, out = scan(tmp_path, link)
    assert result.returncode == 0, result.stderr
    assert list(documents(out)) == ["notes.txt"]


def test_utf16_text_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Before (#17 item 13): `application/octet-stream`, unsupported, nothing counted.
    root = tmp_path / "share"
    root.mkdir()
    text = "Name,Email\r\nAnn Lee,ann.lee@contoso.com\r\nBob Stone,bob.stone@fabrikam.com\r\n"
    (root / "export-le.txt").write_bytes(text.encode("utf-16-le"))
    (root / "export-be.dat").write_bytes(text.encode("utf-16-be"))
    samples = bytes(b for n in range(2000) for b in ((n * 7) % 200 + 1, 0))  # 16-bit samples, not text
    (root / "audio.raw").write_bytes(samples)
    result, out = scan(tmp_path, root)
    assert result.returncode == 0, result.stderr
    records = documents(out)
    assert [(records[n]["mime"], emails(records[n])) for n in ("export-le.txt", "export-be.dat")] == [
        ("text/plain", 2), ("text/plain", 2)]
    assert records["audio.raw"]["mime"] == "application/octet-stream"


def test_a_document_under_another_format_s_name_is_flagged() -> None:
    # Before (#17 item 13): a PDF named `.txt` or a DOCX named `.dat` had extension_mismatch false.
    from classifier.sniff import Sniffer
    from tests.documents import docx_bytes, pdf_bytes

    sniffer = Sniffer()
    assert sniffer.sniff(pdf_bytes(["Quarterly numbers"]), "notes.txt").extension_mismatch
    assert sniffer.sniff(docx_bytes(["A letter"]), "cache.dat").extension_mismatch
    assert not sniffer.sniff(docx_bytes(["A letter"]), "letter.docx").extension_mismatch
    assert not sniffer.sniff(b"plain words\n", "server.log").extension_mismatch


def test_a_file_that_grew_since_the_walk_is_read_no_further_than_the_limit() -> None:
    from classifier.analyze import read_within

    assert read_within(io.BytesIO(b"x" * 10), 10, 50) == b"x" * 10
    assert len(read_within(io.BytesIO(b"x" * 100), 10, 50)) == 51  # grew past the limit: too_large
    assert len(read_within(io.BytesIO(b"x" * 40), 10, 50)) == 40  # grew within it: read whole
