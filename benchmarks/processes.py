"""The servers the benchmarks and the browser tests start, looked at the same way by both: a free port for one, the
wait until it listens, and the kernels it started."""

from __future__ import annotations

import socket
import subprocess
import time

import psutil


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until something listens on `port`; a RuntimeError as soon as `process` (the server) has stopped."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with code {process.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"port {port} did not open")


def kernel_processes(server: psutil.Process | None) -> list[psutil.Process]:
    """Every ipykernel below `server` (preheated ones included); [] without a server."""
    found = []
    for child in server.children(recursive=True) if server else []:
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:  # a kernel that ended while we looked
            pass
    return found


def cpu_seconds(process: psutil.Process) -> float:
    """User + system CPU time of `process` so far; 0 for one that has ended."""
    try:
        times = process.cpu_times()
        return times.user + times.system
    except psutil.NoSuchProcess:
        return 0.0
