"""No text on a screen or in a PDF that bypasses the catalogs (kit/i18n/).

An ast scan of the modules that draw what participants, facilitators and the zorgteam see. It flags
- a string literal with words in it passed to something that shows it: a widget's description/placeholder/value/...,
  the first arguments of widgets.HTML/Label/Button, fpdf's cell/multi_cell and the verslag's para/heading/bullet/
  table rows, matplotlib's titles and texts;
- a string literal assigned to a widget's `.value`, `.description`, `.placeholder` or `.options`;
- anywhere else in these modules, a literal that reads as a Dutch sentence (two or more words, one of them a common
  Dutch word that English does not have).
Text from `t("key")` is fine; so are markup, CSS, numbers and symbols. Docstrings, comments, logging and errors for
programmers (raise ValueError/KeyError/TypeError) are not screens. What is knowingly left is in ALLOWED, with why.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[2] / "kit"
# The layers that draw what participants, facilitators and the zorgteam see, whole.
SCREEN_LAYERS = ("apps", "widgets", "model/questiontypes", "analysis", "charts", "documents")
SCANNED = sorted([path for layer in SCREEN_LAYERS for path in KIT.glob(f"{layer}/**/*.py")]
                 + [KIT / "serving" / "voila_extension.py"])

SHOWN_KEYWORDS = {"description", "placeholder", "tooltip", "value", "title", "label", "text", "txt", "options",
                  "button_text", "caption"}
# Calls that show an argument, and which: its position (None: every argument, as in a table row).
SHOWN_CALLS = {"HTML": 0, "HTMLMath": 0, "Label": 0, "Button": 0, "ToggleButton": 0, "Checkbox": 0, "cell": 2,
               "multi_cell": 2, "write": 1, "para": 0, "heading": 0, "bullet": 0, "row": None, "set_title": 0,
               "suptitle": 0, "set_xlabel": 0, "set_ylabel": 0, "text": 2, "annotate": 0, "message_figure": 0,
               "_button": 0, "_html": 0, "section": 0}
# Calls whose result is (part of) their argument's text: a literal inside them is still shown.
PASS_THROUGH = {"escape", "join", "format", "str", "_plain", "_wrap", "upper", "capitalize"}
SHOWN_ATTRIBUTES = {"value", "description", "placeholder", "options", "tooltip"}
NOT_SCREENS = {"ValueError", "KeyError", "TypeError", "RuntimeError", "AssertionError", "NotImplementedError"}
LOGGING = {"debug", "info", "warning", "error", "exception", "warn"}
# The template checker's words: its messages (`reader.report(...)`) and each question type's name for itself in
# them (`help`, `noun`, `answers_noun`). `teamleergesprek check` speaks to trainers in Dutch; its English belongs
# to the template schema work, not to the screens.
CHECKER_CALLS = {"report"}
CHECKER_NAMES = {"help", "noun", "answers_noun"}
# Common Dutch words that do not occur in English text (so "is", "of", "in" are not here).
DUTCH_WORDS = {
    "de", "het", "een", "van", "niet", "geen", "voor", "met", "zijn", "naar", "nog", "je", "jouw", "jij", "wat", "hoe",
    "deze", "dit", "bij", "tot", "wordt", "worden", "kan", "kunnen", "moet", "ook", "alle", "alleen", "sessie",
    "sessies", "antwoord", "antwoorden", "vraag", "vragen", "punt", "punten", "keer", "weinig", "gemiddeld", "hier",
    "staat", "heeft", "zonder", "waar", "maar", "dan", "uit", "aan", "welke", "opnieuw", "volgende", "vorige", "toon",
    "verberg", "klaar", "bezig", "groep", "groepen", "stap", "eigenaar", "datum", "bewaar", "kies", "terug",
}

# (file, text the literal contains) -> why it stays. Keep this short; every entry is a decision.
_EXPORT_FORMAT = ("the exported files' column names and row labels are a fixed data format that scripts and "
                  "spreadsheets of the school read (docs/import.md), the same in every language")
ALLOWED: dict[tuple[str, str], str] = {
    ("documents/spreadsheet.py", "getoond in de zaal"): _EXPORT_FORMAT,
    ("documents/spreadsheet.py", "bij punt"): _EXPORT_FORMAT,
    ("documents/spreadsheet.py", "eigenaar (rol)"): _EXPORT_FORMAT,
    ("documents/session_export.py", "met punt:"): _EXPORT_FORMAT,
    ("documents/session_export.py", "punt:{}:"): _EXPORT_FORMAT,
    ("documents/session_export.py", "actie:{}:punt"): _EXPORT_FORMAT,
}


def _identifier(text: str) -> bool:
    """A catalog key, a CSS class, a module path, "120px": never shown as words."""
    return re.fullmatch(r"[\w.-]*[._-][\w.-]*", text) is not None


def _visible(text: str) -> bool:
    """Whether a literal holds words a reader would see (not markup, CSS, identifiers, placeholders or symbols)."""
    if _identifier(text):
        return False
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"&#?\w+;", " ", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    return re.search(r"[A-Za-zÀ-ÿ]{2,}", text) is not None


def _dutch(text: str) -> bool:
    if _identifier(text):
        return False
    words = re.findall(r"[a-zà-ÿ]+", re.sub(r"<[^>]*>", " ", text).lower())
    return len(words) >= 2 and any(w in DUTCH_WORDS for w in words)


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literals(node: ast.AST):
    """String literals in an expression (an f-string as one literal, `{}` for its values), not inside t(...)."""
    if isinstance(node, ast.JoinedStr):
        yield node
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from _literals(value.value)
        return
    if isinstance(node, ast.Call):
        if _name(node.func) == "t" or _name(node.func) not in PASS_THROUGH:
            return
        for part in [node.func, *node.args, *(k.value for k in node.keywords)]:
            yield from _literals(part)
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
        return
    for child in ast.iter_child_nodes(node):
        yield from _literals(child)


def hardcoded_text(source: str, filename: str = "<test>") -> list[tuple[int, str]]:
    """(line, literal) for every literal that shows text without the catalog."""
    tree = ast.parse(source, filename)
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))  # docstring
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name == "t" or name in LOGGING or name in NOT_SCREENS or name in CHECKER_CALLS:
                skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Assign) and any(isinstance(target, ast.Name) and target.id in CHECKER_NAMES
                                                for target in node.targets):
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Compare):  # step.activity == "acties": an identifier, not text
            skip.update(id(n) for n in ast.walk(node) if isinstance(n, ast.Constant))
        if isinstance(node, ast.Subscript):  # row["label"]
            skip.update(id(n) for n in ast.walk(node.slice))
        if isinstance(node, ast.Dict):  # keys of a mapping are identifiers
            skip.update(id(k) for k in node.keys if k is not None)

    found: dict[int, tuple[int, str]] = {}

    def flag(literal: ast.Constant | ast.JoinedStr, visible_only: bool = True) -> None:
        if isinstance(literal, ast.JoinedStr):
            parts = [v for v in literal.values if isinstance(v, ast.Constant)]
            if any(id(part) in skip for part in parts):
                return
            skip.update(id(part) for part in parts)
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in literal.values)
        elif id(literal) in skip:
            return
        else:
            text = literal.value
        if _visible(text) if visible_only else _dutch(text):
            found[id(literal)] = (literal.lineno, text)

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    for literal in _literals(keyword.value):
                        flag(literal)
            if name in SHOWN_CALLS:
                position = SHOWN_CALLS[name]
                arguments = node.args if position is None else node.args[position:position + 1]
                for argument in arguments:
                    for literal in _literals(argument):
                        flag(literal)
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES for target in targets):
                for literal in _literals(node.value):
                    flag(literal)
        elif isinstance(node, ast.JoinedStr) or isinstance(node, ast.Constant) and isinstance(node.value, str):
            flag(node, visible_only=False)
    return sorted(found.values())


def _allowed(path: Path, text: str) -> bool:
    relative = path.relative_to(KIT).as_posix()
    return any(relative == file and part in text for file, part in ALLOWED)


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.relative_to(KIT).as_posix())
def test_no_text_outside_the_catalogs(path):
    offending = [(line, text) for line, text in hardcoded_text(path.read_text(encoding="utf-8"), str(path))
                 if not _allowed(path, text)]
    assert not offending, "text not from kit/i18n/ (use t('key')):\n" + "\n".join(
        f"{path.name}:{line}: {text!r}" for line, text in offending)


@pytest.mark.parametrize("source", [
    'widgets.Button(description="Volgende")',
    'widgets.HTML("<h2>Resultaten</h2>")',
    'widgets.HTML(f"<p>{n} antwoorden</p>")',
    'self.status.value = "Opgeslagen"',
    'pdf.para("Er zijn geen acties vastgelegd.")',
    'table.row(("Actie", "Niveau"))',
    'ax.text(0, 1, "te weinig antwoorden")',
    'message = "Kies een van de knoppen hieronder"',
    'widgets.Button(description="Next")',
])
def test_the_scan_finds_text_typed_into_the_code(source):
    assert hardcoded_text(source)


@pytest.mark.parametrize("source", [
    'widgets.Button(description=t("facilitator.next"))',
    'widgets.HTML(f"<p>{html.escape(t(\'participant.now\', block=title))}</p>")',
    'widgets.Layout(flex_flow="row wrap", margin="2px 4px")',
    'if step.activity == "acties": pass',
    'button.add_class("tlg-option")',
    'ax.text(x, y, f"{share}%", ha="center")',
    'raise ValueError("min_group moet een geheel getal zijn")',
])
def test_the_scan_lets_catalog_text_markup_and_identifiers_pass(source):
    assert not hardcoded_text(source)


def test_every_allowance_is_still_needed():
    stale = [(file, part) for file, part in ALLOWED
             if not any(part in text for _, text in hardcoded_text((KIT / file).read_text(encoding="utf-8")))]
    assert not stale, f"no longer in the code, take them off ALLOWED: {stale}"
