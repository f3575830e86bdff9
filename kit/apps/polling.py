"""A daemon thread that calls `refresh` on an interval, so a page follows the database without a reload.

Widgets are updated from this thread by setting traits (HTML.value, Image.value, Box.children); Voilà sends
those to the browser. `with output:` would not work from here.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


class Poller:
    def __init__(self, refresh, interval: float):
        self._refresh = refresh
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tlg-poller", daemon=True)

    def start(self) -> "Poller":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._refresh()
            except Exception:  # a hiccup (a locked database, a closed comm) must not stop the page following
                log.exception("refresh failed")
