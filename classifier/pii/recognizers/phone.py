"""Phone numbers of every region libphonenumber knows, parsed in the document's likely region.

Presidio's PhoneRecognizer runs one matcher per configured region (a handful
by default); a leak spans a hundred countries. Numbers written with a +CC
prefix parse in any region, so one matcher with the document's likely region
finds them all, and national formats are read as that region's.
"""

from __future__ import annotations

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

DEFAULT_REGION = "US"


class RegionPhoneRecognizer(EntityRecognizer):
    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(supported_entities=["PHONE_NUMBER"], name="RegionPhoneRecognizer", supported_language="en")
        # Set per document by the tagger before analysis; one engine per process, used serially.
        self.region = DEFAULT_REGION

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in phonenumbers.PhoneNumberMatcher(text, self.region, leniency=phonenumbers.Leniency.VALID):
            results.append(
                RecognizerResult(
                    entity_type="PHONE_NUMBER",
                    start=match.start,
                    end=match.end,
                    score=self.SCORE,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: "RegionPhoneRecognizer",
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
