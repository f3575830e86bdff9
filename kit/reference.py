"""The naslag (reference): the handbook's background chapter, condensed, for phones and the projector.

The text lives in `kit/templates/naslag.<taal>.yaml`, which trainers edit by hand. Like the workshop templates,
the file is checked without stopping at the first mistake: every problem is collected with the file, the line
and a Dutch hint, and only a file without problems becomes a `Reference`.

Stdlib + PyYAML only, so a participant kernel can load it cheaply; `load_reference()` parses once per process.

Check a file by hand with:  python -m kit.reference [bestand]
"""

from __future__ import annotations

import difflib
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kit.templates.loader import Problem, TemplateError

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
REFERENCE_DIR = Path(__file__).parent / "templates"
REFERENCE_NAME = "naslag"
BULLET = "- "
DEFAULT_TITLE = "Naslag"

KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2}\Z")
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


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def report(self, where: Node | int | None, message: str) -> None:
        line = _line(where) if isinstance(where, Node) else where
        self.problems.append(Problem(self.file, line, message))

    # reading

    def compose(self, path: Path) -> Node | None:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.report(None, "het bestand is niet gevonden. Controleer de naam en de map van het bestand.")
            return None
        except OSError as error:
            self.report(None, f"het bestand kan niet worden gelezen ({error.strerror or error}).")
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.report(
                raw[: error.start].count(b"\n") + 1,
                "deze regel bevat tekens die geen UTF-8 zijn (bijvoorbeeld een é of ë uit een oude editor). "
                "Sla het bestand op met codering UTF-8.",
            )
            return None
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            self._yaml_error(error)
            return None
        except yaml.YAMLError as error:
            self.report(None, f"het bestand is geen geldige YAML ({error}). Controleer de opmaak.")
            return None
        if root is None:
            self.report(None, "het bestand is leeg. Begin met  schema_version: 1  en vul de andere velden in.")
        return root

    def _yaml_error(self, error: yaml.MarkedYAMLError) -> None:
        problem, context = error.problem or "", error.context or ""
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        if "mapping values are not allowed" in problem:
            message = (
                "hier staat een dubbele punt (:) waar YAML die niet verwacht. Staat er een dubbele punt in een "
                'tekst? Zet de hele tekst dan tussen aanhalingstekens, bijvoorbeeld  - "Stap 1: signalen in kaart '
                'brengen"'
            )
        elif "'\\t'" in problem:
            message = "deze regel springt in met een tab. YAML accepteert alleen spaties: vervang de tab door spaties."
        elif "quoted scalar" in context and error.context_mark:
            line = error.context_mark.line + 1
            message = (
                "hier begint een tekst met een aanhalingsteken dat nergens wordt gesloten. "
                "Zet aan het eind van de tekst hetzelfde aanhalingsteken (\" of ')."
            )
        elif "expected a single document" in context:
            message = "het bestand bevat meer dan één YAML-document (een regel met ---). Haal de --- weg."
        else:
            message = (
                "de inspringing klopt niet of er staat tekst op een onverwachte plek. Velden die bij elkaar horen "
                "moeten precies even ver inspringen (met spaties), en tekst na een afsluitend aanhalingsteken "
                "hoort binnen de aanhalingstekens."
            )
        self.report(line, f"fout in de YAML-opmaak: {message}")

    def value(self, node: ScalarNode):
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.report(node, "de waarde heeft een onbekende YAML-markering (een woord met !). Haal die weg.")
            return None

    def fields(self, node: MappingNode, where: str, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]]:
        found: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, f"{where}een veldnaam moet een gewoon woord zijn, zoals  title:")
                continue
            name = key_node.value
            if name in found:
                self.report(
                    key_node,
                    f"{where}'{name}' staat twee keer in hetzelfde onderdeel (ook op regel {_line(found[name][0])}). "
                    "Laat er één staan.",
                )
                continue
            if name not in allowed:
                guess = DUTCH_FIELD_NAMES.get(name.lower())
                if guess not in allowed:
                    close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
                    guess = close[0] if close else None
                hint = (f"Bedoel je '{guess}'? Pas de naam aan." if guess
                        else f"Haal de regel weg of gebruik een van: {', '.join(allowed)}.")
                self.report(key_node, f"{where}onbekend veld '{name}'. {hint}")
                if guess and guess not in found:
                    found.setdefault(f"?{guess}", (key_node, value_node))  # counts as present: no 'ontbreekt' too
                continue
            found[name] = (key_node, value_node)
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
        if "schema_version" in fields and not self.schema_version(fields["schema_version"][1]):
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

    def schema_version(self, node: Node) -> bool:
        """False for a file written for a newer kit: the rest would only produce confusing noise."""
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, int) or isinstance(value, bool):
            shown = node.value if isinstance(node, ScalarNode) else "een lijst of groep velden"
            self.report(
                node,
                f"'schema_version' moet een heel getal zijn, maar is '{shown}'. "
                f"Schrijf:  schema_version: {SUPPORTED_SCHEMA_VERSION}",
            )
            return True
        if value < 1:
            self.report(node, f"schema_version {value} bestaat niet. Schrijf:  schema_version: {SUPPORTED_SCHEMA_VERSION}")
            return True
        if value > SUPPORTED_SCHEMA_VERSION:
            self.report(
                node,
                f"schema_version {value} is nieuwer dan deze kit kan lezen (tot en met {SUPPORTED_SCHEMA_VERSION}). "
                "Werk de kit bij, of gebruik een naslag die voor deze versie is gemaakt.",
            )
            return False
        return True

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
        key = self.key(fields, where, seen)
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

    def key(self, fields, where: str, seen: dict[str, int]) -> str | None:
        if "key" not in fields:
            return None
        node = fields["key"][1]
        if not isinstance(node, ScalarNode) or not node.value.strip():
            self.report(node, f"{where}'key' moet één woord zijn, bijvoorbeeld:  {EXAMPLES['key']}")
            return None
        raw = node.value.strip()
        if not KEY_PATTERN.match(raw):
            slug = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_")
            if not slug or not slug[0].isalpha():
                slug = f"k_{slug}".rstrip("_")
            self.report(
                node,
                f"{where}'key' is '{raw}', maar mag alleen kleine letters, cijfers en _ bevatten en moet met een "
                f"letter beginnen. Schrijf bijvoorbeeld:  key: {slug}",
            )
            return None
        if raw in seen:
            self.report(node, f"{where}de key '{raw}' komt al voor op regel {seen[raw]}. Geef elk onderdeel een eigen key.")
            return None
        seen[raw] = _line(node)
        return raw

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
    """`python -m kit.reference [bestand]`: check a naslag file (by default the one that ships with the kit)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else reference_path()
    problems = check_reference_file(path)
    if problems:
        for problem in problems:
            print(problem)
        count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
        print(f"{count} gevonden; de naslag wordt pas gebruikt als alles is opgelost.")
        return 1
    reference = load_reference_file(path)
    print(f"{path}: in orde, {len(reference)} onderdelen.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
