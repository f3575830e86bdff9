"""Calls `refresh` on an interval, so a page follows the database without a reload.

In a kernel, `refresh` runs as a task on the kernel's event loop: the thread on which the kernel also handles all
that the browser sends. A loading page asks there for the state of every widget (ipywidgets walks all live widgets
to answer `request_states`), and a tap runs its handler there. A refresh on a thread of its own could build or close
widgets during that walk: the walk broke off ("dictionary changed size during iteration") or answered with the view
from before, while the update to the new view went out before the page listened for it, so that phone kept the old
view until the facilitator moved again. On the loop, one thing happens at a time. Widgets are updated from here by
setting traits (HTML.value, Box.children); Voilà sends those to the browser.

With `wait_for_change(timeout) -> bool` (kit.apps.change_watch: inotify on SQLite's WAL, then its data_version;
PostgreSQL's LISTEN/NOTIFY, kit.store.notify)
a watcher thread waits for someone else's commit and asks the loop to refresh now: the refresh itself still runs
on the loop. Measured with 30 idle phone kernels: a data_version check as a loop task every 0.1 s took them from
2.4% to 6.6% of a core, on a thread every 0.1 s 5.2%; inotify wakes nothing while nothing changes.
The full refresh every `interval` stays, so a missed or unavailable signal only means the old delay.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time

from kit.apps.change_watch import change_waiter

log = logging.getLogger(__name__)


def follow_database(store, refresh, poll_seconds: float, fallback_seconds: float | None = None,
                    min_gap=0.0) -> "Poller":
    """A Poller (not started) that calls `refresh` when someone else commits to `store` (kit.apps.change_watch) and
    every `poll_seconds` anyway; with `fallback_seconds`, the poll slows to that where commits are signalled, since
    it then only catches a missed signal. Every page that follows the database starts here."""
    changes = change_waiter(store)
    interval = max(poll_seconds, fallback_seconds) if fallback_seconds and changes.follows else poll_seconds
    return Poller(refresh, interval, changes.wait if changes.follows else None, on_watch_end=changes.close,
                  min_gap=min_gap)


class Poller:
    def __init__(self, refresh, interval: float, wait_for_change=None, watch_timeout: float = 5.0, on_watch_end=None,
                 min_gap: float = 0.0):
        """`on_watch_end` gives back what the wait holds (an inotify descriptor, a listening connection): called once,
        by the watcher thread when it ends, or by stop() when none ever started; never while a wait uses it.
        `min_gap` (seconds, or a function that says it now): a refresh for a change starts at least this long after
        the previous one ended, so a burst of commits (60 votes in 5 s, each a new chart on the facilitator's page)
        cannot keep the loop busy."""
        self._refresh = refresh
        self._min_gap = min_gap
        self._last_refresh = 0.0  # time.monotonic() when the last refresh ended
        self._interval = interval
        self._wait_for_change = wait_for_change
        self._watch_timeout = watch_timeout
        self._on_watch_end = on_watch_end
        self._watching = False
        self._stopped = False
        self._pending = False
        self._task: asyncio.Task | None = None  # referenced, so the loop does not lose it

    def start(self) -> "Poller":
        """On the running event loop (a notebook cell or a widget callback in a kernel runs on it). Without one (a
        script, no page to answer) on an event loop of its own, in a daemon thread."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            threading.Thread(target=asyncio.run, args=(self._run(),), name="tlg-poller", daemon=True).start()
        else:
            self._task = loop.create_task(self._run())
            if self._wait_for_change is not None:
                self._watching = True
                threading.Thread(target=self._watch, args=(loop,), name="tlg-change-watch", daemon=True).start()
        return self

    def _watch(self, loop) -> None:
        """On a thread: only looks (never touches a widget); the refresh is scheduled on the loop."""
        try:
            self._watch_until_stopped(loop)
        finally:
            self._end_watch()

    def _end_watch(self) -> None:
        ending, self._on_watch_end = self._on_watch_end, None
        if ending is not None:
            try:
                ending()
            except Exception:
                log.exception("could not give back what the change watch held")

    def _watch_until_stopped(self, loop) -> None:
        while not self._stopped and not loop.is_closed():
            try:
                if self._wait_for_change(self._watch_timeout) and not self._pending and not self._stopped:
                    self._pending = True  # one refresh queued at a time (a blocked loop runs it later, once)
                    gap = self._min_gap() if callable(self._min_gap) else self._min_gap
                    delay = self._last_refresh + gap - time.monotonic()
                    if delay > 0:
                        loop.call_soon_threadsafe(loop.call_later, delay, self._refresh_now)
                    else:
                        loop.call_soon_threadsafe(self._refresh_now)
            except RuntimeError:  # the loop closed
                return
            except Exception:
                if self._stopped:  # the page and its database closed while the watcher waited
                    return
                log.exception("change check failed")
                time.sleep(self._interval)

    def _refresh_now(self) -> None:
        self._pending = False
        if self._stopped:
            return
        try:
            self._refresh()
        except Exception:
            log.exception("refresh failed")
        finally:
            self._last_refresh = time.monotonic()

    def stop(self) -> None:
        """The loop task ends at its next turn, the watcher after its current wait (at most watch_timeout)."""
        self._stopped = True
        if not self._watching:
            self._end_watch()

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            if self._stopped:
                return
            try:
                self._refresh()
            except Exception:  # a hiccup (a locked database, a closed comm) must not stop the page following
                log.exception("refresh failed")
