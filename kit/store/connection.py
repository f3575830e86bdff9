"""From a database URL to an open connection with the settings a live session needs.

`connect(url)` returns a `Database`: one DB-API connection plus the few things SQLite and PostgreSQL do
differently (how a writing transaction starts, the placeholder style, listing tables, vacuuming). Each part of the
store (sessions, worksheets, board, history) receives the same `Database` and talks to it through `query` (reads)
and `transaction` (writes). The SQL of the store itself is written once, with `?` placeholders, and runs
unchanged on both.

psycopg is imported only when the URL is a PostgreSQL one: participant kernels on SQLite never pay its memory.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from kit import settings
from kit.i18n import t

DEFAULT_DB_URL = "sqlite:///data/teamleergesprek.sqlite"
DB_URL_ENV = settings.DB_URL_ENV

# 60 participant kernels may commit in the same second; a writer waits this long for the lock before failing.
BUSY_TIMEOUT_MS = 10_000

# PostgreSQL: how long to try to reach the server before telling the user, unless the URL says otherwise.
PG_CONNECT_TIMEOUT_S = 5

# One key for the whole kit: every writing transaction on PostgreSQL takes this lock first, so writers run one
# after another exactly as under SQLite's BEGIN IMMEDIATE (rules like the sticker budget are checked inside the
# writing transaction and must not race). A live session writes a few times per second; one writer is plenty.
PG_WRITE_LOCK_KEY = 0x746C67  # "tlg"

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database that the user can act on; the message is Dutch and says what to do."""


def now() -> str:
    """A moment as the store keeps it: UTC ISO text."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def minute() -> str:
    """Times no finer than the minute (AVG): enough to order, too coarse to tell who typed what when."""
    return datetime.now(timezone.utc).replace(second=0, microsecond=0).isoformat()


def resolve_db_url(url: str | None = None) -> str:
    return url or settings.db_url() or DEFAULT_DB_URL


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql:", "postgres:"))


def sqlite_path(url: str) -> str:
    """`sqlite:///relative.db`, `sqlite:////abs/path.db`, or `sqlite://` / `sqlite:///:memory:` for memory."""
    rest = url[len("sqlite://"):]
    if rest in ("", "/:memory:"):
        return ":memory:"
    if not rest.startswith("/"):
        raise StoreError(t("store.bad_sqlite_url", url=url))
    return rest[1:]


def redact_url(url: str) -> str:
    """The URL as it may be shown on a screen or in a log: without its password."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "het opgegeven adres"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def connect(url: str) -> "Database":
    if url.startswith("sqlite:"):
        return SQLiteDatabase(sqlite_path(url))
    if is_postgres_url(url):
        return PostgresDatabase(url)
    raise StoreError(t("store.unknown_url", url=redact_url(url)))


class Database:
    """The connection every part of the store talks to: `query` to read, `transaction` to write.

    `execute` takes `?` placeholders and returns a cursor; call it only inside `transaction`. One `Database` per
    `Store`; its lock keeps a kernel's poller thread and its widget callbacks apart.
    """

    kind: str
    errors: tuple[type[BaseException], ...]

    def __init__(self):
        self._lock = threading.RLock()
        self._writing = False

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.kind

    @staticmethod
    def placeholders(count: int) -> str:
        """`?, ?, ?` for an IN (...) list of `count` values."""
        return ", ".join("?" * count)

    def query(self, sql: str, params=()) -> list[tuple]:
        with self._lock:
            return self.execute(sql, params).fetchall()

    def first_rows(self, params, *sqls: str) -> tuple:
        """The one row each aggregate query returns, as one tuple: a cheap fingerprint of what they count."""
        return tuple(self.query(sql, params)[0] for sql in sqls)

    @contextmanager
    def transaction(self):
        """A writing transaction: holds the database's write lock from the start, so what it reads stays true until
        it writes (SQLite BEGIN IMMEDIATE; PostgreSQL an advisory lock). Returns only after COMMIT, so a caller that
        confirms a write to a participant does so only when it is on disk.

        A transaction opened inside another one (same thread: the lock lets no other in) joins it: all or nothing,
        one commit. That is how `Store.transaction` makes several writes of several parts one.
        """
        with self._lock:
            if self._writing:
                yield self
                return
            self.begin()
            self._writing = True
            try:
                yield self
            except BaseException:
                self._writing = False
                self.rollback()
                raise
            self._writing = False
            self.commit()

    def execute(self, sql: str, params=()):
        raise NotImplementedError

    def begin(self) -> None:
        """Start a writing transaction that holds the database's write lock until COMMIT or ROLLBACK."""
        raise NotImplementedError

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def close(self) -> None:
        raise NotImplementedError

    def has_table(self, name: str) -> bool:
        raise NotImplementedError

    def change_counter(self) -> int | None:
        """A number that changes when another connection commits (None: the database has no cheap way to tell)."""
        return None

    def change_listener(self):
        """Something that waits for another connection's commit and is told of it (None: use change_counter)."""
        return None

    def tables_with_column(self, column: str) -> list[str]:
        raise NotImplementedError

    def reclaim(self, tables: list[str]) -> str | None:
        """After deleting: make the deleted rows unreadable in the database files. Returns a Dutch warning or None."""
        with self._lock:
            return self._reclaim(tables)

    def _reclaim(self, tables: list[str]) -> str | None:
        raise NotImplementedError


# -- SQLite -------------------------------------------------------------------------------------------------------
class SQLiteDatabase(Database):
    kind = "sqlite"
    errors = (sqlite3.Error,)

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        if path != ":memory:":
            check_sqlite_file(Path(path))
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: every write runs in an explicit transaction (see Database.transaction), so a participant is
        # only told "opgeslagen" after COMMIT returned.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on disk before we confirm it, so a confirmed vote survives a crash or power cut.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            # Deleted rows are overwritten with zeros, not left readable in free pages.
            conn.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(t("store.unusable_file", path=path, reason=exc)) from exc
        self.connection = conn

    def execute(self, sql: str, params=()):
        return self.connection.execute(sql, params)

    def begin(self) -> None:
        # IMMEDIATE: take the write lock now, so what a transaction reads is still true when it writes.
        self.connection.execute("BEGIN IMMEDIATE")

    def close(self) -> None:
        self.connection.close()

    def change_counter(self) -> int | None:
        # Changes whenever another connection commits; a read of a counter in shared memory, no table touched.
        with self._lock:
            return self.execute("PRAGMA data_version").fetchone()[0]

    def has_table(self, name: str) -> bool:
        return bool(self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchall())

    def tables_with_column(self, column: str) -> list[str]:
        tables = [row[0] for row in self.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [t for t in tables if any(row[1] == column for row in self.execute(f'PRAGMA table_info("{t}")'))]

    def _reclaim(self, tables: list[str]) -> str | None:
        # secure_delete already zeroed the freed cells; VACUUM rebuilds the file without the free pages, and the
        # checkpoint moves that into the database file and empties the WAL, which held the old pages too.
        self.execute("VACUUM")
        if self.path == ":memory:":
            return None
        busy, _, _ = self.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            return t("store.reclaim_busy")
        return None

    def backup_to(self, target: Path) -> None:
        """A consistent copy while others keep writing: SQLite's online backup, one step, then a plain file."""
        copy = sqlite3.connect(target)
        try:
            with self._lock:
                self.connection.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not (or no longer) a whole SQLite database before anything writes to it.

    Opening in WAL mode rewrites the header, so a foreign or truncated file must be caught first: reading its
    header is cheap, and the message says what to do.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(t("store.unreadable_file", path=path, reason=exc))
    if size == 0:
        return  # an empty file: SQLite makes a new database in it, nothing is lost
    if path.is_dir():
        raise StoreError(t("store.is_folder", path=path))
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise StoreError(t("store.not_sqlite", path=path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise StoreError(t("store.bad_header", path=path))
    change_counter, page_count, valid_for = (int.from_bytes(header[i:i + 4], "big") for i in (24, 28, 92))
    wal = Path(f"{path}-wal")
    journal = Path(f"{path}-journal")
    # With a WAL or journal beside it, SQLite itself finishes or undoes the last writes: leave it to SQLite then.
    pending = any(p.exists() and p.stat().st_size > 0 for p in (wal, journal))
    truncated = page_count and change_counter == valid_for and size < page_count * page_size
    if not pending and (truncated or size % page_size):
        raise StoreError(t("store.truncated", path=path, size=size, expected=page_count * page_size))


# -- PostgreSQL ---------------------------------------------------------------------------------------------------
@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """`?` placeholders to psycopg's `%s`, and a literal `%` to `%%`; text inside quotes is left alone."""
    out = []
    quote = None
    for char in sql:
        if quote:
            if char == quote:
                quote = None
            out.append("%%" if char == "%" else char)
        elif char in ("'", '"'):
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        elif char == "%":
            out.append("%%")
        else:
            out.append(char)
    return "".join(out)


class PostgresDatabase(Database):
    kind = "postgresql"

    def __init__(self, url: str):
        import psycopg  # here, not at the top: see the module docstring

        super().__init__()
        self._psycopg = psycopg
        self.errors = (psycopg.Error,)
        self.url = url
        self._in_transaction = False
        self._listening = False  # a page waits for other connections' commits on this connection (kit.store.notify)
        self.connection = self._open()

    def _open(self):
        psycopg = self._psycopg
        options = {"autocommit": True, "application_name": "teamleergesprek"}
        try:
            if "connect_timeout" not in psycopg.conninfo.conninfo_to_dict(self.url):
                options["connect_timeout"] = PG_CONNECT_TIMEOUT_S
            # Autocommit: as with SQLite, every write runs inside an explicit BEGIN … COMMIT (Database.transaction).
            connection = psycopg.connect(self.url, **options)
            if getattr(self, "_listening", False):
                from kit.store.notify import listen

                listen(connection)
            return connection
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StoreError(t("store.no_postgres", url=redact_url(self.url), reason=reason)) from None

    def _run(self, sql: str, params: tuple):
        # After a restart of the server the old connection is dead. Outside a transaction nothing is lost by opening
        # a new one and trying once more (reads; the BEGIN of a write), so a live session carries on by itself.
        # Never inside a transaction: that would silently lose its first writes.
        if self.connection.closed and not self._in_transaction:
            self.connection = self._open()
        try:
            return self.connection.execute(sql, params)
        except self._psycopg.OperationalError:
            if self._in_transaction or not self.connection.closed:
                raise
            self.connection = self._open()
            return self.connection.execute(sql, params)

    def execute(self, sql: str, params=()):
        return self._run(to_pyformat(sql), tuple(params))

    def begin(self) -> None:
        self._run("BEGIN", ())
        self._in_transaction = True
        try:
            self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (PG_WRITE_LOCK_KEY,))
        except BaseException:
            self.rollback()
            raise

    def commit(self) -> None:
        from kit.store.notify import NOTIFY_SQL

        try:
            # In the transaction: sent to the listening pages only if, and when, the COMMIT succeeds.
            self.connection.execute(NOTIFY_SQL)
            self.connection.execute("COMMIT")
        finally:
            self._in_transaction = False

    def rollback(self) -> None:
        try:
            if not self.connection.closed:
                self.connection.execute("ROLLBACK")
        finally:
            self._in_transaction = False

    def close(self) -> None:
        self.connection.close()

    def change_listener(self):
        from kit.store.notify import ChangeListener

        return ChangeListener(self)

    def listen(self) -> None:
        from kit.store.notify import listen

        with self._lock:
            listen(self.connection)
            self._listening = True

    def unlisten(self) -> None:
        with self._lock:
            self._listening = False
            if not self.connection.closed:
                try:
                    self.connection.execute("UNLISTEN *")
                except self._psycopg.Error:
                    pass

    def has_table(self, name: str) -> bool:
        rows = self.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?", (name,)
        )
        return bool(rows.fetchall())

    def tables_with_column(self, column: str) -> list[str]:
        rows = self.execute(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
            " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE c.table_schema = current_schema() AND c.column_name = ? AND t.table_type = 'BASE TABLE'"
            " ORDER BY c.table_name",
            (column,),
        )
        return [row[0] for row in rows]

    def _reclaim(self, tables: list[str]) -> str | None:
        # VACUUM FULL writes each table anew, without the deleted rows (plain VACUUM only marks their space free).
        # The tables are small; the lock it takes lasts milliseconds.
        for table in tables:
            self.execute(f'VACUUM FULL "{table}"')
        return None
