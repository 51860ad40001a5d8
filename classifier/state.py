"""Where a scan keeps its key and catalog: a state directory on the scanning machine, never the
output directory.

The output directory is what a responder hands over. With the key beside the catalog's keyed
hashes, its reader could test guesses (every SSN of an area number in seconds); without the key,
keyed hashes are opaque. So `scan.key` and `catalog.sqlite` live in a state directory, by default
one per output directory under the user's state home (`$LEAKCENSUS_STATE_HOME`, else
`$XDG_STATE_HOME/leakcensus`, else `~/.local/state/leakcensus`), found again from `--out` by
`lookup`, `merge` and rescans; `--state DIR` chooses it (to keep it on an encrypted volume, or to
share one between runs). A scan written by an earlier version with the key inside the output
directory has its key moved out on its next scan.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from classifier.catalog import CATALOG_NAME
from classifier.errors import RunError
from classifier.pii.keyed_hash import DEFAULT_KEY_NAME

STATE_HOME_VARIABLE = "LEAKCENSUS_STATE_HOME"
OUTPUTS_NOTE = "outputs.txt"  # which output directory this state belongs to, for whoever finds it


class StateError(RunError):
    """The state directory cannot be used (operator error)."""


def state_home() -> Path:
    if home := os.environ.get(STATE_HOME_VARIABLE):
        return Path(home)
    if xdg := os.environ.get("XDG_STATE_HOME"):
        return Path(xdg) / "leakcensus"
    return Path.home() / ".local" / "state" / "leakcensus"


def default_state_dir(out_dir: Path) -> Path:
    """One directory per output directory, named by a hash of its absolute path."""
    absolute = os.fsencode(os.path.abspath(out_dir))
    return state_home() / "scans" / hashlib.sha256(absolute).hexdigest()[:20]


@dataclass(frozen=True)
class ScanState:
    directory: Path
    key_path: Path
    catalog_path: Path
    key_given: bool  # --key-file named the key: it must exist, it is never created


def locate_state(out_dir: Path, state_dir: Path | None = None, key_file: Path | None = None,
                 catalog: Path | None = None) -> ScanState:
    directory = state_dir if state_dir is not None else default_state_dir(out_dir)
    return ScanState(directory, key_file if key_file is not None else directory / DEFAULT_KEY_NAME,
                     catalog if catalog is not None else directory / CATALOG_NAME, key_file is not None)


def inside(path: Path, directory: Path) -> bool:
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(directory))


def prepare_state(state: ScanState, out_dir: Path) -> list[str]:
    """Creates the state directory (owner only) and moves a key an earlier version left in the
    output directory; returns what was done, one line each, for the operator."""
    for what, path in (("state directory", state.directory), ("key", state.key_path),
                       ("catalog", state.catalog_path)):
        if inside(path, out_dir):
            raise StateError(f"the {what} ({path}) must not be inside --out ({out_dir}): "
                             "whoever receives the outputs could test guesses against them")
    try:
        state.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        (state.directory / OUTPUTS_NOTE).write_text(os.path.abspath(out_dir) + "\n", encoding="utf-8",
                                                     errors="surrogateescape")
    except OSError as exc:
        raise StateError(f"state directory not writable: {state.directory} ({exc.strerror})") from None
    done = []
    legacy_key = out_dir / DEFAULT_KEY_NAME
    if legacy_key.is_file() and not state.key_given and not state.key_path.exists():
        shutil.move(legacy_key, state.key_path)
        done.append(f"moved {legacy_key} to {state.key_path} (keys no longer live beside the outputs)")
    legacy_catalog = out_dir / CATALOG_NAME
    if legacy_catalog.is_file():
        for suffix in ("", "-wal", "-shm"):
            Path(str(legacy_catalog) + suffix).unlink(missing_ok=True)
        done.append(f"removed {legacy_catalog} (an earlier version's catalog; this scan rebuilds it in the state directory)")
    return done
