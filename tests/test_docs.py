"""The README against the code (#18): its commands and options are those `--help` lists, every
option is documented, and its map of the code names every module there is and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import click

from classifier.cli import main

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text("utf-8")
# Flags in the README that belong to other programs (pip, mypy, dask-worker, the benchmarks).
OTHER_PROGRAMS_FLAGS = frozenset({"--no-deps", "--require-hashes", "--ignore-requires-python", "--strict", "--nthreads",
                                  "--minutes", "--seeds"})


def options_of(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in [*param.opts, *param.secondary_opts] if opt.startswith("--")}


def commands() -> dict[str, click.Command]:
    assert isinstance(main, click.Group)
    return dict(main.commands)


def test_every_usage_line_names_a_command_and_its_own_options() -> None:
    usage = re.findall(r"^\s*\.venv/bin/leakcensus (\w[\w-]*)(.*)$", README, flags=re.MULTILINE)
    assert {name for name, _ in usage} >= {"scan", "report", "lookup", "merge"}
    for name, rest in usage:
        if name.startswith("-"):
            continue
        assert name in commands(), f"README shows `leakcensus {name}`, which does not exist"
        mentioned = set(re.findall(r"--[a-z][a-z0-9-]*", rest.split("#")[0])) - {"--help"}
        assert mentioned <= options_of(commands()[name]), (name, sorted(mentioned - options_of(commands()[name])))


def test_the_scan_usage_continues_on_its_own_lines() -> None:
    """The scan synopsis runs over three lines; options there are scan's too."""
    block = README[README.index(".venv/bin/leakcensus scan ROOT"):README.index(".venv/bin/leakcensus report")]
    mentioned = set(re.findall(r"--[a-z][a-z0-9-]*", block))
    assert mentioned <= options_of(commands()["scan"]), sorted(mentioned - options_of(commands()["scan"]))
    assert {"--out", "--workers", "--key-file", "--spacy-model", "--state"} <= mentioned


def test_every_option_is_documented_and_every_documented_flag_exists() -> None:
    documented = set(re.findall(r"--[a-z][a-z0-9-]*", README))
    ours = set().union(*(options_of(command) for command in commands().values())) | {"--help", "--version"}
    assert ours - {"--version"} <= documented, f"options without a word in the README: {sorted(ours - documented)}"
    assert documented - ours <= OTHER_PROGRAMS_FLAGS, f"README flags no command has: {sorted(documented - ours - OTHER_PROGRAMS_FLAGS)}"


def code_map() -> list[str]:
    """Paths named in the README's map of `classifier/` (an indented tree, two spaces a level)."""
    lines = README[README.index("    classifier/\n"):].splitlines()
    paths: list[str] = []
    stack: list[tuple[int, str]] = []
    for line in lines:
        if not line.startswith("    ") or not line.strip():
            break
        match = re.match(r"( *)(\S+)", line)
        assert match is not None
        indent, name = len(match.group(1)), match.group(2)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent_indent = stack[-1][0] if stack else indent - 2
        if indent != parent_indent + 2 or (stack and not stack[-1][1].endswith("/")) or not re.fullmatch(r"[\w.]+/?", name):
            continue  # a description's continuation line (indented to the description column)
        path = "".join(part for _, part in stack) + name
        stack.append((indent, name))
        paths.append(path)
    return paths


def test_code_map_names_only_what_exists() -> None:
    mapped = code_map()
    assert "classifier/" in mapped and "classifier/cli.py" in mapped
    missing = [path for path in mapped if not (REPO / path).exists()]
    assert not missing, f"the README's code map names {missing}, which do not exist"


def test_code_map_names_every_module_and_package_of_classifier() -> None:
    mapped = set(code_map())
    present = {f"classifier/{entry.name}" + ("/" if entry.is_dir() else "") for entry in (REPO / "classifier").iterdir()
               if entry.name not in ("__init__.py", "__pycache__") and (entry.is_dir() or entry.suffix == ".py")}
    assert present <= mapped, f"not in the README's code map: {sorted(present - mapped)}"
    for package in ("scan", "outputs"):
        modules = {f"classifier/{package}/{path.name}" for path in (REPO / "classifier" / package).glob("*.py")
                   if path.name != "__init__.py"}
        assert modules <= mapped, f"not in the README's code map: {sorted(modules - mapped)}"
