"""A question of type `punten` end to end: a template file with one, phones dividing 100 points with the − and +
buttons in Chromium, the facilitator's chart of the means, and the exports."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from serving import click_next, PAGE_TIMEOUT_MS, start_serve, stop_serving


TEMPLATE = Path(__file__).resolve().parents[1] / "unit" / "authoring" / "cases" / "valid" / "elk_vraagtype.yaml"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
A, B, C = "scholing over signalen", "overleg met Veilig Thuis", "gesprekken met ouders"
QUESTION = "Verdeel 100 punten over wat het team het eerst moet oppakken."


@pytest.fixture
def served(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'punten.sqlite'}"
    created = subprocess.run([sys.executable, "-m", "kit", "--db", db_url, "new", "--template", str(TEMPLATE),
                              "--team", "Browserteam"], capture_output=True, text=True, check=True)
    s = start_serve(db_url, created.stdout.strip().splitlines()[-1], tmp_path / "serve.log")
    yield s
    assert not stop_serving(s)


def new_page(browser, url, **context):
    page = browser.new_context(**context).new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url)
    return page


def tap(phone, option, sign, times):
    button = phone.get_by_title(f"10 punten {'meer' if sign == '+' else 'minder'} voor: {option}")
    for _ in range(times):
        button.click()


def test_phones_divide_points_and_the_room_sees_the_means(browser, served, tmp_path):
    facilitator = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 900})
    expect(facilitator.locator(".tlg-block-title")).to_have_text("Start")
    phones = [new_page(browser, served.join_url, **PHONE) for _ in range(3)]
    for phone in phones:
        expect(phone.get_by_text("Even wachten…")).to_be_visible()
    click_next(facilitator, served, 5)  # the block's introduction, then four questions before this one
    expect(facilitator.locator(".tlg-question-big")).to_have_text(QUESTION)

    divisions = [{A: 60, B: 30, C: 10}, {A: 50, B: 50, C: 0}, {A: 0, B: 0, C: 100}]
    for phone, division in zip(phones, divisions):
        expect(phone.get_by_text(QUESTION)).to_be_visible()
        expect(phone.get_by_text("Nog te verdelen: 100 punten")).to_be_visible()
        send = phone.get_by_role("button", name="Verstuur")
        expect(send).to_be_disabled()
        for option, points in division.items():
            tap(phone, option, "+", points // 10)
        expect(phone.get_by_text("Alle 100 punten verdeeld. Tik op Verstuur.")).to_be_visible()
        send.click()
        expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    # A change of mind on the last phone: 10 points from C to A, sent again.
    tap(phones[2], C, "-", 1)
    expect(phones[2].get_by_text("Nog te verdelen: 10 punten")).to_be_visible()
    expect(phones[2].get_by_role("button", name="Verstuur")).to_be_disabled()
    tap(phones[2], A, "+", 1)
    phones[2].get_by_role("button", name="Verstuur").click()
    expect(phones[2].get_by_text("Opgeslagen ✓")).to_be_visible()

    expect(facilitator.locator(".tlg-count")).to_have_text("3 antwoorden")
    facilitator.get_by_role("button", name="Toon resultaten").click()
    expect(facilitator.get_by_text(f"gemiddeld aantal punten: {A} 40,0 · {C} 33,3 · {B} 26,7")).to_be_visible()
    expect(facilitator.locator(".tlg-projector img").first).to_be_visible()

    rows = list(csv.DictReader(io.StringIO(served.cli("export", "--session", served.code).stdout)))
    answers = sorted((json.loads(r["antwoord"]) for r in rows if r["vraag"] == "prioriteit"), key=lambda d: d[A])
    assert answers == [{A: 10, B: 0, C: 90}, {A: 50, B: 50, C: 0}, {A: 60, B: 30, C: 10}]
    means = {r["vraag"].rsplit(":", 1)[1]: r["antwoord"] for r in rows if r["vraag"].startswith("prioriteit:gemiddelde")}
    assert means == {A: "40.0", B: "26.7", C: "33.3"}
    workbook = tmp_path / "sessie.xlsx"
    served.cli("export", "--session", served.code, "--format", "xlsx", "--out", str(workbook))
    sheet = load_workbook(workbook)["gemiddelden"]
    assert [row[2:4] for row in sheet.iter_rows(min_row=2, values_only=True)] == [(A, 40.0), (B, 26.7), (C, 33.3)]
