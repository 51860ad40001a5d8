"""The headline (#19): secrets, SSNs, IBANs and cards first everywhere, and the document that
supplies most of a figure named beside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from classifier.analyze import DocumentAnalyzer
from classifier.cli import main
from classifier.pii.tagger import tag_pii
from classifier.records import Extracted, SegmentKind
from classifier.report.headline import Figure, Source, SourceTally, headline
from tests.conftest import TEST_KEY
from tests.test_report import document


def share(root: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption())
    (root / "ops").mkdir(parents=True)
    (root / "ops" / "id_rsa").write_bytes(pem)
    (root / "exports").mkdir()
    # One random-looking export supplies almost every address: the outlier the #19 share had.
    rows = "\n".join(f"user{n:03d},user{n:03d}.x{n * 7919 % 1000:03d}@example-mail.com" for n in range(60))
    (root / "exports" / "dump.csv").write_text("id,email\n" + rows + "\n", "utf-8")
    (root / "mail").mkdir()
    for n in range(3):
        (root / "mail" / f"note{n}.txt").write_text(
            f"Hello,\nplease forward this to ann.lee{n}@contoso.com before Friday.\nRegards\n", "utf-8")


def scan(tmp_path: Path, *args: str) -> tuple[str, Path]:
    root = tmp_path / "share"
    share(root)
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["scan", str(root), "--out", str(out), "--workers", "1", "--key-file", str(key),
                                       "--state", str(tmp_path / "state"), "--quiet", *args])
    assert result.exit_code == 0, result.output
    return result.output, out


def test_cli_summary_puts_sensitive_figures_first_and_names_the_outlier(tmp_path: Path) -> None:
    output, _ = scan(tmp_path)
    lines = output.splitlines()
    assert lines[0] == ("sensitive: secrets 1 (private keys 1), SSNs 0, IBANs 0, card numbers 0, credential documents 1, "
                        "personnel records 0, financial documents 0")
    assert lines[1].startswith("unique: people ") and "email addresses 63" in lines[1]
    assert "note: 60 of 63 email addresses come from one document: exports/dump.csv" in lines


def test_json_headline_lists_figures_in_order_with_their_top_documents(tmp_path: Path) -> None:
    output, _ = scan(tmp_path, "--json")
    figures = json.loads(output)["headline"]
    assert [f["key"] for f in figures][:4] == ["SECRET", "US_SSN", "IBAN_CODE", "CREDIT_CARD"]
    assert all(f["sensitive"] for f in figures[:7]) and not any(f["sensitive"] for f in figures[7:])
    emails = next(f for f in figures if f["key"] == "EMAIL_ADDRESS")
    assert emails["value"] == 63
    assert emails["top_documents"][0] == {"path": "exports/dump.csv", "unique": 60}
    assert [d["unique"] for d in emails["top_documents"]] == [60, 1, 1]
    secrets = figures[0]
    assert secrets["top_documents"] == [{"path": "ops/id_rsa", "unique": 1}]
    assert secrets["kinds"] == {"private keys": 1}


def test_report_leads_with_the_secret_and_warns_of_the_outlier(tmp_path: Path) -> None:
    _, out = scan(tmp_path)
    page = (out / "report.html").read_text("utf-8")
    lead = re.search(r"<p class='lead'>(.*?)</p>", page)
    assert lead is not None
    assert lead.group(1).startswith("5 documents (5 unique) expose 1 secrets (private keys 1), 1 credential documents; ")
    assert "<div class='l'>secrets</div><div class='k'>private keys 1</div>" in page
    cards = re.findall(r"<div class='(figure[^']*)' data-figure='([^']+)'>", page)
    assert cards[0] == ("figure alert", "secrets") and cards[1] == ("figure", "SSNs")
    assert "data-outlier='EMAIL_ADDRESS'>60 of 63 email addresses come from one document: <code>exports/dump.csv</code>" in page
    assert "<h2>Where the figures come from</h2>" in page


def test_sources_ignore_copies_and_keep_the_largest() -> None:
    tally = SourceTally(("EMAIL_ADDRESS",), limit=2)
    for record in (document("a.csv", "a", [], {"EMAIL_ADDRESS": (5, 5)}),
                   {**document("copy-of-a.csv", "a", [], {"EMAIL_ADDRESS": (5, 5)}), "duplicate_of": "a.csv"},
                   document("b.txt", "b", [], {"EMAIL_ADDRESS": (2, 2)}),
                   document("c.txt", "c", [], {"EMAIL_ADDRESS": (9, 9)})):
        tally.add(record)
    assert tally.sources()["EMAIL_ADDRESS"] == (Source("c.txt", 9), Source("a.csv", 5))


def test_an_outlier_needs_half_the_figure_and_a_figure_worth_noting() -> None:
    assert Figure("EMAIL_ADDRESS", "email addresses", 100, False, (Source("x", 50),)).outlier == Source("x", 50)
    assert Figure("EMAIL_ADDRESS", "email addresses", 100, False, (Source("x", 49),)).outlier is None
    assert Figure("PERSON", "people", 10, False, (Source("x", 10),)).outlier is None  # a small contact sheet


def test_headline_order_without_documents() -> None:
    inventory = {"entities": {"PERSON": {"unique": 3}}, "categories": {}, "organizations": {"unique": 1},
                 "countries": {"US": {}}}
    assert [f.label for f in headline(inventory)] == [
        "secrets", "SSNs", "IBANs", "card numbers", "credential documents", "personnel records", "financial documents",
        "people", "email addresses", "phone numbers", "organisations", "countries"]


def test_secrets_are_counted_by_kind(analyzer: DocumentAnalyzer) -> None:
    """What a responder does depends on the kind: rotate cloud keys, revoke tokens, reset passwords."""
    extracted = Extracted()
    extracted.add(SegmentKind.CODE, "AWS_ACCESS_KEY_ID=AKIAZ7QW3RT5YUP2MNBV\n"
                                    "AWS_SECRET_ACCESS_KEY=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\n"
                                    "DB_PASSWORD=Xq7-vT2-pL9-zR4\n"
                                    "GITHUB_TOKEN=ghp_8fK2mQ9xZ4vB7nL1pR6tY3wE5sD0aC2hJ4gU\n")
    found = tag_pii(extracted, analyzer.pii, analyzer.hasher)
    assert {kind: len(hashes) for kind, hashes in found.secret_kinds.items()} == {
        "cloud keys": 2, "passwords": 1, "tokens": 1}
    assert len(found.entities["SECRET"].keyed_hashes) == 4
