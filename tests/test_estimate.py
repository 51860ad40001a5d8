"""Estimates from a sample (#22): the draw, the statistics, and `leakcensus estimate` on real trees."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from classifier.cli import main
from classifier.estimate import SampleSize, run_estimate
from classifier.estimate.estimators import StratumValues, chao2, gamma_interval, grouped_total
from classifier.estimate.figures import SampledFile, estimate_figures
from classifier.estimate.sample import allocate, draw_sample, file_type, stratum_of
from classifier.records import FileEntry
from classifier.scan import ScanOptions, run_scan
from classifier.walk import walk_roots
from tests.conftest import TEST_KEY, SampleLeak


def entries(paths: list[str]) -> list[FileEntry]:
    return [FileEntry("r", Path("/r") / path, path, 10, 0) for path in paths]


def test_strata_are_pathlibs_folder_and_suffix_for_any_path() -> None:
    """stratum_of reads paths with string operations; an object key may be any string, so it must agree
    with PurePosixPath's top-level folder and suffix on every path, hostile ones included."""
    import random
    from pathlib import PurePosixPath

    rng = random.Random(5)
    paths = ["a.txt", "hr/Lohn.PDF", "hr/2021/x.tar.gz", ".env", "hr/.env", "a.", "a..b", "//a/b.c", "a//b.c",
             "./a/b.c", "a/./b.c", "a/.", "/a/b.c", "a/b/", "..", "a/../b.c", "ü/ß.Ä", "a/.hidden.txt"]
    paths += ["".join(rng.choice("ab./") for _ in range(rng.randint(1, 9))) for _ in range(5_000)]
    for path in paths:
        parts = PurePosixPath(path).parts
        expected = ("r", parts[0] if len(parts) > 1 else "", file_type(PurePosixPath(path).suffix))
        assert stratum_of(FileEntry("r", Path("/r"), path, 1, 0)) == expected, path
    assert stratum_of(FileEntry("r", Path("/r"), "hr/2021/Lohn.PDF", 1, 0)) == ("r", "hr", ".pdf")


def test_a_suffix_that_names_no_file_type_is_no_stratum_of_its_own() -> None:
    """A mailbox of "<n>.<md5>" files made a file type of each message, and each type gets a file in the
    sample: a 2% sample of ../shared/corpora (4,143 files) drew 2,852."""
    assert [file_type(s) for s in [".PDF", ".xlsx", ".7z", ".mp3", ".c", ".markdown", ".tar", ".eml"]] == \
        [".pdf", ".xlsx", ".7z", ".mp3", ".c", ".markdown", ".tar", ".eml"]
    assert [file_type(s) for s in [".e0dddffe4b7b4a18be1fbb61226a504c", ".20210301", ".2", ".0fbb78", ".docx~",
                                   ".final version", ".ünï", "."]] == [""] * 8
    mailbox = [f"mail/{n:05}.{hashlib.md5(str(n).encode()).hexdigest()}" for n in range(2_000)]
    walk = entries(mailbox + [f"docs/{n}.pdf" for n in range(100)])
    sample = draw_sample(walk, 42, 3)
    assert len(sample.drawn) == 42 and {stratum.key for stratum in sample.strata} == {("r", "mail", ""), ("r", "docs", ".pdf")}


def test_same_seed_same_draw_other_seed_other_draw() -> None:
    walk = entries([f"logs/{i}.log" for i in range(500)] + [f"hr/{i}.pdf" for i in range(20)] + ["top.txt"])
    first, again, other = draw_sample(walk, 26, 7), draw_sample(walk, 26, 7), draw_sample(walk, 26, 8)
    assert first == again and first.drawn != other.drawn
    shares = {stratum.key: len(stratum.drawn) for stratum in first.strata}
    # Proportional: the log folder gets its 25 of 26 (24.95) and no more; hr its one (0.998); the lone file at
    # the top none by its share (0.05, drawn by this seed's rounding: none), and one because no other .txt was
    # drawn (counted in totals, not in Chao2's input).
    assert shares == {("r", "logs", ".log"): 25, ("r", "hr", ".pdf"): 1, ("r", "", ".txt"): 1}
    assert [stratum.key for stratum in first.strata if stratum.for_its_type] == [("r", "", ".txt")]
    assert len(first.drawn) == 27 and len(first.proportional) == 26
    # The same files under another mount point: the same draw (the root's path is not in the seed).
    moved = [replace(entry, root="/mnt/copy/of/r") for entry in walk]
    assert draw_sample(moved, 26, 7).drawn == first.drawn


def test_a_file_type_the_share_leaves_out_is_drawn_and_its_documents_counted() -> None:
    """24 archives of five documents among 2,000 one-document files, spread so that no folder's share reaches
    one: without a drawn archive their strata took their folders' rate (one document) and the interval
    missed the truth in 12 of 100 runs of the coverage benchmark."""
    paths = [f"dept{i % 10}/{i}.pdf" for i in range(1976)] + [f"dept{i % 12}/{i}.zip" for i in range(24)]
    walk = entries(paths)
    documents = {index: 5 if path.endswith(".zip") else 1 for index, path in enumerate(paths)}
    truth = sum(documents.values())
    for seed in range(20):
        sample = draw_sample(walk, 50, seed)
        zips = [i for i in sample.drawn if paths[i].endswith(".zip")]
        assert zips, seed  # always at least one archive opened
        assert set(sample.proportional) <= set(sample.drawn)
        files = {i: SampledFile({("totals", "documents"): float(documents[i])}, {}, frozenset()) for i in sample.drawn}
        total = estimate_figures(sample, files, 0).figures[("totals", "documents")]
        assert total.low <= truth <= total.high, (seed, total)


def test_unique_values_of_files_drawn_for_their_type_raise_the_floor_only() -> None:
    paths = [f"logs/{i}.log" for i in range(99)] + ["x/export.csv"]
    walk = entries(paths)
    sample = draw_sample(walk, 10, 1)
    (csv,) = [i for i in sample.drawn if paths[i].endswith(".csv")]
    assert csv not in sample.proportional
    values = {i: frozenset({f"v{i}"}) for i in sample.drawn} | {csv: frozenset(f"c{n}" for n in range(500))}
    files = {i: SampledFile({}, {("entities", "EMAIL_ADDRESS", "unique"): values[i]}, frozenset()) for i in sample.drawn}
    figure = estimate_figures(sample, files, 0).figures[("entities", "EMAIL_ADDRESS", "unique")]
    # Chao2 over the ten logs (ten singletons) would never see the export's 500; the floor is what was seen.
    assert figure.low >= 510 and figure.estimate >= 510
    # The export's 500 singletons are not extrapolated as if it had had the logs' chance: the logs alone give
    # Chao2's estimate from ten singletons in ten of 99 files.
    logs_only = chao2([values[i] for i in sample.proportional], len(sample.proportional), len(paths)).interval
    assert figure.high == max(logs_only.high, 510)


def test_allocation_gives_every_file_the_same_chance_and_adds_up() -> None:
    populations = {("r", "a", ".pdf"): 3, ("r", "b", ".pdf"): 3, ("r", "c", ".pdf"): 3, ("r", "d", ".txt"): 7,
                   ("r", "e", ".txt"): 1, ("r", "f", ".zip"): 2}
    total, size = sum(populations.values()), 5
    drawn_over_starts = Counter[tuple[str, str, str]]()
    for start in range(total):
        shares = allocate(populations, size, start)
        assert sum(shares.values()) == size
        keys = list(populations)
        for first in range(len(keys)):
            for last in range(first, len(keys)):
                # Any run of consecutive strata (a file type's, when sorted by type) gets its share to within one.
                run = keys[first:last + 1]
                exact = size * sum(populations[k] for k in run) / total
                assert abs(sum(shares[k] for k in run) - exact) < 1, (start, run)
        drawn_over_starts.update(shares)
    # Over the starts, each stratum draws exactly its share: every file has the chance size/total.
    assert {key: drawn_over_starts[key] for key in populations} == {key: size * n for key, n in populations.items()}


def test_many_small_folders_draw_every_file_type_in_proportion() -> None:
    """A share of 300 folders of ten files: no folder's stratum has a share of one file at 2%. Largest
    remainders drew only from the largest strata (the timing leak: 1,000 PDFs of 1,000 files drawn)."""
    paths = [f"f{folder}/{name}" for folder in range(300)
             for name in ["a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf", "a.docx", "b.docx", "c.docx", "m.eml", "t.csv"]]
    for seed in range(5):
        sample = draw_sample(entries(paths), 60, seed)
        assert len(sample.drawn) == 60 and not any(stratum.for_its_type for stratum in sample.strata)
        assert all(stratum.pooled for stratum in sample.strata)
        by_type = Counter(paths[i].rpartition(".")[2] for i in sample.drawn)
        assert by_type == {"pdf": 30, "docx": 18, "eml": 6, "csv": 6}, seed


def test_small_strata_are_estimated_together_at_the_rate_of_their_drawn_files() -> None:
    """100 folders of one empty PDF and 100 of nine PDFs with one invoice each: a folder of nine is drawn
    nine times as often, so weighting its file by its stratum (nine) as well counted 988 invoices for 900."""
    paths = [f"one{i}/x.pdf" for i in range(100)] + [f"nine{i}/{j}.pdf" for i in range(100) for j in range(9)]
    value = {index: 0.0 if path.startswith("one") else 1.0 for index, path in enumerate(paths)}
    covered = 0
    for seed in range(40):
        sample = draw_sample(entries(paths), 50, seed)
        files = {i: SampledFile({("categories", "invoice", "documents"): value[i]}, {}, frozenset()) for i in sample.drawn}
        interval = estimate_figures(sample, files, 0).figures[("categories", "invoice", "documents")]
        assert interval.estimate == pytest.approx(1000 * sum(value[i] for i in sample.drawn) / 50)
        covered += interval.low <= 900 <= interval.high
    assert covered >= 36


def test_sample_size_parses_percent_and_files() -> None:
    assert SampleSize.parse("2%").of(1000) == 20 and SampleSize.parse("2%").of(10) == 2
    assert SampleSize.parse("500").of(300) == 300 and str(SampleSize.parse("2.5%")) == "2.5%"
    with pytest.raises(ValueError):
        SampleSize.parse("0%")


def test_a_stratum_with_no_file_drawn_is_imputed_not_dropped() -> None:
    strata = {("r", "a", ".log"): StratumValues(90, (1.0, 1.0, 0.0)), ("r", "a", ".pdf"): StratumValues(6, (1.0,)),
              ("r", "a", ".doc"): StratumValues(4, (0.0,)), ("r", "b", ".txt"): StratumValues(3, ()),
              ("r", "c", ".txt"): StratumValues(2, (1.0,)), ("r", "c", ".csv"): StratumValues(5, (0.0,))}
    total = grouped_total(strata, lambda key: key[1])
    # Each drawn stratum expands with its own weight; b's stratum, with no file drawn and no drawn
    # neighbour in its folder, is imputed at the rate of every drawn stratum (68 of 107 files).
    drawn = 90 * 2 / 3 + 6 * 1 + 4 * 0 + 2 * 1 + 5 * 0
    assert total.estimate == pytest.approx(drawn + 3 * drawn / 107)
    assert total.low <= total.estimate <= total.high
    # Singly drawn strata of different sizes are not averaged into one mean: a folder of 13 e-mails (one
    # drawn, all correspondence) beside 2 PDFs (one drawn) is 13 correspondence documents, not 7.5.
    folder = {("r", "d", ".eml"): StratumValues(13, (1.0,)), ("r", "d", ".pdf"): StratumValues(2, (0.0,))}
    assert grouped_total(folder, lambda key: key[1]).estimate == pytest.approx(13)


def test_pools_drawn_once_take_at_least_the_spread_of_every_drawn_file() -> None:
    """Two pools of ten small-folder files of other types, one file drawn from each, both holding a letter,
    beside a mailbox whose drawn messages are letters or not: the pools' collapsed variance is 0 (alike
    totals), and ../shared/corpora's correspondence at 5% was covered in 72 of 100 runs with it alone."""
    mail = (1.0,) * 90 + (0.0,) * 10
    strata = {("r", "mail", ""): StratumValues(2000, mail), ("r", "a", ".txt"): StratumValues(10, (1.0,)),
              ("r", "b", ".rtf"): StratumValues(10, (1.0,))}
    pooled = {("r", "a", ".txt"), ("r", "b", ".rtf")}
    total = grouped_total(strata, lambda key: key[1], lambda key: key[2], pooled)
    assert total.estimate == pytest.approx(2000 * 0.9 + 10 + 10)
    every, rate = [*mail, 1.0, 1.0], (2000 * 0.9 + 10 + 10) / 2020  # every drawn value, and the per-file rate
    spread = sum((v - rate) ** 2 for v in every) / (len(every) - 1)
    mailbox = 2000 ** 2 * (1 - 100 / 2000) * (sum((v - 0.9) ** 2 for v in mail) / 99) / 100
    low, high = gamma_interval(total.estimate, mailbox + (10 ** 2 + 10 ** 2) * spread, 20.0)
    assert total.low == pytest.approx(low) and total.high == pytest.approx(high)
    # Without the pools' share the lower end would be the mailbox's alone: closer to the estimate.
    assert total.low < gamma_interval(total.estimate, mailbox, 20.0)[0]


def test_a_pool_with_few_drawn_files_borrows_the_spread_of_every_drawn_file() -> None:
    """Two of 38 presentations drawn, one document each, beside a mailbox whose messages hold one to three:
    the pool's own spread is 0, although one presentation of ../shared/corpora holds 76 documents."""
    mail = (1.0,) * 80 + (2.0,) * 15 + (3.0,) * 5
    strata = {("r", "mail", ""): StratumValues(2000, mail), ("r", "a", ".pptx"): StratumValues(38, (1.0, 1.0))}
    total = grouped_total(strata, lambda key: key[1], lambda key: key[2], {("r", "a", ".pptx")})
    rate = (2000 * 1.25 + 38 * 1.0) / 2038
    prior = sum((v - rate) ** 2 for v in [*mail, 1.0, 1.0]) / 101
    mailbox = 2000 ** 2 * (1 - 100 / 2000) * (sum((v - 1.25) ** 2 for v in mail) / 99) / 100
    pool = 38 ** 2 * (1 - 2 / 38) * (2 * prior / 3) / 2  # (1·0 + 2·prior) / (1 + 2): moderated
    low, high = gamma_interval(total.estimate, mailbox + pool, 20.0)
    assert total.low == pytest.approx(low) and total.high == pytest.approx(high)
    # A pool drawn widely keeps its own spread when that is the larger.
    spread_out = {**strata, ("r", "a", ".pptx"): StratumValues(38, (0.0, 9.0, 0.0, 9.0))}
    wide = grouped_total(spread_out, lambda key: key[1], lambda key: key[2], {("r", "a", ".pptx")})
    own = 38 ** 2 * (1 - 4 / 38) * 27.0 / 4  # values 0, 9, 0, 9: spread 27, far above the mailbox's
    low, high = gamma_interval(wide.estimate, mailbox + own, 20.0)
    assert wide.low == pytest.approx(low) and wide.high == pytest.approx(high)


def test_nothing_found_is_an_upper_bound_not_a_zero() -> None:
    total = grouped_total({("r", "", ".txt"): StratumValues(1000, (0.0,) * 50)}, lambda key: key[1])
    assert (total.estimate, total.low) == (0.0, 0.0)
    # The Garwood bound for a count of 0 (3.69) times the weight (1000/50): the rule of three, weighted.
    assert total.high == pytest.approx(3.69 * 20, rel=0.01)
    richness = chao2([frozenset()] * 50, 50, 1000)
    assert richness.interval.estimate == 0 and richness.interval.high == pytest.approx(73.8, rel=0.01)


def test_chao2_on_a_known_incidence() -> None:
    # 100 of 1,000 files: 30 values seen once, 10 twice, 5 in three files.
    files = [frozenset({f"once{i}"}) for i in range(30)] + [frozenset({f"twice{i % 10}"}) for i in range(20)]
    files += [frozenset({f"thrice{i % 5}"}) for i in range(15)] + [frozenset()] * 35
    richness = chao2(files, 100, 1000)
    unseen = 30 ** 2 / (100 / 99 * 2 * 10 + (0.1 / 0.9) * 30)
    assert (richness.observed, richness.singletons, richness.doubletons) == (45, 30, 10)
    assert richness.interval.estimate == pytest.approx(45 + unseen)
    assert 45 < richness.interval.low < richness.interval.estimate < richness.interval.high


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resources.files("classifier").joinpath("schemas", "estimate.schema.json").read_text("utf-8"))
    return loaded


@pytest.fixture
def no_mail_tree(tmp_path: Path) -> Path:
    """Forty notes without an address or a number in them, in two folders, beside an empty one."""
    root = tmp_path / "share"
    for folder, count in (("notes", 30), ("minutes", 10)):
        (root / folder).mkdir(parents=True)
        for i in range(count):
            (root / folder / f"{i}.txt").write_text(f"Remember to water the plants on the balcony, item {i}.\n", "utf-8")
    (root / "empty").mkdir()
    return root


def test_cli_estimate_of_a_tree_without_mail_says_how_many_there_could_be(no_mail_tree: Path, tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "est"
    result = CliRunner().invoke(main, ["estimate", str(no_mail_tree), "--out", str(out), "--sample", "10%",
                                       "--seed", "3", "--key-file", str(key), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "sample: 4 of 40 files (seed 3)" in result.output
    written = json.loads((out / "estimate.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(written)
    emails = written["entities"]["EMAIL_ADDRESS"]["unique"]
    # No address in 4 of 40 files: not "none", but at most 3.69 x 10 files' worth.
    assert emails == {"estimate": 0, "low": 0, "high": 37}
    assert written["totals"]["files"] == {"estimate": 40, "low": 40, "high": 40}
    assert written["totals"]["documents"]["estimate"] == 40
    assert written["sample"]["files_drawn"] == 4 and written["sample"]["strata"] == 2  # the empty folder has no files
    assert written["sample"]["methods"]["entities.EMAIL_ADDRESS.unique"].startswith("Chao2")
    # The page people read says the same, figure by figure, with the sample it rests on.
    page = (out / "estimate.html").read_text("utf-8")
    assert "Estimated from 4 of 40 files (a 10% sample, seed 3" in page
    assert ("<tr data-figure='entities.EMAIL_ADDRESS.unique'><td>unique EMAIL_ADDRESS</td>"
            "<td class='num'>≈ 0 (95% CI 0–37)</td>") in page
    assert "<td>files</td><td class='num'>40 (counted)</td>" in page
    assert "What the intervals do not cover" in page


def test_cli_estimate_refuses_a_bad_sample(no_mail_tree: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["estimate", str(no_mail_tree), "--out", str(tmp_path / "o"), "--sample", "lots"])
    assert result.exit_code == 2 and "--sample takes a percentage" in result.output


def inside(figure: dict[str, int], value: int) -> bool:
    return figure["low"] <= value <= figure["high"]


def test_estimate_of_the_sample_leak_covers_the_full_scan_and_the_scan_reuses_it(sample_leak: SampleLeak,
                                                                                 tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    catalog = tmp_path / "shared.sqlite"

    def estimate(out: Path) -> bytes:
        options = ScanOptions(roots=(sample_leak.root,), out_dir=out, workers=1, key_file=key, isolate=False,
                              catalog_path=catalog)
        run_estimate(options, SampleSize.parse("40%"), 11)
        return (out / "estimate.json").read_bytes()

    first = estimate(tmp_path / "a")
    assert estimate(tmp_path / "b") == first  # same seed, same files: the same bytes
    written_bytes = b"".join(path.read_bytes() for path in (tmp_path / "a").iterdir() if path.is_file())
    for canary in sample_leak.truth["canaries"]:  # figures only: no value the leak holds
        assert canary.encode() not in written_bytes, canary
    written = json.loads(first)
    jsonschema.Draft202012Validator(schema()).validate(written)
    drawn = written["sample"]["files_drawn"]
    # 40% by the proportional share, then one file of each type that share left without one.
    in_walk = written["sample"]["files_in_walk"]
    sample = draw_sample(list(walk_roots([sample_leak.root], Counter())), SampleSize.parse("40%").of(in_walk), 11)
    assert len(sample.proportional) == -(-in_walk * 40 // 100)
    assert drawn == len(sample.drawn) > len(sample.proportional)

    full = run_scan(ScanOptions(roots=(sample_leak.root,), out_dir=tmp_path / "a", workers=1, key_file=key,
                                isolate=False, catalog_path=catalog)).inventory
    assert full["scan"]["files_unchanged"] == drawn  # the sample's analyses were reused
    assert full["scan"]["files_analysed"] + full["scan"]["files_copied"] == full["totals"]["files"] - drawn
    assert written["totals"]["files"]["estimate"] == full["totals"]["files"]
    assert written["totals"]["bytes"]["estimate"] == full["totals"]["bytes"]
    assert inside(written["totals"]["documents"], full["totals"]["documents"])
    missed = [name for name, counts in full["categories"].items() if not inside(written["categories"][name]["documents"],
                                                                               counts["documents"])]
    assert len(missed) <= 1, missed  # 95% intervals: one miss in a dozen categories is chance, two is not
    for entity_type in ("EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER"):
        assert inside(written["entities"][entity_type]["unique"], full["entities"][entity_type]["unique"]), entity_type
    assert inside(written["organizations"]["unique"], full["organizations"]["unique"])
    # The census's report shows the estimate made before it, figure by figure, with the census count.
    report = (tmp_path / "a" / "report.html").read_text("utf-8")
    assert "<h2>The estimate made before this census</h2>" in report
    rows = dict(re.findall(r"<tr data-figure='([^']+)'><td>[^<]*</td><td class='num'>[^<]*</td>"
                           r"<td class='num'>([\d,]+)</td><td>(?:inside|<strong>outside</strong>)</td></tr>", report))
    assert rows["totals.documents"] == f"{full['totals']['documents']:,}"
    assert rows["entities.EMAIL_ADDRESS.unique"] == f"{full['entities']['EMAIL_ADDRESS']['unique']:,}"
    assert {path.split(".")[1] for path in rows if path.startswith("categories.")} == set(full["categories"])
    outside = len(re.findall(r"<strong>outside</strong>", report))
    assert f"{len(rows) - outside} of {len(rows)} counts of this census lie inside" in report
    for canary in sample_leak.truth["canaries"]:
        assert canary not in report
