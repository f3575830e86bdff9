"""The werkvormen on the facilitator's laptop and the projector.

`RoomActivities` decides what the room sees in a werkvorm step; `ActivityControls` holds the facilitator's
tools (tidying post-its, the action plan, the route map). Both read and write through the model.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from kit.i18n import t
from kit.model.live import LiveSession
from kit.model.board import PointsBoard
from kit.model.template import Step
from kit.model.text import AnswerRejected
from kit.model.worksheet import Worksheet
from kit.widgets.board import ActionPlanEditor, PointsModeration, actions_html, board_html, wall_html
from kit.widgets.worksheet import RouteMapEditor, WorksheetApproval, groups_text, route_map_html, worksheet_overview_html

TOP_POINTS = 5


def _attempt(action) -> tuple[bool, str]:
    try:
        action()
    except AnswerRejected as rejected:
        return False, str(rejected)
    return True, ""


class RoomActivities:
    def __init__(self, session: LiveSession):
        self.session = session
        self.points = PointsBoard.for_session(session)
        self.worksheet = Worksheet.for_session(session)
        self.panel = widgets.HTML()
        self.panel.add_class("tlg-activity")

    def in_points(self, step: Step) -> bool:
        return self.points is not None and step.block.key == self.points.block.key

    def in_worksheet(self, step: Step) -> bool:
        return self.worksheet is not None and step.block.key == self.worksheet.block.key

    def follows_activity(self, step: Step) -> bool:
        """Whether the room's view of this step changes with the werkvorm tables (worth polling for)."""
        return step.index == 0 or self.in_points(step) or self.in_worksheet(step)

    def fingerprint(self, step: Step):
        """What of the werkvorm tables the room's view of this step shows, to compare with the last look."""
        if not self.follows_activity(step):
            return None
        store, code = self.session.store, self.session.code
        return store.worksheets.fingerprint(code), store.board.fingerprint(code)

    def has_results(self, step: Step) -> bool:
        """Steps whose content the room sees only after 'Toon resultaten'."""
        return (self.in_points(step) and step.activity != "acties") or (
            self.in_worksheet(step) and step.activity == "werkblad"
        )

    def render(self, step: Step, results_shown: bool) -> None:
        self.panel.value = self._html(step, results_shown)

    def _html(self, step: Step, shown: bool) -> str:
        if step.index == 0:
            return self._previous_actions()
        if self.in_points(step):
            board = self.points
            if step.activity == "stickers":
                total = sum(r.stickers for r in board.ranking())
                count = f"<p class='tlg-count-line'>{html.escape(t('stickers.total', n=total))}</p>"
                ranked = [(r.text, r.stickers, r.from_route_map) for r in board.ranking()]
                return count + (board_html(ranked) if shown else "")
            if step.activity == "acties":
                ranked = [(r.text, r.stickers, r.from_route_map) for r in board.ranking()]
                return board_html(ranked, TOP_POINTS) + actions_html(board.actions())
            visible = board.visible_points()
            count = f"<p class='tlg-count-line'>{html.escape(t('points.count', n=len(visible)))}</p>"
            return count + (wall_html([(p.text, p.from_route_map) for p in visible]) if shown else "")
        if self.in_worksheet(step):
            sheet = self.worksheet
            if step.activity == "routekaart":
                return route_map_html(sheet.meldcode, sheet.route_map())
            if step.activity == "werkblad":
                groups = sheet.groups()
                count = f"<p class='tlg-count-line'>{html.escape(groups_text(len(groups)))}</p>"
                if not shown:
                    return count
                # Only what the facilitator let through, answer by answer: a worksheet may hold what a group
                # wrote for itself.
                visible = sheet.room_answers()
                if not visible:
                    return count + f"<p>{html.escape(t('worksheet.none_shown'))}</p>"
                return worksheet_overview_html(sheet.meldcode, groups, visible)
        return ""

    def _previous_actions(self) -> str:
        store = self.session.store
        previous = store.sessions.previous_session_code(self.session.code)
        actions = store.board.actions(previous) if previous else []
        if not actions:
            return ""
        record = store.sessions.get_session(previous)
        title = t("actions.previous", date=record.session_date)
        return f"<h3>{html.escape(title)}</h3>{actions_html(actions)}"


class ActivityControls(widgets.VBox):
    """The facilitator's tools for the werkvormen; shown only in the steps they belong to."""

    def __init__(self, room: RoomActivities, refresh):
        self.room = room
        self._refresh = refresh
        children = []
        if room.points:
            board = room.points
            self.moderation = PointsModeration(self._edit, self._hide, self._merge, self._unmerge)
            self.action_editor = ActionPlanEditor(board.config.levels, board.config.statuses, self._save_action)
            children += [self.moderation, self.action_editor]
        if room.worksheet:
            self.approval = WorksheetApproval(room.worksheet.meldcode, self._show_worksheet)
            self.route_editor = RouteMapEditor(room.worksheet.meldcode, self._add_route_item, self._remove_route_item)
            children += [self.approval, self.route_editor]
        super().__init__(children)
        self.pending = 0  # what waits for the facilitator here: worksheet answers not shown yet

    def _after(self, action) -> tuple[bool, str]:
        result = _attempt(action)
        self._refresh()
        return result

    def _edit(self, point_id, text):
        return self._after(lambda: self.room.points.edit(point_id, text))

    def _hide(self, point_id, hidden):
        return self._after(lambda: self.room.points.hide(point_id, hidden))

    def _merge(self, point_id, into_id):
        return self._after(lambda: self.room.points.merge(point_id, into_id))

    def _unmerge(self, point_id):
        return self._after(lambda: self.room.points.unmerge(point_id))

    def _show_worksheet(self, shown, group_id=None, step_key=None, question_index=None):
        return self._after(lambda: self.room.worksheet.set_shown(shown, group_id, step_key, question_index))

    def _save_action(self, **fields):
        return self._after(lambda: self.room.points.save_action(**fields))

    def _update_status(self, action, status):
        if status != action.status:
            self._after(lambda: self.room.points.save_action(
                text=action.text, level=action.level, owner=action.owner, planning=action.planning,
                status=status, point_id=action.point_id, action_id=action.action_id))

    def _add_route_item(self, step_key, category, text):
        return self._after(lambda: self.room.worksheet.add_route_item(step_key, category, text))

    def _remove_route_item(self, item_id):
        return self._after(lambda: self.room.worksheet.remove_route_item(item_id))

    def render(self, step: Step) -> None:
        room = self.room
        if room.points:
            in_points = room.in_points(step)
            points = room.points.store.board.points(room.points.code) if in_points else None
            rows = [(p.point_id, p.text, p.status, p.from_route_map) for p in points] if points is not None else None
            self.moderation.show(rows, {p.point_id: p.merged_into for p in points or () if p.merged_into})
            acting = in_points and step.activity == "acties"
            self.action_editor.layout.display = None if acting else "none"
            if acting:
                self.action_editor.show_points([(r.point_id, r.text, r.stickers) for r in room.points.ranking()])
                self.action_editor.show_actions(room.points.actions(), self._update_status)
        if room.worksheet:
            mapping = room.in_worksheet(step) and step.activity in ("werkblad", "routekaart")
            self.route_editor.layout.display = None if mapping else "none"
            writing = room.in_worksheet(step) and step.activity == "werkblad"
            self.approval.layout.display = None if writing else "none"
            self.pending = 0
            if writing:
                self.approval.show(room.worksheet.groups(), room.worksheet.answers())
                self.pending = self.approval.pending
            if mapping:
                self.route_editor.show_items(room.worksheet.store.worksheets.route_items(room.worksheet.code))
