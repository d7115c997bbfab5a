"""The package's modules import each other without a cycle (top-level imports)."""

from __future__ import annotations

import ast
from pathlib import Path

import dyad

PACKAGE = Path(dyad.__file__).parent


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:  # top level only
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dyad"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("dyad"))
    return found & known


def test_imports_have_no_cycle() -> None:
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: _imports(path, set(paths)) - {name} for name, path in paths.items()}
    cycles: list[list[str]] = []
    done: set[str] = set()  # modules whose imports were all followed without a cycle

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycles.append(trail[trail.index(name) :] + [name])
            return
        if name in done:
            return
        for other in sorted(graph[name]):
            if other != name.rpartition(".")[0]:  # a module may import its package's __init__
                visit(other, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
        if cycles:
            break
    assert cycles == []
