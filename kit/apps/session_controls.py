"""What the facilitator does to a live session, shared by every page that controls one: the laptop's page
(`kit.apps.facilitator.FacilitatorApp`) and the facilitator's phone remote (`kit.apps.remote.RemoteApp`).

One copy of the rules, so two controllers at once behave the same: every move says which step it leaves (a
repeated Volgende from either changes nothing), leaving a worksheet where groups still write asks first, and
every change goes through the model and the database, which both pages follow.

A page that mixes this in has `session`, `store`, `code`, `activities` (RoomActivities), `confirm` (ConfirmBar),
`navigation` (a box for Vorige/Volgende), `moderation` (ModerationPanel), `activity_controls`, `notes`,
`results_button` and `refresh()`. Light imports only: the remote runs in a phone server's kernel.
"""

from __future__ import annotations

from kit.i18n import t, tn
from kit.model.template import Step
from kit.store import LiveStateRecord
from kit.widgets.children import replace_children
from kit.widgets.facilitator import _button


class SessionControls:
    _nav_index: int | None = None
    previous_button = next_button = None

    def _act(self, action):
        def run():
            action()
            self.refresh()
        return run

    # -- moving through the agenda: every command says where to go --------------------------------------------
    def _navigation_for(self, index: int) -> None:
        """New Vorige/Volgende buttons for the step the page now shows, each bound to it: a second click of a
        double click still reaches the old button, which asks for the same step again and so changes nothing."""
        if index == self._nav_index:
            return
        self._nav_index = index
        self.previous_button = _button(t("facilitator.previous"), lambda: self._leave(lambda: self.session.go_previous(index)))
        self.next_button = _button(t("facilitator.next"), lambda: self._leave(lambda: self.session.go_next(index)))
        replace_children(self.navigation, [self.previous_button, self.next_button])

    def _jump(self, block_key: str) -> None:
        self._leave(lambda: self.session.go_to_block(block_key))

    def _skip(self, block_key: str, skip: bool) -> None:
        """Skip an optional block (standing in it: on to the next block) or put it back on the agenda."""
        if not skip:
            self.session.unskip_block(block_key)
            self.refresh()
        elif self.session.step().block.key == block_key:
            self._leave(lambda: self.session.skip_block(block_key))
        else:
            self.session.skip_block(block_key)
            self.refresh()

    def _leave(self, move) -> None:
        """Move, but first ask when groups are still writing on the worksheet this step holds open."""
        step = self.session.step()
        writing = (self.activities.worksheet.groups_writing()
                   if self.activities.in_worksheet(step) and step.activity == "werkblad" else [])

        def go():
            move()
            self.refresh()

        if writing:
            self.confirm.ask(tn("room.leave_writing", len(writing)), go)
        else:
            self.confirm.cancel()
            go()

    # -- what the room sees -------------------------------------------------------------------------------------
    def _toggle_results(self) -> None:
        self.session.set_results_shown(not self.session.state().results_shown)
        self.refresh()

    def _toggle_answer(self, participant: str, shown: bool) -> None:
        question_key = self.session.state().question_key
        if question_key:
            self.store.sessions.set_shown(self.code, question_key, participant, shown)
            self.refresh()

    def _show_all_answers(self, shown: bool) -> None:
        question_key = self.session.state().question_key
        if question_key:
            self.store.sessions.set_shown(self.code, question_key, None, shown)
            self.refresh()

    # -- showing the controls for the step the session is at ----------------------------------------------------
    def _render_controls(self, state: LiveStateRecord, step: Step) -> None:
        """Vorige/Volgende, the results button, moderation, the werkvorm tools and the notes, for an open session."""
        self._navigation_for(step.index)
        self.notes.show(step.block)
        self.previous_button.disabled = step.index == 0
        self.next_button.disabled = step.index == len(self.session.template.steps) - 1
        self.results_button.description = t("facilitator.hide_results" if state.results_shown else "facilitator.show_results")
        self.results_button.disabled = step.question is None and not self.activities.has_results(step)
        if step.question is not None and step.question.kind.free_text:
            answers = self.session.room_answers(step.question.key)
            self.moderation.show([(a.participant, a.value, a.shown) for a in answers])
        else:
            self.moderation.show(None)
        self.activity_controls.render(step)
