"""The processes a Voilà server started: its kernels, found the same way by the benchmarks and the browser tests."""

from __future__ import annotations

import psutil


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
