"""A phone learns of another connection's commit at once (SQLite: inotify on the WAL, then data_version)."""

import threading
import time

from factories import run_on_a_loop_of_its_own
from kit.apps.change_watch import ChangeWaiter
from kit.apps.polling import Poller
from kit.store import Store


def test_a_commit_elsewhere_wakes_the_waiter_and_nothing_else_does(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    with Store(url) as mine, Store(url) as other:
        waiter = ChangeWaiter(mine, check_interval=0.05)
        assert waiter.wait(0.2) is False  # idle: nothing changed

        def commit():
            time.sleep(0.1)
            with other.transaction() as conn:
                conn.execute("CREATE TABLE poke (x INTEGER)")

        threading.Thread(target=commit).start()
        start = time.perf_counter()
        woke = False
        while not woke and time.perf_counter() - start < 5:
            woke = waiter.wait(5)
        assert woke and time.perf_counter() - start < 2
        waiter.close()


def test_without_a_way_to_tell_the_waiter_only_waits():
    class NoCounter:
        url = "postgresql://x"

        class sessions:
            @staticmethod
            def change_counter():
                return None

    waiter = ChangeWaiter(NoCounter(), check_interval=0.01)
    assert not waiter.pushed and waiter.wait(0.01) is False


def test_the_poller_refreshes_on_the_loop_when_told_of_a_change():
    import asyncio

    refreshed, told = [], threading.Event()

    def wait_for_change(timeout):
        return told.wait(timeout) and not told.clear()

    async def scenario():
        poller = Poller(lambda: refreshed.append(threading.current_thread()), 60, wait_for_change, 0.05).start()
        told.set()
        for _ in range(100):
            if refreshed:
                break
            await asyncio.sleep(0.01)
        poller.stop()

    _, loop_thread = run_on_a_loop_of_its_own(scenario)
    assert refreshed and refreshed[0] is loop_thread  # on the loop, not on the watcher thread
