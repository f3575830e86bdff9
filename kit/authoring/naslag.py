"""The naslag (reference): the handbook's background chapter, condensed, for phones and the projector.

The text lives in `kit/authoring/shipped/naslag.<taal>.yaml`, which trainers edit by hand. Like the workshop templates,
the file is checked without stopping at the first mistake: every problem is collected with the file, the line
and a Dutch hint, and only a file without problems becomes a `Reference`.

Stdlib + PyYAML only, so a participant kernel can load it cheaply; `load_reference()` parses once per process.

Check a file by hand with:  python -m kit.authoring.naslag [bestand]
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kit.i18n import t

from kit.authoring.yamlfile import (
    LANGUAGE_PATTERN,
    UNREADABLE,
    Problem,
    TemplateError,
    YamlChecker,
    guess_field,
)

__all__ = [
    "BULLET",
    "Reference",
    "ReferenceSection",
    "check_reference_file",
    "clear_reference_cache",
    "load_reference",
    "load_reference_file",
    "reference_path",
]

SUPPORTED_SCHEMA_VERSION = 1
REFERENCE_DIR = Path(__file__).parent / "shipped"
REFERENCE_NAME = "naslag"
BULLET = "- "
DEFAULT_TITLE = "Naslag"

MAX_SECTION_WORDS = 300  # a phone screen or two; the shipped sections stay near 150
MAX_ITEM_LENGTH = 1000

TOP_REQUIRED = ("schema_version", "bron", "sections")
TOP_OPTIONAL = ("title", "language")
SECTION_FIELDS = ("key", "title", "items")

EXAMPLES = {
    "schema_version": f"schema_version: {SUPPORTED_SCHEMA_VERSION}",
    "bron": "bron: Samenvatting van de Handleiding voor Teamleergesprek, hoofdstuk 3.",
    "sections": "sections:  met daaronder  - key: meldcode  en  title: ...  en  items:",
    "title": "title: De meldcode in vijf stappen",
    "language": "language: nl",
    "key": "key: meldcode",
    "items": 'items:  met daaronder per alinea  - "Tekst van de alinea."  of  - "- Een opsommingsteken."',
}

# Trainers write Dutch; the field names are English.
DUTCH_FIELD_NAMES = {
    "versie": "schema_version",
    "source": "bron",
    "bronnen": "bron",
    "onderdelen": "sections",
    "secties": "sections",
    "hoofdstukken": "sections",
    "titel": "title",
    "kop": "title",
    "taal": "language",
    "sleutel": "key",
    "naam": "key",
    "tekst": "items",
    "alineas": "items",
    "alinea's": "items",
    "punten": "items",
    "regels": "items",
}


@dataclass(frozen=True)
class ReferenceSection:
    key: str
    title: str
    items: tuple[str, ...]

    def parts(self) -> list[tuple[str, object]]:
        """The items as ("p", text) paragraphs and ("ul", (text, ...)) runs of bullets, in order."""
        parts: list[tuple[str, object]] = []
        for item in self.items:
            if item.startswith(BULLET):
                text = item[len(BULLET):].strip()
                if parts and parts[-1][0] == "ul":
                    parts[-1] = ("ul", parts[-1][1] + (text,))
                else:
                    parts.append(("ul", (text,)))
            else:
                parts.append(("p", item))
        return parts

    @property
    def words(self) -> int:
        return sum(len(item.split()) for item in self.items)

    def text(self) -> str:
        """Title and items as plain text, for searching and tests."""
        return "\n".join((self.title, *self.items))


@dataclass(frozen=True)
class Reference:
    sections: tuple[ReferenceSection, ...]
    title: str = DEFAULT_TITLE
    bron: str = ""
    language: str = "nl"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sections)

    def section(self, key: str) -> ReferenceSection:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"de naslag heeft geen onderdeel '{key}'. Beschikbaar: {', '.join(self.keys)}")

    def __contains__(self, key: object) -> bool:
        return any(s.key == key for s in self.sections)

    def __iter__(self):
        return iter(self.sections)

    def __len__(self) -> int:
        return len(self.sections)


# loading

_cache: dict[str, Reference] = {}
_cache_lock = threading.Lock()


def reference_path(language: str = "nl") -> Path:
    return REFERENCE_DIR / f"{REFERENCE_NAME}.{language}.yaml"


def load_reference(language: str = "nl") -> Reference:
    """The naslag that ships with the kit, parsed and checked once per process."""
    with _cache_lock:
        if language not in _cache:
            if not LANGUAGE_PATTERN.match(str(language)):
                raise TemplateError([Problem(
                    f"{REFERENCE_NAME}.{language}.yaml", None,
                    f"'{language}' is geen taalcode. Gebruik twee kleine letters, bijvoorbeeld nl.",
                )])
            path = reference_path(language)
            if not path.is_file():
                available = sorted(p.name for p in REFERENCE_DIR.glob(f"{REFERENCE_NAME}.*.yaml"))
                raise TemplateError([Problem(
                    str(path), None,
                    f"er is geen naslag in de taal '{language}'. Beschikbaar: {', '.join(available) or '(geen)'}.",
                )])
            _cache[language] = load_reference_file(path)
        return _cache[language]


def clear_reference_cache() -> None:
    """Forget the parsed naslag, so the next `load_reference()` reads the file again (after an edit)."""
    with _cache_lock:
        _cache.clear()


def check_reference_file(path) -> list[Problem]:
    """Every problem in a naslag file; an empty list means it is valid."""
    return _check(path)[0]


def load_reference_file(path) -> Reference:
    problems, reference = _check(path)
    if problems:
        raise TemplateError(problems)
    return reference


def _check(path) -> tuple[list[Problem], Reference | None]:
    checker = _Checker(str(path))
    root = checker.compose(Path(path))
    reference = checker.reference(root) if root is not None else None
    if checker.problems:
        return checker.problems, None
    return [], reference


class _Checker(YamlChecker):
    """The naslag's own fields on top of the shared YAML reading (kit/authoring/yamlfile.py)."""

    def fields(self, node: MappingNode, where: str, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]]:
        """Known fields by name; an unknown one is reported, and the field it probably meant counts as present
        (marked '?name'), so it is not also reported as missing."""
        found = {}
        for name, (key_node, value_node) in super().fields(node, where).items():
            if name in allowed:
                found[name] = (key_node, value_node)
                continue
            guess = guess_field(name, allowed, DUTCH_FIELD_NAMES)
            self.unknown_field(key_node, where, name, guess, allowed)
            if guess:
                found.setdefault(f"?{guess}", (key_node, value_node))
        return found

    def missing(self, node: Node, fields, required, where: str) -> None:
        for name in required:
            if name not in fields and f"?{name}" not in fields:
                self.report(node, f"{where}'{name}' ontbreekt. Voeg het veld toe, bijvoorbeeld:  {EXAMPLES[name]}")

    def text(self, node: Node, label: str, example: str) -> str | None:
        if isinstance(node, MappingNode):
            self.report(
                node,
                f"{label}: YAML leest deze tekst als een veld, omdat er een dubbele punt (:) in staat. "
                f'Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld:  {example}',
            )
            return None
        if isinstance(node, SequenceNode):
            self.report(node, f"{label} moet één tekst zijn, maar is een lijst. Bijvoorbeeld:  {example}")
            return None
        value = self.value(node)
        if value is UNREADABLE:
            return None
        if isinstance(value, str):
            if value.strip():
                return " ".join(value.split())
        elif value is not None:
            self.report(
                node,
                f"{label} moet tekst zijn, maar YAML leest '{node.value}' als iets anders (een getal, datum of "
                f'ja/nee). Zet het tussen aanhalingstekens: "{node.value}"',
            )
            return None
        self.report(node, f"{label} is leeg. Vul een tekst in, bijvoorbeeld:  {example}")
        return None

    # the file, top-down

    def reference(self, root: Node) -> Reference | None:
        if not isinstance(root, MappingNode):
            self.report(
                root,
                "het bestand moet beginnen met velden zoals  schema_version: 1,  bron:  en  sections:. "
                "Haal het streepje of de losse tekst aan het begin weg.",
            )
            return None
        fields = self.fields(root, "", TOP_REQUIRED + TOP_OPTIONAL)
        self.missing(root, fields, TOP_REQUIRED, "")
        if "schema_version" in fields and not self.schema_version(fields["schema_version"][1], SUPPORTED_SCHEMA_VERSION):
            return None
        bron = self.text(fields["bron"][1], "'bron'", EXAMPLES["bron"]) if "bron" in fields else None
        title = DEFAULT_TITLE
        if "title" in fields:
            title = self.text(fields["title"][1], "'title'", EXAMPLES["title"]) or DEFAULT_TITLE
        language = "nl"
        if "language" in fields:
            language = self.text(fields["language"][1], "'language'", EXAMPLES["language"]) or "nl"
            if not LANGUAGE_PATTERN.match(language):
                self.report(
                    fields["language"][1],
                    f"'language' is '{language}', maar moet een taalcode van twee kleine letters zijn, "
                    "bijvoorbeeld:  language: nl",
                )
        sections = self.sections(fields["sections"][1]) if "sections" in fields else []
        if self.problems:
            return None
        return Reference(tuple(sections), title=title, bron=bron or "", language=language)

    def sections(self, node: Node) -> list[ReferenceSection]:
        if not isinstance(node, SequenceNode) or not node.value:
            empty = isinstance(node, ScalarNode) and node.value == ""
            what = "bevat geen onderdelen" if empty or isinstance(node, SequenceNode) else "moet een lijst zijn"
            self.report(
                node,
                f"'sections' {what}: zet elk onderdeel op een nieuwe regel die begint met een streepje, "
                f"bijvoorbeeld:  {EXAMPLES['sections']}",
            )
            return []
        seen: dict[str, int] = {}
        result = []
        for number, item in enumerate(node.value, 1):
            section = self.section(item, number, seen)
            if section is not None:
                result.append(section)
        return result

    def section(self, node: Node, number: int, seen: dict[str, int]) -> ReferenceSection | None:
        where = f"onderdeel {number}: "
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"{where}een onderdeel moet de velden  key:,  title:  en  items:  hebben, elk op een eigen regel "
                "onder het streepje.",
            )
            return None
        fields = self.fields(node, where, SECTION_FIELDS)
        key = self.key(fields["key"][1], where, seen, self.msg("check.unique_hint.section")) if "key" in fields else None
        if key:
            where = f"onderdeel '{key}': "
        self.missing(node, fields, SECTION_FIELDS, where)
        title = self.text(fields["title"][1], f"{where}'title'", EXAMPLES["title"]) if "title" in fields else None
        items = self.items(fields["items"][1], where) if "items" in fields else None
        if items:
            words = sum(len(i.split()) for i in items)
            if words > MAX_SECTION_WORDS:
                self.report(
                    fields["items"][0],
                    f"{where}dit onderdeel is {words} woorden; op een telefoon passen er hoogstens "
                    f"{MAX_SECTION_WORDS}. Maak het korter of verdeel het over twee onderdelen met elk een eigen key.",
                )
        if key and title and items:
            return ReferenceSection(key, title, tuple(items))
        return None

    def items(self, node: Node, where: str) -> list[str]:
        if not isinstance(node, SequenceNode) or not node.value:
            self.report(
                node,
                f"{where}'items' moet een lijst met minstens één alinea zijn: begin elke alinea op een nieuwe regel "
                f"met een streepje, bijvoorbeeld:  {EXAMPLES['items']}",
            )
            return []
        items = []
        for number, item in enumerate(node.value, 1):
            label = f"{where}'items' regel {number}"
            if isinstance(item, SequenceNode):
                self.report(
                    item,
                    f"{label} is een lijst in een lijst (twee streepjes). Wil je een opsommingsteken? Zet de regel "
                    'tussen aanhalingstekens, bijvoorbeeld:  - "- Neem de leerling serieus."',
                )
                continue
            text = self.text(item, label, '- "Stap 1: signalen in kaart brengen."')
            if text is None:
                continue
            if text == BULLET.strip():
                self.report(item, f"{label} is een leeg opsommingsteken. Zet tekst achter het streepje of haal de regel weg.")
                continue
            if len(text) > MAX_ITEM_LENGTH:
                self.report(
                    item,
                    f"{label} is {len(text)} tekens; hoogstens {MAX_ITEM_LENGTH} passen prettig op een telefoon. "
                    "Verdeel de tekst over meer alinea's.",
                )
                continue
            items.append(text)
        return items


def main(argv: list[str] | None = None) -> int:
    """`python -m kit.authoring.naslag [bestand]`: check a naslag file (by default the one that ships with the kit)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else reference_path()
    problems = check_reference_file(path)
    if problems:
        for problem in problems:
            print(problem)
        print(t("naslag.check_problems", n=len(problems)))
        return 1
    reference = load_reference_file(path)
    print(t("naslag.check_ok", path=path, n=len(reference)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
