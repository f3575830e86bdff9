"""Werkvorm 4 is optional (the handbook): the facilitator skips it during the session from the agenda, and the
agenda, the walk with Volgende and the time left until the end re-plan. With TEAMLEERGESPREK_SCREENSHOTS=DIR the
test saves the facilitator's page after the skip, at 1366×768."""

from playwright.sync_api import expect

from serving import PAGE_TIMEOUT_MS, new_page
from test_room import go, inside, live, screenshot


def test_skipping_werkvorm_4_replans_agenda_and_remaining_time(browser, served):
    store, session = live(served)
    go(session, block="werkvorm3", activity="routekaart")
    page = new_page(browser, served.facilitator_url, viewport={"width": 1366, "height": 768})
    expect(page.locator(".tlg-block-title")).to_have_text("Werkvorm 3: De meldcode op school", timeout=PAGE_TIMEOUT_MS)
    remaining = page.locator(".tlg-agenda-remaining")
    # Werkvorm 3 (25, its clock not started) + 4 (15) + 5 (20) + Afsluiting (10) = 70 minutes.
    expect(remaining).to_have_text("Nog 1:10 uur tot het einde")
    item = page.locator(".tlg-agenda-item").filter(has_text="Werkvorm 4")
    expect(item).to_have_text("Werkvorm 4 · 15 min")

    page.get_by_role("button", name="Sla Werkvorm 4 over").click()
    expect(item).to_have_text("Werkvorm 4 · overgeslagen")
    expect(item).to_have_css("text-decoration-line", "line-through")
    expect(remaining).to_have_text("Nog 0:55 uur tot het einde")
    expect(page.get_by_role("button", name="Werkvorm 4 toch doen")).to_be_visible()
    inside(page, remaining, "the time left")
    inside(page, page.get_by_role("button", name="Werkvorm 4 toch doen"), "the skip button")
    assert session.state().skipped_blocks == ("werkvorm4",)

    # Volgende from Werkvorm 3's last step goes straight to Werkvorm 5, with its own clock.
    page.get_by_role("button", name="Volgende ▶").click()
    expect(page.locator(".tlg-block-title")).to_have_text("Werkvorm 5: Thema op de agenda houden")
    expect(page.locator(".tlg-timer")).to_have_text("20:00")
    expect(remaining).to_have_text("Nog 0:30 uur tot het einde")
    expect(page.locator(".tlg-agenda-item.tlg-current")).to_have_text("Werkvorm 5 · 20 min")
    screenshot(page, "werkvorm4-overgeslagen-1366x768.png")
    # And Vorige back from Werkvorm 5 lands on Werkvorm 3 again, not in the skipped block.
    page.get_by_role("button", name="◀ Vorige").click()
    expect(page.locator(".tlg-block-title")).to_have_text("Werkvorm 3: De meldcode op school")
    store.close()
