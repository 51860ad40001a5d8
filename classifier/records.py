"""The plain records that flow between pipeline stages.

Types that leave one document's processing carry no strings taken from the
document: only counts, keyed hashes, metadata and names of cues. That keeps the
privacy rule by construction rather than by review.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PIL.Image import Image

from classifier.buckets import RemoteObject


class Status(StrEnum):
    OK = "ok"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    ERROR = "error"


@dataclass(frozen=True, slots=True)  # slots: the parent holds one per file to analyse (a bucket's millions)
class FileEntry:
    """A regular file found under a scan root, or an object listed under a bucket root (`remote`;
    `abs_path` is then empty, never opened)."""

    root: str
    abs_path: Path
    rel_path: str
    size: int
    mtime_ns: int
    remote: RemoteObject | None = None
    # A local file's inode change time and inode number, "ctime_ns:ino": any write to the file, and any
    # change of its mtime, moves its ctime (which no user can set), so an unchanged stamp, size and mtime
    # say the bytes are the ones last analysed without reading them (as git's index and rsync decide).
    stamp: str = ""

    @property
    def version(self) -> str | None:
        """What says this file is the one catalogued: a bucket object's ETag, a local file's stamp."""
        if self.remote is not None:
            return self.remote.version or None
        return self.stamp or None


class SegmentKind(StrEnum):
    PROSE = "prose"
    TABLE_CELL = "table_cell"
    EMAIL_HEADER = "email_header"
    METADATA = "metadata"
    CODE = "code"


# `Segment.header` of a PROSE segment that is the title of a slide or the name of a sheet: the document names
# its own parts there, wherever they sit in reading order.
TITLE_LABEL = "(title)"
# `Segment.header` of a METADATA segment that is a mailing list's footer under a message.
FOOTER_LABEL = "(footer)"


@dataclass(frozen=True)
class Segment:
    """A piece of a document's text with the structure later stages need.

    For table cells, `header` is the column header and `table`/`column` place
    the cell so the PII stage can type whole columns at once.
    """

    kind: SegmentKind
    text: str
    header: str | None = None
    table: int | None = None
    column: int | None = None
    row: int | None = None  # table cells: the data row, so that split name columns can be joined


@dataclass(frozen=True)
class Member:
    """A document inside a container: an archive member or an attachment."""

    name: str
    data: bytes
    modified: str | None = None  # ISO date from the container, when it has one
    encrypted: bool = False  # `data` then holds the stored, still encrypted bytes
    problem: str | None = None  # the member could not be read out (a short reason)


class Pictures(Protocol):
    """Pictures of text that a document has no text layer for (an image file, a PDF's scanned pages),
    decoded one at a time only when OCR reads them (classifier/extract/ocr.py)."""

    def pages(self, max_pixels: int) -> Iterator[Image]:
        """Each picture in turn; raises LimitExceeded("max_image_pixels") for one whose declared size is
        larger, before decoding it, and CorruptDocument for one that cannot be decoded."""
        ...


@dataclass
class Extracted:
    """What an extractor returns for one document (raw text: never leaves the worker)."""

    segments: list[Segment] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    metadata_dates: list[str] = field(default_factory=list)
    structure: frozenset[str] = frozenset()  # e.g. {"email_headers", "table"}
    # Bytes decompressed to produce the members, those of refused members included: the
    # analyzer charges them to the file's max_container_bytes across nesting levels.
    inflated: int = 0
    truncated: bool = False  # text was cut at max_text_chars
    # Why part of the document was not read, or was read past damage (pages past a limit, a PDF whose
    # cross-reference table was rebuilt): the status stays ok and the record's reason says so. Never content.
    partial: str | None = None
    pictures: Pictures | None = None  # read by OCR in the analyzer unless OCR is off
    from_ocr: bool = False  # some of the segments were read from the pictures by OCR

    def add(self, kind: SegmentKind, text: str, header: str | None = None) -> None:
        if text and not text.isspace():
            self.segments.append(Segment(kind, text, header))

    def add_bounded(self, kind: SegmentKind, text: str, max_chars: int) -> None:
        """Adds at most `max_chars` of `text`, noting when some was cut."""
        if len(text) > max_chars:
            self.truncated = True
            text = text[:max_chars]
        self.add(kind, text)


@dataclass(frozen=True)
class EntityTally:
    """Mentions of one entity type in one document and the keyed hashes of its normal forms."""

    mentions: int
    keyed_hashes: frozenset[str]

    @property
    def unique(self) -> int:
        return len(self.keyed_hashes)


@dataclass(frozen=True)
class Findings:
    """What the PII tagger found in one document: no raw values, only keyed hashes."""

    entities: dict[str, EntityTally] = field(default_factory=dict)
    # country code -> keyed hashes of the entities that place someone there
    countries: dict[str, frozenset[str]] = field(default_factory=dict)
    # ORGANIZATION keyed hashes of organisations seen only as email domains
    # (hashed like names, so "Contoso Ltd." and contoso.com are one organisation)
    organizations_from_domains: frozenset[str] = frozenset()
    # keyed hashes of distinct registered email domains of non-personal providers
    email_domains: frozenset[str] = frozenset()
    # column entity types of tables, as cue names for the category tagger
    table_columns: tuple[str, ...] = ()
    # ORGANIZATION hash -> keyed hashes of email addresses at that organisation's domain
    people_by_organization: dict[str, frozenset[str]] = field(default_factory=dict)
    # (ORGANIZATION hash, registered email domain or normalised name): the one exception to
    # "no strings from the document", filled only when the operator asks for --list-organizations
    # and never stored in the catalog.
    organization_labels: tuple[tuple[str, str], ...] = ()
    # The document's full person names, keyed as organisations would be: NER calls a person an
    # organisation in one mail and a person in the next; the inventory takes these out of the
    # organisations of the whole scan.
    people_as_organizations: frozenset[str] = frozenset()
    # Distinct e-mail addresses and phone numbers seen only in a mail's address headers or list footer
    # (for the category tagger, which judges a message by its body; not kept in the catalog).
    contacts_outside_body: int = 0
    # SECRET keyed hashes by kind (SECRET_KINDS: cloud keys, private keys, passwords, tokens, other)
    secret_kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    def to_state(self) -> dict[str, object]:
        """A JSON-able form for the catalog: keyed hashes and counts only."""
        return {
            "entities": {t: [tally.mentions, sorted(tally.keyed_hashes)] for t, tally in sorted(self.entities.items())},
            "countries": {c: sorted(h) for c, h in sorted(self.countries.items())},
            "organizations_from_domains": sorted(self.organizations_from_domains),
            "email_domains": sorted(self.email_domains),
            "table_columns": list(self.table_columns),
            "people_by_organization": {o: sorted(p) for o, p in sorted(self.people_by_organization.items())},
            "people_as_organizations": sorted(self.people_as_organizations),
            "secret_kinds": {kind: sorted(h) for kind, h in sorted(self.secret_kinds.items())},
        }

    @staticmethod
    def from_state(state: dict[str, Any]) -> Findings:
        return Findings(
            entities={t: EntityTally(int(m), frozenset(h)) for t, (m, h) in state["entities"].items()},
            countries={c: frozenset(h) for c, h in state["countries"].items()},
            organizations_from_domains=frozenset(state["organizations_from_domains"]),
            email_domains=frozenset(state["email_domains"]),
            table_columns=tuple(state["table_columns"]),
            people_by_organization={o: frozenset(p) for o, p in state.get("people_by_organization", {}).items()},
            people_as_organizations=frozenset(state.get("people_as_organizations", ())),
            # Catalogs written before kinds were kept have none: their secrets count in the total only.
            secret_kinds={kind: frozenset(h) for kind, h in state.get("secret_kinds", {}).items()},
        )


MAX_REASON = 300  # characters of a record's `error`


@dataclass(frozen=True)
class CategoryScore:
    id: str
    score: float
    signals: tuple[str, ...]


@dataclass(frozen=True)
class DocumentRecord:
    """One line of documents.jsonl, plus the keyed hashes the inventory merges."""

    path: str
    size: int
    content_hmac: str
    mime: str
    extension_mismatch: bool
    status: Status
    error: str | None
    language: str | None
    earliest: str | None
    latest: str | None
    categories: tuple[CategoryScore, ...]
    findings: Findings
    duplicate_of: str | None
    depth: int = 0  # 0 for files on disk, n for members n containers deep
    on_disk_size: int | None = None  # size on disk for top-level files
    near_signature: tuple[int, ...] | None = None  # keyed MinHash of the text (see near_duplicates)
    near_duplicate_of: str | None = None
    near_duplicate_hmacs: tuple[str, ...] = ()
    plain_sha256: str | None = None  # only with --plain-hashes
    root: str | None = None  # the root it was found under, written when a scan has several
    masked_path: str | None = None  # path with values detected in names masked (pii/name_mask.py)
    ocr: bool = False  # some of the document's text was read from pictures by OCR

    @staticmethod
    def unanalysed(path: str, size: int, content_hmac: str, status: Status, reason: str | None = None, *,
                   mime: str = "application/octet-stream", plain_sha256: str | None = None, depth: int = 0,
                   extension_mismatch: bool = False, on_disk_size: int | None = None) -> DocumentRecord:
        """A record with nothing found in it: where an analysis starts, and what a file or member that
        was not analysed (too large, unreadable, timed out, corrupt) is. The reason is cut to
        MAX_REASON characters: reasons are names of limits and errors, never content."""
        return DocumentRecord(
            path=path, size=size, content_hmac=content_hmac, plain_sha256=plain_sha256, mime=mime,
            extension_mismatch=extension_mismatch, status=status, error=None if reason is None else reason[:MAX_REASON],
            language=None, earliest=None, latest=None, categories=(), findings=Findings(), duplicate_of=None,
            depth=depth, on_disk_size=on_disk_size,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "size": self.size,
            "content_hmac": self.content_hmac,
            **({"sha256": self.plain_sha256} if self.plain_sha256 else {}),
            **({"root": self.root} if self.root is not None else {}),
            **({"masked_path": self.masked_path} if self.masked_path not in (None, self.path) else {}),
            "mime": self.mime,
            "extension_mismatch": self.extension_mismatch,
            "status": self.status.value,
            "error": self.error,
            "language": self.language,
            "dates": {"earliest": self.earliest, "latest": self.latest},
            "categories": [
                {"id": c.id, "score": round(c.score, 4), "signals": list(c.signals)}
                for c in self.categories
            ],
            "entities": {
                name: {"mentions": tally.mentions, "unique": tally.unique}
                for name, tally in sorted(self.findings.entities.items())
            },
            "duplicate_of": self.duplicate_of,
            "near_duplicate_of": self.near_duplicate_of,
            "ocr": self.ocr,
        }

    @staticmethod
    def from_json(document: dict[str, Any], findings: Findings, depth: int, on_disk_size: int | None,
                  near_signature: tuple[int, ...] | None = None) -> DocumentRecord:
        """The inverse of to_json, given the findings kept beside it (the catalog)."""
        return DocumentRecord(
            path=document["path"],
            size=document["size"],
            content_hmac=document["content_hmac"],
            plain_sha256=document.get("sha256"),
            root=document.get("root"),
            masked_path=document.get("masked_path", document["path"]),
            mime=document["mime"],
            extension_mismatch=document["extension_mismatch"],
            status=Status(document["status"]),
            error=document["error"],
            language=document["language"],
            earliest=document["dates"]["earliest"],
            latest=document["dates"]["latest"],
            categories=tuple(CategoryScore(c["id"], c["score"], tuple(c["signals"])) for c in document["categories"]),
            findings=findings,
            duplicate_of=document["duplicate_of"],
            depth=depth,
            on_disk_size=on_disk_size,
            near_signature=near_signature,
            ocr=document.get("ocr", False),  # catalogs written before OCR have none: nothing was OCR'd
        )
