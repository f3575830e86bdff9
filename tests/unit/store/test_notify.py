"""PostgreSQL: a commit on one connection wakes a page waiting on another (LISTEN/NOTIFY), at once."""

import threading
import time

from kit.store import Store


def poke(store: Store, table: str = "poke") -> None:
    with store.transaction() as conn:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} (x INTEGER)")
        conn.execute(f"INSERT INTO {table} VALUES (1)")


def test_a_commit_on_another_connection_wakes_the_waiting_listener_at_once(pg_url):
    with Store(pg_url) as mine, Store(pg_url) as other:
        listener = mine.sessions.change_listener()
        try:
            assert listener.wait(0.1) is False  # nothing committed: it waits the whole time and says so
            waiting, woke = threading.Event(), {}

            def watch():
                waiting.set()
                woke["result"] = listener.wait(30)
                woke["at"] = time.perf_counter()

            watcher = threading.Thread(target=watch)
            watcher.start()
            waiting.wait(5)
            committed = time.perf_counter()
            poke(other)
            watcher.join(35)
            assert woke["result"] is True
            assert woke["at"] - committed < 2  # told, not found by a later look (the wait allowed 30 s)
        finally:
            listener.close()


def test_its_own_commit_and_a_rolled_back_one_do_not_wake_it(pg_url):
    with Store(pg_url) as mine, Store(pg_url) as other:
        listener = mine.sessions.change_listener()
        try:
            poke(mine)  # the page's own write: already on its screen
            try:
                with other.transaction() as conn:
                    conn.execute("CREATE TABLE nothing (x INTEGER)")
                    raise RuntimeError("undone")
            except RuntimeError:
                pass
            assert listener.wait(0.3) is False
        finally:
            listener.close()


def test_sqlite_has_no_listener_it_uses_its_change_counter(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'x.sqlite'}") as store:
        assert store.sessions.change_listener() is None and store.sessions.change_counter() is not None


def test_the_listener_opens_no_connection_of_its_own(pg_url, monkeypatch):
    """60 phones must not take 120 of PostgreSQL's max_connections (100 by default)."""
    import psycopg
    import pytest

    with Store(pg_url) as mine:
        monkeypatch.setattr(psycopg, "connect", lambda *a, **k: pytest.fail("the listener opened a connection"))
        mine.sessions.change_listener().close()


def test_after_the_server_dropped_the_pages_connection_it_listens_again(pg_url):
    with Store(pg_url) as mine, Store(pg_url) as other:
        listener = mine.sessions.change_listener()
        try:
            pid = mine.sessions._db.connection.info.backend_pid
            with other.transaction() as conn:
                conn.execute("SELECT pg_terminate_backend(?)", (pid,))
            mine.sessions.list_sessions()  # the page's next query opens a new connection
            listener.wait(0.2)  # what the old connection may have left
            poke(other)
            start = time.perf_counter()
            assert listener.wait(30) is True and time.perf_counter() - start < 2
        finally:
            listener.close()
