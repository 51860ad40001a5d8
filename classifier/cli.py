"""The command line: parse arguments, call scan or report, print. Nothing else lives here."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import click

from classifier.buckets import SCHEMES, Bucket, is_bucket_url, parse_bucket_url
from classifier.errors import RunError
from classifier.limits import Limits
from classifier.outputs import documents_jsonl, report_html, violations_jsonl
from classifier.outputs.derived import rerender
from classifier.outputs.documents_parquet import require_parquet
from classifier.outputs.inventory_json import InventoryJson
from classifier.path_filter import path_filter
from classifier.policy import Policy, exit_status, fail_on_found, load_policy, parse_fail_on
from classifier.progress import progress_for
from classifier.report.headline import Figure, headline_of_scan, summary_lines
from classifier.scan import DEFAULT_SPACY_MODEL, ScanOptions, run_scan
from classifier.scan.merge import merge_scans
from classifier.version import __version__

# Exit statuses (documented in `leakcensus scan --help` and the README).
EXIT_ERROR = 2
EXIT_POLICY_VIOLATED = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


MAX_TIMEOUT_S = 7 * 24 * 3600.0  # a week: larger values only disable the limit by accident


def _finite(value: float, option: str) -> float:
    if value != value:  # NaN passes every range comparison
        raise click.BadParameter("must be a number of seconds", param_hint=option)
    return value


def fail(message: str) -> None:
    click.echo(f"leakcensus: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


# Bucket roots' options, shared by scan and estimate.
ENDPOINT_URL = click.option(
    "--endpoint-url", "endpoint_urls", multiple=True, metavar="[s3=|az=]URL",
    help="Service for bucket roots: an S3-compatible endpoint, or an Azure blob service URL (e.g. Azurite's "
         "http://127.0.0.1:10000/devstoreaccount1); prefix with s3= or az= when both kinds are scanned.")
ANONYMOUS = click.option(
    "--anonymous", is_flag=True,
    help="Read bucket roots without credentials, as anyone could (default: credentials from the environment "
         "when there are any, else anonymous).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="leakcensus")
def main() -> None:
    """Count what kind of data leaked, and how much of it, without keeping any of it."""


@main.command()
@click.argument("roots", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Directory for inventory.json, documents.jsonl and report.html.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores).")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False),
              help="Secret key for keyed hashes (default: scan.key in the state directory, created on first use).")
@click.option("--state", "state_dir", type=click.Path(path_type=Path, file_okay=False),
              help="State directory for the key and catalog, kept out of --out (default: one per --out under "
                   "$LEAKCENSUS_STATE_HOME, $XDG_STATE_HOME/leakcensus or ~/.local/state/leakcensus).")
@click.option("--plain-hashes", is_flag=True,
              help="Also write each document's plain SHA-256 (for matching known-file hash lists). Off by default: "
                   "a plain hash of a small file can be reversed by guessing its content.")
@click.option("--plain-names", is_flag=True,
              help="Write file and member names as they are, without masking the people, numbers and addresses "
                   "found in them. Off by default: such outputs are for internal use, not for sharing.")
@click.option("--spacy-model", default=DEFAULT_SPACY_MODEL, show_default=True,
              help="Name or path of an installed spaCy pipeline for names, organisations and places.")
@click.option("--ner-model", "ner_model_specs", multiple=True, metavar="LANG=NAME",
              help="spaCy pipeline (name or path) for text in language LANG, e.g. de=de_core_news_md; repeatable. "
                   "Defaults: en from --spacy-model, fr fr_core_news_sm, de and es packaged.")
@click.option("--max-file-mb", type=click.IntRange(min=1), default=512, show_default=True,
              help="Files larger than this are recorded as too_large without analysis.")
@click.option("--list-organizations", is_flag=True,
              help="Also write OUT/organizations.csv naming each affected organisation (domain or name) with its "
                   "counts. Off by default: organisation names identify customers.")
@click.option("--json", "as_json", is_flag=True, help="Print the inventory totals as JSON on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display (it is shown only on a terminal anyway).")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1, max=MAX_TIMEOUT_S), default=300, show_default=True,
              callback=lambda _ctx, _param, value: _finite(value, "--timeout"),
              help="Seconds one file (with its members) may take; past it the file is recorded as timeout.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:PORT",
              help="Analyse on this Dask scheduler's workers (they need leakcensus installed and the roots mounted).")
@click.option("--worker-memory-mb", type=click.IntRange(min=512), default=4096, show_default=True,
              help="Address-space cap per worker process; a parse that needs more is recorded as error.")
@click.option("--policy", "policy_file", type=click.Path(path_type=Path, dir_okay=False),
              help="DLP policy (YAML): violations go to OUT/violations.jsonl and the exit status is 3.")
@click.option("--parquet", is_flag=True, help="Also write OUT/documents.parquet (needs pyarrow: leakcensus[parquet]).")
@click.option("--baseline", "baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Accepted findings (written by --write-baseline): violations not in it are marked new_since_baseline, "
                   "and only new ones make the exit status 3.")
@click.option("--write-baseline", "write_baseline", type=click.Path(path_type=Path, dir_okay=False),
              help="Write this run's violations to this file as accepted findings, for --baseline on later runs.")
@click.option("--include", "include", multiple=True, metavar="GLOB",
              help="Scan only files matching GLOB (a name, e.g. '*.pdf', or a path from the root, e.g. 'hr/*'); repeatable.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Leave out files and directories matching GLOB ('*.log', 'node_modules', 'cache/'); repeatable. "
                   "Passed-over files are counted in inventory.json's skipped.")
@click.option("--ignore-file", type=click.Path(path_type=Path, dir_okay=False),
              help="Exclude patterns from a file, one per line ('#' comments).")
@click.option("--retry-failed", is_flag=True,
              help="Analyse again the files an earlier run recorded as timeout or error (e.g. with a larger --timeout); "
                   "otherwise an unchanged file keeps its recorded outcome.")
@click.option("--verify-unchanged", is_flag=True,
              help="Hash every file again to confirm it unchanged, even when its size, mtime, inode change time "
                   "and inode are as recorded (a rescan otherwise reads no byte of such a file).")
@click.option("--fail-on", "fail_on", multiple=True, metavar="TYPE|CATEGORY",
              help="Exit 3 when the scan finds any value of this entity type (e.g. SECRET) or any document of this "
                   "category (e.g. credentials); repeatable. For nightly jobs that must turn red.")
@ENDPOINT_URL
@ANONYMOUS
@click.option("--no-ocr", "no_ocr", is_flag=True,
              help="Do not read pictures of text (images, scanned PDF pages) with Tesseract: they are recorded "
                   "as images, unread. OCR costs about a second a page.")
@click.option("--catalog", "catalog_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Catalog of analysed files (default: catalog.sqlite in the state directory); give the same one to every run "
                   "over the same roots (e.g. a new --out each night) so that only changed files are analysed.")
def scan(roots: tuple[str, ...], out_dir: Path, workers: int | None, key_file: Path | None, spacy_model: str,
         ner_model_specs: tuple[str, ...], max_file_mb: int, list_organizations: bool, as_json: bool, quiet: bool, timeout_s: float,
         dask_address: str | None, worker_memory_mb: int, policy_file: Path | None, parquet: bool,
         catalog_path: Path | None, state_dir: Path | None, plain_hashes: bool, plain_names: bool,
         fail_on: tuple[str, ...], baseline: Path | None, write_baseline: Path | None, retry_failed: bool,
         verify_unchanged: bool,
         include: tuple[str, ...], exclude: tuple[str, ...], ignore_file: Path | None,
         endpoint_urls: tuple[str, ...], anonymous: bool, no_ocr: bool) -> None:
    """Scan ROOT... (directories, files, s3://BUCKET/PREFIX or az://CONTAINER/PREFIX) and write the
    inventory to --out.

    Writes inventory.json, documents.jsonl, documents.csv and report.html to --out, and the key
    and catalog to a state directory outside it (a rescan with the same --out only analyses what
    changed; a killed scan resumes).

    \b
    Exit status:
      0  scan finished (and no policy rule violated)
      2  the scan could not run (bad root, output dir, key, model or policy file)
      3  scan finished and --policy found violations (see OUT/violations.jsonl),
         or it found what --fail-on names

    \b
    Examples:
      leakcensus scan /mnt/leak --out census/
      leakcensus scan share1 share2 --out census/ --workers 4 --key-file ~/.leakcensus.key
      leakcensus scan az://exposed-container --out census/ --anonymous --endpoint-url https://ACCOUNT.blob.core.windows.net
      leakcensus scan s3://bucket/exports --out census/ --endpoint-url https://minio.internal:9000
      leakcensus scan /srv/share --out nightly/ --policy dlp.yaml --quiet --json
    """
    policy: Policy | None = None
    ner_models = []
    for spec in ner_model_specs:
        language, _, name = spec.partition("=")
        if not re.fullmatch(r"[a-z]{2,3}", language) or not name:
            fail(f"--ner-model takes LANG=NAME (e.g. de=de_core_news_md), not '{spec}'")
            return
        ner_models.append((language, name))
    try:
        fail_on = parse_fail_on(fail_on)
        chosen = path_filter(include, exclude, ignore_file)
        if (baseline or write_baseline) and policy_file is None:
            fail("--baseline and --write-baseline need --policy")
            return
        if policy_file is not None:
            policy = load_policy(policy_file)
        if parquet:
            require_parquet()
        scan_roots = parse_roots(roots, endpoint_urls, anonymous)
    except RunError as exc:
        fail(str(exc))
        return
    options = ScanOptions(
        roots=scan_roots,
        out_dir=out_dir,
        workers=workers or os.cpu_count() or 1,
        key_file=key_file,
        spacy_model=spacy_model,
        ner_models=tuple(ner_models),
        limits=Limits(max_file_bytes=max_file_mb * 1024 * 1024),
        list_organizations=list_organizations,
        timeout_s=timeout_s,
        dask_address=dask_address,
        worker_memory_bytes=worker_memory_mb * 1024 * 1024,
        policy=policy,
        parquet=parquet,
        catalog_path=catalog_path,
        state_dir=state_dir,
        plain_hashes=plain_hashes,
        plain_names=plain_names,
        baseline=baseline,
        write_baseline=write_baseline,
        retry_failed=retry_failed,
        verify_unchanged=verify_unchanged,
        chosen=chosen,
        ocr=not no_ocr,
    )
    try:
        result = run_scan(options, progress_for(quiet or as_json))
    except RunError as exc:
        fail(str(exc))
        return
    except KeyboardInterrupt:
        # Every analysed file is already in the catalog: the same command goes on from there.
        click.echo("leakcensus: interrupted; run the same command to resume", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:  # a full disk, a vanished output directory: one line, not a traceback
        fail(f"cannot write the outputs: {exc.strerror or type(exc).__name__}")
        return
    for note in result.notes:
        click.echo(f"leakcensus: {note}", err=True)
    inventory = result.inventory
    if as_json:
        figures = list(result.headline)
        totals: dict[str, object] = {"headline": [figure.to_json() for figure in figures], "totals": inventory["totals"],
                                     "entities": inventory["entities"], "organizations": inventory["organizations"]}
        if policy is not None:
            totals["violations"] = len(result.violations)
            if baseline is not None:
                totals["new_violations"] = sum(bool(v.new_since_baseline) for v in result.violations)
        click.echo(json.dumps(totals, indent=2))
    else:
        click.echo(summary(inventory, result.out_dir, result.headline))
        click.echo(f"report: {report_html.path_in(result.out_dir)}")
        if policy is not None:
            new = (f" ({sum(bool(v.new_since_baseline) for v in result.violations)} new since the baseline)"
                   if baseline is not None else "")
            click.echo(f"policy: {len(result.violations)} violation(s){new} in {violations_jsonl.path_in(result.out_dir)}")
    failed_on = fail_on_found(inventory, fail_on)
    if failed_on:
        click.echo("fail-on: " + ", ".join(f"{name} {count:,}" for name, count in failed_on.items()), err=True)
    if failed_on or (policy is not None and exit_status(result.violations)):
        sys.exit(EXIT_POLICY_VIOLATED)


def parse_roots(roots: tuple[str, ...], endpoint_urls: tuple[str, ...], anonymous: bool) -> tuple[Path | Bucket, ...]:
    """Folders and files as paths; bucket URLs with the endpoint given for their kind."""
    endpoints: dict[str, str] = {}
    for spec in endpoint_urls:
        kind, separator, url = spec.partition("=")
        if separator and kind in SCHEMES:
            endpoints[kind] = url
        else:
            endpoints.setdefault("s3", spec)
            endpoints.setdefault("az", spec)
    parsed: list[Path | Bucket] = []
    for root in roots:
        if is_bucket_url(root):
            scheme = root.partition("://")[0].lower()
            parsed.append(parse_bucket_url(root, endpoints.get(scheme), True if anonymous else None))
        else:
            parsed.append(Path(root))
    return tuple(parsed)


def summary(inventory: InventoryJson, out_dir: Path, figures: Iterable[Figure] = ()) -> str:
    """Sensitive figures first (#19), then people and contacts, files and statuses. `figures` are the
    headline's, when the report's rendering made them; otherwise they are read from documents.jsonl."""
    totals = inventory["totals"]
    lines = summary_lines(list(figures) or headline_of_scan(inventory, documents_jsonl.read(out_dir)))
    lines[2:2] = [
        f"files: {totals['files']}  documents: {totals['documents']}  unique documents: {totals['unique_documents']}"
        + (f"  read by OCR: {totals['ocr_documents']}" if totals.get("ocr_documents") else ""),
        "status: " + ", ".join(f"{k} {v}" for k, v in totals["by_status"].items()),
    ]
    return "\n".join(lines)


@main.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Directory of an earlier scan.")
@click.option("--parquet", is_flag=True, help="Also write OUT/documents.parquet (needs pyarrow: leakcensus[parquet]).")
def report(out_dir: Path, parquet: bool) -> None:
    """Re-render report.html and documents.csv from an existing scan, without rescanning.

    Reads OUT/inventory.json and OUT/documents.jsonl only.

    \b
    Examples:
      leakcensus report --out census/
      leakcensus report --out census/ --parquet
    """
    try:
        report_path = rerender(out_dir, parquet)
    except RunError as exc:
        fail(str(exc))
        return
    except (OSError, ValueError) as exc:
        fail(f"cannot read the scan in {out_dir}: {type(exc).__name__}")
        return
    click.echo(f"report: {report_path}")


@main.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Directory of an earlier scan (its catalog in the state directory is searched).")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False),
              help="The scan's key (default: scan.key in the scan's state directory).")
@click.option("--state", "state_dir", type=click.Path(path_type=Path, file_okay=False),
              help="The scan's state directory when it was given --state.")
@click.option("--email", help="An email address.")
@click.option("--phone", help="A phone number; without +CC it is read in --region.")
@click.option("--name", help="A person's name (any order of 'Last, First' or 'First Last').")
@click.option("--organization", help="An organisation's name.")
@click.option("--region", default="US", show_default=True, help="Region for phone numbers written without +CC.")
@click.option("--catalog", "catalog_path", type=click.Path(path_type=Path, dir_okay=False),
              help="The scan's catalog when it was given --catalog (default: in the state directory).")
def lookup(out_dir: Path, key_file: Path | None, state_dir: Path | None, email: str | None, phone: str | None,
           name: str | None, organization: str | None, region: str, catalog_path: Path | None) -> None:
    """Was this value in the leak? Lists the documents (path and categories) that mention it.

    The query is normalised and keyed exactly as the scan did; nothing raw was stored.
    Exit status: 0 when found, 1 when not found, 2 on errors.

    \b
    Examples:
      leakcensus lookup --out census/ --email ann.lee@contoso.com
      leakcensus lookup --out census/ --phone "(425) 555-0143" --region US
      leakcensus lookup --out census/ --name "Lee, Ann" --key-file ~/.leakcensus.key
    """
    queries = [(t, v) for t, v in (("EMAIL_ADDRESS", email), ("PHONE_NUMBER", phone), ("PERSON", name),
                                   ("ORGANIZATION", organization)) if v]
    if len(queries) != 1:
        fail("give exactly one of --email, --phone, --name, --organization")
        return
    entity_type, value = queries[0]
    # Imported here: its domain splitter loads tldextract (and requests), ~0.1 s every other command would pay.
    from classifier.lookup import lookup_in_scan

    try:
        hits = lookup_in_scan(out_dir, entity_type, value, region, state_dir=state_dir, key_file=key_file,
                              catalog_path=catalog_path)
    except RunError as exc:
        fail(str(exc))
        return
    if not hits:
        click.echo("not found")
        sys.exit(1)
    for hit in hits:
        # An object of a bucket root is named by its URL; a file by its path under its root, as in the outputs.
        shown = f"{hit.root}/{hit.path}" if is_bucket_url(hit.root) else hit.path
        click.echo(f"{shown}\t{','.join(hit.categories) or '-'}")


@main.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Directory for the merged inventory.json, documents.jsonl and report.html.")
def merge(parts: tuple[Path, ...], out_dir: Path) -> None:
    """Merge separate scans (made with the same key) into one inventory, as if scanned together.

    \b
    Example:
      leakcensus merge census-share1/ census-share2/ --out census-all/
    """
    try:
        inventory = merge_scans(list(parts), out_dir)
    except RunError as exc:
        fail(str(exc))
        return
    click.echo(summary(inventory, out_dir))
    click.echo(f"report: {report_html.path_in(out_dir)}")


@main.command()
@click.argument("roots", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Directory for estimate.json (a later scan into it reuses the sample's analyses).")
@click.option("--sample", "sample_spec", required=True, metavar="PCT%|N",
              help="How many files to analyse: a percentage of the files in the walk (2%) or a number (500).")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Seed of the random draw: the same seed over the same files draws the same sample.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False),
              help="Secret key for keyed hashes (default: scan.key in the state directory, created on first use).")
@click.option("--state", "state_dir", type=click.Path(path_type=Path, file_okay=False),
              help="State directory for the key and catalog (as for scan).")
@click.option("--catalog", "catalog_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Catalog of analysed files (as for scan).")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.option("--no-ocr", "no_ocr", is_flag=True, help="Do not read pictures of text (as for scan).")
@ENDPOINT_URL
@ANONYMOUS
def estimate(roots: tuple[str, ...], out_dir: Path, sample_spec: str, seed: int, workers: int | None,
             key_file: Path | None, state_dir: Path | None, catalog_path: Path | None, quiet: bool, no_ocr: bool,
             endpoint_urls: tuple[str, ...], anonymous: bool) -> None:
    """Estimate what a scan of ROOT... (directories, files, s3:// or az:// roots) would find from a random
    sample of its files, with 95% intervals.

    Files are drawn at random within each top-level folder and file type, analysed as a scan
    analyses them, and the figures (documents per category, status and type; unique e-mail
    addresses, phones, people, organisations) extrapolated to all files. Writes OUT/estimate.json and OUT/estimate.html.

    \b
    Examples:
      leakcensus estimate /mnt/leak --out census/ --sample 2%
      leakcensus estimate /mnt/leak --out census/ --sample 500 --seed 7
      leakcensus estimate az://leaked --out census/ --sample 1% --anonymous --endpoint-url https://ACCOUNT.blob.core.windows.net
    """
    from classifier.estimate import SampleSize, SampleSizeError, run_estimate

    try:
        size = SampleSize.parse(sample_spec)
        options = ScanOptions(roots=parse_roots(roots, endpoint_urls, anonymous), out_dir=out_dir, workers=workers or os.cpu_count() or 1,
                              key_file=key_file, state_dir=state_dir, catalog_path=catalog_path, ocr=not no_ocr)
        result = run_estimate(options, size, seed, progress_for(quiet))
    except (SampleSizeError, RunError) as exc:
        fail(str(exc))
        return
    except KeyboardInterrupt:
        click.echo("leakcensus: interrupted; the files analysed so far are kept", err=True)
        sys.exit(EXIT_INTERRUPTED)
    for note in result.notes:
        click.echo(f"leakcensus: {note}", err=True)
    click.echo(estimate_summary(result.written))
    click.echo(f"estimate: {result.out_dir / 'estimate.json'}  page: {result.out_dir / 'estimate.html'}")


def estimate_summary(written: Mapping[str, Any]) -> str:
    """The headline figures as ≈ x (95% CI low–high)."""
    def shown(figure: Mapping[str, int]) -> str:
        return f"≈ {figure['estimate']:,} (95% CI {figure['low']:,}–{figure['high']:,})"

    sample = written["sample"]
    lines = [f"sample: {sample['files_drawn']:,} of {sample['files_in_walk']:,} files (seed {sample['seed']})",
             f"documents: {shown(written['totals']['documents'])}"]
    lines += [f"{label}: {shown(written['entities'][entity_type]['unique'])}"
              for label, entity_type in (("people", "PERSON"), ("e-mail addresses", "EMAIL_ADDRESS"),
                                         ("phone numbers", "PHONE_NUMBER")) if entity_type in written["entities"]]
    lines.append(f"organisations: {shown(written['organizations']['unique'])}")
    return "\n".join(lines)
