"""The participant's phone page: join with a code, then follow the facilitator one question at a time.

Imports only what a phone's kernel needs (ipywidgets, sqlite3 and the kit's model): no pandas, no matplotlib,
no YAML. Each page load is a kernel; at 60 phones every megabyte counts.
"""

from __future__ import annotations

import html
import json
import logging
import os
import threading
from urllib.parse import parse_qs

import ipywidgets as widgets

from kit.apps.participant_activities import PhoneActivities
from kit.apps.change_watch import ChangeWaiter
from kit.apps.polling import Poller
from kit.settings import REQUEST_RECEIVED_ENV, session_code
from kit.i18n import LANGUAGES, language, set_language, t
from kit.model.answers import AnswerRejected
from kit.model.live import LiveSession, SessionClosed, SessionNotFound
from kit.model.remote import token_from_query
from kit.store import Store, new_participant_pseudonym
from kit.widgets import shared
from kit.widgets.children import replace_children
from kit.widgets.naslag import REFERENCE_CSS, ReferenceDrawer
from kit.widgets.by_type import question_view
from kit.widgets.participant import CodeEntry, EndedView, QuestionView, step_view
from kit.widgets.style import A11Y_CSS, PARTICIPANT_CSS, PHONE_TOUCH_CSS

POLL_SECONDS = 0.5
# Where inotify is missing (not Linux), a look at SQLite's data_version this often between full refreshes.
CHANGE_CHECK_SECONDS = 0.1
log = logging.getLogger(__name__)


def code_from_query(query_string: str | None) -> str:
    values = parse_qs(query_string or "").get("code", [""])
    return values[0].strip().upper()


def group_from_query(query_string: str | None) -> str:
    """The group token a Werkvorm 3 phone keeps in its address (checked against the session before use)."""
    values = parse_qs(query_string or "").get("group", [""])
    return values[0].strip().lower()[:64]


def request_query_string(environ=os.environ, receive=None) -> str:
    """The query string of the page request this kernel serves.

    A kernel Voilà started for the request has it in QUERY_STRING. A preheated kernel (VOILA_PREHEAT=True) was
    started before any phone asked: it runs the notebook up to here, then waits until the server hands it a
    request. That is what `voila.utils.wait_for_request()` does, but importing it loads the whole Jupyter server
    into the kernel (+57 MB, measured), so this speaks the same small protocol: one websocket message with the
    request's variables from `/voila/query/<kernel id>`.
    """
    # Always ask when preheated: a QUERY_STRING already in the environment was inherited, not this page's.
    if environ.get("VOILA_PREHEAT") == "True" and environ.get(REQUEST_RECEIVED_ENV) != "1":
        try:
            info = (receive or _receive_request_info)(_request_info_url(environ))
        except Exception:  # the phone then sees the code entry, which still works
            log.exception("no request info for this preheated kernel")
            info = {}
        environ.pop("QUERY_STRING", None)
        environ.update({str(k): str(v) for k, v in info.items()})
        environ[REQUEST_RECEIVED_ENV] = "1"
    return environ.get("QUERY_STRING", "")


def _request_info_url(environ) -> str:
    # The same variables and defaults as voila.utils.wait_for_request (Voilà 0.5).
    protocol = environ.get("VOILA_WS_PROTOCOL", "ws")
    host = environ.get("VOILA_APP_IP", "127.0.0.1")
    port = environ.get("VOILA_APP_PORT", "8866")
    base = environ.get("VOILA_WS_BASE_URL", environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{environ.get('VOILA_KERNEL_ID', '')}"


def _receive_request_info(url: str) -> dict:
    from websockets.sync.client import connect  # 1 MB, and only in preheated kernels

    with connect(url, open_timeout=10, max_size=2**20) as websocket:
        return json.loads(websocket.recv())  # blocks until a phone asks for this page


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
            changes = ChangeWaiter(store, CHANGE_CHECK_SECONDS)
            self.poller = Poller(self.refresh, poll_seconds, changes.wait)
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
            if state.version == self._version:
                return
            self._version = state.version
            if not state.session_open:
                self._end()
                return
            step = self.session.step(state)
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
    store = Store(db_url)
    ready = None
    if query_string is None:
        served = session_code()
        if served and os.environ.get("VOILA_PREHEAT") == "True" and os.environ.get(REQUEST_RECEIVED_ENV) != "1":
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
