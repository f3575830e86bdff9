"""The catalogs: every language has every Dutch key and no other, with the same placeholders and the same plural
entries; every key is asked for by the code and every key the code asks for exists; kit's own .po reader reads
each catalog exactly as Babel does; a catalog in a folder of one's own is a language. And the English template and
naslag built exactly like the Dutch ones (trends and the facilitator match them by key)."""

import ast
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po as babel_read_po

from kit import i18n

KIT = Path(__file__).resolve().parents[3] / "kit"
DUTCH = i18n.catalog("nl").messages
OTHERS = [lang for lang in i18n.languages() if lang != "nl"]


def fields(text) -> list[str]:
    forms = text if isinstance(text, tuple) else (text,)
    return [sorted(re.findall(r"{(\w+)}", form)) for form in forms]


def test_every_shipped_language_is_a_folder_of_the_locale_directory():
    assert i18n.languages() == ("nl", "en")
    assert {p.parent.parent.name for p in i18n.LOCALE.glob("*/LC_MESSAGES/kit.po")} == {"nl", "en"}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_catalog_has_every_dutch_key_and_no_more(lang):
    keys = set(i18n.catalog(lang).messages)
    assert sorted(set(DUTCH) - keys) == [], f"{lang}: missing (they would show in Dutch)"
    assert sorted(keys - set(DUTCH)) == [], f"{lang}: not in the Dutch catalog"


# One case per text, so a failure names the text a translator has to fix.
@pytest.mark.parametrize("lang, key", [(lang, key) for lang in OTHERS for key in DUTCH])
def test_placeholders_and_plural_entries_match_and_nothing_is_empty(lang, key):
    dutch = DUTCH[key]
    text = i18n.catalog(lang).messages.get(key)
    assert text is not None, f"{lang}: {key} is missing (it would show in Dutch)"
    assert isinstance(text, tuple) == isinstance(dutch, tuple), "plural in one language only"
    if isinstance(text, tuple):
        plural = i18n.catalog(lang).plural
        assert len(text) == 1 + max(plural(n) for n in range(200)), "one text per plural form"
        assert {tuple(f) for f in fields(text)} == {tuple(f) for f in fields(dutch)}
    else:
        assert fields(text) == fields(dutch)
    forms = text if isinstance(text, tuple) else (text,)
    assert all(form.strip() for form in forms)


@pytest.mark.parametrize("lang", i18n.languages())
def test_kits_reader_reads_each_catalog_as_babel_does(lang):
    book = i18n.catalog(lang)
    with open(book.path, "rb") as f:
        babel = babel_read_po(f, locale=lang)
    assert {m.id[0] if isinstance(m.id, tuple) else m.id: tuple(m.string) if isinstance(m.string, tuple) else m.string
            for m in babel if m.id} == book.messages
    assert [book.plural(n) for n in range(30)] == [int(eval(babel.plural_expr, {"n": n})) for n in range(30)]
    assert babel.plural_forms == get_plural(lang).plural_forms  # the rule Babel knows for the locale (CLDR)


def test_counts_choose_their_plural_form(monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "nl")
    assert i18n.t("check.summary", n=1).startswith("1 probleem gevonden.")
    assert i18n.t("check.summary", n=2).startswith("2 problemen gevonden.")
    assert [i18n.t("worksheet.groups", n=n) for n in (1, 3)] == ["1 groepje", "3 groepjes"]
    assert [i18n.tn("stickers.left", n) for n in (1, 0)] == ["Je hebt nog 1 sticker", "Je hebt nog 0 stickers"]
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    assert [i18n.t("stickers.left", n=n) for n in (1, 2)] == ["You have 1 sticker left", "You have 2 stickers left"]
    with pytest.raises(TypeError):
        i18n.t("stickers.left")


def test_no_catalog_text_writes_a_plural_by_hand():
    for key, text in DUTCH.items():
        for form in text if isinstance(text, tuple) else (text,):
            assert not re.search(r"\w\((s|en)\)|\w/\w+en\b", form), f"{key}: {form!r}, make it a plural entry"


def _python_files():
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(KIT.rglob("*.py"))]


def _catalog_keys_used_in_kit():
    """Every t("key")/tn("key", …)/translate(lang, "key") in kit/, and every t(f"prefix.{x}") as a pattern."""
    for path, tree in _python_files():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("t", "tn", "translate") and node.args):
                continue
            first = node.args[1 if node.func.id == "translate" else 0] if len(node.args) > (
                node.func.id == "translate") else None
            where = f"{path.relative_to(KIT)}:{node.lineno}"
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield where, re.escape(first.value)
            elif isinstance(first, ast.JoinedStr):
                yield where, "".join(re.escape(v.value) if isinstance(v, ast.Constant) else r"\w+"
                                     for v in first.values)


USED = list(_catalog_keys_used_in_kit())


def test_the_code_asks_for_catalog_strings():
    assert len(USED) > 200  # the scan finds the calls (if it found none, the next test could not fail)


@pytest.mark.parametrize("where, pattern", USED, ids=[w for w, _ in USED])
def test_every_key_the_code_uses_is_in_the_catalog(where, pattern):
    assert any(re.fullmatch(pattern, key) for key in DUTCH), f"{where}: no catalog key matches {pattern}"


def test_every_key_in_the_catalog_is_used_by_the_code():
    """A key counts as used when kit names it as a string, when an f-string such as f"check.where.{kind}" can make
    it, or when it is `family.field` for a family given to the template checker's `special(family, field)`."""
    strings, patterns = set(), []
    for _, tree in _python_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif (isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant)
                  and re.match(r"[a-z_]+\.", node.values[0].value)):
                # a formatted part may be a notebook's name too: "page.title.zorgteam-trends"
                patterns.append("".join(re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w-]+"
                                        for v in node.values))
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "special"
                  and node.args):
                families = [c.value for c in ast.walk(node.args[0]) if isinstance(c, ast.Constant)]
                patterns += [re.escape(family) + r"\.\w+" for family in families if isinstance(family, str)]
    unused = sorted(key for key in DUTCH if key not in strings and not any(re.fullmatch(p, key) for p in patterns))
    assert unused == []


def test_a_catalog_in_a_folder_of_ones_own_is_a_language(tmp_path, monkeypatch):
    german = tmp_path / "de" / "LC_MESSAGES" / "kit.po"
    german.parent.mkdir(parents=True)
    text = (i18n.LOCALE / "nl" / "LC_MESSAGES" / "kit.po").read_text(encoding="utf-8")
    text = text.replace('msgstr "Verstuur"', 'msgstr "Senden"').replace("Language: nl", "Language: de")
    german.write_text(text.replace('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', ""), encoding="utf-8")
    monkeypatch.delenv("TEAMLEERGESPREK_LOCALE_DIRS", raising=False)
    monkeypatch.delenv("TEAMLEERGESPREK_LANG", raising=False)
    i18n.add_locale_dir(tmp_path)
    assert "de" in i18n.languages() and "de" in i18n.LANGUAGES
    with i18n.command_language("de"):
        assert i18n.t("participant.send") == "Senden"
        assert i18n.t("stickers.left", n=1) == "Je hebt nog 1 sticker"  # Babel's rule for de: no header needed
    assert i18n.t("participant.send") == "Verstuur"


def test_a_missing_key_falls_back_to_dutch_at_run_time(tmp_path, monkeypatch):
    short = tmp_path / "fy" / "LC_MESSAGES" / "kit.po"
    short.parent.mkdir(parents=True)
    short.write_text('msgid ""\nmsgstr "Language: fy\\n"\n\nmsgid "participant.send"\nmsgstr "Ferstjoer"\n\n'
                     '#, fuzzy\nmsgid "participant.join"\nmsgstr "Meidwaan"\n', encoding="utf-8")
    monkeypatch.setenv("TEAMLEERGESPREK_LOCALE_DIRS", str(tmp_path))
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "fy")
    assert (i18n.t("participant.send"), i18n.t("participant.join")) == ("Ferstjoer", "Meedoen")


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    assert i18n.t("participant.send") == "Send"
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "xx")  # no catalog: Dutch
    assert i18n.t("participant.send") == "Verstuur"


@pytest.mark.parametrize("lang, expected", [
    ("nl", ("3 okt 2025", "3 oktober 2025", "vrijdag 3 oktober 2025", "−1,5")),
    ("en", ("3 Oct 2025", "3 October 2025", "Friday 3 October 2025", "−1.5")),
])
def test_dates_and_numbers_in_each_language(monkeypatch, lang, expected):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", lang)
    assert (i18n.short_date("2025-10-03"), i18n.long_date("2025-10-03"), i18n.weekday_date("2025-10-03"),
            i18n.number(-1.5)) == expected


def test_command_language_is_undone_after_the_command(monkeypatch):
    monkeypatch.delenv("TEAMLEERGESPREK_LANG", raising=False)
    with i18n.command_language("en"):
        assert i18n.t("participant.send") == "Send"
    assert i18n.t("participant.send") == "Verstuur"
    with pytest.raises(ValueError):
        i18n.set_language("fr")


# -- the English standard template and naslag ----------------------------------------------------------------------
def _shape(template) -> list:
    """Everything a translation must keep: keys, types, minutes, how many options/prompts/cases/steps/questions."""
    shape = []
    for block in template.blocks:
        shape.append(("block", block.key, block.minutes, len(block.prompts), len(block.screen),
                      block.prompt_seconds))
        for q in block.questions:
            shape.append(("question", q.key, q.type, len(q.options), q.scale_min, q.scale_max, q.max_length,
                          q.private))
        if block.meldcode:
            shape += [("case", c.key) for c in block.meldcode.cases]
            shape += [("step", s.key, len(s.questions)) for s in block.meldcode.steps]
        if block.points:
            p = block.points
            shape.append(("points", p.stickers, p.max_per_point, p.max_length, len(p.levels), len(p.statuses)))
    return shape


def test_the_english_template_has_the_dutch_ones_keys_options_and_timings():
    from kit.authoring import load_template

    dutch, english = load_template("teamleergesprek"), load_template("teamleergesprek.en")
    assert (english.language, english.name) == ("en", dutch.name)
    assert _shape(english) == _shape(dutch)
    dutch_texts = {q.text for q in dutch.questions()} | {b.title for b in dutch.blocks}
    assert not dutch_texts & ({q.text for q in english.questions()} | {b.title for b in english.blocks})


def test_the_english_naslag_has_the_dutch_ones_sections():
    from kit.authoring.naslag import load_reference

    dutch, english = load_reference("nl"), load_reference("en")
    assert english.keys == dutch.keys
    assert [len(s.items) for s in english] == [len(s.items) for s in dutch]
