"""docs/architecture.md is the map of the code: every module in briefer/ is on it, and every
third-party library enters through the one module the map names."""

from __future__ import annotations

import ast
import re
import sys

from conftest import ROOT

MAP = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_module_is_on_the_map() -> None:
    listed = set(re.findall(r"`(\w+)`", MAP))
    modules = {path.stem for path in (ROOT / "briefer").glob("*.py") if not path.stem.startswith("__")}
    assert modules - listed == set(), "add these modules to docs/architecture.md"


def test_each_third_party_library_has_one_home() -> None:
    users: dict[str, set[str]] = {}
    for path in (ROOT / "briefer").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else []
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("briefer", "pydantic"):
                    users.setdefault(top, set()).add(path.name)
    shared = {library: files for library, files in users.items() if len(files) > 1}
    assert not shared, shared
