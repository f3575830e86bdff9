"""What the commands share: the error that stops a command, the database they open, dates, a page on this laptop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from kit.i18n import t
from kit.store import Store, resolve_db_url


class UserError(Exception):
    """Stops the command with this message (from the catalog, in the command's language) and exit code 2."""


def store(args) -> Store:
    return Store(resolve_db_url(args.db))


def database_name(url: str) -> str:
    """The database as a person finds it again: an SQLite file's full path, a server's URL without its password."""
    from kit.store.connection import is_postgres_url, redact_url, sqlite_path

    if is_postgres_url(url):
        return redact_url(url)
    path = sqlite_path(url)
    return path if path == ":memory:" else str(Path(path).resolve())


def existing_store(args) -> Store:
    """The store of a command that only reads or removes: an SQLite file that is not there is not made (run outside
    the kit's folder, `data/teamleergesprek.sqlite` would otherwise appear empty and the command find nothing)."""
    from kit.store.connection import is_postgres_url, sqlite_path

    url = resolve_db_url(args.db)
    if not is_postgres_url(url):
        path = sqlite_path(url)
        if path != ":memory:" and not Path(path).is_file():
            raise UserError(t("cli.no_database", path=database_name(url)))
    return Store(url)


def session_date(text: str | None) -> str:
    if text is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(t("cli.bad_date", date=text))


def optional_date(text: str | None) -> str | None:
    return session_date(text) if text else None


def child_environment(changes: dict[str, str], in_front: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment for a process a command starts: with `changes`, and each folder of `in_front`
    put first in the search path of that name (PATH, PYTHONPATH)."""
    env = {**os.environ, **changes}
    for name, folder in (in_front or {}).items():
        env[name] = os.pathsep.join(p for p in (folder, os.environ.get(name, "")) if p)
    return env


def interrupt(signum, frame):
    raise KeyboardInterrupt


def serve_on_this_laptop(notebook: str, port: int, url: str, env_extra: dict, title: str,
                         voila_args: tuple[str, ...] = ()) -> int:
    """One notebook in Voilà on 127.0.0.1 only (nobody else in the room can open it), until Ctrl-C."""
    from kit.serving.launcher import NOTEBOOKS, absolute_db_url
    from kit.store.connection import DB_URL_ENV

    env = {**os.environ, DB_URL_ENV: absolute_db_url(url), "MPLBACKEND": "Agg", **env_extra}
    command = [sys.executable, "-m", "kit.serving.voila_extension", str(NOTEBOOKS / notebook), f"--port={port}",
               "--Voila.ip=127.0.0.1", "--no-browser", "--theme=light", "--show_tracebacks=False",
               "--Voila.port_retries=0", *voila_args]
    process = subprocess.Popen(command, cwd=NOTEBOOKS, env=env, start_new_session=True)
    print(f"{title}: http://127.0.0.1:{port}/")
    return run_until_stopped(process)


def run_until_stopped(process) -> int:
    """Wait for a server the command started; Ctrl-C or a SIGTERM stops it with every process it started."""
    from kit.serving.launcher import stop_process_tree

    print(t("cli.stop"), flush=True)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop_process_tree(process.pid)
