"""Werkvorm 3 flows into Werkvorm 5 in real browsers: what the facilitator marks 'aandacht nodig' on the route map
waits on the Werkvorm 5 board as a starting post-it, marked as coming from the route map; phones put stickers on
it, the board ranks it, and the facilitator hides it like any post-it."""

import re

from playwright.sync_api import expect

from serving import PHONE, new_page, open_facilitator, walk_to

ATTENTION = ("Niemand weet wie Veilig Thuis belt", "Nazorg voor de docent ontbreekt")


def test_route_map_attention_points_are_starting_post_its_that_receive_stickers(browser, served):
    from kit.store import Store

    facilitator = open_facilitator(browser, served.facilitator_url)
    phone = new_page(browser, served.join_url, **PHONE)
    expect(phone.get_by_text("Even wachten…")).to_be_visible()

    walk_to(facilitator, served, activity="routekaart")
    facilitator.get_by_role("button", name=re.compile(r"^Alleen voor jou")).click()
    expect(facilitator.get_by_role("combobox", name="Stap van de meldcode")).to_be_visible()
    route = facilitator.locator(".widget-vbox", has=facilitator.get_by_text("Routekaart", exact=True)).last
    route.locator("select").nth(1).select_option(label="Punten die aandacht nodig hebben")
    for text in ATTENTION:
        facilitator.get_by_placeholder("Punt voor de routekaart").fill(text)
        facilitator.get_by_role("button", name="Zet op de kaart").click()
        expect(route.get_by_text(f"Punten die aandacht nodig hebben · {text}")).to_be_visible()
    route.locator("select").nth(1).select_option(label="Positieve punten")
    facilitator.get_by_placeholder("Punt voor de routekaart").fill("Mentoren herkennen signalen")
    facilitator.get_by_role("button", name="Zet op de kaart").click()
    expect(route.get_by_text("Positieve punten · Mentoren herkennen signalen")).to_be_visible()

    # Werkvorm 5: the phone's own post-it joins the two from the route map.
    walk_to(facilitator, served, block="werkvorm5", prompt=0)
    phone.get_by_placeholder("Eén punt per post-it").fill("Tijd voor overleg")
    phone.get_by_role("button", name="Plak post-it").click()
    expect(phone.get_by_text("Je post-it hangt op het bord ✓")).to_be_visible()
    # The route map's points are nobody's own: the phone lists only what it wrote itself.
    expect(phone.get_by_text(ATTENTION[0])).to_have_count(0)

    walk_to(facilitator, served, activity="stickers")
    cards = phone.locator(".tlg-point")
    expect(cards).to_have_count(3)  # the positive route map point is not a post-it
    for text in ATTENTION:
        card = phone.locator(".tlg-point", has_text=text)
        expect(card.locator(".tlg-route-mark")).to_have_text("uit de routekaart")
    expect(phone.locator(".tlg-point", has_text="Tijd voor overleg").locator(".tlg-route-mark")).to_have_count(0)

    def stick(text):
        card = phone.locator(".widget-vbox", has=phone.locator(".tlg-point", has_text=text)).last
        card.get_by_role("button", name="+ sticker").click()
        expect(phone.get_by_text("Sticker geplakt ✓")).to_be_visible()

    stick(ATTENTION[1])
    stick(ATTENTION[1])
    stick(ATTENTION[0])
    expect(phone.get_by_text("Je hebt nog 0 stickers")).to_be_visible()
    with Store(served.db_url) as store:
        points = {p.point_id: p for p in store.board.points(served.code)}
        stored = {points[pid].text: n for pid, n in store.board.sticker_counts(served.code).items()}
    assert stored == {ATTENTION[1]: 2, ATTENTION[0]: 1}
    assert all(p.from_route_map == (p.text in ATTENTION) for p in points.values())

    facilitator.get_by_role("button", name="Toon resultaten").click()
    rows = facilitator.locator(".tlg-board-text")
    expect(rows.nth(0)).to_have_text(f"1. uit de routekaart {ATTENTION[1]}")
    expect(rows.nth(1)).to_have_text(f"2. uit de routekaart {ATTENTION[0]}")

    # The facilitator hides one like any post-it: it leaves the board and the phone's ballot.
    row = facilitator.locator(".widget-hbox", has=facilitator.get_by_role(
        "combobox", name=f"Voeg samen met een ander punt: {ATTENTION[0]}")).last
    expect(row.locator(".tlg-route-mark")).to_have_text("uit de routekaart")
    row.get_by_role("button", name="Verberg").click()
    expect(rows).to_have_count(2)
    expect(phone.locator(".tlg-point", has_text=ATTENTION[0])).to_have_count(0)
