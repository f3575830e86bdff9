"""The question type `punten` (divide 100 points over the options), at every layer: the kernel's validation, the
phone, the projector, the exports, the verslag and the zorgteam's trends."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from factories import PRIORITEIT, open_question, punten_template
from kit.charts import trend_charts
from kit.charts.by_type import charts_of
from kit.analysis import trends
from kit.apps.facilitator import FacilitatorApp
from kit.apps.participant import ParticipantApp
from kit.documents.session_export import FORMULA_STARTS, answers_csv
from kit.documents.spreadsheet import session_xlsx
from kit.model.answers import AnswerRejected
from kit.model.live import LiveSession
from kit.documents.session_report import session_report_pdf
from kit.analysis.trends.summary import series_rows
from kit.widgets.by_type import question_view
from kit.model.sessions import new_session

A, B, C = PRIORITEIT.options


@pytest.fixture
def session(store):
    template = punten_template()
    record = new_session(store, template, "Team Noord", "2026-11-28")
    live = LiveSession.open(store, record.code)
    open_question(live, "prioriteit")
    return live


def stored(session):
    return [json.loads(a.value) for a in session.store.sessions.answers(session.code, "prioriteit")]


# -- the kernel refuses whatever a browser may send ---------------------------------------------------------------
def test_a_division_is_stored_as_json_of_every_option_in_template_order(session):
    value = session.submit("p1", "prioriteit", {C: 30, A: 70})
    assert value == json.dumps({A: 70, B: 0, C: 30}, ensure_ascii=False)
    assert list(stored(session)[0]) == [A, B, C]
    # The same answer as JSON text (a raw widget message) is stored the same way.
    session.submit("p1", "prioriteit", json.dumps({B: 100}))
    assert stored(session) == [{A: 0, B: 100, C: 0}]


@pytest.mark.parametrize("raw,message", [
    ({"onbekende optie": 100}, "hoort niet bij de vraag"),
    ({A: 99}, "nu zijn het er 99"),
    ({A: 51, B: 50}, "nu zijn het er 101"),
    ({A: -10, B: 110}, "heel aantal punten, 0 of meer"),
    ({A: 50.0, B: 50}, "heel aantal punten"),
    ({A: "50", B: 50}, "heel aantal punten"),
    ({A: True, B: 99}, "heel aantal punten"),
    ({A: None, B: 100}, "heel aantal punten"),
    ('{"' + A + '": 100', "hoort niet bij de vraag"),  # broken JSON
    ("[100, 0, 0]", "hoort niet bij de vraag"),
    ('{"' + A + '": 50, "' + A + '": 50}', "hoort niet bij de vraag"),  # one option twice
    ('{"' + A + '": 1e2}', "heel aantal punten"),
    ('{"' + A + '": NaN}', "heel aantal punten"),
    ("{}", "hoort niet bij de vraag"),
    ('{"' + A + '": ' + "1" * 5000 + "}", "hoort niet bij de vraag"),  # a huge number
    ('{"' + A + '": 100, "x": "' + "y" * 1_000_000 + '"}', "hoort niet bij de vraag"),  # a huge payload
    (100, "hoort niet bij de vraag"),
    (None, "hoort niet bij de vraag"),
    ([A], "hoort niet bij de vraag"),
], ids=lambda v: repr(v)[:30])
def test_the_kernel_refuses_anything_but_100_whole_points_over_known_options(session, raw, message):
    with pytest.raises(AnswerRejected) as refused:
        session.submit("p1", "prioriteit", raw)
    assert message in str(refused.value)
    assert stored(session) == []


# -- the phone ------------------------------------------------------------------------------------------------------
def test_the_phone_divides_with_plus_and_minus_and_sends_only_all_100(store, session):
    phone = ParticipantApp(store, session.code, poll_seconds=None)
    view = phone.view
    assert view.left.value == "Nog te verdelen: 100 punten"
    assert view.send.disabled and all(b.disabled for b in view.minus.values())
    for _ in range(6):
        view.plus[A].click()
    for _ in range(5):  # the fifth tap has no points left to give
        view.plus[C].click()
    assert view.left.value == "Alle 100 punten verdeeld. Tik op Verstuur."
    assert all(b.disabled for b in view.plus.values()), "nothing left to give"
    view.minus[C].click()
    view.plus[B].click()
    assert [view.values[o].value.count(f">{n}<") for o, n in ((A, 60), (B, 10), (C, 30))] == [1, 1, 1]
    assert view.plus[A].tooltip == f"10 punten meer voor: {A}"
    view.send.click()
    assert "Opgeslagen" in view.status.value
    assert stored(session) == [{A: 60, B: 10, C: 30}]
    view.minus[A].click()
    assert "nog niet verstuurd" in view.status.value and view.send.disabled


def test_the_phone_shows_a_stored_division_again_and_a_forged_one_is_refused(session):
    def submit(key, value):
        try:
            return True, session.submit("p-phone", key, value)
        except AnswerRejected as refused:
            return False, str(refused)

    current = session.submit("p-phone", "prioriteit", {A: 20, B: 80})
    view = question_view(PRIORITEIT, submit, current)
    assert ["20" in view.values[A].value, "80" in view.values[B].value] == [True, True]
    assert "Opgeslagen" in view.status.value and not view.send.disabled
    view.points = {A: 100, B: 100, C: 0}  # as if a tampered client had made the kernel count past 100
    assert not view.answer(dict(view.points))
    assert "nu zijn het er 200" in view.status.value
    assert stored(session) == [{A: 20, B: 80, C: 0}]


def test_forged_taps_on_disabled_buttons_change_nothing(store, session):
    """A browser can send a click for a button it shows as disabled: the kernel's own count still holds."""
    view = ParticipantApp(store, session.code, poll_seconds=None).view
    view.minus[A].click()  # nothing to take away
    assert view.points[A] == 0
    for _ in range(12):  # past the 100 points there are
        view.plus[A].click()
    assert view.points == {A: 100, B: 0, C: 0}
    view.points[B] = 10  # and if the count itself were off, the kernel still refuses the sum
    view.send.click()
    assert "nu zijn het er 110" in view.status.value and stored(session) == []


# -- the projector ----------------------------------------------------------------------------------------------------
def test_the_projector_shows_mean_points_highest_first_from_three_answers(store, session):
    screen = FacilitatorApp(store, session.code, poll_seconds=None)
    screen.results_button.click()
    session.submit("p1", "prioriteit", {A: 10, B: 90})
    session.submit("p2", "prioriteit", {A: 20, B: 80})
    screen.refresh()
    assert "te weinig" in screen.results.note.value.lower()
    assert screen.results.chart.layout.display == "none"
    session.submit("p3", "prioriteit", {A: 30, B: 60, C: 10})
    screen.refresh()
    assert screen.results.chart.layout.display is None
    assert bytes(screen.results.chart.value).startswith(b"\x89PNG")
    caption = screen.results.caption.value
    assert f"{B} 76,7 · {A} 20,0 · {C} 3,3" in caption
    assert screen.moderation.layout.display == "none"


# -- exports and the verslag ------------------------------------------------------------------------------------------
def answer_three(session):
    session.submit("p1", "prioriteit", {A: 50, B: 50})
    session.submit("p2", "prioriteit", {A: 100})
    session.submit("p3", "prioriteit", {C: 100})


def test_the_csv_has_every_raw_answer_and_the_mean_per_option(session):
    answer_three(session)
    rows = list(csv.DictReader(io.StringIO(answers_csv(session.store, session.code))))
    raw = [r for r in rows if r["vraag"] == "prioriteit"]
    assert [json.loads(r["antwoord"]) for r in raw] == [{A: 50, B: 50, C: 0}, {A: 100, B: 0, C: 0},
                                                         {A: 0, B: 0, C: 100}]
    assert {r["vraagtype"] for r in raw} == {"punten"}
    means = {r["vraag"]: r["antwoord"] for r in rows if r["vraag"].startswith("prioriteit:gemiddelde:")}
    assert means == {f"prioriteit:gemiddelde:{A}": "50.0", f"prioriteit:gemiddelde:{B}": "16.7",
                     f"prioriteit:gemiddelde:{C}": "33.3"}


def test_no_means_in_the_exports_below_three_answers(session):
    session.submit("p1", "prioriteit", {A: 100})
    assert ":gemiddelde:" not in answers_csv(session.store, session.code)
    assert "gemiddelden" not in load_workbook(io.BytesIO(session_xlsx(session.store, session.code))).sheetnames


def test_the_spreadsheet_shows_divisions_readably_and_a_sheet_of_means(session):
    answer_three(session)
    workbook = load_workbook(io.BytesIO(session_xlsx(session.store, session.code)))
    answers = [row for row in workbook["antwoorden"].iter_rows(min_row=2, values_only=True) if row[4] == "prioriteit"]
    assert answers[0][7] == f"{A}: 50 · {B}: 50 · {C}: 0"
    means = list(workbook["gemiddelden"].iter_rows(values_only=True))
    assert means[0] == ("vraag", "vraagtekst", "optie", "gemiddelde", "antwoorden")
    assert means[1:] == [("prioriteit", PRIORITEIT.text, A, 50.0, 3), ("prioriteit", PRIORITEIT.text, B, 16.7, 3),
                         ("prioriteit", PRIORITEIT.text, C, 33.3, 3)]


def test_a_formula_in_an_option_stays_text_in_every_export(store):
    from kit.model.template import Block, Question, Template

    question = Question("p", "punten", "Verdeel", options=("=HYPERLINK(1)", "gewoon"))
    template = Template(1, "f", "nl", "F", (Block("b", "B", 5, questions=(question,)),))
    live = LiveSession.open(store, store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "b").code)
    live.go_next()
    for i in range(3):
        live.submit(f"p{i}", "p", {"=HYPERLINK(1)": 40, "gewoon": 60})
    cells = [cell for row in csv.reader(io.StringIO(answers_csv(store, live.code))) for cell in row]
    assert "p:gemiddelde:=HYPERLINK(1)" in cells
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    means = load_workbook(io.BytesIO(session_xlsx(store, live.code)))["gemiddelden"]
    cell = means.cell(row=2, column=3)
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_the_verslag_prints_the_chart_and_the_means(session):
    answer_three(session)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(
        session_report_pdf(session.store, session.code))).pages)
    flat = " ".join(text.split())
    assert "3 antwoorden; gemiddeld aantal punten:" in flat
    assert f"{A} 50,0" in flat and f"{C} 33,3" in flat


# -- trends ---------------------------------------------------------------------------------------------------------
def add_session(store, day, divisions):
    template = punten_template()
    code = store.sessions.create_session(template.to_dict(), "Team Noord", day, "welkom").code
    for i, points in enumerate(divisions):
        store.sessions.save_answer(code, f"p{i}", "prioriteit", json.dumps({A: points[0], B: points[1], C: points[2]}))
    return code


def test_trends_give_the_mean_per_option_per_session_and_suppress_small_groups(store):
    first = add_session(store, "2026-01-10", [(100, 0, 0), (50, 50, 0), (0, 50, 50), (50, 0, 50), (50, 50, 0)])
    small = add_session(store, "2026-03-10", [(100, 0, 0)] * 4)
    data = trends.load_team(store, "Team Noord")
    assert "prioriteit" in trends.series_keys(data)
    [one] = trends.series(data, "prioriteit", min_group=5)
    assert one.options == [A, B, C]
    assert one.means.loc[first].tolist() == [50.0, 30.0, 20.0]
    assert list(one.sessions["n"]) == [5, 4]
    assert one.sessions.at[small, "suppressed"] and one.means.loc[small].isna().all()
    rows = series_rows(one)
    assert rows[0][2] == f"{A}: 50,0 · {B}: 30,0 · {C}: 20,0"
    assert rows[1][2] == trends.too_few()
    assert "verdeling van punten" in trends.compare(data, first, small, "prioriteit")
    figure = charts_of(PRIORITEIT).trend_figure(one)
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert "50" in texts and trends.too_few() in texts
    assert trend_charts.figure_png(figure).startswith(b"\x89PNG")
