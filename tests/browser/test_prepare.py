"""The preparation page served by `teamleergesprek voorbereiden`, used in Chromium as a facilitator would.

With TEAMLEERGESPREK_SCREENSHOTS=DIR the test also saves the page as a facilitator sees it at the end (1366 wide)
in DIR/voorbereiden.png and the invitation's page in DIR/uitnodiging.png: docs/img/ holds the ones in the
trainers' guide.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, free_port, wait_for_port


SCREENSHOTS_ENV = "TEAMLEERGESPREK_SCREENSHOTS"
CASE_TITLE = "Casus 5: stil in de klas"
CASE_TEXT = ("Een leerling uit de tweede klas zegt al weken bijna niets. Haar mentor ziet dat ze schrikt als iemand "
             "achter haar langs loopt en dat ze bij gym een lange broek aanhoudt.")


@pytest.fixture
def prepare_page(tmp_path):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kit", "--db", f"sqlite:///{tmp_path / 'kit.sqlite'}",
                                "voorbereiden", "--port", str(port)],
                               cwd=tmp_path, stdout=open(tmp_path / "voorbereiden.log", "wb"), stderr=subprocess.STDOUT)
    wait_for_port(port, process)
    yield f"http://127.0.0.1:{port}/"
    process.send_signal(signal.SIGTERM)  # as `kill` would; the command stops Voilà and its kernel
    process.wait(timeout=30)


def test_a_facilitator_prepares_a_session(browser, prepare_page, tmp_path):
    page = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True,
                               locale="nl-NL").new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(prepare_page)
    expect(page.get_by_text("1. Kies een sjabloon")).to_be_visible(timeout=PAGE_TIMEOUT_MS)

    page.get_by_placeholder("bijv. onze_school").fill("onze_school")
    page.get_by_role("button", name="Maak eigen kopie").click()
    expect(page.get_by_text("Eigen sjabloon gemaakt")).to_be_visible()
    assert (tmp_path / "data" / "templates" / "onze_school.yaml").exists()

    page.get_by_placeholder("bijv. Casus 5: stil in de klas").fill(CASE_TITLE)
    page.get_by_placeholder("Wat zag of hoorde de docent?").fill(CASE_TEXT)
    page.get_by_role("button", name="Bewaar casus in eigen sjabloon").click()
    expect(page.get_by_text("Casus bewaard in data/templates/onze_school.yaml")).to_be_visible()

    stickers, per_point = page.locator(".tlg-prepare input[type=number]").all()
    stickers.fill("2")
    per_point.fill("3")
    page.get_by_role("button", name="Bewaar stickers").click()
    expect(page.get_by_text("Maak 'Hoogstens per punt' 2 of minder.", exact=False)).to_be_visible()
    stickers.fill("4")
    page.get_by_role("button", name="Bewaar stickers").click()
    expect(page.get_by_text("Iedereen krijgt 4 stickers, hoogstens 3 op één punt.")).to_be_visible()

    # The phone preview: register a group on the worksheet screen and find the own case among the cases.
    phone = page.locator(".tlg-phone-frame")
    assert phone.bounding_box()["width"] == pytest.approx(390 + 2 * 14, abs=1)  # 390 px of screen, plus the frame
    page.locator(".tlg-prepare-section select").nth(1).select_option(
        label=f"{_werkblad_number()}. Werkvorm 3: De meldcode op school · werkblad")
    phone.get_by_placeholder("bijv. Groep 3").fill("Groep 1")
    phone.get_by_role("button", name="Meld ons groepje aan").click()
    expect(phone.get_by_role("button", name=CASE_TITLE)).to_be_visible()
    expect(phone.get_by_text(CASE_TEXT)).to_be_visible()

    page.get_by_placeholder("bijv. Havo onderbouw (geen persoonsnamen)").fill("Havo onderbouw")
    page.locator("input[type=date]").fill("2026-12-03")
    page.get_by_role("button", name="Maak sessie").click()
    expect(page.get_by_text("Sessie aangemaakt voor Havo onderbouw op donderdag 3 december 2026")).to_be_visible()
    code = page.locator(".tlg-join-code").inner_text().strip()
    assert len(code) == 6

    page.get_by_label("Adres van de laptop").fill("192.168.1.23")
    page.get_by_placeholder("bijv. 15.30–17.30 uur, aula").fill("15.30–17.30 uur, aula")
    page.get_by_placeholder("bijv. de aandachtsfunctionaris, kamer 1.12").fill("de aandachtsfunctionaris, kamer 1.12")
    page.get_by_role("button", name="Maak uitnodiging (PDF)").click()
    with page.expect_download() as download:
        page.get_by_text("Download de uitnodiging (PDF)").click()
    assert download.value.suggested_filename == f"uitnodiging-{code}.pdf"
    downloaded = Path(download.value.path()).read_bytes()
    assert downloaded == (tmp_path / "data" / f"uitnodiging-{code}.pdf").read_bytes()

    from pypdf import PdfReader

    text = PdfReader(tmp_path / "data" / f"uitnodiging-{code}.pdf").pages[0].extract_text()
    assert f"http://192.168.1.23:8866/?code={code}" in text and "Havo onderbouw" in text

    folder = os.environ.get(SCREENSHOTS_ENV)
    if folder:
        height = page.evaluate("Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
        page.set_viewport_size({"width": 1366, "height": height + 20})
        page.wait_for_timeout(500)
        phone.get_by_role("button", name=CASE_TITLE).scroll_into_view_if_needed()  # the own case, last in the list
        page.wait_for_timeout(300)
        page.screenshot(path=str(Path(folder) / "voorbereiden.png"), full_page=True)
        # The invitation's first page as an image (poppler-utils' pdftoppm, as the guide's picture was made).
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile",
                        str(tmp_path / "data" / f"uitnodiging-{code}.pdf"), str(Path(folder) / "uitnodiging")],
                       check=True)


def _werkblad_number() -> int:
    from kit.authoring import load_template

    return next(s.index for s in load_template("teamleergesprek").steps if s.activity == "werkblad") + 1


def test_a_case_typed_before_the_copy_is_kept_and_the_messages_speak_the_pages_language(browser, prepare_page, tmp_path):
    """Step 2 asks for an own copy (step 1) first: the case typed before that copy stays in its fields, and every
    message names the page's own fields, never a template's YAML keys."""
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL").new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(prepare_page)
    expect(page.get_by_text("1. Kies een sjabloon")).to_be_visible(timeout=PAGE_TIMEOUT_MS)

    title = page.get_by_placeholder("bijv. Casus 5: stil in de klas")
    text = page.get_by_placeholder("Wat zag of hoorde de docent?")
    title.fill(CASE_TITLE)
    text.fill(CASE_TEXT)
    page.get_by_role("button", name="Bewaar casus in eigen sjabloon").click()
    expect(page.get_by_text("Maak eerst een eigen kopie (stap 1)", exact=False)).to_be_visible()

    copy = page.get_by_role("button", name="Maak eigen kopie")
    copy.click()  # no name yet
    expect(page.get_by_text("Vul eerst een naam in voor je eigen kopie, bijvoorbeeld onze_school.")).to_be_visible()
    page.get_by_placeholder("bijv. onze_school").fill("Onze School")
    copy.click()
    expect(page.get_by_text("'Onze School' kan geen naam van een sjabloon zijn", exact=False)).to_be_visible()
    expect(page.get_by_text("Bijvoorbeeld: onze_school", exact=False)).to_be_visible()
    page.get_by_placeholder("bijv. onze_school").fill("onze_school")
    copy.click()
    expect(page.get_by_text("Je casus uit stap 2 staat nog klaar", exact=False)).to_be_visible()
    expect(title).to_have_value(CASE_TITLE)  # the copy kept what was typed
    expect(text).to_have_value(CASE_TEXT)

    title.fill("")
    page.get_by_role("button", name="Bewaar casus in eigen sjabloon").click()
    expect(page.get_by_text("Geef de casus een titel; die zien de groepjes als ze een casus kiezen.")).to_be_visible()
    title.fill(CASE_TITLE)
    page.get_by_role("button", name="Bewaar casus in eigen sjabloon").click()
    expect(page.get_by_text("Casus bewaard in data/templates/onze_school.yaml")).to_be_visible()
    assert CASE_TEXT[:40] in (tmp_path / "data" / "templates" / "onze_school.yaml").read_text(encoding="utf-8")

    stickers, per_point = page.locator(".tlg-prepare input[type=number]").all()
    stickers.fill("3")
    per_point.fill("6")
    page.get_by_role("button", name="Bewaar stickers").click()
    expect(page.get_by_text("6 bij 'Hoogstens per punt' is meer dan 3 bij 'Stickers per persoon'",
                            exact=False)).to_be_visible()
    # No YAML keys or unrelated examples in any message the page gave.
    shown = " ".join(page.locator(".tlg-status-ok, .tlg-status-error").all_inner_texts())
    assert "Hoogstens per punt" in shown
    for yaml_word in ("max_per_point", "'title'", "'text'", "eigen_casus", "meldcode:", "points:", "blok '"):
        assert yaml_word not in shown, yaml_word
