"""Reading a hand-edited YAML file (a workshop template or the naslag) and explaining every mistake, with its line.

Trainers edit these files by hand, often without knowing YAML. So a checker never stops at the first mistake and
never raises for bad content: it composes the node tree (which still knows its line numbers) and reports each
problem with the file, the line and a hint about what to write instead, in the language of `kit/i18n/`.

This module needs PyYAML and nothing else: the naslag is read in participant kernels too, which must not pay for
jsonschema (only `kit.authoring.checker` uses that).
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kit.i18n import translate

KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2}\Z")


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


def message(lang: str, name: str, /, **values) -> str:
    """A check message in `lang` (Dutch when the catalog or the key is missing)."""
    return translate(lang, name, **values)


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def slug(text: str) -> str:
    """A valid key that resembles `text`, to suggest when a trainer wrote 'Welkom blok' as a key."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    result = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    if not result or not result[0].isalpha():
        result = f"k_{result}".rstrip("_")
    return result


def guess_field(name: str, allowed, translations: dict[str, str]) -> str | None:
    """The allowed field a trainer probably meant: a Dutch translation, else a close spelling."""
    guess = translations.get(name.lower())
    if guess in allowed:
        return guess
    close = difflib.get_close_matches(name.lower(), list(allowed), n=1, cutoff=0.6)
    return close[0] if close else None


class _Unreadable:
    """Stands in for a value that was already reported, so it is not reported a second time."""

    def __repr__(self) -> str:
        return "UNREADABLE"


UNREADABLE = _Unreadable()


class YamlChecker:
    """Composes a YAML file and collects problems; the template and naslag checkers build on it."""

    def __init__(self, file: str, lang: str = "nl"):
        self.file = file
        self.lang = lang
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def msg(self, name: str, /, **values) -> str:
        return message(self.lang, name, **values)

    def report(self, where: Node | int | None, text: str) -> None:
        line = line_of(where) if isinstance(where, Node) else where
        self.problems.append(Problem(self.file, line, text))

    # reading

    def compose(self, path: Path) -> Node | None:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.report(None, self.msg("check.file_not_found"))
            return None
        except IsADirectoryError:
            self.report(None, self.msg("check.is_directory"))
            return None
        except OSError as error:
            self.report(None, self.msg("check.unreadable", reason=error.strerror or error))
            return None
        try:
            # utf-8-sig: Windows editors often start the file with an invisible byte-order mark.
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.report(raw[: error.start].count(b"\n") + 1, self.msg("check.not_utf8"))
            return None
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            self._yaml_error(error)
            return None
        except yaml.YAMLError as error:
            self.report(None, self.msg("check.not_yaml", error=error))
            return None
        if root is None:
            self.report(None, self.msg("check.empty_file"))
        return root

    def _yaml_error(self, error: yaml.MarkedYAMLError) -> None:
        problem = error.problem or ""
        context = error.context or ""
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        if "mapping values are not allowed" in problem:
            kind = "colon"
        elif "'\\t'" in problem:
            kind = "tab"
        elif "quoted scalar" in context and error.context_mark:
            line = error.context_mark.line + 1
            kind = "quote"
        elif "expected a single document" in context:
            kind = "documents"
        elif "undefined alias" in problem:
            kind = "alias"
        elif "flow" in context:
            kind = "flow"
        else:
            kind = "indent"
        self.report(line, self.msg("check.yaml", problem=self.msg(f"check.yaml_{kind}")))

    def value(self, node: Node):
        """The Python value of a scalar node as YAML reads it (so `yes` is True); nodes for collections."""
        if not isinstance(node, ScalarNode):
            return node
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.report(node, self.msg("check.unknown_tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
            return UNREADABLE

    def fields(self, node: MappingNode, where: str) -> dict[str, tuple[Node, Node]]:
        """The fields of a mapping by name, with their key and value nodes; a field written twice is reported."""
        found: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, where + self.msg("check.field_not_a_word"))
                continue
            name = key_node.value
            if name in found:
                self.report(key_node, where + self.msg("check.field_twice", name=name, line=line_of(found[name][0])))
                continue
            found[name] = (key_node, value_node)
        return found

    def unknown_field(self, key_node: Node, where: str, name: str, guess: str | None, allowed) -> None:
        if guess:
            hint = self.msg("check.unknown_field_guess", guess=guess)
        else:
            hint = self.msg("check.unknown_field_list", allowed=", ".join(allowed))
        self.report(key_node, where + self.msg("check.unknown_field", name=name, hint=hint))

    def kind(self, value) -> str:
        """What YAML read a value as, in words: for a message that says why it is not text."""
        if isinstance(value, bool):
            return self.msg("check.kind_bool")
        if isinstance(value, (int, float)):
            return self.msg("check.kind_number")
        if isinstance(value, (datetime.date, datetime.datetime)):
            return self.msg("check.kind_date")
        if isinstance(value, (SequenceNode, list)):
            return self.msg("check.kind_list")
        if isinstance(value, (MappingNode, dict)):
            return self.msg("check.kind_mapping")
        return self.msg("check.kind_other")

    def key(self, node: Node, where: str, seen: dict[str, int], unique_hint: str) -> str | None:
        """A key as written (`key: yes` is the word yes, not a YAML true), valid and not used before in `seen`."""
        if not isinstance(node, ScalarNode):
            self.report(node, where + self.msg("check.key_not_a_word"))
            return None
        raw = node.value.strip()
        if not raw:
            self.report(node, where + self.msg("check.key_empty"))
            return None
        if not KEY_PATTERN.match(raw):
            self.report(node, self.msg("check.pattern.key", subject=f"{where}'key'", value=raw, suggestion=slug(raw)))
            return None
        if raw in seen:
            self.report(node, where + self.msg("check.key_twice", key=raw, line=seen[raw], hint=unique_hint))
            return None
        seen[raw] = line_of(node)
        return raw

    def schema_version(self, node: Node, supported: int) -> bool:
        """Reports a version this kit cannot read. False for one written for a newer kit: checking the rest
        against this kit's rules would only produce confusing noise."""
        value = self.value(node)
        if value is UNREADABLE:
            return True
        if not isinstance(value, int) or isinstance(value, bool):
            shown = node.value if isinstance(node, ScalarNode) else self.kind(value)
            self.report(node, self.msg("check.version_not_a_number", value=shown, supported=supported))
            return True
        if value < supported:
            self.report(node, self.msg("check.version_too_old", found=value, supported=supported))
            return True
        if value > supported:
            self.report(node, self.msg("check.version_too_new", found=value, supported=supported))
            return False
        return True
