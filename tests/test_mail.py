"""Mail as it really is (#16): recognised from its bytes, one message one document, every part a
record with a unique path, addresses from the headers only, a charset that fails, the message's own
date, list footers, and Outlook PST stores. Real messages from ../shared/corpora/mail where the shape
matters; built ones where a test needs a value it can look for."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from classifier.analyze import DocumentAnalyzer, member_names
from classifier.extract.email_message import extract_eml, message_date, split_footer
from classifier.extract.outlook_store import extract_pst
from classifier.limits import Limits
from classifier.mail_bytes import header_block
from classifier.pii.keyed_hash import KeyedHasher
from classifier.records import DocumentRecord, Member, SegmentKind, Status
from classifier.scan import ScanOptions, run_scan
from classifier.sniff import Sniffer
from tests.conftest import CORPORA, TEST_KEY
from tests.documents import eml_bytes, pdf_bytes

MAIL = CORPORA / "mail"
PST = CORPORA / "pst" / "outlook.pst"
HASH = KeyedHasher(TEST_KEY)
needs_mail = pytest.mark.skipif(not MAIL.is_dir(), reason="../shared/corpora/mail not present (fresh clone)")
needs_pst = pytest.mark.skipif(not PST.is_file(), reason="../shared/corpora/pst not present (fresh clone)")


def by_path(records: list[DocumentRecord]) -> dict[str, DocumentRecord]:
    return {r.path: r for r in records}


def emails_of(record: DocumentRecord) -> frozenset[str]:
    tally = record.findings.entities.get("EMAIL_ADDRESS")
    return tally.keyed_hashes if tally else frozenset()


# --- recognised from the bytes -------------------------------------------------------------------

@needs_mail
def test_real_messages_libmagic_misnames_are_read_as_mail() -> None:
    """Every message of the real corpus is message/rfc822, including those libmagic calls text/html,
    text/x-diff, text/x-c or application/octet-stream (the stray control byte)."""
    import magic

    guesses = magic.Magic(mime=True)
    sniffer = Sniffer()
    misnamed: dict[str, str] = {}
    for path in sorted(MAIL.glob("*/*")):
        data = path.read_bytes()
        guess = guesses.from_buffer(data[: 1 << 20])
        if guess != "message/rfc822":
            misnamed[path.name] = guess
        assert sniffer.sniff(data, path.name).mime == "message/rfc822", path.name
    assert {"text/html", "text/x-diff", "text/x-c", "application/octet-stream"} <= set(misnamed.values())


def test_header_block_needs_mail_fields_not_just_colons() -> None:
    message = eml_bytes("a@example.org", "b@example.org", "Hi", "Body\x01 with a control byte")
    assert header_block(message)
    assert header_block(b"From a@b  Mon Jun 24 17:03:24 2002\n" + message)
    folded = b"Received: from x\n\tby y; Tue, 14 Mar 2021 10:00:00 +0000\nFrom: a@example.org\nSubject: s\n\nbody"
    assert header_block(folded)
    assert not header_block(b"Name: Ann\nDate: 2021-03-14\nAmount: 12\n\nA form, not a message")
    assert not header_block(b"From: a@example.org\nthis line is no header\n\nbody")
    assert not header_block(b"<html><body>From: a@example.org</body></html>")


def test_one_message_with_a_from_line_is_one_document_and_an_mbox_of_two_is_a_container(
        analyzer: DocumentAnalyzer) -> None:
    one = b"From ann@example.org  Tue Mar 14 10:00:00 2021\n" + eml_bytes(
        "ann@example.org", "bob@example.org", "single", "Only one message in this file.")
    records = analyzer.analyze_bytes(one, "inbox/1.")
    assert [(r.path, r.mime) for r in records] == [("inbox/1.", "message/rfc822")]

    second = eml_bytes("cy@example.org", "bob@example.org", "second", "Another message.")
    mbox = one + b"\n\nFrom cy@example.org  Wed Mar 15 10:00:00 2021\n" + second
    records = analyzer.analyze_bytes(mbox, "inbox.mbox")
    assert [r.path for r in records] == ["inbox.mbox", "inbox.mbox!/message-1.eml", "inbox.mbox!/message-2.eml"]
    assert records[0].mime == "application/mbox"


# --- every part a record, paths unique ----------------------------------------------------------

def test_same_named_attachments_each_get_a_record(analyzer: DocumentAnalyzer) -> None:
    gif = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
           b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    first_pdf = pdf_bytes(["Invoice 1 for Ann Example, total 120 EUR"])
    second_pdf = pdf_bytes(["Invoice 2 for Bob Example, total 80 EUR"])
    message = eml_bytes("ann@example.org", "bob@example.org", "two invoices", "See attached.", attachments=[
        ("spacer.gif", gif, "image/gif"), ("spacer.gif", gif, "image/gif"),
        ("invoice.pdf", first_pdf, "application/pdf"), ("invoice.pdf", second_pdf, "application/pdf")])
    records = by_path(analyzer.analyze_bytes(message, "mail/two-invoices.eml"))
    assert set(records) == {"mail/two-invoices.eml", "mail/two-invoices.eml!/spacer.gif", "mail/two-invoices.eml!/spacer.gif#2",
                            "mail/two-invoices.eml!/invoice.pdf", "mail/two-invoices.eml!/invoice.pdf#2"}
    assert records["mail/two-invoices.eml!/spacer.gif#2"].duplicate_of == "mail/two-invoices.eml!/spacer.gif"
    assert records["mail/two-invoices.eml!/invoice.pdf#2"].mime == "application/pdf"
    assert records["mail/two-invoices.eml!/invoice.pdf#2"].duplicate_of is None  # other bytes: its own document


def test_member_names_rule() -> None:
    names = member_names([Member(n, b"") for n in ["a.txt", "a.txt", "a!/b.txt", "a.txt#2", "a.txt"]])
    assert names == ["a.txt", "a.txt#2", "a!%2Fb.txt", "a.txt#2#2", "a.txt#3"]
    assert len(set(names)) == len(names)


def forwarding_message(inner: bytes) -> bytes:
    outer = EmailMessage()
    outer["From"] = "Carol Forwarder <carol@example.net>"
    outer["To"] = "dave@example.net"
    outer["Subject"] = "Fwd: the offer"
    outer["Date"] = "Wed, 15 Mar 2021 09:00:00 +0000"
    outer.set_content("Forwarding the message below.")
    outer.add_attachment(email.message_from_bytes(inner, policy=email.policy.default))
    return outer.as_bytes()


def test_forwarded_message_is_a_record_with_its_own_addresses_and_attachments(analyzer: DocumentAnalyzer) -> None:
    inner = eml_bytes("Erin Original <erin@example.com>", "frank@example.com", "offer", "Our offer is attached.",
                      attachments=[("offer.pdf", pdf_bytes(["Offer for Frank, 40 units"]), "application/pdf")])
    records = analyzer.analyze_bytes(forwarding_message(inner), "fwd.eml")
    paths = [r.path for r in records]
    assert paths == ["fwd.eml", "fwd.eml!/forwarded-1.eml", "fwd.eml!/forwarded-1.eml!/offer.pdf"]
    outer, forwarded = records[0], records[1]
    assert forwarded.mime == "message/rfc822" and forwarded.status is Status.OK
    assert emails_of(forwarded) == {HASH("EMAIL_ADDRESS", "erin@example.com"), HASH("EMAIL_ADDRESS", "frank@example.com")}
    # The forwarded message's addresses are its own, not the forwarding message's.
    assert emails_of(outer) == {HASH("EMAIL_ADDRESS", "carol@example.net"), HASH("EMAIL_ADDRESS", "dave@example.net")}


# --- headers: addresses and people, never protocol fields ---------------------------------------

PROTOCOL_HEADERS = (
    "Received: from mx.example.net (mx.example.net [192.0.2.7]) by mail.example.org with ESMTP id 7106643C34\n"
    "\tfor <ops@example.org>; Wed, 21 Aug 2002 08:33:03 -0400\n"
    "Message-ID: <20020821123303.GA4501@relay7.example.net>\n"
    "Thread-Index: AcJJFGSmQNtO2ZaKRhiNhDyXbGtPZA==\n"
    "DKIM-Signature: v=1; a=rsa-sha256; d=example.net; s=k1; bh=Q2hlY2sgdGhlIGJvZHkgaGFzaCBvZiB0aGlzIG1haWw=\n"
)


def test_header_addresses_count_and_protocol_fields_are_never_read(analyzer: DocumentAnalyzer) -> None:
    message = (PROTOCOL_HEADERS
               + "From: Milica Jovanovic <milica@posta.co.yu>\n"
               + "To: \"Ramaswamy, Pranav\" <pranav@example.in>, ops@example.org\n"
               + "Cc: Jane Q. Doe <jane.doe@example.com>\n"
               + "Subject: meeting\nDate: Wed, 21 Aug 2002 14:20:00 +0200\n\nSee you at ten.\n").encode()
    record = analyzer.analyze_bytes(message, "headers.eml")[0]
    assert record.mime == "message/rfc822"
    assert emails_of(record) == {HASH("EMAIL_ADDRESS", a) for a in (
        "milica@posta.co.yu", "pranav@example.in", "ops@example.org", "jane.doe@example.com")}
    assert "SECRET" not in record.findings.entities
    assert "IP_ADDRESS" not in record.findings.entities  # the Received header's address is transport, not content
    people = record.findings.entities["PERSON"].keyed_hashes
    assert {HASH("PERSON", "milica jovanovic"), HASH("PERSON", "pranav ramaswamy")} <= people
    assert "credentials" not in {c.id for c in record.categories}


def test_retired_country_domain_in_body_text_is_an_address(analyzer: DocumentAnalyzer) -> None:
    message = eml_bytes("a@example.org", "b@example.org", "contact", "Write to our Belgrade office: prodaja@firma.co.yu")
    record = analyzer.analyze_bytes(message, "yu.eml")[0]
    assert HASH("EMAIL_ADDRESS", "prodaja@firma.co.yu") in emails_of(record)


# --- charsets -----------------------------------------------------------------------------------

@pytest.mark.parametrize("charset", ["unknown-8bit", "x-no-such-charset", "utf-8"])
def test_a_charset_that_fails_falls_back_and_the_message_stays_ok(analyzer: DocumentAnalyzer, charset: str) -> None:
    body = "Grüße aus Köln, bitte an orders@kunde-beispiel.de schreiben.\n".encode("latin-1")  # not valid utf-8
    message = (f"From: a@example.org\nTo: b@example.org\nSubject: charset {charset}\n"
               f"Date: Tue, 14 Mar 2021 10:00:00 +0000\nMIME-Version: 1.0\n"
               f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n").encode() + body
    record = analyzer.analyze_bytes(message, f"{charset}.eml")[0]
    assert record.status is Status.OK and record.error is None
    assert HASH("EMAIL_ADDRESS", "orders@kunde-beispiel.de") in emails_of(record)


# --- dates ----------------------------------------------------------------------------------------

def dated(date_header: str, received: str | None, body: str = "Hello.") -> bytes:
    head = f"Received: from x by y; {received}\n" if received else ""
    return (head + f"From: a@example.org\nTo: b@example.org\nSubject: s\nDate: {date_header}\n\n{body}\n").encode()


@pytest.mark.parametrize(("date_header", "received", "expected"), [
    ("Wed, 21 Aug 2002 14:20:00 +0200", "Wed, 21 Aug 2002 12:21:00 +0000", "2002-08-21"),  # agrees: its own date
    ("Mon, 28 Jul 1980 14:01:35", "Mon, 13 May 2002 10:00:00 -0400", "2002-05-13"),  # forged clock: delivery wins
    ("Wed, 05 Aug 2020 04:01:50 -1900", "Tue, 6 Aug 2002 11:03:54 +0100", "2002-08-06"),
    ("Tue, 14 May 0102 10:52:57 -0700", "Tue, 14 May 2002 18:00:00 +0000", "2002-05-14"),  # obsolete 3-digit year
    ("Tue, 14 May 0102 10:52:57 -0700", None, "2002-05-14"),
    ("Sat, 25 Nov 2000 13:06:31 -0700", None, "2000-11-25"),  # no delivery record: the Date header stands
])
def test_a_mail_date_is_its_own_date_checked_against_delivery(date_header: str, received: str | None, expected: str) -> None:
    message = email.message_from_bytes(dated(date_header, received), policy=email.policy.default)
    assert message_date(message) == date.fromisoformat(expected)


def test_dates_written_in_a_mail_body_do_not_widen_its_range(analyzer: DocumentAnalyzer) -> None:
    body = "Offer valid until 2024-08-04. Our company was founded on 12 March 1984."
    record = analyzer.analyze_bytes(dated("Wed, 21 Aug 2002 14:20:00 +0200", None, body), "offer-2002.eml")[0]
    assert (record.earliest, record.latest) == ("2002-08-21", "2002-08-21")


def test_a_text_without_metadata_dates_still_gets_its_written_dates(analyzer: DocumentAnalyzer) -> None:
    record = analyzer.analyze_bytes(b"Minutes of the meeting held on 2019-05-03 about the Q2 plan.\n", "minutes.txt")[0]
    assert (record.earliest, record.latest) == ("2019-05-03", "2019-05-03")


# --- list footers ---------------------------------------------------------------------------------

LIST_FOOTER = ("\n\n_______________________________________________\nExmh-workers mailing list\nExmh-workers@redhat.com\n"
               "https://listman.redhat.com/mailman/listinfo/exmh-workers\n")


def test_list_footer_is_split_off_by_the_lists_own_address() -> None:
    body, footer = split_footer("I fixed the sequence bug.\n\n-- \nChris" + LIST_FOOTER,
                                ("exmh-workers@redhat.com", "https://listman.redhat.com/mailman/listinfo/exmh-workers"))
    assert body.rstrip().endswith("-- \nChris") and footer.strip().startswith("____")
    body, footer = split_footer("A reply that mentions no list.\n\n-- \nChris\n", ())
    assert footer == ""


def test_a_list_message_is_judged_by_its_body_not_its_footer(analyzer: DocumentAnalyzer) -> None:
    headers = ("From: Chris Garrigues <cwg@example.com>\nTo: exmh-workers@redhat.com\nCc: kre@example.org, "
               "hal@example.net\nReply-To: exmh-workers@redhat.com\nSender: exmh-workers-admin@redhat.com\n"
               "List-Post: <mailto:exmh-workers@redhat.com>\n"
               "List-Unsubscribe: <https://listman.redhat.com/mailman/listinfo/exmh-workers>,\n"
               "\t<mailto:exmh-workers-request@redhat.com?subject=unsubscribe>\n"
               "Subject: Re: sequences\nDate: Wed, 21 Aug 2002 14:20:00 +0200\n\n")
    body = "I checked in the fix for the sequence display; it works for me now.\n\n-- \nChris" + LIST_FOOTER
    extracted = extract_eml((headers + body).encode(), "list.eml", Limits())
    assert [s.kind for s in extracted.segments if s.kind in (SegmentKind.PROSE, SegmentKind.METADATA)] == [
        SegmentKind.PROSE, SegmentKind.METADATA]
    record = analyzer.analyze_bytes((headers + body).encode(), "list.eml")[0]
    assert "contact_list" not in {c.id for c in record.categories}
    assert "correspondence" in {c.id for c in record.categories}
    assert HASH("EMAIL_ADDRESS", "exmh-workers@redhat.com") in emails_of(record)  # the footer's address still counts


# --- the real mailbox: documents = messages + attachments + forwarded parts ----------------------

@needs_mail
def test_real_messages_with_parts_give_one_record_per_part(tmp_path: Path) -> None:
    from benchmarks.mail_truth import Truth, visit_message

    chosen: dict[str, int] = {}
    for path in sorted(MAIL.glob("*/*")):
        truth = Truth()
        visit_message(truth, email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32), date.today(), None)
        if truth.attachments + truth.forwarded:
            shutil.copy(path, tmp_path / path.name)
            chosen[path.name] = 1 + truth.attachments + truth.forwarded
    assert len(chosen) >= 30
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=(tmp_path,), out_dir=out, key_file=None, isolate=False))
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    per_file: dict[str, int] = {}
    for record in records:
        per_file[record["path"].split("!/")[0]] = per_file.get(record["path"].split("!/")[0], 0) + 1
        if "!/" not in record["path"]:
            assert record["mime"] == "message/rfc822" and record["status"] == "ok", record["path"]
    assert per_file == chosen
    assert len({r["path"] for r in records}) == len(records)


# --- Outlook PST ----------------------------------------------------------------------------------

@needs_pst
def test_pst_every_message_is_a_record_under_its_folder_path(analyzer: DocumentAnalyzer) -> None:
    records = by_path(analyzer.analyze_bytes(PST.read_bytes(), "outlook.pst"))
    store = records["outlook.pst"]
    assert store.mime == "application/vnd.ms-outlook-pst" and store.status is Status.OK
    messages = sorted(p for p in records if p.endswith(".eml"))
    assert messages == ["outlook.pst!/Top of Personal Folders/Inbox/0001.eml",
                        "outlook.pst!/Top of Personal Folders/Recovered_Group2/0001.eml"]
    inbox = records[messages[0]]
    assert inbox.mime == "message/rfc822" and inbox.status is Status.OK
    assert (inbox.earliest, inbox.latest) == ("2007-04-29", "2007-04-29")
    assert HASH("EMAIL_ADDRESS", "olteam@microsoft.com") in emails_of(inbox)
    attachments = [p for p in records if p.startswith(messages[0] + "!/")]
    assert len(attachments) == 11 and all(records[p].mime == "image/jpeg" for p in attachments)


@needs_pst
def test_truncated_psts_are_corrupt_and_nothing_else_in_the_scan_is_lost(tmp_path: Path) -> None:
    """Copies cut at several points, scanned in the isolated workers a real scan uses (libpff is C:
    a crash would cost its file, not the scan)."""
    data = PST.read_bytes()
    root = tmp_path / "share"
    root.mkdir()
    for keep in (0.02, 0.3, 0.6, 0.9):
        (root / f"cut-{int(keep * 100)}.pst").write_bytes(data[: int(len(data) * keep)])
    (root / "note.eml").write_bytes(eml_bytes("ann@example.org", "bob@example.org", "note", "Still here."))
    out = tmp_path / "out"
    run_scan(ScanOptions(roots=(root,), out_dir=out))
    records = {r["path"]: r for r in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert records["note.eml"]["status"] == "ok"
    cuts = [records[f"cut-{n}.pst"] for n in (2, 30, 60, 90)]
    assert all(r["mime"] == "application/vnd.ms-outlook-pst" for r in cuts)
    # libpff would read the 90% copy without a word; the header's file size says it was cut.
    assert all(r["status"] == "corrupt" and r["error"].startswith("pst:") for r in cuts)
    assert records["cut-90.pst"]["error"] == f"pst: truncated ({int(len(data) * 0.9)} of {len(data)} bytes)"


def test_pst_of_garbage_after_the_signature_is_corrupt() -> None:
    with pytest.raises(Exception) as raised:
        extract_pst(b"!BDN" + b"\x00" * 600, "fake.pst", Limits())
    assert "pst:" in str(raised.value)
