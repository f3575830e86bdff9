"""The facilitator's laptop and the room's projector.

`RoomScreen` is what the room may see: agenda, block and timer, join code and QR, and the results the
facilitator chose to show. `FacilitatorApp` adds the controls (walking the agenda, the timer, showing results,
letting open answers through). Both follow the database, so a second window (`scherm.ipynb`) on the projector
stays in step with the facilitator's laptop.
"""

from __future__ import annotations

import html
import threading

import ipywidgets as widgets

from kit import settings
from kit.analysis import aggregate
from kit.analysis.by_type import analysis_of

from kit.charts import session_charts
from kit.charts.by_type import charts_of
from kit.apps.facilitator_activities import ActivityControls, RoomActivities
from kit.apps.polling import Poller, follow_database
from kit.apps.session_controls import SessionControls
from kit.i18n import t
from kit.model.live import LiveSession
from kit.model.template import Question, Step
from kit.documents.qr import qr_svg
from kit.store import AnswerRecord, LiveStateRecord, Store
from kit.widgets.facilitator import (
    AgendaPanel,
    CloseSessionPanel,
    ConfirmBar,
    JoinPanel,
    ModerationPanel,
    PrivatePanel,
    ResultsPanel,
    ScreenPanel,
    TimerPanel,
    _button,
    _html,
)
from kit.widgets.downloads import Downloads
from kit.widgets.naslag import ReferenceScreenView, reference_picker, reference_style
from kit.widgets.notes import NotesPanel
from kit.widgets.style import projector_style
from kit.widgets.late_changes import resend_changes_to_loading_pages

# Without a change signal (a database that gives none) the page looks this often.
POLL_SECONDS = 0.25
# With one (kit.apps.change_watch) a commit elsewhere is shown at once; the poll only catches a missed signal.
FALLBACK_POLL_SECONDS = 1.0
# A running timer counts down on the page without anyone writing: its label is redrawn this often, from the state
# already read (no database).
TIMER_TICK_SECONDS = 0.25
# While the results are shown, between two refreshes for pushed changes: 60 votes in 5 s redraw the chart at most this
# often (as the old poll did), not once per vote. With the results hidden a vote only changes the count: no gap.
CHART_REFRESH_GAP_SECONDS = 0.2
SESSION_ENV = settings.SESSION_ENV
JOIN_URL_ENV = settings.JOIN_URL_ENV


def remaining_label(seconds: float) -> str:
    """'Nog 1:55 uur tot het einde': whole minutes, rounded up, so the last minute still shows."""
    minutes = int(-(-max(0.0, seconds) // 60))
    return t("room.remaining", time=f"{minutes // 60}:{minutes % 60:02d}")


def join_url_for(code: str, base: str | None = None) -> str:
    base = base or settings.join_base_url() or "http://localhost:8866/"
    return f"{base.split('?')[0]}?code={code}"


class ResultsRenderer:
    """Answers to what the room sees for one question. Charts are cached: the poller asks often."""

    def __init__(self):
        self._cache: dict[tuple, object] = {}

    def chart(self, question: Question, values: tuple[str, ...]) -> tuple[bytes, str]:
        """The chart and the same figures as one line of text."""
        key = ("chart", question.key, values)
        if key not in self._cache:
            self._cache[key] = (session_charts.figure_png(charts_of(question).figure(question, values)),
                                analysis_of(question).caption(question, values))
        return self._cache[key]

    def words(self, texts: tuple[str, ...]) -> bytes | None:
        key = ("words", texts)
        if key not in self._cache:
            freqs = aggregate.word_frequencies(texts)
            self._cache[key] = session_charts.figure_png(session_charts.word_cloud_bars(freqs)) if freqs else None
        return self._cache[key]


class RoomScreen:
    controls = False

    def __init__(self, store: Store, code: str, join_url: str | None = None, poll_seconds: float | None = POLL_SECONDS):
        self.store = store
        self.session = LiveSession.open(store, code, closed_too=True)  # a closed one says so, after a reload too
        self.code = self.session.code
        self.join_url = join_url_for(self.code, join_url)
        self._renderer = ResultsRenderer()
        self._lock = threading.RLock()
        self._fingerprint = None
        self._state: LiveStateRecord | None = None  # as last read, for the timer's tick
        self._join_large: bool | None = None  # None: large during the first block, while people arrive

        self.join = JoinPanel(self.join_url, self.code, qr_svg(self.join_url, 140), qr_svg(self.join_url, 420))
        self.agenda = self._agenda_panel()
        self.block_title = _html("", "tlg-block-title")
        self.timer = self._timer_panel()
        self.screen = ScreenPanel()
        self.results = ResultsPanel()
        self.activities = RoomActivities(self.session)
        self.reference = ReferenceScreenView()
        self.widget = self._layout()
        self.widget.add_class("tlg-projector")
        self.refresh(force=True)
        self.poller = self.ticker = None
        if poll_seconds:
            # A vote, a phone's post-it, the facilitator moving on in another window: learnt of when committed.
            self.poller = follow_database(store, self.refresh, poll_seconds, FALLBACK_POLL_SECONDS,
                                          min_gap=self._refresh_gap).start()
            self.ticker = Poller(self._tick, min(poll_seconds, TIMER_TICK_SECONDS)).start()

    def _timer_panel(self) -> TimerPanel:
        return TimerPanel()

    def _agenda_panel(self) -> AgendaPanel:
        return AgendaPanel(self.session.template.blocks)

    def _main_children(self) -> list[widgets.Widget]:
        """The room's content: what the step shows, in the height the bars leave."""
        return [self.join.big, self.reference.widget, self.screen, self.results, self.activities.panel]

    def _bars(self) -> list[widgets.Widget]:
        """Rows under the content (the facilitator's controls); the room's own screen has none."""
        return []

    def _layout(self) -> widgets.Widget:
        """One screen: title, timer and join code on top; the agenda on the left; the step's content in the rest.
        Nothing scrolls: the CSS (`.tlg-room`) shares out the window's height."""
        top = widgets.HBox([self.block_title, self.timer, self.join])
        top.add_class("tlg-room-top")
        self.main = widgets.VBox(self._main_children())
        self.main.add_class("tlg-room-main")
        body = widgets.HBox([self.agenda, self.main])
        body.add_class("tlg-room-body")
        room = widgets.VBox([projector_style(), reference_style(), top, body, *self._bars()])
        room.add_class("tlg-room")
        return room

    # -- following the database ---------------------------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        with self._lock:
            state = self._state = self.session.state()
            step = self.session.step(state)
            self._show_clocks(state)
            stats = self.store.sessions.answer_stats(self.code, step.question.key) if step.question else None
            if step.question is not None and step.question.private:  # sharing changes what the room may see
                stats = (stats, tuple(sorted(self.store.sessions.shared_participants(self.code, step.question.key))))
            fingerprint = (state.version, stats, self.activities.fingerprint(step), self._join_large)
            if fingerprint == self._fingerprint and not force:
                return
            self._fingerprint = fingerprint
            self._render(state, step)

    def _known_reference(self, state: LiveStateRecord) -> str | None:
        """The naslag section on the projector, if this naslag has it (the worksheet's default section may be
        missing from a trainer's own naslag)."""
        key = state.reference_key
        return key if key in self.reference.reference.keys else None

    def _refresh_gap(self) -> float:
        """Asked by the watcher thread: only reads the last state (a reference, set on the loop)."""
        state = self._state
        return CHART_REFRESH_GAP_SECONDS if state is not None and state.results_shown else 0.0

    def _tick(self) -> None:
        """The running clocks' labels, from the last state read: nothing is asked of the database."""
        with self._lock:
            state = self._state
            if state is None or state.timer_started_at is None or not state.session_open:
                return
            self._show_clocks(state)

    def _show_clocks(self, state: LiveStateRecord) -> None:
        """The block clock, and a timed prompt's own thinking time beside it."""
        timer = self.session.timer(state)
        self.timer.show(timer.label, timer.remaining < 0, timer.running)
        thinking = self.session.thinking_time(state) if state.session_open else None
        self.screen.show_thinking(thinking.thinking_label if thinking else "")
        self.agenda.show_remaining(remaining_label(self.session.remaining_seconds(state)) if state.session_open else "")

    def _render(self, state: LiveStateRecord, step: Step) -> None:
        if not state.session_open:
            self._render_closed(state, step)
            return
        self.reference.show(self._known_reference(state))
        self.agenda.show(step.block.key, state.skipped_blocks)
        # The step shown, for tests that must know this page has caught up (steps of one block share a title).
        self.block_title.value = html.escape(step.block.title) + f"<span hidden data-tlg-step='{step.index}'></span>"
        large = self._join_large if self._join_large is not None else step.index == 0
        if large != self.join.large:
            self.join.set_large(large)
        self.activities.render(step, state.results_shown)
        question = step.question
        if step.prompt is not None:
            position = t("facilitator.prompt_of", n=step.prompt + 1, total=len(step.block.prompts))
            self.screen.show_prompt(position, step.prompt_text)
        elif question is None:
            self.screen.show_paragraphs(step.block.screen)
        else:
            self.screen.clear()
        if question is None:
            self.results.clear()
            return
        answers = self.store.sessions.answers(self.code, question.key)
        self._render_results(question, answers, state.results_shown)

    def _render_closed(self, state: LiveStateRecord, step: Step) -> None:
        self.reference.show(None)
        self.agenda.show(step.block.key, state.skipped_blocks)
        self.block_title.value = html.escape(t("facilitator.closed_title"))
        self.timer.layout.display = self.join.layout.display = "none"  # nothing to time, nothing to join
        self.join.big.layout.display = "none"
        self.screen.show_paragraphs([t("facilitator.closed_thanks")])
        self.activities.panel.value = ""
        self.results.clear()

    def _render_results(self, question: Question, answers: list[AnswerRecord], shown: bool) -> None:
        n = len(answers)
        self.results.show_question(question.text, aggregate.answer_count_label(n))
        chart = words = None
        caption = ""
        cards: list[str] = []
        note = ""
        if not shown:
            note = t("facilitator.results_hidden")
        elif question.kind.free_text:
            # The room sees only what the facilitator let through (of a private question: only what its author
            # shared), and so do the word counts.
            visible = self.session.room_answers(question.key) if question.private else answers
            cards = [a.value for a in visible if a.shown]
            note = "" if cards else t("facilitator.none_shown")
            if len(cards) >= aggregate.MIN_ANSWERS_FOR_DISTRIBUTION:
                words = self._renderer.words(tuple(cards))
        elif n < aggregate.MIN_ANSWERS_FOR_DISTRIBUTION:
            note = t("facilitator.too_few", min=aggregate.MIN_ANSWERS_FOR_DISTRIBUTION)
        else:
            chart, caption = self._renderer.chart(question, tuple(sorted(a.value for a in answers)))
        self.results.show_note(note)
        self.results.show_chart(chart, caption)
        self.results.show_cards(cards)
        self.results.show_words(words)


class FacilitatorApp(SessionControls, RoomScreen):
    """The room view with the controls under it. Everything only the facilitator should see sits in one folded
    panel ("Alleen voor jou"): a mirrored projector shows this page to the room."""

    controls = True

    def _timer_panel(self) -> TimerPanel:
        # The timer's buttons live in the controls row, so a long title never pushes them off the screen.
        self.timer_buttons = TimerPanel(self._act(self.session.start_timer), self._act(self.session.pause_timer),
                                        self._act(self.session.reset_timer))
        self.timer_buttons.children = self.timer_buttons.children[1:]
        display = TimerPanel()
        display.start_button, display.pause_button = self.timer_buttons.start_button, self.timer_buttons.pause_button
        return display

    def _agenda_panel(self) -> AgendaPanel:
        return AgendaPanel(self.session.template.blocks, self._jump, self._skip)

    def _main_children(self):
        self.guidance = _html("", "tlg-guidance")
        self.reference_picker = reference_picker(self.reference.reference, self._show_reference)
        self.moderation = ModerationPanel(self._toggle_answer, self._show_all_answers)
        self.activity_controls = ActivityControls(self.activities, self.refresh)
        self.close_panel = CloseSessionPanel(self._close)
        self.outcomes = Downloads({"facilitator.outcomes_report": self._report_file,
                                   "facilitator.outcomes_workbook": self._workbook_file},
                                  _html(f"<b>{html.escape(t('facilitator.outcomes_title'))}</b><br>"
                                        f"{html.escape(t('facilitator.outcomes_hint'))}", "tlg-guidance"),
                                  at_once=True)
        self.outcomes.layout.display = "none"
        self.notes = NotesPanel()  # the facilitator's page only: RoomScreen (the projector) never has one
        self.private = PrivatePanel([self.notes, self.guidance, self.moderation, self.activity_controls,
                                     self.reference_picker])
        self.room_parts = super()._main_children()
        return [*self.room_parts, self.outcomes, self.private]

    def _bars(self):
        self.navigation = widgets.HBox()
        self.results_button = _button(t("facilitator.show_results"), self._toggle_results)
        self.join_button = _button(t("facilitator.show_join"), self._toggle_join)
        self.private_button = _button(t("room.private_open"), self._toggle_private)
        self.private_button.add_class("tlg-private-toggle")
        self.confirm = ConfirmBar()
        controls = widgets.HBox([self.navigation, self.results_button, self.join_button, self.timer_buttons,
                                 self.private_button])
        controls.add_class("tlg-controls")
        return [self.confirm, self.close_panel, controls]

    # -- the private panel --------------------------------------------------------------------------------------
    def _toggle_private(self) -> None:
        self._set_private(not self.private.is_open)

    def _set_private(self, opened: bool) -> None:
        self.private.layout.display = None if opened else "none"
        for part in self.room_parts:
            part.remove_class("tlg-under-private") if not opened else part.add_class("tlg-under-private")
        self._label_private()

    def _label_private(self) -> None:
        if self.private.is_open:
            label = t("room.private_close")
        else:
            pending = self.moderation.pending + self.activity_controls.pending
            label = t("room.private_pending", n=pending) if pending else t("room.private_open")
        self.private_button.description = label

    def _report_file(self) -> tuple[str, str, bytes]:
        from kit.documents.session_report import session_report_pdf  # only now: fpdf2 and the report's charts, once per session

        pdf = session_report_pdf(self.store, self.code)
        return t("facilitator.report_file", code=self.code), "application/pdf", pdf

    def _workbook_file(self) -> tuple[str, str, bytes]:
        from kit.documents.spreadsheet import XLSX_MIME, session_xlsx

        return t("facilitator.workbook_file", code=self.code), XLSX_MIME, session_xlsx(self.store, self.code)

    def _close(self) -> None:
        self.session.close()
        self.refresh()

    def _show_reference(self, key: str | None) -> None:
        if key != self.session.state().reference_key:
            self.session.show_reference(key, self.reference.reference.keys)
            self.refresh()

    def _toggle_join(self) -> None:
        self._join_large = not self.join.large
        self.refresh()

    def _render(self, state, step):
        super()._render(state, step)
        if not state.session_open:
            self._navigation_for(step.index)
            self.notes.show(None)
            for button in (self.previous_button, self.next_button, self.results_button, self.join_button,
                           self.private_button):
                button.disabled = True
            self.agenda.set_enabled(False)
            self.timer_buttons.layout.display = "none"
            self._set_private(False)
            for panel in (self.close_panel, self.reference_picker, self.activity_controls, self.confirm):
                panel.layout.display = "none"
            self.moderation.show(None)
            self.outcomes.layout.display = None
            self.outcomes.make_all()
            self.screen.show_paragraphs([t("facilitator.closed_thanks"), t("facilitator.closed_next", code=self.code)])
            return
        self._render_controls(state, step)
        self.close_panel.show(step.index == len(self.session.template.steps) - 1)
        self.join_button.description = t("facilitator.hide_join" if self.join.large else "facilitator.show_join")
        if self.reference_picker.value != (self._known_reference(state) or ""):
            self.reference_picker.value = self._known_reference(state) or ""
        self.guidance.value = (
            f"<b>{html.escape(t('facilitator.guidance'))}</b><br>{html.escape(step.block.guidance)}"
            if step.block.guidance else ""
        )
        self._label_private()


def _session_code(code: str | None, store: Store) -> str:
    code = code or settings.session_code()
    if not code:
        open_sessions = [s for s in store.sessions.list_sessions() if s.is_open]
        code = open_sessions[-1].code if open_sessions else ""
    return code


def _build(cls, db_url, code):
    resend_changes_to_loading_pages()
    store = Store(db_url)
    code = _session_code(code, store)
    try:
        screen = cls(store, code)
    except Exception as exc:
        from kit.model.live import SessionClosed, SessionNotFound

        if isinstance(exc, (SessionNotFound, SessionClosed)):
            return widgets.HTML(f"<h2>{html.escape(t('facilitator.unknown_session', code=code))}</h2>")
        raise
    screen.widget._tlg_app = screen  # keep the poller's owner alive with the page
    return screen.widget


def facilitator_app(db_url: str | None = None, code: str | None = None) -> widgets.Widget:
    return _build(FacilitatorApp, db_url, code)


def room_screen(db_url: str | None = None, code: str | None = None) -> widgets.Widget:
    return _build(RoomScreen, db_url, code)
