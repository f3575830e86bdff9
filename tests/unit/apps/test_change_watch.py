"""A page learns of another connection's commit at once (SQLite: inotify on the WAL, then data_version; PostgreSQL:
LISTEN/NOTIFY, tests/unit/store/test_notify.py)."""

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


def _facilitator_follows(url, act, shown, poll_seconds=30.0, timeout=10.0):
    """A facilitator's page on a loop (as in its kernel) whose fallback poll is far off; `act` changes the database
    on another connection; returns how long until `shown(page)`, or None."""
    import asyncio

    from kit.apps.facilitator import FacilitatorApp
    from kit.model.live import LiveSession
    from kit.model.sessions import new_session
    from factories import small_template

    with Store(url) as setup:
        code = new_session(setup, small_template(), "Team Noord", "2026-11-28").code

    async def scenario():
        with Store(url) as mine, Store(url) as other:
            page = FacilitatorApp(mine, code, poll_seconds=poll_seconds)
            await asyncio.sleep(0.2)  # the watcher thread starts waiting
            start = time.perf_counter()
            act(LiveSession.open(other, code))
            while time.perf_counter() - start < timeout:
                if shown(page):
                    break
                await asyncio.sleep(0.01)
            page.poller.stop()
            page.ticker.stop()
            return time.perf_counter() - start if shown(page) else None

    return run_on_a_loop_of_its_own(scenario)[0]


def test_the_facilitators_count_follows_a_vote_on_another_connection_before_its_poll(db_url):
    from factories import open_question

    def vote(session):
        open_question(session, "vaardigheid")
        session.submit("p1", "vaardigheid", "vaardig")

    took = _facilitator_follows(db_url, vote,
                                lambda page: "1 antwoord" in page.results.count.value)
    assert took is not None and took < 5  # the fallback poll here is 30 s: only the push can have shown it


def test_a_running_timer_counts_down_without_a_poll(tmp_path):
    labels = set()

    def counting(page):
        labels.add(page.timer.display.value)
        return len(labels) >= 3  # the label as started, and two later seconds

    took = _facilitator_follows(f"sqlite:///{tmp_path / 'x.sqlite'}", lambda session: session.start_timer(), counting)
    assert took is not None


def _open_descriptors() -> int:
    import os

    return len(os.listdir("/proc/self/fd"))


def test_a_discarded_prebuilt_phone_page_gives_back_its_inotify_descriptor(tmp_path):
    """A preheated kernel builds the served session's page; a phone with another code makes it discard that page.
    Its watcher held an inotify descriptor: it must be closed, or every discard leaks one."""
    import asyncio

    from kit.apps.participant import ParticipantApp, _discard
    from kit.model.sessions import new_session
    from factories import small_template

    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    with Store(url) as store:
        code = new_session(store, small_template(), "Team Noord", "2026-11-28").code

        async def build_and_discard():
            before = _open_descriptors()
            for _ in range(3):
                page = ParticipantApp(store, code, poll_seconds=30)
                await asyncio.sleep(0.05)  # its watcher is waiting on the descriptor
                _discard(page)
            deadline = time.perf_counter() + 15  # a watcher sees the stop after its current wait (5 s)
            while _open_descriptors() > before and time.perf_counter() < deadline:
                await asyncio.sleep(0.05)
            return before, _open_descriptors()

        (before, after), _ = run_on_a_loop_of_its_own(build_and_discard)
    assert after <= before


def test_a_poller_never_started_gives_back_at_once():
    given_back = []
    Poller(lambda: None, 1, lambda timeout: False, on_watch_end=lambda: given_back.append(1)).stop()
    assert given_back == [1]


def test_a_burst_of_changes_refreshes_no_more_often_than_the_gap():
    """60 votes in 5 s must not redraw the facilitator's chart 60 times: one refresh per gap, the first at once."""
    import asyncio

    refreshed, changes = [], threading.Semaphore(0)

    def wait_for_change(timeout):
        return changes.acquire(timeout=timeout)

    async def scenario():
        poller = Poller(lambda: refreshed.append(time.monotonic()), 60, wait_for_change, 0.05, min_gap=0.3).start()
        start = time.monotonic()
        for _ in range(20):  # a commit every 20 ms for 0.4 s
            changes.release()
            await asyncio.sleep(0.02)
        while time.monotonic() - start < 1.2:
            await asyncio.sleep(0.02)
        poller.stop()
        return start

    start, _ = run_on_a_loop_of_its_own(scenario)
    assert refreshed and refreshed[0] - start < 0.2  # the first change shows at once
    gaps = [b - a for a, b in zip(refreshed, refreshed[1:])]
    assert gaps and min(gaps) >= 0.29  # the rest waited for the gap (20 changes: 2 or 3 refreshes, not 20)
    assert len(refreshed) <= 4


def test_the_gap_may_change_with_what_the_page_shows():
    import asyncio

    refreshed, changes, gap = [], threading.Semaphore(0), {"now": 0.0}

    def wait_for_change(timeout):
        return changes.acquire(timeout=timeout)

    async def scenario():
        poller = Poller(lambda: refreshed.append(time.monotonic()), 60, wait_for_change, 0.05,
                        min_gap=lambda: gap["now"]).start()
        for _ in range(5):  # no gap: each change its own refresh
            changes.release()
            before = len(refreshed)
            while len(refreshed) == before:
                await asyncio.sleep(0.005)
        poller.stop()

    run_on_a_loop_of_its_own(scenario)
    assert len(refreshed) == 5
