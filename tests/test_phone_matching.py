"""How the phone recognizer spends libphonenumber's matcher (#20, #22): the same numbers found with
fewer matcher runs. Results are compared with a fresh recognizer, never with stored output."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import phonenumbers
import pytest

from classifier.pii.recognizers import phone
from classifier.pii.recognizers.phone import RegionPhoneRecognizer

PRICES = "Widget 1249.90, Widget 1249.90, Widget 1249.90, Widget 1249.90; Gadget 249.00 and shipping 14.95."


@pytest.fixture
def matcher_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The snippets libphonenumber's matcher is run on (the real matcher runs)."""
    runs: list[str] = []
    real = phonenumbers.PhoneNumberMatcher

    def counted(text: str, region: str, **kwargs: Any) -> Any:
        runs.append(text)
        return real(text, region, **kwargs)

    monkeypatch.setattr(phonenumbers, "PhoneNumberMatcher", counted)
    yield runs


def recognizer(trusted: list[str]) -> RegionPhoneRecognizer:
    found = RegionPhoneRecognizer()
    found.set_regions(trusted)
    return found


def test_an_amount_met_again_is_not_matched_again(matcher_runs: list[str]) -> None:
    finder = recognizer(["DE"])
    assert finder.find(PRICES) == []
    assert PRICES.count("et 1249.90, W") == 3
    # Matched once per leniency (POSSIBLE, then VALID for a grouped number in a trusted region), not thrice.
    assert matcher_runs.count("et 1249.90, W") == 2
    runs = len(matcher_runs)
    finder.find(PRICES)
    assert len(matcher_runs) == runs  # a second document with the same amounts: not matched at all


@pytest.mark.parametrize("trusted", [["US"], ["DE"], ["FR", "DE"], ["GB"]])
def test_remembered_matches_give_what_a_fresh_recognizer_finds(trusted: list[str]) -> None:
    texts = [
        "Phone: +44 20 7946 0958 / 030 901820, fax 030 901821",
        "Tel. 06 12 34 56 78 or 0151 23456789; order 2020-45001833 of 2020-03-10",
        "Call 0490 75 40 81 (mobile) and (99) 645-791; ref 4471 2390",
    ]
    warm = recognizer(["IT"])
    for text in texts:
        warm.find(text)  # the memo holds these snippets matched in another region first
    warm.set_regions(trusted)
    for text in texts:
        assert warm.find(text) == recognizer(trusted).find(text)
        assert warm.find(text) == recognizer(trusted).find(text)  # and from the memo


def test_a_run_with_two_numbers_finds_both() -> None:
    text = "Phone: +44 20 7946 0958 / 030 901820"
    found = recognizer(["US"]).find(text)
    assert [text[start:end] for start, end, _ in found] == ["+44 20 7946 0958", "030 901820"]


def test_a_number_written_with_its_country_code_is_not_tried_in_every_region(matcher_runs: list[str]) -> None:
    text = "Phone: +44 20 7946 0958"
    found = recognizer(["US"]).find(text)
    assert [text[start:end] for start, end, _ in found] == ["+44 20 7946 0958"]
    # Found in the first region tried (and checked there with the strict matcher): the other 16 are not run.
    assert len(matcher_runs) == 2


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phone, "MATCH_MEMO_SIZE", 5)
    finder = recognizer(["US"])
    finder.find(" ".join(f"item {n}.99" for n in range(1000, 1020)))
    assert len(finder._memo) == 5
