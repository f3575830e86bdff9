"""The zorgteam's trends page on the demo history, driven through its widgets."""

import base64
import re

import pytest

from kit.apps.trends import TrendsApp
from kit.history.demo import load_demo


def charts(children) -> list[bytes]:
    """The PNG of every chart among the widgets; each chart is an <img> with a text alternative."""
    found = []
    for child in children:
        for data, alt in re.findall(r"<img src='data:image/png;base64,([^']+)' alt='([^']*)'", getattr(child, "value", "")
                                    if isinstance(getattr(child, "value", None), str) else ""):
            assert alt.strip(), "a chart without a text alternative"
            found.append(base64.b64decode(data))
    return found


@pytest.fixture
def app(store):
    load_demo(store)
    return TrendsApp(store)


def test_every_demo_team_can_be_chosen_and_shows_its_charts(app):
    assert all(team.endswith("(voorbeeld)") for team in app.team.options) and len(app.team.options) >= 3
    for team in app.team.options:
        app.team.value = team
        assert "4 sessies" in app.summary.value
        for section in (app.skill, app.school, app.partners):
            images = charts(section.children)
            assert images and all(png.startswith(b"\x89PNG") for png in images)


def test_small_sessions_are_not_broken_down(app):
    app.team.value = next(t for t in app.team.options if t.startswith("Praktijkonderwijs"))
    tables = " ".join(c.value for c in app.skill.children if isinstance(getattr(c, "value", None), str))
    assert "te weinig antwoorden" in tables


def test_before_after_is_a_plain_sentence_and_needs_two_sessions(app):
    assert "Van " in app.compare_text.value and ("verschil" in app.compare_text.value)
    app.compare_b.value = app.compare_a.value
    assert "twee verschillende sessies" in app.compare_text.value
    app.compare_key.value = "tevredenheid_school"
    app.compare_b.value = app.compare_b.options[-1][1]
    assert "tevreden" in app.compare_text.value.lower()


def test_actions_and_themes_are_listed(app):
    assert "meegenomen naar volgende sessie" in app.actions.value
    assert "<td>" in app.actions.value
    assert "Bovenaan het stickerbord" in app.points.value


def test_a_period_narrows_the_sessions(app):
    import datetime

    app.date_from.value = datetime.date(2025, 8, 1)
    assert "2 sessies" in app.summary.value


def test_other_questions_one_at_a_time_each_drawn_by_its_type(store):
    """A template's own question (here one that divides 100 points) gets its series on the page too."""
    import json

    from factories import PRIORITEIT, punten_template

    template = punten_template()
    a, b, c = PRIORITEIT.options
    for day, divisions in (("2026-01-10", [(100, 0, 0)] * 3 + [(0, 50, 50)] * 2), ("2026-03-10", [(0, 0, 100)] * 2)):
        code = store.sessions.create_session(template.to_dict(), "Team Eigen", day, "welkom").code
        for i, (x, y, z) in enumerate(divisions):
            store.sessions.save_answer(code, f"p{i}", "prioriteit", json.dumps({a: x, b: y, c: z}))
    app = TrendsApp(store, "Team Eigen")
    assert app.other_section.layout.display is None
    assert app.other_key.options == (("(kies een vraag)", None), (PRIORITEIT.text, "prioriteit"))
    assert app.other.children == ()
    app.other_key.value = "prioriteit"
    images = charts(app.other.children)
    assert len(images) == 1 and images[0].startswith(b"\x89PNG")
    table = " ".join(w.value for w in app.other.children if isinstance(getattr(w, "value", None), str))
    assert f"{a}: 60,0 · {b}: 20,0 · {c}: 20,0" in table and "te weinig antwoorden" in table


def _texts(widget) -> list[str]:
    """Every text a widget tree shows: HTML values and the labels of its pickers."""
    texts = []
    for name in ("value", "description"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            texts.append(value)
    texts += [str(option[0] if isinstance(option, tuple) else option) for option in getattr(widget, "options", ())]
    for child in getattr(widget, "children", ()):
        texts += _texts(child)
    return texts


def test_in_english_the_dutch_history_reads_english(store, monkeypatch):
    """The demo history is Dutch sessions of the standard template: shown in English, its questions, options,
    action levels and statuses come from the English template, every label from the catalog."""
    import html
    import io

    from pypdf import PdfReader

    from dutch_text import dutch_in, dutch_patterns
    from kit.documents.team_report import team_report_pdf

    load_demo(store)
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    app = TrendsApp(store)
    team = app.team.value
    app.compare_a.value, app.compare_b.value = app.compare_a.options[0][1], app.compare_b.options[-1][1]
    page = html.unescape(" ".join(_texts(app.widget)))
    assert "How skilled do you feel in recognising signs and acting on them?" in page
    assert "not started" in page or "in progress" in page or "done" in page
    pdf = PdfReader(io.BytesIO(team_report_pdf(store, team)))
    report = " ".join(page.extract_text() for page in pdf.pages)
    patterns = dutch_patterns()
    assert dutch_in(page, patterns) == [] and dutch_in(report, patterns) == []


def test_the_rapport_of_the_selection_is_one_tap_away_and_goes_when_the_selection_changes(app):
    import base64
    import io
    import re

    from pypdf import PdfReader

    team = next(t for t in app.team.options if t.startswith("Havo/vwo"))
    app.team.value = team
    app.downloads.buttons["trends.rapport_button"].click()
    (name, data), = re.findall(r"download='([^']+)' href='data:application/pdf;base64,([^']+)'",
                               app.downloads.links.value)
    assert name == "rapport-havo-vwo-onderbouw-voorbeeld.pdf"
    assert team in "".join(page.extract_text() for page in PdfReader(io.BytesIO(base64.b64decode(data))).pages)
    app.team.value = next(t for t in app.team.options if t != team)
    assert app.downloads.links.value == ""  # no rapport of another team left under this one


@pytest.mark.parametrize("team, part", [("Havo/vwo onderbouw (voorbeeld)", "havo-vwo-onderbouw-voorbeeld"),
                                        ("<script>", "script"), ("///", "team")])
def test_a_team_name_becomes_a_safe_file_name(team, part):
    from kit.apps.trends import file_name_part

    assert file_name_part(team) == part


def test_before_after_starts_with_the_sessions_that_have_enough_answers(store):
    """Issue 15.11: a small newest session no longer makes the page open on 'Te weinig antwoorden'."""
    from factories import small_template

    template = small_template()
    codes = []
    for day, answers in (("2025-01-10", ["niet vaardig"] * 5), ("2025-02-10", ["vaardig"] * 4 + ["heel vaardig"] * 2),
                         ("2025-03-10", ["heel vaardig"] * 2)):
        code = store.sessions.create_session(template.to_dict(), "Team Klein", day, template.blocks[0].key).code
        for i, value in enumerate(answers):
            store.sessions.save_answer(code, f"p{i}", "vaardigheid", value)
        codes.append(code)
    app = TrendsApp(store, "Team Klein")
    assert (app.compare_a.value, app.compare_b.value) == (codes[0], codes[1])
    assert "Te weinig" not in app.compare_text.value and "positiever" in app.compare_text.value
    app.compare_b.value = codes[2]  # still there to choose, and then said plainly
    assert "Te weinig antwoorden om te vergelijken" in app.compare_text.value


def test_an_old_poll_the_template_now_asks_as_an_open_question_is_its_own_labelled_series(store):
    """Issue 11.2: a database that still holds the check-out as a 1-5 poll shows it apart, saying it changed."""
    from kit.authoring import load_template
    from kit.model.template import Template

    data = load_template("teamleergesprek").to_dict()
    old = {"key": "checkout_gevoel", "type": "scale", "text": "Hoe zit je er op dit moment bij?", "min": 1, "max": 5}
    for block in data["blocks"]:
        block["questions"] = [old if q["key"] == "checkout_bij" else q for q in block["questions"]]
    code = store.sessions.create_session(Template.from_dict(data).to_dict(), "Team Oud", "2025-05-01", "welkom").code
    for i, value in enumerate("3344455"):
        store.sessions.save_answer(code, f"p{i}", "checkout_gevoel", value)
    app = TrendsApp(store, "Team Oud")
    labels = dict((key, label) for label, key in app.other_key.options)
    assert labels["checkout_gevoel"] == "Hoe zit je er op dit moment bij? (oude vraag)"
    app.other_key.value = "checkout_gevoel"
    first = app.other.children[0].value
    assert "Deze vraag is veranderd" in first and "open vraag" in first and "Afsluiting" in first
    assert charts(app.other.children), "the old question's own series has its chart"


def test_no_notebook_writes_the_minimum_group_as_a_fixed_number():
    """The minimum is TEAMLEERGESPREK_MIN_GROUP's (issue 16): a notebook's prose must not say 'minder dan 5' as if
    it were fixed; the page and the analysis notebook show the minimum in force."""
    import json
    import re
    from pathlib import Path

    notebooks = Path(__file__).resolve().parents[3] / "notebooks"
    fixed = []
    for path in sorted(notebooks.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code" and re.search(r"minder dan \d", "".join(cell["source"])):
                fixed.append(path.name)
    assert fixed == []


# -- issue 16: the page drawn before anyone asks ---------------------------------------------------------------------
def test_a_preheated_page_waits_for_its_request_and_is_drawn_again_only_if_a_session_changed_the_data(
        file_store, monkeypatch):
    """`teamleergesprek trends` preheats a kernel that draws the page before anyone asks. When the request comes,
    the page stays as drawn, unless another connection (a session held meanwhile) changed the database."""
    from kit.apps.trends import trends_app, when_requested
    from kit.model.sessions import new_session
    from kit.store import Store
    from factories import small_template

    load_demo(file_store)
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("TEAMLEERGESPREK_REQUEST_RECEIVED", raising=False)
    page = trends_app(file_store.url, "Havo/vwo onderbouw (voorbeeld)")
    app = page._tlg_app
    before = app.summary.value
    assert "4 sessies van Havo/vwo onderbouw (voorbeeld)" in before
    drawn = []
    monkeypatch.setattr(app, "render", lambda: drawn.append(True) or TrendsApp.render(app))
    requests = []
    when_requested(page, wait=lambda: requests.append(True))
    # PostgreSQL has no cheap change counter: there the page is drawn again on every request (same content).
    drawn_again = [] if file_store.sessions.change_counter() is not None else [True]
    assert requests == [True] and drawn == drawn_again and app.summary.value == before
    drawn.clear()

    monkeypatch.delenv("TEAMLEERGESPREK_REQUEST_RECEIVED", raising=False)  # the next preheated kernel
    with Store(file_store.url) as other:  # a session held on this laptop after the kernel was heated
        new_session(other, small_template(), "Havo/vwo onderbouw (voorbeeld)", "2026-11-20")
    when_requested(page, wait=lambda: requests.append(True))
    assert drawn == [True] and "5 sessies van Havo/vwo onderbouw (voorbeeld)" in app.summary.value


def test_a_page_started_for_its_request_does_not_wait(store, monkeypatch):
    from kit.apps.trends import when_requested

    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    load_demo(store)
    app = TrendsApp(store)
    app.widget._tlg_app = app
    when_requested(app.widget, wait=lambda: pytest.fail("a kernel started for the request has it already"))
