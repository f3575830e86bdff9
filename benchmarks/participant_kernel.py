"""Measures, on the real served notebooks in Chromium:

- resident memory of each participant kernel (target: at most 60 MB each);
- time from a participant's tap to the facilitator's screen showing it (target: at most 1 s).

Run: .venv/bin/python benchmarks/participant_kernel.py [--participants 10] [--db postgresql://…]
Prints its figures; asserts nothing. Starts `teamleergesprek serve` on free ports with a temporary SQLite database,
or a new session in the given database (a phone's kernel on PostgreSQL also holds psycopg).
serve preheats $TEAMLEERGESPREK_EXPECTED_PARTICIPANTS pages (default 60); set it lower on a shared machine.
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
OPTIONS = ["heel vaardig", "vaardig", "redelijk vaardig", "niet vaardig"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(port)


def kernels_of(server_pid: int, port: int) -> list[psutil.Process]:
    """The kernels started by the Voilà server listening on `port`."""
    for child in psutil.Process(server_pid).children(recursive=True):
        if "voila" in " ".join(child.cmdline()) and f"--port={port}" in child.cmdline():
            return [k for k in child.children(recursive=True) if "ipykernel" in " ".join(k.cmdline())]
    return []


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=10)
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    # Before anything starts: what other work on the machine is doing (our own run raises it).
    load_before = " ".join(f"{x:.2f}" for x in psutil.getloadavg())
    db = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='tlg-bench-')) / 'bench.sqlite'}"
    kit = [sys.executable, "-m", "kit", "--db", db]
    code = subprocess.run([*kit, "new", "--team", "Benchmark"], capture_output=True, text=True, check=True).stdout.split()[-1]
    p_port, f_port = free_port(), free_port()
    server = subprocess.Popen([*kit, "serve", "--session", code, "--participant-port", str(p_port),
                               "--facilitator-port", str(f_port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(p_port)
        wait_for_port(f_port)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            facilitator = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
            facilitator.goto(f"http://127.0.0.1:{f_port}/voila/render/begeleider.ipynb")
            facilitator.get_by_text("Welkom").first.wait_for(timeout=60_000)

            load_times, phones = [], []
            for _ in range(args.participants):
                phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
                start = time.perf_counter()
                phone.goto(f"http://127.0.0.1:{p_port}/?code={code}")
                phone.get_by_text("Even wachten…").wait_for(timeout=60_000)
                load_times.append(time.perf_counter() - start)
                phones.append(phone)

            for _ in range(3):  # Welkom -> Introductie -> Startoefening -> vraag 1
                facilitator.get_by_role("button", name="Volgende ▶").click()
            for phone in phones:
                phone.get_by_role("button", name="heel vaardig", exact=True).wait_for(timeout=30_000)

            latencies = []
            count = facilitator.locator(".tlg-count")
            for n, phone in enumerate(phones, start=1):
                expected = "1 antwoord" if n == 1 else f"{n} antwoorden"
                button = phone.get_by_role("button", name=OPTIONS[n % 4], exact=True)
                start = time.perf_counter()
                button.click()
                facilitator.wait_for_function(
                    "([el, text]) => el.textContent.trim() === text", arg=[count.element_handle(), expected],
                    polling="raf", timeout=10_000,
                )
                latencies.append(time.perf_counter() - start)

            time.sleep(2)  # let the kernels settle after the votes
            participant_kernels = kernels_of(server.pid, p_port)
            rss = [k.memory_info().rss / 2**20 for k in participant_kernels]
            uss = [k.memory_full_info().uss / 2**20 for k in participant_kernels]
            facilitator_kernels = kernels_of(server.pid, f_port)
            browser.close()

        print(f"participants: {args.participants}; database: {db.split(':', 1)[0]}; "
              f"load average before the run {load_before}")
        print(f"page load to waiting screen: p50 {statistics.median(load_times):.2f} s, max {max(load_times):.2f} s")
        print(f"participant kernels: {len(rss)}; resident memory (RSS) per kernel: "
              f"median {statistics.median(rss):.1f} MB, max {max(rss):.1f} MB (target <= 60 MB); "
              f"unique (USS) median {statistics.median(uss):.1f} MB")
        if facilitator_kernels:
            print(f"facilitator kernel RSS: {facilitator_kernels[0].memory_info().rss / 2**20:.1f} MB")
        print(f"vote -> facilitator screen: p50 {statistics.median(latencies):.3f} s, "
              f"p95 {percentile(latencies, 95):.3f} s, max {max(latencies):.3f} s (target <= 1 s)")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
