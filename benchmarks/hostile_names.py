"""#17: a share built from what old and hostile shares hold, scanned by whichever leakcensus is on
PYTHONPATH, and what came out.

    python -m benchmarks.hostile_names [--without-undecodable]   # this checkout
    PYTHONPATH=/path/to/older/checkout python -m benchmarks.hostile_names   # an older one, same venv

The share: a Latin-1 tar, a folder whose name is not UTF-8, names that used to collide (a folder
`x.zip!` beside `x.zip`, a zip member `a!/b.txt` beside a nested zip `a`, a tar appended to, a mail
with two `image001.txt`, `odd\\xffname.txt` beside a file literally named so), JSON with half an
emoji, a zip flagged UTF-8 whose names are Latin-1, and a 64 GiB sparse file. Each of 11 people
is written in exactly one file; the figure that matters is how many `lookup` finds, and how many
bytes the scan read (the sparse file is 64 GiB of holes).
"""

from __future__ import annotations

import io
import json
import os
import sys
import tarfile
import tempfile
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner

from classifier.cli import main
from classifier.scan import ScanOptions, run_scan

KEY = b"0123456789abcdef0123456789abcdef"
SPARSE_BYTES = 64 << 30


def person(n: int) -> bytes:
    return f"Customer contact: person{n}@example.com\n".encode()


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2021, 6, 1, 12, 0, 0)), data)
    return buffer.getvalue()


def add(archive: tarfile.TarFile, name: bytes, data: bytes) -> None:
    info = tarfile.TarInfo(name.decode("utf-8", errors="surrogateescape"))
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def build(root: Path, undecodable: bool) -> list[int]:
    """The share; returns the numbers of the people it names. Without `undecodable` it leaves out
    the Latin-1 tar and the non-UTF-8 folder (which crash versions before #17 outright), so that
    what those versions do with the other names can be measured too."""
    root.mkdir()
    people = list(range(2, 11))
    if undecodable:
        people = [0, 1, *people]
        with tarfile.open(root / "old.tar", "w", format=tarfile.USTAR_FORMAT, encoding="latin-1") as archive:
            add(archive, b"r\xe9sum\xe9.txt", person(0))
        folder = os.path.join(os.fsencode(root), b"d\xe9p\xf4t")
        os.mkdir(folder)
        Path(os.fsdecode(os.path.join(folder, b"notes.txt"))).write_bytes(person(1))
    (root / "x.zip").write_bytes(zip_of({"a.txt": person(2)}))
    (root / "x.zip!").mkdir()
    (root / "x.zip!" / "a.txt").write_bytes(person(3))
    (root / "nest.zip").write_bytes(zip_of({"a!/b.txt": person(4), "a": zip_of({"b.txt": person(5)})}))
    with tarfile.open(root / "appended.tar", "w") as archive:
        add(archive, b"n.txt", person(6))
        add(archive, b"n.txt", person(7))
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.net", "b@example.net", "files"
    message.set_content("see attached")
    for n in (8, 9):
        message.add_attachment(person(n), maintype="text", subtype="plain", filename="image001.txt")
    (root / "mail.eml").write_bytes(message.as_bytes())
    (root / "half.json").write_text('{"email": "person10@example.com", "note": "\\ud83d"}')
    good = zip_of({"r\u00e9sum\u00e9.txt": b"Mail ola@example.org\n"})
    (root / "flagged.zip").write_bytes(good.replace("r\u00e9sum\u00e9".encode(), b"r\xe9 sum\xe9 "))
    Path(os.fsdecode(os.path.join(os.fsencode(root), b"odd\xffname.txt"))).write_bytes(b"one")
    (root / "odd\\xffname.txt").write_bytes(b"two")
    with open(root / "disk.img", "wb") as handle:
        handle.truncate(SPARSE_BYTES)
    return people


def read_chars() -> int:
    with open("/proc/self/io") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("rchar:"))


def main_() -> None:
    undecodable = "--without-undecodable" not in sys.argv[1:]
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        os.environ["LEAKCENSUS_STATE_HOME"] = str(base / "state")
        people = build(base / "share", undecodable)
        key = base / "k.key"
        key.write_bytes(KEY)
        out = base / "out"
        before, started = read_chars(), time.monotonic()
        try:
            run_scan(ScanOptions(roots=(base / "share",), out_dir=out, isolate=False, key_file=key))
            outcome = "completed"
        except Exception as exc:  # the old versions' crash is the measurement
            outcome = f"crashed: {type(exc).__name__}"
        seconds, read = time.monotonic() - started, read_chars() - before
        print(f"leakcensus from {sys.modules['classifier'].__file__}")
        print(f"scan: {outcome} in {seconds:.1f} s, read {read / 2**30:.2f} GiB (the sparse file is "
              f"{SPARSE_BYTES / 2**30:.0f} GiB)")
        if not (out / "documents.jsonl").exists():
            return
        records = [json.loads(line) for line in (out / "documents.jsonl").read_text("utf-8").splitlines()]
        inventory = json.loads((out / "inventory.json").read_text("utf-8"))
        paths = [r["path"] for r in records]
        statuses: dict[str, int] = {}
        for record in records:
            statuses[record["status"]] = statuses.get(record["status"], 0) + 1
        on_disk = sum(len(files) for _, _, files in os.walk(base / "share"))
        print(f"files {inventory['totals']['files']} of {on_disk} on disk, records {len(records)}, distinct paths "
              f"{len(set(paths))}, statuses {dict(sorted(statuses.items()))}")
        found = sum(
            CliRunner().invoke(main, ["lookup", "--out", str(out), "--key-file", str(key),
                                      "--email", f"person{n}@example.com"]).exit_code == 0
            for n in people)
        print(f"lookup finds {found} of {len(people)} people")
        print("output files: " + ", ".join(sorted(p.name for p in out.iterdir())))


if __name__ == "__main__":
    main_()
