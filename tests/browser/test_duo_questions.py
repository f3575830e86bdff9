"""Werkvorm 1 in real browsers: a phone (390×844) shows the whole list of duo questions, so pairs work through
them at their own pace; when the facilitator puts one on the projector, the phone marks that one.

With TEAMLEERGESPREK_SCREENSHOTS=DIR the test saves the phone in Werkvorm 1."""

import os
from pathlib import Path

from playwright.sync_api import expect

from serving import PHONE, PROJECTOR, new_page, open_facilitator, walk_to


def test_a_phone_in_werkvorm_1_lists_every_duo_question_and_marks_the_one_on_the_screen(browser, served):
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        duo_questions = LiveSession.open(store, served.code).template.block("werkvorm1").prompts

    facilitator = open_facilitator(browser, served.facilitator_url)
    projector = new_page(browser, served.screen_url, **PROJECTOR)
    phone = new_page(browser, served.join_url, **PHONE)
    expect(phone.get_by_text("Even wachten…")).to_be_visible()

    walk_to(facilitator, served, block="werkvorm1")
    expect(phone.get_by_role("heading", name="Vragen voor jullie tweetal")).to_be_visible()
    items = phone.locator(".tlg-prompt-list li")
    expect(items).to_have_count(len(duo_questions))
    for item, question in zip(items.all(), duo_questions):
        expect(item).to_have_text(question)
    expect(phone.locator(".tlg-prompt-list li[aria-current]")).to_have_count(0)
    # Fits the phone's width: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    # The facilitator puts the third question on the projector; the phone keeps the list and marks that one.
    walk_to(facilitator, served, block="werkvorm1", prompt=2)
    expect(projector.locator(".tlg-prompt")).to_have_text(duo_questions[2])
    current = phone.locator(".tlg-prompt-list li[aria-current]")
    expect(current).to_have_text(f"{duo_questions[2]} (nu op het scherm)")
    expect(items).to_have_count(len(duo_questions))
    expect(items.nth(0)).to_have_text(duo_questions[0])

    if os.environ.get("TEAMLEERGESPREK_SCREENSHOTS"):
        folder = Path(os.environ["TEAMLEERGESPREK_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=str(folder / "telefoon-werkvorm1-390x844.png"))

    # Werkvorm 2 keeps its one-at-a-time reflection questions.
    walk_to(facilitator, served, block="werkvorm2", prompt=0)
    expect(phone.locator(".tlg-prompt-list")).to_have_count(0)
