"""Starts the two Voilà servers of a live session and stops them, kernels included.

Participant server: all interfaces, one notebook (`deelnemer.ipynb`), nothing else reachable.
Facilitator server: 127.0.0.1 only, the notebooks folder (begeleider and the projector screen).
"""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from kit.store.connection import DB_URL_ENV, sqlite_path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PARTICIPANT_NOTEBOOK = "deelnemer.ipynb"
FACILITATOR_NOTEBOOK = "begeleider.ipynb"
SCREEN_NOTEBOOK = "scherm.ipynb"


def absolute_db_url(url: str) -> str:
    """Kernels run in the notebooks folder, so a relative SQLite path must be made absolute first."""
    if url.startswith("sqlite:"):
        path = sqlite_path(url)
        if path != ":memory:":
            return "sqlite:///" + str(Path(path).resolve())
    return url


def lan_address() -> str:
    """The address phones in the same room can reach: the first private IPv4 address of this laptop."""
    candidates = []
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family.name == "AF_INET":
                ip = ipaddress.ip_address(address.address)
                if not ip.is_loopback and not ip.is_link_local:
                    candidates.append(ip)
    private = [ip for ip in candidates if ip.is_private]
    chosen = (private or candidates or [ipaddress.ip_address("127.0.0.1")])[0]
    return str(chosen)


@dataclass
class ServeConfig:
    db_url: str
    session_code: str
    participant_port: int = 8866
    facilitator_port: int = 8867
    lang: str = "nl"

    @property
    def join_base(self) -> str:
        return f"http://{lan_address()}:{self.participant_port}/"

    @property
    def join_url(self) -> str:
        return f"{self.join_base}?code={self.session_code}"

    @property
    def facilitator_url(self) -> str:
        return f"http://127.0.0.1:{self.facilitator_port}/voila/render/{FACILITATOR_NOTEBOOK}"

    @property
    def screen_url(self) -> str:
        return f"http://127.0.0.1:{self.facilitator_port}/voila/render/{SCREEN_NOTEBOOK}"


def _voila(args: list[str]) -> list[str]:
    return [
        sys.executable, "-m", "voila", *args,
        "--no-browser",
        "--theme=light",
        "--show_tracebacks=False",
        # IPC instead of TCP ports between server and kernels: no port races when many phones arrive at once.
        "--KernelManager.transport=ipc",
        # A taken port is an error, not a silent move to another port that the printed QR code does not show.
        "--Voila.port_retries=0",
    ]


def commands(config: ServeConfig) -> dict[str, list[str]]:
    return {
        "deelnemers": _voila([
            str(NOTEBOOKS / PARTICIPANT_NOTEBOOK),
            f"--port={config.participant_port}",
            "--Voila.ip=0.0.0.0",
        ]),
        "begeleider": _voila([
            str(NOTEBOOKS),
            f"--port={config.facilitator_port}",
            "--Voila.ip=127.0.0.1",
        ]),
    }


def environment(config: ServeConfig) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        DB_URL_ENV: absolute_db_url(config.db_url),
        "TEAMLEERGESPREK_SESSION": config.session_code,
        "TEAMLEERGESPREK_JOIN_URL": config.join_base,
        "TEAMLEERGESPREK_LANG": config.lang,
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
            # Own process group: Ctrl-C reaches us, and we stop the servers in order (kernels first, cleanly).
            self.processes[name] = subprocess.Popen(
                command, cwd=NOTEBOOKS, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def wait(self) -> int:
        while True:
            for name, process in self.processes.items():
                code = process.poll()
                if code is not None:
                    print(f"De server '{name}' is gestopt (code {code}). De andere wordt ook gestopt.", file=sys.stderr)
                    return code or 1
            time.sleep(0.5)

    def stop(self, timeout: float = 10) -> None:
        """SIGTERM to each server, then kill whatever is left of it and of its kernels."""
        tree = []
        for process in self.processes.values():
            try:
                parent = psutil.Process(process.pid)
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
