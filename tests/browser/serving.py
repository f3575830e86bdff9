"""Real servers for browser tests: `teamleergesprek serve` on free ports, stopped with Ctrl-C as a person would."""

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
PAGE_TIMEOUT_MS = 60_000

# The simulated phone (HTTP + kernel websocket, no browser) lives with the benchmarks that use it too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from processes import cpu_seconds, free_port, kernel_processes, wait_for_port  # noqa: E402 (benchmarks/, put on the path just above)

# Every `serve` a test starts (also the ones a test starts itself) preheats a few phone pages, not a room's worth.
os.environ.setdefault("TEAMLEERGESPREK_EXPECTED_PARTICIPANTS", "3")


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PROJECTOR = {"viewport": {"width": 1366, "height": 900}}
ROOM_LAPTOP = {"viewport": {"width": 1366, "height": 768}}  # the laptop a school's projector mirrors


def open_facilitator(browser, url: str):
    """The facilitator's page on the projector, once it shows the first block."""
    page = browser.new_context(**PROJECTOR).new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url)
    expect(page.locator(".tlg-block-title")).to_have_text("Welkom")
    return page


def open_phone(browser, url: str):
    """A phone on the join address, once it waits for the facilitator."""
    page = browser.new_context(**PHONE).new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url)
    expect(page.get_by_text("Even wachten…")).to_be_visible()
    return page


def open_room(browser, served, phone: bool = True):
    """The room as a session starts: the facilitator's page and the projector view at 1366×768, each showing
    Welkom, and (with `phone`) one phone waiting. Returns (facilitator, projector, phone or None)."""
    facilitator = new_page(browser, served.facilitator_url, **ROOM_LAPTOP)
    expect(facilitator.locator(".tlg-block-title")).to_have_text("Welkom")
    projector = new_page(browser, served.screen_url, **ROOM_LAPTOP)
    expect(projector.locator(".tlg-block-title")).to_have_text("Welkom")
    waiting = None
    if phone:
        waiting = new_page(browser, served.join_url, **PHONE)
        expect(waiting.get_by_text("Even wachten…")).to_be_visible()
    return facilitator, projector, waiting


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

    output: Path | None = None

    def serve_text(self) -> str:
        return self.output.read_text(errors="replace") if self.output else ""

    def participant_log(self) -> str:
        found = re.search(r"Logboek van de servers: (\S+)", self.serve_text())
        log = Path(found.group(1)) / "deelnemers.log" if found else None
        return log.read_text(errors="replace") if log and log.exists() else ""

    def wait_for_pool(self, timeout: float = 120) -> None:
        """Until Voilà says the preheated pool is filled and every pool kernel has run the notebook up to the
        point where it waits for a phone (the kernels are quiet)."""
        deadline = time.time() + timeout
        while "is filled with" not in self.participant_log():
            if time.time() > deadline:
                raise TimeoutError("the pool of preheated kernels was not filled")
            time.sleep(0.2)
        while time.time() < deadline:
            kernels = participant_kernels(self)
            before = sum(cpu_seconds(k) for k in kernels)
            time.sleep(1)
            if sum(cpu_seconds(k) for k in kernels) - before < 0.1:
                return
        raise TimeoutError("the preheated kernels did not settle")

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kit", "--db", self.db_url, *args],
                              capture_output=True, text=True, check=True)


def start_serving(tmp_path: Path, extra_env: dict | None = None, serve_args: list[str] | tuple = (),
                  wait_for_pool: bool = False) -> Served:
    db_url = f"sqlite:///{tmp_path / 'browser.sqlite'}"
    created = subprocess.run([sys.executable, "-m", "kit", "--db", db_url, "new", "--team", "Browserteam"],
                             capture_output=True, text=True, check=True)
    code = created.stdout.strip().splitlines()[-1]
    return start_serve(db_url, code, tmp_path / "serve.log", extra_env, serve_args, wait_for_pool)


def start_serve(db_url: str, code: str, log: Path, extra_env: dict | None = None, serve_args: list[str] | tuple = (),
                wait_for_pool: bool = False, session_option: bool = True) -> Served:
    """`serve` of an existing session on any database; with --participants-only there is no facilitator port (and
    without session_option the phones' server is started without --session: phones bring the code)."""
    p_port, f_port = free_port(), free_port()
    session = ["--session", code] if session_option else []
    process = subprocess.Popen(
        [sys.executable, "-m", "kit", "--db", db_url, "serve", *session,
         "--participant-port", str(p_port), "--facilitator-port", str(f_port), *serve_args],
        stdout=open(log, "wb"), stderr=subprocess.STDOUT,
        env={**os.environ, **(extra_env or {})},
    )
    wait_for_port(p_port, process)
    if "--participants-only" not in serve_args:
        wait_for_port(f_port, process)
    served = Served(db_url, code, p_port, f_port, process)
    served.output = log
    if wait_for_pool:
        served.wait_for_pool()
    return served



def server_process(served: Served, port: int) -> psutil.Process | None:
    for child in psutil.Process(served.process.pid).children(recursive=True):
        try:
            if f"--port={port}" in child.cmdline():
                return child
        except psutil.NoSuchProcess:
            pass
    return None


def participant_kernels(served: Served) -> list[psutil.Process]:
    """The kernels of the participant server (preheated ones included)."""
    return kernel_processes(server_process(served, served.participant_port))


def stop_serving(served: Served) -> list[psutil.Process]:
    """Ctrl-C, as the facilitator would; returns whatever it left running."""
    tree = psutil.Process(served.process.pid).children(recursive=True)
    served.process.send_signal(signal.SIGINT)
    served.process.wait(timeout=30)
    _, alive = psutil.wait_procs(tree, timeout=5)
    return alive


class LoopThread:
    """An asyncio loop of its own for the simulated phones: the browser tests' Playwright keeps a loop running in
    the main thread, so asyncio.run() cannot be used there."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="phones", daemon=True)
        self.thread.start()

    def run(self, coroutine, timeout: float = 300):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def run(coroutine, timeout: float = 300):
    """Run one coroutine of simulated phones to its end, on a loop of its own."""
    loop = LoopThread()
    try:
        return loop.run(coroutine, timeout)
    finally:
        loop.close()


# -- pages as people open them ---------------------------------------------------------------------------------------


def new_page(browser, url, **context):
    page = browser.new_context(**context).new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url)
    return page


def wait_for_focused_heading(page) -> str:
    """Until a heading has the focus (the page moves it there once the new screen is drawn); its text."""
    return page.wait_for_function("""() => { const el = document.activeElement;
        return el && (el.getAttribute('role') === 'heading' || /^H[1-6]$/.test(el.tagName)) ? el.textContent.trim() : ''; }"""
                                  ).json_value()


def walk_to(facilitator, served, *, activity=None, prompt=None, block=None, question=None):
    """Click Volgende until the live state reaches the wanted step, as the facilitator would."""
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        session = LiveSession.open(store, served.code)
        target = next(s for s in session.template.steps
                      if (activity is None or s.activity == activity) and (prompt is None or s.prompt == prompt)
                      and (block is None or s.block.key == block)
                      and (question is None or (s.question is not None and s.question.key == question)))
        clicks = target.index - session.step().index
    click_next(facilitator, served, clicks)


def click_next(facilitator, served, times: int = 1):
    """Click Volgende `times` times, each time waiting until the session is at the next step, as the facilitator
    waits for the screen to change (a second click before that is a double click: it moves nothing)."""
    from kit.model.live import LiveSession
    from kit.store import Store

    def step_index():
        with Store(served.db_url) as store:
            return LiveSession.open(store, served.code).step().index

    start = step_index()
    for done in range(1, times + 1):
        # The kernel handles a click after the browser has sent it; wait for that step, as the facilitator waits
        # for the screen to change, before the next click. A click that landed on the button of the step before
        # (the page had not redrawn yet) changes nothing: click again, as a person would.
        deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
        while step_index() != start + done:
            assert time.monotonic() < deadline, f"Volgende {done} of {times} did not reach step {start + done}"
            # Leaving a worksheet that groups still write on asks first; the facilitator who walks on says yes.
            confirm = facilitator.get_by_role("button", name="Ja, ga toch verder")
            if confirm.is_visible():
                try:
                    confirm.click(timeout=5_000)
                except PlaywrightTimeoutError:  # the question was still on screen for the step already left: the
                    pass                        # kernel hid it while the click waited; the loop looks again
            else:
                facilitator.get_by_role("button", name="Volgende ▶").click()
            for _ in range(30):
                if step_index() == start + done or confirm.is_visible():
                    break
                facilitator.wait_for_timeout(100)


def register_group(phone, label: str) -> None:
    """A group's phone on the Werkvorm 3 worksheet: register under a group name; the cases follow."""
    phone.get_by_placeholder("bijv. Groep 3").fill(label)
    phone.get_by_role("button", name="Meld ons groepje aan").click()


def answer_first_step(phone, case: str, text: str) -> None:
    """Pick the case, answer the first question of meldcode step 1 and save, as a group would."""
    from playwright.sync_api import expect

    phone.get_by_role("button", name=case).click()
    expect(phone.get_by_text("Stap 1: Signalen in kaart brengen")).to_be_visible()
    phone.locator("textarea:visible").first.fill(text)
    phone.get_by_role("button", name="Bewaar deze stap").click()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
