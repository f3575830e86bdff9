"""Werkvorm 2, the thought experiment, in a real browser: the facilitator's page (1366×768) and a phone.

Each reflection question's thinking time starts by itself with the question, the block's clock stays in view,
the phones show the time left, and one pause stops it for everyone. With TEAMLEERGESPREK_SCREENSHOTS=DIR the
test saves the facilitator's page during the first question.
"""

import re

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, PHONE, new_page
from test_room import go, inside, live, screenshot

ROOM = {"width": 1366, "height": 768}


def test_thinking_time_starts_with_the_question_and_phones_show_it(browser, served):
    store, session = live(served)
    go(session, block="werkvorm2", prompt=None)  # the block's own introduction, as the agenda jumps there
    page = new_page(browser, served.facilitator_url, viewport=ROOM)
    phone = new_page(browser, served.join_url, **PHONE)
    expect(page.locator(".tlg-block-title")).to_have_text("Werkvorm 2: Een gedachte-experiment")
    expect(page.locator(".tlg-timer")).to_have_text("15:00")  # nobody started the block's clock
    expect(page.locator(".tlg-thinking")).to_be_hidden()
    expect(phone.get_by_text("Werkvorm 2: Een gedachte-experiment")).to_be_visible(timeout=PAGE_TIMEOUT_MS)

    page.get_by_role("button", name="Volgende ▶").click()
    expect(page.locator(".tlg-prompt")).to_have_text(
        "Merk jij het als een leerling zich niet prettig voelt in de school? Wat valt jou op?")
    thinking = page.locator(".tlg-thinking")
    # The handbook's thinking time per question (prompt_seconds: 120) runs by itself, without "Start tijd".
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog (2:00|1:\d\d)$"))
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog 1:\d\d$"))  # it counts down
    # The block's clock stays in view and runs on (15 minutes for the whole werkvorm), not the thinking time.
    expect(page.locator(".tlg-timer")).to_have_text(re.compile(r"^1[45]:\d\d$"))
    expect(page.get_by_role("button", name="❚❚ Pauze")).to_be_enabled()
    inside(page, thinking, "the thinking time")
    inside(page, page.locator(".tlg-timer"), "the block's clock")
    inside(page, page.locator(".tlg-prompt"), "the question")
    screenshot(page, "werkvorm2-denktijd-1366x768.png")

    # The phone shows the question and the same time left.
    expect(phone.get_by_text("Wat valt jou op?")).to_be_visible()
    expect(phone.locator(".tlg-thinking")).to_have_text(re.compile(r"^Denktijd nog 1:\d\d$"))

    # One pause stops the thinking time in the room and on the phone; it stands still while paused.
    page.get_by_role("button", name="❚❚ Pauze").click()
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog 1:\d\d \(gepauzeerd\)$"))
    expect(phone.locator(".tlg-thinking")).to_have_text(re.compile(r"\(gepauzeerd\)$"))
    paused_at = thinking.inner_text()
    assert session.thinking_time().label in paused_at and not session.thinking_time().running
    expect(phone.locator(".tlg-thinking")).to_have_text(paused_at)

    # The next question starts its own thinking time again, by itself.
    page.get_by_role("button", name="Volgende ▶").click()
    expect(page.locator(".tlg-prompt")).to_have_text("Bij welke signalen denk je wel eens aan kindermishandeling?")
    expect(thinking).to_have_text(re.compile(r"^Denktijd nog (2:00|1:\d\d)$"))
    expect(phone.locator(".tlg-thinking")).to_have_text(re.compile(r"^Denktijd nog (2:00|1:\d\d)$"))
    store.close()
