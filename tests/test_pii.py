from __future__ import annotations

import pytest

from classifier.analyze import DocumentAnalyzer
from classifier.pii.tables import column_entity_type, header_type
from classifier.pii.tagger import plausible, tag_pii, trim_span, windows
from classifier.records import Extracted, Findings, Segment, SegmentKind

PROSE = (
    "Dear Dr. Maria Gonzalez, thank you for meeting with Contoso Ltd. last week. "
    "Please call me at (425) 555-0143 or on my UK line +44 20 7946 0958, or write to "
    "maria.gonzalez@fabrikam.de. The card 4111 1111 1111 1111 was charged; refunds go to "
    "IBAN GB82 WEST 1234 5698 7654 32. Our VPN gateway is 203.0.113.7."
)


def findings_for(analyzer: DocumentAnalyzer, extracted: Extracted) -> dict[str, tuple[int, int]]:
    found = tag_pii(extracted, analyzer.pii, analyzer.hasher)
    return {name: (tally.mentions, tally.unique) for name, tally in found.entities.items()}


def test_pattern_entities_in_prose(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, PROSE)
    counts = findings_for(analyzer, extracted)
    assert counts["EMAIL_ADDRESS"] == (1, 1)
    assert counts["PHONE_NUMBER"] == (2, 2)
    assert counts["CREDIT_CARD"] == (1, 1)
    assert counts["IBAN_CODE"] == (1, 1)
    assert counts["IP_ADDRESS"] == (1, 1)
    assert counts["PERSON"] == (1, 1)
    assert "URL" not in counts  # the domain inside the address is not a URL


def test_same_values_in_two_forms_count_once(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, "Call +1 425-555-0143 today. Or (425) 555-0143 tomorrow. Mail ANN@CONTOSO.COM.")
    extracted.add(SegmentKind.PROSE, "Reply to ann@contoso.com please.")
    counts = findings_for(analyzer, extracted)
    assert counts["PHONE_NUMBER"] == (2, 1)
    assert counts["EMAIL_ADDRESS"] == (2, 1)


def test_email_domain_is_an_organisation_and_free_mail_is_not(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, "Write to ann@contoso.co.uk, bob@contoso.co.uk or carla@gmail.com.")
    found = tag_pii(extracted, analyzer.pii, analyzer.hasher)
    assert len(found.email_domains) == 1
    assert len(found.organizations_from_domains) == 1
    assert set(found.countries) == {"GB"}
    contoso = analyzer.hasher("ORGANIZATION", "contoso")
    assert found.organizations_from_domains == frozenset({contoso})


def test_secret_values_not_placeholders(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.CODE, "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLF\npassword = ${DB_PASSWORD}\n"
                                    "db_url = postgres://app:s3cr3tPass@db.internal:5432/prod\napi_key: changeme\n")
    counts = findings_for(analyzer, extracted)
    assert counts["SECRET"] == (2, 2)


def test_secrets_passed_as_named_call_arguments(analyzer: DocumentAnalyzer) -> None:
    # wp-config.php style: the constant's name says it is a secret; a name alone or an empty value is not one.
    extracted = Extracted()
    extracted.add(SegmentKind.CODE, "<?php\ndefine( 'DB_NAME', 'shop' );\ndefine( 'DB_PASSWORD', 'Tr4m-Kx9!pQ' );\n"
                                    "define('AUTH_KEY', 'password');\nprops.setProperty(\"mail.smtp.password\", \"w7Yc-22rLmq\");\n"
                                    "define( 'DB_USER', 'shop_rw' );\n")
    counts = findings_for(analyzer, extracted)
    assert counts["SECRET"] == (2, 2)


def test_table_columns_are_typed_from_header_and_values(analyzer: DocumentAnalyzer) -> None:
    names = ["Ann Lee", "Bob Stone", "Carla Diaz", "Ann Lee"]
    extracted = Extracted()
    extracted.segments.extend(Segment(SegmentKind.TABLE_CELL, n, "Contact name", 0, 0) for n in names)
    extracted.segments.extend(Segment(SegmentKind.TABLE_CELL, v, "Status", 0, 1) for v in ["Open", "Won", "Lost", "Won"])
    counts = findings_for(analyzer, extracted)
    assert counts["PERSON"] == (4, 3)
    assert "ORGANIZATION" not in counts and "LOCATION" not in counts  # "Open", "Won" are nobody


def test_header_and_column_typing() -> None:
    assert header_type("E-mail") == "EMAIL_ADDRESS"
    assert header_type("Mobile phone") == "PHONE_NUMBER"
    assert header_type("Customer") == "ORGANIZATION"
    assert header_type("Unit price") is None
    assert column_entity_type("Phone", ["+1 425 555 0143", "n/a", "+44 20 7946 0958"], "US") == "PHONE_NUMBER"
    assert column_entity_type("Phone", ["n/a", "unknown", "+44 20 7946 0958"], "US") is None


def test_windows_cover_the_text_in_bounded_pieces() -> None:
    text = ("word " * 1000 + "\n") * 5
    pieces = list(windows(text, 700))
    assert "".join(chunk for _, chunk in pieces) == text
    assert max(len(chunk) for _, chunk in pieces) <= 700
    assert [start for start, _ in pieces] == sorted(start for start, _ in pieces)


def test_ner_spans_are_trimmed_and_reclassified() -> None:
    assert trim_span("ORGANIZATION", "Northwind Traders Inc. do") == ("ORGANIZATION", "Northwind Traders Inc.")
    assert trim_span("ORGANIZATION", "Northwind Traders Inc. Email") == ("ORGANIZATION", "Northwind Traders Inc.")
    assert trim_span("PERSON", "Fabrikam GmbH") == ("ORGANIZATION", "Fabrikam GmbH")
    assert trim_span("PERSON", "Maria Gonzalez") == ("PERSON", "Maria Gonzalez")


@pytest.mark.parametrize(
    ("entity_type", "span", "kept"),
    [
        ("ORGANIZATION", "Contoso Ltd.", True),
        ("ORGANIZATION", "Woodgrove Bank", True),
        ("ORGANIZATION", "CTS-ANL-USR", False),
        ("ORGANIZATION", "CTS-SEN-PACK Sensor", False),
        ("ORGANIZATION", "Invoice INV-2020-00452", False),
        ("ORGANIZATION", "EUR 36,648.00", False),
        ("ORGANIZATION", "the Confidential Information", False),
        ("ORGANIZATION", "Customer", False),
        ("PERSON", "Account Executive", False),
        ("PERSON", "Email Phone Country", True),  # only header rows keep this out: see the table test
        ("PERSON", "Ann Lee", True),
        ("PERSON", "ANN LEE", False),
    ],
)
def test_ner_noise_control(entity_type: str, span: str, kept: bool) -> None:
    assert plausible(entity_type, span) is kept


def test_countries_from_phone_regions_and_domains_not_from_country_names(analyzer: DocumentAnalyzer) -> None:
    extracted = Extracted()
    extracted.add(SegmentKind.PROSE, "Our offices in Germany and Spain serve customers across France. "
                                     "Call +44 20 7946 0958 or write to sales@contoso.co.jp.")
    found = tag_pii(extracted, analyzer.pii, analyzer.hasher)
    # Before #19 the three countries named in prose counted as countries of exposed entities too.
    assert set(found.countries) == {"GB", "JP"}


def test_a_large_sheet_is_typed_by_column_not_tagged_cell_by_cell(analyzer: DocumentAnalyzer) -> None:
    """100,000 rows of contacts: the column types decide, so this takes seconds, not minutes."""
    import time

    from classifier.extract import extract
    from classifier.limits import Limits
    from tests.documents import xlsx_bytes

    first = ["Ann", "Bob", "Carla", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivo", "Jun"]
    last = ["Lee", "Stone", "Diaz", "Okafor", "Berg", "Rossi", "Novak", "Sato", "Weber", "Khan"]
    rows: list[list[object]] = [["Name", "Email", "Phone", "Amount"]]
    rows += [[f"{first[n % 10]} {last[n // 10 % 10]}", f"user{n % 20000}@example{n % 50}.com",
              f"+44 20 7946 {n % 10000:04d}", n * 1.5] for n in range(100_000)]
    data = xlsx_bytes(rows)
    started = time.perf_counter()
    # The default text budget (5 M characters) would stop at ~94,000 of these rows.
    limits = Limits(max_text_chars=10_000_000)
    extracted = extract(data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "big.xlsx", limits)
    found = tag_pii(extracted, analyzer.pii, analyzer.hasher)
    elapsed = time.perf_counter() - started
    assert found.entities["EMAIL_ADDRESS"].unique == 20_000
    assert found.entities["PHONE_NUMBER"].unique == 10_000
    assert found.entities["PERSON"].mentions == 100_000
    assert found.entities["PERSON"].unique == 100
    assert elapsed < 120, f"{elapsed:.0f} s for 100,000 rows"


SIGNATURE = ("Kind regards,\nMaria Gonzalez\nHead of Procurement, Contoso Ltd.\nmaria.gonzalez@contoso.com\n"
             "Tel. 030 1234567")


def test_a_window_seen_before_is_not_analysed_again_and_counts_the_same(analyzer: DocumentAnalyzer) -> None:
    # #20: signatures and disclaimers repeat across a leak; their windows go through NER once per worker.
    # What is found must not depend on what the worker saw before, phone regions included (a national
    # number reads differently in a German document than in an American one).
    def tagged(text: str, region: str, language: str) -> Findings:
        extracted = Extracted()
        extracted.add(SegmentKind.PROSE, text)
        return tag_pii(extracted, analyzer.pii, analyzer.hasher, region, language)

    def fresh(text: str, region: str, language: str) -> Findings:
        saved = analyzer.pii.analysed_windows.copy()
        analyzer.pii.analysed_windows.clear()
        try:
            return tagged(text, region, language)
        finally:
            analyzer.pii.analysed_windows.clear()
            analyzer.pii.analysed_windows.update(saved)

    tagged(SIGNATURE, "DE", "de")
    windows_known = len(analyzer.pii.analysed_windows)
    assert tagged(SIGNATURE, "DE", "de") == fresh(SIGNATURE, "DE", "de")
    assert len(analyzer.pii.analysed_windows) == windows_known  # nothing new went through NER
    german = tagged(SIGNATURE, "DE", "de")
    american = tagged(SIGNATURE, "US", "en")
    assert american == fresh(SIGNATURE, "US", "en")
    assert "PHONE_NUMBER" in german.entities  # 030 is a Berlin number
    assert german.entities["PERSON"] == american.entities["PERSON"]
