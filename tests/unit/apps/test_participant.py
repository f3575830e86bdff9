"""The phone page driven through its widgets, as a participant's taps would."""

import pytest

from factories import open_question, run_on_a_loop_of_its_own
from kit.apps.participant import ParticipantApp, code_from_query
from kit.model.live import LiveSession
from kit.widgets.participant import ChoiceView, CodeEntry, OpenView, ScaleView, WaitingView
from kit.model.sessions import new_session


@pytest.fixture
def phone(store, session):
    return ParticipantApp(store, session.code, poll_seconds=None)


@pytest.mark.parametrize("query,code", [("code=abc123", "ABC123"), ("x=1&code=K7M2QX", "K7M2QX"), ("", ""), ("code=", "")])
def test_code_comes_from_the_page_address(query, code):
    assert code_from_query(query) == code


def test_without_a_code_it_asks_for_one_then_joins(store, session):
    phone = ParticipantApp(store, "", poll_seconds=None)
    assert isinstance(phone.view, CodeEntry)
    phone.view.code.value = "nope12"
    phone.view.join_button.click()
    assert isinstance(phone.view, CodeEntry)
    assert "onbekend" in phone.view.message.value
    phone.view.code.value = session.code.lower()
    phone.view.join_button.click()
    assert isinstance(phone.view, WaitingView)


def test_closed_session_gets_a_clear_message(store, session):
    store.sessions.set_session_status(session.code, "closed")
    phone = ParticipantApp(store, session.code, poll_seconds=None)
    assert "afgesloten" in phone.view.message.value


def test_waiting_screen_names_the_current_block(phone):
    assert isinstance(phone.view, WaitingView)
    assert "Welkom" in str([c.value for c in phone.view.children])


def test_follows_the_facilitator_without_reload(phone, session):
    open_question(session, "vaardigheid")
    phone.refresh()
    assert isinstance(phone.view, ChoiceView)
    assert list(phone.view.buttons) == ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]
    session.go_next()
    phone.refresh()
    assert isinstance(phone.view, ScaleView)
    assert list(phone.view.buttons) == ["0", "1", "2", "3", "4", "5"]
    session.go_next()
    phone.refresh()
    assert isinstance(phone.view, OpenView)
    session.go_next()
    phone.refresh()
    assert isinstance(phone.view, WaitingView)


def test_tapping_an_option_saves_it_and_says_so(phone, session):
    open_question(session, "vaardigheid")
    phone.refresh()
    phone.view.buttons["redelijk vaardig"].click()
    assert "Opgeslagen" in phone.view.status.value
    assert "tlg-selected" in phone.view.buttons["redelijk vaardig"]._dom_classes
    phone.view.buttons["vaardig"].click()
    assert "tlg-selected" not in phone.view.buttons["redelijk vaardig"]._dom_classes
    assert [a.value for a in session.store.sessions.answers(session.code)] == ["vaardig"]


def test_tapping_a_scale_value_saves_it(phone, session):
    open_question(session, "tevredenheid_school")
    phone.refresh()
    phone.view.buttons["4"].click()
    assert "Opgeslagen" in phone.view.status.value
    assert "tlg-selected" in phone.view.buttons["4"]._dom_classes
    assert [a.value for a in session.store.sessions.answers(session.code)] == ["4"]


def test_tap_after_the_facilitator_moved_on_is_refused(phone, session):
    open_question(session, "vaardigheid")
    phone.refresh()
    session.go_next()  # the phone has not polled yet
    phone.view.buttons["vaardig"].click()
    assert "gesloten" in phone.view.status.value
    assert session.store.sessions.answers(session.code) == []


def test_open_answer_counts_characters_and_blocks_sending_over_the_limit(phone, session):
    open_question(session, "versterken")
    phone.refresh()
    view = phone.view
    view.text.value = "Meer overleg"
    assert "12 / 500" in view.counter.value and not view.send.disabled
    view.text.value = "x" * 501
    assert view.send.disabled
    assert "geen namen" in str([c.value for c in view.children if hasattr(c, "value")]).lower()


def test_open_answer_is_stored_exactly_and_a_forged_long_one_is_refused(phone, session):
    open_question(session, "versterken")
    phone.refresh()
    view = phone.view
    view.text.value = "<b>vet</b> & meer"
    view.send.click()
    assert session.store.sessions.answers(session.code)[0].value == "<b>vet</b> & meer"
    # A client can set the trait and fire the click itself, bypassing the disabled button: the kernel still refuses.
    view.text.value = "y" * 50_000
    view.answer(view.text.value)
    assert "50000 tekens" in view.status.value
    assert session.store.sessions.answers(session.code)[0].value == "<b>vet</b> & meer"


def test_editing_a_saved_open_answer_says_it_is_not_sent_yet(phone, session):
    open_question(session, "versterken")
    phone.refresh()
    phone.view.text.value = "eerste versie"
    phone.view.send.click()
    assert "Opgeslagen" in phone.view.status.value
    phone.view.text.value = "tweede versie"
    assert "nog niet verstuurd" in phone.view.status.value
    phone.view.send.click()
    assert "Opgeslagen" in phone.view.status.value
    assert session.store.sessions.answers(session.code)[0].value == "tweede versie"


def test_returning_to_a_question_shows_the_saved_answer(phone, session):
    open_question(session, "vaardigheid")
    phone.refresh()
    phone.view.buttons["vaardig"].click()
    session.go_next()
    phone.refresh()
    session.go_previous()
    phone.refresh()
    assert "tlg-selected" in phone.view.buttons["vaardig"]._dom_classes


def test_half_typed_text_survives_a_results_toggle(phone, session):
    open_question(session, "versterken")
    phone.refresh()
    phone.view.text.value = "half getypt"
    session.set_results_shown(True)
    phone.refresh()
    assert phone.view.text.value == "half getypt"


def test_participant_kernel_does_not_load_pandas_matplotlib_or_yaml():
    import subprocess
    import sys

    code = (
        "import sys, kit.apps.participant\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'yaml', 'jsonschema', 'numpy') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_a_personal_intention_stays_on_the_phone_unless_shared(store):
    from kit.apps.facilitator import FacilitatorApp
    from kit.model.live import LiveSession
    from kit.model.template import Block, Question, Template

    intention = Question("voornemen", "open", "Heb je een persoonlijk voornemen?", private=True)
    template = Template(1, "t", "nl", "T", (Block("slot", "Afsluiting", 10, questions=(intention,)),))
    record = store.sessions.create_session(template.to_dict(), "T", "2026-11-28", "slot")
    session = LiveSession.open(store, record.code)
    session.go_next()
    session.set_results_shown(True)
    mine, other = (ParticipantApp(store, record.code, poll_seconds=None) for _ in range(2))
    facilitator = FacilitatorApp(store, record.code, poll_seconds=None)
    for phone, text in [(mine, "Ik vraag vaker door"), (other, "Ik bel Veilig Thuis voor advies")]:
        phone.refresh()
        assert phone.view.share_toggle.layout.display == "none"  # nothing to share before saving
        phone.view.text.value = text
        phone.view.send.click()
    assert "Ik vraag vaker door" in mine.view.keep.value
    facilitator.refresh()
    assert facilitator.moderation.rows.children == () and facilitator.results.cards.value == ""

    mine.view.share_toggle.value = True
    assert "Gedeeld" in mine.view.share_toggle.description
    facilitator.refresh()
    assert [row.children[1].value for row in facilitator.moderation.rows.children] == ["Ik vraag vaker door"]
    facilitator.moderation.show_all.click()
    assert "Ik vraag vaker door" in facilitator.results.cards.value
    assert "Veilig Thuis" not in facilitator.results.cards.value

    mine.view.share_toggle.value = False  # taken back: gone from the room at once
    facilitator.refresh()
    assert facilitator.results.cards.value == "" and facilitator.moderation.rows.children == ()
    # Nobody can share someone else's intention, nor share an ordinary question.
    from kit.model.answers import AnswerRejected

    with pytest.raises(AnswerRejected):
        session.set_shared("someone-else", "voornemen", True)
    assert store.sessions.shared_participants(record.code, "voornemen") == set()


def test_the_naslag_opens_at_any_moment_and_the_session_goes_on_behind_it(phone, session):
    phone.reference.open_button.click()
    assert phone.reference.is_open
    phone.reference.phone.section_buttons["meldcode"].click()
    assert "Stap 1" in phone.reference.phone.text.value or "stap 1" in phone.reference.phone.text.value.lower()
    open_question(session, "vaardigheid")  # the facilitator moves on meanwhile
    phone.refresh()
    phone.reference.phone.close_button.click()
    assert not phone.reference.is_open
    assert isinstance(phone.view, ChoiceView)
    assert phone.reference.widget.children[1] is phone.body


@pytest.mark.parametrize("server_language,session_language,title,waiting,naslag", [
    ("nl", "en", "Team learning conversation", "Please wait…", "Reference: reporting code and tips"),
    ("en", "nl", "Teamleergesprek", "Even wachten…", "Naslag: meldcode en tips"),
])
def test_a_phone_speaks_the_language_of_the_session_it_joins(store, monkeypatch, server_language, session_language,
                                                             title, waiting, naslag):
    # One phones' server (--participants-only) serves Dutch and English sessions alike.
    monkeypatch.setenv("TEAMLEERGESPREK_LANG", server_language)
    from dataclasses import replace

    from factories import small_template
    template = replace(small_template(), language=session_language)
    record = new_session(store, template, "Team Noord", "2026-11-28")
    phone = ParticipantApp(store, "", poll_seconds=None)
    phone.view.code.value = record.code
    phone.view.join_button.click()
    assert phone.title.value.startswith(title)
    assert waiting in str([c.value for c in phone.view.children])
    assert phone.reference.open_button.description == naslag


def open_widgets() -> int:
    from ipywidgets.widgets.widget import _instances  # every widget not yet closed, in this kernel and its page

    return len(_instances)


def test_a_phone_closes_what_it_no_longer_shows(store):
    """Over a whole session, and when the facilitator goes back, the phone's page does not pile up widgets."""
    from kit.authoring import load_template

    template = load_template("teamleergesprek")
    record = new_session(store, template, "Team Noord", "2026-11-28")
    session = LiveSession.open(store, record.code)
    before = open_widgets()  # other tests' widgets too: they live in this process
    phone = ParticipantApp(store, record.code, poll_seconds=None)

    def walk():
        for step in session.template.steps:
            session.go_to(step.index)
            phone.refresh()
        return open_widgets()

    after_one_walk = walk()
    assert walk() == after_one_walk
    assert after_one_walk - before < 150  # one screen and the page around it, not forty steps' worth


def test_when_the_session_is_closed_the_phone_thanks_and_keeps_the_intention_on_screen(store):
    from kit.authoring import load_template
    from kit.widgets.participant import EndedView

    template = load_template("teamleergesprek")
    record = new_session(store, template, "Team Noord", "2026-11-28")
    session = LiveSession.open(store, record.code)
    phone, other = (ParticipantApp(store, record.code, poll_seconds=None) for _ in range(2))
    open_question(session, "checkout_voornemen")
    phone.refresh()
    assert phone.view.answer("Elke week even bij de mentor langs")
    session.close()
    for p in (phone, other):
        p.refresh()
        assert isinstance(p.view, EndedView)
    assert "Bedankt voor je deelname" in str([c.value for c in other.view.children])
    assert "Elke week even bij de mentor langs" in str([c.value for c in phone.view.children])
    assert "Elke week" not in str([c.value for c in other.view.children])  # only the author's own phone


def test_a_loading_page_gets_every_widget_even_while_the_facilitator_moves_on(store, session):
    """A page that loads (a phone joining, a reload) asks the kernel for the state of all its widgets; ipywidgets
    answers that on the kernel's event loop by walking every live widget. The phone's poller must not build or close
    widgets in the middle of that walk: on a thread of its own it did, the walk broke off ("dictionary changed size
    during iteration"), the page got no answer, and the phone did not follow the facilitator."""
    import asyncio
    import time

    import ipywidgets as widgets

    class LoadingPage:  # the control comm a loading page opens
        def __init__(self):
            self.sent = []

        def send(self, data, buffers=None):
            self.sent.append(data)

    class SlowWidget(widgets.Widget):
        """Its state takes a moment to collect: long enough for a poller beside the walk to build the next view."""

        slow = False

        def get_state(self, key=None, drop_defaults=False):
            deadline = time.monotonic() + 0.5
            while self.slow and phone.view is waiting and time.monotonic() < deadline:
                time.sleep(0.01)
            return super().get_state(key, drop_defaults)

    async def page_loads_as_the_facilitator_moves_on():
        nonlocal phone, waiting
        phone = ParticipantApp(store, session.code, poll_seconds=0.01)  # in a kernel: started on its event loop
        slow, page = SlowWidget(), LoadingPage()
        waiting = phone.view
        open_question(session, "vaardigheid")
        slow.slow = True
        control, widgets.Widget._control_comm = widgets.Widget._control_comm, page
        try:
            widgets.Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
        finally:
            widgets.Widget._control_comm = control
            slow.close()
        for _ in range(100):  # the poller's next turn
            if phone.view is not waiting:
                break
            await asyncio.sleep(0.01)
        phone.poller.stop()
        return page

    phone = waiting = None
    page, _ = run_on_a_loop_of_its_own(page_loads_as_the_facilitator_moves_on)
    assert [message["method"] for message in page.sent] == ["update_states"]
    assert isinstance(phone.view, ChoiceView)


@pytest.fixture
def served_file(tmp_path, template, monkeypatch):
    """A database file with a session at its first question, as `serve --session CODE` preheats phone kernels."""
    from kit.store import Store

    url = f"sqlite:///{tmp_path / 'served.sqlite'}"
    with Store(url) as store:
        live = LiveSession.open(store, new_session(store, template, "Team Noord", "2026-11-28").code)
        live.go_to(next(s.index for s in live.template.steps if s.question is not None))
        code = live.code
    for name, value in {"VOILA_PREHEAT": "True", "TEAMLEERGESPREK_SESSION": code, "VOILA_KERNEL_ID": "k-1"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TEAMLEERGESPREK_REQUEST_RECEIVED", raising=False)
    return url, code


def test_a_preheated_kernel_has_joined_the_served_session_before_the_phone_asks(served_file, monkeypatch):
    import kit.apps.participant as participant
    import kit.apps.page_request as page_request

    url, code = served_file
    built_before = []

    def receive(_url):
        built_before.append(len(apps))
        return {"QUERY_STRING": f"code={code.lower()}"}

    apps = []
    monkeypatch.setattr(page_request, "_receive_request_info", receive)
    monkeypatch.setattr(participant, "ParticipantApp", lambda *a, **k: apps.append(ParticipantApp(*a, **k)) or apps[-1])
    page = participant.participant_app(url)
    assert built_before == [1] and len(apps) == 1  # built before the request, and only then
    assert page is apps[0].widget and isinstance(apps[0].view, ChoiceView)
    apps[0].poller.stop()


def test_a_preheated_kernel_asked_for_another_code_builds_that_page_instead(served_file, monkeypatch):
    import kit.apps.participant as participant
    import kit.apps.page_request as page_request

    url, _ = served_file
    apps = []
    monkeypatch.setattr(page_request, "_receive_request_info", lambda _url: {"QUERY_STRING": "code=OTHER9"})
    monkeypatch.setattr(participant, "ParticipantApp", lambda *a, **k: apps.append(ParticipantApp(*a, **k)) or apps[-1])
    page = participant.participant_app(url)
    assert len(apps) == 2 and page is apps[1].widget
    assert isinstance(apps[1].view, CodeEntry) and "OTHER9" in apps[1].view.message.value
    assert apps[0].widget.comm is None and apps[0].poller._stopped  # the pre-built page is gone


def test_a_preheated_kernel_whose_session_closed_meanwhile_refuses_the_new_phone(served_file, monkeypatch):
    """A phone that arrives after the facilitator closed the session is told so, not thanked for taking part."""
    import kit.apps.participant as participant
    import kit.apps.page_request as page_request
    from kit.store import Store

    url, code = served_file
    apps = []

    def receive(_url):
        with Store(url) as store:  # the facilitator closes the session while the kernel waits for its phone
            store.sessions.close_session(code)
        return {"QUERY_STRING": f"code={code}"}

    monkeypatch.setattr(page_request, "_receive_request_info", receive)
    monkeypatch.setattr(participant, "ParticipantApp", lambda *a, **k: apps.append(ParticipantApp(*a, **k)) or apps[-1])
    page = participant.participant_app(url)
    assert len(apps) == 2 and page is apps[1].widget
    assert isinstance(apps[1].view, CodeEntry) and "is afgesloten" in apps[1].view.message.value


def test_in_werkvorm_1_the_phone_lists_every_duo_question_and_marks_the_one_on_the_screen(store):
    """The pairs work through the questions at their own pace; the facilitator can still put one on the screen."""
    from kit.authoring.loader import load_template
    from kit.widgets.participant import PromptListView, PromptView

    template = load_template("teamleergesprek")
    session = LiveSession.open(store, new_session(store, template, "Team Noord", "2026-11-28").code)
    phone = ParticipantApp(store, session.code, poll_seconds=None)
    duo_questions = template.block("werkvorm1").prompts
    assert len(duo_questions) == 5

    session.go_to_block("werkvorm1")
    phone.refresh()
    assert isinstance(phone.view, PromptListView)
    shown = phone.view.children[-1].value
    assert [shown.find(q.replace("'", "&#x27;")) >= 0 for q in duo_questions] == [True] * 5
    assert "aria-current" not in shown

    session.go_next()
    session.go_next()  # the facilitator puts the second question on the screen
    phone.refresh()
    assert isinstance(phone.view, PromptListView)
    marked = phone.view.children[-1].value.split("<li")
    assert "aria-current" in marked[2] and "nu op het scherm" in marked[2]
    assert sum("aria-current" in item for item in marked) == 1

    # Werkvorm 2's reflection questions keep their thinking time: one at a time.
    session.go_to(next(s.index for s in template.steps if s.block.key == "werkvorm2" and s.prompt == 0))
    phone.refresh()
    assert isinstance(phone.view, PromptView)


def test_the_next_question_is_made_ahead_so_moving_on_only_swaps_it_in(phone, session):
    """Sixty phones moving at once: each shows a view it made while the room worked on the question before."""
    open_question(session, "vaardigheid")
    phone.refresh()
    phone.prepare_next()
    before = open_widgets()
    session.go_next(session.step().index)
    phone.refresh()
    assert isinstance(phone.view, ScaleView) and phone.view.question.key == session.step().question.key
    assert open_widgets() <= before  # nothing made at the move (the view two steps back is closed)


def test_a_view_made_ahead_for_a_question_answered_meanwhile_is_made_anew_with_the_answer(phone, session):
    open_question(session, "vaardigheid")
    phone.refresh()
    phone.prepare_next()  # the scale question, empty
    following = session.next_step()
    session.go_next()
    session.submit(phone.participant, following.question.key, "4")  # e.g. from a page this phone had before
    phone.refresh()
    assert "tlg-selected" in phone.view.buttons["4"]._dom_classes and "Opgeslagen" in phone.view.status.value


def test_a_view_made_ahead_is_closed_when_the_facilitator_goes_elsewhere(phone, session):
    open_question(session, "vaardigheid")
    phone.refresh()
    phone.prepare_next()
    made_ahead = phone._prepared[1]
    session.go_previous()
    phone.refresh()
    assert made_ahead.comm is None and phone._prepared is None
    assert all(part.comm is None for part in made_ahead.children if not getattr(part, "_tlg_shared", False))


def test_no_view_is_made_ahead_for_a_werkvorm_step_that_follows_the_board(store):
    from factories import werkvormen_template

    record = store.sessions.create_session(werkvormen_template().to_dict(), "Team Oost", "2026-11-28", "welkom")
    session = LiveSession.open(store, record.code)
    phone = ParticipantApp(store, record.code, poll_seconds=None)
    stickers = next(s for s in session.template.steps if s.activity == "stickers")
    session.go_to(stickers.index - 1)
    phone.refresh()
    phone.prepare_next()
    assert phone._prepared is None
