"""The command line: parse arguments, call scan or report, print. Nothing else lives here."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from classifier import __version__
from classifier.extract.limits import Limits
from classifier.pii.engine import DEFAULT_SPACY_MODEL, ModelNotInstalled
from classifier.pii.keyed_hash import KeyFileError
from classifier.report.html import render_report
from classifier.scan import ScanError, ScanOptions, run_scan
from classifier.walk import RootError


def fail(message: str) -> None:
    click.echo(f"leakcensus: error: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="leakcensus")
def main() -> None:
    """Count what kind of data leaked, and how much of it, without keeping any of it."""


@main.command()
@click.argument("roots", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Directory for inventory.json, documents.jsonl and report.html.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores).")
@click.option("--key-file", type=click.Path(path_type=Path, dir_okay=False),
              help="Secret key for keyed hashes (default: OUT/scan.key, created on first use).")
@click.option("--spacy-model", default=DEFAULT_SPACY_MODEL, show_default=True,
              help="Name or path of an installed spaCy pipeline for names, organisations and places.")
@click.option("--max-file-mb", type=click.IntRange(min=1), default=512, show_default=True,
              help="Files larger than this are recorded as too_large without analysis.")
@click.option("--json", "as_json", is_flag=True, help="Print the inventory totals as JSON on stdout.")
def scan(roots: tuple[Path, ...], out_dir: Path, workers: int | None, key_file: Path | None, spacy_model: str,
         max_file_mb: int, as_json: bool) -> None:
    """Scan ROOT... (directories or files) and write the inventory to --out.

    \b
    Examples:
      leakcensus scan /mnt/leak --out census/
      leakcensus scan share1 share2 --out census/ --workers 4 --key-file ~/.leakcensus.key
    """
    options = ScanOptions(
        roots=tuple(roots),
        out_dir=out_dir,
        workers=workers or os.cpu_count() or 1,
        key_file=key_file,
        spacy_model=spacy_model,
        limits=Limits(max_file_bytes=max_file_mb * 1024 * 1024),
    )
    try:
        result = run_scan(options)
    except (ScanError, RootError, ModelNotInstalled, KeyFileError) as exc:
        fail(str(exc))
        return
    inventory = result.inventory
    if as_json:
        click.echo(json.dumps({"totals": inventory["totals"], "entities": inventory["entities"],
                               "organizations": inventory["organizations"]}, indent=2))
        return
    click.echo(summary(inventory))
    click.echo(f"report: {result.out_dir / 'report.html'}")


def summary(inventory: dict[str, object]) -> str:
    totals: dict[str, object] = inventory["totals"]  # type: ignore[assignment]
    entities: dict[str, dict[str, int]] = inventory["entities"]  # type: ignore[assignment]
    organizations: dict[str, int] = inventory["organizations"]  # type: ignore[assignment]
    countries: dict[str, object] = inventory["countries"]  # type: ignore[assignment]
    lines = [
        f"files: {totals['files']}  documents: {totals['documents']}  unique documents: {totals['unique_documents']}",
        "status: " + ", ".join(f"{k} {v}" for k, v in totals["by_status"].items()),  # type: ignore[attr-defined]
        "unique: " + ", ".join(
            f"{name} {entities[key]['unique']}"
            for key, name in (("PERSON", "people"), ("EMAIL_ADDRESS", "emails"), ("PHONE_NUMBER", "phones"))
            if key in entities
        ) + f", organisations {organizations['unique']}, countries {len(countries)}",
    ]
    return "\n".join(lines)


@main.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Directory of an earlier scan.")
def report(out_dir: Path) -> None:
    """Re-render report.html from an existing scan's inventory.json, without rescanning.

    \b
    Example:
      leakcensus report --out census/
    """
    source = out_dir / "inventory.json"
    try:
        inventory = json.loads(source.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        fail(f"cannot read {source}: {type(exc).__name__}")
        return
    (out_dir / "report.html").write_text(render_report(inventory), encoding="utf-8")
    click.echo(f"report: {out_dir / 'report.html'}")
