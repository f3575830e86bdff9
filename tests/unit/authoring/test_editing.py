"""Editing an own template from code: only the changed lines change, the checker decides, a refusal writes nothing."""

import difflib
import subprocess
import sys

import pytest

from kit.authoring import TemplateError, check_file, copy_template
from kit.authoring.editing import OWN_CASE_COMMENT, OWN_CASE_KEY, TemplateFile
from kit.authoring.loader import TEMPLATE_DIR, template_path

CASE_TITLE = "Casus 5: stil in de klas"
CASE_TEXT = "Een leerling uit 2b zegt al weken niets: \"het gaat wel\". Ze heeft #blauwe plekken op haar arm."


@pytest.fixture
def own(tmp_path):
    return TemplateFile(copy_template("teamleergesprek", "onze_school", tmp_path))


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines between two versions of a file."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_an_own_case_is_added_below_the_cases_and_nothing_else_changes(own):
    before = own.path.read_text(encoding="utf-8")
    template = own.save_case(CASE_TITLE, CASE_TEXT)
    removed, added = changed_lines(before, own.path.read_text(encoding="utf-8"))
    assert removed == []
    assert added[0].strip() == OWN_CASE_COMMENT and added[1].strip().startswith(f"- key: {OWN_CASE_KEY}")
    assert len(added) == 4  # comment, key, title, text: one line each, readable as the cases above
    cases = next(b.meldcode for b in template.blocks if b.meldcode).cases
    assert [c.key for c in cases] == ["casus1", "casus2", "casus3", "casus4", OWN_CASE_KEY]
    assert (cases[-1].title, cases[-1].text) == (CASE_TITLE, CASE_TEXT)  # colon, quotes and # survive YAML
    assert check_file(own.path) == []
    # The new lines line up with the cases above them.
    indent = next(line for line in before.splitlines() if "- key: casus4" in line).index("-")
    assert added[1].index("-") == indent


def test_saving_the_own_case_again_replaces_it(own):
    own.save_case(CASE_TITLE, CASE_TEXT)
    template = own.save_case("Casus 5: anders", "Eerste alinea.\n\nTweede alinea.")
    cases = next(b.meldcode for b in template.blocks if b.meldcode).cases
    assert [c.title for c in cases][-2:] == ["Casus 4: geen eten, dunne jas", "Casus 5: anders"]
    assert cases[-1].text == "Eerste alinea.\n\nTweede alinea."
    text = own.path.read_text(encoding="utf-8")
    assert text.count(OWN_CASE_KEY) == 1 and text.count(OWN_CASE_COMMENT) == 1
    assert "text: |-" in text  # paragraphs as a literal block, not as one escaped line
    assert own.own_case().title == "Casus 5: anders"


def test_the_trainers_comments_and_layout_stay(own):
    text = own.path.read_text(encoding="utf-8")
    own.path.write_text(text.replace("      stickers: 3", "      stickers: 3   # zo deden we het vorig jaar"),
                        encoding="utf-8")
    before = own.path.read_text(encoding="utf-8")
    own.set_stickers(4, 2)
    removed, added = changed_lines(before, own.path.read_text(encoding="utf-8"))
    assert removed == ["      stickers: 3   # zo deden we het vorig jaar"]
    assert added == ["      stickers: 4   # zo deden we het vorig jaar"]


def test_stickers_and_minutes_are_changed_in_place(own):
    template = own.set_stickers(5, 3)
    points = next(b.points for b in template.blocks if b.points)
    assert (points.stickers, points.max_per_point) == (5, 3)
    template = own.set_minutes({"welkom": 5, "werkvorm3": 20})
    assert [b.minutes for b in template.blocks][:6] == [5, 10, 15, 15, 15, 20]


def test_a_missing_sticker_field_is_written_under_points(own):
    text = own.path.read_text(encoding="utf-8")
    own.path.write_text(text.replace("      max_per_point: 2\n", ""), encoding="utf-8")
    template = own.set_stickers(4, 4)
    assert next(b.points for b in template.blocks if b.points).max_per_point == 4
    assert "      max_per_point: 4\n" in own.path.read_text(encoding="utf-8")


def test_a_question_is_added_at_the_end_of_its_block(own):
    template = own.add_question("afsluiting", {"key": "vervolg", "type": "ordered",
                                               "text": "Wil je een vervolgbijeenkomst?",
                                               "options": ["ja", "misschien", "nee"]})
    assert [q.key for q in template.block("afsluiting").questions][-1] == "vervolg"
    assert "        options: [ja, misschien, nee]\n" in own.path.read_text(encoding="utf-8")


def test_a_question_can_start_the_questions_of_a_block_without_any(own):
    template = own.add_question("welkom", {"key": "verwachting", "type": "open", "text": "Wat verwacht je?"})
    assert [q.key for q in template.block("welkom").questions] == ["verwachting"]


REFUSED = {
    "more_per_point_than_stickers": (lambda f: f.set_stickers(2, 3),
                                     "'max_per_point' (3) is groter dan het aantal stickers (2)"),
    "too_many_stickers": (lambda f: f.set_stickers(25, 2), "'stickers' is 25, maar moet tussen 1 en 20 liggen"),
    "case_without_title": (lambda f: f.save_case("  ", CASE_TEXT), "'title' is leeg"),
    "case_without_text": (lambda f: f.save_case(CASE_TITLE, ""), "'text' is leeg"),
    "zero_minutes": (lambda f: f.set_minutes({"welkom": 0}), "'minutes' is 0, maar moet tussen 1 en 180 liggen"),
    "unknown_block": (lambda f: f.set_minutes({"pauze": 10}), "er is geen blok met key 'pauze'"),
    "question_key_taken": (lambda f: f.add_question("afsluiting", {"key": "vaardigheid", "type": "open", "text": "?"}),
                           "de key 'vaardigheid' komt al voor"),
    "question_without_options": (lambda f: f.add_question("afsluiting", {"key": "x", "type": "choice", "text": "?"}),
                                 "'options' ontbreekt"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_edit_names_the_fix_and_leaves_the_file_as_it_was(own, name):
    edit, message = REFUSED[name]
    before = own.path.read_text(encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        edit(own)
    assert message in str(refused.value)
    assert str(refused.value).startswith("onze_school.yaml: ")
    assert own.path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in own.path.parent.iterdir()) == ["onze_school.yaml"]  # no candidate left behind


def test_a_file_broken_by_hand_is_reported_with_its_own_lines_before_any_edit(own):
    text = own.path.read_text(encoding="utf-8")
    own.path.write_text(text.replace("    minutes: 10\n", "    minutes: tien\n", 1), encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        own.save_case(CASE_TITLE, CASE_TEXT)
    assert f"{own.path}:20: blok 'welkom': 'minutes' moet een heel getal zijn" in str(refused.value)


def test_the_standard_template_is_never_edited():
    before = (TEMPLATE_DIR / "teamleergesprek.nl.yaml").read_text(encoding="utf-8")
    with pytest.raises(TemplateError, match="standaardsjabloon"):
        TemplateFile(template_path("teamleergesprek"))
    with pytest.raises(TemplateError, match="standaardsjabloon"):
        TemplateFile.named("teamleergesprek")
    assert (TEMPLATE_DIR / "teamleergesprek.nl.yaml").read_text(encoding="utf-8") == before


def test_the_edited_file_passes_teamleergesprek_check(own):
    own.save_case(CASE_TITLE, CASE_TEXT)
    own.set_stickers(4, 2)
    result = subprocess.run([sys.executable, "-m", "kit", "check", str(own.path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "geen problemen gevonden" in result.stdout
