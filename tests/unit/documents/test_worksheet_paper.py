"""Werkvorm 3 on paper (`teamleergesprek werkblad`): one A4 page per case with the questions per meldcode step and
room to write, then the empty route map; read back from the PDF's text as a person would read the print."""

import pytest
from pypdf import PdfReader

from kit.authoring import load_template
from kit.cli import main
from kit.documents.worksheet_paper import UnknownCase, worksheet_pdf

A4 = (595, 842)  # points, portrait


def pages_of(path):
    return [(page.extract_text(), (round(float(page.mediabox.width)), round(float(page.mediabox.height))))
            for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", ["teamleergesprek", "teamleergesprek.en"])
def test_every_case_on_its_own_a4_page_with_the_questions_per_step_then_the_route_map(tmp_path, name):
    template = load_template(name)
    meldcode = next(b.meldcode for b in template.blocks if b.meldcode is not None)
    out = tmp_path / "werkblad.pdf"
    out.write_bytes(worksheet_pdf(template))
    pages = pages_of(out)
    assert len(pages) == len(meldcode.cases) + 1 == 5

    for case, (text, size) in zip(meldcode.cases, pages):
        assert size == A4
        text = flat(text)
        assert case.title in text and flat(case.text) in text
        assert sum(c.title in text for c in meldcode.cases) == 1  # one case per page
        # Each step's title, then its questions numbered and in order, before the next step.
        position = 0
        for step in meldcode.steps:
            position = text.index(step.title, position)
            for number, question in enumerate(step.questions, start=1):
                position = text.index(f"{number}. {question}", position)

    route, size = pages[-1]
    assert size == A4[::-1]  # landscape: room for three columns to write in
    route = flat(route)
    assert ("Routekaart" if name == "teamleergesprek" else "Route map") in route
    for step in meldcode.steps:
        assert flat(step.title) in route
    for category in (("Positieve punten", "Punten die aandacht nodig hebben", "Sleutelfiguren")
                     if name == "teamleergesprek" else ("Positive points", "Points that need attention", "Key people")):
        assert category in route
    assert not any(q in route for s in meldcode.steps for q in s.questions)  # empty: nothing filled in


def test_one_case_and_the_cli(tmp_path, capsys):
    out = tmp_path / "casus2.pdf"
    assert main(["werkblad", "--case", "casus2", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    pages = pages_of(out)
    assert len(pages) == 2
    assert "Casus 2: niet naar huis durven" in pages[0][0] and "Casus 1" not in pages[0][0]

    assert main(["werkblad", "--case", "casus9", "--out", str(tmp_path / "x.pdf")]) == 2
    error = capsys.readouterr().err
    assert "Casus 'casus9' staat niet in het sjabloon" in error and "casus1, casus2, casus3, casus4" in error
    assert not (tmp_path / "x.pdf").exists()
    with pytest.raises(UnknownCase):
        worksheet_pdf(load_template("teamleergesprek"), "casus9")


def test_english_on_request(tmp_path):
    out = tmp_path / "en.pdf"
    assert main(["werkblad", "--lang", "en", "--case", "casus1", "--out", str(out)]) == 0
    text = flat(pages_of(out)[0][0])
    assert "Our group (number or group name):" in text and "Step 1" in text
