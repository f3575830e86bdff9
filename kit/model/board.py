"""Werkvorm 5: points (post-its), sticker voting within a budget, and the action plan.

Every call checks what is open now in the database: a phone may be a step behind, or may send anything.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from kit.i18n import t
from kit.model.activity import BlockActivity
from kit.model.live import LiveSession
from kit.model.template import Block, Points
from kit.model.text import AnswerRejected, checked_text
from kit.store import ActionRecord, PointRecord, StickerRefused

ACTION_TEXT_MAX = 300
ACTION_FIELD_MAX = 100


@dataclass(frozen=True)
class RankedPoint:
    point_id: str
    text: str
    stickers: int
    from_route_map: bool = False


class PointsBoard(BlockActivity):
    config_field = "points"

    def __init__(self, session: LiveSession, block: Block):
        super().__init__(session, block)
        self.config: Points = block.points

    # -- posting ------------------------------------------------------------------------------------------------
    def can_post(self) -> bool:
        step = self.current_step()
        return step is not None and (step.prompt is not None or step.activity == "punten")

    def post(self, participant: str, raw) -> str:
        if not self.can_post():
            raise AnswerRejected(t("points.closed"))
        text = checked_text(raw, self.config.max_length)
        step = self.current_step()
        point_id = secrets.token_hex(6)
        self.store.board.add_point(self.code, point_id, participant, step.prompt, text)
        return point_id

    def own_points(self, participant: str) -> list[PointRecord]:
        return [p for p in self.store.board.points(self.code) if p.author == participant and p.status != "merged"]

    # -- the facilitator tidies up ------------------------------------------------------------------------------
    def edit(self, point_id: str, raw) -> None:
        self.store.board.edit_point(self.code, point_id, checked_text(raw, self.config.max_length))

    def hide(self, point_id: str, hidden: bool = True) -> None:
        self.store.board.set_point_status(self.code, point_id, "hidden" if hidden else "open")

    def merge(self, point_id: str, into_id: str) -> None:
        points = {p.point_id: p for p in self.store.board.points(self.code)}
        if point_id == into_id or points.get(into_id) is None or points[into_id].status != "open":
            raise AnswerRejected(t("points.merge_invalid"))
        self.store.board.merge_point(self.code, point_id, into_id)

    def unmerge(self, point_id: str) -> None:
        """Undo a merge: the point is on the board again. Stickers that moved along stay where they went."""
        points = {p.point_id: p for p in self.store.board.points(self.code)}
        if points.get(point_id) is None or points[point_id].status != "merged":
            raise AnswerRejected(t("points.merge_invalid"))
        self.store.board.set_point_status(self.code, point_id, "open")

    def visible_points(self) -> list[PointRecord]:
        return [p for p in self.store.board.points(self.code) if p.status == "open"]

    # -- stickers -----------------------------------------------------------------------------------------------
    def voting_open(self) -> bool:
        step = self.current_step()
        return step is not None and step.activity == "stickers"

    def add_sticker(self, participant: str, point_id) -> int:
        return self._change(participant, point_id, +1)

    def take_back_sticker(self, participant: str, point_id) -> int:
        return self._change(participant, point_id, -1)

    def _change(self, participant: str, point_id, delta: int) -> int:
        if not self.voting_open():
            raise AnswerRejected(t("stickers.closed"))
        if not isinstance(point_id, str):
            raise AnswerRejected(t("stickers.unknown_point"))
        try:
            return self.store.board.change_stickers(
                self.code, participant, point_id, delta, self.config.stickers, self.config.max_per_point
            )
        except StickerRefused as refused:
            messages = {
                "budget": t("stickers.budget", n=self.config.stickers),
                "per_point": t("stickers.per_point", n=self.config.max_per_point),
                "none": t("stickers.none"),
                "unknown_point": t("stickers.unknown_point"),
            }
            raise AnswerRejected(messages[refused.reason]) from None

    def stickers_left(self, participant: str) -> int:
        return self.config.stickers - sum(self.store.board.sticker_counts(self.code, participant).values())

    def my_stickers(self, participant: str) -> dict[str, int]:
        return self.store.board.sticker_counts(self.code, participant)

    def ranking(self) -> list[RankedPoint]:
        counts = self.store.board.sticker_counts(self.code)
        visible = self.visible_points()
        order = {p.point_id: i for i, p in enumerate(visible)}
        ranked = [RankedPoint(p.point_id, p.text, counts.get(p.point_id, 0), p.from_route_map) for p in visible]
        return sorted(ranked, key=lambda r: (-r.stickers, order[r.point_id]))

    # -- the action plan ----------------------------------------------------------------------------------------
    def save_action(self, *, text, level, owner, planning, status, point_id=None, action_id=None) -> str:
        text = checked_text(text, ACTION_TEXT_MAX)
        owner = checked_text(owner, ACTION_FIELD_MAX)
        planning = checked_text(planning, ACTION_FIELD_MAX)
        if level not in self.config.levels:
            raise AnswerRejected(t("actions.level", options=", ".join(self.config.levels)))
        if status not in self.config.statuses:
            raise AnswerRejected(t("actions.status", options=", ".join(self.config.statuses)))
        action_id = action_id or secrets.token_hex(6)
        self.store.board.save_action(self.code, ActionRecord(action_id, point_id, text, level, owner, planning, status))
        return action_id

    def actions(self) -> list[ActionRecord]:
        return self.store.board.actions(self.code)
