from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from classifier.pii.entity_types import ENTITY_TYPES, normalise
from classifier.pii.normalise import (
    normalise_alnum,
    normalise_email,
    normalise_ip,
    normalise_organization,
    normalise_person,
    normalise_phone,
)

# Phone numbers are idempotent given a region: test_every_format_of_an_example_number_gives_the_same_e164.
TYPES = [row.name for row in ENTITY_TYPES if row.name != "PHONE_NUMBER"]


@given(st.sampled_from(TYPES), st.text(max_size=60))
def test_normalising_twice_changes_nothing(entity_type: str, raw: str) -> None:
    once = normalise(entity_type, raw)
    if once is not None:
        assert normalise(entity_type, once) == once


@pytest.mark.parametrize(
    "written",
    ["+1 425-555-0143", "(425) 555-0143", "425.555.0143", "+1 (425) 555 0143", "+1.425.555.0143", "4255550143"],
)
def test_us_phone_variants_give_one_e164(written: str) -> None:
    assert normalise_phone(written, "US") == "+14255550143"


@given(st.sampled_from(["US", "GB", "DE", "FR", "ES", "IT", "JP", "BR", "IN", "AU"]))
def test_every_format_of_an_example_number_gives_the_same_e164(region: str) -> None:
    example = phonenumbers.example_number(region)
    assert example is not None
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    for style in (phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL,
                  phonenumbers.PhoneNumberFormat.RFC3966):
        assert normalise_phone(phonenumbers.format_number(example, style), region) == e164
    assert normalise_phone(e164, None) == e164


def test_national_number_depends_on_the_documents_region() -> None:
    assert normalise_phone("020 7946 0958", "GB") == "+442079460958"
    assert normalise_phone("020 7946 0958", "US") is None


def test_person_forms() -> None:
    assert normalise_person("Dr. John  Smith") == "john smith"
    assert normalise_person("Smith, John") == "john smith"
    assert normalise_person("JOHN SMITH") == "john smith"
    assert normalise_person("Prof Ada Lovelace") == "ada lovelace"


def test_organization_forms_collapse_to_one() -> None:
    forms = ["Contoso Ltd.", "Contoso", "CONTOSO LTD", "contoso, inc.", "Contoso Corp"]
    assert {normalise_organization(f) for f in forms} == {"contoso"}
    assert normalise_organization("Fabrikam GmbH") == "fabrikam"
    assert normalise_organization("Northwind Traders Inc") == "northwind traders"


def test_email_card_iban_ip() -> None:
    assert normalise_email("  <Ann.Lee@Contoso.COM> ") == "ann.lee@contoso.com"
    assert normalise_alnum("4111-1111 1111 1111") == "4111111111111111"
    assert normalise_alnum("gb82 west 1234 5698 7654 32") == "GB82WEST12345698765432"
    assert normalise_ip("010.0.0.1") is None  # leading zeros are ambiguous, not canonical
    assert normalise_ip("2001:DB8:0:0::1") == "2001:db8::1"


def test_organisation_names_and_domains_share_one_hash_form() -> None:
    from classifier.pii.normalise import hash_form

    forms = {
        hash_form("ORGANIZATION", normalise_organization(raw) or "")
        for raw in ("Woodgrove Bank", "WOODGROVE BANK PLC", "woodgrovebank", "Woodgrove-Bank")
    }
    assert forms == {"woodgrovebank"}
    assert hash_form("ORGANIZATION", "litwareinc") == hash_form("ORGANIZATION", "litware") == "litware"
    assert hash_form("ORGANIZATION", "zinc") == "zinc"  # too short to hold a glued legal form
    assert hash_form("PERSON", "ann lee") == "ann lee"
