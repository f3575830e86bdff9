"""PostgreSQL tells a waiting page of another connection's commit: LISTEN/NOTIFY.

Every writing transaction ends with a NOTIFY on the database schema's channel, inside the transaction: PostgreSQL
delivers it only when the commit succeeds, and a transaction that notifies twice notifies once. A page (a phone's
or the facilitator's kernel) listens on a second connection of its own and refreshes at once. A notification from
the page's own connection (PostgreSQL names the sending backend's pid) is its own write, already on its screen.

The channel is per schema (tests give each test a schema of its own; two kits on one database do the same), and a
hash keeps it under PostgreSQL's 63-byte limit for names.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)

CHANNEL_SQL = "'teamleergesprek_' || left(md5(current_schema()), 16)"
NOTIFY_SQL = f"SELECT pg_notify({CHANNEL_SQL}, '')"


class ChangeListener:
    """`wait(timeout) -> bool`: True when another connection committed; the same shape as the SQLite waiter."""

    pushed = follows = True

    def __init__(self, open_connection, own_pid):
        self._open_connection = open_connection  # a fresh autocommit connection to the same database and schema
        self._own_pid = own_pid  # the backend pid of the page's own connection (it may change after a reconnect)
        self._connection = None
        self._listen()

    def _listen(self) -> bool:
        import psycopg
        from psycopg import sql

        try:
            connection = self._open_connection()
            channel = connection.execute(f"SELECT {CHANNEL_SQL}").fetchone()[0]
            connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
        except Exception as exc:  # the server is away: the page's poll carries on until it is back
            log.info("not listening for changes (%s); the poll follows the database", exc)
            return False
        self._connection = connection
        return True

    def wait(self, timeout: float) -> bool:
        import psycopg

        if self._connection is None or self._connection.closed:
            self._connection = None
            if not self._listen():
                time.sleep(timeout)
                return False
            return True  # listening again: something may have changed while it was not
        deadline = time.monotonic() + timeout
        try:
            while (remaining := deadline - time.monotonic()) > 0:
                received = list(self._connection.notifies(timeout=remaining, stop_after=1))
                if not received:
                    return False
                own = self._own_pid()
                if any(notify.pid != own for notify in received):
                    list(self._connection.notifies(timeout=0))  # a burst of commits: one refresh
                    return True
            return False
        except psycopg.Error:
            self.close()  # the next wait listens anew
            return True

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
