"""The naslag: the packaged text, its checker, and the phone/projector widgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kit.authoring import naslag as ref
from kit.authoring.naslag import (
    Reference,
    ReferenceSection,
    check_reference_file,
    load_reference,
    load_reference_file,
    reference_path,
)
from kit.authoring.loader import Problem, TemplateError
from kit.authoring.yamlfile import KEY_PATTERN
from kit.i18n import t
from kit.widgets.naslag import (
    NOTHING,
    REFERENCE_CSS,
    ReferenceDrawer,
    ReferencePhoneView,
    ReferenceScreenView,
    reference_picker,
    section_html,
)

REQUIRED_KEYS = (
    "meldcode",
    "stap5_beslissingen",
    "spiekkaart_vaag_gevoel",
    "spiekkaart_signalen_anderen",
    "spiekkaart_signalen_partners",
    "spiekkaart_leerling_vertelt",
    "spiekkaart_geheimhouding",
    "gesprek_leerling",
    "gesprek_ouders",
)


# the packaged file


def test_packaged_file_has_no_problems():
    assert check_reference_file(reference_path("nl")) == []


def test_packaged_file_has_a_source_line_and_a_trainer_comment():
    text = reference_path("nl").read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "schema_version: 1" in text
    reference = load_reference()
    assert "samenvatting" in reference.bron.lower() and "handleiding" in reference.bron.lower()


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_required_section_exists_with_text(key):
    section = load_reference().section(key)
    assert section.title.strip()
    assert section.items and all(item.strip() for item in section.items)


def test_sections_are_short_enough_for_a_phone():
    for section in load_reference():
        words = len(section.text().split())
        assert 30 <= words <= 200, f"{section.key}: {words} woorden"


def test_meldcode_names_all_five_steps():
    text = load_reference().section("meldcode").text().casefold()
    for step in ("stap 1", "stap 2", "stap 3", "stap 4", "stap 5"):
        assert step in text
    assert "signalen in kaart brengen" in text
    assert "collegiale consultatie" in text and "overleg" in text
    assert "gesprek met de cliënt" in text
    assert "wegen" in text
    assert "beslissen" in text


def test_step_five_names_both_decisions():
    text = load_reference().section("stap5_beslissingen").text().casefold()
    assert "melden noodzakelijk" in text
    assert "hulp verlenen of organiseren" in text and "mogelijk" in text
    assert "acute of structurele onveiligheid" in text
    assert "veilig thuis" in text


def test_secrecy_is_never_promised():
    text = load_reference().section("spiekkaart_geheimhouding").text().casefold()
    assert "beloof nooit" in text


def test_keys_are_unique_and_stable_pattern():
    keys = load_reference().keys
    assert len(keys) == len(set(keys))
    assert all(KEY_PATTERN.match(k) for k in keys)


def test_load_reference_is_cached(monkeypatch):
    ref.clear_reference_cache()
    calls = []
    real = ref.load_reference_file
    monkeypatch.setattr(ref, "load_reference_file", lambda path: calls.append(path) or real(path))
    first = load_reference()
    assert load_reference() is first
    assert len(calls) == 1
    ref.clear_reference_cache()
    assert load_reference() is not first and len(calls) == 2


def test_unknown_language_is_a_dutch_problem():
    with pytest.raises(TemplateError) as caught:
        load_reference("xx")
    assert "geen naslag in de taal 'xx'" in str(caught.value)
    with pytest.raises(TemplateError):
        load_reference("../nl")


def test_unknown_section_key_is_a_key_error():
    with pytest.raises(KeyError, match="bestaat_niet"):
        load_reference().section("bestaat_niet")


def test_parts_group_bullets():
    section = ReferenceSection("s", "S", ("Intro", "- een", "- twee", "Tussen", "- drie"))
    assert section.parts() == [("p", "Intro"), ("ul", ("een", "twee")), ("p", "Tussen"), ("ul", ("drie",))]


def test_command_line_check(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "kit.authoring.naslag"], capture_output=True, text=True)
    assert ok.returncode == 0 and "in orde" in ok.stdout
    bad = tmp_path / "naslag.yaml"
    bad.write_text("schema_version: 1\nbron: x\nsections: []\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kit.authoring.naslag", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and f"{bad}:3:" in result.stdout


# invalid files: each case is (name, YAML text, expected line, words the message must contain)

GOOD_SECTION = "  - key: meldcode\n    title: Meldcode\n    items:\n      - Tekst.\n"
HEAD = "schema_version: 1\nbron: Samenvatting van de handleiding.\nsections:\n"

INVALID = [
    ("leeg_bestand", "", None, ["leeg"]),
    ("bovenkant_is_lijst", "- key: meldcode\n", 1, ["beginnen met velden"]),
    ("bron_ontbreekt", "schema_version: 1\nsections:\n" + GOOD_SECTION, 1, ["'bron' ontbreekt"]),
    ("bron_leeg", "schema_version: 1\nbron:\nsections:\n" + GOOD_SECTION, 2, ["'bron' is leeg"]),
    ("schema_version_te_nieuw", "schema_version: 2\nbron: x\nsections:\n" + GOOD_SECTION, 1, ["nieuwer"]),
    ("schema_version_geen_getal", "schema_version: een\nbron: x\nsections:\n" + GOOD_SECTION, 1, ["heel getal"]),
    ("sections_leeg", HEAD.replace("sections:\n", "sections: []\n"), 3, ["geen onderdelen"]),
    ("sections_geen_lijst", HEAD.replace("sections:\n", "sections: meldcode\n"), 3, ["lijst"]),
    ("onbekend_veld_nederlands", HEAD + "  - sleutel: meldcode\n    title: M\n    items: [a]\n", 4,
     ["onbekend veld 'sleutel'", "Bedoel je 'key'"]),
    ("key_ongeldig", HEAD + "  - key: Meld Code\n    title: M\n    items: [a]\n", 4, ["kleine letters", "key: meld_code"]),
    ("dubbele_key", HEAD + GOOD_SECTION + GOOD_SECTION, 8, ["komt al voor op regel 4"]),
    ("titel_ontbreekt", HEAD + "  - key: meldcode\n    items: [a]\n", 4, ["'title' ontbreekt"]),
    ("titel_leeg", HEAD + "  - key: meldcode\n    title: ''\n    items: [a]\n", 5, ["'title' is leeg"]),
    ("items_leeg", HEAD + "  - key: meldcode\n    title: M\n    items: []\n", 6, ["minstens één alinea"]),
    ("item_met_dubbele_punt", HEAD + "  - key: meldcode\n    title: M\n    items:\n      - Stap 1: signalen\n", 7,
     ["dubbele punt", "aanhalingstekens"]),
    ("item_lijst_in_lijst", HEAD + "  - key: meldcode\n    title: M\n    items:\n      - - Neem serieus.\n", 7,
     ["lijst in een lijst", "opsommingsteken"]),
    ("item_leeg_opsommingsteken", HEAD + "  - key: meldcode\n    title: M\n    items:\n      - \"- \"\n", 7,
     ["leeg opsommingsteken"]),
    ("item_ja_nee", HEAD + "  - key: meldcode\n    title: M\n    items:\n      - yes\n", 7, ["aanhalingstekens"]),
    ("item_te_lang", HEAD + "  - key: meldcode\n    title: M\n    items:\n      - " + "woord " * 200 + "\n", 7,
     ["tekens"]),
    ("onderdeel_te_lang", HEAD + "  - key: meldcode\n    title: M\n    items:\n" + "      - " + "een twee drie " * 40
     + "\n" + "      - " + "een twee drie " * 40 + "\n" + "      - " + "een twee drie " * 40 + "\n", 6, ["woorden"]),
    ("tab", HEAD + "  - key: meldcode\n\ttitle: M\n", 5, ["tab"]),
    ("aanhalingsteken_niet_gesloten", HEAD + "  - key: meldcode\n    title: \"M\n    items: [a]\n", 5,
     ["nergens wordt gesloten"]),
    ("dubbel_veld", HEAD + "  - key: meldcode\n    title: M\n    title: N\n    items: [a]\n", 6, ["twee keer"]),
    ("taal_ongeldig", "schema_version: 1\nlanguage: nederlands\nbron: x\nsections:\n" + GOOD_SECTION, 2, ["taalcode"]),
]


@pytest.mark.parametrize(("text", "line", "words"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_file_gives_problem_with_line(tmp_path, text, line, words):
    path = tmp_path / "naslag.nl.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_reference_file(path)
    assert problems, "expected at least one problem"
    assert all(isinstance(p, Problem) and p.file == str(path) for p in problems)
    assert problems[0].line == line, [str(p) for p in problems]
    message = " ".join(p.message for p in problems)
    for word in words:
        assert word in message, message
    with pytest.raises(TemplateError) as caught:
        load_reference_file(path)
    assert str(path) in str(caught.value)


def test_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "naslag.nl.yaml"
    path.write_bytes(HEAD.encode() + "  - key: meldcode\n    title: Caf\xe9\n".encode("latin-1"))
    [problem] = check_reference_file(path)
    assert problem.line == 5 and "UTF-8" in problem.message


def test_several_problems_are_all_reported(tmp_path):
    path = tmp_path / "naslag.nl.yaml"
    path.write_text(HEAD + "  - key: A\n    title: ''\n    items: [a]\n  - key: b\n    items: []\n", encoding="utf-8")
    assert [p.line for p in check_reference_file(path)] == [4, 5, 7, 8]


def test_missing_file_is_a_problem(tmp_path):
    [problem] = check_reference_file(tmp_path / "weg.yaml")
    assert problem.line is None and "niet gevonden" in problem.message


def test_valid_small_file_loads(tmp_path):
    path = tmp_path / "naslag.nl.yaml"
    path.write_text(HEAD + GOOD_SECTION + '  - key: tips\n    title: "Tips: kort"\n    items:\n      - "- een"\n',
                    encoding="utf-8")
    reference = load_reference_file(path)
    assert reference.keys == ("meldcode", "tips")
    assert reference.title == "Naslag"
    assert reference.section("tips").items == ("- een",)


# widgets


@pytest.fixture
def evil():
    return Reference(
        (
            ReferenceSection("kwaad", "<b>Titel</b>", ("<script>alert(1)</script>", "- <img src=x onerror=alert(2)>")),
            ReferenceSection("goed", "Goed", ("Gewone tekst.",)),
        ),
        bron="<i>bron</i>",
    )


def test_phone_view_opens_and_goes_back(evil):
    closed = []
    view = ReferencePhoneView(evil, on_close=lambda: closed.append(True))
    assert view.current_key is None and view.widget.children == (view.list_box,)
    assert [b.description for b in view.section_buttons.values()] == ["<b>Titel</b>", "Goed"]

    view.section_buttons["goed"].click()
    assert view.current_key == "goed" and view.widget.children == (view.section_box,)
    assert "Gewone tekst." in view.text.value

    view.back_button.click()
    assert view.current_key is None and view.widget.children == (view.list_box,) and not closed

    view.open("kwaad")
    view.close_button.click()
    assert closed == [True] and view.current_key is None

    view.list_close_button.click()
    assert closed == [True, True]

    view.open("goed")
    view.close()
    assert closed == [True, True, True] and view.current_key is None

    with pytest.raises(KeyError):
        view.open("bestaat_niet")


def test_phone_view_without_callback_does_not_fail():
    view = ReferencePhoneView()
    view.open("meldcode")
    view.close()
    assert view.current_key is None


def test_buttons_are_big_touch_targets():
    view = ReferencePhoneView()
    buttons = [*view.section_buttons.values(), view.list_close_button, view.back_button, view.close_button]
    for button in buttons:
        assert button.layout.width == "100%" and button.layout.min_height == "56px"
    assert view.back_button.description == "Terug naar de lijst"
    assert view.close_button.description == "Terug naar de sessie"
    assert "min-height: 56px" in REFERENCE_CSS


def test_text_is_escaped_everywhere(evil):
    view = ReferencePhoneView(evil)
    view.open("kwaad")
    screen = ReferenceScreenView(evil)
    screen.show("kwaad")
    list_html = "".join(w.value for w in view.list_box.children if hasattr(w, "value"))
    for value in (view.text.value, screen.widget.value, list_html):
        assert "<script" not in value and "<img" not in value and "<b>" not in value and "<i>" not in value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.text.value
    assert "<li>&lt;img src=x onerror=alert(2)&gt;</li>" in view.text.value
    assert "&lt;b&gt;Titel&lt;/b&gt;" in screen.widget.value


def test_escaping_with_monkeypatched_packaged_section(monkeypatch):
    real = load_reference()
    patched = Reference(
        tuple(
            ReferenceSection(s.key, s.title, ("<script>alert('x')</script>",)) if s.key == "meldcode" else s
            for s in real
        ),
        title=real.title,
        bron=real.bron,
    )
    monkeypatch.setattr("kit.widgets.naslag.load_reference", lambda language="nl": patched)
    view = ReferencePhoneView()
    view.open("meldcode")
    assert "<script>" not in view.text.value and "&lt;script&gt;" in view.text.value


def test_bullets_become_a_list():
    html_text = section_html(load_reference().section("spiekkaart_geheimhouding"))
    assert html_text.count("<ul>") == 1 and html_text.count("<li>") == 4
    assert "<p>" in html_text


def test_screen_view_shows_one_section_or_nothing():
    screen = ReferenceScreenView()
    assert screen.current_key is None and screen.widget.value == "" and screen.widget.layout.display == "none"
    screen.show("meldcode")
    assert screen.current_key == "meldcode" and screen.widget.layout.display is None
    assert "De meldcode in vijf stappen" in screen.widget.value
    screen.show(None)
    assert screen.current_key is None and screen.widget.value == ""
    with pytest.raises(KeyError):
        screen.show("bestaat_niet")


@pytest.mark.parametrize("width, height, body_at_least", [(1024, 768, 16), (1366, 768, 18), (1920, 1080, 25)])
def test_screen_css_is_large_on_every_projector(width, height, body_at_least):
    """The naslag on the projector follows the window: it shares the room's one screen with the step (the
    afwegingskader beside the worksheet must fit 1024×768: tests/browser/test_room.py), and stays readable from the
    back, its body type about the size of the room's other running text, the title larger."""
    import re

    def size(selector):
        low, vw, vh, high = re.search(
            re.escape(selector) + r" \{[^}]*font-size: clamp\((\d+)px, ([\d.]+)vw \+ ([\d.]+)vh, (\d+)px\)",
            REFERENCE_CSS).groups()
        return min(max(float(low), float(vw) * width / 100 + float(vh) * height / 100), float(high))

    body, title = size(".tlg-reference-screen .widget-html-content"), size(".tlg-reference-screen .tlg-reference-title")
    assert body >= body_at_least and title >= body * 1.25


def test_picker_calls_back_with_key_or_none():
    picked = []
    reference = load_reference()
    picker = reference_picker(reference, picked.append)
    assert picker.options[0] == (t("reference.nothing_on_screen"), NOTHING)
    assert [label for label, _ in picker.options[1:]] == [s.title for s in reference]
    assert picker.value == NOTHING and picked == []
    picker.value = "stap5_beslissingen"
    picker.index = 0
    picker.value = "meldcode"
    assert picked == ["stap5_beslissingen", None, "meldcode"]


def test_picker_drives_the_screen_view():
    screen = ReferenceScreenView()
    picker = reference_picker(screen.reference, screen.show)
    picker.value = "gesprek_ouders"
    assert screen.current_key == "gesprek_ouders"
    picker.value = NOTHING
    assert screen.current_key is None


def test_drawer_keeps_the_session_while_the_naslag_is_open():
    import ipywidgets as widgets

    first, second = widgets.HTML("vraag 1"), widgets.HTML("vraag 2")
    drawer = ReferenceDrawer(first)
    assert drawer.widget.children == (drawer.open_button, first) and not drawer.is_open
    drawer.open_button.click()
    assert drawer.is_open and drawer.widget.children == (drawer.phone.widget,)
    drawer.phone.section_buttons["meldcode"].click()
    drawer.set_session(second)  # the facilitator moved on while the participant was reading
    assert drawer.widget.children == (drawer.phone.widget,)
    drawer.phone.close_button.click()
    assert not drawer.is_open and drawer.widget.children == (drawer.open_button, second)
    drawer.open("stap5_beslissingen")
    assert drawer.phone.current_key == "stap5_beslissingen"
    drawer.close()
    assert drawer.widget.children == (drawer.open_button, second) and drawer.phone.current_key is None


def test_widgets_module_stays_light():
    code = (
        "import sys, kit.widgets.naslag as r; r.ReferencePhoneView(); "
        "bad = [m for m in ('pandas', 'matplotlib', 'sqlite3', 'sqlalchemy', 'jsonschema') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_packaged_file_ships_with_the_package():
    assert reference_path("nl").parent == Path(ref.__file__).parent / "shipped"


@pytest.mark.parametrize("lang,facts", [
    ("nl", ("vrijwel altijd een deel van het probleem", "je informeert hen altijd over een volgende stap",
            "overleg dan eerst met Veilig Thuis", "niet tolken voor de ouders")),
    ("en", ("almost always part of the problem", "you always inform them about a next step",
            "consult Veilig Thuis first", "act as the parents' interpreter")),
])
def test_the_handbooks_facts_are_not_shifted(lang, facts):
    """Issue 11.5 and 11.9: parents are informed about a next step (not always beforehand: where talking would raise
    the danger, Veilig Thuis first); parents are almost always part of the problem; no pupil interprets for them."""
    text = " ".join(item for section in load_reference(lang) for item in section.items)
    for fact in facts:
        assert fact in text
    assert "vooraf welke stap" not in text and "beforehand which step" not in text
    assert "vaak bij het probleem" not in text and "often part of the problem" not in text


def test_the_english_reflection_question_says_comfortable():
    from kit.authoring import load_template

    prompts = load_template("teamleergesprek.en").block("werkvorm2").prompts
    assert prompts[0] == "Do you notice when a pupil does not feel comfortable at school? What do you notice?"
