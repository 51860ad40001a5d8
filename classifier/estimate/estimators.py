"""The statistics of an estimate from a sample: pure functions over numbers, no files, no catalog.

Two kinds of figure:

- **Totals** (documents per category, status and type; bytes per type): each sampled file is a
  unit with a value (its documents in the category, say), drawn without replacement within its
  stratum. The total is the stratified expansion estimator Σ_h N_h·ȳ_h, its variance
  Σ_h N_h²(1 − n_h/N_h)s_h²/n_h (Cochran, Sampling Techniques, 5.2). Strata whose share of the
  sample is under two files are estimated as one stratum per file type (`grouped_total`); one where
  fewer than two files were drawn has no s_h²: its variance comes from collapsed strata. The 95% interval is
  the Fay–Feuer gamma interval (Fay & Feuer 1997, Stat. Med. 16:791), which treats the estimate as
  a weighted count: it stays inside [0, ∞), is wide when few files carry the figure, and when the
  sample finds nothing it still gives an upper bound of 3.69 times the largest weight (the Garwood
  bound for a count of 0: the rule of three in weighted form) instead of claiming zero.
- **Unique values** (e-mail addresses, phones, people, organisations): they do not scale with the
  sample. The estimator is Chao2 for incidence data in its form for sampling without replacement
  from a finite set of units (Chao & Lin 2012, Biometrics 68:50, eq. 2.4): the files are the units
  and a value's incidence is the number of sampled files that hold it. Values are clustered in
  files (a customer export holds hundreds that occur nowhere else), which the multinomial variance
  of Chao2 ignores; so the variance taken is the larger of that and a delete-a-group jackknife over
  the sampled files (Kott 2001), and the interval is Chao's log-normal one (Chao 1987, Biometrics
  43:783), which never goes below the values seen. Chao2 is a lower bound, so the upper end is at
  least the singleton bound (`singleton_bound`, see `chao2`): without it, leaks of mostly one-file
  values were covered in 60% of runs (benchmarks/estimate_coverage.py, 2,000 files, 10 seeds).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

CONFIDENCE = 0.95
Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)  # 1.96
JACKKNIFE_GROUPS = 20  # delete-a-group jackknife: enough groups for a stable variance, cheap to recompute


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float

    def to_json(self) -> dict[str, float]:
        # Counts are whole: the interval is widened outwards to whole numbers, never narrowed.
        return {"estimate": round(self.estimate), "low": math.floor(self.low), "high": math.ceil(self.high)}


@dataclass(frozen=True)
class StratumValues:
    """One stratum: how many files it has, and one value per drawn file (in draw order)."""

    population: int
    values: tuple[float, ...]


StratumKey = tuple[str, str, str]


def grouped_total(strata: Mapping[StratumKey, StratumValues], group_of: Callable[[StratumKey], str],
                  kind_of: Callable[[StratumKey], str] = lambda _key: "", pooled: Collection[StratumKey] = ()) -> Interval:
    """The stratified expansion estimate of a total, Σ_h N_h·ȳ_h, each stratum with its own weight, and
    its Fay–Feuer 95% interval; the values seen are a floor.

    Strata in `pooled` (those whose share of the sample is under two files, `sample.POOLED_UNDER`) are
    estimated as one stratum per kind: their files had the same chance of being drawn as any other
    (sample.py's allocation), so the mean of those drawn is the kind's rate in them, whatever the size
    of the stratum each came from. Expanding each by its own stratum's weight instead weighted a
    13-file stratum's one file 13 times, a stratum drawn in proportion to its size as well: the sum
    over many small folders leaned to the large strata, and its variance, from thousands of strata of
    one file or none, missed that they all shared one rate (measured on 1,137 folders of 44 files at
    5%: totals.documents covered in 71 of 100 runs, median error 0.1%). Strata are otherwise never
    pooled across kinds: a figure carried by one file type would be smeared over others (measured:
    correspondence at 10,000 files, estimate 557 for 466, covered in 0 of 100 runs when singly drawn
    strata were pooled with the other types of their folder). A stratum (or pool) that cannot speak
    for itself:
    - one file drawn: no variance of its own. The collapsed-strata estimator (Cochran, Sampling
      Techniques, 5A.12) takes it from the spread of such strata's totals within their group (the
      top-level folder), each against its share N_h/N_g of the group's total; a stratum alone even
      then is pooled with the other lone ones, and a last one alone counts its own total as its error;
    - no file drawn: its total is imputed at the per-file rate of the drawn strata of its kind (its
      file type, in other folders), else of its group, else of all drawn strata, with that rate's
      spread as its variance, and its size joins the weights that widen the upper end. The kind
      comes first: what a file holds follows its type far more than its folder (imputing a folder's
      six `.env` files at the folder's rate, PDFs of invoices included, biased invoices upwards by
      17% at 2,000 files and left the interval above the truth in 14 of 100 runs)."""
    units = consecutive_units(len(stratum.values) for stratum in strata.values())
    layout = strata_layout({key: (stratum.population, drawn) for (key, stratum), drawn in zip(strata.items(), units, strict=True)},
                           group_of, kind_of, pooled)
    return layout.total([value for stratum in strata.values() for value in stratum.values])


def consecutive_units(drawn: Iterable[int]) -> list[tuple[int, ...]]:
    """Units 0, 1, ... given to the drawn files of each stratum in turn (`drawn`: how many per stratum)."""
    units: list[tuple[int, ...]] = []
    first = 0
    for count in drawn:
        units.append(tuple(range(first, first + count)))
        first += count
    return units


Source = tuple[str, str]  # where an empty stratum's rate comes from: ("kind", k), ("group", g) or ("all", "")


@dataclass(frozen=True)
class DrawnStratum:
    group: str
    kind: str
    population: int
    units: tuple[int, ...]  # where its drawn files' values are in the values a figure gives


@dataclass(frozen=True)
class StrataLayout:
    """The strata of one sample, sorted and grouped once for every figure estimated from it: which
    strata were drawn, and the source each stratum with no file drawn is imputed from (that depends on
    which strata were drawn, never on a figure's values). A leak of many small folders has thousands
    of strata and an estimate 27 figures (measured: 49,984 files, sorting and grouping them again for
    each figure was 1.0 s of a 14 s estimate)."""

    drawn: tuple[DrawnStratum, ...]  # in key order
    # Strata with no file drawn, by the source of their rate: (source, Σ N_h, Σ N_h², largest N_h).
    empty: tuple[tuple[Source, float, float, float], ...]

    def total(self, values: Sequence[float]) -> Interval:
        """grouped_total's interval for one figure, its drawn files' values given by unit."""
        estimate = variance = observed = 0.0
        largest_weight = 0.0
        singles: dict[str, list[tuple[float, float]]] = {}  # group -> (N_h, t_h) of strata with one file drawn
        # Each drawn stratum's (N_h, ȳ_h, values), and by every source an empty stratum's rate may come from.
        drawn_values = [[values[unit] for unit in stratum.units] for stratum in self.drawn]
        every = [(stratum.population, sum(sampled) / len(sampled), sampled)
                 for stratum, sampled in zip(self.drawn, drawn_values, strict=True)]
        rates: dict[Source, list[tuple[int, float, list[float]]]] = {("all", ""): every}
        # The spread of every drawn file about the per-file rate: what pools with few drawn files borrow.
        _, prior = _rate(every)
        for stratum, (population, mean, sampled) in zip(self.drawn, every, strict=True):
            drawn = len(sampled)
            estimate += population * mean
            observed += sum(sampled)
            rates.setdefault(("group", stratum.group), []).append((population, mean, sampled))
            rates.setdefault(("kind", stratum.kind), []).append((population, mean, sampled))
            if drawn >= population:
                continue  # drawn in full: exact
            largest_weight = max(largest_weight, population / drawn)
            if drawn >= 2:
                spread = sum((v - mean) ** 2 for v in sampled) / (drawn - 1)
                if stratum.group == POOLS:
                    spread = max(spread, ((drawn - 1) * spread + PRIOR_DF * prior) / (drawn - 1 + PRIOR_DF))
                variance += population ** 2 * (1 - drawn / population) * spread / drawn
            else:
                singles.setdefault(stratum.group, []).append((float(population), population * mean))
        lone: list[tuple[float, float]] = []
        for group in sorted(singles):
            collapsed = _collapsed_variance(singles[group]) if len(singles[group]) >= 2 else None
            if group == POOLS:
                # Pools drawn once are of different kinds: their collapsed variance compares unlike files. A
                # pool is also a mix of folders, whose one drawn file speaks for them all; so at least the
                # spread of every drawn file counts for each pool's files as one unit (measured on
                # ../shared/corpora at 5%: correspondence covered in 72 of 100 runs with the collapsed
                # variance alone, its lower end too close).
                as_units = sum(population ** 2 for population, _ in singles[group]) * prior
                variance += max(as_units, collapsed or 0.0)
            elif collapsed is not None:
                variance += collapsed
            if collapsed is None:
                lone.extend(singles[group])
        if len(lone) >= 2:
            variance += _collapsed_variance(lone)
        elif lone:
            variance += lone[0][1] ** 2
        # One rate per source, not per empty stratum (measured: 19,800 files in 450 folders, 3.1 s of a
        # 4.3 s estimate recomputing the same rates).
        for source, files, squares, largest in self.empty:
            rate, spread = _rate(rates[source])
            estimate += files * rate
            variance += squares * spread
            largest_weight = max(largest_weight, largest)
        low, high = gamma_interval(estimate, variance, largest_weight)
        return Interval(estimate, max(low, observed), max(high, estimate))


# A pool's spread from few drawn files is moderated towards the spread of every drawn file as if that
# were this many more files' worth (only ever upwards): two drawn presentations of one document each say
# little about a 38-file pool in which one holds 76 (../shared/corpora at 5%: totals.documents covered in
# 68 of 100 runs with the pool's own spread, 87 moderated; the generated layouts unchanged or higher).
PRIOR_DF = 2
POOLS = "\x01pooled"  # the group of the pools of small strata, one pool per kind


def strata_layout(strata: Mapping[StratumKey, tuple[int, tuple[int, ...]]], group_of: Callable[[StratumKey], str],
                  kind_of: Callable[[StratumKey], str] = lambda _key: "", pooled: Collection[StratumKey] = ()
                  ) -> StrataLayout:
    """The layout of strata given as key -> (files in it, units of its drawn files); the strata in
    `pooled` merged into one per kind, in group POOLS."""
    # A stratum by its key, a pool by its kind (after the strata): -> (group, kind, files, units)
    cells: dict[tuple[bool, tuple[str, ...]], tuple[str, str, int, tuple[int, ...]]] = {}
    for key in sorted(strata):
        population, units = strata[key]
        if key in pooled:
            kind = kind_of(key)
            _, _, files, drawn_units = cells.get((True, (kind,)), (POOLS, kind, 0, ()))
            cells[(True, (kind,))] = (POOLS, kind, files + population, drawn_units + units)
        else:
            cells[(False, key)] = (group_of(key), kind_of(key), population, units)
    drawn: list[DrawnStratum] = []
    empty: dict[str, list[tuple[str, int]]] = {}  # group -> (kind, size) of strata with no file drawn
    for cell in sorted(cells):
        group, kind, population, units = cells[cell]
        if units:
            drawn.append(DrawnStratum(group, kind, population, units))
        elif population:
            empty.setdefault(group, []).append((kind, population))
    kinds = {stratum.kind for stratum in drawn}
    groups = {stratum.group for stratum in drawn}

    def source(group: str, kind: str) -> Source:
        # The kind first, then the group, then everything drawn.
        return ("kind", kind) if kind in kinds else ("group", group) if group in groups else ("all", "")

    imputed: dict[Source, list[int]] = {}
    for group in sorted(empty):
        for kind, population in empty[group]:
            imputed.setdefault(source(group, kind), []).append(population)
    return StrataLayout(tuple(drawn), tuple((source, float(sum(sizes)), float(sum(n * n for n in sizes)), float(max(sizes)))
                                            for source, sizes in sorted(imputed.items())))


def _collapsed_variance(strata: Sequence[tuple[float, float]]) -> float:
    """Σ_h (t_h − (N_h/N_g)·T_g)² · L/(L−1) over L strata of sizes N_h with estimated totals t_h."""
    size = sum(population for population, _ in strata)
    total = sum(t for _, t in strata)
    count = len(strata)
    return count / (count - 1) * sum((t - population / size * total) ** 2 for population, t in strata)


def _rate(strata: Sequence[tuple[int, float, list[float]]]) -> tuple[float, float]:
    """The per-file rate of drawn strata (their expansion over their files) and the per-file spread of
    the drawn values (0 when fewer than two were drawn)."""
    files = sum(population for population, _, _ in strata)
    rate = sum(population * mean for population, mean, _ in strata) / files if files else 0.0
    values = [value for _, _, drawn in strata for value in drawn]
    spread = sum((v - rate) ** 2 for v in values) / (len(values) - 1) if len(values) >= 2 else rate ** 2
    return rate, spread


def chi2_quantile(probability: float, degrees: float) -> float:
    """The chi-square quantile by Wilson & Hilferty's cube-root approximation (1931): the 97.5%
    quantile within 0.6% of the exact one from 2 degrees of freedom up, and within 4% from 5 degrees
    up at 2.5% (checked against scipy). Below that it errs towards 0 (at 2 degrees the 2.5% quantile
    is half the exact one): a lower bound then is only wider. No scipy dependency for one function."""
    if degrees <= 0:
        return 0.0
    z = NormalDist().inv_cdf(probability)
    cube = 1 - 2 / (9 * degrees) + z * math.sqrt(2 / (9 * degrees))
    return degrees * max(cube, 0.0) ** 3


def gamma_interval(estimate: float, variance: float, largest_weight: float) -> tuple[float, float]:
    """Fay & Feuer's interval for a weighted count (their eq. 4, with the largest weight added above)."""
    alpha = 1 - CONFIDENCE
    if largest_weight == 0:
        return estimate, estimate  # every file was drawn: the figure is counted, not estimated
    # No spread in the sample (nothing found, or every drawn file alike) says nothing about the files not
    # drawn: no lower bound but 0 here, and the caller's floor (what the sample itself holds).
    low = (0.0 if estimate <= 0 or variance <= 0
           else variance / (2 * estimate) * chi2_quantile(alpha / 2, 2 * estimate ** 2 / variance))
    upper_estimate = estimate + largest_weight
    upper_variance = variance + largest_weight ** 2
    high = upper_variance / (2 * upper_estimate) * chi2_quantile(1 - alpha / 2, 2 * upper_estimate ** 2 / upper_variance)
    return low, high


@dataclass(frozen=True)
class Richness:
    """Unique values: the estimate with its interval and what it was made from."""

    interval: Interval
    observed: int  # distinct values in the sample
    singletons: int  # Q1: values in exactly one sampled file
    doubletons: int  # Q2: values in exactly two


def unseen_values(singletons: float, doubletons: float, drawn: int, population: int) -> float:
    """Chao & Lin's (2012) lower bound of the values in no sampled file, for n of N files drawn
    without replacement; the bias-corrected form when no value was seen twice."""
    if drawn >= population or singletons <= 0:
        return 0.0
    sampled_fraction = drawn / population
    finite = sampled_fraction / (1 - sampled_fraction) * singletons
    ratio = drawn / (drawn - 1) if drawn > 1 else 1.0
    if doubletons > 0:
        return singletons ** 2 / (ratio * 2 * doubletons + finite)
    return singletons * (singletons - 1) / (ratio * 2 * (doubletons + 1) + finite)


def chao2(file_values: Sequence[Iterable[str]], drawn: int, population: int) -> Richness:
    """Distinct values over all `population` files from the values of the `drawn` sampled files
    (`file_values` holds one set per sampled file, in draw order)."""
    per_file = [frozenset(values) for values in file_values]
    incidence: Counter[str] = Counter(value for values in per_file for value in values)
    observed = len(incidence)
    frequency = Counter(incidence.values())
    q1, q2 = frequency[1], frequency[2]
    unseen = unseen_values(q1, q2, drawn, population)
    if observed == 0:
        # Nothing seen is not "none there": at most about 3.69·N/n files hold any such value (the
        # Garwood bound for a count of 0). How many values each would hold the sample cannot say, so
        # the bound is that of one value per file, and sample.methods says so.
        _, high = gamma_interval(0.0, 0.0, population / drawn if 0 < drawn < population else 0.0)
        return Richness(Interval(0.0, 0.0, high), 0, 0, 0)
    replicates = _group_replicates(per_file, incidence, drawn, population)
    variance = max(_multinomial_variance(q1, q2, drawn, population, observed + unseen),
                   _jackknife_variance([o + unseen_values(a, b, n, big_n) for o, a, b, n, big_n in replicates]))
    if unseen <= 0 or variance <= 0:
        # Too few values seen once or twice for Chao2's interval: a point, and only the bound above.
        low, high = observed + unseen, observed + unseen
    else:
        spread = math.exp(Z * math.sqrt(math.log(1 + variance / unseen ** 2)))
        low, high = observed + unseen / spread, observed + unseen * spread
        # Chao's log-normal interval never reaches the values seen: its lower end is always above them,
        # although a sample can have seen every value (the sample leak at 40%: all 26 phone numbers
        # seen, 14 once; Chao2 says 35, lower end 27.5). Where the normal interval of the unseen reaches
        # 0, the lower end is the values seen: the wider of the two is kept at the bottom.
        if unseen - Z * math.sqrt(variance) <= 0:
            low = float(observed)
    # Chao2 is a lower bound: when most values occur in one file of the whole leak (customer exports
    # each with their own customers) it falls far short. The upper end is therefore at least the
    # singleton bound, which holds for any mix: a value in K files is unseen with probability (1-q)^K
    # and seen once with K·q·(1-q)^(K-1), so E[unseen] <= E[Q1]·(1-q)/q, with equality when every
    # value is in one file only. Its own sampling error is taken from the same jackknife, and at
    # least the Garwood upper bound of Q1 (few singletons, or none).
    bound = singleton_bound(observed, q1, drawn, population)
    bound_spread = math.sqrt(_jackknife_variance([singleton_bound(o, a, n, big_n) for o, a, _, n, big_n in replicates]))
    odds = (population - drawn) / drawn
    garwood = observed + gamma_interval(float(q1), float(q1), 1.0)[1] * odds
    high = max(high, bound + Z * bound_spread, garwood) if drawn < population else high
    return Richness(Interval(observed + unseen, low, high), observed, q1, q2)


def singleton_bound(observed: float, singletons: float, drawn: int, population: int) -> float:
    """The values seen plus each value seen once standing for (N - n)/n unseen ones."""
    return observed + singletons * (population - drawn) / drawn if 0 < drawn < population else observed


def _multinomial_variance(q1: int, q2: int, drawn: int, population: int, richness: float) -> float:
    """Var(f0) by the delta method with Q1, Q2 multinomial given the richness (Chao 1987's derivation)."""
    step = 1e-4 * max(1.0, q1)

    d1 = (unseen_values(q1 + step, q2, drawn, population) - unseen_values(q1 - step, q2, drawn, population)) / (2 * step)
    d2 = (unseen_values(q1, q2 + step, drawn, population) - unseen_values(q1, max(q2 - step, 0.0), drawn, population)) \
        / (q2 + step - max(q2 - step, 0.0))
    return (d1 ** 2 * q1 * (1 - q1 / richness) + d2 ** 2 * q2 * (1 - q2 / richness)
            - 2 * d1 * d2 * q1 * q2 / richness)


def _jackknife_variance(replicates: Sequence[float]) -> float:
    groups = len(replicates)
    if groups < 2:
        return 0.0
    mean = sum(replicates) / groups
    return (groups - 1) / groups * sum((r - mean) ** 2 for r in replicates)


def _group_replicates(per_file: Sequence[frozenset[str]], incidence: Counter[str], drawn: int,
                      population: int) -> list[tuple[int, int, int, int, int]]:
    """Delete-a-group jackknife over the sampled files (dealt to groups in draw order, which is random):
    for each group left out, (values seen, Q1, Q2, files left, population scaled alike) of the rest."""
    groups = min(JACKKNIFE_GROUPS, len(per_file))
    if groups < 2:
        return []
    frequency = Counter(incidence.values())
    replicates = []
    for group in range(groups):
        left_out: Counter[str] = Counter(value for values in per_file[group::groups] for value in values)
        files_left = drawn - len(per_file[group::groups])
        q = {1: frequency[1], 2: frequency[2]}
        observed = len(incidence)
        for value, removed in left_out.items():
            before = incidence[value]
            after = before - removed
            if before in q:
                q[before] -= 1
            if after in q:
                q[after] += 1
            if after == 0:
                observed -= 1
        replicates.append((observed, q[1], q[2], files_left, max(files_left, round(population * files_left / drawn))))
    return replicates
