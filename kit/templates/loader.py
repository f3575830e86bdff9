"""Read workshop templates from YAML and explain every mistake in Dutch, pointing at the line to fix.

Trainers edit these files by hand, often without knowing YAML. So the checker does not stop at the first
mistake and never raises for bad content: it walks the composed node tree (which still knows its line
numbers), collects every problem with a hint about what to write instead, and only a file without
problems becomes a `Template`.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kit.model.template import QUESTION_TYPES, Template
from kit.model.text import DEFAULT_OPEN_MAX_LENGTH, MAX_OPEN_LENGTH
from kit.questiontypes import all_types, question_type

SUPPORTED_SCHEMA_VERSION = 1
TEMPLATE_DIR = Path(__file__).parent
TEMPLATE_SUFFIX = ".nl.yaml"
# Shipped templates are NAME.LANG.yaml: the Dutch one is called NAME, a translation NAME.LANG (teamleergesprek.en).
PACKAGED_PATTERN = re.compile(r"(?P<name>[a-z][a-z0-9_-]*)\.(?P<lang>[a-z]{2})\.yaml\Z")

KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_-]*\Z")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2}\Z")
MAX_BLOCK_MINUTES = 180
MAX_SCALE_STEPS = 11

TOP_REQUIRED = ("schema_version", "name", "title", "blocks")
TOP_OPTIONAL = ("language",)
BLOCK_REQUIRED = ("key", "title", "minutes")
BLOCK_OPTIONAL = ("guidance", "questions", "screen", "prompts", "prompt_seconds", "meldcode", "points")
MELDCODE_FIELDS = ("cases", "worksheet", "max_length")
CASE_FIELDS = ("key", "title", "text")
WORKSHEET_FIELDS = ("key", "title", "questions")
POINTS_FIELDS = ("stickers", "max_per_point", "max_length", "levels", "statuses")
MAX_STICKERS = 20
MAX_PROMPT_SECONDS = 900
QUESTION_REQUIRED = ("key", "type", "text")
# Each question type (kit.questiontypes) names its own fields and reads them (`QuestionType.read`).
TYPE_FIELDS = {kind.key: kind.fields for kind in all_types()}
TYPE_REQUIRED = {kind.key: kind.required for kind in all_types()}
ALL_QUESTION_FIELDS = QUESTION_REQUIRED + tuple(dict.fromkeys(f for fs in TYPE_FIELDS.values() for f in fs))

_HELPS = [kind.help for kind in all_types()]
TYPE_HELP = ", ".join(_HELPS[:-1]) + " of " + _HELPS[-1] if len(_HELPS) > 1 else _HELPS[0]

# What a correct line looks like, so a message can end with something to copy.
EXAMPLES = {
    "schema_version": f"schema_version: {SUPPORTED_SCHEMA_VERSION}",
    "name": "name: mijn_teamleergesprek",
    "language": "language: nl",
    "title": "title: Teamleergesprek onderbouw",
    "blocks": "blocks:  met daaronder  - key: welkom  en  title: Welkom  en  minutes: 10",
    "key": "key: welkom",
    "minutes": "minutes: 10",
    "guidance": "guidance: Heet iedereen welkom.",
    "questions": "questions:  met daaronder  - key: mijn_vraag  en  type: open  en  text: ...",
    "screen": 'screen:  met daaronder per alinea  - "Kindermishandeling stop je samen."',
    "prompts": 'prompts:  met daaronder per vraag  - "Herken je signalen?"',
    "prompt_seconds": "prompt_seconds: 90",
    "meldcode": "meldcode:  met daaronder  cases:  en  worksheet:",
    "cases": "cases:  met daaronder  - key: casus1  en  title: Casus 1  en  text: ...",
    "worksheet": "worksheet:  met daaronder  - key: stap1  en  title: Stap 1  en  questions: [...]",
    "points": "points:  met daaronder  stickers: 3  en  max_per_point: 2",
    "stickers": "stickers: 3",
    "max_per_point": "max_per_point: 2",
    "levels": "levels: [de professional, het team en de organisatie]",
    "statuses": "statuses: [nog niet gestart, bezig, klaar]",
    "type": "type: ordered",
    "text": 'text: "Hoe vaardig voel jij je?"',
    "options": "options: [ja, nee]",
    "min": "min: 0",
    "max": "max: 5",
    "min_label": "min_label: zeer ontevreden",
    "max_label": "max_label: zeer tevreden",
    "max_length": f"max_length: {DEFAULT_OPEN_MAX_LENGTH}",
    "private": "private: true",
}

MISSING_HINTS = {
    "options": "Zet onder de vraag een lijst met antwoordopties",
    "blocks": "Zet onderaan het bestand de lijst met blokken",
    "schema_version": "Zet bovenaan het bestand",
}

# Trainers write Dutch; the field names are English. Catch the obvious translations difflib would miss.
DUTCH_FIELD_NAMES = {
    "versie": "schema_version",
    "naam": "name",
    "taal": "language",
    "titel": "title",
    "blokken": "blocks",
    "sleutel": "key",
    "minuten": "minutes",
    "duur": "minutes",
    "tijd": "minutes",
    "uitleg": "guidance",
    "toelichting": "guidance",
    "instructie": "guidance",
    "vragen": "questions",
    "scherm": "screen",
    "dia": "screen",
    "reflectievragen": "prompts",
    "gespreksvragen": "prompts",
    "denktijd": "prompt_seconds",
    "casussen": "cases",
    "werkblad": "worksheet",
    "punten": "points",
    "stemmen": "stickers",
    "niveaus": "levels",
    "soort": "type",
    "vraagtype": "type",
    "tekst": "text",
    "vraag": "text",
    "opties": "options",
    "antwoorden": "options",
    "antwoordopties": "options",
    "minimum": "min",
    "maximum": "max",
    "maximale_lengte": "max_length",
    "lengte": "max_length",
    "prive": "private",
    "privé": "private",
}


@dataclass
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class TemplateError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def check_file(path) -> list[Problem]:
    """Every problem in a template file; an empty list means it is valid."""
    return _check(path)[0]


def load_template_file(path) -> Template:
    problems, data = _check(path)
    if problems:
        raise TemplateError(problems)
    return Template.from_dict(data)


TEMPLATES_ENV = "TEAMLEERGESPREK_TEMPLATES"
DEFAULT_USER_TEMPLATES = Path("data/templates")


def user_templates_dir(templates_dir=None) -> Path:
    """Where a school keeps its own templates: --templates, else $TEAMLEERGESPREK_TEMPLATES, else data/templates/."""
    return Path(templates_dir or os.environ.get(TEMPLATES_ENV) or DEFAULT_USER_TEMPLATES)


def _user_templates(templates_dir=None) -> dict[str, Path]:
    folder = user_templates_dir(templates_dir)
    found = {}
    for pattern in ("*.yaml", "*.yml"):
        for path in folder.glob(pattern):
            name = path.name.split(".")[0]
            found.setdefault(name, path)
    return found


# YAML files shipped beside the templates that are not session templates (kit/reference.py reads the naslag).
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


def load_template(name_or_path: str, templates_dir=None) -> Template:
    """A template by file path, or by name: the school's own templates first, then those shipped with the kit."""
    path = Path(name_or_path)
    if path.is_file():
        return load_template_file(path)
    found = template_path(name_or_path, templates_dir)
    if found is not None:
        return load_template_file(found)
    names = ", ".join(available_templates(templates_dir)) or "(geen)"
    if path.suffix in (".yaml", ".yml") or len(path.parts) > 1:
        message = (
            f"het bestand is niet gevonden. Controleer de naam en de map, "
            f"of kies een van de sjablonen: {names}."
        )
    else:
        message = (
            f"er is geen sjabloon met deze naam. Beschikbare sjablonen: {names}. "
            f"Geef een van deze namen, of het pad naar een eigen YAML-bestand."
        )
    raise TemplateError([Problem(str(name_or_path), None, message)])


def copy_template(source: str, new_name: str, templates_dir=None) -> Path:
    """Start an own template from an existing one: same content, its own name, in the school's template folder."""
    if not NAME_PATTERN.match(new_name):
        raise TemplateError([Problem(new_name, None,
                                     f"de naam mag alleen kleine letters, cijfers, _ en - bevatten en moet met een "
                                     f"letter beginnen, bijvoorbeeld: {_slug(new_name)}")])
    origin = template_path(source, templates_dir)
    if origin is None:
        load_template(source, templates_dir)  # raises the message that lists the available names
    target = user_templates_dir(templates_dir) / f"{new_name}.yaml"
    if target.exists():
        raise TemplateError([Problem(str(target), None,
                                     "dit bestand bestaat al en wordt niet overschreven. Kies een andere naam.")])
    text = origin.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^name:.*$", f"name: {new_name}", text, count=1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _check(path) -> tuple[list[Problem], dict | None]:
    checker = _Checker(str(path))
    root = checker.compose(Path(path))
    data = checker.template(root) if root is not None else None
    return checker.problems, (data if not checker.problems else None)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _slug(text: str) -> str:
    """A valid key that resembles `text`, to suggest when a trainer wrote 'Welkom blok' as a key."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    if not slug or not slug[0].isalpha():
        slug = f"k_{slug}".rstrip("_")
    return slug


class _Unreadable:
    """Stands in for a value that was already reported, so it is not reported a second time."""


UNREADABLE = _Unreadable()


class _Checker:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")
        self._block_keys: dict[str, int] = {}
        self._question_keys: dict[str, int] = {}

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
        except IsADirectoryError:
            self.report(None, "dit is een map, geen bestand. Geef het pad naar een .yaml-bestand.")
            return None
        except OSError as error:
            self.report(None, f"het bestand kan niet worden gelezen ({error.strerror}). Controleer of je het mag openen.")
            return None
        try:
            # utf-8-sig: Windows editors often start the file with an invisible byte-order mark.
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.report(
                raw[: error.start].count(b"\n") + 1,
                "deze regel bevat tekens die geen UTF-8 zijn (bijvoorbeeld een é of ë uit een oude editor). "
                "Sla het bestand op met codering UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8).",
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
        problem = error.problem or ""
        context = error.context or ""
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        if "mapping values are not allowed" in problem:
            message = (
                "hier staat een dubbele punt (:) waar YAML die niet verwacht. Staat er een dubbele punt in een tekst? "
                'Zet de hele tekst dan tussen aanhalingstekens, bijvoorbeeld  title: "Startoefening: wat vind jij?"  '
                "Zo niet, dan springt deze regel te ver in: zet hem precies onder de velden erboven."
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
            message = (
                "het bestand bevat meer dan één YAML-document (een regel met ---). "
                "Eén bestand is één sjabloon: haal de --- weg of maak een tweede bestand."
            )
        elif "undefined alias" in problem:
            message = "hier staat een * die YAML als verwijzing leest. Zet tekst die met * begint tussen aanhalingstekens."
        elif "flow" in context:
            message = (
                "de lijst tussen [ ] is niet goed afgesloten of bevat een dubbele punt. "
                "Sluit de lijst met ] en zet opties met een dubbele punt of komma tussen aanhalingstekens."
            )
        else:
            message = (
                "de inspringing klopt niet of er staat tekst op een onverwachte plek. Velden die bij elkaar horen "
                "moeten precies even ver inspringen (met spaties), en een tekst na een afsluitend aanhalingsteken "
                "moet binnen de aanhalingstekens staan."
            )
        self.report(line, f"fout in de YAML-opmaak: {message}")

    def value(self, node: Node):
        """The Python value of a scalar node as YAML reads it (so `yes` is True); nodes for collections."""
        if not isinstance(node, ScalarNode):
            return node
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.report(
                node,
                f"de waarde heeft een onbekende YAML-markering ({node.tag.replace('tag:yaml.org,2002:', '!!')}). "
                "Haal het woord met ! weg en schrijf alleen de waarde.",
            )
            return UNREADABLE

    def fields(self, node: MappingNode, where: str) -> dict[str, tuple[Node, Node]]:
        found: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, f"{where}een veldnaam moet een gewoon woord zijn, zoals  title:")
                continue
            name = key_node.value
            if name in found:
                first = _line(found[name][0])
                self.report(
                    key_node,
                    f"{where}'{name}' staat twee keer in hetzelfde onderdeel (ook op regel {first}). "
                    "Laat er één staan.",
                )
                continue
            found[name] = (key_node, value_node)
        return found

    def unknown_fields(self, fields, allowed, where: str, elsewhere: dict[str, str] | None = None) -> set[str]:
        """Report fields that do not belong here; returns the known names they were probably meant as."""
        meant = set()
        for name, (key_node, _) in fields.items():
            if name in allowed:
                continue
            if elsewhere and name in elsewhere:
                self.report(key_node, f"{where}'{name}' {elsewhere[name]}")
                continue
            guess = DUTCH_FIELD_NAMES.get(name.lower())
            if guess not in allowed:
                close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
                guess = close[0] if close else None
            if guess and guess not in fields:
                meant.add(guess)
                hint = f"Bedoel je '{guess}'? Pas de naam aan."
            else:
                hint = f"Haal de regel weg of gebruik een van: {', '.join(allowed)}."
            self.report(key_node, f"{where}onbekend veld '{name}'. {hint}")
        return meant

    def missing_fields(self, node: Node, fields, required, where: str, meant=frozenset()) -> None:
        for name in required:
            if name not in fields and name not in meant:
                hint = MISSING_HINTS.get(name, "Voeg het veld toe")
                self.report(node, f"{where}'{name}' ontbreekt. {hint}, bijvoorbeeld:  {EXAMPLES[name]}")

    # typed values

    def text(self, fields, name: str, where: str, *, required: bool = True) -> str | None:
        if name not in fields:
            return None if required else ""
        node = fields[name][1]
        if not required and isinstance(node, ScalarNode) and self.value(node) is None:
            return ""
        return self.text_value(node, f"{where}'{name}'", EXAMPLES[name])

    def text_value(self, node: Node, label: str, example: str) -> str | None:
        value = self.value(node)
        if value is UNREADABLE:
            return None
        if isinstance(value, str):
            if value.strip():
                return value.strip()
            self.report(node, f"{label} is leeg. Vul een tekst in, bijvoorbeeld:  {example}")
            return None
        if value is None:
            self.report(node, f"{label} is leeg. Vul een tekst in, bijvoorbeeld:  {example}")
        elif isinstance(value, Node):
            kind = "een lijst" if isinstance(value, SequenceNode) else "een groep velden"
            self.report(node, f"{label} moet één tekst zijn, maar is {kind}. Schrijf de tekst achter de dubbele punt.")
        else:
            self.report(
                node,
                f"{label} moet tekst zijn, maar YAML leest {node.value} als {self._kind(value)}. "
                f'Zet het tussen aanhalingstekens: "{node.value}"',
            )
        return None

    def integer(self, fields, name: str, where: str, low: int | None = None, high: int | None = None) -> int | None:
        if name not in fields:
            return None
        node = fields[name][1]
        value = self.value(node)
        label = f"{where}'{name}'"
        if value is UNREADABLE:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            if (low is not None and value < low) or (high is not None and value > high):
                self.report(node, f"{label} is {value}, maar moet tussen {low} en {high} liggen. Pas het getal aan.")
                return None
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            problem = f"staat tussen aanhalingstekens. Haal die weg, zodat het een getal is:  {name}: {value.strip()}"
        elif isinstance(value, float):
            problem = f"moet een heel getal zijn, zonder komma of punt, bijvoorbeeld:  {EXAMPLES[name]}"
        elif value is None:
            problem = f"is leeg. Vul een heel getal in, bijvoorbeeld:  {EXAMPLES[name]}"
        else:
            shown = node.value if isinstance(node, ScalarNode) else self._kind(value)
            problem = f"moet een heel getal zijn, maar is '{shown}'. Schrijf het in cijfers, bijvoorbeeld:  {EXAMPLES[name]}"
        self.report(node, f"{label} {problem}")
        return None

    @staticmethod
    def _kind(value) -> str:
        if isinstance(value, bool):
            return "een ja/nee-waarde (true/false)"
        if isinstance(value, (int, float)):
            return "een getal"
        if isinstance(value, (datetime.date, datetime.datetime)):
            return "een datum"
        if isinstance(value, SequenceNode):
            return "een lijst"
        if isinstance(value, MappingNode):
            return "een groep velden"
        return "iets anders dan tekst"

    def key(self, fields, where: str, seen: dict[str, int], unique_hint: str) -> str | None:
        """A block or question key. Read as written: `key: yes` is the word yes, not a YAML true."""
        if "key" not in fields:
            return None
        node = fields["key"][1]
        if not isinstance(node, ScalarNode):
            self.report(node, f"{where}'key' moet één woord zijn, bijvoorbeeld:  {EXAMPLES['key']}")
            return None
        raw = node.value.strip()
        if not raw:
            self.report(node, f"{where}'key' is leeg. Vul een korte naam in, bijvoorbeeld:  {EXAMPLES['key']}")
            return None
        if not KEY_PATTERN.match(raw):
            self.report(
                node,
                f"{where}'key' is '{raw}', maar mag alleen kleine letters, cijfers en _ bevatten en moet met een "
                f"letter beginnen. Schrijf bijvoorbeeld:  key: {_slug(raw)}",
            )
            return None
        if raw in seen:
            self.report(
                node,
                f"{where}de key '{raw}' komt al voor op regel {seen[raw]}. {unique_hint}",
            )
            return None
        seen[raw] = _line(node)
        return raw

    # the template, top-down

    def template(self, root: Node) -> dict | None:
        if not isinstance(root, MappingNode):
            kind = "een lijst" if isinstance(root, SequenceNode) else "losse tekst"
            self.report(
                root,
                f"het bestand moet beginnen met velden zoals  schema_version: 1  en  name: ..., maar begint met {kind}. "
                "Haal het streepje of de losse tekst aan het begin weg.",
            )
            return None
        fields = self.fields(root, "")
        if not self.schema_version(fields):
            return None
        meant = self.unknown_fields(fields, TOP_REQUIRED + TOP_OPTIONAL, "")
        self.missing_fields(root, fields, TOP_REQUIRED, "", meant)
        name = self.text(fields, "name", "")
        if name is not None and not NAME_PATTERN.match(name):
            self.report(
                fields["name"][1],
                f"'name' is '{name}', maar mag alleen kleine letters, cijfers, _ en - bevatten en moet met een "
                f"letter beginnen. Schrijf bijvoorbeeld:  name: {_slug(name)}",
            )
        language = self.text(fields, "language", "", required=False) or "nl"
        if not LANGUAGE_PATTERN.match(language):
            self.report(
                fields["language"][1],
                f"'language' is '{language}', maar moet een taalcode van twee kleine letters zijn, bijvoorbeeld:  "
                "language: nl",
            )
        title = self.text(fields, "title", "")
        blocks = self.blocks(fields["blocks"][1]) if "blocks" in fields else []
        return {
            "schema_version": SUPPORTED_SCHEMA_VERSION,
            "name": name,
            "language": language,
            "title": title,
            "blocks": blocks,
        }

    def schema_version(self, fields) -> bool:
        """False when the file is written for a newer kit: the rest would only produce confusing noise."""
        if "schema_version" not in fields:
            return True  # reported with the other missing fields
        node = fields["schema_version"][1]
        value = self.value(node)
        if value is UNREADABLE:
            return True
        if not isinstance(value, int) or isinstance(value, bool):
            shown = node.value if isinstance(node, ScalarNode) else self._kind(value)
            self.report(
                node,
                f"'schema_version' moet een heel getal zijn, maar is '{shown}'. "
                f"Schrijf:  schema_version: {SUPPORTED_SCHEMA_VERSION}",
            )
            return True
        if value < 1:
            self.report(
                node,
                f"schema_version {value} is te oud: de eerste versie is 1. "
                f"Schrijf:  schema_version: {SUPPORTED_SCHEMA_VERSION}  en controleer het bestand opnieuw.",
            )
            return True
        if value > SUPPORTED_SCHEMA_VERSION:
            self.report(
                node,
                f"schema_version {value} is nieuwer dan deze kit kan lezen (tot en met {SUPPORTED_SCHEMA_VERSION}). "
                "Werk de kit bij, of gebruik een sjabloon dat voor deze versie is gemaakt.",
            )
            return False
        return True

    def blocks(self, node: Node) -> list[dict]:
        value = self.value(node)
        if value is UNREADABLE:
            return []
        if value is None or (isinstance(node, SequenceNode) and not node.value):
            self.report(node, f"'blocks' bevat geen blokken. Zet er minstens één onder, bijvoorbeeld:  {EXAMPLES['blocks']}")
            return []
        if not isinstance(node, SequenceNode):
            self.report(
                node,
                "'blocks' moet een lijst zijn: zet elk blok op een nieuwe regel die begint met een streepje, "
                "bijvoorbeeld  - key: welkom",
            )
            return []
        return [b for i, item in enumerate(node.value, 1) if (b := self.block(item, i)) is not None]

    def block(self, node: Node, number: int) -> dict | None:
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"blok {number} moet velden hebben zoals  key:,  title:  en  minutes:, elk op een eigen regel "
                "onder het streepje.",
            )
            return None
        fields = self.fields(node, f"blok {number}: ")
        where = f"blok {number}: "
        key = self.key(fields, where, self._block_keys, "Geef elk blok een eigen key.")
        if key:
            where = f"blok '{key}': "
        meant = self.unknown_fields(fields, BLOCK_REQUIRED + BLOCK_OPTIONAL, where)
        self.missing_fields(node, fields, BLOCK_REQUIRED, where, meant)
        title = self.text(fields, "title", where)
        minutes = self.integer(fields, "minutes", where, 1, MAX_BLOCK_MINUTES)
        guidance = self.text(fields, "guidance", where, required=False)
        questions = self.questions(fields["questions"][1], where) if "questions" in fields else []
        data = {"key": key, "title": title, "minutes": minutes, "guidance": guidance, "questions": questions}
        for name in ("screen", "prompts"):
            if name in fields:
                data[name] = self.text_list(fields[name][1], where, name)
        if "meldcode" in fields and "points" in fields:
            self.report(
                fields["points"][0],
                f"{where}een blok kan 'meldcode' of 'points' hebben, niet allebei. Zet ze in twee blokken.",
            )
        elif "meldcode" in fields:
            data["meldcode"] = self.meldcode(fields["meldcode"][1], where)
        elif "points" in fields:
            data["points"] = self.points(fields["points"][1], where)
        if "prompt_seconds" in fields:
            data["prompt_seconds"] = self.integer(fields, "prompt_seconds", where, 10, MAX_PROMPT_SECONDS)
            if "prompts" not in fields:
                self.report(
                    fields["prompt_seconds"][0],
                    f"{where}'prompt_seconds' geeft denktijd per vraag in 'prompts', maar dit blok heeft geen 'prompts'. "
                    f"Zet de vragen eronder, bijvoorbeeld:  {EXAMPLES['prompts']}",
                )
        return data

    def mapping(self, node: Node, where: str, name: str) -> dict | None:
        if isinstance(node, MappingNode):
            return self.fields(node, f"{where}{name}: ")
        self.report(node, f"{where}'{name}' moet velden eronder hebben, bijvoorbeeld:  {EXAMPLES[name]}")
        return None

    def items(self, node: Node, where: str, name: str) -> list[MappingNode]:
        if not isinstance(node, SequenceNode) or not node.value:
            self.report(node, f"{where}'{name}' moet een lijst met minstens één onderdeel zijn, bijvoorbeeld:  {EXAMPLES[name]}")
            return []
        good = [item for item in node.value if isinstance(item, MappingNode)]
        for item in node.value:
            if not isinstance(item, MappingNode):
                self.report(item, f"{where}elk onderdeel van '{name}' moet velden hebben, bijvoorbeeld:  {EXAMPLES[name]}")
        return good

    def meldcode(self, node: Node, where: str) -> dict | None:
        fields = self.mapping(node, where, "meldcode")
        if fields is None:
            return None
        where = f"{where}meldcode: "
        meant = self.unknown_fields(fields, MELDCODE_FIELDS, where)
        self.missing_fields(node, fields, ("cases", "worksheet"), where, meant)
        cases, case_keys = [], {}
        for item in self.items(fields["cases"][1], where, "cases") if "cases" in fields else []:
            case_fields = self.fields(item, where)
            meant = self.unknown_fields(case_fields, CASE_FIELDS, where)
            self.missing_fields(item, case_fields, CASE_FIELDS, where, meant)
            key = self.key(case_fields, where, case_keys, "Geef elke casus een eigen key.")
            title, text = self.text(case_fields, "title", where), self.text(case_fields, "text", where)
            if key and title and text:
                cases.append({"key": key, "title": title, "text": text})
        steps, step_keys = [], {}
        for item in self.items(fields["worksheet"][1], where, "worksheet") if "worksheet" in fields else []:
            step_fields = self.fields(item, where)
            meant = self.unknown_fields(step_fields, WORKSHEET_FIELDS, where)
            self.missing_fields(item, step_fields, WORKSHEET_FIELDS, where, meant)
            key = self.key(step_fields, where, step_keys, "Geef elke stap een eigen key.")
            title = self.text(step_fields, "title", where)
            questions = self.text_list(step_fields["questions"][1], where, "prompts") if "questions" in step_fields else []
            if key and title and questions:
                steps.append({"key": key, "title": title, "questions": questions})
        length = self.integer(fields, "max_length", where, 1, MAX_OPEN_LENGTH)
        return {"cases": cases, "worksheet": steps, "max_length": length or DEFAULT_OPEN_MAX_LENGTH}

    def points(self, node: Node, where: str) -> dict | None:
        fields = self.mapping(node, where, "points")
        if fields is None:
            return None
        where = f"{where}points: "
        self.unknown_fields(fields, POINTS_FIELDS, where)
        data = {}
        stickers = self.integer(fields, "stickers", where, 1, MAX_STICKERS)
        data["stickers"] = stickers or 3
        per_point = self.integer(fields, "max_per_point", where, 1, MAX_STICKERS)
        if per_point and per_point > data["stickers"]:
            self.report(
                fields["max_per_point"][1],
                f"{where}'max_per_point' ({per_point}) is groter dan het aantal stickers ({data['stickers']}). "
                "Maak het kleiner of gelijk.",
            )
        data["max_per_point"] = min(per_point or 2, data["stickers"])
        data["max_length"] = self.integer(fields, "max_length", where, 20, 1000) or 200
        for name in ("levels", "statuses"):
            if name in fields:
                values = self.text_list(fields[name][1], where, name)
                if len(values) < (1 if name == "levels" else 2):
                    self.report(fields[name][1], f"{where}'{name}' heeft te weinig waarden, bijvoorbeeld:  {EXAMPLES[name]}")
                data[name] = values
        return data

    def text_list(self, node: Node, where: str, name: str) -> list[str]:
        """A list of texts (paragraphs or prompts), each on its own line starting with a dash."""
        if isinstance(node, ScalarNode) and self.value(node) is None:
            return []
        if not isinstance(node, SequenceNode):
            self.report(
                node,
                f"{where}'{name}' moet een lijst zijn: begin elke tekst op een nieuwe regel met een streepje, "
                f"bijvoorbeeld:  {EXAMPLES[name]}",
            )
            return []
        items = []
        for number, item in enumerate(node.value, 1):
            text = self.text_value(item, f"{where}'{name}' regel {number}", EXAMPLES[name])
            if text is not None:
                items.append(text)
        return items

    def questions(self, node: Node, where: str) -> list[dict]:
        if isinstance(node, ScalarNode) and self.value(node) is None:
            return []
        if not isinstance(node, SequenceNode):
            self.report(
                node,
                f"{where}'questions' moet een lijst zijn: begin elke vraag op een nieuwe regel met een streepje, "
                "bijvoorbeeld  - key: mijn_vraag",
            )
            return []
        return [q for i, item in enumerate(node.value, 1) if (q := self.question(item, i, where)) is not None]

    def question(self, node: Node, number: int, block_where: str) -> dict | None:
        where = f"{block_where}vraag {number}: "
        if not isinstance(node, MappingNode):
            self.report(node, f"{where}een vraag moet velden hebben zoals  key:,  type:  en  text:, elk op een eigen regel.")
            return None
        fields = self.fields(node, where)
        key = self.key(
            fields, where, self._question_keys,
            "Geef elke vraag in het sjabloon een eigen key; trends koppelen de antwoorden via die key.",
        )
        if key:
            where = f"vraag '{key}': "
        qtype = self.question_type(fields, where)
        if qtype:
            allowed = QUESTION_REQUIRED + TYPE_FIELDS[qtype]
            elsewhere = {
                f: f"hoort niet bij een vraag van type '{qtype}'. Haal de regel weg, of kies een ander type."
                for f in ALL_QUESTION_FIELDS
                if f not in allowed
            }
            required = QUESTION_REQUIRED + TYPE_REQUIRED[qtype]
        else:
            # Without a usable type, any question field may be meant; only the type itself is reported.
            allowed, elsewhere, required = ALL_QUESTION_FIELDS, None, QUESTION_REQUIRED
        meant = self.unknown_fields(fields, allowed, where, elsewhere)
        self.missing_fields(node, fields, required, where, meant)
        data = {"key": key, "type": qtype, "text": self.text(fields, "text", where)}
        if qtype:
            data.update(question_type(qtype).read(self, fields, where))
        return data

    def boolean(self, fields, name: str, where: str) -> bool:
        """true or false; anything else is reported and read as false."""
        value = self.value(fields[name][1])
        if not isinstance(value, bool):
            self.report(fields[name][1], f"{where}'{name}' moet true of false zijn, bijvoorbeeld:  {EXAMPLES[name]}")
        return value is True

    def question_type(self, fields, where: str) -> str | None:
        if "type" not in fields:
            return None
        node = fields["type"][1]
        value = self.value(node)
        if value is UNREADABLE:
            return None
        if value in QUESTION_TYPES:
            return value
        shown = node.value if isinstance(node, ScalarNode) else self._kind(value)
        close = difflib.get_close_matches(str(shown).lower(), QUESTION_TYPES, n=1, cutoff=0.6)
        guess = f"Bedoel je '{close[0]}'? " if close else ""
        self.report(node, f"{where}onbekend vraagtype '{shown}'. {guess}Kies uit: {TYPE_HELP}.")
        return None

    def options(self, fields, where: str) -> list[str]:
        if "options" not in fields:
            return []
        node = fields["options"][1]
        if not isinstance(node, SequenceNode):
            self.report(
                node,
                f"{where}'options' moet een lijst zijn, tussen [ ] of met een streepje per optie, "
                f"bijvoorbeeld:  {EXAMPLES['options']}",
            )
            return []
        options: list[str] = []
        seen: dict[str, int] = {}
        for number, item in enumerate(node.value, 1):
            value = self.value(item)
            if isinstance(value, bool):
                self.report(
                    item,
                    f"{where}optie {number} ({item.value}) leest YAML als ja/nee-waarde (true/false) in plaats "
                    f'van tekst. Zet de optie tussen aanhalingstekens: "{item.value}"',
                )
                continue
            option = self.text_value(item, f"{where}optie {number}", EXAMPLES["options"])
            if option is None:
                continue
            if option.casefold() in seen:
                self.report(
                    item,
                    f"{where}optie '{option}' staat twee keer in de lijst (ook als optie {seen[option.casefold()]}). "
                    "Elke optie moet anders zijn: haal de dubbele weg.",
                )
                continue
            seen[option.casefold()] = number
            options.append(option)
        if len(options) < 2 and len(node.value) < 2:
            self.report(
                node,
                f"{where}'options' heeft minstens twee verschillende antwoordopties nodig, "
                f"bijvoorbeeld:  {EXAMPLES['options']}",
            )
        return options

    def scale(self, fields, where: str) -> dict:
        low = self.integer(fields, "min", where)
        high = self.integer(fields, "max", where)
        if low is not None and high is not None:
            max_node = fields["max"][1]
            if low >= high:
                self.report(
                    max_node,
                    f"{where}'max' ({high}) moet groter zijn dan 'min' ({low}). Bijvoorbeeld:  min: 0  en  max: 5",
                )
            elif high - low + 1 > MAX_SCALE_STEPS:
                self.report(
                    max_node,
                    f"{where}de schaal van {low} tot {high} heeft {high - low + 1} stappen; er passen er hoogstens "
                    f"{MAX_SCALE_STEPS} op een telefoon. Maak de schaal kleiner, bijvoorbeeld:  min: 0  en  max: 10",
                )
        return {
            "min": low,
            "max": high,
            "min_label": self.text(fields, "min_label", where, required=False),
            "max_label": self.text(fields, "max_label", where, required=False),
        }
