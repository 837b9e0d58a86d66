"""docs/architecture.md is the map of the code: every module in briefer/ is on it, the stage
folders stand in the order the map draws, imports point down that order with no loop, and
every third-party library enters through the one module the map names."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from conftest import ROOT

MAP = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "briefer"


def _modules() -> dict[str, Path]:
    """'lang.text' -> its file; 'cli' for the modules on top."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if path.stem.startswith("__"):
            continue
        found[".".join(path.relative_to(PACKAGE).with_suffix("").parts)] = path
    return found


def _folders_bottom_up() -> list[str]:
    """The map's folder table, top row first: the order is read from the page, not kept twice."""
    rows = re.findall(r"^\| `(\w+)/` \|", MAP, flags=re.M)
    return list(reversed(rows))


def _briefer_imports(path: Path) -> set[str]:
    """Every briefer module `path` imports, at the top or inside a function."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefer"):
            base = node.module.removeprefix("briefer").lstrip(".")
            for alias in node.names:
                imported.add(f"{base}.{alias.name}" if base else alias.name)
                imported.add(base)
        elif isinstance(node, ast.Import):
            imported.update(a.name.removeprefix("briefer.") for a in node.names if a.name.startswith("briefer."))
    return {name for name in imported if name in _modules()}


def _folder(module: str) -> str:
    return module.split(".")[0] if "." in module else "(top)"


def test_every_module_is_on_the_map() -> None:
    listed = set(re.findall(r"`(\w+)`", MAP))
    modules = {name.split(".")[-1] for name in _modules()}
    assert modules - listed == set(), "add these modules to docs/architecture.md"


def test_every_folder_is_on_the_map() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(_folders_bottom_up()), "docs/architecture.md's folder table and briefer/ differ"


def test_imports_point_down_the_folders() -> None:
    order = _folders_bottom_up() + ["(top)"]
    upward = []
    for module, path in _modules().items():
        for target in _briefer_imports(path):
            if order.index(_folder(target)) > order.index(_folder(module)):
                upward.append(f"{module} imports {target}")
    assert upward == [], "a lower folder imports a higher one"


def test_no_import_loop() -> None:
    graph = {module: _briefer_imports(path) - {module} for module, path in _modules().items()}
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            assert state.get(target) != 1, " -> ".join(path + [module, target])
            if target not in state:
                visit(target, path + [module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_each_third_party_library_has_one_home() -> None:
    users: dict[str, set[str]] = {}
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                else []
            )
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("briefer", "pydantic"):
                    users.setdefault(top, set()).add(module)
    shared = {library: files for library, files in users.items() if len(files) > 1}
    assert not shared, shared
