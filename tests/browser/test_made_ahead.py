"""A phone that had time to make the next question's view ahead (kit.apps.participant) shows it when the
facilitator moves on, and it works as any view: the answer is tapped, saved and stored, and the focus goes to the
new question for a screen reader. Also after the facilitator went back to a question this phone had answered."""

import re

from playwright.sync_api import expect

from kit.apps.participant import MADE_AHEAD_WITHIN_SECONDS
from serving import PHONE, click_next, new_page, open_facilitator, wait_for_focused_heading, walk_to

MADE_AHEAD_MS = int((MADE_AHEAD_WITHIN_SECONDS + 4) * 1000)  # and a margin for a busy machine


def test_the_view_made_ahead_is_shown_answered_and_stored(browser, served):
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        steps = LiveSession.open(store, served.code).template.steps
    skill = next(s for s in steps if s.question is not None and s.question.key == "vaardigheid")
    satisfaction = steps[skill.index + 1].question
    assert satisfaction is not None and "4" in [str(v) for v in satisfaction.scale_values]

    facilitator = open_facilitator(browser, served.facilitator_url)
    phone = new_page(browser, served.join_url, **PHONE)
    expect(phone.get_by_text("Even wachten…")).to_be_visible()
    walk_to(facilitator, served, question="vaardigheid")
    expect(phone.get_by_text(skill.question.text)).to_be_visible()
    phone.get_by_role("button", name="vaardig", exact=True).click()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    phone.wait_for_timeout(MADE_AHEAD_MS)  # the room talks; the phone makes the next question's view

    click_next(facilitator, served)
    expect(phone.get_by_text(satisfaction.text)).to_be_visible(timeout=5000)
    assert satisfaction.text in wait_for_focused_heading(phone)
    phone.get_by_role("button", name=re.compile(r"^4\b")).click()
    expect(phone.get_by_text("Opgeslagen ✓")).to_be_visible()
    with Store(served.db_url) as store:
        assert [a.value for a in store.sessions.answers(served.code, satisfaction.key)] == ["4"]

    # Back to the skill question and on again, after the phone made the next view once more: the view made
    # ahead of an answered question is made anew and shows the answer.
    facilitator.get_by_role("button", name="◀ Vorige").click()
    expect(phone.get_by_text(skill.question.text)).to_be_visible()
    phone.wait_for_timeout(MADE_AHEAD_MS)
    click_next(facilitator, served)
    expect(phone.get_by_text(satisfaction.text)).to_be_visible(timeout=5000)
    expect(phone.locator(".tlg-selected")).to_have_text("4")
