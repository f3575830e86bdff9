"""Sessions and what happens in them: the session itself, its live state (what the facilitator has open now),
the participants' answers (shown to the room or not, a personal intention shared or not), and deleting (AVG).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from kit.i18n import t
from kit.store.connection import Database, StoreError, minute, now, redact_url

# No 0/O, 1/I/L: the code is read from a projector and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


@dataclass(frozen=True)
class SessionRecord:
    code: str
    team: str
    session_date: str
    template_name: str
    template: dict
    status: str
    created_at: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class LiveStateRecord:
    session_code: str
    block_key: str
    question_key: str | None
    results_shown: bool
    timer_started_at: float | None
    timer_elapsed: float
    version: int
    reference_key: str | None = None  # the naslag section on the projector, if any
    # The block clock's elapsed seconds when the current prompt's thinking time began (None: none runs).
    thinking_from: float | None = None
    skipped_blocks: tuple[str, ...] = ()  # optional blocks the facilitator skips in this session
    # Read with the live state, so every page that follows it learns of the session's end at no extra query.
    session_open: bool = True


@dataclass(frozen=True)
class AnswerRecord:
    participant: str
    question_key: str
    value: str
    shown: bool
    updated_at: str  # to the minute, never finer


@dataclass(frozen=True)
class DeleteResult:
    deleted: list[str] = field(default_factory=list)  # session codes, in the order they were deleted
    warning: str | None = None  # Dutch; set when deleted data may still linger in a file (see Database.reclaim)


def new_participant_pseudonym() -> str:
    """Random, and meaningless outside its session: the only participant identity the kit keeps."""
    return secrets.token_hex(8)


class SessionStore:
    """`store.sessions`: one session's rows in sessions, live_state and answers."""

    def __init__(self, db: Database, url: str):
        self._db = db
        self._url = url  # named in a refusal, so a person sees which database was read

    def change_counter(self) -> int | None:
        """Changes when another connection committed (SQLite's data_version), e.g. the facilitator moved on; None
        where the database cannot tell cheaply. Phones use it to follow at once instead of at the next poll."""
        return self._db.change_counter()

    def change_listener(self):
        """On PostgreSQL: waits to be told (LISTEN/NOTIFY) that another connection committed; None elsewhere."""
        return self._db.change_listener()

    # -- sessions -----------------------------------------------------------------------------------------------
    def create_session(self, template: dict, team: str, session_date: str, first_block_key: str) -> SessionRecord:
        with self._db.transaction() as conn:
            for _ in range(20):
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if not conn.execute("SELECT 1 FROM sessions WHERE code = ?", (code,)).fetchall():
                    break
            else:  # pragma: no cover - 31**6 codes
                raise StoreError(t("store.no_free_code"))
            conn.execute(
                "INSERT INTO sessions (code, team, session_date, template_name, template_json, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, 'open', ?)",
                (code, team, session_date, template["name"], json.dumps(template, ensure_ascii=False), now()),
            )
            conn.execute(
                "INSERT INTO live_state (session_code, block_key, question_key, results_shown, timer_elapsed, version)"
                " VALUES (?, ?, NULL, 0, 0, 0)",
                (code, first_block_key),
            )
        return self.get_session(code)

    def get_session(self, code: str) -> SessionRecord | None:
        rows = self._db.query(
            "SELECT code, team, session_date, template_name, template_json, status, created_at"
            " FROM sessions WHERE code = ?",
            (code,),
        )
        return _session(rows[0]) if rows else None

    def list_sessions(self) -> list[SessionRecord]:
        rows = self._db.query(
            "SELECT code, team, session_date, template_name, template_json, status, created_at"
            " FROM sessions ORDER BY session_date, created_at"
        )
        return [_session(r) for r in rows]

    def remote_token(self, code: str) -> str | None:
        """The session's secret for the facilitator's phone remote (None: no such session). Made once, on first
        ask, from `secrets`; two pages asking at once get the same one (only an empty column is filled)."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE sessions SET remote_token = ? WHERE code = ? AND remote_token IS NULL",
                         (secrets.token_urlsafe(24), code))
            rows = conn.execute("SELECT remote_token FROM sessions WHERE code = ?", (code,)).fetchall()
        return rows[0][0] if rows else None

    def set_session_status(self, code: str, status: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("UPDATE sessions SET status = ? WHERE code = ?", (status, code))

    def close_session(self, code: str) -> None:
        """Closed, and the live state counts up, so every page that follows it sees the change at its next poll."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE sessions SET status = 'closed' WHERE code = ?", (code,))
            conn.execute("UPDATE live_state SET version = version + 1 WHERE session_code = ?", (code,))

    def previous_session_code(self, code: str) -> str | None:
        """The same team's session before this one: its actions open the next session's Welkom."""
        rows = self._db.query(
            "SELECT s.code FROM sessions s, sessions me WHERE me.code = ? AND s.team = me.team AND s.code <> me.code"
            " AND (s.session_date < me.session_date OR (s.session_date = me.session_date AND s.created_at < me.created_at))"
            " ORDER BY s.session_date DESC, s.created_at DESC LIMIT 1",
            (code,),
        )
        return rows[0][0] if rows else None

    # -- live state ---------------------------------------------------------------------------------------------
    def get_live_state(self, code: str) -> LiveStateRecord | None:
        rows = self._db.query(
            "SELECT l.session_code, l.block_key, l.question_key, l.results_shown, l.timer_started_at,"
            " l.timer_elapsed, l.version, l.reference_key, l.thinking_from, l.skipped_blocks, s.status"
            " FROM live_state l JOIN sessions s ON s.code = l.session_code WHERE l.session_code = ?",
            (code,),
        )
        if not rows:
            return None
        c, block, question, shown, started, elapsed, version, reference, thinking_from, skipped, status = rows[0]
        return LiveStateRecord(c, block, question, bool(shown), started, elapsed, version, reference,
                               thinking_from, tuple(k for k in (skipped or "").split(",") if k), status == "open")

    def update_live_state(self, code: str, **changes) -> LiveStateRecord:
        allowed = {"block_key", "question_key", "results_shown", "timer_started_at", "timer_elapsed", "reference_key",
                   "thinking_from", "skipped_blocks"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown live state fields: {sorted(unknown)}")
        if "results_shown" in changes:
            changes["results_shown"] = int(bool(changes["results_shown"]))
        if "skipped_blocks" in changes:
            changes["skipped_blocks"] = ",".join(changes["skipped_blocks"])
        assignments = ", ".join(f"{name} = ?" for name in changes)
        sql = f"UPDATE live_state SET {assignments}{', ' if changes else ''}version = version + 1 WHERE session_code = ?"
        with self._db.transaction() as conn:
            conn.execute(sql, (*changes.values(), code))
        return self.get_live_state(code)

    # -- answers ------------------------------------------------------------------------------------------------
    def save_answer(self, code: str, participant: str, question_key: str, value: str) -> None:
        """Insert or replace this participant's answer. A changed text must be let through again by the facilitator.

        Times are kept to the minute (AVG): enough to order sessions, too coarse to tell who typed what when. The
        order of arrival is kept as a number (seq) and every change counts up the row's revision, which is what
        the facilitator's screen watches.
        """
        now = minute()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO answers (session_code, participant, question_key, value, shown, created_at, updated_at,"
                " revision, seq)"
                " VALUES (?, ?, ?, ?, 0, ?, ?, 1,"
                " COALESCE((SELECT MAX(seq) FROM answers WHERE session_code = ?), 0) + 1)"
                " ON CONFLICT (session_code, participant, question_key) DO UPDATE SET"
                " value = excluded.value, updated_at = excluded.updated_at, revision = answers.revision + 1,"
                " shown = CASE WHEN answers.value = excluded.value THEN answers.shown ELSE 0 END",
                (code, participant, question_key, value, now, now, code),
            )

    def get_answer(self, code: str, participant: str, question_key: str) -> AnswerRecord | None:
        rows = self._db.query(
            "SELECT participant, question_key, value, shown, updated_at FROM answers"
            " WHERE session_code = ? AND participant = ? AND question_key = ?",
            (code, participant, question_key),
        )
        return _answer(rows[0]) if rows else None

    def answers(self, code: str, question_key: str | None = None) -> list[AnswerRecord]:
        sql = "SELECT participant, question_key, value, shown, updated_at FROM answers WHERE session_code = ?"
        params: tuple = (code,)
        if question_key is not None:
            sql += " AND question_key = ?"
            params += (question_key,)
        sql += " ORDER BY seq, participant, question_key"
        return [_answer(r) for r in self._db.query(sql, params)]

    def answer_stats(self, code: str, question_key: str) -> tuple[int, str | None]:
        """Count and a change fingerprint (None without answers): cheap, what the facilitator's screen polls for.

        The fingerprint is the sum of the rows' revisions, which every update counts up: it changes within the
        same minute, where the stored times (to the minute) would not.
        """
        count, revisions, shown = self._db.query(
            "SELECT COUNT(*), COALESCE(SUM(revision), 0), COALESCE(SUM(shown), 0) FROM answers"
            " WHERE session_code = ? AND question_key = ?",
            (code, question_key),
        )[0]
        return count, f"{revisions}|{shown}" if count else None

    def set_shown(self, code: str, question_key: str, participant: str | None, shown: bool) -> None:
        """Let one answer (or, with participant None, all answers) of a question through to the room, or take it back."""
        sql = "UPDATE answers SET shown = ?, revision = revision + 1 WHERE session_code = ? AND question_key = ?"
        params: tuple = (int(shown), code, question_key)
        if participant is not None:
            sql += " AND participant = ?"
            params += (participant,)
        with self._db.transaction() as conn:
            conn.execute(sql, params)

    # -- private answers (a personal intention) -----------------------------------------------------------------
    def set_shared(self, code: str, participant: str, question_key: str, shared: bool) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE answers SET shared = ?, revision = revision + 1"
                " WHERE session_code = ? AND participant = ? AND question_key = ?",
                (int(shared), code, participant, question_key),
            )

    def shared_participants(self, code: str, question_key: str) -> set[str]:
        rows = self._db.query(
            "SELECT participant FROM answers WHERE session_code = ? AND question_key = ? AND shared = 1",
            (code, question_key),
        )
        return {row[0] for row in rows}

    # -- deleting (AVG) -------------------------------------------------------------------------------------------
    def delete_session(self, code: str) -> DeleteResult:
        """Remove a session completely: its answers, live state, werkvormen and the session itself. Its join code is
        then unknown. Raises StoreError if there is no such session."""
        code = code.strip().upper()
        if self.get_session(code) is None:
            raise StoreError(t("store.no_session", code=code, db=redact_url(self._url)))
        return self.delete_sessions([code])

    def sessions_older_than(self, days: int, today: date | None = None) -> list[SessionRecord]:
        """Sessions whose date lies more than `days` days before today."""
        cutoff = ((today or date.today()) - timedelta(days=days)).isoformat()
        return [s for s in self.list_sessions() if s.session_date < cutoff]

    def purge_older_than(self, days: int, today: date | None = None) -> DeleteResult:
        return self.delete_sessions([s.code for s in self.sessions_older_than(days, today)])

    def delete_sessions(self, codes: list[str]) -> DeleteResult:
        """Delete in one transaction, then make the deleted rows unreadable in the files (SQLite: VACUUM).

        Every table with a session_code column is emptied for these codes, so a table a later migration adds is
        covered without changing this method.
        """
        if not codes:
            return DeleteResult()
        with self._db.transaction() as conn:
            tables = [t for t in conn.tables_with_column("session_code") if t != "sessions"]
            for code in codes:
                for table in tables:
                    conn.execute(f'DELETE FROM "{table}" WHERE session_code = ?', (code,))
                conn.execute("DELETE FROM sessions WHERE code = ?", (code,))
        warning = self._db.reclaim([*tables, "sessions"])
        return DeleteResult(list(codes), warning)


def _session(row) -> SessionRecord:
    code, team, session_date, template_name, template_json, status, created_at = row
    return SessionRecord(code, team, session_date, template_name, json.loads(template_json), status, created_at)


def _answer(row) -> AnswerRecord:
    participant, question_key, value, shown, updated_at = row
    return AnswerRecord(participant, question_key, value, bool(shown), updated_at)
