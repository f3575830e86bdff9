"""The one place that reads and writes the database. Callers get plain records, never a cursor."""

from __future__ import annotations

import json
import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from kit.store.activities import ActivityStore
from kit.store.connection import StoreError, connect, redact_url, resolve_db_url
from kit.store.history import HistoryStore
from kit.store.migrations import LATEST_VERSION, MIGRATIONS

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


@dataclass(frozen=True)
class AnswerRecord:
    participant: str
    question_key: str
    value: str
    shown: bool
    updated_at: str


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def new_participant_pseudonym() -> str:
    """Random, and meaningless outside its session: the only participant identity the kit keeps."""
    return secrets.token_hex(8)


class Store(ActivityStore, HistoryStore):
    def __init__(self, url: str | None = None):
        self.url = resolve_db_url(url)
        self._conn = connect(self.url)
        # One connection per Store; the lock keeps a kernel's poller thread and its widget callbacks apart.
        self._lock = threading.RLock()
        try:
            self._migrate()
        except StoreError:
            self._conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._conn.kind

    @contextmanager
    def transaction(self):
        """A writing transaction: holds the database's write lock from the start, so what it reads stays true until
        it writes (SQLite BEGIN IMMEDIATE; PostgreSQL an advisory lock). Returns only after COMMIT, so a caller that
        confirms a write to a participant does so only when it is on disk."""
        with self._lock:
            self._conn.begin()
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                raise
            else:
                self._conn.commit()

    def _query(self, sql: str, params=()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- schema -------------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            # Nearly every open finds the schema current; finding that out is a read, so 60 phones joining at once
            # do not queue for the write lock (and a busy session does not hold up a backup or an export).
            if self._conn.has_table("schema_migrations"):
                current = self._query("SELECT MAX(version) FROM schema_migrations")[0][0]
                self._refuse_newer(current)
                if current == LATEST_VERSION:
                    return
            with self.transaction() as conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
                applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
                self._refuse_newer(max(applied, default=None))
                for version, description, statements in MIGRATIONS:
                    if version in applied:
                        continue
                    for statement in statements:
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                        (version, description, _now()),
                    )
        except self._conn.errors as exc:
            self._conn.close()
            reason = " ".join(str(exc).split())
            raise StoreError(
                f"De database '{redact_url(self.url)}' kan niet worden gelezen als database van de kit ({reason}). "
                "Het bestand is niet gewijzigd. Kies een ander bestand met --db."
            ) from exc

    @staticmethod
    def _refuse_newer(version: int | None) -> None:
        if version is not None and version > LATEST_VERSION:
            raise StoreError(
                f"De database is gemaakt door een nieuwere versie van de kit (schema {version}, "
                f"deze versie kent {LATEST_VERSION}). Werk de kit bij; de database is niet gewijzigd."
            )

    def schema_version(self) -> int:
        return self._query("SELECT MAX(version) FROM schema_migrations")[0][0]

    # -- sessions -----------------------------------------------------------------------------------------------
    def create_session(self, template: dict, team: str, session_date: str, first_block_key: str) -> SessionRecord:
        with self.transaction() as conn:
            for _ in range(20):
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if not conn.execute("SELECT 1 FROM sessions WHERE code = ?", (code,)).fetchall():
                    break
            else:  # pragma: no cover - 31**6 codes
                raise StoreError("Er kon geen vrije sessiecode worden gemaakt. Probeer het opnieuw.")
            conn.execute(
                "INSERT INTO sessions (code, team, session_date, template_name, template_json, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, 'open', ?)",
                (code, team, session_date, template["name"], json.dumps(template, ensure_ascii=False), _now()),
            )
            conn.execute(
                "INSERT INTO live_state (session_code, block_key, question_key, results_shown, timer_elapsed, version)"
                " VALUES (?, ?, NULL, 0, 0, 0)",
                (code, first_block_key),
            )
        return self.get_session(code)

    def get_session(self, code: str) -> SessionRecord | None:
        rows = self._query(
            "SELECT code, team, session_date, template_name, template_json, status, created_at"
            " FROM sessions WHERE code = ?",
            (code,),
        )
        return _session(rows[0]) if rows else None

    def list_sessions(self) -> list[SessionRecord]:
        rows = self._query(
            "SELECT code, team, session_date, template_name, template_json, status, created_at"
            " FROM sessions ORDER BY session_date, created_at"
        )
        return [_session(r) for r in rows]

    def set_session_status(self, code: str, status: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE sessions SET status = ? WHERE code = ?", (status, code))

    # -- live state ---------------------------------------------------------------------------------------------
    def get_live_state(self, code: str) -> LiveStateRecord | None:
        rows = self._query(
            "SELECT session_code, block_key, question_key, results_shown, timer_started_at, timer_elapsed, version,"
            " reference_key FROM live_state WHERE session_code = ?",
            (code,),
        )
        if not rows:
            return None
        c, block, question, shown, started, elapsed, version, reference = rows[0]
        return LiveStateRecord(c, block, question, bool(shown), started, elapsed, version, reference)

    def update_live_state(self, code: str, **changes) -> LiveStateRecord:
        allowed = {"block_key", "question_key", "results_shown", "timer_started_at", "timer_elapsed", "reference_key"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown live state fields: {sorted(unknown)}")
        if "results_shown" in changes:
            changes["results_shown"] = int(bool(changes["results_shown"]))
        assignments = ", ".join(f"{name} = ?" for name in changes)
        sql = f"UPDATE live_state SET {assignments}{', ' if changes else ''}version = version + 1 WHERE session_code = ?"
        with self.transaction() as conn:
            conn.execute(sql, (*changes.values(), code))
        return self.get_live_state(code)

    # -- answers ------------------------------------------------------------------------------------------------
    def save_answer(self, code: str, participant: str, question_key: str, value: str) -> None:
        """Insert or replace this participant's answer. A changed text must be let through again by the facilitator."""
        now = _now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO answers (session_code, participant, question_key, value, shown, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 0, ?, ?)"
                " ON CONFLICT (session_code, participant, question_key) DO UPDATE SET"
                " value = excluded.value, updated_at = excluded.updated_at,"
                " shown = CASE WHEN answers.value = excluded.value THEN answers.shown ELSE 0 END",
                (code, participant, question_key, value, now, now),
            )

    def get_answer(self, code: str, participant: str, question_key: str) -> AnswerRecord | None:
        rows = self._query(
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
        sql += " ORDER BY created_at, participant"
        return [_answer(r) for r in self._query(sql, params)]

    def answer_stats(self, code: str, question_key: str) -> tuple[int, str | None]:
        """Count and last change: a cheap fingerprint the facilitator's screen polls for."""
        count, last, shown = self._query(
            "SELECT COUNT(*), MAX(updated_at), SUM(shown) FROM answers WHERE session_code = ? AND question_key = ?",
            (code, question_key),
        )[0]
        return count, f"{last}|{shown or 0}" if last else None

    def set_shown(self, code: str, question_key: str, participant: str | None, shown: bool) -> None:
        """Let one answer (or, with participant None, all answers) of a question through to the room, or take it back."""
        sql = "UPDATE answers SET shown = ? WHERE session_code = ? AND question_key = ?"
        params: tuple = (int(shown), code, question_key)
        if participant is not None:
            sql += " AND participant = ?"
            params += (participant,)
        with self.transaction() as conn:
            conn.execute(sql, params)


def _session(row) -> SessionRecord:
    code, team, session_date, template_name, template_json, status, created_at = row
    return SessionRecord(code, team, session_date, template_name, json.loads(template_json), status, created_at)


def _answer(row) -> AnswerRecord:
    participant, question_key, value, shown, updated_at = row
    return AnswerRecord(participant, question_key, value, bool(shown), updated_at)


def open_store(url: str | None = None) -> Store:
    return Store(url)
