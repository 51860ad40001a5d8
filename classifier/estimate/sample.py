"""Which files an estimate analyses: a seeded random sample of the walk, stratified by top-level
folder and file type.

Allocation is proportional: each stratum gets its exact share of the sample rounded down, plus one
file with a chance equal to the fraction rounded off, so every file has the same chance n/N of being
drawn, which the unique-value estimator (Chao2) and the weights assume. The fractions are rounded
together, systematically (one random start, the strata in order of file type, then root, then
folder): the sample has exactly the size asked for, and each file type gets its proportional share to
within one file. Largest remainders, the rounding used before, gave the files of large strata more
than their chance and those of small ones none: on a leak of 1,136 folders of 44 files (11,360 strata
of 1-13 files), a 2% sample drew 1,000 PDFs and no file of any other type.

Which files a stratum draws comes from its own generator, seeded by the seed and the stratum.

Then each file type the proportional share left without a drawn file gets one, from its largest
stratum: a sample that never opens a `.zip` cannot know its members, and imputed at its folder's
rate (about one document a file) the 24 five-document archives of a 2,000-file leak were
undercounted with a narrow interval in 12 of 100 runs (benchmarks/estimate_coverage.py). These
files count in the totals, each stratum weighted by its own files; they are left out of Chao2's
input (they had no equal chance), whose interval only never falls below the values they show.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from classifier.records import FileEntry

StratumKey = tuple[str, str, str]  # (root, top-level folder or "" for files at the root, extension)
# A stratum whose exact share of the sample is under this many files cannot give its own mean and
# spread: it is estimated together with the other such strata of its file type (estimators.py).
POOLED_UNDER = 2


class SampleSizeError(ValueError):
    """A --sample that is neither a percentage nor a number of files."""


@dataclass(frozen=True)
class SampleSize:
    """`2%` or `500`: what the operator asked for."""

    percent: float | None = None
    files: int | None = None

    @staticmethod
    def parse(text: str) -> SampleSize:
        if match := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%\s*", text):
            percent = float(match.group(1))
            if not 0 < percent <= 100:
                raise SampleSizeError(f"--sample {text}: a percentage must be above 0 and at most 100")
            return SampleSize(percent=percent)
        if re.fullmatch(r"\s*\d+\s*", text) and int(text) > 0:
            return SampleSize(files=int(text))
        raise SampleSizeError(f"--sample takes a percentage (2%) or a number of files (500), not '{text}'")

    def of(self, population: int) -> int:
        """Files to draw from `population` (at least two where there are two: one file has no spread)."""
        wanted = math.ceil(population * self.percent / 100) if self.percent is not None else (self.files or 0)
        return min(population, max(wanted, 2))

    def __str__(self) -> str:
        return f"{self.percent:g}%" if self.percent is not None else str(self.files)


def stratum_of(entry: FileEntry) -> StratumKey:
    rel_path = entry.rel_path
    if not _PLAIN_PATH.fullmatch(rel_path):
        # An object key may hold "//", "./" or a leading "/": PurePosixPath's reading of them.
        parts = PurePosixPath(rel_path).parts
        return entry.root, parts[0] if len(parts) > 1 else "", file_type(PurePosixPath(rel_path).suffix)
    # The same as PurePosixPath gives, by string operations: pathlib costs 1 s on a walk of 50,000 files.
    folder, slash, _ = rel_path.partition("/")
    name = rel_path.rpartition("/")[2]
    dot = name.rfind(".")
    return entry.root, folder if slash else "", file_type(name[dot:]) if 0 < dot < len(name) - 1 else ""


def file_type(suffix: str) -> str:
    """A name's suffix (".PDF") as the file type a stratum stands for (".pdf"), or "" where the suffix
    names no type: a maildir message's ".<md5>", a date (".20210301"), a version (".2"). Each such
    suffix was a file type of its own, and each type gets a file of its own in the sample: a 2% sample of
    a mailbox of 2,797 files named "<n>.<md5>" drew 2,852 of 4,143 files (../shared/corpora)."""
    name = suffix[1:].casefold()
    if not 0 < len(name) <= MAX_TYPE_NAME or not name.isascii() or not name.isalnum() or name.isdigit():
        return ""
    if len(name) >= 5 and _HEX.fullmatch(name) and not name.isalpha():
        return ""  # five hex digits and more, some of them numerals: an identifier (no type is named so)
    return "." + name


MAX_TYPE_NAME = 8  # ".markdown", ".numbers", ".torrent", ".sqlite"
_HEX = re.compile(r"[0-9a-f]+")


# Segments separated by single slashes, none empty or ".": what the walk's relative paths look like.
_PLAIN_PATH = re.compile(r"(?!\./|\.$)(?:[^/]+/(?!\./|\.(?:/|$)))*[^/]+")


@dataclass(frozen=True)
class Stratum:
    key: StratumKey
    population: int
    drawn: tuple[int, ...]  # walk indices of the drawn files, in draw order
    for_its_type: bool = False  # its one file was drawn because no other file of its type was
    pooled: bool = False  # its share is under POOLED_UNDER files: estimated with the others of its type


@dataclass(frozen=True)
class Sample:
    files_in_walk: int
    seed: int
    strata: tuple[Stratum, ...]  # every stratum of the walk, those with no file drawn included

    @property
    def drawn(self) -> list[int]:
        """Walk indices of every drawn file, in walk order."""
        return sorted(index for stratum in self.strata for index in stratum.drawn)

    @property
    def proportional(self) -> list[int]:
        """The drawn files of the proportional allocation (those drawn for their type left out), in walk order."""
        return sorted(index for stratum in self.strata if not stratum.for_its_type for index in stratum.drawn)


def allocate(populations: dict[StratumKey, int], size: int, start: int) -> dict[StratumKey, int]:
    """Proportional allocation of `size` files, the fractions rounded systematically in the order of
    `populations`' keys from `start` (0 <= start < total files): a stratum gets its exact share
    size·N_h/N rounded down, and one more with a chance equal to the fraction (over the starts), and
    any run of consecutive strata gets its summed share to within one file. Integers throughout: no
    float sum of thousands of fractions to round."""
    total = sum(populations.values())
    if total == 0:
        return {key: 0 for key in populations}
    shares: dict[StratumKey, int] = {}
    before = 0  # the fractions so far, in units of 1/total
    for key, count in populations.items():
        whole, fraction = divmod(size * count, total)
        after = before + fraction
        # One more file where a point start+1, start+1+total, start+1+2·total, ... falls in (before, after].
        shares[key] = whole + (after - start - 1) // total - (before - start - 1) // total
        before = after
    return shares


def draw_sample(entries: Sequence[FileEntry], size: int, seed: int) -> Sample:
    """A stratified random sample of `size` of `entries` (walk order), the same for the same seed over
    the same files, wherever they are: a root is named in the draw by its place among the roots, not by
    its path, so a copy of the leak under another mount point draws the same files."""
    members: dict[StratumKey, list[int]] = {}
    root_number: dict[str, int] = {}
    for index, entry in enumerate(entries):
        root_number.setdefault(entry.root, len(root_number))
        members.setdefault(stratum_of(entry), []).append(index)
    size = min(size, len(entries))
    pooled = {key for key, indices in members.items() if size * len(indices) < POOLED_UNDER * len(entries)}
    # File type first, and a type's pooled strata together, so that each type and each pool draws its
    # share to within one file; the root by its place, as in the seed.
    order = sorted(members, key=lambda key: (key[2], key in pooled, root_number[key[0]], key[1]))
    populations = {key: len(members[key]) for key in order}
    start = random.Random(f"{seed}\x00allocation").randrange(len(entries)) if entries else 0
    shares = allocate(populations, size, start)
    for_type = types_left_out(shares, populations)
    strata = []
    for key in sorted(members):
        drawn: tuple[int, ...] = ()
        share = shares[key] + (key in for_type)
        if share:  # seeding a generator per stratum is most of a draw's time; most strata draw none
            generator = random.Random(f"{seed}\x00{root_number[key[0]]}\x00{key[1]}\x00{key[2]}")
            drawn = tuple(generator.sample(members[key], share))
        strata.append(Stratum(key, len(members[key]), drawn, key in for_type, key in pooled))
    return Sample(len(entries), seed, tuple(strata))


def types_left_out(shares: dict[StratumKey, int], populations: dict[StratumKey, int]) -> set[StratumKey]:
    """For each file type (extension, over every root and folder) with no file in `shares`, its largest
    stratum (ties by stratum): where one more file is drawn. Every stratum holds a file (the walk's)."""
    by_type: dict[str, list[StratumKey]] = {}
    for key in populations:
        by_type.setdefault(key[2], []).append(key)
    return {min(keys, key=lambda k: (-populations[k], k)) for keys in by_type.values() if not any(shares[k] for k in keys)}
