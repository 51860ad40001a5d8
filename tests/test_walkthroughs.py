"""The README's walkthroughs, run command by command as a reader would (#19).

Each indented line of the "Walkthroughs" section is one shell command, run with bash in a fresh
folder with `leakcensus` on PATH; a trailing `# exit N` is the status it must end with (0 when
none is given). The inputs the text describes are laid out first: `leak/` is the sample leak,
`share/ops/prod.env` holds cloud keys.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SampleLeak

ENV = "AWS_ACCESS_KEY_ID=AKIAZ7QW3RT5YUP2MNBV\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8dLkT3vH\n"


def walkthrough_commands() -> list[tuple[str, int]]:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("\n## Walkthroughs\n", 1)[1].split("\n## ", 1)[0]
    commands = []
    for line in section.splitlines():
        if not line.startswith("    ") or not line.strip():
            continue
        command, _, comment = line.strip().partition("  # ")
        expected = re.fullmatch(r"exit (\d+)", comment.strip())
        commands.append((command.strip(), int(expected.group(1)) if expected else 0))
    return commands


def test_the_walkthroughs_parse_into_the_commands_they_show() -> None:
    commands = walkthrough_commands()
    assert len(commands) == 13
    assert [status for command, status in commands if command.startswith("leakcensus")] == [0, 0, 1, 3, 3, 0, 3, 2]


def test_the_readme_walkthroughs_run_as_written(sample_leak: SampleLeak, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(sample_leak.root, work / "leak")
    (work / "share" / "ops").mkdir(parents=True)
    (work / "share" / "ops" / "prod.env").write_text(ENV, "utf-8")
    (work / "share" / "notes.txt").write_text("Minutes of the planning meeting; nothing to see here.\n", "utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "leakcensus"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -m classifier \"$@\"\n", "utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    environment = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
                   "LEAKCENSUS_STATE_HOME": str(tmp_path / "state-home")}
    for command, expected in walkthrough_commands():
        result = subprocess.run(["bash", "-c", command], cwd=work, env=environment, capture_output=True, text=True,
                                timeout=900, check=False)
        assert result.returncode == expected, f"{command}\n{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
    night_3 = (work / "night-3" / "violations.jsonl").read_text("utf-8")
    assert '"path": "ops/staging.env"' in night_3 and '"new_since_baseline": true' in night_3
    assert '"path": "ops/prod.env"' in night_3 and '"new_since_baseline": false' in night_3
    assert (work / "census" / "report.html").exists()
    assert not (work / "night-4" / "inventory.json").exists()
