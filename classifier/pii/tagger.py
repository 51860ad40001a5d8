"""Extracted text -> Findings: counts and keyed hashes per entity type, no raw values.

Prose goes through Presidio with spaCy NER, in bounded windows batched through
`nlp.pipe` (Presidio's context enhancer walks every token for every match, so
unbounded text is quadratic). Code and table cells get pattern recognizers
only; whole table columns are typed from their header and counted directly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifier.pii.engine import NER_ENTITIES, PATTERN_ENTITIES, PiiEngine
from classifier.pii.keyed_hash import KeyedHasher
from classifier.pii.normalise import LEGAL_SUFFIXES, normalise, phone_region
from classifier.pii.tables import column_entity_type, value_fits
from classifier.records import EntityTally, Extracted, Findings, Segment, SegmentKind

WINDOW_CHARS = 2000
# Pattern-only text has no NER and few matches, so windows can be longer;
# long enough that a 4096-bit PEM private key block is never cut in two.
PATTERN_WINDOW_CHARS = 8000
NLP_BATCH = 32
# Presidio's own scores: below this are its "weak" patterns (e.g. any 9 digits as an SSN).
SCORE_THRESHOLD = 0.4
PATTERN_OVER_NER = frozenset({"EMAIL_ADDRESS", "URL", "PHONE_NUMBER", "IP_ADDRESS", "SECRET", "CREDIT_CARD", "IBAN_CODE"})
# Generic country-code TLDs used as vanity domains: they place nobody in a country.
VANITY_CCTLDS = frozenset({"io", "co", "ai", "me", "tv", "ly", "fm", "gg", "to", "cc", "ws", "app", "dev"})
CCTLD_TO_COUNTRY = {"uk": "GB"}
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Cheap screen run before Presidio on text that gets pattern recognizers only:
# text with none of these shapes cannot hold any pattern entity we look for.
PATTERN_CANDIDATE = re.compile(
    r"@|\d[\d\s().+/-]{5,}\d|://|www\.|\w\.[a-zA-Z]{2,}|[A-Z]{2}\d{2}|[0-9a-fA-F]{1,4}::?[0-9a-fA-F]|"
    r"AKIA|ASIA|gh[pousr]_|xox[abposr]-|_live_|AIza|eyJ|-----BEGIN|(?i:pass|pwd|secret|token|key)|"
    r"\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b|\bbc1[a-z0-9]{20,}|0x[0-9a-fA-F]{40}"
)
# Spreadsheet numbers: a float is never an identifier we count, nor a short integer.
NON_CANDIDATE_CELL = re.compile(r"^-?(?:\d{1,6}|\d+\.\d+(?:[eE][+-]?\d+)?)$")
# spaCy's English pipeline reads other languages badly ("Angebot Nr" as a
# person); until models for them are configured, NER runs on English text only.
NER_LANGUAGES = frozenset({"en", None})


def windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, str]]:
    """Split text into windows of at most `size` characters, cutting at a line or a space."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


class _Tally:
    def __init__(self, engine: PiiEngine, hasher: KeyedHasher, region: str, keep_org_labels: bool) -> None:
        self.engine = engine
        self.hasher = hasher
        self.region = region
        self.keep_org_labels = keep_org_labels
        self.org_labels: dict[str, str] = {}
        # Normal forms, kept only while this one document is tagged: NER often calls a
        # person an organisation in one place and a person in another.
        self.person_forms: set[str] = set()
        self.org_forms: dict[str, str] = {}
        self.email_names: set[str] = set()  # local parts without separators: "pieterdevries"
        self.people_by_org: dict[str, set[str]] = defaultdict(set)
        self.mentions: dict[str, int] = defaultdict(int)
        self.hashes: dict[str, set[str]] = defaultdict(set)
        self.countries: dict[str, set[str]] = defaultdict(set)
        self.org_domains: set[str] = set()
        self.email_domains: set[str] = set()

    def add(self, entity_type: str, raw: str) -> None:
        entity_type, raw = trim_span(entity_type, raw)
        if not plausible(entity_type, raw):
            return
        normal = normalise(entity_type, raw, self.region)
        self.mentions[entity_type] += 1
        if normal is None:
            return  # e.g. an unparseable phone number: a mention, not a unique value
        keyed = self.hasher(entity_type, normal)
        self.hashes[entity_type].add(keyed)
        if entity_type == "PERSON":
            self.person_forms.add(normal)
        elif entity_type == "ORGANIZATION":
            self.org_forms[normal] = keyed
        if entity_type == "PHONE_NUMBER":
            region = phone_region(normal)
            if region:
                self.countries[region].add(keyed)
        elif entity_type == "EMAIL_ADDRESS":
            self._email_domain(normal, keyed)
            self.email_names.add(re.sub(r"[._\-+]", "", normal.rsplit("@", 1)[0]))
        elif entity_type == "ORGANIZATION" and self.keep_org_labels:
            self.org_labels.setdefault(keyed, normal)
        elif entity_type == "LOCATION":
            country = self.engine.country_by_name.get(normal)
            if country:
                self.countries[country].add(keyed)

    def _email_domain(self, address: str, keyed: str) -> None:
        domain = address.rsplit("@", 1)[-1]
        parts = self.engine.domains(domain)
        registered = parts.top_domain_under_public_suffix
        if not registered:
            return
        tld = parts.suffix.rsplit(".", 1)[-1]
        if len(tld) == 2 and tld not in VANITY_CCTLDS:
            self.countries[CCTLD_TO_COUNTRY.get(tld, tld.upper())].add(keyed)
        if registered in self.engine.free_mail_domains:
            return
        self.email_domains.add(self.hasher("EMAIL_DOMAIN", registered))
        organisation = normalise("ORGANIZATION", parts.domain)
        if organisation:
            org_hash = self.hasher("ORGANIZATION", organisation)
            self.org_domains.add(org_hash)
            self.people_by_org[org_hash].add(keyed)
            if self.keep_org_labels:
                self.org_labels[org_hash] = registered  # the domain names an organisation more exactly

    def drop_people_tagged_as_organisations(self) -> None:
        """An "organisation" that is a person's name elsewhere in the document, or whose
        words spell an email address's local part (Pieter de Vries, pieter.devries@), is a person."""
        for normal, keyed in self.org_forms.items():
            as_person = normal in self.person_forms
            if not as_person and normal.replace(" ", "") in self.email_names and " " in normal:
                self.hashes["PERSON"].add(self.hasher("PERSON", normal))
                self.mentions["PERSON"] += 1
                as_person = True
            if as_person:
                self.hashes["ORGANIZATION"].discard(keyed)

    def findings(self, table_columns: Iterable[str]) -> Findings:
        self.drop_people_tagged_as_organisations()
        return Findings(
            entities={
                t: EntityTally(self.mentions[t], frozenset(self.hashes[t])) for t in self.mentions if self.mentions[t]
            },
            countries={c: frozenset(h) for c, h in self.countries.items()},
            organizations_from_domains=frozenset(self.org_domains),
            email_domains=frozenset(self.email_domains),
            table_columns=tuple(sorted(set(table_columns))),
            people_by_organization={org: frozenset(people) for org, people in self.people_by_org.items()},
            organization_labels=tuple(sorted(self.org_labels.items())),
        )


@dataclass(frozen=True)
class NerNoise:
    leading: frozenset[str]
    titles: frozenset[str]
    generic: frozenset[str]


def load_ner_noise() -> NerNoise:
    sections: dict[str, set[str]] = defaultdict(set)
    current = ""
    text = resources.files("classifier.pii").joinpath("ner_noise.txt").read_text("utf-8")
    for line in (raw.strip() for raw in text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
        else:
            sections[current].add(line.casefold())
    return NerNoise(frozenset(sections["leading"]), frozenset(sections["titles"]), frozenset(sections["generic"]))


NER_NOISE = load_ner_noise()
# Product and part codes (CTS-ANL-USR, INV-2020-00452) are tagged as organisations.
CODE_LIKE = re.compile(r"^[A-Z0-9]+(?:[-_/.][A-Z0-9]+)+$")


def _noise_words(raw: str) -> bool:
    words = [w.strip(".,;:()'\"").casefold() for w in raw.split()]
    words = [w for w in words if w]
    if not words:
        return True
    return (
        words[0] in NER_NOISE.leading
        or words[-1] in NER_NOISE.titles
        or (len(words) == 1 and words[0] in NER_NOISE.generic)
    ) or any(_is_code(w) for w in raw.split())


def _is_code(word: str) -> bool:
    word = word.strip(".,;:()'\"")
    if not CODE_LIKE.match(word.upper()):
        return False
    return any(ch.isdigit() for ch in word) or (word.isupper() and word.count("-") + word.count("_") >= 2)


def trim_span(entity_type: str, raw: str) -> tuple[str, str]:
    """(type, text) after cutting what NER caught around a name.

    Trailing lower-case words are not part of a name ("Northwind Traders Inc. do");
    a "person" ending in a legal form is a company ("Fabrikam GmbH").
    """
    if entity_type not in ("PERSON", "ORGANIZATION"):
        return entity_type, raw
    words = raw.split()
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    # A legal form ends a company name: what follows it is the next field ("... Inc. Email").
    for index, word in enumerate(words[:-1]):
        if index and word[:1].isupper() and word.strip(".,").casefold() in LEGAL_SUFFIXES:
            words = words[: index + 1]
            break
    text = " ".join(words)
    if entity_type == "PERSON" and words and words[-1].strip(".,").casefold() in LEGAL_SUFFIXES:
        return "ORGANIZATION", text
    return entity_type, text


def plausible(entity_type: str, raw: str) -> bool:
    """Noise control for NER spans: labels, headers, roles and codes are not people or companies."""
    if entity_type == "PERSON":
        words = raw.replace(",", " ").split()
        return (
            2 <= len(words) <= 5
            and not any(ch.isdigit() or ch in "@/\\|_=<>{}[]#:" for ch in raw)
            and not raw.isupper()
            and all(_HAS_LETTER.search(w) for w in words)
            and not _noise_words(raw)
        )
    if entity_type == "ORGANIZATION":
        stripped = raw.strip()
        return (
            len(stripped) >= 2
            and _HAS_LETTER.search(stripped) is not None
            and not any(ch in "@/\\|_=<>{}[]#" for ch in stripped)
            and "\n" not in stripped
            and sum(ch.isdigit() for ch in stripped) < 2  # amounts, dates, invoice numbers
            and not CODE_LIKE.match(stripped)
            and not (stripped.isupper() and len(stripped) <= 4)
            and not _noise_words(stripped)
        )
    if entity_type == "LOCATION":
        return _HAS_LETTER.search(raw) is not None and "\n" not in raw.strip()
    return True


def resolve(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Pattern matches win over NER spans they overlap; URLs inside emails are not URLs."""
    strong = [r for r in results if r.entity_type in PATTERN_OVER_NER]
    kept: list[RecognizerResult] = []
    for result in results:
        rivals = [s for s in strong if s is not result and s.start < result.end and result.start < s.end]
        if result.entity_type not in PATTERN_OVER_NER and rivals:
            continue
        if result.entity_type == "URL" and any(s.entity_type in ("EMAIL_ADDRESS", "SECRET") for s in rivals):
            continue
        kept.append(result)
    return kept


def _pattern_only_artifacts(engine: PiiEngine, text: str) -> NlpArtifacts:
    doc = engine.tokenizer(text)
    return NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[token.idx for token in doc],
        lemmas=[token.lower_ for token in doc],
        nlp_engine=engine.nlp_engine,
        language="en",
    )


def _analyze(engine: PiiEngine, text: str, artifacts: NlpArtifacts, entities: list[str], tally: _Tally) -> None:
    results = engine.analyzer.analyze(
        text=text, language="en", entities=entities, nlp_artifacts=artifacts, score_threshold=SCORE_THRESHOLD
    )
    for result in resolve(results):
        tally.add(result.entity_type, text[result.start : result.end])


def tag_pii(
    extracted: Extracted, engine: PiiEngine, hasher: KeyedHasher, region: str = "US", language: str | None = None,
    keep_org_labels: bool = False,
) -> Findings:
    """Findings for one document; organisation names and domains leave as text only with keep_org_labels."""
    engine.phone.region = region
    tally = _Tally(engine, hasher, region, keep_org_labels)
    prose: list[str] = []
    pattern_only: list[str] = []
    columns: dict[tuple[int | None, int | None], list[Segment]] = defaultdict(list)
    use_ner = language in NER_LANGUAGES
    for segment in extracted.segments:
        if segment.kind is SegmentKind.TABLE_CELL:
            columns[(segment.table, segment.column)].append(segment)
        elif segment.kind in (SegmentKind.CODE, SegmentKind.METADATA) or not use_ner:
            # Code, table header rows and labels: names there are identifiers, not people.
            pattern_only.extend(chunk for _, chunk in windows(segment.text, PATTERN_WINDOW_CHARS))
        else:
            prose.extend(chunk for _, chunk in windows(segment.text))

    column_types: list[str] = []
    for cells in columns.values():
        typed = column_entity_type(cells[0].header, [c.text for c in cells[:50]], region)
        if typed is not None:
            column_types.append(typed)
        if typed in NER_ENTITIES:
            for cell in cells:
                tally.add(typed, cell.text)
        elif typed is not None:
            # A typed pattern column: each value is checked by its own validator (Luhn,
            # mod-97, libphonenumber) instead of running every recognizer over it.
            rest = []
            for cell in cells:
                if value_fits(typed, cell.text, region):
                    tally.add(typed, cell.text)
                elif not NON_CANDIDATE_CELL.match(cell.text):
                    rest.append(cell.text)
            pattern_only.extend(chunk for _, chunk in windows("\n".join(rest), PATTERN_WINDOW_CHARS))
        else:
            # Pattern types are found by their own validators, cell by cell;
            # an untyped column gets no NER (headers and codes are not people).
            candidates = (c.text for c in cells if not NON_CANDIDATE_CELL.match(c.text))
            pattern_only.extend(chunk for _, chunk in windows("\n".join(candidates), PATTERN_WINDOW_CHARS))

    every_entity = list(dict.fromkeys(PATTERN_ENTITIES + NER_ENTITIES))
    for text, artifacts, *_ in engine.nlp_engine.process_batch(prose, "en", batch_size=NLP_BATCH):
        _analyze(engine, str(text), artifacts, every_entity, tally)
    for chunk in pattern_only:
        if not PATTERN_CANDIDATE.search(chunk):
            continue
        _analyze(engine, chunk, _pattern_only_artifacts(engine, chunk), list(PATTERN_ENTITIES), tally)
    return tally.findings(column_types)

