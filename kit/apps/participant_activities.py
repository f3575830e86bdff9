"""What a phone shows in the werkvormen: post-its and stickers (Werkvorm 5), the group worksheet (Werkvorm 3).

Each view gets callbacks that go through the kernel-side model, which checks everything again.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.i18n import t
from kit.model.board import PointsBoard
from kit.model.template import Step
from kit.model.text import AnswerRejected
from kit.model.worksheet import Worksheet
from kit.widgets.participant import PromptView, WaitingView
from kit.widgets.board import PointEntry, StickerBallot
from kit.widgets.worksheet import GroupPhone


def _attempt(action) -> tuple[bool, str]:
    try:
        result = action()
    except AnswerRejected as rejected:
        return False, str(rejected)
    return True, result if isinstance(result, str) else ""


class StickerPhone(widgets.VBox):
    """The ballot, kept in step with the board: points appear, disappear or merge while people vote."""

    def __init__(self, board: PointsBoard, participant: str):
        self.board, self.participant = board, participant
        self.ballot = StickerBallot(self._add, self._take_back)
        super().__init__([self.ballot])
        self.poll()

    def _add(self, point_id) -> tuple[bool, str]:
        result = _attempt(lambda: self.board.add_sticker(self.participant, point_id))
        self.poll()
        return result

    def _take_back(self, point_id) -> tuple[bool, str]:
        result = _attempt(lambda: self.board.take_back_sticker(self.participant, point_id))
        self.poll()
        return result

    def poll(self) -> None:
        points = [(p.point_id, p.text, p.from_route_map) for p in self.board.visible_points()]
        self.ballot.show(points, self.board.my_stickers(self.participant), self.board.stickers_left(self.participant),
                         self.board.config.max_per_point)


class PhoneActivities:
    """Remembers, per phone, what belongs to this phone only: the group it registered (or its token, from the
    address of a phone that reloaded: checked against the session's groups before it means anything)."""

    def __init__(self, session, participant: str, group_token: str = ""):
        self.session = session
        self.participant = participant
        self.points = PointsBoard.for_session(session)
        self.worksheet = Worksheet.for_session(session)
        self.group_id: str | None = None
        self.group_token = group_token
        self._group_phone: GroupPhone | None = None

    def lasting_views(self) -> list[widgets.Widget]:
        """Views this phone shows again later with what was typed in them: the group's worksheet."""
        return [self._group_phone] if self._group_phone is not None else []

    def handles(self, step: Step) -> bool:
        """A werkvorm step: its view follows the board or the groups (or may be none; then the ordinary one)."""
        return bool((self.points and step.block.key == self.points.block.key)
                    or (self.worksheet and step.block.key == self.worksheet.block.key and step.activity))

    def view_for(self, step: Step) -> widgets.Widget | None:
        """A view for a werkvorm step, or None when the ordinary views apply."""
        if not self.handles(step):
            return None
        if self.points and step.block.key == self.points.block.key:
            return self._points_view(step)
        return self._worksheet_view(step)

    def _points_view(self, step: Step) -> widgets.Widget | None:
        board = self.points
        own = lambda: [p.text for p in board.own_points(self.participant)]  # noqa: E731
        if step.prompt is not None or step.activity == "punten":
            header = []
            if step.prompt is not None:
                position = t("participant.prompt_of", n=step.prompt + 1, total=len(step.block.prompts))
                # Not "nothing to fill in": the post-it field is right below.
                header = [PromptView(step.block.title, step.prompt_text, position, t("points.prompt_hint"))]

            def post(text):
                ok, message = _attempt(lambda: board.post(self.participant, text))
                if ok:
                    entry.show_own(own())
                return ok, message

            entry = PointEntry(post, board.config.max_length, own(), header)
            return entry
        if step.activity == "stickers":
            return StickerPhone(board, self.participant)
        if step.activity == "acties":
            return WaitingView(step.block.title, t("actions.waiting"))
        return None

    def _worksheet_view(self, step: Step) -> widgets.Widget:
        sheet = self.worksheet
        if step.activity == "routekaart":
            return WaitingView(step.block.title, t("worksheet.waiting"))
        if self._group_phone is None:
            def register(label):
                return _attempt(lambda: setattr(self, "group_id", sheet.register(label)))

            def rejoin(label):
                return _attempt(lambda: setattr(self, "group_id", sheet.rejoin(label).group_id))

            def taken(label):
                group = sheet.group_named(label)
                return group.label if group is not None else None

            self._group_phone = GroupPhone(
                sheet.meldcode,
                register,
                lambda case: _attempt(lambda: sheet.choose_case(self.group_id, case)),
                lambda step_key, n, text: _attempt(lambda: sheet.answer(self.group_id, step_key, n, text)),
                taken=taken, rejoin=rejoin, group=self._group,
            )
            known = sheet.group_by_token(self.group_token) if self.group_token else None
            if known is not None:  # this phone reloaded: its group and answers come back
                self.group_id = known.group_id
                self._group_phone.resume(welcome=True)
        return self._group_phone

    def _group(self):
        """(group id, name, case, answers) of this phone's group, as stored."""
        group = next(g for g in self.worksheet.groups() if g.group_id == self.group_id)
        return group.group_id, group.label, group.case_key, self.worksheet.answers_of(group.group_id)
