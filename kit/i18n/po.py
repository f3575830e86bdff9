"""A reader for the gettext `.po` files in kit/i18n/locale, small enough for a phone's kernel.

Babel reads the same files (translators' tools, and tests/unit/i18n check that both readers agree), but importing
babel.messages costs about 35 ms and a parse of one catalog with it several times what this one takes; a phone kernel
reads one catalog and nothing else of Babel's. Read: `msgid`, `msgid_plural`, `msgstr`, `msgstr[i]`, strings over
several lines, and comments; a `#, fuzzy` entry and an empty translation count as untranslated, as in gettext.
"""

from __future__ import annotations

import ast
from pathlib import Path


def read_po(path: Path) -> tuple[dict[str, str], dict[str, str | tuple[str, ...]]]:
    """(header fields, {msgid: text or (form 0, form 1, …)}) of one .po file."""
    messages: dict[str, str | tuple[str, ...]] = {}
    entry: dict[str, str] = {}
    field = None
    fuzzy = False

    def finish():
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            forms = [entry[f] for f in sorted((f for f in entry if f.startswith("msgstr[")),
                                              key=lambda f: int(f[7:-1]))]
            text = tuple(forms) if "msgid_plural" in entry else entry.get("msgstr", "")
            if (all(text) if isinstance(text, tuple) else text) or entry["msgid"] == "":
                messages[entry["msgid"]] = text
        entry, fuzzy = {}, False

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            if entry and field:  # a comment starts the next entry
                finish()
                field = None
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        if line.startswith('"'):
            if field is None:
                raise ValueError(f"{path}:{number}: a string without msgid or msgstr before it")
            entry[field] += _string(line, path, number)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgstr" in "".join(entry):
            finish()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not keyword.startswith("msgstr["):
            raise ValueError(f"{path}:{number}: unknown line {line[:40]!r}")
        field = keyword
        entry[field] = _string(rest.strip(), path, number)
    finish()
    header = {}
    for line in str(messages.pop("", "")).splitlines():
        name, _, value = line.partition(":")
        if value:
            header[name.strip()] = value.strip()
    return header, messages


def _string(text: str, path: Path, number: int) -> str:
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"{path}:{number}: expected a string in double quotes")
    return ast.literal_eval(text)  # the C escapes gettext allows (\n, \t, \", \\) are Python's too
