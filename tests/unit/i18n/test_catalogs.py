"""The catalogs: Dutch and English complete and alike, every key the code asks for present, and the English
template and naslag built exactly like the Dutch ones (trends and the facilitator match them by key)."""

import ast
import re
from pathlib import Path

import pytest

from kit import i18n
KIT = Path(__file__).resolve().parents[3] / "kit"


def fields(text: str) -> list[str]:
    return sorted(re.findall(r"{(\w+)}", text))


def test_english_catalog_has_every_dutch_string_and_no_more():
    assert set(i18n.EN) == set(i18n.NL)


@pytest.mark.parametrize("key", sorted(i18n.NL))
def test_placeholders_match_and_nothing_is_empty(key):
    assert fields(i18n.NL[key]) == fields(i18n.EN[key])
    assert i18n.NL[key].strip() and i18n.EN[key].strip()


def _catalog_keys_used_in_kit():
    """Every t("key") in kit/, and every t(f"prefix.{x}") as a pattern, with where it is."""
    for path in sorted(KIT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                    and node.args):
                continue
            first = node.args[0]
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
    assert any(re.fullmatch(pattern, key) for key in i18n.NL), f"{where}: no catalog key matches {pattern}"


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    assert i18n.t("participant.send") == "Send"
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "xx")
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
