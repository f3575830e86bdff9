"""Measures how long the zorgteam waits for the trends page: from the request in a real Chromium to the first chart
on screen (issue 16: at most 2 s on the demo history; measured 5.0-6.1 s with a kernel started per request).

Three servers, one after the other, in the same run and on the same demo history:

- floor:     a bare Voilà notebook that draws one matplotlib chart (a kernel started for the request, as Voilà does
             by default): what any page with one chart costs on this machine;
- cold:      the trends notebook served as `teamleergesprek trends` served it before (a kernel per request, which
             imports pandas and matplotlib, loads the team and draws every chart after the request);
- preheated: `teamleergesprek trends` as it is now (a kernel that already imported everything, loaded the data and
             drew the charts before anyone asked; see kit/cli/history.py).

Each server is measured --repeat times with a new browser context per request; the preheated one is first given
the time to refill its kernel (its log says the pool is filled and the kernels are quiet), as it has when a zorgteam
member opens the page between lessons. Prints every time with the load average just before it: the machine is
shared, and its load inflates the wall time. Asserts nothing.

Run: .venv/bin/python benchmarks/trends_page.py [--repeat 3]

Measured 2026-11-30 on the shared 2-core machine (other helpers' work: load average 17-36), 3 requests each:
floor 4.9-11.0 s, cold 15.1-29.8 s, preheated 1.6-2.8 s (median 1.9 s); in an earlier run at load 23-38,
floor 4.5-9.1 s, cold 17.4-32.8 s, preheated 3.1-9.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import cpu_seconds, free_port, kernel_processes, wait_for_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
CHART = "img[src^='data:image/png']"
ONE_CHART = """\
import io

from IPython.display import Image
from matplotlib.figure import Figure

fig = Figure(figsize=(12, 6.8), dpi=100)
ax = fig.add_subplot()
ax.plot([1, 2, 3, 4], [3.1, 3.4, 3.2, 3.8], "o-")
png = io.BytesIO()
fig.savefig(png, format="png")
Image(png.getvalue())
"""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def wait_until_heated(process: subprocess.Popen, log: Path, fills: int, timeout: float = 300) -> None:
    """Until Voilà logged its pool filled `fills` times and every kernel of the server has waited for two seconds:
    no processor time used and its main thread asleep (blocked, as while waiting for its request). On a loaded
    machine a kernel that is still drawing may get no processor for a while, but it stays runnable, not asleep."""
    deadline = time.time() + timeout
    while log.read_text(errors="replace").count("is filled with") < fills:
        if time.time() > deadline:
            raise TimeoutError("the pool was not filled")
        time.sleep(0.2)
    server = psutil.Process(process.pid)
    quiet_since = None
    while time.time() < deadline:
        kernels = kernel_processes(server)
        before = sum(cpu_seconds(k) for k in kernels)
        time.sleep(0.25)
        waiting = kernels and all(_asleep(k) for k in kernels) and sum(cpu_seconds(k) for k in kernels) - before < 0.005
        quiet_since = (quiet_since or time.time()) if waiting else None
        if quiet_since and time.time() - quiet_since >= 2:
            return
    raise TimeoutError("the preheated kernel did not settle")


def _asleep(process: psutil.Process) -> bool:
    try:
        return process.status() == psutil.STATUS_SLEEPING
    except psutil.NoSuchProcess:
        return False



def first_chart_seconds(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.locator(CHART).first.wait_for(state="visible")
        return time.perf_counter() - start
    finally:
        context.close()


def bare_notebook(folder: Path) -> Path:
    path = folder / "een-grafiek.ipynb"
    cell = {"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {}, "outputs": [],
            "source": ONE_CHART}
    path.write_text(json.dumps({"cells": [cell], "metadata": {"kernelspec": {"name": "python3",
                                "display_name": "Python 3", "language": "python"}},
                                "nbformat": 4, "nbformat_minor": 5}))
    return path


def voila_as_before(notebook: Path, port: int) -> list[str]:
    """How `teamleergesprek trends` started Voilà before the preheated kernel (kit/cli/common.py then)."""
    return [sys.executable, "-m", "kit.serving.voila_extension", str(notebook), f"--port={port}",
            "--Voila.ip=127.0.0.1", "--no-browser", "--theme=light", "--show_tracebacks=False",
            "--Voila.port_retries=0"]


def measure(name: str, command: list[str], port: int, env: dict, folder: Path, browser, repeat: int,
            preheated: bool) -> list:
    log = folder / f"{name}.log"
    process = subprocess.Popen(command, cwd=ROOT / "notebooks", env=env, stdout=open(log, "wb"),
                               stderr=subprocess.STDOUT, start_new_session=True)
    times = []
    try:
        wait_for_port(port, process)
        for attempt in range(repeat):
            if preheated:
                wait_until_heated(process, log, fills=attempt + 1)
            else:
                time.sleep(1)  # the previous page's kernel is shut down with its context; let it go
            before = load()
            try:
                seconds = first_chart_seconds(browser, f"http://127.0.0.1:{port}/")
            except Exception:
                print(f"{name}: no chart; the server's log ends with:\n" + log.read_text(errors="replace")[-3000:])
                raise
            times.append(seconds)
            print(f"{name:10s} run {attempt + 1}: first chart {seconds:5.2f} s   (load average before: {before})",
                  flush=True)
    finally:
        from kit.serving.launcher import stop_process_tree

        stop_process_tree(process.pid)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = f"sqlite:///{folder / 'demo.sqlite'}"
        subprocess.run([sys.executable, "-m", "kit", "--db", db, "demo"], check=True, capture_output=True, cwd=ROOT)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TEAMLEERGESPREK_DB": db, "MPLBACKEND": "Agg"}
        print(f"Trends page, demo history; {os.cpu_count()} cores; load average at start: {load()}", flush=True)
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                port = free_port()
                results["floor"] = measure("floor", voila_as_before(bare_notebook(folder), port), port, env, folder,
                                           browser, args.repeat, preheated=False)
                port = free_port()
                results["cold"] = measure("cold", voila_as_before(ROOT / "notebooks" / "zorgteam-trends.ipynb", port),
                                          port, env, folder, browser, args.repeat, preheated=False)
                port = free_port()
                results["preheated"] = measure(
                    "preheated", [sys.executable, "-m", "kit", "--db", db, "trends", "--port", str(port)], port,
                    env, folder, browser, args.repeat, preheated=True)
            finally:
                browser.close()
        print(f"load average at the end: {load()}")
        for name, times in results.items():
            print(f"{name:10s} first chart: best {min(times):.2f} s, median {sorted(times)[len(times) // 2]:.2f} s, "
                  f"worst {max(times):.2f} s over {len(times)} requests")


if __name__ == "__main__":
    main()
