"""From a database URL to an open DB-API connection with the settings a live session needs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///data/teamleergesprek.sqlite"
DB_URL_ENV = "TEAMLEERGESPREK_DB"

# 60 participant kernels may commit in the same second; a writer waits this long for the lock before failing.
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A problem with the database that the user can act on; the message is Dutch and says what to do."""


def resolve_db_url(url: str | None = None) -> str:
    return url or os.environ.get(DB_URL_ENV) or DEFAULT_DB_URL


def sqlite_path(url: str) -> str:
    """`sqlite:///relative.db`, `sqlite:////abs/path.db`, or `sqlite://` / `sqlite:///:memory:` for memory."""
    rest = url[len("sqlite://"):]
    if rest in ("", "/:memory:"):
        return ":memory:"
    if not rest.startswith("/"):
        raise StoreError(f"Database-adres '{url}' is niet geldig. Gebruik bijvoorbeeld sqlite:///data/teamleergesprek.sqlite")
    return rest[1:]


def connect(url: str):
    if url.startswith("sqlite:"):
        return _connect_sqlite(sqlite_path(url))
    if url.startswith(("postgresql:", "postgres:")):
        raise StoreError(
            "PostgreSQL wordt in deze versie nog niet ondersteund. Gebruik voorlopig SQLite, bijvoorbeeld "
            "--db sqlite:///data/teamleergesprek.sqlite"
        )
    raise StoreError(f"Onbekend soort database-adres '{url}'. Begin het adres met sqlite:///")


def _connect_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        parent = Path(path).parent
        parent.mkdir(parents=True, exist_ok=True)
    # Autocommit mode: every write runs in an explicit transaction (see Store.transaction), so a participant is only
    # told "opgeslagen" after COMMIT returned.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before we confirm it, so a confirmed vote survives a crash or power cut.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"Het bestand '{path}' is geen bruikbare database van de kit ({exc}). Het bestand is niet gewijzigd. "
            "Kies een ander bestand met --db."
        ) from exc
    return conn
