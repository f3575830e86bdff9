"""Starts the two Voilà servers of a live session and stops them, kernels included.

Participant server: all interfaces, one notebook (`deelnemer.ipynb`), nothing else reachable. A pool of preheated
kernels (sized for the expected number of phones) takes the join storm; a cap on kernels (from free memory) keeps
a laptop from running out of memory; kernels of closed or abandoned pages are shut down.
Facilitator server: 127.0.0.1 by default, the notebooks folder (begeleider and the projector screen); on any other
address only with a token, which serve generates and prints in the facilitator's link.

Both run `kit.serving.voila_extension` (Voilà with the kit's cap, pool and access rules), see there.
With `participants_only` only the participant server starts: an extra one for more phones, on another port or
machine, on the same PostgreSQL database as the serves that have the facilitators (docs/deploy.md). Phones bring
their session's code, so one such server serves every session in its database.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from kit import settings
from kit.i18n import t
from kit.settings import NOTEBOOKS, PARTICIPANT_PORT, TOKEN_ENV, join_base, join_url, lan_address  # noqa: F401 (callers)
from kit.store.connection import DB_URL_ENV, sqlite_path

PARTICIPANT_NOTEBOOK = "deelnemer.ipynb"
FACILITATOR_NOTEBOOK = "begeleider.ipynb"
SCREEN_NOTEBOOK = "scherm.ipynb"

# Measured (benchmarks/participant_kernel.py, join_storm.py): a participant kernel holds about 55 MB on SQLite,
# about 68 MB on PostgreSQL (psycopg and its own libpq).
KERNEL_MB = 60
KERNEL_MB_POSTGRESQL = 70
MAX_PARTICIPANTS = 200
MEMORY_RESERVE_MB = 1024  # left for the system, the browser on the projector and the facilitator's kernels
EXPECTED_PARTICIPANTS = 60
# Preheated kernels are refilled only this long after one was taken: a refill started during the storm competes
# with the storm for the processor (measured: no better than no pool at all).
FILL_DELAY_SECONDS = 20
REFILL_SIZE = 4
PAGE_FILL_DELAY_SECONDS = 5  # see one_page_ready
ABANDONED_AFTER_SECONDS = 20 * 60  # a phone put away for a werkvorm may drop its connection and come back
CULL_INTERVAL_SECONDS = 60


def kernel_mb(db_url: str) -> int:
    return KERNEL_MB_POSTGRESQL if db_url.startswith("postgresql") else KERNEL_MB


def default_max_participants(available_bytes: int | None = None, per_kernel_mb: int = KERNEL_MB) -> int:
    """As many phones as free memory holds at per_kernel_mb each (after a reserve), at most MAX_PARTICIPANTS."""
    if available_bytes is None:
        available_bytes = psutil.virtual_memory().available
    fits = (available_bytes / 2**20 - MEMORY_RESERVE_MB) // per_kernel_mb
    return int(max(1, min(MAX_PARTICIPANTS, fits)))


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def absolute_db_url(url: str) -> str:
    """Kernels run in the notebooks folder, so a relative SQLite path must be made absolute first."""
    if url.startswith("sqlite:"):
        path = sqlite_path(url)
        if path != ":memory:":
            return "sqlite:///" + str(Path(path).resolve())
    return url


@dataclass
class ServeConfig:
    db_url: str
    session_code: str  # "" for a phones' server without a session of its own: phones bring their code
    participant_port: int = PARTICIPANT_PORT
    facilitator_port: int = 8867
    lang: str = "nl"
    facilitator_host: str = "127.0.0.1"
    expected_participants: int = EXPECTED_PARTICIPANTS
    max_participants: int | None = None  # None: default_max_participants()
    abandoned_after: int = ABANDONED_AFTER_SECONDS
    facilitator_token: str | None = None  # generated when the facilitator's host is not loopback
    participants_only: bool = False  # an extra phones' server; the facilitator runs in another serve
    facilitator_only: bool = False  # a closed session: its page with the verslag and answers, no phones
    public_join_url: str | None = None  # what the QR codes show, e.g. a reverse proxy in front of several servers

    def __post_init__(self):
        if self.max_participants is None:
            self.max_participants = default_max_participants(per_kernel_mb=kernel_mb(self.db_url))
        if self.max_participants < 1:
            raise ValueError("max_participants must be at least 1")
        if self.participants_only:
            self.facilitator_token = None
        elif self.facilitator_token is None and not is_loopback(self.facilitator_host):
            self.facilitator_token = secrets.token_urlsafe(24)

    @property
    def pool_size(self) -> int:
        return 0 if self.facilitator_only else max(0, min(self.expected_participants, self.max_participants))

    @property
    def join_base(self) -> str:
        return join_base(self.public_join_url, self.participant_port)

    @property
    def join_url(self) -> str:
        return f"{self.join_base}?code={self.session_code}" if self.session_code else self.join_base

    def _facilitator_page(self, notebook: str) -> str:
        host = "127.0.0.1" if is_loopback(self.facilitator_host) else lan_address()
        url = f"http://{host}:{self.facilitator_port}/voila/render/{notebook}"
        return f"{url}?token={self.facilitator_token}" if self.facilitator_token else url

    @property
    def facilitator_url(self) -> str:
        return self._facilitator_page(FACILITATOR_NOTEBOOK)

    @property
    def screen_url(self) -> str:
        return self._facilitator_page(SCREEN_NOTEBOOK)


def kernel_transport(os_name: str = os.name) -> list[str]:
    """IPC instead of TCP ports between server and kernels: no port races when many phones arrive at once.
    zmq's ipc transport is Unix sockets; Windows laptops keep TCP."""
    return ["--KernelManager.transport=ipc"] if os_name == "posix" else []


def one_page_ready(fill_delay: float = PAGE_FILL_DELAY_SECONDS) -> list[str]:
    """Voilà options for a page one person opens on this laptop (the trends page): one kernel kept preheated, which
    ran the notebook (imports, data, charts) before anyone asked, so the page is there at once (issue 16: the
    first chart took 5-6 s with a kernel started per request). The next one is heated `fill_delay` after one was
    taken, not while the browser is still drawing the page it just got."""
    return ["--preheat_kernel=True", "--pool_size=1", f"--VoilaKernelManager.fill_delay={fill_delay}",
            "--KitVoila.refill_size=1", *kernel_transport()]


def _voila(args: list[str]) -> list[str]:
    return [
        sys.executable, "-m", "kit.serving.voila_extension", *args,
        "--no-browser",
        "--theme=light",
        "--show_tracebacks=False",
        *kernel_transport(),
        # A taken port is an error, not a silent move to another port that the printed QR code does not show.
        "--Voila.port_retries=0",
    ]


def commands(config: ServeConfig) -> dict[str, list[str]]:
    participant = [
        str(NOTEBOOKS / PARTICIPANT_NOTEBOOK),
        f"--port={config.participant_port}",
        "--Voila.ip=0.0.0.0",
        "--KitVoila.single_page=True",
        f"--KitVoila.max_kernels={config.max_participants}",
        # No ?template= or ?theme= from a phone: one page, rendered one way (and always from the pool).
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        # Kernels nobody is connected to (closed tab without unload message, a script loading pages) are stopped.
        f"--MappingKernelManager.cull_idle_timeout={config.abandoned_after}",
        f"--MappingKernelManager.cull_interval={min(CULL_INTERVAL_SECONDS, max(1, config.abandoned_after))}",
        "--MappingKernelManager.cull_connected=False",
    ]
    if config.pool_size:
        participant += [
            "--preheat_kernel=True",
            f"--pool_size={config.pool_size}",
            f"--VoilaKernelManager.fill_delay={FILL_DELAY_SECONDS}",
            f"--KitVoila.refill_size={min(REFILL_SIZE, config.pool_size)}",
        ]
    servers = {} if config.facilitator_only else {"deelnemers": _voila(participant)}
    if not config.participants_only:
        servers["begeleider"] = _voila([
            str(NOTEBOOKS),
            f"--port={config.facilitator_port}",
            f"--Voila.ip={config.facilitator_host}",
        ])
    return servers


def environment(config: ServeConfig) -> dict[str, str]:
    env = dict(os.environ)
    # Voilà gives each kernel the variables of its own page request; none may come from the shell that ran serve.
    for name in (TOKEN_ENV, "QUERY_STRING", "SCRIPT_NAME", "PATH_INFO", "SERVER_NAME", "SERVER_PORT",
                 "SERVER_PROTOCOL", "SERVER_SOFTWARE", settings.REQUEST_RECEIVED_ENV):
        env.pop(name, None)
    env.update({
        DB_URL_ENV: absolute_db_url(config.db_url),
        settings.SESSION_ENV: config.session_code,
        settings.JOIN_URL_ENV: config.join_base,
        settings.LANG_ENV: config.lang,
        # Kernels are started in the notebooks folder; the kit must import from wherever it is installed.
        "MPLBACKEND": "Agg",
    })
    return env


class Servers:
    def __init__(self, config: ServeConfig, log_dir: Path | None = None):
        self.config = config
        self.processes: dict[str, subprocess.Popen] = {}
        self.log_dir = log_dir

    def start(self) -> "Servers":
        env = environment(self.config)
        for name, command in commands(self.config).items():
            out = open(self.log_dir / f"{name}.log", "ab") if self.log_dir else subprocess.DEVNULL
            own_env = dict(env)
            if name == "begeleider" and self.config.facilitator_token:
                own_env[TOKEN_ENV] = self.config.facilitator_token  # not on the command line, where `ps` shows it
            # Own process group: Ctrl-C reaches us, and we stop the servers in order (kernels first, cleanly).
            self.processes[name] = subprocess.Popen(
                command, cwd=NOTEBOOKS, env=own_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def wait(self) -> int:
        while True:
            for name, process in self.processes.items():
                code = process.poll()
                if code is not None:
                    key = "cli.server_stopped_both" if len(self.processes) > 1 else "cli.server_stopped"
                    print(t(key, name=name, code=code), file=sys.stderr)
                    return code or 1
            time.sleep(0.5)

    def stop(self, timeout: float = 10) -> None:
        stop_process_tree(*(process.pid for process in self.processes.values()), timeout=timeout)


def stop_process_tree(*pids: int, timeout: float = 10) -> None:
    """SIGTERM to each process and everything it started (servers and their kernels), then kill what is left."""
    tree = []
    for pid in pids:
        try:
            parent = psutil.Process(pid)
            tree += [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            pass
    for process in tree:
        try:
            process.send_signal(signal.SIGTERM)
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(tree, timeout=timeout)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=5)
