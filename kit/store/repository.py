"""The one place that reads and writes the database. Callers get plain records, never a cursor."""

from __future__ import annotations

import json
import os
import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from kit.i18n import t
from kit.store.activities import ActivityStore, _minute
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
            raise StoreError(t("store.unreadable_db", url=redact_url(self.url), reason=reason)) from exc

    @staticmethod
    def _refuse_newer(version: int | None) -> None:
        if version is not None and version > LATEST_VERSION:
            raise StoreError(t("store.newer_schema", version=version, latest=LATEST_VERSION))

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
                raise StoreError(t("store.no_free_code"))
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

    def close_session(self, code: str) -> None:
        """Closed, and the live state counts up, so every page that follows it sees the change at its next poll."""
        with self.transaction() as conn:
            conn.execute("UPDATE sessions SET status = 'closed' WHERE code = ?", (code,))
            conn.execute("UPDATE live_state SET version = version + 1 WHERE session_code = ?", (code,))

    # -- live state ---------------------------------------------------------------------------------------------
    def get_live_state(self, code: str) -> LiveStateRecord | None:
        rows = self._query(
            "SELECT l.session_code, l.block_key, l.question_key, l.results_shown, l.timer_started_at,"
            " l.timer_elapsed, l.version, l.reference_key, s.status"
            " FROM live_state l JOIN sessions s ON s.code = l.session_code WHERE l.session_code = ?",
            (code,),
        )
        if not rows:
            return None
        c, block, question, shown, started, elapsed, version, reference, status = rows[0]
        return LiveStateRecord(c, block, question, bool(shown), started, elapsed, version, reference, status == "open")

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
        """Insert or replace this participant's answer. A changed text must be let through again by the facilitator.

        Times are kept to the minute (AVG): enough to order sessions, too coarse to tell who typed what when. The
        order of arrival is kept as a number (seq) and every change counts up the row's revision, which is what
        the facilitator's screen watches.
        """
        now = _minute()
        with self.transaction() as conn:
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
        sql += " ORDER BY seq, participant, question_key"
        return [_answer(r) for r in self._query(sql, params)]

    def answer_stats(self, code: str, question_key: str) -> tuple[int, str | None]:
        """Count and a change fingerprint (None without answers): cheap, what the facilitator's screen polls for.

        The fingerprint is the sum of the rows' revisions, which every update counts up: it changes within the
        same minute, where the stored times (to the minute) would not.
        """
        count, revisions, shown = self._query(
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
        with self.transaction() as conn:
            conn.execute(sql, params)


    # -- deleting (AVG) and backups ------------------------------------------------------------------------------
    def delete_session(self, code: str) -> DeleteResult:
        """Remove a session completely: its answers, live state, werkvormen and the session itself. Its join code is
        then unknown. Raises StoreError if there is no such session."""
        code = code.strip().upper()
        if self.get_session(code) is None:
            raise StoreError(t("store.no_session", code=code, db=redact_url(self.url)))
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
        with self.transaction() as conn:
            tables = [t for t in conn.tables_with_column("session_code") if t != "sessions"]
            for code in codes:
                for table in tables:
                    conn.execute(f'DELETE FROM "{table}" WHERE session_code = ?', (code,))
                conn.execute("DELETE FROM sessions WHERE code = ?", (code,))
        with self._lock:
            warning = self._conn.reclaim([*tables, "sessions"])
        return DeleteResult(list(codes), warning)

    def backup(self, target) -> Path:
        """A consistent copy of the SQLite database in a new file, also while a session is running.

        Never overwrites: an existing file is refused. PostgreSQL has its own tool for this (pg_dump).
        """
        if self.backend != "sqlite":
            raise StoreError(t("store.backup_postgres"))
        if self._conn.path == ":memory:":
            raise StoreError(t("store.backup_memory"))
        target = Path(target)
        if target.exists():
            raise StoreError(t("store.backup_exists", path=target))
        if not target.parent.is_dir():
            raise StoreError(t("store.backup_no_folder", path=target.parent))
        partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.deel")
        try:
            with self._lock:
                self._conn.backup_to(partial)
            _place_without_overwriting(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target


def _place_without_overwriting(source: Path, target: Path) -> None:
    """Move the finished copy into place; if the name was taken meanwhile, refuse rather than overwrite."""
    try:
        os.link(source, target)  # fails if target exists, atomically
    except FileExistsError:
        raise StoreError(t("store.backup_exists", path=target))
    except OSError:  # a file system without hard links (a USB stick with FAT): check, then rename
        if target.exists():
            raise StoreError(t("store.backup_exists", path=target))
        os.rename(source, target)


def _session(row) -> SessionRecord:
    code, team, session_date, template_name, template_json, status, created_at = row
    return SessionRecord(code, team, session_date, template_name, json.loads(template_json), status, created_at)


def _answer(row) -> AnswerRecord:
    participant, question_key, value, shown, updated_at = row
    return AnswerRecord(participant, question_key, value, bool(shown), updated_at)


def open_store(url: str | None = None) -> Store:
    return Store(url)
