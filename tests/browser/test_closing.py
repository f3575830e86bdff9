"""The end of a session in the browser: the facilitator closes it, phones thank and keep an intention in view,
nobody can answer any more, and a reloaded page says it is closed instead of failing.

With TEAMLEERGESPREK_SCREENSHOTS=DIR the test saves the confirmation, the closed projector page and a phone.
"""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect

from serving import PHONE, PROJECTOR, free_port, new_page, open_facilitator, open_phone, wait_for_port, walk_to


INTENTION = "Elke week even bij de mentor langs"


def screenshot(page, name: str) -> None:
    folder = os.environ.get("TEAMLEERGESPREK_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name))


def test_the_facilitator_closes_the_session_and_every_page_follows(browser, served, tmp_path):
    facilitator = open_facilitator(browser, served.facilitator_url)
    phones = [open_phone(browser, served.join_url) for _ in range(2)]
    walk_to(facilitator, served, question="checkout_voornemen")
    for phone in phones:  # the question before has a text field too: type in this one
        expect(phone.get_by_text("Heb je een persoonlijk voornemen")).to_be_visible()
    phones[0].locator("textarea:visible").fill(INTENTION)
    phones[0].get_by_role("button", name="Verstuur").click()
    expect(phones[0].get_by_text("Opgeslagen ✓")).to_be_visible()

    # The last step offers the close, and asks once more.
    facilitator.get_by_role("button", name="Sessie afsluiten").click()
    expect(facilitator.get_by_text("Sessie nu afsluiten?")).to_be_visible()
    screenshot(facilitator, "afsluiten-vraag.png")
    facilitator.get_by_role("button", name="Ja, sluit de sessie af").click()
    expect(facilitator.locator(".tlg-block-title")).to_have_text("Sessie afgesloten")
    expect(facilitator.get_by_role("button", name="Volgende ▶")).to_be_disabled()
    expect(facilitator.locator(".tlg-join-code")).to_be_hidden()  # no QR to join a closed session
    expect(facilitator.get_by_text(f"teamleergesprek verslag --session {served.code}")).to_be_visible()

    # The verslag and every answer, as files, from the facilitator's page: one click each, the files are made
    # as the session closes.
    with facilitator.expect_download() as download:
        facilitator.get_by_role("link", name=f"Download verslag-{served.code}.pdf").click()
    assert download.value.suggested_filename == f"verslag-{served.code}.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert "{" not in facilitator.inner_text("body")  # no style sheet leaking onto the screen as text

    for phone in phones:
        expect(phone.get_by_text("De sessie is afgesloten. Bedankt voor je deelname!")).to_be_visible()
    expect(phones[0].get_by_text(INTENTION)).to_be_visible()  # the intention stays with its author only
    expect(phones[1].get_by_text(INTENTION)).to_have_count(0)
    screenshot(facilitator, "afgesloten-begeleider.png")
    screenshot(phones[0], "afgesloten-telefoon.png")

    facilitator.reload()
    expect(facilitator.locator(".tlg-block-title")).to_have_text("Sessie afgesloten")
    latecomer = new_page(browser, served.join_url, **PHONE)
    expect(latecomer.get_by_text(f"De sessie met code '{served.code}' is afgesloten.")).to_be_visible()

    from kit.store import Store

    with Store(served.db_url) as store:
        assert [a.value for a in store.sessions.answers(served.code)] == [INTENTION]

    # Another day: serve of the closed session runs its facilitator's page only, with the files; no phones' server.
    p_port, f_port = free_port(), free_port()
    log = tmp_path / "serve-closed.log"
    again = subprocess.Popen([sys.executable, "-m", "kit", "--db", served.db_url, "serve", "--session", served.code,
                              "--participant-port", str(p_port), "--facilitator-port", str(f_port)],
                             stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    try:
        wait_for_port(f_port, again)
        page = new_page(browser, f"http://127.0.0.1:{f_port}/voila/render/begeleider.ipynb", **PROJECTOR)
        expect(page.locator(".tlg-block-title")).to_have_text("Sessie afgesloten")
        workbook = page.get_by_role("link", name=f"Download antwoorden-{served.code}.xlsx")
        try:
            expect(workbook).to_be_visible()
        except AssertionError as missing:  # say what the page showed instead, and what the server logged
            shown = page.locator(".tlg-downloads").inner_text(timeout=5000)
            raise AssertionError(f"{missing}\n--- de pagina toonde:\n{shown}\n--- serve:\n{log.read_text()[-3000:]}")
        with page.expect_download() as download:
            workbook.click()
        assert Path(download.value.path()).read_bytes().startswith(b"PK")  # an xlsx is a zip
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", p_port)) != 0
        assert "alleen de begeleiderspagina" in log.read_text()
    finally:
        again.send_signal(signal.SIGINT)
        again.wait(timeout=30)
