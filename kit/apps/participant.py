"""The participant's phone page: join with a code, then follow the facilitator one question at a time.

Imports only what a phone's kernel needs (ipywidgets, sqlite3 and the kit's model): no pandas, no matplotlib,
no YAML. Each page load is a kernel; at 60 phones every megabyte counts.
"""

from __future__ import annotations

import asyncio
import html
import logging
import random
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
from kit.widgets.children import close_tree, replace_children
from kit.widgets.naslag import REFERENCE_CSS, ReferenceDrawer
from kit.widgets.by_type import question_view
from kit.widgets.participant import CodeEntry, EndedView, QuestionView, private_notepad, step_view
from kit.widgets.style import A11Y_CSS, PARTICIPANT_CSS, PHONE_TOUCH_CSS
from kit.widgets.late_changes import PASSES_SECONDS, resend_changes_to_loading_pages, seconds_until_page_settled

POLL_SECONDS = 0.5

# The view of the step Volgende leads to is made ahead, while the room works on this one: when the facilitator moves
# on, the phone's page then only swaps one box's children instead of making some twenty widget models, and 60
# phones moving at once no longer queue some 1,300 model messages through the one phones' server. Made this long
# after a step was shown, spread at random so the phones do not all send at once, and never while a page is still
# loading its widgets (a model made then can be missed by the page; kit.widgets.late_changes).
PREPARE_AFTER_SECONDS = 3.0
PREPARE_SPREAD_SECONDS = 10.0
# The latest the view is made, after a step was shown or a page loaded (a page's own loading ends within the spread).
MADE_AHEAD_WITHIN_SECONDS = max(PREPARE_AFTER_SECONDS + PREPARE_SPREAD_SECONDS, PASSES_SECONDS[-1])
# For the same reason the view from before is closed (its models' close messages) a few seconds after a move, not
# in the moment every phone waits for its next view.
CLOSE_AFTER_SECONDS = 2.0
CLOSE_SPREAD_SECONDS = 4.0
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
        self._prepared: tuple[tuple[str, str | None], widgets.Widget] | None = None  # (step key, its view)
        self._preparing: asyncio.TimerHandle | None = None
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
        prepared = self._take_prepared(key)
        self._show(prepared if prepared is not None else self._view_for(step))
        self._prepare_later()

    def _view_for(self, step) -> widgets.Widget:
        activity_view = self.activities.view_for(step)
        if activity_view is not None:
            return activity_view
        if step.question is None:
            return step_view(step)
        questions = step.block.questions
        position = t("participant.question_of", n=questions.index(step.question) + 1, total=len(questions))
        existing = self.store.sessions.get_answer(self.session.code, self.participant, step.question.key)
        current = existing.value if existing else None
        shared = step.question.private and self.participant in self.store.sessions.shared_participants(
            self.session.code, step.question.key)
        return question_view(step.question, self._submit, current, position if len(questions) > 1 else "",
                             share=self._share, shared=shared)

    # -- the next step's view, made ahead -------------------------------------------------------------------------
    def prepare_next(self) -> None:
        """Make the view of the step Volgende leads to, if it is one that nothing in the room changes before it is
        shown: a question (this phone's answer to it is looked up again when it is shown) or a talking question.
        The werkvormen's views follow the board and the groups: those are made when shown."""
        with self._lock:
            self._preparing = None
            if self.session is None or self.view is None or isinstance(self.view, EndedView):
                return
            state = self.session.state()
            following = self.session.next_step(state) if state.session_open else None
            if following is None or self.activities.handles(following):
                return
            key = (following.block.key, following.item_key)
            if self._prepared is None or self._prepared[0] != key:
                self._drop_view_made_ahead()
                self._prepared = key, self._view_for(following)

    def _prepare_later(self, delay: float | None = None) -> None:
        """On the page's event loop, a while after this step was shown (spread at random over the phones)."""
        loop = self._page_loop()
        if loop is None:
            return  # a test or a script: prepare_next() when it wants
        if self._preparing is not None:
            self._preparing.cancel()
        if delay is None:
            delay = PREPARE_AFTER_SECONDS + random.uniform(0, PREPARE_SPREAD_SECONDS)
        self._preparing = loop.call_later(delay, self._prepare_when_settled)

    def _prepare_when_settled(self) -> None:
        """Not while the page still makes its widget models: then as soon as it is done."""
        self._preparing = None
        wait = seconds_until_page_settled()
        if wait > 0:
            self._prepare_later(wait)
            return
        try:
            self.prepare_next()
        except Exception:  # the step is then made when shown, as without this
            log.exception("could not prepare the next step's view")

    def _take_prepared(self, key) -> widgets.Widget | None:
        """The view made ahead for this step, if it still holds: a question this phone has not answered since
        (the facilitator went back and forth). Any other is closed."""
        if self._prepared is None:
            return None
        (made_for, view), self._prepared = self._prepared, None
        question = getattr(view, "question", None)
        answered = question is not None and self.store.sessions.get_answer(
            self.session.code, self.participant, question.key) is not None
        if made_for == key and not answered:
            return view
        close_tree(view)
        return None

    def drop_prepared(self) -> None:
        """No view made ahead any more (the session ended, or this app's page is thrown away)."""
        if self._preparing is not None:
            self._preparing.cancel()
            self._preparing = None
        self._drop_view_made_ahead()

    def _drop_view_made_ahead(self) -> None:
        if self._prepared is not None:
            close_tree(self._prepared[1])
            self._prepared = None

    def _end(self) -> None:
        """The facilitator closed the session: thanks, and any intention that stayed on this phone, to keep."""
        if self.poller:
            self.poller.stop()  # nothing will change any more
        self.drop_prepared()
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
        replace_children(self.body, [view], keep=self.activities.lasting_views() if self.activities else (),
                         later=self._close_later)

    def _close_later(self, close) -> None:
        loop = self._page_loop()
        if loop is None:
            close()
        else:
            loop.call_later(CLOSE_AFTER_SECONDS + random.uniform(0, CLOSE_SPREAD_SECONDS), close)

    def _page_loop(self) -> asyncio.AbstractEventLoop | None:
        """The kernel's event loop of a page that follows the facilitator; None in a test or a script."""
        if self.poller is None:
            return None
        try:
            return asyncio.get_running_loop()
        except RuntimeError:
            return None

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
    app.drop_prepared()
    close_tree(app.widget)
