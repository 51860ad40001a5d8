"""From the sampled files' records to estimate.json's figures: each figure keyed by its place in
inventory.json (`("categories", "invoices", "documents")`), estimated from what each sampled file
holds. Pure: the records come in, the figures go out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from classifier.estimate.estimators import Interval, chao2, consecutive_units, strata_layout
from classifier.estimate.sample import Sample
from classifier.records import DocumentRecord

Figure = tuple[str, ...]  # a place in inventory.json: ("entities", "EMAIL_ADDRESS", "unique")

# Unique values estimated even when the sample finds none: the questions a responder is asked first.
ALWAYS_UNIQUE = ("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON")
TOTAL_METHOD = "stratified expansion, Fay-Feuer gamma interval"
UNIQUE_METHOD = "Chao2 (finite population, Chao & Lin 2012), log-normal interval, jackknife over files"
COUNTED = "counted in the walk"


@dataclass(frozen=True)
class SampledFile:
    """What one sampled file (with its members) adds to each figure: counts, and for unique figures
    the keyed hashes of its values. No raw values: keyed hashes only."""

    counts: Mapping[Figure, float] = field(default_factory=dict)
    values: Mapping[Figure, frozenset[str]] = field(default_factory=dict)
    people_as_organizations: frozenset[str] = frozenset()


def sampled_file(records: Sequence[DocumentRecord]) -> SampledFile:
    """A file's records (itself, then its members) counted as inventory.py counts them."""
    counts: Counter[Figure] = Counter()
    values: dict[Figure, set[str]] = {}
    people: set[str] = set()
    for record in records:
        counts[("totals", "documents")] += 1
        counts[("totals", "by_status", record.status.value)] += 1
        counts[("file_types", record.mime, "documents")] += 1
        counts[("file_types", record.mime, "bytes")] += record.size
        for category in record.categories:
            counts[("categories", category.id, "documents")] += 1
        findings = record.findings
        for entity_type, tally in findings.entities.items():
            counts[("entities", entity_type, "documents")] += 1
            values.setdefault(("entities", entity_type, "unique"), set()).update(tally.keyed_hashes)
        organisations = values.setdefault(("organizations", "unique"), set())
        if "ORGANIZATION" in findings.entities:
            organisations |= findings.entities["ORGANIZATION"].keyed_hashes
        organisations |= findings.organizations_from_domains
        people |= findings.people_as_organizations
    return SampledFile(dict(counts), {figure: frozenset(v) for figure, v in values.items() if v}, frozenset(people))


@dataclass(frozen=True)
class Estimate:
    figures: dict[Figure, Interval]
    methods: dict[Figure, str]


def estimate_figures(sample: Sample, files: Mapping[int, SampledFile], bytes_in_walk: int,
                     categories: Iterable[str] = ()) -> Estimate:
    """Every figure the sample can speak to, from the sampled files (walk index -> what it holds).
    `categories` are reported even when no sampled document has them (an upper bound, not a zero)."""
    figures: dict[Figure, Interval] = {}
    methods: dict[Figure, str] = {}
    files_in_walk = float(sample.files_in_walk)
    figures[("totals", "files")] = Interval(files_in_walk, files_in_walk, files_in_walk)
    figures[("totals", "bytes")] = Interval(float(bytes_in_walk), float(bytes_in_walk), float(bytes_in_walk))
    methods[("totals", "files")] = methods[("totals", "bytes")] = COUNTED
    totals = {figure for file in files.values() for figure in file.counts}
    totals |= {("totals", "documents")} | {("categories", category, "documents") for category in categories}
    units = [index for stratum in sample.strata for index in stratum.drawn]  # each drawn file, by stratum
    layout = strata_layout({stratum.key: (stratum.population, drawn) for stratum, drawn in
                            zip(sample.strata, consecutive_units(len(s.drawn) for s in sample.strata), strict=True)},
                           lambda key: f"{key[0]}\x00{key[1]}", lambda key: key[2],
                           {stratum.key for stratum in sample.strata if stratum.pooled})
    for figure in sorted(totals):
        figures[figure] = layout.total([files[index].counts.get(figure, 0.0) for index in units])
        methods[figure] = TOTAL_METHOD
    people = frozenset().union(*(file.people_as_organizations for file in files.values()))
    drawn = sample.proportional  # Chao2 assumes equal chances: not the files drawn for their type (sample.py)
    unique = {figure for file in files.values() for figure in file.values}
    unique |= {("entities", entity_type, "unique") for entity_type in ALWAYS_UNIQUE} | {("organizations", "unique")}
    for figure in sorted(unique):
        # Organisations that are a person's name somewhere in the sample are not counted (inventory.py).
        left_out = people if figure == ("organizations", "unique") else frozenset()
        per_file = [files[i].values.get(figure, frozenset()) - left_out for i in drawn]
        interval = chao2(per_file, len(drawn), sample.files_in_walk).interval
        seen = len(frozenset().union(*(files[i].values.get(figure, frozenset()) for i in sample.drawn)) - left_out)
        figures[figure] = Interval(max(interval.estimate, seen), max(interval.low, seen), max(interval.high, seen))
        methods[figure] = UNIQUE_METHOD
    return Estimate(figures, methods)
