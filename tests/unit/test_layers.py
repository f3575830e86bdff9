"""The layer order of kit/ (docs: DESIGN.md "Shape", README's developer section), read from the source.

Each folder of kit/ is a layer and knows only the layers below it. Every import counts: at the top of a module,
inside a function (a deferred import still ties the two layers together), and `import_module("kit....")` with a
literal name. A question type's behaviour in a higher layer lives in that layer's table (`kit/*/by_type.py`,
`kit/authoring/type_rules.py`), so nothing below needs to import anything above.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kit

KIT = Path(kit.__file__).parent

# Bottom first. Modules of one layer may import each other; `serving` and `cli` are the top (cli starts serving).
LAYERS = ("i18n", "settings", "store", "model", "authoring", "history", "analysis", "charts", "documents",
          "widgets", "apps", "serving", "cli", "__main__")
RANK = {"i18n": 0, "settings": 0, **{name: rank for rank, name in enumerate(LAYERS[2:], 1)}}
RANK["data"] = RANK["analysis"]  # kit/data.py: the public face of kit.analysis.tidy, in the analysis layer


def module_name(path: Path) -> str:
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in KIT.rglob("*.py")}


def layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _resolve(module: str, node) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".")
        if not MODULES[module].name == "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([base] if base else []))
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def _known(target: str) -> str | None:
    """The kit module an import names (`kit.a.b.name` -> `kit.a.b`), or None for anything outside kit."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target if target and target != "kit" else None


def imports(module: str) -> list[tuple[int, str]]:
    """(line, imported kit module) for every import in `module`, wherever it stands."""
    found = []
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            targets = _resolve(module, node)
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            targets = [node.args[0].value]
        else:
            continue
        for target in {_known(t) for t in targets} - {None, module}:
            if not module.startswith(target + "."):  # a package's own __init__ is not an import upward
                found.append((node.lineno, target))
    return found


def test_every_module_of_kit_is_in_a_layer():
    assert {layer(m) for m in MODULES} - {""} <= set(RANK), sorted({layer(m) for m in MODULES} - set(RANK))


def test_no_module_imports_a_layer_above_its_own():
    upward = [f"{MODULES[m].relative_to(KIT.parent)}:{line}: {m} ({layer(m)}) imports {target} ({layer(target)})"
              for m in sorted(MODULES) if layer(m) for line, target in imports(m)
              if RANK[layer(target)] > RANK[layer(m)]]
    assert upward == [], "\n".join(upward)


def test_no_import_circle():
    edges = {m: {target for _, target in imports(m)} for m in MODULES}
    circles, done = [], set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            circles.append(path[path.index(module):] + [module])
            return
        if module in done:
            return
        for target in sorted(edges[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(MODULES):
        visit(module, [])
    assert circles == [], "\n".join(" -> ".join(c) for c in circles)


def test_the_layer_test_sees_imports_inside_functions_and_import_module(tmp_path):
    source = "def f():\n    from kit.apps import participant\n\nimport_module('kit.widgets.board')\n"
    tree = ast.parse(source)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert [n.args[0].value for n in calls] == ["kit.widgets.board"]
    assert _resolve("kit.model.live", next(n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))) == [
        "kit.apps", "kit.apps.participant"]


def _loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**_environ(), "MPLBACKEND": "Agg"})
    return set(done.stdout.split())


def _environ() -> dict:
    import os

    return dict(os.environ)


def test_the_store_never_imports_ipywidgets():
    assert not any(target.startswith(("kit.widgets", "kit.apps")) for m in MODULES if layer(m) == "store"
                   for _, target in imports(m))
    assert "ipywidgets" not in _loaded_by("import kit.store, kit.store.connection, kit.store.repository")


def test_a_phone_kernel_loads_no_analysis_charts_or_documents_libraries():
    loaded = _loaded_by("import kit.apps.participant")
    assert loaded & {"pandas", "matplotlib", "yaml", "fpdf", "openpyxl"} == set()


def test_the_facilitators_phone_remote_loads_no_analysis_charts_or_documents_libraries():
    # It runs in a kernel of the phones' server, beside the participants' kernels.
    loaded = _loaded_by("import kit.apps.participant, kit.apps.remote")
    assert loaded & {"pandas", "matplotlib", "yaml", "fpdf", "openpyxl"} == set()
