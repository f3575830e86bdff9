"""Calls `refresh` on an interval, so a page follows the database without a reload.

In a kernel, `refresh` runs as a task on the kernel's event loop: the thread on which the kernel also handles all
that the browser sends. A loading page asks there for the state of every widget (ipywidgets walks all live widgets
to answer `request_states`), and a tap runs its handler there. A refresh on a thread of its own could build or close
widgets during that walk: the walk broke off ("dictionary changed size during iteration") or answered with the view
from before, while the update to the new view went out before the page listened for it, so that phone kept the old
view until the facilitator moved again. On the loop, one thing happens at a time. Widgets are updated from here by
setting traits (HTML.value, Box.children); Voilà sends those to the browser.
"""

from __future__ import annotations

import asyncio
import logging
import threading

log = logging.getLogger(__name__)


class Poller:
    def __init__(self, refresh, interval: float):
        self._refresh = refresh
        self._interval = interval
        self._stopped = False
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
        return self

    def stop(self) -> None:
        self._stopped = True

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            if self._stopped:
                return
            try:
                self._refresh()
            except Exception:  # a hiccup (a locked database, a closed comm) must not stop the page following
                log.exception("refresh failed")
