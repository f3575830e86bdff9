"""Storage for the werkvormen: groups and their worksheet (Werkvorm 3), the route map, points, stickers and
actions (Werkvorm 5). Mixed into `Store`; same connection, same transactions.

Rules that must hold under concurrent writes (the sticker budget) are checked inside the writing transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

ACTIVITY_TABLES = [
    """CREATE TABLE groups (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        group_id TEXT NOT NULL,
        label TEXT NOT NULL,
        case_key TEXT,
        created_at TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (session_code, group_id)
    )""",
    """CREATE TABLE worksheet_answers (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        group_id TEXT NOT NULL,
        step_key TEXT NOT NULL,
        question_index INTEGER NOT NULL,
        value TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_code, group_id, step_key, question_index)
    )""",
    """CREATE TABLE route_items (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        item_id TEXT NOT NULL,
        step_key TEXT NOT NULL,
        category TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (session_code, item_id)
    )""",
    """CREATE TABLE points (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        point_id TEXT NOT NULL,
        author TEXT NOT NULL,
        prompt_index INTEGER,
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        merged_into TEXT,
        position INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_code, point_id)
    )""",
    """CREATE TABLE stickers (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        participant TEXT NOT NULL,
        point_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (session_code, participant, point_id)
    )""",
    """CREATE TABLE actions (
        session_code TEXT NOT NULL REFERENCES sessions(code),
        action_id TEXT NOT NULL,
        point_id TEXT,
        text TEXT NOT NULL,
        level TEXT NOT NULL,
        owner TEXT NOT NULL,
        planning TEXT NOT NULL,
        status TEXT NOT NULL,
        position INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (session_code, action_id)
    )""",
    "ALTER TABLE live_state ADD COLUMN reference_key TEXT",
    "ALTER TABLE answers ADD COLUMN shared INTEGER NOT NULL DEFAULT 0",
]


def _minute() -> str:
    """Times no finer than the minute: enough to order, too coarse to tell who typed what when."""
    return datetime.now(timezone.utc).replace(second=0, microsecond=0).isoformat()


class StickerRefused(Exception):
    """reason: 'budget' (no stickers left), 'per_point' (this point has the maximum), 'none' (nothing to take back),
    'unknown_point' (hidden, merged or never existed)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


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


@dataclass(frozen=True)
class PointRecord:
    point_id: str
    author: str
    prompt_index: int | None
    text: str
    status: str  # open, hidden, merged
    merged_into: str | None


@dataclass(frozen=True)
class ActionRecord:
    action_id: str
    point_id: str | None
    text: str
    level: str
    owner: str
    planning: str
    status: str


class ActivityStore:
    # -- Werkvorm 3: groups and worksheet -----------------------------------------------------------------------
    def register_group(self, code: str, group_id: str, label: str) -> None:
        with self.transaction() as conn:
            position = conn.execute("SELECT COUNT(*) FROM groups WHERE session_code = ?", (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO groups (session_code, group_id, label, case_key, created_at, position)"
                " VALUES (?, ?, ?, NULL, ?, ?)"
                " ON CONFLICT (session_code, group_id) DO UPDATE SET label = excluded.label",
                (code, group_id, label, _minute(), position),
            )

    def choose_case(self, code: str, group_id: str, case_key: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE groups SET case_key = ? WHERE session_code = ? AND group_id = ?", (case_key, code, group_id))

    def groups(self, code: str) -> list[GroupRecord]:
        rows = self._query("SELECT group_id, label, case_key FROM groups WHERE session_code = ? ORDER BY position", (code,))
        return [GroupRecord(*row) for row in rows]

    def save_worksheet_answer(self, code: str, group_id: str, step_key: str, question_index: int, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO worksheet_answers (session_code, group_id, step_key, question_index, value, revision)"
                " VALUES (?, ?, ?, ?, ?, 1)"
                " ON CONFLICT (session_code, group_id, step_key, question_index) DO UPDATE SET"
                " shown = CASE WHEN worksheet_answers.value = excluded.value THEN worksheet_answers.shown ELSE 0 END,"
                " value = excluded.value, revision = worksheet_answers.revision + 1",
                (code, group_id, step_key, question_index, value),
            )

    def worksheet_answers(self, code: str) -> list[WorksheetAnswerRecord]:
        rows = self._query(
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
        with self.transaction() as conn:
            conn.execute(f"UPDATE worksheet_answers SET shown = ?, revision = revision + 1 WHERE {' AND '.join(where)}",
                         (int(shown), *args))

    # -- the route map ------------------------------------------------------------------------------------------
    def add_route_item(self, code: str, item_id: str, step_key: str, category: str, text: str) -> None:
        with self.transaction() as conn:
            position = conn.execute("SELECT COUNT(*) FROM route_items WHERE session_code = ?", (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO route_items (session_code, item_id, step_key, category, text, position) VALUES (?, ?, ?, ?, ?, ?)",
                (code, item_id, step_key, category, text, position),
            )

    def remove_route_item(self, code: str, item_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM route_items WHERE session_code = ? AND item_id = ?", (code, item_id))

    def route_items(self, code: str) -> list[RouteItemRecord]:
        rows = self._query(
            "SELECT item_id, step_key, category, text FROM route_items WHERE session_code = ? ORDER BY position", (code,)
        )
        return [RouteItemRecord(*row) for row in rows]

    # -- Werkvorm 5: points and stickers ------------------------------------------------------------------------
    def add_point(self, code: str, point_id: str, author: str, prompt_index: int | None, text: str) -> None:
        with self.transaction() as conn:
            position = conn.execute("SELECT COUNT(*) FROM points WHERE session_code = ?", (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO points (session_code, point_id, author, prompt_index, text, status, merged_into, position)"
                " VALUES (?, ?, ?, ?, ?, 'open', NULL, ?)",
                (code, point_id, author, prompt_index, text, position),
            )

    def points(self, code: str) -> list[PointRecord]:
        rows = self._query(
            "SELECT point_id, author, prompt_index, text, status, merged_into FROM points WHERE session_code = ?"
            " ORDER BY position",
            (code,),
        )
        return [PointRecord(*row) for row in rows]

    def edit_point(self, code: str, point_id: str, text: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE points SET text = ?, revision = revision + 1 WHERE session_code = ? AND point_id = ?",
                (text, code, point_id),
            )

    def set_point_status(self, code: str, point_id: str, status: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE points SET status = ?, merged_into = NULL, revision = revision + 1"
                " WHERE session_code = ? AND point_id = ?",
                (status, code, point_id),
            )

    def merge_point(self, code: str, point_id: str, into_id: str) -> None:
        """A duplicate goes into another point; any stickers on it move along, so no vote is lost."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE points SET status = 'merged', merged_into = ?, revision = revision + 1"
                " WHERE session_code = ? AND point_id = ?",
                (into_id, code, point_id),
            )
            moved = conn.execute(
                "SELECT participant, count FROM stickers WHERE session_code = ? AND point_id = ?", (code, point_id)
            ).fetchall()
            conn.execute("DELETE FROM stickers WHERE session_code = ? AND point_id = ?", (code, point_id))
            for participant, count in moved:
                conn.execute(
                    "INSERT INTO stickers (session_code, participant, point_id, count) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (session_code, participant, point_id) DO UPDATE SET count = stickers.count + excluded.count",
                    (code, participant, into_id, count),
                )

    def change_stickers(self, code: str, participant: str, point_id: str, delta: int, budget: int, per_point: int) -> int:
        """Put one sticker on (delta +1) or take one back (-1); returns the participant's count on that point.

        Checked and written in one transaction, so two quick taps can never spend more than the budget.
        """
        with self.transaction() as conn:
            status = conn.execute(
                "SELECT status FROM points WHERE session_code = ? AND point_id = ?", (code, point_id)
            ).fetchone()
            if status is None or status[0] != "open":
                raise StickerRefused("unknown_point")
            spent = conn.execute(
                "SELECT COALESCE(SUM(count), 0) FROM stickers WHERE session_code = ? AND participant = ?", (code, participant)
            ).fetchone()[0]
            row = conn.execute(
                "SELECT count FROM stickers WHERE session_code = ? AND participant = ? AND point_id = ?",
                (code, participant, point_id),
            ).fetchone()
            current = row[0] if row else 0
            new = current + delta
            if delta > 0 and spent >= budget:
                raise StickerRefused("budget")
            if delta > 0 and new > per_point:
                raise StickerRefused("per_point")
            if new < 0:
                raise StickerRefused("none")
            conn.execute(
                "INSERT INTO stickers (session_code, participant, point_id, count) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (session_code, participant, point_id) DO UPDATE SET count = excluded.count",
                (code, participant, point_id, new),
            )
            return new

    def sticker_counts(self, code: str, participant: str | None = None) -> dict[str, int]:
        """Stickers per point: of everyone, or of one participant."""
        sql = "SELECT point_id, SUM(count) FROM stickers WHERE session_code = ?"
        params: tuple = (code,)
        if participant is not None:
            sql += " AND participant = ?"
            params += (participant,)
        return {point_id: total for point_id, total in self._query(sql + " GROUP BY point_id", params) if total}

    # -- the action plan ----------------------------------------------------------------------------------------
    def save_action(self, code: str, action: ActionRecord) -> None:
        with self.transaction() as conn:
            position = conn.execute("SELECT COUNT(*) FROM actions WHERE session_code = ?", (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO actions (session_code, action_id, point_id, text, level, owner, planning, status, position)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (session_code, action_id) DO UPDATE SET text = excluded.text, level = excluded.level,"
                " owner = excluded.owner, planning = excluded.planning, status = excluded.status,"
                " revision = actions.revision + 1",
                (code, action.action_id, action.point_id, action.text, action.level, action.owner, action.planning,
                 action.status, position),
            )

    def actions(self, code: str) -> list[ActionRecord]:
        rows = self._query(
            "SELECT action_id, point_id, text, level, owner, planning, status FROM actions WHERE session_code = ?"
            " ORDER BY position",
            (code,),
        )
        return [ActionRecord(*row) for row in rows]

    def activity_fingerprint(self, code: str) -> tuple:
        """Changes anywhere in the werkvormen, cheaply: what the facilitator's screen polls for."""
        return tuple(
            self._query(sql, (code,))[0]
            for sql in (
                "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM worksheet_answers WHERE session_code = ?",
                "SELECT COUNT(*), COUNT(case_key) FROM groups WHERE session_code = ?",
                "SELECT COUNT(*), COALESCE(SUM(LENGTH(text)), 0) FROM route_items WHERE session_code = ?",
                "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM points WHERE session_code = ?",
                "SELECT COALESCE(SUM(count), 0), COUNT(*) FROM stickers WHERE session_code = ?",
                "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM actions WHERE session_code = ?",
            )
        )

    def previous_session_code(self, code: str) -> str | None:
        """The same team's session before this one: its actions open the next session's Welkom."""
        rows = self._query(
            "SELECT s.code FROM sessions s, sessions me WHERE me.code = ? AND s.team = me.team AND s.code <> me.code"
            " AND (s.session_date < me.session_date OR (s.session_date = me.session_date AND s.created_at < me.created_at))"
            " ORDER BY s.session_date DESC, s.created_at DESC LIMIT 1",
            (code,),
        )
        return rows[0][0] if rows else None

    # -- private answers (a personal intention) -----------------------------------------------------------------
    def set_shared(self, code: str, participant: str, question_key: str, shared: bool) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE answers SET shared = ?, revision = revision + 1"
                " WHERE session_code = ? AND participant = ? AND question_key = ?",
                (int(shared), code, participant, question_key),
            )

    def shared_participants(self, code: str, question_key: str) -> set[str]:
        rows = self._query(
            "SELECT participant FROM answers WHERE session_code = ? AND question_key = ? AND shared = 1",
            (code, question_key),
        )
        return {row[0] for row in rows}
