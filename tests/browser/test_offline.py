"""No internet needed: every page the kit serves asks only the laptop, and a network that swallows requests to other
hosts (drops packets instead of refusing them) does not hold a phone page up."""

import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, PHONE, PROJECTOR, free_port, start_serving, stop_serving, wait_for_port

LAPTOP = {"127.0.0.1", "localhost"}


def recording(browser, requests: list, **context):
    """A browser window that notes the address of every request and websocket its pages open."""
    ctx = browser.new_context(**context)
    ctx.on("request", lambda request: requests.append(request.url))
    page = ctx.new_page()
    page.on("websocket", lambda socket: requests.append(socket.url))
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    return page


def elsewhere(requests: list) -> list:
    return [url for url in requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LAPTOP]


def start_command(tmp_path, name, *args) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kit", *args, "--port", str(port)], cwd=tmp_path,
                               stdout=open(tmp_path / f"{name}.log", "wb"), stderr=subprocess.STDOUT)
    wait_for_port(port, process)
    return process, port


def test_every_page_asks_only_the_laptop(browser, tmp_path):
    from kit.model.live import LiveSession
    from kit.store import Store

    served = start_serving(tmp_path)
    requests: list[str] = []
    others = []
    try:
        facilitator = recording(browser, requests, **PROJECTOR)
        facilitator.goto(served.facilitator_url)
        expect(facilitator.locator(".tlg-block-title")).to_have_text("Welkom")

        phone = recording(browser, requests, **PHONE)
        phone.goto(served.join_url)
        expect(phone.get_by_text("Even wachten…")).to_be_visible()

        with Store(served.db_url) as store:  # a question on the phone too: its buttons and fonts
            session = LiveSession.open(store, served.code)
            session.go_to(next(s.index for s in session.template.steps if s.question and s.question.options))
        expect(phone.locator("button.tlg-option").first).to_be_visible()

        screen = recording(browser, requests, **PROJECTOR)
        screen.goto(served.screen_url)
        expect(screen.locator(".tlg-screen, .tlg-projector").first).to_be_visible()

        trends, port = start_command(tmp_path, "trends", "--db", served.db_url, "trends")
        others.append(trends)
        page = recording(browser, requests, **PROJECTOR)
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.get_by_text("Trends voor het zorgteam")).to_be_visible()

        prepare, port = start_command(tmp_path, "voorbereiden", "--db", served.db_url, "voorbereiden")
        others.append(prepare)
        page = recording(browser, requests, **PROJECTOR)
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.get_by_text("1. Kies een sjabloon")).to_be_visible()

        assert requests, "no requests recorded"
        assert not elsewhere(requests), f"pages asked other hosts than the laptop: {sorted(set(elsewhere(requests)))}"
    finally:
        for process in others:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        stop_serving(served)


def test_phone_works_at_once_on_a_network_that_swallows_other_hosts(browser, tmp_path):
    from kit.model.live import LiveSession
    from kit.store import Store

    served = start_serving(tmp_path, wait_for_pool=True)
    try:
        with Store(served.db_url) as store:
            session = LiveSession.open(store, served.code)
            step = next(s for s in session.template.steps if s.question and s.question.options)
            session.go_to(step.index)
        context = browser.new_context(**PHONE)
        swallowed = []
        # A request to any other host is never answered, as on a network that drops its packets.
        context.route(lambda url: urlsplit(url).hostname not in LAPTOP,
                      lambda route: swallowed.append(route.request.url))
        phone = context.new_page()
        started = time.monotonic()
        phone.goto(served.join_url, wait_until="commit")
        option = phone.get_by_role("button", name=step.question.options[0])
        expect(option).to_be_visible(timeout=10_000)
        option.click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible(timeout=10_000)
        assert time.monotonic() - started < 20
        assert not swallowed, f"the phone page asked other hosts: {swallowed}"
    finally:
        stop_serving(served)
