"""Werkvorm 5: the board. Post-its (points) the facilitator edits, hides or merges, the stickers participants put
on them, and the action plan.

Rules that must hold under concurrent writes (the sticker budget) are checked inside the writing transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.store.connection import Database


class StickerRefused(Exception):
    """reason: 'budget' (no stickers left), 'per_point' (this point has the maximum), 'none' (nothing to take back),
    'unknown_point' (hidden, merged or never existed)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PointRecord:
    point_id: str
    author: str
    prompt_index: int | None
    text: str
    status: str  # open, hidden, merged
    merged_into: str | None
    route_item: str | None = None  # the Werkvorm 3 route map item this starting post-it came from

    @property
    def from_route_map(self) -> bool:
        return self.route_item is not None


@dataclass(frozen=True)
class ActionRecord:
    action_id: str
    point_id: str | None
    text: str
    level: str
    owner: str
    planning: str
    status: str


class BoardStore:
    """`store.board`: points, stickers and actions."""

    def __init__(self, db: Database):
        self._db = db

    # -- Werkvorm 5: points and stickers ------------------------------------------------------------------------
    def add_point(self, code: str, point_id: str, author: str, prompt_index: int | None, text: str,
                  route_item: str | None = None) -> None:
        with self._db.transaction() as conn:
            # After the last one, also when a withdrawn route map post-it left a gap.
            position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM points WHERE session_code = ?",
                                    (code,)).fetchone()[0]
            conn.execute(
                "INSERT INTO points (session_code, point_id, author, prompt_index, text, status, merged_into, position,"
                " route_item) VALUES (?, ?, ?, ?, ?, 'open', NULL, ?, ?)",
                (code, point_id, author, prompt_index, text, position, route_item),
            )

    def withdraw_route_point(self, code: str, route_item: str) -> None:
        """The route map item behind a starting post-it was taken off the map: the post-it goes too while nobody
        has used it yet (no sticker, nothing merged into it, no action); otherwise it is hidden, so no vote or
        action loses its point and the facilitator can still show it again."""
        with self._db.transaction() as conn:
            row = conn.execute("SELECT point_id FROM points WHERE session_code = ? AND route_item = ?",
                               (code, route_item)).fetchone()
            if row is None:
                return
            point_id = row[0]
            used = conn.execute(
                "SELECT (SELECT COUNT(*) FROM stickers WHERE session_code = ? AND point_id = ?)"
                " + (SELECT COUNT(*) FROM points WHERE session_code = ? AND merged_into = ?)"
                " + (SELECT COUNT(*) FROM actions WHERE session_code = ? AND point_id = ?)",
                (code, point_id) * 3,
            ).fetchone()[0]
            if used:
                conn.execute("UPDATE points SET status = 'hidden', merged_into = NULL, revision = revision + 1"
                             " WHERE session_code = ? AND point_id = ?", (code, point_id))
            else:
                conn.execute("DELETE FROM points WHERE session_code = ? AND point_id = ?", (code, point_id))

    def points(self, code: str) -> list[PointRecord]:
        rows = self._db.query(
            "SELECT point_id, author, prompt_index, text, status, merged_into, route_item FROM points"
            " WHERE session_code = ? ORDER BY position",
            (code,),
        )
        return [PointRecord(*row) for row in rows]

    def edit_point(self, code: str, point_id: str, text: str) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE points SET text = ?, revision = revision + 1 WHERE session_code = ? AND point_id = ?",
                (text, code, point_id),
            )

    def set_point_status(self, code: str, point_id: str, status: str) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE points SET status = ?, merged_into = NULL, revision = revision + 1"
                " WHERE session_code = ? AND point_id = ?",
                (status, code, point_id),
            )

    def merge_point(self, code: str, point_id: str, into_id: str) -> None:
        """A duplicate goes into another point; any stickers on it move along, so no vote is lost."""
        with self._db.transaction() as conn:
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
        with self._db.transaction() as conn:
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
        return {point_id: total for point_id, total in self._db.query(sql + " GROUP BY point_id", params) if total}

    # -- the action plan ----------------------------------------------------------------------------------------
    def save_action(self, code: str, action: ActionRecord) -> None:
        with self._db.transaction() as conn:
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
        rows = self._db.query(
            "SELECT action_id, point_id, text, level, owner, planning, status FROM actions WHERE session_code = ?"
            " ORDER BY position",
            (code,),
        )
        return [ActionRecord(*row) for row in rows]

    def fingerprint(self, code: str) -> tuple:
        """Changes anywhere on the board and in the action plan, cheaply: what the facilitator's screen polls
        for."""
        return self._db.first_rows(
            (code,),
            "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM points WHERE session_code = ?",
            "SELECT COALESCE(SUM(count), 0), COUNT(*) FROM stickers WHERE session_code = ?",
            "SELECT COUNT(*), COALESCE(SUM(revision), 0) FROM actions WHERE session_code = ?",
        )
