"""The facilitator's phone remote driven through its buttons, next to the laptop's page on the same database."""

import pytest

from factories import a_group_writing, go_to_activity, open_question, werkvormen_template
from kit.apps.facilitator import FacilitatorApp
from kit.apps.participant import participant_app
from kit.apps.remote import RemoteApp, remote_page
from kit.model.board import PointsBoard
from kit.model.live import LiveSession
from kit.model.remote import REMOTE_PARAMETER


@pytest.fixture
def remote(store, session):
    return RemoteApp(store, session.code, poll_seconds=None)


def texts(widget):
    from kit.widgets.children import _tree

    return " ".join(getattr(w, "value", "") for w in _tree(widget) if isinstance(getattr(w, "value", None), str))


def test_a_wrong_or_missing_secret_gets_a_dutch_refusal_and_nothing_of_the_session(store, session):
    for given in (None, "", "raden", store.sessions.remote_token(session.code)[:-2]):
        page = remote_page(store, session.code, given, poll_seconds=None)
        assert "alleen met de juiste geheime link" in texts(page)
        assert session.code not in texts(page) and not hasattr(page, "_tlg_app")
    page = remote_page(store, session.code, store.sessions.remote_token(session.code), poll_seconds=None)
    assert f"sessie {session.code}" in texts(page)


def test_the_phones_page_hands_the_remote_address_to_the_remote(db_url, template):
    from kit.model.sessions import new_session
    from kit.store import Store

    with Store(db_url) as store:
        code = new_session(store, template, "Team Noord", "2026-11-28").code
        token = store.sessions.remote_token(code)
    page = participant_app(db_url, f"code={code}&{REMOTE_PARAMETER}={token}")
    page._tlg_app.poller.stop()
    assert f"Afstandsbediening · sessie {code}" in texts(page)
    refused = participant_app(db_url, f"code={code}&{REMOTE_PARAMETER}=fout")
    assert "juiste geheime link" in texts(refused) and code not in texts(refused)


def test_volgende_vorige_and_the_agenda_move_the_session_and_the_laptop_follows(store, session, remote):
    laptop = FacilitatorApp(store, session.code, poll_seconds=None)
    assert remote.previous_button.disabled and "Stap 1 van" in remote.step.value
    remote.next_button.click()
    assert session.step().block.key == "start" and "Startoefening" in remote.step.value
    laptop.refresh()
    assert laptop.block_title.value.startswith("Startoefening")
    stale = remote.next_button
    stale.click()
    stale.click()  # a double tap: the second asks for the step already left, and moves nothing
    assert session.step().index == 2
    laptop.next_button.click()  # the laptop's button still says "from step 1": a move already made elsewhere
    assert session.step().index == 2
    laptop.refresh()
    assert laptop.results.question.value == "Hoe vaardig voel jij je bij het signaleren en handelen?"
    laptop.next_button.click()  # the laptop moves on: the remote follows
    remote.refresh()
    assert "Stap 4 van" in remote.step.value
    remote.agenda.items["welkom"].click()
    assert session.step().index == 0
    laptop.refresh()
    assert laptop.block_title.value.startswith("Welkom")


def test_the_timer_and_toon_resultaten(store, session, remote):
    remote.timer.start_button.click()
    assert session.state().timer_started_at is not None and remote.timer.start_button.disabled
    remote.timer.pause_button.click()
    assert session.state().timer_started_at is None
    open_question(session, session.template.questions()[0].key)
    remote.refresh()
    assert not remote.results_button.disabled
    remote.results_button.click()
    assert session.state().results_shown and remote.results_button.description == "Verberg resultaten"


def test_open_answers_are_let_through_from_the_remote_and_the_room_sees_them(store, session, remote):
    free_text = next(q for q in session.template.questions() if q.kind.free_text and not q.private)
    open_question(session, free_text.key)
    session.set_results_shown(True)
    session.submit("p1", free_text.key, "Meer <b>overleg</b>")
    session.submit("p2", free_text.key, "Korte lijnen")
    laptop = FacilitatorApp(store, session.code, poll_seconds=None)
    remote.refresh()
    assert remote.moderation.pending == 2
    remote.moderation.buttons["p1"].click()
    laptop.refresh()
    assert laptop.results.cards.value.count("tlg-answer-card") == 1 and "&lt;b&gt;overleg" in laptop.results.cards.value


def test_the_handbooks_notes_are_on_the_remote(store):
    from kit.authoring.loader import load_template

    template = load_template("teamleergesprek")
    block = next(b for b in template.blocks if b.notes and b.notes.doel)
    record = store.sessions.create_session(template.to_dict(), "Team Oost", "2026-11-28", template.blocks[0].key)
    LiveSession.open(store, record.code).go_to_block(block.key)
    remote = RemoteApp(store, record.code, poll_seconds=None)
    assert not remote.notes.is_open
    remote.notes.toggle.click()
    assert remote.notes.is_open and block.notes.doel[:40] in remote.notes.body.value.replace("&#x27;", "'")


def test_post_its_and_worksheet_answers_are_moderated_from_the_remote(store):
    record = store.sessions.create_session(werkvormen_template().to_dict(), "Team Oost", "2026-11-28", "welkom")
    live = LiveSession.open(store, record.code)
    remote = RemoteApp(store, live.code, poll_seconds=None)
    laptop = FacilitatorApp(store, live.code, poll_seconds=None)
    _, group = a_group_writing(live)
    remote.refresh()
    remote.results_button.click()
    laptop.refresh()
    assert "Ze rook naar alcohol" not in laptop.activities.panel.value
    remote.activity_controls.approval.buttons[(group, "stap1", 0)].click()
    laptop.refresh()
    assert "Ze rook naar alcohol" in laptop.activities.panel.value
    board = PointsBoard.for_session(live)
    go_to_activity(live, "punten")
    board.post("p1", "Meer scholing")
    b = board.post("p2", "Iets geheims")
    live.set_results_shown(True)
    remote.refresh()
    remote.activity_controls.moderation.hide_buttons[b].click()
    laptop.refresh()
    assert "Meer scholing" in laptop.activities.panel.value and "Iets geheims" not in laptop.activities.panel.value


def test_a_closed_session_leaves_nothing_to_press(store, session, remote):
    session.close()
    remote.refresh()
    assert "afgesloten" in remote.step.value
    assert remote.next_button.disabled and remote.timer.start_button.disabled
    assert all(item.disabled for item in remote.agenda.items.values())
