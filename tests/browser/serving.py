"""Real servers for browser tests: `teamleergesprek serve` on free ports, stopped with Ctrl-C as a person would."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

CHROMIUM = "/usr/bin/chromium"
PAGE_TIMEOUT_MS = 60_000

# Every `serve` a test starts (also the ones a test starts itself) preheats a few phone pages, not a room's worth.
os.environ.setdefault("TEAMLEERGESPREK_EXPECTED_PARTICIPANTS", "3")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve stopped with code {process.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"port {port} did not open")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class Served:
    def __init__(self, db_url: str, code: str, participant_port: int, facilitator_port: int, process):
        self.db_url, self.code, self.process = db_url, code, process
        self.participant_port, self.facilitator_port = participant_port, facilitator_port

    @property
    def join_url(self) -> str:
        return f"http://127.0.0.1:{self.participant_port}/?code={self.code}"

    @property
    def facilitator_url(self) -> str:
        return f"http://127.0.0.1:{self.facilitator_port}/voila/render/begeleider.ipynb"

    @property
    def screen_url(self) -> str:
        return f"http://127.0.0.1:{self.facilitator_port}/voila/render/scherm.ipynb"

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kit", "--db", self.db_url, *args],
                              capture_output=True, text=True, check=True)


def start_serving(tmp_path: Path, extra_env: dict | None = None) -> Served:
    db_url = f"sqlite:///{tmp_path / 'browser.sqlite'}"
    created = subprocess.run([sys.executable, "-m", "kit", "--db", db_url, "new", "--team", "Browserteam"],
                             capture_output=True, text=True, check=True)
    code = created.stdout.strip().splitlines()[-1]
    p_port, f_port = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kit", "--db", db_url, "serve", "--session", code,
         "--participant-port", str(p_port), "--facilitator-port", str(f_port)],
        stdout=open(tmp_path / "serve.log", "wb"), stderr=subprocess.STDOUT,
        env={**os.environ, **(extra_env or {})},
    )
    wait_for_port(p_port, process)
    wait_for_port(f_port, process)
    return Served(db_url, code, p_port, f_port, process)


def stop_serving(served: Served) -> list[psutil.Process]:
    """Ctrl-C, as the facilitator would; returns whatever it left running."""
    tree = psutil.Process(served.process.pid).children(recursive=True)
    served.process.send_signal(signal.SIGINT)
    served.process.wait(timeout=30)
    _, alive = psutil.wait_procs(tree, timeout=5)
    return alive
