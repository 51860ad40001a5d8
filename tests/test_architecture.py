"""The shape of the code (#18): no import cycle anywhere in the repository, and a CLI that only
parses, calls and prints (sqlite-utils' `cli.py` over `db.py`).

The import graph is read from the source with `ast`, imports inside functions included (they
run too, only later); imports under `if TYPE_CHECKING:` are left out (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("classifier", "tests", "benchmarks", "sample_data", "category_corpus", "models")
# What the CLI may import: the public face of each command, option types and output names.
CLI_MAY_IMPORT = frozenset({
    "classifier.version", "classifier.errors", "classifier.limits", "classifier.lookup", "classifier.policy",
    "classifier.progress", "classifier.scan", "classifier.scan.merge", "classifier.outputs",
    "classifier.outputs.derived", "classifier.outputs.documents_parquet", "classifier.outputs.inventory_json",
    "classifier.outputs.report_html", "classifier.outputs.violations_jsonl", "classifier.outputs.documents_jsonl",
    "classifier.report.headline", "classifier.path_filter", "classifier.buckets",  # roots given as URLs are parsed here
    "classifier.estimate",  # `leakcensus estimate`: run_estimate and the --sample parser, as scan's run_scan
})


def repo_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            if ".venv" in path.parts or "build" in path.relative_to(REPO).parts:
                continue
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except those under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The repository modules `module` imports (the module itself where a name is not a module)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            # `from package import module` imports the module; `from module import name` the module.
            names = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = repo_modules()
    return {module: imports_of(module, path, modules) for module, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle_and_nothing_else() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_relative_imports() -> None:
    graph = import_graph()
    # Imported inside a function (the parent process must not load the pool's analysis stack).
    assert "classifier.scan.pool" in graph["classifier.scan.analyse"]
    assert "classifier.scan.run" in graph["classifier.scan"]
    assert "classifier.scan.replay" in graph["classifier.scan.merge"]


def test_no_import_cycle_anywhere_in_the_repository() -> None:
    assert cycles(import_graph()) == []


def test_cli_imports_no_stage_internals() -> None:
    imported = import_graph()["classifier.cli"]
    assert {module for module in imported if module.startswith("classifier")} <= CLI_MAY_IMPORT, (
        sorted(imported - CLI_MAY_IMPORT))
