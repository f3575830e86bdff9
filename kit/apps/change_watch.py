"""Waiting for another connection's commit to a SQLite database without waking up every few milliseconds.

A commit in WAL mode appends to `<db>-wal`; on Linux, inotify wakes a waiting thread when that file is written.
Idle, nothing wakes; after a wake-up, SQLite's data_version (store.sessions.change_counter) tells whether someone else
committed (this kernel's own writes also touch the file). Without inotify the wait is a sleep and then the same
counter check. PostgreSQL says so itself (kit.store.notify). The caller's poll stays the fallback for anything missed.
"""

from __future__ import annotations

import ctypes
import logging
import os
import select
import sys
import time

log = logging.getLogger(__name__)

# Where inotify is missing (not Linux), a look at SQLite's data_version this often between full refreshes.
CHANGE_CHECK_SECONDS = 0.1

IN_MODIFY = 0x2
IN_CLOEXEC = 0o2000000
IN_NONBLOCK = 0o4000


def change_waiter(store, check_interval: float = CHANGE_CHECK_SECONDS):
    """The way this store's database can tell of another connection's commit: PostgreSQL's LISTEN/NOTIFY
    (kit.store.notify), or on SQLite the WAL and data_version below. Each has wait(timeout), follows, close()."""
    return store.sessions.change_listener() or ChangeWaiter(store, check_interval)


class ChangeWaiter:
    def __init__(self, store, check_interval: float):
        self.store = store
        self.check_interval = check_interval
        self._seen = store.sessions.change_counter()
        self._fd: int | None = None
        if self._seen is not None and sys.platform.startswith("linux"):
            self._fd = _inotify(_wal_path(store.url))

    @property
    def pushed(self) -> bool:
        """Told of a commit when it happens (not by looking every few tenths of a second)."""
        return self._fd is not None

    @property
    def follows(self) -> bool:
        """Learns of a commit at all (pushed, or by a cheap look); if not, the caller's poll does it all."""
        return self._seen is not None

    def wait(self, timeout: float) -> bool:
        """Wait up to `timeout` s (with inotify) or `check_interval` s; True when someone else committed."""
        if self._seen is None:  # no way to tell: the poll does it all
            time.sleep(timeout)
            return False
        checks = 1
        if self._fd is not None:
            readable, _, _ = select.select([self._fd], [], [], timeout)
            if readable:
                try:
                    while os.read(self._fd, 4096):
                        pass
                except BlockingIOError:
                    pass
                # The WAL is written a moment before the commit shows (measured: the counter had not moved yet
                # right after the wake-up); look again briefly. Our own writes wake us too: then nothing moves.
                checks = 20
        else:
            time.sleep(self.check_interval)
        for attempt in range(checks):
            counter = self.store.sessions.change_counter()
            if counter != self._seen:
                self._seen = counter
                return True
            if attempt + 1 < checks:
                time.sleep(0.005)
        return False

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _wal_path(url: str) -> str | None:
    from kit.store.connection import sqlite_path

    path = sqlite_path(url)
    return None if path == ":memory:" else path + "-wal"


def _inotify(path: str | None) -> int | None:
    if not path or not os.path.exists(path):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            return None
        if libc.inotify_add_watch(fd, os.fsencode(path), IN_MODIFY) < 0:
            os.close(fd)
            return None
        return fd
    except (OSError, AttributeError):
        log.info("no inotify here: checking for changes every few tenths of a second instead")
        return None
