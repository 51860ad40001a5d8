"""Extracted text -> Findings: counts and keyed hashes per entity type, no raw values.

Prose goes through Presidio with spaCy NER, in bounded windows batched through
`nlp.pipe` (Presidio's context enhancer walks every token for every match, so
unbounded text is quadratic). Code and table cells get pattern recognizers
only; whole table columns are typed from their header and counted directly.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from email.utils import getaddresses
from importlib import resources

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifier.language import letters_at_least, ner_language
from classifier.pii.engine import PiiEngine, lowercase_artifacts
from classifier.pii.entity_types import NER_ENTITIES, PATTERN_ENTITIES, PATTERN_OVER_NER, PHONE_YIELDS_TO, REACH, normalise
from classifier.pii.keyed_hash import KeyedHasher
from classifier.pii.normalise import LEGAL_SUFFIXES, hash_form, phone_region
from classifier.pii.recognizers.phone import REGION_KEY, dialled_regions
from classifier.pii.recognizers.secret import OTHER_SECRETS, SECRET_KINDS
from classifier.pii.recognizers.structural_name import RECOGNIZER_NAME as STRUCTURAL_RECOGNIZER
from classifier.pii.tables import column_entity_type, value_fits
from classifier.records import FOOTER_LABEL, EntityTally, Extracted, Findings, Segment, SegmentKind

WINDOW_CHARS = 2000
# Pattern-only text has no NER and few matches, so windows can be longer;
# long enough that a 4096-bit PEM private key block is never cut in two.
PATTERN_WINDOW_CHARS = 8000
# Texts per NER batch: about this many characters, within these bounds. Measured with the medium
# English model (CPU time, side by side): windows of contract prose (~1,800 characters) run fastest
# 8 to a batch (32: 3% slower), one-line texts (~35 characters) 128 to a batch (32: 10% slower).
NLP_BATCH_CHARS = 12_000
NLP_BATCH_MIN, NLP_BATCH_MAX = 8, 128
# Distinct prose windows whose mentions a worker remembers (a few MiB: digests and offsets).
WindowKey = tuple[object, ...]
MAX_ANALYSED_WINDOWS = 50_000
# Presidio's own scores: below this are its "weak" patterns (e.g. any 9 digits as an SSN).
SCORE_THRESHOLD = 0.4
# Generic country-code TLDs used as vanity domains: they place nobody in a country.
VANITY_CCTLDS = frozenset({"io", "co", "ai", "me", "tv", "ly", "fm", "gg", "to", "cc", "ws", "app", "dev"})
CCTLD_TO_COUNTRY = {"uk": "GB"}
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Spreadsheet numbers: a float is never an identifier we count, nor a short integer.
NON_CANDIDATE_CELL = re.compile(r"^-?(?:\d{1,6}|\d+\.\d+(?:[eE][+-]?\d+)?)$")
# Short or mixed text that no other language claims with confidence is read as English,
# the language business text most often falls back to in any country.
DEFAULT_NER_LANGUAGE = "en"
# A prose window this long is routed to its own language's NER; shorter ones take the document's.
ROUTE_WINDOW_LETTERS = 200


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
        self.people_as_orgs: set[str] = set()
        self.contacts_inside: set[str] = set()
        self.contacts_outside: set[str] = set()
        self.secret_kinds: dict[str, set[str]] = defaultdict(set)

    def add(self, entity_type: str, raw: str, region: str | None = None, outside_body: bool = False,
            secret_kind: str | None = None) -> None:
        """Counts one mention; `outside_body`: seen in a mail's address headers or list footer, which say who
        the message went to, not what it is about."""
        entity_type, raw = trim_span(entity_type, raw)
        if not plausible(entity_type, raw):
            return
        normal = normalise(entity_type, raw, region or self.region)
        self.mentions[entity_type] += 1
        if normal is None:
            return  # e.g. an unparseable phone number: a mention, not a unique value
        if entity_type == "PERSON" and " " not in normal:
            # "Marcus", "Santos": a first name or a surname alone is a mention of somebody, but
            # does not tell who; unique people are counted by fuller names (as before: 2-5 words).
            return
        if entity_type == "PERSON" and not organisation_evidence(raw):
            as_organisation = normalise("ORGANIZATION", normal)
            if as_organisation:
                self.people_as_orgs.add(self.hasher("ORGANIZATION", as_organisation))
        keyed = self.hasher(entity_type, normal)
        self.hashes[entity_type].add(keyed)
        if entity_type == "SECRET":
            self.secret_kinds[SECRET_KINDS.get(secret_kind or "", OTHER_SECRETS)].add(keyed)
        if entity_type in REACH:
            (self.contacts_outside if outside_body else self.contacts_inside).add(keyed)
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
        # A country named in prose ("our offices in Spain") exposes nobody there: countries come from
        # identifiers of people and organisations only, phones and e-mail domains (#19).

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
            people_as_organizations=frozenset(self.people_as_orgs),
            contacts_outside_body=len(self.contacts_outside - self.contacts_inside),
            secret_kinds={kind: frozenset(h) for kind, h in self.secret_kinds.items()},
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


def load_organisation_words() -> frozenset[str]:
    text = resources.files("classifier.pii").joinpath("organisation_words.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


ORGANISATION_WORDS = load_organisation_words()
# Lower-case words a company name may hold ("Bank of America", "Verein für Socialpolitik").
NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "la", "le", "les", "du", "des", "del", "y", "e", "et",
                             "und", "für", "der", "die", "das", "von", "zu", "van", "den", "di", "da", "&"})
MAX_ORGANISATION_WORDS = 6
_IDENTIFIER = re.compile(r"[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]")


# Punctuation a word of a name can carry at its edges in running text ("(Siemens),", "'Acme'").
NAME_EDGE_PUNCTUATION = ".,;:()'\"’"


def identifier_like(raw: str) -> bool:
    """"FolderChange", "PentiumMMX", "ipfw2": in technical text a word with an inner capital or
    with letters and digits is an identifier far more often than a company (measured on a 2002
    mailbox sample, where such words made a quarter of the organisation labels)."""
    return _IDENTIFIER.search(raw.strip(NAME_EDGE_PUNCTUATION)) is not None


def organisation_evidence(raw: str) -> bool:
    """The name itself says organisation: a legal form or an organisation word."""
    words = [w.strip(NAME_EDGE_PUNCTUATION).casefold() for w in raw.split()]
    return has_legal_form(raw) or any(w in ORGANISATION_WORDS for w in words) or any(
        len(w) > 8 and w.endswith(suffix) for w in words for suffix in ("bank", "kasse", "werke", "gruppe", "verband"))


def phrase_like(raw: str) -> bool:
    """Too long, or lower-case words that are not connectors (a verb, a clause): not a name."""
    words = raw.split()
    lower = [w for w in words if w[:1].islower() and w.casefold() not in NAME_CONNECTORS]
    return len(words) > MAX_ORGANISATION_WORDS or bool(lower)


def organisations_with_evidence(found: list[tuple[Mention, str]], email_organisations: frozenset[str],
                                document: str) -> list[tuple[Mention, str]]:
    """NER's organisations, where a one-word name needs evidence beyond one tag: a legal form or
    organisation word, an e-mail domain of the document, a second mention tagged so, or a capital
    in the middle of a sentence (measured on ner-dev's news and web text: 53-60% of such one-word
    tags are organisations, against 0-25% at a line's or sentence's start and in forms). Names that
    are a person or a place elsewhere in the document, and phrases, are not organisations."""
    def form(raw: str) -> str:
        normal = normalise("ORGANIZATION", raw)
        return hash_form("ORGANIZATION", normal) if normal else ""

    organisations = Counter(form(raw) for m, raw in found if m.entity_type == "ORGANIZATION")
    others = {form(raw) for m, raw in found if m.entity_type in ("PERSON", "LOCATION")}
    # "Marcus" tagged an organisation where "Marcus Santos" is a person: a part of a person's name.
    others |= {form(word) for m, raw in found if m.entity_type == "PERSON" for word in raw.split()}
    lower_case = LowerCaseWords(document)
    defined = defined_terms(document) if organisations else frozenset()
    legal_forms = {form(raw) for m, raw in found if m.entity_type == "ORGANIZATION" and has_legal_form(raw)}
    kept = []
    for mention, raw in found:
        if mention.entity_type == "ORGANIZATION":
            key = form(raw)
            # A term the document defines in quotes ("Receiving Party", "Marks", "Indenture") is a
            # contract's defined term, unless the same name also stands with a legal form: the short
            # name of a party (Zynga Inc. ("Zynga")) is that company.
            if key in defined and key not in legal_forms:
                continue
            if phrase_like(raw) or (key in others and not organisation_evidence(raw)):
                continue
            # One word alone is NER's weakest ORGANIZATION (surnames, products, adjectives).
            if len(raw.split()) < 2 and identifier_like(raw) and key not in email_organisations:
                continue
            evidence = (organisation_evidence(raw) or key in email_organisations or organisations[key] >= 2
                        or (mention.mid_sentence and raw not in lower_case))
            if len(raw.split()) < 2 and not evidence:
                continue
        kept.append((mention, raw))
    return kept


_WORD_CHARS = re.compile(r"\w+")
# A capitalised term in double quotes: how contracts and terms define their words
# (the "Receiving Party"; “Marks” shall mean ...).
_QUOTED_TERM = re.compile(r"[\"“]([A-Z][^\"”“\n]{0,60}?)[\"”]")
_ALIAS_OPENING = re.compile(r"\(\s*(?:the\s+|hereinafter\s+|collectively\s+)?\Z", re.IGNORECASE)


def defined_terms(document: str) -> frozenset[str]:
    """The organisation forms of the terms a document defines in quotes, each also as a plural.
    A short name given to a party just named (Bank of America, N.A. ("Bank of America")) is that
    party's name, not a defined term."""
    forms: set[str] = set()
    for match in _QUOTED_TERM.finditer(document):
        term = match.group(1).strip()
        before = document[max(0, match.start() - 120) : match.start()]
        if _ALIAS_OPENING.search(before) and term in before:
            continue
        for variant in (term, term + "s"):
            normal = normalise("ORGANIZATION", variant)
            if normal:
                forms.add(hash_form("ORGANIZATION", normal))
    return frozenset(forms)


def has_legal_form(raw: str) -> bool:
    return any(w.strip(NAME_EDGE_PUNCTUATION).casefold() in LEGAL_SUFFIXES for w in raw.split())


class LowerCaseWords:
    """Which words a document writes in lower case ("Windows" and "windows", "LILO" and
    "lilo.conf"): a common word, a command or a product, not a name, which keeps its capitals.
    The document's words are collected once, on the first question (a search per candidate
    would read a large document once per candidate)."""

    def __init__(self, document: str) -> None:
        self.document = document
        self._words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        bare = word.strip(NAME_EDGE_PUNCTUATION)
        lower = bare.lower()
        if lower == bare:
            return False
        if not _WORD_CHARS.fullmatch(lower):  # "hewlett-packard": rare, searched for
            return re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", self.document) is not None
        if self._words is None:
            self._words = frozenset(_WORD_CHARS.findall(self.document))
        return lower in self._words


def email_organisations(engine: PiiEngine, found: Iterable[tuple[Mention, str]]) -> frozenset[str]:
    """The organisation forms of the document's e-mail domains (ann@woodgrovebank.com -> woodgrovebank)."""
    forms = set()
    for mention, raw in found:
        if mention.entity_type == "EMAIL_ADDRESS":
            label = engine.domains(raw.rsplit("@", 1)[-1]).domain
            normal = normalise("ORGANIZATION", label) if label else None
            if normal:
                forms.add(hash_form("ORGANIZATION", normal))
    return frozenset(forms)
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


def _single_name(word: str) -> bool:
    """A one-word person ("Dear Filip", "says Eklund"): capitalised, then lower-case letters."""
    word = word.strip(".,;:'\"’")
    return len(word) >= 2 and word[0].isupper() and word[1:].replace("-", "").replace("'", "").isalpha() \
        and any(ch.islower() for ch in word[1:]) and word.casefold() not in NER_NOISE.generic


def trim_span(entity_type: str, raw: str) -> tuple[str, str]:
    """(type, text) after cutting what NER caught around a name.

    Trailing lower-case words are not part of a name ("Northwind Traders Inc. do");
    a "person" ending in a legal form is a company ("Fabrikam GmbH").
    """
    if entity_type not in ("PERSON", "ORGANIZATION"):
        return entity_type, raw
    if "\n" in raw.strip():  # NER ran on into the next line or field ("Victoria Bruun\nPhone")
        raw = raw.strip().split("\n", 1)[0]
    words = raw.split()
    # A dash, bullet or quote NER took in ("- Alex Levine" under a quote) is not part of the name.
    while words and not any(ch.isalnum() for ch in words[0]):
        words.pop(0)
    while words and not any(ch.isalnum() for ch in words[-1]):
        words.pop()
    # A possessive is not part of the name: "Redhat's" and "Redhat" are one organisation.
    if words and len(words[-1]) > 3 and words[-1][-2:].casefold() in ("'s", "’s"):
        words[-1] = words[-1][:-2]
    if entity_type == "PERSON":  # "The Gunnhildur F. Helgadóttir version": the article is not the name
        while len(words) > 1 and words[0].strip(".,;:()'\"").casefold() in NER_NOISE.leading:
            words.pop(0)
    while len(words) > 1 and words[-1][:1].islower() and words[0][:1].isupper():
        words.pop()
    if entity_type == "PERSON" and len(words) > 2 and words[-1].strip(".,").casefold() in NER_NOISE.titles:
        # "Janette Elbertson Administrative Coordinator": a name, then a role; names are mostly two words.
        words = words[:2]
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
            (2 <= len(words) <= 5 or (len(words) == 1 and _single_name(words[0])))
            and not any(ch.isdigit() or ch in "@/\\|_=<>{}[]#:\n" for ch in raw)
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
            # Short capitals: labels and jargon (BIC, ERP, FYI, DHCP) far more often than an organisation (SPD,
            # NASA) in business mail, even inside sentences: about 1 in 10 of a 2002 mailbox's, against 4 in 5
            # of German news text's (ner-dev); counted, they doubled the mailbox's organisations.
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
        rivals = [s for s in strong if s is not result and s.start < result.end and result.start < s.end
                  and not (result.entity_type == "US_SSN" and s.entity_type == "PHONE_NUMBER")]
        if result.entity_type not in PATTERN_OVER_NER and rivals:
            continue
        # A name found by where it stands wins over NER's span of it ("Dear Pranav Ramaswamy").
        if not _by_structure(result) and any(
                _by_structure(r) and r.entity_type == result.entity_type and r.start < result.end
                and result.start < r.end for r in results):
            continue
        # NER's "Logistics GmbH" inside the legal-form match "Fabrikam Logistics GmbH": one company
        # (Presidio drops a contained span only when its score is not higher, and NER's is).
        if result.entity_type == "ORGANIZATION" and any(
                r.entity_type == "ORGANIZATION" and r.start <= result.start and result.end <= r.end
                and r.end - r.start > result.end - result.start for r in results):
            continue
        if result.entity_type == "URL" and any(s.entity_type in ("EMAIL_ADDRESS", "SECRET") for s in rivals):
            continue
        # A phone-shaped run inside a card, IBAN, SSN (ddd-dd-dddd is no region's phone
        # grouping), address or key is part of that: their validators are the stricter.
        if result.entity_type == "PHONE_NUMBER" and any(
                r.entity_type in PHONE_YIELDS_TO and r.start < result.end and result.start < r.end for r in results):
            continue
        kept.append(result)
    return kept


@dataclass(frozen=True)
class Mention:
    """One entity found in a text: its type and character offsets (and, for a phone, the region it parses in)."""

    entity_type: str
    start: int
    end: int
    region: str | None = None
    secret_kind: str | None = None  # the SECRET pattern that matched
    # An organisation's name capitalised in the middle of a sentence, where capitals are not the
    # sentence's own: evidence for a one-word name (see organisations_with_evidence).
    mid_sentence: bool = False


def _mentions(engine: PiiEngine, text: str, results: list[RecognizerResult]) -> list[Mention]:
    mentions = []
    for result in resolve(results):
        region = (result.recognition_metadata or {}).get(REGION_KEY)
        secret_kind = (result.recognition_metadata or {}).get("secret_kind")
        for piece_start, piece_end in name_pieces(text, result):
            entity_type, start, end = trim_offsets(text, result.entity_type, piece_start, piece_end)
            if not plausible(entity_type, shouted_name(text, entity_type, start, end)):
                continue
            if entity_type == "PERSON" and not _by_structure(result) and not person_in_context(
                    engine, text, start, end):
                continue
            if entity_type == "ORGANIZATION" and run_in_heading(text, start, end):
                continue
            # Consulted for one-word names only (organisations_with_evidence): not worked out for the rest.
            mid_sentence = (entity_type == "ORGANIZATION" and len(text[start:end].split()) < 2
                            and named_mid_sentence(text, start, end))
            mentions.append(Mention(entity_type, start, end, region, secret_kind, mid_sentence))
    return mentions


def shouted_name(text: str, entity_type: str, start: int, end: int) -> str:
    """A person's name in capitals inside a lower-case sentence ("in which KENNEDY, SOUTER and
    GINSBURG joined") is judged as if written normally; capitals elsewhere stay a heading or a label."""
    raw = text[start:end]
    if entity_type != "PERSON" or not raw.isupper():
        return raw
    words = words_around(text, start, end)
    lower = [w for w in words if not w.isupper()]
    return raw.title() if len(words) >= 3 and 2 * len(lower) > len(words) else raw


def name_pieces(text: str, result: RecognizerResult) -> list[tuple[int, int]]:
    """A name NER ran over line ends is one candidate per line: a signature's "Priya Raman\nContoso
    Ltd." (one ORG span to the medium English model) holds a person and a company, each judged
    alone. A person span joined by "and", "alias", "und", "et" ("Steven Chand alias Abdul
    Shakur") is one candidate per side. Other types stay whole."""
    if result.entity_type not in ("PERSON", "ORGANIZATION"):
        return [(result.start, result.end)]
    pieces, start = [], result.start
    while (newline := text.find("\n", start, result.end)) >= 0:
        pieces.append((start, newline))
        start = newline + 1
    pieces.append((start, result.end))
    if result.entity_type == "PERSON":
        pieces = [part for a, b in pieces for part in _joined_people(text, a, b)]
    return [(a, b) for a, b in pieces if text[a:b].strip()]


# Lower-case words that join two people's names; name particles (van, de, da, bin) do not, nor
# Spanish "y" ("José Ortega y Gasset" is one surname).
PERSON_JOINERS = frozenset({"and", "alias", "aka", "or", "und", "oder", "et", "ou", "&"})


def _joined_people(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = list(_WORD.finditer(text, start, end))
    cuts = [i for i in range(1, len(words) - 1) if words[i].group().casefold() in PERSON_JOINERS
            and words[i - 1].group()[:1].isupper() and words[i + 1].group()[:1].isupper()]
    if not cuts:
        return [(start, end)]
    bounds = [-1, *cuts, len(words)]
    return [(words[a + 1].start(), words[b - 1].end()) for a, b in itertools.pairwise(bounds) if b - a > 1]


# Words that open a street name ("Calle Mandala", "Av. Beniarda", "Rue Dielhère"): a "person"
# right after one, or starting with one, is the street's name.
STREET_WORDS = frozenset({
    "street", "road", "rd", "avenue", "ave", "av", "lane", "boulevard", "blvd",
    "straße", "strasse", "str", "weg", "platz", "gasse", "allee", "rue", "chemin", "impasse", "allée", "quai",
    "calle", "avda", "avenida", "plaza", "paseo", "camino", "carrera", "ronda", "travesía", "viale", "piazza",
    "corso", "rua", "praça",
})
# Words that close a street name ("Crown St", "Gordon Terrace", "Villacher Strasse").
STREET_ENDINGS = frozenset({
    "st", "street", "rd", "road", "ave", "avenue", "ln", "lane", "terrace", "ct", "court", "way", "pl", "crescent",
    "blvd", "boulevard", "hwy", "highway", "pkwy", "parkway", "turnpike", "straße", "strasse", "str", "weg", "gasse",
    "platz", "allee", "ufer", "damm",
})
STREET_SUFFIXES = ("straße", "strasse", "gasse", "allee", "platz", "weg")


def in_running_text(text: str, start: int, end: int) -> bool:
    """The words around [start, end) on its line make a sentence: three or more other words,
    one of them lower-case."""
    words = words_around(text, start, end)
    return len(words) >= 3 and any(w[:1].islower() for w in words)


def words_around(text: str, start: int, end: int) -> list[str]:
    """The words with letters on [start, end)'s line, the span's own left out."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + " " + text[end : line_end if line_end >= 0 else len(text)]
    return [w for w in line.split() if any(ch.isalpha() for ch in w)]


def sentence_around(text: str, start: int, end: int) -> bool:
    """The line around [start, end) reads as a sentence: three or more other words, one of them
    lower-case, and most of them not in capitals (a heading "VOL DE POULES" is not)."""
    words = words_around(text, start, end)
    shouted = sum(w.isupper() for w in words)
    return len(words) >= 3 and any(w[:1].islower() for w in words) and 2 * shouted < len(words)


# Words that do not stand before an organisation's name: indefinite articles and quantifiers.
NOT_BEFORE_A_NAME = frozenset({"a", "an", "another", "any", "some", "each", "every", "various", "no", "ein", "eine",
                               "einen", "einem", "einer", "eines", "kein", "keine", "un", "une", "uno", "una",
                               "unos", "unas"})
_SENTENCE_END = re.compile(r"(?:[.!?:;\n]|\A)[\s\"'“«(]*\Z")


def named_mid_sentence(text: str, start: int, end: int) -> bool:
    """A capitalised word inside a sentence, not where a sentence or line begins: its capital
    is the name's, not the sentence's ("... shares of Siemens fell", "... bei Porsche"), and no
    indefinite article or quantifier stands before it ("a Program", "another Partition")."""
    raw = text[start:end].strip()
    before = text[max(0, start - 12) : start].split()
    return (
        raw[:1].isupper() and not raw.isupper()
        and not (before and before[-1].casefold() in NOT_BEFORE_A_NAME)
        and _SENTENCE_END.search(text, max(0, start - 8), start) is None
        and sentence_around(text, start, end)
    )


# What may stand before a heading on its line: a clause number ("12.", "4.2", "(a)", "Section 5.").
_HEADING_NUMBER = re.compile(r"\A[ \t]*(?:(?:section|article|clause|§)?[ \t]*[\dIVXivx]+(?:\.[\dIVXivx]+)*\.?[ \t]*"
                             r"|\([a-zA-Z\d]{1,3}\)[ \t]*)?\Z", re.IGNORECASE)
_NUMBER_FIRST = re.compile(r"\d+(?:\.\d+)*\.?[ \t]")
# A clause number after the end of the previous clause, where a contract's paragraphs were run
# together ("... in any respect. 4.7 Further Assurances. The Parties ..."): a number with a dot
# ("6.", "4.7", "11.1"), so that a year or an amount before a name is none.
_CLAUSE_NUMBER_BEFORE = re.compile(
    r"(?:[.;:)]|\s{2})\s*(?:(?:section|article|clause|§)\s*)?(?:\d+\.(?:\d+\.?)*|\([a-z\d]{1,3}\))\s*\Z", re.IGNORECASE)


def run_in_heading(text: str, start: int, end: int) -> bool:
    """A clause's heading: the span follows a clause number ("7. Confidentiality", "Section 5.2
    Indemnities", NER's own "7 Confidentiality", "... respect. 4.7 Further Assurances."), or opens
    its line and is closed by a full stop before the clause's own text ("Further
    Assurances. Each party shall ..."). Contracts hold dozens; NER tags many as organisations. A
    legal form says company, not heading."""
    if has_legal_form(text[start:end]):
        return False
    if _CLAUSE_NUMBER_BEFORE.search(text, max(0, start - 40), start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if not _HEADING_NUMBER.match(text, line_start, start):
        return False
    numbered = text[line_start:start].strip() or _NUMBER_FIRST.match(text, start, end)
    # Only a full stop: "Northwind Traders: Emily wants the PoC extended" (minutes, news) names a company.
    return bool(numbered) or re.match(r"\.[ \t]+\S", text[end : end + 4]) is not None


def at_edge(text: str, start: int, end: int) -> bool:
    """[start, end) is on the first or the last non-empty line of the text."""
    return not text[:start].strip() or "\n" not in text[:start].strip() or "\n" not in text[end:].strip()


def person_in_context(engine: PiiEngine, text: str, start: int, end: int) -> bool:
    """What stands around an NER person says whether it is one."""
    name = text[start:end]
    after = text[end : end + 24]
    # "Fecha de Ingreso: 19/04/2018", "Historia Actual:": a field label, not a name.
    if re.match(r"\s*:\s*(?:\d|$|\n)", after):
        return False
    # One word opening a line and closed by a colon ("Domicilio: Calle Lirios", "Kunde: Müller
    # GmbH") is a form's field label: the medium English model tags many such words as people.
    # A chat speaker has the same shape and is given up with it.
    line_before = text[text.rfind("\n", 0, start) + 1 : start]
    if " " not in name.strip() and after.lstrip(" \t").startswith(":") and not line_before.strip(" \t>"):
        return False
    if name.casefold() in engine.country_by_name:
        return False  # "España": a country
    if " " not in name.strip() and not in_running_text(text, start, end) and not at_edge(text, start, end):
        # One capitalised word without a sentence around it, inside a document, is a label or
        # a heading ("Controller", "Warehouse") far more often than a person; at the top or the
        # foot of a text it is a greeting or a signature ("Vince", "Michael").
        return False
    words = name.replace(".", " ").split()
    before = text[max(0, start - 16) : start].replace(".", " ").replace("/", " ").split()
    if words[0].casefold() in STREET_WORDS or (before and before[-1].casefold() in STREET_WORDS):
        return False
    last = words[-1].casefold()
    return not ((len(words) > 1 and last in STREET_ENDINGS) or (len(last) > 7 and last.endswith(STREET_SUFFIXES)))


def _by_structure(result: RecognizerResult) -> bool:
    return (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == STRUCTURAL_RECOGNIZER




_WORD = re.compile(r"\S+")


def trim_offsets(text: str, entity_type: str, start: int, end: int) -> tuple[str, int, int]:
    """trim_span on offsets: the type and the span of what is left of a name."""
    trimmed_type, trimmed = trim_span(entity_type, text[start:end])
    if trimmed == text[start:end]:
        return trimmed_type, start, end
    if not trimmed:
        return trimmed_type, start, start
    # What is left is a run of whole words of the span: find it.
    offset = text.find(trimmed, start, end)
    if offset >= 0:
        return trimmed_type, offset, offset + len(trimmed)
    # Runs of spaces were collapsed: find the kept words as a run of the span's own words
    # (trim_span keeps a run of them, from the front or the middle).
    words = list(_WORD.finditer(text, start, end))
    kept = trimmed.split()
    for first in range(len(words) - len(kept) + 1):
        if [w.group() for w in words[first : first + len(kept)]] == kept:
            return trimmed_type, words[first].start(), words[first + len(kept) - 1].end()
    return trimmed_type, start, end


def _pattern_only_artifacts(engine: PiiEngine, text: str) -> NlpArtifacts:
    return lowercase_artifacts(engine.tokenizer(text), engine.nlp_engine, "en")


def _analyze(engine: PiiEngine, text: str, artifacts: NlpArtifacts, entities: list[str]) -> list[Mention]:
    # Every recogniser is registered for "en"; other languages differ only in the NER
    # pipeline that made `artifacts`, and the patterns and validators are language-free.
    results = engine.analyzer.analyze(
        text=text, language="en", entities=entities, nlp_artifacts=artifacts, score_threshold=SCORE_THRESHOLD
    )
    return _mentions(engine, text, results)


def prose_mentions(engine: PiiEngine, texts: list[str], languages: list[str]) -> list[list[Mention]]:
    """NER and patterns over prose texts, each through the NER pipeline of its language
    (one of engine.ner_languages), batched per language.

    A window already analysed in this process, in the same language and with the same phone
    regions trusted, is not analysed again: signatures, disclaimers, letterheads and quoted
    replies repeat across a leak's documents (mentions depend only on those three)."""
    found: list[list[Mention] | None] = [None] * len(texts)
    every_entity = list(dict.fromkeys(PATTERN_ENTITIES + NER_ENTITIES))
    regions = (engine.phone.trusted, engine.phone.wide)
    cache = engine.analysed_windows
    for language in dict.fromkeys(languages):
        keys: dict[int, WindowKey] = {i: (language, regions, window_digest(texts[i]))
                                      for i, lang in enumerate(languages) if lang == language}
        todo: dict[WindowKey, int] = {}  # each distinct window not yet analysed -> its first index
        for index, key in keys.items():
            if (known := cache.get(key)) is not None:
                cache.move_to_end(key)
                found[index] = known
            else:
                todo.setdefault(key, index)
        fresh: dict[WindowKey, list[Mention]] = {}
        if todo:
            pipeline = engine.pipeline_key(language)
            batch = [texts[i] for i in todo.values()]
            for new_key, (text, artifacts, *_) in zip(
                todo, engine.nlp_engine.process_batch(batch, pipeline, batch_size=nlp_batch_size(batch)), strict=True
            ):
                fresh[new_key] = cache[new_key] = _analyze(engine, str(text), artifacts, every_entity)
                if len(cache) > MAX_ANALYSED_WINDOWS:
                    cache.popitem(last=False)
        for index, key in keys.items():
            if found[index] is None:
                found[index] = fresh[key]
    return [mentions or [] for mentions in found]


def nlp_batch_size(texts: list[str]) -> int:
    mean = sum(map(len, texts)) / len(texts) if texts else 1.0
    return max(NLP_BATCH_MIN, min(NLP_BATCH_MAX, int(NLP_BATCH_CHARS / max(mean, 1.0))))


def window_digest(text: str) -> bytes:
    # A digest, not the text, is kept between documents.
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def pattern_mentions(engine: PiiEngine, text: str) -> list[Mention]:
    if not engine.prefilter.search(text):
        return []  # no recognizer can match it: spare the tokenizer and Presidio
    return _analyze(engine, text, _pattern_only_artifacts(engine, text), list(PATTERN_ENTITIES))


def route_windows(engine: PiiEngine, chunks: list[str], document_language: str) -> list[str]:
    """Each prose window's NER language: its own when it is long enough to tell, else the document's."""
    languages = engine.ner_languages
    return [
        ner_language(chunk, languages, document_language)
        if letters_at_least(chunk, ROUTE_WINDOW_LETTERS) else document_language
        for chunk in chunks
    ]


def phone_regions(region: str, text: str, country_regions: Iterable[str] = ()) -> list[str]:
    """Trusted phone regions of a document: its language's, then those it dials, then those it names."""
    return [region, *dialled_regions(text), *country_regions]


def named_regions(engine: PiiEngine, text: str) -> list[str]:
    """Regions of the countries a text names (a one- or two-word capitalised name in the table)."""
    regions: dict[str, None] = {}
    words = _CAPITALISED.findall(text[:20000])
    for index, word in enumerate(words):
        for candidate in (word, f"{word} {words[index + 1]}" if index + 1 < len(words) else ""):
            region = engine.country_by_name.get(candidate.casefold()) if candidate else None
            if region:
                regions[region] = None
    return list(regions)


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w.]+")


def document_ner_language(engine: PiiEngine, prose: str, detected: str | None) -> str:
    """The NER language of a document's prose; where it cannot tell, the language the full
    identifier found if we have NER for it, otherwise English."""
    fallback = detected if detected in engine.ner_languages else DEFAULT_NER_LANGUAGE
    return ner_language(prose[:4000], engine.ner_languages, fallback)


def set_phone_regions(engine: PiiEngine, region: str, text: str) -> None:
    engine.phone.set_regions(phone_regions(region, text, named_regions(engine, text)))


def counted(engine: PiiEngine, found: list[tuple[Mention, str]], document: str) -> list[tuple[Mention, str]]:
    """What a document's mentions count as, with the organisations that lack evidence left out."""
    return organisations_with_evidence(found, email_organisations(engine, found), document)


def text_mentions(engine: PiiEngine, text: str, language: str | None, region: str) -> list[Mention]:
    """The mentions tag_pii counts in one prose text, with offsets into it (for evaluation:
    offsets, unlike Findings, can be compared with labelled spans)."""
    set_phone_regions(engine, region, text)
    starts, chunks = zip(*windows(text), strict=True) if text else ((), ())
    document_language = document_ner_language(engine, text, language)
    found = prose_mentions(engine, list(chunks), route_windows(engine, list(chunks), document_language))
    spans = [replace(m, start=m.start + start, end=m.end + start) for start, ms in zip(starts, found, strict=True) for m in ms]
    return [m for m, _ in counted(engine, [(m, text[m.start : m.end]) for m in spans], text)]


# Mail headers whose addresses are people's (lower-case, as the e-mail extractor names its segments).
ADDRESS_HEADERS = frozenset({"from", "to", "cc", "bcc", "reply-to", "sender"})
HEADER_COUNTED = frozenset({"EMAIL_ADDRESS", "URL"})  # an address's domain is no separate URL
HEADER_ADDRESS = re.compile(r"\A[^@\s<>()\[\],;:\"]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\Z")


# "Doe, John" / "Ramaswamy, Pranav K.": the directory form Exchange and Notes write display names in.
SURNAME_FIRST = re.compile(r"\A([^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)?), ([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2})\Z")


def display_name(name: str) -> str:
    """A display name as a name is written in text: unquoted, and given name first."""
    name = " ".join(name.strip().strip("'\"").split())
    surname_first = SURNAME_FIRST.match(name)
    return f"{surname_first.group(2)} {surname_first.group(1)}" if surname_first else name


def header_lines(pairs: list[tuple[str, str]]) -> str:
    """An address header rewritten one `Name <address>` a line, for NER and the structural recogniser:
    the header's own syntax says where each display name ends, which running text would not."""
    return "\n".join(f"{display_name(name)} <{address}>" if name.strip() else address for name, address in pairs
                     if name.strip() or address)


# Header words of the halves of a split name (compared lower-cased).
FIRST_NAME_HEADER = re.compile(r"first|given|fore|vorname|pr[ée]nom|^nombre|^name$")
LAST_NAME_HEADER = re.compile(r"last|surname|family|nachname|familienname|^nom\b|^nom de famille|apellido")
ColumnKey = tuple[int | None, int | None]


def split_name_columns(columns: dict[ColumnKey, list[Segment]], types: dict[ColumnKey, str | None]
                       ) -> list[tuple[ColumnKey, ColumnKey]]:
    """(first-name column, last-name column) pairs of the same table: one person a row, not two."""
    pairs = []
    for key, cells in columns.items():
        header = (cells[0].header or "").strip().lower()
        if types[key] != "PERSON" or not LAST_NAME_HEADER.search(header):
            continue
        firsts = [other for other, other_cells in columns.items()
                  if other[0] == key[0] and other != key and types[other] == "PERSON"
                  and FIRST_NAME_HEADER.search((other_cells[0].header or "").strip().lower())
                  and not LAST_NAME_HEADER.search((other_cells[0].header or "").strip().lower())]
        if firsts:
            pairs.append((firsts[0], key))
    return pairs


def joined_names(first: list[Segment], last: list[Segment]) -> Iterator[str]:
    by_row = {cell.row: cell.text for cell in first}
    for cell in last:
        given = by_row.get(cell.row)
        yield f"{given} {cell.text}" if given else cell.text


WORDY_SHARE = 0.6


def wordy_column(values: list[str]) -> bool:
    """Most cells are words (letters, no digits, at most six words): names, companies, places."""
    sample = values[:50]
    if not sample:
        return False
    wordy = sum(1 for v in sample if _HAS_LETTER.search(v) and not any(ch.isdigit() for ch in v)
                and len(v.split()) <= 6 and "@" not in v)
    return wordy / len(sample) >= WORDY_SHARE


def tag_pii(
    extracted: Extracted, engine: PiiEngine, hasher: KeyedHasher, region: str = "US", language: str | None = None,
    keep_org_labels: bool = False,
) -> Findings:
    """Findings for one document; organisation names and domains leave as text only with keep_org_labels."""
    tally = _Tally(engine, hasher, region, keep_org_labels)
    prose: list[str] = []
    pattern_only: list[str] = []
    footers: list[str] = []  # a mailing list's footer: its addresses count, but not as the message's own contacts
    header_chunks: set[int] = set()  # prose chunks that are address headers: their addresses are counted below
    columns: dict[tuple[int | None, int | None], list[Segment]] = defaultdict(list)
    for segment in extracted.segments:
        if segment.kind is SegmentKind.TABLE_CELL:
            columns[(segment.table, segment.column)].append(segment)
        elif segment.kind is SegmentKind.EMAIL_HEADER and segment.header in ADDRESS_HEADERS:
            # The addresses as the header's syntax gives them (an address on a retired domain, `.yu`, is still
            # an address there); the display names go through NER and the structural recogniser as prose.
            pairs = getaddresses([segment.text])
            for _, address in pairs:
                if HEADER_ADDRESS.match(address):
                    tally.add("EMAIL_ADDRESS", address, outside_body=True)
            chunks = [chunk for _, chunk in windows(header_lines(pairs))]
            header_chunks.update(range(len(prose), len(prose) + len(chunks)))
            prose.extend(chunks)
        elif segment.kind in (SegmentKind.CODE, SegmentKind.METADATA):
            # Code, table header rows and labels: names there are identifiers, not people.
            if segment.header == FOOTER_LABEL:
                footers.extend(chunk for _, chunk in windows(segment.text, PATTERN_WINDOW_CHARS))
            else:
                pattern_only.extend(chunk for _, chunk in windows(segment.text, PATTERN_WINDOW_CHARS))
        else:
            prose.extend(chunk for _, chunk in windows(segment.text))

    set_phone_regions(engine, region, "\n".join(s.text for s in extracted.segments))

    column_types: list[str] = []
    typed_columns = {key: column_entity_type(cells[0].header, [c.text for c in cells[:50]], region)
                     for key, cells in columns.items()}
    joined = split_name_columns(columns, typed_columns)
    for first, last in joined:
        for name in joined_names(columns[first], columns[last]):
            tally.add("PERSON", name)
    name_halves = {column for pair in joined for column in pair}
    for key, cells in columns.items():
        typed = typed_columns[key]
        if typed is not None:
            column_types.append(typed)
        if key in name_halves:
            continue
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
            # Pattern types are found by their own validators, cell by cell; a column of
            # words that no header types ("Contact", "Ansprechpartner", no header at all)
            # gets NER too, one cell a paragraph (a blank line between cells: across one line
            # end, the medium English model runs a name on into the next cell's).
            candidates = [c.text for c in cells if not NON_CANDIDATE_CELL.match(c.text)]
            if wordy_column(candidates):
                prose.extend(chunk for _, chunk in windows("\n\n".join(candidates)))
            else:
                pattern_only.extend(chunk for _, chunk in windows("\n".join(candidates), PATTERN_WINDOW_CHARS))

    document_language = document_ner_language(engine, "\n".join(prose), language)
    found = [(mention, chunk[mention.start : mention.end])
             for index, (chunk, mentions) in enumerate(
                 zip(prose, prose_mentions(engine, prose, route_windows(engine, prose, document_language)), strict=True))
             for mention in mentions
             if not (index in header_chunks and mention.entity_type in HEADER_COUNTED)]
    found += [(mention, chunk[mention.start : mention.end]) for chunk in pattern_only for mention in pattern_mentions(engine, chunk)]
    # The document's text, for the organisations' evidence only (a copy of a large text otherwise).
    document = "\n".join(prose + pattern_only) if any(m.entity_type == "ORGANIZATION" for m, _ in found) else ""
    for mention, raw in counted(engine, found, document):
        tally.add(mention.entity_type, raw, mention.region, secret_kind=mention.secret_kind)
    for chunk in footers:
        for mention in pattern_mentions(engine, chunk):
            tally.add(mention.entity_type, chunk[mention.start : mention.end], mention.region, outside_body=True)
    return tally.findings(column_types)
