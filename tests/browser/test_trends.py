"""The zorgteam opens the served trends page on the demo history and reads the charts."""

import subprocess
import sys
import time

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, free_port, wait_for_port



def test_trends_page_shows_the_demo_teams_charts(browser, tmp_path):
    db = f"sqlite:///{tmp_path / 'trends.sqlite'}"
    subprocess.run([sys.executable, "-m", "kit", "--db", db, "demo"], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kit", "--db", db, "trends", "--port", str(port)],
                              stdout=open(tmp_path / "trends.log", "wb"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, server)
        page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.get_by_text("Trends voor het zorgteam")).to_be_visible()
        expect(page.get_by_text("4 sessies van Havo/vwo onderbouw (voorbeeld)")).to_be_visible()
        charts = page.locator("img[src^='data:image/png'], img[src^='blob:']")
        expect(charts.first).to_be_visible()
        assert charts.count() >= 4  # skill, school, partners, recurring words
        expect(page.get_by_text("positiever geworden").first).to_be_visible()
        page.locator("select").first.select_option(label="Praktijkonderwijs (voorbeeld)")
        expect(page.get_by_text("4 sessies van Praktijkonderwijs (voorbeeld)")).to_be_visible()
        expect(page.get_by_text("te weinig antwoorden").first).to_be_visible()
        expect(page.get_by_text("meegenomen naar volgende sessie")).to_be_visible()
        # The rapport of what the page shows, without a terminal.
        page.get_by_role("button", name="Rapport van deze selectie (PDF)").click()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download rapport-praktijkonderwijs-voorbeeld.pdf").click()
        assert download.value.suggested_filename == "rapport-praktijkonderwijs-voorbeeld.pdf"
        with open(download.value.path(), "rb") as pdf:
            assert pdf.read(4) == b"%PDF"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_preheated_page_shows_a_session_held_after_it_was_drawn(browser, tmp_path):
    """Issue 16: `teamleergesprek trends` draws the page in a kernel before anyone asks. A session created on this
    laptop after that (another connection) is on the page when the zorgteam opens it."""
    import psutil

    from serving import cpu_seconds, kernel_processes

    db = f"sqlite:///{tmp_path / 'trends.sqlite'}"
    subprocess.run([sys.executable, "-m", "kit", "--db", db, "demo"], check=True, capture_output=True)
    port = free_port()
    log = tmp_path / "trends.log"
    server = subprocess.Popen([sys.executable, "-m", "kit", "--db", db, "trends", "--port", str(port)],
                              stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, server)
        # Until Voilà filled its pool and the preheated kernel finished drawing (it then waits for a request).
        deadline = time.time() + 180
        while "is filled with" not in log.read_text(errors="replace"):
            assert time.time() < deadline, "no preheated kernel"
            time.sleep(0.2)
        while True:
            kernels = kernel_processes(psutil.Process(server.pid))
            before = sum(cpu_seconds(k) for k in kernels)
            time.sleep(1)
            if kernels and sum(cpu_seconds(k) for k in kernels) - before < 0.05:
                break
            assert time.time() < deadline, "the preheated kernel kept drawing"
        subprocess.run([sys.executable, "-m", "kit", "--db", db, "new", "--team", "Havo/vwo onderbouw (voorbeeld)",
                        "--date", "2026-11-20"], check=True, capture_output=True)
        page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(f"http://127.0.0.1:{port}/")
        expect(page.get_by_text("5 sessies van Havo/vwo onderbouw (voorbeeld)")).to_be_visible()
        expect(page.get_by_text("20 nov 2026").first).to_be_visible()
        assert "Using pre-heated kernel" in log.read_text(errors="replace")
    finally:
        server.terminate()
        server.wait(timeout=30)
