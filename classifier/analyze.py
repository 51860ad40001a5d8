"""One document's bytes -> records for it and, recursively, for its members.

This is the only place where document text exists: it is extracted, tagged
and dropped here; what leaves is a DocumentRecord (counts, keyed hashes,
metadata). Every failure becomes a status with a short reason.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import replace
from datetime import date
from pathlib import PurePosixPath
from typing import BinaryIO

from classifier.buckets import read_object
from classifier.categories.tagger import CategoryModel, load_category_model, tag_categories
from classifier.content_hash import ContentHasher, ContentHashes, file_problem_record
from classifier.dates import DateRange, date_range, dates_in_text, with_container_date
from classifier.extract import extract
from classifier.extract.compressed import LINK_SKIPPED, SPECIAL_SKIPPED
from classifier.extract.errors import (
    CorruptDocument,
    DocumentProblem,
    EncryptedDocument,
    LimitExceeded,
    UnsupportedDocument,
    reason_from,
)
from classifier.extract.ocr import OcrBudget, OcrEngine, find_tesseract, read_pictures
from classifier.language import detect_language, likely_region
from classifier.limits import Limits
from classifier.long_paths import open_file
from classifier.names import MEMBER_SEPARATOR, escape_name
from classifier.near_duplicates import signature as near_signature
from classifier.pii.engine import PiiEngine, build_pii_engine
from classifier.pii.keyed_hash import KeyedHasher
from classifier.pii.name_mask import NameMasker
from classifier.pii.tagger import tag_pii
from classifier.records import MAX_REASON, DocumentRecord, Extracted, FileEntry, Member, SegmentKind, Status
from classifier.sniff import Sniffed, Sniffer

UNIQUE_SUFFIX = re.compile(r"#\d+\Z")
STATUS_BY_PROBLEM: dict[type[DocumentProblem], Status] = {
    EncryptedDocument: Status.ENCRYPTED,
    CorruptDocument: Status.CORRUPT,
    UnsupportedDocument: Status.UNSUPPORTED,
    LimitExceeded: Status.TOO_LARGE,
}
# Libraries log and warn about what they parse, sometimes quoting it (pdfminer
# names bad operands, openpyxl repeats cell values); no raw content may reach a log.
CHATTY_LOGGERS = (
    "pdfminer", "pypdfium2", "presidio-analyzer", "openpyxl", "pptx", "tldextract", "charset_normalizer", "py3langid",
    "extract_msg", "RTFDE", "olefile", "xlrd",
)


def silence_library_output() -> None:
    for name in CHATTY_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False
    warnings.filterwarnings("ignore")


def member_names(members: list[Member]) -> list[str]:
    """Names that make every member's path unique in its container (the contract's rule): each name
    escaped as `names.escape_name` says (a literal `!/` is `!%2F`, a path splits one way, bytes that
    are not UTF-8 are `%XX`), and a name met again in the same container
    (two `image001.png` attachments, a tar appended to) is `name#2`, `name#3` in the container's order."""
    taken: set[str] = set()
    names: list[str] = []
    for member in members:
        base = escape_name(member.name)
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}#{number}"
        taken.add(name)
        names.append(name)
    return names


def member_problem_status(problem: str) -> Status:
    if problem.startswith("max_"):
        return Status.TOO_LARGE
    if problem in (LINK_SKIPPED, SPECIAL_SKIPPED):
        return Status.UNSUPPORTED  # an archived link or device: nothing to read, nothing broken
    return Status.CORRUPT


class FileBudget:
    """What one file on disk may still cost, over all its nested containers: decompressed
    bytes (max_container_bytes) and member documents (max_members). A zip of zips of zips
    gets one budget, not one per container, so a 42.zip-style bomb stops early."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.bytes_left = limits.max_container_bytes
        self.members_left = limits.max_members
        self.ocr_pages_left = limits.max_ocr_pages  # a zip of 500 scans OCRs the first ones, not the file's time

    def limits_now(self) -> Limits:
        return replace(self.limits, max_container_bytes=self.bytes_left, max_members=self.members_left,
                       max_member_bytes=min(self.limits.max_member_bytes, self.bytes_left))

    def spend(self, extracted: Extracted) -> None:
        self.bytes_left = max(0, self.bytes_left - max(extracted.inflated, sum(len(m.data) for m in extracted.members)))
        self.members_left = max(0, self.members_left - len(extracted.members))

    def exhausted(self, problem: LimitExceeded) -> None:
        """A container refused for a whole-file limit leaves nothing for its siblings."""
        if str(problem) == "max_container_bytes":
            self.bytes_left = 0
        elif str(problem) == "max_members":
            self.members_left = 0


def within_text_budget(extracted: Extracted, max_chars: int) -> None:
    """Cuts the segments to `max_chars` characters in all (extractors bound their own text,
    but several bounded parts, such as email bodies, can still add up past it)."""
    left = max_chars
    for index, segment in enumerate(extracted.segments):
        if len(segment.text) > left:
            extracted.segments[index:] = [replace(segment, text=segment.text[:left])] if left else []
            extracted.truncated = True
            return
        left -= len(segment.text)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(extracted: Extracted) -> None:
    """Half of a character (a JSON `\\ud83d` without its pair, an RTF `\\u-10240`) cannot be encoded
    by anything downstream; it becomes U+FFFD so that one bad character costs one character."""
    for index, segment in enumerate(extracted.segments):
        if LONE_SURROGATE.search(segment.text):
            extracted.segments[index] = replace(segment, text=LONE_SURROGATE.sub("\ufffd", segment.text))


class DocumentAnalyzer:
    """Per-process state: libmagic handle, PII engine, category model, keyed hasher."""

    def __init__(self, key: bytes, spacy_model: str, limits: Limits, today: date | None = None,
                 keep_org_labels: bool = False, ner_models: tuple[tuple[str, str], ...] = (),
                 plain_hashes: bool = False, mask_names: bool = True, ocr: bool = True) -> None:
        silence_library_output()
        self.sniffer = Sniffer()
        self.pii: PiiEngine = build_pii_engine(spacy_model, dict(ner_models))
        self.hasher = KeyedHasher(key)
        self.content = ContentHasher(key, plain_hashes)
        self.names = NameMasker(lambda: self.pii, mask_names)
        self.categories: CategoryModel = load_category_model()
        self.limits = limits
        self.ocr = ocr  # --no-ocr: pictures stay unread, as images were before OCR
        self.tesseract: OcrEngine | None = find_tesseract() if ocr else None
        self.keep_org_labels = keep_org_labels
        self.today = today or date.today()
        self._first_by_sha: dict[str, DocumentRecord] = {}
        # content_hmac -> the date ranges of its metadata and of its text, without any container's date
        self._content_dates: dict[str, tuple[DateRange, DateRange]] = {}
        self._containers: set[str] = set()  # content_hmac of analysed documents that had members
        self._budget = FileBudget(limits)

    def analyze_bytes(self, data: bytes, path: str, depth: int = 0, container_date: str | None = None) -> list[DocumentRecord]:
        """Records for this document (first) and all its members, depth first."""
        if depth == 0:
            self._budget = FileBudget(self.limits)
        name = UNIQUE_SUFFIX.sub("", path.rsplit(MEMBER_SEPARATOR, 1)[-1])  # the type is sniffed by the name's own extension
        hashes = self.content.of_bytes(data)
        content_hmac = hashes.content_hmac
        try:
            sniffed = self.sniffer.sniff(data, name)
        except Exception:  # a hostile header met in refining the type: the bytes stay unidentified
            sniffed = Sniffed("application/octet-stream", extension_mismatch=False)
        first = self._first_by_sha.get(content_hmac)
        extracted: Extracted | None = None
        if first is not None:
            record = replace(first, path=path, duplicate_of=first.path, depth=depth,
                             extension_mismatch=sniffed.extension_mismatch)
            if (content_dates := self._content_dates.get(content_hmac)) is not None:
                earliest, latest = with_container_date(*content_dates, container_date, self.today)
                record = replace(record, earliest=earliest, latest=latest)
            if content_hmac in self._containers:
                # Members need records under this copy's path too; they are themselves duplicates.
                extracted = self._extract_quietly(data, sniffed.mime, name)
        else:
            record, extracted = self._analyze_new(data, path, hashes, sniffed.mime, sniffed.extension_mismatch,
                                                  depth, container_date)
            self._first_by_sha[content_hmac] = record
            if extracted is not None and extracted.members:
                self._containers.add(content_hmac)
        records = [record]
        if extracted is not None:
            for member_name, member in zip(member_names(extracted.members), extracted.members, strict=True):
                records.extend(self._analyze_member(replace(member, name=member_name), path, depth + 1))
        return records

    def _analyze_member(self, member: Member, container_path: str, depth: int) -> list[DocumentRecord]:
        path = container_path + MEMBER_SEPARATOR + member.name
        if depth > self.limits.max_depth:
            return [self.problem_record(path, member.data, Status.TOO_LARGE, "max_depth", depth)]
        if member.encrypted:
            return [self.problem_record(path, member.data, Status.ENCRYPTED, "encrypted archive member", depth)]
        if member.problem:
            status = member_problem_status(member.problem)
            return [self.problem_record(path, member.data, status, member.problem, depth)]
        return self.analyze_bytes(member.data, path, depth, member.modified)

    def problem_record(self, path: str, data: bytes, status: Status, reason: str, depth: int,
                       mime: str = "application/octet-stream") -> DocumentRecord:
        hashes = self.content.of_bytes(data)
        return DocumentRecord.unanalysed(path, len(data), hashes.content_hmac, status, reason, mime=mime,
                                         plain_sha256=hashes.plain_sha256, depth=depth)

    def _extract_quietly(self, data: bytes, mime: str, name: str) -> Extracted | None:
        try:
            extracted = extract(data, mime, name, self._budget.limits_now())
        except LimitExceeded as problem:  # this file's budget ran out: the copy's members go unlisted
            self._budget.exhausted(problem)
            return None
        except Exception:  # it succeeded before on the same bytes; a failure now only loses members
            return None
        self._budget.spend(extracted)
        return extracted

    def _analyze_new(self, data: bytes, path: str, hashes: ContentHashes, mime: str, mismatch: bool, depth: int,
                     container_date: str | None) -> tuple[DocumentRecord, Extracted | None]:
        base = DocumentRecord.unanalysed(path, len(data), hashes.content_hmac, Status.OK, mime=mime,
                                         plain_sha256=hashes.plain_sha256, depth=depth, extension_mismatch=mismatch)
        try:
            extracted = extract(data, mime, UNIQUE_SUFFIX.sub("", PurePosixPath(path).name), self._budget.limits_now())
            ocr_reason = self._read_pictures(extracted)
        except DocumentProblem as problem:
            if isinstance(problem, LimitExceeded):
                self._budget.exhausted(problem)
            status = STATUS_BY_PROBLEM.get(type(problem), Status.ERROR)
            return replace(base, status=status, error=str(problem)[:MAX_REASON]), None
        except RecursionError:  # a parser recursing over hostile nesting (Python's own guard)
            return replace(base, status=Status.CORRUPT, error="nested too deeply"), None
        except Exception as exc:  # a library bug on hostile input must not stop the scan
            return replace(base, status=Status.ERROR, error=f"extractor failed: {reason_from(exc)}"), None
        self._budget.spend(extracted)
        within_text_budget(extracted, self.limits.max_text_chars)
        replace_lone_surrogates(extracted)
        if extracted.truncated:  # read, but not all of it: said in the reason, the status stays ok
            base = replace(base, error="max_text_chars")
        elif extracted.partial is not None:
            base = replace(base, error=extracted.partial[:MAX_REASON])
        elif ocr_reason is not None:  # a picture left unread (a limit, no Tesseract): the status stays ok
            base = replace(base, error=ocr_reason)
        try:
            prose = "\n".join(s.text for s in extracted.segments if s.kind is not SegmentKind.TABLE_CELL)
            language = detect_language(prose)
            findings = tag_pii(extracted, self.pii, self.hasher, likely_region(language), language,
                               self.keep_org_labels)
            categories = tag_categories(extracted, findings, self.categories)
            content_dates = (date_range(extracted.metadata_dates, (), self.today),
                             date_range((), dates_in_text(prose, self.today), self.today))
            self._content_dates[hashes.content_hmac] = content_dates
            earliest, latest = with_container_date(*content_dates, container_date, self.today)
        except Exception as exc:
            return replace(base, status=Status.ERROR, error=f"analysis failed: {reason_from(exc)}"), extracted
        all_text = "\n".join(s.text for s in extracted.segments)
        record = replace(base, findings=findings, categories=categories, language=language,
                         earliest=earliest, latest=latest, near_signature=near_signature(all_text, self.hasher.key),
                         ocr=extracted.from_ocr)
        return record, extracted

    def _read_pictures(self, extracted: Extracted) -> str | None:
        """OCRs the document's pictures (unless OCR is off) into its text; the reason a picture went unread."""
        if not self.ocr or extracted.pictures is None:
            return None
        limits = self.limits
        outcome = read_pictures(extracted, self.tesseract,
                                OcrBudget(self._budget.ocr_pages_left, limits.max_image_pixels, limits.max_ocr_seconds))
        self._budget.ocr_pages_left = max(0, self._budget.ocr_pages_left - outcome.pages_read)
        return outcome.reason


def analyze_entry(analyzer: DocumentAnalyzer, entry: FileEntry) -> list[DocumentRecord]:
    limits = analyzer.limits
    if entry.size > limits.max_file_bytes:
        return with_masked_paths(analyzer.names, [file_problem_record(analyzer.content, entry, Status.TOO_LARGE,
                                                                      "max_file_bytes")])
    try:
        if entry.remote is not None:
            data = read_object(entry.remote, entry.size, limits.max_file_bytes)
        else:
            with open_file(entry.abs_path) as handle:
                data = read_within(handle, entry.size, limits.max_file_bytes)
    except OSError as exc:
        return with_masked_paths(analyzer.names, [file_problem_record(analyzer.content, entry, Status.ERROR,
                                                                      f"unreadable: {exc.strerror}")])
    if len(data) > limits.max_file_bytes:
        return with_masked_paths(analyzer.names, [file_problem_record(analyzer.content, entry, Status.TOO_LARGE,
                                                                      "max_file_bytes")])
    records = analyzer.analyze_bytes(data, entry.rel_path)
    records[0] = replace(records[0], on_disk_size=entry.size)
    return with_masked_paths(analyzer.names, records)


def with_masked_paths(names: NameMasker, records: list[DocumentRecord]) -> list[DocumentRecord]:
    return [replace(record, masked_path=names.mask_path(record.path)) for record in records]


GROWTH_CHUNK = 1 << 20


def read_within(handle: BinaryIO, size: int, limit: int) -> bytes:
    """The file's bytes, never past `limit` + 1 whatever the walk saw (it may have grown since).
    Read by its known size first: `read(n)` reserves n bytes up front, and reserving the limit
    (512 MiB) for every small file counts against a worker's address-space cap."""
    data = handle.read(size + 1)
    if len(data) <= size:
        return data
    parts, total = [data], len(data)
    while total <= limit and (chunk := handle.read(min(GROWTH_CHUNK, limit + 1 - total))):
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)
