"""PostgreSQL tells a waiting page of another connection's commit: LISTEN/NOTIFY.

Every writing transaction ends with a NOTIFY on the database schema's channel, inside the transaction: PostgreSQL
delivers it only when the commit succeeds, and a transaction that notifies twice notifies once. A page (a phone's
or the facilitator's kernel) LISTENs on the connection it already has: a second connection per page would double
what 60 phones take of PostgreSQL's max_connections (100 by default). Its watcher thread waits until that
connection's socket has something to read, then collects the notifications under the connection's lock, so it
never reads in the middle of a query of the page itself; one that such a query received meanwhile waits in
psycopg's backlog and is collected at the next look. A notification from the page's own connection (PostgreSQL
names the sending backend's pid) is its own write, already on its screen.

The channel is per schema (tests give each test a schema of its own; two kits on one database do the same), and a
hash keeps it under PostgreSQL's 63-byte limit for names.
"""

from __future__ import annotations

import logging
import select
import time

log = logging.getLogger(__name__)

CHANNEL_SQL = "'teamleergesprek_' || left(md5(current_schema()), 16)"
NOTIFY_SQL = f"SELECT pg_notify({CHANNEL_SQL}, '')"


def listen(connection) -> None:
    """LISTEN on this connection (again after a reconnect: a new session listens to nothing)."""
    from psycopg import sql

    channel = connection.execute(f"SELECT {CHANNEL_SQL}").fetchone()[0]
    connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))


class ChangeListener:
    """`wait(timeout) -> bool`: True when another connection committed; the same shape as the SQLite waiter."""

    pushed = follows = True

    def __init__(self, database):
        self._database = database  # kit.store.connection.PostgresDatabase: its lock, its (re)opened connection
        database.listen()

    def _collect(self) -> bool:
        """The notifications already received (none waits for more); True if one came from another connection."""
        with self._database._lock:
            connection = self._database.connection
            if connection.closed:
                return False
            own = connection.info.backend_pid
            return any(notify.pid != own for notify in connection.notifies(timeout=0))

    def wait(self, timeout: float) -> bool:
        import psycopg

        try:
            if self._collect():  # received while the page itself was querying
                return True
            connection = self._database.connection
            if connection.closed:  # the page's next query opens a new connection, and listens again
                time.sleep(timeout)
                return False
            deadline = time.monotonic() + timeout
            while (remaining := deadline - time.monotonic()) > 0:
                readable, _, _ = select.select([connection.fileno()], [], [], remaining)
                if not readable:
                    return False
                if self._collect():
                    return True
                time.sleep(0.005)  # the page's own query result was what arrived: let it read that first
            return False
        except (psycopg.Error, OSError, ValueError):  # a connection that broke: the poll carries on meanwhile
            time.sleep(min(timeout, 1.0))
            return False

    def close(self) -> None:
        self._database.unlisten()
