"""The template checker: every problem in a template's YAML, each with its line and what to write instead.

`TemplateChecker` is the second and third layer of `kit.authoring.loader`'s description: the JSON Schema's verdict
turned into one message per kind of error (`validate`, `on_*`), the rules a schema cannot say (`rules`; a question
type's own rules through its `check(reader, path, question)`), and whether a key still asks what it asked before
(`comparable`). Reporting is public for the question types' checks:

- `report(where, text)`: one problem; `where` is a path in the template (a tuple such as
  `("blocks", 0, "questions", 2, "options")`, reported at that value's line), a YAML node, a line number or None;
- `where(path)` names the object ("vraag 'x': "), `line(path)` / `key_line(path)` give a path's line, and `msg(name,
  **values)` a catalog message in the checker's language.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kit.model.template import Question
from kit.model.text import DEFAULT_OPEN_MAX_LENGTH
from kit.model.questiontypes import question_type
from kit.authoring.type_rules import check_question
from kit.authoring.yamlfile import (
    KEY_PATTERN,
    UNREADABLE,
    YamlChecker,
    guess_field,
    line_of,
    slug,
)

SUPPORTED_SCHEMA_VERSION = 1
# The structure of a template. A new question type (a module in kit/model/questiontypes) adds its fields here: the
# type's key in the enum of $defs/question, one if/then line in its allOf, and a $defs entry question_<key> listing
# its fields; rules a schema cannot say go in its entry in kit/authoring/type_rules.py. Also: a `check.qtype.<key>`
# description in kit/i18n/, and every field in docs/trainers.md (tests/docs/test_trainers.py fails otherwise).
SCHEMA_PATH = Path(__file__).parent / "schema.json"


# Lists whose items are objects with their own key; their label in a message is 'blok 2' or "blok 'welkom'".
OBJECT_LISTS = {"blocks": "block", "questions": "question", "cases": "case", "worksheet": "step"}

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
    "optioneel": "optional",
    "facultatief": "optional",
    "overslaan": "optional",
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
    "vorige_opties": "mapping",
    "omzetting": "mapping",
    "minimum": "min",
    "maximum": "max",
    "maximale_lengte": "max_length",
    "lengte": "max_length",
    "prive": "private",
    "privé": "private",
    "aantekeningen": "notes",
    "notities": "notes",
    "handleiding": "notes",
    "doelen": "doel",
    "aim": "doel",
    "steps": "stappen",
    "aanpak": "stappen",
    "aandachtspunten": "let_op",
    "letop": "let_op",
    "watch": "let_op",
    "tip": "tips",
}


# -- the schema -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of a template (also usable by an editor that understands JSON Schema)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    # Imported here, not at the top: kit.authoring.naslag (read in participant kernels) imports this package.
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def schema_fields() -> set[str]:
    """Every field name a template can have, anywhere: what docs/trainers.md must explain."""
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    return names


def _question_type_fields() -> dict[str, set[str]]:
    """Per question type the fields its `$defs/question_<type>` allows."""
    defs = schema()["$defs"]
    return {t: set(defs[f"question_{t}"]["properties"]) for t in schema_question_types()}


def schema_question_types() -> tuple[str, ...]:
    return tuple(schema()["$defs"]["question"]["properties"]["type"]["enum"])


# -- what was asked before ---------------------------------------------------------------------------------------
def question_history(templates: Iterable[tuple[str, dict]]) -> dict[str, list[tuple[str, dict]]]:
    """Per question key, the definitions asked before: (where from, question dict), from (source, template dict)
    pairs such as the standard template or `sessions.template_json`."""
    history: dict[str, list[tuple[str, dict]]] = {}
    for source, template in templates:
        for block in template.get("blocks") or ():
            for question in block.get("questions") or ():
                if isinstance(question, dict) and isinstance(question.get("key"), str):
                    history.setdefault(question["key"], []).append((source, question))
    return history


# -- the checker --------------------------------------------------------------------------------------------------
class TemplateChecker(YamlChecker):
    """Checks one template file (`check`), collecting every problem in `problems`. See the module's docstring for
    the methods a question type's `check(reader, path, question)` may call."""

    def __init__(self, file: str, lang: str):
        super().__init__(file, lang)
        self.nodes: dict[tuple, tuple[Node | None, Node]] = {}  # JSON path -> (key node, value node)
        self.skip: set[tuple] = set()  # paths already reported: no schema message about them too
        self.data = None

    def report(self, where: tuple | Node | int | None, text: str) -> None:
        """One problem. `where`: a path in the template (reported at the line of the value there, or of its key
        when the value has none), a YAML node, a line number, or None (no line)."""
        super().report(self.line(where) or self.key_line(where) if isinstance(where, tuple) else where, text)

    def check(self, path: Path, previous, shipped: Callable[[], list[tuple[str, dict]]] = list) -> dict | None:
        """The template's data in the shape `Template.from_dict` reads, or None with `problems` filled in.
        `previous`: (source, template dict) pairs asked before (None: do not compare); `shipped()`: the same for the
        templates that ship with the kit, asked for only when the file is sound."""
        root = self.compose(path)
        if root is None:
            return None
        twice: list[tuple[tuple, Node, str, int]] = []
        self.data = self.plain(root, (), None, twice)
        for where_path, key_node, name, first in twice:
            self.report(key_node, self.where(where_path) + self.msg("check.field_twice", name=name, line=first))
        if isinstance(self.data, dict) and "schema_version" in self.data:
            self.skip.add(("schema_version",))
            if not self.schema_version(self.nodes[("schema_version",)][1], SUPPORTED_SCHEMA_VERSION):
                return None
        self.validate()
        if not isinstance(self.data, dict):
            return None
        self.rules()
        if self.problems:
            return None
        # From here on the template is sound: compare what it asks with what was asked before.
        data = _normalised(self.data)
        if previous is not None:
            sources = [*shipped(), *previous]
            same_language = ((s, t) for s, t in sources if t.get("language", "nl") == data["language"])
            self.comparable(data, question_history(same_language))
        return data if not self.problems else None

    # YAML nodes to plain data, remembering each path's node

    def plain(self, node: Node, path: tuple, key_node: Node | None, twice: list):
        self.nodes[path] = (key_node, node)
        if isinstance(node, MappingNode):
            result = {}
            first: dict[str, int] = {}
            for k, v in node.value:
                if not isinstance(k, ScalarNode):
                    self.report(k, self.msg("check.field_not_a_word"))
                    continue
                if k.value in first:
                    twice.append((path, k, k.value, first[k.value]))
                    continue
                first[k.value] = line_of(k)
                result[k.value] = self.plain(v, (*path, k.value), k, twice)
            return result
        if isinstance(node, SequenceNode):
            return [self.plain(item, (*path, i), None, twice) for i, item in enumerate(node.value)]
        if path and path[-1] == "key":
            return node.value.strip()  # as written: `key: yes` is the word yes, not a YAML true
        value = self.value(node)
        if value is UNREADABLE:
            self.skip.add(path)
        return value

    # naming a place in the template

    def _at(self, path: tuple):
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def _is_object_list(self, path: tuple) -> bool:
        """Whether the list at `path` holds objects (blocks, questions), not texts (a worksheet step's questions)."""
        return bool(path) and path[-1] in OBJECT_LISTS and not (len(path) >= 3 and path[-3] == "worksheet")

    def where(self, path: tuple) -> str:
        """The prefix that names the object at `path`: '', "blok 'welkom': ", "vraag 'x': ", 'blok 2: points: '."""
        prefix = ""
        for i, part in enumerate(path):
            if isinstance(part, int) and self._is_object_list(path[:i]):
                kind = OBJECT_LISTS[path[i - 1]]
                item = self._at(path[: i + 1])
                key = item.get("key") if isinstance(item, dict) else None
                if isinstance(key, str) and KEY_PATTERN.match(key):
                    label = self.msg(f"check.where.{kind}", key=key)
                    # Question keys are unique in the whole template: the question alone says where.
                    prefix = f"{label}: " if kind == "question" else f"{prefix}{label}: "
                else:
                    prefix += self.msg(f"check.where.{kind}_n", n=part + 1) + ": "
            elif part in ("meldcode", "points", "mapping", "notes"):
                prefix += f"{part}: "
        return prefix

    def subject(self, path: tuple) -> str:
        """How a message names the value at `path`: "blok 'welkom': 'minutes'", 'optie 2', "'screen' regel 3"."""
        if not path:
            return self.msg("check.where.file")
        *parent, last = path
        parent = tuple(parent)
        if isinstance(last, str):
            return f"{self.where(parent)}'{last}'"
        if self._is_object_list(parent):
            return self.where(path).rstrip(": ")
        if parent[-1] == "options":
            return self.where(parent[:-1]) + self.msg("check.where.option", n=last + 1)
        return self.where(parent[:-1]) + self.msg("check.where.line", name=parent[-1], n=last + 1)

    def line(self, path: tuple) -> int | None:
        found = self.nodes.get(path)
        return line_of(found[1]) if found else None

    def key_line(self, path: tuple) -> int | None:
        found = self.nodes.get(path)
        return line_of(found[0] or found[1]) if found else None

    @staticmethod
    def field(path: tuple) -> str:
        """The field a path is about: its last name (for an item of a list, the list's name)."""
        return next((p for p in reversed(path) if isinstance(p, str)), "")

    # the schema's verdict, one message per kind of error

    def validate(self) -> None:
        errors = list(_validator().iter_errors(self.data))
        meant: dict[tuple, set[str]] = {}
        for error in errors:
            if error.validator == "additionalProperties":
                self.on_additional(error, meant)
        reported: set[tuple] = set()
        for error in errors:
            path = tuple(error.absolute_path)
            if error.validator == "additionalProperties" or any(path[:k] in self.skip for k in range(len(path) + 1)):
                continue
            if error.validator == "required":
                self.on_required(error, path, meant.get(path, set()), reported)
                continue
            handler = getattr(self, f"on_{error.validator}", self.on_other)
            if (path, error.validator) not in reported:
                reported.add((path, error.validator))
                handler(error, path)

    def on_additional(self, error, meant: dict[tuple, set[str]]) -> None:
        path = tuple(error.absolute_path)
        allowed = list(error.schema.get("properties", {}))
        where = self.where(path)
        qtype = error.instance.get("type") if self._is_question(path) else None
        for name in error.instance:
            if name in allowed:
                continue
            key_line = self.key_line((*path, name))
            if qtype and any(name in fields for fields in _question_type_fields().values()):
                self.report(key_line, where + self.msg("check.other_type_field", name=name, type=qtype))
                continue
            guess = guess_field(name, allowed, DUTCH_FIELD_NAMES)
            if guess in error.instance:
                guess = None
            if guess:
                meant.setdefault(path, set()).add(guess)
            if guess:
                hint = self.msg("check.unknown_field_guess", guess=guess)
            else:
                hint = self.msg("check.unknown_field_list", allowed=", ".join(allowed))
            self.report(key_line, where + self.msg("check.unknown_field", name=name, hint=hint))

    def _is_question(self, path: tuple) -> bool:
        return len(path) >= 2 and path[-2] == "questions" and self._is_object_list(path[:-1])

    def on_required(self, error, path: tuple, meant: set[str], reported: set) -> None:
        for name in error.validator_value:
            if name in error.instance or name in meant or (path, "required", name) in reported:
                continue
            reported.add((path, "required", name))
            hint = self.special("check.missing_hint", name)
            self.report(self.line(path), self.where(path) + self.msg(
                "check.required", name=name, hint=hint, example=self.example(name)))

    def on_type(self, error, path: tuple) -> None:
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected = [t for t in expected if t != "null"][0]
        value = error.instance
        node = self.nodes[path][1]
        subject = self.subject(path)
        field = self.field(path)
        example = self.example(field)
        if not path:
            kind = self.msg("check.kind_list") if isinstance(value, list) else self.msg("check.kind_loose_text")
            self.report(node, self.msg("check.root_not_mapping", kind=kind))
            return
        if expected == "string":
            if value is None:
                text = self.msg("check.empty_text", subject=subject, example=example)
            elif isinstance(value, (list, dict)):
                text = self.msg("check.text_is_collection", subject=subject, kind=self.kind(value))
            else:
                text = self.msg("check.text_is_other", subject=subject, value=node.value, kind=self.kind(value))
        elif expected == "integer":
            if isinstance(value, str) and value.strip().lstrip("-").isdigit():
                text = self.msg("check.integer_quoted", subject=subject, field=field, value=value.strip())
            elif isinstance(value, float):
                text = self.msg("check.integer_fraction", subject=subject, example=example)
            elif value is None:
                text = self.msg("check.integer_empty", subject=subject, example=example)
            else:
                shown = node.value if isinstance(node, ScalarNode) else self.kind(value)
                text = self.msg("check.integer_other", subject=subject, value=shown, example=example)
        elif expected == "array":
            text = self.special("check.empty_list" if value is None else "check.not_a_list", field,
                                subject=subject, example=example)
        elif expected == "object":
            if isinstance(path[-1], int):
                kind = OBJECT_LISTS.get(path[-2], "")
                text = self.msg("check.item_not_mapping", subject=subject, example=self.example(kind))
            else:
                text = self.msg("check.not_a_mapping", subject=subject, example=example)
        elif expected == "boolean":
            text = self.msg("check.not_a_boolean", subject=subject, example=example)
        else:
            text = self.msg("check.wrong_type", subject=subject, example=example)
        self.report(node, text)

    def example(self, field: str) -> str:
        """What a correct line for `field` looks like, so a message ends with something to copy."""
        return self.special("check.example", field, field=field)

    def special(self, key: str, field: str, /, **values) -> str:
        """The message `key.field` where a field has its own wording (say 'bevat geen blokken'), else `key`."""
        return self.msg(f"{key}.{field}" if f"{key}.{field}" in _catalog_keys() else key, **values)

    def on_enum(self, error, path: tuple) -> None:
        node = self.nodes[path][1]
        shown = node.value if isinstance(node, ScalarNode) else self.kind(error.instance)
        choices = [str(c) for c in error.validator_value]
        if path[-1] == "type" and self._is_question(path[:-1]):
            close = difflib.get_close_matches(str(shown).lower(), choices, n=1, cutoff=0.6)
            guess = self.msg("check.guess", guess=close[0]) if close else ""
            help_text = ", ".join(self._type_help(t) for t in choices)
            self.report(node, self.where(path[:-1]) + self.msg(
                "check.unknown_question_type", value=shown, guess=guess, types=help_text))
            return
        self.report(node, self.msg("check.enum", subject=self.subject(path), value=shown, choices=", ".join(choices)))

    def _type_help(self, qtype: str) -> str:
        return self.special("check.qtype", qtype, type=question_type(qtype).help or qtype)

    def on_minimum(self, error, path: tuple) -> None:
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        subject = self.subject(path)
        if low is not None and high is not None:
            text = self.msg("check.between", subject=subject, value=error.instance, low=low, high=high)
        elif low is not None:
            text = self.msg("check.at_least", subject=subject, value=error.instance, low=low)
        else:
            text = self.msg("check.at_most", subject=subject, value=error.instance, high=high)
        self.report(self.nodes[path][1], text)

    on_maximum = on_minimum

    def on_pattern(self, error, path: tuple) -> None:
        node = self.nodes[path][1]
        subject = self.subject(path)
        field = self.field(path)
        value = error.instance
        if not value.strip():
            text = self.msg("check.empty_text", subject=subject, example=self.example(field))
        else:
            text = self.special("check.pattern", field, subject=subject, value=value, suggestion=slug(value),
                                example=self.example(field))
        self.report(node, text)

    on_minLength = on_pattern

    def on_minItems(self, error, path: tuple) -> None:
        field = self.field(path)
        self.report(self.nodes[path][1], self.special(
            "check.too_few", field, subject=self.subject(path), n=error.validator_value, example=self.example(field)))

    def on_minProperties(self, error, path: tuple) -> None:
        field = self.field(path)
        self.report(self.nodes[path][1], self.special(
            "check.no_fields", field, subject=self.subject(path), example=self.example(field)))

    def on_dependentRequired(self, error, path: tuple) -> None:
        for name, needed in error.validator_value.items():
            if name in error.instance:
                for other in needed:
                    if other not in error.instance:
                        self.report(self.key_line((*path, name)), self.where(path) + self.msg(
                            "check.needs", name=name, needed=other, example=self.example(other)))

    def on_other(self, error, path: tuple) -> None:
        self.report(self.line(path), self.msg("check.schema_other", subject=self.subject(path), kind=error.validator))

    # what a schema cannot say

    def rules(self) -> None:
        block_keys: dict[str, int] = {}
        question_keys: dict[str, int] = {}
        for b, block in self._items(("blocks",)):
            path = ("blocks", b)
            self._unique(path, block, block_keys, "check.unique_hint.block")
            if "meldcode" in block and "points" in block:
                self.report(self.key_line((*path, "points")), self.where(path) + self.msg("check.meldcode_and_points"))
            for q, question in self._items((*path, "questions")):
                qpath = (*path, "questions", q)
                self._unique(qpath, question, question_keys, "check.unique_hint.question")
                check_question(self, qpath, question)
            meldcode = block.get("meldcode")
            if isinstance(meldcode, dict):
                for name, hint in (("cases", "check.unique_hint.case"), ("worksheet", "check.unique_hint.step")):
                    seen: dict[str, int] = {}
                    for i, item in self._items((*path, "meldcode", name)):
                        self._unique((*path, "meldcode", name, i), item, seen, hint)
            points = block.get("points")
            if isinstance(points, dict):
                stickers, per_point = points.get("stickers", 3), points.get("max_per_point")
                if _whole(stickers) and _whole(per_point) and 1 <= stickers <= 20 and stickers < per_point <= 20:
                    self.report(self.line((*path, "points", "max_per_point")), self.where((*path, "points")) + self.msg(
                        "check.per_point_above_stickers", per_point=per_point, stickers=stickers))

    def _items(self, path: tuple) -> list[tuple[int, dict]]:
        items = self._at(path)
        return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []

    def _unique(self, path: tuple, item: dict, seen: dict[str, int], hint: str) -> None:
        key = item.get("key")
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            return
        line = self.line((*path, "key"))
        if key in seen:
            label = self.msg(f"check.where.{OBJECT_LISTS[path[-2]]}_n", n=path[-1] + 1)
            self.report(line, self.msg("check.key_twice_at", where=label, key=key, line=seen[key], hint=self.msg(hint)))
        else:
            seen[key] = line

    # for the question types' rules (kit/authoring/type_rules.py)

    def problem(self, path: tuple, at: tuple, name: str, /, **values) -> None:
        """Report the message `name` about the question at `path`, on the line of its field `at` (("max",),
        ("options", 2)): the public way for a type's rules (kit/authoring/type_rules.py) to report."""
        self.report(self.line((*path, *at)), self.where(path) + self.msg(name, **values))

    # the same key asks the same thing as before

    def comparable(self, data: dict, history: dict) -> None:
        """A question keeps asking the same thing under its key: the same answers as before (its type's trend
        signature), or a `mapping` that takes every old answer to a new one. Otherwise trends would mix two
        questions. `data` is the normalised template (same positions as the file)."""
        for b, block in enumerate(data["blocks"]):
            for q, raw in enumerate(block["questions"]):
                path = ("blocks", b, "questions", q)
                question = Question.from_dict(raw)
                self._mapping(path, question)
                for source, before in history.get(question.key, ()):
                    try:
                        old = Question.from_dict(before)
                        same = old.kind.signature(old) == question.kind.signature(question)
                    except (KeyError, TypeError, ValueError):
                        continue  # written by another version of the kit: nothing to compare with
                    if not same and not self._mapped(old, question):
                        self._refuse(path, question, old, source)
                        break

    def _mapping(self, path: tuple, question: Question) -> None:
        options = question.answer_options
        for old, target in question.mapping or ():
            if target not in options:
                self.report(self.line((*path, "mapping", old)), self.where(path) + self.msg(
                    "check.mapping_target", old=old, target=target, options=", ".join(options)))

    @staticmethod
    def _mapped(old: Question, new: Question) -> bool:
        mapping = dict(new.mapping or ())
        return (new.mapping is not None and bool(old.answer_options) and bool(new.answer_options)
                and all(o in new.answer_options or o in mapping for o in old.answer_options))

    def _refuse(self, path: tuple, question: Question, old_question: Question, source: str) -> None:
        key, where = question.key, self.where(path)
        new_key = self.msg("check.new_key", key=f"{key}_2")
        old, new = old_question.answer_options, question.answer_options
        if not old or not new:
            self.report(self.line((*path, "type")), where + self.msg(
                "check.not_convertible", key=key, source=source, old=old_question.kind.signature(old_question),
                new=question.kind.signature(question), new_key=new_key))
        elif old_question.scale_values and question.scale_values:
            self.report(self.line((*path, "min")), where + self.msg(
                "check.scale_changed", key=key, source=source, old=f"{old[0]}–{old[-1]}", new=f"{new[0]}–{new[-1]}",
                new_key=new_key, example=_scale_mapping_example(old_question, question)))
        else:
            mapping = dict(question.mapping or ())
            unmapped = [o for o in old if o not in new and o not in mapping]
            pairs = ", ".join(f'"{o}": "{(difflib.get_close_matches(o, new, n=1, cutoff=0) or new)[0]}"'
                              for o in unmapped)
            self.report(self.line((*path, "options")) or self.line((*path, "min")), where + self.msg(
                "check.options_changed", key=key, source=source, old=", ".join(old), new=", ".join(new),
                new_key=new_key, example=f"mapping: {{{pairs}}}"))


def _scale_mapping_example(old: Question, new: Question) -> str:
    """Every old number to the new number at the same relative place: a starting point the trainer can adjust."""
    span_old, span_new = old.scale_max - old.scale_min, new.scale_max - new.scale_min
    pairs = (f"{v}: {new.scale_min + round((v - old.scale_min) * span_new / span_old)}" for v in old.scale_values)
    return f"mapping: {{{', '.join(pairs)}}}"


@lru_cache(maxsize=1)
def _catalog_keys() -> frozenset[str]:
    from kit.i18n import catalog

    return frozenset(catalog().messages)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _normalised(data: dict) -> dict:
    """The checked data in the shape `Template.from_dict` reads: texts stripped, defaults filled in."""
    blocks = []
    for block in data["blocks"]:
        out = {
            "key": block["key"],
            "title": _text(block["title"]),
            "minutes": block["minutes"],
            "guidance": _text(block.get("guidance")),
            "questions": [_question(q) for q in block.get("questions") or ()],
        }
        for name in ("screen", "prompts"):
            if name in block:
                out[name] = [_text(t) for t in block[name] or ()]
        if "prompt_seconds" in block:
            out["prompt_seconds"] = block["prompt_seconds"]
        if block.get("optional"):
            out["optional"] = True
        if "meldcode" in block:
            meldcode = block["meldcode"]
            out["meldcode"] = {
                "cases": [{"key": c["key"], "title": _text(c["title"]), "text": _text(c["text"])}
                          for c in meldcode["cases"]],
                "worksheet": [{"key": s["key"], "title": _text(s["title"]), "questions": [_text(t) for t in s["questions"]]}
                              for s in meldcode["worksheet"]],
                "max_length": meldcode.get("max_length", DEFAULT_OPEN_MAX_LENGTH),
            }
        if "points" in block:
            points = block["points"] or {}
            out["points"] = {
                "stickers": points.get("stickers", 3),
                "max_per_point": points.get("max_per_point", 2),
                "max_length": points.get("max_length", 200),
            }
            for name in ("levels", "statuses"):
                if name in points:
                    out["points"][name] = [_text(t) for t in points[name]]
        if block.get("notes"):
            notes = block["notes"]
            out["notes"] = {"doel": _text(notes["doel"])} if "doel" in notes else {}
            for name in ("stappen", "let_op", "tips"):
                if name in notes:
                    out["notes"][name] = [_text(t) for t in notes[name]]
        blocks.append(out)
    return {
        "schema_version": SUPPORTED_SCHEMA_VERSION,
        "name": data["name"],
        "language": data.get("language", "nl"),
        "title": _text(data["title"]),
        "blocks": blocks,
    }


def _question(question: dict) -> dict:
    out = {"key": question["key"], "type": question["type"], "text": _text(question["text"]),
           **question_type(question["type"]).read(question)}
    if "mapping" in question:
        out["mapping"] = {str(k): str(v).strip() for k, v in (question["mapping"] or {}).items()}
    return out
