"""Phone numbers of every region libphonenumber knows, written in any region's national format.

Presidio's PhoneRecognizer runs one matcher per configured region (a handful
by default); a leak spans a hundred countries. Numbers written with a +CC
prefix parse in any region. National formats ("0490 75 40 81", "(99) 645-791")
are tried, in order, in the document's likely region, the regions the document
itself dials (+CC numbers) or names, and a wide default set. A number valid
only in a default region (not the document's own) must have a phone word
before it on its line: German numbering alone makes most runs of 6–11 digits
"valid", and order numbers and amounts are such runs.
"""

from __future__ import annotations

import re
from typing import ClassVar

import phonenumbers
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifier.pii.recognizers import own_result

DEFAULT_REGION = "US"
# Presidio's default set (US, UK, DE, IL, IN, CA, BR), widened to the countries whose
# numbers most often meet in European and American business mail.
WIDE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT", "IE", "AU", "IN", "CA", "BR", "MX", "IL")
REGION_KEY = "phone_region"
CONTEXT_CHARS = 48
AFTER_CHARS = 12
# Phone words in the languages we route NER for, lower-cased whole words. Bare "number"
# and "no." are not among them: card, licence and order numbers share them.
PHONE_CONTEXT = re.compile(
    r"(?:\b(?:phones?|tel|tele|telephone|call|calls|calling|reach|contact|ring|mobile|mob|cell|cellphone|fax|whatsapp|dial|"
    r"office|desk|home|work|direct|switchboard|hotline|sms|text|message|messages|voicemail|answer|answering|"
    r"telefon|telefonnummer|handy|mobil|mobilnummer|rufnummer|durchwahl|anrufen|"
    r"t[ée]l[ée]phone|t[ée]l|portable|fixe|appeler|appelez|"
    r"tel[ée]fono|tfno|m[óo]vil|celular|llamar|ll[áa]meme)\b|[☎📞])",
    re.IGNORECASE,
)
# Any text PHONE_CONTEXT can match in some window of a longer one matches this (the same words with no
# word boundaries): where it finds nothing, no number there can be taken on context.
_ANY_PHONE_WORD = re.compile(PHONE_CONTEXT.pattern.replace(r"\b", ""), re.IGNORECASE)
# A number taken on context alone must be at least this long (in digits): "Unit 7349"
# and house numbers are possible numbers in some region too.
MIN_CONTEXT_DIGITS = 7
# Where a phone number can be: a run of digits with the separators numbers are written with.
# The margin gives the matcher the characters around the run that decide a match's edges.
CANDIDATE_RUN = re.compile(r"[+(]?\d[\d \t().\-/x]{4,}\d")
RUN_MARGIN = 3
# Dates and times are possible numbers in many regions: 2020-03-10, 10.03.2020, 10/03/20.
DATE_SHAPE = re.compile(r"^\(?(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})\)?$")
_DIALLED = re.compile(r"(?<![\w+])\+\s?(\d{1,3})")


def has_phone_context(text: str, start: int, end: int | None = None) -> bool:
    """A phone word before the number on its line (or on the line above when the number
    starts its own line, as in "Phone:\n+49 ..."), or just after it ("... 5550 office")."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and line_start:
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    if PHONE_CONTEXT.search(text, max(line_start, start - CONTEXT_CHARS), start):
        return True
    if end is None:
        return False
    line_end = text.find("\n", end)
    return PHONE_CONTEXT.search(text, end, min(end + AFTER_CHARS, line_end if line_end >= 0 else len(text))) is not None


def dialled_regions(text: str) -> list[str]:
    """Regions of the +CC prefixes written in the text, most frequent first."""
    counts: dict[str, int] = {}
    for match in _DIALLED.finditer(text):
        for length in (1, 2, 3):
            code = match.group(1)[:length]
            region = phonenumbers.region_code_for_country_code(int(code))
            if region not in ("ZZ", "001"):
                counts[region] = counts.get(region, 0) + 1
                break
    return sorted(counts, key=lambda r: -counts[r])


def _groups(number: str) -> list[int]:
    return [len(group) for group in re.findall(r"\d+", number)]


class RegionPhoneRecognizer(EntityRecognizer):
    SCORE = 0.6
    PREFILTER_SHAPES: ClassVar[tuple[str, ...]] = (CANDIDATE_RUN.pattern,)  # find() looks nowhere else

    def __init__(self) -> None:
        super().__init__(supported_entities=["PHONE_NUMBER"], name="RegionPhoneRecognizer", supported_language="en")
        # Set per document by the tagger before analysis; one engine per process, used serially.
        # `trusted` regions (the document's own, those it dials or names) need no phone word.
        self.trusted: tuple[str, ...] = (DEFAULT_REGION,)
        self.wide: tuple[str, ...] = WIDE_REGIONS

    def set_regions(self, trusted: list[str], wide: tuple[str, ...] = WIDE_REGIONS) -> None:
        self.trusted = tuple(dict.fromkeys(trusted))
        self.wide = tuple(r for r in wide if r not in self.trusted)

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        return [own_result("RegionPhoneRecognizer", self.id, "PHONE_NUMBER", start, end, self.SCORE, **{REGION_KEY: region})
                for start, end, region in self.find(text)]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, region) of each number. A grouped number ("0490 75 40 81") valid
        in a trusted region, or one written with +CC, is taken as it is; any other possible number
        (a bare run of digits, a number valid only in a default region) needs a phone word near
        it: a "Phone:" field holds a phone even where libphonenumber thinks the range unassigned."""
        found: list[tuple[int, int, str]] = []
        # The matcher is run per region on each run of digits and separators only, not on the
        # whole text once per region (17 passes over every window cost a fifth of the stage).
        for run in CANDIDATE_RUN.finditer(text):
            offset = max(0, run.start() - RUN_MARGIN)
            snippet = text[offset : run.end() + RUN_MARGIN]
            # Outside the trusted regions a number is taken only when written with +CC or with a phone
            # word near it (has_phone_context looks CONTEXT_CHARS before and AFTER_CHARS after it): a run
            # with neither is not tried in the other regions (most runs in tables are amounts and ids).
            untrusted_possible = "+" in snippet or _ANY_PHONE_WORD.search(
                text, max(0, offset - CONTEXT_CHARS), offset + len(snippet) + AFTER_CHARS) is not None
            for region in self.trusted + (self.wide if untrusted_possible else ()):
                strict: set[tuple[int, int]] | None = None  # matched when first needed
                for match in phonenumbers.PhoneNumberMatcher(snippet, region, leniency=phonenumbers.Leniency.POSSIBLE):
                    start, end = offset + match.start, offset + match.end
                    if any(start < e and s < end for s, e, _ in found) or DATE_SHAPE.match(match.raw_string):
                        continue
                    # "+44 ..." says itself that it is a phone number, valid range or not.
                    international = match.raw_string.startswith("+")
                    # A bare run of digits is as often a record, case or account number.
                    grouped = not match.raw_string.isdigit()
                    if grouped and region in self.trusted and strict is None:
                        # Without a phone word, only what libphonenumber's VALID leniency takes (it also wants
                        # the national prefix where a region writes one: "2020-45001833" is no German number).
                        strict = {(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
                            snippet, region, leniency=phonenumbers.Leniency.VALID)}
                    trusted = grouped and region in self.trusted and (match.start, match.end) in (strict or set())
                    if not trusted and not international and not (
                            sum(ch.isdigit() for ch in match.raw_string) >= MIN_CONTEXT_DIGITS
                            and has_phone_context(text, start, end)):
                        continue
                    found.append((start, end, self._valid_region(match.raw_string) or region))
        return found

    def _valid_region(self, raw: str) -> str | None:
        """The region the number belongs to: of those, in order, where it is valid, the first
        whose own national format groups the digits as written ("06 12 34 56 78" is French
        though valid in Germany too), else the first."""
        valid = []
        for region in self.trusted + self.wide:
            try:
                parsed = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(parsed):
                if _groups(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)) == _groups(raw):
                    return region
                valid.append(region)
        return valid[0] if valid else None
