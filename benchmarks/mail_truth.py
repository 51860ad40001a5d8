"""A real mailbox scanned by leakcensus, beside a truth computed independently with the standard library.

    .venv/bin/python -m benchmarks.mail_truth [--corpus ../shared/corpora/mail] [--out build/mail-truth] [--reuse]

The corpus is `../shared/corpora/mail/` (the SpamAssassin public corpus: 2,796 real messages of
2001-2002, one per file, no extension). Its two folders are scanned as two roots with the real CLI
(`leakcensus scan`); the truth is computed here without any leakcensus code, from:

- `email.message_from_bytes` (policy compat32, the most lenient) on every file, walking the MIME
  tree: a leaf that is a text/plain or text/html part with no file name and no `attachment`
  disposition is body text, and so is a single-part message's text; every other leaf is an attachment; every `message/rfc822` part is a
  forwarded message, walked the same way (its headers, body and attachments are its own);
- `email.utils.getaddresses` on From, To, Cc, Bcc, Reply-To and Sender of every message and
  forwarded message, plus a simple address regex on the text parts (HTML with its tags dropped);
- libphonenumber's `PhoneNumberMatcher` (region US, leniency VALID) on the text parts;
- the `Date` header of each message (a three-digit year is 1900 + it, as RFC 5322's obsolete
  syntax says), kept when it is plausible: 1980 or later, not after today, and within 30 days of
  the date the message was delivered when the message says so (its last-hop `Received:` time,
  else its mbox `From ` line). A forwarded message without its own delivery record is kept when
  it is not after the message that carries it.

Compared: documents (truth: messages + attachments + forwarded parts), top-level files read as
e-mail, unique addresses and phones (truth values hashed with the scan's key and looked up among
the catalog's keyed hashes, so no value is printed or stored), and the date range. Only counts are
printed.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import email.utils
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import Message
from pathlib import Path

import phonenumbers

from benchmarks.pii_eval import markdown_table
from classifier.catalog import Catalog
from classifier.pii.keyed_hash import KeyedHasher
from classifier.state import locate_state

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "mail"
FOLDERS = ("easy-ham-2", "spam-2")
ADDRESS_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Sender")
ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HEADER_ADDRESS = re.compile(r"\A[^@\s]+@[^@\s]+\.[A-Za-z]{2,}\Z")
TAG = re.compile(r"<[^>]*>")
DELIVERY_SLACK = timedelta(days=30)
EARLIEST = date(1980, 1, 1)
FROM_LINE_DATE = re.compile(r"([A-Z][a-z]{2}) +([A-Z][a-z]{2}) +(\d{1,2}) +(\d\d:\d\d:\d\d) +(\d{4})\s*$")

# Targets of issue #16.
UNIQUE_ADDRESS_TOLERANCE = 0.03
ADDRESS_RECALL = 0.95
PHONE_RECALL = 0.90
RFC822_SHARE = 0.995


@dataclass
class Truth:
    messages: int = 0
    attachments: int = 0
    forwarded: int = 0
    addresses: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    dates: list[date] = field(default_factory=list)
    dates_dropped: int = 0

    @property
    def documents(self) -> int:
        return self.messages + self.attachments + self.forwarded


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parts = email.utils.parsedate_tz(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parts is None:
        return None
    year = parts[0]
    if 100 <= year < 1000:  # "0102": an obsolete year written as years since 1900
        parts = (year + 1900, *parts[1:])
    try:
        return datetime.fromtimestamp(email.utils.mktime_tz(parts))
    except (OverflowError, ValueError, OSError):
        return None


def delivery_date(message: Message) -> datetime | None:
    received = message.get_all("Received") or []
    for value in received:  # the first header is the last hop: when it arrived
        stamp = parse_date(str(value).rsplit(";", 1)[-1]) if ";" in str(value) else None
        if stamp is not None:
            return stamp
    unixfrom = message.get_unixfrom()
    found = FROM_LINE_DATE.search(unixfrom or "")
    if found:
        try:
            return datetime.strptime(" ".join(found.groups()[1:]), "%b %d %H:%M:%S %Y")
        except ValueError:
            return None
    return None


def text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "latin-1"
    try:
        text = payload.decode(charset, errors="replace")
    except LookupError:
        text = payload.decode("latin-1")
    return TAG.sub(" ", text) if part.get_content_type() == "text/html" else text


def add_text(truth: Truth, text: str) -> None:
    truth.addresses.update(a.lower() for a in ADDRESS.findall(text))
    for match in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID):
        truth.phones.add(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))


def visit_message(truth: Truth, message: Message, today: date, carried_by: date | None) -> None:
    for header in ADDRESS_HEADERS:
        values = [str(v) for v in message.get_all(header) or []]
        for _, address in email.utils.getaddresses(values):
            if HEADER_ADDRESS.match(address):
                truth.addresses.add(address.lower())
    written = parse_date(message.get("Date"))
    delivered = delivery_date(message)
    own: date | None = None
    if written is not None and EARLIEST <= written.date() <= today:
        if delivered is not None:
            own = written.date() if abs(written - delivered) <= DELIVERY_SLACK else None
        elif carried_by is None or written.date() <= carried_by:
            own = written.date()
    if own is not None:
        truth.dates.append(own)
    elif written is not None:
        truth.dates_dropped += 1
    visit_parts(truth, message, today, own or carried_by, top=True)


def visit_parts(truth: Truth, part: Message, today: date, message_date: date | None, top: bool = False) -> None:
    if part.get_content_type() == "message/rfc822" and not top:
        truth.forwarded += 1
        inner = part.get_payload()
        for message in inner if isinstance(inner, list) else []:
            if isinstance(message, Message):
                visit_message(truth, message, today, message_date)
        return
    if part.is_multipart():
        children = part.get_payload()
        for child in children if isinstance(children, list) else []:
            if isinstance(child, Message):
                visit_parts(truth, child, today, message_date)
        return
    content_type = part.get_content_type()
    named = part.get_filename() is not None or part.get_content_disposition() == "attachment"
    body = ((content_type in ("text/plain", "text/html") and not named)
            or (top and content_type.startswith(("text/", "multipart/"))))  # a multipart with no parts is one text
    if not body:
        truth.attachments += 1
    if body or content_type.startswith("text/"):
        add_text(truth, text_of(part))


def compute_truth(corpus: Path, today: date) -> Truth:
    truth = Truth()
    for folder in FOLDERS:
        for path in sorted((corpus / folder).iterdir()):
            if not path.is_file():
                continue
            truth.messages += 1
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
            visit_message(truth, message, today, None)
    return truth


def run_scan(corpus: Path, out: Path, workers: int) -> float:
    started = time.perf_counter()
    command = [str(REPO / ".venv" / "bin" / "leakcensus"), "scan", *(str(corpus / f) for f in FOLDERS),
               "--out", str(out), "--workers", str(workers), "--quiet"]
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def ratio(found: int, total: int) -> float:
    return found / total if total else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "mail-truth")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="read an earlier scan in --out instead of scanning")
    args = parser.parse_args(argv)
    if not all((args.corpus / f).is_dir() for f in FOLDERS):
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    seconds = None if args.reuse else run_scan(args.corpus, args.out, args.workers)
    today = date.today()
    truth = compute_truth(args.corpus, today)

    records = [json.loads(line) for line in (args.out / "documents.jsonl").read_text().splitlines()]
    inventory = json.loads((args.out / "inventory.json").read_text())
    top = [r for r in records if "!/" not in r["path"]]
    as_mail = sum(r["mime"] == "message/rfc822" for r in top)
    state = locate_state(args.out)
    hasher = KeyedHasher(state.key_path.read_bytes().strip())
    found: dict[str, set[str]] = {"EMAIL_ADDRESS": set(), "PHONE_NUMBER": set()}
    with Catalog.open_existing(state.catalog_path) as catalog:
        for _, entity_type, keyed in catalog.entity_hashes_by_path(found):
            found[entity_type].add(keyed)
    addresses_found = sum(hasher("EMAIL_ADDRESS", a) in found["EMAIL_ADDRESS"] for a in truth.addresses)
    phones_found = sum(hasher("PHONE_NUMBER", p) in found["PHONE_NUMBER"] for p in truth.phones)
    unique_addresses = inventory["entities"].get("EMAIL_ADDRESS", {}).get("unique", 0)
    unique_phones = inventory["entities"].get("PHONE_NUMBER", {}).get("unique", 0)
    truth_range = (min(truth.dates).isoformat(), max(truth.dates).isoformat()) if truth.dates else (None, None)
    our_range = (inventory["dates"]["earliest"], inventory["dates"]["latest"])

    print(f"corpus: {args.corpus} ({truth.messages} files)" + (f"; scan {seconds:.0f} s" if seconds else ""))
    rows = [
        ["documents", f"{len(records):,}", f"{truth.documents:,} (messages {truth.messages:,} + attachments "
         f"{truth.attachments:,} + forwarded {truth.forwarded:,})"],
        ["top-level files read as message/rfc822", f"{as_mail:,} of {len(top):,}", f"{truth.messages:,}"],
        ["unique e-mail addresses", f"{unique_addresses:,}", f"{len(truth.addresses):,}"],
        ["truth's addresses found", f"{addresses_found:,} ({ratio(addresses_found, len(truth.addresses)):.1%})", ""],
        ["unique phone numbers", f"{unique_phones:,}", f"{len(truth.phones):,}"],
        ["truth's phones found", f"{phones_found:,} ({ratio(phones_found, len(truth.phones)):.1%})", ""],
        ["date range", f"{our_range[0]} to {our_range[1]}",
         f"{truth_range[0]} to {truth_range[1]} ({truth.dates_dropped} implausible Date headers left out)"],
        ["by status", ", ".join(f"{k} {v}" for k, v in sorted(inventory["totals"]["by_status"].items())), ""],
    ]
    print(markdown_table(["", "leakcensus", "truth (stdlib)"], rows))
    print()
    targets = [
        ("every file one e-mail document (>= 99.5% message/rfc822)", as_mail >= RFC822_SHARE * truth.messages),
        ("documents = messages + attachments + forwarded parts", len(records) == truth.documents),
        ("unique addresses within +-3% of truth",
         abs(unique_addresses - len(truth.addresses)) <= UNIQUE_ADDRESS_TOLERANCE * len(truth.addresses)),
        (">= 95% of truth's addresses found", ratio(addresses_found, len(truth.addresses)) >= ADDRESS_RECALL),
        (">= 90% of truth's phones found", ratio(phones_found, len(truth.phones)) >= PHONE_RECALL),
        ("date range = the Date headers' plausible range", our_range == truth_range),
    ]
    print(markdown_table(["target", "met"], [[name, "yes" if met else "NO"] for name, met in targets]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
