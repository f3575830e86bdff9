"""Werkvorm 3: the groups, the case each group chose, their worksheet answers per meldcode step, and the route map
the facilitator builds from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.store.connection import Database, minute


@dataclass(frozen=True)
class GroupRecord:
    group_id: str
    label: str
    case_key: str | None


@dataclass(frozen=True)
class WorksheetAnswerRecord:
    group_id: str
    step_key: str
    question_index: int
    value: str
    shown: bool = False  # let through to the room by the facilitator; a changed text needs letting through again


@dataclass(frozen=True)
class RouteItemRecord:
    item_id: str
    step_key: str
    category: str
    text: str


class WorksheetStore:
    """`store.worksheets`: groups, worksheet_answers and route_items."""

    def __init__(self, db: Database):
        self._db = db

    # -- Werkvorm 3: groups and worksheet -----------------------------------------------------------------------
    def register_group(self, code: str, group_id: str, label: str) -> None:
        with self._db.transaction() as conn:
            position = conn.execute("SELECT COUNT(*) FROM groups WHERE session_code = ?", (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO groups (session_code, group_id, label, case_key, created_at, position)"
                " VALUES (?, ?, ?, NULL, ?, ?)"
                " ON CONFLICT (session_code, group_id) DO UPDATE SET label = excluded.label",
                (code, group_id, label, minute(), position),
            )

    def choose_case(self, code: str, group_id: str, case_key: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("UPDATE groups SET case_key = ? WHERE session_code = ? AND group_id = ?", (case_key, code, group_id))

    def groups(self, code: str) -> list[GroupRecord]:
        rows = self._db.query("SELECT group_id, label, case_key FROM groups WHERE session_code = ? ORDER BY position", (code,))
        return [GroupRecord(*row) for row in rows]

    def save_worksheet_answer(self, code: str, group_id: str, step_key: str, question_index: int, value: str) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO worksheet_answers (session_code, group_id, step_key, question_index, value, revision)"
                " VALUES (?, ?, ?, ?, ?, 1)"
                " ON CONFLICT (session_code, group_id, step_key, question_index) DO UPDATE SET"
                " shown = CASE WHEN worksheet_answers.value = excluded.value THEN worksheet_answers.shown ELSE 0 END,"
                " value = excluded.value, revision = worksheet_answers.revision + 1",
                (code, group_id, step_key, question_index, value),
            )

    def worksheet_answers(self, code: str) -> list[WorksheetAnswerRecord]:
        rows = self._db.query(
            "SELECT group_id, step_key, question_index, value, shown FROM worksheet_answers WHERE session_code = ?"
            " ORDER BY step_key, question_index, group_id",
            (code,),
        )
        return [WorksheetAnswerRecord(g, s, q, v, bool(shown)) for g, s, q, v, shown in rows]

    def set_worksheet_shown(self, code: str, shown: bool, group_id: str | None = None, step_key: str | None = None,
                            question_index: int | None = None) -> None:
        """Let worksheet answers through to the room (or take them back): one answer, or all that match."""
        where, args = ["session_code = ?"], [code]
        for column, value in (("group_id", group_id), ("step_key", step_key), ("question_index", question_index)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        with self._db.transaction() as conn:
            conn.execute(f"UPDATE worksheet_answers SET shown = ?, revision = revision + 1 WHERE {' AND '.join(where)}",
                         (int(shown), *args))

    # -- the route map ------------------------------------------------------------------------------------------
    def add_route_item(self, code: str, item_id: str, step_key: str, category: str, text: str) -> None:
        with self._db.transaction() as conn:
            position = conn.execute("SELECT COUNT(*) FROM route_items WHERE session_code = ?", (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO route_items (session_code, item_id, step_key, category, text, position) VALUES (?, ?, ?, ?, ?, ?)",
                (code, item_id, step_key, category, text, position),
            )

    def remove_route_item(self, code: str, item_id: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM route_items WHERE session_code = ? AND item_id = ?", (code, item_id))

    def route_items(self, code: str) -> list[RouteItemRecord]:
        rows = self._db.query(
            "SELECT item_id, step_key, category, text FROM route_items WHERE session_code = ? ORDER BY position", (code,)
        )
        return [RouteItemRecord(*row) for row in rows]

    def fingerprint(self, code: str) -> tuple:
        """Changes anywhere in the groups, their worksheets and the route map, cheaply: what the facilitator's
        screen polls for."""
        return self._db.first_rows(
            (code,),
            "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM worksheet_answers WHERE session_code = ?",
            "SELECT COUNT(*), COUNT(case_key) FROM groups WHERE session_code = ?",
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(text)), 0) FROM route_items WHERE session_code = ?",
        )
