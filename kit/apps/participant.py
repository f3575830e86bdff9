"""The participant's phone page: join with a code, then follow the facilitator one question at a time.

Imports only what a phone's kernel needs (ipywidgets, sqlite3 and the kit's model): no pandas, no matplotlib,
no YAML. Each page load is a kernel; at 60 phones every megabyte counts.
"""

from __future__ import annotations

import html
import logging
import threading
from urllib.parse import parse_qs

import ipywidgets as widgets

from kit.apps.participant_activities import PhoneActivities
from kit.apps.page_request import preheated_and_waiting, request_query_string
from kit.apps.polling import follow_database
from kit.settings import session_code
from kit.i18n import LANGUAGES, language, set_language, t
from kit.model.answers import AnswerRejected
from kit.model.live import LiveSession, SessionClosed, SessionNotFound
from kit.model.remote import token_from_query
from kit.store import Store, new_participant_pseudonym
from kit.widgets import shared
from kit.widgets.children import replace_children
from kit.widgets.naslag import REFERENCE_CSS, ReferenceDrawer
from kit.widgets.by_type import question_view
from kit.widgets.participant import CodeEntry, EndedView, QuestionView, private_notepad, step_view
from kit.widgets.style import A11Y_CSS, PARTICIPANT_CSS, PHONE_TOUCH_CSS
from kit.widgets.late_changes import resend_changes_to_loading_pages

POLL_SECONDS = 0.5
log = logging.getLogger(__name__)


def code_from_query(query_string: str | None) -> str:
    values = parse_qs(query_string or "").get("code", [""])
    return values[0].strip().upper()


def group_from_query(query_string: str | None) -> str:
    """The group token a Werkvorm 3 phone keeps in its address (checked against the session before use)."""
    values = parse_qs(query_string or "").get("group", [""])
    return values[0].strip().lower()[:64]


class ParticipantApp:
    def __init__(self, store: Store, code: str = "", poll_seconds: float | None = POLL_SECONDS,
                 follow_session_language: bool = True, group_token: str = ""):
        self.store = store
        self.group_token = group_token
        self.follow_session_language = follow_session_language
        self.participant = new_participant_pseudonym()
        self.session: LiveSession | None = None
        self.activities: PhoneActivities | None = None
        self.view: widgets.Widget | None = None
        self.notepad: widgets.HTML | None = None  # for blocks of quiet reflection (Werkvorm 2)
        self._shown_step: tuple[str, str | None] | None = None
        self._version = None
        self._lock = threading.Lock()
        self.title = shared.html(t("participant.title"), "tlg-title", "tlg-heading-1")
        self.body = shared.vbox()
        # The naslag is one tap away at every moment; the session view behind it keeps following the facilitator.
        self.reference = ReferenceDrawer(self.body)
        # One style widget for the page's and the naslag's CSS (each widget is three comms: itself, layout, style).
        style = shared.html(PARTICIPANT_CSS + PHONE_TOUCH_CSS + A11Y_CSS + REFERENCE_CSS)
        self.widget = shared.vbox([style, self.title, self.reference.widget])
        self.widget.add_class("tlg-phone")
        self.poller = None
        if poll_seconds:
            # A commit by anyone else (the facilitator moving on) is shown at once, not at the next poll.
            self.poller = follow_database(store, self.refresh, poll_seconds)
        if code:
            self.join(code)
        else:
            self._show(CodeEntry(self.join))

    def join(self, code: str) -> bool:
        code = (code or "").strip().upper()
        try:
            self.session = LiveSession.open(self.store, code)
        except SessionNotFound:
            self._show(CodeEntry(self.join, t("participant.unknown_code", code=code)))
            return False
        except SessionClosed:
            self._show(CodeEntry(self.join, t("participant.closed_code", code=code)))
            return False
        self._speak(self.session.template.language)
        self.title.value = f"{t('participant.title')} · {self.session.code}"
        if self.follow_session_language:  # the page's lang and title follow the session (kit.serving.voila_extension)
            self.title.value += (f"<span hidden data-tlg-lang='{html.escape(language())}' "
                                 f"data-tlg-title='{html.escape(t('page.title.deelnemer'))}'></span>")
        self.activities = PhoneActivities(self.session, self.participant, self.group_token)
        if any(block.private_writing for block in self.session.template.blocks):
            # After everything else in the page, so changing the content above never redraws it (nor its text).
            self.notepad = private_notepad()
            self.widget.children = (*self.widget.children, self.notepad)
        self.refresh()
        if self.poller:
            self.poller.start()
        return True

    def _speak(self, session_language: str) -> None:
        """Speak the session's language from here on, whatever the server's --lang: the questions are in it anyway,
        and one phones' server serves Dutch and English sessions alike. The kernel is this phone's alone."""
        if self.follow_session_language and session_language in LANGUAGES and session_language != language():
            set_language(session_language)
            self.reference.open_button.description = self.reference.open_button.tooltip = t("reference.open")

    def refresh(self) -> None:
        """Show what the facilitator has open now. Keeps the current view (and any half-typed text) otherwise."""
        if self.session is None:
            return
        with self._lock:
            follow = getattr(self.view, "poll", None)  # views whose content changes within a step (the ballot)
            if follow:
                follow()
            state = self.session.state()
            self._follow_step(state)
            thinking = self.session.thinking_time(state) if state.session_open else None
            show_thinking = getattr(self.view, "show_thinking", None)  # a prompt with thinking time
            if show_thinking:
                show_thinking(thinking.thinking_label if thinking else "")

    def _follow_step(self, state) -> None:
        """Show the step the facilitator has open, unless this phone shows it already."""
        if state.version == self._version:
            return
        self._version = state.version
        if not state.session_open:
            self._end()
            return
        step = self.session.step(state)
        if self.notepad is not None:
            self.notepad.layout.display = None if step.block.private_writing else "none"
        key = (step.block.key, step.item_key)
        if key == self._shown_step:
            return
        self._shown_step = key
        activity_view = self.activities.view_for(step)
        if activity_view is not None:
            self._show(activity_view)
            return
        if step.question is None:
            self._show(step_view(step))
            return
        questions = step.block.questions
        position = t("participant.question_of", n=questions.index(step.question) + 1, total=len(questions))
        existing = self.store.sessions.get_answer(self.session.code, self.participant, step.question.key)
        current = existing.value if existing else None
        shared = step.question.private and self.participant in self.store.sessions.shared_participants(
            self.session.code, step.question.key)
        self._show(question_view(step.question, self._submit, current, position if len(questions) > 1 else "",
                                 share=self._share, shared=shared))

    def _end(self) -> None:
        """The facilitator closed the session: thanks, and any intention that stayed on this phone, to keep."""
        if self.poller:
            self.poller.stop()  # nothing will change any more
        if self.notepad is not None:
            self.notepad.layout.display = "none"
        intentions = [answer.value for question in self.session.template.questions() if question.private
                      if (answer := self.store.sessions.get_answer(self.session.code, self.participant, question.key))]
        self._show(EndedView(intentions))

    def _share(self, question_key, shared) -> tuple[bool, str]:
        try:
            self.session.set_shared(self.participant, question_key, shared)
        except AnswerRejected as rejected:
            return False, str(rejected)
        return True, ""

    def _submit(self, question_key, value) -> tuple[bool, str]:
        try:
            return True, self.session.submit(self.participant, question_key, value)
        except AnswerRejected as rejected:
            return False, str(rejected)
        except Exception:  # the database or anything else: the phone must say the answer is not saved
            log.exception("answer not saved")
            return False, t("participant.saving_failed")

    def _show(self, view: widgets.Widget) -> None:
        self.view = view
        replace_children(self.body, [view], keep=self.activities.lasting_views() if self.activities else ())

    @property
    def question_view(self) -> QuestionView | None:
        return self.view if isinstance(self.view, QuestionView) else None


def participant_app(db_url: str | None = None, query_string: str | None = None) -> widgets.Widget:
    """Build the phone page for the notebook. The code comes from `?code=` in the page address.

    The database is opened first: a preheated kernel does that (and every import) before a phone arrives. A
    preheated kernel of a serve with its own session (`serve --session CODE`) also joins that session and builds
    the view of the current step before anyone asks; the request then only attaches (and catches up, if the
    facilitator moved meanwhile). A phone with another code, or with a group token, gets today's path: the
    pre-built page is closed and a new one built.
    """
    resend_changes_to_loading_pages()
    store = Store(db_url)
    ready = None
    if query_string is None:
        served = session_code()
        if served and preheated_and_waiting():
            try:
                ready = ParticipantApp(store, served)
            except Exception:  # the request's own path below still works
                log.exception("could not prepare the served session's page")
        query_string = request_query_string()
    code, group = code_from_query(query_string), group_from_query(query_string)
    remote_token = token_from_query(query_string)
    if remote_token is not None:  # the facilitator's phone remote, on this server because phones reach it
        if ready is not None:
            _discard(ready)
        from kit.apps.remote import remote_page  # only for that one phone: the remote's controls and widgets

        return remote_page(store, code, remote_token)
    # A session closed since the kernel was preheated refuses a new phone, as any closed code does (the pre-built
    # page would thank someone who never took part).
    if (ready is not None and ready.session is not None and code == ready.session.code and not group
            and _still_open(store, code)):
        app = ready
        app.refresh()  # the facilitator may have moved since the kernel was preheated
    else:
        if ready is not None:
            _discard(ready)
        app = ParticipantApp(store, code, group_token=group)
    app.widget._tlg_app = app  # keep the app (and its poller) alive as long as the page
    return app.widget


def _still_open(store: Store, code: str) -> bool:
    record = store.sessions.get_session(code)
    return record is not None and record.is_open


def _discard(app: ParticipantApp) -> None:
    if app.poller:
        app.poller.stop()
    for part in _parts(app.widget):
        part.close()


def _parts(widget):
    from kit.widgets.children import _tree

    yield from _tree(widget)
