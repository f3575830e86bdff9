"""The template checker against example files, and the standard template against the handbook.

Each file under invalid/ holds one mistake and names the line and message it should produce in its first
line (`# expect: <line> <part of the message>`, `-` for a problem about the whole file), so adding a case
means adding a file. Files under valid/ describe the template they should produce in their header.
"""

from pathlib import Path

import pytest

from kit.model.template import Template
from kit.authoring import (
    SUPPORTED_SCHEMA_VERSION,
    Problem,
    TemplateError,
    available_templates,
    check_file,
    load_template,
    load_template_file,
)

HERE = Path(__file__).parent / "cases"
VALID = sorted((HERE / "valid").glob("*.yaml"))
INVALID = sorted((HERE / "invalid").glob("*.yaml"))


def header(path: Path) -> dict[str, str]:
    """The `# name: value` lines at the top of an example file."""
    fields = {}
    # errors="replace": one invalid example is deliberately not UTF-8.
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("#") or ":" not in line:
            break
        name, _, value = line[1:].partition(":")
        fields[name.strip()] = value.strip()
    return fields


def test_there_are_enough_examples():
    assert len(VALID) >= 4
    assert len(INVALID) >= 15


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example(path):
    expected = header(path)
    assert check_file(path) == []
    template = load_template_file(path)
    assert isinstance(template, Template)
    assert [b.key for b in template.blocks] == expected["blocks"].split()
    assert [q.key for q in template.questions()] == expected["questions"].split()
    assert template.total_minutes == int(expected["minutes"])
    assert [b.key for b in template.blocks if b.optional] == expected.get("optional", "").split()
    assert Template.from_dict(template.to_dict()) == template


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example(path):
    line_text, _, substring = header(path)["expect"].partition(" ")
    line = None if line_text == "-" else int(line_text)
    problems = check_file(path)
    assert problems, "expected a problem, the file was accepted"
    shown = "\n".join(str(p) for p in problems)
    assert any(p.line == line and substring in p.message for p in problems), shown
    assert all(path.name in str(p) for p in problems)
    assert len(problems) == 1, f"each example should contain exactly one mistake:\n{shown}"
    with pytest.raises(TemplateError) as caught:
        load_template_file(path)
    assert caught.value.problems == problems


def test_valid_example_details():
    types = {q.key: q for q in load_template_file(HERE / "valid" / "elk_vraagtype.yaml").questions()}
    assert types["volgorde"].options == ("heel vaardig", "vaardig", "niet vaardig")
    assert types["keuze"].type == "choice"
    assert types["schaal"].scale_values == (1, 2, 3, 4, 5)
    assert (types["schaal"].min_label, types["schaal"].max_label) == ("", "")
    assert types["open_vraag"].max_length == 500

    formatted = load_template_file(HERE / "valid" / "aanhalingstekens_en_opmaak.yaml")
    assert formatted.language == "en"
    assert formatted.title == "Opmaak: aanhalingstekens en meer"
    assert formatted.blocks[0].title == 'Blok 1: "citaat"'
    assert formatted.blocks[0].guidance == "Eerste regel.\nTweede regel."
    assert formatted.blocks[1].guidance == ""
    assert formatted.question("stelling").options == ("yes", "no", "weet niet")

    assert load_template_file(HERE / "valid" / "minimaal_een_blok.yaml").language == "nl"


def test_missing_file(tmp_path):
    path = tmp_path / "bestaat-niet.yaml"
    [problem] = check_file(path)
    assert problem.line is None
    assert "niet gevonden" in problem.message
    assert str(problem) == f"{path}: {problem.message}"


def test_directory_instead_of_file(tmp_path):
    [problem] = check_file(tmp_path)
    assert "map" in problem.message


def test_problem_and_error_text():
    first = Problem("a.yaml", 3, "fout een")
    second = Problem("a.yaml", None, "fout twee")
    assert str(first) == "a.yaml:3: fout een"
    assert str(second) == "a.yaml: fout twee"
    error = TemplateError([first, second])
    assert error.problems == [first, second]
    assert str(error) == "a.yaml:3: fout een\na.yaml: fout twee"


def test_several_problems_are_all_reported(tmp_path):
    path = tmp_path / "veel.yaml"
    path.write_text(
        "schema_version: 1\nname: veel\ntitle: Veel\nblocks:\n"
        "  - key: a\n    title: A\n    minutes: tien\n"
        "  - key: a\n    title: ''\n    minutes: 5\n",
        encoding="utf-8",
    )
    assert [p.line for p in check_file(path)] == [7, 8, 9]


def test_load_template_by_name_and_by_path(tmp_path):
    assert "teamleergesprek" in available_templates()
    by_name = load_template("teamleergesprek")
    own = tmp_path / "eigen.yaml"
    own.write_text(
        (Path(__file__).parents[3] / "kit" / "authoring" / "shipped" / "teamleergesprek.nl.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert load_template(str(own)) == by_name


def test_load_template_unknown_name_lists_the_available_ones():
    with pytest.raises(TemplateError) as caught:
        load_template("bestaat_niet")
    message = str(caught.value)
    assert "bestaat_niet" in message and "teamleergesprek" in message


def test_load_template_missing_path():
    with pytest.raises(TemplateError) as caught:
        load_template("ergens/eigen.yaml")
    assert "niet gevonden" in str(caught.value)


# The standard template, checked against the handbook's "Opbouw en duur van het gesprek".

STANDARD_BLOCKS = [
    ("welkom", 10, "Welkom"),
    ("introductie", 10, "Introductie van het thema"),
    ("startoefening", 15, "Startoefening: wat vind jij?"),
    ("werkvorm1", 15, "Werkvorm 1: Verkenning in tweetallen"),
    ("werkvorm2", 15, "Werkvorm 2: Een gedachte-experiment"),
    ("werkvorm3", 25, "Werkvorm 3: De meldcode op school"),
    ("werkvorm4", 15, "Werkvorm 4: Krachten bundelen met samenwerkingspartners"),
    ("werkvorm5", 20, "Werkvorm 5: Thema op de agenda houden"),
    ("afsluiting", 10, "Afsluiting"),
]


@pytest.fixture(scope="module")
def standard():
    return load_template("teamleergesprek")


def test_standard_template_header(standard):
    assert (standard.schema_version, standard.name, standard.language) == (SUPPORTED_SCHEMA_VERSION, "teamleergesprek", "nl")
    assert standard.title


def test_standard_template_blocks(standard):
    assert [(b.key, b.minutes, b.title) for b in standard.blocks] == STANDARD_BLOCKS
    assert [b.minutes for b in standard.blocks] == [10, 10, 15, 15, 15, 25, 15, 20, 10]
    assert standard.total_minutes == 135
    assert all(b.guidance.strip() for b in standard.blocks)
    assert [b.key for b in standard.blocks if b.questions] == ["startoefening", "werkvorm4", "afsluiting"]


def test_standard_template_werkvormen_and_check_out_as_in_the_handbook(standard):
    werkvorm4 = {q.key: q for q in standard.block("werkvorm4").questions}
    assert werkvorm4["samenwerking_goed"].text == "Wat gaat goed in de samenwerking met externe partners?"
    assert werkvorm4["samenwerking_beter"].text == "Wat kan beter in de samenwerking met externe partners?"
    # Discussion questions in the handbook: open questions, no answer options it never gave (issue 11.2).
    assert werkvorm4["rol_noodsituatie_gesprek"].text == "Is in een noodsituatie de rol van elke betrokkene helder?"
    assert werkvorm4["rol_noodsituatie_gesprek"].type == "open"
    assert [q.type for q in standard.block("afsluiting").questions] == ["open", "open", "open"]
    checkout = [q.text for q in standard.block("afsluiting").questions]
    assert checkout == [
        "Hoe zit je er op dit moment bij?",
        "Wat neem je mee uit deze bijeenkomst?",
        "Heb je een persoonlijk voornemen naar aanleiding van deze bijeenkomst?",
    ]
    assert [q.private for q in standard.block("afsluiting").questions] == [False, False, True]
    reflection = standard.block("werkvorm2")
    assert len(reflection.prompts) == 4 and reflection.prompt_seconds
    assert reflection.prompts[1] == "Bij welke signalen denk je wel eens aan kindermishandeling?"
    assert len(standard.block("werkvorm1").prompts) == 5
    assert len(standard.block("werkvorm5").prompts) == 5
    meldcode = standard.block("werkvorm3").meldcode
    assert [c.key for c in meldcode.cases] == ["casus1", "casus2", "casus3", "casus4"]
    assert meldcode.cases[0].text.startswith("Een leerling uit de tweede klas is ziek.")
    assert [len(step.questions) for step in meldcode.steps] == [3, 4, 2, 2]
    assert meldcode.steps[0].questions[1] == "Wat zijn de objectief waarneembare signalen?"
    points = standard.block("werkvorm5").points
    assert (points.stickers, points.max_per_point) == (3, 2)
    assert points.levels == ("de professional", "het team en de organisatie", "de samenwerking met externe partners")
    assert points.statuses == ("nog niet gestart", "bezig", "klaar")
    assert [s.activity for s in standard.steps if s.activity] == ["werkblad", "routekaart", "punten", "stickers", "acties"]
    intro = " ".join(standard.block("introductie").screen)
    assert "Kindermishandeling stop je samen!" in intro
    assert sum(line.startswith("- ") for line in standard.block("introductie").screen) == 6
    assert "(Bron: CBS 2017)" in " ".join(standard.block("werkvorm1").screen)


def test_standard_template_questions(standard):
    questions = standard.block("startoefening").questions
    assert [(q.key, q.type, q.text) for q in questions] == [
        ("vaardigheid", "ordered", "Hoe vaardig voel jij je bij het signaleren en handelen?"),
        ("tevredenheid_school", "scale", "Hoe tevreden ben jij over de handelswijze van de school?"),
        ("versterken", "open", "Wat is nodig om het signaleren en handelen op de school te versterken?"),
        ("bieden", "open", "Wat kun jij bieden aan het onderwijsteam als het gaat om het signaleren en handelen?"),
        (
            "tevredenheid_samenwerking",
            "ordered",
            "Hoe tevreden ben je over de samenwerking tussen de school en de samenwerkingspartners?",
        ),
    ]
    by_key = {q.key: q for q in questions}
    assert by_key["vaardigheid"].options == ("heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig")
    scale = by_key["tevredenheid_school"]
    assert (scale.scale_min, scale.scale_max, scale.min_label, scale.max_label) == (
        0, 5, "zeer ontevreden", "zeer tevreden"
    )
    assert by_key["versterken"].max_length == by_key["bieden"].max_length == 500
    assert by_key["tevredenheid_samenwerking"].options == ("zeer tevreden", "tevreden", "ontevreden")


def test_standard_template_round_trips(standard):
    assert Template.from_dict(standard.to_dict()) == standard


def test_standard_template_file_is_clean():
    assert check_file(Path(__file__).parents[3] / "kit" / "authoring" / "shipped" / "teamleergesprek.nl.yaml") == []


def test_the_schema_ships_with_the_kit_and_knows_every_question_type():
    from kit.model.template import QUESTION_TYPES
    from kit.authoring import SCHEMA_PATH, schema
    from kit.authoring.loader import schema_question_types

    assert SCHEMA_PATH.parent == Path(load_template.__code__.co_filename).parent
    assert schema()["$schema"].endswith("2020-12/schema")
    assert set(schema_question_types()) == set(QUESTION_TYPES)
    # Each type has its own fields in $defs, so a new type is one entry there plus one if/then line.
    assert {f"question_{t}" for t in QUESTION_TYPES} <= set(schema()["$defs"])
    assert len(schema()["$defs"]["question"]["allOf"]) == len(QUESTION_TYPES)


def test_messages_in_english(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("schema_version: 3\nname: x\n", encoding="utf-8")
    [problem] = check_file(path, lang="en")
    assert problem.line == 1
    assert problem.message.startswith("schema_version 3 is newer than this kit can read (this kit reads version 1)")
    path.write_text("schema_version: 1\nname: x\ntitel: y\nblocks: []\n", encoding="utf-8")
    assert [(p.line, p.message) for p in check_file(path, lang="en")] == [
        (3, "unknown field 'titel'. Did you mean 'title'? Change the name."),
        (4, "'blocks' holds no blocks. Put at least one under it, for example:  "
            "blocks:  with under it  - key: welcome  and  title: Welcome  and  minutes: 10"),
    ]


DUTCH_ONLY = ("bijvoorbeeld", " moet ", "ontbreekt", "Bedoel je", "blok ", "regel ", "meegeleverde", " is leeg")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_in_english_has_no_dutch_left(path):
    """The same mistake with --lang en: the same line, and nothing of the Dutch catalog in the message."""
    dutch, english = check_file(path), check_file(path, lang="en")
    assert [p.line for p in english] == [p.line for p in dutch]
    for problem in english:
        assert not [word for word in DUTCH_ONLY if word in problem.message], problem.message
