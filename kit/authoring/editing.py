"""Change an own template from code (the preparation notebook) the way a careful trainer would by hand.

Only the lines that change are rewritten: the trainer's comments, quotes, folded texts and blank lines stay as
they were, so the file stays readable and a `git diff` shows exactly the own case or the new sticker numbers.
The positions come from PyYAML's node tree (which keeps the place of every value in the text); new lines are
written by PyYAML's emitter, which quotes a text exactly when YAML needs it.

Every edit is checked by the same checker as `teamleergesprek check` before the file is written: a change the
kit cannot read is refused with the checker's Dutch message, and the file is left as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kit.model.template import Case, Template
from kit.authoring.loader import (
    TEMPLATE_DIR,
    Problem,
    TemplateError,
    check_file,
    load_template_file,
    template_path,
)

OWN_CASE_KEY = "eigen_casus"
OWN_CASE_COMMENT = "# Eigen casus van de school, geschreven met het zorgteam."


class TemplateFile:
    """One own template file (never one shipped with the kit: those stay as they are for every school)."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.resolve().parent == TEMPLATE_DIR.resolve():
            raise TemplateError([Problem(self.path.name, None,
                                         "dit is een standaardsjabloon van de kit; dat blijft zoals het is. Maak eerst "
                                         "een eigen kopie (teamleergesprek template copy teamleergesprek NAAM) en "
                                         "pas die aan.")])

    @classmethod
    def named(cls, name: str, templates_dir=None) -> "TemplateFile":
        """The own template `name` in the school's template folder."""
        path = template_path(name, templates_dir)
        if path is None:
            raise TemplateError([Problem(name, None, "er is geen eigen sjabloon met deze naam. Maak het eerst als "
                                                     "kopie van het standaardsjabloon.")])
        return cls(path)

    def template(self) -> Template:
        return load_template_file(self.path)

    # -- the edits -------------------------------------------------------------------------------------------------
    def own_case(self, key: str = OWN_CASE_KEY) -> Case | None:
        meldcode = next((b.meldcode for b in self.template().blocks if b.meldcode is not None), None)
        return meldcode.case(key) if meldcode else None

    def save_case(self, title: str, text: str, key: str = OWN_CASE_KEY) -> Template:
        """Add the school's own case to Werkvorm 3, or replace the one with this key."""
        text_now, root = self._read()
        cases = _field(_meldcode(root, self.path), "cases")
        if not isinstance(cases, SequenceNode) or cases.flow_style or not cases.value:
            raise TemplateError([Problem(self.path.name, _line(cases),
                                         "de casussen staan hier niet als lijst met een streepje per casus. Zet ze "
                                         "zo onder elkaar, bijvoorbeeld:  - key: casus1  en  title: Casus 1  en  "
                                         "text: ...")])
        item = _dump_item({"key": key, "title": title.strip(), "text": text.strip()}, _dash_column(text_now, cases))
        existing = next((c for c in cases.value if isinstance(c, MappingNode) and _scalar(_field(c, "key")) == key),
                        None)
        if existing is not None:
            start, end = _item_start(text_now, existing), _after(text_now, existing)
            new_text = text_now[:start] + item + text_now[end:]
        else:
            at = _after(text_now, cases.value[-1])
            comment = " " * _dash_column(text_now, cases) + OWN_CASE_COMMENT + "\n"
            new_text = text_now[:at] + comment + item + text_now[at:]
        return self._write_checked(new_text)

    def set_stickers(self, stickers: int, max_per_point: int) -> Template:
        """Werkvorm 5: how many stickers each participant gets, and how many of them may go on one point."""
        text_now, root = self._read()
        points = next((_field(b, "points") for b in _blocks(root) if _field(b, "points") is not None), None)
        if not isinstance(points, MappingNode):
            raise TemplateError([Problem(self.path.name, None,
                                         "dit sjabloon heeft geen blok met 'points' (Werkvorm 5), dus geen stickers "
                                         "om in te stellen.")])
        values = {"stickers": stickers, "max_per_point": max_per_point}
        return self._write_checked(_set_many(text_now, [(points, values)]))

    def set_minutes(self, minutes: dict[str, int]) -> Template:
        """New minutes for some blocks, by block key."""
        text_now, root = self._read()
        blocks = {_scalar(_field(b, "key")): b for b in _blocks(root)}
        unknown = [key for key in minutes if key not in blocks]
        if unknown:
            raise TemplateError([Problem(self.path.name, None,
                                         f"er is geen blok met key '{unknown[0]}'. Blokken: {', '.join(blocks)}.")])
        edits = [(blocks[key], {"minutes": value}) for key, value in minutes.items()]
        return self._write_checked(_set_many(text_now, edits))

    def add_question(self, block_key: str, question: dict) -> Template:
        """Add a question at the end of a block's questions (a new key: trends then see a new question)."""
        text_now, root = self._read()
        block = next((b for b in _blocks(root) if _scalar(_field(b, "key")) == block_key), None)
        if block is None:
            raise TemplateError([Problem(self.path.name, None, f"er is geen blok met key '{block_key}'.")])
        questions = _field(block, "questions")
        if isinstance(questions, SequenceNode) and questions.value and not questions.flow_style:
            at = _after(text_now, questions.value[-1])
            new_text = text_now[:at] + _dump_item(question, _dash_column(text_now, questions)) + text_now[at:]
        else:
            if questions is not None:  # `questions: []` or empty: written anew below the block's other fields
                raise TemplateError([Problem(self.path.name, _line(questions),
                                             "zet de vragen van dit blok als lijst met een streepje per vraag.")])
            column = block.value[0][0].start_mark.column
            at = _after(text_now, block.value[-1][1])
            lines = f"{' ' * column}questions:\n" + _dump_item(question, column + 2)
            new_text = text_now[:at] + lines + text_now[at:]
        return self._write_checked(new_text)

    # -- reading and writing ---------------------------------------------------------------------------------------
    def _read(self) -> tuple[str, MappingNode]:
        problems = check_file(self.path)
        if problems:
            raise TemplateError(problems)  # the file as it is: its own lines, to fix by hand first
        text = self.path.read_text(encoding="utf-8-sig")
        return text, yaml.compose(text, Loader=yaml.SafeLoader)

    def _write_checked(self, new_text: str) -> Template:
        """Write `new_text` only when the checker accepts it; otherwise the file stays as it was."""
        handle, candidate = tempfile.mkstemp(suffix=".yaml", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(new_text)
            problems = check_file(candidate)
            if problems:
                # The lines are those of the refused version, which was not saved: name the file, not the line.
                raise TemplateError([Problem(self.path.name, None, p.message) for p in problems])
            os.replace(candidate, self.path)
        finally:
            if os.path.exists(candidate):
                os.unlink(candidate)
        return self.template()


# -- the node tree ---------------------------------------------------------------------------------------------------
def _field(node: Node | None, name: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((value for key, value in node.value if isinstance(key, ScalarNode) and key.value == name), None)


def _scalar(node: Node | None) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def _line(node: Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _blocks(root: MappingNode) -> list[MappingNode]:
    blocks = _field(root, "blocks")
    return [b for b in blocks.value if isinstance(b, MappingNode)] if isinstance(blocks, SequenceNode) else []


def _meldcode(root: MappingNode, path: Path) -> MappingNode:
    meldcode = next((_field(b, "meldcode") for b in _blocks(root) if _field(b, "meldcode") is not None), None)
    if not isinstance(meldcode, MappingNode):
        raise TemplateError([Problem(path.name, None, "dit sjabloon heeft geen blok met 'meldcode' (Werkvorm 3), "
                                                      "dus geen plek voor een eigen casus.")])
    return meldcode


def _dash_column(text: str, sequence: SequenceNode) -> int:
    """The column of the sequence's dashes, so a new item lines up with the items above it."""
    first = sequence.value[0]
    dash = text.rfind("-", 0, first.start_mark.index)
    return dash - (text.rfind("\n", 0, dash) + 1)


def _item_start(text: str, item: Node) -> int:
    """Where the line with the item's dash starts."""
    dash = text.rfind("-", 0, item.start_mark.index)
    return text.rfind("\n", 0, dash) + 1


def _deepest_last(node: Node) -> Node:
    if isinstance(node, MappingNode) and node.value and not node.flow_style:
        return _deepest_last(node.value[-1][1])
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        return _deepest_last(node.value[-1])
    return node


def _after(text: str, node: Node) -> int:
    """The start of the line after the node's last character (a folded text ends at the next line, comments
    and blank lines after it are not part of it)."""
    end = _deepest_last(node).end_mark.index
    last = len(text[:end].rstrip()) - 1
    newline = text.find("\n", last)
    return len(text) if newline < 0 else newline + 1


class _Dumper(yaml.SafeDumper):
    """Fields one per line, as in the standard template; a list of texts on one line: `options: [ja, nee]`."""

    def represent_list(self, data):
        flat = all(not isinstance(item, (list, dict)) for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat and bool(data))


    def represent_str(self, data):
        # A text of several paragraphs stays readable as a literal block (`|-`), not as one escaped line.
        return self.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_Dumper.add_representer(list, _Dumper.represent_list)
_Dumper.add_representer(str, _Dumper.represent_str)


def _dump_item(data: dict, column: int) -> str:
    """One sequence item (`- key: ...`) as YAML lines starting at `column`."""
    dumped = yaml.dump([data], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                       default_flow_style=False)
    return "".join(" " * column + line + "\n" for line in dumped.splitlines())


def _set_many(text: str, edits: list[tuple[MappingNode, dict]]) -> str:
    """Replace scalar values in place; a field that is missing is added below the mapping's first field."""
    replacements = []  # (start, end, new text), applied from the end so earlier positions stay valid
    for mapping, values in edits:
        for name, value in values.items():
            shown = yaml.safe_dump(value, default_flow_style=True).splitlines()[0]
            node = _field(mapping, name)
            if isinstance(node, ScalarNode):
                replacements.append((node.start_mark.index, node.end_mark.index, shown))
            else:
                first_key, first_value = mapping.value[0]
                at = _after(text, first_value)
                replacements.append((at, at, f"{' ' * first_key.start_mark.column}{name}: {shown}\n"))
    for start, end, new in sorted(replacements, reverse=True):
        text = text[:start] + new + text[end:]
    return text
