"""The facilitator's notes in real browsers: every block has them, folded until one tap, readable at 1366×768 in
their own scroll area; the projector view (scherm.ipynb) and a phone never show them.

With TEAMLEERGESPREK_SCREENSHOTS=DIR the test saves the facilitator's page with the notes of Werkvorm 1 open."""

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from serving import open_room, walk_to



def test_the_facilitator_opens_the_notes_of_every_block_and_nobody_else_sees_them(browser, served):
    from kit.model.live import LiveSession
    from kit.store import Store

    with Store(served.db_url) as store:
        blocks = LiveSession.open(store, served.code).template.blocks
    assert all(b.notes is not None and b.notes.doel for b in blocks)

    facilitator, projector, phone = open_room(browser, served)

    toggle = facilitator.locator("button.tlg-notes-toggle")
    body = facilitator.locator(".tlg-notes-body")
    # The notes are the facilitator's own: under 'Alleen voor jou', which stays open once opened on purpose.
    expect(toggle).to_be_hidden()
    facilitator.get_by_role("button", name=re.compile(r"^Alleen voor jou")).click()
    for block in blocks:
        walk_to(facilitator, served, block=block.key)
        expect(facilitator.locator(".tlg-block-title")).to_have_text(block.title)
        # Folded when the block comes up; one tap opens it.
        expect(body).to_be_hidden()
        expect(toggle).to_have_text("▸ Aantekeningen voor de begeleider")
        toggle.click()
        expect(body).to_be_visible()
        expect(body).to_contain_text(block.notes.doel)
        expect(body).to_contain_text(block.notes.stappen[-1])
        expect(body).to_contain_text(block.notes.let_op[0])
        # Large type, and a scroll area of its own that fits the laptop's screen.
        size = body.locator(".widget-html-content").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 18
        assert body.evaluate("e => getComputedStyle(e).overflowY") == "auto"
        assert body.bounding_box()["height"] <= 768 * 0.6
        if block.key == "werkvorm1" and os.environ.get("TEAMLEERGESPREK_SCREENSHOTS"):
            folder = Path(os.environ["TEAMLEERGESPREK_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            facilitator.screenshot(path=str(folder / "begeleider-aantekeningen-1366x768.png"))

        # The room and the phones: same block, never the notes.
        expect(projector.locator(".tlg-block-title")).to_have_text(block.title)
        for page in (projector, phone):
            expect(page.locator(".tlg-notes")).to_have_count(0)
            expect(page.get_by_text(block.notes.doel)).to_have_count(0)
            expect(page.get_by_text(block.notes.let_op[0])).to_have_count(0)

        toggle.click()
        expect(body).to_be_hidden()
