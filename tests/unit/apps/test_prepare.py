"""The preparation page, driven through its widgets as the facilitator would, the week before."""

import base64
import datetime
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from kit.apps.prepare import PhonePreview, PrepareApp, screen_label
from kit.store import Store
from kit.authoring import load_template
from kit.widgets.participant import ChoiceView, OpenView, PromptListView, PromptView, ScaleView, WaitingView
from kit.widgets.board import PointEntry
from kit.widgets.style import PREPARE_CSS
from kit.widgets.worksheet import GroupPhone

CASE_TITLE = "Casus 5: stil in de klas"
CASE_TEXT = "Een leerling uit de tweede klas zegt al weken niets en schrikt van harde geluiden."


@pytest.fixture
def app(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'kit.sqlite'}") as store:
        yield PrepareApp(store, tmp_path / "templates", tmp_path / "out", host="192.168.1.23")


def all_text(widget) -> str:
    own = getattr(widget, "value", "")
    return (own if isinstance(own, str) else "") + "".join(all_text(c) for c in getattr(widget, "children", ()))


def own_copy(app, name="onze_school"):
    app.copy_name.value = name
    assert app.copy()
    return app


def test_it_opens_on_the_standard_template_which_cannot_be_edited(app):
    assert app.choice.value == "teamleergesprek"
    assert "135 minuten" in app.info.value
    app.case_title.value, app.case_text.value = CASE_TITLE, CASE_TEXT
    assert not app.save_case()
    assert "Maak eerst een eigen kopie" in app.case_message.value
    assert not app.save_stickers()
    assert "Maak eerst een eigen kopie" in app.stickers_message.value


def test_an_own_copy_gets_the_case_and_the_stickers(app, tmp_path):
    own_copy(app)
    assert app.choice.value == "onze_school" and "(eigen sjabloon)" in app.choice.label
    assert (tmp_path / "templates" / "onze_school.yaml").exists()
    app.case_title.value, app.case_text.value = CASE_TITLE, CASE_TEXT
    assert app.save_case()
    assert "Casus bewaard in templates/onze_school.yaml ✓" in app.case_message.value  # as typed from tmp_path
    app.stickers.value, app.max_per_point.value = 5, 3
    assert app.save_stickers()
    assert "Iedereen krijgt 5 stickers, hoogstens 3 op één punt" in app.stickers_message.value

    template = load_template("onze_school", tmp_path / "templates")
    case = next(b.meldcode for b in template.blocks if b.meldcode).cases[-1]
    assert (case.title, case.text) == (CASE_TITLE, CASE_TEXT)
    points = next(b.points for b in template.blocks if b.points)
    assert (points.stickers, points.max_per_point) == (5, 3)


def test_choosing_the_own_template_again_shows_what_it_holds(app, tmp_path):
    own_copy(app)
    app.case_title.value, app.case_text.value = CASE_TITLE, CASE_TEXT
    app.save_case()
    app.select("teamleergesprek")
    assert app.case_title.value == ""
    app.select("onze_school")
    assert (app.case_title.value, app.case_text.value) == (CASE_TITLE, CASE_TEXT)


def test_a_dutch_message_in_the_pages_words_and_nothing_is_saved(app, tmp_path):
    own_copy(app)
    path = tmp_path / "templates" / "onze_school.yaml"
    before = path.read_text(encoding="utf-8")
    app.stickers.value, app.max_per_point.value = 2, 3
    assert not app.save_stickers()
    assert "Niet opgeslagen" in app.stickers_message.value
    assert "Maak &#x27;Hoogstens per punt&#x27; 2 of minder." in app.stickers_message.value
    app.case_title.value, app.case_text.value = CASE_TITLE, ""
    assert not app.save_case()
    assert "Schrijf de casus uit bij &#x27;Tekst&#x27;" in app.case_message.value
    assert path.read_text(encoding="utf-8") == before


def test_a_template_broken_by_hand_shows_the_file_and_line_to_fix(app, tmp_path):
    own_copy(app)
    path = tmp_path / "templates" / "onze_school.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    minutes: 10\n", "    minutes: tien\n", 1),
                    encoding="utf-8")
    app.select("teamleergesprek")
    assert app.select("onze_school") is None
    assert "kan niet worden gelezen" in app.template_message.value
    message = app.template_message.value
    assert f"{path}:20: blok &#x27;welkom&#x27;: &#x27;minutes&#x27; moet een heel getal zijn" in message
    assert app.preview is None


def test_a_copy_under_a_taken_or_bad_name_is_refused(app):
    own_copy(app)
    app.copy_name.value = "onze_school"
    assert not app.copy()
    assert "Er is al een sjabloon met de naam &#x27;onze_school&#x27;" in app.template_message.value
    app.copy_name.value = "Onze School"
    assert not app.copy()
    assert "Bijvoorbeeld: onze_school" in app.template_message.value  # the suggested name
    app.copy_name.value = " "
    assert not app.copy()
    assert "Vul eerst een naam in voor je eigen kopie" in app.template_message.value


def test_a_case_typed_before_the_copy_stays_and_its_errors_name_the_fields(app):
    app.case_title.value, app.case_text.value = "Casus 5", "Een leerling trekt zich terug."
    assert not app.save_case()
    assert "Maak eerst een eigen kopie" in app.case_message.value
    own_copy(app)
    assert (app.case_title.value, app.case_text.value) == ("Casus 5", "Een leerling trekt zich terug.")
    assert "Je casus uit stap 2 staat nog klaar" in app.template_message.value
    app.case_text.value = ""
    assert not app.save_case()
    assert "Schrijf de casus uit bij &#x27;Tekst&#x27;" in app.case_message.value
    assert "text" not in app.case_message.value and "eigen_casus" not in app.case_message.value
    app.stickers.value, app.max_per_point.value = 3, 6
    assert not app.save_stickers()
    assert "max_per_point" not in app.stickers_message.value
    assert "Maak &#x27;Hoogstens per punt&#x27; 3 of minder." in app.stickers_message.value


EXPECTED_VIEWS = {"werkblad": GroupPhone, "routekaart": WaitingView, "punten": PointEntry, "acties": WaitingView}


def test_the_preview_shows_every_phone_screen_with_the_real_widgets(app):
    preview = app.preview
    template = preview.template
    for step in template.steps:
        view = preview.show(step.index)
        if step.question is not None:
            views = {"ordered": ChoiceView, "choice": ChoiceView, "scale": ScaleView, "open": OpenView}
            expected = views[step.question.type]
            assert isinstance(view, expected) and view.question.key == step.question.key
        elif step.activity == "stickers":
            assert [p for p in view.ballot.add_buttons]  # the example post-its to vote on
        elif step.activity:
            assert isinstance(view, EXPECTED_VIEWS[step.activity])
        elif step.block.prompts_at_own_pace:  # Werkvorm 1: the duo questions all at once
            assert isinstance(view, PromptListView)
        elif step.prompt is not None:
            assert isinstance(view, (PromptView, PointEntry))
        else:
            assert isinstance(view, WaitingView)
        assert preview.picker.value == step.index
        assert f"Scherm {step.index + 1} van {len(template.steps)}" in preview.position.value
    assert preview.next.disabled and not preview.previous.disabled


def test_the_preview_shows_the_own_case_to_pick_and_saves_nothing_in_the_session_database(app):
    own_copy(app)
    app.case_title.value, app.case_text.value = CASE_TITLE, CASE_TEXT
    app.save_case()
    preview = app.preview
    werkblad = next(s for s in preview.template.steps if s.activity == "werkblad")
    phone = preview.show(werkblad.index)
    assert phone.register("Groep 1")
    assert CASE_TITLE in [b.description for b in phone.case_buttons.values()]
    assert phone.choose_case("eigen_casus")
    question = next(s for s in preview.template.steps if s.question is not None)
    assert preview.show(question.index).answer(question.question.options[0])
    assert app.store.sessions.list_sessions() == []  # the preview has a database of its own


def test_the_phone_frame_is_phone_sized():
    assert ".tlg-phone-frame { width: 390px;" in PREPARE_CSS


def test_screen_labels_name_the_block_and_the_part():
    template = load_template("teamleergesprek")
    labels = [screen_label(s) for s in template.steps]
    assert labels[0] == "Welkom"
    assert "Startoefening: wat vind jij? · Hoe vaardig voel jij je bij het signaleren en handelen?" in labels
    assert "Werkvorm 3: De meldcode op school · werkblad" in labels
    assert "Werkvorm 5: Thema op de agenda houden · stickers" in labels
    assert "Werkvorm 2: Een gedachte-experiment · denkvraag 4" in labels


def test_a_session_needs_a_team_and_a_date_and_shows_its_code(app):
    assert app.create_session() is None
    assert "Vul de naam van het team in" in app.session_message.value
    app.team.value = "Havo onderbouw"
    assert app.create_session() is None
    assert "Kies de datum" in app.session_message.value
    app.date.value = datetime.date(2026, 12, 3)
    record = app.create_session()
    assert record.team == "Havo onderbouw" and record.session_date == "2026-12-03"
    assert f"class='tlg-join-code'>{record.code}<" in app.session_message.value
    assert "donderdag 3 december 2026" in app.session_message.value
    assert f"teamleergesprek serve --session {record.code}" in app.session_message.value
    assert app.store.sessions.get_session(record.code).template["name"] == "teamleergesprek"


def test_the_optional_werkvorm_4_can_be_left_out_beforehand(app):
    assert "Optioneel: Werkvorm 4: Krachten bundelen met samenwerkingspartners. Het geheel duurt ongeveer twee uur." \
        in app.info.value
    leave_out = app.leave_out["werkvorm4"]
    assert leave_out.description == "Werkvorm 4: Krachten bundelen met samenwerkingspartners deze keer weglaten (15 min)"
    app.team.value, app.date.value = "Havo onderbouw", datetime.date(2026, 12, 3)
    with_it = app.create_session()
    assert "werkvorm4" in [b["key"] for b in app.store.sessions.get_session(with_it.code).template["blocks"]]
    leave_out.value = True
    without = app.create_session()
    blocks = [b["key"] for b in app.store.sessions.get_session(without.code).template["blocks"]]
    assert "werkvorm4" not in blocks and "werkvorm3" in blocks and "werkvorm5" in blocks
    text = PdfReader(io.BytesIO(Path(app.make_invitation()).read_bytes())).pages[0].extract_text()
    assert "120 minuten" in text and "Werkvorm 4" not in text


def test_the_invitation_is_written_and_offered_for_download(app, tmp_path):
    assert app.make_invitation() is None
    assert "Maak eerst de sessie aan" in app.invitation_message.value
    own_copy(app)
    app.team.value, app.date.value = "Havo onderbouw", datetime.date(2026, 12, 3)
    record = app.create_session()
    app.when_where.value, app.contact.value = "15.30 uur, aula", "de aandachtsfunctionaris"
    path = app.make_invitation()
    assert path == tmp_path / "out" / f"uitnodiging-{record.code}.pdf"
    text = PdfReader(path).pages[0].extract_text()
    assert f"http://192.168.1.23:8866/?code={record.code}" in text and "15.30 uur, aula" in text
    assert "de aandachtsfunctionaris" in text
    link = app.download.value
    assert f"download='uitnodiging-{record.code}.pdf'" in link and "Download de uitnodiging (PDF)" in link
    encoded = link.split("base64,")[1].split("'")[0]
    assert base64.b64decode(encoded) == path.read_bytes()


def test_the_laptop_address_field_sets_the_address_in_the_qr(app):
    app.team.value, app.date.value = "Team", datetime.date(2026, 12, 3)
    record = app.create_session()
    app.host.value = " 10.0.0.7 "
    assert app.join_url() == f"http://10.0.0.7:8866/?code={record.code}"


def test_english(tmp_path, monkeypatch):
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", "en")
    with Store("sqlite://") as store:
        app = PrepareApp(store, tmp_path / "templates", tmp_path / "out", host="10.0.0.7")
        assert "1. Choose a template" in all_text(app.widget)
        assert app.choice.label == "teamleergesprek.en (standard)"  # the English version of the template
        assert "Now: Welcome" in all_text(app.preview.phone.view)
        assert not app.save_case()
        assert "Make an own copy first" in app.case_message.value


def test_the_preview_of_a_template_without_werkvormen(template):
    preview = PhonePreview(template)
    for step in template.steps:
        preview.show(step.index)
    assert preview.index == len(template.steps) - 1


def test_previewing_the_english_template_leaves_the_page_in_dutch(app):
    app.choice.value = next(value for label, value in app.choice.options if "teamleergesprek.en" in label)
    assert "Nu: Welcome" in all_text(app.preview.phone.view)  # the English questions, the page's own words
    assert not app.save_case()
    assert "Maak eerst een eigen kopie" in app.case_message.value


def test_werkvorm_3_on_paper_is_one_tap_away(app):
    import io
    import re

    pdf = app.make_paper()
    pages = PdfReader(io.BytesIO(pdf)).pages
    cases = app.template.block("werkvorm3").meldcode.cases
    assert len(pages) == len(cases) + 1  # a page per case, then the route map
    assert cases[0].title in pages[0].extract_text() and "Routekaart" in pages[-1].extract_text()
    (name,) = re.findall(r"download='([^']+)'", app.paper.value)
    assert name == "werkblad-teamleergesprek.pdf"
