"""Read workshop templates from YAML and explain every mistake, pointing at the line to fix.

Three layers, each reporting every problem it finds (never only the first):
1. `kit.authoring.yamlfile` composes the YAML (the nodes still know their lines) and reports what YAML itself
   gets wrong: tabs, unclosed quotes, a field written twice, an unknown !tag.
2. The JSON Schema `schema.json` says which fields exist, which are required, their types and ranges.
   jsonschema finds the violations; each is turned into a message of its kind (required, type, enum, ...) that
   names the field and the line (the error's JSON path is looked up in the composed nodes) and what to write.
3. Python checks what a schema cannot say: keys unique across blocks, min below max, sticker budgets, and that a
   question keeps asking the same thing under the same key as before (otherwise trends would mix two questions).

The checker (layers 2 and 3) lives in `kit.authoring.checker`; this module finds the templates and loads them.
Only a file without problems becomes a `Template`. Messages come from `kit/i18n/` (`check.*`), Dutch by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from kit import settings
from kit.model.template import Template
from kit.authoring.checker import (  # noqa: F401 (re-exported: callers read the schema and history from here)
    SCHEMA_PATH,
    SUPPORTED_SCHEMA_VERSION,
    TemplateChecker,
    question_history,
    schema,
    schema_fields,
    schema_question_types,
)
from kit.authoring.yamlfile import (
    Problem,
    TemplateError,
    message,
    slug,
)

TEMPLATE_DIR = Path(__file__).parent / "shipped"
# Shipped templates are NAME.LANG.yaml: the Dutch one is called NAME, a translation NAME.LANG (teamleergesprek.en).
PACKAGED_PATTERN = re.compile(r"(?P<name>[a-z][a-z0-9_-]*)\.(?P<lang>[a-z]{2})\.yaml\Z")

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_-]*\Z")



# -- public entry points -----------------------------------------------------------------------------------------
def check_file(path, *, lang: str = "nl", previous: Iterable[tuple[str, dict]] = ()) -> list[Problem]:
    """Every problem in a template file; an empty list means it is valid.

    Questions are compared with what was asked before under the same key, in the file's language: the templates
    that ship with the kit, and `previous`, (source, template dict) pairs such as the sessions in a database."""
    return _check(path, lang, previous)[0]


def load_template_file(path, *, lang: str = "nl", previous: Iterable[tuple[str, dict]] = ()) -> Template:
    problems, data = _check(path, lang, previous)
    if problems:
        raise TemplateError(problems)
    return Template.from_dict(data)


TEMPLATES_ENV = settings.TEMPLATES_ENV
DEFAULT_USER_TEMPLATES = Path("data/templates")


def user_templates_dir(templates_dir=None) -> Path:
    """Where a school keeps its own templates: --templates, else $TEAMLEERGESPREK_TEMPLATES, else data/templates/."""
    return Path(templates_dir or settings.templates_dir() or DEFAULT_USER_TEMPLATES)


def _user_templates(templates_dir=None) -> dict[str, Path]:
    folder = user_templates_dir(templates_dir)
    found = {}
    for pattern in ("*.yaml", "*.yml"):
        for path in folder.glob(pattern):
            name = path.name.split(".")[0]
            found.setdefault(name, path)
    return found


# YAML files shipped beside the templates that are not session templates (kit/authoring/naslag.py reads the naslag).
NOT_TEMPLATES = {"naslag"}


def _packaged_templates() -> dict[str, Path]:
    found = {}
    for path in TEMPLATE_DIR.glob("*.yaml"):
        match = PACKAGED_PATTERN.match(path.name)
        if match and match["name"] not in NOT_TEMPLATES:
            found[match["name"] if match["lang"] == "nl" else f"{match['name']}.{match['lang']}"] = path
    return found


def in_language(name: str, lang: str | None, templates_dir=None) -> str:
    """The name of `name`'s version in `lang` when there is one (teamleergesprek -> teamleergesprek.en)."""
    if lang and lang != "nl" and template_path(f"{name}.{lang}", templates_dir) is not None:
        return f"{name}.{lang}"
    return name


def available_templates(templates_dir=None) -> list[str]:
    """Names of the school's own templates and of those that ship with the kit (an own one of the same name wins)."""
    return sorted({**_packaged_templates(), **_user_templates(templates_dir)})


def template_path(name: str, templates_dir=None) -> Path | None:
    return {**_packaged_templates(), **_user_templates(templates_dir)}.get(name)


def load_template(name_or_path: str, templates_dir=None, *, lang: str = "nl") -> Template:
    """A template by file path, or by name: the school's own templates first, then those shipped with the kit."""
    path = Path(name_or_path)
    if path.is_file():
        return load_template_file(path, lang=lang)
    found = template_path(name_or_path, templates_dir)
    if found is not None:
        return load_template_file(found, lang=lang)
    names = ", ".join(available_templates(templates_dir)) or "(geen)"
    if path.suffix in (".yaml", ".yml") or len(path.parts) > 1:
        text = message(lang, "check.template_file_not_found", names=names)
    else:
        text = message(lang, "check.template_unknown", names=names)
    raise TemplateError([Problem(str(name_or_path), None, text)])


def copy_template(source: str, new_name: str, templates_dir=None, *, lang: str = "nl") -> Path:
    """Start an own template from an existing one: same content, its own name, in the school's template folder."""
    if not NAME_PATTERN.match(new_name):
        raise TemplateError([Problem(new_name, None, message(lang, "check.copy_bad_name", suggestion=slug(new_name)))])
    origin = template_path(source, templates_dir)
    if origin is None:
        load_template(source, templates_dir, lang=lang)  # raises the message that lists the available names
    target = user_templates_dir(templates_dir) / f"{new_name}.yaml"
    if target.exists():
        raise TemplateError([Problem(str(target), None, message(lang, "check.copy_exists"))])
    text = origin.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^name:.*$", f"name: {new_name}", text, count=1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _packaged_sources(lang: str, exclude: Path) -> list[tuple[str, dict]]:
    """The templates shipped with the kit as (source, data), the file being checked left out."""
    found = []
    for name, path in sorted(_packaged_templates().items()):
        if path.resolve() != exclude.resolve() and (data := _shipped_data(path)) is not None:
            found.append((message(lang, "check.source_standard", name=name), data))
    return found


@lru_cache(maxsize=8)
def _shipped_data(path: Path) -> dict | None:
    return _check(path, "nl", None)[1]


# -- the check ---------------------------------------------------------------------------------------------------
def _check(path, lang: str, previous) -> tuple[list[Problem], dict | None]:
    """`previous` None: do not compare with earlier questions (reading a shipped template to compare with)."""
    checker = TemplateChecker(str(path), lang)
    data = checker.check(Path(path), previous, lambda: _packaged_sources(lang, Path(path)))
    checker.problems.sort(key=lambda p: -1 if p.line is None else p.line)
    return checker.problems, (data if not checker.problems else None)
