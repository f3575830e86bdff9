"""The facilitator's page driven through its buttons; what the room would see is read from the widgets."""

import pytest

from factories import open_question
from kit.apps.facilitator import FacilitatorApp, RoomScreen


@pytest.fixture
def screen(store, session):
    return FacilitatorApp(store, session.code, join_url="http://10.0.0.5:8866/", poll_seconds=None)


def answer(session, key, *values):
    for i, value in enumerate(values):
        session.submit(f"p{i}", key, value)


def test_shows_the_join_code_and_url_large_during_the_first_block(screen, session):
    assert session.code in screen.join.big.value and screen.join.content.value == ""  # the code once on the page
    assert f"http://10.0.0.5:8866/?code={session.code}" in screen.join.big.value
    assert screen.join.large
    screen.next_button.click()
    assert not screen.join.large
    assert session.code in screen.join.content.value and screen.join.big.value == ""
    screen.join_button.click()
    assert screen.join.large


def test_volgende_and_vorige_walk_the_agenda(screen, session):
    assert screen.previous_button.disabled
    screen.next_button.click()
    assert screen.block_title.value.startswith("Startoefening")
    assert "tlg-current" in screen.agenda.items["start"]._dom_classes
    assert "tlg-current" not in screen.agenda.items["welkom"]._dom_classes
    screen.next_button.click()
    assert screen.results.question.value == "Hoe vaardig voel jij je bij het signaleren en handelen?"
    screen.previous_button.click()
    assert screen.results.question.value == ""
    assert "Stel de vragen." in screen.guidance.value


def test_a_double_click_on_volgende_moves_one_step(screen, session):
    """The second click of a double click reaches the button the page showed, bound to the step it showed."""
    button = screen.next_button
    button.click()
    button.click()
    assert session.step().index == 1
    assert screen.next_button is not button  # the page now shows a button for step 1
    screen.next_button.click()
    assert session.step().index == 2
    back = screen.previous_button
    back.click()
    back.click()
    assert session.step().index == 1


def test_the_kernel_refuses_a_step_from_a_step_it_is_no_longer_at(session):
    session.go_next(from_index=0)
    session.go_next(from_index=0)  # a repeat of the same command
    assert session.step().index == 1
    session.go_previous(from_index=5)  # a page that showed another step
    assert session.step().index == 1
    session.go_next()  # without a from_index: one on from wherever it is
    assert session.step().index == 2


def test_an_agenda_item_jumps_to_its_block(screen, session):
    screen.agenda.items["start"].click()
    assert session.step().block.key == "start" and session.step().question is None
    screen.agenda.items["start"].click()  # again: stays where it is
    screen.next_button.click()
    assert session.step().question is not None
    screen.agenda.items["start"].click()
    assert session.step().question is not None  # already in that block: no jump back to its start
    screen.agenda.items["welkom"].click()
    assert session.step().index == 0 and screen.join.large


def test_private_things_are_folded_away_until_opened(screen, session):
    open_question(session, "versterken")
    session.submit("p1", "versterken", "Meer tijd voor overleg")
    screen.refresh()
    assert not screen.private.is_open
    assert screen.moderation.layout.display is None  # ready inside the folded panel
    assert "1" in screen.private_button.description  # one answer waits for the facilitator
    assert "Meer tijd voor overleg" not in screen.results.cards.value
    screen.private_button.click()
    assert screen.private.is_open and "beamer" in screen.private.warning.value
    assert all("tlg-under-private" in part._dom_classes for part in screen.room_parts)
    screen.private_button.click()
    assert not screen.private.is_open
    assert not any("tlg-under-private" in part._dom_classes for part in screen.room_parts)


def test_count_updates_and_results_stay_hidden_until_asked(screen, session):
    open_question(session, "vaardigheid")
    screen.refresh()
    assert screen.results.count.value == "0 antwoorden"
    answer(session, "vaardigheid", "vaardig")
    screen.refresh()
    assert screen.results.count.value == "1 antwoord"
    answer(session, "vaardigheid", "vaardig", "heel vaardig", "niet vaardig")
    screen.refresh()
    assert screen.results.count.value == "3 antwoorden"
    assert "verborgen" in screen.results.note.value
    assert screen.results.chart.layout.display == "none"
    screen.results_button.click()
    assert screen.results_button.description == "Verberg resultaten"
    assert screen.results.chart.layout.display is None
    assert bytes(screen.results.chart.value).startswith(b"\x89PNG")
    assert screen.results.caption.value == "heel vaardig: 1 · vaardig: 1 · redelijk vaardig: 0 · niet vaardig: 1"


def test_no_distribution_below_three_answers(screen, session):
    open_question(session, "vaardigheid")
    answer(session, "vaardigheid", "vaardig", "vaardig")
    session.set_results_shown(True)
    screen.refresh()
    assert "te weinig" in screen.results.note.value.lower()
    assert screen.results.chart.layout.display == "none"
    assert screen.results.caption.value == ""


def test_scale_shows_distribution_and_mean_with_a_dutch_comma(screen, session):
    open_question(session, "tevredenheid_school")
    answer(session, "tevredenheid_school", "4", "3", "5", "2", "3")
    session.set_results_shown(True)
    screen.refresh()
    assert screen.results.caption.value.endswith("gemiddeld 3,4")
    assert "0: 0 · 1: 0 · 2: 1 · 3: 2 · 4: 1 · 5: 1" in screen.results.caption.value


def test_open_answers_reach_the_room_only_when_let_through_and_escaped(screen, session):
    open_question(session, "versterken")
    answer(session, "versterken", "<script>alert(1)</script>", "Meer tijd", "Meer scholing", "Tijd en scholing")
    session.set_results_shown(True)
    screen.refresh()
    assert screen.results.cards.value == ""
    assert len(screen.moderation.rows.children) == 4
    assert "&lt;script&gt;" in screen.moderation.rows.children[0].children[1].value
    screen.moderation.buttons["p0"].click()
    assert screen.results.cards.value == "<div class='tlg-answer-card'>&lt;script&gt;alert(1)&lt;/script&gt;</div>"
    screen.moderation.show_all.click()
    assert screen.results.cards.value.count("tlg-answer-card") == 4
    assert screen.results.words_chart.layout.display is None
    screen.moderation.buttons["p0"].click()  # take it back
    assert "script" not in screen.results.cards.value
    screen.moderation.hide_all.click()
    assert screen.results.cards.value == ""
    assert screen.results.words_chart.layout.display == "none"


def test_word_chart_uses_only_answers_let_through(screen, session, monkeypatch):
    from kit.analysis import aggregate
    seen = []
    real = aggregate.word_frequencies
    monkeypatch.setattr(aggregate, "word_frequencies", lambda texts, *a, **k: seen.append(tuple(texts)) or real(texts, *a, **k))
    open_question(session, "versterken")
    answer(session, "versterken", "geheim een", "geheim twee", "open drie", "open vier", "open vijf")
    session.set_results_shown(True)
    for participant in ("p2", "p3", "p4"):
        session.store.sessions.set_shown(session.code, "versterken", participant, True)
    screen.refresh()
    assert seen and all("geheim" not in " ".join(texts) for texts in seen)


def test_room_screen_has_no_controls_and_follows_the_facilitator(store, session, screen):
    room = RoomScreen(store, session.code, poll_seconds=None)
    assert not hasattr(room, "next_button") and not hasattr(room, "moderation")
    screen.next_button.click()
    room.refresh()
    assert room.block_title.value.startswith("Startoefening")


def test_timer_buttons(screen):
    assert screen.timer.display.value == "10:00"
    screen.timer.start_button.click()
    assert screen.timer.start_button.disabled and not screen.timer.pause_button.disabled
    screen.timer.pause_button.click()
    assert not screen.timer.start_button.disabled


def test_screen_text_and_prompts_reach_the_room_and_the_phones(store):
    from kit.apps.participant import ParticipantApp
    from kit.model.live import LiveSession
    from kit.model.template import Block, Template
    from kit.widgets.participant import PromptView

    template = Template(1, "t", "nl", "T", (
        Block("intro", "Introductie", 10, screen=("Kindermishandeling stop je samen!", "- doel <een>", "- doel twee")),
        Block("stilte", "Gedachte-experiment", 15, prompts=("Wat valt je op?", "Wat drijft je?"), prompt_seconds=120),
    ))
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "intro")
    screen = FacilitatorApp(store, record.code, poll_seconds=None)
    phone = ParticipantApp(store, record.code, poll_seconds=None)
    assert screen.screen.content.value == (
        "<p style='font-weight:700'>Kindermishandeling stop je samen!</p><ul><li>doel &lt;een&gt;</li><li>doel twee</li></ul>"
    )
    screen.next_button.click()  # the block's own introduction (no screen text)
    screen.next_button.click()
    assert "Wat valt je op?" in screen.screen.content.value and "Vraag 1 van 2" in screen.screen.content.value
    # The block's clock stays in view and runs; the prompt's thinking time started by itself, under the prompt.
    assert screen.timer.display.value in ("15:00", "14:59") and screen.timer_buttons.pause_button.disabled is False
    assert screen.screen.thinking.value in ("Denktijd nog 2:00", "Denktijd nog 1:59")
    assert screen.results_button.disabled
    phone.refresh()
    assert isinstance(phone.view, PromptView)
    assert "Wat valt je op?" in str([c.value for c in phone.view.children])
    assert phone.view.thinking.value in ("Denktijd nog 2:00", "Denktijd nog 1:59")
    screen.timer_buttons.pause_button.click()
    phone.refresh()
    assert "(gepauzeerd)" in phone.view.thinking.value and "(gepauzeerd)" in screen.screen.thinking.value
    LiveSession.open(store, record.code).go_next()
    phone.refresh()
    assert "Wat drijft je?" in str([c.value for c in phone.view.children])


def test_a_naslag_section_goes_on_the_projector_and_off_again(store, session, screen):
    room = RoomScreen(store, session.code, poll_seconds=None)
    screen.reference_picker.value = "meldcode"
    assert screen.reference.current_key == "meldcode" and screen.reference.widget.layout.display is None
    room.refresh()
    assert room.reference.current_key == "meldcode" and "tlg-reference" in room.reference.widget.value
    screen.next_button.click()  # moving on keeps it up until the facilitator takes it off
    screen.reference_picker.value = ""
    room.refresh()
    assert room.reference.current_key is None and room.reference.widget.layout.display == "none"
    with pytest.raises(KeyError):
        session.show_reference("bestaat_niet", screen.reference.reference.keys)
    with pytest.raises(KeyError):
        screen._show_reference("bestaat_niet")  # what a forged picker value reaches: refused in the kernel


def test_the_session_is_closed_at_the_last_step_after_a_second_tap(store, session, screen):
    offered = lambda: screen.close_panel.layout.display != "none"  # noqa: E731
    assert not offered()
    session.go_to(len(session.template.steps) - 1)
    screen.refresh()
    assert offered() and screen.close_panel.confirmation.layout.display == "none"
    screen.close_panel.close_button.click()
    screen.close_panel.no_button.click()  # changed their mind
    assert session.is_open() and screen.close_panel.confirmation.layout.display == "none"
    screen.close_panel.close_button.click()
    screen.close_panel.yes_button.click()
    assert not session.is_open()
    assert screen.block_title.value.startswith("Sessie afgesloten") and "Bedankt" in screen.screen.content.value
    assert all(b.disabled for b in (screen.previous_button, screen.next_button, screen.results_button))
    assert not offered() and f"teamleergesprek verslag --session {session.code}" in screen.screen.content.value
    assert screen.outcomes.layout.display is None
    room = RoomScreen(store, session.code, poll_seconds=None)  # the projector page, also after a reload
    assert room.block_title.value.startswith("Sessie afgesloten")
    reloaded = FacilitatorApp(store, session.code, poll_seconds=None)
    assert reloaded.next_button.disabled and reloaded.block_title.value.startswith("Sessie afgesloten")
    for page in (screen, reloaded):
        page.outcomes.wait(60)


def test_after_closing_the_verslag_and_every_answer_are_one_tap_away(store, session, screen):
    import base64
    import io
    import re

    from openpyxl import load_workbook
    from pypdf import PdfReader

    open_question(session, "vaardigheid")
    answer(session, "vaardigheid", "vaardig", "heel vaardig", "vaardig")
    session.go_to(len(session.template.steps) - 1)
    screen.refresh()
    screen.close_panel.close_button.click()
    screen.close_panel.yes_button.click()
    # No button to press: the files are made as the session closes, and each is one tap on its link.
    assert screen.outcomes.row.layout.display == "none"
    screen.outcomes.wait(60)
    screen.outcomes.buttons["facilitator.outcomes_workbook"].click()  # made again (hidden button): still one link
    assert screen.outcomes.links.value.count("download=") == 2
    links = dict(re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", screen.outcomes.links.value))
    assert set(links) == {f"verslag-{session.code}.pdf", f"antwoorden-{session.code}.xlsx"}
    pdf = PdfReader(io.BytesIO(base64.b64decode(links[f"verslag-{session.code}.pdf"])))
    assert "Team Noord" in "".join(page.extract_text() for page in pdf.pages)
    workbook = load_workbook(io.BytesIO(base64.b64decode(links[f"antwoorden-{session.code}.xlsx"])))
    cells = [v for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row]
    assert cells.count("vaardig") >= 2 and "heel vaardig" in cells


def test_a_naslag_without_the_worksheets_section_shows_nothing_instead_of_failing(store, session):
    """A trainer's own naslag may lack the afwegingskader that the worksheet puts up by default."""
    store.sessions.update_live_state(session.code, reference_key="niet_in_deze_naslag")
    screen = FacilitatorApp(store, session.code, join_url="http://10.0.0.5:8866/", poll_seconds=None)
    screen.refresh()
    assert screen.reference.current_key is None
    assert screen.reference_picker.value == ""
