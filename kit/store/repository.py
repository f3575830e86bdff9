"""`Store`: one database, opened by URL, and its parts. Callers get plain records, never a cursor.

    with Store(url) as store:
        record = store.sessions.create_session(...)   # sessions, live state, answers, deleting (kit/store/sessions.py)
        store.worksheets.groups(record.code)           # Werkvorm 3: groups, worksheets, route map (worksheets.py)
        store.board.points(record.code)                # Werkvorm 5: points, stickers, actions (board.py)
        store.history.sessions_of_team("Team")         # reads across sessions for the trends (history.py)

The parts share one `Database` (connection.py): one connection, one lock, the same transactions. `Store` itself
only opens, migrates, backs up and closes.
"""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path

from kit.i18n import t
from kit.store.board import BoardStore
from kit.store.connection import StoreError, connect, now, redact_url, resolve_db_url
from kit.store.history import HistoryStore
from kit.store.migrations import LATEST_VERSION, MIGRATIONS
from kit.store.sessions import SessionStore
from kit.store.worksheets import WorksheetStore


class Store:
    def __init__(self, url: str | None = None):
        self.url = resolve_db_url(url)
        self._db = connect(self.url)
        try:
            self._migrate()
        except StoreError:
            self._db.close()
            raise
        self.sessions = SessionStore(self._db, self.url)
        self.worksheets = WorksheetStore(self._db)
        self.board = BoardStore(self._db)
        self.history = HistoryStore(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._db.backend

    @contextmanager
    def transaction(self):
        """Several writes, of any parts, as one: all or nothing, and one commit (one wait for the disk) instead of
        one per write. Every part's write inside the block joins it. Yields the connection (`execute` with `?`)."""
        with self._db.transaction() as conn:
            yield conn

    # -- schema -------------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        try:
            # Nearly every open finds the schema current; finding that out is a read, so 60 phones joining at once
            # do not queue for the write lock (and a busy session does not hold up a backup or an export).
            if self._db.has_table("schema_migrations"):
                current = self._db.query("SELECT MAX(version) FROM schema_migrations")[0][0]
                self._refuse_newer(current)
                if current == LATEST_VERSION:
                    return
            with self._db.transaction() as conn:
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
                        (version, description, now()),
                    )
        except self._db.errors as exc:
            self._db.close()
            reason = " ".join(str(exc).split())
            raise StoreError(t("store.unreadable_db", url=redact_url(self.url), reason=reason)) from exc

    @staticmethod
    def _refuse_newer(version: int | None) -> None:
        if version is not None and version > LATEST_VERSION:
            raise StoreError(t("store.newer_schema", version=version, latest=LATEST_VERSION))

    def schema_version(self) -> int:
        return self._db.query("SELECT MAX(version) FROM schema_migrations")[0][0]

    def backup(self, target) -> Path:
        """A consistent copy of the SQLite database in a new file, also while a session is running.

        Never overwrites: an existing file is refused. PostgreSQL has its own tool for this (pg_dump).
        """
        if self.backend != "sqlite":
            raise StoreError(t("store.backup_postgres"))
        if self._db.path == ":memory:":
            raise StoreError(t("store.backup_memory"))
        target = Path(target)
        if target.exists():
            raise StoreError(t("store.backup_exists", path=target))
        if not target.parent.is_dir():
            raise StoreError(t("store.backup_no_folder", path=target.parent))
        partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.deel")
        try:
            self._db.backup_to(partial)
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


def open_store(url: str | None = None) -> Store:
    return Store(url)
