"""Everything the kit, its tests and its benchmarks import is declared, so a clean install (CI, a school's laptop)
gets it on purpose and not because some other package happens to pull it in (e.g. `websockets`, which a preheated
phone kernel needs in a version voila alone does not guarantee)."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

try:
    import tomllib  # the standard library from Python 3.11
except ModuleNotFoundError:  # Python 3.10, which the project supports: read the two lists this test needs
    tomllib = None

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def requirement_lists(text: str) -> dict:
    """[project]'s `dependencies` and `optional-dependencies.test` of a pyproject.toml written as ours is (one
    quoted requirement a line, comments between them): enough without tomllib."""
    def strings(name: str, section: str) -> list[str]:
        body = text.split(f"[{section}]", 1)[1]
        block = re.search(rf"^{name} = \[(.*?)^\]", body, flags=re.M | re.S).group(1)
        return re.findall(r'^\s*"([^"]+)",?\s*(?:#.*)?$', block, flags=re.M)

    return {"dependencies": strings("dependencies", "project"),
            "optional-dependencies": {"test": strings("test", "project.optional-dependencies")}}


PROJECT = tomllib.loads(PYPROJECT)["project"] if tomllib else requirement_lists(PYPROJECT)
# Our own modules: kit, and helpers imported by bare name from tests/ and tests/browser (conftest puts benchmarks/
# on the path).
LOCAL = {"kit"} | {path.stem for folder in ("tests", "benchmarks") for path in (ROOT / folder).rglob("*.py")}


def declared(requirements) -> set[str]:
    return {re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def third_party_imports(folder: str) -> set[str]:
    modules = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m not in LOCAL}


@pytest.mark.parametrize("folder,groups", [("kit", ["dependencies"]), ("tests", ["dependencies", "test"]),
                                           ("benchmarks", ["dependencies", "test"])])
def test_every_imported_package_is_declared_in_pyproject(folder, groups):
    allowed = declared(PROJECT["dependencies"])
    if "test" in groups:
        allowed |= declared(PROJECT["optional-dependencies"]["test"])
    distributions = packages_distributions()
    missing = {module: distributions.get(module) for module in third_party_imports(folder)
               if not {d.lower().replace("_", "-") for d in distributions.get(module, [module])} & allowed}
    assert not missing, f"{folder}/ imports packages that pyproject.toml does not declare: {missing}"


def test_environment_yml_declares_what_pyproject_declares():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    listed = declared(re.findall(r"^\s*-\s*([A-Za-z0-9_.\-\[\]]+(?:[<>=!~][^\s#]*)?)", text, flags=re.M))
    wanted = declared(PROJECT["dependencies"]) | declared(PROJECT["optional-dependencies"]["test"])
    assert wanted - listed == set()


@pytest.mark.skipif(tomllib is None, reason="compares with tomllib, which Python 3.10 lacks")
def test_the_python_3_10_reading_of_pyproject_agrees_with_tomllib():
    read = requirement_lists(PYPROJECT)
    assert read["dependencies"] == PROJECT["dependencies"]
    assert read["optional-dependencies"]["test"] == PROJECT["optional-dependencies"]["test"]
