"""The store and the text engine import in one direction only: no circles, nothing from above.

The import graph is read from the source (``ast``), not by importing: every ``import`` and
``from … import`` anywhere in a module (inside functions too, since a deferred import is
still a dependency). ``from pkg import name`` depends on ``pkg.name`` when that is a module,
else on ``pkg``. Layers: reader ← db ← ui/jiaokan; db/ and reader/ never import ui/, jiaokan/
or Qt, and inside db/ nothing outside db/exports imports db/exports (exports depend on the
store, never the reverse).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("reader", "db")
FORBIDDEN = ("ui", "jiaokan", "PySide6", "shiboken6")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    return {module_name(p, root): p for pkg in packages for p in sorted((root / pkg).rglob("*.py"))}


def imported_names(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """Every module name ``name`` imports (absolute, relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            subs = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in known]
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(target)
    return found


def graph(root: Path, packages: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(edges between the modules of ``packages``, every imported name per module)."""
    known = modules(root, packages)
    internal: dict[str, set[str]] = {}
    raw: dict[str, set[str]] = {}
    for name, path in known.items():
        raw[name] = imported_names(name, path, known)
        edges = set()
        for target in raw[name]:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                edges.add(target)
        internal[name] = edges
    return internal, raw


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def forbidden_imports(raw: Mapping[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in raw.items()
        for target in targets
        if target.split(".")[0] in FORBIDDEN
    )


#: The command line still living in db/ (it moves to jiaokan/cli/, issue 10): a front end, like ui/.
def store_importing_exports(edges: Mapping[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in edges.items()
        if module.startswith("db.") and not module.startswith("db.exports")
        for target in targets
        if target == "db.exports" or target.startswith("db.exports.")
    )


# -- the checks on this repository -----------------------------------------------------------------


@pytest.fixture(scope="module")
def repo_graph():
    return graph(ROOT, CHECKED)


def test_the_graph_sees_the_store(repo_graph):
    edges, _ = repo_graph
    assert "db.project" in edges and "db.connection" in edges["db.project"]
    assert "db.merge.driver" in edges and "db.merge.replay" in edges["db.merge.driver"]
    assert "reader" in edges or any(m.startswith("reader.") for m in edges)


def test_no_import_cycles_in_db_or_reader(repo_graph):
    edges, _ = repo_graph
    assert cycles(edges) == []


def test_db_and_reader_import_no_ui_no_jiaokan_no_qt(repo_graph):
    _, raw = repo_graph
    assert forbidden_imports(raw) == []


def test_the_schema_sits_at_the_bottom_of_the_store(repo_graph):
    """Migrations are frozen: the schema imports no feature module (only the value types and its
    own frozen migrations, ``db.schema_v*``, which import nothing of the store but the value types)."""
    edges, _ = repo_graph
    frozen = {m for m in edges if m.startswith("db.schema_v")}
    assert edges["db.schema"] <= {"db.models"} | frozen
    assert all(edges[m] <= {"db.models"} for m in frozen)
    assert edges["db.models"] == set()


def test_the_store_does_not_import_the_exports(repo_graph):
    edges, _ = repo_graph
    assert store_importing_exports(edges) == []


# -- the checks can fail -------------------------------------------------------------------------


def _write(root: Path, files: Mapping[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_cycle_through_a_deferred_import_is_found(tmp_path):
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from pkg import b\n",
        "pkg/b.py": "from pkg.c import thing\n",
        "pkg/c.py": "def thing():\n    from . import a\n",
        "pkg/d.py": "import pkg.a\n",
    })
    edges, _ = graph(tmp_path, ["pkg"])
    assert edges["pkg.c"] == {"pkg.a"}
    assert cycles(edges) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_an_acyclic_package_passes(tmp_path):
    _write(tmp_path, {
        "pkg/__init__.py": "from pkg.a import x\n",
        "pkg/a.py": "x = 1\n",
        "pkg/b.py": "from pkg import a\nfrom pkg.a import x\n",
    })
    edges, _ = graph(tmp_path, ["pkg"])
    assert cycles(edges) == []


def test_synthetic_graphs():
    assert cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b"]]
    assert cycles({"a": {"a"}}) == [["a"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_forbidden_layers_are_found(tmp_path):
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/gui.py": "def f():\n    from PySide6.QtCore import QObject\n",
        "pkg/up.py": "import ui.backend\n",
        "pkg/exports/__init__.py": "",
        "pkg/store.py": "from db.exports import registry\n",
    })
    edges, raw = graph(tmp_path, ["pkg"])
    assert forbidden_imports(raw) == ["pkg.gui imports PySide6.QtCore", "pkg.up imports ui.backend"]
    assert store_importing_exports({"db.store": {"db.exports.registry"}, "db.exports.a": {"db.exports.b"}}) == [
        "db.store imports db.exports.registry"
    ]
