"""The facilitator's remote: the session's controls on the facilitator's own phone, so the laptop can mirror the
room view on the projector untouched.

Served by the phones' server as the phones' page with the session's secret in the address (`kit.model.remote`);
`participant_app` hands such a request here. Without the right secret the page says so and shows nothing else.
Vorige/Volgende, the agenda, the timer, "Toon resultaten", moderation of open answers and post-its, approval of
worksheet answers and the notes: the same controls as the laptop's page (`SessionControls`, `ActivityControls`,
the facilitator widgets), on the same database. Both pages follow the database, so a move on one shows on the other.

Imports only what a phone's kernel may load (no charts, no pandas): this runs in a phones' server kernel.
"""

from __future__ import annotations

import html
import threading

import ipywidgets as widgets

from kit.apps.facilitator_activities import ActivityControls, RoomActivities
from kit.apps.polling import follow_database
from kit.apps.session_controls import SessionControls
from kit.i18n import language, t
from kit.model.live import LiveSession
from kit.model.remote import remote_allowed
from kit.model.template import Step
from kit.store import Store
from kit.widgets.facilitator import AgendaPanel, ConfirmBar, ModerationPanel, TimerPanel, _button
from kit.widgets.html import html_widget
from kit.widgets.notes import NotesPanel
from kit.widgets.style import A11Y_CSS

POLL_SECONDS = 0.5

# One column at a phone's width; every control at least 48 px high (thumbs need 44), text that wraps.
REMOTE_CSS = """
<style>
body, .jp-Notebook, .voila-container { background: #ffffff; }
.tlg-remote { max-width: 560px; margin: 0 auto; font-size: 18px; color: #111; box-sizing: border-box; padding: 0 6px; }
.tlg-remote .jupyter-widgets { box-sizing: border-box; max-width: 100%; }
.tlg-remote .widget-html-content { font-size: 18px; line-height: 1.4; white-space: normal; overflow-wrap: anywhere; }
.tlg-remote .widget-hbox { flex-wrap: wrap; }
.tlg-remote button { min-height: 48px; height: auto; font-size: 18px; white-space: normal; border-radius: 10px;
  margin: 4px 0 !important; }
.tlg-remote .tlg-remote-nav { flex-wrap: nowrap; gap: 8px; }
.tlg-remote .tlg-remote-nav button { flex: 1 1 0; min-height: 64px; font-size: 22px; font-weight: 700;
  background: #1f4e79; color: #fff; }
.tlg-remote .tlg-remote-nav button:disabled { background: #c9d3df; color: #333; }
.tlg-remote-title .widget-html-content { font-size: 22px; font-weight: 700; color: #1f4e79; }
.tlg-remote-step .widget-html-content { font-size: 18px; color: #333; }
.tlg-remote-section { border-top: 2px solid #d0d7e2; margin-top: 10px; padding-top: 4px; }
.tlg-remote .tlg-timer .widget-html-content { font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tlg-remote .tlg-timer-over .widget-html-content { color: #b00020; }
.tlg-remote .tlg-timer-row button { flex: 1 1 0; margin-right: 6px !important; }
.tlg-remote .tlg-agenda-item { width: 100% !important; text-align: left; }
.tlg-remote .tlg-agenda-item.tlg-current { background: #1f4e79; color: #fff; font-weight: 700; }
.tlg-remote .tlg-confirm .widget-html-content { color: #b00020; font-weight: 700; }
.tlg-remote .widget-dropdown, .tlg-remote .widget-text { height: auto; align-self: flex-start; max-width: 100%; }
.tlg-remote select, .tlg-remote input[type="text"] { height: 48px !important; min-height: 48px; font-size: 18px;
  flex: 0 0 auto !important; }  /* in a column field, a flex basis (ipywidgets: a width) would set the height */
.tlg-remote textarea { min-height: 48px; font-size: 18px; }
.tlg-remote-refused .widget-html-content { font-size: 22px; color: #b00020; font-weight: 700; padding: 24px 0; }
</style>
"""


def _section(title: str | None, *children: widgets.Widget) -> widgets.VBox:
    # Bold, not a heading: the page's focus rule moves the focus to a new heading, and these never change.
    box = widgets.VBox([*([html_widget(f"<b>{html.escape(title)}</b>")] if title else []), *children])
    box.add_class("tlg-remote-section")
    return box


def step_line(session: LiveSession, step: Step) -> str:
    """Where the session is, in words: "Stap 3 van 24" and what that step holds (the question, the prompt)."""
    position = t("remote.step_of", n=step.index + 1, total=len(session.template.steps))
    if step.prompt is not None:
        what = step.prompt_text
    elif step.question is not None:
        what = step.question.text
    else:
        what = ""
    return f"{position} · {what}" if what else position


class RemoteApp(SessionControls):
    def __init__(self, store: Store, code: str, poll_seconds: float | None = POLL_SECONDS):
        self.store = store
        self.session = LiveSession.open(store, code, closed_too=True)
        self.code = self.session.code
        self._lock = threading.RLock()
        self._fingerprint = None

        self.title = html_widget("", "tlg-remote-title", "tlg-heading-1")
        self.step = html_widget("", "tlg-remote-step", "tlg-live")
        self.navigation = widgets.HBox()
        self.navigation.add_class("tlg-remote-nav")
        self.confirm = ConfirmBar()
        self.timer = TimerPanel(self._act(self.session.start_timer), self._act(self.session.pause_timer),
                                self._act(self.session.reset_timer))
        self.timer.add_class("tlg-timer-row")
        self.results_button = _button(t("facilitator.show_results"), self._toggle_results)
        self.results_button.layout.width = "100%"
        self.activities = RoomActivities(self.session)  # its room view is not shown here; the rules are shared
        self.moderation = ModerationPanel(self._toggle_answer, self._show_all_answers)
        self.activity_controls = ActivityControls(self.activities, self.refresh)
        self.notes = NotesPanel()
        self.agenda = AgendaPanel(self.session.template.blocks, self._jump, self._skip)
        self.widget = widgets.VBox([
            widgets.HTML(REMOTE_CSS + A11Y_CSS), self.title, self.step, self.navigation, self.confirm,
            _section(t("remote.timer"), self.timer, self.results_button),
            self.moderation, self.activity_controls, self.notes,
            _section(None, self.agenda),
        ])
        self.widget.add_class("tlg-remote")
        self.refresh(force=True)
        self.poller = None
        if poll_seconds:
            self.poller = follow_database(store, self.refresh, poll_seconds).start()  # a move on the laptop: at once

    def refresh(self, force: bool = False) -> None:
        with self._lock:
            state = self.session.state()
            step = self.session.step(state)
            timer = self.session.timer(state)
            self.timer.show(timer.label, timer.remaining < 0, timer.running)
            free_text = step.question is not None and step.question.kind.free_text
            stats = self.store.sessions.answer_stats(self.code, step.question.key) if free_text else None
            fingerprint = (state.version, stats, self.activities.fingerprint(step))
            if fingerprint == self._fingerprint and not force:
                return
            self._fingerprint = fingerprint
            self._render(state, step)

    def _render(self, state, step: Step) -> None:
        # The tab's title and language (the page is served as the phones' page, titled "deelnemen"): see a11y_script.
        self.title.value = (html.escape(t("remote.title", code=self.code))
                            + f"<span hidden data-tlg-lang='{html.escape(language())}' "
                              f"data-tlg-title='{html.escape(t('remote.page_title'))}'></span>")
        self.agenda.show(step.block.key, state.skipped_blocks)
        if not state.session_open:
            self.step.value = html.escape(t("remote.closed"))
            self._navigation_for(step.index)
            self.agenda.set_enabled(False)
            for button in (self.previous_button, self.next_button, self.results_button,
                           self.timer.start_button, self.timer.pause_button, self.timer.reset_button):
                button.disabled = True
            self.moderation.show(None)
            self.notes.show(None)
            self.activity_controls.layout.display = self.confirm.layout.display = "none"
            return
        self.step.value = (f"<b>{html.escape(step.block.title)}</b><br>"
                           f"{html.escape(step_line(self.session, step))}")
        self._render_controls(state, step)


def refused_page() -> widgets.Widget:
    """What a wrong, empty or old secret gets: a clear word, nothing of the session."""
    text = html_widget(html.escape(t("remote.refused")), "tlg-remote-refused", "tlg-heading-1")
    page = widgets.VBox([widgets.HTML(REMOTE_CSS + A11Y_CSS), text])
    page.add_class("tlg-remote")
    return page


def remote_page(store: Store, code: str, token: str | None,
                poll_seconds: float | None = POLL_SECONDS) -> widgets.Widget:
    """The remote for the session `code`, only with its secret `token`."""
    if not remote_allowed(store, code, token):
        return refused_page()
    app = RemoteApp(store, code, poll_seconds)
    app.widget._tlg_app = app  # keep the app (and its poller) alive as long as the page
    return app.widget
