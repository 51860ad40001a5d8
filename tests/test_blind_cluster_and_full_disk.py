"""#17 items 11 and 12, on real processes: Dask workers that cannot see the roots stop the scan with
one line and exit 2 (not a scan of `error: unreadable` records with exit 0), and a disk that fills
while the outputs or the catalog are written ends the scan with one line and exit 2, no traceback.

Each case runs its processes in a private mount namespace (`unshare --mount`), where a tmpfs hides
the share from the Dask workers or stands in for a small, full disk. Skipped where the kernel does
not let this user make one (no CAP_SYS_ADMIN).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY, running_dask_cluster

BIN = Path(sys.executable).parent
LEAKCENSUS = str(BIN / "leakcensus")


def namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                            "mount -t tmpfs none /mnt && umount /mnt"], capture_output=True)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not namespaces_work(), reason="needs unshare --mount and tmpfs (CAP_SYS_ADMIN)")


def hidden(path: Path, command: list[str]) -> list[str]:
    """`command` run where `path` is an empty tmpfs: the process sees none of what is there."""
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c",
            f'mount -t tmpfs none "{path}" && exec "$@"', "hidden", *command]


def on_small_disk(path: Path, kibibytes: int, command: list[str]) -> list[str]:
    """`command` run where `path` is a tmpfs of `kibibytes` KiB: writing past that fails with ENOSPC."""
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c",
            f'mount -t tmpfs -o size={kibibytes}k none "{path}" && exec "$@"', "small", *command]


def share_of(root: Path, files: int) -> Path:
    share = root / "share"
    share.mkdir()
    for n in range(files):
        (share / f"note{n:03d}.txt").write_text(f"Call Dana Whitcombe on +44 20 7946 {n:04d} about order {n}.\n")
    return share


@pytest.fixture
def blind_cluster(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A Dask scheduler and two workers to which the share under tmp_path is an empty folder."""
    share = share_of(tmp_path, 30)
    with running_dask_cluster(tmp_path, lambda command: hidden(share, command)) as address:
        yield address, share


def test_workers_that_cannot_see_the_roots_stop_the_scan_with_one_line(blind_cluster: tuple[str, Path],
                                                                        tmp_path: Path) -> None:
    address, share = blind_cluster
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out = tmp_path / "out"
    done = subprocess.run([LEAKCENSUS, "scan", str(share), "--out", str(out), "--dask", address, "--key-file",
                           str(key), "--quiet"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "the Dask workers cannot read the roots" in lines[0]
    assert "Traceback" not in done.stderr
    assert not (out / "documents.jsonl").exists()  # no outputs that look like a scan of 30 unreadable files


# (what fills, its size in KiB, what the one line says): the outputs; the catalog as it is created;
# the catalog half-way through the scan (a traceback and exit 1 before this test).
FULL_DISKS = [("out", 48, "cannot write the outputs: No space left on device"),
              ("state", 48, "cannot be read or written (database or disk is full)"),
              ("state", 256, "cannot be written (database or disk is full)")]


@pytest.mark.parametrize(("full", "kibibytes", "says"), FULL_DISKS)
def test_a_disk_that_fills_ends_the_scan_with_one_line(tmp_path: Path, full: str, kibibytes: int, says: str) -> None:
    share = share_of(tmp_path, 400)
    key = tmp_path / "k.key"
    key.write_bytes(TEST_KEY)
    out, state = tmp_path / "out", tmp_path / "state"
    out.mkdir()
    state.mkdir()
    command = [LEAKCENSUS, "scan", str(share), "--out", str(out), "--state", str(state), "--workers", "1",
               "--key-file", str(key), "--quiet"]
    done = subprocess.run(on_small_disk(out if full == "out" else state, kibibytes, command),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("leakcensus: error: ") and lines[0].endswith(says), done.stderr
