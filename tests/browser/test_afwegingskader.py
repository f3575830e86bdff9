"""Werkvorm 3 in real browsers: while the groups fill in the worksheet, the afwegingskader from the naslag is on the
projector (scherm.ipynb) without the facilitator doing anything; the facilitator can take it off, and it goes
when the worksheet closes."""

import re

from playwright.sync_api import expect

from serving import PROJECTOR, new_page, open_facilitator, walk_to

TITLE = "Het afwegingskader: twee vragen, twee beslissingen"


def test_the_afwegingskader_is_on_the_projector_during_the_worksheet_and_can_be_taken_off(browser, served):
    facilitator = open_facilitator(browser, served.facilitator_url)
    projector = new_page(browser, served.screen_url, **PROJECTOR)
    expect(projector.locator(".tlg-block-title")).to_have_text("Welkom")
    expect(projector.get_by_text(TITLE)).to_have_count(0)

    walk_to(facilitator, served, activity="werkblad")
    expect(projector.locator(".tlg-block-title")).to_have_text(re.compile("^Werkvorm 3"))
    expect(projector.get_by_text(TITLE)).to_be_visible()
    expect(projector.get_by_text("Heb ik een vermoeden van acute of structurele onveiligheid?", exact=False)
           ).to_be_visible()
    expect(projector.get_by_text("is melden noodzakelijk?", exact=False)).to_be_visible()
    # The facilitator's own page says what is on the screen, and offers to take it off.
    facilitator.get_by_role("button", name=re.compile(r"^Alleen voor jou")).click()
    picker = facilitator.get_by_role("combobox", name="Naslag op het scherm:")
    expect(picker.locator("option:checked")).to_have_text(TITLE)

    picker.select_option(label="— niets op het scherm —")
    expect(projector.get_by_text(TITLE)).to_have_count(0)
    picker.select_option(label=TITLE)
    expect(projector.get_by_text(TITLE)).to_be_visible()

    walk_to(facilitator, served, activity="routekaart")  # the worksheet closes: the room sees the route map
    expect(projector.get_by_text(TITLE)).to_have_count(0)
    expect(picker.locator("option:checked")).to_have_text("— niets op het scherm —")
