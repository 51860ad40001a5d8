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

import hashlib
import re
from collections import OrderedDict
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
# Snippets whose matches are remembered (see RegionPhoneRecognizer._matches): ~350 bytes each, 7 MB in all.
MATCH_MEMO_SIZE = 20_000
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


def _all_digits_inside(snippet: str, offset: int, spans: list[tuple[int, int, str]]) -> bool:
    return all(any(s <= offset + i < e for s, e, _ in spans) for i, ch in enumerate(snippet) if ch.isdigit())


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
        self._memo: OrderedDict[tuple[bytes, str, int], tuple[tuple[int, int], ...]] = OrderedDict()

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
            found_before = len(found)
            for region in self.trusted + (self.wide if untrusted_possible else ()):
                # Every match holds a digit: once each digit of the snippet is inside a number found, the
                # next regions can only find overlapping ones, which are dropped (a run with one number
                # written with +CC met all 17 regions' matchers for nothing).
                if len(found) > found_before and _all_digits_inside(snippet, offset, found[found_before:]):
                    break
                strict: tuple[tuple[int, int], ...] | None = None  # matched when first needed
                for match_start, match_end in self._matches(snippet, region, phonenumbers.Leniency.POSSIBLE):
                    raw = snippet[match_start:match_end]
                    start, end = offset + match_start, offset + match_end
                    if any(start < e and s < end for s, e, _ in found) or DATE_SHAPE.match(raw):
                        continue
                    # "+44 ..." says itself that it is a phone number, valid range or not.
                    international = raw.startswith("+")
                    # A bare run of digits is as often a record, case or account number.
                    grouped = not raw.isdigit()
                    if grouped and region in self.trusted and strict is None:
                        # Without a phone word, only what libphonenumber's VALID leniency takes (it also wants
                        # the national prefix where a region writes one: "2020-45001833" is no German number).
                        strict = self._matches(snippet, region, phonenumbers.Leniency.VALID)
                    trusted = grouped and region in self.trusted and (match_start, match_end) in (strict or ())
                    if not trusted and not international and not (
                            sum(ch.isdigit() for ch in raw) >= MIN_CONTEXT_DIGITS and has_phone_context(text, start, end)):
                        continue
                    found.append((start, end, self._valid_region(raw) or region))
        return found

    def _matches(self, snippet: str, region: str, leniency: int) -> tuple[tuple[int, int], ...]:
        """(start, end) in `snippet` of each number libphonenumber's matcher finds there for `region`.
        Amounts, dates and order numbers repeat across a leak's documents ("1249.90", "2023-0415"), and
        the matcher is most of this recognizer's time: what it found is kept for the last
        MATCH_MEMO_SIZE snippets, keyed by a digest (no text is kept between documents)."""
        key = (hashlib.blake2b(snippet.encode("utf-8", "surrogatepass"), digest_size=16).digest(), region, leniency)
        if (spans := self._memo.get(key)) is not None:
            self._memo.move_to_end(key)
            return spans
        spans = self._memo[key] = tuple((m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
            snippet, region, leniency=leniency))
        if len(self._memo) > MATCH_MEMO_SIZE:
            self._memo.popitem(last=False)
        return spans

    def _valid_region(self, raw: str) -> str | None:
        """The region the number belongs to: of those, in order, where it is valid, the first
        whose own national format groups the digits as written ("06 12 34 56 78" is French
        though valid in Germany too), else the first."""
        regions = self.trusted + self.wide
        try:
            first = phonenumbers.parse(raw, regions[0], keep_raw_input=True)
        except phonenumbers.NumberParseException:
            first = None
        if first is not None and first.country_code_source == phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN:
            # Written with +CC, it is the same number in every region: the first is the answer if it is valid.
            return regions[0] if phonenumbers.is_valid_number(first) else None
        valid = []
        # Regions often read the digits as the same number: whether it is valid and how its region groups
        # it depend only on the number, so each is judged once.
        judged: dict[tuple[object, ...], tuple[bool, bool]] = {}
        for region in regions:
            try:
                parsed = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            number = (parsed.country_code, parsed.national_number, parsed.extension,
                      bool(parsed.italian_leading_zero), parsed.number_of_leading_zeros)
            if (verdict := judged.get(number)) is None:
                is_valid = phonenumbers.is_valid_number(parsed)
                verdict = judged[number] = (is_valid, is_valid and _groups(
                    phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)) == _groups(raw))
            if verdict[0]:
                if verdict[1]:
                    return region
                valid.append(region)
        return valid[0] if valid else None
