"""A crash in the middle of a vote burst loses no vote that a participant saw confirmed."""

import subprocess
import sys

import psutil
from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, free_port, start_serving, wait_for_port


PHONES = 4
CONFIRMED_ROUNDS = 3


def kill_9(process: subprocess.Popen) -> None:
    tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    for p in tree:
        p.kill()
    psutil.wait_procs(tree, timeout=10)


def test_kill_9_mid_burst_then_serve_again(browser, tmp_path):
    from kit.model.live import LiveSession
    from kit.store import Store

    served = start_serving(tmp_path)
    with Store(served.db_url) as store:
        session = LiveSession.open(store, served.code)
        session.go_to(next(s.index for s in session.template.steps if s.question and s.question.key == "versterken"))

    phones = []
    for _ in range(PHONES):
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(served.join_url)
        page.locator("textarea:visible").wait_for()
        phones.append(page)

    confirmed = {}
    for round_ in range(CONFIRMED_ROUNDS):
        for i, phone in enumerate(phones):
            text = f"telefoon {i} ronde {round_}"
            phone.locator("textarea:visible").fill(text)
            if round_:
                # "Opgeslagen ✓" of the round before must give way first, or it would pass for this round's.
                expect(phone.get_by_text("Gewijzigd, nog niet verstuurd.")).to_be_visible()
            phone.get_by_role("button", name="Verstuur").click()
            expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
            confirmed[i] = text
    in_flight = {}
    for i, phone in enumerate(phones):  # the burst the crash interrupts: sent, not waited for
        in_flight[i] = f"telefoon {i} onderweg"
        phone.locator("textarea:visible").fill(in_flight[i])
        phone.get_by_role("button", name="Verstuur").click(no_wait_after=True)
    kill_9(served.process)

    with Store(served.db_url) as store:
        stored = {a.value for a in store.sessions.answers(served.code)}
    for i in range(PHONES):
        assert confirmed[i] in stored or in_flight[i] in stored, f"phone {i}: confirmed answer lost"

    p_port, f_port = free_port(), free_port()
    again = subprocess.Popen(
        [sys.executable, "-m", "kit", "--db", served.db_url, "serve", "--session", served.code,
         "--participant-port", str(p_port), "--facilitator-port", str(f_port)],
        stdout=open(tmp_path / "serve-again.log", "wb"), stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(p_port, again)
        wait_for_port(f_port, again)
        phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        phone.set_default_timeout(PAGE_TIMEOUT_MS)
        phone.goto(f"http://127.0.0.1:{p_port}/?code={served.code}")
        # Resumed at the same question: the new phone lands on it and can answer.
        expect(phone.get_by_text("Wat is nodig om het signaleren en handelen op de school te versterken?")).to_be_visible()
        phone.locator("textarea:visible").fill("na de herstart")
        phone.get_by_role("button", name="Verstuur").click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
        with Store(served.db_url) as store:
            assert len(store.sessions.answers(served.code)) == PHONES + 1
    finally:
        kill_9(again)


def test_sigterm_stops_both_servers_and_every_kernel(browser, tmp_path):
    import signal

    served = start_serving(tmp_path)
    page = browser.new_context().new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(served.join_url)
    expect(page.get_by_text("Even wachten…")).to_be_visible()
    tree = psutil.Process(served.process.pid).children(recursive=True)
    assert any("ipykernel" in " ".join(p.cmdline()) for p in tree)
    served.process.send_signal(signal.SIGTERM)
    served.process.wait(timeout=30)
    _, alive = psutil.wait_procs(tree, timeout=10)
    assert not alive
