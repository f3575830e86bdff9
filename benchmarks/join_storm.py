"""Join storm: many phones arrive at once, then all vote, against the real `teamleergesprek serve`.

No browser: each simulated phone does what Voilà's page does (benchmarks/voila_protocol.py): GET `/?code=CODE`,
open the kernel websocket, ask the widget state; later it taps an option (a `click` comm message to the button
with that description) and waits for "Opgeslagen" to come back over the websocket. The facilitator's page
(`begeleider.ipynb`) is opened the same way and its answer count (the `.tlg-count` widget) is watched as it
arrives over its websocket: that is the facilitator's real kernel, told of each commit (kit.apps.change_watch).

Measures and prints
- request → usable page (widget state received), p50/p95/max;
- facilitator moves on → every phone shows the question;
- vote sent → committed (a database poll every 20 ms sees it) and → the facilitator's page shows a count that
  includes it;
- votes sent / confirmed (the phone received "Opgeslagen") / stored; errors;
- resident memory per participant kernel and in total; CPU with everyone connected and idle (over --idle-seconds);
- with --reloads R: R page loads without ever opening the page (a script reloading), and what they left running.

With --arrive-at question the facilitator opens the skill question before anyone arrives (latecomers): a phone
is usable when the question's option buttons are in its widget state; after the votes the facilitator moves on
and every phone must show the next step. Then, in the same run and with the same pool settings (serve's own
phones' server command, --expected-participants = --participants unless given), the same arrivals at the floor:
a bare one-widget Voilà poll (one ToggleButtons). Printed: both p95s and the ratio, CPU per join (server +
kernels over the join window, divided by the phones) of both, the widget models per phone view, the move-on
latency. The machine is shared: the load average is printed at the start and the end; compare the same-run
ratio, not absolute figures across runs.

With --browsers the facilitator's page and the projector page (scherm.ipynb) are open in real Chromium
(/usr/bin/chromium, playwright, one browser each) on the same machine the whole time, as in a room: the storm shares
the cores with them. Printed besides: each browser's CPU (all its processes, psutil) while idle, and when both
pages show the next step after the facilitator moves on. (The facilitator's page over the protocol stays open too,
for the answer count: a third window, so the figures are a little worse than a room's.)

Run: .venv/bin/python benchmarks/join_storm.py --participants 60 --arrival-seconds 5 [--serve-arg=--max-participants=100]
     .venv/bin/python benchmarks/join_storm.py --participants 30 --arrival-seconds 5 --idle-seconds 5 --arrive-at question
Starts serve on free loopback ports with a temporary SQLite database; stops it (and every kernel) at the end.
Prints figures and asserts nothing; the exit code is 1 when a vote was lost or a phone failed.

Measured on the 2-core development machine (shared with other test runs: the load average is printed; every
figure gets worse under load). Targets: 60 in 5 s usable p95 <= 0.5 s, facilitator p95 <= 0.5 s behind, nothing
lost; 150 in 10 s no error, nothing lost, usable p95 <= 1 s; <= 60 MB a kernel; idle CPU (60) <= 10% of a core.

BEFORE (a cold kernel per page, no cap):
  60 in 5 s:   usable p50 31.7 s, p95 33.9 s; 60 sent / 60 confirmed / 60 stored; facilitator p95 0.26 s;
               54.7 MB RSS a kernel; idle 3.2%; reload loop: kernels 60 -> 150 (the script's guard stopped it)
  150 in 10 s: usable p95 78.5 s; 30 phones failed (the server ran out of zmq sockets: 1,023 a context)
AFTER (pool of --expected-participants, cap, load average 1-2):
  60 in 5 s (defaults):  usable p50 0.16 s, p95 0.40 s; 60/60/60; commit p95 0.025 s; facilitator p95 0.24 s;
               55.6 MB RSS (39 MB unique) a kernel; idle 4.0%; question on every phone p95 0.77 s;
               reload loop of 1000: 140 more kernels up to the cap (200 here, from free memory), 860 'vol'
  150 in 10 s (--expected-participants=150): usable p50 0.25 s, p95 0.53 s; 150/150/150; no error; idle 6.2%
  with --max-participants=70: 1000 reloads -> kernels 60 -> 70, RSS of server + kernels 3.5 -> 4.1 GB, 990 'vol'
  (the same 60 in 5 s with load average 13 from other work: usable p95 1.36 s)
AT AN OPEN QUESTION, facilitator and projector in Chromium (--arrive-at question --browsers, 2026-11-30, load 2):
  60 in 5 s, before the phones made the next view ahead: usable p95 0.138 s (floor 0.129 s, 1.1×); CPU per join
               42 ms (floor 31 ms, 1.4×); move on → next step on every phone p95 0.795 s; idle 4.6%; 56.5 MB
  60 in 5 s, after: usable p95 0.147 s (floor 0.124 s, 1.2×); CPU per join 40 ms (floor 31 ms, 1.3×); move on
               p95 0.110 s; count on the facilitator's page p95 0.035 s; making ahead 8.7% for 22 s, then idle
               4.7%; Chromium 0.6% and 0.4%; 56.5 MB a kernel; 60/60/60
  150 in 10 s, after: usable p95 0.149 s (floor 0.151 s); no error; 150/150/150; move on p95 0.259 s; idle 10.8%
  60 in 5 s, after review (6dafd4f; idle once the pool's refill is over): usable p95 0.130 s (floor 0.135 s);
               CPU per join 35 / 28 ms; move on p95 0.084 s; making ahead 7.9% for 14 s; idle 4.0%; Chromium 0.5%, 0.2%
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import free_port, kernel_processes, wait_for_port  # noqa: E402
from voila_protocol import Phone, fetch  # noqa: E402

OPTIONS_QUESTION = "vaardigheid"  # the first poll of the Startoefening: four options
FULL_TEXT = "Deze sessie is vol"


# -- the servers ------------------------------------------------------------------------------------------------------
class Serve:
    """`teamleergesprek serve` on free ports with a fresh database, as a person would start it."""

    def __init__(self, folder: Path, serve_args: list[str], team: str = "Benchmark", cpus: str | None = None):
        self.folder = folder
        self.db_url = f"sqlite:///{folder / 'storm.sqlite'}"
        kit = [sys.executable, "-m", "kit", "--db", self.db_url]
        created = subprocess.run([*kit, "new", "--team", team], capture_output=True, text=True, check=True)
        self.code = created.stdout.strip().splitlines()[-1]
        self.p_port, self.f_port = free_port(), free_port()
        self.output = folder / "serve.out"
        # `taskset -c CPUS`: serve, its servers and every kernel on those cores only (a laptop with fewer cores).
        pinned = ["taskset", "-c", cpus] if cpus else []
        self.process = subprocess.Popen(
            [*pinned, *kit, "serve", "--session", self.code, "--participant-port", str(self.p_port),
             "--facilitator-port", str(self.f_port), *serve_args],
            stdout=open(self.output, "wb"), stderr=subprocess.STDOUT,
        )
        wait_for_port(self.p_port, self.process)
        wait_for_port(self.f_port, self.process)

    @property
    def join_url(self) -> str:
        return f"http://127.0.0.1:{self.p_port}/?code={self.code}"

    @property
    def facilitator_url(self) -> str:
        """The facilitator's link as serve printed it (it carries ?token= when one is required)."""
        text = self.output.read_text(errors="replace")
        found = re.search(r"http://127\.0\.0\.1:%d/voila/render/begeleider\.ipynb\S*" % self.f_port, text)
        return found.group(0) if found else f"http://127.0.0.1:{self.f_port}/voila/render/begeleider.ipynb"

    @property
    def screen_url(self) -> str:
        """The projector's link (scherm.ipynb) as serve printed it."""
        return self.facilitator_url.replace("/begeleider.ipynb", "/scherm.ipynb")

    def server_process(self, port: int) -> psutil.Process | None:
        for child in psutil.Process(self.process.pid).children(recursive=True):
            try:
                if f"--port={port}" in child.cmdline():
                    return child
            except psutil.NoSuchProcess:
                pass
        return None

    def kernels(self, port: int) -> list[psutil.Process]:
        return kernel_processes(self.server_process(port))

    def tree(self, port: int) -> list[psutil.Process]:
        server = self.server_process(port)
        return [server, *self.kernels(port)] if server else []

    def stop(self) -> list[psutil.Process]:
        tree = psutil.Process(self.process.pid).children(recursive=True)
        self.process.send_signal(signal.SIGTERM)  # SIGINT may be ignored when this script runs in the background
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
        _, alive = psutil.wait_procs(tree, timeout=10)
        for p in alive:
            p.kill()
        return alive


FLOOR_SOURCE = """import json, os
import ipywidgets as w
if os.environ.get('VOILA_PREHEAT') == 'True':  # what the phone's notebook does too: wait for the request
    from websockets.sync.client import connect
    e = os.environ
    url = f"ws://{e.get('VOILA_APP_IP', '127.0.0.1')}:{e.get('VOILA_APP_PORT')}{e.get('VOILA_SERVER_URL', '/')}voila/query/{e['VOILA_KERNEL_ID']}"
    with connect(url) as ws:
        os.environ.update(json.loads(ws.recv()))
w.ToggleButtons(options=['heel vaardig', 'vaardig', 'redelijk vaardig', 'niet vaardig'], description=%r)"""


def floor_notebook(question: str) -> str:
    import json

    return json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                                  "source": FLOOR_SOURCE % question}],
                       "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
                       "nbformat": 4, "nbformat_minor": 5})


FLOOR_QUESTION = "Hoe vaardig voel je je?"


class Floor:
    """The bare one-widget Voilà poll: one ToggleButtons, the same preheated pool settings as serve's phones' server
    (pool of --expected-participants, fill_delay, ipc, waits for its request the same small way)."""

    def __init__(self, folder: Path, pool_size: int, cpus: str | None = None):
        from kit.serving.launcher import PARTICIPANT_NOTEBOOK, ServeConfig, commands

        self.folder = folder / "floor"
        self.folder.mkdir()
        (self.folder / "poll.ipynb").write_text(floor_notebook(FLOOR_QUESTION))
        self.p_port = free_port()
        self.output = self.folder / "voila.out"
        # serve's own command for the phones' server (the kit's Voilà: pool, fill delay, refill, cap, ipc),
        # with the poll instead of the phone's notebook.
        config = ServeConfig(db_url=f"sqlite:///{self.folder / 'unused.sqlite'}", session_code="",
                             participant_port=self.p_port, expected_participants=pool_size)
        command = [a if not a.endswith(PARTICIPANT_NOTEBOOK) else str(self.folder / "poll.ipynb")
                   for a in commands(config)["deelnemers"]]
        command = [a if not a.startswith("--Voila.ip=") else "--Voila.ip=127.0.0.1" for a in command]
        pinned = ["taskset", "-c", cpus] if cpus else []  # the same cores as serve
        self.process = subprocess.Popen([*pinned, *command], cwd=self.folder, stdout=open(self.output, "wb"),
                                        stderr=subprocess.STDOUT, start_new_session=True)
        wait_for_port(self.p_port, self.process)
        self.pool_size = pool_size

    join_url = property(lambda self: f"http://127.0.0.1:{self.p_port}/")

    def server_process(self, port: int) -> psutil.Process:
        return psutil.Process(self.process.pid)

    def kernels(self, port: int) -> list[psutil.Process]:
        return kernel_processes(self.server_process(port))

    def tree(self, port: int) -> list[psutil.Process]:
        return [self.server_process(port), *self.kernels(port)]

    def settle(self, timeout: float = 900) -> None:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout and "is filled with" not in self.output.read_text(errors="replace"):
            time.sleep(0.5)
        while time.perf_counter() - start < timeout:
            if cpu_percent(self.tree(self.p_port), 3) < 15:
                break

    def stop(self) -> None:
        from kit.serving.launcher import stop_process_tree

        stop_process_tree(self.process.pid)


async def pool_refilled(serve, since: float) -> int:
    """Once serve's fill delay after `since` is over and the participant kernels stayed as many for 5 s."""
    from kit.serving.launcher import FILL_DELAY_SECONDS

    counts: list[int] = []
    while True:
        counts = (counts + [len(serve.kernels(serve.p_port))])[-5:]
        if time.perf_counter() - since > FILL_DELAY_SECONDS + 2 and len(counts) == 5 and len(set(counts)) == 1:
            return counts[-1]
        await asyncio.sleep(1)


def making_ahead_seconds() -> float:
    """How long after a page loaded its phone may still be making the next step's view (0: a kit without that)."""
    try:
        from kit.apps.participant import MADE_AHEAD_WITHIN_SECONDS
    except ImportError:
        return 0.0
    return MADE_AHEAD_WITHIN_SECONDS + 1


def cpu_percent(processes: list[psutil.Process], seconds: float) -> float:
    """CPU of these processes together over `seconds`, in percent of one core."""
    def times():
        total = 0.0
        for p in processes:
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total
    before, start = times(), time.perf_counter()
    time.sleep(seconds)
    return 100 * (times() - before) / (time.perf_counter() - start)


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for p in processes:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


class CpuSplit:
    """CPU seconds used by the participant server itself and by its kernels between start() and stop()."""

    def __init__(self, serve: "Serve"):
        self.serve = serve

    def start(self) -> "CpuSplit":
        self.server = self.serve.server_process(self.serve.p_port)
        self.kernels = self.serve.kernels(self.serve.p_port)
        self.before = (cpu_seconds([self.server]), cpu_seconds(self.kernels))
        self.t0 = time.perf_counter()
        return self

    def stop(self, joins: int = 0) -> str:
        kernels = self.serve.kernels(self.serve.p_port)  # new kernels started since: counted from zero
        old = {k.pid for k in self.kernels}
        server = cpu_seconds([self.server]) - self.before[0]
        kernel = cpu_seconds([k for k in kernels if k.pid in old]) - self.before[1] + \
            cpu_seconds([k for k in kernels if k.pid not in old])
        wall = time.perf_counter() - self.t0
        self.per_join = 1000 * (server + kernel) / joins if joins else None
        per_join = (f"; per join {self.per_join:.0f} ms (server {1000 * server / joins:.0f} + kernel "
                    f"{1000 * kernel / joins:.0f})") if joins else ""
        return f"CPU over {wall:.1f} s: participant server {server:.1f} s, its kernels {kernel:.1f} s{per_join}"


CHROMIUM = "/usr/bin/chromium"


class Browsers:
    """The facilitator's page and the projector page in real Chromium on the same machine, as in a room: one browser
    each (their own processes, so each one's CPU can be told apart), 1366×768 and 1920×1080."""

    async def open(self, serve: Serve, cpus: str | None = None) -> "Browsers":
        from playwright.async_api import async_playwright

        self._playwright = await async_playwright().start()
        self.pages, self.browsers = {}, {}
        for name, url, size in (("facilitator", serve.facilitator_url, (1366, 768)),
                                ("projector", serve.screen_url, (1920, 1080))):
            before = {p.pid for p in self._chromium_roots()}
            browser = await self._playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            self.browsers[name] = browser
            page = await browser.new_page(viewport={"width": size[0], "height": size[1]})
            await page.goto(url, timeout=180_000)
            await page.locator(".tlg-room").first.wait_for(timeout=180_000)
            self.pages[name] = page
            new = [p for p in self._chromium_roots() if p.pid not in before]
            setattr(self, f"{name}_root", new[0] if new else None)
            if cpus:  # on the laptop's cores, with serve
                for process in self.tree(name):
                    try:
                        process.cpu_affinity([int(c) for c in cpus.split(",")])
                    except psutil.NoSuchProcess:
                        pass
        return self

    @staticmethod
    def _chromium_roots() -> list[psutil.Process]:
        """The Chromium browser processes this script (through playwright's driver) started."""
        roots = []
        for child in psutil.Process().children(recursive=True):
            try:
                if "chrom" in child.name() and "--type=" not in " ".join(child.cmdline()):
                    roots.append(child)
            except psutil.NoSuchProcess:
                pass
        return roots

    def tree(self, name: str) -> list[psutil.Process]:
        root = getattr(self, f"{name}_root", None)
        if root is None:
            return []
        try:
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    async def shows(self, name: str, text: str, timeout_ms: int = 60_000) -> None:
        await self.pages[name].get_by_text(text, exact=False).first.wait_for(timeout=timeout_ms)

    async def close(self) -> None:
        for browser in self.browsers.values():
            await browser.close()
        await self._playwright.stop()


def wait_settled(serve: Serve, quiet_percent: float = 15, quiet_seconds: float = 3, timeout: float = 900) -> float:
    """Wait until a preheated pool (if any) is filled and the participant server and its kernels are quiet.

    Returns seconds. The pool is filled when Voilà logs "Kernel pool of ... is filled" in the participant log.
    """
    start = time.perf_counter()
    text = serve.output.read_text(errors="replace")
    log_dir = re.search(r"Logboek van de servers: (\S+)", text)
    pool = re.search(r"(\d+) pagina's worden vooraf klaargezet", text)
    if log_dir and pool and int(pool.group(1)) > 0:
        log = Path(log_dir.group(1)) / "deelnemers.log"
        while time.perf_counter() - start < timeout:
            if log.exists() and "is filled with" in log.read_text(errors="replace"):
                break
            time.sleep(0.5)
    while time.perf_counter() - start < timeout:
        if cpu_percent(serve.tree(serve.p_port), quiet_seconds) < quiet_percent:
            break
    return time.perf_counter() - start


def memory(processes: list[psutil.Process]) -> tuple[list[float], list[float]]:
    rss, uss = [], []
    for p in processes:
        try:
            info = p.memory_full_info()
            rss.append(info.rss / 2**20)
            uss.append(info.uss / 2**20)
        except psutil.NoSuchProcess:
            pass
    return rss, uss


# -- figures ----------------------------------------------------------------------------------------------------------
def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def spread(values: list[float], unit: str = "s") -> str:
    if not values:
        return "none"
    return (f"p50 {statistics.median(values):.3f} {unit}, p95 {percentile(values, 95):.3f} {unit}, "
            f"max {max(values):.3f} {unit} (n={len(values)})")


class DbWatcher(threading.Thread):
    """Polls the answers of one question every `interval` s on its own connection; notes when each first appears.

    (The stored times are kept to the minute on purpose, so the commit moment is observed, not read.)
    """

    def __init__(self, db_url: str, code: str, question_key: str, interval: float = 0.02):
        super().__init__(daemon=True)
        self.db_url, self.code, self.question_key, self.interval = db_url, code, question_key, interval
        self.seen: dict[str, tuple[float, str]] = {}  # participant pseudonym -> (first seen, value)
        self._halt = threading.Event()

    def run(self) -> None:
        from kit.store import Store

        with Store(self.db_url) as store:
            while not self._halt.is_set():
                now = time.time()
                for answer in store.sessions.answers(self.code, self.question_key):
                    self.seen.setdefault(answer.participant, (now, answer.value))
                self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


# -- the storm --------------------------------------------------------------------------------------------------------
class Result:
    def __init__(self):
        self.usable: list[float] = []
        self.http: list[float] = []
        self.errors: list[str] = []
        self.full = 0


def at_welkom(p: Phone):
    return "Even wachten" in p.text() or p.find("ButtonModel")


async def join(serve, n: int, seconds: float, rng: random.Random, result: Result, ready=at_welkom) -> list[Phone]:
    offsets = sorted(rng.uniform(0, seconds) for _ in range(n))
    start = time.perf_counter()
    phones: list[Phone] = []

    async def one(offset: float) -> None:
        await asyncio.sleep(max(0.0, start + offset - time.perf_counter()))
        phone = Phone(serve.join_url)
        try:
            await phone.load(timeout=120)
            if FULL_TEXT in phone.page.body:
                result.full += 1
                return
            if phone.page.status != 200:
                result.errors.append(f"HTTP {phone.page.status}")
                return
            t0 = time.perf_counter() - phone.page.seconds
            if phone.page.root_model_id is None:  # a browser would show an empty page
                result.errors.append("page without the widget output")
                return
            await phone.connect(timeout=120)
            await phone.wait_for(ready, timeout=60)
            result.usable.append(time.perf_counter() - t0)
            result.http.append(phone.page.seconds)
            phones.append(phone)
        except Exception as error:  # noqa: BLE001 - every failure is a figure here
            result.errors.append(f"{type(error).__name__}: {error}"[:200])

    await asyncio.gather(*(one(o) for o in offsets))
    return phones


async def vote(phones: list[Phone], options: list[str], seconds: float, rng: random.Random, result: Result):
    """Each phone taps one option at a random moment within `seconds`. Returns (sent, confirmed) per phone."""
    offsets = [rng.uniform(0, seconds) for _ in phones]
    start = time.perf_counter()
    sent: dict[int, tuple[float, str]] = {}
    confirmed: dict[int, float] = {}

    async def one(i: int, phone: Phone, offset: float) -> None:
        try:
            option = options[i % len(options)]
            button = await phone.wait_for(lambda p: p.button(option), timeout=60)
            await asyncio.sleep(max(0.0, start + offset - time.perf_counter()))
            mark = len(phone.log)
            sent[i] = (time.time(), option)
            await phone.click(button)
            status_ids = {m.model_id for m in phone.with_class("tlg-status")}

            def saved(p):
                for when, comm_id, state in p.log[mark:]:
                    if comm_id in status_ids and "Opgeslagen" in str(state.get("value", "")):
                        return when
                return None
            confirmed[i] = await phone.wait_for(saved, timeout=60)
        except Exception as error:  # noqa: BLE001
            result.errors.append(f"vote {i}: {type(error).__name__}: {error}"[:200])

    await asyncio.gather(*(one(i, p, o) for i, (p, o) in enumerate(zip(phones, offsets))))
    return sent, confirmed


def match_votes(seen: dict[str, tuple[float, str]], sent: dict[int, tuple[float, str]], confirmed: dict[int, float],
                slack: float = 0.05):
    """Pair each stored answer with the phone that sent it: same option, stored between send and confirmation.

    Greedy by the moment the answer appeared, choosing the candidate whose confirmation came first (optimal for
    intervals). Returns (phone, moment the database showed the answer).
    """
    pairs, free = [], set(sent)
    for stored, value in sorted(seen.values()):
        candidates = [i for i in free if sent[i][1] == value and sent[i][0] - slack <= stored
                      and stored <= confirmed.get(i, float("inf")) + slack]
        if not candidates:
            continue
        chosen = min(candidates, key=lambda i: confirmed.get(i, float("inf")))
        free.discard(chosen)
        pairs.append((chosen, stored))
    return pairs


def count_times(facilitator: Phone, count_id: str) -> list[tuple[float, int]]:
    times = []
    for when, comm_id, state in facilitator.log:
        if comm_id == count_id and "value" in state:
            found = re.search(r"(\d+)", state["value"])
            times.append((when, int(found.group(1)) if found else 0))
    return times


def _kinds(phone: Phone) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for model in phone.models.values():
        kinds[model.model_name] = kinds.get(model.model_name, 0) + 1
    return kinds


async def shown_on_every_phone(phones: list[Phone], condition, since: float, result: Result) -> list[float]:
    shown: list[float] = []

    async def one(phone: Phone) -> None:
        try:
            await phone.wait_for(condition, timeout=60)
            shown.append(time.perf_counter() - since)
        except Exception as error:  # noqa: BLE001
            result.errors.append(f"next step: {type(error).__name__}: {error}"[:200])

    await asyncio.gather(*(one(p) for p in phones))
    return shown


async def floor_storm(floor: Floor, args) -> tuple[list[float], float | None]:
    """The same arrivals (same seed) at the bare one-widget poll."""
    result = Result()
    split = CpuSplit(floor).start()
    phones = await join(floor, args.participants, args.arrival_seconds, random.Random(args.seed), result,
                        ready=lambda p: p.find("ToggleButtonsModel"))
    print(f"\n== floor: the bare one-widget Voilà poll, {args.participants} phones within {args.arrival_seconds} s ==")
    print(split.stop(len(phones)))
    print(f"request → usable page: {spread(result.usable)}")
    print(f"  of which the HTTP page: {spread(result.http)}")
    print(f"errors: {len(result.errors)}; widget models per view: "
          f"{statistics.median(len(p.models) for p in phones) if phones else 0:.0f}")
    for phone in phones:
        await phone.close()
    return result.usable, split.per_join


async def reload_loop(serve: Serve, n: int, guard_kernels: int, min_free_mb: float) -> dict:
    """`n` page loads that never open the page (no websocket, no unload): what a script or a stuck phone does."""
    outcome = {"loads": 0, "full": 0, "errors": 0, "stopped_by_guard": False}
    for _ in range(n):
        if len(serve.kernels(serve.p_port)) >= guard_kernels or psutil.virtual_memory().available / 2**20 < min_free_mb:
            outcome["stopped_by_guard"] = True
            break
        page = await fetch(serve.join_url, timeout=120)
        outcome["loads"] += 1
        if FULL_TEXT in page.body:
            outcome["full"] += 1
        elif page.status != 200:
            outcome["errors"] += 1
    return outcome


async def storm(serve: Serve, args) -> int:
    rng = random.Random(args.seed)
    result = Result()

    browsers = None
    if args.browsers:
        started = time.perf_counter()
        browsers = await Browsers().open(serve, args.serve_cpus)
        print(f"facilitator's page and projector page open in Chromium after {time.perf_counter() - started:.1f} s")
    try:
        return await _storm(serve, args, rng, result, browsers)
    finally:
        if browsers is not None:
            await browsers.close()


async def _storm(serve: Serve, args, rng: random.Random, result: Result, browsers: "Browsers | None") -> int:
    from kit.model.live import LiveSession
    from kit.store import Store

    facilitator = Phone(serve.facilitator_url)
    await facilitator.open(timeout=120)
    print(f"facilitator page usable after {facilitator.page.seconds:.2f} s (HTTP) ")

    with Store(serve.db_url) as store:
        session = LiveSession.open(store, serve.code)
        step = next(s for s in session.template.steps if s.question is not None and s.question.key == OPTIONS_QUESTION)
        options = list(step.question.options)
        following = session.template.steps[step.index + 1]
        if args.arrive_at == "question":
            session.go_to(step.index)
            await facilitator.wait_for(lambda p: p.with_class("tlg-count"), 30)
            if browsers is not None:
                for name in ("facilitator", "projector"):
                    await browsers.shows(name, step.question.text)
            await asyncio.sleep(1)

    at_question = lambda p: p.button(options[0])  # noqa: E731
    split = CpuSplit(serve).start()
    phones = await join(serve, args.participants, args.arrival_seconds, rng, result,
                        ready=at_question if args.arrive_at == "question" else at_welkom)
    joins_ended = time.perf_counter()
    print(f"\n== join at {args.arrive_at}: {args.participants} phones within {args.arrival_seconds} s ==")
    print(split.stop(len(phones)))
    kit_per_join = split.per_join
    kit_usable = list(result.usable)
    print(f"request → usable page: {spread(result.usable)}")
    print(f"  of which the HTTP page: {spread(result.http)}")
    print(f"phones connected: {len(phones)}; 'session full' pages: {result.full}; errors: {len(result.errors)}")
    for error in sorted(set(result.errors))[:8]:
        print(f"  error: {error} (×{result.errors.count(error)})")
    if phones:
        print(f"widget models per phone view (every one a comm): all in the kernel median "
              f"{statistics.median(len(p.models) for p in phones):.0f}, reachable from the page "
              f"{statistics.median(len(p.visible()) for p in phones):.0f}; by kind: "
              + ", ".join(f"{name.replace('Model', '')} {n}" for name, n in sorted(
                  _kinds(phones[0]).items(), key=lambda kv: -kv[1])))

    # Each phone makes the next step's view ahead once its page has its widgets (kit.apps.participant): a few
    # seconds of work after the joins, measured on its own, so the idle figure below is the room waiting.
    ahead = making_ahead_seconds()
    if ahead:
        loop = asyncio.get_running_loop()
        made = await loop.run_in_executor(None, cpu_percent, serve.tree(serve.p_port), ahead)
        print(f"\n== after the joins, while each phone makes the next step's view ahead ({ahead:.0f} s) ==\n"
              f"CPU participant server + kernels: {made:.1f}% of one core")
    # The pool puts new kernels ready for later phones (serve's fill delay after kernels were taken): that start-up
    # is not the room waiting either. Idle begins once the number of kernels stood still for 5 s after it.
    refilled = await pool_refilled(serve, joins_ended)
    print(f"pool refilled: {refilled} participant kernels, {time.perf_counter() - joins_ended:.0f} s after the joins")
    kernels = serve.kernels(serve.p_port)
    rss, uss = memory(kernels)
    server_rss, _ = memory([serve.server_process(serve.p_port)])
    participant_tree = serve.tree(serve.p_port)
    facilitator_tree = serve.tree(serve.f_port)
    loop = asyncio.get_running_loop()
    trees = [participant_tree, facilitator_tree]
    if browsers is not None:
        trees += [browsers.tree("facilitator"), browsers.tree("projector")]
    idle = await asyncio.gather(*(loop.run_in_executor(None, cpu_percent, tree, args.idle_seconds) for tree in trees))
    idle_p, idle_f = idle[:2]
    print(f"\n== idle, everyone connected and waiting ({args.idle_seconds:.0f} s) ==")
    print(f"CPU participant server + {len(kernels)} kernels: {idle_p:.1f}% of one core "
          f"({idle_p / max(1, len(kernels)):.2f}% per kernel); facilitator server + its kernels: {idle_f:.1f}%; "
          f"together {idle_p + idle_f:.1f}%")
    if browsers is not None:
        print(f"Chromium, facilitator's page: {idle[2]:.1f}% of one core ({len(trees[2])} processes); "
              f"projector page: {idle[3]:.1f}% ({len(trees[3])} processes)")
        args.figures_idle = {"kit": idle_p + idle_f, "facilitator_browser": idle[2], "projector_browser": idle[3]}
    if rss:
        print(f"participant kernels: {len(rss)}; RSS per kernel median {statistics.median(rss):.1f} MB, "
              f"max {max(rss):.1f} MB; USS median {statistics.median(uss):.1f} MB; "
              f"total RSS {sum(rss):.0f} MB, USS {sum(uss):.0f} MB; participant server RSS {sum(server_rss):.0f} MB")

    if args.arrive_at == "welkom":
        # The facilitator opens the first poll; every phone must show it.
        with Store(serve.db_url) as store:
            split = CpuSplit(serve).start()
            moved = time.perf_counter()
            LiveSession.open(store, serve.code).go_to(step.index)
        shown = await shown_on_every_phone(phones, at_question, moved, result)
        print(f"\n== the facilitator opens a question ==\nmove → question on every phone: {spread(shown)}")
        print(split.stop())

    await facilitator.wait_for(lambda p: p.with_class("tlg-count") and "antwoord" in p.with_class("tlg-count")[0].state.get("value", ""), 30)
    count_id = facilitator.with_class("tlg-count")[0].model_id
    watcher = DbWatcher(serve.db_url, serve.code, OPTIONS_QUESTION)
    watcher.start()
    sent, confirmed = await vote(phones, options, args.arrival_seconds, rng, result)
    votes_ended = time.perf_counter()

    # Everything that was confirmed must be in the database; wait briefly for the facilitator's count to catch up.
    deadline = time.time() + 10
    with Store(serve.db_url) as store:
        while time.time() < deadline:
            rows = store.sessions.answers(serve.code, OPTIONS_QUESTION)
            latest = max((n for _, n in count_times(facilitator, count_id)), default=0)
            if len(rows) >= len(sent) and latest >= len(rows):
                break
            await asyncio.sleep(0.1)
        rows = store.sessions.answers(serve.code, OPTIONS_QUESTION)
    watcher.stop()

    pairs = match_votes(watcher.seen, sent, confirmed, slack=2 * watcher.interval + 0.05)
    commit_latency = [commit - sent[i][0] for i, commit in pairs]
    counts = count_times(facilitator, count_id)
    facilitator_latency = []
    for rank, (i, _) in enumerate(sorted(pairs, key=lambda pair: pair[1]), start=1):
        seen = next((when for when, n in counts if n >= rank), None)
        if seen is not None:
            facilitator_latency.append(seen - sent[i][0])
    confirm_latency = [confirmed[i] - sent[i][0] for i in confirmed]
    print(f"\n== votes: {len(phones)} phones within {args.arrival_seconds} s ==")
    print(f"sent {len(sent)}, confirmed ('Opgeslagen' received) {len(confirmed)}, stored {len(rows)}; "
          f"paired with their phone: {len(pairs)}")
    print(f"vote → committed (seen by a database poll every {watcher.interval * 1000:.0f} ms): {spread(commit_latency)}")
    print(f"vote → 'Opgeslagen' on the phone: {spread(confirm_latency)}")
    print(f"vote → facilitator's page shows it in the count (its kernel is told of the commit, refreshes, "
          f"then the websocket): {spread(facilitator_latency)}")

    # Everyone voted; the room looks at the results and talks, then the facilitator moves on. Every phone must
    # show the next step. (The handbook gives the startoefening's five polls about fifteen minutes.)
    marker = (following.question.text if following.question is not None
              else following.prompt_text if following.prompt is not None else following.block.title)
    talk = args.talk_seconds - (time.perf_counter() - votes_ended)
    if talk > 0:
        await asyncio.sleep(talk)
    ahead = sum(1 for phone in phones if any(marker in str(m.state.get("value", "")) for m in phone.models.values())
                and marker not in phone.text())
    print(f"\nthe room talked {args.talk_seconds:.0f} s after the votes; phones that made the next step's view "
          f"ahead: {ahead} of {len(phones)}")
    with Store(serve.db_url) as store:
        split = CpuSplit(serve).start()
        live = LiveSession.open(store, serve.code)
        moved = time.perf_counter()
        live.go_to(following.index)
        committed = time.perf_counter() - moved
    shown = await shown_on_every_phone(phones, lambda p: marker in p.text(), moved, result)
    print(f"\n== the facilitator moves on (to {following.block.key}/{following.item_key}) ==\n"
          f"move → next step on every phone: {spread(shown)}; of which the facilitator's commit {committed:.3f} s")
    if browsers is not None:
        for name in ("facilitator", "projector"):
            await browsers.shows(name, marker)
        print(f"move → next step in both Chromium pages: {time.perf_counter() - moved:.3f} s (after the phones)")
    print(split.stop())
    args.figures = {"usable": kit_usable, "per_join": kit_per_join, "move_on": shown}

    if args.reloads:
        before_kernels = len(serve.kernels(serve.p_port))
        before_rss = sum(memory(serve.tree(serve.p_port))[0])
        outcome = await reload_loop(serve, args.reloads, args.guard_kernels, args.min_free_mb)
        await asyncio.sleep(2)
        after_kernels = len(serve.kernels(serve.p_port))
        after_rss = sum(memory(serve.tree(serve.p_port))[0])
        print(f"\n== reload loop: {args.reloads} page loads, never opened ==")
        print(f"loads {outcome['loads']}, 'session full' {outcome['full']}, HTTP errors {outcome['errors']}"
              + (", STOPPED BY THE GUARD (kernels or free memory)" if outcome["stopped_by_guard"] else ""))
        print(f"participant kernels {before_kernels} → {after_kernels}; participant server + kernels RSS "
              f"{before_rss:.0f} MB → {after_rss:.0f} MB")

    for phone in phones:
        await phone.close()
    await facilitator.close()

    lost = len(sent) - len(rows)
    unconfirmed = len(sent) - len(confirmed)
    failed = bool(result.errors) or lost != 0 or unconfirmed != 0 or len(phones) + result.full != args.participants
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"\nsummary: errors {len(result.errors)}, lost votes {lost}, unconfirmed {unconfirmed}"
          f"{' — FAILED' if failed else ''}")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument("--arrival-seconds", type=float, default=5.0, help="phones arrive (and later vote) within this time")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--talk-seconds", type=float, default=20.0,
                        help="after the votes, the room talks this long before the facilitator moves on")
    parser.add_argument("--reloads", type=int, default=0, help="page loads in the reload loop after the votes")
    parser.add_argument("--guard-kernels", type=int, default=300, help="stop the reload loop at this many kernels")
    parser.add_argument("--min-free-mb", type=float, default=3000, help="stop the reload loop below this free memory")
    parser.add_argument("--serve-arg", action="append", default=[], help="extra argument for serve (repeatable)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--arrive-at", choices=["welkom", "question"], default="welkom",
                        help="where the session is when the phones arrive: Welkom, or the open skill question")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare one-widget poll in the same run")
    parser.add_argument("--serve-cpus", help="run serve (servers and kernels) and the --browsers on these cores "
                                              "only (taskset -c), e.g. 0 or 0,1: a laptop with fewer cores; the "
                                              "simulated phones are not pinned")
    parser.add_argument("--browsers", action="store_true",
                        help="open the facilitator's page and the projector page in real Chromium (/usr/bin/chromium) "
                             "on this machine during the storm; print their idle CPU")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tlg-storm-"))
    load_at_start = os.getloadavg()[0]
    print(f"serve {' '.join(args.serve_arg) or '(defaults)'}; {psutil.cpu_count()} cores; "
          f"{psutil.virtual_memory().available / 2**30:.1f} GB free; load average {os.getloadavg()[0]:.1f} "
          "(other work on this machine makes every figure worse)")
    started = time.perf_counter()
    if not any(a.startswith("--expected-participants") for a in args.serve_arg):
        args.serve_arg.append(f"--expected-participants={args.participants}")  # the pool the floor gets too
    serve = Serve(folder, args.serve_arg, cpus=args.serve_cpus)
    try:
        settled = wait_settled(serve)
        kernels = len(serve.kernels(serve.p_port))
        print(f"serve up and quiet after {time.perf_counter() - started:.1f} s "
              f"({settled:.1f} s waiting for quiet); kernels waiting before anyone joins: {kernels}")
        code = asyncio.run(storm(serve, args))
    finally:
        left = serve.stop()
        if left:
            print(f"serve left {len(left)} processes running (killed)")
    if args.no_floor:
        return code
    pool = args.participants
    for extra in args.serve_arg:
        found = re.match(r"--expected-participants[= ](\d+)", extra)
        if found:
            pool = int(found.group(1))
    floor = Floor(folder, pool, args.serve_cpus)
    try:
        floor.settle()
        usable, per_join = asyncio.run(floor_storm(floor, args))
    finally:
        floor.stop()
    figures = getattr(args, "figures", None)
    if figures and usable and figures["usable"]:
        kit95, floor95 = percentile(figures["usable"], 95), percentile(usable, 95)
        print("\n== the kit against the floor (same run, same pool settings, same client) ==")
        print(f"usable p95: kit at {args.arrive_at} {kit95:.3f} s, floor {floor95:.3f} s, ratio {kit95 / floor95:.1f}×")
        if figures["per_join"] and per_join:
            print(f"CPU per join (server + kernel): kit {figures['per_join']:.0f} ms, floor {per_join:.0f} ms, "
                  f"ratio {figures['per_join'] / per_join:.1f}×")
        print(f"move on → next step on every phone p95: {percentile(figures['move_on'], 95) if figures['move_on'] else float('nan'):.3f} s")
    idle = getattr(args, "figures_idle", None)
    if idle:
        print(f"idle with everyone connected: kernels + both servers {idle['kit']:.1f}% of one core; Chromium "
              f"facilitator {idle['facilitator_browser']:.1f}%, projector {idle['projector_browser']:.1f}%")
    print(f"load average at the start {load_at_start:.1f}, now {os.getloadavg()[0]:.1f} (shared machine: compare "
          "the same-run ratio, not absolute figures across runs)")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
