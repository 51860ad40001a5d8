"""Every entity type, one row each: how it is found and what the rest of the pipeline needs to know about it.

Adding a type is one row here, plus one file under `recognizers/` when it needs a recognizer of its own.
Recognizers are named by module and class (as Presidio's conf/default_recognizers.yaml names them) and
imported only by `engine.build_pii_engine`: the report, which runs in the parent process, reads its
weights and labels from this table without loading Presidio and spaCy (over a second).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from classifier.pii import validators
from classifier.pii.normalise import (
    normalise_alnum,
    normalise_email,
    normalise_ip,
    normalise_organization,
    normalise_other,
    normalise_person,
    normalise_phone,
    normalise_secret,
)

Normaliser = Callable[[str, str | None], str | None]  # (raw value, the document's region) -> normal form


def regionless(normaliser: Callable[[str], str | None]) -> Normaliser:
    def normal_form(raw: str, region: str | None) -> str | None:
        return normaliser(raw)

    return normal_form


@dataclass(frozen=True)
class Recognizer:
    """A Presidio recognizer class, as `module:Class`.

    The prefilter that screens code and table cells is built from what each recognizer says any
    of its matches contains: our own recognizers declare PREFILTER_SHAPES beside their patterns;
    for Presidio's, whose classes are not ours, `shapes` says it here (regexes, one of which every
    match of every pattern of the class contains).
    """

    path: str
    shapes: tuple[str, ...] = ()


PRESIDIO = "presidio_analyzer.predefined_recognizers"
OURS = "classifier.pii.recognizers"


class Cue(Enum):
    """What the category model is told about a document's values of a type (categories/cues.py)."""

    PRESENCE = "presence"  # how often it is mentioned at all: one private key or card number says much
    COUNT = "count"  # how many distinct values: one name says little, fifty make a list


class ContactPart(Enum):
    """The part a type plays in a contact list: someone, and a way to reach them."""

    WHO = "who"
    REACH = "reach"


@dataclass(frozen=True)
class Column:
    """A table column of this type: its header holds one of `header_words` (lower-cased, any language
    we cover) and most of its values pass `fits`."""

    header_words: re.Pattern[str]
    fits: Callable[[str, str], bool]


@dataclass(frozen=True)
class FolderScore:
    """Weight of one unique value in a folder's sensitivity score (report/folders.py), and the
    type's name in the report's folder table."""

    weight: float
    singular: str
    plural: str


@dataclass(frozen=True)
class EntityType:
    name: str
    normaliser: Normaliser
    cue: Cue
    # Recognizers by shape and validator, run on every text: prose, code, table cells, metadata.
    patterns: tuple[Recognizer, ...] = ()
    # A recognizer of where a name stands in mail and letters; prose only, as NER.
    structure: Recognizer | None = None
    ner: bool = False
    # A pattern match wins over an NER span it overlaps.
    outranks_ner: bool = False
    # A phone-shaped run inside a match of this type is part of it (its validator is the stricter).
    outranks_phone: bool = False
    column: Column | None = None
    contact: ContactPart | None = None
    folder: FolderScore | None = None  # None: adds nothing to a folder's score
    # Written `⟨TYPE⟩` in output paths; places and URLs say where a file belongs, not whom it exposes.
    masked_in_names: bool = True
    label: str = ""  # the type in plain words, plural, as the headline and summaries name it


# Header words are tried in row order: the first type whose words a header holds types its column
# ("email address" is an email column, not a place; "client contact" a person's, not a company's).
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType(
        "EMAIL_ADDRESS", regionless(normalise_email), Cue.COUNT,
        label="email addresses",
        patterns=(Recognizer(f"{OURS}.offline_email:OfflineEmailRecognizer"),),
        outranks_ner=True, outranks_phone=True,
        column=Column(re.compile(r"e-?mail|courriel|correo"), validators.email_valid),
        contact=ContactPart.REACH,
        folder=FolderScore(1, "email", "emails"),
    ),
    EntityType(
        "PHONE_NUMBER", normalise_phone, Cue.COUNT,
        label="phone numbers",
        patterns=(Recognizer(f"{OURS}.phone:RegionPhoneRecognizer"),),
        outranks_ner=True,
        column=Column(re.compile(r"phone|tel\b|telephone|telefon|téléphone|mobile|cell|fax|handy|móvil"), validators.phone_valid),
        contact=ContactPart.REACH,
        folder=FolderScore(1, "phone", "phones"),
    ),
    EntityType(
        "IBAN_CODE", regionless(normalise_alnum), Cue.PRESENCE,
        label="IBANs",
        patterns=(Recognizer(f"{PRESIDIO}:IbanRecognizer", (r"[A-Z]{2}[0-9]{2}",)),),
        outranks_ner=True, outranks_phone=True,
        column=Column(re.compile(r"\biban\b"), validators.iban_valid),
        folder=FolderScore(5, "IBAN", "IBANs"),
    ),
    EntityType(
        "CREDIT_CARD", regionless(normalise_alnum), Cue.PRESENCE,
        label="card numbers",
        patterns=(Recognizer(f"{PRESIDIO}:CreditCardRecognizer", (r"\d{4}[- ]?\d{3}",)),),
        outranks_ner=True, outranks_phone=True,
        column=Column(re.compile(r"card ?(number|no)|credit ?card|\bpan\b"), validators.luhn_valid),
        folder=FolderScore(5, "card", "cards"),
    ),
    EntityType(
        "US_SSN", regionless(normalise_alnum), Cue.PRESENCE,
        label="SSNs",
        patterns=(Recognizer(f"{PRESIDIO}:UsSsnRecognizer", (r"\d{5}-\d{4}|\d{3}-\d{6}|\d{3}[- .]\d{2}[- .]\d{4}|\d{9}",)),),
        outranks_phone=True,  # ddd-dd-dddd is no region's phone grouping
        column=Column(re.compile(r"\bssn\b|social security"), validators.ssn_valid),
        folder=FolderScore(8, "SSN", "SSNs"),
    ),
    EntityType(
        "IP_ADDRESS", regionless(normalise_ip), Cue.COUNT,
        label="IP addresses",
        # IPv4; IPv6 either compressed (::) or written out (hex:hex).
        patterns=(Recognizer(f"{PRESIDIO}:IpRecognizer", (r"\d\.\d{1,3}\.\d{1,3}\.\d", r"::|[0-9A-Fa-f]:[0-9A-Fa-f]")),),
        outranks_ner=True, outranks_phone=True,
        column=Column(re.compile(r"\bip\b|ip ?address|ipv4|ipv6"), validators.ip_valid),
    ),
    EntityType(
        "URL", regionless(normalise_other), Cue.COUNT,
        label="URLs",
        # Every URL pattern holds a host name ending in a dot and a top-level domain of two letters or more.
        patterns=(Recognizer(f"{PRESIDIO}:UrlRecognizer", (r"(?i:[a-z0-9.-]\.[a-z]{2})",)),),
        outranks_ner=True, outranks_phone=True,
        masked_in_names=False,
    ),
    EntityType(
        "CRYPTO", regionless(normalise_other), Cue.PRESENCE,
        label="crypto wallet addresses",
        patterns=(Recognizer(f"{PRESIDIO}:CryptoRecognizer", (r"(?i:(?:bc1|[13])[a-z0-9]{25})",)),),
    ),
    EntityType(
        "SECRET", regionless(normalise_secret), Cue.PRESENCE,
        label="secrets",
        patterns=(Recognizer(f"{OURS}.secret:SecretRecognizer"),),
        outranks_ner=True, outranks_phone=True,
        folder=FolderScore(10, "secret", "secrets"),  # a secret opens further doors
    ),
    EntityType(
        "PERSON", regionless(normalise_person), Cue.COUNT,
        label="people",
        structure=Recognizer(f"{OURS}.structural_name:StructuralNameRecognizer"),
        ner=True,
        column=Column(re.compile(
            r"(full |first |last |contact |employee |sales ?rep|owner|manager|^)name|person|contact$|"
            r"employee$|vorname|nachname|nom\b|prénom|nombre|apellido|owner$|rep$|cardholder|card holder|"
            r"buyer|signatory|recipient$|karteninhaber|titulaire"), validators.person_name_like),
        contact=ContactPart.WHO,
        folder=FolderScore(1, "person", "people"),
    ),
    EntityType(
        "ORGANIZATION", regionless(normalise_organization), Cue.COUNT,
        label="organisations",
        # By legal form anywhere (Ltd, GmbH, S.A.); NER adds the rest in prose.
        patterns=(Recognizer(f"{OURS}.legal_form:LegalFormOrganizationRecognizer"),),
        ner=True,
        column=Column(re.compile(
            r"company|organi[sz]ation|customer|client|vendor|supplier|^account$|account name|firma|unternehmen|"
            r"société|entreprise|empresa|employer|kunde"), validators.name_like),
        contact=ContactPart.WHO,
    ),
    EntityType(
        "LOCATION", regionless(normalise_other), Cue.COUNT,
        label="places",
        ner=True,
        column=Column(re.compile(r"city|country|address|location|ort\b|stadt|land\b|ville|pays|ciudad|país"),
                      validators.name_like),
        masked_in_names=False,
    ),
)

BY_NAME: dict[str, EntityType] = {row.name: row for row in ENTITY_TYPES}
NER_ENTITIES: tuple[str, ...] = tuple(row.name for row in ENTITY_TYPES if row.ner)
# Looked for in every text; code and table cells get only these (names there are identifiers, not people).
PATTERN_ENTITIES: tuple[str, ...] = tuple(row.name for row in ENTITY_TYPES if row.patterns)
PATTERN_OVER_NER = frozenset(row.name for row in ENTITY_TYPES if row.outranks_ner)
PHONE_YIELDS_TO = frozenset(row.name for row in ENTITY_TYPES if row.outranks_phone)
PRESENCE_ENTITIES: tuple[str, ...] = tuple(row.name for row in ENTITY_TYPES if row.cue is Cue.PRESENCE)
COUNTED_ENTITIES: tuple[str, ...] = tuple(row.name for row in ENTITY_TYPES if row.cue is Cue.COUNT)
WHO = frozenset(row.name for row in ENTITY_TYPES if row.contact is ContactPart.WHO)
REACH = frozenset(row.name for row in ENTITY_TYPES if row.contact is ContactPart.REACH)
MASKED_IN_NAMES = frozenset(row.name for row in ENTITY_TYPES if row.masked_in_names)
COLUMNS: dict[str, Column] = {row.name: row.column for row in ENTITY_TYPES if row.column is not None}
# The report's folder table: the heaviest first.
FOLDER_SCORES: dict[str, FolderScore] = dict(sorted(
    ((row.name, row.folder) for row in ENTITY_TYPES if row.folder is not None), key=lambda scored: -scored[1].weight))


def normalise(entity_type: str, raw: str, region: str | None = None) -> str | None:
    """The normal form of a value of `entity_type` (collapsed, case-folded text for a type not in the table)."""
    row = BY_NAME.get(entity_type)
    return row.normaliser(raw, region) if row is not None else normalise_other(raw)
