"""No raw contents anywhere: plant canaries in documents of several formats, scan, grep every byte written."""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
import sys
import tempfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from classifier.scan import ScanOptions, run_scan
from sample_data.generate import luhn_complete
from tests.conftest import TEST_KEY, SampleScan
from tests.documents import csv_bytes, docx_bytes, eml_bytes, pdf_bytes, xlsx_bytes, zip_bytes

CARD = luhn_complete("453914880343646")
CANARIES = {
    "email": "zelda.quixote@canary-corp.com",
    "phone": "+44 20 7946 0321",
    "card": " ".join(CARD[i : i + 4] for i in range(0, 16, 4)),
    "name": "Zelda Quixote",
    "aws_key": "AKIAZCANARY7X2Q9LMNB",
    "password": "Sw0rdfishCanary",
    "company": "Quixotic Canary Holdings",
}
# Forms a careless implementation might write instead of the raw text.
DERIVED = ["zelda quixote", "+442079460321", "442079460321", CARD, "quixotic canary holdings", "canary-corp.com",
           # the halves of the name, which split name columns and signatures hold apart
           "zelda", "quixote"]


def needles() -> list[bytes]:
    values = list(CANARIES.values()) + DERIVED
    return sorted({v.encode() for v in values} | {v.lower().encode() for v in values})


def canaries_in(paths: list[Path]) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        data = path.read_bytes()
        for needle in needles():
            if needle in data or needle in data.lower():
                found.append((str(path), needle.decode()))
    return found


def plant_documents(root: Path) -> None:
    c = CANARIES
    prose = (f"Dear {c['name']}, as discussed with {c['company']} please call {c['phone']} or write to "
             f"{c['email']}. Card on file {c['card']}.")
    (root / "notes.txt").write_text(prose + f"\naws_access_key_id={c['aws_key']}\npassword={c['password']}\n")
    (root / "contacts.csv").write_bytes(csv_bytes([["Name", "Email", "Phone", "Company"],
                                                   [c["name"], c["email"], c["phone"], c["company"]]]))
    (root / "contacts.xlsx").write_bytes(xlsx_bytes([["Name", "Email", "Phone"], [c["name"], c["email"], c["phone"]]]))
    (root / "letter.docx").write_bytes(docx_bytes([prose]))
    # #15's paths: a title row above split name columns (joined into one person), and a German
    # letter whose signatory is found by where the name stands.
    first, last = c["name"].split()
    (root / "contacts_export.xlsx").write_bytes(xlsx_bytes([
        ["Contacts export"], ["First Name", "Last Name", "Company", "E-mail", "Phone"],
        [first, last, c["company"], c["email"], c["phone"]]]))
    (root / "brief.txt").write_text(f"Sehr geehrte Frau {last},\n\nvielen Dank für Ihre Bestellung. Rückfragen bitte "
                                    f"unter Tel. {c['phone']}.\n\nMit freundlichen Grüßen\n\n{c['name']}\nVertrieb\n",
                                    encoding="utf-8")
    (root / "offer.pdf").write_bytes(pdf_bytes([prose]))
    attachment = pdf_bytes([prose])
    (root / "mail.eml").write_bytes(eml_bytes(f"{c['name']} <{c['email']}>", "ops@example.org", "Offer",
                                              prose, [("offer.pdf", attachment, "application/pdf")]))
    # #16's paths: a forwarded message (a record of its own, read as mail again) whose body's
    # charset Python does not know, under a list footer.
    inner = (f"From: {c['name']} <{c['email']}>\nTo: ops@example.org\nSubject: Offer\n"
             f"Date: Tue, 14 Mar 2021 10:00:00 +0000\nList-Post: <mailto:ops@example.org>\nMIME-Version: 1.0\n"
             f"Content-Type: text/plain; charset=unknown-8bit\n\n{prose}\n\n_______________\n"
             f"Unsubscribe: ops@example.org\n").encode()
    forward = EmailMessage()
    forward["From"], forward["To"], forward["Subject"] = "ops@example.org", "ops@example.org", "Fwd"
    forward.set_content("See below.")
    forward.add_attachment(email.message_from_bytes(inner, policy=email.policy.default))
    (root / "forward.eml").write_bytes(forward.as_bytes())
    (root / "bundle.zip").write_bytes(zip_bytes({"inner/letter.docx": docx_bytes([prose]), "notes.txt": prose.encode()}))
    # A file we cannot read must not leak its name's neighbour's content through an error either.
    (root / "broken.pdf").write_bytes(pdf_bytes([prose])[:300])


def test_no_canary_reaches_any_byte_the_scan_writes(tmp_path: Path) -> None:
    root = tmp_path / "leak"
    root.mkdir()
    plant_documents(root)
    out = tmp_path / "out"
    key_file = tmp_path / "k.key"
    key_file.write_bytes(TEST_KEY)
    temp_before = set(Path(tempfile.gettempdir()).iterdir())
    state = tmp_path / "state"  # the catalog (and the report's summary kept in it, #20), outside --out
    result = run_scan(ScanOptions(roots=(root,), out_dir=out, workers=1, key_file=key_file, state_dir=state))
    temp_left = set(Path(tempfile.gettempdir()).iterdir()) - temp_before
    written = [p for p in out.rglob("*") if p.is_file()] + [p for p in state.rglob("*") if p.is_file()]
    assert any(p.name.startswith("catalog") for p in written)
    written += [p for t in temp_left for p in ([t] if t.is_file() else t.rglob("*")) if p.is_file()]
    assert {p.name for p in out.iterdir()} >= {"inventory.json", "documents.jsonl", "report.html"}
    # The canaries really were found (so the scan read them), and yet appear nowhere.
    entities = result.inventory["entities"]
    assert isinstance(entities, dict)
    assert entities["EMAIL_ADDRESS"]["unique"] == 2  # the canary and the mail's recipient
    assert entities["PHONE_NUMBER"]["unique"] == 1
    assert entities["CREDIT_CARD"]["unique"] == 1
    assert entities["SECRET"]["unique"] == 2
    assert canaries_in(written) == []


def test_canary_finder_sees_planted_values(tmp_path: Path) -> None:
    """The grep itself must be able to fail: a file holding a derived form is caught."""
    leaky = tmp_path / "leaky.json"
    leaky.write_text('{"value": "+442079460321"}')
    upper = tmp_path / "upper.txt"
    upper.write_text("ZELDA.QUIXOTE@CANARY-CORP.COM")
    found = canaries_in([leaky, upper])
    assert (str(leaky), "+442079460321") in found
    assert any(path == str(upper) for path, _ in found)


def test_sample_scan_output_holds_no_truth_canary(sample_scan: SampleScan) -> None:
    canaries = sample_scan.leak.truth["canaries"]
    assert len(canaries) >= 5
    out = sample_scan.result.out_dir
    for path in (p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes().lower()
        leaked = [c for c in canaries if c.lower().encode() in data]
        assert leaked == [], f"{path.name} holds raw values"


@pytest.mark.parametrize("name", ["inventory.json", "documents.jsonl", "report.html"])
def test_outputs_hold_no_email_shaped_text(sample_scan: SampleScan, name: str) -> None:
    text = (sample_scan.result.out_dir / name).read_text("utf-8")
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.-]+", text) == []


def test_no_canary_in_what_the_cli_prints(tmp_path: Path) -> None:
    """Logs and warnings of the libraries, in the parent and in worker processes, stay content-free."""
    root = tmp_path / "leak"
    root.mkdir()
    plant_documents(root)
    leakcensus = Path(sys.executable).with_name("leakcensus")
    completed = subprocess.run(
        [str(leakcensus), "scan", str(root), "--out", str(tmp_path / "out"), "--workers", "2"],
        capture_output=True, check=True, timeout=600,
    )
    printed = tmp_path / "printed.txt"
    printed.write_bytes(completed.stdout + completed.stderr)
    assert b"documents: 1" in completed.stdout  # the summary was printed
    assert canaries_in([printed]) == []
