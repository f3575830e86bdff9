"""Werkvorm 3: groups register on one phone, pick a case and answer the worksheet per meldcode step;
the facilitator sorts what the groups found into the school's route map."""

from __future__ import annotations

import re
import secrets

from kit.i18n import t
from kit.model.activity import BlockActivity
from kit.model.live import LiveSession
from kit.model.template import ROUTE_CATEGORIES, Block, Meldcode
from kit.model.text import AnswerRejected, checked_text
from kit.store import GroupRecord, RouteItemRecord, WorksheetAnswerRecord

GROUP_LABEL_MAX = 30
GROUP_TOKEN = re.compile(r"[0-9a-f]{12}")  # a group id (secrets.token_hex(6)), as a phone's address carries it
ROUTE_TEXT_MAX = 300
ROUTE_TO_BOARD = "aandacht"  # the route map category that becomes starting post-its in Werkvorm 5
ROUTE_MAP_AUTHOR = ""  # a starting post-it is nobody's: no participant pseudonym is ever empty


class Worksheet(BlockActivity):
    config_field = "meldcode"

    def __init__(self, session: LiveSession, block: Block):
        super().__init__(session, block)
        self.meldcode: Meldcode = block.meldcode

    def is_open(self) -> bool:
        step = self.current_step()
        return step is not None and step.activity == "werkblad"

    def _require_open(self) -> None:
        if not self.is_open():
            raise AnswerRejected(t("worksheet.closed"))

    def register(self, label) -> str:
        """A new group; its id lives only in the registering phone's kernel."""
        self._require_open()
        label = checked_text(label, GROUP_LABEL_MAX).strip()
        group_id = secrets.token_hex(6)
        self.store.worksheets.register_group(self.code, group_id, label)
        return group_id

    def group_named(self, label) -> GroupRecord | None:
        """The group of this session that already has this name (spaces and capitals aside), if any."""
        if not isinstance(label, str):
            return None
        wanted = " ".join(label.split()).casefold()
        return next((g for g in self.groups() if " ".join(g.label.split()).casefold() == wanted), None)

    def rejoin(self, label) -> GroupRecord:
        """A group's phone that lost its group (a new phone, a closed tab) takes it back by its name, after the group
        confirmed that the name is theirs. A group is not a person: its name and worksheet are the group's own."""
        self._require_open()
        group = self.group_named(checked_text(label, GROUP_LABEL_MAX))
        if group is None:
            raise AnswerRejected(t("worksheet.unknown_group"))
        return group

    def group_by_token(self, token) -> GroupRecord | None:
        """The group whose token a reloaded phone brings in its address (`?group=`), if it is one of this session."""
        if not isinstance(token, str) or not GROUP_TOKEN.fullmatch(token):
            return None
        return next((g for g in self.groups() if g.group_id == token), None)

    def choose_case(self, group_id: str, case_key) -> None:
        self._require_open()
        if not isinstance(case_key, str) or self.meldcode.case(case_key) is None:
            raise AnswerRejected(t("worksheet.unknown_case"))
        self.store.worksheets.choose_case(self.code, group_id, case_key)

    def answer(self, group_id: str, step_key, question_index, raw) -> str:
        self._require_open()
        step = self.meldcode.step(step_key) if isinstance(step_key, str) else None
        if step is None or not isinstance(question_index, int) or not 0 <= question_index < len(step.questions):
            raise AnswerRejected(t("worksheet.unknown_question"))
        value = checked_text(raw, self.meldcode.max_length)
        self.store.worksheets.save_worksheet_answer(self.code, group_id, step.key, question_index, value)
        return value

    def groups(self) -> list[GroupRecord]:
        return self.store.worksheets.groups(self.code)

    def answers(self) -> list[WorksheetAnswerRecord]:
        return self.store.worksheets.worksheet_answers(self.code)

    def room_answers(self) -> list[WorksheetAnswerRecord]:
        """What the room may see after 'Toon resultaten': only answers the facilitator let through, one by one."""
        return [a for a in self.answers() if a.shown]

    def set_shown(self, shown: bool, group_id: str | None = None, step_key: str | None = None,
                  question_index: int | None = None) -> None:
        """Let one answer (group, step, question) through to the room, or all of a step (group None), or take back."""
        if step_key is not None and self.meldcode.step(step_key) is None:
            raise AnswerRejected(t("worksheet.unknown_question"))
        self.store.worksheets.set_worksheet_shown(self.code, bool(shown), group_id, step_key, question_index)

    def groups_writing(self) -> list[GroupRecord]:
        """Groups that registered and have not yet answered every meldcode step: leaving the worksheet stops them."""
        steps = {s.key for s in self.meldcode.steps}
        answered: dict[str, set[str]] = {}
        for a in self.answers():
            answered.setdefault(a.group_id, set()).add(a.step_key)
        return [g for g in self.groups() if not steps <= answered.get(g.group_id, set())]

    def answers_of(self, group_id: str) -> dict[tuple[str, int], str]:
        return {(a.step_key, a.question_index): a.value for a in self.answers() if a.group_id == group_id}

    # -- the route map, by the facilitator ----------------------------------------------------------------------
    def add_route_item(self, step_key: str, category: str, raw) -> str:
        if self.meldcode.step(step_key) is None or category not in ROUTE_CATEGORIES:
            raise AnswerRejected(t("worksheet.unknown_question"))
        item_id = secrets.token_hex(6)
        text = checked_text(raw, ROUTE_TEXT_MAX)
        self.store.worksheets.add_route_item(self.code, item_id, step_key, category, text)
        # What needs attention comes back in Werkvorm 5 (the handbook says so): it waits there as a starting
        # post-it, so the room can put stickers on it and the facilitator hides or merges it like any other.
        if category == ROUTE_TO_BOARD and any(b.points is not None for b in self.session.template.blocks):
            self.store.board.add_point(self.code, secrets.token_hex(6), ROUTE_MAP_AUTHOR, None, text,
                                       route_item=item_id)
        return item_id

    def remove_route_item(self, item_id: str) -> None:
        self.store.worksheets.remove_route_item(self.code, item_id)
        self.store.board.withdraw_route_point(self.code, item_id)

    def route_map(self) -> dict[str, dict[str, list[RouteItemRecord]]]:
        """step key -> category -> items, every step and category present (empty lists included)."""
        result = {s.key: {c: [] for c in ROUTE_CATEGORIES} for s in self.meldcode.steps}
        for item in self.store.worksheets.route_items(self.code):
            result.setdefault(item.step_key, {c: [] for c in ROUTE_CATEGORIES})[item.category].append(item)
        return result
