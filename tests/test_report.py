"""report.html: what it says (headline, folders, reasons), and how real headless Chromium renders it."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from classifier.outputs import documents_jsonl, inventory_json
from classifier.report.folders import folder_of, most_sensitive_folders, summarise_folders
from classifier.report.html import entity_weights_note, folders_section, render_report
from tests.conftest import REPO, SampleScan

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = REPO / "docs" / "report.png"
# Headless Chromium without its background services (updates, sync, first-run pages).
QUIET_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync")


def rendered(out_dir: Path) -> str:
    """The report of the scan in `out_dir` from its files alone, as `leakcensus report` renders it."""
    return render_report(inventory_json.read(out_dir), documents_jsonl.read(out_dir))


def document(path: str, sha256: str, categories: list[tuple[str, float]] | None = None,
             entities: dict[str, tuple[int, int]] | None = None, status: str = "ok",
             error: str | None = None) -> dict[str, Any]:
    """A documents.jsonl record as scan.py writes it (DocumentRecord.to_json)."""
    return {
        "path": path, "size": 100, "content_hmac": sha256, "mime": "application/pdf", "extension_mismatch": False,
        "status": status, "error": error, "language": "en", "dates": {"earliest": None, "latest": None},
        "categories": [{"id": c, "score": s, "signals": []} for c, s in categories or []],
        "entities": {t: {"mentions": m, "unique": u} for t, (m, u) in (entities or {}).items()},
        "duplicate_of": None, "near_duplicate_of": None,
    }


def test_folder_is_the_outer_files_directory() -> None:
    assert folder_of("a/b.zip!/c/d.pdf") == "a"
    assert folder_of("a/b/c.pdf") == "a/b"
    assert folder_of("mail/ceo.eml!/offer.pdf") == "mail"
    assert folder_of("backup.tar.gz!/a.zip!/poc/design.docx") == "."
    assert folder_of("top.txt") == "."


def test_folder_scores_weight_categories_and_identifiers_and_ignore_copies() -> None:
    documents = [
        document("hr/payroll.xlsx", "h1", [("personnel", 1.0)], {"PERSON": (9, 4), "US_SSN": (4, 4)}),
        document("hr/payroll-copy.xlsx", "h1", [("personnel", 1.0)], {"PERSON": (9, 4), "US_SSN": (4, 4)}),
        document("it/env.zip!/prod/.env", "s1", [("credentials", 0.5)], {"SECRET": (2, 2)}),
        document("it/readme.txt", "r1"),
        document("sales/list.csv", "c1", [("contact_list", 1.0)], {"EMAIL_ADDRESS": (3, 3)}),
        document("misc/notes.txt", "n1", [("other", 1.0)]),
    ]
    folders = summarise_folders(documents)
    # hr: personnel 8 x 1.0 + people 1 x log2(1 + 4) + SSNs 8 x log2(1 + 4); the copy adds nothing
    assert folders["hr"].score == pytest.approx(8 + math.log2(5) + 8 * math.log2(5))
    assert (folders["hr"].documents, folders["hr"].unique_documents) == (2, 1)
    assert folders["hr"].entities == {"PERSON": 4, "US_SSN": 4}
    # it: credentials 10 x 0.5 + secrets 10 x log2(1 + 2); the member counts in the archive's folder
    assert folders["it"].score == pytest.approx(5 + 10 * math.log2(3))
    assert folders["it"].documents == 2
    assert folders["sales"].score == pytest.approx(3 + 2)
    ranked = most_sensitive_folders(documents)
    assert [f.folder for f in ranked] == ["hr", "it", "sales"]  # hr and it in tier one; misc scores 0 and is left out
    # A limit of one still lists the folder holding secrets.
    assert [f.folder for f in most_sensitive_folders(documents, limit=1)] == ["hr", "it"]


def test_a_folder_with_keys_outranks_folders_full_of_names_and_is_always_listed() -> None:
    # The #19 share: contract folders where every name added a point buried the folder with a private key
    # and AWS keys (18th of a top 15).
    documents = [document(f"legal/client{n}/nda.pdf", f"c{n}", [("contract", 0.9)],
                          {"PERSON": (400, 300), "EMAIL_ADDRESS": (200, 150), "ORGANIZATION": (50, 40)})
                 for n in range(20)]
    documents.append(document("ops/keys/id_rsa", "k1", [("credentials", 0.8)], {"SECRET": (1, 1)}))
    documents.append(document("ops/old/aws.txt", "k2", [], {"SECRET": (2, 2)}))
    ranked = most_sensitive_folders(documents, limit=15)
    assert [f.folder for f in ranked[:2]] == ["ops/keys", "ops/old"]
    # With a limit too small for both, the second secret folder is still listed.
    assert [f.folder for f in most_sensitive_folders(documents, limit=1)] == ["ops/keys", "ops/old"]
    # A card-number folder is tier one too; a folder of names alone is not.
    assert most_sensitive_folders([document("finance/cards.csv", "x", [], {"CREDIT_CARD": (1, 1)}),
                                   *documents[:3]], limit=1)[0].folder == "finance"


def test_the_folder_table_shows_the_weighted_types_of_the_entity_table_heaviest_first() -> None:
    assert entity_weights_note() == "secret 10, SSN 8, IBAN or card 5, email, phone or person 1"
    section = folders_section(most_sensitive_folders([document("hr/payroll.xlsx", "h1", [], {"US_SSN": (4, 4)})]))
    assert re.findall(r"<th class='num'>([^<]*)</th>", section) == [
        "score", "documents", "secrets", "SSNs", "IBANs", "cards", "emails", "phones", "people"]


def test_report_lists_reasons_and_escapes_folder_names(sample_scan: SampleScan) -> None:
    inventory = sample_scan.result.inventory
    documents = [
        document("<b>x</b>/keys.txt", "k1", [("credentials", 1.0)], {"SECRET": (1, 1)}),
        document("a/locked.pdf", "e1", status="encrypted", error="password protected"),
        document("a/locked2.pdf", "e2", status="encrypted", error="password protected"),
        document("a/broken.docx", "c1", status="corrupt", error="not a zip file"),
    ]
    page = render_report(inventory, iter(documents))
    assert "<tr><td>encrypted</td><td>password protected</td><td class='num'>2</td></tr>" in page
    assert "<tr><td>corrupt</td><td>not a zip file</td><td class='num'>1</td></tr>" in page
    assert "<b>x</b>" not in page
    assert "&lt;b&gt;x&lt;/b&gt;/" in page
    assert "Not available" not in page
    assert "Not available: this report was rendered without documents.jsonl" in render_report(inventory)


def test_report_from_dir_names_the_sample_leaks_sensitive_folders(sample_scan: SampleScan) -> None:
    page = rendered(sample_scan.result.out_dir)
    expected = most_sensitive_folders(sample_scan.documents)
    shown = re.findall(r"<tr data-folder='([^']*)'>", page)
    assert shown == [f.folder for f in expected]
    assert 0 < len(shown) <= 15
    # The generator's HR folder holds personnel records with SSNs: it must rank among the top three.
    assert "hr" in shown[:3]
    assert "Every document was read." in page or "Why documents could not be read" in page


def test_report_from_dir_is_the_report_of_the_scans_own_data(sample_scan: SampleScan) -> None:
    """What `leakcensus report` re-renders from files equals what the scan renders from memory."""
    out = sample_scan.result.out_dir
    assert rendered(out) == render_report(sample_scan.result.inventory, documents_jsonl.read(out))


def headline(inventory: Mapping[str, Any]) -> dict[str, str]:
    """The headline figures as the page must show them, sensitive ones first (#19)."""
    totals, entities, categories = inventory["totals"], inventory["entities"], inventory["categories"]

    def unique(entity_type: str) -> int:
        return int(entities.get(entity_type, {}).get("unique", 0))

    def tagged(category: str) -> int:
        return int(categories.get(category, {}).get("unique_documents", 0))

    numbers = {
        "secrets": unique("SECRET"), "SSNs": unique("US_SSN"), "IBANs": unique("IBAN_CODE"),
        "card numbers": unique("CREDIT_CARD"),
        "credential documents": tagged("credentials"), "personnel records": tagged("personnel"),
        "financial documents": tagged("financial"),
        "people": unique("PERSON"),
        "email addresses": unique("EMAIL_ADDRESS"),
        "phone numbers": unique("PHONE_NUMBER"),
        "organisations": inventory["organizations"]["unique"],
        "countries": len(inventory["countries"]),
        "documents": totals["documents"],
        "unique documents": totals["unique_documents"],
    }
    figures = {label: f"{value:,}" for label, value in numbers.items()}
    figures["date range"] = f"{inventory['dates']['earliest']} – {inventory['dates']['latest']}"
    return figures


class FigureParser(HTMLParser):
    """Collects `data-figure` label -> the text of its `.n` element, from a serialised DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, str] = {}
        self._figure: str | None = None
        self._in_number = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("data-figure"):
            self._figure = attributes["data-figure"]
        elif self._figure and attributes.get("class") == "n":
            self._in_number = True

    def handle_data(self, data: str) -> None:
        if self._in_number and self._figure:
            self.figures[self._figure] = self.figures.get(self._figure, "") + data

    def handle_endtag(self, tag: str) -> None:
        if self._in_number:
            self._in_number = False
            self._figure = None


def rendered_figures(dom: str) -> dict[str, str]:
    parser = FigureParser()
    parser.feed(dom)
    return parser.figures


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if "CI" in os.environ:
        pytest.fail(f"CI is set and {CHROMIUM} is missing: `make browser-deps` installs Debian's chromium")
    pytest.skip(f"{CHROMIUM} is missing (`make browser-deps` installs it); with CI set this is a failure")


def run_chromium(chromium: Path, profile: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One headless Chromium run with a fresh profile; returns its stdout and stderr."""
    shutil.rmtree(profile, ignore_errors=True)
    command = [str(chromium), *QUIET_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def report_page(sample_scan: SampleScan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("report") / "report.html"
    page.write_text(rendered(sample_scan.result.out_dir), encoding="utf-8")
    return page


def test_chromium_renders_the_headline_numbers(chromium: Path, report_page: Path, sample_scan: SampleScan,
                                                tmp_path: Path) -> None:
    dom = run_chromium(chromium, tmp_path / "profile", report_page, "--dump-dom").stdout
    assert list(rendered_figures(dom).items()) == list(headline(sample_scan.result.inventory).items())  # in this order
    assert "The most sensitive folders" in dom


def test_chromium_screenshot_is_a_real_page(chromium: Path, report_page: Path, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "report.png"
    run_chromium(chromium, tmp_path / "profile", report_page, f"--screenshot={png}", "--window-size=1280,2400")
    with Image.open(png) as image:
        assert image.size == (1280, 2400)
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=1 << 20)
    assert colours is not None
    # Text anti-aliasing and the bar colours give hundreds of distinct colours; a blank or error page a handful.
    assert len(colours) > 200
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert white < 0.93 * 1280 * 2400
    bar_blue = sum(count for count, colour in colours if colour == (0x2F, 0x6F, 0xEB))
    assert bar_blue > 20_000  # the charts were drawn, not only the text
    # The sample leak holds secrets and SSNs: their headline cards are drawn in the alert colour (#19),
    # on the alert background; a page without them has neither.
    alert_background = sum(count for count, colour in colours if colour == (0xFF, 0xF5, 0xF5))
    assert alert_background > 10_000
    if os.environ.get("LEAKCENSUS_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(png, SCREENSHOT)


def test_report_prints_to_pdf_with_its_numbers(chromium: Path, report_page: Path, sample_scan: SampleScan,
                                               tmp_path: Path) -> None:
    from pdfminer.high_level import extract_text

    pdf = tmp_path / "report.pdf"
    run_chromium(chromium, tmp_path / "profile", report_page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    text = extract_text(str(pdf))
    for value in headline(sample_scan.result.inventory).values():
        assert value.replace(" – ", " ") in text.replace(" – ", " ").replace("\n", " ")
    assert "The most sensitive folders" in text
    assert "Documents per year" in text


class ResourceParser(HTMLParser):
    """Every attribute that could make a browser fetch something."""

    FETCHING = frozenset({"src", "srcset", "href", "xlink:href", "poster", "data", "action", "formaction",
                          "background", "manifest", "ping"})

    def __init__(self) -> None:
        super().__init__()
        self.references: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in self.FETCHING:
                self.references.append((tag, name, value or ""))
            if name == "style" and value and "url(" in value:
                self.references.append((tag, name, value))


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked the network stack for, from Chromium's NetLog.

    Chromium's own background fetches (update checks, accounts) have initiator "not an origin";
    anything the file:// page starts has the page as its initiator.
    """
    log = json.loads(net_log.read_text("utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [event["params"]["url"] for event in log["events"]
            if event["type"] == start_job and "url" in event.get("params", {})
            and event["params"].get("initiator") != "not an origin"]


def offline_run(chromium: Path, page: Path, work: Path) -> tuple[str, list[str], str]:
    """DOM, page-initiated requests and stderr of a run where no host name resolves."""
    net_log = work / f"{page.stem}.netlog.json"
    result = run_chromium(chromium, work / "profile", page, "--host-resolver-rules=MAP * ~NOTFOUND",
                          f"--log-net-log={net_log}", "--enable-logging=stderr", "--v=0", "--dump-dom")
    return result.stdout, page_requests(net_log), result.stderr


def test_report_references_nothing_outside_itself(report_page: Path) -> None:
    page = report_page.read_text("utf-8")
    parser = ResourceParser()
    parser.feed(page)
    assert parser.references == []
    styles = "".join(re.findall(r"<style>(.*?)</style>", page, flags=re.S))
    assert "url(" not in styles and "@import" not in styles
    assert not re.search(r"https?://", page)
    assert "default-src 'none'" in page  # the browser itself refuses any fetch the page might try


@pytest.fixture
def calling_out_page(tmp_path: Path) -> Iterator[Path]:
    """A control page that does fetch, to show the request check below can see a fetch."""
    page = tmp_path / "calls-out.html"
    page.write_text("<!DOCTYPE html><html><body><p>42</p><img src='https://example.invalid/pixel.png'></body></html>",
                    encoding="utf-8")
    yield page


def test_chromium_renders_offline_and_the_page_requests_nothing(chromium: Path, report_page: Path, calling_out_page: Path,
                                                                sample_scan: SampleScan, tmp_path: Path) -> None:
    _, control_requests, _ = offline_run(chromium, calling_out_page, tmp_path)
    assert control_requests == ["https://example.invalid/pixel.png"]
    dom, requests, stderr = offline_run(chromium, report_page, tmp_path)
    assert rendered_figures(dom) == headline(sample_scan.result.inventory)
    assert requests == []
    assert "Content Security Policy" not in stderr  # nothing was blocked either
